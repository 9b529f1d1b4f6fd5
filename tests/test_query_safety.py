"""Queries stay local and stop (issue 14, items 3 and 4), as the user types them.

A web server on 127.0.0.1 records every request: after each refused query it must have seen none.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEED, SEED_TRIG, kg_env, run_kg

from kg.cli import main
from kg.errors import ExitCode
from kg.graph.answers import StoreData, rows
from kg.graph.rdf import article_iri
from kg.graph.sandbox import Limits, QueryStopped, run_once
from kg.graph.vocab import CONTEXT_IRI
from kg.ingest import read_article

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ARTICLE = str(article_iri(read_article(SEED)[0]))


@pytest.fixture(params=["file", "store"])
def data(request: pytest.FixtureRequest, seed_store: Path) -> list[str]:
    """The seed graph as `kg query` reads it: a TriG file, or a store."""
    return [str(SEED_TRIG)] if request.param == "file" else ["--store", str(seed_store)]


@pytest.mark.parametrize("clause", ["FROM <{url}/graph.ttl>", "FROM NAMED <{url}/graph.ttl>",
                                    "FROM <file:///etc/hostname>"])
def test_from_a_remote_or_file_graph_is_refused(clause: str, data: list[str], recorder,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    query = f"SELECT * {clause.format(url=recorder.url)} WHERE {{ ?s ?p ?o }}"
    code, out, err = run_kg(capsys, "query", *data, query)
    assert code == ExitCode.BAD_QUERY, err
    assert "refused" in err and "not a graph of this data" in err and out == ""
    assert recorder.requests == []


@pytest.mark.parametrize("service", ["SERVICE <{url}/sparql>", "SERVICE SILENT <{url}/sparql>", "SERVICE ?where"])
def test_service_is_refused(service: str, data: list[str], recorder, capsys: pytest.CaptureFixture[str]) -> None:
    query = f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ {service.format(url=recorder.url)} {{ ?s ?q ?r }} }} }}"
    code, _, err = run_kg(capsys, "query", *data, query)
    assert code == ExitCode.BAD_QUERY and "SERVICE" in err and "refused" in err
    assert recorder.requests == []


def test_update_and_load_are_refused(data: list[str], recorder, capsys: pytest.CaptureFixture[str]) -> None:
    for update in (f"LOAD <{recorder.url}/graph.ttl>", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"):
        code, _, err = run_kg(capsys, "query", *data, update)
        assert code == ExitCode.BAD_QUERY and "SPARQL Update" in err and "refused" in err
    assert recorder.requests == []


def test_from_a_graph_of_the_data_still_works(data: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    query = f"SELECT (COUNT(*) AS ?n) FROM <{ARTICLE}> WHERE {{ ?s a <https://schema.org/Person> }}"
    code, out, err = run_kg(capsys, "query", *data, query, "--format", "json")
    assert code == 0, err
    assert [b["n"]["value"] for b in json.loads(out)["results"]["bindings"]] == ["1"]  # SPARQL JSON


def test_a_runaway_query_stops_at_the_time_limit(data: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    start = time.monotonic()
    code, out, err = run_kg(capsys, "query", *data, CROSS, "--timeout", "1")
    assert code == ExitCode.QUERY_STOPPED
    assert err.strip() == "kg: error: query stopped after 1 s (the time limit, --timeout)"
    assert time.monotonic() - start < 20


def test_a_bad_timeout_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["query", str(SEED_TRIG), "ASK {}", "--timeout", "-3"])
    assert stop.value.code == ExitCode.USAGE
    assert "not a positive number of seconds" in capsys.readouterr().err


CTRL_C = ("import signal, sys\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"
          "from kg.cli import main\nsys.exit(main(sys.argv[1:]))\n")


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "term"])
def test_a_runaway_query_on_the_store_stops_on_a_signal(sig: int, seed_store: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", CTRL_C, "query", "--store", str(seed_store), CROSS],
                            env=kg_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # the query runs once kg has forked its worker, which shows kg's own command line
    deadline = time.monotonic() + 60
    while len(running(f"{seed_store} {CROSS}")) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    assert proc.poll() is None
    start = time.monotonic()
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    assert time.monotonic() - start < 10
    assert proc.returncode == ExitCode.INTERRUPTED, err
    assert "interrupted" in err and "Traceback" not in err
    # this session's kg only (its store path is in the forked worker's command line too), not
    # the same test running in another session on the machine
    assert running(f"{seed_store} {CROSS}") == [], "the query's worker outlived kg"


def running(fragment: str) -> list[int]:
    """Processes whose command line holds ``fragment``."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and fragment in (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def test_memory_is_bounded(seed_store: Path) -> None:
    """A sort over a cross product stops at the heap cap instead of taking the machine."""
    query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g"
    with pytest.raises(QueryStopped, match="more than the 200 MB"):
        run_once(StoreData(str(seed_store)), rows, query, None, limits=Limits(timeout=120, memory=200 << 20))


def test_jsonld_remote_context_is_never_fetched(tmp_path: Path, recorder, capsys) -> None:
    doc = tmp_path / "remote.jsonld"
    doc.write_text(json.dumps({"@context": f"{recorder.url}/context.jsonld", "@id": "urn:x", "name": "x"}))
    code, _, err = run_kg(capsys, "query", doc, "SELECT * WHERE { ?s ?p ?o }")
    assert code == ExitCode.BAD_GRAPH and "context" in err and "refused" in err and str(doc) in err
    assert recorder.requests == []


def test_jsonld_with_kgs_context_reads_offline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "kg.jsonld"
    doc.write_text(json.dumps({"@context": CONTEXT_IRI, "@id": "urn:ellen", "@type": "schema:Person",
                               "schema:name": "Ellen"}))
    code, out, err = run_kg(capsys, "query", doc, "SELECT ?n WHERE { ?p a <https://schema.org/Person> ; "
                                              "<https://schema.org/name> ?n }", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["results"]["bindings"] == [{"n": {"type": "literal", "value": "Ellen"}}]
