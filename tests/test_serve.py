"""`kg serve`: the SPARQL 1.1 Protocol over a real server on 127.0.0.1, queried by real clients."""

from __future__ import annotations

import csv
import http.client
import io
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import SEED_TRIG, Server
from rdflib import Graph, URIRef

from kg.cli import main
from kg.graph.queries import load_named, parameters

PERSONS = "SELECT ?p WHERE { ?p a <https://schema.org/Person> }"
ELLEN = "https://w3id.org/kg-pemilu/id/person/ellen-setiad"
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def fetch(url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
         timeout: float = 30) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def get(server: Server, query: str, accept: str = "application/sparql-results+json", **kw) -> tuple:
    return fetch(f"{server.url}/sparql?{urllib.parse.urlencode({'query': query})}", headers={"Accept": accept}, **kw)


def count(server: Server) -> int:
    """Triples in the server's default graph."""
    return int(json.loads(get(server, COUNT)[2])["results"]["bindings"][0]["n"]["value"])


def test_select_as_json_by_get_post_and_form(kg_server: Server) -> None:
    bodies = [
        get(kg_server, PERSONS),
        fetch(f"{kg_server.url}/sparql", PERSONS.encode(), {"Content-Type": "application/sparql-query",
                                                          "Accept": "application/sparql-results+json"}),
        fetch(f"{kg_server.url}/sparql", urllib.parse.urlencode({"query": PERSONS}).encode(),
             {"Content-Type": "application/x-www-form-urlencoded"}),
    ]
    for status, headers, body in bodies:
        assert status == 200 and headers["content-type"] == "application/sparql-results+json"
        doc = json.loads(body)
        assert doc["head"]["vars"] == ["p"]
        assert doc["results"]["bindings"] == [{"p": {"type": "uri", "value": ELLEN}}]


@pytest.mark.parametrize(("accept", "check"), [
    ("application/sparql-results+xml", lambda b: b"<uri>" + ELLEN.encode() + b"</uri>" in b),
    ("text/csv", lambda b: b.decode().splitlines() == ["p", ELLEN]),
    ("text/tab-separated-values", lambda b: b.decode().splitlines() == ["?p", f"<{ELLEN}>"]),
])
def test_select_content_negotiation(kg_server: Server, accept: str, check) -> None:
    status, headers, body = get(kg_server, PERSONS, accept)
    assert status == 200 and headers["content-type"].startswith(accept)
    assert check(body), body


def test_ask(kg_server: Server) -> None:
    status, _, body = get(kg_server, f"ASK {{ <{ELLEN}> ?p ?o }}")
    assert status == 200 and json.loads(body)["boolean"] is True


@pytest.mark.parametrize(("accept", "rdflib_format"), [
    ("text/turtle", "turtle"), ("application/trig", "trig"), ("application/n-triples", "nt"),
    ("application/ld+json", "json-ld")])
def test_construct_in_rdf_formats(kg_server: Server, accept: str, rdflib_format: str) -> None:
    status, headers, body = get(kg_server, f"CONSTRUCT WHERE {{ <{ELLEN}> ?p ?o }}", accept)
    assert status == 200 and headers["content-type"].startswith(accept)
    graph = Graph().parse(data=body, format=rdflib_format)
    assert len(graph) > 3 and (URIRef(ELLEN), None, None) in graph


def test_describe(kg_server: Server) -> None:
    status, _, body = get(kg_server, f"DESCRIBE <{ELLEN}>", "text/turtle")
    assert status == 200 and (URIRef(ELLEN), None, None) in Graph().parse(data=body, format="turtle")


def test_unacceptable_format(kg_server: Server) -> None:
    status, _, body = get(kg_server, PERSONS, "image/png")
    assert status == 406 and b"text/csv" in body


def test_update_is_refused_and_the_store_unchanged(kg_server: Server) -> None:
    before = json.loads(get(kg_server, COUNT)[2])
    insert = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"
    tries = [
        fetch(f"{kg_server.url}/sparql", insert.encode(), {"Content-Type": "application/sparql-update"}),
        fetch(f"{kg_server.url}/sparql", urllib.parse.urlencode({"update": insert}).encode(),
             {"Content-Type": "application/x-www-form-urlencoded"}),
        get(kg_server, insert),
        get(kg_server, "LOAD <http://127.0.0.1:9/x.ttl>"),
    ]
    for status, _, body in tries:
        assert status == 403 and b"refused" in body, body
    assert json.loads(get(kg_server, COUNT)[2]) == before


def test_service_and_foreign_from_are_refused(kg_server: Server, recorder) -> None:
    for query in (f"SELECT * WHERE {{ SERVICE <{recorder.url}/sparql> {{ ?s ?p ?o }} }}",
                  f"SELECT * FROM <{recorder.url}/g.ttl> WHERE {{ ?s ?p ?o }}"):
        status, _, body = get(kg_server, query)
        assert status == 400 and b"refused" in body
    assert recorder.requests == []


def test_syntax_error_is_400(kg_server: Server) -> None:
    status, _, body = get(kg_server, "SELECT ?s WHERE { ?s ?p }")
    assert status == 400 and b"SPARQL syntax error" in body


def test_row_limit(kg_server: Server) -> None:
    status, headers, body = get(kg_server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 200 and headers["x-kg-truncated"] == "50"
    assert len(json.loads(body)["results"]["bindings"]) == 50


def test_request_size_limit(kg_server: Server) -> None:
    """A body over 1 MB is refused from its Content-Length, before it is read."""
    conn = http.client.HTTPConnection("127.0.0.1", kg_server.port, timeout=30)
    conn.putrequest("POST", "/sparql")
    conn.putheader("Content-Type", "application/sparql-query")
    conn.putheader("Content-Length", str(2 << 20))
    conn.endheaders()
    response = conn.getresponse()
    assert response.status == 413 and b"over 1048576 bytes" in response.read()
    conn.close()


def test_a_stopped_query_leaves_the_server_answering(kg_server: Server) -> None:
    """A cross product hits the 8 s limit while a second client's queries answer at once."""
    slow: dict[str, object] = {}

    def runaway() -> None:
        start = time.monotonic()
        slow["status"], _, slow["body"] = get(kg_server, CROSS)
        slow["seconds"] = time.monotonic() - start

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)
    for _ in range(3):
        start = time.monotonic()
        status, _, body = get(kg_server, PERSONS)
        assert status == 200 and ELLEN in body.decode()
        assert time.monotonic() - start < 2.5
    assert "status" not in slow  # the runaway is still running meanwhile
    thread.join(30)
    assert slow["status"] == 503 and b"query stopped after 8 s" in slow["body"]
    # its worker was replaced: both workers answer again, in parallel
    results = []
    threads = [threading.Thread(target=lambda: results.append(get(kg_server, COUNT)[0])) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results == [200] * 4


def test_service_description_and_void(kg_server: Server) -> None:
    for url in (f"{kg_server.url}/sparql", f"{kg_server.url}/void"):
        status, headers, body = fetch(url, headers={"Accept": "text/turtle"})
        assert status == 200 and headers["content-type"].startswith("text/turtle")
        graph = Graph().parse(data=body, format="turtle")
        answer = {str(k): v for k, v in graph.query("""
            PREFIX sd: <http://www.w3.org/ns/sparql-service-description#>
            PREFIX void: <http://rdfs.org/ns/void#>
            SELECT ?endpoint ?triples (COUNT(DISTINCT ?g) AS ?graphs) ?persons WHERE {
              ?service a sd:Service ; sd:endpoint ?endpoint ; sd:defaultDataset ?d .
              ?d void:triples ?triples ; sd:namedGraph/sd:name ?g ;
                 void:classPartition [ void:class <https://schema.org/Person> ; void:entities ?persons ] .
            } GROUP BY ?endpoint ?triples ?persons""").bindings[0].items()}
        assert str(answer["endpoint"]) == f"{kg_server.url}/sparql"
        assert int(answer["triples"]) == count(kg_server)
        assert int(answer["graphs"]) == 1 and int(answer["persons"]) == 1


def test_named_queries_as_urls_match_kg_query(kg_server: Server, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, names = fetch(f"{kg_server.url}/queries")
    assert status == 200 and "posts" in json.loads(names)
    for name in json.loads(names):
        capsys.readouterr()
        given = parameters(load_named(name))  # person, institution, contest: ?name=..., as --param name=...
        assert main(["query", str(SEED_TRIG), "--name", name, "--format", "json",
                     *(["--param", "name=ellen setiad"] if given else [])]) == 0
        expected = json.loads(capsys.readouterr().out)
        status, headers, body = fetch(f"{kg_server.url}/queries/{name}" + ("?name=ellen%20setiad" if given else ""))
        assert status == 200 and headers["content-type"] == "application/json"
        assert json.loads(body) == expected, name
    status, headers, body = fetch(f"{kg_server.url}/queries/posts?format=csv")
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert headers["content-type"].startswith("text/csv") and rows[0]["person"] == "Ellen Setiad"
    assert fetch(f"{kg_server.url}/queries/tidak-ada")[0] == 404


def test_cors_is_off_by_default(kg_server: Server) -> None:
    _, headers, _ = get(kg_server, PERSONS)
    assert "access-control-allow-origin" not in {k.lower() for k in headers}


def test_sparqlwrapper_queries_the_server(kg_server: Server) -> None:
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    client = SPARQLWrapper(f"{kg_server.url}/sparql")
    client.setQuery(load_named("posts"))
    client.setReturnFormat(JSON)
    rows = client.queryAndConvert()["results"]["bindings"]
    assert [r["person"]["value"] for r in rows] == ["Ellen Setiad"]
    client.setMethod(POST)
    client.setQuery(f"ASK {{ <{ELLEN}> ?p ?o }}")
    assert client.queryAndConvert()["boolean"] is True


def test_rdflib_sparqlstore_queries_the_server(kg_server: Server) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    store = SPARQLStore(f"{kg_server.url}/sparql", returnFormat="json")
    graph = Graph(store=store)
    names = {str(row.n) for row in graph.query(
        "SELECT ?n WHERE { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?n }")}
    assert names == {"Ellen Setiad"}
    assert len(graph) == count(kg_server)


def test_serve_graph_files_and_cors() -> None:
    server = Server(str(SEED_TRIG), "--cors")
    try:
        status, headers, body = fetch(f"{server.url}/sparql?{urllib.parse.urlencode({'query': PERSONS})}",
                                     headers={"Origin": "http://example.org", "Accept": "text/csv"})
        assert status == 200 and body.decode().splitlines() == ["p", ELLEN]
        assert headers.get("access-control-allow-origin") == "*"
    finally:
        server.close()


def test_serve_refuses_a_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--store", str(tmp_path / "none")]) == 3
    assert "no such store" in capsys.readouterr().err
