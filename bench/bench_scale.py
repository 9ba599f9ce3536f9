#!/usr/bin/env python3
"""Scale-out on Dask against one process, next to the machine's own limit, measured in the same run.

    python bench/bench_scale.py [--n 600] [--rounds 3] [--corpus ../shared/corpora/bbc.jsonl]

Each configuration runs in a fresh process, on the same ``--n`` articles drawn evenly
across the corpus, and the configurations are interleaved: every round runs all five, each
round in another order (rotated), so a change in the machine's load falls on all of them
and the ratios are taken within a round (an A/B on the same articles, at about the same
time). Every run is printed with the load average before and after it; then each
round's ratios, and their median over the rounds.

- ``spacy x1``: plain spaCy ``nlp.pipe`` in one process; ``spacy x2``: two such processes
  side by side, started together once both have loaded the model. Their ratio is what
  this machine gives a second process (the limit; on shared machines it can be far
  below 2).
- ``no dask``: ``analyze_jsonl`` in one process (what ``newsgraph analyze`` does);
  ``workers 1`` / ``workers 2``: the same through a Dask ``LocalCluster``
  (``analyze --workers N``).
- ``writer``: the analyses stored in a fresh SQLite store by one writer, in
  transactions of 32 (what ``ingest`` does after the analysis): analyses written per second;
  and ``newsgraph ingest --analyses`` of the analyses JSONL (reading and decoding included).

A Dask run also says, for each worker, how many tasks it ran and how long it computed
(Dask's task stream), the idle gaps between its tasks, and the CPU time of the command's
own process: a slow run whose workers computed the whole time was slowed by the machine,
one whose workers waited was slowed by the scheduling.

Times are split into start-up (loading the model; starting the cluster, whose workers
load it) and work (the articles). Prints articles/s, the ratios to the goals
(``--workers 1`` within 10% of no Dask, ``--workers 2`` at 85% of the limit or more),
and the peak resident memory of each process, workers included.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MODES = ("spacy", "nodask", "workers1", "workers2")


def peak_rss() -> int:
    """This process's peak resident memory, bytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


def draw(corpus: Path, n: int, out: Path) -> Path:
    """``n`` lines spread evenly over the corpus (every k-th line), so every section is in."""
    lines = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    step = max(1, len(lines) // n)
    out.write_text("\n".join(lines[::step][:n]) + "\n", encoding="utf-8")
    return out


def one(mode: str, source: Path, output: Path, go: Path | None) -> dict[str, Any]:
    """Run one configuration in this process; start-up and work times, peaks."""
    t0 = time.perf_counter()
    if mode == "spacy":
        from newsgraph.analysis.nlp import load_model

        texts = [json.loads(line)["text"] for line in source.read_text(encoding="utf-8").splitlines() if line]
        nlp = load_model()
        if go is not None:  # side by side: wait until the other process has loaded too
            Path(str(go) + f".ready{os.getpid()}").touch()
            while not go.exists():
                time.sleep(0.05)
        t1 = time.perf_counter()
        start_wall = time.time()
        n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
        return {"startup": t1 - t0, "work": time.perf_counter() - t1, "n": n, "peak": peak_rss(),
                "start": start_wall, "end": time.time()}
    if mode == "nodask":
        from newsgraph.analysis.batch import analyze_jsonl
        from newsgraph.analysis.nlp import load_model
        from newsgraph.analysis.pipeline import prepare_stages

        load_model()
        prepare_stages()
        t1 = time.perf_counter()
        c1 = time.process_time()
        with output.open("w", encoding="utf-8") as out:
            summary = analyze_jsonl(source, out, show_progress=False)
        return {"startup": t1 - t0, "work": time.perf_counter() - t1, "n": summary.analysed + summary.failed,
                "failed": summary.failed, "peak": peak_rss(), "cpu": time.process_time() - c1}
    from distributed import get_task_stream

    from newsgraph.scale import analyze_jsonl_on, open_cluster, worker_peak_memory

    with open_cluster(workers=int(mode.removeprefix("workers"))) as client:
        before = client.run(process_cpu)
        t1 = time.perf_counter()
        c1 = time.process_time()
        with output.open("w", encoding="utf-8") as out, get_task_stream(client) as stream:
            summary = analyze_jsonl_on(client, source, out, show_progress=False)
        work = time.perf_counter() - t1
        cpu = time.process_time() - c1
        after = client.run(process_cpu)
        workers = sorted(worker_peak_memory(client).values())
    return {"startup": t1 - t0, "work": work, "n": summary.analysed + summary.failed, "failed": summary.failed,
            "peak": peak_rss(), "workers": workers, "cpu": cpu, "per_worker": per_worker(stream.data),
            "worker_cpu": sum(after[w] - before.get(w, 0.0) for w in after)}


def process_cpu() -> float:
    """This process's CPU time so far, seconds (run on each worker)."""
    return time.process_time()


def per_worker(stream: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Tasks, computing time, and idle gaps between tasks (over 50 ms) of each worker, from Dask's task stream."""
    spans: dict[str, list[tuple[float, float]]] = {}
    for task in stream:
        for s in task.get("startstops", ()):
            if s.get("action") == "compute":
                spans.setdefault(str(task.get("worker")), []).append((float(s["start"]), float(s["stop"])))
    answer = []
    for _, runs in sorted(spans.items()):
        runs.sort()
        gaps = [b[0] - a[1] for a, b in itertools.pairwise(runs)]
        answer.append({"tasks": len(runs), "busy": sum(stop - start for start, stop in runs),
                       "span": runs[-1][1] - runs[0][0], "gaps": sum(1 for g in gaps if g > 0.05),
                       "idle": sum(max(0.0, g) for g in gaps)})
    return answer


def child(mode: str, source: Path, output: Path, go: Path | None = None) -> subprocess.Popen[str]:
    cmd = [sys.executable, __file__, "--one", mode, "--input", str(source), "--output", str(output)]
    if go is not None:
        cmd += ["--go", str(go)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)


def result(proc: subprocess.Popen[str]) -> dict[str, Any]:
    out, _ = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"a benchmark process failed (status {proc.returncode})")
    answer: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return answer


def side_by_side(source: Path, folder: Path) -> dict[str, Any]:
    """Two plain spaCy processes released together once both have loaded the model."""
    go = folder / "go"
    go.unlink(missing_ok=True)
    procs = [child("spacy", source, folder / f"pair{k}.out", go) for k in range(2)]
    while len(list(folder.glob("go.ready*"))) < 2:
        time.sleep(0.05)
    go.touch()
    runs = [result(p) for p in procs]
    for ready in folder.glob("go.ready*"):
        ready.unlink()
    span = max(r["end"] for r in runs) - min(r["start"] for r in runs)
    return {"work": span, "n": sum(r["n"] for r in runs), "peak": max(r["peak"] for r in runs)}


def writer(analyses: Path, folder: Path) -> dict[str, Any]:
    """Analyses per second one SQLite writer stores (transactions of 32), and the resolve after; then the same
    analyses through ``ingest --analyses`` (the JSONL read and decoded too) into another fresh store."""
    from newsgraph import Store
    from newsgraph.corpus.analyses import ingest_analyses
    from newsgraph.model import Analysis

    records = [json.loads(line) for line in analyses.read_text(encoding="utf-8").splitlines() if line]
    batch = [Analysis.from_dict(r) for r in records if "error" not in r]
    db = folder / "writer.db"
    db.unlink(missing_ok=True)
    with Store(db) as store:
        t0 = time.perf_counter()
        for k in range(0, len(batch), 32):
            store.add(batch[k:k + 32])
        write = time.perf_counter() - t0
        t1 = time.perf_counter()
        store.resolve()
        resolve = time.perf_counter() - t1
    again = folder / "ingest.db"
    again.unlink(missing_ok=True)
    with Store(again) as store:
        t2 = time.perf_counter()
        summary = ingest_analyses(store, [analyses])
        ingest = time.perf_counter() - t2
    return {"n": len(batch), "write": write, "resolve": resolve, "size": db.stat().st_size,
            "ingested": summary.added, "ingest": ingest}


def mb(n: float) -> str:
    return f"{n / 2**20:.0f} MB"


ORDER = ("spacy x1", "spacy x2", "no dask", "workers 1", "workers 2")


def run_one(name: str, source: Path, folder: Path) -> dict[str, Any]:
    if name == "spacy x2":
        return side_by_side(source, folder)
    mode = {"spacy x1": "spacy", "no dask": "nodask"}.get(name, name.replace(" ", ""))
    return result(child(mode, source, folder / f"{mode}.jsonl"))


def describe(name: str, run: dict[str, Any]) -> str:
    """One line for one run: load before/after, start-up, work, rate, memory; tasks and busy time per worker."""
    rate = run["n"] / run["work"]
    start = f"{run['startup']:.1f}s" if "startup" in run else "-"
    line = (f"{name:<10} load {run['load'][0]:>4.1f}>{run['load'][1]:<4.1f} start {start:>5} work {run['work']:>6.1f}s "
            f"{rate:>5.1f}/s  peak {mb(run['peak'])}")
    if "cpu" in run:
        line += f"  cpu here {run['cpu']:.1f}s"
    if "worker_cpu" in run:
        line += f", in the workers {run['worker_cpu']:.1f}s"
    for k, w in enumerate(run.get("per_worker", ())):
        line += (f"\n{'':12}worker {k + 1}: {w['tasks']} tasks, computing {w['busy']:.1f}s of the {run['work']:.1f}s "
                 f"({w['busy'] / run['work']:.0%}), {w['gaps']} idle gap(s) over 50 ms, idle {w['idle']:.2f}s "
                 f"between tasks, peak {mb(run['workers'][k]) if k < len(run['workers']) else '?'}")
    return line


def ratios(runs: dict[str, dict[str, Any]]) -> dict[str, float]:
    """The ratios of one round (the same articles, the same minutes)."""
    def rate(name: str) -> float:
        return float(runs[name]["n"] / runs[name]["work"])

    def cpu(name: str) -> float:
        run = runs[name]
        return float(run.get("cpu", 0.0) + run.get("worker_cpu", 0.0))

    limit = rate("spacy x2") / rate("spacy x1")
    w2 = rate("workers 2") / rate("no dask")
    return {"limit": limit, "w1": rate("workers 1") / rate("no dask"), "w2": w2, "w2 of limit": w2 / limit,
            "nodask/spacy": rate("no dask") / rate("spacy x1"),
            "w1 cpu": cpu("no dask") / cpu("workers 1") if "worker_cpu" in runs["workers 1"] else float("nan")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--rounds", type=int, default=3, help="rounds of all five configurations, each in another order")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "bbc.jsonl")
    ap.add_argument("--one", choices=MODES, help=argparse.SUPPRESS)
    ap.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--go", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.input, args.output, args.go)))
        return

    print(f"{args.n} articles from {args.corpus.name}, {args.rounds} round(s), {os.cpu_count()} cores; "
          "load = 1-minute load average before > after each run", flush=True)
    rounds: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = draw(args.corpus, args.n, folder / "articles.jsonl")
        same = True
        for r in range(args.rounds):
            order = ORDER[r % len(ORDER):] + ORDER[:r % len(ORDER)]
            print(f"\nround {r + 1}: {', '.join(order)}", flush=True)
            runs: dict[str, dict[str, Any]] = {}
            for name in order:
                before = os.getloadavg()[0]
                run = run_one(name, source, folder)
                run["load"] = (before, os.getloadavg()[0])
                runs[name] = run
                print(describe(name, run), flush=True)
            same = same and all((folder / f"{m}.jsonl").read_bytes() == (folder / "nodask.jsonl").read_bytes()
                                for m in ("workers1", "workers2"))
            rounds.append(ratios(runs))
            got = rounds[-1]
            print(f"round {r + 1}: limit {got['limit']:.2f}x; workers 1 / no dask {got['w1']:.2f}; workers 2 / no dask "
                  f"{got['w2']:.2f} = {got['w2 of limit']:.0%} of the limit; no dask / spaCy "
                  f"{got['nodask/spacy']:.2f}; CPU time, no dask / (workers 1 + its client) {got['w1 cpu']:.2f}",
                  flush=True)
        store = writer(folder / "nodask.jsonl", folder)

    def median(key: str) -> float:
        return statistics.median(r[key] for r in rounds)

    print(f"\nmedian of {len(rounds)} round(s): the machine's limit (two spaCy processes / one) {median('limit'):.2f}x")
    print(f"workers 1 / no dask: {median('w1'):.2f} (goal: 0.90 or more); each round: "
          + ", ".join(f"{r['w1']:.2f}" for r in rounds))
    print(f"the same in CPU time (no dask / workers 1 with its client; the load does not move it): "
          f"{median('w1 cpu'):.2f}; each round: " + ", ".join(f"{r['w1 cpu']:.2f}" for r in rounds))
    print(f"workers 2: {median('w2 of limit'):.0%} of the limit (goal: 85% or more); each round: "
          + ", ".join(f"{r['w2 of limit']:.0%}" for r in rounds))
    print(f"--workers 1 and 2 outputs equal the one-process output byte for byte, every round: {same}")
    print(f"\nSQLite writer: {store['n']} analyses in {store['write']:.2f} s = {store['n'] / store['write']:.0f} "
          f"analyses/s written; resolve after: {store['resolve']:.2f} s; store {mb(store['size'])}")
    print(f"ingest --analyses (JSONL read, decoded, stored): {store['ingested']} in {store['ingest']:.2f} s = "
          f"{store['ingested'] / store['ingest']:.0f} analyses/s")


if __name__ == "__main__":
    main()
