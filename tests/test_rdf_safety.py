"""Generated RDF is safe for any input text (issue 5): minted IRIs are valid and readable, text
becomes literals that Turtle and TriG carry exactly, and no input can inject triples.

Round trips are checked with two independent parsers, rdflib and pyoxigraph, comparing the sets of
triples (quads for TriG) as plain tuples of lexical values.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.term import Node, _is_valid_uri

from kg.extract.article import extract
from kg.extract.facts import RULE, Entity, Event, Evidence, Extraction, Figure, Holding, Mention, Quote
from kg.graph.export import trig, turtle
from kg.graph.iri import mint
from kg.graph.rdf import _text, add_article, new_dataset
from kg.graph.vocab import DEFAULT_BASE, SCHEMA
from kg.ingest import Article
from kg.names import slug
from kg.nlp.parse import Parse, Sentence, Token, Word, from_conllu, to_conllu

BASE = DEFAULT_BASE
SAFE_TAIL = re.compile(r"^[a-z0-9:/._-]+$")
SURROGATE = re.compile("[\ud800-\udfff]")
HEALTH = [HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large]
PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=HEALTH)
HEAVY = settings(max_examples=40, deadline=None, suppress_health_check=HEALTH)
"""For examples that build, serialise and parse a whole article graph four times (~0.1 s each)."""

NASTY_PIECES = [
    '"', "'", '"""', "'''", "<", ">", "\\", "\\u0022", "\\n", "\n", "\r", "\r\n", "\t", "\x00",
    "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\u200b", "\u200f", "\u202e",
    "\u2066", "\ufeff", "\ufffd", "\ud800", "\udfff", " ", ".", ";", ",", "#", "@", "^^", "_:b0",
    "<http://evil/>", "{", "}", "%", "%00", "&", "?", "/", ":", "a", "Z", "9", "é", "e\u0301",
    "İ", "ß", "ﬁ", "١٢", "ن", "עברית", "😀", "KPU", "Ketua", "kata",
]
"""Characters and fragments that break naive Turtle writers, IRIs, or bidi-aware displays."""

ANY_CHAR = st.one_of(
    st.characters(exclude_categories=()),  # every category except surrogates (never generated)
    st.characters(categories=["Cs"]),  # lone surrogates, which JSON "\ud800" escapes produce
)
ANY_TEXT = st.one_of(
    st.text(ANY_CHAR, max_size=60),
    st.lists(st.sampled_from(NASTY_PIECES), max_size=12).map("".join),
)

INJECTIONS = [
    'x" ; <http://evil> <http://evil> "y',
    "> . <a> <b> <c> . <",
    '"""\n<http://evil/s> <http://evil/p> <http://evil/o> .\n"""',
    "x''' ; <http://evil/p> <http://evil/o> . '''y",
    '\\" . <http://evil/s> <http://evil/p> "o',
    'x"^^<http://evil/type> . <http://evil/s> <http://evil/p> "y',
    "x\"@en . <http://evil/s> <http://evil/p> \"y",
    "@prefix evil: <http://evil/> . evil:s evil:p evil:o .",
    "} <http://evil/g> { <http://evil/s> <http://evil/p> <http://evil/o> } {",
    "x\n} GRAPH <http://evil/g> {\n",
    "\u202e<http://evil/s> <http://evil/p> <http://evil/o> .\u202c",
    "x\x00\" . <http://evil/s> <http://evil/p> \"y",
]


# --------------------------------------------------------------------------- comparing graphs

Key = tuple[str, ...]


def literal_key(lexical: str, datatype: str, language: str) -> Key:
    """Decimals by value: Turtle's shorthand writes "0" as 0.0, a different lexical form."""
    if datatype == str(XSD.decimal):
        lexical = format(Decimal(lexical).normalize(), "f")
    return ("literal", lexical, datatype, language)


def rdflib_key(term: Node) -> Key:
    if isinstance(term, Literal):
        datatype = str(term.datatype or (RDF.langString if term.language else XSD.string))
        return literal_key(str(term), datatype, term.language or "")
    if isinstance(term, URIRef):
        return ("iri", str(term))
    return ("other", repr(term))  # a blank node would be a bug: kg never mints them


def ox_key(term: object) -> Key:
    if isinstance(term, ox.Literal):
        return literal_key(term.value, term.datatype.value, term.language or "")
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    return ("other", repr(term))


def triples(graph: Graph) -> set[tuple[Key, ...]]:
    return {tuple(rdflib_key(t) for t in triple) for triple in graph}


def assert_turtle_round_trips(graph: Graph) -> str:
    """kg's Turtle of `graph` parses, with rdflib and with pyoxigraph, to the same triples."""
    text = turtle(graph)
    data = text.encode("utf-8")  # strict, as kg.graph.export.write_text writes it
    expected = triples(graph)
    assert ("other",) not in {k[:1] for t in expected for k in t}, "a blank node was minted"
    assert triples(Graph().parse(data=data, format="turtle")) == expected
    parsed = {(ox_key(q.subject), ox_key(q.predicate), ox_key(q.object))
              for q in ox.parse(data, format=ox.RdfFormat.TURTLE)}
    assert parsed == expected
    return text


def quads(dataset: Dataset) -> set[tuple[Key, ...]]:
    return {(("iri", str(g.identifier)), *(rdflib_key(t) for t in triple))
            for g in dataset.graphs() for triple in g
            if str(g.identifier) != "urn:x-rdflib:default"}


def assert_trig_round_trips(dataset: Dataset) -> str:
    """kg's TriG of `dataset` parses, with rdflib and with pyoxigraph, to the same quads."""
    text = trig(dataset)
    data = text.encode("utf-8")
    expected = quads(dataset)
    parsed = Dataset()
    parsed.parse(data=data, format="trig")
    assert quads(parsed) == expected
    ox_quads = {(ox_key(q.graph_name), ox_key(q.subject), ox_key(q.predicate), ox_key(q.object))
                for q in ox.parse(data, format=ox.RdfFormat.TRIG)}
    assert ox_quads == expected
    return text


def iris(keys: set[tuple[Key, ...]]) -> set[str]:
    return {k[1] for t in keys for k in t if k[0] == "iri"}


def assert_kg_iris_are_safe(keys: set[tuple[Key, ...]]) -> None:
    for iri in iris(keys):
        if iri.startswith(BASE):
            assert SAFE_TAIL.fullmatch(iri[len(BASE):]), iri


# --------------------------------------------------------------------------- IRIs


@PROPERTY
@given(kind=st.sampled_from(["person", "organization", "place", "article", "post"]),
       text=ANY_TEXT)
def test_minted_iri_is_safe(kind: str, text: str) -> None:
    iri = mint(BASE, kind, text)
    tail = iri[len(BASE):]
    assert iri.startswith(BASE)
    assert SAFE_TAIL.fullmatch(tail), tail
    assert tail.startswith(f"{kind}/") and tail.count("/") == 1  # text adds no path segment
    assert _is_valid_uri(iri)
    ox.NamedNode(str(iri))  # pyoxigraph validates IRIs strictly (RFC 3987)
    assert mint(BASE, kind, text) == iri, "minting must be deterministic"

    graph = Graph()
    graph.add((iri, RDF.type, SCHEMA.Thing))
    graph.add((iri, RDFS.label, _text(text)))
    assert_turtle_round_trips(graph)


@PROPERTY
@given(parts=st.lists(ANY_TEXT, min_size=1, max_size=4))
def test_minted_iri_has_one_segment_per_part(parts: list[str]) -> None:
    iri = mint(BASE, *parts)
    segments = iri[len(BASE):].split("/")
    assert len(segments) == len(parts)
    assert all(re.fullmatch(r"[a-z0-9-]+", s) and not s.startswith("-") for s in segments)


@PROPERTY
@given(text=ANY_TEXT)
def test_slug_is_readable_or_hashed(text: str) -> None:
    result = slug(text)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", result), result
    assert len(result) <= 60 + 11


def test_slug_keeps_readable_names() -> None:
    assert slug("Ellen Setiadi") == "ellen-setiadi"
    assert slug("KPU Provinsi Sumatera Selatan") == "kpu-provinsi-sumatera-selatan"
    assert slug("Bawaslu\u202e \"Jabar\" <x>") == "bawaslu-jabar-x"
    assert slug("") != slug("\u200f") and slug("").startswith("x-")


# --------------------------------------------------------------------------- literals


@PROPERTY
@given(value=ANY_TEXT)
def test_text_literal_round_trips(value: str) -> None:
    literal = _text(value)
    assert "\x00" not in literal and not SURROGATE.search(literal)
    if not SURROGATE.search(value):
        assert str(literal) == value.replace("\x00", ""), "only NULs may be dropped"

    node = mint(BASE, "person", value)
    graph = Graph()
    graph.add((node, RDF.type, SCHEMA.Person))
    graph.add((node, SCHEMA.name, literal))
    graph.add((node, RDFS.label, literal))
    graph.add((node, SCHEMA.alternateName, _text(value + '"')))  # ends in a quote
    assert_turtle_round_trips(graph)

    dataset = new_dataset()
    named = dataset.graph(mint(BASE, "article", value))
    for triple in graph:
        named.add(triple)
    assert_trig_round_trips(dataset)


# --------------------------------------------------------------------------- injection


def one_sentence_parse(text: str) -> Parse:
    """A Parse of `text` as one sentence of whitespace-separated tokens (NER all O)."""
    tokens = tuple(
        Token(m.group(), m.start(), m.end(), "O",
              (Word(n, m.group(), m.group(), "X", "_", 0, "root"),))
        for n, m in enumerate(re.finditer(r"\S+", text), start=1)
    )
    return Parse(text, (Sentence(0, text, 0, len(text), tokens),))


def article_with(payload: str) -> tuple[Dataset, URIRef]:
    """An article graph in which every text field kg writes holds `payload`."""
    text = f"Ketua KPU {payload} hadir di Jakarta pada 6 Oktober 2024."
    parse = one_sentence_parse(text)
    evidence = Evidence(0, len(text), 0, RULE, 0.8)
    person_id, org_id, place_id = (f"{kind}/{slug(payload)}"
                                   for kind in ("person", "organization", "place"))
    mention = Mention("person", payload, payload, "", payload, evidence)
    entities = [
        Entity(person_id, "person", payload, "", aliases=[payload + "'"], mentions=[mention]),
        Entity(org_id, "organization", payload, "election_body", mentions=[mention],
               region=payload),
        Entity(place_id, "place", payload, "city", mentions=[mention],
               located_in=payload + "!"),
    ]
    extraction = Extraction(
        entities=entities,
        holdings=[Holding(person_id, payload, payload, org_id, place_id, evidence)],
        events=[Event(payload, "debate", evidence, date="2024-10-06", date_text=payload,
                      place=place_id, participants=[person_id, org_id])],
        quotes=[Quote(payload, person_id, evidence)],
        figures=[Figure(payload, Decimal("12.5"), payload, payload, evidence)],
    )
    article = Article(id=slug(payload), text=text, path=Path("x.txt"), title=payload,
                      source=payload, date=dt.date(2024, 10, 6), publisher=payload)
    dataset = new_dataset()
    iri = add_article(dataset, article, parse, extraction)
    return dataset, iri


def assert_no_injection(payload: str) -> None:
    dataset, iri = article_with(payload)
    graph = dataset.graph(iri)
    before = triples(graph)
    assert_turtle_round_trips(graph)  # what both parsers read back is exactly what kg meant
    assert_trig_round_trips(dataset)
    assert not any(i.startswith("http://evil") or i in ("a", "b", "c") for i in iris(before))
    assert_kg_iris_are_safe(before)
    clean = str(_text(payload))
    literals = {k[1] for t in before for k in t if k[0] == "literal"}
    assert clean in literals, "the payload must survive as a literal"


@pytest.mark.parametrize("payload", INJECTIONS)
def test_no_triple_injection(payload: str) -> None:
    assert_no_injection(payload)


@HEAVY
@given(payload=st.lists(st.sampled_from(NASTY_PIECES + INJECTIONS), min_size=1, max_size=8)
       .map("".join))
def test_no_triple_injection_property(payload: str) -> None:
    assert_no_injection(payload)


# --------------------------------------------------------------------------- whole articles

NO_SPACE_CHAR = st.one_of(ANY_CHAR, st.sampled_from(NASTY_PIECES)).filter(
    lambda c: not any(ch.isspace() for ch in c))
WORDS = ["Ketua", "KPU", "Bawaslu", "Provinsi", "Jawa", "Barat", "Gubernur", "Sumsel", "kata",
         "ujar", "di", "pada", "Jakarta", "Pilkada", "2024", "debat", "pertama", "6", "Oktober",
         "1.205", "suara", "persen", '"', "“", "”", ",", ".", "(", ")", "Ellen", "Setiadi"]
TOKEN_TEXT = st.one_of(st.sampled_from(WORDS),
                       st.lists(NO_SPACE_CHAR, min_size=1, max_size=8).map("".join))
CHUNK = st.tuples(st.sampled_from([None, None, "PERSON", "ORGANIZATION", "PLACE"]),
                  st.lists(TOKEN_TEXT, min_size=1, max_size=3))
SENTENCES = st.lists(st.lists(CHUNK, min_size=1, max_size=6), min_size=1, max_size=3)


def ner_tags(kind: str | None, n: int) -> list[str]:
    if kind is None:
        return ["O"] * n
    if n == 1:
        return [f"S-{kind}"]
    return [f"B-{kind}", *[f"I-{kind}"] * (n - 2), f"E-{kind}"]


def parse_of(sentences: list[list[tuple[str | None, list[str]]]]) -> Parse:
    """A Parse with consistent BIOES tags from chunks of token texts, tokens joined by spaces."""
    text, built = "", []
    for index, chunks in enumerate(sentences):
        tokens: list[Token] = []
        for kind, texts in chunks:
            for tag, token_text in zip(ner_tags(kind, len(texts)), texts, strict=True):
                start = len(text) + (1 if text else 0)
                text = f"{text} {token_text}" if text else token_text
                word = Word(len(tokens) + 1, token_text, token_text.lower(), "PROPN", "_",
                            0 if not tokens else 1, "root" if not tokens else "flat")
                tokens.append(Token(token_text, start, len(text), tag, (word,)))
        first, last = tokens[0].start, tokens[-1].end
        built.append(Sentence(index, text[first:last], first, last, tuple(tokens)))
    return Parse(text, tuple(built))


@HEAVY
@given(sentences=SENTENCES, title=ANY_TEXT, publisher=ANY_TEXT, source=ANY_TEXT)
def test_any_article_graph_round_trips(
    sentences: list[list[tuple[str | None, list[str]]]], title: str, publisher: str, source: str
) -> None:
    parse = parse_of(sentences)
    article = Article(id=slug(title), text=parse.text, path=Path("x.txt"),
                      title=title or None, publisher=publisher or None, source=source or None,
                      date=dt.date(2024, 10, 6))
    extraction = extract(parse, article.date)
    dataset = new_dataset()
    iri = add_article(dataset, article, parse, extraction)
    graph = dataset.graph(iri)
    assert_turtle_round_trips(graph)
    assert_trig_round_trips(dataset)
    assert_kg_iris_are_safe(triples(graph))


@PROPERTY
@given(sentences=SENTENCES)
def test_conllu_round_trip(sentences: list[list[tuple[str | None, list[str]]]]) -> None:
    """The parse cache format keeps every token, offset and NER tag (surrogates never reach it:
    ingestion replaces them)."""
    parse = parse_of(sentences)
    if SURROGATE.search(parse.text):
        return
    assert from_conllu(to_conllu(parse), text=parse.text) == parse
    assert from_conllu(to_conllu(parse)) == parse
