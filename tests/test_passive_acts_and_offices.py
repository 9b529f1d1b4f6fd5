"""Acts and bodies as regional news writes them: an act written as a passive verb ("155 anggota PPK … resmi dilantik
di Pendapa X, Kamis", "surat suara rusak dimusnahkan …") is an event, dated by its sentence, though the sentence
names the election it is for; an oath sworn "dalam rapat paripurna" is one act, the plenary is where it is done
(no meeting of its own); the time allowed for an act ("paling lambat 10 September", "diberi waktu hingga Sabtu")
tells no second act of its name apart and dates the act only until a day of its own is written; a regional office
whose long name joins its fields with "dan" or a comma and is closed by its acronym ("Dinas Pemberdayaan Perempuan
dan Perlindungan Anak (DP3A) Kota Ambon", "Kantor Kesyahbandaran dan Otoritas Pelabuhan (KSOP) Tahuna") is one
body, not two bodies or a venue and a place, and its head holds the whole post; without the acronym ("Dinas
Perhubungan dan Satpol PP") they stay two; a ballot number said of a pair named no more ("Pasangan nomor urut 3
tetap ada di surat suara") is that of the one pair named before without a number. Sentences written for these
tests (invented names)."""

from __future__ import annotations

import datetime as dt

import pytest
from test_election_rules import candidacies, run

from kg.extract.article import extract
from kg.nlp.parse import rough_parse

NAMES = {"Arman Siregar": "PERSON", "Lina Tobing": "PERSON", "Budi Santoso": "PERSON"}


def found(text: str):
    return extract(rough_parse(text, NAMES), dt.date(2024, 11, 18), None)


@pytest.mark.parametrize(("text", "name", "acronym"), [
    ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak (DP3A) Kota Ambon menyiapkan bilik ramah anak.",
     "Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A"),
    ("Kantor Kesyahbandaran dan Otoritas Pelabuhan (KSOP) Tahuna mengawal kapal pengangkut logistik.",
     "Kantor Kesyahbandaran dan Otoritas Pelabuhan", "KSOP"),
    ("Badan Pengelola Keuangan dan Aset Daerah (BPKAD) Kabupaten Sintang mencairkan dana hibah pilkada.",
     "Badan Pengelola Keuangan dan Aset Daerah", "BPKAD"),
    ("Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah (Bapperida) menghitung kebutuhan anggaran.",
     "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bapperida"),
])
def test_an_office_named_with_dan_and_its_acronym_is_one_body(text: str, name: str, acronym: str) -> None:
    x = found(text)
    orgs = [e for e in x.entities if e.kind == "organization"]
    assert [(e.name, e.aliases) for e in orgs] == [(name, [acronym])]
    assert not [e for e in x.entities if e.kind == "place" and e.code == "venue"]


def test_without_an_acronym_two_bodies_joined_by_dan_stay_two() -> None:
    x = found("Petugas Dinas Perhubungan dan Satpol PP Kota Bogor menertibkan baliho.")
    assert {e.name for e in x.entities if e.kind == "organization"} == {
        "Dinas Perhubungan", "Satuan Polisi Pamong Praja Kota Bogor"}


def events(text: str) -> set[tuple[str, str | None]]:
    return {(e.code, e.date) for e in found(text).events}


@pytest.mark.parametrize(("text", "event"), [
    ("Sebanyak 120 anggota Panitia Pemilihan Kecamatan (PPK) untuk Pemilihan Bupati Bantul 2024 resmi dilantik di "
     "Pendapa Parasamya, Kamis (16/5/2024).", ("other", "2024-05-16")),
    ("Surat suara Pilbup Bantul 2024 telah disortir dan dilipat di Gudang KPU Bantul, Rabu (6/11/2024).",
     ("other", "2024-11-06")),
    ("Sebanyak 300 surat suara Pilbup Bantul yang rusak dimusnahkan di halaman kantor KPU Bantul, Jumat (22/11/2024).",
     ("other", "2024-11-22")),
])
def test_an_act_written_as_a_passive_verb_is_an_event(text: str, event: tuple[str, str]) -> None:
    assert event in events(text)


def test_an_oath_sworn_in_a_plenary_is_one_act() -> None:
    assert events("Sebanyak 45 anggota DPRD Kota Ambon mengucapkan sumpah dan janji dalam rapat paripurna di Gedung "
                  "DPRD Ambon, Senin (26/8/2024).") == {("other", "2024-08-26")}


@pytest.mark.parametrize("text", [
    "Pasangan calon wajib menyerahkan perbaikan berkas paling lambat 10 September 2024. Penyerahan perbaikan berkas "
    "dilakukan di kantor KPU Bantul, Senin (9/9/2024).",
    "Penyerahan perbaikan berkas dilakukan di kantor KPU Bantul, Senin (9/9/2024). Sebelumnya KPU meminta pasangan "
    "calon menyerahkan perbaikan berkas selambat-lambatnya 10 September 2024.",
])
def test_the_time_allowed_for_an_act_makes_no_second_act(text: str) -> None:
    assert events(text) == {("registration", "2024-09-09")}


def test_an_act_known_only_by_its_deadline_is_dated_by_it() -> None:
    assert events("KPU meminta PPK menuntaskan rekapitulasi Pilbup Bantul paling lambat Selasa (3/12/2024).") >= {
        ("vote_count", "2024-12-03")}


def test_a_number_said_of_the_one_pair_named_before_is_its_number() -> None:
    x = run("KPU Kabupaten Sukamaju membatalkan pencalonan calon bupati petahana, Arman Siregar. Dengan pembatalan "
            "ini, pasangan Arman Siregar dan calon wakil bupati Lina Tobing dinyatakan tidak memenuhi syarat. Pilkada "
            "kini diikuti dua pasangan calon. \"Pasangan nomor urut 3 tetap ada di surat suara,\" ujar Budi Santoso.")
    assert {("Arman Siregar", "bupati", "3", "Lina Tobing")} <= candidacies(x)


def test_a_number_stays_unread_when_another_candidate_has_none() -> None:
    x = run("Pasangan Arman Siregar dan calon wakil bupati Lina Tobing mendaftar ke KPU Sukamaju. Calon bupati "
            "Budi Santoso juga mendaftar. \"Pasangan nomor urut 3 tidak hadir,\" ujar petugas.")
    assert not [c for c in x.candidacies if c.ballot_number]


def test_an_act_of_another_name_dated_by_its_deadline_stays_apart() -> None:
    assert events("Real count KPU Bantul mencatat pasangan nomor urut 1 unggul pada Kamis (28/11/2024). KPU Bantul "
                  "menuntaskan rekapitulasi berjenjang paling lambat 5 Desember 2024.") == {
        ("vote_count", "2024-11-28"), ("vote_count", "2024-12-05")}


@pytest.mark.parametrize(("text", "label"), [
    ("Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak (DP3A) Kota Ambon, Budi Santoso, meninjau TPS.",
     "Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak (DP3A) Kota Ambon"),
    ("Budi Santoso, Kepala Kantor Kesyahbandaran dan Otoritas Pelabuhan (KSOP) Tahuna, memastikan kapal laik laut.",
     "Kepala Kantor Kesyahbandaran dan Otoritas Pelabuhan (KSOP) Tahuna"),
])
def test_the_head_of_an_office_named_with_dan_holds_the_whole_post(text: str, label: str) -> None:
    x = found(text)
    assert [(x.entity(h.person).name, h.label) for h in x.holdings] == [("Budi Santoso", label)]
