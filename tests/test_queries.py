"""`kg query --format json|xml|csv|tsv`: the standard SPARQL 1.1 result formats, read back by a
SPARQL library with datatypes and language tags intact; the same from a file and from a store."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import run_kg

GRAPH = """\
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<https://w3id.org/kg-pemilu/id/figure/x/1> schema:value "2010"^^xsd:decimal ;
    schema:name "Jumlah pemilih"@id .
"""
QUERY = "SELECT ?p ?o ?none WHERE { ?s ?p ?o OPTIONAL { ?s <https://example.org/no> ?none } } ORDER BY ?p"
FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
           "tsv": ox.QueryResultsFormat.TSV}


@pytest.fixture
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "g.ttl"
    path.write_text(GRAPH, encoding="utf-8")
    return path


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    store = ox.Store(str(tmp_path / "store"))
    store.load(GRAPH.encode(), format=ox.RdfFormat.TURTLE)  # the default graph, as kg keeps the union
    store.flush()
    del store
    return tmp_path / "store"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> str:
    done = run_kg(capsys, *argv)
    assert done.code == 0
    return done.out


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("source", ["file", "store"])
def test_standard_formats_keep_datatypes_and_languages(fmt: str, source: str, graph_file: Path,
                                                       store_dir: Path, capsys) -> None:
    where = [graph_file] if source == "file" else ["--store", store_dir]
    out = run(capsys, "query", *where, QUERY, "--format", fmt)
    solutions = list(ox.parse_query_results(out.encode(), format=FORMATS[fmt]))
    assert [str(v) for v in ox.parse_query_results(out.encode(), format=FORMATS[fmt]).variables] == \
        ["?p", "?o", "?none"]
    values = {s["p"].value: s["o"] for s in solutions}
    assert values["https://schema.org/name"] == ox.Literal("Jumlah pemilih", language="id")
    assert values["https://schema.org/value"] == ox.Literal("2010", datatype=ox.NamedNode(
        "http://www.w3.org/2001/XMLSchema#decimal"))
    assert all(s["none"] is None for s in solutions)


def test_csv_is_the_sparql_csv(graph_file: Path, capsys) -> None:
    out = run(capsys, "query", graph_file, QUERY, "--format", "csv")
    assert out.splitlines() == ["p,o,none", "https://schema.org/name,Jumlah pemilih,",
                                "https://schema.org/value,2010,"]


def test_ask_and_limit(graph_file: Path, store_dir: Path, capsys) -> None:
    assert json.loads(run(capsys, "query", graph_file, "ASK { ?s ?p ?o }", "--format", "json"))["boolean"]
    limited = run(capsys, "query", "--store", store_dir, "SELECT * WHERE { ?s ?p ?o }", "--limit", "1",
                  "--format", "json")
    assert len(json.loads(limited)["results"]["bindings"]) == 1
