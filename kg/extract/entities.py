"""Merge mentions into the entities of one article (within-article coreference).

- organizations: one entity per institution and region; a bare "KPU" joins the article's
  only regional KPU; an acronym defined in brackets joins its full name;
- places: one entity per lexicon place, venues by name, "(JSC)" joins its full name;
- persons: "Ellen" joins the last-named "Ellen Setiad"; titles stay out of names.
Entities of different kinds are never merged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extract.facts import Entity, Mention
from kg.names import PAREN_ACRONYM, slug


def _org_group(m: Mention, regional_keys: dict[str, set[str]]) -> str:
    base = m.key.split("@")[0]
    if "@" not in m.key and len(regional_keys.get(base, ())) == 1:
        return next(iter(regional_keys[base]))
    return m.key


def _person_group(m: Mention, full_names: list[tuple[int, str]]) -> str:
    """A short name ("Ellen") joins the closest earlier full name containing its words."""
    words = m.name.lower().split()
    candidates = [name for start, name in full_names
                  if set(words) < set(name.split()) and start <= m.evidence.start]
    candidates = candidates or [name for _, name in full_names if set(words) < set(name.split())]
    return candidates[-1] if candidates else m.name.lower()


def acronym_links(text: str, mentions: Iterable[Mention]) -> dict[str, str]:
    """'Jakabaring Sport City (JSC)' -> {'jsc': key of Jakabaring Sport City}."""
    links = {}
    for m in mentions:
        paren = PAREN_ACRONYM.match(text, m.evidence.end)
        if paren and m.kind != "person":
            links[paren.group(1).lower()] = m.key
    return links


def _acronym_as_written(text: str, acronym: str) -> str:
    found = re.search(r"\(\s*(" + re.escape(acronym) + r")\s*\)", text, re.IGNORECASE)
    return found.group(1) if found else acronym.upper()


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
    regional: dict[str, set[str]] = {}
    for m in mentions:
        if m.kind == "organization" and "@" in m.key:
            regional.setdefault(m.key.split("@")[0], set()).add(m.key)
    links = acronym_links(text, mentions)
    full_names = [(m.evidence.start, m.name.lower()) for m in mentions
                  if m.kind == "person" and len(m.name.split()) > 1]
    groups: dict[tuple[str, str], list[Mention]] = {}
    for m in mentions:
        if m.kind == "organization":
            key = _org_group(m, regional)
        elif m.kind == "person":
            key = _person_group(m, full_names)
        else:
            key = m.key
        key = links.get(m.name.lower(), key) if m.kind != "person" else key
        groups.setdefault((m.kind, key), []).append(m)
    acronyms: dict[str, set[str]] = {}
    for acronym, key in links.items():
        acronyms.setdefault(key, set()).add(_acronym_as_written(text, acronym))
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
