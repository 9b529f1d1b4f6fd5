"""Readable, deterministic instance IRIs that are safe for any input text."""

from __future__ import annotations

from rdflib import URIRef

from kg.names import slug


def mint(base: str, *parts: str) -> URIRef:
    """base + '/'-joined slugs; only [a-z0-9-/] ever reach the IRI from text."""
    return URIRef(base.rstrip("/") + "/" + "/".join(slug(p) for p in parts))


def contest_key(office: str, region: str | None, year: str | None) -> str:
    """The identity of a race: office code + region + year ('gubernur Jawa Barat 2024')."""
    return " ".join(p for p in (office, region, year) if p)


def contest_iri(base: str, office: str, region: str | None, year: str | None) -> URIRef:
    """<base>/contest/gubernur-jawa-barat-2024: every article naming the race meets on it."""
    return mint(base, "contest", contest_key(office, region, year))


def candidacy_iri(base: str, office: str, region: str | None, year: str | None, person: str) -> URIRef:
    """<base>/candidacy/gubernur-jawa-barat-2024/dedi-mulyadi: the ticket headed by ``person``."""
    return mint(base, "candidacy", contest_key(office, region, year), person)


def empty_box_iri(contest: URIRef) -> URIRef:
    """<contest>/kotak-kosong: the empty box of a race with a sole ticket, shared as the race is."""
    return URIRef(f"{contest}/kotak-kosong")


def court_case_iri(base: str, case_number: str) -> URIRef:
    """<base>/case/02-phpu-bup-xxiii-2025: one case however many articles report it."""
    return mint(base, "case", case_number)
