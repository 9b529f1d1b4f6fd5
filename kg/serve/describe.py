"""The SPARQL Service Description and the VoID description of the dataset a server answers on.

Counted once per server, in a query worker: triples, named graphs (one per article) and, per
class, how many instances it has (a VoID class partition).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef

from kg.graph.answers import GRAPH_TYPES, RESULT_TYPES, Data
from kg.graph.store import triple_count

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
FORMAT_IRIS = {
    "application/sparql-results+json": FORMATS.SPARQL_Results_JSON,
    "application/sparql-results+xml": FORMATS.SPARQL_Results_XML,
    "text/csv": FORMATS.SPARQL_Results_CSV,
    "text/tab-separated-values": FORMATS.SPARQL_Results_TSV,
    "text/turtle": FORMATS.Turtle, "application/trig": FORMATS.TriG,
    "application/n-triples": FORMATS["N-Triples"], "application/ld+json": FORMATS["JSON-LD"],
}
CLASSES_QUERY = "SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY ?class"


@dataclass(frozen=True)
class Statistics:
    triples: int
    graphs: list[str]
    classes: list[tuple[str, int]]


def statistics(data: Data) -> Statistics:
    """Counted in a worker, on the store's default graph (the union of the articles)."""
    classes = [(s["class"].value, int(s["n"].value)) for s in data.store.query(CLASSES_QUERY)]
    return Statistics(triple_count(data.store), sorted(data.graphs()), classes)


def description(endpoint: str, stats: Statistics) -> Graph:
    """The service (sd:Service at ``endpoint``) and its default dataset, described with VoID."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("void", VOID)
    service, dataset, default = URIRef(endpoint), URIRef(endpoint.rsplit("/", 1)[0] + "/void#dataset"), BNode("default")
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, service))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    for media_type in (*RESULT_TYPES, *GRAPH_TYPES):
        g.add((service, SD.resultFormat, FORMAT_IRIS[media_type]))
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, SD.defaultGraph, default))
    g.add((dataset, VOID.sparqlEndpoint, service))
    g.add((dataset, VOID.triples, Literal(stats.triples, datatype=XSD.integer)))
    g.add((dataset, VOID.classes, Literal(len(stats.classes), datatype=XSD.integer)))
    g.add((default, RDF.type, SD.Graph))
    g.add((default, VOID.triples, Literal(stats.triples, datatype=XSD.integer)))
    for number, name in enumerate(stats.graphs):  # one per article
        named = BNode(f"graph{number}")
        g.add((dataset, SD.namedGraph, named))
        g.add((named, SD.name, URIRef(name)))
    for number, (cls, count) in enumerate(stats.classes):
        part = BNode(f"class{number}")
        g.add((dataset, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(count, datatype=XSD.integer)))
    return g
