"""What kg extracts from one article, before it becomes RDF.

Every mention and fact carries its evidence: the character span in the article, the
sentence it came from, the method that produced it and a confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MODEL, LEXICON, RULE = "model", "lexicon", "rule"


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    sentence: int
    method: str
    confidence: float


@dataclass(frozen=True)
class Mention:
    """A span naming a person, organization or place."""

    kind: str  # person | organization | place
    text: str  # as written
    name: str  # cleaned: honorifics stripped, whitespace squeezed
    code: str  # summary type code: election_body, city, ... ("" for persons)
    key: str  # identity within the article: institution key + region, place name, person name
    evidence: Evidence
    full_name: str = ""  # a fuller name the lexicon knows (Komisi Pemilihan Umum Provinsi ...)
    region: str = ""  # place name a regional institution or post belongs to
    located_in: str = ""  # the place this one lies in: a city's province, a venue's city


@dataclass
class Entity:
    """One real person, organization or place of the article: its mentions, merged."""

    id: str
    kind: str
    name: str
    code: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    region: str = ""
    located_in: str = ""

    @property
    def evidence(self) -> Evidence:
        return self.mentions[0].evidence


@dataclass(frozen=True)
class Holding:
    """A person holds a post ("Plt Gubernur Sumsel"), in an organization, for a region."""

    person: str  # entity id
    label: str  # the role as written, without the name
    title: str  # canonical post title (Pelaksana Tugas Gubernur)
    org: str | None  # entity id
    region: str | None  # entity id of the place
    evidence: Evidence


@dataclass
class Event:
    label: str
    code: str
    evidence: Evidence
    date: str | None = None  # ISO date
    date_text: str | None = None
    place: str | None = None  # entity id
    participants: list[str] = field(default_factory=list)  # entity ids
    variant: str | None = None  # ordinal ("kedua") or, for elections, "national" | "regional"
    mentions: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None  # entity id
    evidence: Evidence


@dataclass(frozen=True)
class Figure:
    value: str  # as written: "1.205", "50,07", "tiga"
    number: float
    unit: str  # "orang", "persen", ""
    what: str  # what it counts, from the words around it
    evidence: Evidence


@dataclass
class Extraction:
    entities: list[Entity]
    holdings: list[Holding]
    events: list[Event]
    quotes: list[Quote]
    figures: list[Figure]

    def entity(self, entity_id: str) -> Entity:
        return next(e for e in self.entities if e.id == entity_id)
