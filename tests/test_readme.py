"""The README tells the truth: its module map matches the package tree."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _module_map() -> str:
    start = README.index("| step | module | what |")
    return README[start:README.index("\n\n", start)]


def test_module_map_names_every_module_and_only_real_ones() -> None:
    table = _module_map()
    named = set()
    for row in table.splitlines()[2:]:
        cell = row.split("|")[2]
        for folder, inner in re.findall(r"`(kg/\w+/)` \(([^)]*)\)", cell):
            named |= {f"{folder}{m}.py" for m in re.findall(r"`(\w+)`", inner)}
        named |= set(re.findall(r"`(kg/\w+\.py)`", cell))
    tree = {str(p.relative_to(ROOT)) for p in (ROOT / "kg").rglob("*.py")
            if p.name not in ("__main__.py",) and not (p.name == "__init__.py" and p.parent.name != "kg")}
    assert named == tree
