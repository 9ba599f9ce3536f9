#!/usr/bin/env python3
"""The worst cases: each hostile input through `newsgraph analyze`, its exit status, time and peak memory.

    python bench/bench_hostile.py [--scale full|ci] [--only NAME ...] [--timeout 300] [--src DIR]

Writes the hostile corpus (`tests/hostile.py`) to a temporary folder, runs each file and the
JSONL batch in a fresh process (the model load, about 2 s, is in every time), and prints a
Markdown table. `--src` runs another checkout's `src` (e.g. the code before a change) for a
before/after table. A run past `--timeout` is killed and shown as such.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile import write  # noqa: E402

RUN = "import sys; from newsgraph.cli.main import main; sys.argv[0] = 'newsgraph'; main()"


def run(args: list[str], src: Path | None, timeout: float) -> tuple[str, float, float, float]:
    """Exit status (or "killed"), seconds, CPU seconds and peak resident memory in MB of one command.

    CPU seconds (user + system) are what to compare on a shared machine: wall time grows with
    the load of the other processes, CPU time hardly."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    if src is not None:
        env["PYTHONPATH"] = str(src)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", RUN, *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    status = ""
    while True:
        pid, code, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            status = str(os.waitstatus_to_exitcode(code))
            break
        if time.perf_counter() - t0 > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            _, code, usage = os.wait4(proc.pid, 0)
            status = f"killed at {timeout:.0f} s"
            break
        time.sleep(0.05)
    return status, time.perf_counter() - t0, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=["ci", "full"], default="full")
    parser.add_argument("--only", nargs="*", default=None, help="only these inputs (file names, or batch.jsonl)")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--src", type=Path, default=None, help="a checkout's src folder to run instead")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = write(Path(tmp), args.scale)
        inputs = [*sorted((folder / "files").iterdir()), folder / "batch.jsonl"]
        print("| input | size | exit | time (s) | CPU time (s) | peak memory (MB) |")
        print("| --- | --- | --- | --- | --- | --- |")
        for path in inputs:
            if args.only and path.name not in args.only:
                continue
            out = Path(tmp) / "out.json"
            status, seconds, cpu, mb = run(["analyze", str(path), "--format", "json", "--quiet", "--output", str(out)],
                                      args.src, args.timeout)
            print(f"| {path.name} | {path.stat().st_size:,} B | {status} | {seconds:.1f} | {cpu:.1f} | {mb:.0f} |",
                  flush=True)


if __name__ == "__main__":
    main()
