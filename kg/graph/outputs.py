"""Everything `kg build` writes to its output folder, each file written atomically.

    articles/<id>.ttl   one article's named graph       graph.ttl    all articles merged
    articles/<id>.json  its extraction summary          graph.trig   named graphs (provenance)
    articles/<id>.png   its relationship graph          graph.png/.svg, validation.txt
                                                        graph.jsonld, graph.graphml
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from kg.builder import BuildReport
from kg.graph.export import jsonld, merged, trig, turtle, write_json, write_text, write_with
from kg.graph.summary import summarize
from kg.graph.validate import validate


@dataclass(frozen=True)
class ExportSummary:
    text: str
    conforms: bool
    violations: int
    report: Path


def write_exports(dataset: Dataset, result: BuildReport, out: Path, images: bool = True) -> ExportSummary:
    from kg.drawing import draw, to_networkx, write_graphml

    for built in result.built:
        graph = dataset.graph(built.graph)
        stem = out / "articles" / built.article.id
        write_text(stem.with_suffix(".ttl"), turtle(graph))
        write_json(stem.with_suffix(".json"), summarize(graph))
        if images:
            title = built.article.title or built.article.id
            write_with(stem.with_suffix(".png"), lambda tmp, g=graph, t=title: draw(to_networkx(g), tmp, t))
    union = merged(dataset)
    write_text(out / "graph.trig", trig(dataset))
    write_text(out / "graph.ttl", turtle(union))
    write_text(out / "graph.jsonld", jsonld(union))
    write_with(out / "graph.graphml", lambda tmp: write_graphml(to_networkx(union), tmp))
    if images:
        title = (result.built[0].article.title or result.built[0].article.id) if len(result.built) == 1 \
            else f"{len(result.built)} articles"
        g = to_networkx(union)
        for suffix in (".png", ".svg"):
            write_with(out / f"graph{suffix}", lambda tmp, t=title: draw(g, tmp, f"kg: {t}"))
    check = validate(union)
    report = write_text(out / "validation.txt", check.text)
    entities = sum(len(b.extraction.entities) for b in result.built)
    facts = sum(len(b.extraction.holdings) + len(b.extraction.events) + len(b.extraction.quotes)
                + len(b.extraction.figures) for b in result.built)
    text = (f"kg: {len(result.built)} articles ({result.parsed} parsed, "
            f"{len(result.built) - result.parsed} from cache), {entities} entities, {facts} facts, "
            f"{len(union)} triples in {result.seconds:.1f}s; SHACL "
            f"{'conforms' if check.conforms else f'{check.violations} violation(s)'}; wrote {out}/")
    return ExportSummary(text, check.conforms, check.violations, report)
