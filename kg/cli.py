"""The `kg` command line: build, query, draw, extract, validate, eval, models."""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import MEANINGS, ExitCode, InputError, KgError, QueryError, printable
from kg.nlp.training import NEWS_NER
from kg.nlp.training import PROCESSORS as TRAINABLE

if TYPE_CHECKING:
    from kg.builder import Built, Parser, ParseStats
    from kg.corpus import Store
    from kg.ingest import Article

EPILOG = """examples:
  kg build seeds/                         build exports/ from the seed article
  kg build corpus/ --store .kg-store --prune --workers 2
                                          keep .kg-store/ equal to corpus/, parsing in 2 processes
  kg build corpus/ --store .kg-store --cluster tcp://10.0.0.5:8786
                                          parse on a Dask cluster, write the store here
  kg query --store .kg-store --name posts the same named queries on the store
  kg query --store .kg-store 'SELECT ...' --limit 20
  kg query exports/graph.ttl --name posts who holds which post where
  kg query exports/graph.trig 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
  kg push http://localhost:7878/store --store .kg-store
                                          send changed article graphs to an Oxigraph server
  kg query --endpoint http://localhost:7878/query --name posts
  kg query --store --name person --param name="Dedi Mulyadi"
                                          everything about one person (also: institution, contest)
  kg draw exports/graph.ttl --focus "Ellen Setiad" --out ellen.png
  kg serve --store                        SPARQL endpoint and explorer on http://127.0.0.1:8000/
  kg extract seeds/sumsel-pilkada-2024.txt --format json
  kg validate exports/graph.ttl
  kg eval ../shared/eval/dev/gold ../shared/eval/dev/articles
  kg models evaluate                      scores of the bundled Stanza models

""" + textwrap.fill("Exit codes: " + ", ".join(f"{int(code)} {text}".replace(" ", "\xa0")  # kept whole
                                               for code, text in MEANINGS.items()) + ".", 96).replace("\xa0", " ")


def _models_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--models", default="bundled", metavar="SET",
                   help="Stanza models: 'bundled' (kg's own, default), 'official' (an installed "
                        "official Stanza Indonesian package) or a folder")


class Progress:
    """Articles/s and ETA on stderr: one updating line on a terminal, else a line per article."""

    def __init__(self, total: int):
        self.total, self.done, self.cached = total, 0, 0
        self.start = time.monotonic()
        self.tty = sys.stderr.isatty()

    def __call__(self, built: Built) -> None:
        self.done += 1
        self.cached += built.cached
        elapsed = time.monotonic() - self.start
        rate = self.done / elapsed if elapsed else 0.0
        eta = (self.total - self.done) / rate if rate else 0.0
        speed = f"{rate:.2f} articles/s, ETA {eta:.0f}s"
        if self.tty:
            print(f"\r[{self.done}/{self.total}] {speed}, {self.cached} from cache ",
                  end="", file=sys.stderr, flush=True)
            return
        x = built.extraction
        facts = len(x.holdings) + len(x.events) + len(x.quotes) + len(x.figures)
        print(f"[{self.done}/{self.total}] {built.article.id}: {len(x.entities)} entities, "
              f"{facts} facts{' (cached parse)' if built.cached else ''} ({speed})",
              file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.tty and self.done:
            print(file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from kg.builder import build_dataset, unique_articles
    from kg.graph.outputs import check_out_folder, write_exports
    from kg.ingest import iter_articles

    errors: list[InputError] = []

    def report(err: InputError) -> None:
        errors.append(err)
        print(f"kg: error: {printable(str(err))}", file=sys.stderr)

    if args.prune and not args.store:
        raise KgError("--prune needs --store")
    if args.cluster and args.workers > 1:
        raise KgError("--cluster and --workers exclude each other (the cluster has its own workers)")
    paths = [Path(p) for p in args.paths]
    out = Path(args.out or "exports") if args.out or not args.store else None
    if out is not None:
        check_out_folder(out, paths)
    articles = list(iter_articles(paths, force=args.force, on_error=report, max_words=args.max_words,
                                  skip=[out] if out is not None else []))
    if not articles:
        if errors:
            return int(errors[0].code)
        raise InputError("no articles to build", path=", ".join(args.paths), code=ExitCode.EMPTY_INPUT)
    if args.store:
        from kg.graph.store import source_key

        failed = {source_key(e.file) for e in errors if e.file is not None}
        _note_duplicates(unique_articles(articles)[1])  # Store keeps all their files, builds one
        code = build_into_store(args, articles, failed)
        return code or (int(errors[0].code) if errors else 0)
    articles, same = unique_articles(articles)
    _note_duplicates(same)
    print(f"kg: building {len(articles)} article(s) with the {args.models} Stanza models",
          file=sys.stderr)
    progress = Progress(len(articles))
    parser = _parser(args)
    dataset, result = build_dataset(articles, parser=parser, base=args.base,
                                    cache_dir=_cache_dir(args), progress=progress)
    progress.close()
    _print_parse_speed(result.parse)
    summary = write_exports(dataset, result, out, images=not args.no_images,
                            article_images=args.article_images and not args.no_images)
    print(summary.text, file=sys.stderr)
    if args.strict and not summary.conforms:
        print(f"kg: error: {summary.violations} SHACL violation(s), see {summary.report}", file=sys.stderr)
        return int(ExitCode.SHACL_VIOLATION)
    return int(errors[0].code) if errors else 0


def _note_duplicates(same: list[tuple[Article, Article]]) -> None:
    for article, first in same:
        print(printable(f"kg: {_place(article)}: the same article as {_place(first)}; built once"),
              file=sys.stderr)


def _place(article: Article) -> str:
    return f"{article.path}:{article.line}" if article.line else str(article.path)


def _parser(args: argparse.Namespace) -> Parser:
    """The parser a build uses: the one `main` was given, or Stanza as the options say."""
    from kg.builder import stanza_parser

    return args.parser or stanza_parser(args.models, args.workers, args.cluster, trees=args.trees)


def _print_parse_speed(stats: ParseStats) -> None:
    if stats.words:
        load = f", {stats.load_seconds:.1f} s of it loading the models" if stats.load_seconds else ""
        print(f"kg: parse stage: {stats.words} words in {stats.seconds:.1f} s{load} = "
              f"{stats.words_per_second():.0f} words/s", file=sys.stderr)


def _cache_dir(args: argparse.Namespace) -> Path | None:
    from kg.builder import DEFAULT_CACHE

    return None if args.no_cache else Path(args.cache or DEFAULT_CACHE)


def build_into_store(args: argparse.Namespace, articles: list[Article], failed: set[str]) -> int:
    """kg.Store.sync_articles, with progress and a summary on stderr; ``failed``: files that did
    not read (wholly or in part), whose articles stay in the store."""
    from kg.corpus import Store

    with Store(args.store, write=True) as store:  # the writer lock, held to the end of the export
        return _sync_and_report(args, store, articles, failed)


def _sync_and_report(args: argparse.Namespace, store: Store, articles: list[Article], failed: set[str]) -> int:
    progress = Progress(0)

    def plan(given: int, todo: int) -> None:
        progress.total = todo
        print(f"kg: {given} article(s), {given - todo} unchanged; building {todo} into {store.path} "
              f"with the {args.models} Stanza models", file=sys.stderr)

    parser = _parser(args)
    r = store.sync_articles(articles, prune=args.prune, failed=failed, parser=parser, base=args.base,
                            cache_dir=_cache_dir(args), progress=progress, plan=plan)
    progress.close()
    _print_parse_speed(r.parse)
    print(f"kg: {r.built} built ({r.parsed} parsed, {r.built - r.parsed} from cache), "
          f"{r.unchanged} unchanged; store {store.path}: {r.added} added, {r.replaced} replaced, "
          f"{r.removed} removed, {r.rewritten} rewritten by entity resolution; "
          f"{r.triples} triples in {r.seconds:.1f}s", file=sys.stderr)
    if args.out:
        for path in store.export(Path(args.out)):
            print(f"kg: wrote {path}", file=sys.stderr)
    if args.strict:
        from kg.graph.validate import validate

        check = validate(store.to_rdflib())
        if not check.conforms:
            print(f"kg: error: {check.violations} SHACL violation(s) in the store",
                  file=sys.stderr)
            return int(ExitCode.SHACL_VIOLATION)
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from kg.graph.answers import FileData, StoreData, named_rows, rows
    from kg.graph.queries import bind, format_result, load_named
    from kg.graph.sandbox import Limits, run_once

    if (args.store or args.endpoint) and args.graph and not args.sparql:
        args.graph, args.sparql = None, args.graph  # kg query --store DIR 'SELECT ...'
    if args.name:
        query = load_named(args.name)
    elif args.file:
        query = _read_query(Path(args.file))
    elif args.sparql:
        query = args.sparql
    else:
        raise KgError("give a SPARQL query, --file FILE.rq or --name NAME")
    try:
        query = bind(query, dict(args.param))
    except QueryError as err:
        err.path = err.path or args.file
        raise
    if args.endpoint:
        from kg.graph.remote import run_remote
        sys.stdout.write(format_result(run_remote(args.endpoint, query, args.limit), args.format))
        return 0
    if args.store:
        data = StoreData(str(args.store))
    elif args.graph:
        data = FileData(args.graph)
    else:
        raise KgError("give a GRAPH file or --store PATH")
    try:  # in a worker process: local only, stopped by --timeout, Ctrl-C or SIGTERM
        result = run_once(data, named_rows if args.name else rows, query, args.limit,
                          limits=Limits(timeout=args.timeout))
    except QueryError as err:  # name the .rq file the broken query came from
        err.path = err.path or args.file
        raise
    sys.stdout.write(format_result(result, args.format))
    return 0


def _param(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value


def _read_query(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError("no such query file", path=path, code=ExitCode.NOT_FOUND) from None
    except (OSError, UnicodeDecodeError) as err:
        raise QueryError(f"cannot read the query file: {err}", path=path) from None


def cmd_push(args: argparse.Namespace) -> int:
    from kg.graph import push
    from kg.graph.loading import load_graph
    from kg.graph.remote import shown

    if bool(args.graph) == bool(args.store):
        raise KgError("give a GRAPH file (TriG or N-Quads) or --store DIR, not both")
    if args.store:
        from kg.graph.store import open_store
        total, graphs = push.store_graphs(open_store(Path(args.store)))
    else:
        total, graphs = push.file_graphs(load_graph(args.graph), Path(args.graph))

    def progress(report: push.PushReport) -> None:
        print(f"kg: {report.graphs}/{total} graphs: {report.sent} sent, {report.unchanged} unchanged",
              file=sys.stderr, flush=True)

    report = push.push(graphs, args.url, update=args.update, query_url=args.query_endpoint,
                       batch=max(1, args.batch), progress=progress)
    rate = report.triples / report.seconds if report.seconds else 0.0
    print(f"kg: pushed {report.sent} of {report.graphs} article graph(s) to {shown(args.url)} "
          f"({report.triples} triples, {rate:.0f} triples/s; {report.rewritten} of them rewritten by "
          f"entity resolution); {report.unchanged} unchanged, in {report.seconds:.1f}s", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from kg.graph.sandbox import Limits
    from kg.serve import serve

    if bool(args.store) == bool(args.graphs):
        raise KgError("give graph files or --store DIR (one of them)")
    serve({"workers": args.workers, "limits": Limits(timeout=args.timeout), "max_rows": args.max_rows,
           "cors": args.cors}, Path(args.store) if args.store else None, [Path(g) for g in args.graphs],
          args.host, args.port)
    return 0


def cmd_draw(args: argparse.Namespace) -> int:
    from kg.drawing import MAX_NODES, draw, neighbourhood, to_networkx, too_big, write_graphml
    from kg.graph.export import write_with

    if not args.format and Path(args.out).suffix.lower() not in (".png", ".svg", ".graphml"):
        raise KgError("--out must end in .png, .svg or .graphml (or give --format)", path=args.out)
    graph = _graph_for(args)
    g = to_networkx(graph)
    title = f"kg: {Path(args.graph or args.store).name}"
    if args.focus:
        try:
            g = neighbourhood(g, args.focus, args.radius)
        except KeyError:
            raise KgError(f"no person, organization, place or event named like {args.focus!r}") from None
        title = f"kg: {args.focus}"
    problem = too_big(g, args.max_nodes or MAX_NODES)
    if problem:
        raise KgError(problem, code=ExitCode.TOO_LARGE)
    out = Path(args.out)
    fmt = args.format or out.suffix.lstrip(".").lower() or "png"
    out = out.with_suffix(f".{fmt}") if args.format else out
    if fmt == "graphml":
        write_with(out, lambda tmp: write_graphml(g, tmp))
    else:
        write_with(out, lambda tmp: draw(g, tmp, title))
    print(f"kg: wrote {out} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)", file=sys.stderr)
    return 0


def _graph_for(args: argparse.Namespace):
    if getattr(args, "store", None):
        from kg.corpus import Store
        return Store(args.store).to_rdflib()
    if not args.graph:
        raise KgError("give a GRAPH file or --store PATH")
    from kg.graph.loading import load_graph

    return load_graph(args.graph)


def cmd_extract(args: argparse.Namespace) -> int:
    import json

    from kg.builder import build_articles
    from kg.graph.summary import summarize
    from kg.ingest import read_article

    articles = read_article(Path(args.article), force=args.force)
    dataset, result = build_articles(articles, parser=args.parser, models=args.models, cache_dir=None)
    summaries = [summarize(dataset.graph(b.graph)) for b in result.built]
    if args.format == "json":
        out = summaries[0] if len(summaries) == 1 else summaries
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        from kg.graph.export import turtle
        for b in result.built:
            sys.stdout.write(turtle(dataset.graph(b.graph)))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.graph.validate import validate

    result = validate(_graph_for(args))
    print(result.text if not result.conforms else "Conforms: True (0 violations)")
    return 0 if result.conforms else int(ExitCode.SHACL_VIOLATION)


def cmd_eval(args: argparse.Namespace) -> int:
    from kg.evaluation import evaluate_dir, format_report

    report = evaluate_dir(Path(args.gold), Path(args.articles), models=args.models,
                          pred_dir=Path(args.pred) if args.pred else None)
    sys.stdout.write(format_report(report, details=not args.quiet))
    return 0


def cmd_models_train(args: argparse.Namespace) -> int:
    import logging

    from kg.nlp.training import DEFAULT_STEPS, TrainConfig, train

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    steps = dict(DEFAULT_STEPS)
    for item in args.steps or []:
        name, _, value = item.partition("=")
        steps[name] = int(value)
    cfg = TrainConfig(Path(args.data), Path(args.out), Path(args.work), steps=steps,
                      ner_corpora=tuple(args.ner_corpora.split(",")),
                      ner_init=Path(args.ner_init) if args.ner_init else None,
                      ner_batch_size=args.ner_batch_size)
    timings = train(cfg, args.processors.split(","))
    for name, seconds in timings.items():
        print(f"{name}: {seconds / 60:.1f} min")
    return 0


def cmd_models_evaluate(args: argparse.Namespace) -> int:
    from kg.nlp.evaluation import evaluate_models

    sys.stdout.write(evaluate_models(args.models, Path(args.data), args.limit, quantized=not args.float,
                                     ud=not args.ner_only))
    return 0


def _base_iri(value: str) -> str:
    """--base must be an absolute IRI that Turtle can write (no spaces, <>, quotes, braces)."""
    import re

    from rdflib.term import _is_valid_uri

    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:\S+$", value) or not _is_valid_uri(value):
        raise argparse.ArgumentTypeError(f"not an absolute IRI usable as a base: {value!r}")
    return value


def _cluster_address(value: str) -> str:
    from kg.distributed import cluster_address

    try:
        return cluster_address(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _positive(value: str) -> int:
    """A whole number of at least 1 (a count or a limit)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of at least 1: {value!r}")
    return number


def _store_arg(p: argparse.ArgumentParser, text: str) -> None:
    from kg.graph.store import DEFAULT_STORE

    p.add_argument("--store", metavar="DIR", help=f"{text} (kg's own default: {DEFAULT_STORE}/)")


def _timeout_arg(p: argparse.ArgumentParser) -> None:
    from kg.graph.sandbox import DEFAULT_TIMEOUT

    p.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="S",
                   help=f"stop a query after S seconds (default {DEFAULT_TIMEOUT:g}; exit 15)")


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < 1e6:
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {value!r}")
    return seconds


def argument_parser() -> argparse.ArgumentParser:
    from kg.graph.queries import FORMATS
    from kg.graph.vocab import DEFAULT_BASE
    from kg.ingest.discover import MAX_WORDS

    top = argparse.ArgumentParser(
        prog="kg", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG,
        description="Indonesian election news -> RDF knowledge graph (Stanza, rdflib, SPARQL).")
    top.add_argument("--debug", action="store_true", help="show Python tracebacks on errors")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("build", help="parse articles and write Turtle, TriG, PNG/SVG to exports/",
                       description="Build the knowledge graph of articles (files or folders: .txt, .md, "
                                   ".html, .jsonl). Example: kg build seeds/ --out exports/")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--out", help="output folder (default: exports; with --store: only if given, "
                                 "then graph.trig and graph.ttl of the whole store)")
    _store_arg(p, "add the articles to this Oxigraph store: unchanged ones are skipped unparsed, "
                  "changed ones replaced")
    p.add_argument("--prune", action="store_true",
                   help="with --store: remove the articles that are not among PATHs any more")
    p.add_argument("--workers", type=_positive, default=1, metavar="N",
                   help="parse in N processes (default 1; about one per core)")
    p.add_argument("--cluster", type=_cluster_address, metavar="ADDRESS",
                   help="parse on a Dask cluster: its scheduler (tcp://HOST:8786) or local:N "
                        "(N worker processes on this machine); mapping and writes stay here")
    p.add_argument("--trees", action="store_true",
                   help="also parse lemmas and dependency trees (slower; they narrow event participants "
                        "and find activity verbs)")
    p.add_argument("--base", default=DEFAULT_BASE, type=_base_iri,
                   help=f"base IRI of instances (default: {DEFAULT_BASE})")
    p.add_argument("--cache", help="parse cache folder (default: .kg-cache)")
    p.add_argument("--no-cache", action="store_true", help="always re-parse")
    p.add_argument("--no-images", action="store_true", help="skip the PNG/SVG drawings")
    p.add_argument("--article-images", action="store_true",
                   help="also draw each article's graph (articles/<id>.png; costs about as much "
                        "as its parse)")
    p.add_argument("--force", action="store_true", help="build text that does not look Indonesian")
    p.add_argument("--max-words", type=_positive, default=MAX_WORDS, metavar="N",
                   help=f"refuse articles longer than N words (default {MAX_WORDS:,})")
    p.add_argument("--strict", action="store_true", help="fail (exit 12) on any SHACL violation")
    _models_arg(p)
    p.set_defaults(run=cmd_build)

    p = sub.add_parser("query", help="run SPARQL on a graph file or store",
                       description="Run a SPARQL query. Example: kg query exports/graph.ttl --name posts")
    p.add_argument("graph", nargs="?", help="graph file (.ttl, .trig, .nt, .nq, .jsonld)")
    p.add_argument("sparql", nargs="?", help="the query text")
    p.add_argument("--file", help="read the query from a .rq file")
    p.add_argument("--name", help="a named query from queries/ (posts, event-institutions, "
                                  "events-timeline, quotes, candidates, results; with --param name=...: "
                                  "person, institution, contest)")
    p.add_argument("--param", action="append", default=[], type=_param, metavar="NAME=VALUE",
                   help='a value for a parameter the query declares, e.g. --param name="Dedi Mulyadi"')
    _store_arg(p, "query an Oxigraph store instead of a file: kg query --store DIR 'SELECT ...'")
    p.add_argument("--endpoint", metavar="URL",
                   help="query a SPARQL server's query endpoint instead (e.g. http://HOST:7878/query, "
                        "http://HOST:8890/sparql); credentials from KG_SPARQL_USER/_PASSWORD or ~/.netrc")
    p.add_argument("--format", choices=FORMATS, default="table",
                   help="table (default), or a standard SPARQL 1.1 results format: json, xml, csv, tsv")
    p.add_argument("--limit", type=_positive, metavar="N",
                   help="only the first N rows (the store stops early unless the query sorts)")
    _timeout_arg(p)
    p.set_defaults(run=cmd_query)

    p = sub.add_parser("push", help="send the article graphs to a SPARQL server (changed ones only)",
                       description="Send each article's named graph to a SPARQL 1.1 server: URL is its "
                                   "Graph Store HTTP Protocol endpoint (Oxigraph http://HOST:7878/store, "
                                   "Virtuoso http://HOST:8890/sparql-graph-crud) or, with --update, its "
                                   "SPARQL Update endpoint. Graphs the server already holds unchanged are "
                                   "skipped. Credentials: KG_SPARQL_USER/KG_SPARQL_PASSWORD or ~/.netrc. "
                                   "Example: kg push http://localhost:7878/store --store .kg-store")
    p.add_argument("url", metavar="URL")
    p.add_argument("graph", nargs="?", metavar="GRAPH", help="a TriG or N-Quads file written by kg build")
    _store_arg(p, "push the article graphs of this store")
    p.add_argument("--update", action="store_true", help="URL is a SPARQL Update endpoint")
    p.add_argument("--query-endpoint", metavar="URL",
                   help="where to ask which graphs the server holds (default: beside URL, e.g. "
                        "/store -> /query, /sparql-graph-crud -> /sparql)")
    p.add_argument("--batch", type=int, default=50, metavar="N", help="graphs per batch (default 50)")
    p.set_defaults(run=cmd_push)

    p = sub.add_parser("serve", help="a SPARQL endpoint and graph explorer on http://127.0.0.1:8000/",
                       description="Serve a store or graph files: SPARQL 1.1 Protocol at /sparql, named "
                                   "queries at /queries/NAME, the explorer at /. Read-only, offline. "
                                   "Example: kg serve --store .kg-store  or  kg serve exports/graph.trig")
    p.add_argument("graphs", nargs="*", metavar="GRAPH", help="graph files (.ttl, .trig, .nt, .nq, .jsonld)")
    _store_arg(p, "serve an Oxigraph store")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    _timeout_arg(p)
    p.add_argument("--max-rows", type=int, default=10_000, metavar="N",
                   help="at most N rows or triples per answer (default 10000; header X-KG-Truncated)")
    p.add_argument("--workers", type=int, default=2, metavar="N",
                   help="query processes (default 2): a slow query holds one, the others answer")
    p.add_argument("--cors", action="store_true", help="let web pages from any origin query the server")
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("draw", help="draw the graph (or one node's neighbourhood) as PNG or SVG",
                       description='Example: kg draw exports/graph.ttl --focus "KPU" --out kpu.svg')
    p.add_argument("graph", nargs="?")
    _store_arg(p, "draw from an Oxigraph store instead of a file")
    p.add_argument("--focus", help="name (or part of it) of a person, organization, place or event")
    p.add_argument("--radius", type=int, default=2, help="steps around --focus (default 2)")
    p.add_argument("--out", default="graph.png", help="output .png, .svg or .graphml (default graph.png)")
    p.add_argument("--format", choices=("png", "svg", "graphml"),
                   help="image, or GraphML for Gephi/Cytoscape (default: by --out's suffix)")
    p.add_argument("--max-nodes", type=_positive, metavar="N",
                   help="refuse to draw more than N nodes (default: kg.drawing.MAX_NODES, 500); "
                        "draw a part with --focus")
    p.set_defaults(run=cmd_draw)

    p = sub.add_parser("extract", help="print one article's extraction summary (JSON) or Turtle",
                       description="Example: kg extract seeds/sumsel-pilkada-2024.txt --format json")
    p.add_argument("article")
    p.add_argument("--format", choices=("json", "turtle"), default="json")
    p.add_argument("--force", action="store_true")
    _models_arg(p)
    p.set_defaults(run=cmd_extract)

    p = sub.add_parser("validate", help="check a graph against the SHACL shapes",
                       description="Example: kg validate exports/graph.ttl")
    p.add_argument("graph", nargs="?")
    _store_arg(p, "validate an Oxigraph store instead of a file")
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser("eval", help="score extraction against gold summaries (FORMAT.md)",
                       description="Example: kg eval ../shared/eval/dev/gold ../shared/eval/dev/articles")
    p.add_argument("gold")
    p.add_argument("articles")
    p.add_argument("--pred", help="also write the predicted summaries to this folder")
    p.add_argument("--quiet", action="store_true", help="only the score table")
    _models_arg(p)
    p.set_defaults(run=cmd_eval)

    models = sub.add_parser("models", help="train or evaluate kg's Stanza models").add_subparsers(
        dest="models_command", required=True, metavar="ACTION")
    p = models.add_parser("train", help="train Stanza models from ../shared/data (long)",
                          description="Example: kg models train --processors tokenize,mwt")
    p.add_argument("--data", default="../shared/data")
    p.add_argument("--out", default="models/id-kg")
    p.add_argument("--work", default="build/training")
    p.add_argument("--processors", default=",".join(TRAINABLE),
                   help="comma-separated, in training order (default: the bundled set, all of them)")
    p.add_argument("--steps", nargs="*", metavar="PROC=N", help="override steps, e.g. ner=2000")
    p.add_argument("--ner-corpora", default=",".join(NEWS_NER), metavar="NAMES",
                   help="NER training corpora: nergrit, idner2k, nerp (comma-separated)")
    p.add_argument("--ner-init", metavar="NER.pt", help="continue training this NER model (fine-tune)")
    p.add_argument("--ner-batch-size", type=int, default=32, metavar="N", help="sentences per NER step")
    p.set_defaults(run=cmd_models_train)
    p = models.add_parser("evaluate", help="score models on GSD/CSUI test and the NERGrit and IDNer test sets",
                          description="Example: kg models evaluate --models bundled")
    p.add_argument("--data", default="../shared/data")
    p.add_argument("--limit", type=int, default=0, help="only the first N sentences of each test set")
    p.add_argument("--float", action="store_true", help="float weights as trained, not kg's int8 ones")
    p.add_argument("--ner-only", action="store_true", help="score the NER alone (the parse does not depend on it)")
    _models_arg(p)
    p.set_defaults(run=cmd_models_evaluate)
    return top


def _terminate(signum, frame) -> None:
    raise KeyboardInterrupt  # `kill` cleans up like Ctrl-C: temporary files go, exports stay


def main(argv: Sequence[str] | None = None, *, parser: Parser | None = None) -> int:
    """Run ``kg ARGV``; ``parser`` replaces the Stanza pipeline (kg.builder.Parser)."""
    import signal

    args = argument_parser().parse_args(argv)
    args.parser = parser
    if _on_main_thread():
        signal.signal(signal.SIGTERM, _terminate)
    try:
        return args.run(args)
    except KgError as err:
        if args.debug:
            raise
        print(f"kg: error: {printable(str(err))}", file=sys.stderr)
        return int(err.code)
    except KeyboardInterrupt:
        print("kg: interrupted; exports already written are intact", file=sys.stderr)
        return int(ExitCode.INTERRUPTED)
    except OSError as err:  # an I/O failure kg did not foresee: still one line with the path
        if args.debug:
            raise
        where = f"{printable(str(err.filename))}: " if err.filename else ""
        print(f"kg: error: {where}{printable(err.strerror or str(err))}", file=sys.stderr)
        return int(ExitCode.IO_ERROR)
    except Exception as err:  # a bug: still one line, the traceback with --debug
        if args.debug:
            raise
        print(f"kg: internal error: {type(err).__name__}: {printable(str(err))} (run with --debug for details)",
              file=sys.stderr)
        return 1


def _on_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


if __name__ == "__main__":
    sys.exit(main())
