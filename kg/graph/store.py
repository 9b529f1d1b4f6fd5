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

The default graph holds the union of the article graphs, kept up to date in the same
transaction as each graph's change: Oxigraph answers kg's queries on its default graph a
hundred times faster than with ``use_default_graph_as_union`` (OPTIONALs rescan the union).

Oxigraph stores values, not spellings, of number types: an xsd:nonNegativeInteger comes back
as xsd:integer, the decimal 3.0 as 3. `to_rdflib` restores the types and the canonical decimals
kg writes, so SHACL still holds and a store reads back as the build that filled it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from rdflib import XSD, Dataset, Literal, URIRef

from kg.errors import ExitCode, GraphError
from kg.graph import resolution
from kg.graph.export import TRIG_PREFIXES, trig_of, write_with
from kg.graph.rdf import bind_prefixes, decimal_literal
from kg.graph.resolution import Triple
from kg.graph.vocab import ELEC, NIF

DEFAULT_STORE = Path(".kg-store")
FLUSH_EVERY = 100  # graphs written between flushes (about 50 MB of Oxigraph's memory)
PENDING = "kg-resolution-pending"  # a file beside Oxigraph's: articles changed, not yet resolved
RESTORED_TYPES = {NIF.beginIndex: XSD.nonNegativeInteger, NIF.endIndex: XSD.nonNegativeInteger}
HASHES_QUERY = f"SELECT ?g ?hash WHERE {{ GRAPH ?g {{ ?g <{ELEC.contentHash}> ?hash }} }}"


def open_store(path: Path, *, write: bool = False) -> ox.Store:
    """The store at ``path``: created if ``write``, else it must exist and is opened read-only."""
    try:
        if write:
            path.mkdir(parents=True, exist_ok=True)
            return ox.Store(str(path))
        if not path.is_dir():
            raise GraphError("no such store (build one with kg build PATH --store DIR)", path=path,
                             code=ExitCode.NOT_FOUND)
        return ox.Store.read_only(str(path))
    except OSError as err:
        raise GraphError(f"cannot open as an Oxigraph store: {' '.join(str(err).split())[:300]}",
                         path=path) from None


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
    return [(URIRef(q.subject.value), URIRef(q.predicate.value), _object(q.object))
            for q in store.quads_for_pattern(None, None, None, ox.NamedNode(iri))]


def _object(term: ox.NamedNode | ox.Literal) -> URIRef | Literal:
    """An Oxigraph object term as rdflib's; plain strings stay plain, as kg writes them."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == str(XSD.string) else URIRef(datatype))


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
    dataset.parse(data=ox.serialize(_named_quads(store), format=ox.RdfFormat.N_QUADS),
                  format="nquads")
    for predicate, datatype in RESTORED_TYPES.items():
        for s, p, o, g in list(dataset.quads((None, predicate, None, None))):
            dataset.remove((s, p, o, g))
            dataset.add((s, p, Literal(str(o), datatype=datatype), g))
    for s, p, o, g in list(dataset.quads((None, None, None, None))):
        if isinstance(o, Literal) and o.datatype == XSD.decimal:  # stored as a value: 3, not 3.0
            dataset.remove((s, p, o, g))
            dataset.add((s, p, decimal_literal(Decimal(str(o))), g))
    return dataset


def export(store: ox.Store, out: Path) -> tuple[Path, Path]:
    """graph.trig (every article's named graph) and graph.ttl (their union) of the whole store."""
    trig = write_with(out / "graph.trig", lambda tmp: trig_of(_named_quads(store), tmp))
    ttl = write_with(out / "graph.ttl", lambda tmp: store.dump(
        tmp, format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph(), prefixes=TRIG_PREFIXES))
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
