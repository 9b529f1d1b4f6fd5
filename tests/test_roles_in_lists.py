"""Roles in the lists regional news writes: signatories named one after another, each after his own title
("Penjabat Bupati X, A, Ketua KPU X, B, dan Ketua Bawaslu X, C"), where the title after a name is the next
one's, not an apposition; Balinese names the model starts inside their particle ("I Gusti …"); occupations
with their field in lower case ("jurnalis senior A", "pengamat ekonomi, B"); a post before "adalah" given to
each name listed after it ("moderator debat adalah A dan B"), and "Mereka adalah A, B" the post the
sentence before named ("… menyebut panelis …"). Sentences written for these tests (invented names); ``names``
stands for the NER model's tags."""

from __future__ import annotations

import datetime as dt

from kg.extract.article import extract
from kg.extract.facts import Extraction
from kg.nlp.parse import rough_parse


def run(text: str, names: dict[str, str]) -> Extraction:
    return extract(rough_parse(text, names), dt.date(2023, 11, 10), None)


def roles(x: Extraction) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for h in x.holdings:
        out.setdefault(x.entity(h.person).name, set()).add(h.label)
    return out


def test_a_title_after_a_name_that_heads_the_next_name_is_the_next_one_s() -> None:
    x = run("Penandatanganan dilakukan oleh Penjabat Bupati Melawi, Yohanes Bong, Ketua KPU Melawi, Sari Wulandari, "
            "dan Ketua Bawaslu Melawi, Dedy Kurniawan.",
            {"Yohanes Bong": "PERSON", "Sari Wulandari": "PERSON", "Dedy Kurniawan": "PERSON"})
    found = roles(x)
    assert found["Yohanes Bong"] == {"Penjabat Bupati Melawi"}
    assert found["Sari Wulandari"] == {"Ketua KPU Melawi"}
    assert found["Dedy Kurniawan"] == {"Ketua Bawaslu Melawi"}


def test_an_apposed_title_stays_with_its_name() -> None:
    x = run("Yohanes Bong, Penjabat Bupati Melawi, mengatakan anggaran sudah disesuaikan.", {"Yohanes Bong": "PERSON"})
    assert roles(x)["Yohanes Bong"] == {"Penjabat Bupati Melawi"}


def test_a_balinese_name_keeps_its_particle_and_its_title() -> None:
    x = run("Rombongan didampingi Anggota KPU Provinsi Bali, I Gusti Ketut Arimbawa, mendatangi dua TPS.",
            {"Gusti Ketut Arimbawa": "PERSON"})
    assert roles(x) == {"I Gusti Ketut Arimbawa": {"Anggota KPU Provinsi Bali"}}


def test_an_occupation_with_its_field_is_a_role() -> None:
    x = run("Debat dipandu jurnalis senior Bayu Aryasatya dan presenter televisi Wulan Sari Rahayu; pengamat ekonomi, "
            "Haris Gunadi, menjadi panelis.",
            {"Bayu Aryasatya": "PERSON", "Wulan Sari Rahayu": "PERSON", "Haris Gunadi": "PERSON"})
    assert roles(x) == {"Bayu Aryasatya": {"jurnalis senior"}, "Wulan Sari Rahayu": {"presenter televisi"},
                        "Haris Gunadi": {"pengamat ekonomi"}}


def test_an_occupation_s_verb_is_no_field() -> None:
    x = run("Moderator meminta Bayu Aryasatya menjawab pertanyaan panelis.", {"Bayu Aryasatya": "PERSON"})
    assert roles(x) == {}


def test_the_post_before_adalah_is_each_listed_name_s() -> None:
    x = run("Adapun moderator debat adalah jurnalis senior Bayu Aryasatya dan presenter televisi Wulan Sari Rahayu.",
            {"Bayu Aryasatya": "PERSON", "Wulan Sari Rahayu": "PERSON"})
    assert roles(x) == {"Bayu Aryasatya": {"moderator debat", "jurnalis senior"},
                        "Wulan Sari Rahayu": {"moderator debat", "presenter televisi"}}


def test_they_are_the_post_the_sentence_before_named() -> None:
    x = run("Ketua KPU Jambi menyebut panelis berasal dari kalangan kampus. Mereka adalah dosen Universitas Jambi, "
            "Rudi Hartono, dan pengamat hukum, Sinta Dewi Lestari.",
            {"Rudi Hartono": "PERSON", "Sinta Dewi Lestari": "PERSON"})
    found = roles(x)
    assert found["Rudi Hartono"] == {"dosen Universitas Jambi", "panelis"}
    assert found["Sinta Dewi Lestari"] == {"pengamat hukum", "panelis"}
