"""Readable, deterministic instance IRIs that are safe for any input text."""

from __future__ import annotations

from rdflib import URIRef

from kg.names import slug


def mint(base: str, *parts: str) -> URIRef:
    """base + '/'-joined slugs; only [a-z0-9-/] ever reach the IRI from text."""
    return URIRef(base.rstrip("/") + "/" + "/".join(slug(p) for p in parts))
