"""The election part of the ontology (contests, candidacies, results, court cases): it loads in
rdflib and pyoxigraph, every term has Indonesian and English labels and is constrained by a
shape, and the shapes accept a hand-written election graph and reject each kind of mistake."""

from __future__ import annotations

from decimal import Decimal

import pyoxigraph as ox
import pytest
from conftest import ELECTION_TTL
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.graph.iri import candidacy_iri, contest_iri, court_case_iri
from kg.graph.validate import validate
from kg.graph.vocab import ELEC, ONTOLOGY_FILE, SHAPES_FILE, ontology

BASE = "https://w3id.org/kg-pemilu/id/"
NEW_CLASSES = ("Contest", "Candidacy", "Coalition", "CandidacyStatus", "Result", "CountStage",
               "CourtCase", "Ruling", "CourtOrder")


@pytest.fixture(scope="module")
def election() -> Graph:
    return Graph().parse(ELECTION_TTL, format="turtle")


def test_ontology_and_shapes_load_in_rdflib_and_oxigraph() -> None:
    for path in (ONTOLOGY_FILE, SHAPES_FILE):
        store = ox.Store()
        store.load(path=str(path), format=ox.RdfFormat.TURTLE)
        assert len(store) == len(Graph().parse(path, format="turtle")) > 100


def test_every_term_has_indonesian_and_english_labels() -> None:
    onto = ontology()
    terms = {s for s in onto.subjects() if isinstance(s, URIRef) and str(s).startswith(str(ELEC))}
    assert {ELEC[c] for c in NEW_CLASSES} <= terms
    for term in terms:
        langs = {label.language for label in onto.objects(term, RDFS.label)}
        assert {"id", "en"} <= langs, term


def test_every_property_is_constrained_by_a_shape() -> None:
    onto, shapes = ontology(), Graph().parse(SHAPES_FILE, format="turtle")
    paths = set(shapes.objects(None, SH.path))
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for prop in onto.subjects(RDF.type, kind):
            assert prop in paths, f"no shape constrains {prop}"
    constrained = set(shapes.objects(None, SH.targetClass)) | set(shapes.objects(None, SH["class"]))
    listed = {item for lst in shapes.objects(None, SH["in"]) for item in shapes.items(lst)}
    for cls in NEW_CLASSES:
        members = set(onto.subjects(RDF.type, ELEC[cls]))
        assert ELEC[cls] in constrained or (members and members <= listed), cls


def test_election_graph_conforms(election: Graph) -> None:
    check = validate(election)
    assert check.conforms, check.text


RAHMAT = URIRef(BASE + "candidacy/gubernur-sumatera-tengah-2024/rahmat-wibisono")
RESULT = URIRef(BASE + "result/berita-1/1")
CONTEST = URIRef(BASE + "contest/gubernur-sumatera-tengah-2024")
CASE = URIRef(BASE + "case/12-phpu-bup-xxiii-2025")


@pytest.mark.parametrize(("node", "prop", "old", "new"), [
    (RAHMAT, ELEC.candidate, URIRef(BASE + "person/rahmat-wibisono"),
     URIRef(BASE + "org/pdip")),  # a party as candidate
    (RAHMAT, ELEC.contest, CONTEST, None),  # no race
    (RAHMAT, ELEC.ballotNumber, Literal(1), Literal("satu")),
    (RAHMAT, ELEC.ballotNumber, Literal(1), Literal(0)),
    (RAHMAT, ELEC.status, ELEC.registered, ELEC.granted),
    (RAHMAT, ELEC.runningMate, URIRef(BASE + "person/sari-anggraini"),
     URIRef(BASE + "place/lembah-hijau")),
    (RESULT, ELEC.percent, Literal(Decimal("45.6")), Literal(Decimal("145.6"))),
    (RESULT, ELEC.votes, Literal(1234567), Literal("1.234.567")),
    (RESULT, ELEC.stage, ELEC.provinceRecapitulation, ELEC.elected),
    (RESULT, ELEC.resultFor, RAHMAT, URIRef(BASE + "place/sumatera-tengah")),
    (CONTEST, ELEC.office, Literal("gubernur"), Literal("kepala suku")),
    (CASE, ELEC.ruling, ELEC.partlyGranted, ELEC.revote),
    (CASE, ELEC.orders, ELEC.revote, ELEC.rejected),
])
def test_shapes_reject_each_mistake(election: Graph, node: URIRef, prop: URIRef, old, new) -> None:
    broken = Graph()
    broken += election
    assert (node, prop, old) in broken
    broken.remove((node, prop, old))
    if new is not None:
        broken.add((node, prop, new))
    assert not validate(broken).conforms


def test_a_ticket_names_its_head_or_at_least_its_running_mate(election: Graph) -> None:
    """The news may name only a running mate ("calon wakil gubernur B menemui nelayan"): no candidate, but not
    neither."""
    broken = Graph()
    broken += election
    broken.remove((RAHMAT, ELEC.candidate, None))
    assert validate(broken).conforms
    broken.remove((RAHMAT, ELEC.runningMate, None))
    assert not validate(broken).conforms


def test_result_needs_a_figure(election: Graph) -> None:
    broken = Graph()
    broken += election
    broken.remove((RESULT, ELEC.votes, None))
    assert validate(broken).conforms  # a percentage alone is a result
    broken.remove((RESULT, ELEC.percent, None))
    assert not validate(broken).conforms


def test_election_iris_are_shared_across_articles() -> None:
    assert contest_iri(BASE, "gubernur", "Jawa Barat", "2024") == URIRef(BASE + "contest/gubernur-jawa-barat-2024")
    assert contest_iri(BASE, "presiden", None, "2024") == URIRef(BASE + "contest/presiden-2024")
    assert candidacy_iri(BASE, "wali kota", "Kota Bandung", "2024", "Budi Santoso") == \
        URIRef(BASE + "candidacy/wali-kota-kota-bandung-2024/budi-santoso")
    assert court_case_iri(BASE, "02/PHPU.BUP-XXIII/2025") == URIRef(BASE + "case/02-phpu-bup-xxiii-2025")
