"""The explorer: search, entity pages with an interactive neighbourhood, a query page.

Pages are rendered on the server (Jinja2, autoescaped); the only script besides kg's own
`explorer.js` is cytoscape.js, vendored in kg/serve/static at a pinned version, so the
explorer works with no internet. Nodes are coloured by class exactly as in the PNG legend
(kg.drawing.KIND_STYLE).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg.drawing import KIND_STYLE, style
from kg.errors import KgError
from kg.graph import answers
from kg.serve import entities

HERE = Path(__file__).resolve().parent
TEMPLATES = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
SEARCH_LIMIT = 50


def routes() -> list[Route | Mount]:
    return [Route("/", search_page), Route("/entity", entity_page), Route("/query", query_page),
            Route("/api/facts", facts_api), Mount("/static", StaticFiles(directory=HERE / "static"), name="static")]


def page(request: Request, template: str, status: int = 200, **context: object) -> HTMLResponse:
    html = TEMPLATES.get_template(template).render(
        name=request.app.state.config.name, legend=[(style[0], style[1]) for style in KIND_STYLE.values()],
        **context)
    return HTMLResponse(html, status_code=status)


async def search_page(request: Request) -> Response:
    text = request.query_params.get("q", "").strip()
    found = await request.app.state.pool.ask(entities.search, text, SEARCH_LIMIT) if text else []
    return page(request, "search.html", q=text, results=[(n, *style(n.classes)) for n in found])


async def entity_page(request: Request) -> Response:
    iri = request.query_params.get("iri", "")
    pool = request.app.state.pool
    facts = await pool.ask(entities.facts, iri) if iri else None
    if facts is None:
        return page(request, "search.html", status=404, q="", results=[], missing=iri)
    nodes, edges = await pool.ask(entities.neighbourhood, iri)
    elements = [{"data": {"id": n.iri, "iri": n.iri, "label": n.label, "colour": style(n.classes)[0],
                          "centre": n.iri == iri}} for n in nodes]
    elements += [{"data": {"id": f"e{i}", "source": e.source, "target": e.target, "label": e.label,
                           "predicate": e.predicate, "fact": e.fact}} for i, e in enumerate(edges)]
    return page(request, "entity.html", facts=facts, colour=style(facts.node.classes), elements=elements,
                short=entities.local_name)


async def facts_api(request: Request) -> Response:
    """A node's facts with their evidence, for the panel beside the graph."""
    facts = await request.app.state.pool.ask(entities.facts, request.query_params.get("iri", ""))
    if facts is None:
        return JSONResponse({"error": "no such entity"}, status_code=404)
    doc = dataclasses.asdict(facts)
    doc["properties"] = [[entities.local_name(p), v] for p, v in facts.properties]
    doc["related"] = [{"via": entities.local_name(via), "label": n.label, "iri": n.iri,
                       "values": [[entities.local_name(p), v] for p, v in values]} for via, n, values in facts.related]
    doc["kind"] = style(facts.node.classes)[1]
    return JSONResponse(doc)


async def query_page(request: Request) -> Response:
    """A text area and the result table (at most the server's row limit)."""
    query = request.query_params.get("query", "")
    result, error = None, None
    if query.strip():
        max_rows = request.app.state.config.max_rows
        try:
            result = await request.app.state.pool.ask(answers.rows, query, max_rows)
        except KgError as err:
            error = str(err)
    return page(request, "query.html", query=query or EXAMPLE_QUERY, result=result, error=error)


EXAMPLE_QUERY = """PREFIX schema: <https://schema.org/>
SELECT ?name ?type WHERE { ?e a ?type ; schema:name ?name } ORDER BY ?name LIMIT 20"""
