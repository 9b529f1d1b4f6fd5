"""Acts in the passive voice in sentences that name an election: "155 anggota PPK untuk Pilbup X resmi dilantik di
…, Kamis (16/5/2024)" is an inauguration of its own, dated (the election is what the PPK serve, "untuk" before a
noun makes a phrase, not a purpose clause), while "Pemungutan suara Pilbup X digelar …" is the election itself.
Sentences written for these tests (invented places and figures), tagged as a build without trees tags them."""

from __future__ import annotations

import datetime as dt

from test_events_other import unparsed

from kg.extract.activities import sentence_activity
from kg.extract.article import extract
from kg.nlp.parse import Parse

INAUGURATED = ("Sebanyak 155 anggota PPK untuk Pilbup Tegal 2024 resmi dilantik di Pendapa Ki Gede Sebayu, Kamis "
               "(16/5/2024).")


def test_untuk_before_a_noun_opens_no_clause() -> None:
    assert sentence_activity(unparsed(INAUGURATED, {"dilantik"})).lemma == "lantik"
    assert sentence_activity(unparsed("Petugas datang untuk menyegel kotak suara, Rabu (20/11/2024).",
                                      {"datang", "menyegel"})).lemma == "datang"


def test_a_passive_act_in_a_sentence_naming_an_election_is_its_own_event() -> None:
    x = extract(Parse(INAUGURATED, (unparsed(INAUGURATED, {"dilantik"}),)), dt.date(2024, 5, 17), None)
    assert ("other", "2024-05-16") in {(e.code, e.date) for e in x.events}


def test_an_election_held_is_the_election_not_an_act() -> None:
    text = "Pemungutan suara Pilbup Tegal 2024 digelar di 2.410 TPS, Rabu (27/11/2024)."
    x = extract(Parse(text, (unparsed(text, {"digelar"}),)), dt.date(2024, 11, 28), None)
    assert {(e.code, e.date) for e in x.events} == {("election", "2024-11-27")}
