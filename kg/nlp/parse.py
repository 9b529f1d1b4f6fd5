"""The parsed article kg maps from: sentences of tokens with words, tags, heads and NER.

A `Parse` is made from a Stanza `Document` or read back from CoNLL-U (fixtures and the
parse cache), so everything downstream of the parser runs without a model. The CoNLL-U
is Stanza's own: character offsets and the token's NER tag in MISC
(``start_char=…|end_char=…|ner=…``), multi-word tokens as range lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.nlp.conllu import split_conllu_blocks
from kg.nlp.lines import original_offset

if TYPE_CHECKING:
    import stanza


@dataclass(frozen=True)
class Word:
    id: int
    text: str
    lemma: str
    upos: str
    feats: str
    head: int
    deprel: str


@dataclass(frozen=True)
class Token:
    """A surface token: one word, or several for a multi-word token such as "rapatnya"."""

    text: str
    start: int
    end: int
    ner: str
    words: tuple[Word, ...]


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]

    @property
    def words(self) -> tuple[Word, ...]:
        return tuple(w for t in self.tokens for w in t.words)


@dataclass(frozen=True)
class Parse:
    text: str
    sentences: tuple[Sentence, ...]


def from_stanza(doc: stanza.Document, text: str | None = None, added: Sequence[int] = ()) -> Parse:
    """The Parse of ``text`` from Stanza's document of it, given with the newlines ``added`` at those
    offsets of ``doc.text`` (kg.nlp.lines): offsets are mapped back to ``text``."""
    text = doc.text if text is None else text
    added = list(added)
    sentences = []
    for i, sent in enumerate(doc.sentences):
        tokens = tuple(
            Token(t.text, original_offset(t.start_char, added), original_offset(t.end_char, added), t.ner or "O",
                  tuple(Word(w.id, w.text, w.lemma or w.text, w.upos or "X", w.feats or "_",
                             w.head or 0, w.deprel or "dep") for w in t.words))
            for t in sent.tokens)
        start, end = tokens[0].start, tokens[-1].end
        sentences.append(Sentence(i, text[start:end], start, end, tokens))
    return Parse(text, tuple(sentences))


def _misc(fields: dict[str, str]) -> str:
    return "|".join(f"{k}={v}" for k, v in fields.items()) or "_"


def _word_line(w: Word, misc: str = "_") -> str:
    return "\t".join((str(w.id), w.text, w.lemma, w.upos, "_", w.feats, str(w.head), w.deprel, "_", misc))


def to_conllu(parse: Parse) -> str:
    """Stanza-style CoNLL-U of a parse (the parse cache and test fixture format)."""
    out = []
    for sent in parse.sentences:
        lines = [f"# sent_id = {sent.index + 1}", f"# text = {' '.join(sent.text.split())}"]
        for tok in sent.tokens:
            misc = _misc({"start_char": str(tok.start), "end_char": str(tok.end), "ner": tok.ner})
            if len(tok.words) > 1:
                first, last = tok.words[0].id, tok.words[-1].id
                lines.append("\t".join((f"{first}-{last}", tok.text, *["_"] * 7, misc)))
                lines += [_word_line(w) for w in tok.words]
            else:
                lines.append(_word_line(tok.words[0], misc))
        out.append("\n".join(lines) + "\n")
    return "\n".join(out) + "\n" if out else ""


def _parse_misc(misc: str) -> dict[str, str]:
    return dict(f.split("=", 1) for f in misc.split("|") if "=" in f)


def from_conllu(conllu: str, text: str | None = None) -> Parse:
    """Read a Stanza-style CoNLL-U back; without ``text`` the article is rebuilt from offsets."""
    sentences = []
    for block in split_conllu_blocks(conllu):
        tokens, pending = [], None  # pending: (text, start, end, ner, last_id, words)
        for line in block:
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise ValueError(f"CoNLL-U line without 10 columns: {line!r}")
            misc = _parse_misc(cols[9])
            if "-" in cols[0]:
                first, last = (int(x) for x in cols[0].split("-"))
                pending = [cols[1], int(misc["start_char"]), int(misc["end_char"]),
                           misc.get("ner", "O"), last, []]
                continue
            if "." in cols[0]:
                continue
            word = Word(int(cols[0]), cols[1], cols[2], cols[3], cols[5], int(cols[6]), cols[7])
            if pending is not None:
                pending[5].append(word)
                if word.id == pending[4]:
                    tokens.append(Token(pending[0], pending[1], pending[2], pending[3], tuple(pending[5])))
                    pending = None
                continue
            tokens.append(Token(word.text, int(misc["start_char"]), int(misc["end_char"]),
                                misc.get("ner", "O"), (word,)))
        if tokens:
            sentences.append((tokens[0].start, tokens[-1].end, tuple(tokens)))
    if text is None:
        text = _rebuild_text(sentences)
    return Parse(text, tuple(Sentence(i, text[s:e], s, e, toks)
                             for i, (s, e, toks) in enumerate(sentences)))


def _rebuild_text(sentences: list[tuple[int, int, tuple[Token, ...]]]) -> str:
    end = max((e for _, e, _ in sentences), default=0)
    chars = [" "] * end
    for _, _, tokens in sentences:
        for tok in tokens:
            chars[tok.start:tok.end] = tok.text
    return "".join(chars)


ROUGH_TOKEN = re.compile(r"\w+|[^\w\s]")


def rough_parse(text: str, names: dict[str, str]) -> Parse:
    """A model-free Parse for tests and benchmarks: a word per token, sentences ending at . ! ?
    (not inside "1.205") or a newline, and BIOES tags for every occurrence of ``names``
    (name -> NER label), longest names first."""
    tags: dict[int, str] = {}
    for name, label in sorted(names.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            tokens = list(ROUGH_TOKEN.finditer(text, m.start(), m.end()))
            if any(t.start() in tags for t in tokens):
                continue
            last = len(tokens) - 1
            for i, t in enumerate(tokens):
                edge = "S" if last == 0 else "B" if i == 0 else "E" if i == last else "I"
                tags[t.start()] = f"{edge}-{label}"
    sentences: list[list[Token]] = [[]]
    for m in ROUGH_TOKEN.finditer(text):
        word = Word(len(sentences[-1]) + 1, m.group(), m.group().lower(), "X", "_", 0, "root")
        sentences[-1].append(Token(m.group(), m.start(), m.end(), tags.get(m.start(), "O"), (word,)))
        after = text[m.end():m.end() + 1]
        if (m.group() in ".!?" and not after.isalnum()) or after == "\n":
            sentences.append([])
    spans = [s for s in sentences if s]
    return Parse(text, tuple(Sentence(i, text[s[0].start:s[-1].end], s[0].start, s[-1].end, tuple(s))
                             for i, s in enumerate(spans)))
