"""A race in the picture: the contest at the centre, its tickets as numbered edges to their
candidates (with the most final share and the outcome), running mates and nominating parties
beside them, court cases pointing at the race; no ticket or result nodes."""

from __future__ import annotations

from pathlib import Path

from conftest import ELECTION_TTL

from kg.drawing import draw, neighbourhood, to_networkx
from kg.graph.loading import load_graph


def labelled_edges(g) -> set[tuple[str, str, str]]:
    return {(g.nodes[u]["label"], d["label"], g.nodes[v]["label"]) for u, v, d in g.edges(data=True)}


def test_a_race_reads_as_numbered_pairs(tmp_path: Path) -> None:
    g = to_networkx(load_graph(str(ELECTION_TTL)))
    kinds = {d["label"]: d["kind"] for _, d in g.nodes(data=True)}
    assert kinds["Pilgub Sumatera Tengah 2024"] == "contest"
    assert not any("/candidacy/" in n or "/result/" in n for n in g)
    assert {("Pilgub Sumatera Tengah 2024", "no. 1 · 45,6%", "Rahmat Wibisono"),
            ("Pilgub Sumatera Tengah 2024", "no. 2 · 54,4% · elected", "Yohanes Tambunan"),
            ("Pilbup Lembah Hijau 2024", "no. 1", "Agus Salim Pohan"),
            ("Rahmat Wibisono", "running mate", "Sari Anggraini"),
            ("PDIP", "nominates", "Yohanes Tambunan"),
            ("Koalisi Sumatera Maju", "includes", "PKB"),
            ("Pilgub Sumatera Tengah 2024", "part of", "Pilkada Serentak 2024"),
            ("Pilgub Sumatera Tengah 2024", "for", "Sumatera Tengah"),
            ("Perkara 12/PHPU.BUP-XXIII/2025", "about", "Pilbup Lembah Hijau 2024"),
            ("Perkara 12/PHPU.BUP-XXIII/2025", "petitioner", "Agus Salim Pohan"),
            ("Perkara 12/PHPU.BUP-XXIII/2025", "court", "MK")} <= labelled_edges(g)
    race = neighbourhood(g, "Pilgub Sumatera Tengah 2024", radius=1)
    assert {d["label"] for _, d in race.nodes(data=True)} == {
        "Pilgub Sumatera Tengah 2024", "Rahmat Wibisono", "Yohanes Tambunan", "Sumatera Tengah",
        "Pilkada Serentak 2024"}
    out = draw(race, tmp_path / "race.svg", "Pilgub Sumatera Tengah 2024")
    svg = out.read_text(encoding="utf-8")
    assert "no. 2 · 54,4% · elected" in svg and "kontestasi / contest" in svg


def test_the_explorer_colours_nodes_as_the_drawing_does() -> None:
    """A contest is an event too, yet both show it in the contest colour of the legend."""
    from rdflib import RDF

    from kg.drawing import KIND_STYLE
    from kg.serve.explorer import style

    graph = load_graph(str(ELECTION_TTL))
    g = to_networkx(graph)
    for node, d in g.nodes(data=True):
        classes = [str(c) for c in graph.objects(node, RDF.type)]
        assert style(classes)[0] == KIND_STYLE[d["kind"]][0], d["label"]


def test_a_node_is_drawn_with_one_of_its_labels_whatever_the_graphs_order() -> None:
    """After resolution an entity keeps each article's own rdfs:label; the picture and the GraphML
    take the shortest, so two builds never label it differently."""
    from rdflib import RDF, RDFS, Graph, Literal, URIRef

    from kg.graph.vocab import SCHEMA

    kpu, event = URIRef("https://example.org/org/kpu"), URIRef("https://example.org/event/1")
    for labels in (["KPU", "Komisi Pemilihan Umum"], ["Komisi Pemilihan Umum", "KPU"]):
        g = Graph()
        g.add((kpu, RDF.type, SCHEMA.GovernmentOrganization))
        g.add((kpu, SCHEMA.name, Literal("Komisi Pemilihan Umum")))
        for label in labels:
            g.add((kpu, RDFS.label, Literal(label)))
        g.add((event, SCHEMA.attendee, kpu))
        g.add((event, SCHEMA.name, Literal("Rapat pleno")))
        assert to_networkx(g).nodes[kpu]["label"] == "KPU"
        assert to_networkx(g).nodes[event]["label"] == "Rapat pleno"
