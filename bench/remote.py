"""kg push and the named queries on a SPARQL server, against the embedded store.

    python bench/remote.py --oxigraph                    start `oxigraph serve` on 127.0.0.1 itself
    python bench/remote.py --gsp URL --query URL NAME    a running server (see bench/virtuoso.sh)

The 1,000-article store is built as bench/run.py builds its stores (generated corpus, hand-made
parses from the parse cache, the real `kg build --store`) in --work, and reused by later runs.
Printed as Markdown: push throughput (first push, then the unchanged re-push), and per named
query the median latency on the server and on the embedded store (opened read-only, as
`kg query --store` does), with their rows compared (sorted, as strings).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import requests

HERE = Path(__file__).resolve().parent
QUERY_LIMIT = 120.0  # seconds a server gets for one named query before the table says so
sys.path.insert(0, str(HERE))

from run import _timed, ensure_store, first_of  # noqa: E402

from kg.errors import RemoteError  # noqa: E402
from kg.graph import push  # noqa: E402
from kg.graph.queries import bind, load_named, named_queries, parameters, run_oxigraph  # noqa: E402
from kg.graph.remote import run_remote  # noqa: E402
from kg.graph.store import open_store  # noqa: E402


def start_oxigraph(work: Path, port: int) -> subprocess.Popen:
    location = work / "oxigraph-server"
    shutil.rmtree(location, ignore_errors=True)
    server = subprocess.Popen([str(Path(sys.executable).parent / "oxigraph"), "serve", "--location",
                               str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                              stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            requests.get(f"http://127.0.0.1:{port}/", timeout=1)
            return server
        except requests.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError("oxigraph serve did not start")


def timed_push(folder: Path, gsp: str, query: str, batch: int) -> push.PushReport:
    _, graphs = push.store_graphs(open_store(folder))
    return push.push(graphs, gsp, query_url=query, batch=batch)


def measure(name: str, folder: Path, gsp: str, query: str, repeats: int, batch: int,
            queries: bool = True) -> None:
    """Prints the section line by line, as each figure is measured."""
    first = timed_push(folder, gsp, query, batch)
    again = timed_push(folder, gsp, query, batch)
    lines = [f"### {name}", "",
             f"Push of {first.sent:,} article graphs ({first.triples:,} triples, Graph Store PUT per graph, "
             f"batches of {batch}): {first.seconds:.1f} s, **{first.triples / first.seconds:,.0f} triples/s**; "
             f"unchanged re-push: {again.seconds:.1f} s ({again.sent} sent).", ""]
    print("\n".join(lines), flush=True)
    if queries:
        for line in compare_queries(folder, query, repeats):
            print(line, flush=True)


def answers_within(url: str, query: str, limit: float) -> bool:
    """Whether the server answers ``query`` within ``limit`` seconds (kg's client would wait and retry)."""
    try:
        requests.post(url, data={"query": query}, headers={"Accept": "application/sparql-results+json"},
                      timeout=limit).raise_for_status()
    except requests.Timeout:
        return False
    return True


def compare_queries(folder: Path, query: str, repeats: int) -> Iterator[str]:
    yield "| query | rows (server / store) | same rows | server median ms | store median ms |"
    yield "|---|---|---|---|---|"
    embedded = open_store(folder)
    params = {"person": first_of(embedded, "person (official)"),
              "institution": first_of(embedded, "institution (regional body)")}
    for name in named_queries():
        text, q = load_named(name), name
        if parameters(text):  # bound to a name in the store (a contest query needs contests)
            if name not in params:
                continue
            text, q = bind(text, {"name": params[name]}), f"{name} ({params[name]})"
        try:
            if not answers_within(query, text, QUERY_LIMIT):
                yield f"| {q} | no answer within {QUERY_LIMIT:g} s | | | |"
                continue
            there = sorted(map(tuple, run_remote(query, text).rows), key=str)
        except (RemoteError, requests.RequestException) as err:  # a figure, not the end of the run
            yield f"| {q} | failed: {' '.join(str(err).split())[:160]} | | | |"
            continue
        here = sorted(map(tuple, run_oxigraph(embedded, text).rows), key=str)
        remote_ms = _timed(lambda t: run_remote(query, t), text, repeats)["median_ms"]
        local_ms = _timed(lambda t: run_oxigraph(embedded, t), text, repeats)["median_ms"]
        yield (f"| {q} | {len(there):,} / {len(here):,} | {'yes' if there == here else '**no**'} | "
               f"{remote_ms:.1f} | {local_ms:.1f} |")
        if there != here:
            yield f"|  | first difference: {_first_diff(there, here)} | | | |"


def _first_diff(there: list[tuple], here: list[tuple]) -> str:
    only = sorted(set(there) ^ set(here), key=str)
    return f"`{only[0]}` ({'server' if only[0] in set(there) else 'store'} only)" if only else "same set, other counts"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("name", nargs="?", default="Oxigraph server", help="the server's name in the report")
    p.add_argument("--oxigraph", action="store_true", help="start an Oxigraph server on 127.0.0.1")
    p.add_argument("--port", type=int, default=7979, help="its port (default 7979)")
    p.add_argument("--gsp", help="Graph Store endpoint of a running server")
    p.add_argument("--query", help="its SPARQL query endpoint")
    p.add_argument("--size", type=int, default=1000, help="articles (default 1,000)")
    p.add_argument("--batch", type=int, default=50)
    p.add_argument("--push-only", action="store_true", help="measure the pushes, not the queries")
    p.add_argument("--repeats", type=int, default=5, help="timed runs per query")
    p.add_argument("--work", default="/tmp/kg-remote-bench", help="keeps the corpus and store")
    args = p.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    folder = ensure_store(work, args.size)
    server = None
    if args.oxigraph:
        server = start_oxigraph(work, args.port)
        args.gsp = f"http://127.0.0.1:{args.port}/store"
        args.query = f"http://127.0.0.1:{args.port}/query"
    elif not (args.gsp and args.query):
        p.error("give --oxigraph, or --gsp URL and --query URL")
    try:
        measure(args.name, folder, args.gsp, args.query, args.repeats, args.batch, not args.push_only)
    finally:
        if server:
            server.terminate()
            server.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
