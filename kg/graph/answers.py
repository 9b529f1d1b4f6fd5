"""Answering one query on kg's data, inside a query worker (kg.graph.sandbox).

The data is a store (Oxigraph, read-only) or a graph file (rdflib). ``rows`` gives the rows
`kg query` prints; ``serialized`` gives the bytes of a SPARQL 1.1 result format (or an RDF
format for CONSTRUCT/DESCRIBE) chosen from an HTTP Accept header, for `kg serve`. Both check
first that the query stays local (``sandbox.check_local``; ``named_rows``, for kg's own named
queries, does not on a store) and stop after ``max_rows`` rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError
from kg.graph.queries import Result, from_json, run_oxigraph, run_rdflib
from kg.graph.sandbox import check_local
from kg.graph.terms import XSD_STRING

RESULT_TYPES = {  # SELECT and ASK, in the order offered when the client does not mind
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {  # CONSTRUCT and DESCRIBE
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
ALIASES = {"application/json": "application/sparql-results+json",
           "application/xml": "application/sparql-results+xml", "text/xml": "application/sparql-results+xml",
           "text/plain": "text/tab-separated-values", "application/x-turtle": "text/turtle",
           "application/json+ld": "application/ld+json"}


class NotAcceptable(QueryError):
    """No format the client accepts fits the query's form (HTTP 406)."""


@dataclass
class Data:
    """What a worker holds: an Oxigraph store or an rdflib Dataset, and its graph names."""

    store: ox.Store | None = None
    dataset: Any = None
    _graphs: set[str] | None = field(default=None, repr=False)

    def graphs(self) -> set[str]:
        if self._graphs is None:
            if self.store is not None:
                self._graphs = {g.value for g in self.store.named_graphs()}
            else:
                self._graphs = {str(g.identifier) for g in self.dataset.graphs() if len(g)}
        return self._graphs


@dataclass(frozen=True)
class StoreData:
    """Opens the Oxigraph store at ``path`` read-only (in the worker; picklable)."""

    path: str

    def __call__(self) -> Data:
        from kg.graph.store import open_store

        return Data(store=open_store(Path(self.path)))


@dataclass(frozen=True)
class FileData:
    """Loads a graph file with rdflib (in the worker; picklable); rdflib never fetches FROM graphs."""

    path: str

    def __call__(self) -> Data:
        import rdflib.plugins.sparql

        from kg.graph.loading import load_graph

        rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False
        return Data(dataset=load_graph(self.path))


@dataclass(frozen=True)
class Answer:
    body: bytes
    media_type: str
    truncated: bool  # more than max_rows rows: only the first max_rows are in the body


def rows(data: Data, query: str, limit: int | None = None) -> Result:
    """The rows `kg query` prints, of a query checked first to stay local."""
    checked = check_local(query, data.graphs)
    if data.store is not None:
        return run_oxigraph(data.store, query, limit)
    return run_rdflib(data.dataset, checked.prepared, limit)


def named_rows(data: Data, query: str, limit: int | None = None) -> Result:
    """`rows` of one of kg's own queries (queries/*.rq, each checked local by the tests) with its
    parameters bound as literals by queries.bind. On a store it runs without the check's parse:
    rdflib's parser takes about 0.5 s CPU on the person query, a hundred times what Oxigraph takes
    to answer it (rdflib runs the checked parse itself, so a graph file goes through `rows`)."""
    if data.store is None:
        return rows(data, query, limit)
    return run_oxigraph(data.store, query, limit)


def negotiate(accept: str | None, form: str) -> str | None:
    """The media type to answer a ``form`` query with, given an Accept header; None if none fits."""
    offered = list(GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES)
    ranked = []
    for order, part in enumerate((accept or "*/*").split(",")):
        kind, *params = [p.strip() for p in part.split(";")]
        quality = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    quality = float(p[2:])
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, order, ALIASES.get(kind.lower(), kind.lower())))
    for negative_quality, _, kind in sorted(ranked):
        if negative_quality >= 0:
            break
        if kind in offered:
            return kind
        if kind in ("*/*", f"{offered[0].split('/')[0]}/*"):
            return offered[0]
        wild = [t for t in offered if kind.endswith("/*") and t.startswith(kind[:-1])]
        if wild:
            return wild[0]
    return None


def serialized(data: Data, query: str, accept: str | None, max_rows: int,
               bindings: dict[str, str] | None = None) -> Answer:
    """The answer in the format the client accepts (QueryError if none fits)."""
    form = check_local(query, data.graphs).form
    media_type = negotiate(accept, form)
    if media_type is None:
        offered = GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES
        raise NotAcceptable(f"cannot answer a {form} query as {accept}; offered: {', '.join(offered)}")
    substitutions = {ox.Variable(k): _term(v) for k, v in (bindings or {}).items()}
    try:
        result = data.store.query(query, substitutions=substitutions or None)
    except SyntaxError as err:
        raise QueryError(f"SPARQL syntax error: {' '.join(str(err).split())}") from None
    if isinstance(result, ox.QueryBoolean):
        doc = {"head": {}, "boolean": bool(result)}
        return Answer(_results(doc, media_type), media_type, False)
    if isinstance(result, ox.QueryTriples):
        triples = list(islice(result, max_rows + 1))
        body = ox.serialize(triples[:max_rows], format=GRAPH_TYPES[media_type], prefixes=_prefixes())
        return Answer(body, media_type, len(triples) > max_rows)
    names = [v.value for v in result.variables]
    solutions = list(islice(result, max_rows + 1))
    doc = {"head": {"vars": names}, "results": {"bindings": [
        {name: _json_term(s[name]) for name in names if s[name] is not None} for s in solutions[:max_rows]]}}
    return Answer(_results(doc, media_type), media_type, len(solutions) > max_rows)


def _results(doc: dict, media_type: str) -> bytes:
    return from_json(json.dumps(doc, ensure_ascii=False).encode("utf-8"), RESULT_TYPES[media_type])


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _term(value: str) -> ox.NamedNode | ox.Literal:
    """A parameter value: an IRI when it is one (http, https, urn), else a plain string."""
    if value.split(":", 1)[0] in ("http", "https", "urn") and " " not in value:
        return ox.NamedNode(value)
    return ox.Literal(value)


def _prefixes() -> dict[str, str]:
    from kg.graph.vocab import PREFIXES

    return {name: str(ns) for name, ns in PREFIXES.items()}
