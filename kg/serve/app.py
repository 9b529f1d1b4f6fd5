"""`kg serve`: the SPARQL 1.1 Protocol, named queries as URLs and the explorer, on Starlette.

Every query runs in a worker process of the pool (kg.serve.pool) under kg's query safety
(kg.graph.sandbox): read-only, local only, a time limit and a row limit per query.

    GET  /sparql?query=...            SPARQL 1.1 Protocol; POST application/sparql-query or a form
    GET  /sparql                      the Service Description (with VoID); also at /void
    GET  /queries/NAME?format=csv     a named query (queries/*.rq): JSON as `kg query --format json`
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from kg.errors import KgError, QueryError
from kg.graph import answers
from kg.graph.queries import bind, format_result, load_named, named_queries
from kg.graph.sandbox import Limits, QueryStopped, UpdateRefused
from kg.serve import describe
from kg.serve.pool import Pool

MAX_BODY = 1 << 20  # bytes of a request body (a query text or a form)
DEFAULT_MAX_ROWS = 10_000
UPDATE_TYPES = ("application/sparql-update",)


@dataclass
class Config:
    open_data: Any  # a picklable opener, e.g. kg.graph.answers.StoreData(path)
    name: str = "kg"  # what is served, for page titles
    workers: int = 2
    limits: Limits = field(default_factory=Limits)
    max_rows: int = DEFAULT_MAX_ROWS
    cors: bool = False


class HTTPProblem(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


def create_app(config: Config) -> Starlette:
    """The ASGI application; its query workers start with it and stop with it."""
    pool = Pool(config.open_data, config.workers, config.limits)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await pool.start()
        try:
            yield
        finally:
            pool.close()

    app = Starlette(routes=routes(), lifespan=lifespan,
                    middleware=[Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                                           allow_headers=["Accept", "Content-Type"])] if config.cors else [],
                    exception_handlers={HTTPProblem: _problem, KgError: _kg_error})
    app.state.config, app.state.pool, app.state.statistics = config, pool, None
    return app


def routes() -> list[BaseRoute]:
    from kg.serve import explorer

    return [Route("/sparql", sparql, methods=["GET", "POST"]),
            Route("/void", void, methods=["GET"]),
            Route("/queries", query_index, methods=["GET"]),
            Route("/queries/{name}", named_query, methods=["GET"]),
            *explorer.routes()]


async def sparql(request: Request) -> Response:
    """The SPARQL 1.1 Protocol query operation (update operations are refused)."""
    query = await _query_text(request)
    if query is None:
        return await void(request)
    for name in ("default-graph-uri", "named-graph-uri"):
        if name in request.query_params:
            raise HTTPProblem(400, f"{name} is not supported: name local graphs with FROM in the query")
    config: Config = request.app.state.config
    answer = await ask(request, answers.serialized, query, request.headers.get("accept"), config.max_rows)
    headers = {"X-KG-Truncated": str(config.max_rows)} if answer.truncated else {}
    return Response(answer.body, media_type=_with_charset(answer.media_type), headers=headers)


async def _query_text(request: Request) -> str | None:
    if request.method == "GET":
        if "update" in request.query_params:
            raise UpdateRefused("SPARQL Update refused: kg serve is read-only")
        return request.query_params.get("query")
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await _body(request)
    if kind in UPDATE_TYPES:
        raise UpdateRefused("SPARQL Update refused: kg serve is read-only")
    if kind == "application/sparql-query":
        return _decoded(body)
    if kind == "application/x-www-form-urlencoded":
        form = parse_qs(_decoded(body), keep_blank_values=True)
        if "update" in form:
            raise UpdateRefused("SPARQL Update refused: kg serve is read-only")
        if "query" not in form:
            raise HTTPProblem(400, "the form has no 'query' field")
        return form["query"][0]
    raise HTTPProblem(415, "POST a query as application/sparql-query or application/x-www-form-urlencoded")


async def _body(request: Request) -> bytes:
    """The request body, refused (413) beyond MAX_BODY bytes whatever Content-Length says."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY:
        raise HTTPProblem(413, f"request body over {MAX_BODY} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise HTTPProblem(413, f"request body over {MAX_BODY} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _decoded(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise HTTPProblem(400, "the query is not UTF-8") from None


async def ask(request: Request, fn: Any, *args: Any) -> Any:
    """``fn(data, *args)`` in a query worker."""
    return await request.app.state.pool.ask(fn, *args)


async def void(request: Request) -> Response:
    """The Service Description with the VoID description of the dataset, in Turtle (or as asked)."""
    if request.app.state.statistics is None:
        request.app.state.statistics = await ask(request, describe.statistics)
    endpoint = str(request.url_for("sparql"))
    graph = describe.description(endpoint, request.app.state.statistics)
    media_type = answers.negotiate(request.headers.get("accept"), "CONSTRUCT") or "text/turtle"
    rdflib_format = {"text/turtle": "turtle", "application/trig": "trig", "application/n-triples": "nt",
                     "application/ld+json": "json-ld"}[media_type]
    return Response(graph.serialize(format=rdflib_format, encoding="utf-8"), media_type=_with_charset(media_type))


async def query_index(request: Request) -> Response:
    """The named queries, with the first comment line of each."""
    return JSONResponse({name: _summary(path.read_text(encoding="utf-8"))
                         for name, path in named_queries().items()})


def _summary(text: str) -> str:
    first = next((line for line in text.splitlines() if line.startswith("#")), "")
    return first.lstrip("# ").strip()


async def named_query(request: Request) -> Response:
    """A named query's rows, as `kg query --name NAME --format json|csv` prints them."""
    name = request.path_params["name"]
    params = dict(request.query_params)
    fmt = params.pop("format", None) or ("csv" if "text/csv" in request.headers.get("accept", "") else "json")
    if fmt not in ("json", "csv"):
        raise HTTPProblem(400, f"format must be json or csv, not {fmt!r}")
    try:
        query = load_named(name)
    except QueryError as err:
        raise HTTPProblem(404, str(err)) from None
    try:  # ?name=... for the queries that declare it (person, institution, contest), as kg query --param
        query = bind(query, params)
    except QueryError as err:
        raise HTTPProblem(400, str(err)) from None
    config: Config = request.app.state.config
    result = await ask(request, answers.named_rows, query, config.max_rows + 1)
    headers = {}
    if len(result.rows) > config.max_rows:
        result = type(result)(result.columns, result.terms[:config.max_rows], result.ask)
        headers["X-KG-Truncated"] = str(config.max_rows)
    media_type = "application/json" if fmt == "json" else "text/csv; charset=utf-8"
    return Response(format_result(result, fmt), media_type=media_type, headers=headers)


def _with_charset(media_type: str) -> str:
    return f"{media_type}; charset=utf-8" if media_type.startswith("text/") else media_type


async def _problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPProblem)
    return PlainTextResponse(exc.message + "\n", status_code=exc.status)


async def _kg_error(request: Request, exc: Exception) -> Response:
    status = 403 if isinstance(exc, UpdateRefused) else 406 if isinstance(exc, answers.NotAcceptable) \
        else 503 if isinstance(exc, QueryStopped) else 400
    return PlainTextResponse(f"{exc}\n", status_code=status)
