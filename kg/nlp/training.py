"""Train kg's Indonesian Stanza models from the open treebanks and NER corpora.

Each processor is trained by Stanza's own training module (``stanza.models.*.main``)
on files this module prepares: a seeded train/dev split of CSUI train + GSD dev + PUD
(GSD test and CSUI test stay untouched for evaluation), NERGrit for NER, and
word2vec vectors trained here on the same data's text. Nothing is downloaded.
"""

from __future__ import annotations

import ast
import csv
import json
import logging
import os
import random
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg.nlp import clitics
from kg.nlp.conllu import read_conllu_blocks, word_rows, write_conllu_blocks
from kg.nlp.pipeline import CHARLM_FILES, USES_CHARLM, charlm_paths

log = logging.getLogger(__name__)

PROCESSORS = ("vectors", "charlm", "tokenize", "mwt", "clitics", "pos", "lemma", "depparse", "ner")
UD_TRAIN_SOURCES = ("ud/id_csui-ud-train.conllu", "ud/id_gsd-ud-dev.conllu", "ud/id_pud-ud-test.conllu")
UD_TEST_SETS = {"gsd": "ud/id_gsd-ud-test.conllu", "csui": "ud/id_csui-ud-test.conllu"}
NERP_LABELS = {"PPL": "PERSON", "PLC": "PLACE", "IND": "ORGANISATION"}  # EVT and FNB are not kg's types
IDNER_LABELS = {"PER": "PERSON", "ORG": "ORGANISATION", "LOC": "PLACE"}
# name -> (folder, train, dev, test); the dev files of the news corpora choose the best NER step
NER_CORPORA = {
    "nergrit": ("ner/nergrit", "train.txt", "valid.txt", "test.txt"),
    "idner2k": ("ner/idner2k", "train.txt", "dev.txt", "test.txt"),
    "nerp": ("ner/nerp", "train.txt", "valid.txt", "test.txt"),
}
NER_SPLITS = ("train", "dev", "test")
NEWS_NER = ("nergrit", "idner2k")  # NER-PROSA is lower-cased: its dev split says little about news
# Small enough for a 2-core CPU in about an hour per direction (models/README.md has the timings).
CHARLM_SIZE = ["--char_emb_dim", "64", "--char_hidden_dim", "256", "--char_num_layers", "1",
               "--batch_size", "32", "--bptt_size", "100"]
CHARLM_CUTOFF = 5  # characters seen fewer times are UNK
SHORTHAND = "id_kg"

# Sizes chosen to keep the whole model set under 60 MB (see models/README.md).
DEFAULT_STEPS = {"charlm": 1, "tokenize": 3000, "mwt": 30, "pos": 1500, "lemma": 10, "depparse": 3000, "ner": 2500}
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
    ner_corpora: tuple[str, ...] = NEWS_NER
    ner_init: Path | None = None  # an NER model to continue training from (fine-tuning)
    ner_batch_size: int = 32  # sentences per NER step


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
            yield [row[1] for row in word_rows(block)]
    for split in ("train", "dev"):
        for corpus in ("nergrit", "nerp"):
            yield from (tokens for tokens, _ in read_bio(ner_file(cfg.data_dir, corpus, split)))
    for path in sorted((cfg.data_dir / "text").glob("*")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
            yield [t.strip("\"'[],") for t in line.replace("\t", " ").split() if t.strip("\"'[],")]


def read_bio(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of a BIO file: IndoNLU's token<TAB>tag, or IDNer's space-separated token UPOS tag."""
    sents, tokens, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                sents.append((tokens, tags))
            tokens, tags = [], []
            continue
        if "\t" in line:
            word, _, tag = line.partition("\t")
        else:
            fields = line.split()
            word, tag = fields[0], fields[-1] if len(fields) > 1 else ""
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
    for tokens, labels in relabel(sents, NERP_LABELS):
        starts = [True] + [prev in (".", "!", "?") for prev in tokens[:-1]]
        cased = [t[:1].upper() + t[1:] if (start or lab != "O") else t
                 for t, lab, start in zip(tokens, labels, starts, strict=True)]
        out.append((cased, labels))
    return out


def relabel(sents: Iterable[tuple[list[str], list[str]]],
            labels: dict[str, str]) -> list[tuple[list[str], list[str]]]:
    """BIO tags renamed to kg's types; labels missing from ``labels`` become O."""
    out = []
    for tokens, tags in sents:
        renamed = []
        for tag in tags:
            prefix, _, label = tag.partition("-")
            renamed.append(f"{prefix}-{labels[label]}" if label in labels else "O")
        out.append((tokens, renamed))
    return out


def ner_file(data_dir: Path, corpus: str, split: str) -> Path:
    """The file of one split ("train", "dev" or "test") of a named NER corpus."""
    if corpus not in NER_CORPORA:
        raise ValueError(f"unknown NER corpus {corpus!r} (known: {', '.join(NER_CORPORA)})")
    folder, *files = NER_CORPORA[corpus]
    return data_dir / folder / files[NER_SPLITS.index(split)]


def read_ner(data_dir: Path, corpus: str, split: str) -> list[tuple[list[str], list[str]]]:
    """One split ("train", "dev" or "test") of a named NER corpus, in kg's labels
    (PERSON, ORGANISATION, PLACE)."""
    sents = read_bio(ner_file(data_dir, corpus, split))
    if corpus == "idner2k":
        return relabel(sents, IDNER_LABELS)
    return nerp_as_nergrit(sents) if corpus == "nerp" else sents


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


# --------------------------------------------------------------------------- character LM


def raw_text_lines(cfg: TrainConfig, ud_train: Path) -> Iterator[str]:
    """Running text for the character LM, from training sides only (never a test split):
    the UD train split's sentences, the 2017 GSD train text, the news NER corpora's training
    sentences and the IndoNLU text files (their text fields, not their labels)."""
    for path in (ud_train, cfg.data_dir / "ud/legacy/id-ud-train-2017.conllu"):
        if not path.is_file():
            continue
        for block in read_conllu_blocks(path):
            text = next((ln.split("=", 1)[1].strip() for ln in block if ln.startswith("# text")), "")
            yield text or " ".join(ln.split("\t")[1] for ln in block if ln[:1].isdigit())
    for corpus in NEWS_NER:
        if ner_file(cfg.data_dir, corpus, "train").parent.is_dir():
            yield from (" ".join(tokens) for tokens, _ in read_ner(cfg.data_dir, corpus, "train"))
    for path in sorted((cfg.data_dir / "text").glob("*")):
        with path.open(encoding="utf-8", errors="replace", newline="") as f:
            rows = csv.reader(f, delimiter="\t" if path.suffix == ".tsv" else ",")
            for row in rows:
                yield from (t for t in map(_text_field, row) if t)


def _text_field(field: str) -> str:
    """A field's text if it reads as a sentence; "" for labels (one word, or a list of BIO tags)."""
    if field.startswith("[") and field.endswith("]"):
        try:
            items = [str(t) for t in ast.literal_eval(field)]
        except (ValueError, SyntaxError):
            return ""
        return "" if set(items) <= {"O", "B", "I"} else " ".join(items)
    return field.strip() if len(field.split()) >= 3 else ""


def train_charlm(cfg: TrainConfig, ud_train: Path) -> list[Path]:
    """Forward and backward character LMs (Stanza charlm), one process each, one thread each.

    Every 50th line is held out to choose the best checkpoint. Sized by CHARLM_SIZE and
    ``steps["charlm"]`` epochs.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import torch
    from stanza.models.common.char_model import build_charlm_vocab

    work = cfg.work_dir / "charlm"
    work.mkdir(parents=True, exist_ok=True)
    lines = [ln for ln in raw_text_lines(cfg, ud_train) if ln.strip()]
    (work / "train.txt").write_text("\n".join(ln for i, ln in enumerate(lines) if i % 50) + "\n", encoding="utf-8")
    (work / "dev.txt").write_text("\n".join(lines[::50]) + "\n", encoding="utf-8")
    # one vocabulary for both directions, written before they start (Stanza reuses the file)
    torch.save(build_charlm_vocab(str(work / "train.txt"), cutoff=CHARLM_CUTOFF).state_dict(),
               work / "vocab.pt")
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        for job in [pool.submit(_charlm_direction, cfg, d) for d in CHARLM_FILES]:
            job.result()
    return [cfg.out_dir / name for name in CHARLM_FILES.values()]


def _charlm_direction(cfg: TrainConfig, direction: str) -> None:
    import torch
    from stanza.models import charlm

    torch.set_num_threads(1)
    work = cfg.work_dir / "charlm"
    steps = max(1, cfg.steps["charlm"])
    _run(charlm.main, [
        "--shorthand", SHORTHAND, "--direction", direction, *CHARLM_SIZE,
        "--train_file", work / "train.txt", "--eval_file", work / "dev.txt",
        "--save_dir", cfg.out_dir, "--save_name", CHARLM_FILES[direction],
        "--vocab_save_name", os.path.relpath(work / "vocab.pt", cfg.out_dir),
        "--epochs", steps, "--eval_steps", 200, "--no_checkpoint", "--seed", cfg.seed,
    ])


def _charlm_args(cfg: TrainConfig, processor: str) -> list[str]:
    """Stanza's character-LM arguments for a processor that uses it and a trained pair, else none."""
    files = charlm_paths(cfg.out_dir)
    if processor not in USES_CHARLM or not files:
        return []
    return ["--charlm", "--charlm_shorthand", SHORTHAND,
            "--charlm_forward_file", files["forward"], "--charlm_backward_file", files["backward"]]


def _uses_charlm(model: Path) -> bool:
    """Whether a saved Stanza model was trained with a character LM (its config decides on load)."""
    import torch

    return bool(torch.load(model, map_location="cpu", weights_only=False)["config"].get("charlm"))


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
    """NER on the chosen corpora's training splits; the news corpora's dev splits pick the best step."""
    from stanza.models import ner_tagger
    ner = cfg.work_dir / "ner"
    train = bio_to_stanza_json([s for c in cfg.ner_corpora for s in read_ner(cfg.data_dir, c, "train")],
                               ner / "train.json")
    dev_corpora = [c for c in cfg.ner_corpora if c in NEWS_NER] or list(cfg.ner_corpora)
    dev = bio_to_stanza_json([s for c in dev_corpora for s in read_ner(cfg.data_dir, c, "dev")],
                             ner / "dev.json")
    init = []
    if cfg.ner_init is not None:  # copied first: it may be the very file training overwrites
        shutil.copy(cfg.ner_init, ner / "init.pt")
        init = ["--finetune", "--finetune_load_name", ner / "init.pt"]
        if _charlm_args(cfg, "ner") and not _uses_charlm(ner / "init.pt"):
            log.warning("%s was trained without the character LM: fine-tuning keeps its architecture, "
                        "so this NER will not use the charlm (train from scratch for that)", cfg.ner_init)
    _run(ner_tagger.main, [
        *_common(cfg, "ner")[2:], *_pretrain_args(cfg), *_charlm_args(cfg, "ner"), *init, "--mode", "train",
        "--train_file", train, "--eval_file", dev, "--max_steps", cfg.steps["ner"],
        "--batch_size", cfg.ner_batch_size,
        "--eval_interval", max(1, min(250, cfg.steps["ner"] // 10)),
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
        "charlm": lambda: train_charlm(cfg, train_file),
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
            if name not in ("vectors", "clitics", "charlm"):  # Stanza uses these tensors as saved
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
