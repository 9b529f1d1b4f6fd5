"""The parse stage on a Dask LocalCluster against the process pool, on the same articles.

    python bench/cluster.py --articles 2000 --workers 2 [--rounds 2] [--work DIR]

Articles come from bench/corpus.py. Each round parses them all with real Stanza twice, with
`--workers N` (kg's process pool) and with `--cluster local:N` (a LocalCluster of N one-thread
worker processes), alternating which goes first, through kg.builder.parse_articles with no
parse cache; wall time includes starting the workers and loading the models. CPU seconds are
those of every process involved (this one, the workers and, for the cluster, its scheduler and
nannies), which a busy machine inflates far less than wall time. The CoNLL-U of both must be
identical. Prints a Markdown table and the cluster/pool ratios of total wall and CPU time.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402

from kg.builder import ParseCache, ParseStats, parse_articles, stanza_parser  # noqa: E402
from kg.ingest import iter_articles  # noqa: E402
from kg.nlp.parse import to_conllu  # noqa: E402


def cpu_seconds() -> float:
    """User and system time of this process and of its children that have ended."""
    usages = (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    return sum(u.ru_utime + u.ru_stime for u in usages)


def timed(articles: list, models: str, **how: object) -> tuple[float, float, list[str], int]:
    """Wall and CPU seconds (the workers have ended when the parse returns), CoNLL-U, words."""
    start, cpu, stats = time.monotonic(), cpu_seconds(), ParseStats()
    parses = parse_articles(articles, stanza_parser(models, **how), ParseCache(None, ""), stats)
    conllus = [to_conllu(p) for _, p, _ in parses]
    return time.monotonic() - start, cpu_seconds() - cpu, conllus, stats.words


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=2000)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--rounds", type=int, default=1)
    p.add_argument("--models", default="bundled")
    p.add_argument("--work", default="/tmp/kg-cluster-bench")
    args = p.parse_args()
    folder = Path(args.work) / f"corpus-{args.articles}"
    if not folder.exists():
        write_corpus(folder, args.articles)
    articles = list(iter_articles([folder]))
    modes = {f"--workers {args.workers}": {"workers": args.workers},
             f"--cluster local:{args.workers}": {"cluster": f"local:{args.workers}"}}
    totals = {name: [0.0, 0.0] for name in modes}  # wall, CPU
    rows, reference = [], None
    for round_ in range(args.rounds):
        for name in (list(modes) if round_ % 2 == 0 else list(reversed(modes))):
            seconds, cpu, conllus, words = timed(articles, args.models, **modes[name])
            reference = reference or conllus
            totals[name][0] += seconds
            totals[name][1] += cpu
            rows.append(f"| {round_ + 1} | `{name}` | {len(articles):,} | {seconds:.1f} | {cpu:.1f} | "
                        f"{len(articles) / seconds:.2f} | {words / seconds:.0f} | "
                        f"{'yes' if conllus == reference else '**no**'} |")
            load = " ".join(f"{x:.1f}" for x in os.getloadavg())
            print(f"{rows[-1]} load average {load}", file=sys.stderr, flush=True)
    pool, cluster = totals.values()
    print("| round | parse stage | articles | wall s | CPU s | articles/s | words/s | same CoNLL-U |")
    print("|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    for what, i in (("wall", 0), ("CPU", 1)):
        ratio = cluster[i] / pool[i]
        print(f"\nCluster / pool {what} time: {ratio:.3f} ({ratio - 1:+.1%}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
