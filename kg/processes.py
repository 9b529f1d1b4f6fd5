"""Child processes kg starts (parse workers, query workers) never outlive it."""

from __future__ import annotations

import os
import signal
import threading
import time


def die_with_parent(parent: int | None = None) -> None:
    """Have the kernel kill this process when its parent dies, even by kill -9 (Linux prctl
    PR_SET_PDEATHSIG); elsewhere a thread polls the parent's pid. ``parent``: the pid the parent
    had, to exit at once if it died before the request took effect (omit it when this process was
    started through a fork server, whose pid is not the parent's)."""
    expected = os.getppid() if parent is None else parent
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(1, signal.SIGKILL, 0, 0, 0) != 0:  # 1 = PR_SET_PDEATHSIG
            raise OSError(ctypes.get_errno(), "prctl")
    except (OSError, AttributeError):
        def watch() -> None:
            while os.getppid() == expected:
                time.sleep(1.0)
            os._exit(1)
        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != expected:  # the parent died before the request took effect
        os._exit(1)
