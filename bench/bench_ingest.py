#!/usr/bin/env python3
"""Time `newsgraph ingest` against `newsgraph analyze` on the same articles, then time the queries.

    python bench/bench_ingest.py [--n 2225] [--corpus ../shared/corpora/bbc.jsonl] [--keep DB]

Prints articles per second for both, the ratio ingest / analyze throughput (target: at
least 0.9), failures, the store's size, and how long each query takes (target: well
under a second).
"""

from __future__ import annotations

import argparse
import io
import itertools
import tempfile
import time
from pathlib import Path
from typing import Any

from newsgraph import Store
from newsgraph.analysis.batch import analyze_jsonl
from newsgraph.analysis.documents import read_jsonl
from newsgraph.analysis.pipeline import analyze_documents

ROOT = Path(__file__).resolve().parents[1]


def subset(corpus: Path, n: int, folder: Path) -> Path:
    out = folder / "subset.jsonl"
    with corpus.open(encoding="utf-8") as f, out.open("w", encoding="utf-8") as g:
        g.writelines(itertools.islice(f, n))
    return out


def timed(label: str, fn: Any) -> Any:
    t0 = time.perf_counter()
    answer = fn()
    ms = 1000 * (time.perf_counter() - t0)
    size = len(answer) if hasattr(answer, "__len__") else ""
    print(f"  {label:42s} {ms:8.1f} ms   ({size} items)")
    return answer


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2225)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "bbc.jsonl")
    ap.add_argument("--keep", type=Path, default=None, help="Keep the database here.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        jsonl = subset(args.corpus, args.n, folder)
        n = sum(1 for _ in read_jsonl(jsonl))
        list(analyze_documents(itertools.islice(read_jsonl(jsonl), 10)))  # load the model outside the timings

        t0 = time.perf_counter()
        summary = analyze_jsonl(jsonl, io.StringIO(), show_progress=False)
        analyze_s = time.perf_counter() - t0

        db = args.keep or folder / "bench.db"
        db.unlink(missing_ok=True)
        with Store(db) as store:
            t0 = time.perf_counter()
            ingested = store.ingest([jsonl])
            ingest_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            store.resolve()
            resolve_s = time.perf_counter() - t0
            counts = store.counts()

            print(f"articles            {n}")
            print(f"newsgraph analyze   {analyze_s:7.1f} s  {n / analyze_s:6.1f} articles/s  "
                  f"({summary.failed} failed)")
            print(f"newsgraph ingest    {ingest_s:7.1f} s  {n / ingest_s:6.1f} articles/s  "
                  f"({ingested.added} added, {ingested.failed} failed)")
            print(f"throughput ratio    {analyze_s / ingest_s:7.3f}  ingest / analyze (target >= 0.9)")
            print(f"of which resolve    {resolve_s:7.2f} s  (the whole corpus, once per run)")
            print(f"store               {db.stat().st_size / 1e6:.1f} MB, {counts}")
            print("queries")
            people = store.actors(type="PERSON", limit=2)
            top = store.actors(limit=1)
            timed("actors", store.actors)
            timed("actors --type PERSON", lambda: store.actors(type="PERSON"))
            if people:
                a = people[0]["name"]
                timed(f"actor {a!r}", lambda: store.actor(a))
                timed(f"timeline --actor {a!r}", lambda: store.timeline(actor=a))
                timed(f"events --actor {a!r}", lambda: store.events(actor=a))
                timed(f"quotes --by {a!r}", lambda: store.quotes(by=a))
                timed(f"network --actor {a!r} --depth 2", lambda: store.network(a, depth=2)["nodes"])
            if top:
                timed(f"actor {top[0]['name']!r} (most reported)", lambda: store.actor(top[0]["name"]))
            if len(people) == 2:
                timed(f"path {people[0]['name']!r} {people[1]['name']!r}",
                      lambda: store.path(people[0]["name"], people[1]["name"]))
            timed("events", store.events)
            timed("timeline --since 2005-01-01", lambda: store.timeline(since="2005-01-01"))
            timed("quotes", store.quotes)


if __name__ == "__main__":
    main()
