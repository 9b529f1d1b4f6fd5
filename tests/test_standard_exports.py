"""JSON-LD and GraphML exports: other tools load them to the same graph."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from conftest import SEED_TRIG, write_articles
from rdflib import Graph
from rdflib.compare import isomorphic
from test_store import ARTICLES

from kg import cli
from kg.drawing import to_networkx
from kg.graph.export import jsonld, merged, turtle
from kg.graph.loading import kg_context, load_graph
from kg.graph.vocab import PREFIXES


def oxigraph_triples(data: str, fmt: ox.RdfFormat) -> set[str]:
    return {str(t) for t in ox.parse(data.encode(), format=fmt)}


def test_jsonld_loads_to_the_same_triples_as_turtle() -> None:
    union = merged(load_graph(SEED_TRIG))
    doc, ttl = jsonld(union), turtle(union)
    assert isomorphic(Graph().parse(data=doc, format="json-ld"), Graph().parse(data=ttl, format="turtle"))
    assert oxigraph_triples(doc, ox.RdfFormat.JSON_LD) == oxigraph_triples(ttl, ox.RdfFormat.TURTLE)
    assert json.loads(doc)["@context"] == kg_context()
    assert jsonld(union) == doc  # deterministic


def test_the_published_context_binds_kgs_prefixes() -> None:
    context = kg_context()
    assert all(context[name] == str(ns) for name, ns in PREFIXES.items())


def test_kg_draw_graphml_opens_in_networkx(tmp_path: Path) -> None:
    out = tmp_path / "seed"
    assert cli.main(["draw", str(SEED_TRIG), "--format", "graphml", "--out", str(out)]) == 0
    read = nx.read_graphml(out.with_suffix(".graphml"), force_multigraph=True)
    drawn = to_networkx(load_graph(SEED_TRIG))
    assert read.number_of_nodes() == drawn.number_of_nodes() > 5
    assert read.number_of_edges() == drawn.number_of_edges()
    ellen = read.nodes["https://w3id.org/kg-pemilu/id/person/ellen-setiad"]
    assert ellen["label"] == "Ellen Setiad" and ellen["kind"] == "person" and ellen["colour"] == "#e15759"


def build_corpus(tmp_path: Path, parser) -> Path:
    """`kg build` of test_store's three articles with the model-free parser; the output folder."""
    corpus, out = write_articles(tmp_path / "corpus", ARTICLES), tmp_path / "out"
    assert cli.main(["build", str(corpus), "--out", str(out), "--no-images", "--no-cache"], parser=parser) == 0
    return out


def test_kg_build_writes_jsonld_and_graphml(fake_parser, tmp_path: Path) -> None:
    out = build_corpus(tmp_path, fake_parser)
    ttl = Graph().parse(out / "graph.ttl", format="turtle")
    assert isomorphic(Graph().parse(out / "graph.jsonld", format="json-ld"), ttl)
    store = ox.Store()
    store.load(path=str(out / "graph.jsonld"), format=ox.RdfFormat.JSON_LD)
    assert len(store) == len(ttl)
    assert nx.read_graphml(out / "graph.graphml").number_of_nodes() > 3
