"""Indonesian date expressions, resolved to ISO dates against the article's date.

"27 November 2024", "9/1/2025", "Rabu (13/11)", "Kamis", "kemarin", "pekan depan", "Selasa pekan depan",
"dua hari lalu", "sepekan lalu", "lima hari lagi" (counted back or on from the article's date), and a live
report's entry stamped with the hour ("Pukul 15.20 WIT - Penghitungan suara dimulai"), on the article's day;
"pada hari yang sama" is the day named last, "sehari sebelumnya", "dua hari kemudian", "keesokan harinya" counted
from it, a span of days ("8-15 Oktober 2024") its first;
"H-3", "H+1" count from the voting day, once the article has dated it (``from_voting_day``).
A date that needs a year or a reference day the article does not give is kept as
text, never invented. Without a publication date the reference year is the latest
year the text mentions that agrees with any weekday written beside the date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from kg.extract.numbers import EXACT_NUMBERS

MONTHS = {"januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3,
          "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8,
          "agu": 8, "agt": 8, "ags": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
          "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12}
PUBLICATION_MONTHS = {**MONTHS, "january": 1, "february": 2, "march": 3, "may": 5, "june": 6,
                      "july": 7, "august": 8, "aug": 8, "october": 10, "oct": 10, "december": 12,
                      "dec": 12}
"""Also the English names sites write in publication dates ("July 13, 2024")."""
WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4,
            "sabtu": 5, "minggu": 6, "ahad": 6}
RELATIVE = {"kemarin": -1, "kemarin lusa": -2, "hari ini": 0, "besok": 1, "esok": 1, "lusa": 2,
            "pekan depan": 7, "minggu depan": 7, "pekan lalu": -7, "minggu lalu": -7}
DAYS_IN = {"hari": 1, "pekan": 7, "minggu": 7}
WEEKS = {"depan": 7, "lalu": -7, "ini": 0}  # "pekan depan": the week after the article's
DAYS = r"(?:(se)|(\d{1,2}|" + "|".join(EXACT_NUMBERS) + r")\s+)(hari|pekan|minggu)"  # "sepekan", "dua hari"

# "Sehari sebelumnya, …", "dua hari kemudian", "keesokan harinya": a story's days counted from the day named last
# (not "tiga hari setelahnya", the way rules and plans set a deadline)
FROM_LAST = r"(?:" + DAYS + r"\s+(sebelumnya|kemudian)|(keesokan|esok)\s+harinya)"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted((re.escape(w) for w in WEEKDAYS), key=len, reverse=True))
PATTERNS = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    # a span of days, dated by its first: "survei dilakukan pada 8-15 Oktober 2024"
    ("span", re.compile(r"\b(\d{1,2})\s*[-–]\s*\d{1,2}\s+(" + _MONTH + r")\b(?:\.?\s+(\d{4}))?", re.I)),
    ("dmy", re.compile(r"\b(?:(?:" + _WEEKDAY + r"),?\s+)?(\d{1,2})\s+(" + _MONTH + r")\.?\s+(\d{4})\b", re.I)),
    ("weekday_paren", re.compile(r"\b(" + _WEEKDAY + r")\s*\(\s*(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\s*\)", re.I)),
    ("numeric", re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")),
    ("dm", re.compile(r"\b(?:(?:" + _WEEKDAY + r"),?\s+)?(\d{1,2})\s+(" + _MONTH + r")\b(?!\s+\d)", re.I)),
    ("counted", re.compile(r"\b" + DAYS + r"\s+(?:yang\s+)?(lalu|lagi)\b", re.I)),
    # "Selasa pekan depan", "Jumat minggu lalu": that weekday of the next, last or this (Monday-first) week
    ("weekday_week", re.compile(r"\b(" + _WEEKDAY + r")\s+(?:pekan|minggu)\s+(depan|lalu|ini)\b", re.I)),
    ("same_day", re.compile(r"\bhari\s+yang\s+sama\b", re.I)),  # "… pada hari yang sama": the day named last
    ("from_last", re.compile(r"\b" + FROM_LAST + r"\b", re.I)),
    ("stamp", re.compile(r"^Pukul\s+\d{1,2}[.:]\d{2}(?:\s*(?:WIB|WITA|WIT))?\s*[-–—]", re.M)),
    ("relative", re.compile(r"\b(" + "|".join(sorted(RELATIVE, key=len, reverse=True)) + r")\b", re.I)),
    # capitalised only: "minggu" is also "week"
    ("weekday", re.compile(r"\b(" + "|".join(w.capitalize() for w in WEEKDAYS) + r")\b(?!\s*\()")),
]
SAME_DAY = re.compile(r"hari\s+yang\s+sama", re.I)
# "paling lambat 10 September", "diberi waktu hingga Sabtu (23/11)": the bound of the time allowed for an act (not
# a bare "hingga": "real count … hingga Kamis (15/2)" tells how far it had got, "27 hingga 29 Agustus" a span)
DEADLINE_BEFORE = re.compile(r"\b(?:paling\s+lambat|selambat-lambatnya|batas\s+(?:waktu|akhir)|tenggat(?:\s+waktu)?"
                             r"|waktu\s+(?:hingga|sampai))\s+(?:(?:hari|tanggal|pada)\s+)?$", re.I)
YEAR_RE = re.compile(r"(?<![\d/])(?<![\d][.,])(19[5-9]\d|20[0-9]\d)(?![\d/])(?![.,]\d)")


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    end: int
    iso: str | None
    counted: bool = False  # "48 hari lagi": a count of days, also a figure the text states
    from_voting: bool = False  # "H-3": counted from the voting day, so never the voting day's own date
    deadline: bool = False  # "paling lambat 10 September", "hingga 5 Desember": the bound of a time allowed
    week: bool = False  # "pekan depan", "minggu lalu": a week, counted as its day seven days on or back


def reference_years(text: str, published: dt.date | None) -> list[int]:
    """Years to try for a date written without one, most likely first."""
    years = sorted({int(y) for y in YEAR_RE.findall(text)}, reverse=True)
    if published:
        return [published.year, published.year - 1, *years]
    return years


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _with_year(day: int, month: int, weekday: int | None, years: list[int]) -> dt.date | None:
    for year in years:
        date = _safe(year, month, day)
        if date and (weekday is None or date.weekday() == weekday):
            return date
    return None


def _resolve(kind: str, m: re.Match[str], years: list[int], published: dt.date | None) -> dt.date | None:
    g = m.groups()
    if kind == "iso":
        return _safe(int(g[0]), int(g[1]), int(g[2]))
    if kind == "dmy":
        return _safe(int(g[2]), MONTHS[g[1].lower()], int(g[0]))
    if kind == "numeric":
        year = int(g[2]) + (2000 if len(g[2]) == 2 else 0)
        return _safe(year, int(g[1]), int(g[0]))
    if kind == "weekday_paren":
        weekday = WEEKDAYS[g[0].lower()]
        if g[3]:
            year = int(g[3]) + (2000 if len(g[3]) == 2 else 0)
            return _with_year(int(g[1]), int(g[2]), weekday, [year])
        return _with_year(int(g[1]), int(g[2]), weekday, years)
    if kind == "span":
        return _with_year(int(g[0]), MONTHS[g[1].lower()], None, [int(g[2])] if g[2] else years)
    if kind == "dm":
        return _with_year(int(g[0]), MONTHS[g[1].lower()], None, years)
    if published is None:
        return None
    if kind in ("same_day", "from_last"):
        return None  # read in find_dates, from the date before it
    if kind == "stamp":
        return published
    if kind == "counted":
        days = count_days(g)
        return published + dt.timedelta(days=days if g[3].lower() == "lagi" else -days)
    if kind == "weekday_week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=WEEKS[g[1].lower()])
        return monday + dt.timedelta(days=WEEKDAYS[g[0].lower()])
    if kind == "weekday":
        if _ahead(m):
            return published + dt.timedelta(days=(WEEKDAYS[g[0].lower()] - published.weekday()) % 7)
        back = (published.weekday() - WEEKDAYS[g[0].lower()]) % 7
        return published - dt.timedelta(days=back)
    return published + dt.timedelta(days=RELATIVE[g[0].lower()])


# "Rekapitulasi akan kami gelar pada Senin", "dijadwalkan Kamis", "Senin mendatang": a bare weekday in a clause that
# tells what is to come is the coming one; not "…, kata A saat ditemui Senin", where the weekday dates the telling
TELLING = r"\b(?:kata|ujar|ditemui|dikonfirmasi|mengatakan|menyampaikan)\b"
FUTURE_BEFORE = re.compile(r"\b(?:akan|bakal|dijadwalkan|direncanakan|rencananya)\b"
                           r"(?:(?!" + TELLING + r")[^.;,\n]){0,80}$", re.I)
FUTURE_AFTER = re.compile(r"\s+mendatang\b", re.I)


def _ahead(m: re.Match[str]) -> bool:
    return bool(FUTURE_BEFORE.search(m.string, max(0, m.start() - 100), m.start())
                or FUTURE_AFTER.match(m.string, m.end()))


def count_days(groups: tuple[str | None, ...]) -> int:
    """The days a match of DAYS counts: "sepekan" 7, "dua hari" 2, "48 hari" 48."""
    count = 1 if groups[0] else EXACT_NUMBERS.get(groups[1].lower()) or int(groups[1])
    return count * DAYS_IN[(groups[2] or "hari").lower()]


def shifted(date: DateMention, days: int) -> DateMention:
    """The day ``days`` after a written date, named by the same words."""
    iso = (dt.date.fromisoformat(date.iso) + dt.timedelta(days=days)).isoformat() if date.iso else None
    return replace(date, iso=iso)


def find_dates(text: str, published: dt.date | None = None) -> list[DateMention]:
    """Every date expression, longest reading first where two overlap."""
    years = reference_years(text, published)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            date = _resolve(kind, m, years, published)
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.group(0), m.start(), m.end(), date.isoformat() if date else None,
                                     kind == "counted" or (kind == "from_last" and bool(m.group(2))),
                                     deadline=bool(DEADLINE_BEFORE.search(text, max(0, m.start() - 30), m.start())),
                                     week=kind == "relative" and abs(RELATIVE[m.group(0).lower()]) == 7))
    found.sort(key=lambda d: d.start)
    for i, d in enumerate(found):
        shift = _from_last(d.text)
        if shift is not None:
            before = next((b for b in reversed(found[:i]) if b.iso), None)
            found[i] = shifted(replace(d, iso=before.iso), shift) if before else d
    return found


def _from_last(text: str) -> int | None:
    """The days from the day named last to the day "pada hari yang sama", "sehari sebelumnya", "dua hari
    kemudian" or "keesokan harinya" names; None for any other date."""
    if SAME_DAY.fullmatch(text):
        return 0
    m = re.fullmatch(FROM_LAST, text, re.I)
    if m is None:
        return None
    if m.group(5):
        return 1
    days = count_days(m.groups()[:3])
    return -days if m.group(4).lower() == "sebelumnya" else days


# "distribusi logistik dijadwalkan pada H-2", "masa tenang (H-3 hingga H-1)", "rekapitulasi dimulai H+1": the
# schedule's days counted from the voting day ("hari H"), as KPU and the press write them
VOTING_DAY_COUNT = re.compile(r"(?<![\w-])H\s?([-+−–])\s?(\d{1,3})(?![\w/-])")


def from_voting_day(text: str, voting_day: str) -> list[DateMention]:
    """Every "H-N"/"H+N" of the text, dated from the voting day (ISO)."""
    day = dt.date.fromisoformat(voting_day)
    found = []
    for m in VOTING_DAY_COUNT.finditer(text):
        days = int(m.group(2)) * (1 if m.group(1) == "+" else -1)
        found.append(DateMention(m.group(0), m.start(), m.end(), (day + dt.timedelta(days=days)).isoformat(),
                                 from_voting=True))
    return found


def is_bare_weekday(date: DateMention) -> bool:
    """A weekday alone ("…, Senin."): the day a wire story reports, read against its publication date."""
    return date.text.lower() in WEEKDAYS
