"""Organizations and places from how articles open and how party boards are written, on text
written for these tests."""

from __future__ import annotations

import pytest

from kg.extract.article import extract
from kg.nlp.parse import rough_parse


def entities(text: str, names: dict[str, str] | None = None) -> dict[str, tuple[str, str]]:
    return {e.name: (e.kind, e.code) for e in extract(rough_parse(text, names or {})).entities}


@pytest.mark.parametrize(("opening", "found"), [
    ("SELONG, Rinjani Pos - KPU menggelar rapat.", {"Selong": ("place", "other"),
                                                   "Rinjani Pos": ("organization", "media")}),
    ("Warta.id, Manado - KPU menggelar rapat.", {"Manado": ("place", "city"),
                                                 "Warta.id": ("organization", "media")}),
    ("Kabarsulsel - KPU menggelar rapat.", {"Kabarsulsel": ("organization", "media")}),
    ("MAMUJU, Sulbar Terkini - KPU menggelar rapat.", {"Mamuju": ("place", "regency"),
                                                       "Sulbar Terkini": ("organization", "media")}),
])
def test_the_dateline_names_the_town_and_the_outlet(opening: str, found: dict) -> None:
    got = entities(opening)
    assert {k: v for k, v in got.items() if k in found} == found
    assert "Sulawesi Barat" not in got  # "Sulbar" inside an outlet's name is no place


def test_an_opening_sentence_is_no_dateline() -> None:
    got = entities("Komisi Pemilihan Umum (KPU) Kota Manado - lembaga itu - menggelar rapat.")
    assert all(code != "media" for _, code in got.values())


def test_a_party_board_is_not_the_regional_senate() -> None:
    got = entities("Rapat dihadiri Ketua DPD Partai Golkar Kota Manado dan anggota DPD RI dari Sulawesi Utara.")
    assert "Partai Golongan Karya" in got
    assert [n for n, (_, code) in got.items() if n.startswith("Dewan Perwakilan Daerah")] == [
        "Dewan Perwakilan Daerah"]  # only "DPD RI"


def test_a_party_named_after_a_secretary_general_is_a_party() -> None:
    got = entities("Hadir Sekretaris Jenderal Partai Gerindra dan Brigjen TNI Hasan.")
    assert got.get("Partai Gerakan Indonesia Raya", ("", ""))[1] == "political_party"
    assert "Tentara Nasional Indonesia" not in got  # "Brigjen TNI" is a rank
