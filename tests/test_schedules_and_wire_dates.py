"""Dates of elections and acts as regional news and wire copy write them: an election's date may follow a
schedule's words in the next sentence ("Pemungutan suara dijadwalkan serentak pada 27 November 2024"); a
wire story's bare weekday ("…, Senin.") dates the act reported, not the election named in it; an act written
as a verb ("mendistribusikan logistik Pilkada 2024") is an event though an election is named in its sentence;
what an act is for ("… untuk debat publik perdana, Senin") is not dated by the act; "debat perdana" is the first
debate; handing in revised files ("penyerahan perbaikan berkas") is a registration step.
Sentences written for these tests (invented places and numbers) through the model-free extraction."""

from __future__ import annotations

import datetime as dt

import pytest
from test_election_rules import run


def events(text: str, published: dt.date = dt.date(2024, 11, 28)) -> set[tuple[str, str | None]]:
    return {(e.code, e.date) for e in run(text, date=published).events}


@pytest.mark.parametrize("schedule", ["dijadwalkan serentak pada", "digelar serentak secara nasional pada",
                                      "akan diselenggarakan serentak pada"])
def test_a_schedule_s_words_part_an_election_from_its_date(schedule: str) -> None:
    found = events(f"Pilkada Kabupaten Bengkayang 2024 diikuti dua pasangan calon. Pemungutan suara {schedule} "
                   "27 November 2024.")
    assert ("election", "2024-11-27") in found


def test_a_wire_story_s_weekday_is_not_the_election_s_date() -> None:
    found = events("KPU Provinsi Maluku mulai mendistribusikan logistik Pilkada 2024 ke 11 kabupaten/kota, Senin.",
                   dt.date(2024, 11, 11))
    assert ("election", "2024-11-11") not in found
    assert ("other", "2024-11-11") in found


def test_securing_an_election_is_no_event_of_its_own() -> None:
    found = events("Pengamanan Pilkada 2024 di Kabupaten Buru melibatkan 600 personel, Rabu (27/11/2024).")
    assert not any(code == "other" for code, _ in found)


def test_what_an_act_is_for_is_not_dated_by_it() -> None:
    found = events("KPU Kabupaten Ciamis mengumumkan lima panelis untuk debat publik perdana pasangan calon bupati, "
                   "Senin (14/10/2024). Debat perdana akan digelar di Gedung Kesenian Ciamis pada Sabtu (19/10/2024).")
    assert [date for code, date in found if code == "debate"] == ["2024-10-19"]


def test_the_first_debate_is_one_however_it_is_called() -> None:
    found = events("Debat perdana digelar pada Sabtu (19/10/2024). Tema debat pertama adalah pelayanan publik.")
    assert [date for code, date in found if code == "debate"] == ["2024-10-19"]


def test_handing_in_revised_files_is_a_registration_step() -> None:
    found = events("Tanda terima wajib diserahkan saat penyerahan perbaikan berkas pada Jumat (6/9/2024).",
                   dt.date(2024, 9, 5))
    assert ("registration", "2024-09-06") in found
