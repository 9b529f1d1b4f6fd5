"""Extraction -> RDF: one named graph per article, every mention and fact traced to its text.

The graph's name is the article's IRI, so TriG keeps which article said what, and the
union of all named graphs is the merged knowledge graph. No blank nodes: every node
has a readable IRI minted from the base (kg.graph.iri), which keeps exports deterministic.

Provenance (NIF, ITS, PROV; see ontology/election.ttl): the article is a nif:Context with its
text; a mention is a nif:Phrase of it annotated with its entity, confidence and method; a fact
is derived from the phrase stating it through a prov:Derivation of this article that holds the
confidence and method. Nothing of the kind sits on an entity or a post, which other articles
share: after a merge each confidence still belongs to one mention or one derivation.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef

from kg.extract.facts import EMPTY_BOX, Candidacy, Contest, Entity, Evidence, Extraction
from kg.extract.lexicon import lookup_key, place_forms
from kg.extract.numbers import SCALE, parse_number
from kg.graph.iri import candidacy_iri, contest_iri, court_case_iri, empty_box_iri, mint
from kg.graph.vocab import DEFAULT_BASE, ELEC, ITSRDF, NIF, ORG, PROV, SCHEMA, WRITTEN_PREFIXES, class_for
from kg.ingest import Article
from kg.nlp.parse import Parse

METHODS = {"model": ELEC.model, "lexicon": ELEC.lexicon, "rule": ELEC.rule}
STATUSES = {"registered": ELEC.registered, "eligible": ELEC.eligible, "not_eligible": ELEC.notEligible,
            "elected": ELEC.elected}
RULINGS = {"granted": ELEC.granted, "partly_granted": ELEC.partlyGranted, "rejected": ELEC.rejected,
           "not_admissible": ELEC.notAdmissible}
ORDERS = {"revote": ELEC.revote, "recount": ELEC.recount, "disqualification": ELEC.disqualification}
RECAP_LEVELS = {"kecamatan": ELEC.districtRecapitulation, "kapanewon": ELEC.districtRecapitulation,
                "distrik": ELEC.districtRecapitulation, "kabupaten": ELEC.regencyRecapitulation,
                "kabupaten/kota": ELEC.regencyRecapitulation, "kota": ELEC.regencyRecapitulation,
                "provinsi": ELEC.provinceRecapitulation, "nasional": ELEC.nationalRecapitulation,
                "pusat": ELEC.nationalRecapitulation}
RECAP_BY_OFFICE = {"gubernur": ELEC.provinceRecapitulation, "bupati": ELEC.regencyRecapitulation,
                   "wali kota": ELEC.regencyRecapitulation, "presiden": ELEC.nationalRecapitulation}
STAGES = {"quick_count": ELEC.quickCount, "real_count": ELEC.realCount, "determination": ELEC.finalDetermination}
NATIONAL = {"presiden", "dpr", "dpd"}
CONTEST_WORDS = {"gubernur": "Pemilihan Gubernur", "bupati": "Pemilihan Bupati", "wali kota": "Pemilihan Wali Kota",
                 "presiden": "Pemilihan Presiden", "dpr": "Pemilu DPR", "dpd": "Pemilu DPD",
                 "dprd provinsi": "Pemilu DPRD Provinsi", "dprd kabupaten/kota": "Pemilu DPRD Kabupaten/Kota"}
KIND_CLASS = {"organization": SCHEMA.Organization, "place": SCHEMA.Place}


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, ns in WRITTEN_PREFIXES.items():
        graph.bind(prefix, URIRef(ns))
    return graph


def decimal_literal(number: Decimal) -> Literal:
    """An xsd:decimal written exactly in its canonical form: 2010.0, 0.5 (never 2.01E+3 or 2010.000),
    which is also how Turtle abbreviates it, so every export writes the same literal."""
    text = format(number.normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def _confidence(evidence: Evidence) -> Literal:
    return decimal_literal(Decimal(str(round(evidence.confidence, 2))))


def new_dataset() -> Dataset:
    return bind_prefixes(Dataset())


def _text(value: str) -> Literal:
    """A literal that any Turtle/TriG writer can carry: no lone surrogates, no NULs."""
    clean = value.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")
    return Literal(clean)


class ArticleGraph:
    """Writes one article's facts into its named graph."""

    def __init__(self, dataset: Dataset, article: Article, parse: Parse, base: str = DEFAULT_BASE):
        self.base = base
        self.article = article
        self.parse = parse
        self.iri = article_iri(article, base)
        self.g = dataset.graph(self.iri)
        self.sentences: set[int] = set()
        self.derivations = 0

    def entity_iri(self, entity_id: str) -> URIRef:
        return URIRef(self.base.rstrip("/") + "/" + entity_id)

    def place_iri(self, name: str) -> URIRef:
        return mint(self.base, "place", name)

    def _offsets(self, node: URIRef, start: int, end: int) -> None:
        g = self.g
        g.add((node, NIF.anchorOf, _text(self.parse.text[start:end])))
        g.add((node, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.referenceContext, self.iri))

    def named(self, node: URIRef, cls: URIRef, name: str) -> None:
        """A node of class ``cls`` with its name as schema:name and rdfs:label (what resolution reads)."""
        self.g.add((node, RDF.type, cls))
        self.g.add((node, SCHEMA.name, _text(name)))
        self.g.add((node, RDFS.label, _text(name)))

    def sentence(self, n: int) -> URIRef:
        iri = URIRef(f"{self.iri}/sentence/{n + 1}")
        if n not in self.sentences:
            self.sentences.add(n)
            s = self.parse.sentences[n]
            self.g.add((iri, RDF.type, ELEC.Sentence))
            self.g.add((iri, RDF.type, NIF.Sentence))
            self._offsets(iri, s.start, s.end)
        return iri

    def phrase(self, evidence: Evidence) -> URIRef:
        """The nif:Phrase of the article text that ``evidence`` points at, in its sentence."""
        iri = URIRef(f"{self.iri}/phrase/{evidence.start}-{evidence.end}")
        if (iri, RDF.type, NIF.Phrase) not in self.g:
            self.g.add((iri, RDF.type, NIF.Phrase))
            self._offsets(iri, evidence.start, evidence.end)
            self.g.add((iri, NIF.sentence, self.sentence(evidence.sentence)))
        return iri

    def mention(self, entity: URIRef, evidence: Evidence) -> None:
        """A mention: its phrase annotated with the entity, the confidence and the method (ITS)."""
        phrase = self.phrase(evidence)
        self.g.add((phrase, ITSRDF.taIdentRef, entity))
        self.g.add((phrase, ITSRDF.taConfidence, _confidence(evidence)))  # decimal: exact in every writer
        self.g.add((phrase, ITSRDF.taAnnotatorsRef, METHODS[evidence.method]))

    def provenance(self, node: URIRef, evidence: Evidence) -> None:
        """A fact derived from the phrase stating it; the derivation holds confidence and method."""
        phrase = self.phrase(evidence)
        self.derivations += 1
        derivation = URIRef(f"{self.iri}/derivation/{self.derivations}")
        g = self.g
        g.add((node, PROV.wasDerivedFrom, phrase))
        g.add((node, PROV.qualifiedDerivation, derivation))
        g.add((derivation, RDF.type, PROV.Derivation))
        g.add((derivation, PROV.entity, phrase))
        g.add((derivation, ELEC.method, METHODS[evidence.method]))
        g.add((derivation, ELEC.confidence, _confidence(evidence)))

    def add_article(self) -> None:
        a, g = self.article, self.g
        g.add((self.iri, RDF.type, SCHEMA.NewsArticle))
        g.add((self.iri, RDF.type, PROV.Entity))
        g.add((self.iri, RDF.type, NIF.Context))
        g.add((self.iri, NIF.isString, _text(self.parse.text)))
        g.add((self.iri, SCHEMA.identifier, Literal(a.id)))
        if a.title:
            g.add((self.iri, SCHEMA.headline, _text(a.title)))
        if a.source:
            g.add((self.iri, SCHEMA.url, Literal(str(_text(a.source)), datatype=XSD.anyURI)))
        if a.date:
            g.add((self.iri, SCHEMA.datePublished, Literal(a.date.isoformat(), datatype=XSD.date)))
        if a.publisher:
            g.add((self.iri, SCHEMA.publisher, _text(a.publisher)))
        if a.sha256:
            g.add((self.iri, ELEC.contentHash, Literal(a.sha256)))

    def add_entity(self, e: Entity) -> None:
        node, g = self.entity_iri(e.id), self.g
        cls = SCHEMA.Person if e.kind == "person" else class_for(KIND_CLASS[e.kind], e.code)
        self.named(node, cls, e.name)
        for alias in e.aliases:
            g.add((node, SCHEMA.alternateName, _text(alias)))
        g.add((self.iri, SCHEMA.mentions, node))
        for mention in e.mentions:
            self.mention(node, mention.evidence)
        if e.kind == "place" and e.located_in and e.located_in != e.name:
            g.add((node, ELEC.locatedIn, self.place_iri(e.located_in)))

    def name_place(self, name: str) -> None:
        """Type and name a place the article only implies (a city's province), from the lexicon."""
        node = self.place_iri(name)
        if (node, RDF.type, None) in self.g:
            return
        known = place_forms().get(lookup_key(name), ())
        code = next((p.type for p in known if p.name == name), "other")
        self.named(node, class_for(SCHEMA.Place, code), name)

    def add_jurisdiction(self, e: Entity) -> None:
        """Link a regional body to its region, naming the region if the article did not."""
        self.g.add((self.entity_iri(e.id), ELEC.jurisdiction, self.place_iri(e.region)))
        self.name_place(e.region)

    def add_facts(self, x: Extraction) -> None:
        g = self.g
        for h in x.holdings:
            region = x.entity(h.region).name if h.region else ""
            post = mint(self.base, "post", f"{h.title} {region}".strip() if region else h.label)
            g.add((post, RDF.type, ORG.Post))
            g.add((post, RDFS.label, _text(h.label)))
            # one title per post node: a label-minted post meets its other-cased forms from other articles
            g.add((post, ELEC.postTitle, _text(h.title[:1].upper() + h.title[1:])))
            if h.org:
                g.add((post, ORG.postIn, self.entity_iri(h.org)))
                g.add((self.entity_iri(h.person), SCHEMA.affiliation, self.entity_iri(h.org)))
            if h.region:
                g.add((post, ELEC.jurisdiction, self.entity_iri(h.region)))
            g.add((self.entity_iri(h.person), ORG.holds, post))
            self.provenance(post, h.evidence)
        for i, ev in enumerate(x.events, start=1):
            node = mint(self.base, "event", self.article.key, f"{i}-{ev.label}")
            self.named(node, class_for(SCHEMA.Event, ev.code), ev.label)
            if ev.date:
                g.add((node, SCHEMA.startDate, Literal(ev.date, datatype=XSD.date)))
            if ev.date_text:
                g.add((node, ELEC.dateText, _text(ev.date_text)))
            if ev.place:
                g.add((node, SCHEMA.location, self.entity_iri(ev.place)))
            for p in ev.participants:
                g.add((node, SCHEMA.attendee, self.entity_iri(p)))
            g.add((self.iri, SCHEMA.about, node))
            self.provenance(node, ev.evidence)
        for i, q in enumerate(x.quotes, start=1):
            node = mint(self.base, "quote", self.article.key, str(i))
            g.add((node, RDF.type, SCHEMA.Quotation))
            g.add((node, SCHEMA.text, _text(q.text)))
            if q.speaker:
                g.add((node, ELEC.speaker, self.entity_iri(q.speaker)))
            g.add((node, SCHEMA.isPartOf, self.iri))
            self.provenance(node, q.evidence)
        for i, f in enumerate(x.figures, start=1):
            node = mint(self.base, "figure", self.article.key, str(i))
            g.add((node, RDF.type, ELEC.StatedQuantity))
            g.add((node, ELEC.statedAs, _text(f.value)))
            g.add((node, SCHEMA.value, decimal_literal(f.number)))
            if f.unit:
                g.add((node, SCHEMA.unitText, _text(f.unit)))
            g.add((node, ELEC.counts, _text(f.what)))
            g.add((node, SCHEMA.isPartOf, self.iri))
            self.provenance(node, f.evidence)


class ElectionGraph:
    """Contests, tickets, results and court cases of one article, in ontology/election.ttl's shape."""

    def __init__(self, writer: ArticleGraph, x: Extraction):
        self.w, self.g, self.x = writer, writer.g, x
        self.tickets: dict[str, URIRef] = {}  # head person entity id -> candidacy IRI

    def contest(self, c: Contest) -> URIRef:
        """The race's node, shared by every article naming the same office, region and year."""
        base = self.w.base
        node = (contest_iri(base, c.office, c.region, c.year) if c.region or c.office in NATIONAL
                else mint(base, "contest", self.w.article.key, c.office))  # a regional race with no region: ours
        name = " ".join(p for p in (CONTEST_WORDS.get(c.office, c.office), c.region, c.year) if p)
        g = self.g
        self.w.named(node, ELEC.Contest, name)
        g.add((node, ELEC.office, Literal(c.office)))
        if c.label and c.label != name:
            g.add((node, SCHEMA.alternateName, _text(c.label)))
        if c.region:
            g.add((node, ELEC.jurisdiction, self.w.place_iri(c.region)))
            self.w.name_place(c.region)
        if c.year:
            g.add((node, ELEC.year, Literal(c.year, datatype=XSD.gYear)))
        return node

    def candidacies(self) -> None:
        """One node per ticket: the head's candidacy carries the running mate. A running mate whose head the article
        does not name ("calon wakil bupati B menemui nelayan …") is a ticket of its own with no elec:candidate."""
        heads = [c for c in self.x.candidacies if not c.office.startswith("wakil ")]
        for c in heads:
            self.tickets[c.person] = self.ticket(c, c.person, c.running_mate)
        mates = {c.running_mate for c in heads}
        for c in self.x.candidacies:
            if c.office.startswith("wakil ") and c.person not in mates and c.running_mate not in self.tickets:
                self.tickets[c.person] = self.ticket(c, None, c.person)

    def ticket(self, c: Candidacy, head: str | None, mate: str | None) -> URIRef:
        g, w, x = self.g, self.w, self.x
        contest = self.contest(c.contest)
        names = [x.entity(p).name for p in (head, mate) if p]
        node = (candidacy_iri(w.base, c.contest.office, c.contest.region, c.contest.year, names[0])
                if c.contest.region or c.contest.office in NATIONAL
                else mint(w.base, "candidacy", w.article.key, names[0]))
        g.add((node, RDF.type, ELEC.Candidacy))
        g.add((node, RDFS.label, _text("-".join(names))))
        g.add((node, ELEC.contest, contest))
        if head:
            g.add((node, ELEC.candidate, w.entity_iri(head)))
        if mate:
            g.add((node, ELEC.runningMate, w.entity_iri(mate)))
        if c.ballot_number and c.ballot_number.isdigit() and int(c.ballot_number) >= 1:
            g.add((node, ELEC.ballotNumber, Literal(int(c.ballot_number))))
        for party in c.parties:
            g.add((node, ELEC.nominatedBy, w.entity_iri(party)))
            if x.entity(party).name.startswith("Koalisi "):
                g.add((w.entity_iri(party), RDF.type, ELEC.Coalition))
        if c.status in STATUSES:
            g.add((node, ELEC.status, STATUSES[c.status]))
        w.provenance(node, c.evidence)
        return node

    def results(self) -> None:
        g, w = self.g, self.w
        for i, r in enumerate(self.x.results, start=1):
            if r.contest is None:
                continue  # a share with no known race has nowhere to go
            holder = self.holder(r.candidate, r.contest)
            if holder is None:
                continue  # nor one whose candidate has no ticket
            node = mint(w.base, "result", w.article.key, str(i))
            g.add((node, RDF.type, ELEC.Result))
            g.add((node, ELEC.resultFor, holder))
            g.add((node, ELEC.contest, self.contest(r.contest)))
            for prop, value in ((ELEC.votes, r.votes), (ELEC.seats, r.seats)):
                if value:
                    g.add((node, prop, Literal(int(parse_number(value.split()[0])
                                                   * SCALE.get(value.split()[-1].lower(), 1)))))
            if r.percent:
                g.add((node, ELEC.percent, decimal_literal(parse_number(r.percent))))
            if r.contest.region:
                g.add((node, ELEC.scope, w.place_iri(r.contest.region)))
            stage = self.stage(r.stage, r.level, r.contest.office)
            if stage is not None:
                g.add((node, ELEC.stage, stage))
            if r.source:
                source = mint(w.base, "organization", r.source)
                w.named(source, SCHEMA.Organization, r.source)
                g.add((node, ELEC.reportedBy, source))
            w.provenance(node, r.evidence)

    def holder(self, candidate: str, contest: Contest) -> URIRef | None:
        """Who a result is for: a ticket, a party, or the race's empty box (kotak kosong)."""
        if candidate == EMPTY_BOX:
            race = self.contest(contest)
            node = empty_box_iri(race)
            self.w.named(node, ELEC.EmptyBox, "Kotak Kosong")
            self.g.add((node, ELEC.contest, race))
            return node
        if candidate in self.tickets:
            return self.tickets[candidate]
        return self.w.entity_iri(candidate) if self.x.entity(candidate).kind == "organization" else None

    @staticmethod
    def stage(stage: str | None, level: str | None, office: str) -> URIRef | None:
        if stage == "recapitulation":
            return RECAP_LEVELS.get(level or "", RECAP_BY_OFFICE.get(office))
        return STAGES.get(stage or "")

    def cases(self, contest: Contest | None) -> None:
        g, w = self.g, self.w
        for case in self.x.cases:
            node = court_case_iri(w.base, case.number)
            w.named(node, ELEC.CourtCase, f"Perkara {case.number}")
            g.add((node, SCHEMA.identifier, _text(case.number)))
            if case.court:
                g.add((node, ELEC.court, w.entity_iri(case.court)))
            if case.ruling:
                g.add((node, ELEC.ruling, RULINGS[case.ruling]))
            for order in case.orders:
                g.add((node, ELEC.orders, ORDERS[order]))
            if case.petitioner:
                g.add((node, ELEC.petitioner, self.tickets.get(case.petitioner, w.entity_iri(case.petitioner))))
            if case.respondent:
                g.add((node, ELEC.respondent, w.entity_iri(case.respondent)))
            if case.date:
                g.add((node, SCHEMA.startDate, Literal(case.date, datatype=XSD.date)))
            if contest is not None:
                g.add((node, ELEC.contest, self.contest(contest)))
            w.provenance(node, case.evidence)


def article_iri(article: Article, base: str = DEFAULT_BASE) -> URIRef:
    """Named by the article's key (URL or content), not its file name: see kg.ingest.article."""
    return mint(base, "article", article.key)


def add_article(dataset: Dataset, article: Article, parse: Parse, extraction: Extraction,
                base: str = DEFAULT_BASE) -> URIRef:
    """Write one article's named graph into ``dataset`` (replacing any earlier one); returns its IRI."""
    graph_iri = article_iri(article, base)
    dataset.remove_graph(dataset.graph(graph_iri))
    writer = ArticleGraph(dataset, article, parse, base)
    writer.add_article()
    for entity in extraction.entities:
        writer.add_entity(entity)
    for entity in extraction.entities:
        if entity.kind == "organization" and entity.region:
            writer.add_jurisdiction(entity)
        if entity.kind == "place" and entity.located_in:
            writer.name_place(entity.located_in)
    writer.add_facts(extraction)
    election = ElectionGraph(writer, extraction)
    election.candidacies()
    election.results()
    election.cases(extraction.contest)
    return writer.iri
