"""CPU seconds of the rule layer (kg.extract.article.extract) over the held-out fixed parses.

Prints the best of N runs and a hash of every extraction, so a refactoring can show that it
changed nothing and what it cost; no model is loaded.

    python bench/extract_speed.py --runs 3
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.extract.article import extract  # noqa: E402
from kg.ingest import read_article  # noqa: E402
from kg.nlp.parse import from_conllu  # noqa: E402

HELDOUT = ROOT / "tests" / "fixtures" / "heldout"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    items = []
    for path in sorted((HELDOUT / "parses").glob("*.conllu")):
        article = read_article(HELDOUT / "articles" / f"{path.stem}.txt")[0]
        items.append((article, from_conllu(path.read_text(encoding="utf-8"), text=article.text)))
    extract(items[0][1], items[0][0].date, items[0][0].title)  # compile the lexicon's patterns once
    times = []
    for _ in range(args.runs):
        start = time.process_time()
        out = [extract(parse, article.date, article.title) for article, parse in items]
        times.append(time.process_time() - start)
    digest = hashlib.sha256(repr(out).encode()).hexdigest()[:16]
    print(f"{len(items)} articles: extract {min(times):.3f} CPU s (best of {len(times)}), result {digest}")


if __name__ == "__main__":
    main()
