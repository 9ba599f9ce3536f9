"""Helpers for tests that run newsgraph as a process: stop one hard once it has written part of its output."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path


def kill_once_written(cmd: list[str], out: Path, size: int, wait: float = 120) -> str:
    """Run ``cmd``, kill it (SIGKILL, no clean-up) once ``out`` holds ``size`` bytes or ``wait`` seconds have
    passed, and return what it had written."""
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + wait
    while (not out.exists() or out.stat().st_size < size) and time.monotonic() < deadline:
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return out.read_text(encoding="utf-8")
