"""kg's corpus-scale benchmark: `make bench` (python bench/run.py); results in bench/RESULTS.md.

Stages, each in a fresh process so that its peak RSS is its own:

  corpus   articles generated from templates and kg's lexicons (bench/corpus.py), and their
           hand-made parses put in a private parse cache
  parse    Stanza on a sample with 1 and 2 workers (words/s, articles/s), then kg's mapping
           (extraction + RDF) on those real parses, as a share of the parse time
  build    `kg build --store` at each size with every parse from that cache (no Stanza), then
           the same command again on the unchanged 1,000-article folder
  export   Turtle and TriG of the whole largest store
  queries  the named queries (queries/*.rq) on >= 1M triples taken from the largest store:
           Oxigraph (bulk-loaded store) against rdflib (in-memory, as `kg query FILE.nq`)
  params   the parameterised named queries (person, institution, contest) on a copy of the
           largest store with each article's race added (bench/corpus.py election_triples)

Parsing 10,000 articles with Stanza takes hours on 2 cores, so parse figures come from the
sample and are extrapolated; the stores hold what kg extracts from the generated parses.
The default run (sizes 100, 1,000, 10,000) is dominated by the 10,000-article store build
(about 100 ms per article on a 2-core EPYC) and takes about 30 minutes; `--sizes 100,1000,5000`
(still over 1M quads for the queries) about 15; `--sizes 20 --parse-sample 4
--query-triples 20000` is a one-minute smoke run.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from multiprocessing import get_context
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TARGETS = {"mapping_share": 0.10, "query_ms": 50.0, "query_speedup": 20.0, "rerun_share": 0.05,
           "build_10k_gb": 4.0}


# ----------------------------------------------------------------------------- running stages


def in_process(fn: Callable[..., dict], *args: object) -> dict:
    """fn(*args) in a fresh process; its result with that process's and its children's peak RSS."""
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        return pool.submit(_measured, fn, *args).result()


def _measured(fn: Callable[..., dict], *args: object) -> dict:
    result = fn(*args)
    result["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["children_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return result


def fake_models(work: Path) -> Path:
    """Empty model files: they key the bench's parse cache; Stanza never loads them."""
    from kg.nlp.pipeline import PROCESSORS

    folder = work / "fake-models"
    folder.mkdir(parents=True, exist_ok=True)
    for name in (*PROCESSORS, "pretrain"):
        (folder / f"{name}.pt").touch()
    return folder


# ----------------------------------------------------------------------------- stages


def corpus_stage(work: Path, size: int) -> dict:
    from corpus import fake_parse, write_corpus

    from kg.builder import ParseCache, model_fingerprint
    from kg.ingest import iter_articles

    start = time.monotonic()
    names = {a.name: a.names for a in write_corpus(work / f"corpus-{size}", size)}
    cache = ParseCache(work / "fake-cache", model_fingerprint(fake_models(work)))
    words = 0
    for article in iter_articles([work / f"corpus-{size}"]):
        parse = fake_parse(article.text, names[article.id])
        cache.put(article, parse)
        words += sum(len(s.words) for s in parse.sentences)
    return {"articles": size, "words": words, "seconds": time.monotonic() - start}


def parse_stage(work: Path, corpus: str, sample: int, workers: int, models: str) -> dict:
    """Stanza on ``sample`` articles; with one worker also the mapping time on those parses."""
    from kg.builder import ParseCache, parse_articles, stanza_parser
    from kg.errors import ModelError
    from kg.ingest import iter_articles
    from kg.nlp import pipeline

    try:
        pipeline.model_paths(models)
    except ModelError as err:
        return {"skipped": str(err)}
    articles = list(iter_articles([work / corpus]))[:sample]
    load = 0.0
    if workers == 1:  # the pipeline load, timed apart from the parsing
        start = time.monotonic()
        pipeline.shared_pipeline(models)
        load = time.monotonic() - start
    start, first, done = time.monotonic(), 0.0, []
    for article, parse, _ in parse_articles(articles, stanza_parser(models, workers), ParseCache(None, "")):
        first = first or time.monotonic() - start
        done.append((article, parse))
    total = time.monotonic() - start
    batch = min(8, -(-len(articles) // workers))  # what the first result waited for
    rest = len(done) - batch
    steady = rest / (total - first) if rest > 0 else len(done) / total
    result = {"workers": workers, "articles": len(done), "seconds": total, "load": load,
              "startup": max(0.0, first - batch * workers / steady) if workers > 1 else load,
              "words": sum(len(s.words) for _, p in done for s in p.sentences),
              "steady_rate": steady}
    if workers == 1:
        result["mapping_seconds"] = _mapping_seconds(done)
    return result


def _mapping_seconds(parsed: list) -> float:
    from kg.extract.article import extract
    from kg.graph.rdf import add_article, new_dataset

    extract(parsed[0][1], parsed[0][0].date)  # compile the lexicon patterns outside the timing
    start = time.perf_counter()
    for article, parse in parsed:
        add_article(new_dataset(), article, parse, extract(parse, article.date))
    return time.perf_counter() - start


def build_stage(work: Path, size: int, log: str) -> dict:
    """`kg build corpus-N --store store-N --prune`, every parse from the bench's cache."""
    from kg import cli
    from kg.graph.store import open_store, triple_count

    store = work / f"store-{size}"
    argv = ["build", str(work / f"corpus-{size}"), "--store", str(store), "--prune",
            "--models", str(fake_models(work)), "--cache", str(work / "fake-cache")]
    with open(work / f"{log}.log", "w", encoding="utf-8") as err, contextlib.redirect_stderr(err):
        start = time.monotonic()
        code = cli.main(argv)
        seconds = time.monotonic() - start
    if code:
        raise RuntimeError(f"kg build exited {code}, see {work / f'{log}.log'}")
    opened = open_store(store)
    return {"articles": size, "seconds": seconds, "triples": triple_count(opened),
            "graphs": sum(1 for _ in opened.named_graphs())}


def ensure_store(work: Path, size: int) -> Path:
    """The corpus and build stages' store of ``size`` articles in ``work``, built if it is not there
    yet (bench/serve.py and bench/remote.py reuse it across runs)."""
    store = work / f"store-{size}"
    if not store.is_dir():
        print(f"bench: building the {size:,}-article store in {work} (minutes) ...", file=sys.stderr, flush=True)
        in_process(corpus_stage, work, size)
        in_process(build_stage, work, size, f"build-{size}")
    return store


def export_stage(work: Path, size: int) -> dict:
    from kg.graph.store import export, open_store

    start = time.monotonic()
    trig, ttl = export(open_store(work / f"store-{size}"), work / "export")
    return {"seconds": time.monotonic() - start, "ttl_mb": ttl.stat().st_size / 1e6,
            "trig_mb": trig.stat().st_size / 1e6}


def query_data_stage(work: Path, size: int, target: int) -> dict:
    """Whole article graphs of the largest store, in order, until ``target`` quads: query.nq."""
    import pyoxigraph as ox

    from kg.graph.store import open_store

    store = open_store(work / f"store-{size}")
    count = graphs = 0
    with open(work / "query.nq", "wb") as out:
        for graph in sorted(store.named_graphs(), key=lambda g: g.value):
            quads = list(store.quads_for_pattern(None, None, None, graph))
            ox.serialize(quads, out, format=ox.RdfFormat.N_QUADS)
            count, graphs = count + len(quads), graphs + 1
            if count >= target:
                break
    return {"quads": count, "graphs": graphs}


def oxigraph_stage(work: Path, repeats: int) -> dict:
    import pyoxigraph as ox

    from kg.graph.queries import load_named, run_oxigraph
    from kg.graph.store import triple_count

    shutil.rmtree(work / "query-store", ignore_errors=True)  # a fresh load, also on a re-run
    start = time.monotonic()
    store = ox.Store(str(work / "query-store"))
    store.bulk_load(path=str(work / "query.nq"), format=ox.RdfFormat.N_QUADS)
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")  # the union, as kg keeps it
    store.flush()
    store.optimize()  # as `kg build --store` leaves it
    load = time.monotonic() - start
    del store
    store = ox.Store.read_only(str(work / "query-store"))  # as `kg query --store` opens it
    return {"load": load, "triples": triple_count(store), "queries": {name: _timed(lambda q: run_oxigraph(store, q),
                                                   load_named(name), repeats)
                                      for name in _unparameterised()}}


def rdflib_stage(work: Path, repeats: int) -> dict:
    from kg.graph.loading import load_graph
    from kg.graph.queries import load_named, run_rdflib

    start = time.monotonic()
    graph = load_graph(str(work / "query.nq"))
    load = time.monotonic() - start
    return {"load": load, "queries": {name: _timed(lambda q: run_rdflib(graph, q),
                                                   load_named(name), repeats)
                                      for name in _unparameterised()}}


def _unparameterised() -> list[str]:
    """The named queries that run as they are (the others are timed by params_stage)."""
    from kg.graph.queries import load_named, named_queries, parameters

    return [name for name in named_queries() if not parameters(load_named(name))]


def params_stage(work: Path, size: int, repeats: int, copies: int = 1) -> dict:
    """The parameterised queries on store-N's article graphs plus the races they report.

    With ``copies`` > 1 each article graph is repeated under new article numbers (its sentences,
    events, quotes and figures renamed with it; its people and institutions shared), for a store
    of ``copies`` x N articles when building one that large takes too long. The store is
    bulk-loaded, compacted and reopened read-only, as `kg query --store` opens it.
    """
    import pyoxigraph as ox
    from corpus import World, election_triples

    from kg.graph.store import open_store, triple_count
    from kg.graph.vocab import DEFAULT_BASE

    if copies == 1:  # the store as built: its own contests, tickets and results
        store = open_store(work / f"store-{size}")
        return {"load": 0.0, "triples": triple_count(store), "articles": size, "copies": 1, "built": size,
                "queries": _params_timed(store, _busiest(store), repeats),
                "sampled": _sampled(store, SAMPLED, min(repeats, 3))}
    start = time.monotonic()
    articles = size * copies
    world = World(max(40, articles // 4))  # the races a corpus of this size has
    data = work / "params.nq"
    source = open_store(work / f"store-{size}")
    with open(data, "w", encoding="utf-8") as out:
        for graph in sorted(source.named_graphs(), key=lambda g: g.value):
            text = ox.serialize(source.quads_for_pattern(None, None, None, graph), format=ox.RdfFormat.N_QUADS)
            old = graph.value.rsplit("/", 1)[-1]  # the article's id, in its graph's and nodes' IRIs
            for k in range(copies):
                body = text.decode() if k == 0 else text.decode().replace(old, f"{old}-{k}")
                out.write(body + _union(body))
        for number in range(articles):
            graph = f"<{DEFAULT_BASE}article/berita-{number:05d}>"
            body = "".join(f"{s.n3()} {p.n3()} {o.n3()} {graph} .\n"
                           for s, p, o in election_triples(world, number, DEFAULT_BASE))
            out.write(body + _union(body))
    del source
    store_dir = work / "params-store"
    shutil.rmtree(store_dir, ignore_errors=True)
    store = ox.Store(str(store_dir))
    store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
    store.flush()
    store.optimize()
    load = time.monotonic() - start
    del store
    store = ox.Store.read_only(str(store_dir))
    race = max(world.races, key=lambda r: sum(world.race_of(n) == r for n in range(articles)))
    params = {"person (candidate)": ("person", race.tickets[0].candidate.lower()),
              "person (official)": ("person", first_of(store, "person (official)").upper()),
              "institution (party)": ("institution", race.tickets[0].parties[0]),
              "institution (regional body)": ("institution", first_of(store, "institution (regional body)")),
              "institution (national body)": ("institution", "komisi pemilihan umum"),
              "contest": ("contest", race.name.lower())}
    return {"load": load, "triples": triple_count(store), "articles": articles, "copies": copies,
            "built": size, "queries": _params_timed(store, params, repeats)}


def _params_timed(store, params: dict[str, tuple[str, str]], repeats: int) -> dict:
    from kg.graph.queries import named_query, run_oxigraph

    return {label: {"name": name, "param": value,
                    **_timed(lambda q: run_oxigraph(store, q), named_query(name, {"name": value}), repeats)}
            for label, (name, value) in params.items()}


PREFIXES = """PREFIX schema: <https://schema.org/> PREFIX org: <http://www.w3.org/ns/org#>
PREFIX elec: <https://w3id.org/kg-pemilu/ontology#>
"""
WHO = {  # who in a store takes each kind of parameter: (named query, ?x named ?name, what an ?n of ?x is)
    "person (candidate)": ("person", "?t elec:candidate ?x . ?x schema:name ?name", "?n schema:mentions ?x"),
    "person (official)": ("person", "?x org:holds ?post ; schema:name ?name", "?n schema:mentions ?x"),
    "institution (party)": ("institution", "?x a elec:PoliticalParty ; schema:name ?name", "?n schema:mentions ?x"),
    "institution (regional body)": ("institution", "?x elec:jurisdiction ?r ; schema:alternateName ?name . "
                                    "FILTER(STRSTARTS(?name, \"KPU \"))", "?n schema:mentions ?x"),
    "contest": ("contest", "?x a elec:Contest ; schema:name ?name", "?n elec:contest ?x"),
}
BUSIEST = PREFIXES + ("SELECT ?name WHERE {{ {pattern} . {counted} }} GROUP BY ?name "
                      "ORDER BY DESC(COUNT(DISTINCT ?n)) ?name LIMIT 1")
FIRST = PREFIXES + "SELECT ?name WHERE {{ {pattern} }} ORDER BY ?name LIMIT 1"


def _busiest(store) -> dict[str, tuple[str, str]]:
    """The parameters a store as built gives: of each kind, the one in the most articles, tickets or
    nominations (the slowest to list)."""
    found = {}
    for label, (name, pattern, counted) in WHO.items():
        rows = list(store.query(BUSIEST.format(pattern=pattern, counted=counted)))
        if rows:
            found[label] = (name, rows[0]["name"].value)
    return found | {"institution (national body)": ("institution", "komisi pemilihan umum")}


SAMPLED = 25  # names of each kind timed for the medians a monitor sees


def _sampled(store, per_kind: int, repeats: int) -> dict:
    """Of each kind (person, institution, contest), ``per_kind`` names spread evenly over the
    store's sorted names, each query timed: the median over names is what a monitor asking
    about any one of them waits; the busiest names are `_busiest`'s worst cases."""
    from rdflib import RDFS

    from kg.graph.vocab import SCHEMA, ontology

    organizations = " ".join(f"<{c}>" for c in sorted(ontology().transitive_subjects(
        RDFS.subClassOf, SCHEMA.Organization)))
    kinds = {"person": "?x a schema:Person ; schema:name ?name",
             "institution": f"VALUES ?class {{ {organizations} }} ?x a ?class ; schema:name ?name",
             "contest": "?x a elec:Contest ; schema:name ?name"}
    found = {}
    for kind, pattern in kinds.items():
        names = [r["name"].value for r in store.query(PREFIXES + f"SELECT DISTINCT ?name WHERE {{ {pattern} }} "
                                                      "ORDER BY ?name")]
        if not names:
            continue
        step = max(1, len(names) // per_kind)
        timed = list(_params_timed(store, {n: (kind, n) for n in names[::step][:per_kind]}, repeats).values())
        ms = sorted(t["median_ms"] for t in timed)
        found[kind] = {"names": len(names), "sampled": len(timed), "median_ms": statistics.median(ms),
                       "p90_ms": ms[int(0.9 * (len(ms) - 1))], "max_ms": ms[-1],
                       "cpu_median_ms": statistics.median(t["cpu_median_ms"] for t in timed),
                       "median_rows": statistics.median(t["rows"] for t in timed)}
    return found


def first_of(store, label: str) -> str:
    """The first name, in order, of the kind ``label`` of `WHO` ("person (official)") in the store."""
    return next(iter(store.query(FIRST.format(pattern=WHO[label][1]))))["name"].value


def _timed(run: Callable[[str], object], query: str, repeats: int, give_up: float = 60.0) -> dict:
    """Median of ``repeats`` timed runs after a warm-up; one run only if it takes > give_up s."""
    start = time.perf_counter()
    rows = len(run(query).rows)
    first = time.perf_counter() - start
    times, cpu = [first], [first]
    if first < give_up:
        times, cpu = [], []
        for _ in range(repeats):
            start, start_cpu = time.perf_counter(), time.process_time()
            run(query)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
    return {"median_ms": statistics.median(times) * 1000, "runs": len(times), "rows": rows,
            "cpu_median_ms": statistics.median(cpu) * 1000}


# ----------------------------------------------------------------------------- report


def machine() -> dict[str, str]:
    info = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    cpu = next((line.split(":", 1)[1].strip() for line in info.splitlines()
                if line.startswith("model name")), platform.processor())
    mem = Path("/proc/meminfo").read_text().split()[1] if Path("/proc/meminfo").exists() else "0"
    libs = ", ".join(f"{name} {_version(name)}" for name in
                     ("rdflib", "pyoxigraph", "stanza", "torch", "pyshacl"))
    return {"CPU": cpu, "cores (nproc)": str(os.cpu_count()), "RAM": f"{int(mem) / 1024 ** 2:.1f} GB",
            "Python": platform.python_version(), "libraries": libs,
            "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg())}


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def report(r: dict, args: argparse.Namespace) -> str:
    lines = [f"# kg benchmark results ({dt.date.today().isoformat()})", "",
             f"Command: `python bench/run.py {' '.join(sys.argv[1:])}`", ""]
    lines += [f"- {k}: {v}" for k, v in r["machine"].items()]
    if r["load"] > 0.5 * (os.cpu_count() or 1):
        lines += ["", "**The machine was busy (load average above half the cores): times are "
                  "inflated; rerun on an idle machine.**"]
    lines += ["", "## Targets", "", "| target | measured | met |", "|---|---|---|"]
    lines += [f"| {t} | {m} | {ok} |" for t, m, ok in targets(r)]
    lines += ([] if args.only else _parse_section(r, args)) + _build_section(r) + _query_section(r)
    lines += _params_section(r) + _memory_section(r)
    lines += ["", "## How it was measured", "", *NOTES]
    return "\n".join(lines) + "\n"


NOTES = [
    "- Articles come from `bench/corpus.py`: templates filled from kg's lexicons and a made-up "
    "cast of people with fixed posts who recur across articles (front-matter `.txt` files).",
    "- Parse figures are Stanza on a sample, with the pipeline (or worker) start-up separated; "
    "the 100/1,000/10,000 parse times are extrapolated from the steady rate, not measured.",
    "- Stores are built by the real `kg build --store --prune` (ingest, extraction, RDF, store "
    "writes, cross-article resolution); their parses are hand-made (NER tags of the names the "
    "generator wrote), read from the parse cache, so no Stanza runs there.",
    "- The query data are whole article graphs of the largest store; Oxigraph bulk-loads them "
    "into an on-disk store, compacts it as `kg build --store` does and reopens it read-only as "
    "`kg query --store` does; rdflib parses them into a Dataset as `kg query FILE.nq` does. Both "
    "run through kg.graph.queries (results converted to rows). Medians after one warm-up run.",
    "- Peak RSS is `ru_maxrss` of the stage's own process; `children` is the largest parse "
    "worker it waited for.",
]


def targets(r: dict) -> list[tuple[str, str, str]]:
    out = []
    parse1 = r.get("parse", {}).get(1, {})
    if "mapping_seconds" in parse1:
        share = parse1["mapping_seconds"] / (parse1["articles"] / parse1["steady_rate"])
        out.append(("mapping+RDF <= 10 % of parse time", f"{share:.1%}",
                    _ok(share <= TARGETS["mapping_share"])))
    if "oxigraph" in r:
        slowest = max(q["median_ms"] for q in r["oxigraph"]["queries"].values())
        speedups = [r["rdflib"]["queries"][n]["median_ms"] / q["median_ms"]
                    for n, q in r["oxigraph"]["queries"].items()]
        out.append((f"named queries on {r['query_data']['quads']:,} quads: median <= 50 ms "
                    "(Oxigraph)", f"slowest {slowest:.1f} ms", _ok(slowest <= TARGETS["query_ms"])))
        out.append(("Oxigraph >= 20x faster than rdflib", f"least {min(speedups):.0f}x",
                    _ok(min(speedups) >= TARGETS["query_speedup"])))
    if "params" in r:
        medians = {k: q["median_ms"] for k, q in r["params"].get("sampled", {}).items()} or {
            k: q["median_ms"] for k, q in r["params"]["queries"].items() if "national" not in k}
        slowest = max(medians, key=medians.get)
        out.append((f"parameterised queries (person, institution, contest) on the "
                    f"{r['params']['articles']:,}-article store: median <= 50 ms",
                    f"slowest {slowest} {medians[slowest]:.1f} ms", _ok(medians[slowest] <= TARGETS["query_ms"])))
    if "rerun" in r:
        first, again = r["builds"][r["rerun_size"]]["seconds"], r["rerun"]["seconds"]
        out.append((f"unchanged re-run of {r['rerun_size']:,} articles <= 5 % of the first "
                    "(parses cached)", f"{again / first:.1%}", _ok(again / first <= 0.05)))
        if "mapping_seconds" in parse1:
            real = first + r["rerun_size"] / parse1["steady_rate"]
            out.append(("... of a first run that parses (extrapolated, 1 worker)",
                        f"{again / real:.2%}", _ok(again / real <= TARGETS["rerun_share"])))
    if r["builds"]:
        big = max(r["builds"])
        peak = _build_peak_gb(r, big)
        out.append((f"peak memory of a {big:,}-article build <= 4 GB", f"{peak:.2f} GB",
                    _ok(peak <= TARGETS["build_10k_gb"])))
    return out


def _build_peak_gb(r: dict, size: int) -> float:
    """The store build's own peak, plus two parse workers if a parse stage ran."""
    workers = r.get("parse", {}).get(2, {}).get("children_rss_mb", 0.0)
    return (r["builds"][size]["rss_mb"] + 2 * workers) / 1024


def _ok(met: bool) -> str:
    return "yes" if met else "**no**"


def _parse_section(r: dict, args: argparse.Namespace) -> list[str]:
    lines = ["", "## Parsing (Stanza) and mapping", ""]
    parse = r.get("parse", {})
    if not parse or "skipped" in parse.get(1, {}):
        return lines + [f"Skipped: {parse.get(1, {}).get('skipped', 'not run')}"]
    lines += ["| workers | articles | words | seconds | start-up s | articles/s | words/s |",
              "|---|---|---|---|---|---|---|"]
    for w, p in sorted(parse.items()):
        words = p["words"] / p["articles"]
        lines.append(f"| {w} | {p['articles']} | {p['words']:,} | {p['seconds']:.1f} | "
                     f"{p['startup']:.1f} | {p['steady_rate']:.2f} | {p['steady_rate'] * words:.0f} |")
    lines += ["", "Extrapolated parse time (start-up + articles / steady rate; not measured):", "",
              "| articles | " + " | ".join(f"{w} worker(s)" for w in sorted(parse)) + " |",
              "|---|" + "---|" * len(parse)]
    for n in args.sizes:
        cells = [_duration(p["startup"] + n / p["steady_rate"]) for _, p in sorted(parse.items())]
        lines.append(f"| {n:,} | " + " | ".join(cells) + " |")
    p1 = parse[1]
    per_parse = p1["articles"] / p1["steady_rate"]
    lines += ["", f"Mapping (extraction + RDF of the article graph) on the same {p1['articles']} "
              f"parses: {p1['mapping_seconds'] / p1['articles'] * 1000:.1f} ms per article, "
              f"{p1['mapping_seconds'] / per_parse:.1%} of the 1-worker parse time "
              f"({per_parse / p1['articles'] * 1000:.0f} ms per article)."]
    return lines


def _build_section(r: dict) -> list[str]:
    if not r["builds"]:
        return []
    lines = ["", "## Store builds (`kg build --store`, parses from the cache)", "",
             "| articles | seconds | ms/article | triples | peak RSS MB |", "|---|---|---|---|---|"]
    for n, b in sorted(r["builds"].items()):
        lines.append(f"| {n:,} | {b['seconds']:.1f} | {b['seconds'] / n * 1000:.1f} | "
                     f"{b['triples']:,} | {b['rss_mb']:.0f} |")
    if "rerun" in r:
        lines += ["", f"Unchanged re-run of the {r['rerun_size']:,}-article folder: "
                  f"{r['rerun']['seconds']:.2f} s (first run {r['builds'][r['rerun_size']]['seconds']:.1f} s)."]
    if "export" in r:
        e = r["export"]
        lines += ["", f"Export of the whole {max(r['builds']):,}-article store: {e['seconds']:.1f} s "
                  f"(graph.ttl {e['ttl_mb']:.0f} MB, graph.trig {e['trig_mb']:.0f} MB)."]
    return lines


def _query_section(r: dict) -> list[str]:
    if "oxigraph" not in r:
        return []
    ox_r, rdf = r["oxigraph"], r["rdflib"]
    data = r["query_data"]
    lines = ["", f"## Named queries on {data['quads']:,} quads ({data['graphs']:,} article graphs, "
             f"{ox_r['triples']:,} distinct triples in their union)",
             "", f"Load: Oxigraph bulk load {ox_r['load']:.1f} s, rdflib parse {rdf['load']:.1f} s "
             f"({rdf['load'] / ox_r['load']:.1f}x).", "",
             "| query | rows (Oxigraph / rdflib) | Oxigraph median ms | rdflib median ms (runs) "
             "| rdflib / Oxigraph |", "|---|---|---|---|---|"]
    for name, q in ox_r["queries"].items():
        slow = rdf["queries"][name]
        ratio = slow["median_ms"] / q["median_ms"]
        lines.append(f"| {name} | {q['rows']:,} / {slow['rows']:,} | {q['median_ms']:.1f} | "
                     f"{slow['median_ms']:.0f} ({slow['runs']}) | {ratio:.0f}x |")
    return lines


def _union(nquads: str) -> str:
    """The same statements in the default graph (kg's store keeps the union there)."""
    return "".join(line[:line.rstrip().rfind(" <")] + " .\n" for line in nquads.splitlines() if line)


def _params_section(r: dict) -> list[str]:
    if "params" not in r:
        return []
    p = r["params"]
    how = (f"The store is the {p['built']:,}-article build's graphs, each repeated {p['copies']} times under new "
           "article numbers (people and institutions shared), with every article's race added (contest, tickets, "
           f"results); loading took {p['load']:.0f} s. " if p["copies"] > 1 else
           "The store is `kg build --store` of the corpus as it is (its contests, tickets and results are what "
           "kg extracted); of each kind the name in the most articles (or tickets, for a contest). ")
    lines = ["", f"## Parameterised queries on the {p['articles']:,}-article store ({p['triples']:,} triples)", "",
             how + "`kg query --store DIR --name NAME --param name=VALUE`, through kg.graph.queries.named_query:", "",
             "| query | --param name= | rows | Oxigraph median ms (runs) | CPU median ms |", "|---|---|---|---|---|"]
    for label, q in p["queries"].items():
        lines.append(f"| {label} | {q['param']} | {q['rows']:,} | {q['median_ms']:.1f} ({q['runs']}) | "
                     f"{q['cpu_median_ms']:.1f} |")
    lines += ["", "The busiest name of each kind is its worst case: the national election body is in "
              "every article, a party nominates in most races. CPU is the querying process's own time "
              "(Oxigraph runs in it), which a busy machine does not inflate."]
    if p.get("sampled"):
        lines += ["", "What a monitor waits for a name of each kind: names spread evenly over the store's sorted "
                  "names, each query's median of 3 runs after a warm-up; the medians over names:", "",
                  "| query | names in store | sampled | median ms | p90 ms | max ms | CPU median ms | median rows |",
                  "|---|---|---|---|---|---|---|---|"]
        lines += [f"| {kind} | {q['names']:,} | {q['sampled']} | {q['median_ms']:.1f} | {q['p90_ms']:.1f} | "
                  f"{q['max_ms']:.1f} | {q['cpu_median_ms']:.1f} | {q['median_rows']:.0f} |"
                  for kind, q in p["sampled"].items()]
    return lines


def _memory_section(r: dict) -> list[str]:
    lines = ["", "## Stages: wall time and peak RSS", "",
             "| stage | wall s | RSS MB | largest child MB |", "|---|---|---|---|"]
    for stage, result in r["stages"]:
        lines.append(f"| {stage} | {result['wall']:.0f} | {result['rss_mb']:.0f} | "
                     f"{result['children_rss_mb']:.0f} |")
    return lines


def _duration(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.0f} min" if seconds < 7200 \
        else f"{seconds / 3600:.1f} h"


# ----------------------------------------------------------------------------- main


def run(args: argparse.Namespace, work: Path) -> dict:
    r: dict = {"machine": machine(), "load": os.getloadavg()[0], "stages": [], "builds": {},
               "parse": {}}

    def stage(name: str, fn: Callable[..., dict], *fargs: object) -> dict:
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        start = time.monotonic()
        result = in_process(fn, work, *fargs)
        result["wall"] = time.monotonic() - start
        r["stages"].append((name, result))
        return result

    if args.only == "queries":  # the query data of an earlier run with the same --work
        return run_queries(args, r, stage)
    if args.only == "params":  # the largest store of an earlier run with the same --work
        r["params"] = stage("parameterised queries", params_stage, max(args.sizes), args.repeats,
                            args.params_copies)
        return r
    for n in args.sizes:
        stage(f"corpus {n:,}", corpus_stage, n)
    biggest = max(args.sizes)
    sample_from = f"corpus-{min((n for n in args.sizes if n >= args.parse_sample), default=biggest)}"
    for workers in (1, 2):
        result = stage(f"parse {args.parse_sample} ({workers} worker(s))", parse_stage,
                       sample_from, args.parse_sample, workers, args.models)
        if "skipped" in result:
            r["parse"] = {1: result}
            break
        r["parse"][workers] = result
    for n in args.sizes:
        r["builds"][n] = stage(f"build {n:,}", build_stage, n, f"build-{n}")
    r["rerun_size"] = min(args.sizes, key=lambda n: abs(n - 1000))
    r["rerun"] = stage(f"re-run {r['rerun_size']:,} unchanged", build_stage, r["rerun_size"],
                       f"rerun-{r['rerun_size']}")
    r["export"] = stage(f"export {biggest:,}", export_stage, biggest)
    r["query_data"] = stage("query data", query_data_stage, biggest, args.query_triples)
    run_queries(args, r, stage)
    r["params"] = stage("parameterised queries", params_stage, biggest, args.repeats, args.params_copies)
    return r


def run_queries(args: argparse.Namespace, r: dict, stage: Callable[..., dict]) -> dict:
    if "query_data" not in r:
        r["query_data"] = stage("query data (counted)", query_data_count)
    r["oxigraph"] = stage("queries: Oxigraph", oxigraph_stage, args.repeats)
    r["rdflib"] = stage("queries: rdflib", rdflib_stage, args.rdflib_repeats)
    return r


def query_data_count(work: Path) -> dict:
    """What an earlier run's query.nq holds: quads and article graphs."""
    quads, graphs = 0, set()
    with open(work / "query.nq", encoding="utf-8") as f:
        for line in f:
            quads += 1
            graphs.add(line.rstrip(" .\n").rsplit(" ", 1)[-1])
    return {"quads": quads, "graphs": len(graphs)}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="100,1000,10000",
                   type=lambda s: [int(x) for x in s.split(",")], help="corpus sizes to build")
    p.add_argument("--parse-sample", type=int, default=40, help="articles Stanza parses")
    p.add_argument("--query-triples", type=int, default=1_000_000, help="quads for the queries")
    p.add_argument("--repeats", type=int, default=10, help="timed runs per query (Oxigraph)")
    p.add_argument("--rdflib-repeats", type=int, default=3, help="timed runs per query (rdflib)")
    p.add_argument("--models", default="bundled", help="Stanza model set for the parse stage")
    p.add_argument("--work", help="working folder (default: a temporary one, removed at the end)")
    p.add_argument("--only", choices=["queries", "params"],
                   help="re-run only the query stages on the query data an earlier run left in --work "
                        "(params: the parameterised queries on its largest store)")
    p.add_argument("--params-copies", type=int, default=1, metavar="K",
                   help="time the parameterised queries on K copies of the largest store's articles")
    p.add_argument("--out", help="write the report here (default: bench/RESULTS.md for a whole run; "
                                 "--only runs print only, their section goes into RESULTS.md by hand)")
    args = p.parse_args()
    if args.only and not args.work:
        p.error("--only needs the --work folder of an earlier run")
    sys.path.insert(0, str(HERE))
    os.chdir(ROOT)
    start = time.monotonic()
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        results = run(args, work)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    text = report(results, args)
    out = args.out or (None if args.only else str(HERE / "RESULTS.md"))
    if out:
        Path(out).write_text(text, encoding="utf-8")
    print(text)
    print(f"bench: {time.monotonic() - start:.0f} s" + (f"; wrote {out}" if out else ""), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
