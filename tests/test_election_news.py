"""Candidacies and results written as Indonesian election news writes them, on sentences written for
these tests (invented names), through the whole extraction on the model-free parse: titles and
degrees around a pair's hyphen, a cue with a relative clause, list items with their backers, a
campaign team's chief who is no candidate, numbered result lists, party results and their names.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import article_graph, fake_parse
from test_election_rules import candidacies, results, run

from kg.extract.facts import Extraction
from kg.graph.summary import summarize
from kg.ingest import Article


def parties(x: Extraction) -> dict[str, set[str]]:
    return {x.entity(c.person).name: {x.entity(p).name for p in c.parties} for c in x.candidacies
            if not c.office.startswith("wakil ")}


@pytest.mark.parametrize("text, expected", [
    ("Debat diikuti dua pasangan calon bupati, yakni nomor urut 1 Dr. Ir. Komang Arya, M.Si.-Rudi Hartanto "
     "dan nomor urut 2 Dr. dr. Yohana Wenda, Sp.A.-Markus Ruma.",
     {("Komang Arya", "bupati", "1", "Rudi Hartanto"), ("Rudi Hartanto", "wakil bupati", "1", "Komang Arya"),
      ("Yohana Wenda", "bupati", "2", "Markus Ruma"), ("Markus Ruma", "wakil bupati", "2", "Yohana Wenda")}),
    ("Pasangan kedua, Dr. Fajrin Ramadan, M.Pd. dan Yulianus Sembiring, mendaftar ke KPU sebagai bakal "
     "pasangan calon wali kota.",
     {("Fajrin Ramadan", "wali kota", None, "Yulianus Sembiring"),
      ("Yulianus Sembiring", "wakil wali kota", None, "Fajrin Ramadan")}),
])
def test_titles_and_degrees_around_the_pair(text: str, expected: set) -> None:
    assert candidacies(run(text)) == expected


def test_a_cue_with_a_relative_clause_and_backers_between_the_pairs() -> None:
    x = run("KPU Kabupaten Sukamara menetapkan pasangan calon bupati. Dua pasangan yang ditetapkan sebagai calon "
            "adalah Hadi Sulistyo-Rina Marlina, yang diusung Koalisi Sukamara Maju, serta Sugeng Mahmud dan "
            "Lestiani Anggra yang diusung oleh PDI-P dan Partai Gerindra.")
    assert {(c[0], c[1]) for c in candidacies(x)} == {
        ("Hadi Sulistyo", "bupati"), ("Rina Marlina", "wakil bupati"),
        ("Sugeng Mahmud", "bupati"), ("Lestiani Anggra", "wakil bupati")}
    backers = parties(x)
    assert backers["Hadi Sulistyo"] == {"Koalisi Sukamara Maju"}  # the next pair's parties do not bleed back
    assert len(backers["Sugeng Mahmud"]) == 2 and "Koalisi Sukamara Maju" not in backers["Sugeng Mahmud"]
    assert {c.status for c in x.candidacies} == {"eligible"}


@pytest.mark.parametrize("team", ["Ketua Tim Pemenangan pasangan", "Saksi paslon", "Kuasa hukum pasangan calon",
                                  "Juru bicara pasangan"])
def test_who_speaks_for_a_pair_is_no_candidate(team: str) -> None:
    x = run(f"Pilbup Majene 2024 diikuti dua pasangan calon bupati. {team} nomor urut 2, Haryo Munandir, "
            "membantah tudingan itu. Calon bupati nomor urut 1, Ahmad Sulaeman, hadir dalam debat.")
    assert candidacies(x) == {("Ahmad Sulaeman", "bupati", "1", None)}


LISTED = ("KPU Kota Binjai merampungkan rekapitulasi Pemilihan Wali Kota Binjai. Berikut perolehan suara "
          "masing-masing pasangan calon:\n1. Robertus Tamba-Sri Wulan: {0} suara\n"
          "2. Danil Situmeang-Lilis Pardede: {1} suara\n3. Hotma Sirait-Erni Damanik: {2} suara")


def test_a_numbered_result_list_not_in_falling_order_is_by_ballot_number() -> None:
    x = run(LISTED.format("31.402", "36.118", "46.370"))
    assert {(c[0], c[2]) for c in candidacies(x) if c[1] == "wali kota"} == {
        ("Robertus Tamba", "1"), ("Danil Situmeang", "2"), ("Hotma Sirait", "3")}
    assert results(x) == {("Robertus Tamba", "31.402", None), ("Danil Situmeang", "36.118", None),
                          ("Hotma Sirait", "46.370", None)}
    assert not {f.value for f in x.figures} & {"1", "2", "3"}  # the ballot numbers are no figures


def test_a_ranking_of_a_count_gives_no_ballot_numbers() -> None:
    x = run(LISTED.format("46.370", "36.118", "31.402"))
    assert {c[2] for c in candidacies(x)} == {None}


def test_results_when_the_sentence_splitter_cuts_a_pair_at_a_title() -> None:
    x = run("Pasangan calon bupati nomor urut 2, Agus Lagowan-Hj. Sitti Rahma, meraih 1.312 suara.")
    assert results(x) == {("Agus Lagowan", "1.312", None)}


@pytest.mark.parametrize("text, expected", [
    ("Partai Gerindra meraih suara terbanyak dengan 27.310.455 suara atau 18,04 persen, disusul PDI Perjuangan "
     "dengan 25.102.870 suara, dan Partai Golkar dengan 22.640.118 suara.", 3),
    ("KPU Kabupaten Dairi menetapkan pasangan calon bupati nomor urut 1, Dr. Hendrik Tambun, S.E., M.M.-Ir. Rosa "
     "Pane, sebagai peraih suara terbanyak dengan 98.450 suara.", 1),
])
def test_a_vote_verb_written_once_for_a_list_and_the_top_scorer(text: str, expected: int) -> None:
    assert len(results(run(text))) == expected


def test_party_results_are_named_as_the_article_writes_the_party() -> None:
    summary = summary_of("KPU Kabupaten Banyumas menetapkan perolehan kursi DPRD Kabupaten Banyumas. PDI-P meraih "
                         "12 kursi dari total 50 kursi. Partai Gerindra memperoleh 6 kursi.")
    assert {(r["candidate"], r["seats"]) for r in summary["results"]} == {("PDI-P", "12"), ("Partai Gerindra", "6")}


def summary_of(text: str) -> dict:
    article = Article(id="berita", text=text, path=Path("berita.txt"))
    return summarize(article_graph(article, fake_parse(text)))


def test_the_empty_box_gets_its_votes_and_the_sole_ticket_its_own() -> None:
    summary = summary_of(
        "KPU Kabupaten Tapin menetapkan pasangan calon tunggal bupati, Rizal Hamdani-Fitria Rahmah. "
        "Berdasarkan real count Sirekap, paslon Rizal Hamdani-Fitria Rahmah unggul atas kotak kosong dengan "
        "58.612 suara atau 67,8 persen. Adapun kotak kosong meraih 27.836 suara atau 32,2 persen. Relawan "
        "menilai perolehan kotak kosong di atas 30 persen menjadi catatan.")
    assert {(r["candidate"], r["votes"], r["percent"]) for r in summary["results"]} == {
        ("Rizal Hamdani", "58.612", "67,8"), ("Kotak Kosong", "27.836", "32,2")}
