"""Reading a graph file (Turtle, TriG, N-Triples, N-Quads, JSON-LD) into rdflib, offline.

A JSON-LD document may name its ``@context`` by IRI, and rdflib would fetch it. kg's own
context (CONTEXT_IRI) is bundled and put in its place; any other remote or file context is
refused with a clear error, so reading a file never reaches the network.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from rdflib import Dataset

from kg.errors import ExitCode, GraphError
from kg.graph.vocab import CONTEXT_FILE, CONTEXT_IRI


def load_graph(path: str | Path) -> Dataset:
    """A Dataset (unioned by default) from a graph file, with one-line errors."""
    from rdflib.util import guess_format

    file = Path(path)
    if not file.exists():
        raise GraphError("no such graph file", path=file, code=ExitCode.NOT_FOUND)
    fmt = guess_format(str(file)) or "turtle"
    dataset = Dataset(default_union=True)
    try:
        if fmt == "json-ld":
            dataset.parse(data=json.dumps(local_contexts(json.loads(file.read_bytes()))), format=fmt)
        elif fmt in ("trig", "nquads"):
            dataset.parse(file, format=fmt)
        else:
            dataset.default_graph.parse(file, format=fmt)
    except GraphError as err:
        err.path = file
        raise
    except Exception as err:
        raise GraphError(f"cannot read as {fmt}: {' '.join(str(err).split())[:300]}", path=file) from None
    return dataset


@functools.cache
def kg_context() -> dict[str, Any]:
    """kg's bundled JSON-LD context (the value of its @context)."""
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


def local_contexts(doc: Any) -> Any:
    """``doc`` with kg's context inlined where named; GraphError for any other context by IRI."""
    if isinstance(doc, list):
        return [local_contexts(item) for item in doc]
    if not isinstance(doc, dict):
        return doc
    out = {}
    for key, value in doc.items():
        if key in ("@context", "@import"):
            value = [_context(v) for v in value] if isinstance(value, list) else _context(value)
        out[key] = local_contexts(value)
    return out


def _context(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if value == CONTEXT_IRI:
        return kg_context()
    raise GraphError(f"JSON-LD context {value!r} refused: kg never fetches contexts (only its own, "
                     f"{CONTEXT_IRI}, is known)")
