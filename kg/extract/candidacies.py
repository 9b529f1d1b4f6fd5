"""Candidates and their pairs, in the ways Indonesian news writes them.

- a cue, then the pair: "pasangan calon nomor urut 1, A dan B", "paslon Bupati Sleman A-B",
  "Nomor urut 2 diperoleh A yang berpasangan dengan B", "pasangan calon gubernur A dan wakil
  gubernur B", "bakal pasangan calon A-B", "paslon tunggal, yakni pasangan A dan B";
- one candidate: "calon Gubernur X nomor urut 1, A", "cawagub A", "A dari pasangan nomor urut 1";
- the pair before its office: "menetapkan A dan B sebagai Bupati dan Wakil Bupati terpilih";
- a short "A-B" pair where the clause reports votes or backing ("A-B meraih 45 persen",
  "A-B, yang diusung PDIP") or where its names are those of candidates already found;
- a legislative candidate: "calon anggota DPR RI dari Partai X, A", "caleg PDI Perjuangan A".
The names found here become person mentions (method rule), so candidates the NER model
misses are still persons. Office, region and parties are resolved later (``candidacy_facts``).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from kg.extract import lexicon
from kg.extract.contests import (
    BY_NAME,
    CANDIDATE_FORMS,
    DEPUTY_CANDIDATE_FORMS,
    OFFICE_PATTERN,
    OFFICE_RE,
    ArticleContest,
    PlaceSpan,
    Race,
    office_in,
    region_after_office,
)
from kg.extract.dates import MONTHS, WEEKDAYS
from kg.extract.facts import RULE, Candidacy, Contest, Entity, Evidence
from kg.extract.numbers import EXACT_NUMBERS, parse_number
from kg.extract.personal_names import COINED, DEGREES_AFTER, REPLACED_BY
from kg.extract.spans import Covered

BALLOT_WORDS = {"satu": "1", "dua": "2", "tiga": "3", "empat": "4", "lima": "5", "enam": "6",
                "tujuh": "7", "delapan": "8", "sembilan": "9", "sepuluh": "10"}
BALLOT = r"(\d{1,2}|" + "|".join(BALLOT_WORDS) + r")(?![\w.,]\d)"
BALLOT_RE = re.compile(r"(?<![\w-])(?:nomor|no\.?)(?:\s+urut)?\s+" + BALLOT + r"(?!\w)", re.I)
# "paslon 02 A-B", "pasangan calon 1, A dan B": a bare ballot number right after the cue word.
BARE_BALLOT = re.compile(r"(?<![\w-])(?:paslon|pasangan(?:\s+calon)?|calon|capres|cagub|cabup|cawalkot|cawali)"
                         r"\s+(0?\d)(?![\w.,]\d)(?=\s*[,:]?\s)", re.I)
# Capitalised words that open clauses or name things, never a candidate's name.
NOT_NAME = {
    "adapun", "sementara", "sedangkan", "menurut", "dengan", "namun", "kemudian", "selain", "pada", "dalam",
    "di", "ke", "dari", "dan", "yang", "ia", "dia", "mereka", "keduanya", "pasangan", "paslon", "calon",
    "bakal", "nomor", "kotak", "kosong", "tunggal", "wakil", "gubernur", "bupati", "wali", "walikota",
    "presiden", "kota", "kabupaten", "provinsi", "partai", "koalisi", "ketua", "anggota", "pilkada",
    "pilgub", "pilbup", "pilwalkot", "pemilu", "pemilihan", "hasil", "sebagai", "selaku", "terpilih",
    "petahana", "kandidat", "hingga", "untuk", "itu", "ini", "tersebut", "rapat", "pleno", "surat",
    "suara", "kpu", "bawaslu", "mk", "tim", "kubu", "tanpa", "gambar", "foto", "periode", "tahun", "pasal",
} | set(MONTHS) | set(WEEKDAYS)
WORD = r"(?:[A-Z][\w'’]*\.?|['‘\"“][A-Z]\w*['’\"”])"
NAME_RE = re.compile(WORD + r"(?:[ \t]+(?:(?:bin|binti)[ \t]+)?" + WORD + r"){0,5}")
ALIAS = re.compile(r"\s*(?:\((?=\D)[^()\n]{1,40}\)|,?\s+alias\s+" + WORD + r"(?:\s+" + WORD + r"){0,3})")
PAIR_LINK = re.compile(
    r"\s*[-–—/&]\s*|\s+(?:dan|serta)\s+(?:(?:bakal\s+)?(?:calon\s+)?wakil(?:nya)?\s+(?:" + OFFICE_PATTERN + r")\s+"
    r"|(?:" + DEPUTY_CANDIDATE_FORMS + r")\s+)?"
    r"|\s*,?\s+(?:dan|serta|beserta|bersama)\s+wakilnya\s*,?\s+"  # "A, dan wakilnya, B"
    r"|\s*,?\s+(?:yang\s+)?berpasangan\s+(?:dengan\s+)?(?:(?:calon\s+)?wakil(?:nya)?\s+(?:"
    + OFFICE_PATTERN + r")\s+)?", re.I)
CUE_RE = re.compile(
    r"(?<![\w-])(?:pasangan\s+(?:bakal\s+)?calon|(?:bakal\s+)?pasangan\s+calon|bapaslon|paslon|pasangan"
    r"|(?:bakal\s+)?calon|kandidat|nomor\s+urut|" + OFFICE_PATTERN + r")(?![\w-])", re.I)
PREAMBLE_WORD = re.compile(
    r"\s*(?:[,:]\s*|[-/]\s*|\((?:[^()\n]{1,25})\)|(?:pasangan|calon|bakal|paslon|bapaslon|kandidat|tunggal|petahana"
    r"|terpilih|pemenang|penantang|dan|yakni|yaitu|adalah|ialah|diperoleh|oleh|untuk|dalam|pada|periode|yang|lain"
    r"|lainnya|berikutnya|masing-masing|antara\s+lain|di\s+antaranya|meliputi|terdiri\s+(?:atas|dari)"
    r"|tersebut|itu|ini|resmi|nomor\s+urut|no\.\s+urut|sebagai|menjadi"
    r"|ditetapkan|dinyatakan|memenuhi\s+syarat|lolos|terdaftar|mendaftar|maju|bertarung|berlaga|bersaing"
    r"|(?:dari\s+|melalui\s+)?jalur\s+(?:perseorangan|independen|partai(?:\s+politik)?|parpol)|perseorangan|independen"
    r"|yang(?:\s+(?-i:[a-z]\w*)){1,3}\s+(?=adalah|yakni|yaitu|ialah)"  # "paslon yang hadir adalah A-B"
    r"|pertama|kedua|ketiga|keempat|kelima|(?:19|20)\d\d(?:\s*[-–]\s*"
    r"(?:19|20)\d\d)?|kabupaten|kab\.|provinsi|kota)(?![\w-])\s*)", re.I)
SUPPORT_OR_VOTES = re.compile(
    r"[^.;]{0,40}?\b(?:diusung|didukung|diusulkan|dicalonkan|meraih|memperoleh|mendapat(?:kan)?|unggul"
    r"|menang|mengungguli|kalah|ditetapkan|nomor\s+urut|mengantongi|meraup|mendulang)\b", re.I)
CANDIDATE_CUE = re.compile(r"calon|" + CANDIDATE_FORMS + r"|kandidat|nomor\s+urut|no\.?\s+urut|paslon|bapaslon", re.I)
BEFORE_OFFICE = re.compile(
    r"\s*,?\s+(?:sebagai|selaku|menjadi)\s+((?:pasangan\s+)?(?:calon\s+)?(?:" + OFFICE_PATTERN
    + r")(?:\s+dan\s+wakil\s+(?:" + OFFICE_PATTERN + r"))?(?:\s+(?-i:[A-Z]\w*)){0,4}(?:\s+terpilih)?"
    r"|(?:pasangan\s+calon|paslon|calon)(?:\s+peserta)?(?:\s+(?:" + OFFICE_PATTERN + r"))?(?:\s+terpilih)?)"
    r"(?!\s+(?:pemilih|anggota|legislatif))", re.I)
FROM_TICKET = re.compile(r"\s*,?\s+(?:dari|selaku)\s+(?:pasangan|paslon)(?:\s+calon)?\s+(?:nomor|no\.?)(?:\s+urut)?\s+"
                         + BALLOT, re.I)
BALLOT_AFTER = re.compile(
    r"\s*,?\s*(?:yang\s+)?(?:mendapat(?:kan)?|memperoleh|meraih|berhak\s+(?:atas|menggunakan)|menempati|dengan|\()\s*"
    r"(?:nomor|no\.?)(?:\s+urut)?\s+" + BALLOT, re.I)  # "… mendapat nomor urut 2", "A-B (nomor urut 1)"


@dataclass
class Ticket:
    """A candidate, or a pair, as one pattern wrote it (character spans, no entities yet)."""

    head: tuple[int, int]
    mate: tuple[int, int] | None
    start: int  # the whole pattern
    end: int
    phrase: str = ""  # the words around the names that may give office and region
    deputy: bool = False  # a lone running mate ("cawagub A")
    ballot: str | None = None
    ballot_span: tuple[int, int] | None = None
    status: str | None = None
    sole: bool = False  # calon tunggal: the pair runs against the empty box
    legislature: str | None = None  # a legislative candidate's office: dpr, dpd, dprd provinsi, dprd kabupaten/kota
    roles: list[str] = field(default_factory=list)  # the words calling them candidates: "paslon nomor urut 3"
    aliases: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)  # (name, its alias)

    @property
    def names(self) -> list[tuple[int, int]]:
        """Every name span the ticket wrote: head, running mate, their aliases."""
        return [self.head] + ([self.mate] if self.mate else []) + [a for _, a in self.aliases]


WORD_RUN = re.compile(r"\S+")
INITIAL_AT_END = re.compile(r"(?<![\w.])[A-Z]\.$")  # "Hadi S."


def _is_name(text: str, caps: bool = False) -> bool:
    """Not a clause opener, an acronym (RHS) or a ticket's tagline written in camel case (BaDai); a name
    in capitals ("1. ACEP ADANG-GITA LARAS" in a KPU list) only where ``caps`` and of two real words."""
    words = text.split()
    if text.isupper() and not (caps and sum(len(w.strip(".")) >= 3 for w in words) >= 2):
        return False
    return bool(words) and words[0].strip("'‘\"“").lower() not in NOT_NAME and not COINED.search(text)


def _name_at(text: str, pos: int, blocked: list[tuple[int, int]], caps: bool = False) -> tuple[int, int] | None:
    """The candidate name starting at ``pos``: capitalised words up to a blocked span or a non-name word;
    honorifics before it ("Dr. dr. Meiske …") are part of the span, never the whole of it."""
    honour = lexicon.honorific_regex().match(text[pos:pos + 40])
    first = pos + (honour.end() if honour else 0)
    m = NAME_RE.match(text, first)
    if not m:
        return None
    end = first
    for w in WORD_RUN.finditer(m.group(0)):
        s, e = first + w.start(), first + w.end()
        word = w.group(0).strip(".,").strip("'‘\"“’”").lower()
        if word in NOT_NAME or word in lexicon.post_forms() or any(a <= s < b for a, b in blocked):
            break
        end = e
        if w.group(0).endswith(".") and len(w.group(0)) > 3 and not _title(w.group(0)):
            break  # a word closing the sentence, not an initial or a title (H., Dr., Prof.)
    if end == first:
        return None
    while end > pos and text[end - 1] in ".,":
        if INITIAL_AT_END.search(text[pos:end]):
            break  # an initial: "Hadi S."
        end -= 1
    return (pos, end) if _is_name(text[pos:end], caps) else None


CUE_SPLIT = re.compile(r"\s*(?:[,:;]|\b(?:yakni|yaitu|adalah|ialah|diperoleh|oleh)\b)\s*", re.I)


# "Pemohon adalah pasangan calon bupati … nomor urut 2, A-B", "Pihak terkait dalam perkara ini adalah pasangan
# calon nomor urut 1, C-D": the pair's part in a court case, written before its descriptor
PARTY_BEFORE = re.compile(r"(?<![\w-])(pemohon|termohon|pihak\s+terkait|penggugat|tergugat|pelapor|terlapor)"
                          r"(?:\s+(?:dalam|pada)\s+(?:perkara|sengketa|gugatan|permohonan)(?:\s+(?:ini|tersebut|itu))?)?"
                          r"\s*,?\s+(?:adalah|ialah|yakni|yaitu)\s+$", re.I)
ELECTED = re.compile(r"\bterpilih$", re.I)  # "Bupati dan wakil bupati terpilih adalah pasangan nomor urut 1, A-B"


def party_roles(text: str, cue_start: int) -> list[str]:
    """The court party a pair's descriptor is said to be ("Pemohon adalah pasangan calon …"), if any."""
    m = PARTY_BEFORE.search(text, max(0, cue_start - 60), cue_start)
    return [m.group(1)] if m else []


def cue_roles(cue: str) -> list[str]:
    """The titles a cue gives its candidates: "paslon tunggal, yakni pasangan calon gubernur" -> both;
    "pasangan calon, yakni nomor urut 1" -> "pasangan calon nomor urut 1"; "bupati dan wakil bupati terpilih
    adalah pasangan nomor urut 1" -> both."""
    merged: list[str] = []
    for seg in (" ".join(seg.split()) for seg in CUE_SPLIT.split(cue)):
        if seg and BALLOT_RE.fullmatch(seg) and merged:
            merged[-1] += " " + seg
        elif seg:
            merged.append(seg)
    return [r.removesuffix(" dan") for r in merged
            if (CANDIDATE_CUE.search(r) or ELECTED.search(r)) and len(r.split()) > 1]


def _title(word: str) -> bool:
    return bool(lexicon.honorific_regex().match(word + " "))


def _preamble(text: str, pos: int, blocked: list[tuple[int, int]], limit: int = 160) -> int:
    """Skip the words between a cue and the names: offices, places, ballot numbers, "yakni"."""
    stop = min(len(text), pos + limit)
    while pos < stop:
        ballot = BALLOT_RE.match(text, pos) or BALLOT_RE.match(text, _skip_space(text, pos))
        bare = BARE_BALLOT.search(text, max(0, pos - 20), _skip_space(text, pos) + 4)  # "paslon 01, "
        if not ballot and bare and bare.start(1) == _skip_space(text, pos):
            ballot = bare
        office = OFFICE_RE.match(text, _skip_space(text, pos))
        word = PREAMBLE_WORD.match(text, pos)
        at = _skip_space(text, pos)
        span = next(((a, b) for a, b in blocked if a <= at < b), None)
        if ballot:
            pos = ballot.end()
        elif office:
            pos = office.end()
        elif word and word.end() > pos:
            pos = word.end()
        elif span:
            pos = span[1]
        else:
            break
    return _skip_space(text, pos)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


STATUS_WORDS = (
    ("not_eligible", re.compile(r"tidak\s+memenuhi\s+syarat|\btms\b|didiskualifikasi|tidak\s+lolos")),
    ("registered", re.compile(r"\bbakal\b|\bbapaslon\b|\bbaca(?:gub|bup|walkot|pres)\b|mendaftar")),
    ("eligible", re.compile(r"\bditetapkan\b|memenuhi\s+syarat|\blolos\b")),
)


def _deputy_office(phrase: str) -> bool:
    """Whether the office the phrase names is a deputy's ("calon wakil bupati")."""
    office = office_in(phrase)
    return bool(office and office[1])


def _status(phrase: str) -> str | None:
    """registered (bakal calon, mendaftar), eligible (ditetapkan sebagai calon), not_eligible, elected."""
    low = " ".join(phrase.lower().split())
    if "terpilih" in low:
        return "elected"
    return next((status for status, pattern in STATUS_WORDS if pattern.search(low)), None)


def read_ballot(written: str) -> str:
    """A ballot number as written ("02", "dua") -> "2"."""
    return BALLOT_WORDS.get(written.lower(), written).lstrip("0") or "0"


def _ballot(phrase_start: int, phrase: str) -> tuple[str, tuple[int, int]] | None:
    m = BALLOT_RE.search(phrase) or BARE_BALLOT.search(phrase)
    if not m:
        return None
    return read_ballot(m.group(1)), (phrase_start + m.start(1), phrase_start + m.end(1))


ALIAS_OPENER = re.compile(r"(?:alias\s+|\()\s*")


def _after_name(text: str, end: int, blocked: list[tuple[int, int]]) -> tuple[int, tuple[int, int] | None]:
    """The end of a name's degrees and alias ("Dr. A, M.Si.-B", "alias Bimo", "(Bimo)"), if any, and the
    alias's span if it is a name."""
    degrees = DEGREES_AFTER.match(text, end)
    end = degrees.end() if degrees else end
    alias = ALIAS.match(text, end)
    if not alias:
        return end, None
    inner = ALIAS_OPENER.search(alias.group(0))
    at = end + inner.end() if inner else end
    name = _name_at(text, at, blocked)
    return alias.end(), name


Names = tuple[tuple[int, int], tuple[int, int] | None, int, str, list[tuple[tuple[int, int], tuple[int, int]]]]


def _pair_from(text: str, pos: int, blocked: list[tuple[int, int]], caps: bool = False) -> Names | None:
    """(head, mate, end, link words, aliases) of the names starting at ``pos``."""
    head = _name_at(text, pos, blocked, caps)
    if head is None:
        return None
    after, alias = _after_name(text, head[1], blocked)
    aliases = [(head, alias)] if alias else []
    link = PAIR_LINK.match(text, after)
    if link:
        mate = _name_at(text, link.end(), blocked, caps)
        if mate is not None:
            end, alias = _after_name(text, mate[1], blocked)
            return head, mate, end, link.group(0), aliases + ([(mate, alias)] if alias else [])
    return head, None, after, "", aliases


# "Ketua Tim Pemenangan pasangan nomor urut 2, A", "saksi paslon 1, A": the name is the team's, not a candidate.
ON_BEHALF = re.compile(r"\b(?:tim(?:\s+(?:pemenangan|sukses|kampanye|hukum|advokasi))?|saksi|kuasa\s+hukum"
                       r"|juru\s+bicara|jubir|relawan|pendukung|simpatisan|pengacara|koordinator)\s+"
                       r"(?:(?:pasangan|paslon|calon|bakal)\s+)*$", re.I)


HYPHENS = ("-", "–", "—")  # "A-B": a pair, never one team member
# "dua bakal calon wakil wali kota, yakni A dan B": two running mates listed under a deputy's title, no pair
LISTED_LINK = re.compile(r"\s*,?\s+(?:dan|serta)\s+", re.I)
PAIR_WORD = re.compile(r"pasangan|terpilih", re.I)
SOLE = re.compile(r"\btunggal\b", re.I)


def find_tickets(text: str, blocked: list[tuple[int, int]]) -> list[Ticket]:
    """Every candidate or pair the text names; ``blocked`` are spans of places and institutions."""
    tickets: list[Ticket] = []
    taken = 0
    for cue in CUE_RE.finditer(text):
        if cue.start() < taken:
            continue
        behalf = ON_BEHALF.search(text, max(0, cue.start() - 40), cue.start())
        start = _preamble(text, cue.start(), blocked)
        if start == cue.start():
            continue
        found = _pair_from(text, start, blocked, caps=True)
        if found is None:
            continue
        head, mate, end, link, aliases = found
        if behalf and not (mate and link.strip() in HYPHENS):
            continue  # a team's or a witness's name, but "tim pemenangan pasangan calon nomor urut 1, A-B": the pair
        phrase = text[cue.start():start]
        if not (CANDIDATE_CUE.search(phrase) or (mate and PAIR_WORD.search(phrase))):
            continue
        if mate is None and not (office_in(phrase) or BALLOT_RE.search(phrase) or BARE_BALLOT.search(phrase)):
            continue  # "calon Ketua Umum …": a lone name is a candidate only for a stated office or number
        deputies = mate and _deputy_office(phrase) and LISTED_LINK.fullmatch(link) and not PAIR_WORD.search(phrase)
        for name, partner in ([(head, None), (mate, None)] if deputies else [(head, mate)]):
            ticket = Ticket(name, partner, cue.start(), end, phrase + " " + link, aliases=aliases,
                            roles=party_roles(text, cue.start()) + cue_roles(phrase))
            ticket.status = _status(phrase)
            ticket.sole = bool(SOLE.search(phrase))
            ticket.deputy = partner is None and _deputy_office(phrase)
            _set_ballot(text, ticket, cue.start(), phrase)
            _office_after(text, ticket)
            tickets.append(ticket)
        tickets += _list_after(text, ticket, blocked)
        tickets += _rivals(text, tickets[-1], blocked)
        taken = tickets[-1].end
    tickets += _list_lines(text, blocked, tickets)
    tickets += _pairs_before_office(text, blocked, tickets)
    tickets += _short_pairs(text, blocked, tickets)
    tickets += _listed_with(text, blocked, tickets)
    tickets += _running_subjects(text, blocked, tickets)
    tickets += _legislative(text, blocked, tickets)
    for t in tickets:  # what the clause says happened outranks "bakal" (registered)
        t.status = (_status_around(text, t) or t.status) if t.status in (None, "registered") else t.status
    tickets.sort(key=lambda t: t.start)
    tickets += _companions(text, tickets, blocked)
    tickets.sort(key=lambda t: t.start)
    _ballots_of_anaphors(text, tickets)
    _ballots_of_replacements(text, tickets)
    _ballot_of_the_one_pair(text, tickets)
    _counted_descriptors(text, tickets)
    return tickets


# "Tiga bakal pasangan calon Wali Kota dan Wakil Wali Kota Ambon menjalani … . Ketiganya adalah A-B, C-D, serta
# E-F": a lead counting the pairs and naming their race, the pairs listed after it
COUNTED_PAIRS = re.compile(
    r"(?<![\w-])(" + "|".join(n for n, v in EXACT_NUMBERS.items() if 1 < v < 10) + r"|[2-9])\s+("
    r"(?:bakal\s+)?pasangan\s+(?:bakal\s+)?calon\s+(?:" + OFFICE_PATTERN + r")(?:\s+dan\s+wakil\s+(?:"
    + OFFICE_PATTERN + r"))?(?:\s+(?-i:[A-Z][\w-]*)){0,3})", re.I)


def _counted_descriptors(text: str, tickets: list[Ticket]) -> None:
    """The pairs a counted lead announces (the next that many pairs) hold its descriptor ("bakal pasangan calon
    Wali Kota dan Wakil Wali Kota Ambon") when their own cue gives them no title."""
    for m in COUNTED_PAIRS.finditer(text):
        pairs = [t for t in tickets if t.start >= m.end() and t.mate][:int(parse_number(m.group(1)))]
        for t in pairs:
            if not t.roles:
                t.roles = [" ".join(m.group(2).split())]


# "A (yang) mendampingi (calon bupati) B": A is B's running mate; "A (yang) berpasangan dengan (calon wakil
# bupati) B": B is A's. Said of one half of a pair acting alone (a campaign stop, a debate of running mates).
COMPANION = re.compile(r"(?:\s+(?:pengganti|baru|definitif))?\s*,?\s+(?:yang\s+)?(?:akan\s+|resmi\s+|sebelumnya\s+)?"
                       r"(?:(?P<serves>mendampingi)|berpasangan\s+dengan|menggandeng)\s+", re.I)
# "Pasangannya, calon wakil gubernur B" / "Wakilnya, B": the running mate of the head named before.
HIS_MATE = re.compile(r"(?<![\w-])(?:Pasangannya|Wakilnya|Pendampingnya)\s*,?\s*$")
# "Ia berpasangan dengan B", "Almarhum menggandeng B": so is the one a pronoun's head takes along
HE = re.compile(r"(?<![\w-])(?:Ia|Dia|Beliau|Almarhum|Almarhumah)(?![\w-])")


def _companions(text: str, tickets: list[Ticket], blocked: list[tuple[int, int]]) -> list[Ticket]:
    """Pairs written as one candidate accompanying the other (COMPANION, HIS_MATE). The one before the
    link is a candidate already found (a ticket, or a name whose words a ticket has); the other is read
    after the link and its cue ("calon bupati nomor urut 3, B"). The pair's ticket joins the two."""
    out: list[Ticket] = []
    words = {w.lower() for t in tickets for s, e in [t.head, t.mate or t.head] for w in text[s:e].split()}
    starts = [(t.head, t.end) for t in tickets if t.mate is None and not t.legislature]
    for m in WORD_START.finditer(text):
        found = _name_at(text, m.start(), blocked)
        if found and words & {w.lower() for w in text[slice(*found)].split()}:
            starts.append((found, _after_name(text, found[1], blocked)[0]))
    for found, after in sorted(set(starts)):
        link = COMPANION.match(text, after)
        if not link:
            continue
        at = _preamble(text, link.end(), blocked, limit=60)
        titled = _title_apposed().match(text, at)  # "berpasangan dengan mantan Sekda X, B"
        other = _name_at(text, titled.end() if titled else at, blocked)
        if other is None or any(t.mate and t.head == found for t in out):
            continue
        between = text[link.end():at]
        head, mate = (other, found) if link.group("serves") else (found, other)
        ballot = _ballot(link.end(), between)
        end, _ = _after_name(text, other[1], blocked)
        out.append(Ticket(head, mate, found[0], end, BALLOT_RE.sub(" ", between).removeprefix("wakil "),
                          ballot=ballot[0] if ballot else None, ballot_span=ballot[1] if ballot else None))
    out += _accompanied(text, words, blocked)
    out += _respectively(text, tickets)
    for t in tickets:
        before = HIS_MATE.search(text, max(0, t.start - 20), t.start)
        if before and t.deputy and t.mate is None and (h := _head_before(tickets, before.start())):
            out.append(Ticket(h.head, t.head, h.start, t.end, h.phrase, ballot=h.ballot or t.ballot,
                              ballot_span=h.ballot_span or t.ballot_span))
    for he in HE.finditer(text):
        link = COMPANION.match(text, he.end())
        h = _head_before(tickets, he.start()) if link and not link.group("serves") else None
        other = _name_at(text, link.end(), blocked) if h else None
        if h and other and not any(t.head == h.head and t.mate for t in tickets + out):
            out.append(Ticket(h.head, other, h.start, _after_name(text, other[1], blocked)[0], h.phrase,
                              ballot=h.ballot, ballot_span=h.ballot_span))
    return out


def _head_before(tickets: list[Ticket], pos: int) -> Ticket | None:
    """The lone head of a ticket named last before ``pos``, not long before."""
    heads = [h for h in tickets if h.end <= pos and not h.deputy and h.mate is None]
    return heads[-1] if heads and pos - heads[-1].end < 300 else None


# "Didampingi calon wakil gubernur B, A menjanjikan …": the candidate A named after his running mate
ACCOMPANIED = re.compile(r"(?<![\w-])[Dd]idampingi\s+(?:(?:calon\s+)?wakil(?:nya)?\s+(?:" + OFFICE_PATTERN
                         + r")\s+|(?:wakilnya|pasangannya)\s*,?\s*)")
APPOSED_HEAD = re.compile(r"\s*,\s*")


def _accompanied(text: str, known: set[str], blocked: list[tuple[int, int]]) -> list[Ticket]:
    """Pairs written "Didampingi (calon wakil X) B, A …" where A is a candidate already found (``known``: the
    words of the tickets' names, a nickname in quotes among them: "Muhammad Irfan 'Ifan' Arifin")."""
    out = []
    for m in ACCOMPANIED.finditer(text):
        mate = _name_at(text, m.end(), blocked)
        comma = APPOSED_HEAD.match(text, mate[1]) if mate else None
        head = _name_at(text, comma.end(), blocked) if comma else None
        if head and {w.strip("'‘’\"“”") for w in known} & {w.lower() for w in text[slice(*head)].split()}:
            out.append(Ticket(head, mate, m.start(), head[1], m.group(0).replace("wakil ", "")))
    return out


@functools.cache
def _title_apposed() -> re.Pattern[str]:
    """A post and its region written before a name and a comma: "mantan Sekretaris Daerah Bone Bolango, "."""
    posts = lexicon.alternation(lexicon.post_title_forms())
    return re.compile(r"(?:(?:mantan|eks|bekas)\s+)?(?i:" + posts + r")(?:\s+[A-Z][\w-]*)*\s*,\s+")


# "Keduanya masing-masing mendampingi calon gubernur A dan calon gubernur B": respectively, in order.
RESPECTIVELY = re.compile(r"\b(?:keduanya|ketiganya|mereka)\s+masing-masing\s+(?:(?P<serves>mendampingi)"
                          r"|berpasangan\s+dengan)\b", re.I)


def _respectively(text: str, tickets: list[Ticket]) -> list[Ticket]:
    """The lone candidates named before "masing-masing mendampingi …" pair, in order, with the lone ones
    named after it in the same sentence."""
    out = []
    for m in RESPECTIVELY.finditer(text):
        stop = text.find(".", m.end())
        after = [t for t in tickets if m.end() <= t.start < (stop if stop >= 0 else len(text)) and t.mate is None]
        before = [t for t in tickets if t.end <= m.start() and t.mate is None][-len(after):] if after else []
        if not after or len(before) != len(after) or m.start() - before[0].end > 400:
            continue
        for first, second in zip(before, after, strict=True):
            head, mate = (second, first) if m.group("serves") else (first, second)
            out.append(Ticket(head.head, mate.head, first.start, second.end, head.phrase, ballot=first.ballot
                              or second.ballot, ballot_span=first.ballot_span or second.ballot_span))
    return out


def _ballots_of_anaphors(text: str, tickets: list[Ticket]) -> None:
    """"KPU menetapkan A-B … . Pasangan nomor urut 3 tersebut meraih …": the pair named just before has number 3."""
    for m in THIS_PAIR.finditer(text):
        before = [t for t in tickets if t.end <= m.start() and t.mate is not None]
        if m.group(1) and before and before[-1].ballot is None and m.start() - before[-1].end < 600:
            before[-1].ballot, before[-1].ballot_span = read_ballot(m.group(1)), (m.start(1), m.end(1))


NUMBERED_PAIR = re.compile(r"\b(?:pasangan|paslon)(?:\s+calon)?\s+(?:nomor|no\.?)\s+urut\s+(\d{1,2})\b", re.I)


def _ballot_of_the_one_pair(text: str, tickets: list[Ticket]) -> None:
    """"… pasangan A dan calon wakil bupati B dinyatakan tidak memenuhi syarat. … 'Pasangan nomor urut 3 tetap ada di
    surat suara'": a number said of a pair named no more is that of the pair named before it, when that pair is
    the only one the article names without a number and no pair named has that number."""
    unnumbered = [t for t in tickets if t.ballot is None]
    pair = next((t for t in unnumbered if t.mate is not None), None)
    if pair is None or not all(_one_of(text, name, pair.names) for t in unnumbered for name in t.names):
        return  # another candidate named without a number: the number may be theirs
    for m in NUMBERED_PAIR.finditer(text):
        number = read_ballot(m.group(1))
        if pair.end <= m.start() and not any(t.ballot == number for t in tickets):
            for t in unnumbered:
                t.ballot, t.ballot_span = number, (m.start(1), m.end(1))
            return


def _one_of(text: str, name: tuple[int, int], names: list[tuple[int, int]]) -> bool:
    """Whether a name is one of ``names`` written in full or shortened ("Abdul Karim" of "Abdul Karim Rumakefing")."""
    words = set(text[name[0]:name[1]].split())
    return any(words <= other or other <= words for other in (set(text[a:b].split()) for a, b in names))


REPLACING = re.compile(r"\bpengganti\b", re.I)  # in the cue ("calon pengganti") or right after the office


def _ballots_of_replacements(text: str, tickets: list[Ticket]) -> None:
    """"Calon Bupati X nomor urut 2, A, meninggal dunia … mengajukan B sebagai calon bupati pengganti": who takes a
    candidate's place takes the ticket's number, that of the candidate for the same office named last before."""
    for i, t in enumerate(tickets):
        replacing = REPLACING.search(t.phrase) or REPLACING.match(text, _skip_space(text, t.end))
        office = office_in(t.phrase) if t.ballot is None and replacing else None
        replaced = next((u for u in reversed(tickets[:i]) if u.ballot and office_in(u.phrase) == office), None)
        if office and replaced:
            t.ballot = replaced.ballot


DETERMINED_BEFORE = re.compile(r"\b(?:menetapkan|ditetapkan|penetapan)\b(?:(?!\.\s)[^;])*$", re.I)
STATUS_AFTER = (
    ("not_eligible", re.compile(r"^[^.;]{0,60}?\b(?:dinyatakan\s+)?(?:tidak\s+memenuhi\s+syarat|TMS|gugur"
                                r"|didiskualifikasi|tidak\s+lolos)\b", re.I)),
    ("eligible", re.compile(r"^[^.;]{0,60}?\b(?:dinyatakan\s+)?(?:memenuhi\s+syarat|lolos\s+verifikasi|ditetapkan"
                            r"\s+sebagai)\b", re.I)),
    ("registered", re.compile(r"^[^.;]{0,60}?\b(?:mendaftar|mendaftarkan\s+diri|resmi\s+mendaftar)\b", re.I)),
)


def _status_around(text: str, t: Ticket) -> str | None:
    """"KPU menetapkan A-B sebagai …" (eligible), "A-B dinyatakan tidak memenuhi syarat", "A-B mendaftar"."""
    after = text[t.end:t.end + 120]
    for status, pattern in STATUS_AFTER:
        if pattern.search(after):
            return status
    return "eligible" if DETERMINED_BEFORE.search(text[max(0, t.start - 80):t.start]) else None


# The next pair of a list, maybe after a relative clause on the one before ("A-B, yang diusung X, serta C-D").
LIST_NEXT = re.compile(r"(?:\s*,?\s+yang\s+[^,.;()]{1,80}?(?=,|\s+serta\s))?"
                       r"(?:\s*[,;]\s*(?:(?:dan|serta)\s+)?|\s+(?:dan|serta)\s+)")
BALLOT_GAP = re.compile(r"\s*[,:]?\s*")


def _list_after(text: str, first: Ticket, blocked: list[tuple[int, int]]) -> list[Ticket]:
    """"tiga paslon: A-B, C-D, dan E-F": the pairs listed after the first share its cue (not its number)."""
    out: list[Ticket] = []
    last = first
    while first.mate is not None:
        sep = LIST_NEXT.match(text, last.end)
        if not sep:
            break
        ballot = BALLOT_RE.match(text, sep.end())
        pos = BALLOT_GAP.match(text, ballot.end()).end() if ballot else sep.end()
        found = _pair_from(text, pos, blocked, caps=True)
        if found is None or found[1] is None:
            break
        head, mate, end, link, aliases = found
        phrase = BALLOT_RE.sub(" ", first.phrase)
        last = Ticket(head, mate, sep.end(), end, phrase, status=first.status, aliases=aliases)
        bases = [" ".join(BALLOT_RE.sub(" ", r).split()) for r in first.roles]
        last.roles = [f"{b} {ballot.group(0)}" if ballot else b for b in bases if b]  # the cue of the list
        if ballot:
            last.ballot = read_ballot(ballot.group(1))
            last.ballot_span = (ballot.start(1), ballot.end(1))
        else:
            _own_ballot(text, last)
        out.append(last)
    return out


LIST_LINE = re.compile(r"^[ \t]*(?:[-•*][ \t]*)?(\d{1,2})[.)][ \t]+", re.M)
NUMBERED_BY_BALLOT = re.compile(r"\b(?:nomor|no\.?)\s+urut\b", re.I)


def _list_lines(text: str, blocked: list[tuple[int, int]], known: list[Ticket]) -> list[Ticket]:
    """A numbered list of pairs, one a line ("1. A-B"), after the text speaks of candidates; the numbers
    are ballot numbers when the list follows "nomor urut", or when it gives votes that are not in falling
    order (a ranking of a count lists the most votes first)."""
    listed: list[tuple[Ticket, re.Match[str]]] = []
    for m in LIST_LINE.finditer(text):
        before = text[max(0, m.start() - 300):m.start()]
        if _overlaps((m.start(), m.end() + 1), known) or not CANDIDATE_CUE.search(before):
            continue
        found = _pair_from(text, m.end(), blocked, caps=True)
        if found is None or found[1] is None:
            continue
        head, mate, end, link, aliases = found
        listed.append((Ticket(head, mate, m.start(1), end, "", aliases=aliases), m))
    votes = [_line_votes(text, t.end) for t, _ in listed]
    unranked = len(listed) > 1 and None not in votes and votes != sorted(votes, reverse=True)
    for t, m in listed:
        if unranked or NUMBERED_BY_BALLOT.search(text, max(0, m.start() - 300), m.start()):
            t.ballot, t.ballot_span = read_ballot(m.group(1)), (m.start(1), m.end(1))
    return [t for t, _ in listed]


LINE_VOTES = re.compile(r"[ \t]*[:–-]?[ \t]*(\d{1,3}(?:\.\d{3})+|\d+)[ \t]+suara\b", re.I)


def _line_votes(text: str, end: int) -> Decimal | None:
    """The votes written right after a listed pair ("1. A-B: 31.402 suara")."""
    m = LINE_VOTES.match(text, end)
    return parse_number(m.group(1)) if m else None


# "calon anggota DPR RI dari Partai X, A", "caleg PDI Perjuangan A", "calon anggota DPRD Provinsi Jambi A"
LEGISLATIVE_CUE = re.compile(r"(?<![\w-])(?i:(?:bakal\s+)?calon(?:\s+anggota(?:\s+legislatif)?)?(?=\s+DPR|\s+DPD)"
                             r"|(?:bakal\s+)?calon\s+anggota(?:\s+legislatif)?(?=\s*,)"
                             r"|bacaleg|caleg)(?:\s+(DPRD\s+(?i:Provinsi|Prov\.|Kabupaten|Kab\.|Kota)|DPRD|DPD|DPR)"
                             r"(?:\s+RI)?)?(?![\w-])")  # the level in capitals: "calon anggota DPR", not "… dapur"
LEGISLATIVE_GAP = re.compile(r"\s*(?:,|\bdari\b|\bpartai\b|\bdapil\b|\bdaerah\s+pemilihan\b|\bnomor\s+urut\s+\d+|\bRI\b"
                             r"|\bterpilih\b|\b(?:dengan|peraih|pemilik|pengumpul)\s+suara\s+terbanyak\b|\bdi\s+dapil\s+(?:tersebut|itu|ini)\b|\b(?:adalah|yakni|yaitu|ialah)\b"
                             r"|\b[IVX]+\b|\d{1,2}\b)\s*", re.I)  # "dapil Jabar III", "dapil Medan 3"
LEGISLATURE = re.compile(r"\b(DPRD\s+(?i:Provinsi|Prov\.|Kabupaten|Kab\.|Kota)|DPRD|DPD|DPR)\b")


def _legislature(written: str | None, before: str | None, text_before: str = "") -> str:
    """The office code of "DPR RI", "DPRD Provinsi", "DPRD Kota" …; a bare "caleg" runs for the one named last,
    by a cue or in the story ("… DCT anggota DPRD Kota Medan … Caleg Partai X dari dapil Medan 3, A")."""
    if written is None:
        named = LEGISLATURE.findall(text_before)
        return before or (_legislature(named[-1], None) if named else "dpr")
    word = written.upper()
    if not word.startswith("DPRD"):
        return word.split()[0].lower()  # dpr, dpd
    if "PROV" in word:
        return "dprd provinsi"
    if "KAB" in word or "KOTA" in word or not (before or "").startswith("dprd"):
        return "dprd kabupaten/kota"
    return before


def _legislative(text: str, blocked: list[tuple[int, int]], known: list[Ticket]) -> list[Ticket]:
    """Legislative candidates: the cue, its level, then maybe the party, region or electoral district, then the name."""
    out: list[Ticket] = []
    office = None
    for cue in LEGISLATIVE_CUE.finditer(text):
        office = _legislature(cue.group(1), office, text[:cue.start()])
        pos = cue.end()
        while pos < min(len(text), cue.end() + 120):
            span = next(((a, b) for a, b in blocked if a <= _skip_space(text, pos) < b), None)
            gap = LEGISLATIVE_GAP.match(text, pos)
            if span:
                pos = span[1]
            elif gap and gap.end() > pos:
                pos = gap.end()
            else:
                break
        head = _name_at(text, _skip_space(text, pos), blocked)
        if head is None:
            continue
        numbered = next((t for t in known if t.head == head and cue.start() <= t.start and not t.mate), None)
        if numbered is not None and office_in(numbered.phrase) is None:
            numbered.legislature = office  # "Calon anggota DPD nomor urut 12, A": the number was read first
        if _overlaps(head, known + out):
            continue
        end, alias = _after_name(text, head[1], blocked)
        phrase = " ".join(text[cue.start():head[0]].split()).rstrip(" ,")
        out.append(Ticket(head, None, cue.start(), end, phrase, status=_status(phrase), legislature=office,
                          roles=[phrase] if len(phrase.split()) > 1 else [], aliases=[(head, alias)] if alias else []))
        out += _replacement(text, out[-1], blocked, known + out)
    return out


REPLACEMENT = re.compile(r"[^.;]{0,80}?" + REPLACED_BY.pattern.removesuffix(r"\s+$") + r"\s+", re.I)


def _replacement(text: str, ticket: Ticket, blocked: list[tuple[int, int]], known: list[Ticket]) -> list[Ticket]:
    """The one who takes a legislative candidate's place runs in it, for the same party: "Caleg Partai X dari
    dapil Y, A, meninggal dunia dan digantikan oleh B" (B is called no caleg by name, so has no role)."""
    m = REPLACEMENT.match(text, ticket.end)
    head = _name_at(text, m.end(), blocked) if m else None
    if head is None or _overlaps(head, known):
        return []
    return [Ticket(head, None, ticket.start, head[1], ticket.phrase, status=ticket.status,
                   legislature=ticket.legislature)]


RIVAL = re.compile(r"\s*,?\s+(?:(?:beradu\s+(?:gagasan|argumen|program|visi(?:\s+misi)?)|bersaing|berhadapan"
                   r"|bertarung|berebut\s+suara)\s+dengan|melawan|menghadapi|menantang)\s+"
                   r"(?:(?:pasangan|paslon|calon|rivalnya|penantangnya|petahana)\s+)*", re.I)


def _rivals(text: str, ticket: Ticket, blocked: list[tuple[int, int]]) -> list[Ticket]:
    """"Calon Bupati A beradu gagasan dengan B", "A-B melawan C-D": the rival runs in the same race."""
    m = RIVAL.match(text, ticket.end)
    found = _pair_from(text, m.end(), blocked) if m else None
    if found is None or (ticket.mate is not None) != (found[1] is not None):
        return []  # a pair's rival is a pair, a candidate's a candidate
    head, mate, end, link, aliases = found
    phrase = " ".join(BALLOT_RE.sub(" ", ticket.phrase).split())
    return [Ticket(head, mate, m.start(), end, phrase, deputy=ticket.deputy, aliases=aliases)]


# "A-B mendapat nomor urut 1, C-D nomor urut 2, dan E-F nomor urut 3", "A-B dengan nomor urut 1 dan C-D dengan
# nomor urut 2": a number right after a pair's names, on the same line and with no comma between, is that pair's
# own; the one before it closed the previous pair's clause
OWN_BALLOT = re.compile(r"[ \t]+(?:(?:dengan|mendapat(?:kan)?|memperoleh|meraih|menempati)[ \t]+)?"
                        r"(?:nomor|no\.?)\s+urut\s+" + BALLOT, re.I)


def _own_ballot(text: str, ticket: Ticket) -> bool:
    """The pair's number written right after its names, if it is; the cue's number is then not its own."""
    own = OWN_BALLOT.match(text, ticket.end) if ticket.mate else None
    if own:
        ticket.ballot, ticket.ballot_span = read_ballot(own.group(1)), (own.start(1), own.end(1))
        ticket.roles = [r for r in ticket.roles if not BALLOT_RE.search(r)]
        ticket.end = own.end()
    return own is not None


def _set_ballot(text: str, ticket: Ticket, phrase_start: int, phrase: str) -> None:
    if _own_ballot(text, ticket):
        return
    # in the cue, or in brackets after the names: "A-B (nomor urut 2)"
    ballot = _ballot(phrase_start, phrase) or _ballot(ticket.head[1], text[ticket.head[1]:ticket.end])
    if ballot is None:
        after = BALLOT_AFTER.match(text, ticket.end) or FROM_TICKET.match(text, ticket.end)
        if after:
            ballot = read_ballot(after.group(1)), (after.start(1), after.end(1))
            ticket.end = after.end()
    if ballot:
        ticket.ballot, ticket.ballot_span = ballot


def _office_after(text: str, ticket: Ticket) -> None:
    """"A dan B sebagai Bupati dan Wakil Bupati terpilih": the office (and status) after the names."""
    m = BEFORE_OFFICE.match(text, ticket.end)
    if m:
        ticket.phrase += " " + m.group(1)
        ticket.status = ticket.status or _status(m.group(1))
        ticket.end = m.end()


def _overlaps(span: tuple[int, int], tickets: list[Ticket]) -> bool:
    return any(t.start < span[1] and span[0] < t.end for t in tickets)


WORD_START = re.compile(r"(?<![\w'’.-])[A-Z]")


CANDIDATE_OR_ELECTED = re.compile(r"calon|terpilih", re.I)
PAIR_OFFICE = re.compile(r"\bdan\s+wakil\b|calon|terpilih", re.I)
FROM_WORD = re.compile(r"^\s*,?\s+(?:dari|selaku)\s+")


def _pairs_before_office(text: str, blocked: list[tuple[int, int]], known: list[Ticket]) -> list[Ticket]:
    """"menetapkan A dan B sebagai Gubernur dan Wakil Gubernur", "A dari pasangan nomor urut 1"."""
    out: list[Ticket] = []
    in_known = Covered((t.start, t.end) for t in known)
    for m in WORD_START.finditer(text):
        if m.start() in in_known or _overlaps((m.start(), m.start() + 1), out):
            continue
        found = _pair_from(text, m.start(), blocked)
        if found is None:
            continue
        head, mate, end, link, aliases = found
        office = BEFORE_OFFICE.match(text, end)
        ticket_of = FROM_TICKET.match(text, end)
        if office and (mate is not None or CANDIDATE_OR_ELECTED.search(office.group(1))):
            phrase = office.group(1)
            if mate is not None and not PAIR_OFFICE.search(phrase):
                continue
            out.append(Ticket(head, mate, head[0], office.end(), phrase + " " + link, status=_status(phrase),
                              deputy=mate is None and _deputy_office(phrase), aliases=aliases))
        elif ticket_of and mate is None:
            out.append(Ticket(head, None, head[0], ticket_of.end(), "", ballot=read_ballot(ticket_of.group(1)),
                              ballot_span=(ticket_of.start(1), ticket_of.end(1)), aliases=aliases,
                              roles=cue_roles(FROM_WORD.sub("", ticket_of.group(0)))))
    return out


# "A dipastikan kembali maju bersama B": running together is said of a ticket only (but "A berpasangan dengan B
# dalam lomba dansa" may be any two people)
RUNS_WITH = r"\s*,?\s+(?:(?:dipastikan|akan|resmi|kembali|juga|siap)\s+)*maju\s+(?:lagi\s+)?bersama\s+(?:dengan\s+)?"
SHORT_PAIR = re.compile(r"(" + WORD + r"(?:[ \t]+" + WORD + r"){0,3})(\s*[-–]\s*|\s+dan\s+"
                        r"|\s+(?:akan\s+|resmi\s+)?berpasangan\s+dengan\s+|" + RUNS_WITH + r")(" + WORD
                        + r"(?:[ \t]+" + WORD + r"){0,3})(?![\w-])")
PASSIVE_VOTES = re.compile(r"\b(?:diraih|diperoleh|dimenangkan|disusul)(?:\s+oleh)?\s+$", re.I)
VOTES_AHEAD = re.compile(r"[^.;]{0,60}?\d[\d.,]*\s*(?:%|persen|suara)", re.I)
VOTES_NEXT = re.compile(r"\s*[:–-]?\s*\d[\d.,]*\s*(?:%|persen|suara)", re.I)  # "A-B: 120.000 suara" in a list


def _short_pairs(text: str, blocked: list[tuple[int, int]], known: list[Ticket]) -> list[Ticket]:
    """"A-B meraih 45 persen", "A-B, yang diusung PDIP", "diraih A dan B dengan 38 persen", "A akan
    berpasangan dengan B": pairs with no cue word, taken where votes or backing follow or where their
    names are known candidates."""
    words = {w.lower() for t in known for s, e in [t.head, t.mate or t.head] for w in text[s:e].split()}
    out: list[Ticket] = []
    for start in WORD_START.finditer(text):
        m = SHORT_PAIR.match(text, start.start())
        if m is None or _overlaps((m.start(), m.end()), known + out):
            continue
        head = _name_at(text, m.start(1), blocked)
        mate = _name_at(text, m.start(3), blocked)
        if head is None or mate is None or head[1] != m.end(1) or (
                mate[1] != m.end(3) and not text.startswith(".", mate[1])):  # "… bersama Nurdin Paputungan. Keduanya"
            continue
        names = {w.lower() for w in (text[slice(*head)] + " " + text[slice(*mate)]).split()}
        if m.group(2).strip() == "dan":  # "A dan B" is any two people unless votes follow
            if not ((SUPPORT_OR_VOTES.match(text, m.end()) and VOTES_AHEAD.match(text, m.end()))
                    or (PASSIVE_VOTES.search(text, max(0, m.start() - 30), m.start())
                        and VOTES_AHEAD.match(text, m.end()))):
                continue
        elif not (names & words or SUPPORT_OR_VOTES.match(text, m.end()) or VOTES_AHEAD.match(text, m.end())
                  or re.fullmatch(RUNS_WITH, m.group(2), re.I)):
            continue  # a hyphenated pair of names with votes or backing in its clause; "A maju bersama B" runs
        out.append(Ticket(head, mate, m.start(), mate[1], ""))
        _set_ballot(text, out[-1], m.start(), "")
    return out


LISTED_BEFORE = re.compile(r"\s*,\s*(?:(?:dan|serta)\s+)?$")


def _listed_with(text: str, blocked: list[tuple[int, int]], known: list[Ticket]) -> list[Ticket]:
    """"Ketiganya adalah A-B, C-D, serta E-F": the hyphenated pairs listed with a pair already found run
    in the same race."""
    out: list[Ticket] = []
    pairs = sorted((t for t in known if t.mate is not None), key=lambda t: t.start)
    for t in pairs:
        window = max(0, t.start - 120)
        for start in WORD_START.finditer(text, window, t.start):
            m = SHORT_PAIR.match(text, start.start())
            if m is None or m.group(2).strip() == "dan" or not LISTED_BEFORE.fullmatch(text, m.end(), t.start):
                continue
            head, mate = _name_at(text, m.start(1), blocked), _name_at(text, m.start(3), blocked)
            if head and mate and head[1] == m.end(1) and mate[1] == m.end(3) and not _overlaps((m.start(), m.end()),
                                                                                               known + out):
                out.append(Ticket(head, mate, m.start(), m.end(), t.phrase, status=t.status))
            break
    return out


# "Wakil Bupati X, A, mundur … untuk maju sebagai bakal calon bupati": the clause's subject runs for the office.
RUNS_AS = re.compile(r"\bmaju\s+(?:kembali\s+)?sebagai\s+((?:bakal\s+)?calon\s+(?:" + OFFICE_PATTERN + r"))(?![\w-])",
                     re.I)
SUBJECT_END = re.compile(r"\s*,|\s+(?-i:[a-z])")  # a name ends at its apposition's comma or at the verb
# "Tak hanya A, Wakil Bupati X, B, juga … maju sebagai calon bupati": a fronted "not only"/"besides" phrase
# names someone else; the subject comes after its comma
FRONTED = re.compile(r"(?:(?:Tak|Tidak|Bukan)\s+(?:hanya|cuma|saja)|Selain(?:\s+itu)?)\b[^,.;]{0,80},\s*")


def _running_subjects(text: str, blocked: list[tuple[int, int]], known: list[Ticket]) -> list[Ticket]:
    """The sentence's first name (its subject, after any title) is a candidate for the office it "maju
    sebagai calon …" for; only where no ticket was read in between."""
    out = []
    for m in RUNS_AS.finditer(text):
        stop = text.rfind(". ", 0, m.start())
        opening = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, m.start()) + 1)
        fronted = FRONTED.match(text, opening, m.start())
        opening = fronted.end() if fronted else opening
        subject = next((found for w in WORD_START.finditer(text, opening, m.start())
                        if (found := _name_at(text, w.start(), blocked)) and SUBJECT_END.match(text, found[1])), None)
        if subject and not _overlaps((subject[0], m.end()), known + out):
            phrase = m.group(1)
            out.append(Ticket(subject, None, subject[0], m.end(), phrase, deputy=_deputy_office(phrase),
                              status=_status(phrase), roles=[phrase]))
    return out


COALITION_RE = re.compile(r"(?<![\w-])Koalisi(?:[ \t]+(?:[A-Z][\w'’-]*|dan|untuk)){1,5}(?:[ \t]+Plus)?")


def find_coalitions(text: str) -> list[tuple[int, int]]:
    """"Koalisi Indonesia Maju", "Koalisi Sumatera Maju Plus": coalitions backing candidates, by name."""
    out = []
    for m in COALITION_RE.finditer(text):
        words = m.group(0).split()
        while words and words[-1] in ("dan", "untuk"):
            words.pop()
        if len(words) > 1:
            out.append((m.start(), m.start() + len(" ".join(words))))
    return out


# ----------------------------------------------------------------------------- entities


PersonAt = Callable[[tuple[int, int]], Entity | None]


def person_finder(people: list[tuple[int, int, Entity]]) -> PersonAt:
    """A lookup of the person entity whose mention (start, end, entity) covers the most of a span, the
    first listed on a tie; it looks only at the mentions starting near the span, not at all of them."""
    order = sorted(range(len(people)), key=lambda i: people[i][0])
    starts = [people[i][0] for i in order]
    longest = max((e - s for s, e, _ in people), default=0)

    def person_at(span: tuple[int, int]) -> Entity | None:
        best, overlap = None, 0
        # a mention overlapping the span starts before its end and less than ``longest`` before its start
        for k in range(bisect.bisect_left(starts, span[0] - longest + 1), bisect.bisect_left(starts, span[1])):
            i = order[k]
            s, e, _ = people[i]
            o = min(e, span[1]) - max(s, span[0])
            if o > overlap or (o == overlap and best is not None and i < best):
                best, overlap = i, o
        return people[best][2] if best is not None else None

    return person_at


SUPPORT_PASSIVE = re.compile(r"\b(?:diusung|didukung|diusulkan|dicalonkan|diajukan)\b(?:\s+oleh)?", re.I)
SUPPORT_ACTIVE = re.compile(r"\b(?:mengusung|mendukung|mencalonkan|mengusulkan|merekomendasikan)\b", re.I)
PARTY_LIST_NEXT = re.compile(r"^\W*(?:\w+\s+){0,3}(?:partai|parpol)\s+(?:itu|tersebut|pengusung)\s+"
                             r"(?:adalah|yakni|yaitu|ialah)\b", re.I)
# "Pasangan ini", "paslon nomor urut 3 tersebut": the pair named last, maybe with its ballot number.
THIS_PAIR = re.compile(r"\b(?:pasangan|paslon|keduanya)(?:\s+calon)?(?:\s+nomor\s+urut\s+(\d{1,2}))?"
                       r"(?:\s+yang\s+(?:di\w+|ber\w+)\s+[^.;,\"”]{1,60}?)?"  # "pasangan yang diusung X dan Y tersebut"
                       r"\s+(?:ini|tersebut|itu)\b", re.I)


CLAUSE_BREAK = re.compile(r"[;]|\b(?:sedangkan|sementara(?:\s+itu)?|adapun|namun)\b", re.I)


def _clause_end(text: str, start: int, end: int, tickets: list[Ticket]) -> int:
    """Where the clause after ``start`` ends: a contrast ("…, sedangkan C-D …") or the next ticket."""
    brk = CLAUSE_BREAK.search(text, start, end)
    nxt = min((t.start for t in tickets if start < t.start < end), default=end)
    return min(nxt, brk.start() if brk else end)


def _parties_for(text: str, ticket: Ticket, sentences: list[tuple[int, int]],
                 parties: list[tuple[int, int, Entity]], anaphor_targets: dict[int, Ticket],
                 tickets: list[Ticket]) -> list[Entity]:
    s_start, s_end = next(((a, b) for a, b in sentences if a <= ticket.start < b), (0, len(text)))
    out: list[Entity] = []

    def add(lo: int, hi: int) -> None:
        for a, _, p in parties:
            if lo <= a < hi and p not in out:
                out.append(p)

    clause_end = _clause_end(text, ticket.end, s_end, tickets)
    passive = SUPPORT_PASSIVE.search(text, ticket.end, clause_end)
    if passive:
        add(passive.end(), clause_end)
        if not out:
            nxt = next(((a, b) for a, b in sentences if a >= s_end), None)
            if nxt and PARTY_LIST_NEXT.match(text[nxt[0]:nxt[1]]):
                add(*nxt)
    active = SUPPORT_ACTIVE.search(text, s_start, ticket.start)
    if active and not out:
        add(s_start, active.start())
    for anaphor_start, target in anaphor_targets.items():
        if target is ticket:
            end = _clause_end(text, anaphor_start + 1, _sentence_end(anaphor_start, sentences), tickets)
            m = SUPPORT_PASSIVE.search(text, anaphor_start, end)
            if m:
                add(m.end(), end)
    return out


def _sentence_end(pos: int, sentences: list[tuple[int, int]]) -> int:
    return next((b for a, b in sentences if a <= pos < b), pos)


def anaphors(text: str, tickets: list[Ticket]) -> dict[int, Ticket]:
    """"Pasangan ini diusung …": the pair named last before it."""
    out = {}
    for m in THIS_PAIR.finditer(text):
        before = [t for t in tickets if t.end <= m.start() and t.mate is not None]
        if before:
            out[m.start()] = before[-1]
    return out


def candidacy_facts(text: str, tickets: list[Ticket], people: list[tuple[int, int, Entity]],
                    parties: list[tuple[int, int, Entity]], places: list[PlaceSpan],
                    sentences: list[tuple[int, int]], contest: ArticleContest, races: list[Race],
                    where) -> list[Candidacy]:
    """One candidacy per person and office, merged over the article's mentions of it.

    The office is the cue's ("calon bupati"), else that of the race named where the ticket is (its
    sentence's contest, a court case's number), else the article's; so is the region."""
    links = anaphors(text, tickets)
    person_at = person_finder(people)
    merged: dict[tuple[str, str], Candidacy] = {}
    offices = [office_in(t.phrase) for t in tickets]
    named = {found[0].name for found in offices if found}
    article_office = contest.office or (named.pop() if len(named) == 1 else None)  # "capres nomor urut 2 A-B …
    # Pasangan nomor urut 1, C-D, …": the pairs of an article whose race is named once run in it
    for t, found in zip(tickets, offices, strict=True):
        head = person_at(t.head)
        mate = person_at(t.mate) if t.mate else None
        if head is None or head is mate:
            continue
        if t.legislature:
            key = (head.id, t.legislature)
            merged[key] = merged.get(key) or _legislative_candidacy(text, t, head, parties, contest.year, where)
            continue
        local = next((r for r in reversed(races) if r.start <= t.start < r.end and r.office), None)
        office_name = found[0].name if found else (local.office if local else article_office)
        if office_name is None:
            continue
        own = office_name == contest.office  # the article's own race
        label = (local.label if local and local.label else None) or (contest.label if own else None)
        year = (local.year if local and local.year else None) or contest.year
        region = (local.region if local and local.office == office_name and local.region
                  else contest.region if own else None)
        for m in OFFICE_RE.finditer(text, t.start, t.end):
            near = region_after_office(text, m.end(), places, level=BY_NAME[office_name].level)
            if near is not None:
                region = near[0]
                break
        party_list = _parties_for(text, t, sentences, parties, links, tickets)
        ev = Evidence(t.start, t.end, where(t.start), RULE, 0.8 if t.mate else 0.7)
        deputy_office = "wakil " + office_name
        roles = [(head, deputy_office if t.deputy else office_name, mate)]
        if mate is not None:
            roles.append((mate, deputy_office, head))
        for person, office_code, partner in roles:
            key = (person.id, office_code)
            c = merged.get(key)
            if c is None:
                race = Contest(office_name, region, label, year)
                merged[key] = Candidacy(person.id, office_code, race, t.ballot, partner.id if partner else None,
                                        [p.id for p in party_list], t.status, t.sole, ev)
                continue
            c.ballot_number = c.ballot_number or t.ballot
            c.running_mate = c.running_mate or (partner.id if partner else None)
            if c.contest.region is None and region is not None:
                c.contest = Contest(c.contest.office, region, c.contest.label, c.contest.year)
            c.parties += [p.id for p in party_list if p.id not in c.parties]
            c.status = c.status if c.status == "elected" else (t.status or c.status)
            c.sole = c.sole or t.sole
    return _pair_by_ballot(list(merged.values()))


def _pair_by_ballot(candidacies: list[Candidacy]) -> list[Candidacy]:
    """"Calon bupati nomor urut 1, A … Cawabup nomor urut 1, B": a head and a running mate written apart,
    with the same number in the same race, are one ticket."""
    heads = {(c.contest.office, c.contest.region, c.ballot_number): c for c in candidacies
             if c.ballot_number and not c.office.startswith("wakil ")}
    for c in candidacies:
        head = heads.get((c.contest.office, c.contest.region, c.ballot_number))
        if c.office.startswith("wakil ") and c.running_mate is None and head and head.running_mate is None:
            c.running_mate, head.running_mate = head.person, c.person
    # "Calon wakil bupati nomor urut 1, A, yang mendampingi calon bupati B": running mates share one number
    by_person = {(c.person, c.contest.office): c for c in candidacies}
    for c in candidacies:
        mate = by_person.get((c.running_mate, c.contest.office))
        if mate is not None and mate.running_mate == c.person:
            c.ballot_number = c.ballot_number or mate.ballot_number
    return candidacies


PARTY_AFTER_NAME = re.compile(r"\s*,?\s*dari\s+")


def _legislative_candidacy(text: str, t: Ticket, head: Entity, parties: list[tuple[int, int, Entity]],
                           year: str | None, where) -> Candidacy:
    """A legislative candidate, nominated by the party written between the cue and the name or after "dari"."""
    party_ids = [p.id for a, _, p in parties if t.start <= a < t.head[0]
                 or PARTY_AFTER_NAME.fullmatch(text, t.head[1], max(t.head[1], a))]  # "caleg A dari Partai X"
    return Candidacy(head.id, t.legislature, Contest(t.legislature, None, None, year), t.ballot, None,
                     list(dict.fromkeys(party_ids)), t.status, False,
                     Evidence(t.start, t.end, where(t.start), RULE, 0.7))


def _name_words(name: str) -> set[str]:
    return {w.strip("'‘’\"“”").lower() for w in name.split()}


def _merged(into: Entity, other: Entity) -> None:
    into.mentions = sorted(into.mentions + other.mentions, key=lambda m: m.evidence.start)
    into.aliases = sorted((set(into.aliases) | set(other.aliases) | {other.name}) - {into.name})


def merge_candidate_names(entities: list[Entity], tickets: list[Ticket]) -> list[Entity]:
    """One person per candidate, however the article shortens the name.

    "A alias Bimo" makes Bimo A; a short name joins the one longer candidate name holding all
    its words ("Hendra" -> "Yusuf Hendra" -> "Yusuf Hendra Saputra"); in a short pair
    ("Hendra-Rina") a running mate's nickname joins the head's known running mate whose name
    starts with it ("Rinawati Kusuma").
    """
    people = [(m.evidence.start, m.evidence.end, e) for e in entities if e.kind == "person" for m in e.mentions]
    at = functools.cache(person_finder(people))  # the passes below ask for the same spans
    gone: dict[str, Entity] = {}

    def live(e: Entity | None) -> Entity | None:
        while e is not None and e.id in gone:
            e = gone[e.id]
        return e

    def merge(into: Entity | None, other: Entity | None) -> None:
        into, other = live(into), live(other)
        if into is not None and other is not None and into is not other:
            _merged(into, other)
            gone[other.id] = into

    for t in tickets:
        for name, alias in t.aliases:
            merge(at(name), at(alias))
    named = {e.id for t in tickets for span in t.names if (e := live(at(span)))}
    name_words = {e.id: _name_words(e.name) for e in entities if e.kind == "person"}  # names stay as they are
    persons = sorted((e for e in entities if e.kind == "person"), key=lambda e: len(name_words[e.id]))
    for e in persons:
        if live(e) is not e:
            continue
        wider = [f for f in persons if live(f) is f and f is not e and name_words[e.id] < name_words[f.id]]
        if not wider or not (e.id in named or any(f.id in named for f in wider)):
            continue
        widest = max(wider, key=lambda f: len(name_words[f.id]))
        if all(name_words[f.id] <= name_words[widest.id] for f in wider):
            merge(widest, e)
    candidates = [live(e) for e in persons if e.id in named and live(e) is e]
    for e in persons:
        words = e.name.lower().split()
        if live(e) is not e or len(words) != 1 or len(words[0]) < 5 or e.id in named:
            continue
        longer = [f for f in candidates if f is not e and any(w.startswith(words[0]) and len(w) - len(words[0]) <= 2
                                                               for w in name_words[f.id])]
        if len(longer) == 1 and longer[0].evidence.start < e.evidence.start:
            merge(longer[0], e)  # "Kristin" after "Kristina Handayani Purbasari"
    mates: dict[str, set[str]] = {}
    for t in tickets:
        head, mate = live(at(t.head)), live(at(t.mate)) if t.mate else None
        if head and mate:
            mates.setdefault(head.id, set()).add(mate.id)
    by_id = {e.id: e for e in entities}
    for t in tickets:
        head, mate = live(at(t.head)), live(at(t.mate)) if t.mate else None
        if not (head and mate) or len(mate.name.split()) != 1 or len(mate.name) < 3:
            continue
        full = [live(by_id[m]) for m in mates.get(head.id, ()) if live(by_id[m]) is not mate]
        full = [f for f in full if f and any(w.startswith(mate.name.lower()) for w in name_words[f.id])]
        if len(full) == 1:
            merge(full[0], mate)
    return [e for e in entities if e.id not in gone]
