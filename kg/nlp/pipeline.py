"""Load a Stanza pipeline for Indonesian without touching the network.

``bundled`` is kg's own model set under ``models/id-kg``; ``official`` is an installed
official Stanza Indonesian package (plus kg's NER, which Stanza does not have); any
other value is a folder laid out like ``models/id-kg``.
"""

from __future__ import annotations

import functools
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from kg.assets import MODELS_DIR
from kg.errors import ModelError
from kg.nlp import clitics

if TYPE_CHECKING:
    import stanza

BUNDLED_DIR = MODELS_DIR / "id-kg"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
USES_VECTORS = ("pos", "depparse", "ner")


def _official_dir() -> Path:
    from stanza.resources.common import DEFAULT_MODEL_DIR
    return Path(os.environ.get("STANZA_RESOURCES_DIR", DEFAULT_MODEL_DIR)) / "id"


def model_folder(models: str | Path = "bundled") -> Path | None:
    """The folder of a kg-style model set (None for the official package)."""
    if models == "official":
        return None
    return BUNDLED_DIR if models == "bundled" else Path(models)


def model_paths(models: str | Path = "bundled") -> dict[str, str]:
    """Stanza keyword arguments naming every model file; raises ModelError if any is missing."""
    if models == "official":
        return _official_paths()
    folder = model_folder(models)
    files = {p: folder / f"{p}.pt" for p in PROCESSORS} | {"pretrain": folder / "pretrain.pt"}
    missing = sorted(str(f) for f in files.values() if not f.exists())
    if missing:
        hint = ("run `kg models train` with ../shared/data present (see models/README.md)"
                if models == "bundled" else "point --models at a folder with these files")
        raise ModelError(f"incomplete Stanza model set, missing {', '.join(missing)}; {hint}",
                         path=folder)
    kwargs = {f"{p}_model_path": str(files[p]) for p in PROCESSORS}
    kwargs |= {f"{p}_pretrain_path": str(files["pretrain"]) for p in USES_VECTORS}
    return kwargs


def _official_paths() -> dict[str, str]:
    """An installed official Indonesian package (`stanza.download("id")` on a networked machine).

    Stanza resolves its own files from the package's resources.json; kg adds its NER.
    """
    root = _official_dir()
    resources = root.parent / "resources.json"
    missing = [str(p) for p in (resources, root / "tokenize", root / "pos", root / "depparse") if not p.exists()]
    if missing:
        raise ModelError(
            f"official Stanza Indonesian models not installed (missing {', '.join(missing)}); "
            "install them on a networked machine with `python -c \"import stanza; "
            "stanza.download('id')\"`, copy the stanza_resources folder here (or set "
            "STANZA_RESOURCES_DIR), or use --models bundled", path=root)
    bundled = model_paths("bundled")
    return {k: bundled[k] for k in ("ner_model_path", "ner_pretrain_path")}


def load_pipeline(models: str | Path = "bundled", processors: str = ",".join(PROCESSORS),
                  **stanza_kwargs) -> stanza.Pipeline:
    """A fresh offline Indonesian Stanza pipeline (tokenize → ner) from the chosen model set.

    Only the named processors are loaded (Stanza loads every processor it is given a model
    path for). A kg model set's clitic lexicon (``clitics.json``) post-processes the tokenizer.
    """
    import stanza

    wanted = set(processors.split(","))
    paths = {k: v for k, v in model_paths(models).items() if k.split("_", 1)[0] in wanted}
    folder = model_folder(models)
    resources = _official_dir().parent if folder is None else folder
    options = {"lang": "id", "processors": processors, "dir": str(resources),
               "download_method": None, "allow_unknown_language": True,
               "use_gpu": False, "logging_level": "ERROR",
               "tokenize_pretokenized": False} | paths | stanza_kwargs
    if folder is not None and not options["tokenize_pretokenized"]:
        options.setdefault("tokenize_postprocessor", clitics.load_clitics(folder / clitics.FILENAME))
    logging.getLogger("stanza").setLevel(logging.ERROR)
    return stanza.Pipeline(**options)


@functools.cache
def shared_pipeline(models: str = "bundled") -> stanza.Pipeline:
    """One pipeline per process and model set, loaded on first use."""
    return load_pipeline(models)
