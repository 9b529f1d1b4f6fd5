"""Who speaks in election news besides officials and candidates, and the posts written around their
names: observers, researchers and lecturers with their university ("Pengamat politik dari Universitas
X, A"), prosecutors, a village head whose village is placed in its district, a post held before ("A
yang pernah menjabat …"), the winners' posts after a comma. Universities are organizations where
people come from and venues where things are held. Sentences written for these tests (invented names)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import article_graph
from test_personal_names import people

from kg.extract.article import extract
from kg.graph.summary import summarize
from kg.ingest import Article
from kg.nlp.parse import rough_parse


def test_observers_researchers_and_lecturers_from_their_institutions() -> None:
    text = ("Pengamat politik dari Universitas Khairun, Dr. Syamsul Rizal Hadi, menilai debat berjalan datar. "
            "Peneliti Lembaga Kajian Demokrasi Maluku, Fenny Wattimena, sependapat. Akademisi Universitas "
            "Pattimura, Yosias Latuheru, mengingatkan soal politik uang.")
    found = people(text, {"Syamsul Rizal Hadi": "PERSON", "Fenny Wattimena": "PERSON", "Yosias Latuheru": "PERSON"})
    assert found == {"Syamsul Rizal Hadi": ["Pengamat politik dari Universitas Khairun"],
                     "Fenny Wattimena": ["Peneliti Lembaga Kajian Demokrasi Maluku"],
                     "Yosias Latuheru": ["Akademisi Universitas Pattimura"]}


def test_prosecutors_village_heads_and_posts_held_before() -> None:
    text = ("Jaksa penuntut umum dari Kejaksaan Negeri Sragen, Wahyuni Saraswati, menuntut terdakwa empat bulan "
            "penjara. Kepala Desa Karangmalang, Kecamatan Masaran, Sutrisno Legowo, hadir di persidangan. "
            "Kurniadi Harahap yang pernah menjabat Kepala Dinas Pendidikan Sragen mendaftar sebagai bakal calon.")
    found = people(text, {"Wahyuni Saraswati": "PERSON", "Sutrisno Legowo": "PERSON", "Kurniadi Harahap": "PERSON"})
    assert found["Wahyuni Saraswati"] == ["Jaksa penuntut umum dari Kejaksaan Negeri Sragen"]
    assert found["Sutrisno Legowo"] == ["Kepala Desa Karangmalang, Kecamatan Masaran"]
    assert found["Kurniadi Harahap"] == ["Kepala Dinas Pendidikan Sragen"]


def test_winners_posts_after_a_comma() -> None:
    text = ("KPU menetapkan pasangan calon nomor urut 3, Teuku Haikal Amri dan Cut Rahmi Yusra, sebagai Bupati "
            "dan Wakil Bupati Pidie terpilih periode 2025-2030.")
    found = people(text, {"Teuku Haikal Amri": "PERSON", "Cut Rahmi Yusra": "PERSON"})
    assert "Bupati Pidie terpilih periode 2025-2030" in found["Teuku Haikal Amri"]
    assert "Wakil Bupati Pidie terpilih periode 2025-2030" in found["Cut Rahmi Yusra"]


def test_a_university_is_where_people_come_from_or_where_a_debate_is_held() -> None:
    x = extract(rough_parse("Dosen Universitas Nusa Cendana, Marthen Bire, menjadi panelis. Debat digelar di "
                            "Universitas Timor, Kefamenanu.", {"Marthen Bire": "PERSON"}))
    kinds = {e.name: (e.kind, e.code) for e in x.entities if e.kind != "person"}
    assert kinds["Universitas Nusa Cendana"] == ("organization", "other")
    assert kinds["Universitas Timor"] == ("place", "venue")


def test_a_witness_for_a_pair_holds_the_witness_role_not_the_pair_s() -> None:
    text = ("Pasangan nomor urut 3, Baharuddin Lapae-Suryani Mallo, berada di urutan terakhir. Saksi pasangan "
            "nomor urut 3, Ilham Dg Rate, menyatakan keberatan.")
    found = people(text, {"Baharuddin Lapae": "PERSON", "Suryani Mallo": "PERSON", "Ilham Dg Rate": "PERSON"})
    assert found["Ilham Dg Rate"] == ["Saksi pasangan nomor urut 3"]
    assert found["Baharuddin Lapae"] == ["Pasangan nomor urut 3"]


def test_one_role_however_cased_in_the_summary() -> None:
    """Two people hold the post "pasangan nomor urut 3" as written twice; each is listed with it once."""
    text = ("Pasangan nomor urut 3, Baharuddin Lapae, hadir dalam rapat pleno. Rekannya dari pasangan nomor urut 3, "
            "Suryani Mallo, tidak hadir.")
    names = {"Baharuddin Lapae": "PERSON", "Suryani Mallo": "PERSON"}
    graph = article_graph(Article(id="rekap", text=text, path=Path("rekap.txt")), rough_parse(text, names))
    roles = {p["name"]: p["roles"] for p in summarize(graph)["persons"]}
    assert roles["Baharuddin Lapae"] == ["Pasangan nomor urut 3"]
    assert roles["Suryani Mallo"] == ["Pasangan nomor urut 3"]


def test_research_centres_and_regional_offices_are_organizations() -> None:
    x = extract(rough_parse("Peneliti Pusat Kajian Demokrasi Maluku, Fenny Wattimena, hadir bersama Kepala Dinas "
                            "Pendidikan Sragen, Kurniadi Harahap. Ia menginap di rumah dinas bupati.",
                            {"Fenny Wattimena": "PERSON", "Kurniadi Harahap": "PERSON"}))
    kinds = {e.name: (e.kind, e.code) for e in x.entities if e.kind != "person"}
    assert kinds["Pusat Kajian Demokrasi Maluku"] == ("organization", "other")
    assert kinds["Dinas Pendidikan Sragen"] == ("organization", "government")
    assert "Maluku" not in kinds and "Sragen" not in kinds  # inside the bodies' names


def test_a_village_named_like_a_city_is_not_the_city() -> None:
    x = extract(rough_parse("Calon gubernur mencoblos di TPS 07 Kelurahan Padang Harapan, Kota Bengkulu. Warga Desa "
                            "Sukamaju Senin (2/12) menggelar syukuran.", {}))
    places = {e.name: e.code for e in x.entities if e.kind == "place"}
    assert places.get("Kelurahan Padang Harapan") == "other" and places.get("Desa Sukamaju") == "other"
    assert "Padang" not in places


def test_a_village_head_s_name_is_not_the_village_s() -> None:
    x = extract(rough_parse("Kepala Desa Sumber Agung Yohanes Pattiasina hadir.", {"Yohanes Pattiasina": "PERSON"}))
    assert {e.name for e in x.entities if e.kind == "place"} == {"Desa Sumber Agung"}
    assert {e.name for e in x.entities if e.kind == "person"} == {"Yohanes Pattiasina"}


def test_a_body_the_model_takes_for_a_person_is_none() -> None:
    x = extract(rough_parse("Ketua Tim Pemeriksa Kesehatan, dr. Ratna Sahusilawane, memimpin pemeriksaan. Mahkamah "
                            "menolak permohonan itu.", {"Tim Pemeriksa Kesehatan": "PERSON", "Mahkamah": "PERSON",
                                                        "Ratna Sahusilawane": "PERSON"}))
    assert {e.name for e in x.entities if e.kind == "person"} == {"Ratna Sahusilawane"}


def test_a_title_before_a_list_of_names_is_each_one_s() -> None:
    text = ("DKPP menjatuhkan peringatan keras kepada dua anggota KPU Kabupaten Maybrat, yakni Yulius Baru dan "
            "Selina Way.")
    found = people(text, {"Yulius Baru": "PERSON", "Selina Way": "PERSON"})
    assert found == {"Yulius Baru": ["anggota KPU Kabupaten Maybrat"], "Selina Way": ["anggota KPU Kabupaten Maybrat"]}


def test_a_parliamentary_commission_is_one_body() -> None:
    x = extract(rough_parse("Komisi II DPR RI menggelar rapat dengar pendapat dengan KPU.", {}))
    assert [(e.name, e.code) for e in x.entities if e.kind == "organization" and "DPR" in e.name] == [
        ("Komisi II DPR RI", "government")]


@pytest.mark.parametrize("text", [
    "KPU menetapkan pasangan Dominggus Wonda-Yuliana Kogoya sebagai Bupati dan Wakil Bupati Jayawijaya terpilih.",
    "KPU menetapkan calon bupati nomor urut 2, Dominggus Wonda, dan wakilnya, Yuliana Kogoya, sebagai Bupati dan "
    "Wakil Bupati Jayawijaya terpilih.",
])
def test_winners_posts_after_a_hyphenated_pair_or_a_head_and_his_deputy(text: str) -> None:
    found = people(text, {"Dominggus Wonda": "PERSON", "Yuliana Kogoya": "PERSON"})
    assert "Bupati Jayawijaya terpilih" in found["Dominggus Wonda"]
    assert "Wakil Bupati Jayawijaya terpilih" in found["Yuliana Kogoya"]


def test_two_titles_joined_by_yang_juga_before_a_name() -> None:
    text = "Ketua Majelis Adjudikasi yang juga Ketua Bawaslu Solok, Firman Sutan Sati, membacakan putusan."
    found = people(text, {"Firman Sutan Sati": "PERSON", "Majelis Adjudikasi": "PERSON"})
    assert found == {"Firman Sutan Sati": ["Ketua Majelis Adjudikasi", "Ketua Bawaslu Solok"]}
