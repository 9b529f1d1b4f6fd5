"""A corpus kept in an on-disk store: `kg.Store`, the library behind `kg build|query|draw --store`.

`Store.sync` adds new and changed articles, skips unchanged ones unparsed (same content hash),
with ``prune`` removes the articles whose files are no longer given, then resolves entities across the whole
store (kg.graph.store), so the store always equals a fresh `kg.build` of its articles.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from kg.builder import DEFAULT_CACHE, Built, Parser, ParseStats, Paths, build_articles, unique_articles
from kg.graph import store as kg_store
from kg.graph.iri import mint
from kg.graph.queries import Result, run_oxigraph
from kg.graph.rdf import article_iri
from kg.graph.vocab import DEFAULT_BASE
from kg.ingest import Article, iter_articles


@dataclass(frozen=True)
class SyncReport:
    articles: int  # given
    unchanged: int  # skipped unparsed
    added: int
    replaced: int
    removed: int  # pruned
    parsed: int  # built articles the model parsed (the rest came from the parse cache)
    rewritten: int  # graphs rewritten by entity resolution
    triples: int
    seconds: float
    parse: ParseStats = field(default_factory=ParseStats)  # what parsing cost

    @property
    def built(self) -> int:
        return self.added + self.replaced


class Store:
    """The knowledge graph of many articles in an Oxigraph store folder.

    Opened read-only unless ``write`` (then created if missing); reading a missing store raises
    `GraphError`. A writing Store holds the store's writer lock until `close` (or the end of a
    ``with`` block, or of the process), so a second writer gets `GraphError` naming this process
    and readers wait for it, as with `kg build --store`.
    """

    def __init__(self, path: str | Path = kg_store.DEFAULT_STORE, *, write: bool = False):
        self.path = Path(path)
        self._held = ExitStack()
        if write:
            self._held.enter_context(kg_store.writing(self.path))
        try:
            self.oxigraph = kg_store.open_store(self.path, write=write)
        except BaseException:
            self._held.close()
            raise

    def close(self) -> None:
        """Release the writer lock (a no-op for a reading Store)."""
        self._held.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def sync(self, paths: Paths, *, force: bool = False, **options) -> SyncReport:
        """Make the store hold the articles of ``paths`` (see `sync_articles`)."""
        found = [Path(paths)] if isinstance(paths, str | Path) else [Path(p) for p in paths]
        return self.sync_articles(list(iter_articles(found, force=force)), **options)

    def sync_articles(self, articles: list[Article], *, prune: bool = False,
                      models: str | Path = "bundled", workers: int = 1, cluster: str | None = None,
                      base: str = DEFAULT_BASE,
                      cache_dir: Path | None = DEFAULT_CACHE, parser: Parser | None = None,
                      progress: Callable[[Built], None] | None = None,
                      plan: Callable[[int, int], None] | None = None,
                      failed: Iterable[str] = ()) -> SyncReport:
        """Add new and changed ``articles``, skip unchanged ones, with ``prune`` remove the articles
        whose files are not given any more, then resolve. ``failed``: files (`kg_store.source_key`)
        that did not read, whose articles stay. ``plan`` hears (articles given, articles to build)
        before building starts. See kg.graph.store for how files map to articles."""
        start = time.monotonic()
        store, folder = self.oxigraph, self.path
        known = kg_store.content_hashes(store)
        old = kg_store.load_sources(folder)
        iris = {a.key: str(article_iri(a, base)) for a in articles}
        run: dict[str, set[str]] = {}
        for a in articles:
            run.setdefault(kg_store.source_key(a.path), set()).add(iris[a.key])
        legacy = {str(mint(base, "article", a.id)) for a in articles} if old is None else set()
        if old is None and known:
            print(f"kg: upgrading {folder}: articles are now named by URL or content, not file name; "
                  "each old article is replaced as its file is rebuilt", file=sys.stderr)
        sources = kg_store.plan_sources(known, old, run, failed,
                                        {src for src in old or {} if not Path(src).exists()},
                                        prune=prune, legacy=legacy)
        todo = [a for a in unique_articles(articles)[0] if known.get(iris[a.key]) != a.sha256]
        if plan:
            plan(len(articles), len(todo))
        parsed, parse = 0, ParseStats()
        if todo or sources.stale:
            kg_store.mark_changed(folder)
        if todo:
            put = kg_store.writer(store)
            _, result = build_articles(todo, parser=parser, models=models, workers=workers, cluster=cluster,
                                       base=base,
                                       cache_dir=cache_dir, progress=progress,
                                       sink=lambda built, graph: put(built.graph, graph))
            parsed, parse = result.parsed, result.parse
        removed = kg_store.remove_graphs(store, sources.stale)
        kg_store.save_sources(folder, sources.sources)  # after removing: a crash before retries it
        rewritten = kg_store.resolve_pending(store, folder, base)
        if todo or sources.stale or rewritten:
            store.flush()  # write the log out now, or every later open replays it
            store.optimize()  # compacted, queries run 2-3x faster (bench/RESULTS.md)
        replaced = sum(iris[a.key] in known for a in todo)
        return SyncReport(len(articles), len(articles) - len(todo), len(todo) - replaced, replaced,
                          removed, parsed, rewritten, kg_store.triple_count(store),
                          time.monotonic() - start, parse)

    def query(self, sparql: str, limit: int | None = None) -> Result:
        """SPARQL on the union of the articles (lazily: with ``limit`` and no ORDER BY it stops early)."""
        return run_oxigraph(self.oxigraph, sparql, limit)

    def to_rdflib(self) -> Dataset:
        """Every article's named graph as an rdflib Dataset."""
        return kg_store.to_rdflib(self.oxigraph)

    def export(self, out: Path) -> tuple[Path, Path]:
        """graph.trig (one named graph per article) and graph.ttl (their union) in ``out``."""
        return kg_store.export(self.oxigraph, Path(out))

    def articles(self) -> Iterable[str]:
        """The IRIs of the stored articles."""
        return sorted(kg_store.content_hashes(self.oxigraph))
