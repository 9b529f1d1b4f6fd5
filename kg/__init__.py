"""kg: Indonesian election news -> an RDF knowledge graph.

    >>> import kg
    >>> ds = kg.build("seeds/")               # rdflib.Dataset, one named graph per article
    >>> g = kg.to_networkx(ds)                   # networkx.MultiDiGraph of the entities
    >>> kg.draw(g, "graph.png", title="seed") # PNG or SVG

The flow is one way: article -> Stanza document (kg.nlp) -> mentions and entities
(kg.extract.mentions, kg.extract.entities) -> facts with provenance (kg.extract.article) -> RDF (kg.graph.rdf) ->
exports, images and SPARQL (kg.graph.outputs, kg.drawing, kg.graph.queries).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx
    import rdflib

__version__ = "0.1.0"


def build(source, **options) -> rdflib.Dataset:
    """Text, a file, a folder or several paths -> RDF dataset (see kg.builder.build)."""
    from kg.builder import build as _build
    return _build(source, **options)


def to_networkx(graph: rdflib.Graph) -> nx.MultiDiGraph:
    """Persons, organizations, places, posts and events with their links (see kg.drawing)."""
    from kg.drawing import to_networkx as _to_networkx
    return _to_networkx(graph)


def draw(graph: nx.MultiDiGraph, path: str | Path, title: str = "") -> Path:
    """Draw a graph from `to_networkx` to PNG or SVG."""
    from kg.drawing import draw as _draw
    return _draw(graph, Path(path), title)


def load_pipeline(models: str | Path = "bundled", **stanza_kwargs):
    """An offline Indonesian stanza.Pipeline (see kg.nlp.pipeline.load_pipeline)."""
    from kg.nlp.pipeline import load_pipeline as _load
    return _load(models, **stanza_kwargs)
