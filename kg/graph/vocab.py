"""Every IRI kg writes, read from ontology/election.ttl (the one source of truth).

``ELEC`` is closed over the terms the ontology defines, so a typo is an error, not a
new IRI; the standard vocabularies use the prefixes the ontology file binds.
"""

from __future__ import annotations

import functools

from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.namespace import ClosedNamespace

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


ELEC = _elec()
SCHEMA = _prefix("schema")
ORG = _prefix("org")
PROV = _prefix("prov")
NIF = _prefix("nif")
PREFIXES = {"elec": ELEC, "schema": SCHEMA, "org": ORG, "prov": PROV, "nif": NIF}


@functools.cache
def class_codes() -> dict[URIRef, str]:
    """Ontology class -> its code in the extraction summary (elec:summaryCode)."""
    return {s: str(o) for s, o in ontology().subject_objects(ELEC.summaryCode)}


def class_for(base_class: URIRef, code: str) -> URIRef:
    """The class under ``base_class`` (schema:Organization, schema:Place, schema:Event) with ``code``."""
    onto = ontology()
    for cls, found in class_codes().items():
        if found == code and (cls == base_class or _is_subclass(onto, cls, base_class)):
            return cls
    return base_class


def _is_subclass(onto: Graph, cls: URIRef, ancestor: URIRef) -> bool:
    from rdflib import RDFS
    return ancestor in set(onto.transitive_objects(cls, RDFS.subClassOf))


__all__ = ["ELEC", "SCHEMA", "ORG", "PROV", "NIF", "RDF", "PREFIXES", "class_for", "class_codes"]
