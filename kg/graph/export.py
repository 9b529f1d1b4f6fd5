"""Writing exports so that a crash never leaves a broken or half-written file behind.

Every file is written to a temporary file in the same folder and renamed into place
(an atomic replace on POSIX), so readers see the old complete file or the new one.
Turtle is written in a canonical order, so the same graph gives the same bytes.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from kg.errors import OutputError
from kg.graph.rdf import bind_prefixes
from kg.graph.terms import oxigraph_term
from kg.graph.vocab import WRITTEN_PREFIXES


def _publish(tmp: Path, path: Path) -> None:
    """Give the file the permissions a plain open() would have, then rename it into place."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o666 & ~mask)
    os.replace(tmp, path)


def _create(tmp: Path) -> int:
    """Create ``tmp`` for writing; it must not exist (its name is fresh)."""
    return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)


def _temp_sibling(path: Path, suffix: str) -> Path:
    """A fresh hidden name beside ``path``; named before it exists, so cleanup can never miss it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return path.parent / f".{path.name}.{secrets.token_hex(6)}{suffix}"


@contextmanager
def atomic_file(path: Path, mode: str = "w") -> Iterator[IO]:
    """Open a temporary sibling of ``path``; on success it replaces ``path``, on error it vanishes."""
    with _as_output_error(path):
        tmp = _temp_sibling(path, ".tmp")
    try:
        with _as_output_error(path), os.fdopen(
                _create(tmp), mode, **({"encoding": "utf-8", "newline": "\n"} if "b" not in mode else {})) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        with _as_output_error(path):
            _publish(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def _as_output_error(path: Path) -> Iterator[None]:
    """A failed write names the file the user asked for (not its temporary twin), in one line."""
    try:
        yield
    except OSError as err:
        raise OutputError(f"cannot write: {err.strerror or err}", path=path) from err


def write_text(path: Path, text: str) -> Path:
    with atomic_file(path) as f:
        f.write(text)
    return path


def write_with(path: Path, writer: Callable[[Path], None]) -> Path:
    """Let a library write to a temporary path (matplotlib, pyoxigraph), then rename it into place."""
    with _as_output_error(path):
        tmp = _temp_sibling(path, path.suffix)
    try:
        with _as_output_error(path):
            os.close(_create(tmp))
            writer(tmp)
            _publish(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def turtle(graph: Graph) -> str:
    """Turtle in a stable order: same triples, same bytes (no blank nodes are ever minted).

    pyoxigraph's writer, as for TriG: rdflib's triple-quoted long strings can end in a quote
    or a backslash in ways other parsers reject.
    """
    triples = [ox.Triple(oxigraph_term(s), oxigraph_term(p), oxigraph_term(o)) for s, p, o in sorted(graph)]
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=WRITTEN_PREFIXES).decode("utf-8")


def trig_of(quads: Iterable[ox.Quad], output: Path | None = None) -> bytes | None:
    """The one TriG writer (pyoxigraph's), with kg's prefixes; quads in the order given."""
    return ox.serialize(quads, None if output is None else str(output), format=ox.RdfFormat.TRIG,
                        prefixes=WRITTEN_PREFIXES)


def jsonld(graph: Graph) -> str:
    """JSON-LD with kg's @context inlined, so that no reader fetches it; stable order."""
    from kg.graph.loading import kg_context

    doc = json.loads(graph.serialize(format="json-ld", context=kg_context()))
    if isinstance(doc.get("@graph"), list):  # rdflib writes nodes and values in hash order
        doc["@graph"] = sorted((_sorted_values(node) for node in doc["@graph"]), key=lambda n: n.get("@id", ""))
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _sorted_values(node: dict) -> dict:
    """A JSON-LD node with each array of values sorted (they are sets, not @lists)."""
    return {key: sorted(value, key=lambda v: json.dumps(v, sort_keys=True)) if isinstance(value, list) else value
            for key, value in node.items()}


def trig(dataset: Dataset) -> str:
    """TriG of every named graph, graphs and triples in a stable order."""
    quads = [ox.Quad(oxigraph_term(s), oxigraph_term(p), oxigraph_term(o), ox.NamedNode(str(g.identifier)))
             for g in sorted(dataset.graphs(), key=lambda g: str(g.identifier))
             if isinstance(g.identifier, URIRef) for s, p, o in sorted(g)]
    return (trig_of(quads) or b"").decode("utf-8")


def merged(dataset: Dataset) -> Graph:
    """The union of all named graphs: the knowledge graph without per-article provenance."""
    union = bind_prefixes(Graph())
    for g in dataset.graphs():
        for triple in g:
            union.add(triple)
    return union


def write_json(path: Path, data: object) -> Path:
    return write_text(path, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n")
