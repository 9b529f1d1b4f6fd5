"""The build: articles -> Stanza parses (cached) -> extractions -> one RDF dataset.

Parsing is the slow step, so parses are cached as CoNLL-U by content hash and model
set: changing the mapping layer re-maps without re-parsing. With ``workers`` > 1 the parse runs
in that many processes, each with its own one-thread pipeline, sending CoNLL-U back (a string
pickles cheaply, a Stanza document does not); mapping goes on in this process meanwhile.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from rdflib import Dataset, Graph

from kg.errors import InputError
from kg.extract.article import extract
from kg.extract.facts import Extraction
from kg.graph.rdf import add_article, new_dataset
from kg.graph.vocab import DEFAULT_BASE
from kg.ingest import Article, content_hash, iter_articles, language_problem, normalise_text
from kg.nlp import clitics, pipeline
from kg.nlp.parse import Parse, from_conllu, from_stanza, to_conllu

DEFAULT_CACHE = Path(".kg-cache")
BATCH = 8


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
    errors: list[InputError] = field(default_factory=list)
    articles: int = 0
    parsed: int = 0  # articles the model parsed (not from the cache)
    seconds: float = 0.0


def model_fingerprint(models: str | Path) -> str:
    """Identifies a model set by its files' names and sizes, to key the parse cache."""
    files = {Path(p) for p in pipeline.model_paths(models).values()}
    folder = pipeline.model_folder(models)
    lexicon = folder / clitics.FILENAME if folder else None
    files |= {lexicon} if lexicon and lexicon.is_file() else set()
    ids = sorted(f"{p.name}:{p.stat().st_size}" for p in files)
    ids += ["official"] if models == "official" else []
    return hashlib.sha256("|".join(ids).encode()).hexdigest()[:12]


class ParseCache:
    def __init__(self, folder: Path | None, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint

    def _path(self, article: Article) -> Path:
        key = hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return self.folder / self.fingerprint / key[:2] / f"{key}.conllu"

    def get(self, article: Article) -> Parse | None:
        if self.folder is None:
            return None
        path = self._path(article)
        return from_conllu(path.read_text(encoding="utf-8"), text=article.text) if path.exists() else None

    def put(self, article: Article, parse: Parse) -> None:
        if self.folder is not None:
            from kg.graph.export import write_text
            write_text(self._path(article), to_conllu(parse))


def parse_articles(articles: list[Article], models: str | Path, cache: ParseCache,
                   workers: int = 1, cluster: str | None = None) -> Iterator[tuple[Article, Parse, bool]]:
    """(article, parse, parsed_now): cached ones first, then the rest through Stanza in batches.

    The pipeline is loaded only when some article is not in the cache; with ``cluster`` (a
    Dask scheduler address or local:N, see kg.distributed) it is loaded on the cluster's workers.
    """
    pending = []
    for article in articles:
        cached = cache.get(article)
        if cached is not None:
            yield article, cached, False
            continue
        pending.append(article)
    if cluster and pending:
        from kg.distributed import parse_on_cluster
        batches = parse_on_cluster(pending, str(models), cluster)
    elif workers > 1 and len(pending) > 1:
        batches = _parse_in_processes(pending, str(models), workers)
    else:
        batches = _parse_here(pending, str(models))
    for batch, parses in batches:
        for article, parse in zip(batch, parses, strict=True):
            cache.put(article, parse)
            yield article, parse, True


def _stanza_parses(models: str, texts: list[str]) -> list[Parse]:
    nlp = pipeline.shared_pipeline(models)  # first: it says clearly when models are missing
    import stanza

    docs = nlp.bulk_process([stanza.Document([], text=t) for t in texts])
    return [from_stanza(doc) for doc in docs]


def _parse_here(pending: list[Article], models: str) -> Iterator[tuple[list[Article], list[Parse]]]:
    for i in range(0, len(pending), BATCH):
        batch = pending[i:i + BATCH]
        yield batch, _stanza_parses(models, [a.text for a in batch])


def _one_thread() -> None:
    """Worker start: one torch thread per process, so N workers use N cores, not N x all cores."""
    import torch

    torch.set_num_threads(1)


def _conllu_parses(models: str, texts: list[str]) -> list[str]:
    return [to_conllu(p) for p in _stanza_parses(models, texts)]


def _parse_in_processes(pending: list[Article], models: str,
                        workers: int) -> Iterator[tuple[list[Article], list[Parse]]]:
    """Batches spread over ``workers`` spawned processes (fork is unsafe once torch has run)."""
    size = max(1, min(BATCH, -(-len(pending) // workers)))
    batches = [pending[i:i + size] for i in range(0, len(pending), size)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_one_thread) as pool:
        results = pool.map(_conllu_parses, repeat(models), [[a.text for a in b] for b in batches])
        for batch, conllus in zip(batches, results, strict=True):
            yield batch, [from_conllu(c, text=a.text) for a, c in zip(batch, conllus, strict=True)]


def text_article(text: str, *, force: bool = False) -> Article:
    """An article from a string (the Python API), checked like a file would be."""
    body = normalise_text(text)
    if not body.strip():
        raise InputError("empty text", path="<text>")
    problem = None if force else language_problem(body)
    if problem:
        raise InputError(problem, path="<text>")
    draft = Article(id="text-" + hashlib.sha256(body.encode()).hexdigest()[:10], text=body, path=Path("<text>"))
    return Article(**{**draft.__dict__, "sha256": content_hash(draft)})


def build_articles(articles: Iterable[Article], *, models: str | Path = "bundled",
                   base: str = DEFAULT_BASE, cache_dir: Path | None = DEFAULT_CACHE,
                   dataset: Dataset | None = None, progress: Callable[[Built], None] | None = None,
                   workers: int = 1, sink: Callable[[Built, Graph], None] | None = None,
                   cluster: str | None = None) -> tuple[Dataset, BuildReport]:
    """Parse, extract and write each article's named graph into ``dataset``.

    With ``sink``, each graph goes to it instead, from a dataset of its own (rdflib keeps index
    entries of removed graphs), and ``report.built`` stays empty: memory stays flat however many
    articles go to a store.
    """
    start = time.monotonic()
    dataset = dataset if dataset is not None else new_dataset()
    report = BuildReport()
    cache = ParseCache(cache_dir, model_fingerprint(models))
    for article, parse, parsed_now in parse_articles(list(articles), models, cache, workers, cluster):
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


def build(source: str | Path | Iterable[str | Path], *, models: str | Path = "bundled",
          base: str = DEFAULT_BASE, force: bool = False, cache_dir: Path | None = None) -> Dataset:
    """Python API: text, a file, a folder or several paths -> an RDF dataset (one graph per article).

    A string that names no existing file is taken as the article's text.
    """
    if isinstance(source, str) and not Path(source).exists() and ("\n" in source or len(source) > 255
                                                                   or not Path(source).suffix):
        articles: list[Article] = [text_article(source, force=force)]
    else:
        paths = [Path(source)] if isinstance(source, str | Path) else [Path(p) for p in source]
        articles = list(iter_articles(paths, force=force))
    dataset, _ = build_articles(articles, models=models, base=base, cache_dir=cache_dir)
    return dataset
