"""The text rules on sentences written for these tests: dates, figures, quotes, posts, lexicons."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from kg.extract.dates import find_dates
from kg.extract.lexicon import institution_forms, post_forms
from kg.extract.numbers import find_numbers, parse_number
from kg.extract.places import place_index
from kg.extract.quotes import find_quotes
from kg.extract.roles import canonical_title, names_after_titles
from kg.extract.spans import Covered


@pytest.mark.parametrize(("text", "published", "iso"), [
    ("Pencoblosan digelar pada 27 November 2024.", None, "2024-11-27"),
    ("Rapat pleno dilaksanakan Kamis (9/1/2025).", None, "2025-01-09"),
    ("Keputusan dibacakan pada 9/1/2025 di kantor KPU.", None, "2025-01-09"),
    ("Rapat digelar Rabu (13/11) di Palembang, jelang Pilkada 2024.", None, "2024-11-13"),
    ("Debat berlangsung pada Selasa, 5 November 2024.", None, "2024-11-05"),
    ("Sosialisasi digelar kemarin.", date(2024, 8, 17), "2024-08-16"),
    ("Sosialisasi digelar kemarin.", None, None),
    ("Bimtek dilanjutkan pekan depan.", date(2024, 8, 17), "2024-08-24"),
    ("Rapat digelar Kamis di Bandung.", date(2024, 8, 17), "2024-08-15"),
])
def test_dates(text: str, published: date | None, iso: str | None) -> None:
    (found,) = find_dates(text, published)
    assert found.iso == iso


def test_weekday_checks_the_year() -> None:
    """13 November is a Wednesday (Rabu) in 2024, not in 2023: the weekday picks the year."""
    text = "Rapat pada Rabu (13/11) membahas hasil 2023 dan rencana 2024."
    assert find_dates(text)[0].iso == "2024-11-13"


def test_lowercase_minggu_is_a_week_not_sunday() -> None:
    assert find_dates("Logistik dikirim minggu ini.") == []


@pytest.mark.parametrize(("value", "number"), [("1.205", "1205"), ("2.183.239", "2183239"), ("50,07", "50.07"),
                                               ("3,5", "3.5"), ("tiga", "3"), ("ratusan", "100")])
def test_indonesian_numbers(value: str, number: str) -> None:
    assert parse_number(value) == Decimal(number)


def test_figures_skip_years_times_ballot_numbers_and_ids() -> None:
    text = ("Paslon nomor urut 2 meraih 1.250.300 suara atau 48,5 persen pada Pemilu 2024, "
            "pukul 10.00 WIB, sesuai Keputusan Nomor 9 Tahun 2025. Sebanyak tiga saksi hadir "
            "dan ratusan personel berjaga.")
    assert [(n.value, n.unit) for n in find_numbers(text)] == [
        ("1.250.300", "suara"), ("48,5", "persen"), ("tiga", "saksi"), ("ratusan", "personel")]


def test_amounts_durations_once_and_no_regulation_numbers() -> None:
    text = ("Anggaran PSU mencapai Rp1,2 miliar, sedangkan honor saksi Rp150 ribu per orang. KPU diberi waktu "
            "45 hari dan sengketa selesai dalam 12 hari kerja. Aturan itu tertuang dalam Perpres 80 Tahun 2024. "
            "\"Honornya Rp150 ribu,\" kata Budi.")
    assert [(n.value, n.unit) for n in find_numbers(text)] == [
        ("1,2", "miliar"), ("150", "ribu"), ("45", "hari"), ("12", "hari")]


def test_quotes_and_their_cues() -> None:
    text = ('Ketua Bawaslu Kaltim Hari Dermanto hadir. "Kami akan mengawasi seluruh TPS," kata Hari. '
            '"Semua pengawas sudah dilatih dengan baik," ujarnya.\n\n'
            'Ia menegaskan, "tidak ada toleransi untuk politik uang di daerah ini."')
    quotes = find_quotes(text)
    assert [(q.cue, q.text.split()[0]) for q in quotes] == [
        ("name", "Kami"), ("pronoun", "Semua"), ("none", "tidak")]
    assert text[quotes[0].cue_start:].startswith("Hari")


def test_lexicons_know_bodies_posts_and_places() -> None:
    assert institution_forms()["bawaslu"].type == "election_body"
    assert institution_forms()["polri"].type == "security"
    assert institution_forms()["mk"].type == "court"
    assert institution_forms()["gerindra"].type == "political_party"
    assert post_forms()["plt gubernur"].title == "Pelaksana Tugas Gubernur"
    assert canonical_title("Kapolda Jatim") == "Kapolda"
    assert canonical_title("Pj Bupati Banyuasin") == "Penjabat Bupati"
    assert {p.type for p in place_index()["sumsel"]} == {"province"}
    (pontianak,) = place_index()["pontianak"]
    assert (pontianak.type, pontianak.province) == ("city", "Kalimantan Barat")


@pytest.mark.parametrize("day", ["Senin", "Jumat", "Jum'at", "Ahad"])
def test_a_weekday_after_a_titled_name_is_not_part_of_it(day: str) -> None:
    text = f"Ketua KPU Kalbar Hendra Saputra {day} (13/9) mengatakan debat digelar di Pontianak."
    assert [text[s:e] for s, e in names_after_titles(text, [(6, 16)])] == ["Hendra Saputra"]


def test_offsets_covered_by_overlapping_adjacent_and_empty_spans() -> None:
    covered = Covered([(10, 20), (15, 30), (30, 32), (40, 40), (5, 6)])
    assert [o for o in range(0, 45) if o in covered] == [5, *range(10, 32)]
    assert 0 not in Covered([])
