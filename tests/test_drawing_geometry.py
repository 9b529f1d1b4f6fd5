"""The edges of a drawing are computed by kg (drawing.edge_shapes), not by a matplotlib patch
per edge: each stops at the rim of its nodes' discs with its arrowhead there, a pair of
opposite edges bends apart, parallel edges share one curve and one label."""

from __future__ import annotations

import networkx as nx
import numpy as np

from kg.drawing import NODE_RADIUS, edge_shapes

SCALE = np.array([10.0, 20.0])  # points per data unit, unequal like a wide figure's


def graph(*edges: tuple[str, str, str]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for u, v, label in edges:
        g.add_edge(u, v, key=label, label=label, predicate=label)
    return g


def points(xy) -> np.ndarray:
    return np.asarray(xy) * SCALE


def test_an_edge_runs_from_rim_to_rim_with_its_arrowhead_at_the_target() -> None:
    pos = {"a": (0.0, 0.0), "b": (30.0, 5.0)}
    lines, heads, labels = edge_shapes(graph(("a", "b", "with")), pos, SCALE)
    line = points(lines[0])
    assert np.isclose(np.hypot(*(line[0] - points(pos["a"]))), NODE_RADIUS, rtol=0.02)
    assert np.isclose(np.hypot(*(line[-1] - points(pos["b"]))), NODE_RADIUS, rtol=0.02)
    assert np.allclose(points(heads[0])[0], line[-1])  # the tip where the line ends
    assert labels[0][1] == "with"


def test_opposite_edges_bend_apart_and_parallel_ones_share_a_label() -> None:
    pos = {"a": (0.0, 0.0), "b": (30.0, 0.0)}
    g = graph(("a", "b", "holds"), ("a", "b", "with"), ("b", "a", "in"))
    lines, heads, labels = edge_shapes(g, pos, SCALE)
    assert len(lines) == len(heads) == 2
    assert [name for _, name in labels] == ["holds, with", "in"]
    (_, y_ab), (_, y_ba) = (xy for xy, _ in labels)
    assert y_ab * y_ba < 0  # one above the axis, one below


def test_nodes_on_top_of_each_other_get_no_edge() -> None:
    lines, heads, labels = edge_shapes(graph(("a", "b", "with")), {"a": (1.0, 1.0), "b": (1.0, 1.0)}, SCALE)
    assert lines == heads == labels == []
