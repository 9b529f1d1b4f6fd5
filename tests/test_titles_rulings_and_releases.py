"""Titles, bodies and acts as appointment, court and press-release news write them: a title with its
abbreviation in brackets ("Penjabat (Pj) Bupati X"), a court's presiding judge ("Hakim Ketua A"), an
ambassador ("Duta Besar RI untuk Jepang, B"); a decree's number, the deceased ("Almarhum") and the lists of
candidates ("DCT") are no names; the overseas election supervisors ("Panwaslu LN") are a body of their own; a
ruling read out ("Putusan dibacakan …"), a poll released ("merilis hasil survei …") and a press release
("… dalam siaran pers …") are acts dated by their sentence; a former post after a comma ("A, yang sebelumnya
menjabat …"), a polling station's number in a title ("Ketua KPPS TPS 07 Desa X"); a numbered list's items are no
figures; the country ending a name or a nationality ("Lembaga Riset Indonesia", "warga negara Indonesia") is no
place; "KPU RI" is the national body, never the article's regional KPU; "hasil PSU" is the re-vote counted, not a
new one; a word with a possessive suffix ("Rivalnya") and a degree ("S.H") are no names. Sentences written for
these tests (invented names); ``names`` stands for the NER model's tags."""

from __future__ import annotations

import datetime as dt

from test_bodies_outlets_documents import named, run
from test_roles_in_lists import roles

from kg.extract.article import extract
from kg.extract.mentions import find_mentions
from kg.nlp.parse import rough_parse


def test_a_title_with_its_abbreviation_in_brackets() -> None:
    x = run("Gubernur melantik Yosef Matheus Tukan sebagai Penjabat (Pj) Bupati Flores Timur, Senin (2/9/2024).",
            {"Yosef Matheus Tukan": "PERSON"})
    assert roles(x)["Yosef Matheus Tukan"] == {"Penjabat (Pj) Bupati Flores Timur"}


def test_the_presiding_judge_and_the_ambassador() -> None:
    x = run("Sidang dipimpin Hakim Ketua Gerald Sitompul. Duta Besar RI untuk Malaysia, Hamdan Yusuf, ikut mencoblos.",
            {"Gerald Sitompul": "PERSON", "Hamdan Yusuf": "PERSON"})
    assert roles(x) == {"Gerald Sitompul": {"Hakim Ketua"}, "Hamdan Yusuf": {"Duta Besar RI untuk Malaysia"}}


def test_a_decree_s_number_the_deceased_and_the_candidates_list_are_no_names() -> None:
    x = run("Pelantikan berdasarkan Keputusan Menteri Dalam Negeri Nomor 100.2.1.3-5512 Tahun 2024. Almarhum "
            "bertugas sejak pagi. KPU menetapkan DCT anggota DPRD.",
            {"Nomor": "PERSON", "Almarhum": "PERSON", "DCT": "ORGANISATION"})
    assert not named(x, "person") and "dct" not in named(x, "organization")


def test_overseas_election_supervisors_are_a_body_of_their_own() -> None:
    x = run("Anggota Panitia Pengawas Pemilu Luar Negeri (Panwaslu LN) Kuala Lumpur, Rina Astuti, menerima 14 "
            "keberatan.", {"Rina Astuti": "PERSON"})
    assert "panwaslu ln" in named(x, "organization")
    assert "panitia pengawas pemilihan umum" not in named(x, "organization")


def events(text: str) -> set[tuple[str, str | None]]:
    return {(e.code, e.date) for e in extract(rough_parse(text, {}), dt.date(2024, 10, 22), None).events}


def test_a_ruling_read_out_dates_the_court_s_decision() -> None:
    found = events("PTUN Palu mengabulkan gugatan bakal pasangan calon terhadap KPU Kabupaten Sigi. Putusan "
                   "dibacakan majelis hakim dalam sidang terbuka, Kamis (17/10/2024). Sebelumnya, Bawaslu Sigi "
                   "menolak permohonan sengketa itu pada 30 September 2024.")
    assert {d for code, d in found if code == "dispute"} == {"2024-10-17", "2024-09-30"}
    assert not any(code == "other" for code, _ in found)


def test_a_poll_released_and_a_press_release_are_acts() -> None:
    found = events("Lembaga survei Cakra Data merilis hasil survei elektabilitas calon gubernur di Palu, Senin "
                   "(21/10/2024). Klarifikasi itu disampaikan KPU Sigi dalam siaran pers, Selasa (22/10/2024).")
    assert {("other", "2024-10-21"), ("other", "2024-10-22")} <= found


def test_a_former_post_after_a_comma_and_a_polling_station_s_number() -> None:
    x = run("Rizal Tomagola, yang sebelumnya menjabat Kepala Dinas Pendidikan Provinsi Maluku Utara, dilantik. Satu di "
            "antaranya, Ketua KPPS TPS 07 Desa Sukamaju, Darsono Wibowo, meninggal dunia.",
            {"Rizal Tomagola": "PERSON", "Darsono Wibowo": "PERSON"})
    assert roles(x) == {"Rizal Tomagola": {"Kepala Dinas Pendidikan Provinsi Maluku Utara"},
                        "Darsono Wibowo": {"Ketua KPPS TPS 07 Desa Sukamaju"}}


def test_a_numbered_list_s_items_are_no_figures() -> None:
    x = run("Berikut pokok klarifikasi KPU:\n\n1. Video itu tidak direkam di gudang.\n2. Seluruh 709.316 lembar surat "
            "suara telah disegel.")
    assert [f.value for f in x.figures] == ["709.316"]


def test_a_ruling_read_out_by_the_court_s_chief_is_no_act_of_its_own() -> None:
    found = events("Putusan perkara itu dibacakan Ketua MK dalam sidang pleno di Gedung MK, Selasa (4/2/2025).")
    assert found == {("dispute", "2025-02-04")}


def test_the_country_ending_a_name_or_a_nationality_is_no_place() -> None:
    text = ("Ribuan warga negara Indonesia mencoblos di Sekolah Republik Indonesia Osaka. Menurut Lembaga Riset "
            "Indonesia, partisipasi itu tertinggi di Indonesia.")
    places = [m for m in find_mentions(rough_parse(text, {"Indonesia": "PLACE"})) if m.name == "Indonesia"]
    assert [text[m.evidence.start - 3:m.evidence.end] for m in places] == ["di Indonesia"]


def test_the_national_body_is_never_the_article_s_regional_one() -> None:
    x = run("KPU Kabupaten Sigi menemukan 900 surat suara rusak. KPU melaporkannya ke KPU RI untuk dicetak ulang.")
    kpu = sorted(sorted(form for form in (e.name, *e.aliases)) for e in x.entities if e.kind == "organization")
    assert len(kpu) == 2 and ["KPU RI", "Komisi Pemilihan Umum"] in kpu
    alone = run("KPU RI menetapkan jadwal. Menurut KPU, surat suara dicetak pekan depan.")
    assert len([e for e in alone.entities if e.kind == "organization"]) == 1


def test_the_results_of_a_re_vote_are_no_new_re_vote() -> None:
    found = events("KPU Kabupaten Nabire menggelar PSU di lima TPS pada Sabtu (12/4/2025). Rekapitulasi hasil PSU "
                   "digelar Selasa (15/4/2025).")
    assert found == {("dispute", "2025-04-12"), ("vote_count", "2025-04-15")}


def test_a_possessed_word_and_a_degree_are_no_names() -> None:
    text = "Kuasa hukum Dedi Saputra, S.H., hadir. Rivalnya menilai putusan itu adil."
    found = find_mentions(rough_parse(text, {"Dedi Saputra": "PERSON", "S.H": "PLACE", "Rivalnya": "PERSON"}))
    assert [(m.kind, m.name) for m in found] == [("person", "Dedi Saputra")]
