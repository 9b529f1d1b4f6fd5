"""Query workers for the server: several processes, so a stopped query leaves the others answering.

Each worker (kg.graph.sandbox.Worker) holds the store open read-only. A request borrows an idle
worker; a worker whose query hit the time limit is killed and a fresh one takes its place in the
background, while the remaining workers keep answering.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from starlette.concurrency import run_in_threadpool

from kg.errors import KgError
from kg.graph.sandbox import Limits, QueryStopped, Worker

log = logging.getLogger("kg.serve")


class Busy(QueryStopped):
    """Every worker stayed busy for the whole time limit."""


class Pool:
    def __init__(self, open_data: Callable[[], Any], size: int, limits: Limits):
        self.open_data, self.size, self.limits = open_data, size, limits
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()
        self.workers: list[Worker] = []
        self.restarts: set[asyncio.Task] = set()

    async def start(self) -> None:
        for _ in range(self.size):
            worker = Worker(self.open_data, self.limits)
            await run_in_threadpool(worker.start)
            self.workers.append(worker)
            self.idle.put_nowait(worker)

    def close(self) -> None:
        for task in self.restarts:
            task.cancel()
        for worker in self.workers:
            worker.stop()

    async def ask(self, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(data, *args)`` on an idle worker, within the time limit."""
        try:
            worker = await asyncio.wait_for(self.idle.get(), timeout=self.limits.timeout)
        except TimeoutError:
            raise Busy(f"every query worker stayed busy for {self.limits.timeout:g} s; "
                       "try again later") from None
        try:
            return await run_in_threadpool(worker.ask, fn, *args)
        finally:
            if worker.process is None:  # stopped: replace it without making this client wait
                task = asyncio.get_running_loop().create_task(self._restart(worker))
                self.restarts.add(task)
                task.add_done_callback(self.restarts.discard)
            else:
                self.idle.put_nowait(worker)

    async def _restart(self, worker: Worker) -> None:
        try:
            await run_in_threadpool(worker.start)
        except KgError as err:
            log.error("kg: a query worker could not restart: %s", err)
            return
        self.idle.put_nowait(worker)
