"""Direct quotations and the cues that name who said them.

Indonesian news attributes a quote after it ('…," kata Wulan.' / '…," ujarnya.') or
before it ('Gunadi mengatakan, "…"'); some outlets quote in single marks ("'…,' kata Wulan").
A pronoun cue (-nya, ia, dia) points to the last person named before the quote, across
sentence and paragraph boundaries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SPEECH_VERBS = ("kata", "ujar", "ucap", "tutur", "jelas", "tegas", "imbuh", "ungkap", "terang",
                "sebut", "papar", "lanjut", "tambah", "pungkas", "tutup", "sambung", "seru",
                "harap", "pesan", "ajak", "akui", "klaim", "nilai", "tandas", "timpal", "urai")
SPEECH = r"\s*,?\s*(?:" + "|".join(SPEECH_VERBS) + r")"  # '," kata', ' ujar': a speech verb after a quote
_SAID = r"(?=" + SPEECH + r"(?:nya)?\b)"
# Double quotes and guillemets; single quotes ('…,' kata A / ‘…,’ ujarnya), which also mark terms and
# apostrophes ("Jum'at"), only when a speech verb follows
QUOTE_RE = re.compile(r"“([^“”]{8,2000}?)”|\"([^\"\n]{8,2000}?)\"|«([^«»]{8,2000}?)»"
                      r"|(?<![\w‘’'])[‘']([^‘’'\n]{8,2000}?[,.!?])[’']" + _SAID)
CUE_AFTER = re.compile(
    SPEECH + r"(nya)?\b(?:\s+(?!ia\b|dia\b)((?:[A-Z][\w.'’-]*\s*){1,5}))?",
)
PRONOUN_AFTER = re.compile(SPEECH + r"\s+(ia|dia)\b", re.I)
# '," kata anggota Bawaslu X, Jefri.', '," ujar salah seorang pedagang, Sumi.': the speaker described in lower
# case, named later in the clause (a pronoun or "kepada wartawan" is no description)
DESCRIBED_AFTER = re.compile(r"\s+(?!(?:ia|dia|kepada|saat|ketika|usai|seusai|di|dalam|pada|melalui|dengan|lagi)\b)"
                             r"[a-z]+\b")
CUE_NAME_RE = re.compile(
    r"(?<=[”\"’'])" + SPEECH + r"\s+((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,3})")


@dataclass(frozen=True)
class QuoteSpan:
    text: str
    start: int  # of the quoted text, inside the marks
    end: int
    cue: str  # "name" (named after the quote), "described" ("kata anggota X, A"), "pronoun" (-nya, ia) or "none"
    cue_start: int  # where the speaker's name starts, for "name" cues; where the description starts


def find_quotes(text: str) -> list[QuoteSpan]:
    quotes = []
    for m in QUOTE_RE.finditer(text):
        group = next(i for i in (1, 2, 3, 4) if m.group(i) is not None)
        inner = m.group(group).strip()
        if len(inner.split()) < 3:
            continue  # a scare-quoted term, not a statement
        start = m.start(group) + (len(m.group(group)) - len(m.group(group).lstrip()))
        after = CUE_AFTER.match(text, m.end())
        if after and after.group(2) and not after.group(1):
            cue, cue_start = "name", after.start(2)
        elif after and not after.group(1) and DESCRIBED_AFTER.match(text, after.end()):
            cue, cue_start = "described", after.end()
        elif after or PRONOUN_AFTER.match(text, m.end()):
            cue, cue_start = "pronoun", m.end()
        else:
            cue, cue_start = "none", m.start()
        quotes.append(QuoteSpan(inner.rstrip(",").rstrip(), start, start + len(inner), cue, cue_start))
    return quotes


def cue_names(text: str) -> list[tuple[int, int]]:
    """Spans of capitalised names right after a speech verb that follows a quote ('," kata Gunadi')."""
    return [(m.start(1), m.end(1)) for m in CUE_NAME_RE.finditer(text)]
