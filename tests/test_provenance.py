"""Provenance stays with what it describes: after a cross-article merge, a person keeps one mention
node per mention, each with its own confidence and method (NIF phrases annotated with ITS)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_articles
from rdflib import URIRef

import kg
from kg.builder import Parser
from kg.graph.vocab import DEFAULT_BASE, ELEC, ITSRDF, NIF, PROV
from kg.nlp.parse import rough_parse

ARTICLES = {
    "a": "Ketua KPU Sumsel Budi Santoso mengatakan rapat koordinasi digelar di Palembang pada "
         "12 November 2024. Bawaslu Sumsel juga hadir dalam rapat tersebut.",
    "b": "Pengamat politik menilai persiapan pilkada sudah baik. Menurut Budi Santoso, logistik "
         "pemilihan akan tiba di Palembang sebelum hari pemungutan suara.",
}
NAMES = {"Budi Santoso": "PER"}


def _tagged(articles: list):
    return (rough_parse(a.text, NAMES) for a in articles)


@pytest.fixture
def merged(tmp_path: Path):
    return kg.build(write_articles(tmp_path / "articles", ARTICLES), parser=Parser(_tagged, "names"), cache_dir=None)


def test_a_merged_person_keeps_each_mention_with_its_own_confidence(merged) -> None:
    person = URIRef(DEFAULT_BASE + "person/budi-santoso")
    mentions = {(g.identifier, m) for g in merged.graphs() for m in g.subjects(ITSRDF.taIdentRef, person)}
    assert len({graph for graph, _ in mentions}) == 2  # one IRI, two articles
    for graph_iri, mention in mentions:
        g = merged.graph(graph_iri)
        assert len(list(g.objects(mention, ITSRDF.taConfidence))) == 1
        assert len(list(g.objects(mention, ITSRDF.taAnnotatorsRef))) == 1
        assert g.value(mention, NIF.referenceContext) == graph_iri
        assert str(g.value(mention, NIF.anchorOf)) == "Budi Santoso"
    for g in merged.graphs():
        assert (person, ELEC.confidence, None) not in g and (person, PROV.wasDerivedFrom, None) not in g


def test_union_pairs_every_confidence_with_one_mention(merged) -> None:
    """In the merged graph (all articles' triples together) no node has two confidences."""
    from kg.graph.export import merged as union_of

    union = union_of(merged)
    for node in set(union.subjects(ITSRDF.taConfidence, None)) | set(union.subjects(ELEC.confidence, None)):
        assert len(list(union.objects(node, ITSRDF.taConfidence))) + \
            len(list(union.objects(node, ELEC.confidence))) == 1, node
