"""Vote counts and shares reported for candidates and parties.

"A-B meraih 1.234.567 suara atau 45,6 persen", "diraih A dan B dengan 103.988 suara atau 38
persen", "paslon nomor urut 1 memperoleh 23,67 persen", "PDIP meraih 12 kursi", "kotak kosong
mendapat 40 persen". A figure belongs to the candidate named last before it in its clause when
a vote verb (meraih, memperoleh, unggul dengan …) or a colon links them; totals, turnout and
"suara masuk" are not results. The stage (quick count by which institute, real count,
recapitulation at which level, determination) is the last one the article named before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.extract.candidacies import THIS_PAIR, PersonAt, Ticket, person_finder, read_ballot
from kg.extract.facts import EMPTY_BOX, RULE, Candidacy, Contest, Entity, Evidence, Result
from kg.extract.numbers import DIGITS

FIGURE_RE = re.compile(r"(?<![\w/.,-])(" + DIGITS + r")(?:\s+(ribu|juta))?\s*(%|persen\b|suara\b|kursi\b)", re.I)
VOTES_AFTER_WORD = re.compile(r"\b(?:perolehan|memperoleh|meraih|mendapat(?:kan)?|meraup|mengantongi|mengumpulkan"
                              r"|raihan)\s+suara\s+(?:sebanyak\s+|sebesar\s+)?(" + DIGITS + r")(?:\s+(ribu|juta))?"
                              r"(?!\d|[.,]\d|\s*(?:%|persen|kursi|suara|ribu|juta)\b)", re.I)  # the count after "suara"
OWN_TOTAL = re.compile(r"\b(?:meraih|memperoleh|mengumpulkan|mengantongi|meraup|mendapat(?:kan)?)\s+(?:secara\s+)?"
                       r"total\s+$", re.I)  # "A-B mengumpulkan total 388 suara": the pair's own sum
LINK = re.compile(r"^\s*,?\s*(?:atau|dan|\(|/|dengan|yakni)?\s*(?:sebanyak|sekitar|sebesar|hampir)?\s*$", re.I)
NOT_RESULT_BEFORE = re.compile(r"(?:total|masuk|partisipasi|ambang|batas|target|selisih|terpaut|kurang|lebih dari"
                               r"|minimal|maksimal|syarat|dari|di\s+atas|di\s+bawah)\s+(?:\w+\s+){0,2}$", re.I)
VOTE_CUE = re.compile(r"\b(?:meraih|peraih|memperoleh|disusul|mendapat(?:kan)?|mengantongi|meraup|mendulang"
                      r"|mengumpulkan|unggul|menang|diraih|diperoleh|capaian|perolehan|raihan|sebanyak|sebesar|hanya|mencapai"
                      r"|pemenang|memimpin|terbanyak|posisi|urutan|peringkat)\b|:",  # "di posisi kedua dengan 351 ribu"
                      re.I)
EMPTY_BOX_RE = re.compile(r"\b(?:kotak|kolom)\s+kosong\b", re.I)
BY_BALLOT = re.compile(r"\b(?:paslon|pasangan(?:\s+calon)?|calon|nomor\s+urut)\s+(?:nomor\s+)?(?:urut\s+)?(\d{1,2})\b",
                       re.I)
EACH = re.compile(r"\s*,?\s*masing-masing\b", re.I)
# "… masing-masing mendapat satu kursi dengan perolehan 352.740, 301.205 dan 259.880 suara": bare numbers listed
# before a figure share its unit, and go to the ones named before them in the same order
LISTED_BEFORE = re.compile(r"(?<![\w/.,-])((?:(?:" + DIGITS + r")\s*,\s*)+(?:" + DIGITS + r")?)"
                           r"\s*,?\s*(?:dan|serta)\s+$|(?<![\w/.,-])(" + DIGITS + r")\s+(?:dan|serta)\s+$", re.I)
COORDINATED = re.compile(r"\s*(?:,|dan|serta|,\s*dan)\s*", re.I)  # "A, B dan C"; "352.740, 301.205 dan 259.880"
AGAINST = re.compile(r"\s*(?:suara\s+)?(?:berbanding|banding|lawan|vs\.?)\s*", re.I)  # "41.202 berbanding 35.870"
LISTED = re.compile(r"\s*(?:dengan|sebanyak|sebesar|yakni)?\s*")  # "…, dan Partai Golkar dengan 22.640.118 suara"
# "A-B: 1.234 suara", "C-D 96.214.691 suara", "A-B (51,2%) versus C-D (48,8%)", "…, sedangkan C-D, 16,1 persen"
TABLE_GAP = re.compile(r"\s*[:–(,-]?\s*")
OPPONENT = re.compile(r"\b(?:atas|mengalahkan|mengungguli|melawan|menyusul|menyisihkan|lawan)\s+(?:pasangan|paslon)?"
                      r"(?:\s+calon)?\s*$", re.I)
FROM = re.compile(r"\b(?:dari|asal)\s+$", re.I)
OWN_VOTES = re.compile(r"\s*,?\s*yang\s+(?:hanya\s+)?(?:mendapat(?:kan)?|memperoleh|meraih|mengantongi|meraup)"
                       r"\s+(?:sebanyak\s+|sebesar\s+)?", re.I)
MARGIN_AFTER = re.compile(r"(?:\s+suara)?\s+(?:dari|atas|di\s+atas)\s+(?:para\s+)?(?:pesaing|lawan|rival|kompetitor"
                          r"|paslon|pasangan|calon)", re.I)
UNDECIDED_AFTER = re.compile(r"\s+(?:responden\s+|pemilih\s+)?(?:(?:masih\s+)?(?:belum|tidak)\s+(?:menentukan|memilih"
                             r"|menjawab|tahu)|ragu|golput|abstain|merahasiakan)\b", re.I)  # "15,6 persen belum …"
BACKED_BY = re.compile(r"\b(?:diusung|didukung|dicalonkan|pengusung|pendukung|usungan|koalisi)\b", re.I)
STAGES = (
    ("quick_count", re.compile(r"\b(?:quick\s+count|hitung\s+cepat)\b", re.I)),
    ("real_count", re.compile(r"\b(?:real\s+count|hitung\s+riil|sirekap)\b", re.I)),
    ("recapitulation", re.compile(r"\brekapitulasi\b", re.I)),
    ("determination", re.compile(r"\b(?:menetapkan|ditetapkan|penetapan)\b", re.I)),
)
# "hitung cepat Lembaga X", "quick count versi X", "… hitung cepat, dengan …, menurut lembaga survei X"
INSTITUTE = re.compile(r"\s+(?:versi\s+|oleh\s+|dari\s+|(?-i:lembaga\s+survei)\s+)?"
                       r"((?-i:[A-Z][\w&.'-]*)(?:[ \t]+(?-i:[A-Z][\w&'-]*)){0,4})", re.I)
INSTITUTE_AFTER = re.compile(r"\b(?:versi|menurut|oleh|(?-i:lembaga\s+survei))\s+((?-i:[A-Z][\w&.'-]*)"
                             r"(?:[ \t]+(?-i:[A-Z][\w&'-]*)){0,4})", re.I)
LEVEL = re.compile(r"\btingkat\s+(kecamatan|kapanewon|distrik|kabupaten(?:/kota)?|kota|provinsi|nasional|pusat)\b",
                   re.I)


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    votes: str | None
    percent: str | None
    seats: str | None
    rank: int = 0  # its place in a series of figures written together, and the series' length
    series: int = 1


def _figures(text: str, start: int, end: int) -> list[Figure]:
    """Vote figures of one sentence, a count and its share written together joined into one."""
    raw = []
    for m in FIGURE_RE.finditer(text, start, end):
        if NOT_RESULT_BEFORE.search(text, max(start, m.start() - 30), m.start()) and not OWN_TOTAL.search(
                text, max(start, m.start() - 40), m.start()):
            continue
        value = m.group(1) + (" " + m.group(2) if m.group(2) else "")
        unit = m.group(3).lower()
        if unit == "suara" and re.match(r"\s+(?:masuk|sah\s+(?:mencapai|sebanyak))", text[m.end():m.end() + 25]):
            continue
        if MARGIN_AFTER.match(text, m.end()) or UNDECIDED_AFTER.match(text, m.end()):
            continue  # "unggul 12 persen dari pesaingnya": a margin, not a share; nor the undecided's share
        kind = "percent" if unit in ("%", "persen") else "votes" if unit == "suara" else "seats"
        raw.append((m.start(), m.end(), kind, value))
        listed = LISTED_BEFORE.search(text, max(start, m.start() - 80), m.start())
        if listed:
            at = listed.start(1) if listed.group(1) else listed.start(2)
            raw += [(at + n.start(), at + n.end(), kind, n.group(0))
                    for n in re.finditer(DIGITS, listed.group(1) or listed.group(2))]
    for m in VOTES_AFTER_WORD.finditer(text, start, end):  # "dengan perolehan suara 179.655 atau 59,9 persen"
        raw.append((m.start(1), m.end(2) if m.group(2) else m.end(1), "votes",
                    m.group(1) + (" " + m.group(2) if m.group(2) else "")))
    raw.sort()
    out: list[Figure] = []
    group: list[tuple[int, int, str, str]] = []
    for fig in raw:
        if group and LINK.match(text[group[-1][1]:fig[0]]) and fig[2] not in {g[2] for g in group}:
            group.append(fig)
            continue
        if group:
            out.append(_figure(group))
        group = [fig]
    if group:
        out.append(_figure(group))
    return _series(text, out)


def _series(text: str, figures: list[Figure]) -> list[Figure]:
    """Figures of one kind written one after the other ("352.740, 301.205 dan 259.880 suara"): each knows its
    place in the series, so that the ones named together before them take them in turn."""
    runs: list[list[Figure]] = []
    for fig in figures:
        prev = runs[-1][-1] if runs else None
        if prev and _kinds(prev) == _kinds(fig) and len(_kinds(fig)) == 1 and COORDINATED.fullmatch(
                text, prev.end, fig.start):
            runs[-1].append(fig)
        else:
            runs.append([fig])
    return [replace(f, rank=i, series=len(run)) for run in runs for i, f in enumerate(run)]


def _kinds(fig: Figure) -> set[str]:
    return {k for k in ("votes", "percent", "seats") if getattr(fig, k)}


def _figure(group: list[tuple[int, int, str, str]]) -> Figure:
    values = {kind: value for _, _, kind, value in group}
    return Figure(group[0][0], group[-1][1], values.get("votes"), values.get("percent"), values.get("seats"))


@dataclass(frozen=True)
class Reference:
    """A way a clause names who got the votes: a ticket, a person, a party, a ballot number, the empty box."""

    start: int
    end: int
    candidate: str  # entity id, or EMPTY_BOX
    opponent: bool = False  # named as the loser: "unggul atas C-D", "melawan kotak kosong"


def _references(text: str, s: int, e: int, tickets: list[Ticket], people: list[tuple[int, int, Entity]],
                person_at: PersonAt, parties: list[tuple[int, int, Entity]], head_of: dict[str, str],
                by_ballot: dict[str, str]) -> list[Reference]:
    refs: list[Reference] = []
    here = [t for t in tickets if t.start < e and s < t.end]  # also one cut by the splitter ("A-Hj. | B")
    spans = [(t.start, t.end) for t in here]
    def ref(start: int, end: int, candidate: str) -> Reference:
        return Reference(start, end, candidate, bool(OPPONENT.search(text, max(0, start - 30), start)))

    for t in here:
        head = person_at(t.head)
        if head is not None:
            refs.append(ref(t.start, t.end, head_of.get(head.id, head.id)))
    for a, b, ent in people + parties:
        if not s <= a < e or any(x <= a < y for x, y in spans):
            continue  # a name inside a ticket speaks through its ticket
        if ent.kind == "organization" and (BACKED_BY.search(text, max(s, a - 80), a) or FROM.search(text, s, a)):
            continue  # "A-B, yang diusung PDIP …", "caleg A dari Partai X meraih …": the party got no votes
        refs.append(ref(a, b, head_of.get(ent.id, ent.id)))
    for m in BY_BALLOT.finditer(text, s, e):
        ballot = read_ballot(m.group(1))
        if ballot in by_ballot and not any(r.start <= m.start() < r.end for r in refs):
            refs.append(ref(m.start(), m.end(), by_ballot[ballot]))
    for m in EMPTY_BOX_RE.finditer(text, s, e):
        refs.append(ref(m.start(), m.end(), EMPTY_BOX))
    return sorted(refs, key=lambda r: r.start)


def _holder(text: str, before: list[Reference], at: int) -> Reference | None:
    """Whose figure this is: the one named last before it; a loser ("unggul atas C-D") only with a vote
    clause of its own ("… atas C-D yang mendapat 301 suara"), otherwise the winner named before it."""
    for r in reversed(before):
        if not r.opponent or OWN_VOTES.fullmatch(text, r.end, at):
            return r
    return None


StageCue = tuple[int, int, str]  # start, end, stage


def _stage_cues(text: str) -> list[StageCue]:
    """Where the article names a counting stage ("hitung cepat", "rekapitulasi", …), in text order."""
    return sorted((m.start(), m.end(), name) for name, pattern in STAGES for m in pattern.finditer(text))


def _stage(text: str, cues: list[StageCue], sentence_end: int) -> tuple[str | None, str | None, str | None]:
    """(stage, source, level) of a figure: named in its sentence ("… menurut real count KPU"), else the
    last named before it ("Menurut hitung cepat Lembaga X, … . Sementara A-B meraih …")."""
    cue = next((c for c in reversed(cues) if c[1] <= sentence_end), None)
    if cue is None:
        return None, None, None
    start, end, stage = cue
    source = INSTITUTE.match(text, end) if stage in ("quick_count", "real_count") else None
    if source is None and stage == "quick_count":
        source = INSTITUTE_AFTER.search(text, end, min(len(text), end + 120))
    level = LEVEL.search(text, start, min(len(text), sentence_end + 80)) if stage == "recapitulation" else None
    return stage, source.group(1).strip(" .") if source else None, level.group(1).lower() if level else None


def result_facts(text: str, sentences: list[tuple[int, int]], tickets: list[Ticket],
                 people: list[tuple[int, int, Entity]], parties: list[tuple[int, int, Entity]],
                 candidacies: list[Candidacy], contest: Contest | None, legislature: Contest, where) -> list[Result]:
    """Results of the article; each belongs to the head of a ticket, a person or a party.

    A party's votes and seats are always a legislative race's (``legislature``): parties get no
    votes of their own in a regional head or presidential election."""
    head_of = {c.person: c.running_mate for c in candidacies if c.office.startswith("wakil ") and c.running_mate}
    by_ballot = {c.ballot_number: c.person for c in candidacies  # written as candidacies.read_ballot does
                 if c.ballot_number and not c.office.startswith("wakil ")}
    contests = {c.person: c.contest for c in candidacies}
    contests[EMPTY_BOX] = next((c.contest for c in candidacies if c.sole), contest)  # the sole ticket's race
    running = {c.person for c in candidacies}
    party_ids = {ent.id for _, _, ent in parties}
    people = [(a, b, ent) for a, b, ent in people if ent.id in running]
    person_at = person_finder(people)
    last_pair: str | None = None
    cues = _stage_cues(text)
    out: list[Result] = []
    for s, e in sentences:
        refs = _references(text, s, e, tickets, people, person_at, parties, head_of, by_ballot)
        for m in THIS_PAIR.finditer(text, s, e):
            if last_pair:
                refs.append(Reference(m.start(), m.end(), last_pair))
        refs.sort(key=lambda r: r.start)
        listing = False  # a list of results writes its vote verb once: "X meraih …, disusul Y …, dan Z dengan …"
        last: Result | None = None
        figures = _figures(text, s, e)
        stage = _stage(text, cues, e) if figures else (None, None, None)  # the sentence's, for each of its figures
        for fig in figures:
            ref = _holder(text, [r for r in refs if r.end <= fig.start], fig.start)
            if last is not None and AGAINST.fullmatch(text, last.evidence.end, fig.start):
                rival = _rival(last.candidate, candidacies)  # "A menang dengan 41.202 suara berbanding 35.870"
                ref = Reference(fig.start, fig.start, rival) if rival else None
            if ref is None or fig.start - ref.end > 200:
                continue
            if not (VOTE_CUE.search(text, max(s, ref.start - 30), fig.start) or ref.start == fig.start
                    or TABLE_GAP.fullmatch(text, ref.end, fig.start)
                    or (listing and LISTED.fullmatch(text, ref.end, fig.start))):
                continue
            listing = True
            holders = _each(text, ref, refs, fig.start)
            if fig.series > 1 and len(holders) == fig.series:
                holders = [holders[fig.rank]]  # "A, B dan C masing-masing … 3, 2 dan 1 suara"
            for holder in holders:
                race = contests.get(holder.candidate, legislature if holder.candidate in party_ids else contest)
                last = _result(holder, fig, race, stage, where)
                out.append(last)
        paired = [r.candidate for r in refs if r.candidate != EMPTY_BOX and not r.opponent]
        last_pair = paired[-1] if paired else last_pair
    return _unique(out)


def _each(text: str, ref: Reference, refs: list[Reference], at: int) -> list[Reference]:
    """Who a figure is for: ``ref``, and the ones coordinated before it when the figure is each one's
    ("PKB dan Partai Gerindra masing-masing mendapat 7 kursi")."""
    if not EACH.match(text, ref.end, at):
        return [ref]
    holders = [ref]
    for r in reversed([r for r in refs if r.end <= ref.start]):
        if not COORDINATED.fullmatch(text, r.end, holders[-1].start):
            break
        holders.append(r)
    return holders[::-1]


def _rival(candidate: str, candidacies: list[Candidacy]) -> str | None:
    """The other head of a two-ticket race."""
    race = next((c.contest for c in candidacies if c.person == candidate), None)
    others = [c.person for c in candidacies if c.contest == race and c.person != candidate
              and not c.office.startswith("wakil ")]
    return others[0] if race is not None and len(others) == 1 else None


def _result(ref: Reference, fig: Figure, contest: Contest | None,
            stage_of: tuple[str | None, str | None, str | None], where) -> Result:
    stage, source, level = stage_of
    scope_parts = [contest.region] if contest and contest.region else []
    if stage == "quick_count":
        scope_parts.append(" ".join(p for p in ("quick count", source) if p))
    elif level:
        scope_parts.append(f"tingkat {level}")
    return Result(ref.candidate, fig.votes, fig.percent, fig.seats, ", ".join(scope_parts) or None, stage, level,
                  source, contest, Evidence(fig.start, fig.end, where(fig.start), RULE, 0.75))


def _unique(results: list[Result]) -> list[Result]:
    seen, out = set(), []
    for r in results:
        key = (r.candidate, r.votes, r.percent, r.seats, r.source)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
