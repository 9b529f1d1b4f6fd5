"""SPARQL over kg graphs: named queries from queries/*.rq; results as a table or in the standard
SPARQL 1.1 result formats (JSON, XML, CSV, TSV), datatypes and language tags kept.

Results hold RDF terms. The standard formats are written by the libraries, not by kg: rdflib
writes SPARQL JSON, and pyoxigraph reads that back and writes XML, CSV or TSV.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result as RdflibResult
from rdflib.term import Node

from kg.assets import QUERIES_DIR as QUERY_DIR
from kg.errors import QueryError, printable

FORMATS = ("table", "json", "xml", "csv", "tsv")
TRIPLE_COLUMNS = ["subject", "predicate", "object"]  # CONSTRUCT and DESCRIBE, as rows
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True)
class Result:
    columns: list[str]
    terms: list[list[Node | None]]  # one row per solution; None where a variable is unbound
    ask: bool | None = None  # the answer of an ASK query (then columns and terms are empty)

    @property
    def rows(self) -> list[list[str | None]]:
        """The rows as plain strings (lexical forms, IRIs)."""
        if self.ask is not None:
            return [[str(self.ask).lower()]]
        return [[None if t is None else str(t) for t in row] for row in self.terms]


def named_queries() -> dict[str, Path]:
    return {p.stem: p for p in sorted(QUERY_DIR.glob("*.rq"))}


def load_named(name: str) -> str:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; known: {', '.join(queries) or 'none'}")
    return queries[name].read_text(encoding="utf-8")


def check_syntax(query: str) -> None:
    """Raise QueryError with the parser's line/column message for a malformed query."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepareQuery(query)
    except Exception as err:  # pyparsing raises its own exception types
        raise QueryError(f"SPARQL syntax error: {' '.join(str(err).split())}") from None


def run_rdflib(graph: Graph, query: str | Query, limit: int | None = None) -> Result:
    """The solutions of ``query`` (text, or as rdflib prepared it) on an rdflib graph; at most
    ``limit`` of them."""
    if isinstance(query, str):
        check_syntax(query)
    result = graph.query(query)
    if result.type == "ASK":
        return Result([], [], ask=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return Result(TRIPLE_COLUMNS, [list(t) for t in islice(sorted(result.graph), limit)])
    return Result([str(v) for v in result.vars],
                  [[row[v] for v in result.vars] for row in islice(result, limit)])


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
        return Result([], [], ask=bool(result))
    if isinstance(result, pyoxigraph.QueryTriples):
        return Result(TRIPLE_COLUMNS, [[_term(t.subject), _term(t.predicate), _term(t.object)]
                                       for t in islice(result, limit)])
    columns = [v.value for v in result.variables]
    return Result(columns, [[_term(sol[c]) for c in columns] for sol in islice(result, limit)])


def _term(term) -> Node | None:
    """An Oxigraph term as rdflib's."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:  # a simple literal, as rdflib reads one
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def sparql_results(result: Result, fmt: str) -> str:
    """The result in a standard SPARQL 1.1 results format: json, xml, csv or tsv."""
    import pyoxigraph as ox

    if result.ask is not None:
        standard = RdflibResult("ASK")
        standard.askAnswer = result.ask
    else:
        standard = RdflibResult("SELECT")
        standard.vars = [Variable(c) for c in result.columns]
        standard.bindings = [{Variable(c): t for c, t in zip(result.columns, row, strict=True) if t is not None}
                             for row in result.terms]
    json = standard.serialize(format="json")
    if fmt == "json":
        return json.decode("utf-8") + "\n"
    target = {"xml": ox.QueryResultsFormat.XML, "csv": ox.QueryResultsFormat.CSV,
              "tsv": ox.QueryResultsFormat.TSV}[fmt]
    parsed = ox.parse_query_results(json, format=ox.QueryResultsFormat.JSON)
    text = parsed.serialize(format=target).decode("utf-8")
    return text if text.endswith("\n") else text + "\n"


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet runs a CSV cell starting with these as a formula (OWASP CSV injection)."""


def csv_cell(value: str | None) -> str:
    """A CSV cell that a spreadsheet shows as text: a leading ' before a formula start."""
    text = "" if value is None else printable(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def spreadsheet_safe(text: str) -> str:
    """Standard SPARQL CSV with every data cell through `csv_cell` (the header stays)."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n" if "\r\n" in text else "\n")
    writer.writerows(rows[:1] + [[csv_cell(c) for c in row] for row in rows[1:]])
    return buf.getvalue()


def format_result(result: Result, fmt: str = "table") -> str:
    """A readable table safe for terminals, or one of the standard formats (see `sparql_results`),
    CSV safe for spreadsheets."""
    if fmt == "csv":
        return spreadsheet_safe(sparql_results(result, fmt))
    if fmt != "table":
        return sparql_results(result, fmt)
    columns = ["ask"] if result.ask is not None else result.columns
    cells = [[printable("" if c is None else " ".join(c.split()))[:70] for c in row] for row in result.rows]
    widths = [max([len(col)] + [len(r[i]) for r in cells]) for i, col in enumerate(columns)]
    line = " | ".join(col.ljust(w) for col, w in zip(columns, widths, strict=True))
    rule = "-+-".join("-" * w for w in widths)
    body = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in cells]
    return "\n".join([line, rule, *body, f"({len(cells)} rows)"]) + "\n"
