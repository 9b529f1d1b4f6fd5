"""Candidacies, results and court cases end to end: text -> facts -> RDF (SHACL) -> summary JSON -> score.

The articles in tests/fixtures/election are invented, with gold written by hand. They are parsed
model-free (rough_parse, no NER tags), so the persons and tickets come from the patterns alone.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from conftest import article_graph
from rdflib import Graph, Literal

from kg.evaluation import score_article
from kg.extract.article import extract
from kg.graph.rdf import add_article, new_dataset
from kg.graph.summary import summarize
from kg.graph.validate import validate
from kg.graph.vocab import ELEC
from kg.ingest import read_article
from kg.nlp.parse import rough_parse

HERE = Path(__file__).parent
ELECTION = HERE / "fixtures" / "election"
SCORER = HERE.parent.parent / "shared" / "eval" / "score.py"


def build(name: str):
    article = read_article(ELECTION / f"{name}.txt")[0]
    return article_graph(article, rough_parse(article.text, {}))


@pytest.fixture(scope="module")
def graphs() -> dict:
    return {p.stem: build(p.stem) for p in sorted(ELECTION.glob("*.txt"))}


def test_graphs_conform_to_the_shapes(graphs) -> None:
    for graph in graphs.values():
        result = validate(graph)
        assert result.conforms, result.text


def test_summary_lists_tickets_and_results(graphs) -> None:
    summary = summarize(graphs["rekap_pilbup_lembah"])
    tickets = {(c["person"], c["office"], c["ballot_number"], c["running_mate"]) for c in summary["candidacies"]}
    assert tickets == {("Hendra Wijaya", "bupati", "2", "Lusiana Dewi"),
                       ("Lusiana Dewi", "wakil bupati", "2", "Hendra Wijaya"),
                       ("Teguh Santoso", "bupati", None, "Maya Sari"),
                       ("Maya Sari", "wakil bupati", None, "Teguh Santoso")}
    parties = {c["person"]: c["parties"] for c in summary["candidacies"]}
    assert parties["Teguh Santoso"] == ["Koalisi Bantul Sejahtera", "Partai Golongan Karya"]
    kinds = {o["name"]: o["type"] for o in summary["organizations"]}
    assert kinds["Koalisi Bantul Sejahtera"] == "political_party"
    assert {c["region"] for c in summary["candidacies"]} == {"Bantul"}
    assert {(r["candidate"], r["votes"], r["percent"], r["stage"]) for r in summary["results"]} == {
        ("Hendra Wijaya", "210.345", "52,4", "regencyRecapitulation"),
        ("Teguh Santoso", "191.002", "47,6", "regencyRecapitulation")}
    assert "2" not in {n["value"] for n in summary["numbers"]}  # the ballot number is no figure


def test_court_case_in_the_graph(graphs) -> None:
    g = graphs["putusan_mk_psu"]
    cases = {str(c): c for c in g.subjects(None, ELEC.CourtCase)}
    assert len(cases) == 2
    numbers = {str(g.value(c, g.namespace_manager.expand_curie("schema:identifier"))): c for c in cases.values()}
    first = numbers["41/PHPU.WAKO-XXIII/2025"]
    assert g.value(first, ELEC.ruling) == ELEC.partlyGranted
    assert set(g.objects(first, ELEC.orders)) == {ELEC.revote}
    assert g.value(numbers["42/PHPU.WAKO-XXIII/2025"], ELEC.ruling) == ELEC.rejected
    petitioner = g.value(first, ELEC.petitioner)  # the ticket that brought the case
    assert str(g.value(g.value(petitioner, ELEC.candidate), g.namespace_manager.expand_curie("schema:name"))) \
        == "Rahmat Hidayat"
    ballots = set(g.objects(None, ELEC.ballotNumber))
    assert ballots == {Literal(1)}


def test_kg_eval_scores_the_fixtures_perfectly(graphs) -> None:
    for name, graph in graphs.items():
        gold = json.loads((ELECTION / f"{name}.json").read_text(encoding="utf-8"))
        scores = score_article(gold, summarize(graph))
        for cat in ("persons", "candidacies", "results"):
            assert scores[cat].matched == scores[cat].gold == scores[cat].predicted, (name, cat)


PRED = {"candidacies": [{"person": "A Satu", "office": "bupati", "ballot_number": "01"},
                        {"person": "B Dua", "office": "wakil bupati", "ballot_number": "2"},
                        {"person": "C Tiga", "office": "gubernur", "ballot_number": None}],
        "results": [{"candidate": "A Satu", "votes": "1.234", "percent": None},
                    {"candidate": "Partai X", "votes": None, "percent": "12,5"},
                    {"candidate": "C Tiga", "votes": "99", "percent": None}],
        "quotes": [{"speaker": "Ketua Budi", "first_words": "kami siap menggelar pemilihan dengan baik"}]}
GOLD = {"persons": [{"name": "Budi Harsono", "aliases": ["Ketua Budi"]}],
        "candidacies": [{"person": "A Satu", "office": "bupati", "ballot_number": "1"},
                        {"person": "B Dua", "office": "wakil bupati", "ballot_number": "3"},
                        {"person": "C Tiga", "office": "wakil gubernur", "ballot_number": None},
                        {"person": "D Empat", "office": "bupati", "ballot_number": None}],
        "results": [{"candidate": "A Satu", "votes": "1234", "percent": "40"},
                    {"candidate": "Partai X", "votes": "500", "percent": "12.5"},
                    {"candidate": "C Tiga", "votes": "98", "percent": None}],
        "quotes": [{"speaker": "Budi Harsono", "first_words": "Kami siap menggelar pemilihan"}]}


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not here")
def test_kg_eval_counts_as_the_reference_scorer() -> None:
    spec = importlib.util.spec_from_file_location("reference_score", SCORER)
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    ours = score_article(GOLD, PRED)
    theirs = reference.score_article(GOLD, PRED)
    assert set(theirs) <= set(ours)
    for cat, counts in theirs.items():
        assert (ours[cat].matched, ours[cat].predicted, ours[cat].gold) == counts, cat
    assert theirs["candidacies"] == (1, 3, 4) and theirs["results"] == (2, 3, 3) and theirs["quotes"][0] == 1


def test_two_articles_writing_one_title_in_two_cases_still_conform() -> None:
    from kg.ingest import Article

    dataset = new_dataset()
    union = Graph()
    for i, text in enumerate(("Pasangan nomor urut 1, Hendra Wijaya dan Lusiana Dewi, hadir di Bantul.",
                              "Hadir pula pasangan nomor urut 1, Teguh Santoso dan Maya Sari, di Sleman.")):
        article = Article(id=f"a{i}", text=text, path=Path(f"a{i}.txt"))
        parse = rough_parse(text, {})
        add_article(dataset, article, parse, extract(parse, None, "Pilkada 2024"))
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    result = validate(union)
    assert result.conforms, result.text
