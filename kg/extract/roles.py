"""Posts people hold, from the title written next to their name.

"Plt Gubernur Sumsel Ellen Setiad", "Ketua KPU Kalbar MS Budi", "Komandan Korem (Danrem)
101/Antasari Brigjen TNI Ari Aryanto" (title before the name, ranks dropped), and
"Winarto, Kapolda Kalsel," / "Budi selaku Ketua KPU" (apposition, selaku/sebagai).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract import lexicon
from kg.extract.facts import Mention

GENERIC_TITLES = ("Kepala", "Ketua", "Wakil Ketua", "Wakil", "Anggota", "Komisioner", "Sekretaris",
                  "Direktur", "Koordinator", "Komandan", "Kabid", "Kasat", "Kadiv", "Kordiv",
                  "Kasubdit", "Deputi", "Asisten", "Staf Khusus", "Juru Bicara", "Panglima",
                  "Kapolsek", "Plt", "Pj", "Plh", "Calon", "Pasangan calon", "Pasangan", "Paslon")
CHAIN_WORD = (r"(?:[A-Z][\w/.’'-]*|\([^()]{1,30}\)|\d+/[A-Z][\w-]*|[IVX]+/[A-Z][\w-]*|RI|terpilih"
              r"|nomor urut \d+|(?:untuk )?periode \d{4}-\d{4}|se-[A-Z][\w-]*)")


@dataclass(frozen=True)
class RoleSpan:
    label: str  # the role as written: "Plt Gubernur Sumsel"
    title: str  # canonical title from the lexicon, or the label's first words
    start: int
    end: int


@functools.cache
def _title_start() -> str:
    forms = [f for p in lexicon.post_titles() for f in (p.title, *p.aliases)] + list(GENERIC_TITLES)
    return "(?i:" + lexicon.alternation(forms) + ")"


@functools.cache
def _before_re() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(" + _title_start() + r"(?:\s+" + CHAIN_WORD + r")*)\s*,?\s*$")


@functools.cache
def _after_re() -> re.Pattern[str]:
    return re.compile(r"^(?:\s*,\s*|\s+(?:selaku|sebagai|dari)\s+)(" + _title_start() + r"(?:\s+" + CHAIN_WORD + r")*)")


def _trim(label: str) -> str:
    """Drop a rank that sits between the post and the name ("… Brigjen TNI")."""
    words = label.split()
    honor = {h.lower() for h in lexicon.honorifics()} | {h.lower() + "." for h in lexicon.honorifics()}
    while words and (words[-1].lower() in honor or " ".join(words[-2:]).lower() in honor):
        words = words[:-2] if " ".join(words[-2:]).lower() in honor else words[:-1]
    return " ".join(words).strip(" ,")


def canonical_title(label: str) -> str:
    """The lexicon post the label starts with ("Plt Gubernur Sumsel" -> Pelaksana Tugas Gubernur)."""
    words = label.split()
    for n in range(len(words), 0, -1):
        post = lexicon.post_forms().get(lexicon.lookup_key(" ".join(words[:n])))
        if post:
            return post.title
    return " ".join(words[:2]) if len(words) > 1 else label


def role_for(text: str, person: Mention, sentence_start: int) -> RoleSpan | None:
    """The role written right before or right after a person mention, if any."""
    before = text[max(sentence_start, person.evidence.start - 160):person.evidence.start]
    m = _before_re().search(before)
    if m:
        label = _trim(m.group(1))
        proper = label[:1].isupper() or "nomor urut" in label.lower()
        if label and proper and lexicon.lookup_key(label) != lexicon.lookup_key(person.name):
            start = person.evidence.start - len(before) + m.start(1)
            return RoleSpan(label, canonical_title(label), start, start + len(label))
    after = text[person.evidence.end:person.evidence.end + 160]
    m = _after_re().match(after)
    if m:
        label = _trim(m.group(1))
        start = person.evidence.end + m.start(1)
        if label:
            return RoleSpan(label, canonical_title(label), start, start + len(label))
    return None


STOP_WORDS = {"dan", "yang", "di", "ke", "dari", "pada", "selaku", "sebagai", "mengatakan"}
NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w’'-]*)"  # an initial "M." keeps its stop; "Aryanto." ends the name
NAME_RUN = re.compile(r"(?:\s+(?:" + NAME_WORD + r"|\([^()]{1,30}\)|(?:[IVX]+|\d+)/[A-Z][\w-]*))+")


@functools.cache
def _title_re() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + _title_start() + r"(?![\w-])")


def names_after_titles(text: str, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of names written after a title and its institution or region.

    "Ketua KPU Kalbar MS Budi": of the capitalised run after the title, the name is what
    follows the last known institution or place ("Kalbar"), ranks included (the caller
    strips them). Used where the NER model misses a name.
    """
    spans = []
    for m in _title_re().finditer(text):
        if not m.group(0)[0].isupper():
            continue
        run = NAME_RUN.match(text, m.end())
        if not run:
            continue
        start = m.end()
        for a, b in known:
            if a < run.end() and b > start and b >= m.end():
                start = max(start, b)
        name = re.match(r"\s*((?:" + NAME_WORD + r"\s*)+)", text[start:run.end()])
        if not name:
            continue
        first = start + name.start(1)
        words = name.group(1).split()
        while words and words[-1].lower() in DATE_STOP:
            words.pop()
        if words and not any(w.lower() in STOP_WORDS for w in words):
            spans.append((first, first + len(" ".join(words))))
    return spans


DATE_STOP = {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"}


@functools.cache
def _paired_re() -> re.Pattern[str]:
    title = _title_start()
    return re.compile(r"\s+sebagai\s+(" + title + r")\s+dan\s+(" + title + r")((?:\s+" + CHAIN_WORD + r")*)")


def paired_roles(text: str, second_end: int) -> tuple[str, str] | None:
    """"A dan B sebagai bupati dan wakil bupati terpilih": (bupati terpilih, wakil bupati terpilih)."""
    m = _paired_re().match(text, second_end)
    if not m:
        return None
    rest = " ".join(m.group(3).split())
    return f"{m.group(1)} {rest}".strip(), f"{m.group(2)} {rest}".strip()
