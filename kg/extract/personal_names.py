"""Personal names as Indonesian news writes them: titles around them, pairs joined by a hyphen.

- honorifics before a name (H., Hj., KH, Dr., Ir., Prof., ranks; kg/extract/data/honorifics.txt)
  are not part of it, nor are academic degrees after a comma ("…, S.H., M.Si."); words that
  are part of names as written (Habib, Raja, Andi, Lalu, Baiq, Teuku, I Gusti …) stay;
- "A-B" is a ticket of two persons ("Hendri Sanjaya-Rohmi Handayani", "Dr. Ir. Hendri Sanjaya,
  M.Si.-Rohmi Handayani"); a hyphen before a lower-case word is part of one name;
- the NER model cuts such names at odd places ("Muhammad Faisal-Hj", "M.Si.-Rohmi
  Handayani", "Dra"): its spans are re-cut on the text with these rules.
"""

from __future__ import annotations

import functools
import re

from kg.extract import lexicon

# A degree is written as dotted abbreviations: S.H., M.Si., S.Sos., Sp.A., Ph.D.; also MBA, Lc.
# A capital inside a word: a coined name (a pair's tagline "BaDai", a programme), never a person's
COINED = re.compile(r"[a-z][A-Z]")
# Who takes a person's place ("Caleg X, A, meninggal dunia dan digantikan oleh B", "… posisinya diisi B"): a person
REPLACED_BY = re.compile(r"\b(?:digantikan\s+oleh|diganti\s+oleh|posisinya\s+diisi(?:\s+oleh)?"
                         r"|penggantinya(?:\s+adalah|,))\s+$", re.I)
NAME_SHAPE = re.compile(r"[A-Z][a-z'’]+(?:\s+(?:[A-Z][a-z'’]+|Br\.?))*\s+[A-Z][a-z'’]+")
DEGREE = re.compile(r"^(?:[A-Z][A-Za-z]{0,3}\.(?:[A-Za-z]{1,4}\.?)*|MBA|MPA|MPH|Lc\.?|Ph\.?D\.?)$")
DEGREE_WORD = r"(?:[A-Z][A-Za-z]{0,3}\.(?:[A-Za-z]{1,4}\.?)*|MBA|MPA|MPH|Lc\.?|Ph\.?D\.?)(?![\w])"
DEGREES_AFTER = re.compile(r"(?:\s*,\s*" + DEGREE_WORD + r")+")
DEGREES_AT_END = re.compile(DEGREES_AFTER.pattern + r"\s*$")
NAME_WORD = r"(?:[A-Z][\w’'.]*|['‘][A-Z]\w*['’])"  # "Faisal", "M.", "'Ical'"
NAME_RUN = NAME_WORD + r"(?:[ \t]+" + NAME_WORD + r"){0,5}"
# A noun made with the pe-…-an or ke-…-an confix names a field or a state ("Asisten Pemerintahan", "Kepala Bagian
# Perekonomian", "Keamanan"), never a person on its own
FIELD_NOUN = re.compile(r"(?:Pe|Ke)[a-z]{4,}an")
TICKET_HYPHEN = re.compile(r"(?<=[\w.'’])(?<!\bAl)(?<!\bEl)-(?=[A-Z])")  # not "Al-Habsyi", "Beru-beru"


@functools.cache
def _honorific_word() -> str:
    return r"(?:" + lexicon.alternation(lexicon.honorifics()) + r")\.?"


@functools.cache
def _honorifics_before() -> re.Pattern[str]:
    """Honorifics written right before an offset: "H. ", "Dr. Ir. ", "Brigjen TNI "."""
    return re.compile(r"(?:(?<![\w.])" + _honorific_word() + r"\s+)+$")


@functools.cache
def _person_run() -> re.Pattern[str]:
    """One person as written: honorifics, name words, degrees after a comma."""
    return re.compile(r"(?:" + _honorific_word() + r"\s+)*(" + NAME_RUN + r")")


def strip_titles(surface: str) -> str:
    """'Dr. Ir. Hendri Sanjaya, M.Si.' -> 'Hendri Sanjaya'; 'Habib Zainal' stays."""
    honour = lexicon.honorific_regex().match(surface + " ")
    name = surface[honour.end():] if honour else surface
    name = DEGREES_AFTER.sub("", name)
    words = name.split()
    while len(words) > 1 and DEGREE.match(words[-1]) and sum(c.isalpha() for c in words[-1]) > 1:
        words.pop()  # a degree without its comma: "Hendri Sanjaya M.Si."
    return " ".join(words).strip(" ,")


def is_title_only(surface: str) -> bool:
    """"Dra", "M.Si.", "S.Sos", "Prof": a title or degree the model took for a name."""
    words = [w for w in re.split(r"[\s,]+", surface) if w]
    return bool(words) and all(DEGREE.match(w) or lexicon.honorific_regex().match(w + " ")
                               for w in words)


def _clean(text: str, a: int, b: int) -> tuple[int, int] | None:
    """A person's span without degrees after it or punctuation; None if only titles remain."""
    degrees = DEGREES_AT_END.search(text[a:b])
    b = a + degrees.start() if degrees else b
    while b > a and text[b - 1] in " ,;:":
        b -= 1
    last = text[a:b].split()[-1] if text[a:b].split() else ""
    if last.endswith(".") and sum(c.isalpha() for c in last) > 2 and not DEGREE.match(last):
        b -= 1  # "… Hotma Pasaribu." ends a sentence; "M." is an initial
    return (a, b) if b > a and not is_title_only(text[a:b]) else None


@functools.cache
def _particles_before() -> re.Pattern[str]:
    """Name words the model leaves out in front of a name: "Lalu ", "H. Lalu ", "Dr. Andi "."""
    word = r"(?:" + lexicon.alternation(lexicon.name_particles()) + r"|" + _honorific_word() + r")"
    return re.compile(r"(?:(?<![\w.])" + word + r"\s+)+$")


def _particle_head(text: str, start: int) -> int:
    """Where a name starts that the model began inside a particle: "I " + "Gusti Ngurah Wirawan" (I Gusti)."""
    for particle in lexicon.name_particles():
        words = particle.split()
        for k in range(1, len(words)):
            head = " ".join(words[:k]) + " "
            at = start - len(head)
            if (at >= 0 and text.startswith(head, at) and text.startswith(" ".join(words[k:]) + " ", start)
                    and (at == 0 or not text[at - 1].isalnum())):
                return at
    return start


def person_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The persons a name span of the model covers, re-cut on the text.

    Honorifics and name particles right before the span join it ("H. Lalu " + "Muhammad
    Faisal"); a ticket hyphen splits it ("Faisal-Hj. Baiq Aini" -> two persons) and a
    person hyphen-joined to its edge is taken too; degrees and pieces that are only titles
    are dropped.
    """
    before = _particles_before().search(text, max(0, start - 40), start)
    start = _particle_head(text, before.start() if before else start)
    cuts = [start] + [m.end() for m in TICKET_HYPHEN.finditer(text, start, end)] + [end + 1]
    pieces = [(a, b - 1) for a, b in zip(cuts, cuts[1:], strict=False)]
    if text[end:end + 1] == "-":  # "Petrus Wetipo-Naomi Kossay": the partner after the hyphen
        partner = _person_run().match(text, end + 1)
        if partner:
            pieces.append((end + 1, partner.end()))
    left = _left_partner(text, start)
    if left:
        pieces.insert(0, left)
    return [span for a, b in pieces if (span := _clean(text, a, b))]


@functools.cache
def _person_at_end() -> re.Pattern[str]:
    """One person as written, honorifics and degrees included, ending the text."""
    return re.compile(r"(?:" + _honorific_word() + r"\s+)*" + NAME_RUN + r"(?:\s*,\s*" + DEGREE_WORD + r")*$")


def _left_partner(text: str, hyphen_end: int) -> tuple[int, int] | None:
    """The person written before a ticket hyphen that ends at ``hyphen_end``."""
    if hyphen_end == 0 or text[hyphen_end - 1] != "-":
        return None
    floor = max(0, hyphen_end - 100)
    run = _person_at_end().search(text[floor:hyphen_end - 1])
    return (floor + run.start(), hyphen_end - 1) if run else None
