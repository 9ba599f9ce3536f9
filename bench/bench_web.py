#!/usr/bin/env python3
"""Time the explorer's pages (``newsgraph serve``) on a store of 10,000 articles.

    python bench/bench_web.py [--articles 10000] [--runs 5] [--db bench/out/web-10k.db]

The store: BBC (``../shared/corpora/bbc.jsonl``, 2,225 articles) analysed once (cached in
``bench/out/bbc-analyses.jsonl``), the seed article (published 2025-08-16), then grown to
``--articles`` by storing the same analyses again under new ids, each text with one
distinct sentence appended (offsets stay valid), through the store's own write path
(``Store.add``) and resolution. Pages are fetched over HTTP from uvicorn on 127.0.0.1,
each ``--runs`` times; the median and the slowest are printed, with a reference: plain
spaCy (``en_core_web_sm``) parsing the seed article, timed in the same run.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import uvicorn

from newsgraph import Store, analyze
from newsgraph.model import Analysis

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "bench" / "out"
TARGET_MS = 300


def bbc_analyses(cache: Path, corpus: Path) -> Path:
    """The BBC analyses, made once with ``newsgraph analyze`` (a few minutes) and kept."""
    if not cache.exists() or sum(1 for _ in cache.open()) < sum(1 for _ in corpus.open()):
        print(f"analysing {corpus} into {cache} (once) ...", flush=True)
        newsgraph = [sys.executable, "-c", "from newsgraph.cli.main import main; main()"]
        subprocess.run([*newsgraph, "analyze", str(corpus), "--output", str(cache), "-q"], check=False)
    return cache


def read_analyses(path: Path) -> Iterator[Analysis]:
    with path.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if "document" in record and "entities" in record:
                yield Analysis.from_dict(record)


def copy_of(a: Analysis, n: int) -> Analysis:
    """The same analysis under a new id, one distinct sentence appended to its text (no offset moves)."""
    doc = a.document
    extra = f"\n\nThis report was filed again as copy number {n}."
    return dataclasses.replace(a, document=dataclasses.replace(doc, id=f"{doc.id}~{n}", text=doc.text + extra))


def build_store(db: Path, analyses_path: Path, target: int) -> None:
    seed_text = (SHARED / "gold" / "seed" / "alaska-summit.txt").read_text(encoding="utf-8")
    seed = analyze(seed_text, published="2025-08-16")
    seed = dataclasses.replace(seed, document=dataclasses.replace(seed.document, id="alaska-summit",
                                                                  title="Putin and Trump in Alaska (seed)"))
    base = list(read_analyses(analyses_path))
    t0 = time.perf_counter()
    with Store(db) as store:
        stored = len(store.add([seed])) + len(store.add(base))  # duplicates (same text) are skipped
        n = 1
        while stored < target:
            stored += len(store.add([copy_of(a, n) for a in base[:target - stored]]))
            n += 1
        t1 = time.perf_counter()
        store.resolve()
        counts = store.counts()
    print(f"store: {counts} (written in {t1 - t0:.0f} s, resolved in {time.perf_counter() - t1:.0f} s)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def spacy_reference_ms(runs: int) -> float:
    from newsgraph.analysis.nlp import load_model

    nlp = load_model()  # the installed en_core_web_sm, as newsgraph loads it
    text = (SHARED / "gold" / "seed" / "alaska-summit.txt").read_text(encoding="utf-8")
    nlp(text)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        nlp(text)
        times.append(1000 * (time.perf_counter() - t0))
    return statistics.median(times)


def screenshots(base: str, pages: dict[str, str], folder: Path) -> None:
    """Each page as Chromium shows it, full length, in ``folder`` (named after the page)."""
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for label, url in pages.items():
            if url.startswith("/api/"):
                continue
            page.goto(base + url, wait_until="load", timeout=120_000)
            page.wait_for_timeout(500)  # the graph's layout, the timeline's drawing
            name = "".join(c if c.isalnum() else "-" for c in label.split("(")[0].strip().lower()).strip("-")
            page.screenshot(path=str(folder / f"{name}.png"), full_page=False)
        browser.close()
    print(f"screenshots in {folder}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--db", type=Path, default=OUT / "web-10k.db")
    ap.add_argument("--rebuild", action="store_true", help="Build the store again even if it exists.")
    ap.add_argument("--screenshots", type=Path, default=None, metavar="DIR",
                    help="Also open each page in Chromium (/usr/bin/chromium) and save a screenshot here.")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.rebuild or not args.db.exists():
        args.db.unlink(missing_ok=True)
        build_store(args.db, bbc_analyses(OUT / "bbc-analyses.jsonl", SHARED / "corpora" / "bbc.jsonl"),
                    args.articles)

    from newsgraph.web import create_app, open_read_only
    from newsgraph.web.network import GraphCache

    db = open_read_only(args.db)
    t0 = time.perf_counter()
    graphs = GraphCache()
    graphs.get(db.conn)  # what `newsgraph serve` does before it listens
    app = create_app(db, graphs)
    print(f"actor graph read in {time.perf_counter() - t0:.1f} s (once, at start)")
    people = db.actors("PERSON", 1)
    places = db.actors("GPE", 1)
    top_person, top_place = people[0]["name"], places[0]["name"]
    busiest = db.conn.execute("SELECT event_id FROM happenings ORDER BY n_docs DESC LIMIT 1").fetchone()[0]
    counts = db.counts()
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    q = quote
    pages = {
        "search (Putin)": "/search?q=Putin",
        "search (a common word: said)": "/search?q=said",
        f"actor, most reported person ({top_person})": f"/actor/{q(top_person, safe='')}",
        f"actor, most reported place ({top_place})": f"/actor/{q(top_place, safe='')}",
        "actor (Putin)": "/actor/Putin",
        "event, most reported": f"/event/{busiest}",
        "article (the seed)": "/article/alaska-summit",
        "network (most reported actors)": "/network",
        "network around Putin, depth 2": "/network?actor=Putin&depth=2",
        "network, PERSON, Aug. 2025, min 2 articles": "/network?type=PERSON&since=2025-08&until=2025-08&min_weight=2",
        "path Putin - Trump": "/network?actor=Putin&a=Putin&b=Trump",
        "timeline (all, page 1)": "/timeline",
        "timeline (all, page 20)": "/timeline?page=20",
        "timeline (Putin)": "/timeline?actor=Putin",
        "api actor (Putin)": "/api/actor/Putin",
        "api timeline": "/api/timeline?limit=100",
    }
    print(f"\npage times over HTTP, store of {counts['documents']} articles, {counts['actors']} actors, "
          f"{counts['events']} events, {counts['quotes']} quotes; {args.runs} runs each (target < {TARGET_MS} ms)")
    print(f"  {'page':52s} {'median':>8s} {'slowest':>8s}  size")
    worst = 0.0
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
        for label, url in pages.items():
            times = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                r = client.get(url)
                times.append(1000 * (time.perf_counter() - t0))
            med = statistics.median(times)
            worst = max(worst, med)
            flag = "" if r.status_code == 200 else f"  HTTP {r.status_code}"
            print(f"  {label:52s} {med:6.0f} ms {max(times):6.0f} ms  {len(r.content) // 1024} kB{flag}")
    if args.screenshots:
        screenshots(f"http://127.0.0.1:{port}", pages, args.screenshots)
    server.should_exit = True
    ref = spacy_reference_ms(args.runs)
    verdict = "within" if worst < TARGET_MS else "OVER"
    print(f"\nslowest page (median): {worst:.0f} ms, {verdict} the {TARGET_MS} ms target")
    print(f"reference: plain spaCy parses the seed article in {ref:.0f} ms (slowest page = {worst / ref:.1f}x that)")


if __name__ == "__main__":
    main()
