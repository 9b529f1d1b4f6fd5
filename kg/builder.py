"""The build: articles -> Stanza parses (cached) -> extractions -> one RDF dataset, resolved.

Parsing is the slow step, so parses are cached as CoNLL-U, keyed by the article text and by
what made the parse (the model files' contents, the Stanza version, the cache format): changing
the mapping layer re-maps without re-parsing, changing a model re-parses. With ``workers`` > 1
the parse runs in that many processes, each with its own one-thread pipeline, sending CoNLL-U
back (a string pickles cheaply, a Stanza document does not); mapping goes on in this process.
Only what extraction reads is parsed (pipeline.BUILD_PROCESSORS); ``trees`` adds lemmas and
dependency trees, which narrow event participants and find activity verbs (kg/extract reads
them when they are there and falls back on the words around a name or verb when not).

Whatever parses is a `Parser` (texts -> parses, and the key of its parses in the cache), passed
in: `stanza_parser` by default, another one in tests that must not load Stanza.
"""

from __future__ import annotations

import functools
import hashlib
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata
from itertools import repeat
from pathlib import Path
from typing import TypeVar

from rdflib import Dataset, Graph

from kg.errors import InputError
from kg.extract.article import extract
from kg.extract.facts import Extraction
from kg.graph.rdf import add_article, new_dataset
from kg.graph.resolution import resolve_dataset
from kg.graph.vocab import DEFAULT_BASE
from kg.ingest import Article, iter_articles, language_problem, normalise_text
from kg.nlp import clitics, pipeline
from kg.nlp.lines import paragraphs_by_line
from kg.nlp.parse import Parse, from_conllu, from_stanza, to_conllu
from kg.processes import die_with_parent

DEFAULT_CACHE = Path(".kg-cache")
CACHE_FORMAT = 3  # bump when what the cache holds changes (CoNLL-U columns, MISC fields, how text is given to Stanza)
BATCH = 8
Paths = str | Path | Iterable[str | Path]
T = TypeVar("T")


@dataclass
class ParseStats:
    """What the parse stage cost: words parsed, seconds waited for them (model load included)."""

    words: int = 0
    seconds: float = 0.0
    load_seconds: float = 0.0  # loading the pipeline in this process (0 with workers)

    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Parser:
    """Articles -> their parses, in order (lazily), and the key naming those parses in the cache;
    ``load``, if any, loads the models in this process before the first parse (timed apart)."""

    parse: Callable[[list[Article]], Iterator[Parse]]
    key: str
    load: Callable[[], object] | None = None


@dataclass(frozen=True)
class Built:
    article: Article
    parse: Parse
    extraction: Extraction
    graph: str  # IRI of the article's named graph
    cached: bool = False  # the parse came from the cache


@dataclass
class BuildReport:
    built: list[Built] = field(default_factory=list)  # empty when a sink took the graphs
    articles: int = 0
    parsed: int = 0  # articles the model parsed (not from the cache)
    seconds: float = 0.0
    parse: ParseStats = field(default_factory=ParseStats)


# ----------------------------------------------------------------------------- the parse cache


def model_fingerprint(models: str | Path, processors: str = pipeline.processors_for(), quantized: bool = True) -> str:
    """What a Stanza parse depends on: the model files' contents, the processors run and whether
    their weights were quantized, Stanza's version, the cache format. (Names and sizes are not
    enough: a retrained model can have exactly the old size.)"""
    files = {Path(p) for p in pipeline.model_paths(models, processors.split(",")).values()}
    folder = pipeline.model_folder(models)
    lexicon = folder / clitics.FILENAME if folder else None
    files |= {lexicon} if lexicon and lexicon.is_file() else set()
    ids = sorted(f"{p.name}:{_content_hash(p)}" for p in files)
    ids += ["official"] if models == "official" else []
    ids += [f"processors={processors}", f"int8={quantized}"]
    ids += [f"stanza {metadata.version('stanza')}", f"cache format {CACHE_FORMAT}"]
    return hashlib.sha256("|".join(ids).encode()).hexdigest()[:16]


def _content_hash(path: Path) -> str:
    """A file's SHA-256 (tens of milliseconds for kg's models, against seconds to load them)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class ParseCache:
    """CoNLL-U parses on disk by parser key and text hash; an entry that cannot be read is a miss."""

    def __init__(self, folder: Path | None, key: str):
        self.folder = folder
        self.key = key

    def _path(self, article: Article) -> Path:
        digest = hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return self.folder / self.key / digest[:2] / f"{digest}.conllu"

    def get(self, article: Article) -> Parse | None:
        if self.folder is None:
            return None
        try:
            parse = from_conllu(self._path(article).read_text(encoding="utf-8"), text=article.text)
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - a damaged or foreign entry: parse again
            return None
        return parse if _covers(parse) else None  # a truncated entry: parse again

    def put(self, article: Article, parse: Parse) -> None:
        if self.folder is not None:
            from kg.graph.export import write_text
            write_text(self._path(article), to_conllu(parse))


def _covers(parse: Parse) -> bool:
    """The sentences reach the end of the text (a cut-off file loses its last sentences)."""
    end = parse.sentences[-1].end if parse.sentences else 0
    return not parse.text[end:].strip()


# ----------------------------------------------------------------------------- parsing


def stanza_parser(models: str | Path = "bundled", workers: int = 1, cluster: str | None = None,
                  trees: bool = False) -> Parser:
    """kg's Stanza pipeline (``models``: bundled, official or a folder), in ``workers`` processes
    or on a Dask ``cluster`` (a scheduler address or local:N, see kg.distributed); ``trees``
    adds lemmas and dependency trees to what builds parse.

    The pipeline is loaded only when some article needs parsing.
    """
    processors = pipeline.processors_for(trees)
    key = model_fingerprint(models, processors)  # hashes the model files: once per parser
    here = not cluster and workers == 1
    return Parser(functools.partial(_stanza_parse, str(models), processors, key, workers, cluster), key,
                  functools.partial(pipeline.shared_pipeline, str(models), processors) if here else None)


def _stanza_parse(models: str, processors: str, key: str, workers: int, cluster: str | None,
                  articles: list[Article]) -> Iterator[Parse]:
    if cluster:
        from kg.distributed import parse_on_cluster
        for _, parses in parse_on_cluster(articles, models, cluster, processors=processors, fingerprint=key):
            yield from parses
        return
    texts = [a.text for a in articles]
    if workers > 1 and len(texts) > 1:
        yield from _parse_in_processes(texts, models, processors, workers)
        return
    for i in range(0, len(texts), BATCH):
        yield from _stanza_parses(models, processors, texts[i:i + BATCH])


LONG_ARTICLE = 5_000  # words; a longer article is announced before its parse, which takes a while
WORDS_PER_SECOND = 1_000  # the bundled models on one thread (models/README.md)


def _announce_long(article: Article) -> None:
    """Say up front that one article will keep the parse busy, so a quiet minute is expected."""
    words = len(article.text.split())
    if words > LONG_ARTICLE:
        print(f"kg: {article.id}: {words:,} words to parse, about {words // WORDS_PER_SECOND} s "
              "on one core", file=sys.stderr, flush=True)


def _stanza_parses(models: str, processors: str, texts: list[str]) -> list[Parse]:
    nlp = pipeline.shared_pipeline(models, processors)  # first: it says clearly when models are missing
    import stanza

    given = [paragraphs_by_line(t) for t in texts]  # each line a paragraph
    docs = nlp.bulk_process([stanza.Document([], text=doubled) for doubled, _ in given])
    return [from_stanza(doc, text, added) for doc, text, (_, added) in zip(docs, texts, given, strict=True)]


def _conllu_parses(models: str, processors: str, texts: list[str]) -> list[str]:
    return [to_conllu(p) for p in _stanza_parses(models, processors, texts)]


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """Spawned parse workers (fork is unsafe once torch has run) that die with this process; each
    parses with `pipeline.shared_pipeline`, one torch thread, so N workers use N cores."""
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=die_with_parent, initargs=(os.getpid(),))


def spread(items: list[T], workers: int) -> list[list[T]]:
    """Batches of at most BATCH items, small enough that every worker gets one."""
    size = max(1, min(BATCH, -(-len(items) // workers)))
    return [items[i:i + size] for i in range(0, len(items), size)]


def _parse_in_processes(texts: list[str], models: str, processors: str, workers: int) -> Iterator[Parse]:
    """Batches spread over ``workers`` spawned processes (fork is unsafe once torch has run)."""
    batches = spread(texts, workers)
    with worker_pool(workers) as pool:
        results = pool.map(_conllu_parses, repeat(models), repeat(processors), batches)
        for batch, conllus in zip(batches, results, strict=True):
            yield from (from_conllu(c, text=t) for t, c in zip(batch, conllus, strict=True))


def parse_articles(articles: list[Article], parser: Parser, cache: ParseCache,
                   stats: ParseStats | None = None) -> Iterator[tuple[Article, Parse, bool]]:
    """(article, parse, parsed_now): cached ones first, then the rest through ``parser``;
    ``stats`` adds up the words parsed and the seconds spent loading and waiting for them."""
    pending = []
    for article in articles:
        cached = cache.get(article)
        if cached is not None:
            yield article, cached, False
        else:
            pending.append(article)
            _announce_long(article)
    if not pending:  # the parser (and Stanza) is never touched when the cache has everything
        return
    stats = stats if stats is not None else ParseStats()
    if parser.load:
        start = time.monotonic()
        parser.load()
        loading = time.monotonic() - start
        stats.load_seconds += loading
        stats.seconds += loading
    for article, parse in zip(pending, _counted(parser.parse(pending), stats), strict=True):
        cache.put(article, parse)
        yield article, parse, True


def _counted(parses: Iterator[Parse], stats: ParseStats) -> Iterator[Parse]:
    """``parses``, adding up their words and the time spent waiting for each (not the caller's)."""
    start = time.monotonic()
    for parse in parses:
        stats.seconds += time.monotonic() - start
        stats.words += sum(len(s.words) for s in parse.sentences)
        yield parse
        start = time.monotonic()


# ----------------------------------------------------------------------------- building


def text_article(text: str, *, force: bool = False) -> Article:
    """An article from a string (the Python API), checked like a file would be."""
    body = normalise_text(text)
    if not body.strip():
        raise InputError("empty text", path="<text>")
    problem = None if force else language_problem(body)
    if problem:
        raise InputError(problem, path="<text>")
    return Article(id="text-" + hashlib.sha256(body.encode()).hexdigest()[:10], text=body, path=Path("<text>"))


def unique_articles(articles: Iterable[Article]) -> tuple[list[Article], list[tuple[Article, Article]]]:
    """The first article of each key (the same URL, or the same content), which is built once,
    and (article, the first one with its key) for each of the others."""
    first: dict[str, Article] = {}
    same = []
    for a in articles:
        if a.key in first:
            same.append((a, first[a.key]))
        else:
            first[a.key] = a
    return list(first.values()), same


def build_articles(articles: Iterable[Article], *, parser: Parser | None = None,
                   models: str | Path = "bundled", workers: int = 1, cluster: str | None = None,
                   trees: bool = False, base: str = DEFAULT_BASE, cache_dir: Path | None = DEFAULT_CACHE,
                   dataset: Dataset | None = None, progress: Callable[[Built], None] | None = None,
                   sink: Callable[[Built, Graph], None] | None = None) -> tuple[Dataset, BuildReport]:
    """Parse, extract and write each article's named graph into ``dataset`` (not yet resolved).

    ``parser`` defaults to the Stanza pipeline of ``models`` (in ``workers`` processes or on a
    ``cluster``; with ``trees``, lemmas and dependency trees too). With
    ``sink``, each graph goes to it instead, from a dataset of its own (rdflib keeps index
    entries of removed graphs), and ``report.built`` stays empty: memory stays flat however many
    articles go to a store.
    """
    start = time.monotonic()
    dataset = dataset if dataset is not None else new_dataset()
    parser = parser or stanza_parser(models, workers, cluster, trees)
    report = BuildReport()
    cache = ParseCache(cache_dir, parser.key)
    for article, parse, parsed_now in parse_articles(list(articles), parser, cache, report.parse):
        extraction = extract(parse, article.date, article.title)
        target = new_dataset() if sink else dataset
        iri = add_article(target, article, parse, extraction, base)
        built = Built(article, parse, extraction, str(iri), cached=not parsed_now)
        report.articles += 1
        report.parsed += parsed_now
        if sink:
            sink(built, target.graph(iri))
        else:
            report.built.append(built)
        if progress:
            progress(built)
    report.seconds = time.monotonic() - start
    return dataset, report


def build_dataset(articles: Iterable[Article], *, base: str = DEFAULT_BASE,
                  **options) -> tuple[Dataset, BuildReport]:
    """`build_articles`, then cross-article resolution: what `kg build` and `kg.build` make."""
    dataset, report = build_articles(articles, base=base, **options)
    resolve_dataset(dataset, base)
    return dataset, report


def build(paths: Paths, *, models: str | Path = "bundled", base: str = DEFAULT_BASE,
          force: bool = False, cache_dir: Path | None = DEFAULT_CACHE, workers: int = 1,
          parser: Parser | None = None) -> Dataset:
    """Python API: a file, a folder or several of them -> the resolved RDF dataset.

    A path that does not exist raises `InputError` naming it (text goes to `build_text`). Parses
    are cached in ``cache_dir`` (``.kg-cache``, as for `kg build`; None: no cache).
    """
    found = [Path(paths)] if isinstance(paths, str | Path) else [Path(p) for p in paths]
    articles, _ = unique_articles(iter_articles(found, force=force))
    dataset, _ = build_dataset(articles, models=models, base=base, cache_dir=cache_dir,
                               workers=workers, parser=parser)
    return dataset


def build_text(text: str, *, models: str | Path = "bundled", base: str = DEFAULT_BASE,
               force: bool = False, parser: Parser | None = None) -> Dataset:
    """Python API: one article's text -> its RDF dataset."""
    dataset, _ = build_dataset([text_article(text, force=force)], models=models, base=base,
                               cache_dir=None, parser=parser)
    return dataset
