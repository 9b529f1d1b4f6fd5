"""How kg turns written names into keys and ids: folding, slugs, unique suffixes, acronyms.

One home for these, because an article id, an instance IRI and a resolution key must agree on
what "the same name" means: accents dropped, case folded, anything but ASCII letters and digits
a separator.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable

MAX_SLUG = 60
ACRONYM = r"[A-Z][A-Za-z0-9.&/-]{1,14}"
"""An acronym as news writes one: KPU, DPRD, PDI-P, KemenPAN-RB (`is_acronym` asks for 2+ capitals)."""
PAREN_ACRONYM = re.compile(r"\s*\(\s*(" + ACRONYM + r")\s*\)")
"""An acronym defined in brackets after a name: "Jaringan Demokrasi Rakyat (JDR)"."""


@functools.cache
def fold(text: str) -> tuple[str, ...]:
    """Lower-case ASCII words: 'Sumatera-Selatan', 'sumatera selatan' and 'Sumatéra Selatan' fold alike."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return tuple(re.sub(r"[^a-z0-9]+", " ", plain.lower()).split())  # any other character separates


def slug(text: str) -> str:
    """'Wulan Prameswari' -> 'wulan-prameswari'; text with no ASCII letters gets a short hash instead."""
    words = "-".join(fold(text))
    if len(words) > MAX_SLUG:
        words = words[:MAX_SLUG].rstrip("-") + "-" + _digest(text)
    return words or "x-" + _digest(text)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def is_acronym(name: str) -> bool:
    """'KPU', 'PDI-P': the acronym pattern with at least two capitals ('Bawaslu' is a word)."""
    return bool(re.fullmatch(ACRONYM, name)) and sum(ch.isupper() for ch in name) >= 2


def unique(name: str, taken: set[str] | Callable[[str], bool]) -> str:
    """``name``, or ``name-2``, ``name-3``, … the first one not ``taken`` (a set, or a test)."""
    is_taken = taken.__contains__ if isinstance(taken, set) else taken
    candidate, n = name, 1
    while is_taken(candidate):
        n += 1
        candidate = f"{name}-{n}"
    return candidate
