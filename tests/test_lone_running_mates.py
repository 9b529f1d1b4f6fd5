"""A running mate the news names without the head of the ticket ("Calon wakil bupati Tegal nomor urut 2, Nurul
Safitri, menemui nelayan …") is a candidacy in the graph: a ticket with elec:runningMate and no elec:candidate,
which the SHACL shapes accept, the summary reports for the deputy office, the drawing draws from the race, and
candidates.rq lists; running mates listed under a deputy's title ("dua bakal calon wakil wali kota, yakni A dan
B") are two such candidacies, no pair. Sentences written for these tests (invented names)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import article_graph

from kg.drawing import election_edges
from kg.graph.queries import named_query, run_rdflib
from kg.graph.summary import summarize
from kg.graph.validate import validate
from kg.ingest import Article
from kg.nlp.parse import rough_parse

TEXT = ("Calon wakil bupati Tegal nomor urut 2, Nurul Safitri, menemui nelayan di Pelabuhan Tegalsari, Selasa "
        "(22/10/2024). Ia berjanji memperjuangkan harga solar bagi nelayan.")


def graph():
    article = Article("wakil", TEXT, path=Path("wakil.txt"), date=dt.date(2024, 10, 23))
    return article_graph(article, rough_parse(TEXT, {"Nurul Safitri": "PERSON"}))


def test_a_running_mate_named_alone_is_a_candidacy() -> None:
    g = graph()
    [entry] = summarize(g)["candidacies"]
    assert (entry["person"], entry["office"], entry["ballot_number"], entry["region"], entry["running_mate"]) == (
        "Nurul Safitri", "wakil bupati", "2", "Tegal", None)
    assert validate(g).conforms
    assert any(label.startswith("no. 2") for _, _, label, _ in election_edges(g))


def test_candidates_query_lists_a_running_mate_named_alone() -> None:
    result = run_rdflib(graph(), named_query("candidates"))
    rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    assert [(str(r["number"]), r["candidate"], str(r["runningMate"])) for r in rows] == [("2", None, "Nurul Safitri")]


def candidacies(text: str) -> set[tuple[str, str, str | None]]:
    from kg.extract.article import extract

    x = extract(rough_parse(text, {}), dt.date(2024, 8, 28), None)
    return {(x.entity(c.person).name, c.office, x.entity(c.running_mate).name if c.running_mate else None)
            for c in x.candidacies}


def test_running_mates_listed_under_a_deputy_s_title_are_no_pair() -> None:
    alone = {("Andi Pratama", "wakil wali kota", None), ("Budi Santosa", "wakil wali kota", None)}
    assert candidacies("KPU Kota Tarakan menerima berkas dua bakal calon wakil wali kota, yakni Andi Pratama dan "
                       "Budi Santosa.") == alone
    assert candidacies("Calon wali kota Andi Pratama dan calon wakil wali kota Budi Santosa mendaftar ke KPU.") == {
        ("Andi Pratama", "wali kota", "Budi Santosa"), ("Budi Santosa", "wakil wali kota", "Andi Pratama")}
    assert candidacies("Calon bupati dan wakil bupati Sleman, Andi Pratama dan Budi Santosa, mendaftar.") == {
        ("Andi Pratama", "bupati", "Budi Santosa"), ("Budi Santosa", "wakil bupati", "Andi Pratama")}
