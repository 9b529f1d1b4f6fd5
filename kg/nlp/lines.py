"""Each line of a news text is a paragraph: what the tokenizer is given, and the way back to the text.

Stanza splits paragraphs only at blank lines and reads a single newline as a space, so a line with no
full stop runs into the next one: a dateline ("Jakarta, CNN Indonesia —") or a subheading into the
first sentence, one item of a results list ("1. A-B: 31.402 suara") into the next. Copied news
usually puts one paragraph on each line, so each single newline is given to Stanza as a blank line,
and the parse's offsets are mapped back to the article's own text. A hard-wrapped text (lines cut in
mid-sentence, so many go on in lower case) keeps its newlines as spaces.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_LINE_BREAK = re.compile(r"(?<=\S)[ \t]*\n(?=[ \t]*(\S))")
"""A newline between two lines that both hold text (not a blank line); group 1: the next line's start."""


def _hard_wrapped(breaks: list[re.Match[str]]) -> bool:
    """A third or more of the lines go on in lower case: lines wrapped at a width, not paragraphs."""
    return 3 * sum(m.group(1).islower() for m in breaks) >= len(breaks)


def paragraphs_by_line(text: str) -> tuple[str, list[int]]:
    """(the text with each single newline doubled, the offsets of the added newlines in that text)."""
    breaks = list(_LINE_BREAK.finditer(text))
    if not breaks or _hard_wrapped(breaks):
        return text, []
    parts, added, last = [], [], 0
    for m in breaks:
        newline = text.index("\n", m.start())
        parts.append(text[last:newline + 1])
        added.append(newline + 1 + len(added))  # where the added "\n" sits in the new text
        parts.append("\n")
        last = newline + 1
    parts.append(text[last:])
    return "".join(parts), added


def original_offset(offset: int, added: list[int]) -> int:
    """A character offset in the doubled text -> the same place in the article's text."""
    return offset - bisect_left(added, offset)
