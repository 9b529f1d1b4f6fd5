"""Queries that stay local and stop: the one home of query safety for `kg query` and `kg serve`.

kg promises to run offline, and a query is text from anyone. So before a query runs:

* ``check_local`` parses it (rdflib's SPARQL parser and algebra, not patterns over its text) and
  refuses SPARQL Update (LOAD among it), ``SERVICE`` and any ``FROM``/``FROM NAMED`` graph that
  is not one of the data's own named graphs: rdflib would fetch such a graph from the web or a
  ``file:`` path, Oxigraph would post a ``SERVICE`` call.

and while it runs:

* it runs in a child process (a ``Worker``), because Oxigraph evaluates in Rust and ignores
  Ctrl-C, SIGTERM and any in-thread timeout. The parent waits at most ``timeout`` seconds and
  kills the child on timeout, Ctrl-C or SIGTERM; a server keeps its other workers answering.
* the child's heap is capped (``memory`` bytes beyond what its data needs), so a sort over a
  cross product stops with an error instead of taking the machine; rows are capped by the caller.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import resource
import signal
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kg.errors import ExitCode, KgError, QueryError
from kg.processes import die_with_parent

DEFAULT_TIMEOUT = 30.0  # seconds per query
DEFAULT_MEMORY = 1 << 30  # bytes of heap per query process beyond its loaded data
FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
         "DescribeQuery": "DESCRIBE"}


class QueryStopped(QueryError):
    """A query that hit its time or memory limit and was stopped."""

    code = ExitCode.QUERY_STOPPED


class UpdateRefused(QueryError):
    """SPARQL Update sent where kg only reads."""


@dataclass(frozen=True)
class Limits:
    timeout: float = DEFAULT_TIMEOUT
    memory: int = DEFAULT_MEMORY


def check_local(query: str, graphs: Callable[[], set[str]]) -> Checked:
    """The query's form and rdflib's translation of it, if it only reads the local data.

    ``graphs`` gives the IRIs of the data's named graphs, the only ones FROM may name.
    """
    checked = _parsed(query)
    services, dataset = checked.services, checked.dataset
    if services:
        raise QueryError(f"SERVICE {services[0]} refused: kg queries never reach other endpoints")
    if dataset:
        known = graphs()
        for iri in dataset:
            if iri not in known:
                raise QueryError(f"FROM <{iri}> refused: not a graph of this data, and kg does not "
                                 "fetch graphs from the web or files")
    return checked


@dataclass(frozen=True)
class Checked:
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    prepared: Any  # rdflib's translated query, which rdflib can run without parsing it again
    services: tuple[str, ...]  # SERVICE targets
    dataset: tuple[str, ...]  # FROM and FROM NAMED IRIs


@functools.lru_cache(maxsize=256)
def _parsed(query: str) -> Checked:
    """The query parsed and translated; cached, as a server sees the same texts again and again."""
    from rdflib.plugins.sparql.algebra import translateQuery, traverse
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
    from rdflib.plugins.sparql.parserutils import CompValue

    try:
        prepared = translateQuery(parseQuery(query))
    except Exception as err:  # pyparsing raises its own exception types
        try:
            parseUpdate(query)
        except Exception:
            raise QueryError(f"SPARQL syntax error: {' '.join(str(err).split())}") from None
        raise UpdateRefused("SPARQL Update (INSERT, DELETE, LOAD, CLEAR, ...) refused: kg only reads "
                         "the graph") from None
    services: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, CompValue) and node.name == "ServiceGraphPattern":
            services.append(node.term.n3())

    algebra = prepared.algebra
    traverse(algebra, visitPre=visit)
    dataset = tuple(str(d.default if d.default is not None else d.named)
                    for d in algebra.get("datasetClause") or ())
    return Checked(FORMS.get(algebra.name, algebra.name), prepared, tuple(services), dataset)


class Worker:
    """A child process holding one data source and answering queries on it, one at a time.

    ``open_data`` (run in the child) loads the data; ``ask(fn, *args)`` runs ``fn(data, *args)``
    there and returns its picklable result, or raises the KgError it raised.
    """

    def __init__(self, open_data: Callable[[], Any], limits: Limits = Limits()):
        self.open_data, self.limits = open_data, limits
        self.process: multiprocessing.process.BaseProcess | None = None
        self.conn: Any = None

    def start(self) -> Worker:
        """Start the child and wait (without a time limit: loading is not querying) until ready."""
        ctx = _context()
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, self.open_data, self.limits.memory),
                                   daemon=True)
        try:
            self.process.start()
            child.close()
            self._receive(None)
        except BaseException:
            self.stop()
            raise
        return self

    def ask(self, fn: Callable[..., Any], *args: Any, timeout: float | None = None) -> Any:
        """``fn(data, *args)`` in the child, stopped after ``timeout`` s (default: the limits')."""
        if self.process is None:
            self.start()
        try:
            self.conn.send((fn, args))
            return self._receive(self.limits.timeout if timeout is None else timeout)
        except BaseException:
            if self.process is not None and self.process.is_alive():
                self.stop()  # Ctrl-C, SIGTERM or a timeout: the query dies, the caller goes on
            raise

    def _receive(self, timeout: float | None) -> Any:
        if not self.conn.poll(timeout):
            self.stop()
            raise QueryStopped(f"query stopped after {timeout:g} s (the time limit, --timeout)")
        try:
            status, value = self.conn.recv()
        except (EOFError, OSError):
            self.process.join(5)
            code = self.process.exitcode
            self.stop()
            if code == -signal.SIGABRT:  # Rust aborts when an allocation fails under the heap cap
                raise QueryStopped(f"query stopped: it needed more than the {self.limits.memory >> 20} MB "
                                   "of memory a query may use") from None
            raise QueryError(f"the query process ended unexpectedly (exit code {code})") from None
        if status == "error":
            raise value
        if status == "crash":
            raise RuntimeError(value)
        return value

    def stop(self) -> None:
        """Kill the child now (a query in Rust does not listen to anything gentler)."""
        if self.process is not None:
            if self.process.is_alive():
                self.process.kill()
            self.process.join()
            self.process = None
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def __enter__(self) -> Worker:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def run_once(open_data: Callable[[], Any], fn: Callable[..., Any], *args: Any,
             limits: Limits = Limits()) -> Any:
    """``fn(data, *args)`` in a fresh worker: what `kg query` does."""
    with Worker(open_data, limits) as worker:
        return worker.ask(fn, *args)


def _context() -> multiprocessing.context.BaseContext:
    """Fork (instant) while this process has one thread, else from a clean fork server: forking a
    process with other threads (a server, RocksDB's) can leave the child holding their locks."""
    if len(os.listdir("/proc/self/task")) == 1:
        return multiprocessing.get_context("fork")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["kg.graph.answers"])
    return ctx


def _serve(conn: Any, open_data: Callable[[], Any], memory: int) -> None:
    """The child: load the data, cap the heap, then answer until the parent hangs up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; it kills us on Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent()  # no pid to check: a fork server may have started us
    try:
        data = open_data()
    except KgError as err:
        conn.send(("error", err))
        return
    _cap_heap(memory)
    _quiet_stderr()  # errors travel through the pipe; Rust's out-of-memory backtrace would not
    conn.send(("ready", None))
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", fn(data, *args)))
        except KgError as err:
            conn.send(("error", err))
        except MemoryError:
            conn.send(("error", QueryStopped(f"query stopped: it needed more than the {memory >> 20} MB "
                                             "of memory a query may use")))
        except Exception as err:  # a bug, reported by the parent as one
            conn.send(("crash", f"{type(err).__name__}: {err}"))


def _quiet_stderr() -> None:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)
    os.close(null)


def _cap_heap(memory: int) -> None:
    """Limit the data segment to what is used now plus ``memory`` bytes."""
    try:
        with open(f"/proc/{os.getpid()}/status", encoding="ascii") as status:
            used = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmData:"))
        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        limit = used + memory if hard == resource.RLIM_INFINITY else min(used + memory, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    except (OSError, ValueError, StopIteration):
        pass
