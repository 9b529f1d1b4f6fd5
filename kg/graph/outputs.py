"""Everything `kg build` writes to its output folder, each file written atomically.

    articles/<id>.ttl   one article's named graph       graph.ttl    all articles merged
    articles/<id>.json  its extraction summary          graph.trig   named graphs (provenance)
    articles/<id>.png   its relationship graph          graph.png/.svg, validation.txt
                                                        graph.jsonld, graph.graphml
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from kg.builder import BuildReport
from kg.errors import OutputError
from kg.graph.export import jsonld, merged, trig, turtle, write_json, write_text, write_with
from kg.graph.summary import summarize
from kg.graph.validate import validate


def _draw_once(g, title: str, paths: list[Path]) -> None:
    """One figure saved in each format: building it (layout, labels, fitting) is half the cost."""
    import matplotlib.pyplot as plt

    from kg.drawing import figure, save

    fig = figure(g, title)
    try:
        for path in paths:
            write_with(path, lambda tmp: save(fig, tmp))
    finally:
        plt.close(fig)


def check_out_folder(out: Path, inputs: list[Path]) -> None:
    """Before any work, writing nothing: ``out`` is (or can be made) a folder kg can write, not an input
    folder itself (a folder inside an input is skipped when reading, so exports never become
    articles). Raises OutputError naming the path."""
    if out.exists() and not out.is_dir():
        raise OutputError("--out must be a folder, and this is a file", path=out)
    real = Path(os.path.realpath(out))
    for path in inputs:
        if path.is_dir() and Path(os.path.realpath(path)) == real:
            raise OutputError("--out is an input folder; its exports would be read as articles "
                              "next time: choose another folder", path=out)
    existing = next(p for p in (out.absolute(), *out.absolute().parents) if p.exists())
    try:
        if not existing.is_dir():
            raise NotADirectoryError(20, "not a directory")
        with tempfile.TemporaryFile(dir=existing):  # created and gone: nothing written yet
            pass
    except OSError as err:
        raise OutputError(f"cannot write to the output folder: {err.strerror or err}", path=out) from None


@dataclass(frozen=True)
class ExportSummary:
    text: str
    conforms: bool
    violations: int
    report: Path


def write_exports(dataset: Dataset, result: BuildReport, out: Path, images: bool = True,
                  article_images: bool = False) -> ExportSummary:
    """``images``: graph.png/.svg of the whole build; ``article_images``: one PNG per article too
    (opt-in: drawing each article cost as much as parsing it; kg draw articles/<id>.ttl draws one)."""
    from kg.drawing import draw, to_networkx, too_big, write_graphml

    for built in result.built:
        graph = dataset.graph(built.graph)
        stem = out / "articles" / built.article.id
        write_text(stem.with_suffix(".ttl"), turtle(graph))
        write_json(stem.with_suffix(".json"), summarize(graph))
        if article_images:
            title = built.article.title or built.article.id
            write_with(stem.with_suffix(".png"), lambda tmp, g=graph, t=title: draw(to_networkx(g), tmp, t))
    union = merged(dataset)
    write_text(out / "graph.trig", trig(dataset))
    write_text(out / "graph.ttl", turtle(union))
    write_text(out / "graph.jsonld", jsonld(union))
    g = to_networkx(union)  # one walk of the union for the GraphML and the drawing
    write_with(out / "graph.graphml", lambda tmp: write_graphml(g, tmp))
    if images:
        title = (result.built[0].article.title or result.built[0].article.id) if len(result.built) == 1 \
            else f"{len(result.built)} articles"
        if reason := too_big(g):  # a corpus: kg draw --focus draws its parts
            print(f"kg: graph.png/.svg not drawn: {reason}", file=sys.stderr)
        else:
            _draw_once(g, f"kg: {title}", [out / "graph.png", out / "graph.svg"])
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
