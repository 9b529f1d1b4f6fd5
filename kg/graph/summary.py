"""The extraction summary (../shared/eval/FORMAT.md) of one article, read from its graph.

The graph is the truth; this JSON is a SPARQL view of it, so what is scored is what
a user of the graph would see.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from rdflib import RDFS, Graph, URIRef
from rdflib.plugins.sparql.sparql import Query

from kg.graph.vocab import WRITTEN_PREFIXES, class_codes, class_kinds, kind_of, ontology

PREFIX_LINES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in WRITTEN_PREFIXES.items())

ENTITIES = PREFIX_LINES + """
SELECT ?e ?type ?name ?alias WHERE {
  ?article a schema:NewsArticle ; schema:mentions ?e .
  ?e a ?type ; schema:name ?name .
  OPTIONAL { ?e schema:alternateName ?alias }
}"""
ROLES = PREFIX_LINES + """
SELECT ?person ?role ?org WHERE {
  ?person org:holds ?post . ?post rdfs:label ?role .
  OPTIONAL { ?post org:postIn ?o . ?o schema:name ?org }
}"""
EVENTS = PREFIX_LINES + """
SELECT ?e ?type ?label ?date ?place ?who WHERE {
  ?article schema:about ?e . ?e a ?type ; schema:name ?label .
  OPTIONAL { ?e schema:startDate ?date }
  OPTIONAL { ?e schema:location/schema:name ?place }
  OPTIONAL { ?e schema:attendee/schema:name ?who }
}"""
QUOTES = PREFIX_LINES + """
SELECT ?q ?text ?speaker WHERE {
  ?q a schema:Quotation ; schema:text ?text .
  OPTIONAL { ?q elec:speaker/schema:name ?speaker }
}"""
FIGURES = PREFIX_LINES + """
SELECT ?f ?value ?what WHERE { ?f a elec:StatedQuantity ; elec:statedAs ?value ; elec:counts ?what . }"""

CANDIDACIES = PREFIX_LINES + """
SELECT ?c ?head ?mate ?office ?region ?name ?alias ?ballot ?party WHERE {
  ?c a elec:Candidacy ; elec:contest ?k .
  OPTIONAL { ?c elec:candidate/schema:name ?head }
  ?k elec:office ?office ; schema:name ?name .
  OPTIONAL { ?k elec:jurisdiction/schema:name ?region }
  OPTIONAL { ?k schema:alternateName ?alias }
  OPTIONAL { ?c elec:runningMate/schema:name ?mate }
  OPTIONAL { ?c elec:ballotNumber ?ballot }
  OPTIONAL { ?c elec:nominatedBy/schema:name ?party }
}"""
RESULTS = PREFIX_LINES + """
SELECT ?r ?who ?alias ?votes ?percent ?seats ?scope ?stage ?written WHERE {
  ?r a elec:Result ; elec:resultFor ?holder .
  { ?holder elec:candidate/schema:name ?who }
  UNION { ?holder a elec:PoliticalParty ; schema:name ?who OPTIONAL { ?holder schema:alternateName ?alias } }
  UNION { ?holder a elec:EmptyBox ; schema:name ?who }
  OPTIONAL { ?r elec:votes ?votes } OPTIONAL { ?r elec:percent ?percent } OPTIONAL { ?r elec:seats ?seats }
  OPTIONAL { ?r elec:scope/schema:name ?scope } OPTIONAL { ?r elec:stage ?stage }
  OPTIONAL { ?r prov:wasDerivedFrom/nif:anchorOf ?written }
}"""
TEXT = PREFIX_LINES + """SELECT ?text WHERE { ?article a schema:NewsArticle ; nif:isString ?text . }"""


@functools.cache
def _prepared(query: str) -> Query:
    """A query parsed once: parsing costs more than running it on one article's graph."""
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(query)


def _indonesian(value, decimals: bool = False) -> str | None:
    """A number as Indonesian news writes it: 1.234.567, 45,6."""
    if value is None:
        return None
    if decimals:
        return format(value.toPython().normalize(), "f").replace(".", ",")
    return f"{int(value.toPython()):,}".replace(",", ".")


def _candidacies(graph: Graph) -> list[dict]:
    """Two entries per ticket, as FORMAT.md counts them: the head, and the running mate for the deputy office
    (only the latter for a running mate whose head the article does not name)."""
    tickets: dict[str, dict] = {}
    for row in graph.query(_prepared(CANDIDACIES)):
        t = tickets.setdefault(str(row.c), {
            "head": str(row.head) if row.head is not None else None,
            "mate": str(row.mate) if row.mate is not None else None,
            "office": str(row.office), "region": str(row.region) if row.region is not None else None,
            "election": str(row.alias if row.alias is not None else row.name),
            "ballot_number": str(row.ballot) if row.ballot is not None else None, "parties": set()})
        if row.party is not None:
            t["parties"].add(str(row.party))
    out = []
    for key in sorted(tickets):
        t = tickets[key]
        common = {"region": t["region"], "election": t["election"], "ballot_number": t["ballot_number"],
                  "parties": sorted(t["parties"])}
        if t["head"]:
            out.append({"person": t["head"], "office": t["office"], "running_mate": t["mate"], **common})
        if t["mate"]:
            out.append({"person": t["mate"], "office": "wakil " + t["office"], "running_mate": t["head"], **common})
    return out


# A result's figure as its phrase writes it, by unit: "61,2 juta suara" -> "61,2 juta".
WRITTEN = {unit: re.compile(r"(\d[\d.,]*(?:\s+(?:ribu|juta))?)\s*(?:" + unit + r")", re.I)
           for unit in ("suara", "persen|%", "kursi")}


def _as_written(phrase: str, unit: str) -> str | None:
    """A result's figure as its phrase writes it ("61,2 juta suara" -> "61,2 juta"), as FORMAT.md asks."""
    m = WRITTEN[unit].search(phrase)
    return m.group(1) if m else None


def _results(graph: Graph) -> list[dict]:
    """One entry per result; a party is named in the fullest form the article writes ("Partai Gerindra",
    not the lexicon's "Partai Gerakan Indonesia Raya" the text never uses), as FORMAT.md names organizations."""
    text = next((str(row.text) for row in graph.query(_prepared(TEXT))), "")
    rows: dict[str, dict] = {}
    names: dict[str, set[str]] = defaultdict(set)
    for row in graph.query(_prepared(RESULTS)):
        stage = str(row.stage).rsplit("#", 1)[-1] if row.stage is not None else None
        written = str(row.written) if row.written is not None else ""
        rows[str(row.r)] = {"candidate": str(row.who),
                            "votes": _as_written(written, "suara") or _indonesian(row.votes),
                            "percent": _as_written(written, "persen|%") or _indonesian(row.percent, decimals=True),
                            "seats": _as_written(written, "kursi") or _indonesian(row.seats),
                            "scope": str(row.scope) if row.scope is not None else None, "stage": stage}
        names[str(row.r)] |= {str(row.who)} | ({str(row.alias)} if row.alias is not None else set())
    for key, row in rows.items():
        written = [n for n in names[key] if n in text]
        row["candidate"] = max(written, key=len) if written else row["candidate"]
    return [rows[key] for key in sorted(rows)]


SECTIONS = {"person": "persons", "organization": "organizations", "place": "places", "event": "events"}


def _kind_of(types: set[str]) -> tuple[str, str] | None:
    """(summary list, type code) from a node's rdf:types, via the ontology's kinds and codes."""
    kind = kind_of(types)
    if kind not in SECTIONS:
        return None
    if kind == "person":
        return "persons", ""
    typed = URIRef(min(t for t in types if class_kinds().get(URIRef(t)) == kind))
    codes = class_codes()  # the nearest code up the class tree: a coalition summarised as a party
    return SECTIONS[kind], next((codes[a] for a in ontology().transitive_objects(typed, RDFS.subClassOf)
                                 if a in codes), "other")


def _distinct(labels: list[str]) -> list[str]:
    """One of each role however it is cased: a post shared by several people carries each one's writing
    ("Pasangan nomor urut 3", "pasangan nomor urut 3")."""
    out: dict[str, str] = {}
    for label in sorted(set(labels)):
        out.setdefault(label.lower(), label)
    return sorted(out.values())


def summarize(graph: Graph, first_words: int = 8) -> dict[str, list[dict]]:
    """FORMAT.md's JSON for the article whose named graph this is."""
    types: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in graph.query(_prepared(ENTITIES)):
        e = str(row.e)
        types[e].add(str(row.type))
        names[e] = str(row.name)
        if row.alias is not None:
            aliases[e].add(str(row.alias))
    out: dict[str, list[dict]] = {k: [] for k in ("persons", "organizations", "places", "events",
                                                   "quotes", "numbers")}
    out["candidacies"] = _candidacies(graph)
    out["results"] = _results(graph)
    roles: dict[str, list[str]] = defaultdict(list)
    affiliation: dict[str, str] = {}
    for row in graph.query(_prepared(ROLES)):
        roles[str(row.person)].append(str(row.role))
        if row.org is not None:
            affiliation[str(row.person)] = str(row.org)
    for e in sorted(names):
        kind = _kind_of(types[e])
        if kind is None:
            continue
        section, code = kind
        if section == "persons":
            out["persons"].append({"name": names[e], "aliases": sorted(aliases[e]),
                                   "roles": _distinct(roles[e]), "affiliation": affiliation.get(e)})
        elif section in ("organizations", "places"):
            out[section].append({"name": names[e], "aliases": sorted(aliases[e]), "type": code})
    events: dict[str, dict] = {}
    for row in graph.query(_prepared(EVENTS)):
        kind = _kind_of({str(row.type)})
        ev = events.setdefault(str(row.e), {"label": str(row.label), "type": kind[1] if kind else "other",
                                            "date": None, "place": None, "participants": []})
        ev["date"] = str(row.date) if row.date is not None else ev["date"]
        ev["place"] = str(row.place) if row.place is not None else ev["place"]
        if row.who is not None and str(row.who) not in ev["participants"]:
            ev["participants"].append(str(row.who))
    out["events"] = [dict(events[k], participants=sorted(events[k]["participants"])) for k in sorted(events)]
    for row in sorted(graph.query(_prepared(QUOTES)), key=lambda r: str(r.q)):
        out["quotes"].append({"speaker": str(row.speaker) if row.speaker is not None else None,
                              "first_words": " ".join(str(row.text).split()[:first_words])})
    for row in sorted(graph.query(_prepared(FIGURES)), key=lambda r: str(r.f)):
        out["numbers"].append({"value": str(row.value), "what": str(row.what)})
    return out
