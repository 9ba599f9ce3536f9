#!/usr/bin/env python3
"""Where a Dask worker's time goes: the same batches, alternately in this process and in a one-worker cluster.

    python bench/probe_worker.py [--n 96] [--rounds 3] [--corpus ../shared/corpora/bbc.jsonl]

Each batch (``--batch-size`` articles) is analysed with ``analyze_records``, alternately
here (the one-process path) and as a task on a one-worker ``LocalCluster`` (the
``--workers 1`` path), A B A B ..., so the machine's drift falls on both alike. For each
side it gives per batch: wall time, the CPU time of the thread that ran it, minor page
faults, and (for the cluster) the round trip seen by the client, so the cost of the worker
itself (CPU per article), of its environment (page faults, threads) and of the trip
(scheduling, serialising) show apart. ``--environ dask`` keeps Dask's own worker
environment (``MALLOC_TRIM_THRESHOLD_`` etc.), ``--environ ours`` what the command sets.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def measured(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Analyse ``records`` here; wall, thread CPU, page faults, and a look at the process."""
    from newsgraph.analysis.batch import analyze_records

    r0 = resource.getrusage(resource.RUSAGE_SELF)
    w0, c0 = time.perf_counter(), time.thread_time()
    out = list(analyze_records(records))
    w1, c1 = time.perf_counter(), time.thread_time()
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    return {"wall": w1 - w0, "cpu": c1 - c0, "proc_cpu": (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime),
            "minflt": r1.ru_minflt - r0.ru_minflt, "n": len(out), "threads": threading.active_count(),
            "malloc_trim": os.environ.get("MALLOC_TRIM_THRESHOLD_"), "omp": os.environ.get("OMP_NUM_THREADS"),
            "main": threading.current_thread() is threading.main_thread(), "bytes": len(json.dumps(out))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=96)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--environ", choices=("dask", "ours"), default="ours")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "bbc.jsonl")
    args = ap.parse_args()

    lines = [json.loads(x) for x in args.corpus.read_text(encoding="utf-8").splitlines() if x.strip()]
    step = max(1, len(lines) // args.n)
    records = lines[::step][:args.n]
    batches = [records[k:k + args.batch_size] for k in range(0, len(records), args.batch_size)]

    from distributed import Client, LocalCluster

    from newsgraph.analysis.nlp import load_model
    from newsgraph.analysis.pipeline import prepare_stages
    from newsgraph.scale import open_cluster

    load_model()
    prepare_stages()
    measured(batches[0][:4])  # warm both sides alike
    sides: dict[str, list[dict[str, Any]]] = {"here": [], "worker": []}
    if args.environ == "dask":
        cm: Any = None
        cluster = LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=":0")
        client = Client(cluster)
        client.run(load_model)
    else:
        cm = open_cluster(workers=1)
        client = cm.__enter__()
    try:
        client.submit(measured, batches[0][:4], pure=False).result()
        for r in range(args.rounds):
            for b, batch in enumerate(batches):
                for side in ("here", "worker") if (r + b) % 2 == 0 else ("worker", "here"):
                    t0 = time.perf_counter()
                    got = measured(batch) if side == "here" else client.submit(measured, batch, pure=False).result()
                    got["trip"] = time.perf_counter() - t0
                    sides[side].append(got)
        env = client.run(lambda: {k: v for k, v in os.environ.items() if k.endswith(("_THREADS", "TRIM_THRESHOLD_"))})
    finally:
        if cm is not None:
            cm.__exit__(None, None, None)
        else:
            client.close()
            cluster.close()
    print(f"{len(records)} articles, batches of {args.batch_size}, {args.rounds} rounds, load "
          f"{os.getloadavg()[0]:.1f}; worker environment: {env}")
    print(f"{'':8}{'wall/batch':>11}{'cpu/batch':>10}{'proc cpu':>10}{'trip':>8}{'minflt':>9}{'threads':>8}")
    for side, runs in sides.items():
        def med(key: str, runs: list[dict[str, Any]] = runs) -> float:
            return statistics.median(float(x[key]) for x in runs)
        print(f"{side:8}{med('wall'):>10.2f}s{med('cpu'):>9.2f}s{med('proc_cpu'):>9.2f}s{med('trip'):>7.2f}s"
              f"{med('minflt'):>9.0f}{runs[0]['threads']:>8} main={runs[0]['main']}")
    here = sum(x["trip"] for x in sides["here"])
    worker = sum(x["trip"] for x in sides["worker"])
    print(f"worker / here, round trip summed: {here / worker:.3f} (rate ratio; 1.0 = no cost)")
    print(f"result size per batch: {statistics.median(x['bytes'] for x in sides['here']) / 1024:.0f} KiB of JSON")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
