"""`kg push URL`: kg's article graphs into any SPARQL 1.1 server, one named graph per article.

URL is the server's Graph Store HTTP Protocol endpoint (Oxigraph server ``/store``, Virtuoso
``/sparql-graph-crud``, Fuseki ``/DATASET/data``): each changed graph is PUT whole, replacing
the old one. With ``update=True`` URL is a SPARQL Update endpoint and a batch of graphs goes
as one request of ``DROP SILENT GRAPH`` + ``INSERT DATA`` pairs.

Graphs go in batches; for each batch the server is first asked (one query, VALUES over the
batch) which elec:contentHash and elec:graphDigest it holds. A graph whose article is unchanged
(same content hash) and whose triples are unchanged (same digest) is skipped; the digest also
catches the unchanged articles whose graphs cross-article entity resolution rewrote. The digest,
a SHA-256 of the graph's sorted triples, is added to the graph as it is sent.

Pushing sends what the store or file holds; it never removes graphs from the server.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from rdflib import Dataset, Literal, URIRef

from kg.errors import KgError
from kg.graph.remote import Server, shown
from kg.graph.resolution import Triple
from kg.graph.vocab import ELEC

BATCH = 50
TURTLE = "text/turtle; charset=utf-8"
QUERY_OF = {"/store": "/query", "/update": "/query", "/data": "/query",  # Oxigraph, Fuseki
            "/sparql-graph-crud": "/sparql", "/sparql-graph-crud-auth": "/sparql-auth",  # Virtuoso
            "/sparql": "/sparql", "/sparql-auth": "/sparql-auth"}


@dataclass(frozen=True)
class ArticleGraph:
    iri: str
    content_hash: str | None
    digest: str
    lines: list[str]  # sorted N-Triples statements, without the digest's

    def body(self) -> str:
        digest = f"<{self.iri}> <{ELEC.graphDigest}> {Literal(self.digest).n3()} ."
        return "\n".join([*self.lines, digest]) + "\n"


@dataclass
class PushReport:
    graphs: int = 0  # article graphs looked at
    sent: int = 0
    triples: int = 0  # triples sent
    unchanged: int = 0
    rewritten: int = 0  # sent although the article is unchanged: resolution rewrote its graph
    seconds: float = 0.0


def article_graph(iri: str, triples: Iterable[Triple]) -> ArticleGraph:
    """The graph as sent: its statements sorted, so the digest depends on content alone."""
    lines, content_hash = [], None
    for s, p, o in triples:
        if p == ELEC.graphDigest:
            continue
        if p == ELEC.contentHash and str(s) == iri:
            content_hash = str(o)
        lines.append(f"{s.n3()} {p.n3()} {o.n3()} .")
    lines.sort()
    return ArticleGraph(iri, content_hash, hashlib.sha256("\n".join(lines).encode()).hexdigest(), lines)


def store_graphs(store) -> tuple[int, Iterator[ArticleGraph]]:
    """The article graphs of a kg store, in IRI order, as kg wrote them (the same triples and
    digests as pushing the build's graph.trig)."""
    from kg.graph.store import written_triples

    iris = sorted(g.value for g in store.named_graphs())
    return len(iris), (article_graph(iri, written_triples(store, iri)) for iri in iris)


def file_graphs(dataset: Dataset, path: Path) -> tuple[int, Iterator[ArticleGraph]]:
    """The article graphs (named graphs holding an elec:contentHash) of a TriG or N-Quads file."""
    graphs = sorted((g for g in dataset.graphs() if isinstance(g.identifier, URIRef)
                     and (g.identifier, ELEC.contentHash, None) in g), key=lambda g: str(g.identifier))
    if not graphs:
        raise KgError("no article graphs to push (kg push reads the TriG or N-Quads of kg build, "
                      "or a store with --store)", path=path)
    return len(graphs), (article_graph(str(g.identifier), g) for g in graphs)


def query_endpoint(url: str) -> str:
    """The query endpoint beside a Graph Store or Update endpoint, for the servers kg knows."""
    for suffix, query in QUERY_OF.items():
        if url.rstrip("/").endswith(suffix):
            return url.rstrip("/")[:-len(suffix)] + query
    raise KgError(f"cannot tell the query endpoint of {shown(url)}; give it with --query-endpoint")


def push(graphs: Iterable[ArticleGraph], url: str, *, update: bool = False, query_url: str | None = None,
         batch: int = BATCH, progress: Callable[[PushReport], None] | None = None,
         server: Server | None = None) -> PushReport:
    """Send the changed ``graphs`` to the server at ``url``; what was sent and skipped."""
    start = time.monotonic()
    server = server or Server(url)
    query_url = query_url or query_endpoint(url)
    report = PushReport()
    graphs = iter(graphs)
    while chunk := list(islice(graphs, batch)):
        held = remote_state(server, query_url, [g.iri for g in chunk])
        todo = []
        for graph in chunk:
            have = held.get(graph.iri)
            if have == (graph.content_hash, graph.digest):
                report.unchanged += 1
                continue
            report.rewritten += have is not None and have[0] == graph.content_hash
            todo.append(graph)
        if todo:
            _send(server, url, todo, update)
        report.graphs += len(chunk)
        report.sent += len(todo)
        report.triples += sum(len(g.lines) + 1 for g in todo)
        if progress:
            progress(report)
    report.seconds = time.monotonic() - start
    return report


def remote_state(server: Server, query_url: str, iris: list[str]) -> dict[str, tuple[str, str | None]]:
    """Graph IRI -> (content hash, digest) for those of ``iris`` the server holds."""
    values = " ".join(f"<{iri}>" for iri in iris)
    query = (f"SELECT ?g ?hash ?digest WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ "
             f"?g <{ELEC.contentHash}> ?hash OPTIONAL {{ ?g <{ELEC.graphDigest}> ?digest }} }} }}")
    rows = server.select(query_url, query)["results"]["bindings"]
    return {row["g"]["value"]: (row["hash"]["value"], row.get("digest", {}).get("value")) for row in rows}


def _send(server: Server, url: str, graphs: list[ArticleGraph], update: bool) -> None:
    if update:
        text = " ;\n".join(f"DROP SILENT GRAPH <{g.iri}> ;\nINSERT DATA {{ GRAPH <{g.iri}> {{\n{g.body()}}} }}"
                            for g in graphs)
        server.request("POST", url, f"update of {len(graphs)} graph(s) from {graphs[0].iri}",
                       data=text.encode("utf-8"),
                       headers={"Content-Type": "application/sparql-update; charset=utf-8"})
        return
    for g in graphs:
        server.request("PUT", url, f"PUT of graph {g.iri}", params={"graph": g.iri},
                       data=g.body().encode("utf-8"), headers={"Content-Type": TURTLE})
