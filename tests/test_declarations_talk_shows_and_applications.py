"""Events in kinds of election news the earlier tests did not cover: a peace declaration whose text the pairs and
officials sign ("menandatangani deklarasi kampanye damai", "Naskah deklarasi juga ditandatangani …") is one
declaration, no agreement besides it; a broadcast talk show ("talk show", "dialog interaktif", "gelar wicara") is
a meeting; the election body's application ("Sistem Informasi Rekapitulasi") is no count; an election that names
what a period or a programme belongs to ("masa tenang Pilkada 2024, Minggu …", "Dialog Pilkada Sultra TV, Rabu …")
is not dated by the sentence. Sentences written for these tests (invented names)."""

from __future__ import annotations

from test_election_rules import run


def events(text: str) -> list[tuple[str, str | None]]:
    return [(e.code, e.date) for e in run(text).events]


def test_signing_a_declaration_is_the_declaration() -> None:
    found = events("Empat pasangan calon menandatangani deklarasi kampanye damai di Lapangan Merdeka Balikpapan, "
                   "Senin (23/9/2024). Naskah deklarasi juga ditandatangani Ketua Bawaslu Balikpapan, Ratih Sukmawati.")
    assert found == [("declaration", "2024-09-23")]


def test_signing_an_integrity_pact_is_still_an_agreement() -> None:
    found = events("Seluruh camat menandatangani pakta integritas netralitas ASN, Senin (23/9/2024).")
    assert ("agreement_signing", "2024-09-23") in found


def test_a_talk_show_is_a_meeting() -> None:
    for name in ("talk show", "dialog interaktif", "gelar wicara"):
        found = events(f"KPU Kota Bogor menggelar {name} bersama pemilih pemula di Balai Kota Bogor, "
                       "Rabu (30/10/2024).")
        assert ("meeting", "2024-10-30") in found, name


def test_the_recapitulation_application_is_no_count() -> None:
    assert events("Aplikasi Sistem Informasi Rekapitulasi sempat mengalami gangguan, Rabu (27/11/2024) malam.") == []


def test_an_election_naming_what_a_period_or_programme_belongs_to_is_not_dated_by_it() -> None:
    found = events("Bawaslu Kota Padang menertibkan 2.315 alat peraga kampanye pada hari pertama masa tenang Pilkada "
                   "2024, Minggu (24/11/2024). Pemungutan suara digelar Rabu (27/11/2024).")
    assert ("election", "2024-11-27") in found and ("election", "2024-11-24") not in found
    found = events("Program Dialog Pilkada Sultra TV, Rabu (30/10/2024) malam, menghadirkan Ketua KPU Sultra.")
    assert ("election", "2024-10-30") not in found


def test_an_election_dated_in_a_clause_of_its_own_keeps_its_date() -> None:
    found = events("Nomor urut itu dipakai pada surat suara Pemilu serentak yang akan digelar pada 27 November 2024.")
    assert ("election", "2024-11-27") in found
