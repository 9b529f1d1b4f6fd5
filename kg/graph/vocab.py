"""Every IRI kg writes, read from ontology/election.ttl (the one source of truth).

``ELEC`` is closed over the terms the ontology defines, so a typo is an error, not a
new IRI. schema.org, ORG and PROV are rdflib's defined namespaces (a typo warns or fails),
checked against the prefixes the ontology file binds; NIF and ITS use those prefixes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from rdflib import RDF, RDFS, XSD, Graph, Namespace, URIRef
from rdflib.namespace import ORG, PROV, SDO, ClosedNamespace

from kg.assets import ONTOLOGY_DIR

ONTOLOGY_FILE = ONTOLOGY_DIR / "election.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"  # kg's JSON-LD @context, bundled: never fetched
CONTEXT_IRI = "https://w3id.org/kg-pemilu/context.jsonld"  # where it is published
DEFAULT_BASE = "https://w3id.org/kg-pemilu/id/"


@functools.cache
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def _prefix(name: str) -> Namespace:
    ns = dict(ontology().namespaces()).get(name)
    if ns is None:
        raise RuntimeError(f"{ONTOLOGY_FILE} binds no prefix {name!r}")
    return Namespace(str(ns))


def _elec() -> ClosedNamespace:
    base = str(_prefix("elec"))
    terms = sorted({str(s)[len(base):] for s in ontology().subjects() if str(s).startswith(base)})
    return ClosedNamespace(base, terms)


def _defined(name: str, namespace):
    """rdflib's defined namespace for a prefix, if the ontology binds that prefix to the same IRI."""
    if str(_prefix(name)) != str(namespace):
        raise RuntimeError(f"{ONTOLOGY_FILE} binds {name}: to {_prefix(name)}, not {namespace}")
    return namespace


ELEC = _elec()
SCHEMA = _defined("schema", SDO)
ORG = _defined("org", ORG)
PROV = _defined("prov", PROV)
NIF = _prefix("nif")
ITSRDF = _prefix("itsrdf")
PREFIXES = {"elec": ELEC, "schema": SCHEMA, "org": ORG, "prov": PROV, "nif": NIF, "itsrdf": ITSRDF}
WRITTEN_PREFIXES = {**{name: str(ns) for name, ns in PREFIXES.items()}, "rdfs": str(RDFS), "xsd": str(XSD)}
"""Every prefix kg binds in its graphs, exports and SPARQL: its own and rdfs, xsd."""


@functools.cache
def class_codes() -> dict[URIRef, str]:
    """Ontology class -> its code in the extraction summary (elec:summaryCode)."""
    return {s: str(o) for s, o in ontology().subject_objects(ELEC.summaryCode)}


KINDS = ("person", "organization", "place", "event", "post")  # a node with several: the first wins


@functools.cache
def class_kinds() -> dict[URIRef, str]:
    """Ontology class -> its kind (person, organization, place, event, post): the root it is under."""
    roots = {SCHEMA.Person: "person", SCHEMA.Organization: "organization", SCHEMA.Place: "place",
             SCHEMA.Event: "event", ORG.Post: "post"}
    onto = ontology()
    kinds = dict(roots)
    for cls in set(onto.subjects(RDFS.subClassOf, None)):
        found = {roots[a] for a in onto.transitive_objects(cls, RDFS.subClassOf) if a in roots}
        if found:
            kinds[cls] = min(found, key=KINDS.index)
    return kinds


def kind_of(classes: Iterable[object]) -> str | None:
    """The kind of a node with these rdf:types (IRIs or strings), or None if it is none of them."""
    found = {class_kinds().get(URIRef(str(c))) for c in classes} - {None}
    return min(found, key=KINDS.index) if found else None


def class_for(base_class: URIRef, code: str) -> URIRef:
    """The class under ``base_class`` (schema:Organization, schema:Place, schema:Event) with ``code``."""
    onto = ontology()
    for cls, found in class_codes().items():
        if found == code and (cls == base_class or _is_subclass(onto, cls, base_class)):
            return cls
    return base_class


def _is_subclass(onto: Graph, cls: URIRef, ancestor: URIRef) -> bool:
    return ancestor in set(onto.transitive_objects(cls, RDFS.subClassOf))


__all__ = ["ELEC", "SCHEMA", "ORG", "PROV", "NIF", "ITSRDF", "RDF", "PREFIXES", "WRITTEN_PREFIXES", "KINDS",
           "class_for", "class_codes", "class_kinds", "kind_of"]
