"""SPARQL over kg graphs: named queries from queries/*.rq; results as a table or in the standard
SPARQL 1.1 result formats (JSON, XML, CSV, TSV), datatypes and language tags kept.

Results hold RDF terms. The standard formats are written by the libraries, not by kg: rdflib
writes SPARQL JSON, and pyoxigraph reads that back and writes XML, CSV or TSV.

A named query may take parameters (`kg query --name person --param name="Dedi Mulyadi"`): its
header declares each one (``# param name: what it is``) and its body holds one empty slot for
it, ``VALUES ?name { }`` (or several, for subqueries). `bind` fills the slots with the values as SPARQL string literals,
escaped so that no value can end its literal or add to the query, on rdflib and Oxigraph alike.
A parameter declared ``(any case)`` gets every way news capitalises its words ("kpu jabar":
"KPU Jabar", "Kpu Jabar", ...), so the query finds a name through the store's index of exact
values instead of lower-casing every name in the store (100x slower on 10,000 articles).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import islice, product
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Variable
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result as RdflibResult
from rdflib.term import Node

from kg.assets import QUERIES_DIR as QUERY_DIR
from kg.errors import QueryError, printable
from kg.graph.terms import rdflib_term

FORMATS = ("table", "json", "xml", "csv", "tsv")
RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
TRIPLE_COLUMNS = ["subject", "predicate", "object"]  # CONSTRUCT and DESCRIBE, as rows


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


PARAM_LINE = re.compile(r"^#\s*param\s+(\w+)\s*(\(any case\))?\s*:\s*(.*?)\s*$")
SLOT = re.compile(r"VALUES\s+\?(\w+)\s*\{\s*\}")
MAX_FORMS = 32  # case forms of one value, at most
ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


@dataclass(frozen=True)
class Parameter:
    name: str
    description: str
    any_case: bool  # declared "(any case)": bound to every capitalisation of the value


def parameters(query: str) -> dict[str, Parameter]:
    """The parameters a query's header declares (``# param NAME [(any case)]: description``)."""
    params = {}
    for line in query.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        if m := PARAM_LINE.match(line):
            params[m.group(1)] = Parameter(m.group(1), m.group(3), bool(m.group(2)))
    return params


def case_forms(value: str) -> list[str]:
    """The ways news capitalises ``value``: as typed, Title Case, UPPER, lower, acronyms upper.

    "kpu jawa barat" gives "KPU Jawa Barat": words of up to three letters or without a vowel
    (KPU, PKB, DPRD, DKPP) are acronyms; a value of one or two words also gets every mix of its
    words' forms ("PDIP Jatim"). Few forms keep the index lookups cheap.
    """
    words = value.split()

    def cap(word: str) -> str:
        return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))

    forms = dict.fromkeys([value.strip(), " ".join(words), " ".join(map(cap, words)),
                           " ".join(words).upper(), " ".join(words).lower(),
                           " ".join(w.upper() if len(w) <= 3 or not set(w.lower()) & set("aeiou") else cap(w)
                                    for w in words)])
    per_word = [dict.fromkeys((w, w.lower(), cap(w), w.upper())) for w in words]
    if len(words) <= 2:
        forms |= dict.fromkeys(" ".join(combo) for combo in product(*per_word))
    return [f for f in forms if f][:MAX_FORMS]


def sparql_string(value: str) -> str:
    """``value`` as a SPARQL string literal that holds exactly it.

    Quotes, backslashes and line breaks become ECHAR escapes. Control characters and ``\\u``
    sequences are refused: engines decode ``\\uXXXX`` in the whole query text before parsing.
    """
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]", value):
        raise QueryError("a parameter value holds a control character or is not valid text")
    if re.search(r"\\[uU]", value):
        raise QueryError("a parameter value may not contain \\u or \\U")
    return '"' + "".join(ECHAR.get(ch, ch) for ch in value) + '"'


def bind(query: str, values: Mapping[str, str]) -> str:
    """``query`` with each declared parameter's slots ``VALUES ?p { }`` holding its value.

    Every declared parameter must be given and only those; the slots are filled in one pass
    over the original text, so a value that looks like a slot is never filled in turn.
    """
    declared = parameters(query)
    unknown = sorted(set(values) - set(declared))
    if unknown:
        takes = ", ".join(declared) or "no parameters"
        raise QueryError(f"unknown parameter {unknown[0]!r}; this query takes {takes}")
    missing = [p for p in declared.values() if p.name not in values]
    if missing:
        raise QueryError(f"missing parameter: --param {missing[0].name}=... ({missing[0].description})")
    slots = {m.group(1) for m in SLOT.finditer(query)}
    for name in declared:
        if name not in slots:
            raise QueryError(f"parameter {name!r} has no slot 'VALUES ?{name} {{ }}' in the query")
    literals = {p.name: " ".join(map(sparql_string, case_forms(values[p.name]) if p.any_case
                                     else [values[p.name]]))
                for p in declared.values()}
    return SLOT.sub(lambda m: f"VALUES ?{m.group(1)} {{ {literals[m.group(1)]} }}"
                    if m.group(1) in literals else m.group(0), query)


def named_query(name: str, values: Mapping[str, str] | None = None) -> str:
    """The named query ``name`` with its parameters bound: `kg query --name`, kg's HTTP server."""
    return bind(load_named(name), values or {})


def check_syntax(query: str) -> Query:
    """``query`` parsed and translated, ready to run; QueryError with the parser's line/column
    message for a malformed one."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        return prepareQuery(query)
    except Exception as err:  # pyparsing raises its own exception types
        raise QueryError(f"SPARQL syntax error: {' '.join(str(err).split())}") from None


def run_rdflib(graph: Graph, query: str | Query, limit: int | None = None) -> Result:
    """The solutions of ``query`` (text, or as rdflib prepared it) on an rdflib graph; at most
    ``limit`` of them."""
    result = graph.query(check_syntax(query) if isinstance(query, str) else query)  # parsed once
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
    try:
        result = store.query(query)
    except SyntaxError as err:
        raise QueryError(f"SPARQL syntax error: {' '.join(str(err).split())}") from None
    if isinstance(result, bool | ox.QueryBoolean):
        return Result([], [], ask=bool(result))
    if isinstance(result, ox.QueryTriples):
        return Result(TRIPLE_COLUMNS, [[rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object)]
                                       for t in islice(result, limit)])
    columns = [v.value for v in result.variables]
    return Result(columns, [[rdflib_term(sol[c]) for c in columns] for sol in islice(result, limit)])


def sparql_results(result: Result, fmt: str) -> str:
    """The result in a standard SPARQL 1.1 results format: json, xml, csv or tsv."""
    if result.ask is not None:
        standard = RdflibResult("ASK")
        standard.askAnswer = result.ask
    else:
        standard = RdflibResult("SELECT")
        standard.vars = [Variable(c) for c in result.columns]
        standard.bindings = [{Variable(c): t for c, t in zip(result.columns, row, strict=True) if t is not None}
                             for row in result.terms]
    text = from_json(standard.serialize(format="json"), RESULT_FORMATS[fmt]).decode("utf-8")
    return text if text.endswith("\n") else text + "\n"


def from_json(results: bytes, fmt: ox.QueryResultsFormat) -> bytes:
    """SPARQL JSON results in the results format ``fmt``, written by Oxigraph."""
    if fmt == ox.QueryResultsFormat.JSON:
        return results
    return ox.parse_query_results(results, format=ox.QueryResultsFormat.JSON).serialize(format=fmt)


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
