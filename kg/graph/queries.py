"""SPARQL over kg graphs: named queries from queries/*.rq, results as table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql.sparql import Query

from kg.assets import QUERIES_DIR as QUERY_DIR
from kg.errors import QueryError, printable


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[list[str | None]]


def named_queries() -> dict[str, Path]:
    return {p.stem: p for p in sorted(QUERY_DIR.glob("*.rq"))}


def load_named(name: str) -> str:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; known: {', '.join(queries) or 'none'}")
    return queries[name].read_text(encoding="utf-8")


def _cell(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Literal | URIRef | BNode):
        return str(value)
    return str(value)


def check_syntax(query: str) -> None:
    """Raise QueryError with the parser's line/column message for a malformed query."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepareQuery(query)
    except Exception as err:  # pyparsing raises its own exception types
        raise QueryError(f"SPARQL syntax error: {' '.join(str(err).split())}") from None


def run_rdflib(graph: Graph, query: str | Query, limit: int | None = None) -> Result:
    """Rows of ``query`` (text, or as rdflib prepared it) on an rdflib graph; at most ``limit`` of them."""
    if isinstance(query, str):
        check_syntax(query)
    result = graph.query(query)
    if result.type == "ASK":
        return Result(["ask"], [[str(bool(result.askAnswer)).lower()]])
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return Result(["subject", "predicate", "object"], [[_cell(x) for x in t] for t in sorted(result.graph)])
    columns = [str(v) for v in result.vars]
    return Result(columns, [[_cell(row[v]) for v in result.vars] for row in islice(result, limit)])


def run_oxigraph(store, query: str, limit: int | None = None) -> Result:
    """The same query on a kg store, whose default graph is the union of its article graphs.

    Oxigraph evaluates lazily: with a ``limit`` and no ORDER BY, it stops after ``limit`` rows.
    """
    import pyoxigraph

    try:
        result = store.query(query)
    except SyntaxError as err:
        raise QueryError(f"SPARQL syntax error: {' '.join(str(err).split())}") from None
    if isinstance(result, bool | pyoxigraph.QueryBoolean):
        return Result(["ask"], [[str(bool(result)).lower()]])
    if isinstance(result, pyoxigraph.QueryTriples):
        return Result(["subject", "predicate", "object"],
                      [[t.subject.value, t.predicate.value, t.object.value] for t in result])
    columns = [v.value for v in result.variables]
    return Result(columns, [[None if sol[c] is None else sol[c].value for c in columns]
                            for sol in islice(result, limit)])


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet runs a CSV cell starting with these as a formula (OWASP CSV injection)."""


def csv_cell(value: str | None) -> str:
    """A CSV cell that a spreadsheet shows as text: a leading ' before a formula start."""
    text = "" if value is None else printable(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def format_result(result: Result, fmt: str = "table") -> str:
    """JSON (escaped by json itself), CSV safe for spreadsheets, or a table safe for terminals."""
    if fmt == "json":
        return json.dumps([dict(zip(result.columns, row, strict=True)) for row in result.rows],
                          ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([[csv_cell(c) for c in row] for row in result.rows])
        return buf.getvalue()
    cells = [[printable("" if c is None else " ".join(c.split()))[:70] for c in row] for row in result.rows]
    widths = [max([len(col)] + [len(r[i]) for r in cells]) for i, col in enumerate(result.columns)]
    line = " | ".join(col.ljust(w) for col, w in zip(result.columns, widths, strict=True))
    rule = "-+-".join("-" * w for w in widths)
    body = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join([line, rule, *body, f"({len(cells)} rows)"]) + "\n"
