"""Limits that protect the machine and the user's files (issue 14): parse workers die with kg,
outputs are checked before any work, per-article word limits, drawings of a legible size."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import kg_env

POOL_SCRIPT = """
import time
from kg.builder import worker_pool
pool = worker_pool(2)
futures = [pool.submit(time.sleep, 300) for _ in range(2)]
while len(pool._processes) < 2 or not all(p.pid for p in pool._processes.values()):
    time.sleep(0.1)
time.sleep(1.0)  # the initializers have run
print(" ".join(str(pid) for pid in pool._processes), flush=True)
time.sleep(300)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text().split("State:")[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie has stopped; only reaping is left


def test_parse_workers_die_when_kg_is_killed() -> None:
    parent = subprocess.Popen([sys.executable, "-c", POOL_SCRIPT], stdout=subprocess.PIPE,
                              text=True, env=kg_env())
    try:
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2 and all(_alive(pid) for pid in workers)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert not survivors, "parse workers outlived a killed kg"
