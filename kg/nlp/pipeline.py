"""Load a Stanza pipeline for Indonesian without touching the network.

``bundled`` is kg's own model set under ``models/id-kg``; ``official`` is an installed
official Stanza Indonesian package (plus kg's NER, which Stanza does not have); any
other value is a folder laid out like ``models/id-kg``.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import os
from collections.abc import Collection, Iterator
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
# What kg's extraction reads: tokens, words, UPOS and NER. Lemmas are read nowhere and the
# dependency tree only narrows event participants, which it did not improve on the dev
# articles (models/README.md); `kg build --trees` adds both.
BUILD_PROCESSORS = ("tokenize", "mwt", "pos", "ner")
TREE_PROCESSORS = ("lemma", "depparse")
# Left in float: the tokenizer (int8 makes it about 3x slower, issue 11), and the lemmatizer and
# parser, which builds do not run and int8 costs 0.14-0.18 LAS (models/README.md).
NOT_QUANTIZED = ("tokenize", "lemma", "depparse")
CHARLM_FILES = {"forward": "charlm_forward.pt", "backward": "charlm_backward.pt"}
USES_CHARLM = ("ner",)  # kg's processors trained with the character LM, when the set has one


def processors_for(trees: bool = False) -> str:
    """The Stanza processors a build runs: BUILD_PROCESSORS, with ``trees`` TREE_PROCESSORS too."""
    return ",".join(BUILD_PROCESSORS + (TREE_PROCESSORS if trees else ()))


def _official_dir() -> Path:
    from stanza.resources.common import DEFAULT_MODEL_DIR
    return Path(os.environ.get("STANZA_RESOURCES_DIR", DEFAULT_MODEL_DIR)) / "id"


def model_folder(models: str | Path = "bundled") -> Path | None:
    """The folder of a kg-style model set (None for the official package)."""
    if models == "official":
        return None
    return BUNDLED_DIR if models == "bundled" else Path(models)


def model_paths(models: str | Path = "bundled", processors: Collection[str] = PROCESSORS) -> dict[str, str]:
    """Stanza keyword arguments naming the model files of ``processors`` (with the vectors and
    character LMs they were trained with); raises ModelError if any is missing."""
    if models == "official":
        return _official_paths() if "ner" in processors else {}
    wanted = [p for p in PROCESSORS if p in processors]
    folder = model_folder(models)
    files = {p: folder / f"{p}.pt" for p in wanted}
    if set(wanted) & set(USES_VECTORS):
        files["pretrain"] = folder / "pretrain.pt"
    missing = sorted(str(f) for f in files.values() if not f.exists())
    if missing:
        hint = ("run `kg models train` with ../shared/data present (see models/README.md)"
                if models == "bundled" else "point --models at a folder with these files")
        raise ModelError(f"incomplete Stanza model set, missing {', '.join(missing)}; {hint}",
                         path=folder)
    kwargs = {f"{p}_model_path": str(files[p]) for p in wanted}
    kwargs |= {f"{p}_pretrain_path": str(files["pretrain"]) for p in USES_VECTORS if p in wanted}
    kwargs |= {f"{p}_{d}_charlm_path": str(f) for p in USES_CHARLM if p in wanted  # needed at load
               for d, f in charlm_paths(folder).items()}
    return kwargs


def charlm_paths(folder: Path) -> dict[str, Path]:
    """Direction -> file of the folder's character LMs, or {} unless both are there."""
    files = {d: folder / name for d, name in CHARLM_FILES.items()}
    return files if all(f.exists() for f in files.values()) else {}


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
    return model_paths("bundled", ("ner",))


def load_pipeline(models: str | Path = "bundled", processors: str = ",".join(PROCESSORS),
                  quantized: bool = True, **stanza_kwargs) -> stanza.Pipeline:
    """A fresh offline Indonesian Stanza pipeline (tokenize → ner) from the chosen model set.

    Only the named processors are loaded (Stanza loads every processor it is given a model
    path for). A kg model set's clitic lexicon (``clitics.json``) post-processes the tokenizer.
    ``quantized``: int8 weights where they cost nothing measurable (see `quantize`).
    """
    import stanza

    names = processors.split(",")
    paths = model_paths(models, names)
    folder = model_folder(models)
    resources = _official_dir().parent if folder is None else folder
    options = {"lang": "id", "processors": processors, "dir": str(resources),
               "download_method": None, "allow_unknown_language": True,
               "use_gpu": False, "logging_level": "ERROR",
               "tokenize_pretokenized": False} | paths | stanza_kwargs
    if folder is not None and not options["tokenize_pretokenized"]:
        options.setdefault("tokenize_postprocessor", clitics.load_clitics(folder / clitics.FILENAME))
    logging.getLogger("stanza").setLevel(logging.ERROR)
    with _no_optimizers() if "depparse" not in names else contextlib.nullcontext():
        nlp = stanza.Pipeline(**options)
    return quantize(nlp) if quantized else nlp


@contextlib.contextmanager
def _no_optimizers() -> Iterator[None]:
    """Stanza's trainers build an optimizer even to predict, and torch's first optimizer imports
    torch._dynamo: 2.5 s of a 3.8 s model load (issue 11). Predicting needs none, so while a
    pipeline loads, Stanza's optimizer factory (stanza==1.15.0) returns None. Not for the parser,
    whose trainer hangs a learning-rate scheduler on its optimizer."""
    from stanza.models.common import utils

    build = utils.dispatch_optimizer
    utils.dispatch_optimizer = lambda *args, **kwargs: None
    try:
        yield
    finally:
        utils.dispatch_optimizer = build


def quantize(nlp: stanza.Pipeline) -> stanza.Pipeline:
    """int8 dynamic quantization of the Linear and LSTM layers of the processors builds run
    but the tokenizer: faster on a CPU for scores within 0.05 points (models/README.md)."""
    import warnings

    import torch

    for name, processor in nlp.processors.items():
        if name in NOT_QUANTIZED:
            continue
        for trainer in getattr(processor, "trainers", None) or [processor.trainer]:
            with warnings.catch_warnings():  # torch announces a future move of these functions
                warnings.filterwarnings("ignore", ".*quantiz", category=UserWarning)
                warnings.filterwarnings("ignore", ".*quantiz", category=DeprecationWarning)
                trainer.model = torch.ao.quantization.quantize_dynamic(
                    trainer.model, {torch.nn.Linear, torch.nn.LSTM}, dtype=torch.qint8)
    return nlp


@functools.cache
def shared_pipeline(models: str = "bundled", processors: str = processors_for(),
                    quantized: bool = True) -> stanza.Pipeline:
    """One pipeline per process, model set and processor list, loaded on first use.

    Torch gets one thread: parallelism comes from worker processes, which stays fast when
    other programs compete for the cores (more threads per process collapse then, issue 11).
    """
    import torch

    torch.set_num_threads(1)
    return load_pipeline(models, processors, quantized)
