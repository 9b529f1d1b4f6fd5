"""Where kg's data files live: the owner's top-level `ontology/`, `queries/` and `models/`.

In a checkout they are beside the package; a wheel carries them inside it (`kg/ontology`, …,
mapped by `[tool.setuptools.package-dir]` in pyproject.toml), so an installed kg needs no checkout.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def asset_dir(name: str) -> Path:
    """The folder `name` (ontology, queries, models): packaged copy first, else the checkout's."""
    packaged = PACKAGE / name
    return packaged if packaged.is_dir() else PACKAGE.parent / name


ONTOLOGY_DIR = asset_dir("ontology")
QUERIES_DIR = asset_dir("queries")
MODELS_DIR = asset_dir("models")
