"""SHACL validation of kg graphs against ontology/shapes.ttl (pySHACL)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from kg.graph.vocab import SHAPES_FILE, ontology


@dataclass(frozen=True)
class Validation:
    conforms: bool
    violations: int
    text: str


def validate(graph: Graph) -> Validation:
    """Validate with the ontology mixed in, so schema.org subclasses satisfy sh:class."""
    from pyshacl import validate as shacl
    from rdflib.namespace import SH

    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    conforms, report, text = shacl(graph, shacl_graph=shapes, ont_graph=ontology(),
                                   inference="none", abort_on_first=False, allow_warnings=False)
    violations = len(list(report.subjects(SH.resultSeverity, SH.Violation)))
    return Validation(bool(conforms), violations, text)
