"""kg's maintained lexicons (kg/data/*.tsv, see kg/data/LEXICONS.md) as compiled matchers.

Matching runs on the article text with regular expressions built from the lexicon
entries, longest form first, so it does not depend on how the tokenizer split
"Pemkab/Kota" or "se-Sumsel".
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.extract.places import Place, load_places

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Institution:
    key: str
    name: str
    aliases: tuple[str, ...]
    type: str  # summary code: election_body, government, security, political_party, court, media, other
    regional: bool


@dataclass(frozen=True)
class PostTitle:
    title: str
    aliases: tuple[str, ...]
    kind: str
    org_key: str | None


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(x for x in (cell or "").split("|") if x)


@functools.cache
def institutions() -> dict[str, Institution]:
    return {r["key"]: Institution(r["key"], r["name"], _split(r["aliases"]), r["type"],
                                  r["regional"] == "yes") for r in _rows("institutions.tsv")}


@functools.cache
def post_titles() -> tuple[PostTitle, ...]:
    return tuple(PostTitle(r["title"], _split(r["aliases"]), r["kind"], r["org_key"] or None)
                 for r in _rows("posts.tsv"))


@functools.cache
def event_triggers() -> dict[str, str]:
    """Lower-cased trigger phrase -> event type code."""
    return {t: r["type"] for r in _rows("events.tsv") for t in _split(r["triggers"])}


@functools.cache
def honorifics() -> tuple[str, ...]:
    """Ranks and honorifics that precede names (Irjen Pol, Brigjen TNI, H., Dr.): not part of the name."""
    lines = (DATA / "honorifics.txt").read_text(encoding="utf-8").splitlines()
    return tuple(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


@functools.cache
def name_particles() -> tuple[str, ...]:
    """Words that open names and belong to them (Andi, Lalu, Raja, Habib): kept in the name."""
    lines = (DATA / "name-particles.txt").read_text(encoding="utf-8").splitlines()
    return tuple(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


@functools.cache
def not_entities() -> frozenset[str]:
    """Lower-cased words the NER model tags as names but that are not (Insya Allah, TPS)."""
    lines = (DATA / "not-entities.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(" ".join(ln.lower().split()) for ln in lines if ln.strip() and not ln.startswith("#"))


def alternation(forms: Iterable[str]) -> str:
    """A regex alternation of literal forms, longest first, spaces matching any whitespace."""
    uniq = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in uniq)


def lookup_key(text: str) -> str:
    return " ".join(text.lower().split())


@functools.cache
def institution_forms() -> dict[str, Institution]:
    """Every written form (name or alias, lower-cased) of every institution."""
    return {lookup_key(form): inst for inst in institutions().values()
            for form in (inst.name, *inst.aliases)}


@functools.cache
def place_forms() -> dict[str, tuple[Place, ...]]:
    forms: dict[str, list[Place]] = {}
    for place in load_places():
        for form in (place.name, *place.aliases):
            forms.setdefault(lookup_key(form), []).append(place)
    return {k: tuple(v) for k, v in forms.items()}


@functools.cache
def contracted_bodies() -> dict[str, tuple[str, Institution, int]]:
    """Bodies a head's title holds: "Kapolres" (Kepala) heads the Polres, "Dandim" (Komandan) the Kodim. Lower-cased
    title -> (the body as the lexicon writes it, the institution, where the body starts in the title: "Kapolres"
    writes "polres", "Dandim" only stands for its Kodim)."""
    forms = institution_forms()
    out = {}
    for post in post_titles():
        if post.title.startswith("Ka"):
            body = lookup_key(post.title[2:])
            inst = forms.get(body)
            if inst is not None and inst.key == post.org_key and inst.regional:
                out[lookup_key(post.title)] = (next(f for f in (inst.name, *inst.aliases) if lookup_key(f) == body),
                                               inst, 2)
        elif post.title.startswith("Dan") and post.kind == "security":
            inst = institutions().get(post.org_key or "")
            if inst is not None and inst.regional:
                out[lookup_key(post.title)] = (min((inst.name, *inst.aliases), key=len), inst, 0)
    return out


@functools.cache
def post_forms() -> dict[str, PostTitle]:
    return {lookup_key(form): post for post in post_titles() for form in (post.title, *post.aliases)}


@functools.cache
def post_title_forms(kind: str | None = None) -> tuple[str, ...]:
    """Every way posts.tsv writes a post (titles and aliases), of one ``kind`` or of all."""
    return tuple(form for post in post_titles() if kind in (None, post.kind) for form in (post.title, *post.aliases))


WORD_END = r"(?!\w)"
WORD_START = r"(?<!\w)"
NOT_SLASHED = r"(?<!/)(?!\S*/\S)"  # "SMA/SMK/MA", "Pemkab/Kota": not an institution on its own


@functools.cache
def institution_regex() -> re.Pattern[str]:
    """Institutions as written, case-sensitive: "KPU", "Bawaslu", "Komisi Pemilihan Umum"."""
    forms = [form for inst in institutions().values() for form in (inst.name, *inst.aliases)]
    return re.compile(WORD_START + NOT_SLASHED + "(" + alternation(forms) + ")" + WORD_END + "(?!/)")


@functools.cache
def place_regex() -> re.Pattern[str]:
    forms = [form for p in load_places() for form in (p.name, *p.aliases)]
    return re.compile(WORD_START + "(" + alternation(forms) + ")" + WORD_END)


@functools.cache
def trigger_regex() -> re.Pattern[str]:
    return re.compile(WORD_START + "(" + alternation(event_triggers()) + ")" + WORD_END, re.IGNORECASE)


@functools.cache
def honorific_regex() -> re.Pattern[str]:
    """One or more honorifics at the start of a name."""
    return re.compile(r"^(?:(?:" + alternation(honorifics()) + r")\.?\s+)+")
