"""Names regional news writes that are not what they look like: a police chief's title holds the body he
heads ("Kapolres Lombok Barat" names the Polres Lombok Barat); an outlet named again in its own story is the
outlet, not a person; a post's division ("Divisi Sosialisasi") is no person; associations ("Persatuan
Tunanetra Indonesia") are organizations, and the country in their name no place; the reports candidates file
(LHKPN, LADK) are documents, not bodies; election observers ("pemantau pemilu") name no election. Sentences
written for these tests (invented names); ``names`` stands for the NER model's tags where its mistake matters."""

from __future__ import annotations

import datetime as dt

from kg.extract.article import extract
from kg.extract.facts import Extraction
from kg.nlp.parse import rough_parse


def run(text: str, names: dict[str, str] | None = None) -> Extraction:
    return extract(rough_parse(text, names or {}), dt.date(2024, 11, 18), None)


def named(x: Extraction, kind: str) -> set[str]:
    return {form.lower() for e in x.entities if e.kind == kind for form in (e.name, *e.aliases)}


def test_a_police_chief_s_title_names_the_body_he_heads() -> None:
    x = run("Kapolres Lombok Barat, AKBP Gede Wiranata, mengatakan 300 personel disiagakan di setiap kecamatan.",
            {"Gede Wiranata": "PERSON"})
    assert "polres lombok barat" in named(x, "organization")
    person = next(e for e in x.entities if e.name == "Gede Wiranata")
    police = next(e for e in x.entities if "Polres Lombok Barat" in (e.name, *e.aliases))
    assert any(h.person == person.id and h.org == police.id for h in x.holdings)


def test_a_bare_police_chief_names_no_one_body() -> None:
    x = run("Kapolres meminta warga melapor jika menemukan politik uang.")
    assert not any(e.kind == "organization" for e in x.entities)


def test_the_outlet_named_again_is_the_outlet() -> None:
    x = run("PEKANBARU, Lancang Kuning Online - Ketua KPU Provinsi Riau menerima Lancang Kuning Online di ruang "
            "kerjanya, Senin (18/11/2024).", {"Lancang Kuning Online": "PERSON"})
    assert "lancang kuning online" not in named(x, "person")
    assert "lancang kuning online" in named(x, "organization")


def test_a_division_is_no_person() -> None:
    x = run("Anggota KPU Garut Divisi Sosialisasi dan Partisipasi Masyarakat, Rendi Gunawan, menyebut panelis "
            "berasal dari kalangan akademisi.", {"Divisi Sosialisasi": "PERSON", "Rendi Gunawan": "PERSON"})
    assert named(x, "person") == {"rendi gunawan"}


def test_an_association_is_an_organization_and_its_country_no_place() -> None:
    x = run("Ketua Persatuan Tunanetra Indonesia (Pertuni) Jambi, Sri Wahyuni, meminta template braille di setiap TPS.")
    assert "persatuan tunanetra indonesia" in named(x, "organization")
    assert "indonesia" not in named(x, "place")


def test_a_party_named_for_unity_stays_the_party() -> None:
    x = run("Pasangan itu diusung Partai Persatuan Pembangunan dan Partai Golkar.")
    assert "persatuan pembangunan" not in {n.split(" (")[0] for n in named(x, "organization")}
    assert any(e.code == "political_party" and "Persatuan Pembangunan" in e.name for e in x.entities)


def test_a_candidate_s_report_is_no_body() -> None:
    x = run("Bakal calon wali kota wajib menyerahkan LHKPN dan LADK kepada KPU Kota Tarakan.",
            {"LHKPN": "ORGANISATION", "LADK": "ORGANISATION"})
    assert named(x, "organization") & {"lhkpn", "ladk"} == set()


def test_election_observers_name_no_election() -> None:
    x = run("Sejumlah pemantau pemilu dari luar negeri mendatangi beberapa TPS di Kota Kupang.")
    assert not any(e.code == "election" for e in x.events)
