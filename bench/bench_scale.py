#!/usr/bin/env python3
"""Scale-out on Dask against one process, next to the machine's own limit, measured in the same run.

    python bench/bench_scale.py [--n 600] [--rounds 1] [--corpus ../shared/corpora/bbc.jsonl]

Each configuration runs in a fresh process, on the same ``--n`` articles drawn evenly
across the corpus:

- ``spacy x1``: plain spaCy ``nlp.pipe`` in one process; ``spacy x2``: two such processes
  side by side, started together once both have loaded the model. Their ratio is what
  this machine gives a second process (the limit; on shared machines it can be far
  below 2).
- ``no dask``: ``analyze_jsonl`` in one process (what ``newsgraph analyze`` does);
  ``workers 1`` / ``workers 2``: the same through a Dask ``LocalCluster``
  (``analyze --workers N``).
- ``writer``: the analyses stored in a fresh SQLite store by one writer, in
  transactions of 32 (what ``ingest`` does after the analysis): analyses written per second.

Times are split into start-up (loading the model; starting the cluster, whose workers
load it) and work (the articles). Prints articles/s, the ratios to the goals
(``--workers 1`` within 10% of no Dask, ``--workers 2`` at 85% of the limit or more),
and the peak resident memory of each process, workers included.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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

        load_model()
        t1 = time.perf_counter()
        with output.open("w", encoding="utf-8") as out:
            summary = analyze_jsonl(source, out, show_progress=False)
        return {"startup": t1 - t0, "work": time.perf_counter() - t1, "n": summary.analysed + summary.failed,
                "failed": summary.failed, "peak": peak_rss()}
    from newsgraph.scale import analyze_jsonl_on, open_cluster, worker_peak_memory

    with open_cluster(workers=int(mode.removeprefix("workers"))) as client:
        t1 = time.perf_counter()
        with output.open("w", encoding="utf-8") as out:
            summary = analyze_jsonl_on(client, source, out, show_progress=False)
        work = time.perf_counter() - t1
        workers = sorted(worker_peak_memory(client).values())
    return {"startup": t1 - t0, "work": work, "n": summary.analysed + summary.failed, "failed": summary.failed,
            "peak": peak_rss(), "workers": workers}


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
    """Analyses per second one SQLite writer stores (transactions of 32), and the resolve after."""
    from newsgraph import Store
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
    return {"n": len(batch), "write": write, "resolve": resolve, "size": db.stat().st_size}


def mb(n: float) -> str:
    return f"{n / 2**20:.0f} MB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--rounds", type=int, default=1, help="repeat the whole set, alternating the order")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "bbc.jsonl")
    ap.add_argument("--one", choices=MODES, help=argparse.SUPPRESS)
    ap.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--go", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.input, args.output, args.go)))
        return

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = draw(args.corpus, args.n, folder / "articles.jsonl")
        runs: dict[str, list[dict[str, Any]]] = {}
        order = ["spacy x1", "spacy x2", "no dask", "workers 1", "workers 2"]
        for r in range(args.rounds):
            for name in order if r % 2 == 0 else order[::-1]:
                print(f"round {r + 1}: {name} ...", file=sys.stderr, flush=True)
                if name == "spacy x2":
                    run = side_by_side(source, folder)
                else:
                    mode = {"spacy x1": "spacy", "no dask": "nodask"}.get(name, name.replace(" ", ""))
                    run = result(child(mode, source, folder / f"{mode}.jsonl"))
                runs.setdefault(name, []).append(run)
        same = (folder / "nodask.jsonl").read_bytes() == (folder / "workers2.jsonl").read_bytes()
        store = writer(folder / "nodask.jsonl", folder)

    def best(name: str, key: str = "work") -> dict[str, Any]:
        return min(runs[name], key=lambda run: float(run[key]))

    print(f"{args.n} articles from {args.corpus.name}, {args.rounds} round(s), {os.cpu_count()} cores, "
          f"load average before the last run {os.getloadavg()[0]:.1f} (best of the rounds shown)\n")
    print(f"{'':<11}{'start-up':>10}{'work':>9}{'articles/s':>12}{'end to end':>12}   peak memory")
    for name in order:
        run = best(name)
        rate = run["n"] / run["work"]
        total = run.get("startup", 0.0) + run["work"]
        peaks = mb(run["peak"]) + ("" if "workers" not in run else
                                   " client; workers " + ", ".join(mb(w) for w in run["workers"]))
        start = f"{run['startup']:.1f} s" if "startup" in run else "-"
        print(f"{name:<11}{start:>10}{run['work']:>8.1f}s{rate:>12.1f}{total:>11.1f}s   {peaks}")

    def rate(name: str) -> float:
        run = best(name)
        return float(run["n"] / run["work"])

    def end_to_end(name: str) -> float:
        run = best(name)
        return float(run["n"] / (run["startup"] + run["work"]))

    limit = rate("spacy x2") / rate("spacy x1")
    w1 = rate("workers 1") / rate("no dask")
    w2 = rate("workers 2") / rate("no dask")
    print(f"\nthe machine's limit (two spaCy processes / one): {limit:.2f}x")
    print(f"workers 1 / no dask: {w1:.2f} on the work, {end_to_end('workers 1') / end_to_end('no dask'):.2f} "
          "end to end (goal: 0.90 or more)")
    print(f"workers 2 / no dask: {w2:.2f} on the work, {end_to_end('workers 2') / end_to_end('no dask'):.2f} "
          f"end to end; {w2 / limit:.0%} of the limit on the work (goal: 85% or more)")
    print(f"--workers 2 output equals the one-process output byte for byte: {same}")
    print(f"\nSQLite writer: {store['n']} analyses in {store['write']:.2f} s = {store['n'] / store['write']:.0f} "
          f"analyses/s written; resolve after: {store['resolve']:.2f} s; store {mb(store['size'])}")


if __name__ == "__main__":
    main()
