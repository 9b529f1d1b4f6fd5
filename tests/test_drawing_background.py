"""kg build draws graph.png/.svg in a spawned process while it writes the other exports: the
same bytes as drawing in the build's own process, its failures reported by the build, and a
process with nothing to draw (or a build that stops early) ended without leftovers."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ELECTION_TTL

from kg.drawing import to_networkx
from kg.errors import OutputError
from kg.graph.loading import load_graph
from kg.graph.outputs import BackgroundDrawing, _draw_once


@pytest.fixture(scope="module")
def election():
    return to_networkx(load_graph(str(ELECTION_TTL)))


def test_the_background_drawing_is_the_one_drawn_here(election, tmp_path: Path) -> None:
    here, there = tmp_path / "here", tmp_path / "there"
    _draw_once(election, "kg: uji", [here / "graph.png", here / "graph.svg"])
    drawing = BackgroundDrawing()
    try:
        drawing.start(election, "kg: uji", [there / "graph.png", there / "graph.svg"])
        drawing.wait()
    finally:
        drawing.close()
    for name in ("graph.png", "graph.svg"):
        assert (there / name).read_bytes() == (here / name).read_bytes(), name
    assert sorted(p.name for p in there.iterdir()) == ["graph.png", "graph.svg"]  # no temporary file


def test_a_failed_drawing_is_the_builds_error(election, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    drawing = BackgroundDrawing()
    try:
        drawing.start(election, "kg: uji", [blocker / "graph.png"])
        with pytest.raises(OutputError, match="graph.png"):
            drawing.wait()
    finally:
        drawing.close()


def test_a_drawing_never_asked_for_ends_its_process() -> None:
    drawing = BackgroundDrawing()
    drawing.wait()  # nothing was asked: returns at once
    drawing.close()
    assert not drawing._process.is_alive() and drawing._process.exitcode == 0


def test_an_interrupted_drawing_leaves_no_temporary_file(election, tmp_path: Path) -> None:
    """A build that fails or is interrupted while the drawing runs interrupts it: each file is
    then whole or absent, as for every export."""
    drawing = BackgroundDrawing()
    drawing.start(election, "kg: uji", [tmp_path / "graph.png", tmp_path / "graph.svg"])
    drawing.close()
    assert not drawing._process.is_alive()
    assert {p.name for p in tmp_path.iterdir()} <= {"graph.png", "graph.svg"}
