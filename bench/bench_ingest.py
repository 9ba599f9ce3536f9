#!/usr/bin/env python3
"""Time `newsgraph ingest` against `newsgraph analyze` on the same articles: whole commands, interleaved.

    python bench/bench_ingest.py [--n 500] [--chunks 5] [--corpus ../shared/corpora/bbc.jsonl]

The sample is drawn across the whole corpus (every topic, the longest article
included), duplicates (the same text twice) left out, so that the rate counts only
articles that were analysed and stored. The sample is cut into chunks; for each chunk
both commands run as a user runs them (a process each, the model's loading
included), in alternating order, so that a change in the machine's load weighs on
both alike. The ingest goes into one store that grows chunk by chunk, so its rate is
also shown per chunk: it should stay flat as the store grows.

Prints articles per second for both, the ratio ingest / analyze throughput (target:
at least 0.9), and the machine's load. The queries at scale: ``bench_corpus.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent / "newsgraph"


def across(corpus: Path, n: int) -> list[str]:
    """``n`` distinct articles (JSONL lines) spread evenly over the corpus, the longest among them."""
    seen: set[str] = set()
    lines = []
    for line in corpus.open(encoding="utf-8"):
        digest = hashlib.sha256(json.loads(line)["text"].encode("utf-8")).hexdigest()
        if digest not in seen:
            seen.add(digest)
            lines.append(line)
    step = max(len(lines) / n, 1.0)
    picked = dict.fromkeys(int(i * step) for i in range(min(n, len(lines))))
    longest = max(range(len(lines)), key=lambda i: len(json.loads(lines[i])["text"]))
    chosen = [lines[i] for i in picked] + ([] if longest in picked else [lines[longest]])
    return chosen[:n]


def timed(args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--chunks", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "bbc.jsonl")
    args = ap.parse_args()
    sample = across(args.corpus, args.n)
    size = -(-len(sample) // args.chunks)
    print(f"articles            {len(sample)} distinct, drawn across {args.corpus.name}; load {os.getloadavg()}")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        analyze_s = ingest_s = 0.0
        for k in range(0, len(sample), size):
            chunk = Path(tmp) / f"chunk-{k}.jsonl"
            chunk.write_text("".join(sample[k:k + size]), encoding="utf-8")
            runs = [("analyze", [str(BIN), "analyze", str(chunk), "-o", str(Path(tmp) / "out.jsonl"), "-q"]),
                    ("ingest", [str(BIN), "ingest", str(chunk), "--db", str(db), "-q"])]
            if (k // size) % 2:
                runs.reverse()
            took = {name: timed(cmd) for name, cmd in runs}
            analyze_s += took["analyze"]
            ingest_s += took["ingest"]
            n = len(sample[k:k + size])
            print(f"  chunk {k // size + 1}: {n} articles  analyze {n / took['analyze']:5.1f}/s  "
                  f"ingest {n / took['ingest']:5.1f}/s  (store then holds {k + n})")
        n = len(sample)
        print(f"newsgraph analyze   {analyze_s:7.1f} s  {n / analyze_s:6.1f} articles/s")
        print(f"newsgraph ingest    {ingest_s:7.1f} s  {n / ingest_s:6.1f} articles/s")
        print(f"throughput ratio    {analyze_s / ingest_s:7.3f}  ingest / analyze (target >= 0.9)")
        print(f"store               {db.stat().st_size / 1e6:.1f} MB; load at the end {os.getloadavg()}")


if __name__ == "__main__":
    main()
