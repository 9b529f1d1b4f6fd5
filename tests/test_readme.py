"""The README tells the truth: its module map matches the package tree, its Python runs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

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


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.S)


@pytest.mark.slow
def test_python_blocks_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ```python block, in a folder holding a copy of seeds/ (as the README assumes)."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    blocks = _blocks("python")
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {"__name__": "readme"})
    assert (tmp_path / "graph.svg").stat().st_size > 0 and (tmp_path / "kg-store").is_dir()
