"""`kg serve`: a SPARQL endpoint and a graph explorer over a store or graph files (kg.serve.app)."""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from kg.graph.answers import StoreData


@contextlib.contextmanager
def store_for(store: Path | None, files: Sequence[Path]) -> Iterator[StoreData]:
    """The store to serve: ``store`` as it is, or a temporary one loaded from ``files``."""
    if store is not None:
        yield StoreData(str(store))
        return
    from kg.graph.store import load_files, open_store

    folder = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    try:
        loaded = open_store(folder, write=True)
        load_files(loaded, files)
        del loaded  # closed, so the workers can open it read-only
        yield StoreData(str(folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def serve(config_args: dict, store: Path | None, files: Sequence[Path], host: str, port: int) -> None:
    """Run the server until Ctrl-C or SIGTERM."""
    import uvicorn

    from kg.serve.app import Config, create_app

    with store_for(store, files) as data:
        if store is not None:
            data()  # a missing or broken store is a one-line error now, not in every worker
        name = store.name if store is not None else ", ".join(f.name for f in files)
        app = create_app(Config(open_data=data, name=name, **config_args))
        print(f"kg: serving {name} at http://{host}:{port}/ (SPARQL at /sparql; Ctrl-C to stop)",
              file=sys.stderr, flush=True)
        uvicorn.run(app, host=host, port=port, log_level="warning", limit_concurrency=256,
                    timeout_graceful_shutdown=5)
