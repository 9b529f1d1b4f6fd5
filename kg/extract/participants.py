"""Who took part in an event, from the dependency parse and the words that introduce actors.

An actor is attached to the event's clause in the parse (subject or object of the verb
that governs the trigger word, or a dependent of the trigger itself, with their
conjuncts), or follows "bersama", "dengan", "dihadiri", "oleh", "antara" or
"melibatkan". When neither finds anyone, every person and organization of the
sentence is taken, as a weaker guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kg.nlp.parse import Sentence, Word

MARKERS = re.compile(r"\b(?:bersama(?:-sama)?|dengan|dihadiri(?:\s+oleh)?|oleh|antara|melibatkan|"
                     r"diikuti(?:\s+oleh)?|dipimpin(?:\s+oleh)?)\s+$", re.I)
LIST_GAP = re.compile(r"^\s*(?:,|dan|serta|,\s*dan|,\s*serta)\s*$")
ACTOR_RELATIONS = {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod", "conj", "appos",
                   "flat", "flat:name", "compound"}


def _word_spans(sentence: Sentence) -> list[tuple[Word, int, int]]:
    return [(w, t.start, t.end) for t in sentence.tokens for w in t.words]


def _attached(sentence: Sentence, trigger: tuple[int, int]) -> set[int]:
    """Ids of words in the clause of the trigger: dependents of its governing verb and of itself."""
    words = _word_spans(sentence)
    trigger_ids = {w.id for w, s, e in words if trigger[0] <= s < trigger[1]}
    if not trigger_ids:
        return set()
    by_id = {w.id: w for w, _, _ in words}
    heads = {by_id[i].head for i in trigger_ids} - {0} - trigger_ids
    governors = trigger_ids | {h for h in heads if by_id.get(h) and by_id[h].upos in ("VERB", "AUX", "NOUN")}
    attached = {w.id for w, _, _ in words if w.head in governors and w.deprel.split(":")[0] in
                {r.split(":")[0] for r in ACTOR_RELATIONS}}
    grown = True
    while grown:  # conjuncts and name parts of attached words
        more = {w.id for w, _, _ in words if w.head in attached and w.deprel.split(":")[0] in
                ("conj", "flat", "compound", "appos", "nmod")} - attached
        grown = bool(more)
        attached |= more
    return attached


def participants(text: str, sentence: Sentence, trigger: tuple[int, int],
                 actors: Sequence[tuple[int, int, str]]) -> list[str]:
    """Entity ids of the actors (start, end, id) in ``sentence`` that took part in the event."""
    attached = _attached(sentence, trigger)
    words = _word_spans(sentence)
    found: list[str] = []
    previous_end = None
    for start, end, entity in sorted(actors):
        ids = {w.id for w, s, e in words if start <= s and e <= end}
        introduced = MARKERS.search(text, max(sentence.start, start - 30), start)
        listed = previous_end is not None and LIST_GAP.match(text[previous_end:start])
        if ids & attached or introduced or (listed and found):
            if entity not in found:
                found.append(entity)
            previous_end = end
        else:
            previous_end = None
    return found or list(dict.fromkeys(entity for _, _, entity in sorted(actors)))
