"""Persons and their roles as Indonesian news writes them, on sentences written for these tests.

The NER spans are given (rough_parse tags every occurrence of a listed name), cut the way
the model cuts such names: a word late, across a ticket hyphen, a degree on its own.
"""

from __future__ import annotations

import pytest

from kg.extract.article import extract
from kg.extract.personal_names import is_title_only, person_pieces, strip_titles
from kg.nlp.parse import rough_parse


@pytest.mark.parametrize(("written", "name"), [
    ("Dr. Ir. Wahyu Sandi, M.Si.", "Wahyu Sandi"),
    ("Hj. Siti Aminah, S.Sos.", "Siti Aminah"),
    ("KH Abdul Karim", "Abdul Karim"),
    ("Tuan Guru Hasan Basri", "Hasan Basri"),
    ("Prof. Dr. Teguh Wibowo, S.H., M.H.", "Teguh Wibowo"),
    ("AKBP Yohanes Mote", "Yohanes Mote"),
    ("Habib Umar Assegaf", "Habib Umar Assegaf"),  # Habib, Raja, Andi, Lalu: part of the name
    ("Raja Tigor Sinaga", "Raja Tigor Sinaga"),
    ("Andi Tenri Ajeng", "Andi Tenri Ajeng"),
])
def test_titles_come_off_names_do_not(written: str, name: str) -> None:
    assert strip_titles(written) == name


@pytest.mark.parametrize(("surface", "title_only"), [
    ("M.Pd.", True), ("S.Sos", True), ("Dra", True), ("Prof", True), ("Sp.A.", True),
    ("Ahmad", False), ("Raja Tigor", False)])
def test_a_lone_title_is_no_person(surface: str, title_only: bool) -> None:
    assert is_title_only(surface) is title_only


def pieces(text: str, span: str) -> list[str]:
    start = text.index(span)
    return [text[a:b] for a, b in person_pieces(text, start, start + len(span))]


def test_model_spans_are_recut_at_ticket_hyphens_and_titles() -> None:
    text = "Nomor urut 1 H. Lalu Rahman Hakim-Hj. Baiq Fitria Ayu hadir."
    assert pieces(text, "Rahman Hakim-Hj") == ["H. Lalu Rahman Hakim"]  # "Hj" alone is no one
    # a word late: particle and title back, and the partner before the hyphen
    assert pieces(text, "Fitria Ayu") == ["H. Lalu Rahman Hakim", "Hj. Baiq Fitria Ayu"]
    text = "Pasangan Dr. Ir. Wahyu Sandi, M.Si.-Rohmi Utami mendaftar."
    assert pieces(text, "M.Si.-Rohmi Utami") == ["Rohmi Utami"]
    text = "Pasangan nomor urut 2, Yohanes Mote-Naomi Wenda, unggul di Distrik Asologaima."
    assert pieces(text, "Yohanes Mote") == ["Yohanes Mote", "Naomi Wenda"]  # the partner the model missed
    text = "Warga Desa Beru-beru memilih Hasan Al-Habsyi."
    assert pieces(text, "Hasan Al-Habsyi") == ["Hasan Al-Habsyi"]


def people(text: str, names: dict[str, str]) -> dict[str, list[str]]:
    x = extract(rough_parse(text, names))
    roles = {e.id: [] for e in x.entities if e.kind == "person"}
    for h in x.holdings:
        roles[h.person].append(h.label)
    return {x.entity(i).name: labels for i, labels in roles.items()}


def test_a_region_after_a_title_is_not_a_name() -> None:
    """"Camat Sumberjaya, Yusran Daeng": the name follows the comma; "Sumberjaya" is where he is camat."""
    x = extract(rough_parse("Camat Sumberjaya, Yusran Daeng Pabbicara, hadir dalam kampanye itu.",
                            {"Yusran Daeng Pabbicara": "PERSON"}))
    persons = {e.id: e.name for e in x.entities if e.kind == "person"}
    assert sorted(persons.values()) == ["Yusran Daeng Pabbicara"]
    assert [(persons[h.person], h.label) for h in x.holdings] == [("Yusran Daeng Pabbicara", "Camat Sumberjaya")]


def test_persons_in_a_list_of_tickets() -> None:
    """Names cut right: the candidates' titles then come from the list's cue (see candidacies)."""
    text = ("Debat diikuti tiga pasangan, yakni nomor urut 1 H. Lalu Rahman Hakim-Hj. Baiq Fitria Ayu, "
            "dan nomor urut 2 Dr. Ir. Wahyu Sandi, M.Si.-Rohmi Utami.")
    found = people(text, {"Rahman Hakim-Hj": "PERSON", "Fitria Ayu": "PERSON", "Wahyu Sandi": "PERSON",
                          "M.Si.-Rohmi Utami": "PERSON"})
    assert sorted(found) == ["Baiq Fitria Ayu", "Lalu Rahman Hakim", "Rohmi Utami", "Wahyu Sandi"]
    assert found["Lalu Rahman Hakim"] == found["Baiq Fitria Ayu"] == ["pasangan nomor urut 1"]


def test_roles_in_appositions_and_predicates() -> None:
    text = ("Ketua KPU Lombok Barat, Made Sukerta, membuka acara. Debat dipandu Nining Astuti, dosen "
            "Universitas Mataram. Sarifah Nurlela adalah Anggota Bawaslu Lombok Barat sekaligus Koordinator "
            "Divisi Penanganan Pelanggaran Bawaslu Lombok Barat. Rudi Hartono yang juga Ketua Tim Pemenangan "
            "pasangan nomor urut 2 hadir. Kuasa hukum pemohon, Togu Hutapea, S.H., M.H., menyambut putusan itu.")
    found = people(text, {"Made Sukerta": "PERSON", "Nining Astuti": "PERSON", "Sarifah Nurlela": "PERSON",
                          "Rudi Hartono": "PERSON", "Togu Hutapea": "PERSON"})
    assert found == {
        "Made Sukerta": ["Ketua KPU Lombok Barat"],
        "Nining Astuti": ["dosen Universitas Mataram"],
        "Sarifah Nurlela": ["Anggota Bawaslu Lombok Barat",
                            "Koordinator Divisi Penanganan Pelanggaran Bawaslu Lombok Barat"],
        "Rudi Hartono": ["Ketua Tim Pemenangan"],
        "Togu Hutapea": ["Kuasa hukum pemohon"]}


def test_nicknames_join_the_full_name() -> None:
    text = ("Wulandari Prameswari alias Wulan Sukma mendaftar. Wulan Sukma diantar pendukungnya. "
            "Bambang Suryo Atmojo menyusul. Kata Bambang, berkas sudah lengkap. Sementara itu, Wulan "
            "tiba lebih dulu.")
    found = people(text, {"Wulandari Prameswari": "PERSON", "Wulan Sukma": "PERSON", "Bambang Suryo Atmojo": "PERSON",
                          "Bambang": "PERSON", "Wulan": "PERSON"})
    assert sorted(found) == ["Bambang Suryo Atmojo", "Wulandari Prameswari"]


@pytest.mark.parametrize("text, tagged", [
    ("Pasangan calon BeriMas menggelar kampanye akbar di Lapangan Merdeka.", "BeriMas"),
    ("Relawan SahaBat Rakyat membagikan brosur program pasangan calon.", "SahaBat Rakyat"),
    ("Bawaslu memeriksa seorang Kordes yang diduga membagikan uang kepada warga.", "Kordes"),
    ("Ketua Timses pasangan nomor urut 2 membantah tudingan itu.", "Timses"),
    ("Dua Korcam dan seorang Jurkam dipanggil Bawaslu Kabupaten Garut.", "Korcam"),
])
def test_nicknames_and_campaign_ranks_are_no_persons(text: str, tagged: str) -> None:
    """Pairs' coined nicknames (a capital inside the word) and the ranks of a campaign team
    (koordinator desa, tim sukses, juru kampanye) look like names to the NER model."""
    assert people(text, {tagged: "PERSON"}) == {}
