"""Parsed article -> entities and facts, each with its evidence (no model runs here).

mentions -> entities (coreference) -> roles, quotes, figures, events. Everything is a
function of the `Parse` and the article's date, so it is tested on CoNLL-U fixtures.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import replace

from kg.extract import mentions as mention_finder
from kg.extract.activities import Activity, activity_events
from kg.extract.candidacies import (
    Ticket,
    candidacy_facts,
    find_coalitions,
    find_tickets,
    merge_candidate_names,
    person_finder,
)
from kg.extract.contests import article_contest, find_contests, legislature, local_races, place_spans
from kg.extract.courts import CaseMention, find_cases, respondent
from kg.extract.dates import DateMention, find_dates, from_voting_day
from kg.extract.entities import resolve
from kg.extract.events import build_events, find_triggers, is_specific
from kg.extract.facts import (
    RULE,
    Contest,
    CourtCase,
    Entity,
    Event,
    Evidence,
    Extraction,
    Figure,
    Holding,
    Mention,
    Quote,
)
from kg.extract.lexicon import lookup_key, post_forms
from kg.extract.numbers import find_numbers
from kg.extract.participants import participants
from kg.extract.personal_names import DEGREES_AFTER
from kg.extract.quotes import cue_names, find_quotes
from kg.extract.results import result_facts
from kg.extract.roles import RoleSpan, author_roles, canonical_title, names_after_titles, paired_roles, roles_for
from kg.names import PAREN_ACRONYM, is_acronym
from kg.nlp.parse import Parse, Sentence

PRONOUN_CUES = re.compile(r"\b(ia|dia|beliau|pihaknya)\b", re.I)


def _rule_persons(text: str, where, known: list[Mention]) -> list[Mention]:
    """Names after a speech verb ('," kata Wulan') or a title ("Ketua KPU Kaltim HR Gunadi")."""
    spans = [(m.evidence.start, m.evidence.end) for m in known]
    named = [(m.evidence.start, m.evidence.end) for m in known if m.kind != "person"]
    found = [mention_finder.person_mention(text[s:e], s, e, where, RULE, 0.7)
             for s, e in names_after_titles(text, named)]
    found += [mention_finder.person_mention(text[s:e], s, e, where, RULE, 0.7)
              for s, e in cue_names(text) if not any(a < e and s < b for a, b in spans)]
    return [m for m in found if mention_finder.plausible(m)]


def _acronym_mentions(text: str, found: list[Mention], where) -> tuple[list[Mention], list[Mention]]:
    """Uses of an acronym defined in brackets: '(JSC)' makes every 'JSC' a mention of its entity.

    Returns the mentions to keep and the acronym mentions to add: a model span on the same
    words ("JSC" tagged ORGANISATION) gives way to the definition.
    """
    added: list[Mention] = []
    for m in found:
        paren = PAREN_ACRONYM.match(text, m.evidence.end)
        if not paren or m.kind == "person" or not is_acronym(paren.group(1)):
            continue
        acronym = paren.group(1)
        for hit in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
            trusted = [x for x in found + added if x.evidence.method != "model"]
            if not any(x.evidence.start <= hit.start() < x.evidence.end for x in trusted):
                added.append(Mention(m.kind, acronym, acronym, m.code, m.key,
                                     Evidence(hit.start(), hit.end(), where(hit.start()), RULE, 0.8),
                                     full_name=m.full_name, region=m.region, located_in=m.located_in))
    spans = [(a.evidence.start, a.evidence.end) for a in added]
    kept = [x for x in found if not any(s < x.evidence.end and x.evidence.start < e for s, e in spans)]
    return kept, added


def _in_title_case(m: Mention) -> Mention:
    """A name a list writes in capitals ("ACEP ADANG") is named as people write it ("Acep Adang")."""
    if not m.name.isupper():
        return m
    name = " ".join(w if len(w.rstrip(".")) <= 2 else w.capitalize() for w in m.name.split())
    return replace(m, name=name, key=name.lower())


def _election_mentions(text: str, where, found: list[Mention]) -> tuple[list[Ticket], list[Mention]]:
    """Candidates and pairs the text names, their names as person mentions, and the coalitions backing them."""
    blocked = [(m.evidence.start, m.evidence.end) for m in found  # what the model alone calls a place may be a name
               if m.kind != "person" and m.evidence.method != mention_finder.MODEL]
    tickets = find_tickets(text, blocked)
    names = [_in_title_case(mention_finder.person_mention(text[s:e], s, e, where, RULE, 0.75))
             for t in tickets for s, e in t.names]
    coalitions = [Mention("organization", text[s:e], text[s:e], "political_party", " ".join(text[s:e].lower().split()),
                          Evidence(s, e, where(s), RULE, 0.8), full_name=" ".join(text[s:e].split()))
                  for s, e in find_coalitions(text)]
    return tickets, [m for m in names if mention_finder.plausible(m)] + coalitions


def find_all_mentions(parse: Parse) -> tuple[list[Mention], list[Ticket]]:
    """Every mention of the article, and the candidate tickets whose names are among them."""
    where = mention_finder.SentenceIndex(parse)
    found = mention_finder.find_mentions(parse)
    tickets, candidates = _election_mentions(parse.text, where, found)
    coalitions = [(m.evidence.start, m.evidence.end) for m in candidates if m.kind == "organization"]
    found = [m for m in found if not any(s <= m.evidence.start and m.evidence.end <= e for s, e in coalitions)]
    found = found + candidates + _rule_persons(parse.text, where, found)
    initials = mention_finder.initials_persons(parse.text, found, where)
    found = mention_finder.persons_by_name(mention_finder.resolve_overlaps(found + initials))
    found = mention_finder.not_documents(parse.text, found)
    kept, acronyms = _acronym_mentions(parse.text, found, where)
    return sorted(kept + acronyms, key=lambda m: m.evidence.start), tickets


class _Index:
    """Which entity each mention belongs to, and what is mentioned where."""

    def __init__(self, entities: list[Entity]):
        self.entities = entities
        self.by_span = {(m.evidence.start, m.evidence.end): e for e in entities for m in e.mentions}
        self.spans = sorted(self.by_span)  # in text order, to find those inside a span by bisection
        self.starts = [s for s, _ in self.spans]

    def at(self, start: int, end: int, kind: str | None = None) -> list[Entity]:
        """The entities mentioned inside start..end, in text order."""
        inside = self.spans[bisect_left(self.starts, start):bisect_right(self.starts, end)]
        hits = [self.by_span[span] for span in inside if span[1] <= end]
        return [ent for ent in hits if kind is None or ent.kind == kind]

    def standalone_places(self, start: int, end: int) -> list[Entity]:
        """Places written in their own right, not as the region of a body ("Lanal Banjarmasin")."""
        orgs = [(s, e) for (s, e), ent in self.by_span.items() if ent.kind == "organization"]
        hits = sorted(((s, e2), ent) for (s, e2), ent in self.by_span.items()
                      if ent.kind == "place" and start <= s and e2 <= end
                      and not any(a <= s and e2 <= b for a, b in orgs))
        return [ent for _, ent in hits]

    def last_person_before(self, offset: int) -> Entity | None:
        spans = [((s, e), ent) for (s, e), ent in self.by_span.items() if ent.kind == "person" and e <= offset]
        return max(spans, key=lambda x: x[0])[1] if spans else None

    def speaker(self, sentence: Sentence, activity: Activity) -> str | None:
        """Who made a statement: the person named nearest its verb in the sentence, after it first; for
        '"…," ujarnya, Selasa (25/2/2025).' the person named last before (as the quote's speaker is)."""
        spans = [(s, ent) for (s, e), ent in self.by_span.items()
                 if ent.kind == "person" and sentence.start <= s and e <= sentence.end]
        if not spans:
            verb = sentence.text[activity.start - sentence.start:activity.end - sentence.start]
            before = self.last_person_before(activity.start) if verb.lower().endswith("nya") else None
            return before.name if before else None
        after = [(s - activity.end, ent) for s, ent in spans if 0 <= s - activity.end <= 60]
        near = min(after, key=lambda x: x[0]) if after else min(
            ((abs(s - activity.start), ent) for s, ent in spans), key=lambda x: x[0])
        return near[1].name

    def first_person_after(self, offset: int, window: int = 80) -> Entity | None:
        """The person named first after a cue: 'kata Ketua KPU Jabar Ahmad Fauzi' -> Ahmad Fauzi."""
        spans = [(s, ent) for (s, e), ent in self.by_span.items()
                 if ent.kind == "person" and offset <= s < offset + window]
        return min(spans, key=lambda x: x[0])[1] if spans else None


COORDINATED = re.compile(r"^\s*(?:,|-|dan|serta|,\s*dan)\s*$")  # "-": the two of a ticket


PAIRED_GAP = re.compile(r"\s+dan\s+|\s*[-–]\s*|\s*,?\s+(?:dan|serta|beserta)\s+wakilnya\s*,?\s+")


def _paired(text: str, people: list) -> dict[int, RoleSpan]:
    """Roles given to two coordinated names at once ("A dan B sebagai T1 dan T2 …", "A-B sebagai …", "calon
    bupati A, dan wakilnya, B, sebagai …")."""
    out = {}
    for (a, _), (b, _) in zip(people, people[1:], strict=False):
        if PAIRED_GAP.fullmatch(text, a.evidence.end, b.evidence.start):
            roles = paired_roles(text, b.evidence.end)
            if roles:
                where = b.evidence.end
                out[a.evidence.start] = RoleSpan(roles[0], canonical_title(roles[0]), where, where)
                out[b.evidence.start] = RoleSpan(roles[1], canonical_title(roles[1]), where, where)
    return out


def _post_institution(title: str, place: Entity | None, entities: list[Entity]) -> Entity | None:
    """The article's body a post belongs to: a Plt Gubernur Sumsel's Pemprov Sumsel, if mentioned."""
    post = post_forms().get(lookup_key(title))
    if post is None or post.org_key is None:
        return None
    wanted = f"{post.org_key}@{place.name}" if place else post.org_key
    return next((e for e in entities if e.kind == "organization"
                 and any(m.key == wanted for m in e.mentions)), None)


def _holdings(parse: Parse, index: _Index) -> list[Holding]:
    """Roles next to each person mention; "Paslon nomor urut 3, A dan B" gives B A's role."""
    out, seen = [], set()
    people = sorted(((m, ent) for ent in index.entities if ent.kind == "person" for m in ent.mentions),
                    key=lambda x: x[0].evidence.start)
    pairs = _paired(parse.text, people)
    written = [[pairs[m.evidence.start]] if m.evidence.start in pairs
               else roles_for(parse.text, m, parse.sentences[m.evidence.sentence].start) for m, _ in people]
    author = author_roles(parse.text)  # "Oleh: A, …" … "Penulis adalah peneliti di X."
    for i, (m, _) in enumerate(people):
        if author and m.evidence.start == author[0]:
            written[i] = written[i] + author[1]
    previous = None  # (end of the last person mention, its roles)
    for i, (m, ent) in enumerate(people):
        roles = _not_the_next_ones(written[i], m, (people[i + 1][0], written[i + 1]) if i + 1 < len(people) else None)
        gap = DEGREES_AFTER.sub("", parse.text[previous[0]:m.evidence.start]) if previous else ""
        if not roles and previous and COORDINATED.match(gap):  # "A, M.Si.-B": degrees do not part a ticket
            roles = previous[1]
        previous = (m.evidence.end, roles)
        for role in roles:
            if (ent.id, role.label.lower()) not in seen:
                seen.add((ent.id, role.label.lower()))
                out.append(_holding(role, m, ent, index))
    return out


def _not_the_next_ones(roles: list[RoleSpan], m: Mention,
                       following: tuple[Mention, list[RoleSpan]] | None) -> list[RoleSpan]:
    """"Penjabat Bupati X, A, Ketua KPU X, B, dan …": a title after one name that the next name holds
    (written before it) is the next one's, not an apposition to the first."""
    nxt, its_roles = following or (None, [])
    heads_next = {r.start for r in its_roles if nxt and r.start < nxt.evidence.start}
    return [r for r in roles if r.start < m.evidence.start or r.start not in heads_next]


def _runs_into_names(label: str, names: re.Pattern[str] | None) -> bool:
    """"Pasangan Hartono-", "pasangan calon nomor urut 2 A-": a title read across a pair's names (``names``:
    any of them) is no title, nor is a bare "Pasangan"."""
    return (label.rstrip().endswith(("-", "–")) or label.lower() == "pasangan"
            or bool(names and names.search(label)))


def _with_ticket_holdings(tickets: list[Ticket], people: list[tuple[int, int, Entity]],
                          known: list[Holding], where) -> list[Holding]:
    """"Pasangan calon nomor urut 3, A dan B": the cue is a title both candidates hold. A title read before the
    names that is only a piece of the cue ("wakil gubernur Sulawesi Barat nomor urut 2" in "Pasangan calon
    gubernur dan wakil gubernur Sulawesi Barat nomor urut 2, A dan B") gives way to the whole cue."""
    have: dict[str, set[str]] = defaultdict(set)  # person id: the titles (lower case) they hold already
    for h in known:
        have[h.person].add(h.label.lower())
    person_at = person_finder(people)
    out = []
    for t in tickets:
        for span in [t.head] + ([t.mate] if t.mate else []):
            person = person_at(span)
            for label in t.roles if person else []:
                if any(label.lower() in lb for lb in have[person.id]):
                    continue
                have[person.id].add(label.lower())
                out.append(Holding(person.id, label, canonical_title(label), None, None,
                                   Evidence(t.start, t.end, where(t.start), RULE, 0.7)))
    cues = {(h.person, h.label.lower()) for h in out}
    pieces = [h for h in known if any(p == h.person and h.label.lower() in cue and h.label.lower() != cue
                                      for p, cue in cues)]
    return [h for h in known if h not in pieces] + out


def _holding(role: RoleSpan, m: Mention, ent: Entity, index: _Index) -> Holding:
    """The post a role names, in the institution and region written in it."""
    inside = index.at(role.start, role.end)
    org = next((e for e in inside if e.kind == "organization"), None)
    place = next((e for e in inside if e.kind == "place"), None)
    if place is None and org is not None and org.region:
        place = next((e for e in index.entities if e.kind == "place" and e.name == org.region), None)
    if org is None:
        org = _post_institution(role.title, place, index.entities)
    return Holding(ent.id, role.label, role.title, org.id if org else None, place.id if place else None,
                   Evidence(role.start, m.evidence.end, m.evidence.sentence, RULE, 0.8))


def _quotes(text: str, index: _Index, where: mention_finder.SentenceIndex) -> list[Quote]:
    out = []
    for q in find_quotes(text):
        speaker = index.first_person_after(q.cue_start) if q.cue == "name" else None
        if q.cue == "described":  # the person named next in the sentence, else the one named before
            speaker = index.first_person_after(q.cue_start, where.end(q.cue_start) - q.cue_start)
        if speaker is None and q.cue != "name":
            speaker = index.last_person_before(q.start)
        out.append(Quote(q.text, speaker.id if speaker else None,
                         Evidence(q.start, q.end, where(q.start), RULE, 0.9 if q.cue == "name" else 0.7)))
    return out


FILLER = {"sebesar", "sebanyak", "sekitar", "mencapai", "hingga", "yakni", "atau", "yaitu", "dari",
          "berjumlah", "total", "hampir", "lebih", "kurang", "di", "ke", "dengan", "untuk", "dan"}


def _what(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> str:
    """What a figure counts: the words after it ("1.205 orang"), or before a percentage."""
    after = [w.strip(".,;:\"”") for w in text[end:min(sentence_end, end + 40)].split()[:3]]
    after = [w for w in after if w]
    if after and after[0].lower() not in ("persen", "%"):
        return " ".join(after)
    before = [w.strip(".,;:\"“") for w in text[max(sentence_start, start - 60):start].split()]
    while before and before[-1].lower() in FILLER:
        before.pop()
    digits = [i for i, w in enumerate(before) if any(c.isdigit() for c in w)]
    before = before[digits[-1] + 1:] if digits else before
    return " ".join(before[-3:] + after[:1])


def _figures(parse: Parse, excluded: list[tuple[int, int]], where: mention_finder.SentenceIndex) -> list[Figure]:
    out = []
    for n in find_numbers(parse.text, excluded):
        sentence = parse.sentences[where(n.start)]
        what = _what(parse.text, n.start, n.end, sentence.start, sentence.end)
        out.append(Figure(n.value, n.number, n.unit, what or n.unit,
                          Evidence(n.start, n.end, where(n.start), RULE, 0.8)))
    return out


PLACE_RANK = {"venue": 0, "district": 1, "city": 2, "regency": 2, "other": 3, "province": 4, "country": 5}


def _place_after(text: str, start: int, end: int, index: _Index) -> Entity | None:
    """The most specific place written after "di" in the rest of the sentence."""
    places = [p for m in re.finditer(r"\bdi\s+", text[start:end])
              for p in index.standalone_places(start + m.end(), min(end, start + m.end() + 80))[:2]]
    return min(places, key=lambda p: PLACE_RANK.get(p.code, 3)) if places else None


def _event_arguments(events: list[Event], parse: Parse, index: _Index) -> list[Event]:
    kept = []
    for event in events:
        for ev in event.mentions:
            sentence = parse.sentences[ev.sentence]
            if event.place is None and event.code != "election":
                place = _place_after(parse.text, ev.end, sentence.end, index)
                event.place = place.id if place else None
            if event.code == "election":
                continue
            actors = [(s, e, ent.id) for (s, e), ent in index.by_span.items()
                      if sentence.start <= s and e <= sentence.end and ent.kind in ("person", "organization")
                      and ent.code != "media"]  # the outlet in the dateline reports, it does not attend
            for entity in participants(parse.text, sentence, (ev.start, ev.end), actors):
                if entity not in event.participants:
                    event.participants.append(entity)
        if event.code == "election" and event.place is None:
            region = index.at(event.evidence.start, event.evidence.end, "place")
            event.place = region[0].id if region else None
        if is_specific(event, event.place is not None):
            kept.append(event)
    return _drop_generic(kept)


def _drop_generic(events: list[Event]) -> list[Event]:
    """When a type has several told-apart events (debat pertama, kedua…), a vague one is noise."""
    out = []
    for event in events:
        siblings = [e for e in events if e.code == event.code and e is not event]
        told_apart = [e for e in siblings if e.variant or (e.date and e.date != event.date)]
        if not event.variant and len(told_apart) >= 2 and event.date is None:
            continue
        out.append(event)
    return out


VENUE_CITY = re.compile(r"\s*(?:\([^()]{1,20}\))?\s*,?\s*$")


def _locate_venues(text: str, entities: list[Entity]) -> None:
    """"Jakabaring Sport City (JSC) Palembang", "Hotel Aston, Pontianak": the venue lies in the city."""
    towns = sorted(((m.evidence.start, e) for e in entities if e.kind == "place"
                    and e.code in ("city", "regency") for m in e.mentions), key=lambda x: x[0])
    for venue in (e for e in entities if e.code == "venue" and not e.located_in):
        for m in venue.mentions:
            town = next((t for start, t in towns if start >= m.evidence.end
                         and VENUE_CITY.match(text[m.evidence.end:start])), None)
            if town:
                venue.located_in = town.name
                break


def _spans(entities: list[Entity], kind: str, code: str | None = None) -> list[tuple[int, int, Entity]]:
    return sorted(((m.evidence.start, m.evidence.end, e) for e in entities if e.kind == kind
                   and (code is None or e.code == code) for m in e.mentions), key=lambda x: (x[0], x[1]))


PETITION = re.compile(r"\b(?:permohonan|gugatan|diajukan|dimohonkan|pemohon)\b", re.I)


def _cases(text: str, found: list[CaseMention], sentences: list[tuple[int, int]], entities: list[Entity],
           dates: list[DateMention], tickets: list[Ticket], where) -> list[CourtCase]:
    """Court cases, each with the court the article names (MK), the ticket named in the case's sentence
    (the petitioner: "permohonan pasangan A-B"), the body named as the respondent (termohon) and the
    date written in its ruling's sentence."""
    courts = _spans(entities, "organization", "court")
    person_at = person_finder(_spans(entities, "person"))
    bodies = [(a, b, ent.id) for a, b, ent in _spans(entities, "organization")]
    out = []
    for c in found:
        court = min(courts, key=lambda x: abs(x[0] - c.start))[2] if courts else None
        s, e = c.window  # the pair whose "permohonan" it is, named with the case or right after it
        named = [t for t in tickets if s <= t.start < e]
        ticket = next((t for t in named if PETITION.search(text, max(s, t.start - 40), t.start)), None)
        ticket = ticket or next((t for t in named if t.start > c.start), None)
        petitioner = person_at(ticket.head) if ticket else None
        s, e = sentences[where(c.ruling_at if c.ruling_at is not None else c.start)]
        date = next((d.iso for d in dates if s <= d.start < e and d.iso), None) or next(
            (d.iso for d in dates if c.start <= d.start < c.window[1] and d.iso), None)
        out.append(CourtCase(c.number, court.id if court else None, c.ruling, c.orders,
                             petitioner.id if petitioner else None, date,
                             Evidence(c.start, c.end, where(c.start), RULE, 0.9), respondent(text, c.window, bodies)))
    return out


AFTER_EVENT = re.compile(r"\s*(?:Usai|Seusai|Selepas|Setelah|Sesudah)\s+(\w+)(?=[\s,])")


def _after_events(text: str, sentences: list[tuple[int, int]], events: list[Event]) -> list[DateMention]:
    """"Usai apel, Kapolda memeriksa …": an act told as following an event named before is on its day."""
    dated = {e.label.split()[0].lower(): e.date for e in events if e.date and e.code != "election"}
    found = []
    for start, _ in sentences:
        m = AFTER_EVENT.match(text, start)
        if m and m.group(1).lower() in dated:
            found.append(DateMention(m.group(0).strip(), m.start(1), m.end(1), dated[m.group(1).lower()]))
    return found


def _voting_day(text: str, events: list[Event]) -> list[DateMention]:
    """The schedule's "H-N" days of an article whose election is dated (the first dated one: the race it is about)."""
    day = next((e.date for e in events if e.code == "election" and e.date), None)
    return from_voting_day(text, day) if day else []


def extract(parse: Parse, published: dt.date | None = None, title: str | None = None) -> Extraction:
    """All facts of one parsed article; ``title`` only helps name the race the article is about."""
    mentions, tickets = find_all_mentions(parse)
    entities = merge_candidate_names(resolve(parse.text, mentions), tickets)
    _locate_venues(parse.text, entities)
    index = _Index(entities)
    dates = find_dates(parse.text, published)
    sentences = [(s.start, s.end) for s in parse.sentences]
    where = mention_finder.SentenceIndex(parse)
    named = [(m.evidence.start, m.evidence.end) for m in mentions if m.kind == "organization"]
    triggers = [t for t in find_triggers(parse.text)
                if not any(s <= t.start < e for s, e in named)]  # "Komisi Pemilihan Umum" is no election
    events = build_events(triggers, dates, sentences, where)
    if voting := _voting_day(parse.text, events):  # "distribusi logistik pada H-2": dated once the voting day is
        dates = sorted(dates + voting, key=lambda d: d.start)
        events = build_events(triggers, dates, sentences, where)
    after = _after_events(parse.text, sentences, events)
    covered = {ev.sentence for e in events if e.code != "election" for ev in e.mentions
               if not any(d.start == ev.start for d in after)}  # "Usai apel, …": the apel told before
    about_elections = {ev.sentence for e in events if e.code == "election" for ev in e.mentions} - covered
    events += activity_events(parse.text, list(parse.sentences), dates + after, covered, index.speaker,
                              about_elections, published)
    events = _event_arguments(events, parse, index)
    people, parties = _spans(entities, "person"), _spans(entities, "organization", "political_party")
    places = place_spans(entities)
    written = find_contests(parse.text, places, named)  # "Komisi Pemilihan Umum" names no contest
    contest = article_contest(parse.text, written, title, entities)
    cases = find_cases(parse.text, sentences)
    races = local_races(written, sentences, [(c.window, c.office) for c in cases])
    candidacies = candidacy_facts(parse.text, tickets, people, parties, places, sentences, contest, races, where)
    race = Contest(contest.office, contest.region, contest.label, contest.year) if contest.office else None
    results = result_facts(parse.text, sentences, tickets, people, parties, candidacies, race,
                           legislature(entities, contest.year), where)
    excluded = [(d.start, d.end) for d in dates if not d.counted]  # "48 hari lagi" is also a figure
    excluded += [(m.evidence.start, m.evidence.end) for m in mentions]
    excluded += [t.ballot_span for t in tickets if t.ballot_span]
    written = sorted({parse.text[s:e] for t in tickets for s, e in t.names})
    names = re.compile("|".join(map(re.escape, written))) if written else None  # one search, not one per name
    holdings = [h for h in _holdings(parse, index) if not _runs_into_names(h.label, names)]
    holdings = _with_ticket_holdings(tickets, people, holdings, where)
    return Extraction(entities, holdings, events, _quotes(parse.text, index, where),
                      _figures(parse, excluded, where), candidacies, results,
                      _cases(parse.text, cases, sentences, entities, dates, tickets, where), race)
