"""A CPU-time limit for a block run in a thread other than the main one (a Dask worker's task, a web request).

The main thread has a signal timer (``pipeline._time_limit``); signals reach only the main
thread, so another thread gets a watchdog instead: one daemon thread per process reads each
limited thread's own CPU clock (``time.pthread_getcpuclockid``) every ``POLL_S`` seconds and,
past its limit, raises the given exception in that thread (``PyThreadState_SetAsyncExc``,
delivered at the thread's next Python instruction). CPU time, not wall time, as in the main
thread: a machine busy with other work costs no article its layers.
"""

from __future__ import annotations

import ctypes
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

POLL_S = 0.25
_SET_ASYNC_EXC = ctypes.pythonapi.PyThreadState_SetAsyncExc
_SET_ASYNC_EXC.argtypes = (ctypes.c_ulong, ctypes.py_object)


@dataclass(slots=True)
class _Limit:
    clock: int
    deadline: float
    error: type[BaseException]
    fired: bool = False


_limits: dict[int, _Limit] = {}
_lock = threading.Condition()
_watchdog: list[threading.Thread] = []


def available() -> bool:
    """Whether this platform has per-thread CPU clocks (Linux, most Unixes)."""
    return hasattr(time, "pthread_getcpuclockid")


@contextmanager
def thread_cpu_limit(seconds: float, error: type[BaseException]) -> Iterator[None]:
    """Raise ``error`` in the block once this thread has spent ``seconds`` of CPU time in it."""
    if not available():
        yield
        return
    ident = threading.get_ident()
    clock = time.pthread_getcpuclockid(ident)
    with _lock:
        _limits[ident] = _Limit(clock, time.clock_gettime(clock) + seconds, error)
        if not _watchdog:
            _watchdog.append(threading.Thread(target=_watch, name="newsgraph-stage-budget", daemon=True))
            _watchdog[0].start()
        _lock.notify()
    try:
        yield
    finally:
        with _lock:
            limit = _limits.pop(ident)
        if limit.fired:  # raised, or still pending: never let it land in the code after the block
            _SET_ASYNC_EXC(ident, ctypes.py_object())
    if limit.fired:
        raise error


def _watch() -> None:
    while True:
        with _lock:
            while not _limits:
                _lock.wait()
            for ident, limit in _limits.items():
                if not limit.fired and time.clock_gettime(limit.clock) >= limit.deadline:
                    limit.fired = True
                    _SET_ASYNC_EXC(ident, ctypes.py_object(limit.error))
        time.sleep(POLL_S)
