"""Readable, deterministic instance IRIs that are safe for any input text."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

MAX_SLUG = 60


def slug(text: str) -> str:
    """'Ellen Setiad' -> 'ellen-setiad'; text with no ASCII letters gets a short hash instead."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(words) > MAX_SLUG:
        words = words[:MAX_SLUG].rstrip("-") + "-" + _digest(text)
    return words or "x-" + _digest(text)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:10]


def mint(base: str, *parts: str) -> URIRef:
    """base + '/'-joined slugs; only [a-z0-9-/] ever reach the IRI from text."""
    return URIRef(base.rstrip("/") + "/" + "/".join(slug(p) for p in parts))
