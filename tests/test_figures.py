"""Stated figures are exact decimals from the text to the graph (no binary floating point)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from rdflib import XSD

from kg.extract.numbers import find_numbers, parse_number
from kg.graph.rdf import decimal_literal


@pytest.mark.parametrize(("text", "number"), [
    ("Sebanyak 2,01 ribu pemilih terdaftar.", Decimal("2010")),
    ("Anggaran pilkada mencapai 1,07 miliar rupiah.", Decimal("1070000000")),
    ("Partisipasi pemilih 50,07 persen.", Decimal("50.07")),
    ("Ada 1.205 petugas PPK.", Decimal("1205")),
    ("Dana hibah 0,1 triliun rupiah.", Decimal("100000000000")),
])
def test_figures_are_exact(text: str, number: Decimal) -> None:
    [found] = find_numbers(text)
    assert found.number == number


def test_the_literal_is_the_exact_plain_decimal() -> None:
    value = parse_number("2,01") * Decimal(1000)
    literal = decimal_literal(value)
    assert str(literal) == "2010.0" and literal.datatype == XSD.decimal  # the canonical decimal
    assert literal.toPython() == Decimal(2010)
    assert str(decimal_literal(Decimal("1.07") * 10 ** 9)) == "1070000000.0"
    assert str(decimal_literal(Decimal("50.070"))) == "50.07"


@pytest.mark.parametrize("text", ["Pilbup Sigi 2024 diikuti tiga pasangan calon.",
                                  "Pada Pemilu 2029 ada empat partai baru."])
def test_a_count_right_after_a_year_is_a_figure(text: str) -> None:
    """The words read after the year (a year is no figure) do not hide the count written in them."""
    assert [(n.value, n.unit) for n in find_numbers(text)] in ([("tiga", "pasangan")], [("empat", "partai")])


def test_ballot_numbers_listed_after_the_first_are_no_figures() -> None:
    text = "Pasangan lain mendapat nomor urut 1 dan 2, nomor urut 1, 2 atau 3 hadir dengan 40 pendukung dan 250 orang."
    assert [n.value for n in find_numbers(text)] == ["40", "250"]


@pytest.mark.parametrize(("text", "found"), [
    ("Satu di antaranya meninggal dunia; satu kecamatan dicocokkan ulang.", ["Satu", "satu"]),
    ("Salah satu petugas memeriksa satu per satu riwayat 800 orang; ia satu-satunya saksi.", ["800"])])
def test_one_is_a_count_but_not_one_of_or_one_by_one(text: str, found: list[str]) -> None:
    """And a word ending like an excluded one ("riwayat" like "ayat") does not hide the figure after it."""
    assert [n.value for n in find_numbers(text)] == found
