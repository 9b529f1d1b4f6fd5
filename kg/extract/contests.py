"""The race a candidate runs in: office + region + election, as Indonesian news names it.

A race is written as a contest name ("Pilgub Jabar 2024", "Pilbup Sleman", "Pilwalkot
Semarang", "Pemilihan Gubernur Jawa Barat", "Pilkada Kota Semarang tahun 2024") or as an
office phrase ("calon bupati Sleman", "cagub", "Bupati dan Wakil Bupati Kabupaten X").
When the sentence of a candidacy does not say it, the article does: its title, its other
sentences, and, last, the level of its regional election body (KPU Kabupaten X runs the
regent's race).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg.extract import lexicon
from kg.extract.facts import Contest, Entity
from kg.extract.places import choose_place


@dataclass(frozen=True)
class Office:
    name: str  # FORMAT.md office code of the head of the ticket: gubernur, bupati, ...
    level: str  # place type of its region: province, regency, city, country
    words: tuple[str, ...]  # the office as written ("wali kota", "walikota")
    candidate: tuple[str, ...]  # one-word candidate forms: cagub, bacagub
    deputy: tuple[str, ...]  # one-word running-mate forms: cawagub, wagub
    contest: tuple[str, ...]  # one-word contest names: pilgub


OFFICES = (
    Office("gubernur", "province", ("gubernur",), ("cagub", "bacagub"), ("cawagub", "bacawagub", "wagub"),
           ("pilgub",)),
    Office("bupati", "regency", ("bupati",), ("cabup", "bacabup"), ("cawabup", "bacawabup", "wabup"),
           ("pilbup",)),
    Office("wali kota", "city", ("wali kota", "walikota"), ("cawalkot", "bacawalkot", "cawali"),
           ("cawawalkot", "bacawawalkot", "cawawali", "wawalkot", "wawali"), ("pilwalkot", "pilwakot", "pilkot")),
    Office("presiden", "country", ("presiden",), ("capres", "bacapres"), ("cawapres", "bacawapres", "wapres"),
           ("pilpres",)),
)
BY_LEVEL = {o.level: o for o in OFFICES}
BY_NAME = {o.name: o for o in OFFICES}


def _alt(forms: list[str]) -> str:
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))


OFFICE_WORD = _alt([w for o in OFFICES for w in o.words])
SHORT_FORMS = _alt([f for o in OFFICES for f in (*o.candidate, *o.deputy, *o.contest)])
# One-word candidate forms, head or running mate (cagub, bacawagub), not a sitting deputy (wagub).
CANDIDATE_FORMS = _alt([f for o in OFFICES for f in (*o.candidate, *o.deputy) if f.startswith(("ca", "baca"))])
DEPUTY_CANDIDATE_FORMS = _alt([f for o in OFFICES for f in o.deputy if f.startswith(("ca", "baca"))])  # cawagub
# "calon wakil bupati", "wakil gubernur", "cawagub", "Bupati": an office as a candidacy names it.
OFFICE_RE = re.compile(
    r"(?<!\w)(?:(?P<deputy>wakil)\s+(?P<dword>" + OFFICE_WORD + r")|(?P<word>" + OFFICE_WORD + r")"
    r"|(?P<short>" + SHORT_FORMS + r"))(?!\w)", re.I)  # "capres-cawapres": a hyphen may follow
OFFICE_PATTERN = r"(?:(?:wakil\s+)?(?:" + OFFICE_WORD + r")|" + SHORT_FORMS + r")(?!\w)"  # no groups
CONTEST_RE = re.compile(
    r"(?<![\w-])(?:Pil(?:gub|bup|walkot|wakot|kot|pres|kada|leg)|Pemilu|PSU|Pemungutan Suara Ulang"
    r"|Pemilihan\s+(?:Umum|Kepala\s+Daerah|(?:" + OFFICE_WORD + r")(?:\s+dan\s+Wakil\s+(?:" + OFFICE_WORD + r"))?))"
    r"(?:\s*\((?:Pil\w+|Pemilu|PSU)\))?(?:\s+(?:Serentak|Nasional|Susulan|Lanjutan|Ulang))*", re.I)
YEAR_AFTER = re.compile(r"\s*(?:tahun\s+)?((?:19|20)\d\d)(?![\d/])", re.I)


def office_in(text: str) -> tuple[Office, bool] | None:
    """The first office a phrase names, and whether it is the deputy's: "calon wakil bupati" -> bupati, True."""
    m = OFFICE_RE.search(text)
    if not m:
        return None
    if m.group("dword"):
        return _office_of(m.group("dword")), True
    if m.group("word"):
        return _office_of(m.group("word")), False
    short = m.group("short").lower()
    for o in OFFICES:
        if short in o.deputy:
            return o, True
        if short in o.candidate or short in o.contest:
            return o, False
    return None  # pragma: no cover - the regex only matches listed forms


def _office_of(word: str) -> Office:
    key = " ".join(word.lower().split())
    return next(o for o in OFFICES if key in o.words)


PlaceSpan = tuple[int, int, str, str]  # start, end, place name, place type (province, regency, city, ...)


def place_spans(entities: list[Entity]) -> list[PlaceSpan]:
    return sorted((m.evidence.start, m.evidence.end, e.name, e.code) for e in entities if e.kind == "place"
                  for m in e.mentions)


def lexicon_places(text: str) -> list[PlaceSpan]:
    """Places of a text that has no mentions of its own (the title), straight from the lexicon."""
    out = []
    for m in lexicon.place_regex().finditer(text):
        place = choose_place(lexicon.place_forms()[lexicon.lookup_key(m.group(1))])
        out.append((m.start(), m.end(), place.name, place.type))
    return out


@dataclass(frozen=True)
class ContestMention:
    """A race as written: "Pilgub Jabar 2024" -> gubernur, Jawa Barat, 2024."""

    label: str
    office: str | None
    region: str | None  # place name
    year: str | None
    start: int
    end: int


def find_contests(text: str, places: list[PlaceSpan], blocked: list[tuple[int, int]] = ()) -> list[ContestMention]:
    """Contest names in ``text``; ``blocked`` are the institutions ("Komisi Pemilihan Umum" names no contest)."""
    out = []
    for m in CONTEST_RE.finditer(text):
        if any(a <= m.start() < b for a, b in blocked):
            continue
        end, region = m.end(), None
        after = _place_at(text, end, places)
        if after:
            end, region = after[0], after[1]
        year = YEAR_AFTER.match(text, end)
        if year:
            end = year.end()
        found = office_in(m.group(0))
        office = found[0].name if found else None
        if office is None and region is not None and region[1] in BY_LEVEL and region[1] != "country":
            office = BY_LEVEL[region[1]].name
        if office and region and region[1] != BY_NAME[office].level:  # Pilwalkot Yogyakarta: the city
            region = _at_level(text[after[2]:after[0]], BY_NAME[office].level) or region
        out.append(ContestMention(" ".join(text[m.start():end].split()), office, region[0] if region else None,
                                  year.group(1) if year else None, m.start(), end))
    return out


LEVEL_PREFIX = re.compile(r"\s+(?:(?:Provinsi|Kabupaten|Kab\.|Kota)\s+)?", re.I)


def _place_at(text: str, pos: int, places: list[PlaceSpan]) -> tuple[int, tuple[str, str], int] | None:
    """A place mention right after ``pos`` ("Pilbup [Kabupaten] Sleman"): (its end, (name, type), its start)."""
    gap = LEVEL_PREFIX.match(text, pos)
    if not gap:
        return None
    for start, end, place, code in places:
        if pos < start <= gap.end():
            return end, (place, code), start
    return None


def _at_level(written: str, level: str) -> tuple[str, str] | None:
    """The place of ``level`` a written name may also be ("Yogyakarta": the city, not the province)."""
    written = re.sub(r"^(?:Provinsi|Kabupaten|Kab\.|Kota)\s+", "", written.strip(), flags=re.I)
    known = lexicon.place_forms().get(lexicon.lookup_key(written), ())
    return next(((p.name, p.type) for p in known if p.type == level), None)


MORE_OFFICES = re.compile(r"(?:\s+(?:dan\s+)?(?:wakil\s+)?(?:" + OFFICE_WORD + r"))*", re.I)  # "… dan Wakil Bupati"


def region_after_office(text: str, pos: int, places: list[PlaceSpan], window: int = 40,
                        level: str | None = None) -> tuple[str, str] | None:
    """The place right after an office phrase: "calon Bupati [dan Wakil Bupati] Sleman" -> (name, type),
    of ``level`` when the name is also another place's ("calon wali kota Yogyakarta": the city)."""
    at = _place_at(text, MORE_OFFICES.match(text, pos).end(), places)
    if not at or at[0] - pos > window:
        return None
    return (_at_level(text[at[2]:at[0]], level) if level and at[1][1] != level else None) or at[1]


@dataclass(frozen=True)
class ArticleContest:
    """The race the article is about, as far as the article says: each part may be unknown."""

    office: str | None
    region: str | None  # place name
    label: str | None
    year: str | None


def article_contest(text: str, written: list[ContestMention], title: str | None,
                    entities: list[Entity]) -> ArticleContest:
    """The office, region and contest name most of the article's race words point to (the title counts twice);
    ``written`` are the contest names of the text (``find_contests``)."""
    texts = [(text, place_spans(entities), written, 1)]
    if title:
        title_places = lexicon_places(title)
        texts.append((title, title_places, find_contests(title, title_places), 2))
    mentions: list[ContestMention] = []
    offices: Counter[str] = Counter()
    regions: list[tuple[str, str]] = []
    for words, spans, found_here, weight in texts:
        mentions += found_here
        for m in found_here:
            if m.office:
                offices[m.office] += weight
        for m in OFFICE_RE.finditer(words):
            cue = re.search(r"(?:calon|paslon|cagub|cabup|cawalkot|pasangan calon|bakal calon)\s+$",
                            words[max(0, m.start() - 20):m.start()], re.I)
            office = office_in(m.group(0))
            if office and (cue or m.group("short") or weight == 2) and office[0].name != "presiden":
                offices[office[0].name] += weight
            near = region_after_office(words, m.end(), spans)
            if near:
                regions.append(near)
    body = _regional_election_body(entities)
    office = offices.most_common(1)[0][0] if offices else None
    if office is None and body is not None and body[1] in BY_LEVEL:
        office = BY_LEVEL[body[1]].name
    region = None
    if office:
        level = BY_NAME[office].level
        named = [(m.region, m.office) for m in mentions if m.region and m.office == office]
        region = named[0][0] if named else next((n for n, code in regions if code == level), None)
        if region is None and body is not None and body[1] == level:
            region = body[0]
    label = max((m for m in mentions if m.office in (office, None)),
                key=lambda m: (m.year is not None, m.label[:3].lower() == "pil", len(m.label)), default=None)
    year = next((m.year for m in mentions if m.year), None)
    return ArticleContest(office, region, label.label if label else None, year)


def _regional_election_body(entities: list[Entity]) -> tuple[str, str] | None:
    """(name, type) of the place of the lowest-level election body the article names (KPU Kabupaten X -> X)."""
    rank = {"city": 0, "regency": 0, "province": 1}
    bodies = []
    for e in entities:
        if e.kind == "organization" and e.code == "election_body" and e.region:
            code = _region_type(e.region)
            if code in rank:
                bodies.append((e.region, code))
    return min(bodies, key=lambda p: rank[p[1]]) if bodies else None


def _region_type(region: str) -> str:
    """The place type of an institution's region, a lexicon place name ("" if the lexicon lacks it)."""
    return next((p.type for p in lexicon.place_forms().get(lexicon.lookup_key(region), ()) if p.name == region), "")


LEGISLATURE_LEVEL = {"province": "dprd provinsi", "regency": "dprd kabupaten/kota", "city": "dprd kabupaten/kota"}


def legislature(entities: list[Entity], year: str | None) -> Contest:
    """The legislative race the article's party figures belong to: the DPRD it
    names (DPRD Kota Semarang -> dprd kabupaten/kota, Semarang), else the DPR."""
    for e in entities:
        if e.kind == "organization" and e.region and any(m.key.startswith("dprd@") for m in e.mentions):
            code = _region_type(e.region)
            if code in LEGISLATURE_LEVEL:
                return Contest(LEGISLATURE_LEVEL[code], e.region, None, year)
    return Contest("dpr", None, None, year)


@dataclass(frozen=True)
class Race:
    """A race named for a stretch of the text: a contest name holds to its sentence's end, a court
    case's number (PHPU.BUP) over the sentences read for the case."""

    start: int
    end: int
    office: str | None
    region: str | None
    label: str | None
    year: str | None


def local_races(written: list[ContestMention], sentences: list[tuple[int, int]],
                cases: list[tuple[tuple[int, int], str | None]]) -> list[Race]:
    """Races named in the text (``written``, from ``find_contests``), for articles about several
    ("Di Pilbup A …, sementara di Pilwalkot B …")."""
    out = [Race(a, b, office, None, None, None) for (a, b), office in cases if office]
    for m in written:
        end = next((b for a, b in sentences if a <= m.start < b), m.end)
        out.append(Race(m.start, end, m.office, m.region, m.label, m.year))
    return sorted(out, key=lambda r: r.start)
