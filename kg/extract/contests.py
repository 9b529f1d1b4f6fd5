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

from kg.extract.facts import Entity


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
# "calon wakil bupati", "wakil gubernur", "cawagub", "Bupati": an office as a candidacy names it.
OFFICE_RE = re.compile(
    r"(?<![\w-])(?:(?P<deputy>wakil)\s+(?P<dword>" + OFFICE_WORD + r")|(?P<word>" + OFFICE_WORD + r")"
    r"|(?P<short>" + SHORT_FORMS + r"))(?![\w-])", re.I)
OFFICE_PATTERN = r"(?:(?:wakil\s+)?(?:" + OFFICE_WORD + r")|" + SHORT_FORMS + r")(?![\w-])"  # no groups
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


@dataclass(frozen=True)
class ContestMention:
    """A race as written: "Pilgub Jabar 2024" -> gubernur, Jawa Barat, 2024."""

    label: str
    office: str | None
    region: str | None  # place entity name
    year: str | None
    start: int
    end: int


def find_contests(text: str, places: list[tuple[int, int, Entity]],
                  blocked: list[tuple[int, int]] = ()) -> list[ContestMention]:
    """Contest names in ``text``; ``places`` are (start, end, place entity) of the place mentions,
    ``blocked`` the institutions ("Komisi Pemilihan Umum" names no contest)."""
    out = []
    for m in CONTEST_RE.finditer(text):
        if any(a <= m.start() < b for a, b in blocked):
            continue
        end = m.end()
        region = None
        after = _place_at(text, end, places)
        if after:
            end, region = after[0], after[1]
        year = YEAR_AFTER.match(text, end)
        if year:
            end = year.end()
        found = office_in(m.group(0))
        office = found[0].name if found else None
        if office is None and region is not None:
            office = BY_LEVEL[region.code].name if region.code in BY_LEVEL and region.code != "country" else None
        out.append(ContestMention(" ".join(text[m.start():end].split()), office,
                                  region.name if region else None, year.group(1) if year else None,
                                  m.start(), end))
    return out


LEVEL_PREFIX = re.compile(r"\s+(?:(?:Provinsi|Kabupaten|Kab\.|Kota)\s+)?", re.I)


def _place_at(text: str, pos: int, places: list[tuple[int, int, Entity]]) -> tuple[int, Entity] | None:
    """A place mention starting right after ``pos`` ("Pilbup [Kabupaten] Sleman")."""
    gap = LEVEL_PREFIX.match(text, pos)
    if not gap:
        return None
    for start, end, place in places:
        if start in (pos + 1, gap.end()) or (pos < start <= gap.end()):
            return end, place
    return None


def region_after_office(text: str, pos: int, places: list[tuple[int, int, Entity]],
                        window: int = 40) -> Entity | None:
    """The place right after an office phrase: "calon Bupati [dan Wakil Bupati] Sleman"."""
    skip = re.compile(r"(?:\s+(?:dan\s+)?(?:wakil\s+)?(?:" + OFFICE_WORD + r"))*", re.I).match(text, pos)
    at = _place_at(text, skip.end() if skip else pos, places)
    return at[1] if at and at[0] - pos <= window else None


@dataclass(frozen=True)
class ArticleContest:
    """The race the article is about, as far as the article says: each part may be unknown."""

    office: str | None
    region: Entity | None
    label: str | None
    year: str | None


def article_contest(text: str, title: str | None, entities: list[Entity],
                    places: list[tuple[int, int, Entity]]) -> ArticleContest:
    """The office, region and contest name most of the article's race words point to."""
    orgs = [(m.evidence.start, m.evidence.end) for e in entities if e.kind == "organization" for m in e.mentions]
    mentions = find_contests(text, places, orgs)
    offices: Counter[str] = Counter(m.office for m in mentions if m.office)
    if title:
        found = office_in(title)
        if found and found[0].name != "presiden":
            offices[found[0].name] += 2
    for m in re.finditer(r"(?<![\w-])(?:calon|paslon|pasangan calon|bakal calon)\s+", text, re.I):
        found = OFFICE_RE.match(text, m.end())
        if found:
            office = office_in(found.group(0))
            if office:
                offices[office[0].name] += 1
    body = _regional_election_body(entities)
    office = offices.most_common(1)[0][0] if offices else None
    if office is None and body is not None and body.code in BY_LEVEL:
        office = BY_LEVEL[body.code].name
    region = None
    if office:
        level = BY_NAME[office].level
        named = [m.region for m in mentions if m.region and m.office == office]
        by_name = {e.name: e for e in entities if e.kind == "place"}
        region = next((by_name[n] for n in named if n in by_name), None)
        if region is None:
            for m in OFFICE_RE.finditer(text):
                after = region_after_office(text, m.end(), places)
                if after is not None and after.code == level:
                    region = after
                    break
        if region is None and body is not None and body.code == level:
            region = body
    label = max((m for m in mentions if m.office in (office, None)),
                key=lambda m: (m.year is not None, m.label[:3].lower() == "pil", len(m.label)), default=None)
    year = next((m.year for m in mentions if m.year), None)
    return ArticleContest(office, region, label.label if label else None, year)


def _regional_election_body(entities: list[Entity]) -> Entity | None:
    """The place of the lowest-level election body the article names (KPU Kabupaten X -> X)."""
    places = {e.name: e for e in entities if e.kind == "place"}
    rank = {"city": 0, "regency": 0, "province": 1}
    bodies = [places[e.region] for e in entities
              if e.kind == "organization" and e.code == "election_body" and e.region in places]
    bodies = [p for p in bodies if p.code in rank]
    return min(bodies, key=lambda p: rank[p.code]) if bodies else None
