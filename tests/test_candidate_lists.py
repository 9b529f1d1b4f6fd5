"""Candidates' lists (DCT) as regional news writes them: a bare "caleg" runs for the legislature the story
named ("… DCT anggota DPRD Kota X … Caleg Partai Y dari dapil X 3, A"), and an electoral district's number
("dapil X 3") is neither a figure nor what parts the cue from the name. Sentences written for these tests
(invented names) through the model-free extraction."""

from __future__ import annotations

from test_election_rules import candidacies, run

from kg.extract.numbers import find_numbers

TEXT = ("KPU Kota Pematangsiantar menetapkan DCT anggota DPRD Kota Pematangsiantar untuk Pemilu 2024. Caleg Partai "
        "Hanura dari dapil Pematangsiantar 2, Rosmawati Br Sinaga, mengundurkan diri.")


def test_a_bare_caleg_runs_for_the_legislature_the_story_named() -> None:
    assert ("Rosmawati Br Sinaga", "dprd kabupaten/kota", None, None) in candidacies(run(TEXT))


def test_a_bare_caleg_with_no_legislature_named_runs_for_the_dpr() -> None:
    x = run("Caleg Partai Hanura, Rosmawati Br Sinaga, mengundurkan diri.")
    assert candidacies(x) == {("Rosmawati Br Sinaga", "dpr", None, None)}


def test_an_electoral_district_s_number_is_no_figure() -> None:
    assert not find_numbers("Caleg dari dapil Pematangsiantar 2, Rosmawati, dan dari daerah pemilihan Sumut III.")
    assert [n.value for n in find_numbers("Dapil itu memperebutkan 5 kursi; dapil dengan 8 kursi.")] == ["5", "8"]
