"""Election disputes before a court: case number, ruling, ordered re-votes.

"perkara nomor 02/PHPU.BUP-XXIII/2025", "MK mengabulkan permohonan … untuk sebagian",
"gugatan … ditolak", "permohonan tidak dapat diterima", "memerintahkan pemungutan suara
ulang (PSU)". A case is the number the text gives; the ruling and the orders are read in
the sentences that name it and the ones right after, until another case is named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CASE_NUMBER = re.compile(r"(?<![\w/])(\d{1,4}/PHPU\.[A-Z]+(?:-[IVXLC]+)?/\d{4})(?![\w/])")
RULINGS = (  # the first that matches wins: "mengabulkan untuk sebagian" before "mengabulkan"
    ("partly_granted", re.compile(r"\b(?:mengabulkan|dikabulkan)\s+sebagian\b|\b(?:mengabulkan|dikabulkan)\b"
                                  r"(?:[^.]|\.(?=\S)){0,80}?\buntuk\s+sebagian\b", re.I)),
    ("granted", re.compile(r"\b(?:mengabulkan|dikabulkan|dikabulkannya)\b", re.I)),
    ("not_admissible", re.compile(r"\btidak\s+dapat\s+diterima\b", re.I)),
    ("rejected", re.compile(r"\b(?:menolak|ditolak|ditolaknya)\b(?:[^.]|\.(?=\S)){0,60}?\b(?:permohonan|gugatan"
                            r"|seluruhnya)\b|\b(?:permohonan|gugatan)\b(?:[^.]|\.(?=\S)){0,60}?\bditolak\b", re.I)),
)
CASE_OFFICE = {"GUB": "gubernur", "BUP": "bupati", "WAKO": "wali kota", "WALKOT": "wali kota", "KOT": "wali kota",
               "PRES": "presiden"}  # the race a PHPU case is about, from its number: PHPU.BUP -> the regent's
REVOTE = re.compile(r"\b(?:pemungutan\s+suara\s+ulang|PSU)\b", re.I)
RECOUNT = re.compile(r"\bpenghitungan\s+(?:surat\s+)?suara\s+ulang\b", re.I)
DISQUALIFY = re.compile(r"\bdiskualifikasi|mendiskualifikasi\b", re.I)
# "KPU Kota X menjadi termohon", "Termohon, yakni KPU Kota X": the body the petition is against.
RESPONDENT_AFTER = re.compile(r"\s*,?\s+(?:menjadi|sebagai|berstatus\s+sebagai|selaku|adalah|merupakan)\s+(?:pihak\s+)?"
                              r"termohon\b", re.I)
RESPONDENT_BEFORE = re.compile(r"\btermohon(?:nya)?\s*[,:(]?\s*(?:(?:adalah|yakni|yaitu|ialah)\s+)?$", re.I)


def respondent(text: str, window: tuple[int, int], bodies: list[tuple[int, int, str]]) -> str | None:
    """The body (an id from ``bodies``: start, end, id) the text names as the respondent in a case's window."""
    start, end = window
    return next((body for a, b, body in bodies if start <= a < end and (
        RESPONDENT_AFTER.match(text, b) or RESPONDENT_BEFORE.search(text, max(start, a - 25), a))), None)


@dataclass(frozen=True)
class CaseMention:
    number: str
    start: int
    end: int
    ruling: str | None
    orders: tuple[str, ...]  # revote | recount | disqualification
    ruling_at: int | None  # where the ruling is written (for its date)
    window: tuple[int, int]  # the sentences read for it

    @property
    def office(self) -> str | None:
        code = re.search(r"PHPU\.([A-Z]+)", self.number)
        return CASE_OFFICE.get(code.group(1)) if code else None


def find_cases(text: str, sentences: list[tuple[int, int]], follow: int = 2) -> list[CaseMention]:
    """Each case number once, with the ruling and orders of its sentence, the one before (news leads with
    the outcome: "MK memerintahkan PSU … . Putusan perkara nomor …") and the next ``follow`` ones."""
    hits = [(m.group(1), m.start(1), m.end(1)) for m in CASE_NUMBER.finditer(text)]
    out: dict[str, CaseMention] = {}
    for i, (number, start, end) in enumerate(hits):
        first = next((k for k, (a, b) in enumerate(sentences) if a <= start < b), 0)
        last = next((k for k, (a, b) in enumerate(sentences) if a <= end - 1 < b), first)  # a split "PHPU." too
        stop = sentences[min(len(sentences) - 1, last + follow)][1] if sentences else len(text)
        later = [s for n, s, _ in hits[i + 1:] if n != number]
        stop = min([stop] + [sentences[next(k for k, (a, b) in enumerate(sentences) if a <= s < b)][0]
                             for s in later if s > end])
        window_start = sentences[first][0] if sentences else 0
        if first > 0 and not CASE_NUMBER.search(text, sentences[first - 1][0], sentences[first - 1][1]) and not any(
                n != number and s < start for n, s, _ in hits):
            window_start = sentences[first - 1][0]
        ruling, at = _ruling(text, window_start, stop)
        orders = tuple(name for name, pattern in (("revote", REVOTE), ("recount", RECOUNT),
                                                   ("disqualification", DISQUALIFY))
                       if ruling in ("granted", "partly_granted") and pattern.search(text, window_start, stop))
        known = out.get(number)
        if known is None or (known.ruling is None and ruling is not None):
            out[number] = CaseMention(number, start, end, ruling, orders, at, (window_start, stop))
    return sorted(out.values(), key=lambda c: c.start)


def _ruling(text: str, start: int, end: int) -> tuple[str | None, int | None]:
    for name, pattern in RULINGS:
        m = pattern.search(text, start, end)
        if m:
            return name, m.start()
    return None, None
