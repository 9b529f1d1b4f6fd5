"""Determinism and safe output (issue 5).

* The same input gives byte-identical Turtle and TriG, whatever the hash seed of the process
  (set iteration order must never leak into an export).
* Every export is written to a temporary file and renamed into place: a build killed at any point
  (SIGKILL, SIGTERM, Ctrl-C) leaves each export either the previous complete file or the new
  complete file, never a truncated one; re-running the build completes the new exports.

Builds that would need Stanza use the CoNLL-U parse fixtures (mapping level) or the model-free
`fake_parser` of conftest.py (CLI level); the real-model build is skipped while the
bundled models are incomplete.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import FAKE_PARSER, REPO, SEED, TESTS, kg_env, needs_models
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph

from kg.cli import main
from kg.errors import ExitCode
from kg.extract.article import extract
from kg.graph.export import trig, turtle, write_text
from kg.graph.rdf import add_article, new_dataset
from kg.ingest import iter_articles
from kg.nlp.parse import from_conllu

FIXTURES = TESTS / "fixtures"
BUILD_INPUTS = [FIXTURES / "inputs", FIXTURES / "articles"]  # 6 articles, 4 formats
EXPORTS = ("graph.ttl", "graph.trig", "validation.txt")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_python(source: str, *args: str | Path, hash_seed: str = "0", returncode: int = 0,
               timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**kg_env(), "PYTHONHASHSEED": hash_seed}
    proc = subprocess.run([sys.executable, "-c", source, *map(str, args)], capture_output=True,
                          text=True, env=env, cwd=REPO, timeout=timeout)
    assert proc.returncode == returncode, proc.stderr
    return proc


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by relative path (temporary leftovers included)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------- determinism

MAPPING_SCRIPT = """
import sys
from pathlib import Path

from kg.graph.export import merged, trig, turtle
from kg.extract.article import extract
from kg.ingest import iter_articles
from kg.nlp.parse import from_conllu
from kg.graph.rdf import add_article, new_dataset


def export_fixtures(fixtures: Path, out: Path) -> None:
    dataset = new_dataset()
    for article in iter_articles([fixtures / "articles"]):
        conllu = (fixtures / "parses" / f"{article.path.stem}.conllu").read_text(encoding="utf-8")
        parse = from_conllu(conllu, text=article.text)
        iri = add_article(dataset, article, parse, extract(parse, article.date))
        (out / f"{article.id}.ttl").write_text(turtle(dataset.graph(iri)), encoding="utf-8")
    (out / "graph.ttl").write_text(turtle(merged(dataset)), encoding="utf-8")
    (out / "graph.trig").write_text(trig(dataset), encoding="utf-8")


if __name__ == "__main__":
    export_fixtures(Path(sys.argv[1]), Path(sys.argv[2]))
"""


DRAWING_SCRIPT = """
import sys
from pathlib import Path

import networkx as nx

from kg.drawing import draw, neighbourhood, to_networkx
from kg.graph.loading import load_graph

out, fixture = Path(sys.argv[1]), sys.argv[2]
g = to_networkx(load_graph(fixture))
draw(neighbourhood(g, "Pilgub Sumatera Tengah 2024", radius=1), out / "focus.svg")
parts = nx.MultiDiGraph()  # several small components: a layout per component
for i in range(6):
    ring = [f"https://example.org/{i}/{j}" for j in range(3 + i % 2)]
    parts.add_nodes_from((n, {"label": n[-3:], "kind": "person"}) for n in ring)
    parts.add_edges_from((a, b, {"label": "with", "predicate": "p"}) for a, b in zip(ring, ring[1:] + ring[:1]))
draw(parts, out / "parts.svg")
"""


def test_drawings_are_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    """A neighbourhood (--focus) and a graph of small components: networkx iterates a small
    subgraph's nodes in hash order, which must not reach the layout."""
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed-{seed}"
        out.mkdir()
        run_python(DRAWING_SCRIPT, out, FIXTURES / "graphs" / "election.ttl", hash_seed=seed)
        outputs.append(files_of(out))
    assert set(outputs[0]) == {"focus.svg", "parts.svg"}
    assert outputs[0] == outputs[1]


def test_mapping_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    """Fixed parses -> extraction -> RDF -> Turtle/TriG, in processes with different hash seeds
    and in this one: the same bytes every time."""
    outputs = {}
    for seed in ("0", "4242"):
        out = tmp_path / f"seed-{seed}"
        out.mkdir()
        run_python(MAPPING_SCRIPT, FIXTURES, out, hash_seed=seed)
        outputs[seed] = files_of(out)
    here = tmp_path / "in-process"
    here.mkdir()
    namespace: dict[str, object] = {"__name__": "mapping"}
    exec(compile(MAPPING_SCRIPT, "mapping", "exec"), namespace)
    namespace["export_fixtures"](FIXTURES, here)  # type: ignore[operator]
    outputs["in-process"] = files_of(here)

    first = outputs["0"]
    assert {"graph.ttl", "graph.trig"} <= set(first) and len(first) >= 4
    assert all(len(content) > 1000 for content in first.values())
    for name, files in outputs.items():
        assert files == first, f"exports differ between hash seed 0 and {name}"


CLI_SCRIPT = """
import sys

from conftest import FAKE_PARSER
from kg.cli import main

sys.exit(main(sys.argv[1:], parser=FAKE_PARSER))
"""


def test_cli_build_is_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    """`kg build` of text, front matter, HTML and JSON Lines inputs, twice, different hash seeds:
    every export (per-article Turtle and JSON, merged Turtle, TriG, validation report) is equal.
    (berita-batch.jsonl has a malformed line 2, hence BAD_RECORD.)"""
    outputs = []
    for seed in ("1", "987654"):
        out = tmp_path / f"seed-{seed}"
        run_python(CLI_SCRIPT, "build", *BUILD_INPUTS, "--out", out, "--no-images", "--no-cache",
                   hash_seed=seed, returncode=ExitCode.BAD_RECORD)
        outputs.append(files_of(out))
    assert set(EXPORTS) <= set(outputs[0])
    assert len([name for name in outputs[0] if name.startswith("articles/")]) == 12
    assert outputs[0] == outputs[1]


@pytest.mark.slow
@needs_models
def test_model_build_is_byte_identical(tmp_path: Path) -> None:
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run
        assert main(["build", str(SEED), "--out", str(out), "--no-images", "--no-cache"]) == 0
        outputs.append(files_of(out))
    assert outputs[0] == outputs[1]


@settings(max_examples=10, deadline=None)
@given(order=st.randoms(use_true_random=False))
def test_turtle_and_trig_ignore_insertion_order(order: random.Random) -> None:
    """Adding the same triples in another order gives the same bytes."""
    dataset = _fixture_dataset()
    shuffled = new_dataset()
    graphs = list(dataset.graphs())
    order.shuffle(graphs)
    for graph in graphs:
        triples = list(graph)
        order.shuffle(triples)
        target = shuffled.graph(graph.identifier)
        for triple in triples:
            target.add(triple)
    for graph in dataset.graphs():
        assert turtle(shuffled.graph(graph.identifier)) == turtle(graph)
    assert trig(shuffled) == trig(dataset)


_DATASET: list[Dataset] = []


def _fixture_dataset() -> Dataset:
    """The dataset of the CoNLL-U fixtures, built once."""
    if not _DATASET:
        dataset = new_dataset()
        for article in iter_articles([FIXTURES / "articles"]):
            conllu = (FIXTURES / "parses" / f"{article.path.stem}.conllu").read_text("utf-8")
            parse = from_conllu(conllu, text=article.text)
            add_article(dataset, article, parse, extract(parse, article.date))
        _DATASET.append(dataset)
    return _DATASET[0]


# --------------------------------------------------------------------------- atomic writes

# A process started from a background job inherits SIGINT ignored; the scripts that are
# interrupted restore Python's Ctrl-C handling, as a user's terminal gives it.
CTRL_C = "import signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n"

WRITER_SCRIPT = CTRL_C + """
import hashlib
import sys
import time
from pathlib import Path

from kg.graph.export import atomic_file, write_text


def make_text(lines: int) -> str:
    base = "https://w3id.org/kg-pemilu/id/person/"
    return "@prefix schema: <https://schema.org/> .\\n\\n" + "".join(
        f'<{base}p{i}> schema:name "Orang ke-{i} \\\\"kutip\\\\"" .\\n' for i in range(lines))


if __name__ == "__main__":
    target, mode, lines = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    text = make_text(lines)
    print(hashlib.sha256(text.encode()).hexdigest(), flush=True)
    if mode == "whole":  # one write_text call, as kg's exports are written
        print("writing", flush=True)
        write_text(target, text)
    else:  # the same text in slow chunks, so a signal surely lands while the temp file is open
        with atomic_file(target) as f:
            size = len(text) // 40 + 1
            for n, start in enumerate(range(0, len(text), size)):
                f.write(text[start:start + size])
                f.flush()
                if n == 0:
                    print("writing", flush=True)
                time.sleep(0.025)
    print("done", flush=True)
"""


def make_text(lines: int) -> str:
    """The writer's text, made in this process."""
    namespace: dict[str, object] = {"__name__": "writer"}
    exec(compile(WRITER_SCRIPT, "writer", "exec"), namespace)
    return namespace["make_text"](lines)  # type: ignore[operator]


OLD_TURTLE = """\
@prefix schema: <https://schema.org/> .

<https://w3id.org/kg-pemilu/id/person/lama> schema:name "Ekspor sebelumnya" .
"""


def start_writer(target: Path, mode: str, lines: int) -> tuple[subprocess.Popen[str], str]:
    """Start the writer; return it once it is about to write, with the new content's hash."""
    proc = subprocess.Popen([sys.executable, "-c", WRITER_SCRIPT, str(target), mode, str(lines)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=kg_env())
    assert proc.stdout is not None
    new_hash = proc.stdout.readline().strip()
    assert proc.stdout.readline().strip() == "writing", proc.stderr.read() if proc.stderr else ""
    return proc, new_hash


def assert_old_or_new(target: Path, old_hash: str, new_hash: str, lines: int) -> str:
    """The export is one complete version, readable as Turtle; returns which one."""
    found = sha256(target)
    assert found in (old_hash, new_hash), "the export is neither the old nor the new file"
    if found == old_hash:
        graph = Graph().parse(target, format="turtle")
        assert len(graph) == 1
        return "old"
    store = ox.Store()
    store.bulk_load(path=str(target), format=ox.RdfFormat.TURTLE)
    assert len(store) == lines
    return "new"


def leftovers(folder: Path, name: str) -> list[Path]:
    return [p for p in folder.iterdir() if p.name != name]


@pytest.mark.parametrize(
    "sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["kill", "term", "ctrl-c"]
)
def test_signal_during_write_keeps_previous_file(sig: signal.Signals, tmp_path: Path) -> None:
    target = tmp_path / "graph.ttl"
    write_text(target, OLD_TURTLE)
    old_hash = sha256(target)
    lines = 20_000
    proc, new_hash = start_writer(target, "chunks", lines)
    time.sleep(0.15)  # a few chunks into the temporary file
    proc.send_signal(sig)
    proc.wait(timeout=30)
    assert proc.returncode != 0
    assert assert_old_or_new(target, old_hash, new_hash, lines) == "old"
    stray = leftovers(tmp_path, target.name)
    if sig == signal.SIGINT:  # KeyboardInterrupt: atomic_file removes its temporary file
        assert stray == []
    else:  # a killed process cannot clean up; its temporary file is hidden and never the export
        assert all(p.name.startswith(".graph.ttl.") and p.name.endswith(".tmp") for p in stray)

    write_text(target, make_text(lines))  # the re-run
    assert assert_old_or_new(target, old_hash, new_hash, lines) == "new"


def test_kill_at_any_moment_of_write_text(tmp_path: Path) -> None:
    """write_text of a big Turtle, killed after various delays: old or new, never partial."""
    lines = 150_000
    seen = set()
    for delay in (0.0, 0.03):
        for sig in (signal.SIGKILL, signal.SIGINT):
            target = tmp_path / f"{sig.name}-{delay}" / "graph.ttl"
            write_text(target, OLD_TURTLE)
            old_hash = sha256(target)
            proc, new_hash = start_writer(target, "whole", lines)
            time.sleep(delay)
            proc.send_signal(sig)
            proc.wait(timeout=60)
            seen.add(assert_old_or_new(target, old_hash, new_hash, lines))
            for stray in leftovers(target.parent, target.name):
                assert stray.name.startswith(".graph.ttl.") and sig == signal.SIGKILL, stray
    assert "old" in seen


# --------------------------------------------------------------------------- interrupted builds

INTERRUPTIBLE_BUILD = CTRL_C + """
import sys
import time

import kg.graph.export
import kg.graph.outputs
from conftest import FAKE_PARSER
from kg.cli import main

real_write_text = kg.graph.outputs.write_text


def announced(path, text):
    print("export", path.name, flush=True)
    time.sleep(0.15)  # time for the test to interrupt the build between two exports
    return real_write_text(path, text)


kg.graph.outputs.write_text = announced
kg.graph.export.write_text = announced  # what kg.graph.export.write_json calls
sys.exit(main(sys.argv[1:], parser=FAKE_PARSER))
"""


@dataclass(frozen=True)
class Builds:
    old_source: Path
    new_source: Path
    old: Path  # a complete export of old_source
    new: Path  # a complete export of new_source


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    """Two versions of the same articles (same ids, different text), each built once."""
    root = tmp_path_factory.mktemp("builds")
    old, new = root / "old-source", root / "new-source"
    for folder in (old, new):
        folder.mkdir()
    seed = SEED.read_text(encoding="utf-8")
    rakor = (FIXTURES / "articles" / "rakor_kpu_jabar.txt").read_text(encoding="utf-8")
    (old / "sumsel.txt").write_text(seed.split("\n\n")[0] + "\n", encoding="utf-8")
    (old / "rakor.txt").write_text(rakor.split("\n\n")[0] + "\n", encoding="utf-8")
    (new / "sumsel.txt").write_text(seed, encoding="utf-8")
    (new / "rakor.txt").write_text(rakor, encoding="utf-8")
    build_in_process(old, root / "old-export")
    build_in_process(new, root / "new-export")
    return Builds(old, new, root / "old-export", root / "new-export")


def build_in_process(source: Path, out: Path) -> dict[str, bytes]:
    assert main(["build", str(source), "--out", str(out), "--no-images", "--no-cache"], parser=FAKE_PARSER) == 0
    return files_of(out)


@pytest.mark.parametrize(
    ("sig", "at_export"),
    [(signal.SIGKILL, "graph.trig"), (signal.SIGINT, "articles/rakor.json")],
    ids=["kill-before-trig", "ctrl-c-between-articles"],
)
def test_interrupted_build_keeps_exports_and_rerun_completes(
    sig: signal.Signals, at_export: str, builds: Builds, tmp_path: Path,
) -> None:
    old_files, new_files = files_of(builds.old), files_of(builds.new)
    names = set(new_files)
    assert names == set(old_files) and all(old_files[n] != new_files[n] for n in EXPORTS[:2])

    out = tmp_path / "out"
    shutil.copytree(builds.old, out)
    proc = subprocess.Popen(
        [sys.executable, "-c", INTERRUPTIBLE_BUILD, "build", str(builds.new_source),
         "--out", str(out), "--no-images", "--no-cache"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=kg_env(), cwd=REPO,
    )
    assert proc.stdout is not None and proc.stderr is not None
    announced = []
    for line in proc.stdout:
        announced.append(line.split()[-1])
        if announced[-1] == Path(at_export).name:
            proc.send_signal(sig)
            break
    proc.wait(timeout=60)
    stderr = proc.stderr.read()
    assert Path(at_export).name in announced, (announced, stderr)

    if sig == signal.SIGINT:
        assert proc.returncode == 130, stderr
        assert "interrupted" in stderr and "Traceback" not in stderr
    else:
        assert proc.returncode == -sig

    after = files_of(out)
    assert set(after) == names, "no export may vanish and no temporary file may remain"
    versions = {}
    for name in sorted(names):
        assert after[name] in (old_files[name], new_files[name]), f"{name} is a partial file"
        versions[name] = "new" if after[name] == new_files[name] else "old"
        if name.endswith(".ttl"):
            Graph().parse(out / name, format="turtle")
        elif name.endswith(".trig"):
            Dataset().parse(out / name, format="trig")
    assert versions[at_export] == "old" and "new" in versions.values()

    rerun = build_in_process(builds.new_source, out)
    assert rerun == new_files, "re-running must complete the build"
