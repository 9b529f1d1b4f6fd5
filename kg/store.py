"""The persistent knowledge graph: an on-disk Oxigraph store, one named graph per article.

`kg build PATH... --store DIR` (default ``.kg-store/``) adds articles; `kg query|draw|validate
--store DIR` read them. An article's graph is named by its IRI and holds its elec:contentHash,
so a rebuild skips an unchanged article before parsing it and replaces a changed one in a
single transaction (readers never see half a graph). With ``--prune`` the store mirrors the
build's input: graphs of articles that are not among its PATHs any more are removed. After any
change, cross-article resolution (kg.resolution) runs over the whole store and rewrites the
graphs whose entities it renamed, so the store always equals a fresh build of its articles.

Oxigraph stores values, not spellings, of derived number types: an xsd:nonNegativeInteger
comes back as xsd:integer. `to_rdflib` restores the types kg writes, so SHACL still holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import XSD, Dataset, Graph, Literal

from kg import resolution
from kg.errors import ExitCode, GraphError
from kg.export import write_with
from kg.rdf import bind_prefixes
from kg.vocab import ELEC, NIF, PREFIXES

DEFAULT_STORE = Path(".kg-store")
RESTORED_TYPES = {NIF.beginIndex: XSD.nonNegativeInteger, NIF.endIndex: XSD.nonNegativeInteger}
HASHES_QUERY = f"SELECT ?g ?hash WHERE {{ GRAPH ?g {{ ?g <{ELEC.contentHash}> ?hash }} }}"
UNION_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"


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


def put_graph(store: ox.Store, iri: str, graph: Graph) -> None:
    """Replace the named graph ``iri`` by ``graph`` in one transaction."""
    body = graph.serialize(format="nt")
    store.update(f"DROP SILENT GRAPH <{iri}> ;\nINSERT DATA {{ GRAPH <{iri}> {{\n{body}}} }}")


def graph_of(store: ox.Store, iri: str) -> Graph:
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(iri))
    return Graph().parse(data=data, format="nt")


def remove_graphs(store: ox.Store, iris: Iterable[str]) -> int:
    count = 0
    for iri in iris:
        store.remove_graph(ox.NamedNode(iri))
        count += 1
    return count


def resolve_store(store: ox.Store, base: str) -> int:
    """Resolve entities across every article of the store; returns the graphs rewritten."""
    recs = resolution.records(store.query(resolution.RECORDS_QUERY))
    todo = resolution.changes(recs, resolution.resolve(recs, base))
    for iri, renamed in sorted(todo.items()):
        put_graph(store, iri, resolution.canonicalise(graph_of(store, iri), renamed))
    return len(todo)


def to_rdflib(store: ox.Store) -> Dataset:
    """The whole store as an rdflib Dataset (named graphs unioned by default), types restored."""
    dataset = bind_prefixes(Dataset(default_union=True))
    dataset.parse(data=store.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
    for predicate, datatype in RESTORED_TYPES.items():
        for s, p, o, g in list(dataset.quads((None, predicate, None, None))):
            dataset.remove((s, p, o, g))
            dataset.add((s, p, Literal(str(o), datatype=datatype), g))
    return dataset


def export(store: ox.Store, out: Path) -> tuple[Path, Path]:
    """graph.trig (every article's named graph) and graph.ttl (their union) of the whole store."""
    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
    trig = write_with(out / "graph.trig", lambda tmp: store.dump(
        tmp, format=ox.RdfFormat.TRIG, prefixes=prefixes))
    ttl = write_with(out / "graph.ttl", lambda tmp: ox.serialize(
        store.query(UNION_QUERY, use_default_graph_as_union=True), tmp,
        format=ox.RdfFormat.TURTLE, prefixes=prefixes))
    return trig, ttl
