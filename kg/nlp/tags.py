"""Entity spans of a NER tag sequence: one reading of BIO and BIOES for extraction and scoring."""

from __future__ import annotations

from collections.abc import Sequence

Span = tuple[int, int, str]  # (first token, one past the last, type)


def tag_spans(tags: Sequence[str]) -> set[Span]:
    """Entity spans (start, end, type) of a BIO or BIOES sequence.

    Stanza predicts BIOES while NERGrit is BIO; an I- or E- that does not continue an
    entity of its type starts one, as conlleval reads it.
    """
    spans: set[Span] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix in ("I", "E") and label == kind and start >= 0
        if start >= 0 and not continues:
            spans.add((start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "S", "I", "E") and not continues:
            start, kind = i, label
        if prefix in ("E", "S"):
            spans.add((start, i + 1, kind))
            start, kind = -1, ""
    return spans
