"""The mapping layer on fixed parses (tests/fixtures/parses/*.conllu): no model runs here."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Literal, URIRef

from kg.extract.article import extract
from kg.extract.facts import Extraction
from kg.graph.rdf import add_article, new_dataset
from kg.graph.vocab import DEFAULT_BASE, ELEC, ITSRDF, NIF, ORG, PROV, SCHEMA
from kg.ingest import Article, read_article
from kg.nlp.parse import Parse, from_conllu, to_conllu

FIXTURES = Path(__file__).parent / "fixtures"


def load(name: str) -> tuple[Article, Parse]:
    article = read_article(FIXTURES / "articles" / f"{name}.txt")[0]
    conllu = (FIXTURES / "parses" / f"{name}.conllu").read_text(encoding="utf-8")
    return article, from_conllu(conllu, text=article.text)


@pytest.fixture(scope="module")
def rakor() -> tuple[Article, Parse, Extraction]:
    article, parse = load("rakor_kpu_jabar")
    return article, parse, extract(parse, article.date)


@pytest.fixture(scope="module")
def debat() -> tuple[Article, Parse, Extraction]:
    article, parse = load("debat_sleman")
    return article, parse, extract(parse, article.date)


def by_name(x: Extraction, name: str):
    return next(e for e in x.entities if e.name == name)


def test_conllu_round_trip() -> None:
    _, parse = load("rakor_kpu_jabar")
    again = from_conllu(to_conllu(parse), text=parse.text)
    assert again == parse
    tok = parse.sentences[0].tokens[0]
    assert parse.text[tok.start:tok.end] == tok.text


def test_regional_institutions_get_full_names_and_regions(rakor) -> None:
    _, _, x = rakor
    kpu = by_name(x, "Komisi Pemilihan Umum Provinsi Jawa Barat")
    assert (kpu.code, kpu.region) == ("election_body", "Jawa Barat")
    assert "KPU Jawa Barat" in kpu.aliases
    polda = by_name(x, "Kepolisian Daerah Provinsi Jawa Barat")
    assert polda.code == "security" and "Polda Jabar" in polda.aliases
    assert by_name(x, "Kodam III/Siliwangi").code == "security"


def test_places_with_types_and_provinces(rakor, debat) -> None:
    _, _, x = rakor
    bandung = by_name(x, "Bandung")
    assert (bandung.code, bandung.located_in) == ("city", "Jawa Barat")
    assert "Kota Bandung" in bandung.aliases
    assert by_name(x, "Jawa Barat").aliases == ["Jabar"]
    assert by_name(x, "Hotel Savoy Homann").code == "venue"
    assert by_name(debat[2], "Sleman").code == "regency"


def test_short_names_join_the_full_name(rakor, debat) -> None:
    persons = [e for e in rakor[2].entities if e.kind == "person"]
    assert [p.name for p in persons] == ["Ahmad Fauzi"]
    assert set(persons[0].aliases) == {"Ahmad", "Fauzi"}
    names = sorted(e.name for e in debat[2].entities if e.kind == "person")
    assert names == ["Arjuna Al Ichsan", "Harda Kiswaya", "Kustini Sri Purnomo"]


def test_posts_before_names_link_institution_and_region(rakor, debat) -> None:
    (h,) = rakor[2].holdings
    assert (h.person, h.label, h.title) == ("person/ahmad-fauzi", "Ketua KPU Jawa Barat", "Ketua KPU")
    assert h.org == "organization/komisi-pemilihan-umum-provinsi-jawa-barat"
    assert h.region == "place/jawa-barat"
    roles = {h.person: h.label for h in debat[2].holdings}
    assert roles["person/harda-kiswaya"] == "Calon Bupati Sleman nomor urut 1"
    assert roles["person/arjuna-al-ichsan"] == "Ketua Bawaslu Sleman"


def test_events_with_dates_and_places(rakor, debat) -> None:
    meeting = next(e for e in rakor[2].events if e.code == "meeting")
    assert meeting.date == "2024-11-04"
    assert meeting.place == "place/hotel-savoy-homann"
    assert "organization/kepolisian-daerah-provinsi-jawa-barat" in meeting.participants
    election = next(e for e in rakor[2].events if e.code == "election")
    assert election.label == "Pilkada Serentak 2024"
    debates = sorted((e.label, e.date) for e in debat[2].events if e.code == "debate")
    assert debates == [("Debat pertama", "2024-10-05"), ("debat kedua", "2024-10-19")]


def test_quotes_by_name_and_by_pronoun(rakor, debat) -> None:
    assert [q.speaker for q in rakor[2].quotes] == ["person/ahmad-fauzi"] * 2
    assert rakor[2].quotes[1].text.startswith("Distribusi logistik dimulai pekan depan")
    assert [q.speaker for q in debat[2].quotes] == ["person/arjuna-al-ichsan", "person/kustini-sri-purnomo"]


def test_figures_in_indonesian_notation(rakor, debat) -> None:
    figures = {f.value: (f.number, f.unit) for f in rakor[2].figures}
    assert figures == {"74.000": (74000.0, "tps"), "12,5": (12.5, "persen")}
    assert [(f.value, f.number) for f in debat[2].figures] == [("tiga", 3.0)]


def test_every_mention_and_fact_traces_to_its_text(rakor) -> None:
    article, parse, x = rakor
    ds = new_dataset()
    iri = add_article(ds, article, parse, x)
    g = ds.graph(iri)
    assert str(g.value(iri, NIF.isString)) == parse.text  # the context carries the text
    phrases = set(g.subjects(RDF.type, NIF.Phrase))
    for phrase in phrases:
        begin, end = (int(g.value(phrase, p)) for p in (NIF.beginIndex, NIF.endIndex))
        assert str(g.value(phrase, NIF.anchorOf)) == parse.text[begin:end]
        assert g.value(phrase, NIF.referenceContext) == iri
        sentence = g.value(phrase, NIF.sentence)
        assert int(g.value(sentence, NIF.beginIndex)) <= begin < end <= int(g.value(sentence, NIF.endIndex))
    for entity in x.entities:  # each mention its own phrase, annotated with its entity
        annotated = set(g.subjects(ITSRDF.taIdentRef, URIRef(DEFAULT_BASE + entity.id)))
        assert len(annotated) == len({(m.evidence.start, m.evidence.end) for m in entity.mentions})
    assert all(0 <= float(c) <= 1 for c in g.objects(None, ITSRDF.taConfidence))
    facts = set(g.subjects(PROV.qualifiedDerivation, None))
    assert len(facts) >= len(x.events) + len(x.quotes) + len(x.figures)
    for fact in facts:
        derivation = g.value(fact, PROV.qualifiedDerivation)
        assert g.value(derivation, PROV.entity) in phrases and g.value(fact, PROV.wasDerivedFrom) in phrases
        assert 0 <= float(g.value(derivation, ELEC.confidence)) <= 1 and g.value(derivation, ELEC.method)
    person = URIRef(DEFAULT_BASE + "person/ahmad-fauzi")
    assert (iri, SCHEMA.mentions, person) in g
    assert (person, ELEC.confidence, None) not in g and (person, PROV.wasDerivedFrom, None) not in g
    post = g.value(person, ORG.holds)
    assert g.value(post, ELEC.postTitle) == Literal("Ketua KPU")


def test_relative_dates_need_the_article_date() -> None:
    from datetime import date

    from kg.extract.dates import find_dates

    text = "Rapat digelar kemarin dan dilanjutkan Kamis."
    assert [d.iso for d in find_dates(text)] == [None, None]
    assert [d.iso for d in find_dates(text, date(2024, 11, 15))] == ["2024-11-14", "2024-11-14"]
