"""Load on `kg serve`: concurrent clients against the 10,000-article benchmark store.

For each named query (`/queries/NAME`) and the per-entity page (`/entity?iri=…`, the explorer's
facts and neighbourhood of one person, a different one each request) it reports p50/p99 latency
and requests/s at 1, 8 and 32 concurrent clients, then how a slow query (a cross product,
stopped at the server's time limit) affects clients of the per-entity page.

    python bench/serve.py --work /tmp/kgbench            # builds store-10000 there if missing
    python bench/serve.py --work DIR --results bench/RESULTS.md   # also replace its serve section

The store is bench/run.py's: its corpus and build stages (`kg build --store` over generated
articles with hand-made parses). Clients are threads with keep-alive connections in this
process, on the same machine as the server.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

from run import ensure_store  # noqa: E402

from kg.graph.queries import load_named, named_queries, parameters  # noqa: E402
from kg.graph.store import open_store, triple_count  # noqa: E402

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
PERSONS = "SELECT ?p WHERE { ?p a <https://schema.org/Person> } ORDER BY ?p LIMIT 500"
NAMES_OF = {kind: f"SELECT DISTINCT ?n WHERE {{ ?x a <{cls}> ; <https://schema.org/name> ?n }} ORDER BY ?n LIMIT 500"
            for kind, cls in (("person", "https://schema.org/Person"),
                              ("institution", "https://schema.org/Organization"),
                              ("contest", "https://w3id.org/kg-pemilu/ontology#Contest"))}
START, END = "<!-- serve:start -->", "<!-- serve:end -->"


class Server:
    def __init__(self, store: Path, port: int, workers: int, timeout: float):
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "serve", "--store", str(store), "--port", str(port),
             "--workers", str(workers), "--timeout", str(timeout)],
            env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE, text=True)
        for _ in range(600):
            try:
                urllib.request.urlopen(f"{self.url}/queries", timeout=5).read()
                return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(self.process.stderr.read()) from None
                time.sleep(0.5)
        raise RuntimeError("kg serve did not start")

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(30)


def load(server: Server, paths: list[str], clients: int, seconds: float) -> dict:
    """``clients`` threads requesting ``paths`` round-robin for ``seconds``; latencies of answers."""
    host, port = urllib.parse.urlsplit(server.url).netloc.split(":")
    latencies: list[float] = []
    failures: dict[int, int] = {}
    lock = threading.Lock()
    counter = iter(range(10**9))
    deadline = time.monotonic() + seconds

    def client() -> None:
        conn = http.client.HTTPConnection(host, int(port), timeout=120)
        while time.monotonic() < deadline:
            path = paths[next(counter) % len(paths)]
            start = time.monotonic()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                status = response.status
            except OSError:
                conn.close()
                conn = http.client.HTTPConnection(host, int(port), timeout=120)
                status = 0
            took = time.monotonic() - start
            with lock:
                if status == 200:
                    latencies.append(took)
                else:
                    failures[status] = failures.get(status, 0) + 1
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    return {"clients": clients, "ok": len(latencies), "failures": failures, "seconds": elapsed,
            "rps": len(latencies) / elapsed, "p50": _percentile(latencies, 50), "p99": _percentile(latencies, 99)}


def _percentile(values: list[float], q: int) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0] * 1000
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000


def column(server: Server, query: str) -> list[str]:
    """The first column of a SELECT on the server."""
    url = f"{server.url}/sparql?{urllib.parse.urlencode({'query': query})}"
    with urllib.request.urlopen(url, timeout=120) as response:
        answer = json.loads(response.read())
    first = answer["head"]["vars"][0]
    return [row[first]["value"] for row in answer["results"]["bindings"]]


def entity_paths(server: Server) -> list[str]:
    return [f"/entity?{urllib.parse.urlencode({'iri': iri})}" for iri in column(server, PERSONS)]


def query_paths(server: Server, name: str, declared: dict) -> list[str]:
    """`/queries/NAME`, or for a parameterised query one URL per name in the store of the kind it
    takes (a different person, institution or contest each request)."""
    if not declared:
        return [f"/queries/{name}"]
    names = column(server, NAMES_OF[name])
    return [f"/queries/{name}?{urllib.parse.urlencode({'name': n})}" for n in names]


def slow_effect(server: Server, paths: list[str], clients: int, seconds: float) -> dict:
    """Per-entity clients while one more client sends cross products, one after another."""
    stop = threading.Event()
    stopped: list[float] = []

    def runaway() -> None:
        while not stop.is_set():
            start = time.monotonic()
            url = f"{server.url}/sparql?{urllib.parse.urlencode({'query': CROSS})}"
            try:
                urllib.request.urlopen(url, timeout=300).read()
            except urllib.error.HTTPError as err:
                if err.code == 503:
                    stopped.append(time.monotonic() - start)
            except OSError:
                pass

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(1)
    result = load(server, paths, clients, seconds)
    stop.set()
    thread.join()
    result["slow_stopped"] = len(stopped)
    result["slow_seconds"] = statistics.median(stopped) if stopped else float("nan")
    return result


def report(args: argparse.Namespace, runs: dict[str, list[dict]], slow: dict, base: dict, triples: str) -> str:
    lines = [START, "## Serving (`bench/serve.py`)", "",
             f"Command: `python bench/serve.py --work {args.work} --size {args.size} --seconds {args.seconds:g}` — "
             f"`kg serve --store` "
             f"on the {args.size:,}-article store ({triples} triples), {args.workers} query workers, time limit "
             f"{args.timeout:g} s; clients are threads on the same 2-core machine (load average at start "
             f"{args.load:.2f}). Each cell runs {args.seconds:g} s.", "",
             "| request | clients | answered | req/s | p50 ms | p99 ms | refused |", "|---|---|---|---|---|---|---|"]
    for name, cells in runs.items():
        for c in cells:
            refused = ", ".join(f"{n}×{code or 'conn'}" for code, n in sorted(c["failures"].items())) or "0"
            lines.append(f"| {name} | {c['clients']} | {c['ok']} | {c['rps']:.2f} | {c['p50']:.0f} | "
                         f"{c['p99']:.0f} | {refused} |")
    lines += ["", f"A slow query: while one more client sends cross products back to back (each stopped at "
                  f"the {args.timeout:g} s limit, HTTP 503; {slow['slow_stopped']} stopped, median "
                  f"{slow['slow_seconds']:.1f} s), {slow['clients']} clients of the per-entity page:", "",
              "| per-entity page, 8 clients | req/s | p50 ms | p99 ms | refused |", "|---|---|---|---|---|"]
    for label, c in (("alone", base), ("beside the slow query", slow)):
        refused = sum(c["failures"].values())
        lines.append(f"| {label} | {c['rps']:.2f} | {c['p50']:.0f} | {c['p99']:.0f} | {refused} |")
    lines += ["", "The slow query holds one of the workers until it is killed, so the others share the rest; "
                  "a stopped worker is replaced in the background.", END]
    return "\n".join(lines) + "\n"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--work", required=True, help="bench/run.py's working folder (the store is built if missing)")
    p.add_argument("--size", type=int, default=10_000)
    p.add_argument("--clients", default="1,8,32", type=lambda s: [int(x) for x in s.split(",")])
    p.add_argument("--seconds", type=float, default=15.0, help="per measurement")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--timeout", type=float, default=10.0)
    p.add_argument("--port", type=int, default=8765)
    p.add_argument("--results", help="replace the serve section of this RESULTS.md")
    args = p.parse_args()
    args.load = os.getloadavg()[0]
    store = ensure_store(Path(args.work), args.size)
    triples = f"{triple_count(open_store(store)):,}"
    server = Server(store, args.port, args.workers, args.timeout)
    try:
        targets = {f"/queries/{name}" + ("?name=… (a different one each request)" if declared else ""):
                   query_paths(server, name, declared)
                   for name, declared in ((n, parameters(load_named(n))) for n in named_queries())}
        targets = {name: paths for name, paths in targets.items() if paths}  # a store without contests
        targets["/entity?iri=… (per entity)"] = entity_paths(server)
        runs: dict[str, list[dict]] = {}
        for name, paths in targets.items():
            load(server, paths[:1], 1, 2)  # warm-up
            runs[name] = []
            for clients in args.clients:
                print(f"bench: {name} × {clients} ...", file=sys.stderr, flush=True)
                runs[name].append(load(server, paths, clients, args.seconds))
        entity = targets["/entity?iri=… (per entity)"]
        base = load(server, entity, 8, args.seconds * 2)
        slow = slow_effect(server, entity, 8, args.seconds * 2)
    finally:
        server.close()
    text = report(args, runs, slow, base, triples)
    sys.stdout.write(text)
    if args.results:
        path = Path(args.results)
        old = path.read_text(encoding="utf-8")
        new = old[:old.index(START)] + text + old[old.index(END) + len(END) + 1:] if START in old else \
            old.rstrip("\n") + "\n\n" + text
        path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
