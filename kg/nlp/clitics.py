"""Split Indonesian clitics ("rumahnya" → "rumah" + "nya") that the tokenizer leaves whole.

kg's small tokenizer under-predicts multi-word tokens: on GSD test it split 113 of 215
(models/README.md), and every missed split costs a word in every later column. The
treebanks themselves say which forms split: this module learns, from the training
CoNLL-U, how often each surface form ending in a clitic is split or kept whole, and
plugs into Stanza as a ``tokenize_postprocessor``. Forms never seen in training are
split when what is left is a word the treebanks know on its own ("menangkap" + "nya").
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FILENAME = "clitics.json"  # beside the .pt files of a kg model set
CLITICS = ("nya", "kah", "lah", "pun", "ku", "mu")
MIN_STEM = 3
StanzaToken = str | tuple[str, bool] | tuple[str, list[str]]


def _clitic(form: str) -> str | None:
    """The clitic a form ends in, if what precedes it could be a word."""
    lower = form.lower()
    for clitic in CLITICS:
        if lower.endswith(clitic) and len(form) - len(clitic) >= MIN_STEM and form[-len(clitic) - 1].isalpha():
            return clitic
    return None


@dataclass(frozen=True)
class CliticLexicon:
    """Forms the treebanks split, forms they keep whole, and words that stand alone."""

    split: frozenset[str]
    whole: frozenset[str]
    words: frozenset[str]

    def expand(self, form: str, flagged: bool = False) -> list[str] | None:
        """The words of ``form`` when it is stem + clitic, else None (leave it as it is).

        ``flagged`` says the tokenizer already marked the form as a multi-word token: then
        the clitic is enough evidence, since Stanza's seq2seq expander often fails to split
        stems it never saw ("menangkapnya" comes back whole).
        """
        clitic = _clitic(form)
        lower = form.lower()
        if clitic is None or lower in self.whole:
            return None
        stem = form[: -len(clitic)]
        if flagged or lower in self.split or stem.lower() in self.words:
            return [stem, form[-len(clitic):]]
        return None

    def __call__(self, sentences: list[list[StanzaToken]]) -> list[list[StanzaToken]]:
        """Stanza's postprocessor protocol: tokens as text, or (text, True | expansion) for MWTs."""
        return [[self._fix(token) for token in sentence] for sentence in sentences]

    def _fix(self, token: StanzaToken) -> StanzaToken:
        """Every multi-word token gets an explicit expansion, or none at all.

        Tokens flagged by the tokenizer but not ending in a clitic are left whole: Stanza
        numbers words wrongly when flagged and explicitly expanded tokens meet in one
        document, and Indonesian multi-word tokens are clitics anyway.
        """
        text, flagged = (token, False) if isinstance(token, str) else (token[0], token[1] is True)
        words = self.expand(text, flagged)
        return (text, words) if words else text

    def to_json(self) -> str:
        return json.dumps({"split": sorted(self.split), "whole": sorted(self.whole),
                           "words": sorted(self.words)}, ensure_ascii=False, indent=0) + "\n"

    @classmethod
    def from_json(cls, text: str) -> CliticLexicon:
        data = json.loads(text)
        return cls(frozenset(data["split"]), frozenset(data["whole"]), frozenset(data["words"]))


def learn_clitics(blocks: Iterable[list[str]], min_word_count: int = 2) -> CliticLexicon:
    """Count, per lower-cased surface form, how the treebank segments it; majority wins."""
    split, whole, words = Counter(), Counter(), Counter()
    for block in blocks:
        rows = [line.split("\t") for line in block if "\t" in line and not line.startswith("#")]
        covered: set[int] = set()
        for cols in rows:
            if "-" in cols[0]:
                first, last = map(int, cols[0].split("-"))
                covered.update(range(first, last + 1))
                if _clitic(cols[1]):
                    split[cols[1].lower()] += 1
        for cols in rows:
            if cols[0].isdigit() and int(cols[0]) not in covered:
                words[cols[1].lower()] += 1
                if _clitic(cols[1]):
                    whole[cols[1].lower()] += 1
    forms = split.keys() | whole.keys()
    return CliticLexicon(
        split=frozenset(f for f in forms if split[f] > whole[f]),
        whole=frozenset(f for f in forms if whole[f] >= split[f]),
        words=frozenset(w for w, n in words.items() if n >= min_word_count and not _clitic(w)),
    )


def load_clitics(path: Path) -> CliticLexicon | None:
    """The lexicon saved beside a model set, or None for a model set without one."""
    return CliticLexicon.from_json(path.read_text(encoding="utf-8")) if path.is_file() else None
