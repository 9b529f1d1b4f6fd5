"""Figures the text states, in Indonesian number formats, with what they count.

"1.205 orang" (thousands dot), "50,07 persen" (decimal comma), "tiga sesi", "ratusan
personel", "Rp1,2 miliar" (an amount), "45 hari" (a duration), each figure once. Not figures:
dates, years, clock times, ordinals, ballot numbers ("nomor urut 3", "nomor urut 1 dan 2"), electoral districts'
numbers ("dapil Medan 3"), regulation numbers ("Perpres 80 Tahun 2024"), identifiers ("Nomor 12 Tahun 2024"),
unit codes ("101/Antasari"), a numbered list's items ("1. Video …"), a person's age ("Sumarni (48)").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from kg.extract.spans import Covered

EXACT_NUMBERS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
                 "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000}
WORD_NUMBERS = {**EXACT_NUMBERS, "puluhan": 10, "ratusan": 100, "ribuan": 1000, "jutaan": 1_000_000}
SCALE = {"ribu": Decimal(10) ** 3, "juta": Decimal(10) ** 6, "miliar": Decimal(10) ** 9,
         "triliun": Decimal(10) ** 12}
# The noun after a figure is read, not consumed: the two words read after a year (no figure) must not hide the
# count written in them ("Pilkada 2024 diikuti tiga pasangan calon").
DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
NUMBER_RE = re.compile(
    r"(?:(?<=\bRp)|(?<=\bRp\.)|(?<=\bRp\s)|(?<![\w/.,-]))"  # "Rp1,2 miliar": an amount
    r"(" + DIGITS + r"|" + "|".join(WORD_NUMBERS) + r")(?:\s+(" + "|".join(SCALE) + r"))?"
    r"(?:\s*(%|persen)|(?=\s+([a-zA-Z][\w-]*(?:\s+[A-Z][\w-]*)?)))?", re.I)
NOT_BEFORE = re.compile(r"\b(?:nomor urut|no\.? urut|nomor|no\.|paslon|pasangan calon|pasal|ayat|tahun|ke-|periode|"
                        r"pukul|jam|kode|angka|rt|rw|km|jalan|jl\.?|tps)\s*$", re.I)
# "nomor urut 1 dan 2", "nomor urut 1, 2 dan 3": the ballot numbers listed after the first
BALLOT_LISTED = re.compile(r"\b(?:nomor|no\.?)\s+urut(?:\s*(?:,|dan|atau|hingga|sampai)?\s*\d{1,2})+"
                           r"\s*(?:,|dan|atau|hingga|sampai)\s*$", re.I)
# "Nomor urut pasangan tetap 2", "nomor urut mereka adalah 3": the ballot number a few words after its cue
BALLOT_SAID = re.compile(r"\b(?:nomor|no\.?)\s+urut(?:\s+(?!\d)[\w-]+){1,3}\s+$", re.I)
# "dapil Medan 3": an electoral district's number
DISTRICT_NAMED = re.compile(r"\b(?i:dapil|daerah\s+pemilihan)(?:\s+[A-Z][\w-]*){1,3}\s+$")
# "KM Sabuk Nusantara 95", "KRI Banda Aceh 593": a ship's number (the prefixes: motor vessel, ferry, navy ship)
VESSEL = r"(?:KM|KMP|KRI|KLM|MV)\.?"
VESSEL_NAMED = re.compile(r"\b" + VESSEL + r"(?:\s+[A-Z][\w-]*){1,4}\s+$")
NOT_ONE = re.compile(r"\bsalah\s+satu\b|\bsatu\s+per\s+satu\b|\bsatu-satu", re.I)
AGE_BEFORE = re.compile(r"\b[A-Z][\w.'’-]*\s*\($")  # a bracketed number right after a name
LIST_MARK = re.compile(r"(?<![^\n])\d{1,2}[.)]\s")  # an item number opening a line
REGULATION_YEAR = re.compile(r"\s+tahun\s+(19|20)\d\d\b", re.I)  # "Perpres 80 Tahun 2024"
NOT_AFTER_UNIT = {"wib", "wita", "wit", "tahunan", "bulanan", "harian", "november",
                  "oktober", "desember", "januari", "februari", "maret", "april", "mei", "juni",
                  "juli", "agustus", "september"}


@dataclass(frozen=True)
class NumberMention:
    value: str
    number: Decimal
    unit: str
    start: int
    end: int


def parse_number(value: str) -> Decimal:
    """'1.205' -> 1205, '50,07' -> 50.07, 'tiga' -> 3: exact decimals ("2,01 ribu" is 2010, not
    2009.9999999999998 as binary floating point would make it)."""
    word = WORD_NUMBERS.get(value.lower())
    if word is not None:
        return Decimal(word)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", value):
        value = value.replace(".", "")
    return Decimal(value.replace(",", "."))


def _names_something(text: str, start: int, value: str) -> bool:
    """A number that tells which one, not how many: "Pasal 5", "nomor urut 1 dan 2", "nomor urut pasangan tetap 2",
    "dapil Medan 3", "KM Sabuk Nusantara 95"."""
    return bool(NOT_BEFORE.search(text, max(0, start - 15), start)
                or DISTRICT_NAMED.search(text, max(0, start - 40), start)
                or VESSEL_NAMED.search(text, max(0, start - 50), start)
                or (len(value) <= 2 and (BALLOT_LISTED.search(text, max(0, start - 40), start)
                                         or BALLOT_SAID.search(text, max(0, start - 40), start))))


TICKETS_AFTER = re.compile(r"(?:\s+\w+){0,2}?\s+(?:bakal\s+)?(?:pasangan|paslon|bapaslon)\b", re.I)


def _figure_key(text: str, end: int, number: Decimal, unit: str) -> tuple[Decimal, str]:
    """What makes two figures one said again: "Rp50 ribu" in a quote after the story's "Rp50 ribu"; an exact count
    of another noun ("1.254.964 pemilih" … "1.254.964 orang"), which no two figures of a story share by chance;
    the count of the race's tickets ("dua pendaftar bakal pasangan" … "dua pasangan bakal calon")."""
    if number >= 1000 and number % 100 and unit != "persen":
        return number, ""
    return number, "pasangan" if TICKETS_AFTER.match(text, end) else unit


def find_numbers(text: str, excluded: Iterable[tuple[int, int]] = ()) -> list[NumberMention]:
    """Stated figures outside the excluded spans (dates, names)."""
    covered = Covered(excluded)
    found = []
    seen: set[tuple[Decimal, str]] = set()
    for m in NUMBER_RE.finditer(text):
        value, scale, percent, noun = m.group(1), m.group(2), m.group(3), m.group(4)
        start, end = m.start(1), m.end(1)
        if value.lower() == "satu" and NOT_ONE.search(text, max(0, start - 10), end + 12):
            continue  # "salah satu", "satu per satu", "satu-satunya": no count
        if LIST_MARK.match(text, start):
            continue  # "1. Video berdurasi …": a numbered list's item
        if AGE_BEFORE.search(text, max(0, start - 30), start) and text.startswith(")", end):
            continue  # "Sumarni (48)", "S (42)": a person's age, not a count the story states
        if start in covered or _names_something(text, start, value):
            continue
        is_word = value.lower() in WORD_NUMBERS
        noun_word = (noun or "").split()[0].lower() if noun else ""
        if noun_word in NOT_AFTER_UNIT or (is_word and not (percent or noun) and not scale):
            continue
        if is_word and value[0].isupper() and not noun:
            continue
        if not is_word and re.fullmatch(r"(19|20)\d\d", value) and not (percent or scale):
            continue  # a year
        if not is_word and (text[end:end + 1] == "/" or (
                text[end:end + 1] in (":", ".") and text[end + 1:end + 2].isdigit())):
            continue  # a unit code 101/Antasari, a clock time 10.00
        if noun_word == "tahun" and REGULATION_YEAR.match(text, end):
            continue  # "Perpres 80 Tahun 2024": a regulation's number
        number = parse_number(value) * SCALE.get((scale or "").lower(), 1)
        unit = "persen" if percent else (scale or noun_word)
        key = _figure_key(text, end, number, unit)
        if key in seen:
            continue
        seen.add(key)
        found.append(NumberMention(value, number, unit, start, end))
    return found
