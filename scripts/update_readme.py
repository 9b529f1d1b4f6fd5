"""Refresh the README's generated sections from the committed exports and a `kg eval` run.

    .venv/bin/python scripts/update_readme.py [EVAL_OUTPUT.txt]

Between <!-- queries:start/end --> it writes each named query with its real output on
exports/graph.ttl; between <!-- election:start/end --> the election queries on a build of the
hand-written articles in tests/fixtures/examples (Stanza runs); between <!-- eval:start/end -->
the score table of `kg eval`.
"""

import re
import sys
from pathlib import Path

import kg
from kg.graph.export import merged
from kg.graph.loading import load_graph
from kg.graph.queries import format_result, named_queries, named_query, run_rdflib

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = "tests/fixtures/examples"
ELECTION = {"candidates": {}, "results": {}, "contest": {"name": "Pilwalkot Madiun 2024"},
            "person": {"name": "hendro prasetyo"}, "institution": {"name": "PDIP"}}


def queries_section() -> str:
    graph = load_graph(str(ROOT / "exports" / "graph.ttl"))
    parts = []
    for name, path in named_queries().items():
        if name in ELECTION:
            continue
        purpose = path.read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
        table = format_result(run_rdflib(graph, path.read_text(encoding="utf-8")), "table")
        parts.append(f"**{name}**: {purpose}\n\n```\n$ kg query exports/graph.ttl --name {name}\n{table}```\n")
    return "\n".join(parts)


def election_section() -> str:
    graph = merged(kg.build(ROOT / EXAMPLES))
    parts = [f"```\n$ kg build {EXAMPLES}/ --out madiun/\n```\n"]
    for name, params in ELECTION.items():
        purpose = named_queries()[name].read_text(encoding="utf-8").splitlines()[0].lstrip("# ")
        table = format_result(run_rdflib(graph, named_query(name, params)), "table")
        args = "".join(f' --param {k}="{v}"' for k, v in params.items())
        parts.append(f"**{name}**: {purpose}\n\n```\n$ kg query madiun/graph.ttl --name {name}{args}\n{table}```\n")
    return "\n".join(parts)


def replace(text: str, marker: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {marker}:start -->\n).*?(<!-- {marker}:end -->)", re.S)
    return pattern.sub(lambda m: m.group(1) + body.rstrip() + "\n" + m.group(2), text)


if __name__ == "__main__":
    readme = ROOT / "README.md"
    text = replace(readme.read_text(encoding="utf-8"), "queries", queries_section())
    text = replace(text, "election", election_section())
    if len(sys.argv) > 1:
        table = Path(sys.argv[1]).read_text(encoding="utf-8")
        table = table[table.index("category"):]
        text = replace(text, "eval", "```\n$ kg eval ../shared/eval/dev/gold ../shared/eval/dev/articles\n"
                       + table + "```")
    readme.write_text(text, encoding="utf-8")
