"""Figures and titles as Indonesian news writes them, on sentences written for these tests."""

from __future__ import annotations

from kg.extract.article import extract
from kg.extract.numbers import find_numbers
from kg.nlp.parse import rough_parse


def test_amounts_durations_once_and_no_regulation_numbers() -> None:
    text = ("Anggaran PSU mencapai Rp1,2 miliar, sedangkan honor saksi Rp150 ribu per orang. KPU diberi waktu "
            "45 hari dan sengketa selesai dalam 12 hari kerja. Aturan itu tertuang dalam Perpres 80 Tahun 2024. "
            "\"Honornya Rp150 ribu,\" kata Budi.")
    assert [(n.value, n.unit) for n in find_numbers(text)] == [
        ("1,2", "miliar"), ("150", "ribu"), ("45", "hari"), ("12", "hari")]


def test_a_region_after_a_title_is_not_a_name() -> None:
    """"Camat Kalukku, Andi Baso": the name follows the comma; "Kalukku" is where he is camat."""
    x = extract(rough_parse("Camat Kalukku, Andi Baso Mappangara, hadir dalam kampanye itu.",
                            {"Andi Baso Mappangara": "PERSON"}))
    persons = {e.id: e.name for e in x.entities if e.kind == "person"}
    assert sorted(persons.values()) == ["Andi Baso Mappangara"]
    assert [(persons[h.person], h.label) for h in x.holdings] == [("Andi Baso Mappangara", "Camat Kalukku")]
