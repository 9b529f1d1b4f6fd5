"""`kg build` of a folder of articles, this checkout against another (an older commit), in turns.

Each run is a whole `python -m kg.cli build FOLDER --no-cache --out TMP` process with default
options (cold parse cache); the two checkouts run alternately (new, old, new, old, ...) so that
a machine whose load drifts slows both alike, and the ratio is taken pair by pair. Wall and
CPU seconds (user + system of the process and the children it waited for) are printed as
median [min - max]. ``--stage parse`` times the parse stage alone instead: import, model load
and Stanza on every article, in a fresh process, through each checkout's own parse_articles.

    git worktree add /tmp/kg-old b62cfd0
    python bench/build_speed.py --old /tmp/kg-old --articles ../shared/eval/dev/articles --runs 5
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PARSE_STAGE = """
import json, sys, time
start = time.monotonic()
from pathlib import Path
try:
    from kg.builder import ParseCache, parse_articles, stanza_parser
    parser = stanza_parser("bundled")  # the parser `kg build` uses by default
except ImportError:  # the layout of b62cfd0: parse_articles takes the model set
    from kg.build import ParseCache, parse_articles
    parser = "bundled"
from kg.ingest import iter_articles
articles = list(iter_articles([Path(sys.argv[1])]))
words = sum(len(s.words) for _, parse, _ in parse_articles(articles, parser, ParseCache(None, ""))
            for s in parse.sentences)
print(json.dumps({"words": words, "seconds": time.monotonic() - start}))
"""


def run_once(checkout: Path, articles: Path, stage: str) -> dict:
    """One whole process in ``checkout``; wall and CPU seconds, and what it printed."""
    env = dict(os.environ, PYTHONPATH=str(checkout))
    with tempfile.TemporaryDirectory(prefix="kg-speed-") as out:
        if stage == "build":
            argv = [sys.executable, "-m", "kg.cli", "build", str(articles), "--no-cache", "--out", out]
        else:
            argv = [sys.executable, "-c", PARSE_STAGE, str(articles)]
        start = time.monotonic()
        proc = subprocess.Popen(argv, cwd=checkout, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        stdout, stderr = proc.communicate()
        wall = time.monotonic() - start
    if proc.returncode:
        raise SystemExit(f"build_speed: {checkout} failed ({proc.returncode}): {stderr.strip()[-500:]}")
    return {"wall": wall, "stdout": stdout, "stderr": stderr}


def timed(checkout: Path, articles: Path, stage: str) -> dict:
    """run_once plus its CPU seconds: user + system of the finished process and its children."""
    before = os.times()
    run = run_once(checkout, articles, stage)
    after = os.times()
    run["cpu"] = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return run


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} [{min(values):.2f} - {max(values):.2f}]"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--old", required=True, help="the other checkout (e.g. a git worktree of b62cfd0)")
    parser.add_argument("--articles", default=str(ROOT.parent / "shared" / "eval" / "dev" / "articles"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--stage", choices=("build", "parse"), default="build")
    args = parser.parse_args()
    checkouts = {"new": ROOT, "old": Path(args.old).resolve()}
    articles = Path(args.articles).resolve()
    runs: dict[str, list[dict]] = {"new": [], "old": []}
    timed(checkouts["new"], articles, args.stage)  # warm-up: file caches, .pyc files
    timed(checkouts["old"], articles, args.stage)
    for _ in range(args.runs):
        for name in ("new", "old"):
            runs[name].append(timed(checkouts[name], articles, args.stage))
    print(f"{args.stage}: {articles} ({len(list(articles.glob('*')))} files), {args.runs} runs each, "
          f"alternating; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    for name, path in checkouts.items():
        wall = [r["wall"] for r in runs[name]]
        cpu = [r["cpu"] for r in runs[name]]
        print(f"  {name:<4} {path}: wall s {spread(wall)}; CPU s {spread(cpu)}")
    pairs = list(zip(runs["old"], runs["new"], strict=True))
    print(f"  speed-up old/new, pair by pair: wall {spread([o['wall'] / n['wall'] for o, n in pairs])}; "
          f"CPU {spread([o['cpu'] / n['cpu'] for o, n in pairs])}")
    if args.stage == "parse":
        for name in checkouts:
            rates = [json.loads(r["stdout"].splitlines()[-1]) for r in runs[name]]
            print(f"  {name:<4} parse stage words/s (import + load + parse): "
                  f"{spread([r['words'] / r['seconds'] for r in rates])} ({rates[0]['words']} words)")
    else:
        lines = [ln for r in runs["new"] for ln in r["stderr"].splitlines() if "parse stage" in ln]
        if lines:
            print(f"  new, as kg build reports it (median run): {sorted(lines)[len(lines) // 2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
