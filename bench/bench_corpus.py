#!/usr/bin/env python3
"""The corpus at scale: every query command, a 10-article ingest and each export at 2k, 10k and 100k articles.

    python bench/bench_corpus.py analyse   # once: the BBC corpus analysed, cached in bench/out/ (git-ignored)
    python bench/bench_corpus.py build     # once: stores of 2k, 10k and 100k articles in bench/out/
    python bench/bench_corpus.py measure [--sizes 2k,10k,100k] [--runs 3]

The stores grow by storing the cached BBC analyses again, each copy under new ids with
a distinct sentence appended at the end (so every offset stays valid), through
``Database.add``, the write path an ingest uses: each batch is resolved against the
store as it is written. Copies add hardly any new actors, so a real corpus of the
same size has more of them.

``measure`` times each command as a user runs it (a whole ``newsgraph`` process,
start-up included; the median of ``--runs``), interleaved round by round with the
baseline ``newsgraph --version`` so the machine's load falls on both alike; the
ingest of 10 new articles (drawn across every topic, the longest included) against
``newsgraph analyze`` of the same 10, each on a fresh copy of the store; each
export's time and peak memory (the process's maximum resident set); the store's size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from newsgraph.corpus.db import Database
from newsgraph.model import Analysis

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
CORPUS = Path(os.environ.get("NEWSGRAPH_CORPUS", "/work/shared/corpora/bbc.jsonl"))
ANALYSES = OUT / "bbc-analyses.jsonl"
SIZES = {"2k": 2_000, "10k": 10_000, "100k": 100_000}
BATCH = int(os.environ.get("NEWSGRAPH_BENCH_BATCH", "500"))
BIN = Path(sys.executable).parent / "newsgraph"


def store_path(size: str) -> Path:
    return OUT / f"corpus-{size}.db"


def cached() -> list[Analysis]:
    """The cached analyses, duplicates (same text) left out, in corpus order."""
    seen: set[str] = set()
    out = []
    with ANALYSES.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if "error" in record:
                continue
            a = Analysis.from_dict(record)
            digest = hashlib.sha256(a.document.text.encode("utf-8")).hexdigest()
            if digest not in seen:
                seen.add(digest)
                out.append(a)
    return out


def copy_of(a: Analysis, k: int) -> Analysis:
    """The analysis of the same article filed again: a new id, one sentence appended at the end."""
    doc = a.document
    return replace(a, document=replace(doc, id=f"{doc.id}~{k}", text=f"{doc.text}\n\nFiled again, copy {k}."))


def copies(base: list[Analysis], start: int) -> Iterator[Analysis]:
    """Copies 1, 2, ... of the whole corpus, forever, from the ``start``-th analysis on."""
    n = start
    while True:
        k, i = divmod(n, len(base))
        yield base[i] if k == 0 else copy_of(base[i], k)
        n += 1


def grow(db: Path, base: list[Analysis], target: int) -> None:
    with Database(db) as store:
        have = store.counts()["documents"]
        stream = copies(base, have)
        t0 = time.perf_counter()
        while have < target:
            batch = [next(stream) for _ in range(min(BATCH, target - have))]
            t1 = time.perf_counter()
            have += len(store.add(batch))
            print(f"  {have:>7} articles  batch {time.perf_counter() - t1:5.1f} s  "
                  f"total {time.perf_counter() - t0:6.0f} s", flush=True)


def build(sizes: list[str]) -> None:
    base = cached()
    print(f"{len(base)} distinct analysed articles")
    previous: Path | None = None
    for size in sizes:
        db = store_path(size)
        if not db.exists() and previous is not None:
            shutil.copyfile(previous, db)
        print(f"building {db.name} (a stopped build carries on)")
        grow(db, base, min(SIZES[size], len(base)) if size == "2k" else SIZES[size])
        previous = db


def sample(n: int = 10, k: int = 0) -> list[dict[str, object]]:
    """``n`` articles drawn across the corpus (every topic, the longest among them), made new (``k``: which draw)."""
    records = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    by_topic: dict[str, list[dict[str, object]]] = {}
    for r in records:
        by_topic.setdefault(str(r["id"]).rsplit("-", 1)[0], []).append(r)
    picked = [max(records, key=lambda r: len(str(r["text"])))]
    topics = sorted(by_topic)
    while len(picked) < n:
        group = by_topic[topics[len(picked) % len(topics)]]
        picked.append(group[(len(picked) * 37 + k * 101) % len(group)])
    return [{**r, "id": f"{r['id']}~new{k}", "text": f"{r['text']}\n\nA later edition, number {k}."}
            for r in picked]


def run(args: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one command: on a loaded machine the CPU time is the steadier."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def med(values: list[tuple[float, float]]) -> str:
    return (f"{statistics.median(v[0] for v in values):.2f} | "
            f"{statistics.median(v[1] for v in values):.2f}")


def peak_kb(args: list[str]) -> tuple[float, int]:
    """Time and peak resident memory (kB) of one command, run in a fresh child process."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *args], check=True, capture_output=True, text=True).stdout
    seconds, kb = out.split()
    return float(seconds), int(kb)


def queries(db: Path) -> list[tuple[str, list[str]]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    person = conn.execute("SELECT name FROM actors WHERE type = 'PERSON' ORDER BY n_docs DESC LIMIT 2").fetchall()
    top = conn.execute("SELECT name FROM actors WHERE type != 'PERSON' ORDER BY n_docs DESC LIMIT 1").fetchone()[0]
    conn.close()
    p1, p2 = person[0][0], person[1][0]
    d = ["--db", str(db)]
    return [
        ("actors", ["actors", *d]),
        ("actors --type PERSON --json", ["actors", "--type", "PERSON", "--json", *d]),
        (f"actor {top!r} --json (most reported)", ["actor", top, "--json", *d]),
        (f"actor {p1!r}", ["actor", p1, *d]),
        ("events", ["events", *d]),
        ("events --json", ["events", "--json", *d]),
        (f"events --actor {top!r}", ["events", "--actor", top, *d]),
        ("timeline", ["timeline", *d]),
        (f"timeline --actor {p1!r}", ["timeline", "--actor", p1, *d]),
        ("timeline --since 2004-12-01 --until 2005-01-31", ["timeline", "--since", "2004-12-01", "--until",
                                                             "2005-01-31", *d]),
        ("quotes", ["quotes", *d]),
        (f"quotes --by {p1!r} --json", ["quotes", "--by", p1, "--json", *d]),
        ("quotes --offset 5000", ["quotes", "--offset", "5000", *d]),
        (f"network --actor {p1!r}", ["network", "--actor", p1, *d]),
        (f"path {p1!r} {p2!r}", ["path", p1, p2, *d]),
    ]


def measure(sizes: list[str], runs: int, parts: set[str]) -> None:
    print(f"machine load (1, 5, 15 min): {os.getloadavg()}")
    base_cmd = [str(BIN), "--version"]
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            db = store_path(size)
            t0 = time.perf_counter()
            Database(db).close()  # a store built by an older version gets what this one adds (once, untimed below)
            print(f"\n(store {db.name} opened for writing in {time.perf_counter() - t0:.1f} s)")
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            n_docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            n_actors = conn.execute("SELECT COUNT(*) FROM actors").fetchone()[0]
            n_events = conn.execute("SELECT COUNT(*) FROM happenings").fetchone()[0]
            conn.close()
            print(f"\n## {size}: {n_docs} articles, {n_actors} actors, {n_events} merged events, "
                  f"store {db.stat().st_size / 1e6:.0f} MB  (load {os.getloadavg()[0]:.1f})")
            commands = queries(db) if "queries" in parts else []
            times: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in commands}
            baseline: list[tuple[float, float]] = []
            for _ in range(runs):  # interleaved: each round runs the baseline and every command once
                baseline.append(run(base_cmd))
                for label, args in commands:
                    times[label].append(run([str(BIN), *args]))
            print("| command | wall s (median) | CPU s (median) |")
            print("| --- | --- | --- |")
            print(f"| baseline `newsgraph --version` | {med(baseline)} |")
            for label, _ in commands:
                print(f"| `{label}` | {med(times[label])} |")
            ingest_s, analyze_s = [], []
            draws = range(n_docs, n_docs + runs) if "ingest" in parts else range(0)  # 10 never stored before
            for k in draws:  # into the store itself: it grows by 10 a run
                ten = Path(tmp) / f"ten-{k}.jsonl"
                ten.write_text("".join(json.dumps(r) + "\n" for r in sample(10, k)), encoding="utf-8")
                analyze_s.append(run([str(BIN), "analyze", str(ten), "-o", str(Path(tmp) / "a.jsonl"), "-q"]))
                ingest_s.append(run([str(BIN), "ingest", str(ten), "--db", str(db), "-q"]))
            if "ingest" not in parts:
                ingest_s = analyze_s = [(0.0, 0.0)]
            print(f"| `ingest` of 10 new articles | {med(ingest_s)} |")
            print(f"| `analyze` of the same 10 (no store) | {med(analyze_s)} |")
            store_part = statistics.median(i[1] - a[1] for i, a in zip(ingest_s, analyze_s, strict=True))
            print(f"| the store's part of the ingest (CPU, ingest - analyze) | | {store_part:+.2f} |")
            adds = []
            base = cached()
            with Database(db) as store:
                for k in draws:  # the write and the resolution alone, in process: 10 analysed articles
                    batch = [copy_of(base[(i * 211 + k) % len(base)], 1000 + k) for i in range(10)]
                    w, c = time.perf_counter(), time.process_time()
                    store.add(batch)
                    adds.append((time.perf_counter() - w, time.process_time() - c))
            print(f"| `Database.add` of 10 analysed articles (write + incremental resolution) | "
                  f"{med(adds or [(0.0, 0.0)])} |")
            for fmt in ("plover", "gdelt", "gexf", "graphml", "neo4j") if "exports" in parts else ():
                target = Path(tmp) / f"export.{fmt}"
                seconds, kb = peak_kb([str(BIN), "export", "--format", fmt, "-o", str(target), "--db", str(db)])
                size_mb = (sum(p.stat().st_size for p in target.iterdir()) if target.is_dir()
                           else target.stat().st_size) / 1e6
                print(f"| `export {fmt}` | {seconds:.2f} | | peak memory {kb / 1024:.0f} MB, "
                      f"output {size_mb:.0f} MB |")
                shutil.rmtree(target) if target.is_dir() else target.unlink()


def analyse() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(BIN), "analyze", str(CORPUS), "--output", str(ANALYSES), "-q"], check=False)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["analyse", "build", "measure"])
    ap.add_argument("--sizes", default="2k,10k,100k")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--parts", default="queries,ingest,exports", help="What to measure (comma-separated).")
    args = ap.parse_args()
    sizes = args.sizes.split(",")
    if args.step == "analyse":
        analyse()
    elif args.step == "build":
        build(sizes)
    else:
        measure(sizes, args.runs, set(args.parts.split(",")))


if __name__ == "__main__":
    main()
