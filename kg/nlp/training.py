"""Train kg's Indonesian Stanza models from the open treebanks and NER corpora.

Each processor is trained by Stanza's own training module (``stanza.models.*.main``)
on files this module prepares: a seeded train/dev split of CSUI train + GSD dev + PUD
(GSD test and CSUI test stay untouched for evaluation), NERGrit for NER, and
word2vec vectors trained here on the same data's text. Nothing is downloaded.
"""

from __future__ import annotations

import json
import logging
import random
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.nlp import clitics
from kg.nlp.conllu import read_conllu_blocks, write_conllu_blocks

log = logging.getLogger(__name__)

PROCESSORS = ("vectors", "tokenize", "mwt", "clitics", "pos", "lemma", "depparse", "ner")
UD_TRAIN_SOURCES = ("ud/id_csui-ud-train.conllu", "ud/id_gsd-ud-dev.conllu", "ud/id_pud-ud-test.conllu")
UD_TEST_SETS = {"gsd": "ud/id_gsd-ud-test.conllu", "csui": "ud/id_csui-ud-test.conllu"}
NER_DIR = "ner/nergrit"
NERP_DIR = "ner/nerp"
NERP_LABELS = {"PPL": "PERSON", "PLC": "PLACE", "IND": "ORGANISATION"}  # EVT and FNB are not kg's types
SHORTHAND = "id_kg"

# Sizes chosen to keep the whole model set under 60 MB (see models/README.md).
DEFAULT_STEPS = {"tokenize": 3000, "mwt": 30, "pos": 1500, "lemma": 10, "depparse": 3000, "ner": 2500}
PARSER_SIZE = ["--hidden_dim", "200", "--char_hidden_dim", "200", "--deep_biaff_hidden_dim", "200",
               "--deep_biaff_output_dim", "100", "--num_layers", "2"]


@dataclass(frozen=True)
class TrainConfig:
    """Where the data is, where work files and finished models go, and how long to train."""

    data_dir: Path
    out_dir: Path
    work_dir: Path
    steps: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_STEPS))
    seed: int = 1234
    dev_fraction: float = 0.1
    ner_corpora: tuple[str, ...] = ("nergrit",)


# --------------------------------------------------------------------------- data


def normalise_ud_block(block: list[str]) -> list[str]:
    """Blank XPOS (tag sets differ by treebank) and unify lemma conventions.

    GSD lower-cases every lemma and lemmatises the clitic "-nya" as "dia"; CSUI and PUD
    keep case and use "nya". We follow CSUI/PUD: they are most of the training data.
    """
    out = []
    for line in block:
        if line.startswith("#") or "\t" not in line:
            out.append(line)
            continue
        cols = line.split("\t")
        cols[4] = "_"
        form, lemma = cols[1], cols[2]
        if form.lower() == "nya" and lemma == "dia":
            cols[2] = "nya"
        elif lemma != "_" and lemma == form.lower() and form != lemma:
            cols[2] = form
        out.append("\t".join(cols))
    return out


def split_ud(cfg: TrainConfig) -> tuple[Path, Path]:
    """Seeded train/dev split of each training treebank; returns (train, dev) CoNLL-U paths."""
    rng = random.Random(cfg.seed)
    train, dev = [], []
    for rel in UD_TRAIN_SOURCES:
        blocks = [normalise_ud_block(b) for b in read_conllu_blocks(cfg.data_dir / rel)]
        rng.shuffle(blocks)
        n_dev = max(1, round(len(blocks) * cfg.dev_fraction))
        dev += blocks[:n_dev]
        train += blocks[n_dev:]
    ud = cfg.work_dir / "ud"
    ud.mkdir(parents=True, exist_ok=True)
    write_conllu_blocks(ud / "train.conllu", train)
    write_conllu_blocks(ud / "dev.conllu", dev)
    return ud / "train.conllu", ud / "dev.conllu"


def ud_texts(cfg: TrainConfig) -> Iterator[list[str]]:
    """Token lists from every text we may learn vectors from (never the test sets)."""
    for rel in (*UD_TRAIN_SOURCES, "ud/legacy/id-ud-train-2017.conllu"):
        for block in read_conllu_blocks(cfg.data_dir / rel):
            yield [ln.split("\t")[1] for ln in block if ln[:1].isdigit() and "\t" in ln
                   and "-" not in ln.split("\t")[0] and "." not in ln.split("\t")[0]]
    for name in ("train.txt", "valid.txt"):
        yield from (tokens for tokens, _ in read_bio(cfg.data_dir / NER_DIR / name))
        yield from (tokens for tokens, _ in read_bio(cfg.data_dir / "ner/nerp" / name))
    for path in sorted((cfg.data_dir / "text").glob("*")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
            yield [t.strip("\"'[],") for t in line.replace("\t", " ").split() if t.strip("\"'[],")]


def read_bio(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of an IndoNLU token<TAB>tag file."""
    sents, tokens, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                sents.append((tokens, tags))
            tokens, tags = [], []
            continue
        word, _, tag = line.partition("\t")
        tokens.append(word)
        tags.append(tag.strip() or "O")
    if tokens:
        sents.append((tokens, tags))
    return sents


def nerp_as_nergrit(sents: Iterable[tuple[list[str], list[str]]]) -> list[tuple[list[str], list[str]]]:
    """NER-PROSA in NERGrit's labels and, roughly, its casing.

    NER-PROSA is lower-cased; news capitalises names and sentence starts, and the tagger's
    character model relies on that, so entity tokens and sentence starts are capitalised.
    """
    out = []
    for tokens, tags in sents:
        labels = []
        for tag in tags:
            prefix, _, label = tag.partition("-")
            labels.append(f"{prefix}-{NERP_LABELS[label]}" if label in NERP_LABELS else "O")
        starts = [True] + [prev in (".", "!", "?") for prev in tokens[:-1]]
        cased = [t[:1].upper() + t[1:] if (start or lab != "O") else t
                 for t, lab, start in zip(tokens, labels, starts, strict=True)]
        out.append((cased, labels))
    return out


def bio_to_stanza_json(sents: Iterable[tuple[list[str], list[str]]], path: Path) -> Path:
    """Stanza's NER training format: a list of sentences of {text, ner} tokens."""
    data = [[{"text": w, "ner": t} for w, t in zip(tokens, tags, strict=True)] for tokens, tags in sents]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- vectors


def train_vectors(cfg: TrainConfig, dim: int = 100, min_count: int = 3) -> Path:
    """Skip-gram word2vec on lower-cased text, saved as a Stanza pretrain file."""
    from gensim.models import Word2Vec
    from stanza.models.common.pretrain import Pretrain

    sentences = [[t.lower() for t in s] for s in ud_texts(cfg) if s]
    model = Word2Vec(sentences, vector_size=dim, window=5, min_count=min_count, sg=1,
                     workers=1, seed=cfg.seed, epochs=10)
    vec_dir = cfg.work_dir / "vectors"
    vec_dir.mkdir(parents=True, exist_ok=True)
    txt = vec_dir / "id_kg.vec.txt"
    model.wv.save_word2vec_format(str(txt), binary=False)
    out = cfg.out_dir / "pretrain.pt"
    out.unlink(missing_ok=True)
    Pretrain(str(out), str(txt)).load()
    log.info("vectors: %d words from %d sentences", len(model.wv), len(sentences))
    return out


# --------------------------------------------------------------------------- processors


def _run(main: Callable[[list[str]], object], args: list[str]) -> None:
    argv = [str(a) for a in args]
    log.info("stanza %s %s", main.__module__, " ".join(argv))
    main(argv)


def _common(cfg: TrainConfig, name: str) -> list[str]:
    return ["--lang", "id", "--shorthand", SHORTHAND, "--save_dir", cfg.out_dir,
            "--save_name", f"{name}.pt", "--seed", cfg.seed]


def _pretrain_args(cfg: TrainConfig) -> list[str]:
    vectors = cfg.out_dir / "pretrain.pt"
    if not vectors.exists():
        return ["--no_pretrain"]
    return ["--wordvec_pretrain_file", vectors]


def train_tokenizer(cfg: TrainConfig, train: Path, dev: Path) -> None:
    """Tokenizer + sentence splitter with MWT output, no character LM."""
    from stanza.models import tokenizer
    from stanza.utils.datasets import prepare_tokenizer_data
    from stanza.utils.datasets.conllu_to_text import convert_text

    tok = cfg.work_dir / "tokenize"
    tok.mkdir(parents=True, exist_ok=True)
    for split, conllu in (("train", train), ("dev", dev)):
        convert_text(str(conllu), str(tok / f"{split}.txt"))
        prepare_tokenizer_data.main([str(tok / f"{split}.txt"), str(conllu),
                                     "-o", str(tok / f"{split}.labels"),
                                     "-m", str(tok / f"{split}-mwt.json")])
    _run(tokenizer.main, [
        *_common(cfg, "tokenize"), "--mode", "train",
        "--txt_file", tok / "train.txt", "--label_file", tok / "train.labels",
        "--mwt_json_file", tok / "train-mwt.json",
        "--dev_txt_file", tok / "dev.txt", "--dev_label_file", tok / "dev.labels",
        "--dev_conll_gold", dev, "--conll_file", tok / "dev.pred.conllu",
        "--steps", cfg.steps["tokenize"], "--eval_steps", 200,
    ])


def train_mwt(cfg: TrainConfig, train: Path, dev: Path) -> None:
    from stanza.models import mwt_expander
    _run(mwt_expander.main, [
        *_common(cfg, "mwt"), "--mode", "train", "--train_file", train, "--eval_file", dev,
        "--gold_file", dev, "--output_file", cfg.work_dir / "mwt.dev.pred.conllu",
        "--num_epoch", cfg.steps["mwt"],
    ])


def learn_clitic_lexicon(cfg: TrainConfig, train: Path) -> Path:
    """How the training treebanks segment clitics, for the tokenizer's postprocessor (kg.nlp.clitics)."""
    out = cfg.out_dir / clitics.FILENAME
    out.write_text(clitics.learn_clitics(read_conllu_blocks(train)).to_json(), encoding="utf-8")
    return out


def train_pos(cfg: TrainConfig, train: Path, dev: Path) -> None:
    from stanza.models import tagger
    _run(tagger.main, [
        *_common(cfg, "pos"), *_pretrain_args(cfg), "--mode", "train",
        "--train_file", train, "--eval_file", dev, "--output_file", cfg.work_dir / "pos.dev.pred.conllu",
        "--batch_size", 32, "--max_steps", cfg.steps["pos"], "--eval_interval", min(100, cfg.steps["pos"]),
    ])


def train_lemma(cfg: TrainConfig, train: Path, dev: Path) -> None:
    from stanza.models import lemmatizer
    _run(lemmatizer.main, [
        *_common(cfg, "lemma")[2:], "--mode", "train", "--train_file", train, "--eval_file", dev,
        "--output_file", cfg.work_dir / "lemma.dev.pred.conllu", "--num_epoch", cfg.steps["lemma"],
    ])


def retag(cfg: TrainConfig, conllu: Path) -> Path:
    """The same sentences with UPOS/UFeats predicted by our tagger, as the parser will see them."""
    from stanza.models import tagger
    out = cfg.work_dir / "depparse" / f"{conllu.stem}.tagged.conllu"
    out.parent.mkdir(parents=True, exist_ok=True)
    _run(tagger.main, [
        *_common(cfg, "pos"), *_pretrain_args(cfg), "--mode", "predict",
        "--eval_file", conllu, "--output_file", out, "--batch_size", 1000,
    ])
    return out


def train_depparse(cfg: TrainConfig, train: Path, dev: Path) -> None:
    """Graph parser, shrunk from Stanza's 105 MB default (PARSER_SIZE).

    It learns from tags predicted by the trained tagger when there is one: at run time it
    never sees gold tags, and training on gold ones costs LAS on raw text.
    """
    from stanza.models import parser
    if (cfg.out_dir / "pos.pt").exists():
        train, dev = retag(cfg, train), retag(cfg, dev)
    (cfg.work_dir / "depparse_checkpoint.pt").unlink(missing_ok=True)  # Stanza would silently resume from it
    _run(parser.main, [
        *_common(cfg, "depparse"), *_pretrain_args(cfg), *PARSER_SIZE, "--mode", "train",
        "--train_file", train, "--eval_file", dev, "--output_file", cfg.work_dir / "depparse.dev.pred.conllu",
        "--batch_size", 1000, "--max_steps", cfg.steps["depparse"],
        "--eval_interval", min(100, cfg.steps["depparse"]),
        "--checkpoint_save_name", cfg.work_dir / "depparse_checkpoint.pt",
    ])


def train_ner(cfg: TrainConfig) -> None:
    from stanza.models import ner_tagger
    ner = cfg.work_dir / "ner"
    sentences = read_bio(cfg.data_dir / NER_DIR / "train.txt")
    if "nerp" in cfg.ner_corpora:
        sentences += nerp_as_nergrit(read_bio(cfg.data_dir / NERP_DIR / "train.txt"))
    train = bio_to_stanza_json(sentences, ner / "train.json")
    dev = bio_to_stanza_json(read_bio(cfg.data_dir / NER_DIR / "valid.txt"), ner / "dev.json")
    _run(ner_tagger.main, [
        *_common(cfg, "ner")[2:], *_pretrain_args(cfg), "--mode", "train",
        "--train_file", train, "--eval_file", dev, "--max_steps", cfg.steps["ner"],
        "--eval_interval", min(250, cfg.steps["ner"]),
    ])


def train(cfg: TrainConfig, processors: Iterable[str] = PROCESSORS) -> dict[str, float]:
    """Train the named processors in pipeline order; returns wall seconds per processor."""
    wanted = list(processors)
    unknown = set(wanted) - set(PROCESSORS)
    if unknown:
        raise ValueError(f"unknown processor(s): {', '.join(sorted(unknown))}")
    cfg.out_dir.mkdir(parents=True, exist_ok=True)
    (cfg.out_dir / "resources.json").write_text("{}\n")  # Stanza wants one, even offline
    train_file, dev_file = split_ud(cfg)
    steps = {
        "vectors": lambda: train_vectors(cfg),
        "tokenize": lambda: train_tokenizer(cfg, train_file, dev_file),
        "mwt": lambda: train_mwt(cfg, train_file, dev_file),
        "clitics": lambda: learn_clitic_lexicon(cfg, train_file),
        "pos": lambda: train_pos(cfg, train_file, dev_file),
        "lemma": lambda: train_lemma(cfg, train_file, dev_file),
        "depparse": lambda: train_depparse(cfg, train_file, dev_file),
        "ner": lambda: train_ner(cfg),
    }
    timings = {}
    for name in PROCESSORS:
        if name in wanted:
            start = time.monotonic()
            steps[name]()
            timings[name] = time.monotonic() - start
            if name not in ("vectors", "clitics"):  # Stanza uses the vectors tensor as saved: keep it float32
                compact(cfg.out_dir / f"{name}.pt")
            log.info("%s trained in %.0f s", name, timings[name])
    for junk in cfg.out_dir.glob("*checkpoint*"):
        shutil.move(str(junk), cfg.work_dir / junk.name)  # never ship optimizer state
    return timings


def compact(path: Path) -> int:
    """Store a trained model's float tensors as float16; returns the new size in bytes.

    Stanza copies saved weights into float32 parameters when it loads them, so this halves
    the files in git at no measurable cost in accuracy (models/README.md has the check).
    """
    import torch

    data = torch.load(path, map_location="cpu", weights_only=False)
    state = data["model"] if "model" in data else data
    for key, value in state.items():
        if isinstance(value, torch.Tensor) and value.dtype == torch.float32:
            state[key] = value.half()
    torch.save(data, path)
    return path.stat().st_size
