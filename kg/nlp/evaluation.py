"""Score a Stanza model set the way the UD shared task does, plus NER and speed.

Parsing is scored end to end: the raw text of GSD test and CSUI test (rebuilt by Stanza's
own ``conllu_to_text``) goes through the full pipeline, and the predicted CoNLL-U is compared
with the gold by the CoNLL 2018 scorer Stanza uses (``udtools.udeval``), so tokenisation and
sentence errors count against every later column. NER is scored on NERGrit test and
IDNer-news-2k test with gold tokens (entity-level, exact span and type), so it measures the
tagger alone.
"""

from __future__ import annotations

import importlib
import io
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ExitCode, KgError
from kg.nlp.conllu import read_conllu_blocks, split_conllu_blocks, write_conllu_blocks
from kg.nlp.pipeline import NOT_QUANTIZED, load_pipeline, model_paths
from kg.nlp.tags import Span, tag_spans
from kg.nlp.training import UD_TEST_SETS, ner_file, read_ner

if TYPE_CHECKING:
    import stanza

UD_METRICS = ("Tokens", "Sentences", "Words", "UPOS", "UFeats", "Lemmas", "UAS", "LAS")
NER_TESTS = {"nergrit": "NERGrit", "idner2k": "IDNer-news-2k"}  # corpus -> name in the report


@dataclass
class UdResult:
    """CoNLL 2018 F1 (0-1) per metric for one test set, and the cost of parsing it."""

    name: str
    sentences: int
    f1: dict[str, float]
    folded_lemmas: float
    tokens: int
    words: int
    seconds: float


@dataclass
class NerResult:
    """Entity counts per type; precision, recall and F1 are derived from them."""

    sentences: int
    name: str = "NERGrit"
    gold: dict[str, int] = field(default_factory=dict)
    pred: dict[str, int] = field(default_factory=dict)
    correct: dict[str, int] = field(default_factory=dict)


# --------------------------------------------------------------------------- entry point


def evaluate_models(models: str, data_dir: Path, limit: int = 0, quantized: bool = True,
                    ud: bool = True) -> str:
    """Evaluate one model set on the held-out test sets, with int8 weights as kg runs it or
    float ones as trained; returns a printable report. ``ud=False`` scores the NER alone
    (the parsing scores do not depend on the NER model)."""
    import torch

    torch.set_num_threads(1)  # as builds run it (pipeline.shared_pipeline): robust on a busy machine
    files = _test_files(Path(data_dir))
    importlib.import_module("stanza")  # before the clock: the load time is the models' alone
    parts, load_seconds = [], None
    if ud:
        start = time.monotonic()
        nlp = load_pipeline(models, quantized=quantized)
        load_seconds = time.monotonic() - start
        with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
            runs = [evaluate_ud(nlp, name, files[name], Path(tmp), limit) for name in UD_TEST_SETS]
        del nlp
        parts += [format_ud(runs), format_speed(runs[0])]
    ner_nlp = load_pipeline(models, processors="tokenize,ner", quantized=quantized, tokenize_pretokenized=True)
    ner = [evaluate_ner(ner_nlp, read_ner(Path(data_dir), corpus, "test")[: _cut(limit)], name)
           for corpus, name in NER_TESTS.items()]
    header = _header(models, Path(data_dir), limit, load_seconds, torch.get_num_threads(), quantized)
    return "\n\n".join([header, *parts[:1], *map(format_ner, ner), *parts[1:]]) + "\n"


def _cut(limit: int) -> int | None:
    """Slice end for "the first `limit` sentences", where 0 (or less) means all of them."""
    return limit if limit > 0 else None


def _test_files(data_dir: Path) -> dict[str, Path]:
    """The test files under data_dir, or a KgError naming what is missing."""
    if not data_dir.is_dir():
        raise KgError("not found: evaluation needs the UD treebanks and the NER test sets "
                      "(the ../shared/data layout, see models/README.md)",
                      path=data_dir, code=ExitCode.NOT_FOUND)
    files = {name: data_dir / rel for name, rel in UD_TEST_SETS.items()}
    files |= {corpus: ner_file(data_dir, corpus, "test") for corpus in NER_TESTS}
    for path in files.values():
        if not path.is_file():
            raise KgError("not found: evaluation needs this test set", path=path,
                          code=ExitCode.NOT_FOUND)
    return files


# --------------------------------------------------------------------------- UD


def evaluate_ud(nlp: stanza.Pipeline, name: str, gold_path: Path, work: Path,
                limit: int = 0) -> UdResult:
    """Parse the raw text of a gold treebank (its first `limit` sentences) and score it."""
    from stanza.utils.datasets.conllu_to_text import convert_text

    blocks = read_conllu_blocks(gold_path)[: _cut(limit)]
    gold_file, text_file = work / f"{name}.gold.conllu", work / f"{name}.txt"
    write_conllu_blocks(gold_file, blocks)
    convert_text(str(gold_file), str(text_file))
    text = text_file.read_text(encoding="utf-8")
    start = time.monotonic()
    doc = nlp(text)
    seconds = time.monotonic() - start
    gold = gold_file.read_text(encoding="utf-8")
    pred = f"{doc:C}\n\n"
    scores = conll18_scores(gold, pred)
    folded = conll18_scores(fold_lemmas(gold), fold_lemmas(pred))["Lemmas"]
    return UdResult(name, len(blocks), {m: scores[m] for m in UD_METRICS}, folded,
                    doc.num_tokens, doc.num_words, seconds)


def conll18_scores(gold: str, system: str) -> dict[str, float]:
    """F1 per metric from the CoNLL 2018 scorer; a text mismatch becomes a KgError."""
    try:
        from udtools import udeval
    except ImportError:  # some udtools releases nest it; Stanza tries both too
        from udtools.src.udtools import udeval

    try:
        result = udeval.evaluate(udeval.load_conllu(io.StringIO(gold), "gold", {}),
                                 udeval.load_conllu(io.StringIO(system), "system", {}))
    except udeval.UDError as err:
        raise KgError(f"CoNLL 2018 scorer refused the parse: {str(err).splitlines()[0]}") from err
    return {name: score.f1 for name, score in result.items()}


def fold_lemmas(conllu: str) -> str:
    """Lower-case every lemma and write the clitic "-nya" as "nya", as GSD and CSUI disagree.

    GSD lower-cases lemmas and lemmatises "nya" as "dia"; kg follows CSUI. Folding both
    sides shows how much of the Lemmas gap is convention rather than error.
    """
    out = []
    for block in split_conllu_blocks(conllu):
        lines = []
        for line in block:
            cols = line.split("\t")
            if len(cols) == 10 and cols[0].isdigit():
                lemma = cols[2].lower()
                cols[2] = "nya" if cols[1].lower() == "nya" and lemma == "dia" else lemma
            lines.append("\t".join(cols))
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n\n"


# --------------------------------------------------------------------------- NER


def evaluate_ner(nlp: stanza.Pipeline, sents: Sequence[tuple[list[str], list[str]]],
                 name: str = "NERGrit") -> NerResult:
    """Tag gold-tokenised sentences and count exact (span, type) matches."""
    result = NerResult(len(sents), name)
    if not sents:
        return result
    doc = nlp([tokens for tokens, _ in sents])
    for (_, gold_tags), sentence in zip(sents, doc.sentences, strict=True):
        gold = tag_spans(gold_tags)
        pred = tag_spans([token.ner or "O" for token in sentence.tokens])
        _count(result.gold, gold)
        _count(result.pred, pred)
        _count(result.correct, gold & pred)
    return result


def _count(counter: dict[str, int], spans: Iterable[Span]) -> None:
    for _, _, kind in spans:
        counter[kind] = counter.get(kind, 0) + 1


def prf(correct: int, gold: int, pred: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0-1) from counts; 0 where undefined."""
    p = correct / pred if pred else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# --------------------------------------------------------------------------- report


def _header(models: str, data_dir: Path, limit: int, load_seconds: float | None, threads: int,
            quantized: bool) -> str:
    where = Path(model_paths(models)["tokenize_model_path"]).parent
    name = str(where) if Path(models) == where else f"{models} ({where})"
    scope = f"first {limit} sentences of each test set" if limit > 0 else "full test sets"
    return (f"Model set: {name}\nData: {data_dir} ({scope})\n"
            + (f"Pipeline load: {load_seconds:.1f} s (all processors); " if load_seconds is not None else "")
            + f"torch threads: {threads}; "
            f"weights: {'int8 but ' + ', '.join(NOT_QUANTIZED) if quantized else 'float, as trained'}")


def format_ud(results: Sequence[UdResult]) -> str:
    """One column per test set, F1 x 100 per CoNLL 2018 metric."""
    names = [f"{r.name.upper()} test" for r in results]
    rows = [f"{'Parsing from raw text (CoNLL 2018 F1)':<40}" + "".join(f"{n:>12}" for n in names),
            f"{'  sentences':<40}" + "".join(f"{r.sentences:>12}" for r in results)]
    for metric in UD_METRICS:
        rows.append(f"  {metric:<38}" + "".join(f"{100 * r.f1[metric]:>12.2f}" for r in results))
    rows.append(f"  {'Lemmas, case-folded, -nya as nya':<38}"
                + "".join(f"{100 * r.folded_lemmas:>12.2f}" for r in results))
    return "\n".join(rows)


def format_ner(ner: NerResult) -> str:
    """Per-type and micro precision, recall and F1 x 100 with the entity counts."""
    rows = [f"NER, {ner.name} test, gold tokens ({ner.sentences} sentences; exact span and type)",
            f"  {'type':<14}{'gold':>6}{'pred':>6}{'correct':>8}{'P':>8}{'R':>8}{'F1':>8}"]
    kinds = sorted(set(ner.gold) | set(ner.pred))
    totals = [sum(c.values()) for c in (ner.gold, ner.pred, ner.correct)]
    for kind, (g, p, c) in [*((k, (ner.gold.get(k, 0), ner.pred.get(k, 0),
                                   ner.correct.get(k, 0))) for k in kinds),
                            ("micro", tuple(totals))]:
        scores = prf(c, g, p)
        rows.append(f"  {kind:<14}{g:>6}{p:>6}{c:>8}" + "".join(f"{100 * s:>8.2f}" for s in scores))
    return "\n".join(rows)


def format_speed(run: UdResult) -> str:
    """Throughput of the full pipeline on the raw text of one test set."""
    per_s = 1 / run.seconds if run.seconds else 0.0
    return (f"Throughput, full pipeline on {run.name.upper()} test raw text: {run.tokens} tokens "
            f"({run.words} words) in {run.seconds:.1f} s = {run.tokens * per_s:.0f} tokens/s, "
            f"{run.words * per_s:.0f} words/s")
