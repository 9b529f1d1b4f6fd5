"""Events outside the trigger lexicon: a dated sentence whose main verb reports an election activity.

News reports much of what election bodies, police and candidates do with a verb, not a
noun the trigger lexicon knows: "Bawaslu menangkap …", "MK membacakan putusan …", "Hal
tersebut disampaikan Ketua Bawaslu … kepada awak media, Selasa (26/11/2024)". The main verb
of a sentence (its root in the dependency parse, or a verb joined to it) whose lemma is an
activity verb (kg/extract/data/activity-verbs.tsv) makes an event of type ``other``; a speech
verb makes a statement ("Keterangan <speaker>"). To keep precision only sentences with a
resolved date count, and not those where a lexicon trigger already names the event.

A build's parse has no tree and no lemmas unless asked for (`kg build --trees`). Then a main
verb is a verb outside the clauses that subordinators open (a relative clause after "yang", a
purpose after "untuk", a time after "setelah" …; such a clause runs to the next punctuation),
and its lemma is whichever stem of its form (kg.extract.stems) the lexicon has.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from kg.extract.dates import DateMention
from kg.extract.events import ACTIVE_VERB
from kg.extract.facts import RULE, Event, Evidence
from kg.extract.lexicon import DATA
from kg.extract.quotes import find_quotes
from kg.extract.stems import stem_candidates
from kg.nlp.parse import Sentence, Word

MAIN_RELATIONS = {"root", "parataxis", "conj", "ccomp"}  # "…," kata X / X menangkap … dan menyita …
# words that open a clause whose verb is not the sentence's main verb (relative, purpose, time,
# condition, reason, manner); "bahwa" is not one: the tree takes its clause (ccomp) as main
SUBORDINATORS = {"yang", "untuk", "agar", "supaya", "guna", "ketika", "saat", "sewaktu", "setelah",
                 "sesudah", "sebelum", "sejak", "usai", "selama", "jika", "apabila", "bila", "kalau",
                 "karena", "sebab", "sehingga", "meski", "meskipun", "walaupun", "sambil", "seraya"}
NOT_ACTS = {"mendatang"}  # "pada 27 November mendatang": upcoming, not anyone coming
JOINERS = {"dan", "serta", "atau", "lalu", "kemudian"}
PREPOSITIONAL = {"untuk", "guna"}  # they open a clause only before a verb; before a noun they make a phrase


@functools.cache
def activity_verbs() -> dict[str, str]:
    """Verb lemma -> 'activity' or 'statement'."""
    with open(DATA / "activity-verbs.tsv", encoding="utf-8", newline="") as f:
        return {row["lemma"]: row["kind"] for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}


@dataclass(frozen=True)
class Activity:
    kind: str  # activity | statement
    lemma: str
    start: int  # the verb
    end: int
    label_end: int  # the verb phrase the label is read from


def has_tree(sentence: Sentence) -> bool:
    """Whether the sentence was parsed with dependencies (and lemmas): a tree has one root."""
    return any(w.deprel == "root" for w in sentence.words)


def _main_verbs(sentence: Sentence, tree: bool) -> list[tuple[Word, int, int]]:
    words = [(w, t.start, t.end) for t in sentence.tokens for w in t.words]
    if not tree:
        return _unsubordinated_verbs(words)
    roots = {w.id for w, _, _ in words if w.deprel == "root"}
    return [(w, s, e) for w, s, e in words if w.upos == "VERB" and (
        w.deprel == "root" or (w.deprel.split(":")[0] in MAIN_RELATIONS and w.head in roots))]


def _unsubordinated_verbs(words: list[tuple[Word, int, int]]) -> list[tuple[Word, int, int]]:
    """Verbs outside the clauses SUBORDINATORS open. Such a clause holds the next verb and the
    verbs joined to it ("untuk menyegel dan menyita …"); it ends at punctuation or at a verb not
    joined ("Warga yang mengawasi TPS datang": datang is the main verb)."""
    found, subordinate, clause_verb, joined = [], False, False, False
    for i, (word, start, end) in enumerate(words):
        lower = word.text.lower()
        if word.upos == "PUNCT":
            subordinate = clause_verb = joined = False
        elif lower in SUBORDINATORS and (lower not in PREPOSITIONAL or _verb_next(words, i)):
            subordinate, clause_verb, joined = True, False, False
        elif word.upos == "VERB":
            if subordinate and (joined or not clause_verb):
                clause_verb = True
            else:
                found.append((word, start, end))
                subordinate = False
            joined = False
        else:
            joined = lower in JOINERS or (joined and word.upos in ("ADV", "AUX", "PART"))
    return found


def _verb_next(words: list[tuple[Word, int, int]], i: int) -> bool:
    """Whether a verb (after any adverbs) follows word ``i``: "untuk menyegel …" opens a clause, "untuk Pilbup X"
    is a phrase the sentence's verb comes after ("155 anggota PPK untuk Pilbup X dilantik")."""
    return next((w.upos == "VERB" for w, _, _ in words[i + 1:] if w.upos not in ("ADV", "AUX", "PART")), False)


def _activity_lemma(word: Word, tree: bool) -> str | None:
    """The word's lemma if the lexicon has it: the parser's lemma, or without one a stem of its form."""
    if word.text.lower() in NOT_ACTS:
        return None
    candidates = [word.lemma.lower()] if tree else stem_candidates(word.text)
    return next((c for c in candidates if c in activity_verbs()), None)


def sentence_activity(sentence: Sentence, quoted: Sequence[tuple[int, int]] = ()) -> Activity | None:
    """The election activity a sentence's main verb reports, an action before a statement; a verb inside a
    quotation (``quoted`` spans) is what the speaker talks about, not what the sentence reports."""
    found, tree = [], has_tree(sentence)
    for word, start, end in _main_verbs(sentence, tree):
        if any(a <= start < b for a, b in quoted):
            continue
        lemma = _activity_lemma(word, tree)
        if lemma:
            found.append(Activity(activity_verbs()[lemma], lemma, start, end, min(sentence.end, end + 60)))
    found.sort(key=lambda a: (a.kind != "activity", a.start))
    return found[0] if found else None


HOLDING = frozenset({"gelar"})
"""Verbs that say an election is held ("Pemungutan suara Pilkada X digelar …"): in a sentence naming an election,
their passive is the election itself; another act, active or passive, is an event of its own ("155 anggota PPK
untuk Pilbup X dilantik …")."""
LABEL_STOPS = frozenset({"pada", "di", "oleh", "sejak", "sekitar", "usai", "seusai", "saat", "ketika", "dalam"})
"""Where an act's written label ends: the words after these say when, where or by whom."""


def _label(text: str, activity: Activity, speaker: str | None, dates: list[DateMention]) -> str:
    if activity.kind == "statement":
        return f"Keterangan {speaker}" if speaker else "Keterangan"
    end = min([activity.label_end, *(d.start for d in dates if d.start > activity.start)])
    words = text[activity.start:end].split()[:7]
    cut = next((i for i, w in enumerate(words) if i and w.lower() in LABEL_STOPS), len(words))
    label = " ".join(words[:cut])  # "menyerahkan rekomendasi pada Senin (19/8/2024)": the act, not its date or place
    if label.count("(") > label.count(")"):
        label = label[:label.rindex("(")]  # a bracket the date cut open
    return label.rstrip(" ,.;:–—-")  # "meninjau TPS (Panjer) hari ini, …" keeps its closed bracket


def activity_events(text: str, sentences: list[Sentence], dates: list[DateMention],
                    covered: set[int], speaker_of, about_elections: set[int] = frozenset(),
                    published: dt.date | None = None) -> list[Event]:
    """Events of type ``other`` from dated sentences not in ``covered`` (sentence numbers that
    already hold a lexicon event); ``speaker_of(sentence, activity)`` names who made a statement.
    One event per activity verb and date, one statement per speaker and date. A date inside a
    quotation is what the speaker talks about, not when the statement was made, and so is a date after the
    article was ``published`` ("X mengatakan data itu akan dipadankan pekan depan"). In a sentence that
    names only an election (``about_elections``) an act is an event of its own ("Pemantau meninjau pemungutan suara
    Pilkada X, Rabu", "anggota PPK Pilbup X dilantik"); "Pemungutan suara digelar …" is the election (HOLDING)."""
    quoted = [(q.start, q.end) for q in find_quotes(text)]
    dates = [d for d in dates if not any(a <= d.start < b for a, b in quoted)]
    events: dict[tuple[str, str, str], Event] = {}
    for number, sentence in enumerate(sentences):
        if number in covered:
            continue
        dated = [d for d in dates if sentence.start <= d.start < sentence.end and d.iso]
        activity = sentence_activity(sentence, quoted) if dated else None
        if activity is None or (number in about_elections and not (activity.kind == "activity" and (
                ACTIVE_VERB.fullmatch(text[activity.start:activity.end]) or activity.lemma not in HOLDING))):
            continue
        speaker = speaker_of(sentence, activity) if activity.kind == "statement" else None
        if activity.kind == "statement":
            dated = [d for d in dated if published is None or d.iso <= published.isoformat()]
            if speaker is None or not dated:
                continue
        date = min(dated, key=lambda d: abs(d.start - activity.start))
        key = (activity.kind, speaker or activity.lemma, date.iso or "")
        evidence = Evidence(activity.start, activity.end, number, RULE, 0.6)
        event = events.get(key)
        if event is None:
            event = events[key] = Event(_label(text, activity, speaker, dated), "other", evidence,
                                        date=date.iso, date_text=date.text)
        event.mentions.append(evidence)
    return list(events.values())
