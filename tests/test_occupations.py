"""People in the street as the news quotes them: an occupation written as a common noun next to a name is the person's
role, before it ("Seorang pedagang sayur, Sumarni (48), …") or after it ("kata Rina Wati, petani di Desa Sukamaju",
"Dimas Pratama, pemilih pemula asal Sleman"), with its field ("pedagang sayur") and without the place; capitalised
before another word it belongs to a name ("Pasar Petani Sejahtera", "Koperasi Nelayan Makmur") and makes no person;
a role at the text's end keeps no full stop ("dosen Universitas Andalas."); who speaks for someone by a possessive
("melalui juru bicaranya, A", "lewat kuasa hukumnya, B") holds that post, and the pair a team is named after ("Tim
pemenangan pasangan A-B") is not in the team; a second post follows "yang juga menjabat" ("anggota DPRD X yang juga
menjabat Ketua KONI X"). Sentences written for these tests (invented names)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.article import extract
from kg.nlp.parse import rough_parse

NAMES = {"Rina Wati": "PERSON", "Sumarni": "PERSON", "Dimas Pratama": "PERSON", "Dedi Kurnia": "PERSON"}


def roles(text: str) -> set[tuple[str, str]]:
    x = extract(rough_parse(text, NAMES), dt.date(2024, 11, 18), None)
    return {(x.entity(h.person).name, h.label) for h in x.holdings}


@pytest.mark.parametrize(("text", "role"), [
    ("Seorang pedagang sayur, Sumarni (48), berharap janji kampanye itu ditepati.", ("Sumarni", "pedagang sayur")),
    ('"Harga cabai naik terus," kata Rina Wati, pedagang sayur di Pasar Beringharjo.', ("Rina Wati", "pedagang sayur")),
    ("Bagi Dimas Pratama, pemilih pemula asal Sleman, pilkada kali ini istimewa.",
     ("Dimas Pratama", "pemilih pemula asal Sleman")),
    ("Rina Wati, petani di Desa Sukamaju, mengaku belum menerima undangan memilih.", ("Rina Wati", "petani")),
    ('"Partisipasi pemilih harus dijaga," kata Rina Wati, dosen Universitas Andalas.',
     ("Rina Wati", "dosen Universitas Andalas")),
])
def test_an_occupation_next_to_a_name_is_the_person_s_role(text: str, role: tuple[str, str]) -> None:
    assert role in roles(text)


def test_an_occupation_inside_a_name_makes_no_person() -> None:
    x = extract(rough_parse("Pasar Petani Sejahtera ramai pembeli. Koperasi Nelayan Makmur membagikan undangan "
                            "memilih.", {}), dt.date(2024, 11, 18), None)
    assert not [e for e in x.entities if e.kind == "person"]


def test_who_speaks_for_someone_by_a_possessive_holds_that_post() -> None:
    assert ("Dedi Kurnia", "juru bicara") in roles(
        "Tim pemenangan pasangan Arman-Lina, melalui juru bicaranya, Dedi Kurnia, membantah tudingan politik uang.")
    assert ("Dedi Kurnia", "kuasa hukum") in roles(
        "Pasangan calon nomor urut 2 menggugat hasil pilkada ke MK lewat kuasa hukumnya, Dedi Kurnia.")


def test_the_pair_a_team_is_named_after_is_not_in_the_team() -> None:
    found = roles("Tim pemenangan pasangan Arman Siregar-Lina Tobing menggelar konsolidasi di Medan.")
    assert not {name for name, _ in found} & {"Arman Siregar", "Lina Tobing"}


def test_a_second_post_after_yang_juga_menjabat() -> None:
    found = roles("Dimas Pratama adalah anggota DPRD Kota Tegal dari Partai Demokrat yang juga menjabat Ketua KONI "
                  "Kota Tegal.")
    assert {("Dimas Pratama", "anggota DPRD Kota Tegal dari Partai Demokrat"),
            ("Dimas Pratama", "Ketua KONI Kota Tegal")} <= found
