#!/usr/bin/env python3
"""Time `newsgraph analyze` against plain spaCy `nlp.pipe` on the same texts, in the same run.

    python bench/bench_analyze.py [--n 500] [--corpus ../shared/corpora/bbc.jsonl]

Prints both times, articles per second and the ratio newsgraph / spaCy (target: under 1.25),
plus the time each stage takes as a share of the parse.
"""

from __future__ import annotations

import argparse
import json
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsgraph.analysis.context import Context
from newsgraph.analysis.nlp import load_model, to_parsed
from newsgraph.analysis.pipeline import STAGES, analyze_documents, parse_date
from newsgraph.model import Document

ROOT = Path(__file__).resolve().parents[1]


def load(corpus: Path, n: int) -> list[Document]:
    """``n`` distinct articles drawn evenly across the corpus (every topic, long ones too), not its first ``n``."""
    seen: set[str] = set()
    every = []
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["text"] not in seen:
                seen.add(d["text"])
                every.append(Document(id=str(d["id"]), text=d["text"], published=d.get("published")))
    step = max(len(every) / n, 1.0)
    return [every[int(i * step)] for i in range(min(n, len(every)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--chunk", type=int, default=50, help="articles per interleaved chunk")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "bbc.jsonl")
    args = ap.parse_args()
    docs = load(args.corpus, args.n)
    nlp = load_model()
    list(nlp.pipe([d.text for d in docs[:20]]))  # warm up both paths
    list(analyze_documents(docs[:20]))

    # Interleaved chunks, alternating which goes first, so that a change in the machine's load
    # during the run weighs on both sides alike.
    spacy_s = ours_s = 0.0
    parsed_docs: list[Any] = []
    results: list[Any] = []
    for k in range(0, len(docs), args.chunk):
        chunk = docs[k:k + args.chunk]
        runs = [("spacy", lambda c=chunk: list(nlp.pipe([d.text for d in c], batch_size=32))),
                ("ours", lambda c=chunk: list(analyze_documents(c)))]
        if (k // args.chunk) % 2:
            runs.reverse()
        for name, run in runs:
            t0 = time.perf_counter()
            out = run()
            took = time.perf_counter() - t0
            if name == "spacy":
                spacy_s += took
                parsed_docs += out
            else:
                ours_s += took
                results += out

    # where our time goes: conversion and each stage, over the Docs parsed above
    stage_s: dict[str, float] = defaultdict(float)
    for d, doc in zip(docs, parsed_docs, strict=True):
        t = time.perf_counter()
        parsed = to_parsed(doc)
        stage_s["to_parsed"] += time.perf_counter() - t
        ctx = Context(document=d, parsed=parsed, published=parse_date(d.published))
        for stage in STAGES:
            t = time.perf_counter()
            ctx = stage.run(ctx)
            stage_s[stage.name] += time.perf_counter() - t

    tracemalloc.start()
    list(analyze_documents(docs[:50]))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    failed = sum(1 for r in results if not hasattr(r, "entities"))
    print(f"articles          {len(docs)}  (failed {failed})")
    print(f"spaCy nlp.pipe    {spacy_s:7.2f} s  {len(docs) / spacy_s:6.1f} articles/s")
    print(f"newsgraph analyze {ours_s:7.2f} s  {len(docs) / ours_s:6.1f} articles/s")
    print(f"ratio             {ours_s / spacy_s:7.3f}  (target < 1.25)")
    for name, s in stage_s.items():
        print(f"  {name:15s} {s:6.2f} s  {100 * s / spacy_s:5.1f}% of the parse")
    print(f"peak Python memory over 50 articles (tracemalloc): {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
