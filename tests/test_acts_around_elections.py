"""Acts reported in a sentence that also names an election, as election-day and logistics news writes them:
"Pemantau asing meninjau pemungutan suara Pilkada Bali 2024 …, Rabu (27/11/2024)" is the visit (an active
verb: the act of its subject), while "Pemungutan suara Pilkada X digelar pada Rabu …" is the election itself;
"27 November mendatang" (upcoming) is no one coming. Sentences written for these tests, tagged by hand as a
build without trees parses them."""

from __future__ import annotations

import datetime as dt

from test_events_other import unparsed

from kg.extract.activities import activity_events, sentence_activity
from kg.extract.dates import find_dates


def acts(text: str, verbs: set[str]) -> list[tuple[str, str | None]]:
    sentence = unparsed(text, verbs)
    found = activity_events(text, [sentence], find_dates(text, dt.date(2024, 11, 27)), set(), lambda s, a: None,
                            about_elections={0})
    return [(e.label, e.date) for e in found]


def test_an_act_written_as_an_active_verb_beside_an_election_is_an_event() -> None:
    found = acts("Pemantau asing meninjau pemungutan suara Pilkada Bali 2024 di Kota Denpasar, Rabu (27/11/2024).",
                 {"meninjau"})
    assert [date for _, date in found] == ["2024-11-27"]


def test_an_election_held_is_no_act_of_its_own() -> None:
    assert acts("Pemungutan suara Pilkada Bali 2024 digelar pada Rabu (27/11/2024).", {"digelar"}) == []


def test_upcoming_is_no_one_coming() -> None:
    assert sentence_activity(unparsed("Pemungutan suara digelar pada 27 November mendatang.", {"mendatang"})) is None


def test_a_label_ending_in_brackets_is_read() -> None:
    found = acts("Pemantau meninjau TPS (Panjer) hari ini, Rabu (27/11/2024).", {"meninjau"})
    assert found == [("meninjau TPS (Panjer)", "2024-11-27")]  # up to its date ("hari ini, Rabu (27/11/2024)")
