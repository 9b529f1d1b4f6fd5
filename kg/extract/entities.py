"""Merge mentions into the entities of one article (within-article coreference).

- organizations: one entity per institution and region; a bare "KPU" joins the article's
  regional KPU (the only one, or the one named most); an acronym defined in brackets joins its full name;
- places: one entity per lexicon place, venues by name, "(JSC)" joins its full name, "Lapangan Merdeka" joins
  "Lapangan Merdeka Balikpapan";
- persons: "Wulan" joins the last-named "Wulan Prameswari"; titles stay out of names.
Entities of different kinds are never merged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from kg.extract import lexicon
from kg.extract.facts import LEXICON, Entity, Mention
from kg.extract.mentions import NATIONAL
from kg.names import PAREN_ACRONYM, slug


def _own_regional(mentions: list[Mention]) -> dict[str, str]:
    """Each body's own regional key: the only one named, or the one named most (first on a tie; "gudang
    logistik KPU" beside "KPU Kabupaten X", named throughout, and "KPU Provinsi Y", named once)."""
    named: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.kind == "organization" and "@" in m.key:
            named.setdefault(m.key.split("@")[0], Counter())[m.key] += 1
    return {base: keys.most_common(1)[0][0] for base, keys in named.items()}  # ties: the first named


def _org_group(m: Mention, own_regional: dict[str, str]) -> str:
    """A bare "KPU" is the article's own regional KPU; "KPU RI" (``#national``) is the bare "KPU" unless the
    article names a regional one."""
    base, national = m.key.split("@")[0].removesuffix(NATIONAL), m.key.endswith(NATIONAL)
    if national:
        return m.key if base in own_regional else base
    if "@" not in m.key and base in own_regional:
        return own_regional[base]
    return m.key


def _name_words(name: str) -> frozenset[str]:
    """"Muh Rizal 'Ical' Tamrin" -> {muh, rizal, ical, tamrin}."""
    return frozenset(re.sub(r"[^\w\s-]", " ", name.lower()).split())


def _truncates(short: str, name: str) -> bool:
    """"Rina" for "Rinawati Kusuma": a nickname cut from the first name (4 letters or more)."""
    first = name.split()[0]
    return len(short) >= 4 and first != short and first.startswith(short)


FullName = tuple[int, str, frozenset[str]]  # start, lower-cased name, its words


def _by_word(full_names: list[FullName]) -> dict[str, list[int]]:
    """For each word, the full names (their places in the list, in order) holding it."""
    index: dict[str, list[int]] = {}
    for i, (_, _, words) in enumerate(full_names):
        for w in words:
            index.setdefault(w, []).append(i)
    return index


def _person_group(m: Mention, full_names: list[FullName], by_word: dict[str, list[int]]) -> str:
    """A short name ("Wulan", "Yusuf Hendra") joins the closest earlier full name containing its
    words, and that one the fullest; a lone first-name cut ("Rina") joins its only full name."""
    def containing(words: frozenset[str], before: int | None) -> list[str]:
        pool = by_word.get(min(words), []) if words else range(len(full_names))  # those holding one of its words
        found = [name for start, name, name_words in (full_names[i] for i in pool)
                 if words < name_words and (before is None or start <= before)]
        return found or ([] if before is None else containing(words, None))

    key = m.name.lower()
    seen = {key}
    while candidates := containing(_name_words(key), m.evidence.start):
        key = candidates[-1]
        if key in seen:
            break
        seen.add(key)
    if key == m.name.lower() and len(key.split()) == 1:
        cut = {name for _, name, _ in full_names if _truncates(key, name)}
        key = cut.pop() if len(cut) == 1 else key
    return key


ALIAS_LINK = re.compile(r"\s*,?\s+(?:alias|(?:atau\s+)?(?:yang\s+)?(?:akrab|biasa|karib)\s+(?:disapa|dipanggil|"
                        r"disebut))\s+$|\s*\(\s*$")  # … or initials in brackets: "Rizal Kurnia Nasution (RKN)"


def alias_links(text: str, mentions: list[Mention]) -> dict[int, int]:
    """"Bimasena Hartawan alias Bimo", "X yang akrab disapa Y", "X (XY)": Y's start -> X's start."""
    persons = sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.evidence.start)
    return {b.evidence.start: a.evidence.start for a, b in zip(persons, persons[1:], strict=False)
            if ALIAS_LINK.match(text[a.evidence.end:b.evidence.start])}


def acronym_links(text: str, mentions: Iterable[Mention]) -> dict[str, str]:
    """Written name -> the group it joins: 'Jakabaring Sport City (JSC)' -> {'jsc': key of Jakabaring Sport
    City}. When the lexicon knows the acronym and only the model found the long name ("Badan Pengawas Pemilu
    (Bawaslu) RI"), both join the lexicon's body, as every later "Bawaslu RI" does. A news outlet in brackets
    is who reports, not another name ("SURABAYA (ANTARA) -")."""
    mentions = list(mentions)
    outlets = {m.evidence.start for m in mentions if m.code == "media"}
    known = {m.evidence.start: m.key for m in mentions if m.kind == "organization" and m.evidence.method == LEXICON}
    links = {}
    for m in mentions:
        paren = PAREN_ACRONYM.match(text, m.evidence.end)
        if not paren or m.kind == "person" or paren.start(1) in outlets:
            continue
        inside = known.get(paren.start(1)) if m.kind == "organization" and m.evidence.method != LEXICON else None
        links[paren.group(1).lower()] = inside or m.key
        if inside:
            links[m.name.lower()] = inside
    return links


def _acronym_as_written(text: str, acronym: str) -> str | None:
    """The bracketed acronym as the text writes it; None for a long name ``acronym_links`` redirects."""
    found = re.search(r"\(\s*(" + re.escape(acronym) + r")\s*\)", text, re.IGNORECASE)
    return found.group(1) if found else None


def venue_links(mentions: list[Mention]) -> dict[str, str]:
    """"Lapangan Merdeka" after "Lapangan Merdeka Balikpapan": a venue named again without the city or regency
    that ends its name is the same venue (its key -> the full name's key)."""
    venues = {m.key for m in mentions if m.kind == "place" and m.code == "venue"}
    return {short: full for short in venues for full in venues
            if full.startswith(short + " ") and full[len(short) + 1:] in lexicon.place_forms()}


def _name_of(kind: str, mentions: list[Mention]) -> str:
    """The fullest name: a lexicon full name for regional bodies, else the longest written form."""
    if kind == "place":
        return max((m.full_name or m.name for m in mentions), key=len)
    if kind == "organization":
        written = max((m.name for m in mentions), key=lambda n: (len(n.split()), len(n)))
        full = max((m.full_name for m in mentions), key=len)
        return full if len(full.split()) > len(written.split()) else written
    return max((m.name for m in mentions), key=lambda n: (len(n.split()), len(n)))


def resolve(text: str, mentions: list[Mention]) -> list[Entity]:
    """Entities in order of first mention, each with all its mentions and written aliases."""
    regional = _own_regional(mentions)
    links = acronym_links(text, mentions)
    full_names = [(m.evidence.start, m.name.lower(), _name_words(m.name.lower())) for m in mentions
                  if m.kind == "person" and len(m.name.split()) > 1]
    by_word = _by_word(full_names)
    aliased = alias_links(text, mentions)
    venues = venue_links(mentions)
    person_keys: dict[int, str] = {}  # mention start -> group
    redirect: dict[str, str] = {}  # an alias's own group -> the group of the name it is an alias of
    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        if m.kind == "organization":
            key = _org_group(m, regional)
        elif m.kind == "person":
            own = _person_group(m, full_names, by_word)
            key = person_keys.get(aliased.get(m.evidence.start, -1)) or redirect.get(own, own)
            person_keys[m.evidence.start] = redirect[own] = key
        else:
            key = venues.get(m.key, m.key)
        key = links.get(m.name.lower(), key) if m.kind != "person" else key
        groups.setdefault((m.kind, key), []).append(m)
    acronyms: dict[str, set[str]] = {}
    for acronym, key in links.items():
        if written := _acronym_as_written(text, acronym):
            acronyms.setdefault(key, set()).add(written)
    entities = []
    used: set[str] = set()
    for (kind, key), group in groups.items():
        name = _name_of(kind, group)
        code = next((m.code for m in group if m.evidence.method == "lexicon"), group[0].code)
        entity_id = f"{kind}/{slug(name)}"
        while entity_id in used:
            entity_id += "-2"
        used.add(entity_id)
        inner = {a for m in group for a in PAREN_ACRONYM.findall(m.text)}  # "Komisi … (KPU) Kabupaten …"
        aliases = sorted(({m.name for m in group} | {m.full_name for m in group if m.full_name}
                          | acronyms.get(key, set()) | inner) - {name})
        entities.append(Entity(entity_id, kind, name, code, aliases, group,
                               region=next((m.region for m in group if m.region), ""),
                               located_in=next((m.located_in for m in group if m.located_in), "")))
    return entities
