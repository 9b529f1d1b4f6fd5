"""Everything `kg build` writes to its output folder, each file written atomically.

    articles/<id>.ttl   one article's named graph       graph.ttl    all articles merged
    articles/<id>.json  its extraction summary          graph.trig   named graphs (provenance)
    articles/<id>.png   its relationship graph          graph.png/.svg, validation.txt
                                                        graph.jsonld, graph.graphml
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
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
from kg.processes import die_with_parent


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


class BackgroundDrawing:
    """graph.png/.svg drawn in a spawned process while this one writes the other exports.

    Drawing is a build's costliest export and shares nothing with the others, so it runs beside
    them; started before the parse, the process has imported matplotlib by the time the graph is
    ready. An interrupted build interrupts the drawing too, which then removes its temporary file
    like any export (kg.graph.export.write_with); the process dies with this one, even by kill -9.
    """

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")  # fork is unsafe once torch has run
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_drawing_worker, args=(child, os.getpid()), daemon=True,
                                         name="kg-drawing")
        self._process.start()
        child.close()
        self._sent: Path | None = None  # the first file of the drawing asked for

    def start(self, g, title: str, paths: list[Path]) -> None:
        self._conn.send((g, title, paths))
        self._sent = paths[0]

    def wait(self) -> None:
        """Until the files asked for are written; re-raises what the drawing raised."""
        if self._sent is None:
            return
        try:
            error = self._conn.recv()
        except EOFError:
            error = OutputError(f"the drawing process died (exit code {self._process.exitcode})",
                                path=self._sent)
        self._process.join()
        if error is not None:
            raise error

    def close(self) -> None:
        """Stop the process: at once if it has nothing to draw, else interrupted (it then removes
        its temporary file); a no-op after `wait`."""
        if not self._process.is_alive():
            return
        with contextlib.suppress(OSError):  # it may have ended meanwhile
            if self._sent is None:
                self._conn.send(None)
            else:
                os.kill(self._process.pid, signal.SIGINT)
        self._process.join(10)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()


def _drawing_worker(conn, parent: int) -> None:
    """BackgroundDrawing's process: import, wait for the graph, draw it, send back None or the error."""
    signal.signal(signal.SIGINT, signal.default_int_handler)  # interruptible even from a background job
    try:
        die_with_parent(parent)
        import matplotlib.pyplot  # noqa: F401 - imported while the parse runs

        import kg.drawing  # noqa: F401
        job = conn.recv()
        if job is None:
            return
        try:
            _draw_once(*job)
        except Exception as err:  # noqa: BLE001 - the build reports it
            conn.send(err)
        else:
            conn.send(None)
    except (KeyboardInterrupt, EOFError):  # the build was interrupted or is gone: nothing to say
        pass


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
                  article_images: bool = False, drawing: BackgroundDrawing | None = None) -> ExportSummary:
    """``images``: graph.png/.svg of the whole build, by ``drawing`` while the other exports are
    written if given (else here, first); ``article_images``: one PNG per article too (opt-in:
    drawing each article cost as much as parsing it; kg draw articles/<id>.ttl draws one)."""
    from kg.drawing import draw, to_networkx, too_big, write_graphml

    union = merged(dataset)
    g = to_networkx(union)  # one walk of the union for the GraphML and the drawing
    if images:
        title = (result.built[0].article.title or result.built[0].article.id) if len(result.built) == 1 \
            else f"{len(result.built)} articles"
        if reason := too_big(g):  # a corpus: kg draw --focus draws its parts
            print(f"kg: graph.png/.svg not drawn: {reason}", file=sys.stderr)
        elif drawing:
            drawing.start(g, f"kg: {title}", [out / "graph.png", out / "graph.svg"])
        else:
            _draw_once(g, f"kg: {title}", [out / "graph.png", out / "graph.svg"])
    for built in result.built:
        graph = dataset.graph(built.graph)
        stem = out / "articles" / built.article.id
        write_text(stem.with_suffix(".ttl"), turtle(graph))
        write_json(stem.with_suffix(".json"), summarize(graph))
        if article_images:
            title = built.article.title or built.article.id
            write_with(stem.with_suffix(".png"), lambda tmp, g=graph, t=title: draw(to_networkx(g), tmp, t))
    write_text(out / "graph.trig", trig(dataset))
    write_text(out / "graph.ttl", turtle(union))
    write_text(out / "graph.jsonld", jsonld(union))
    write_with(out / "graph.graphml", lambda tmp: write_graphml(g, tmp))
    check = validate(union)
    report = write_text(out / "validation.txt", check.text)
    if drawing:
        drawing.wait()
    entities = sum(len(b.extraction.entities) for b in result.built)
    facts = sum(len(b.extraction.holdings) + len(b.extraction.events) + len(b.extraction.quotes)
                + len(b.extraction.figures) for b in result.built)
    text = (f"kg: {len(result.built)} articles ({result.parsed} parsed, "
            f"{len(result.built) - result.parsed} from cache), {entities} entities, {facts} facts, "
            f"{len(union)} triples in {result.seconds:.1f}s; SHACL "
            f"{'conforms' if check.conforms else f'{check.violations} violation(s)'}; wrote {out}/")
    return ExportSummary(text, check.conforms, check.violations, report)
