"""What the explorer shows, read from the store in a query worker: search, neighbourhoods, facts.

Every function takes the worker's data (kg.graph.answers.Data) and returns plain data. The
neighbourhood is generic: any link from or to the entity whose other end is a named entity,
except the bookkeeping links (types, provenance, article membership). A post is drawn as
what it means, an edge from the person who holds it to the institution it is in (or its
region), labelled with the post's name; its facts are the post's. Facts come with their
evidence per article: the sentence, the article's title, date and link, confidence, method.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.graph.answers import Data
from kg.graph.vocab import ELEC, ITSRDF, NIF, ORG, PROV, SCHEMA

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
NOT_LINKS = {RDF_TYPE, str(PROV.wasDerivedFrom), str(PROV.qualifiedDerivation), str(SCHEMA.isPartOf),
             str(NIF.referenceContext), str(NIF.sentence), str(ITSRDF.taIdentRef), str(ITSRDF.taAnnotatorsRef),
             str(ELEC.method), str(SCHEMA.mentions), str(SCHEMA.about)}
BOOKKEEPING = {str(SCHEMA.NewsArticle), str(ELEC.Sentence), str(NIF.Phrase), str(PROV.Derivation)}
NOT_NODES = BOOKKEEPING | {str(ORG.Post)}  # posts become edges
NAME_PROPERTIES = (str(SCHEMA.name), str(SCHEMA.alternateName), RDFS_LABEL)
MAX_NEIGHBOURS = 150
HIDDEN = {str(ELEC.contentHash), str(ELEC.graphDigest), str(NIF.isString)}  # literals too long or too technical to show


@dataclass
class Node:
    iri: str
    label: str
    classes: list[str] = field(default_factory=list)


@dataclass
class Edge:
    source: str
    target: str
    label: str
    predicate: str
    fact: str  # the node whose evidence supports this edge


@dataclass
class Evidence:
    sentence: str
    article: str
    title: str | None
    date: str | None
    url: str | None
    confidence: str | None
    method: str | None


@dataclass
class Facts:
    node: Node
    properties: list[tuple[str, str]]  # (property IRI, value) of literal values
    evidence: list[Evidence]
    related: list[tuple[str, Node, list[tuple[str, str]]]]  # (property, fact node, its properties)


def search(data: Data, text: str, limit: int = 50) -> list[Node]:
    """Named entities whose name, alias or label contains ``text`` (any case), best first."""
    names = " ".join(f"<{p}>" for p in NAME_PROPERTIES)
    excluded = " ".join(f"<{c}>" for c in NOT_NODES)
    query = f"""SELECT ?e (MIN(?label) AS ?l) (GROUP_CONCAT(DISTINCT STR(?type); separator=" ") AS ?types)
                       (MIN(STRLEN(?n)) AS ?len) WHERE {{
      VALUES ?p {{ {names} }}
      ?e ?p ?n . FILTER(CONTAINS(LCASE(STR(?n)), LCASE({ox.Literal(text)})))
      ?e <{RDFS_LABEL}> ?label ; a ?type .
      FILTER NOT EXISTS {{ VALUES ?x {{ {excluded} }} ?e a ?x }}
    }} GROUP BY ?e ORDER BY ?len ?l LIMIT {int(limit)}"""
    return [Node(s["e"].value, s["l"].value, s["types"].value.split())
            for s in data.store.query(query)]


def node(data: Data, iri: str) -> Node | None:
    """The entity's label and classes; None when the store does not know it."""
    subject = ox.NamedNode(iri)
    classes = sorted(q.object.value for q in data.store.quads_for_pattern(subject, ox.NamedNode(RDF_TYPE), None,
                                                                          ox.DefaultGraph()))
    labels = sorted(q.object.value for q in data.store.quads_for_pattern(subject, ox.NamedNode(RDFS_LABEL), None,
                                                                         ox.DefaultGraph()))
    if not classes and not labels:
        return None
    return Node(iri, labels[0] if labels else iri.rsplit("/", 1)[-1], classes)


def neighbourhood(data: Data, iri: str) -> tuple[list[Node], list[Edge]]:
    """The entity, its neighbours and the edges between it and them."""
    centre = node(data, iri)
    if centre is None:
        return [], []
    skip = " ".join(f"<{p}>" for p in NOT_LINKS)
    excluded = " ".join(f"<{c}>" for c in NOT_NODES)
    links = f"""SELECT ?s ?p ?o WHERE {{
      {{ <{iri}> ?p ?o BIND(<{iri}> AS ?s) }} UNION {{ ?s ?p <{iri}> BIND(<{iri}> AS ?o) }}
      FILTER(isIRI(?s) && isIRI(?o) && ?s != ?o)
      FILTER NOT EXISTS {{ VALUES ?p {{ {skip} }} }}
      FILTER NOT EXISTS {{ VALUES ?x {{ {excluded} }} {{ ?s a ?x }} UNION {{ ?o a ?x }} }}
      FILTER EXISTS {{ ?s <{RDFS_LABEL}> ?a }} FILTER EXISTS {{ ?o <{RDFS_LABEL}> ?b }}
    }} ORDER BY ?p ?s ?o LIMIT {MAX_NEIGHBOURS}"""
    edges = [Edge(s["s"].value, s["o"].value, _short(s["p"].value), s["p"].value,
                  s["s"].value) for s in data.store.query(links)]
    posts = f"""SELECT ?person ?post ?label ?where WHERE {{
      ?person <{ORG.holds}> ?post . ?post <{RDFS_LABEL}> ?label .
      OPTIONAL {{ ?post <{ORG.postIn}> ?in }} OPTIONAL {{ ?post <{ELEC.jurisdiction}> ?region }}
      BIND(COALESCE(?in, ?region) AS ?where)
      FILTER(BOUND(?where) && (?person = <{iri}> || ?where = <{iri}>))
    }} ORDER BY ?post ?where LIMIT {MAX_NEIGHBOURS}"""
    edges += [Edge(s["person"].value, s["where"].value, s["label"].value, str(ORG.holds), s["post"].value)
              for s in data.store.query(posts)]
    others = sorted({e.source for e in edges} | {e.target for e in edges} - {iri})
    nodes = [centre] + [n for n in (node(data, other) for other in others if other != iri) if n]
    return nodes, edges


def facts(data: Data, iri: str) -> Facts | None:
    """A node's literal properties, its evidence, and the fact nodes that point at it."""
    subject = node(data, iri)
    if subject is None:
        return None
    return Facts(subject, _literals(data, iri), evidence(data, iri), _related(data, iri))


def _literals(data: Data, iri: str) -> list[tuple[str, str]]:
    quads = data.store.quads_for_pattern(ox.NamedNode(iri), None, None, ox.DefaultGraph())
    return sorted((q.predicate.value, q.object.value) for q in quads
                  if isinstance(q.object, ox.Literal) and q.predicate.value not in HIDDEN)


def evidence(data: Data, iri: str) -> list[Evidence]:
    """Per article that states it: the sentence, the article, and how sure kg is. A fact's
    prov:Derivation (or an entity's mentions, nif:Phrase with ITS) lead to the sentence; graphs
    written before phrases existed tie the fact to its sentence directly. The sentence's text is
    read inside each branch: joined after the UNION, Oxigraph scans every sentence of the store."""
    text = f"?sentence <{NIF.anchorOf}> ?text"
    query = f"""SELECT DISTINCT ?text ?article ?title ?date ?url ?confidence ?method WHERE {{
      GRAPH ?article {{
        {{ <{iri}> <{PROV.qualifiedDerivation}> ?d . ?d <{PROV.entity}> ?phrase ;
              <{ELEC.confidence}> ?confidence ; <{ELEC.method}> ?method . ?phrase <{NIF.sentence}> ?sentence .
           {text} }}
        UNION
        {{ ?phrase <{ITSRDF.taIdentRef}> <{iri}> ; <{ITSRDF.taConfidence}> ?confidence ;
              <{ITSRDF.taAnnotatorsRef}> ?method ; <{NIF.sentence}> ?sentence . {text} }}
        UNION
        {{ <{iri}> <{PROV.wasDerivedFrom}> ?sentence . ?sentence a <{ELEC.Sentence}> . {text}
           OPTIONAL {{ <{iri}> <{ELEC.confidence}> ?confidence }} OPTIONAL {{ <{iri}> <{ELEC.method}> ?method }} }}
        OPTIONAL {{ ?article <{SCHEMA.headline}> ?title }}
        OPTIONAL {{ ?article <{SCHEMA.identifier}> ?title }}  # untitled: its file stem, not the key
        OPTIONAL {{ ?article <{SCHEMA.datePublished}> ?date }}
        OPTIONAL {{ ?article <{SCHEMA.url}> ?url }} }}
    }} ORDER BY DESC(?date) ?article ?text LIMIT 50"""
    return [Evidence(s["text"].value, s["article"].value, *(_value(s[k]) for k in
                                                            ("title", "date", "url", "confidence", "method")))
            for s in data.store.query(query)]


def _related(data: Data, iri: str) -> list[tuple[str, Node, list[tuple[str, str]]]]:
    """Unnamed fact nodes pointing at the entity (a contest's candidacies and results), with
    their values and the names of what they link to."""
    query = f"""SELECT ?via ?fact ?p ?value WHERE {{
      ?fact ?via <{iri}> . FILTER NOT EXISTS {{ ?fact <{RDFS_LABEL}> ?l }}
      FILTER NOT EXISTS {{ VALUES ?x {{ {" ".join(f"<{c}>" for c in BOOKKEEPING)} }} ?fact a ?x }}
      ?fact ?p ?o . FILTER(?p NOT IN (<{RDF_TYPE}>, <{PROV.wasDerivedFrom}>, <{SCHEMA.isPartOf}>, ?via))
      OPTIONAL {{ ?o <{RDFS_LABEL}> ?name }}
      BIND(COALESCE(?name, ?o) AS ?value)
    }} ORDER BY ?via ?fact ?p ?value LIMIT 500"""
    grouped: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for s in data.store.query(query):
        grouped.setdefault((s["via"].value, s["fact"].value), []).append((s["p"].value, s["value"].value))
    out = []
    for (via, fact), values in grouped.items():
        found = node(data, fact) or Node(fact, fact.rsplit("/", 1)[-1])
        out.append((via, found, values))
    return out


def _value(term: ox.NamedNode | ox.Literal | None) -> str | None:
    return None if term is None else term.value


def _short(iri: str) -> str:
    """A predicate's label for an edge: the drawing's word for it, else its local name."""
    from rdflib import URIRef

    from kg.drawing import EDGE_LABELS

    return EDGE_LABELS.get(URIRef(iri)) or local_name(iri)


def local_name(iri: str) -> str:
    """The last part of an IRI, after its # or last /: how the explorer names a property."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
