"""Dates as live reports, releases and overseas-voting news write them: counted from the article's day
("musyawarah adat dua hari lalu", "digelar lima hari lagi, Rabu (27/11)"), a live report's entry stamped with
the hour, "pada hari yang sama", a span of days ("8-15 Oktober 2024"); the voting dated after where it is held;
an election not dated by its campaign's start; reporting someone to the police is a complaint; an act named
after an active verb ("merampungkan penyortiran surat suara Pilbup X") is an event beside the election; "sembilan
hari menjelang pemungutan suara …, Senin (18/11)" dates the election that many days on; an act told as following
an event named before ("Usai apel, Kapolres memeriksa …") is on that event's day. Sentences
written for these tests (invented places and figures) through the model-free extraction."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from test_election_rules import run

from kg.extract.article import extract
from kg.extract.dates import find_dates
from kg.nlp.parse import Parse, Word, rough_parse


def events(text: str, published: dt.date = dt.date(2024, 11, 27)) -> set[tuple[str, str | None]]:
    return {(e.code, e.date) for e in run(text, date=published).events}


@pytest.mark.parametrize(("written", "iso"), [
    ("dua hari lalu", "2024-11-25"), ("sepekan lalu", "2024-11-20"), ("tiga minggu yang lalu", "2024-11-06"),
    ("lima hari lagi", "2024-12-02"), ("delapan hari lalu", "2024-11-19")])
def test_a_counted_date_is_read_from_the_article_s_day(written: str, iso: str) -> None:
    [date] = find_dates(f"Kesepakatan itu dibuat {written}.", dt.date(2024, 11, 27))
    assert (date.text, date.iso) == (written, iso)


def test_a_counted_date_dates_the_act_and_stays_a_figure() -> None:
    x = run("Warga Kampung Yogi menggelar musyawarah adat dua hari lalu untuk menyepakati sistem noken.",
            date=dt.date(2024, 11, 27))
    assert ("meeting", "2024-11-25") in {(e.code, e.date) for e in x.events}
    assert "dua" in [f.value for f in x.figures]


def test_an_election_is_dated_by_a_count_of_days_to_it() -> None:
    found = events("Pilbup Boyolali diikuti dua pasangan calon. Pemungutan suara akan digelar tiga hari lagi, "
                   "Rabu (27/11/2024).", dt.date(2024, 11, 24))
    assert ("election", "2024-11-27") in found


def test_the_voting_is_dated_after_where_it_is_held() -> None:
    found = events("Berikut laporan langsung pemungutan suara Pilkada 2024 di Kabupaten Yahukimo, Papua Pegunungan, "
                   "Rabu (27/11/2024).")
    assert ("election", "2024-11-27") in found


def test_a_meeting_about_an_election_where_it_is_held_dates_the_meeting_only() -> None:
    found = events("Komisi II menggelar rapat dengar pendapat soal anggaran Pilkada 2024 di Kompleks Parlemen, "
                   "Senayan, Jakarta, Senin (10/3/2025).")
    assert ("election", "2025-03-10") not in found and ("meeting", "2025-03-10") in found


def test_a_live_report_s_entry_is_dated_by_the_report_s_day() -> None:
    found = events("Berikut laporan langsung pemungutan suara di Kabupaten Tolikara.\n\nPukul 15.20 WIT - "
                   "Penghitungan suara di TPS 03 Karubaga dimulai.\n\nRekapitulasi tingkat distrik dijadwalkan "
                   "dimulai Sabtu (30/11).")
    assert {("vote_count", "2024-11-27"), ("vote_count", "2024-11-30")} <= found


def test_an_hour_inside_a_sentence_dates_nothing() -> None:
    assert not find_dates("Rapat dimulai pukul 09.00 WIB - sesuai jadwal.", dt.date(2024, 11, 27))


def test_a_span_of_days_is_dated_by_its_first_and_is_no_figure() -> None:
    x = run("Survei dilakukan pada 8-15 Oktober 2024 terhadap 1.220 responden.", date=dt.date(2024, 10, 21))
    assert [d.iso for d in find_dates("pada 8-15 Oktober 2024")] == ["2024-10-08"]
    assert [f.value for f in x.figures] == ["1.220"]


def test_the_same_day_is_the_day_named_last() -> None:
    found = events("Warga memadati TPS di Kuala Lumpur, Minggu (11/2/2024). Penghitungan suara digelar pada hari yang "
                   "sama setelah pemungutan suara ditutup.", dt.date(2024, 2, 11))
    assert ("vote_count", "2024-02-11") in found


def test_an_election_is_not_dated_by_the_start_of_its_campaign() -> None:
    found = events("Masa kampanye Pemilu 2024 dimulai 28 November 2023, sedangkan pemungutan suara digelar 14 Februari "
                   "2024.", dt.date(2023, 11, 4))
    assert ("election", "2023-11-28") not in found and ("election", "2024-02-14") in found


def test_reporting_someone_to_the_police_is_a_complaint() -> None:
    found = events("KPU Kabupaten Sragen telah melaporkan akun penyebar video ke Polres Sragen pada Kamis (21/11).",
                   dt.date(2024, 11, 22))
    assert found == {("dispute", "2024-11-21")}


def test_an_act_named_after_an_active_verb_beside_an_election_is_an_event() -> None:
    found = events("KPU Kabupaten Kuningan merampungkan penyortiran surat suara Pilbup Kuningan 2024 di gudang "
                   "logistik, Rabu (6/11/2024).", dt.date(2024, 11, 7))
    assert ("other", "2024-11-06") in found


def test_days_before_the_voting_date_the_election_from_the_sentence_s_day() -> None:
    found = events("Sepuluh hari menjelang pemungutan suara Pilkada 2024, Ketua KPU Provinsi Jambi menerima "
                   "wartawan di ruang kerjanya, Minggu (17/11/2024).", dt.date(2024, 11, 17))
    assert ("election", "2024-11-27") in found


def test_the_election_s_own_date_comes_before_a_count_of_days() -> None:
    found = events("KPU menjadwalkan debat ketiga pada Rabu (20/11/2024), sepekan sebelum pemungutan suara "
                   "pada 27 November 2024.", dt.date(2024, 11, 1))
    assert ("election", "2024-11-27") in found and ("debate", "2024-11-20") in found


def tagged(text: str, verbs: set[str]) -> Parse:
    """The model-free parse with the verbs tagged and no tree, as a default build's parse reads them."""
    parse = rough_parse(text, {})

    def word(w: Word) -> Word:
        upos = "VERB" if w.text in verbs else "PUNCT" if not w.text[0].isalnum() else "X"
        return replace(w, upos=upos, deprel="dep")
    return Parse(text, tuple(replace(s, tokens=tuple(replace(t, words=tuple(map(word, t.words))) for t in s.tokens))
                             for s in parse.sentences))


def test_an_act_told_as_following_an_event_is_on_its_day() -> None:
    text = ("Polres Sigi menggelar apel pengamanan di Lapangan Bumi Sigi, Selasa (24/9/2024). Usai apel, Kapolres "
            "memeriksa kesiapan 40 kendaraan patroli.")
    found = {(e.code, e.date) for e in extract(tagged(text, {"menggelar", "memeriksa"}), dt.date(2024, 9, 24)).events}
    assert found == {("meeting", "2024-09-24"), ("other", "2024-09-24")}
