"""The explorer in a real headless Chromium (Debian's `chromium`, driven by Playwright) against a
real `kg serve` on 127.0.0.1, over the seed article's graph. The browser may reach nothing else."""

from __future__ import annotations

import json
import os
import shutil
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, Server, store_of

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOT = REPO / "docs" / "explorer.png"  # the README's picture: rewritten only with KG_UPDATE_DOCS=1
SENTENCE = "Komitmen tersebut disampaikan Plt Gubernur Sumsel Ellen Setiad"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, kg_server: Server):
    """A page that records console errors and refuses every request not to the kg server."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.errors, page.foreign = [], []
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("pageerror", lambda err: page.errors.append(str(err)))

    def only_kg(route) -> None:
        if route.request.url.startswith(kg_server.url):
            route.continue_()
        else:
            page.foreign.append(route.request.url)
            route.abort()

    page.route("**/*", only_kg)
    yield page
    context.close()


def test_search_draw_and_read_the_evidence_of_an_edge(page, kg_server: Server, tmp_path: Path) -> None:
    page.goto(kg_server.url + "/")
    page.fill("#q", "Ellen Setiad")
    page.press("#q", "Enter")
    page.click("ul.results a:text('Ellen Setiad')")
    page.wait_for_function("window.cy && window.cy.nodes().length > 1")
    labels = page.evaluate("cy.nodes().map(n => n.data('label'))")
    assert "Ellen Setiad" in labels and "Pemerintah Provinsi Sumatera Selatan" in labels
    drawn = page.evaluate("cy.nodes().every(n => n.renderedBoundingBox().w > 0)")
    assert drawn
    colours = page.evaluate("Object.fromEntries(cy.nodes().map(n => [n.data('label'), n.style('background-color')]))")
    assert colours["Ellen Setiad"] == "rgb(225,87,89)"  # the drawing's person colour, #e15759

    box = page.locator("#graph").bounding_box()
    point = page.evaluate("cy.edges().filter(e => e.data('label') === 'Plt Gubernur Sumsel')[0].renderedMidpoint()")
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_function("document.querySelector('#facts h2').textContent.includes('Plt Gubernur Sumsel')")
    panel = page.locator("#facts")
    panel.locator("blockquote").first.wait_for()
    text = panel.inner_text()
    assert SENTENCE in text
    assert "confidence 0.8" in text and "rule" in text and "sumsel-pilkada-2024" in text
    shot = SCREENSHOT if os.environ.get("KG_UPDATE_DOCS") else tmp_path / "explorer.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert page.errors == [] and page.foreign == []


def test_clicking_a_node_shows_its_facts(page, kg_server: Server) -> None:
    iri = "https://w3id.org/kg-pemilu/id/person/ellen-setiad"
    page.goto(f"{kg_server.url}/entity?iri={urllib.parse.quote(iri)}")
    page.wait_for_function("window.cy && window.cy.nodes().length > 1")
    box = page.locator("#graph").bounding_box()
    point = page.evaluate("cy.nodes().filter(n => n.data('label') === 'Pemerintah Provinsi Sumatera Selatan')[0]"
                          ".renderedPosition()")
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_function("document.querySelector('#facts h2').textContent === "
                           "'Pemerintah Provinsi Sumatera Selatan'")
    # the heading shows at once, the facts arrive with the evidence request: wait for them
    page.wait_for_function("document.querySelector('#facts').innerText"
                           ".includes('Pemerintah Provinsi Sumatera Selatan (Sumsel)')")
    assert page.errors == [] and page.foreign == []


def test_query_page(page, kg_server: Server) -> None:
    page.goto(kg_server.url + "/query")
    page.fill("#query", "SELECT ?name WHERE { ?p a <https://schema.org/Person> ; <https://schema.org/name> ?name }")
    page.click("button[type=submit]")
    assert page.locator("#results td").all_inner_texts() == ["Ellen Setiad"]
    page.fill("#query", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    page.click("button[type=submit]")
    assert "refused" in page.locator(".error").inner_text()
    assert page.errors == [] and page.foreign == []


def test_text_from_the_graph_is_escaped(kg_server: Server) -> None:
    """A search for markup comes back as text, never as markup."""
    url = f"{kg_server.url}/?{urllib.parse.urlencode({'q': '<script>alert(1)</script>'})}"
    with urllib.request.urlopen(url, timeout=30) as response:
        html = response.read().decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_facts_api_and_static_library(kg_server: Server) -> None:
    iri = "https://w3id.org/kg-pemilu/id/post/pelaksana-tugas-gubernur-sumatera-selatan"
    with urllib.request.urlopen(f"{kg_server.url}/api/facts?iri={urllib.parse.quote(iri)}", timeout=30) as r:
        facts = json.loads(r.read())
    assert facts["node"]["label"] == "Plt Gubernur Sumsel"
    assert [e["method"] for e in facts["evidence"]] == ["https://w3id.org/kg-pemilu/ontology#rule"]
    with urllib.request.urlopen(f"{kg_server.url}/static/cytoscape.min.js", timeout=30) as r:
        assert r.status == 200 and b"The Cytoscape Consortium" in r.read(400)
    assert (Path(REPO) / "kg" / "serve" / "static" / "cytoscape.LICENSE").exists()


CONTEST_TRIG = """
@prefix elec: <https://w3id.org/kg-pemilu/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix x: <https://w3id.org/kg-pemilu/id/> .
x:article\\/a {
  x:contest\\/pilbup-lembah-2024 a elec:Contest ; rdfs:label "Pilbup Lembah 2024" ; schema:name "Pilbup Lembah 2024" .
  x:person\\/ani a schema:Person ; rdfs:label "Ani" ; schema:name "Ani" .
  x:person\\/budi a schema:Person ; rdfs:label "Budi" ; schema:name "Budi" .
  x:candidacy\\/1 a elec:Candidacy ; elec:contest x:contest\\/pilbup-lembah-2024 ; elec:candidate x:person\\/ani ;
      elec:ballotNumber 1 .
  x:candidacy\\/2 a elec:Candidacy ; elec:contest x:contest\\/pilbup-lembah-2024 ; elec:candidate x:person\\/budi ;
      elec:ballotNumber 2 .
  x:result\\/1 a elec:Result ; elec:resultFor x:contest\\/pilbup-lembah-2024 ; elec:votes 5120 .
}
"""


def test_a_contest_page_lists_candidacies_and_results(tmp_path: Path) -> None:
    """Generic by class: the fact nodes pointing at a contest, with their values and names."""
    from kg.graph.answers import StoreData
    from kg.serve import entities

    trig = tmp_path / "contest.trig"
    trig.write_text(CONTEST_TRIG, encoding="utf-8")
    data = StoreData(str(store_of(tmp_path / "store", trig)))()
    facts = entities.facts(data, "https://w3id.org/kg-pemilu/id/contest/pilbup-lembah-2024")
    rows = {(via.rsplit("#")[-1], tuple(sorted((p.rsplit("#")[-1], v) for p, v in values)))
            for via, _, values in facts.related}
    assert rows == {("contest", (("ballotNumber", "1"), ("candidate", "Ani"))),
                    ("contest", (("ballotNumber", "2"), ("candidate", "Budi"))),
                    ("resultFor", (("votes", "5120"),))}
    assert [n.label for n in entities.search(data, "lembah")] == ["Pilbup Lembah 2024"]


def test_evidence_of_a_fresh_build(fake_parser, tmp_path: Path) -> None:
    """Today's provenance (phrases, derivations): a post's and a person's sentences with confidence."""
    from test_standard_exports import build_corpus

    from kg.graph.answers import StoreData
    from kg.serve import entities

    out = build_corpus(tmp_path, fake_parser)
    data = StoreData(str(store_of(tmp_path / "store", out / "graph.trig")))()
    person = entities.search(data, "Budi Santoso")[0]
    said = entities.evidence(data, person.iri)
    assert said and all(e.confidence and e.method for e in said)
    assert any("Ketua KPU Sumsel Budi Santoso" in e.sentence for e in said)
    nodes, edges = entities.neighbourhood(data, person.iri)
    post = next(e for e in edges if e.predicate.endswith("#holds"))
    assert any("Ketua KPU Sumsel Budi Santoso" in e.sentence for e in entities.evidence(data, post.fact))
