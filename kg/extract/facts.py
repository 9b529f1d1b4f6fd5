"""What kg extracts from one article, before it becomes RDF.

Every mention and fact carries its evidence: the character span in the article, the
sentence it came from, the method that produced it and a confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

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
    variant: str | None = None  # ordinal ("kedua") or, for elections, "national", "regional" or "regional <level>"
    mentions: list[Evidence] = field(default_factory=list)


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str | None  # entity id
    evidence: Evidence


@dataclass(frozen=True)
class Figure:
    value: str  # as written: "1.205", "50,07", "tiga"
    number: Decimal
    unit: str  # "orang", "persen", ""
    what: str  # what it counts, from the words around it
    evidence: Evidence


@dataclass(frozen=True)
class Contest:
    """A race: the head office of the ticket, the region it is for, the election as the text names it."""

    office: str  # FORMAT.md code of the head office: gubernur, bupati, wali kota, presiden
    region: str | None  # place name (the article may name it only in its title)
    label: str | None  # "Pilgub Jabar 2024", "Pilkada 2024"
    year: str | None


@dataclass
class Candidacy:
    """A person runs for an office in a contest, maybe with a running mate, ballot number, parties."""

    person: str  # entity id
    office: str  # FORMAT.md office code: gubernur, wakil gubernur, ...
    contest: Contest
    ballot_number: str | None
    running_mate: str | None  # entity id
    parties: list[str]  # entity ids of the nominating parties
    status: str | None  # registered | eligible | not_eligible | elected | None (a candidate)
    sole: bool  # calon tunggal: runs against the empty box
    evidence: Evidence


EMPTY_BOX = "kotak-kosong"  # Result.candidate of the empty box a sole ticket runs against


@dataclass(frozen=True)
class Result:
    """Votes, a share or seats reported for a candidate (head of the ticket) or a party."""

    candidate: str  # entity id of the head of the ticket, or of the party; or EMPTY_BOX
    votes: str | None  # as written: "119.643"
    percent: str | None  # "44", "50,07"
    seats: str | None
    scope: str | None  # where the count applies, as the text says it
    stage: str | None  # quick_count | real_count | recapitulation | determination
    level: str | None  # of a recapitulation: kecamatan, kabupaten, provinsi, nasional ...
    source: str | None  # who reported it: the survey institute, as written
    contest: Contest | None
    evidence: Evidence


@dataclass(frozen=True)
class CourtCase:
    """A dispute before a court: "perkara nomor 02/PHPU.BUP-XXIII/2025", its ruling and orders."""

    number: str
    court: str | None  # entity id
    ruling: str | None  # granted | partly_granted | rejected | not_admissible
    orders: tuple[str, ...]  # revote (pemungutan suara ulang) | recount | disqualification
    petitioner: str | None  # entity id: the head of the ticket that brought the case
    date: str | None  # ISO date of the ruling, when its sentence gives one
    evidence: Evidence
    respondent: str | None = None  # entity id: the body the petition is against (termohon), as the text names it


@dataclass
class Extraction:
    entities: list[Entity]
    holdings: list[Holding]
    events: list[Event]
    quotes: list[Quote]
    figures: list[Figure]
    candidacies: list[Candidacy] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    cases: list[CourtCase] = field(default_factory=list)
    contest: Contest | None = None  # the race the article is about, when it names its office

    def entity(self, entity_id: str) -> Entity:
        return next(e for e in self.entities if e.id == entity_id)
