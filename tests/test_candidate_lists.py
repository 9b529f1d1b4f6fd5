"""Candidates' lists (DCT) as regional news writes them: a bare "caleg" runs for the legislature the story
named ("… DCT anggota DPRD Kota X … Caleg Partai Y dari dapil X 3, A"), and an electoral district's number
("dapil X 3") is neither a figure nor what parts the cue from the name; who takes a candidate's place
("… meninggal dunia dan digantikan oleh B", "posisinya diisi B") runs in it, for the same party, and is a
person though the model took the name for a body. Sentences written for these tests
(invented names) through the model-free extraction."""

from __future__ import annotations

from test_election_rules import candidacies, run

from kg.extract.article import extract
from kg.extract.numbers import find_numbers
from kg.nlp.parse import rough_parse

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


def test_who_takes_a_candidate_s_place_runs_in_it() -> None:
    x = run(TEXT.replace("mengundurkan diri.", "meninggal dunia dan digantikan oleh Yohana Simbolon. Caleg PKB dari "
                         "dapil Pematangsiantar 4, Rahmat Lubis, mundur dan posisinya diisi Arif Nasution."))
    assert {("Yohana Simbolon", "dprd kabupaten/kota", None, None),
            ("Arif Nasution", "dprd kabupaten/kota", None, None)} <= candidacies(x)
    parties = {x.entity(c.person).name: {x.entity(p).name for p in c.parties} for c in x.candidacies}
    assert parties["Yohana Simbolon"] == parties["Rosmawati Br Sinaga"]


def test_a_replacement_the_model_took_for_a_body_is_a_person() -> None:
    x = extract(rough_parse("Ketua panitia, Darmo Hutapea, mundur dan digantikan oleh Melinda Sitepu.",
                            {"Darmo Hutapea": "PERSON", "Melinda Sitepu": "ORGANISATION"}), None, None)
    assert {e.name for e in x.entities if e.kind == "person"} == {"Darmo Hutapea", "Melinda Sitepu"}
