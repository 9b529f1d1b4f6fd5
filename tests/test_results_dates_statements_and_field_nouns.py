"""Kinds of regional election news the earlier tests did not cover: a council sworn in on the results of an
election dated right after its name ("Hasil Pemilu 14 Februari 2024 menempatkan …"); a voter-list plenary where
the chair says what will be done next week (a statement is not made after the article) or on a weekday to come
("akan kami gelar pada Senin"); the field of a post that follows its title ("diwakili Asisten Pemerintahan"), a
plural written by reduplication ("TPS-TPS") and the acronym of "suku, agama, ras dan antargolongan" (isu SARA),
none of them a name. Sentences written for these tests (invented names)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from test_election_rules import run
from test_events_other import unparsed

from kg.extract.activities import activity_events
from kg.extract.dates import DateMention, find_dates
from kg.extract.mentions import person_mention, plausible


def test_an_election_dated_right_after_its_name_keeps_its_date_in_a_sentence_on_its_results() -> None:
    x = run("Hasil Pemilu 14 Februari 2024 menempatkan PKB sebagai peraih kursi terbanyak di DPRD Kabupaten Gresik.",
            date=dt.date(2024, 8, 27))
    assert [(e.code, e.date) for e in x.events] == [("election", "2024-02-14")]


def test_a_sentence_on_results_still_does_not_date_the_election_by_the_day_it_was_said() -> None:
    x = run("KPU menetapkan hasil Pilkada 2024 di Gresik, Senin (9/12/2024).", date=dt.date(2024, 12, 10))
    assert ("election", None) in [(e.code, e.date) for e in x.events]


def test_a_statement_is_not_dated_by_what_it_says_will_happen_after_the_article() -> None:
    text = "Ketua KPU Gresik mengatakan data itu akan dipadankan pekan depan."
    sentence = unparsed(text, {"mengatakan"})
    later = DateMention("pekan depan", text.index("pekan"), len(text) - 1, "2024-09-28")
    args = (text, [sentence], [later], set(), lambda s, a: "Umar Fadhilah")
    assert activity_events(*args, published=dt.date(2024, 9, 21)) == []
    assert [e.label for e in activity_events(*args)] == ["Keterangan Umar Fadhilah"]  # no publication date known
    before = DateMention("Jumat (20/9)", 0, 5, "2024-09-20")
    assert [e.date for e in activity_events(text, [sentence], [before], set(), lambda s, a: "Umar Fadhilah",
                                            published=dt.date(2024, 9, 21))] == ["2024-09-20"]


def test_the_field_of_a_post_after_its_title_is_no_person() -> None:
    x = run("Pelantikan dihadiri Penjabat Gubernur Jawa Timur yang diwakili Asisten Pemerintahan, serta ratusan "
            "pendukung partai. Kepala Bagian Perekonomian Setda Gresik, Umar Fadhilah, juga hadir.")
    people = {e.name for e in x.entities if e.kind == "person"}
    assert "Pemerintahan" not in people
    assert "Umar Fadhilah" in people


def model_says(kind: str, surface: str) -> bool:
    """Whether a span the NER model tagged is kept."""
    mention = person_mention(surface, 0, len(surface), lambda start: 0, "model", 0.8)
    return plausible(replace(mention, kind=kind, name=surface))


def test_a_one_word_field_noun_the_model_tags_is_no_person() -> None:
    assert not model_says("person", "Pemerintahan") and not model_says("person", "Keamanan")
    assert model_says("person", "Pertiwi Anggraeni") and model_says("person", "Kurniawan")
    assert model_says("person", "Kesuma")


def test_reduplicated_things_and_sara_are_no_organizations() -> None:
    assert not model_says("organization", "TPS-TPS") and not model_says("organization", "SARA")
    assert model_says("organization", "Bawaslu Gresik")


def test_a_bare_weekday_in_a_clause_about_what_is_to_come_is_the_coming_one() -> None:
    sunday = dt.date(2025, 4, 20)

    def day(text: str) -> str | None:
        return next(d.iso for d in find_dates(text, sunday) if d.text in ("Senin", "Kamis"))
    assert day("Rekapitulasi hasil PSU akan kami gelar di tingkat kabupaten pada Senin.") == "2025-04-21"
    assert day("Pleno dijadwalkan Kamis di aula KPU.") == "2025-04-24"
    assert day("Rapat pleno digelar Senin mendatang.") == "2025-04-21"
    assert day("Rapat pleno digelar Senin.") == "2025-04-14"  # no future: the past Monday, as wire style dates it
    assert day("KPU akan menambah bilik suara, kata Ketua KPU Gresik saat ditemui Senin.") == "2025-04-14"
