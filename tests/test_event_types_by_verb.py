"""Events named by a verb whose object gives the type, and events named again with a demonstrative
("penetapan tersebut"), on sentences written for these tests through the model-free extraction."""

from __future__ import annotations

import pytest
from test_election_rules import run


def events(text: str) -> set[tuple[str, str | None]]:
    return {(e.code, e.date) for e in run(text).events}


@pytest.mark.parametrize("text", [
    "KPU Kota Lubuklinggau akan menetapkan pasangan calon pada 22 September 2024.",
    "KPU Kabupaten Sumba Barat menetapkan dua pasangan calon bupati pada Minggu (22/9/2024).",
])
def test_determining_the_candidates_is_a_registration_step(text: str) -> None:
    assert ("registration", "2024-09-22") in events(text)


def test_declaring_the_winners_is_no_registration() -> None:
    found = events("KPU Kabupaten Pati menetapkan calon bupati nomor urut 2, Sudarso Wibisana, dan wakilnya, Risma "
                   "Handari, sebagai Bupati dan Wakil Bupati Pati terpilih pada Selasa (7/1/2025).")
    assert "registration" not in {code for code, _ in found}


def test_an_event_named_again_is_the_same_event() -> None:
    found = events("Bawaslu dan KPU menggelar rapat koordinasi di Kupang pada Kamis (9/11/2023). Dalam rapat tersebut, "
                   "kedua lembaga membahas pengawasan kampanye. Penetapan tersebut berlaku sejak Senin (13/11/2023).")
    assert found == {("meeting", "2023-11-09")}  # "penetapan tersebut" names no registration of its own
