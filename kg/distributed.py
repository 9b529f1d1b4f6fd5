"""The parse stage on a Dask distributed cluster: `kg build ... --cluster ADDRESS`.

ADDRESS is a running scheduler (``tcp://HOST:8786``, with workers started by ``dask worker``
on machines where kg and the same model set are installed) or ``local:N``, a LocalCluster of N
one-thread worker processes on 127.0.0.1. Only parsing leaves this process: articles go out in
batches and come back as CoNLL-U (what the parse cache holds); mapping, resolution and store
writes stay here, so the output is byte for byte that of a local build.

Each worker loads the Stanza pipeline once, through a worker plugin that also runs on a worker
replacing a dead one, and checks that its model set is the one this process keys the parse cache
with; it also undoes the aggressive malloc trimming Dask's nanny sets up for its workers, which
made each parse cost half as much CPU again (`reuse_freed_memory`). A worker that dies takes its
running batch with it; the scheduler hands the batch to another worker (up to
``distributed.scheduler.allowed-failures`` deaths per batch), so a death costs a retry, never an
article. Batches come back in article order, a bounded number in flight.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING

from distributed import WorkerPlugin

from kg.errors import KgError, ModelError
from kg.nlp.pipeline import processors_for

if TYPE_CHECKING:
    from distributed import Client

    from kg.ingest import Article
    from kg.nlp.parse import Parse

LOCAL = re.compile(r"local:([1-9][0-9]*)$")
REMOTE = re.compile(r"(tcp|tls)://[^\s/]+$")
IN_FLIGHT = 8  # batches per worker thread: results are taken in order, so a worker whose batches
# finished while an older one still runs elsewhere must find more queued (2 cost +82 %, 8 +37 %
# against the process pool, bench/cluster.py --articles 400, both before the malloc fix below)
CONNECT_SECONDS = 20
# A LocalCluster's housekeeping, made rarer: it has no dashboard to feed, and every wake-up of an
# event loop takes CPU from the parse on the same cores. CPU of an idle local:2 cluster, client
# process (scheduler, nannies) + each worker: 10 + 4 + 4 ms/s with all four; Dask's default adds:
LOCAL_CONFIG = {"distributed.worker.profile.enabled": False,  # 10 ms sampling: +34 ms/s per worker
                "distributed.worker.memory.monitor-interval": "1s",  # 100 ms: +10 ms/s, +4 per worker
                "distributed.admin.system-monitor.interval": "2s",  # 500 ms: +5 ms/s, +2 per worker
                "distributed.admin.tick.interval": "1s"}  # 20 ms (5 loops at 50/s): +41 ms/s, +16 per worker
# glibc's mallopt parameters, and the values its dynamic thresholds grow to on 64-bit systems
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
MMAP_THRESHOLD, TRIM_THRESHOLD = 32 << 20, 64 << 20

Parser = Callable[[str, str, list[str]], list[str]]  # (models, processors, texts) -> CoNLL-U, on a worker


def cluster_address(value: str) -> str:
    """``local:N`` or ``tcp://HOST:PORT`` (argparse type of ``--cluster``)."""
    if LOCAL.match(value) or REMOTE.match(value):
        return value
    raise ValueError(f"not a Dask scheduler address (tcp://HOST:PORT) or local:N: {value!r}")


class StanzaOnWorker(WorkerPlugin):
    """Runs on every worker as it joins: the right models, loaded once (one torch thread)."""

    name = "kg-stanza"

    def __init__(self, models: str, fingerprint: str, processors: str):
        self.models, self.fingerprint, self.processors = models, fingerprint, processors

    def setup(self, worker: object = None) -> None:
        from kg.builder import model_fingerprint
        from kg.nlp import pipeline

        if model_fingerprint(self.models, self.processors) != self.fingerprint:
            raise ModelError(f"this worker's {self.models} models differ from the client's; "
                             "install the same model set on every worker", path=self.models)
        reuse_freed_memory()
        pipeline.shared_pipeline(self.models, self.processors)


def reuse_freed_memory() -> bool:
    """Let this process's malloc keep freed memory for reuse, as it does outside Dask.

    Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which also freezes glibc's
    mmap threshold at 128 KiB: every larger block torch frees goes back to the kernel and the
    next one faults its pages in again (1.6 million page faults and +50 % CPU for 48 articles,
    against 37,000 in a process-pool worker). The thresholds set here are those glibc's own
    dynamic ones reach. False where the C library has no mallopt (not glibc).
    """
    mallopt = getattr(ctypes.CDLL(None), "mallopt", None)
    if mallopt is None:
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) and mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))


@contextmanager
def connect(address: str) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a LocalCluster started for ``local:N``."""
    import dask
    from distributed import Client, LocalCluster

    local = LOCAL.match(address)
    if local:
        with _environment_kept(), dask.config.set(LOCAL_CONFIG), \
                LocalCluster(n_workers=int(local[1]), threads_per_worker=1, processes=True,
                             host="127.0.0.1", dashboard_address=None,
                             silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout=CONNECT_SECONDS)
    except OSError as err:
        raise KgError(f"cannot reach the Dask scheduler at {address}: {err}") from None
    with client:
        yield client


@contextmanager
def _environment_kept() -> Iterator[None]:
    """This process's environment as it was before: a LocalCluster's nannies write their workers'
    variables (MALLOC_TRIM_THRESHOLD_, OMP_NUM_THREADS...) into it, and process pools started
    later in this process would inherit them."""
    saved = dict(os.environ)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def parse_on_cluster(pending: list[Article], models: str, address: str, *,
                     processors: str = processors_for(), fingerprint: str | None = None,
                     parse: Parser | None = None,
                     plugin: WorkerPlugin | None = None) -> Iterator[tuple[list[Article], list[Parse]]]:
    """(batch, parses) in article order, each batch parsed by ``parse`` on some worker.

    ``processors`` default to what builds parse, ``parse`` to the build's own Stanza parse to
    CoNLL-U and ``plugin`` to loading the models on each worker, which check them against
    ``fingerprint`` (the parser's cache key; computed here if not given); tests pass others.
    """
    from kg.builder import _conllu_parses, model_fingerprint, spread
    from kg.nlp.parse import from_conllu

    parse = parse or _conllu_parses
    with connect(address) as client:
        client.register_plugin(plugin or StanzaOnWorker(
            models, fingerprint or model_fingerprint(models, processors), processors))
        threads = max(1, sum(client.nthreads().values()))
        batches = deque(spread(pending, threads))
        running: deque[tuple[list[Article], object]] = deque()
        submit = partial(client.submit, parse, models, processors, pure=False)
        while batches or running:
            while batches and len(running) < IN_FLIGHT * threads:
                batch = batches.popleft()
                running.append((batch, submit([a.text for a in batch])))
            batch, future = running.popleft()
            conllus = _result(future, batch)
            yield batch, [from_conllu(c, text=a.text) for a, c in zip(batch, conllus, strict=True)]


def _result(future: object, batch: list[Article]) -> list[str]:
    """The batch's CoNLL-U; a batch that killed worker after worker is a one-line error."""
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker:
        raise KgError(f"the batch of {len(batch)} article(s) starting with {batch[0].id} killed "
                      "every worker that took it (out of memory?)", path=batch[0].path) from None
