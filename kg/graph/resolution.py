"""Cross-article entity resolution: one IRI for each person, organization and place.

Within an article kg/entities.py has merged the mentions; here the entities of all articles
meet. `resolve` is a pure function from *records* (what one article's graph says about one
entity node: its classes, the name the article gave it as rdfs:label, the other forms it wrote
as schema:alternateName) to a canonical IRI and name for every record:

* identity: persons by name with honorifics and degrees stripped and case and accents folded
  ("Dr. Budi Santoso, M.Si." = "Budi Santoso"); organizations by institution and region from
  the institutions lexicon ("KPU Sumsel" = "Komisi Pemilihan Umum Provinsi Sumatera Selatan"),
  else by name; places by name. A record of a generic class (schema:Organization, schema:Place:
  the NER model's guess) joins the specific entity of its name only when there is one.
* short forms join a unique long form: "Budi" joins "Budi Santoso" only when no other full
  name ("Budi Hartono") contains it (full names are never shortened: "Budi Santoso" and "Budi
  Santoso Wibowo" stay two); an acronym ("JDR") joins the one entity an article wrote it
  beside ("Jaringan Demokrasi Rakyat (JDR)").
* types agree: persons, organizations and places never merge, nor a city and a regency.
* two entities of one article never merge: kg/entities.py told them apart.

The canonical name is the fullest; the IRI is ``<base>/<kind>/<slug of it>``, with the class
code (``-city``) and then a number appended where different entities would share one.

`canonicalise` applies the result to one article's graph: nodes renamed, schema:name set to the
canonical name, the article's own name kept as rdfs:label and added to schema:alternateName (so
the union keeps every alias). Each article's schema:mentions then point at the canonical node,
so the union says which articles mention an entity. Records read back from a rewritten graph
equal the original ones, so resolution can run again over a store after every change and give
what a fresh build gives. `kg build` applies it to its dataset, `kg build --store` to the store.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rdflib import RDFS, Dataset, Literal, URIRef
from rdflib.term import Node

from kg.extract import lexicon, personal_names
from kg.extract.places import LEVELS, choose_place
from kg.graph.iri import mint
from kg.graph.vocab import SCHEMA, class_codes, kind_of
from kg.names import ACRONYM, fold, is_acronym, unique

ENTITY_KINDS = frozenset({"person", "organization", "place"})  # what resolution merges
GENERIC = frozenset({str(SCHEMA.Organization), str(SCHEMA.Place)})
NATIONAL = {"ri", "pusat", "indonesia"}

RECORDS_QUERY = """
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?g ?e ?class ?label ?name ?alt WHERE {
  GRAPH ?g {
    ?e a ?class ; rdfs:label ?label ; schema:name ?name .
    OPTIONAL { ?e schema:alternateName ?alt }
  }
}"""


@dataclass(frozen=True)
class Record:
    """What one article's graph says about one entity node."""

    graph: str
    node: str
    kind: str  # person | organization | place
    classes: frozenset[str]
    labels: frozenset[str]  # the article's own name for it (rdfs:label)
    alternates: frozenset[str]  # schema:alternateName as stored
    names: frozenset[str]  # schema:name as stored

    @functools.cached_property
    def aliases(self) -> frozenset[str]:
        """The other forms the article wrote (canonicalise adds the labels to the alternates)."""
        return self.alternates - self.labels

    @functools.cached_property
    def content(self) -> tuple:
        """What the record says, without its node IRI (which earlier resolutions chose)."""
        return (self.graph, self.kind, sorted(self.labels), sorted(self.classes),
                sorted(self.aliases))


@dataclass(frozen=True)
class Canonical:
    iri: str
    name: str


def records(rows: Iterable[Sequence[str | None]]) -> list[Record]:
    """Records from the rows of RECORDS_QUERY, as strings (g, e, class, label, name, alt)."""
    found: dict[tuple[str, str], tuple[set[str], ...]] = {}
    for g, e, cls, label, name, alt in rows:
        if kind_of([cls]) not in ENTITY_KINDS:
            continue
        classes, labels, alternates, names = found.setdefault((g, e), (set(), set(), set(), set()))
        classes.add(cls)
        labels.add(label)
        names.add(name)
        if alt is not None:
            alternates.add(alt)
    return [Record(g, e, kind_of(classes), frozenset(classes), frozenset(labels),
                   frozenset(alternates), frozenset(names))
            for (g, e), (classes, labels, alternates, names) in sorted(found.items())]


# ----------------------------------------------------------------------------- identity keys


@functools.cache
def person_words(name: str) -> tuple[str, ...]:
    """The words of a person's name without honorifics before it or degrees after it."""
    return fold(personal_names.strip_titles(name).split(",")[0])


def institution_key(name: str) -> str | None:
    """'KPU Kota Bandung' -> 'kpu@city:Bandung' by the lexicon; None if it does not know it."""
    m = lexicon.institution_regex().match(name)
    if not m:
        return None
    inst = lexicon.institution_forms()[lexicon.lookup_key(m.group(1))]
    rest = name[m.end():].split()
    if not rest or (len(rest) == 1 and rest[0].lower() in NATIONAL):
        return inst.key
    if not inst.regional:
        return None
    level = LEVELS.get(m.group(1).split()[-1].lower(), "")
    if rest[0].lower() in LEVELS:
        level = LEVELS[rest[0].lower()] or level
        rest = rest[1:]
    places = lexicon.place_forms().get(lexicon.lookup_key(" ".join(rest)))
    if places:
        place = choose_place(places, level)
        return f"{inst.key}@{place.type}:{place.name}"
    if inst.type == "security" and rest:  # units: "II/Sriwijaya" and "Sriwijaya" are one Kodam
        return f"{inst.key}@{' '.join(fold(' '.join(rest).split('/')[-1]))}"
    return None


@functools.cache
def identity_key(kind: str, name: str) -> str:
    if kind == "person":
        return " ".join(person_words(name))
    if kind == "organization":
        known = institution_key(name)
        if known:
            return "lexicon:" + known
    words = fold(name)
    if kind == "place" and len(words) > 1 and words[0] in LEVELS:
        words = words[1:]
    return "name:" + " ".join(words)


def _fullest(names: Iterable[str]) -> str:
    """The name with the most words (then the most characters; ties: alphabetical)."""
    return min(names, key=lambda n: (-len(fold(n)), -len(n), n))


# ----------------------------------------------------------------------------- clustering


@dataclass(eq=False)
class _Cluster:
    kind: str
    key: str
    classes: frozenset[str]  # the specific classes (empty: generic)
    members: list[Record] = field(default_factory=list)
    graphs: set[str] = field(default_factory=set)
    parent: _Cluster | None = None

    def root(self) -> _Cluster:
        return self if self.parent is None else self.parent.root()

    def add(self, record: Record) -> None:
        self.members.append(record)
        self.graphs.add(record.graph)


def _join(child: _Cluster, target: _Cluster) -> None:
    """Merge child's root into target's root, unless an article would get two nodes in one."""
    a, b = child.root(), target.root()
    if a is b or a.graphs & b.graphs:
        return
    a.parent = b
    b.members += a.members
    b.graphs |= a.graphs


def _unique_root(candidates: Iterable[_Cluster], exclude: _Cluster) -> _Cluster | None:
    roots = {c.root() for c in candidates} - {exclude.root()}
    return next(iter(roots)) if len(roots) == 1 else None


def _identity_clusters(recs: list[Record]) -> list[_Cluster]:
    clusters: dict[tuple[str, str, frozenset[str]], list[_Cluster]] = {}
    for r in sorted(recs, key=lambda r: r.content):
        specific = r.classes - GENERIC
        key = identity_key(r.kind, _fullest(r.labels))
        same = clusters.setdefault((r.kind, key, frozenset(specific)), [])
        home = next((c for c in same if r.graph not in c.graphs), None)
        if home is None:
            home = _Cluster(r.kind, key, frozenset(specific))
            same.append(home)
        home.add(r)
    return [c for group in clusters.values() for c in group]


def _join_generic(clusters: list[_Cluster]) -> None:
    """A generic organization or place joins the one specific entity with its key."""
    specific: dict[tuple[str, str], list[_Cluster]] = {}
    for c in clusters:
        if c.classes:
            specific.setdefault((c.kind, c.key), []).append(c)
    for c in clusters:
        if not c.classes and c.kind != "person":
            target = _unique_root(specific.get((c.kind, c.key), []), c)
            if target is not None:
                _join(c, target)


def _join_short_names(clusters: list[_Cluster]) -> None:
    """A one-word name ("Budi") joins the one full name that contains it, if only one does."""
    full: dict[str, list[_Cluster]] = {}
    for c in clusters:
        if c.kind == "person" and len(c.key.split()) > 1:
            for word in set(c.key.split()):
                full.setdefault(word, []).append(c)
    for c in clusters:
        if c.kind == "person" and len(c.key.split()) == 1:
            target = _unique_root(full.get(c.key, []), c)
            if target is not None:
                _join(c, target)


def _join_acronyms(clusters: list[_Cluster]) -> None:
    """An acronym ("JDR") joins the one entity of its kind some article wrote it beside."""
    written: dict[tuple[str, str], list[_Cluster]] = {}
    for c in clusters:
        for r in c.members:
            for alias in r.aliases:
                if re.fullmatch(ACRONYM, alias):
                    written.setdefault((c.kind, alias.upper()), []).append(c)
    for c in clusters:
        if c.parent is not None or c.kind == "person" or c.key.startswith("lexicon:"):
            continue
        label = _fullest(lab for r in c.members for lab in r.labels)
        if not is_acronym(label):
            continue
        found = [d for d in written.get((c.kind, label.upper()), [])
                 if not c.classes or not d.root().classes or c.classes == d.root().classes]
        target = _unique_root(found, c)
        if target is not None:
            _join(c, target)


# ----------------------------------------------------------------------------- naming


def _canonical_name(cluster: _Cluster) -> str:
    counts = Counter(label for r in cluster.members for label in r.labels)
    if cluster.kind == "person":
        return min(counts, key=lambda n: (-len(person_words(n)), -counts[n], len(n), n))
    return min(counts, key=lambda n: (-len(fold(n)), -counts[n], -len(n), n))


def _code(cluster: _Cluster) -> str:
    classes = {cls for r in cluster.members for cls in r.classes} - GENERIC
    codes = class_codes()
    return "-".join(sorted({codes.get(URIRef(c), "other") for c in classes})) or \
        ("person" if cluster.kind == "person" else "other")


def _signature(cluster: _Cluster) -> tuple:
    return tuple(sorted(r.content for r in cluster.members))


def _iris(roots: list[_Cluster], names: dict[_Cluster, str], base: str) -> dict[_Cluster, str]:
    """base/kind/slug; where entities would share one, the class code, then a number, is added."""
    first = {c: str(mint(base, c.kind, names[c])) for c in roots}
    shared = Counter(first.values())
    wanted = {c: iri if shared[iri] == 1 else f"{iri}-{_code(c)}" for c, iri in first.items()}
    taken: set[str] = set()
    out = {}
    for c in sorted(roots, key=_signature):
        out[c] = unique(wanted[c], taken)
        taken.add(out[c])
    return out


def resolve(recs: Iterable[Record], base: str) -> dict[tuple[str, str], Canonical]:
    """(graph, node) -> the canonical IRI and name of the entity it is."""
    clusters = _identity_clusters(list(recs))
    _join_generic(clusters)
    _join_short_names(clusters)
    _join_acronyms(clusters)
    roots = [c for c in clusters if c.parent is None]
    names = {c: _canonical_name(c) for c in roots}
    iris = _iris(roots, names, base)
    return {(r.graph, r.node): Canonical(iris[c], names[c]) for c in roots for r in c.members}


# ----------------------------------------------------------------------------- applying


def changes(recs: Iterable[Record],
            mapping: dict[tuple[str, str], Canonical]) -> dict[str, dict[str, Canonical]]:
    """graph -> {node: canonical} for the records whose graph does not yet say what it should."""
    out: dict[str, dict[str, Canonical]] = {}
    for r in recs:
        c = mapping[(r.graph, r.node)]
        alternates = r.aliases | (r.labels - {c.name})
        if r.node != c.iri or r.names != {c.name} or r.alternates != alternates:
            out.setdefault(r.graph, {})[r.node] = c
    return out


Triple = tuple[Node, Node, Node]


def canonicalise(triples: Iterable[Triple], renamed: dict[str, Canonical]) -> set[Triple]:
    """One graph's triples with ``renamed`` nodes under their canonical IRI and name.

    rdfs:label keeps the article's own name; it joins schema:alternateName if it differs.
    """
    nodes = {URIRef(node): c for node, c in renamed.items()}
    triples = list(triples)
    labels = {node: {o for s, p, o in triples if s == node and p == RDFS.label} for node in nodes}
    out = set()
    for s, p, o in triples:
        if s in nodes and (p == SCHEMA.name or (p == SCHEMA.alternateName and o in labels[s])):
            continue
        out.add((_renamed(s, nodes), p, _renamed(o, nodes)))
    for node, c in nodes.items():
        iri = URIRef(c.iri)
        out.add((iri, SCHEMA.name, Literal(c.name)))
        out.update((iri, SCHEMA.alternateName, label) for label in labels[node]
                   if str(label) != c.name)
    return out


def _renamed(term: Node, nodes: dict[URIRef, Canonical]) -> Node:
    return URIRef(nodes[term].iri) if term in nodes else term


def apply(rows: Iterable[Sequence[str | None]], base: str,
          triples_of: Callable[[str], Iterable[Triple]],
          put: Callable[[str, set[Triple]], None]) -> int:
    """The one way to resolve a set of article graphs, wherever they are kept.

    ``rows`` are RECORDS_QUERY's (as strings), ``triples_of(graph)`` reads a graph, ``put(graph,
    triples)`` replaces it; each graph whose entities change is rewritten once. Returns how many.
    """
    recs = records(rows)
    todo = changes(recs, resolve(recs, base))
    for graph, renamed in sorted(todo.items()):
        put(graph, canonicalise(triples_of(graph), renamed))
    return len(todo)


def resolve_dataset(dataset: Dataset, base: str) -> int:
    """Resolve the entities of an in-memory dataset's article graphs in place; graphs rewritten."""
    def put(graph_iri: str, triples: set[Triple]) -> None:
        dataset.remove_graph(dataset.graph(URIRef(graph_iri)))
        target = dataset.graph(URIRef(graph_iri))
        for triple in triples:
            target.add(triple)

    rows = ([None if t is None else str(t) for t in row] for row in dataset.query(RECORDS_QUERY))
    return apply(rows, base, lambda graph_iri: list(dataset.graph(URIRef(graph_iri))), put)
