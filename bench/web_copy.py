"""Extraction on web copies of the held-out articles against the clean articles, by `kg eval` (models run).

A web copy is the article as copied from its news page rather than saved clean: the headline on the first
line (with the page's date stamp under it when the front matter gives no title and date), one paragraph a
line, "Baca juga: …" links, advertisement markers and the credits. Prints both score tables; a kg that reads
copies well scores the same on both.

    python bench/web_copy.py [--headline-only] [--kg KG]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
FURNITURE = {1: "Baca juga: KPU Tetapkan Jadwal Debat Kedua Pilkada 2024", 2: "ADVERTISEMENT",
             3: "SCROLL TO CONTINUE WITH CONTENT"}


def web_copy(text: str, keep_front_matter: bool = True) -> str:
    """The same article as copied from its page: headline first, a paragraph a line, furniture, credits."""
    front, body = re.match(r"(---\n.*?\n---\n)(.*)", text, re.S).groups()
    title = re.search(r'^title:\s*"?(.*?)"?\s*$', front, re.M).group(1)
    lines = [title]
    if not keep_front_matter:  # the headline and the page's date stamp give title and date
        year, month, day = re.search(r"^date:\s*(\d{4})-(\d{2})-(\d{2})", front, re.M).groups()
        front = re.sub(r"^(?:title|date):.*\n", "", front, flags=re.M)
        lines.append(f"{int(day)}/{int(month)}/{year} | 14:30 WIB")
    for i, paragraph in enumerate(p.strip() for p in re.split(r"\n\s*\n", body.strip())):
        lines += [paragraph, *([FURNITURE[i]] if i in FURNITURE else [])]
    return front + "\n" + "\n".join([*lines, "Pewarta: Rudi Hartono", "Editor: Sinta Dewi"]) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--headline-only", action="store_true", help="no title or date in the front matter")
    ap.add_argument("--kg", default=str(Path(sys.executable).parent / "kg"), help="the kg command to measure")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        copies = Path(tmp) / "articles"
        copies.mkdir()
        for path in sorted((HELDOUT / "articles").glob("*.txt")):
            text = web_copy(path.read_text(encoding="utf-8"), keep_front_matter=not args.headline_only)
            (copies / path.name).write_text(text, encoding="utf-8")
        for name, folder in (("clean", HELDOUT / "articles"), ("web copies", copies)):
            print(f"== {name}", flush=True)
            subprocess.run([args.kg, "eval", str(HELDOUT / "gold"), str(folder), "--quiet"], check=True, cwd=tmp)


if __name__ == "__main__":
    main()
