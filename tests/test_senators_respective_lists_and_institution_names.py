"""Kinds of election news the earlier tests did not cover: a senator's (DPD) campaign, where the candidate runs
alone with a ballot number ("Calon DPD daerah pemilihan X nomor urut 12, A"); pairs each followed by its number
with a linking word ("A-B dengan nomor urut 1 dan C-D dengan nomor urut 2"); seats allocated with each party's
votes listed in turn ("A, B dan C masing-masing mendapat satu kursi dengan perolehan 3, 2 dan 1 suara"); a
legislative candidate described before the name ("caleg X peraih suara terbanyak di dapil tersebut, A"); a survey's
undecided share ("sedangkan 15,6 persen belum menentukan pilihan") is no candidate's; a prison's class in its
name ("Kepala Lapas Kelas IIA Ambon, A"); a district-level body's district written after its short form in brackets
("Panitia Pengawas Pemilu Kecamatan (Panwaslu Kecamatan) Banawa"); the palace where heads are sworn in is a
venue ("di Istana Negara"), the presidency an institution ("Istana membantah"); an office named with a short form in
brackets ("Kantor Komisi Pemilihan Umum (KPU) Kabupaten Bima"); a national body's "RI" after its short form
("Dewan Perwakilan Daerah (DPD) RI") is no place; the President's military secretary is a post, no person; a
commissioner's portfolio with "dan" ("Anggota KPU Garut Divisi Sosialisasi dan Partisipasi Masyarakat, A") is part of
the post, not a body; a crowd voting ("Sebanyak 1.126 warga binaan … menyalurkan hak pilih") is the voting day,
not an act of its own as a candidate's vote is; a meeting "setiap" (every one of them) is no event; what is set
for "pekan depan" or was done "pekan lalu" has a week, no day (as the earlier golds have it); a process is not
dated by its end ("dijadwalkan rampung pada 4 November"); ballots printed, an office burnt, a survey released, written
as passive verbs (dicetak, dibakar, dirilis), are acts; "Senayan" is the parliament, no place; a system's short form
in brackets ("Sistem Informasi Partai Politik (Sipol)") is no person; a hospital named after a doctor ("Rumah Sakit
Umum Pusat (RSUP) dr. Kariadi") is one venue.
Sentences written for these tests (invented names) through the model-free extraction."""

from __future__ import annotations

import datetime as dt

import pytest
from test_election_rules import candidacies, name, results, run

from kg.extract.article import extract
from kg.nlp.parse import rough_parse


@pytest.mark.parametrize("cue", ["Calon anggota DPD nomor urut 12", "Calon DPD nomor urut 12",
                                 "Calon DPD daerah pemilihan Sumatera Utara nomor urut 12"])
def test_a_numbered_senate_candidate_runs_for_the_dpd(cue: str) -> None:
    x = run(f"{cue}, Rosmawati Br Sinaga, berkampanye di Pasar Horas, Senin (22/1/2024).")
    assert candidacies(x) == {("Rosmawati Br Sinaga", "dpd", "12", None)}


def test_a_numbered_regional_candidate_still_runs_for_the_regional_office() -> None:
    assert candidacies(run("Calon bupati nomor urut 2, Rosmawati Br Sinaga, berkampanye di Pasar Horas.")) == {
        ("Rosmawati Br Sinaga", "bupati", "2", None)}


def test_each_pair_s_number_after_a_linking_word() -> None:
    x = run("Pilgub Jambi 2024 diikuti dua pasangan calon, yakni Rudi Hartono-Sinta Marlina dengan nomor urut 1 "
            "dan Bambang Sujatmiko-Ani Lestari dengan nomor urut 2.")
    assert candidacies(x) == {
        ("Rudi Hartono", "gubernur", "1", "Sinta Marlina"), ("Sinta Marlina", "wakil gubernur", "1", "Rudi Hartono"),
        ("Bambang Sujatmiko", "gubernur", "2", "Ani Lestari"),
        ("Ani Lestari", "wakil gubernur", "2", "Bambang Sujatmiko")}


def test_votes_listed_in_turn_go_to_the_parties_named_in_turn() -> None:
    x = run("Di dapil itu, Partai Golkar, PKS dan Partai NasDem masing-masing mendapat satu kursi dengan perolehan "
            "352.740, 301.205 dan 259.880 suara.")
    assert {votes for _, votes, _ in results(x)} == {"352.740", "301.205", "259.880"}
    assert len(results(x)) == 3
    shares = run("Partai Golkar dan PKS masing-masing meraih 12,5 dan 10,1 persen suara.")
    assert len(results(shares)) == 2 and {p for _, _, p in results(shares)} == {"12,5", "10,1"}


def test_one_figure_for_each_still_goes_to_each() -> None:
    x = run("Partai Golkar dan PKS masing-masing meraih 7 kursi dengan 120.000 suara.")
    assert len({name for name, _, _ in results(x)}) == 2


def test_a_legislative_candidate_described_before_the_name_and_the_votes() -> None:
    x = run("Dengan hasil itu, caleg Partai Golkar peraih suara terbanyak di dapil tersebut, Markus Tandi Lolo, "
            "dipastikan kembali duduk di DPR dengan 201.334 suara.")
    assert candidacies(x) == {("Markus Tandi Lolo", "dpr", None, None)}
    assert results(x) == {("Markus Tandi Lolo", "201.334", None)}


def test_the_undecided_share_is_no_candidate_s() -> None:
    x = run("Dalam simulasi, pasangan calon gubernur nomor urut 1 Rudi Hartono-Sinta Marlina meraih 44,1 persen, "
            "sedangkan pasangan nomor urut 2 Bambang Sujatmiko-Ani Lestari meraih 40,3 persen dan 15,6 persen belum "
            "menentukan pilihan.")
    assert results(x) == {("Rudi Hartono", None, "44,1"), ("Bambang Sujatmiko", None, "40,3")}


def test_a_prison_s_class_is_part_of_its_name_and_its_head_s_title() -> None:
    x = run('"Semua warga binaan sudah terdaftar," kata Kepala Lapas Kelas IIA Ambon, Yohanes Latuheru, Rabu (27/11).')
    assert [name(x, q.speaker) for q in x.quotes] == ["Yohanes Latuheru"]
    assert [(name(x, h.person), h.label) for h in x.holdings] == [("Yohanes Latuheru", "Kepala Lapas Kelas IIA Ambon")]
    prison = next(e for e in x.entities if e.kind == "organization")
    assert "Lapas Kelas IIA Ambon" in [prison.name, *prison.aliases]
    assert [e.name for e in x.entities if e.kind == "person"] == ["Yohanes Latuheru"]


@pytest.mark.parametrize("written", ["Panitia Pengawas Pemilu Kecamatan (Panwaslu Kecamatan) Banawa",
                                     "Panwaslu Kecamatan Banawa"])
def test_a_district_body_keeps_its_district(written: str) -> None:
    x = run(f"Kampanye itu diawasi {written}.")
    body = next(e for e in x.entities if e.kind == "organization")
    assert "Panwaslu Kecamatan Banawa" in [body.name, *body.aliases]


def entities(text: str) -> set[tuple[str, str]]:
    return {(e.name, e.kind) for e in run(text).entities}


def test_the_palace_is_a_venue_and_the_presidency_a_body() -> None:
    assert entities("Keduanya dilantik Presiden di Istana Negara, Jakarta, Kamis (20/2/2025).") == {
        ("Istana Negara", "place"), ("Jakarta", "place")}
    assert entities("Istana membantah kabar itu.") == {("Istana Kepresidenan", "organization")}


def test_an_office_named_with_a_short_form_in_brackets() -> None:
    assert ("Kantor Komisi Pemilihan Umum Kabupaten Bima", "place") in entities(
        "Massa membakar Kantor Komisi Pemilihan Umum (KPU) Kabupaten Bima, Senin malam.")


def test_a_national_body_s_ri_after_its_short_form_is_no_place() -> None:
    assert entities("Calon anggota Dewan Perwakilan Daerah (DPD) RI itu berkampanye.") == {
        ("Dewan Perwakilan Daerah RI", "organization")}


def test_the_president_s_military_secretary_is_a_post() -> None:
    assert not [n for n, kind in entities("Keputusan Presiden dibacakan Sekretaris Militer Presiden, Senin.")
                if kind == "person"]


def test_a_commissioner_s_portfolio_with_and_is_part_of_the_post() -> None:
    text = ("Anggota KPU Garut Divisi Sosialisasi dan Partisipasi Masyarakat, Rendy Sukmawijaya, menyebut panelis "
            "berasal dari kalangan akademisi.")
    tags = {"Divisi Sosialisasi dan Partisipasi Masyarakat": "ORGANISATION", "Rendy Sukmawijaya": "PERSON"}
    x = extract(rough_parse(text, tags), dt.date(2024, 11, 1), None)  # the model's tags as it gives them
    assert [(name(x, h.person), h.label) for h in x.holdings] == [
        ("Rendy Sukmawijaya", "Anggota KPU Garut Divisi Sosialisasi dan Partisipasi Masyarakat")]
    assert not [e for e in x.entities if e.name.startswith("Divisi")]
    two = run("Ketua KPU Garut, Rendy Sukmawijaya, dan Ketua Bawaslu Garut, Asep Saepudin, hadir.")
    assert [(name(two, h.person), h.label) for h in two.holdings] == [
        ("Rendy Sukmawijaya", "Ketua KPU Garut"), ("Asep Saepudin", "Ketua Bawaslu Garut")]


def events(text: str) -> set[tuple[str, str, str | None]]:
    return {(e.code, e.label, e.date) for e in run(text).events}


def test_a_crowd_voting_is_the_voting_day_not_an_act_of_its_own() -> None:
    found = events("Sebanyak 1.126 warga binaan Lapas Kelas I Semarang menyalurkan hak pilih pada Pilkada serentak, "
                   "Rabu (27/11/2024).")
    assert not [e for e in found if e[0] == "other"]
    assert {code for code, _, _ in found} == {"election"}
    crowd = events("Ribuan WNI memadati Sekolah Republik Indonesia Tokyo untuk menggunakan hak pilih dalam "
                   "Pemilu 2024, Minggu (11/2/2024).")
    assert not [e for e in crowd if e[0] == "other"]


def test_a_candidate_s_vote_is_still_an_act_of_its_own() -> None:
    found = events("Calon bupati nomor urut 1, Darsono Wiratama, menggunakan hak pilihnya di TPS 07, "
                   "Rabu (27/11/2024).")
    assert [e for e in found if e[0] == "other" and e[2] == "2024-11-27"]


def test_every_meeting_is_no_event() -> None:
    assert not events("Bawaslu meminta tim kampanye melaporkan setiap jadwal pertemuan tatap muka, Selasa (23/1/2024).")
    assert events("Bawaslu menggelar pertemuan dengan tim kampanye, Selasa (23/1/2024).") == {
        ("meeting", "pertemuan", "2024-01-23")}


def test_an_event_in_a_bare_week_has_no_day() -> None:
    later = events("Ketua DPRD NTB mengatakan rapat paripurna pengumuman pelantikan akan digelar di Mataram "
                   "pekan depan.")
    assert [(code, date) for code, _, date in later] == [("meeting", None)]
    assert [(c, d) for c, _, d in events("Rapat paripurna digelar Selasa pekan depan.")] == [("meeting", "2024-12-03")]


def test_a_process_is_not_dated_by_its_end() -> None:
    found = events("KPU Kota Kendari mulai melakukan verifikasi faktual keanggotaan partai politik, Sabtu "
                   "(15/10/2022). Verifikasi faktual tingkat kabupaten/kota dijadwalkan rampung pada 4 November 2022.")
    assert found == {("registration", "verifikasi faktual", "2022-10-15")}


@pytest.mark.parametrize(("sentence", "iso"), [
    ("Surat suara Pilgub Sumut mulai dicetak di Deli Serdang, Jumat (18/10/2024).", "2024-10-18"),
    ("Kantor KPU Kabupaten Bima dibakar sekelompok orang, Senin (4/3/2024) malam.", "2024-03-04"),
    ("Survei itu dirilis di Makassar, Selasa (8/10/2024).", "2024-10-08")])
def test_acts_written_as_passive_verbs(sentence: str, iso: str) -> None:
    assert ("other", iso) in {(code, date) for code, _, date in events(sentence)}


def test_senayan_is_the_parliament() -> None:
    text = "Secara nasional, delapan partai lolos ke Senayan."
    assert not [e for e in extract(rough_parse(text, {"Senayan": "PLACE"}), None, None).entities if e.kind == "place"]


def test_a_system_s_short_form_is_no_person() -> None:
    text = "Sampel dipilih dari data Sistem Informasi Partai Politik (Sipol) oleh KPU."
    x = extract(rough_parse(text, {"Sipol": "PERSON"}), None, None)
    assert not [e for e in x.entities if e.kind == "person"]


def test_a_hospital_named_after_a_doctor_is_one_venue() -> None:
    assert ("Rumah Sakit Umum Pusat dr. Kariadi", "place") in entities(
        "Petugas mendatangi pasien di Rumah Sakit Umum Pusat (RSUP) dr. Kariadi, Semarang.")
