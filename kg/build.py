"""The build: articles -> Stanza parses (cached) -> extractions -> one RDF dataset.

Parsing is the slow step, so parses are cached as CoNLL-U by content hash and model
set: changing the mapping layer re-maps without re-parsing.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg.errors import InputError
from kg.extract import extract
from kg.facts import Extraction
from kg.ingest import Article, content_hash, iter_articles, language_problem, normalise_text
from kg.nlp import pipeline
from kg.parse import Parse, from_conllu, from_stanza, to_conllu
from kg.rdf import add_article, new_dataset
from kg.vocab import DEFAULT_BASE

DEFAULT_CACHE = Path(".kg-cache")
BATCH = 8


@dataclass(frozen=True)
class Built:
    article: Article
    parse: Parse
    extraction: Extraction
    graph: str  # IRI of the article's named graph


@dataclass
class BuildReport:
    built: list[Built] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    parsed: int = 0  # articles the model parsed (not from the cache)
    seconds: float = 0.0


def model_fingerprint(models: str | Path) -> str:
    """Identifies a model set by its files' names and sizes, to key the parse cache."""
    paths = pipeline.model_paths(models)
    ids = sorted(f"{Path(p).name}:{Path(p).stat().st_size}" for p in set(paths.values()))
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
            from kg.export import write_text
            write_text(self._path(article), to_conllu(parse))


def parse_articles(articles: list[Article], models: str | Path, cache: ParseCache) -> Iterator[tuple[Article, Parse, bool]]:
    """(article, parse, parsed_now) in input order; uncached articles go through Stanza in batches."""
    pending = []
    for article in articles:
        cached = cache.get(article)
        if cached is not None:
            yield article, cached, False
            continue
        pending.append(article)
    if not pending:
        return
    import stanza

    nlp = pipeline.shared_pipeline(str(models))
    for i in range(0, len(pending), BATCH):
        batch = pending[i:i + BATCH]
        docs = nlp.bulk_process([stanza.Document([], text=a.text) for a in batch])
        for article, doc in zip(batch, docs, strict=True):
            parse = from_stanza(doc)
            cache.put(article, parse)
            yield article, parse, True


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


def build_articles(articles: Iterable[Article], *, models: str | Path = "bundled", base: str = DEFAULT_BASE,
                   cache_dir: Path | None = DEFAULT_CACHE, dataset: Dataset | None = None,
                   progress: Callable[[Built], None] | None = None) -> tuple[Dataset, BuildReport]:
    start = time.monotonic()
    dataset = dataset if dataset is not None else new_dataset()
    report = BuildReport()
    cache = ParseCache(cache_dir, model_fingerprint(models))
    for article, parse, parsed_now in parse_articles(list(articles), models, cache):
        extraction = extract(parse, article.date)
        iri = add_article(dataset, article, parse, extraction, base)
        built = Built(article, parse, extraction, str(iri))
        report.built.append(built)
        report.parsed += parsed_now
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
