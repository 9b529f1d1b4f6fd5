"""Shared fixtures: a model-free parser injected where a build would load Stanza; a store of the
seed article, a recording web server, a running `kg serve`; the skip mark of tests that need the
bundled models; how a test starts `kg` in a subprocess.

`fake_parse` is kg.nlp.parse.rough_parse with no names: sentences end at . ! ? or a line end, a
token per word or punctuation mark, every NER tag O (so entities come from the lexicons and rules
only): the CLI, mapping and export code run without a model. It is passed in (``parser=``),
never patched into kg.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple

import pytest
from rdflib import Graph, URIRef

from kg.builder import Parser, build_articles
from kg.cli import main
from kg.errors import ModelError
from kg.ingest import Article
from kg.nlp.parse import Parse, rough_parse
from kg.nlp.pipeline import PROCESSORS, model_paths

REPO = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
if str(TESTS) not in sys.path:  # helper modules of the tests (subprocess scripts import them too)
    sys.path.insert(0, str(TESTS))
SEED = REPO / "seeds" / "sumsel-pilkada-2024.txt"  # the seed article


def _missing_models() -> str | None:
    try:
        model_paths("bundled")
    except ModelError as err:
        return str(err)
    return None


MISSING_MODELS = _missing_models()
needs_models = pytest.mark.skipif(
    MISSING_MODELS is not None, reason=f"bundled Stanza models incomplete: {MISSING_MODELS}"
)


def fake_parse(text: str) -> Parse:
    """A model-free `Parse` (kg.nlp.parse.rough_parse) with no NER tags."""
    return rough_parse(text, {})


def without_tree(parse: Parse) -> Parse:
    """``parse`` as a default build has it, without the lemma and depparse processors: lemmas are
    the word forms, heads 0, relations "dep" (kg.nlp.parse.from_stanza)."""
    def bare(token):
        return replace(token, words=tuple(replace(w, lemma=w.text, head=0, deprel="dep") for w in token.words))

    return replace(parse, sentences=tuple(replace(s, tokens=tuple(map(bare, s.tokens))) for s in parse.sentences))


def article_graph(article: Article, parse: Parse) -> Graph:
    """The article's graph from a given parse, mapped as `kg build` maps it (no resolution)."""
    dataset, report = build_articles([article], parser=Parser(lambda _: iter([parse]), "given"), cache_dir=None)
    return dataset.graph(URIRef(report.built[0].graph))


def _fake_parses(articles: list[Article]) -> Iterator[Parse]:
    return (fake_parse(a.text) for a in articles)


FAKE_PARSER = Parser(_fake_parses, "fake-parser")


@pytest.fixture
def fake_parser() -> Parser:
    """The model-free parser, to pass as ``parser=`` to kg.cli.main and kg.builder functions."""
    return FAKE_PARSER


SEED_TRIG = REPO / "exports" / "graph.trig"  # the committed build of seeds/
ELECTION_TTL = TESTS / "fixtures" / "graphs" / "election.ttl"  # a hand-written graph of two contests


def write_articles(folder: Path, texts: dict[str, str]) -> Path:
    """A new folder holding each text as NAME.txt (a corpus for `kg build`)."""
    folder.mkdir(parents=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def model_files(tmp_path: Path) -> Path:
    """A models folder with a small file per model: it keys the parse cache, Stanza never loads it."""
    folder = tmp_path / "models"
    folder.mkdir()
    for name in (*PROCESSORS, "pretrain"):
        (folder / f"{name}.pt").write_bytes(b"weights-a")
    return folder


def store_of(folder: Path, *files: Path) -> Path:
    """A new Oxigraph store in ``folder`` holding these RDF files, closed for others to open."""
    from kg.graph.store import load_files, open_store

    store = open_store(folder, write=True)
    load_files(store, list(files))
    del store
    return folder


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An Oxigraph store holding the seed article's graph, as `kg build --store` keeps it."""
    return store_of(tmp_path_factory.mktemp("seed") / "store", SEED_TRIG)


class Recorder:
    """A web server on 127.0.0.1 that serves Turtle to anyone and remembers every request."""

    TURTLE = b"<http://example.org/remote> <http://example.org/p> \"fetched from the web\" .\n"

    def __init__(self) -> None:
        self.requests: list[str] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                recorder.requests.append(f"{self.command} {self.path}")
                self.send_response(200)
                self.send_header("Content-Type", "text/turtle")
                self.send_header("Content-Length", str(len(recorder.TURTLE)))
                self.end_headers()
                self.wfile.write(recorder.TURTLE)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    server = Recorder()
    yield server
    server.close()


class Run(NamedTuple):
    """What `kg` did in this process: exit code and what it printed."""

    code: int
    out: str
    err: str

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("kg: error:")]


def run_kg(capsys: pytest.CaptureFixture[str], *argv: str | Path, parser: Parser | None = None) -> Run:
    """`kg ARGV` through kg.cli.main, with only its own output captured."""
    capsys.readouterr()  # drop anything printed before
    code = main([str(a) for a in argv], parser=parser)
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kg_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *args]


def kg_env() -> dict[str, str]:
    """The environment of a subprocess: this checkout's kg, and the tests' helpers (conftest)."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(TESTS)])}


class Server:
    def __init__(self, *args: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(kg_command("serve", *args, "--port", str(self.port)), env=kg_env(),
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"kg serve ended: {self.process.stderr.read()}")
            try:
                with urllib.request.urlopen(f"{self.url}/queries", timeout=5):
                    return
            except OSError:
                time.sleep(0.2)
        self.close()
        raise RuntimeError("kg serve did not answer within 60 s")

    def close(self) -> str:
        self.process.terminate()
        try:
            _, err = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
        return err


@pytest.fixture(scope="module")
def kg_server(seed_store: Path) -> Iterator[Server]:
    """`kg serve --store` on the seed store, 2 workers, an 8 s time limit (a named query on a busy
    machine stays under it) and at most 50 rows."""
    server = Server("--store", str(seed_store), "--timeout", "8", "--max-rows", "50")
    yield server
    server.close()
