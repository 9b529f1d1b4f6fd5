"""Regional incident news: a clash between supporters ("Bentrokan antarpendukung … terjadi …, Minggu (17/11/2024)
malam") is an event of its own, dated; "Kecamatan Ketapang" is a district even where the lexicon knows a regency of
that name, written whole ("Kecamatan Siantar Barat") and stopping before the next unit or a date; an act inside a
quotation ('"Kami sudah amankan tiga orang," ujar A, Senin (18/11/2024).') is what the speaker talks about: the
sentence reports the statement; an exact count said again of another noun ("1.254.964 pemilih" … "1.254.964 orang")
is one figure, as the dev gold has it, while round ones ("1.500 lembar", "1.500 personel") may be two. A place span
the model ran over its district ("Pondok X Kecamatan Y") is the place and the district. Sentences written for these
tests (invented names and figures). The count of the race's tickets said twice ("dua pendaftar bakal pasangan" …
"dua pasangan bakal calon") is one figure."""

from __future__ import annotations

import datetime as dt

from test_events_other import unparsed

from kg.extract.activities import sentence_activity
from kg.extract.article import extract
from kg.extract.numbers import find_numbers
from kg.nlp.parse import rough_parse

DAY = dt.date(2024, 11, 18)


def test_a_clash_between_supporters_is_a_dated_event() -> None:
    x = extract(rough_parse("Bentrokan antarpendukung pasangan calon bupati terjadi di Desa Sumberejo, Minggu "
                            "(17/11/2024) malam. Kericuhan itu melukai seorang warga.", {}), DAY, None)
    assert ("other", "2024-11-17") in {(e.code, e.date) for e in x.events}


def places(text: str) -> set[tuple[str, str]]:
    return {(e.name, e.code) for e in extract(rough_parse(text, {}), DAY, None).entities if e.kind == "place"}


def test_a_district_named_like_a_regency_is_the_district() -> None:
    found = places("Bentrokan terjadi di Desa Sumberejo, Kecamatan Ketapang, Kabupaten Sampang, Minggu malam.")
    assert ("Kecamatan Ketapang", "district") in found and ("Ketapang", "regency") not in found
    assert ("Kecamatan Ketapang", "district") in places("Polisi berjaga di Kecamatan Ketapang Kabupaten Sampang.")


def test_a_district_is_written_whole_up_to_a_date() -> None:
    assert ("Kecamatan Siantar Barat", "district") in places("Rekapitulasi di Kecamatan Siantar Barat Senin (2/12) "
                                                             "selesai tanpa keberatan saksi.")


def test_an_act_inside_a_quotation_is_not_what_the_sentence_reports() -> None:
    text = '"Kami sudah amankan tiga orang," ujar Hendra, Senin (18/11/2024).'
    sentence = unparsed(text, {"amankan", "ujar"})
    assert sentence_activity(sentence, [(1, text.index(","))]).lemma == "ujar"
    assert sentence_activity(sentence).lemma == "aman"


def test_an_exact_count_said_again_is_one_figure() -> None:
    found = find_numbers("KPU menetapkan DPT sebanyak 1.384.217 pemilih. Ketua KPU menyebut DPT berjumlah 1.384.217 "
                         "orang. Sebanyak 1.500 lembar surat suara rusak dan 1.500 personel disiagakan.")
    assert [(n.value, n.unit) for n in found] == [("1.384.217", "pemilih"), ("1.500", "lembar"), ("1.500", "personel")]


def test_a_place_the_model_ran_over_its_district_is_two_places() -> None:
    x = extract(rough_parse("Ada empat TPS lokasi khusus di Pondok Jatirejo Kecamatan Mojo.",
                            {"Pondok Jatirejo Kecamatan Mojo": "PLACE"}), DAY, None)
    assert {(e.name, e.code) for e in x.entities if e.kind == "place"} == {
        ("Pondok Jatirejo", "other"), ("Kecamatan Mojo", "district")}


def test_the_count_of_the_race_s_tickets_said_twice_is_one_figure() -> None:
    found = find_numbers("KPU Kota Tegal menerima dua pendaftar bakal pasangan calon. Berkas dua pasangan bakal calon "
                         "itu kini diverifikasi.")
    assert [n.value for n in found] == ["dua"]
    found = find_numbers("Dari tiga pasangan calon di Pilbup Brebes, dua pasangan teratas bersaing ketat.")
    assert [n.value for n in found] == ["tiga", "dua"]


def test_a_ballot_number_a_few_words_after_its_cue_is_no_figure() -> None:
    found = find_numbers('"Berkas calon pengganti memenuhi syarat. Nomor urut pasangan tetap 2," ujar Hadi. KPU '
                         "mencetak 2 juta surat suara.")
    assert [n.value for n in found] == ["2"] and found[0].unit == "juta"
