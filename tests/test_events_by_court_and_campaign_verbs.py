"""Events news reports with a verb: a court's ruling ("MK menolak permohonan …", "PN menjatuhkan vonis …")
is a dispute, a candidate campaigning ("berkampanye") a campaign, a candidate voting ("menggunakan hak
pilihnya") an act of its own; an election's date is not the bound of a period ("hingga 23 November"); a
trigger inside a post's name ("Divisi Penanganan Pelanggaran") is no event. Sentences written for these
tests (invented names) through the model-free extraction."""

from __future__ import annotations

import pytest
from test_election_rules import run
from test_event_types_by_verb import events


@pytest.mark.parametrize("text", [
    "Mahkamah Konstitusi menolak permohonan pasangan nomor urut 2 pada Senin (24/2/2025).",
    "MK mengabulkan sebagian permohonan pemohon pada Senin (24/2/2025).",
    "Pengadilan Negeri Wonogiri menjatuhkan vonis dua bulan penjara kepada seorang kepala desa, Senin (24/2/2025).",
])
def test_a_court_ruling_is_a_dispute(text: str) -> None:
    assert ("dispute", "2025-02-24") in events(text)


def test_a_candidate_campaigning_is_a_campaign() -> None:
    found = events("Calon wakil bupati nomor urut 1, Darsono Wiryawan, berkampanye di Pasar Kliwon, Sabtu (9/11/2024).")
    assert ("campaign", "2024-11-09") in found


def test_a_candidate_voting_is_an_event_of_that_day() -> None:
    found = events("Calon gubernur nomor urut 1, Arif Rahmat Sitompul, menggunakan hak pilihnya di TPS 07 Kelurahan "
                   "Tanjung Rejo, Rabu (27/11/2024) pagi.")
    assert ("other", "2024-11-27") in found


def test_an_election_date_is_not_the_end_of_a_period() -> None:
    found = events("Masa kampanye Pilkada 2024 berlangsung hingga 23 November 2024, disusul masa tenang sebelum "
                   "pemungutan suara pada 27 November 2024.")
    assert ("election", "2024-11-27") in found
    assert ("election", "2024-11-23") not in found


def test_a_trigger_in_a_post_s_name_is_no_event() -> None:
    found = events("Koordinator Divisi Penanganan Pelanggaran Bawaslu Wonogiri, Sri Lestari Handoko, memberi "
                   "keterangan kepada wartawan.")
    assert not any(code == "dispute" for code, _ in found)


def test_a_count_held_in_a_plenary_is_one_event() -> None:
    found = events("KPU Kabupaten Dompu merampungkan rekapitulasi hasil penghitungan suara dalam rapat pleno terbuka "
                   "di Gedung Graha Dompu, Kamis (5/12/2024).")
    assert found == {("vote_count", "2024-12-05")}


def test_seats_determined_in_a_plenary_are_the_count() -> None:
    found = events("KPU Kabupaten Cilacap menetapkan perolehan kursi partai politik hasil Pemilu DPRD dalam rapat "
                   "pleno di Aula KPU Cilacap, Rabu (7/3/2029).")
    assert ("vote_count", "2029-03-07") in found and not any(code == "meeting" for code, _ in found)


def test_a_ballot_number_draw_is_a_meeting() -> None:
    found = events("KPU Kabupaten Nganjuk menggelar pengundian nomor urut pasangan calon di Pendopo Nganjuk, Senin "
                   "(23/9/2024).")
    assert found == {("meeting", "2024-09-23")}


def test_campaign_props_are_no_campaign() -> None:
    found = events("Bawaslu Kota Solok menertibkan 2.315 alat peraga kampanye di 11 kecamatan, Minggu (24/11/2024).")
    assert not any(code == "campaign" for code, _ in found)


def test_a_party_withdrawing_its_backing_is_a_declaration() -> None:
    found = events("Partai Golkar resmi mencabut dukungannya terhadap bakal calon bupati Paser, Yahya Lembang, "
                   "Selasa (10/9/2024).")
    assert ("declaration", "2024-09-10") in found


def test_who_runs_supervises_or_contests_an_election_is_no_election() -> None:
    found = events("Teradu tidak menjaga integritas sebagai penyelenggara pemilu. Badan Pengawas Pemilu Kabupaten "
                   "Nabire mencatat 12 peserta pemilu melanggar.")
    assert found == set()


def test_an_event_s_name_ends_with_its_sentence() -> None:
    x = run("Pemohon menggugat hasil rekapitulasi KPU Kota Palopo. Kuasa hukum pemohon hadir.")
    assert [e.label for e in x.events if e.code == "vote_count"] == ["rekapitulasi KPU Kota Palopo"]


def test_a_party_withdrawing_its_backing_on_no_date_is_no_event_of_its_own() -> None:
    assert events("Sebelumnya, Partai Hanura sempat menarik dukungan dari pasangan itu.") == set()
