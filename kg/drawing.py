"""Relationship graphs with NetworkX and matplotlib, readable by a person.

Nodes are persons, organizations, places, posts, events and contests, coloured by class with
a legend; edges carry short labels (holds, in, at, with, said). Literals, provenance
and quotations stay out of the picture: they are in the RDF. A ticket is drawn as edges, not
as a node: the contest points at its candidate with the ballot number (and the most final
share of the vote the graph has), the candidate at the running mate, the parties at the
candidate; so a race reads as a star of numbered pairs.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import numpy as np
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.term import Node

from kg.graph.vocab import ELEC, ORG, SCHEMA, kind_of

KIND_STYLE = {  # kind: (colour, legend label)
    "person": ("#e15759", "orang / person"),
    "organization": ("#4e79a7", "lembaga / organization"),
    "place": ("#59a14f", "tempat / place"),
    "post": ("#f28e2b", "jabatan / post"),
    "event": ("#b07aa1", "peristiwa / event"),
    "contest": ("#edc948", "kontestasi / contest"),
}
OTHER_STYLE = ("#bab0ac", "lainnya / other")  # a node of none of the kinds
EDGE_LABELS = {
    ORG.holds: "holds", ORG.postIn: "in", ELEC.jurisdiction: "for", ELEC.locatedIn: "in",
    SCHEMA.location: "at", SCHEMA.attendee: "with", SCHEMA.affiliation: "member of",
    SCHEMA.superEvent: "part of", ELEC.court: "court", ORG.hasMember: "includes",
}
STAGE_RANK = {stage: rank for rank, stage in enumerate((  # most final first
    ELEC.finalDetermination, ELEC.nationalRecapitulation, ELEC.provinceRecapitulation,
    ELEC.regencyRecapitulation, ELEC.districtRecapitulation, ELEC.pollingStationCount,
    ELEC.realCount, ELEC.quickCount))}


def kind(classes: Iterable[object]) -> str | None:
    """The KIND_STYLE key of a node with these rdf:types (IRIs or strings), or None."""
    classes = {str(c) for c in classes}
    if str(ELEC.Contest) in classes:  # an event too, but drawn as the centre of its race
        return "contest"
    return kind_of(classes)


def style(classes: Iterable[object]) -> tuple[str, str]:
    """(colour, legend label) of a node with these rdf:types: the drawing's, the GraphML's and
    the explorer's."""
    return KIND_STYLE.get(kind(classes), OTHER_STYLE)


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """The entity-relationship part of an RDF graph as a NetworkX multigraph.

    Node attributes: ``label`` and ``kind``; edge attributes: ``label`` and ``predicate``.
    """
    if isinstance(graph, Dataset):
        from kg.graph.export import merged
        graph = merged(graph)
    g = nx.MultiDiGraph()
    links = sorted(t for p in EDGE_LABELS for t in graph.triples((None, p, None)) if isinstance(t[2], URIRef))
    edges = [(s, o, EDGE_LABELS[p], p) for s, p, o in links]
    for s, o, label, p in edges + election_edges(graph):
        for node in (s, o):
            if node not in g:
                g.add_node(node, label=shown_name(graph, node),
                           kind=kind(graph.objects(node, RDF.type)) or "place")
        if not g.has_edge(s, o, key=str(p)):
            g.add_edge(s, o, key=str(p), label=label, predicate=str(p))
    return g


def shown_name(graph: Graph, node: URIRef) -> str:
    """The name a node is drawn with: its rdfs:label as an article writes it ("KPU"), the shortest
    (then alphabetical) where merged articles give several (graph.value would pick any, so two
    builds labelled it differently), else its schema:name, else the end of its IRI."""
    for predicate in (RDFS.label, SCHEMA.name):
        names = sorted(map(str, graph.objects(node, predicate)), key=lambda n: (len(n), n))
        if names:
            return names[0]
    return node.split("/")[-1]


def _stands_for(graph: Graph, ticket: Node) -> Node | None:
    """Who a ticket is drawn as: its candidate, or the running mate the news names alone."""
    return graph.value(ticket, ELEC.candidate) or graph.value(ticket, ELEC.runningMate)


def election_edges(graph: Graph) -> list[tuple[URIRef, URIRef, str, URIRef]]:
    """(source, target, label, predicate) for tickets and court cases, which are not drawn as nodes.

    A ticket becomes contest -"no. 1 · 54,4%"-> candidate, candidate -"running mate"-> mate and
    party -"nominates"-> candidate; a court case points at its contest, and at the candidate of a
    ticket that is its petitioner or respondent.
    """
    edges = []
    for ticket in sorted(graph.subjects(RDF.type, ELEC.Candidacy)):
        contest, mate, head = (graph.value(ticket, ELEC.contest), graph.value(ticket, ELEC.runningMate),
                               _stands_for(graph, ticket))
        if not isinstance(contest, URIRef) or not isinstance(head, URIRef):
            continue
        edges.append((contest, head, ticket_label(graph, ticket), ELEC.candidate))
        if isinstance(mate, URIRef) and mate != head:
            edges.append((head, mate, "running mate", ELEC.runningMate))
        edges += [(party, head, "nominates", ELEC.nominatedBy)
                  for party in sorted(graph.objects(ticket, ELEC.nominatedBy)) if isinstance(party, URIRef)]
    for case in sorted(graph.subjects(RDF.type, ELEC.CourtCase)):
        for p, label in ((ELEC.contest, "about"), (ELEC.petitioner, "petitioner"), (ELEC.respondent, "respondent")):
            for party in sorted(graph.objects(case, p)):
                target = _stands_for(graph, party) or party
                if isinstance(target, URIRef):
                    edges.append((case, target, label, p))
    return edges


def ticket_label(graph: Graph, ticket: URIRef) -> str:
    """'no. 2 · 54,4% · elected': the ballot number, the most final share reported, the outcome."""
    number = graph.value(ticket, ELEC.ballotNumber)
    parts = [f"no. {number}" if number is not None else "candidate"]
    shares = sorted((STAGE_RANK.get(graph.value(r, ELEC.stage), len(STAGE_RANK)), str(r), share)
                    for r in graph.subjects(ELEC.resultFor, ticket)
                    if (share := graph.value(r, ELEC.percent)) is not None)
    if shares:
        parts.append(f"{shares[0][2]}%".replace(".", ","))
    if (ticket, ELEC.status, ELEC.elected) in graph:
        parts.append("elected")
    return " · ".join(parts)


def neighbourhood(g: nx.MultiDiGraph, focus: str, radius: int = 2) -> nx.MultiDiGraph:
    """The part of the graph within ``radius`` steps of the node whose label contains ``focus``."""
    wanted = focus.lower()
    matches = sorted(n for n, d in g.nodes(data=True) if wanted in d["label"].lower())
    if not matches:
        raise KeyError(focus)
    exact = [n for n in matches if g.nodes[n]["label"].lower() == wanted]
    centre = (exact or matches)[0]
    return in_order(g, nx.ego_graph(g, centre, radius=radius, undirected=True))


def in_order(g: nx.Graph, nodes: Iterable) -> nx.Graph:
    """The subgraph of ``g`` on ``nodes``, its nodes and edges in ``g``'s order. (NetworkX's own
    subgraph iterates a small node set in hash order, which changes with every Python process,
    and the layout with it.)"""
    keep = set(nodes)
    sub = g.__class__()
    sub.add_nodes_from((n, d) for n, d in g.nodes(data=True) if n in keep)
    edges = g.edges(keys=True, data=True) if g.is_multigraph() else g.edges(data=True)
    sub.add_edges_from(e for e in edges if e[0] in keep and e[1] in keep)
    return sub


def layout(g: nx.MultiDiGraph) -> dict:
    """A force-directed layout per connected component, components packed in rows, largest first.

    Positions are in units of about one node spacing, so the figure can be sized to fit.
    """
    und = nx.Graph(g)
    comps = sorted(nx.connected_components(und), key=lambda c: (-len(c), min(map(str, c))))
    boxes = []
    for comp in comps:
        sub = in_order(und, comp)
        side = 2.2 * math.sqrt(len(comp)) if len(comp) > 1 else 0.0
        raw = spread(sub) if len(comp) > 2 else \
            {n: (float(i), 0.0) for i, n in enumerate(sorted(comp, key=str))}
        xs, ys = [p[0] for p in raw.values()], [p[1] for p in raw.values()]
        span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
        boxes.append((side, {n: ((x - min(xs)) / span * side, (y - min(ys)) / span * side)
                             for n, (x, y) in raw.items()}))
    width = max(max(b[0] for b in boxes), math.sqrt(sum((b[0] + 2) ** 2 for b in boxes)) * 1.4)
    pos, x, y, row = {}, 0.0, 0.0, 0.0
    for side, local in boxes:
        if x > 0 and x + side > width:
            x, y, row = 0.0, y - row - 2.5, 0.0
        pos |= {n: (x + px, y - py) for n, (px, py) in local.items()}
        x, row = x + side + 2.5, max(row, side)
    return pos


def draw(g: nx.MultiDiGraph, path: Path, title: str = "") -> Path:
    """Render to PNG or SVG (by suffix); deterministic layout (fixed seed)."""
    import matplotlib.pyplot as plt

    fig = figure(g, title)
    try:
        return save(fig, path)
    finally:
        plt.close(fig)


NODE_SIZE = 900  # points^2 of a node's disc
NODE_RADIUS = math.sqrt(NODE_SIZE) / 2  # points: where an edge stops short of its node
ARC = 0.08  # bend of an edge (matplotlib's arc3 rad): u->v and v->u curve apart
ARROW = (5.6, 2.8)  # arrowhead length and half-width, points
MARGIN = (0.9, 0.3, 0.9, 1.0)  # inches around the nodes: left, top, right, bottom (labels hang below)
TITLE = 0.45  # inches above the axes for the title
STEPS = np.linspace(0.0, 1.0, 33)[:, None]  # samples along an edge
TURN = np.linspace(-0.5 * np.pi, 1.5 * np.pi, 33)[:, None]  # around a loop
LEGEND_ENTRY = 2.1  # inches of one legend entry in its row


def _limits(values: list[float]) -> tuple[float, float]:
    """The span of the nodes on one axis, one unit wide where they are all level."""
    low, high = (min(values), max(values)) if values else (0.0, 0.0)
    return (low, high) if high > low else (low - 0.5, low + 0.5)


def figure(g: nx.MultiDiGraph, title: str = ""):
    """The drawing as a matplotlib Figure, to save in one or more formats (`save`), then close.

    Nodes are one scatter, edges one LineCollection and their arrowheads one PolyCollection,
    computed here in points, since the axes are placed by hand (no tight_layout, which draws every
    label to measure it): a FancyArrowPatch and a curved label per edge cost most of a build's
    drawing time, on every save (bench/RESULTS.md).
    """
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.hashsalt"] = "kg"  # stable clip-path ids: same graph, same SVG bytes
    matplotlib.rcParams["svg.fonttype"] = "none"  # <text>: searchable, smaller, no glyphs to trace
    matplotlib.rcParams["text.parse_math"] = False  # labels are news text: "$x^$" is drawn as written
    matplotlib.rcParams["text.hinting"] = "none"  # a third of the PNG's time, for no visible gain at its size
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection, PolyCollection
    from matplotlib.lines import Line2D

    pos = layout(g) if g.number_of_nodes() else {}
    (x0, x1), (y0, y1) = (_limits([p[i] for p in pos.values()]) for i in (0, 1))
    width = min(30.0, max(8.0, (x1 - x0 + 2) * 1.05))
    height = min(30.0, max(6.0, y1 - y0 + 2))
    kinds = sorted({d["kind"] for _, d in g.nodes(data=True)} & set(KIND_STYLE))
    columns = max(1, min(len(kinds), int((width - 0.4) // LEGEND_ENTRY)))
    legend = -(-len(kinds) // columns) * 0.25  # inches of legend rows under the title
    left, top, right, bottom = MARGIN
    box = (left / width, bottom / height, 1 - (left + right) / width,
           1 - (bottom + top + TITLE + legend) / height)
    fig = plt.figure(figsize=(width, height), dpi=100)
    ax = fig.add_axes(box)
    ax.axis("off")
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    scale = np.array([box[2] * width * 72 / (x1 - x0), box[3] * height * 72 / (y1 - y0)])  # points per unit
    colours = [KIND_STYLE.get(d["kind"], OTHER_STYLE)[0] for _, d in g.nodes(data=True)]
    ax.scatter([pos[n][0] for n in g], [pos[n][1] for n in g], s=NODE_SIZE, c=colours, alpha=0.9,
               linewidths=0, zorder=2, clip_on=False)  # nodes on the axes' edge stay whole
    lines, heads, labels = edge_shapes(g, pos, scale)
    ax.add_collection(LineCollection(lines, colors="#888888", linewidths=1.1, zorder=1, clip_on=False))
    ax.add_collection(PolyCollection(heads, facecolors="#888888", edgecolors="none", zorder=1, clip_on=False))
    edge_box = {"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7}
    for (x, y), label in labels:
        ax.text(x, y, label, fontsize=8, color="#555555", ha="center", va="center", bbox=edge_box, zorder=1)
    node_box = {"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8}
    for node, (x, y) in pos.items():
        ax.text(x, y - 16 / scale[1], textwrap.fill(g.nodes[node]["label"], 24), ha="center", va="top",
                fontsize=9, bbox=node_box)
    handles = [Line2D([0], [0], marker="o", color="w", markerfacecolor=KIND_STYLE[k][0], markersize=12,
                      label=KIND_STYLE[k][1]) for k in kinds]
    if handles:  # a row under the title, where it hides no node
        fig.legend(handles=handles, loc="upper left", ncols=columns, frameon=False, fontsize=10,
                   bbox_to_anchor=(left / width, 1 - TITLE / height))
    fig.suptitle(title, fontsize=14, y=1 - 0.12 / height, va="top")
    return fig


def edge_shapes(g: nx.MultiDiGraph, pos: dict, scale) -> tuple[list, list, list]:
    """(polylines, arrowheads, (label position, label)) of the edges, in data units.

    Each edge is a quadratic Bezier bent by ARC, sampled in points (``scale``: points per data
    unit, per axis) and cut where it enters the discs of its nodes, with an arrowhead at its end;
    parallel edges share one curve and one label listing their labels.
    """
    pairs: dict[tuple, list[str]] = {}
    for u, v, d in g.edges(data=True):
        if d["label"] not in pairs.setdefault((u, v), []):
            pairs[(u, v)].append(d["label"])
    lines, heads, labels = [], [], []
    for (u, v), names in pairs.items():
        a, b = np.array(pos[u]) * scale, np.array(pos[v]) * scale
        if u == v:  # a loop: a small circle above the node
            kept = curve = a + NODE_RADIUS * np.hstack([np.cos(TURN), 1.0 + np.sin(TURN)]) * [1.0, 1.6]
        else:
            control = (a + b) / 2 + ARC * np.array([b[1] - a[1], a[0] - b[0]])
            curve = (1 - STEPS) ** 2 * a + 2 * (1 - STEPS) * STEPS * control + STEPS ** 2 * b
            kept = _beyond(_beyond(curve, a)[::-1], b)[::-1]
            if len(kept) < 2:
                continue  # the nodes overlap: no edge to see between them
        lines.append(kept / scale)
        labels.append((tuple(curve[len(curve) // 2] / scale), ", ".join(names)))
        tip, back = kept[-1], kept[-2]
        along = (tip - back) / (np.hypot(*(tip - back)) or 1.0)
        side = np.array([-along[1], along[0]])
        length, half = ARROW
        heads.append(np.array([tip, tip - length * along + half * side, tip - length * along - half * side]) / scale)
    return lines, heads, labels


def _beyond(curve, centre):
    """``curve`` (points) from where it leaves the node disc at ``centre`` on, the crossing
    interpolated between samples; empty if it never leaves."""
    far = np.hypot(*(curve - centre).T) > NODE_RADIUS
    if not far.any():
        return curve[:0]
    first = int(np.argmax(far))
    if first == 0:
        return curve
    inner, outer = np.hypot(*(curve[first - 1:first + 1] - centre).T)
    crossing = curve[first - 1] + (NODE_RADIUS - inner) / (outer - inner) * (curve[first] - curve[first - 1])
    return np.vstack([crossing, curve[first:]])


def save(fig, path: Path) -> Path:
    """PNG or SVG by suffix; a big PNG at most MAX_PIXELS on its long side (rasterising and
    compressing a 3,000-pixel canvas cost more than the layout), compressed at zlib level 3
    (a third faster than Pillow's 6, and no bigger on these drawings)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    dpi = min(fig.dpi, MAX_PIXELS / max(fig.get_size_inches()))
    kind = path.suffix.lstrip(".").lower() or "png"
    fig.savefig(path, format=kind, metadata=_metadata(path), dpi=dpi,
                **({"pil_kwargs": {"compress_level": 3}} if kind == "png" else {}))
    return path


MAX_PIXELS = 2000


def _metadata(path: Path) -> dict[str, str | None]:
    """No timestamps or versions in the file, so the same graph gives the same bytes."""
    if path.suffix.lower() == ".svg":
        return {"Date": None, "Creator": "kg"}
    return {"Software": "kg"}


MAX_NODES = 500
"""Most nodes a drawing shows (`kg draw --max-nodes`): beyond a few hundred the picture is an
unreadable hairball that costs minutes and gigabytes; a neighbourhood (--focus) reads better."""


def too_big(g: nx.MultiDiGraph, limit: int = MAX_NODES) -> str | None:
    """Why ``g`` is too big to draw legibly, or None."""
    if g.number_of_nodes() <= limit:
        return None
    return (f"{g.number_of_nodes():,} nodes are too many to draw legibly (the limit is {limit:,}); "
            "draw a part with --focus NAME [--radius N], or raise --max-nodes")


LAYOUT_SEED = 7


def spread(component: nx.Graph) -> dict:
    """Fruchterman-Reingold positions from a fixed seed: the same graph gives the same picture.

    It replaced Kamada-Kawai, which is O(n^2)-O(n^3) through scipy's optimiser and took most of
    a build's drawing time (bench/RESULTS.md); below 500 nodes this needs only numpy.
    """
    k = 2.0 / math.sqrt(component.number_of_nodes())  # twice the default spacing: room for labels
    return nx.spring_layout(component, k=k, seed=LAYOUT_SEED, iterations=100)


def write_graphml(g: nx.MultiDiGraph, path: Path) -> Path:
    """GraphML for Gephi or Cytoscape desktop: nodes with label, kind and the legend's colour,
    edges with label and predicate IRI."""
    out = nx.MultiDiGraph()
    for node, d in g.nodes(data=True):
        out.add_node(str(node), label=d["label"], kind=d["kind"], colour=KIND_STYLE.get(d["kind"], OTHER_STYLE)[0])
    for source, target, key, d in g.edges(keys=True, data=True):
        out.add_edge(str(source), str(target), key=key, label=d["label"], predicate=d["predicate"])
    nx.write_graphml(out, path)
    return path
