#!/usr/bin/env python3
"""What the timex stage costs on a long narrative, as a share of the spaCy parse of the same text.

    python bench/bench_timex_long.py [--sizes 50000,100000,200000]

The text is the project's own narrative gold (tests/data/timex_narratives.jsonl) repeated, each
copy moved on by a few years so that the narrative keeps moving, until it is as long as asked.
For each size it prints the parse time, the timex stage's time, the stage's share of the parse
and, from the second size on, how the stage's time grew against the text's length (1.0 = linear).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from datetime import date
from math import log
from pathlib import Path

from newsgraph.analysis.nlp import parse
from newsgraph.analysis.time.find import timexes_of

ROOT = Path(__file__).resolve().parents[1]


def long_narrative(size: int) -> str:
    """The narrative paragraphs repeated to ``size`` characters, their years moved on copy by copy."""
    with (ROOT / "tests" / "data" / "timex_narratives.jsonl").open(encoding="utf-8") as f:
        paragraphs = [json.loads(line)["text"] for line in f]
    body = "\n\n".join(paragraphs)
    parts: list[str] = []
    total, k = 0, 0
    while total < size:
        shift = k % 40
        copy = re.sub(r"\b1[0-9]\d\d\b", lambda m, shift=shift: str(int(m.group()) + shift), body)
        parts.append(copy)
        total += len(copy) + 2
        k += 1
    return "\n\n".join(parts)[:size]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="50000,100000,200000", help="text lengths in characters, comma-separated")
    ap.add_argument("--repeat", type=int, default=3, help="timex runs per size (the best is kept)")
    args = ap.parse_args()
    parse("warm up the model.")
    previous: tuple[int, float] | None = None
    print(f"{'chars':>8} {'parse s':>8} {'timex s':>8} {'share':>7} {'timexes':>8} {'growth':>7}")
    for size in (int(s) for s in args.sizes.split(",")):
        text = long_narrative(size)
        started = time.perf_counter()
        parsed = parse(text)
        parse_s = time.perf_counter() - started
        best = float("inf")
        found = 0
        for _ in range(args.repeat):
            started = time.perf_counter()
            found = len(timexes_of(parsed, date(2024, 5, 1)))
            best = min(best, time.perf_counter() - started)
        growth = ""
        if previous:
            # the exponent of the stage's time against the length: 1.0 is linear, 2.0 quadratic
            growth = f"{log(best / previous[1]) / log(len(text) / previous[0]):.2f}"
        print(f"{len(text):>8} {parse_s:>8.2f} {best:>8.3f} {best / parse_s:>7.1%} {found:>8} {growth:>7}")
        previous = (len(text), best)


if __name__ == "__main__":
    main()
