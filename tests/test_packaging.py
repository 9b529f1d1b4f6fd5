"""What a wheel needs: every third-party module kg imports is a declared dependency.

Modules imported at module level must be in [project].dependencies (an install without extras
runs them); ones imported inside a function may instead come from an extra (training: gensim).
The wheel itself is built and installed into a fresh venv by scripts/check_wheel.sh in CI.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}


def _imports() -> dict[str, bool]:
    """Third-party top-level module -> imported at module level somewhere in kg/."""
    found: dict[str, bool] = {}
    for path in (ROOT / "kg").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        top = {id(n) for n in tree.body}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                name = module.split(".")[0]
                if name != "kg" and name not in sys.stdlib_module_names and name != "__future__":
                    found[name] = found.get(name, False) or id(node) in top
    return found


def test_every_third_party_import_is_declared() -> None:
    distributions = metadata.packages_distributions()
    required = _names(PYPROJECT["project"]["dependencies"])
    extras = set().union(*(_names(v) for v in PYPROJECT["project"]["optional-dependencies"].values()))
    imports = _imports()
    assert {"rdflib", "stanza", "trafilatura"} <= set(imports)  # the scan sees kg's imports
    for module, at_top in sorted(imports.items()):
        names = {d.lower().replace("_", "-") for d in distributions.get(module, [module])}
        assert names & (required if at_top else required | extras), f"{module} ({names}) is not declared"


def test_the_layouts_hidden_import_is_declared() -> None:
    """networkx's kamada_kawai_layout imports scipy inside networkx: no import in kg shows it."""
    if "kamada_kawai" in (ROOT / "kg" / "drawing.py").read_text(encoding="utf-8"):
        assert "scipy" in _names(PYPROJECT["project"]["dependencies"])


def test_the_wheel_maps_the_owners_asset_folders() -> None:
    setuptools = PYPROJECT["tool"]["setuptools"]
    for name in ("ontology", "queries", "models"):
        assert setuptools["package-dir"][f"kg.{name}"] == name
        assert f"kg.{name}" in setuptools["packages"]
