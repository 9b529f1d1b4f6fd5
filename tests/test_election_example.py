"""The README's election example: a hand-written debate article built with the bundled models,
then the named queries on its graph. Every pair must come out with its ballot number."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import needs_models

from kg.cli import main
from kg.graph.loading import load_graph
from kg.graph.queries import load_named, named_query, run_rdflib

DEBATE = Path(__file__).parent / "fixtures" / "examples" / "debat_pilwalkot_madiun.txt"
PAIRS = [("1", "Bagus Wicaksono", "Ratna Sari Dewi"), ("2", "Hendro Prasetyo", "Laila Rahmawati"),
         ("3", "Yusuf Hidayat", "Anita Kusumawardani")]

pytestmark = [pytest.mark.slow, needs_models]


@pytest.fixture(scope="module")
def debate(tmp_path_factory):
    out = tmp_path_factory.mktemp("debate")
    assert main(["build", str(DEBATE), "--out", str(out), "--no-images", "--strict"]) == 0
    return load_graph(str(out / "graph.ttl"))


def test_candidates_lists_every_pair_with_its_number(debate) -> None:
    rows = run_rdflib(debate, load_named("candidates")).rows
    assert [tuple(r[1:4]) for r in rows] == PAIRS
    assert len({r[0] for r in rows}) == 1  # one race


def test_parameterised_queries_find_the_race_and_its_people(debate) -> None:
    contest = run_rdflib(debate, named_query("contest", {"name": "pilwalkot madiun 2024"})).rows
    assert {("ticket", f"no. {n}: {a}-{b}") for n, a, b in PAIRS} <= {(r[1], r[2]) for r in contest}
    person = run_rdflib(debate, named_query("person", {"name": "HENDRO PRASETYO"})).rows
    assert any(r[1] == "candidate" and ", no. 2: " in r[2] for r in person)
