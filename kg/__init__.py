"""kg: Indonesian election news -> an RDF knowledge graph.

    >>> import kg
    >>> ds = kg.build("seeds/")                 # rdflib.Dataset, one named graph per article
    >>> ds = kg.build_text("Ketua KPU ...")     # or one article's text
    >>> g = kg.to_networkx(ds)                  # networkx.MultiDiGraph of the entities
    >>> kg.draw(g, "graph.png", title="seed")   # PNG or SVG
    >>> store = kg.Store(".kg-store", write=True); store.sync(["corpus/"])   # many articles

The flow is one way: kg.ingest (articles) -> kg.nlp (Stanza parses) -> kg.extract (mentions,
entities, facts with evidence) -> kg.graph (RDF, resolution, store, exports, SPARQL); kg.builder
runs it, kg.drawing draws it and kg.cli is a thin command line over these same functions.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx
    import rdflib

    from kg.builder import Paths

__version__ = "0.1.0"
__all__ = ["Store", "build", "build_text", "draw", "load_pipeline", "to_networkx"]


def build(paths: Paths, **options: Any) -> rdflib.Dataset:
    """A file, a folder or a list of them -> the resolved RDF dataset (see kg.builder.build).

    A missing path raises kg.errors.InputError naming it.
    """
    from kg.builder import build as _build
    return _build(paths, **options)


def build_text(text: str, **options: Any) -> rdflib.Dataset:
    """One article's text -> its RDF dataset (see kg.builder.build_text)."""
    from kg.builder import build_text as _build_text
    return _build_text(text, **options)


def to_networkx(graph: rdflib.Graph) -> nx.MultiDiGraph:
    """Persons, organizations, places, posts and events with their links (see kg.drawing)."""
    from kg.drawing import to_networkx as _to_networkx
    return _to_networkx(graph)


def draw(graph: nx.MultiDiGraph, path: str | Path, title: str = "") -> Path:
    """Draw a graph from `to_networkx` to PNG or SVG."""
    from kg.drawing import draw as _draw
    return _draw(graph, Path(path), title)


def load_pipeline(models: str | Path = "bundled", **stanza_kwargs: Any):
    """An offline Indonesian stanza.Pipeline (see kg.nlp.pipeline.load_pipeline)."""
    from kg.nlp.pipeline import load_pipeline as _load
    return _load(models, **stanza_kwargs)


def __getattr__(name: str) -> Any:
    if name == "Store":  # imported on first use: `import kg` stays light
        from kg.corpus import Store
        return Store
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
