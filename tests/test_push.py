"""kg push and kg query --endpoint against a real Oxigraph server (`oxigraph serve`, the `oxigraph`
package of the dev extra) that each test starts on 127.0.0.1 and a free port.

The store is built without Stanza: hand-made parses of made-up articles go in the parse cache.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from conftest import free_port, write_articles

from kg import cli
from kg.builder import ParseCache, model_fingerprint
from kg.errors import ExitCode
from kg.graph import push, remote
from kg.graph.loading import load_graph
from kg.graph.queries import load_named, named_queries, parameters
from kg.graph.store import open_store
from kg.ingest import iter_articles
from kg.nlp.parse import rough_parse

TEXTS = {
    "pleno": "Ketua KPU Sumut Rahmat Siregar mengatakan rapat pleno digelar di Medan pada 2 Desember 2024. "
             "\"Kami siap menetapkan hasil pemilihan gubernur,\" kata Rahmat.",
    "logistik": "Rahmat menyampaikan bahwa logistik pemilihan sudah tiba di seluruh kecamatan di Medan. "
                "Bawaslu Sumut ikut mengawasi distribusi itu.",
    "pengawasan": "Anggota Bawaslu Sumut Rahmat Hasibuan mengatakan pengawasan kampanye di Medan berjalan "
                  "lancar. \"Kami tidak menemukan pelanggaran berat,\" kata Rahmat.",
    "hasil": "Rahmat Siregar mengatakan sebanyak 1.250 pemilih di Medan sudah memberikan suara, dan "
             "partisipasi mencapai 61,5 persen.",
}
NAMES = {"Rahmat Siregar": "PER", "Rahmat Hasibuan": "PER", "Rahmat": "PER"}
QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def oxigraph_cli() -> str:
    found = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    assert found, "the oxigraph server CLI is missing: pip install -e '.[dev]'"
    return found


class OxigraphServer:
    def __init__(self, folder: Path):
        self.folder, self.port = folder, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [oxigraph_cli(), "serve", "--location", str(self.folder), "--bind", f"127.0.0.1:{self.port}",
             "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                requests.get(self.url, timeout=1)
                return
            except requests.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("oxigraph serve did not start")

    def stop(self) -> None:
        if self.process:
            self.process.terminate()
            self.process.wait(10)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[OxigraphServer]:
    running = OxigraphServer(tmp_path / "oxigraph")
    running.start()
    yield running
    running.stop()


@pytest.fixture
def build_store(tmp_path: Path, model_files: Path):
    """build_store(*names): `kg build --store` of those TEXTS, parses from the cache (no Stanza)."""
    store = tmp_path / "store"

    def build(*names: str) -> Path:
        corpus = tmp_path / "corpus"
        shutil.rmtree(corpus, ignore_errors=True)
        write_articles(corpus, {name: TEXTS[name] for name in names})
        cache = ParseCache(tmp_path / "cache", model_fingerprint(model_files))
        for article in iter_articles([corpus]):
            cache.put(article, rough_parse(article.text, NAMES))
        assert cli.main(["build", str(corpus), "--store", str(store), "--models", str(model_files),
                         "--cache", str(tmp_path / "cache")]) == 0
        return store
    return build


def pushed(url: str, store: Path) -> push.PushReport:
    """`kg push URL --store STORE` through the library, for its report."""
    _, graphs = push.store_graphs(open_store(store))
    return push.push(graphs, url)


def server_quads(server: OxigraphServer) -> set[tuple[str, ...]]:
    rows = remote.run_remote(f"{server.url}/query", QUADS).rows
    return {tuple(r) for r in rows if not r[2].endswith("#graphDigest")}


def store_quads(store: Path) -> set[tuple[str, ...]]:
    from kg.graph.queries import run_oxigraph

    return {tuple(r) for r in run_oxigraph(open_store(store), QUADS).rows}


def test_push_sends_changed_graphs_only_and_queries_match_the_store(
        server: OxigraphServer, build_store, capsys: pytest.CaptureFixture[str]) -> None:
    store = build_store("pleno", "logistik")
    assert cli.main(["push", f"{server.url}/store", "--store", str(store)]) == 0
    assert "pushed 2 of 2 article graph(s)" in capsys.readouterr().err
    assert server_quads(server) == store_quads(store)

    assert cli.main(["push", f"{server.url}/store", "--store", str(store)]) == 0
    assert "pushed 0 of 2 article graph(s)" in capsys.readouterr().err

    store = build_store("pleno", "logistik", "pengawasan")  # a second Rahmat: resolution rewrites
    report = pushed(f"{server.url}/store", store)
    assert report.sent == 1 + report.rewritten and report.rewritten >= 1
    assert server_quads(server) == store_quads(store)

    rows = 0
    for name in named_queries():
        capsys.readouterr()
        given = ["--param", "name=rahmat"] if parameters(load_named(name)) else []  # person, institution, contest
        assert cli.main(["query", "--store", str(store), "--name", name, "--format", "csv", *given]) == 0
        local = capsys.readouterr().out
        assert cli.main(["query", "--endpoint", f"{server.url}/query", "--name", name, "--format", "csv",
                         *given]) == 0
        assert capsys.readouterr().out == local, name
        rows += local.count("\n") - 1
    assert rows >= 3


def test_a_store_pushes_the_graphs_a_build_writes(build_store, tmp_path: Path, model_files: Path) -> None:
    """The same articles pushed from a store and from `kg build --out`'s TriG have the same digests,
    decimals included (the store keeps 1250.0 as the value 1250), so neither push resends the other's."""
    store = build_store("pleno", "hasil")
    assert cli.main(["build", str(tmp_path / "corpus"), "--out", str(tmp_path / "out"), "--no-images",
                     "--models", str(model_files), "--cache", str(tmp_path / "cache")]) == 0
    trig = tmp_path / "out" / "graph.trig"
    assert "1250.0" in trig.read_text(encoding="utf-8")
    from_store = {g.iri: g.digest for g in push.store_graphs(open_store(store))[1]}
    from_file = {g.iri: g.digest for g in push.file_graphs(load_graph(str(trig)), trig)[1]}
    assert from_store == from_file and len(from_store) == 2


def test_push_by_sparql_update_from_a_trig_file(server: OxigraphServer, build_store, tmp_path: Path) -> None:
    store = build_store("pleno", "logistik", "pengawasan")
    assert cli.main(["build", str(tmp_path / "corpus"), "--store", str(store), "--out", str(tmp_path / "out")]) == 0
    trig = tmp_path / "out" / "graph.trig"
    assert cli.main(["push", f"{server.url}/update", str(trig), "--update", "--batch", "2"]) == 0
    assert server_quads(server) == store_quads(store)
    total, graphs = push.file_graphs(load_graph(str(trig)), trig)
    assert push.push(graphs, f"{server.url}/update", update=True).unchanged == total == 3


def test_a_server_still_starting_is_waited_for(tmp_path: Path, build_store) -> None:
    store = build_store("pleno")
    late = OxigraphServer(tmp_path / "late")
    starter = threading.Timer(1.0, late.start)
    starter.start()
    try:
        report = pushed(f"{late.url}/store", store)  # refused at first: retried with backoff
    finally:
        starter.join()
        late.stop()
    assert report.sent == 1


def test_a_refused_request_is_one_line_without_credentials(
        server: OxigraphServer, build_store, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    store = build_store("pleno")
    monkeypatch.setenv("KG_SPARQL_USER", "kg")
    monkeypatch.setenv("KG_SPARQL_PASSWORD", "rahasia-sekali")
    code = cli.main(["push", f"{server.url}/nothing-here", "--store", str(store),
                     "--query-endpoint", f"{server.url}/query"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == ExitCode.REMOTE
    assert err[-1].startswith(f"kg: error: {server.url}/nothing-here: PUT of graph ") and " 404 " in err[-1]
    assert "rahasia" not in "\n".join(err)
    code = cli.main(["query", "--endpoint", f"{server.url}/query", "SELEKT ?x"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == ExitCode.REMOTE and len(err) == 1 and "query refused: 400" in err[0]


def test_credentials_come_from_the_environment_or_netrc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine sparql.example.org login kg password dari-netrc\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    monkeypatch.delenv("KG_SPARQL_USER", raising=False)
    assert remote.credentials("http://sparql.example.org:8890/sparql") == ("kg", "dari-netrc")
    assert remote.credentials("http://elsewhere.example.org/sparql") is None
    monkeypatch.setenv("KG_SPARQL_USER", "env")
    monkeypatch.setenv("KG_SPARQL_PASSWORD", "dari-env")
    assert remote.credentials("http://sparql.example.org:8890/sparql") == ("env", "dari-env")
    assert remote.shown("http://kg:secret@sparql.example.org:8890/sparql?x=1") == \
        "http://sparql.example.org:8890/sparql"
