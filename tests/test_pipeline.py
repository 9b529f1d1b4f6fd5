"""The bundled Stanza models, offline, on the seed article, through to exports and queries."""

from __future__ import annotations

import contextlib
import io
import json
import re
import socket
from pathlib import Path

import pyoxigraph
import pytest
from conftest import SEED, needs_models
from rdflib import Dataset, Graph

from kg.errors import ModelError
from kg.nlp import pipeline

pytestmark = [pytest.mark.slow, needs_models]


@pytest.fixture(scope="module")
def no_network():
    """Any attempt to open a network connection fails the test."""
    real = socket.socket.connect

    def refuse(self, address):
        if isinstance(address, tuple):
            raise AssertionError(f"network access attempted: {address}")
        return real(self, address)

    socket.socket.connect = refuse
    yield
    socket.socket.connect = real


@pytest.fixture(scope="module")
def seed_doc(no_network):
    nlp = pipeline.load_pipeline("bundled", quantized=False)
    return nlp(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def exports(tmp_path_factory, no_network) -> Path:
    from kg.cli import main

    out = tmp_path_factory.mktemp("exports")
    log = io.StringIO()
    with contextlib.redirect_stderr(log):
        assert main(["build", str(SEED), "--out", str(out), "--no-cache"]) == 0
    (out.parent / f"{out.name}.log").write_text(log.getvalue(), encoding="utf-8")
    return out


def test_build_reports_the_parse_speed(exports) -> None:
    log = (exports.parent / f"{exports.name}.log").read_text(encoding="utf-8")
    assert re.search(r"parse stage: [1-9]\d* words in [\d.]+ s, [\d.]+ s of it loading the models = "
                     r"[1-9]\d* words/s", log)


def test_builds_parse_only_what_extraction_reads_with_one_thread(no_network) -> None:
    import torch

    from kg.builder import ParseCache, parse_articles, stanza_parser
    from kg.ingest import iter_articles

    [article] = iter_articles([SEED])
    plain = next(parse_articles([article], stanza_parser(), ParseCache(None, "")))[1]
    assert torch.get_num_threads() == 1
    words = [w for s in plain.sentences for w in s.words]
    assert {(w.head, w.deprel) for w in words} == {(0, "dep")}  # no tree asked for, none made
    assert any(t.ner != "O" for s in plain.sentences for t in s.tokens)
    trees = next(parse_articles([article], stanza_parser(trees=True), ParseCache(None, "")))[1]
    assert [w.upos for s in trees.sentences for w in s.words] == [w.upos for w in words]
    assert sum(w.head == 0 for s in trees.sentences for w in s.words) == len(trees.sentences)
    assert stanza_parser().key != stanza_parser(trees=True).key


def test_loading_builds_no_optimizer(no_network) -> None:
    """A fresh interpreter loads a build's processors and parses without importing torch._dynamo
    (what Stanza's unused optimizers cost, 2.5 s); Stanza's factory is back afterwards."""
    import subprocess
    import sys

    code = ("import sys; from stanza.models.common import utils; build = utils.dispatch_optimizer; "
            "from kg.nlp import pipeline; nlp = pipeline.load_pipeline('bundled', pipeline.processors_for()); "
            "doc = nlp('Ketua KPU Kota Bandung, Budi Santoso, hadir di Bandung.'); "
            "print(sorted(nlp.processors), 'torch._dynamo' in sys.modules, utils.dispatch_optimizer is build, "
            "[e.type for e in doc.ents])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split("]", 1)[1].split("[")[0].split() == ["False", "True"], out
    assert "'PERSON'" in out and "'pos'" in out


def test_int8_weights_in_the_build_processors_but_the_tokenizer(seed_doc) -> None:
    nlp = pipeline.load_pipeline("bundled")
    kinds = {name: {type(m).__module__ for m in (getattr(p, "trainers", None) or [p.trainer])[0].model.modules()}
             for name, p in nlp.processors.items()}
    for name in ("tokenize", "lemma", "depparse"):
        assert not any("quantized" in k for k in kinds[name]), name
    for name in ("mwt", "pos", "ner"):
        assert any("quantized" in k for k in kinds[name]), name
    doc = nlp(SEED.read_text(encoding="utf-8"))
    ner = [t.ner for s in doc.sentences for t in s.tokens]
    float_ner = [t.ner for s in seed_doc.sentences for t in s.tokens]  # seed_doc: float weights
    assert sum(a == b for a, b in zip(ner, float_ner, strict=True)) >= 0.97 * len(ner)


def test_bundled_models_parse_the_seed(seed_doc) -> None:
    words = [w.text for s in seed_doc.sentences for w in s.words]
    assert "nya" in words  # "-nya" split off as its own word
    tags = {(t.text, t.ner.split("-")[-1]) for s in seed_doc.sentences for t in s.tokens}
    assert {("Ellen", "PERSON"), ("Setiad", "PERSON")} <= tags  # the NER span may also take in "Sumsel"
    assert ("Palembang", "PLACE") in {(e.text, e.type) for e in seed_doc.ents}
    assert all(w.upos and w.deprel for s in seed_doc.sentences for w in s.words)


def test_clitics_split_and_only_named_processors_load(no_network) -> None:
    nlp = pipeline.load_pipeline("bundled", processors="tokenize,mwt")
    assert set(nlp.processors) == {"tokenize", "mwt"}
    doc = nlp("Ini rumahnya. Akankah Bawaslu menangkapnya? Lainnya tidak.")
    words = [[w.text for w in s.words] for s in doc.sentences]
    assert words == [["Ini", "rumah", "nya", "."], ["Akan", "kah", "Bawaslu", "menangkap", "nya", "?"],
                     ["Lainnya", "tidak", "."]]
    assert all([w.id for w in s.words] == list(range(1, len(s.words) + 1)) for s in doc.sentences)


def test_missing_models_say_what_is_missing(tmp_path) -> None:
    (tmp_path / "tokenize.pt").write_bytes(b"")
    with pytest.raises(ModelError, match="missing .*mwt.pt"):
        pipeline.model_paths(tmp_path)


def test_exports_load_in_rdflib_and_oxigraph(exports) -> None:
    ttl, trig = exports / "graph.ttl", exports / "graph.trig"
    g = Graph().parse(ttl, format="turtle")
    ds = Dataset().parse(trig, format="trig")
    union = {t for ctx in ds.graphs() for t in ctx}
    assert set(g) == union and len(g) > 100
    store = pyoxigraph.Store()
    store.load(path=str(ttl), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(g)
    quads = pyoxigraph.Store()
    quads.load(path=str(trig), format=pyoxigraph.RdfFormat.TRIG)
    assert len(quads) == sum(len(ctx) for ctx in ds.graphs())
    assert (exports / "validation.txt").read_text().startswith("Validation Report\nConforms: True")


def test_seed_facts(exports) -> None:
    summary = json.loads((exports / "articles" / "sumsel-pilkada-2024.json").read_text())
    ellen = next(p for p in summary["persons"] if p["name"] == "Ellen Setiad")
    assert "Plt Gubernur Sumsel" in ellen["roles"]
    meeting = next(e for e in summary["events"] if e["type"] == "meeting")
    assert (meeting["date"], meeting["place"]) == ("2024-11-13", "Jakabaring Sport City")
    types = {o["name"]: o["type"] for o in summary["organizations"]}
    assert types["Komisi Pemilihan Umum"] == "election_body"
    assert any(t == "election_body" and n.startswith("Badan Pengawas") for n, t in types.items())
    assert types["Tentara Nasional Indonesia"] == "security"
    assert types["Kepolisian Negara Republik Indonesia"] == "security"


def test_named_queries_on_the_seed(exports) -> None:
    from kg.graph.loading import load_graph
    from kg.graph.queries import load_named, run_rdflib

    g = load_graph(str(exports / "graph.ttl"))
    posts = run_rdflib(g, load_named("posts"))
    rows = [dict(zip(posts.columns, r, strict=True)) for r in posts.rows]
    assert {"person": "Ellen Setiad", "post": "Plt Gubernur Sumsel", "title": "Pelaksana Tugas Gubernur",
            "region": "Sumatera Selatan"}.items() <= rows[0].items()
    timeline = run_rdflib(g, load_named("events-timeline"))
    dated = [r for r in timeline.rows if r[0]]
    assert dated == sorted(dated) and ["2024-11-13", "Rapat Konsolidasi Daerah Panitia Pemilihan "
                                       "Kabupaten (PPK) se-Sumsel", "Meeting", "Jakabaring Sport City"] in dated
    quotes = run_rdflib(g, load_named("quotes"))
    assert len(quotes.rows) == 5 and {r[0] for r in quotes.rows} == {"Ellen Setiad"}
    institutions = run_rdflib(g, load_named("event-institutions"))
    assert any(r[2] == "Panitia Pemilihan Kabupaten" for r in institutions.rows)


def test_graph_image(exports) -> None:
    import matplotlib.image

    png = matplotlib.image.imread(exports / "graph.png")
    height, width = png.shape[:2]
    assert 600 <= width <= 3200 and 400 <= height <= 3200
    assert png.std() > 0.05  # something was drawn
    assert (exports / "graph.svg").read_text().lstrip().startswith("<?xml")
