"""The persistent knowledge graph: an on-disk Oxigraph store, one named graph per article.

`kg build PATH... --store DIR` (default ``.kg-store/``) adds articles; `kg query|draw|validate
--store DIR` read them. An article's graph is named by its IRI and holds its elec:contentHash,
so a rebuild skips an unchanged article before parsing it and replaces a changed one. With
``--prune`` the store mirrors the build's input: graphs of articles that are not among its
PATHs any more are removed. After any change, cross-article resolution (kg.graph.resolution) runs
over the whole store and rewrites the graphs whose entities it renamed, so the store always
equals a fresh build of its articles. A file in the store folder marks changes not yet
resolved, so an interrupted build is resolved by the next one, and an unchanged one costs
only reading and hashing the articles.

Articles are named by their URL or content, not by file name (kg.ingest.article.article_key).
The store folder keeps which input file produced which article graphs (``kg-sources.json``),
so a renamed file moves its article, a file whose content changed replaces its old article,
and ``--prune`` removes only articles whose files are gone, never those of a file that failed
to read. A store written before (graphs named by file name, no sources file) is upgraded as
its articles are rebuilt: each old graph goes once the same file has built its new one.

The default graph holds the union of the article graphs, kept up to date in the same
transaction as each graph's change: Oxigraph answers kg's queries on its default graph a
hundred times faster than with ``use_default_graph_as_union`` (OPTIONALs rescan the union).

Oxigraph stores values, not spellings, of number types: an xsd:nonNegativeInteger comes back
as xsd:integer, the decimal 3.0 as 3. `to_rdflib` restores the types and the canonical decimals
kg writes, so SHACL still holds and a store reads back as the build that filled it.
"""

from __future__ import annotations

import fcntl
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from rdflib import XSD, Dataset, Literal, URIRef
from rdflib.term import Node

from kg.errors import ExitCode, GraphError
from kg.graph import resolution
from kg.graph.export import trig_of, write_text, write_with
from kg.graph.rdf import bind_prefixes, decimal_literal
from kg.graph.resolution import Triple
from kg.graph.terms import rdflib_term
from kg.graph.vocab import ELEC, NIF, WRITTEN_PREFIXES

DEFAULT_STORE = Path(".kg-store")
T = TypeVar("T")
FLUSH_EVERY = 100  # graphs written between flushes (about 50 MB of Oxigraph's memory)
PENDING = "kg-resolution-pending"  # a file beside Oxigraph's: articles changed, not yet resolved
SOURCES = "kg-sources.json"  # input file -> the article graphs it produced
WRITER = "kg-writer.pid"  # the PID of the build writing the store, flock'ed while it writes
BUSY_WAIT = 30.0  # seconds a reader waits for a store being compacted by a build
RESTORED_TYPES = {NIF.beginIndex: XSD.nonNegativeInteger, NIF.endIndex: XSD.nonNegativeInteger}
HASHES_QUERY = f"SELECT ?g ?hash WHERE {{ GRAPH ?g {{ ?g <{ELEC.contentHash}> ?hash }} }}"


def open_store(path: Path, *, write: bool = False) -> ox.Store:
    """The store at ``path``: created if ``write``, else it must exist and is opened read-only.

    A read-only open can fail while a build compacts the store (RocksDB swaps its MANIFEST):
    then it waits and retries for up to BUSY_WAIT seconds, saying which process writes it.
    """
    if not write:
        return read_store(path, lambda store: store)
    try:
        return ox.Store(str(_folder(path, write=True)))
    except OSError as err:
        raise GraphError(f"cannot open as an Oxigraph store: {' '.join(str(err).split())[:300]}",
                         path=path) from None


def read_store(path: Path, work: Callable[[ox.Store], T]) -> T:
    """``work`` done on the store opened read-only. While a build writes the store, files can
    vanish under a reader ("Corruption: ... MANIFEST may be corrupted", though the store is fine):
    then the store is opened again and the work redone, for up to BUSY_WAIT seconds, and once
    more if the writer has just finished (its store can still be deleting files as it lets go)."""
    folder = _folder(path, write=False)
    deadline, said, after_writer = time.monotonic() + BUSY_WAIT, False, False
    while True:
        opened = False
        try:
            store = ox.Store.read_only(str(folder))
            opened = True
            return work(store)
        except (OSError, RuntimeError) as err:
            pid = writer_pid(folder)
            if pid is None and not after_writer:
                after_writer = True
                continue
            if pid is None and opened:
                raise
            if pid is None:
                raise GraphError(f"cannot open as an Oxigraph store: {' '.join(str(err).split())[:300]}",
                                 path=path) from None
            if time.monotonic() > deadline:
                raise GraphError(f"store is being written by PID {pid}; try again when that build "
                                 "has finished", path=path, code=ExitCode.STORE_BUSY) from None
            if not said:
                print(f"kg: {path}: store is being written by PID {pid}, retrying", file=sys.stderr)
                said = True
            time.sleep(0.2)


def _folder(path: Path, write: bool) -> Path:
    """The store's folder: made when writing, else it must exist."""
    try:
        if write:
            path.mkdir(parents=True, exist_ok=True)
        elif not path.is_dir():
            raise GraphError("no such store (build one with kg build PATH --store DIR)", path=path,
                             code=ExitCode.NOT_FOUND)
    except OSError as err:
        raise GraphError(f"cannot open as an Oxigraph store: {err.strerror or err}", path=path) from None
    return path


@contextmanager
def writing(path: Path) -> Iterator[None]:
    """Hold the store's writer lock (a PID file, flock'ed) for a build; a second build is told
    which process holds it. The kernel drops the lock when its process dies, even by kill -9."""
    path.mkdir(parents=True, exist_ok=True)
    fd = os.open(path / WRITER, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _pid_in(fd)
            raise GraphError(f"store is being written by PID {pid} (another kg build); wait for it "
                             "to finish or stop it", path=path, code=ExitCode.STORE_BUSY) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
        os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # releases the lock


def writer_pid(path: Path) -> int | None:
    """The PID of the build writing the store at ``path``, or None when none is."""
    try:
        fd = os.open(path / WRITER, os.O_RDONLY)
    except OSError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return None  # nobody holds it
    except BlockingIOError:
        return _pid_in(fd)
    finally:
        os.close(fd)


def _pid_in(fd: int) -> int:
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else 0


def content_hashes(store: ox.Store) -> dict[str, str]:
    """Article graph IRI -> the content hash of the article it was built from."""
    return {sol["g"].value: sol["hash"].value for sol in store.query(HASHES_QUERY)}


def put_graph(store: ox.Store, iri: str, triples: Iterable[Triple]) -> None:
    """Replace the named graph ``iri`` by ``triples`` and update the union, in one transaction."""
    body = "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples)
    if not store.contains_named_graph(ox.NamedNode(iri)):  # new: a plain load is faster
        store.load(f"<{iri}> {{\n{body}}}\n{{\n{body}}}\n", format=ox.RdfFormat.TRIG)
        return
    store.update(f"DROP SILENT GRAPH <{iri}> ;\n"
                 f"INSERT DATA {{ GRAPH <{iri}> {{\n{body}}}\n{body}}} ;\n"
                 + _drop_orphans(_stored(store, iri)))


def writer(store: ox.Store, every: int = FLUSH_EVERY) -> Callable[[str, Iterable[Triple]], None]:
    """put_graph, flushing every ``every`` graphs: Oxigraph holds unflushed writes in memory."""
    count = 0

    def put(iri: str, triples: Iterable[Triple]) -> None:
        nonlocal count
        put_graph(store, iri, triples)
        count += 1
        if count % every == 0:
            store.flush()
    return put


def remove_graphs(store: ox.Store, iris: Iterable[str]) -> int:
    """Remove article graphs, and what only they said from the union."""
    count = 0
    for iri in iris:
        old = _stored(store, iri)
        store.update(f"DROP SILENT GRAPH <{iri}> ;\n" + _drop_orphans(old))
        count += 1
    return count


def _stored(store: ox.Store, iri: str) -> list[str]:
    """The triples of a stored graph in N-Triples, without their final dots."""
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(iri)).decode()
    return [line[:-2] for line in data.splitlines() if line]


def _drop_orphans(triples: list[str]) -> str:
    """SPARQL removing from the union those of ``triples`` that no article graph holds now."""
    if not triples:
        return ""
    values = "\n".join(f"({t})" for t in triples)
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{\n{values}\n}}\n"
            "FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }")


def triples_of(store: ox.Store, iri: str) -> list[Triple]:
    """A stored article graph's triples as rdflib terms."""
    return [(rdflib_term(q.subject), rdflib_term(q.predicate), rdflib_term(q.object))
            for q in store.quads_for_pattern(None, None, None, ox.NamedNode(iri))]


def triple_count(store: ox.Store) -> int:
    """Distinct triples of all articles (the union in the default graph)."""
    return int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)


def _named_quads(store: ox.Store) -> Iterator[ox.Quad]:
    for graph in sorted(store.named_graphs(), key=lambda g: g.value):
        yield from store.quads_for_pattern(None, None, None, graph)


def mark_changed(path: Path) -> None:
    """Note, before any graph changes, that the store needs resolving (kept across a crash)."""
    (path / PENDING).touch()


def resolve_pending(store: ox.Store, path: Path, base: str) -> int:
    """Resolve the store if its graphs changed since it was last resolved; graphs rewritten."""
    mark = path / PENDING
    if not mark.exists():
        return 0
    count = resolve_store(store, base)
    mark.unlink()
    return count


def resolve_store(store: ox.Store, base: str) -> int:
    """Resolve entities across every article of the store; returns the graphs rewritten."""
    rows = ([None if t is None else t.value for t in solution]
            for solution in store.query(resolution.RECORDS_QUERY))
    return resolution.apply(rows, base, lambda iri: triples_of(store, iri), writer(store))


def to_rdflib(store: ox.Store) -> Dataset:
    """The article graphs as an rdflib Dataset (unioned by default), kg's datatypes restored."""
    dataset = bind_prefixes(Dataset(default_union=True))
    for iri in sorted(g.value for g in store.named_graphs()):
        graph = dataset.graph(URIRef(iri))
        for triple in written_triples(store, iri):
            graph.add(triple)
    return dataset


def written_triples(store: ox.Store, iri: str) -> Iterator[Triple]:
    """A stored article graph's triples as kg wrote them (see _restored): what a store exports to
    rdflib and pushes, so they equal a build's files."""
    return ((s, p, _restored(p, o)) for s, p, o in triples_of(store, iri))


def _restored(predicate: URIRef, term: Node) -> Node:
    """A stored object as kg wrote it: its number type, its canonical decimal (stored as a value:
    3, not 3.0)."""
    if predicate in RESTORED_TYPES:
        return Literal(str(term), datatype=RESTORED_TYPES[predicate])
    if isinstance(term, Literal) and term.datatype == XSD.decimal:
        return decimal_literal(Decimal(str(term)))
    return term


def export(store: ox.Store, out: Path) -> tuple[Path, Path]:
    """graph.trig (every article's named graph) and graph.ttl (their union) of the whole store."""
    trig = write_with(out / "graph.trig", lambda tmp: trig_of(_named_quads(store), tmp))
    ttl = write_with(out / "graph.ttl", lambda tmp: store.dump(
        tmp, format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=WRITTEN_PREFIXES))
    return trig, ttl


def load_files(store: ox.Store, paths: Iterable[Path]) -> None:
    """Load graph files (Turtle, TriG, N-Triples, N-Quads, JSON-LD) as a kg store holds them: their
    named graphs as they are, and the union of everything in the default graph."""
    from kg.graph.loading import local_contexts

    for path in paths:
        try:
            fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower())
            if fmt is None:
                raise ValueError(f"unknown graph file extension {path.suffix!r}")
            if fmt == ox.RdfFormat.JSON_LD:
                import json

                data = json.dumps(local_contexts(json.loads(path.read_bytes()))).encode()
                store.bulk_load(data, format=fmt)
            else:
                store.bulk_load(path=str(path), format=fmt)
        except GraphError as err:
            err.path = path
            raise
        except (OSError, SyntaxError, ValueError) as err:
            raise GraphError(f"cannot load: {' '.join(str(err).split())[:300]}", path=path) from None
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    store.flush()


Sources = dict[str, frozenset[str]]
"""Input file (absolute path) -> IRIs of the article graphs it produced."""


def source_key(file: Path) -> str:
    """How the sources list names a file: its real absolute path (even inside a symlink loop)."""
    return os.path.realpath(file)


def load_sources(path: Path) -> Sources | None:
    """The store's sources, or None for a store written before kg kept them (or a new one)."""
    file = path / SOURCES
    if not file.exists():
        return None
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        return {str(src): frozenset(map(str, iris)) for src, iris in data["sources"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise GraphError(f"unreadable list of source files ({type(err).__name__}); remove it and "
                         "rebuild with the same paths to recreate it", path=file) from None


def save_sources(path: Path, sources: Sources) -> None:
    data = {"version": 1, "sources": {src: sorted(iris) for src, iris in sorted(sources.items())}}
    write_text(path / SOURCES, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


@dataclass(frozen=True)
class SourcePlan:
    sources: Sources  # to save once the stale graphs are gone
    stale: list[str]  # stored article graphs to remove


def plan_sources(stored: Iterable[str], old: Sources | None, run: Mapping[str, Iterable[str]],
                 failed: Iterable[str], gone: Iterable[str], *, prune: bool,
                 legacy: Iterable[str] = ()) -> SourcePlan:
    """Which files now claim which articles, and which stored articles no file claims any more.

    ``run``: files read now and the articles they gave; ``failed``: files (found) that failed to
    read, wholly or in part, so their earlier articles stay; ``gone``: earlier files no longer on
    disk. With ``prune`` a file not read now (and not failed) gives up its articles; without it,
    only a file gone from disk whose articles another file now gives (a rename) does. Stale are
    the stored articles no file claims that some file (or, for an old store, ``legacy``) did.
    """
    old, failed, gone = old or {}, set(failed), set(gone)
    run = {src: frozenset(iris) for src, iris in run.items()}
    present = set(run) | failed
    given = frozenset().union(*run.values())
    new = {src: iris for src, iris in old.items()
           if src in present or not (prune or (src in gone and iris <= given))}
    for src, iris in run.items():
        new[src] = iris | (old.get(src, frozenset()) if src in failed else frozenset())
    claimed = frozenset().union(*new.values())
    before = frozenset().union(*old.values()) | set(legacy)
    stale = sorted(iri for iri in set(stored) if iri not in claimed and (prune or iri in before))
    return SourcePlan(new, stale)
