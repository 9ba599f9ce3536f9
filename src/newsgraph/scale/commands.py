"""The two commands that scale out: a JSONL analysed to a JSONL (in input order), and an ingest (one writer)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from newsgraph.analysis.batch import BatchSummary, progress_bar, remaining
from newsgraph.analysis.documents import count_lines, read_jsonl
from newsgraph.analysis.resume import Done, skip_done
from newsgraph.corpus.ingest import IngestSummary, ingest_paths
from newsgraph.model import Analysis, Document, Failure
from newsgraph.scale.runner import DEFAULT_BATCH_SIZE, analyze_on_cluster, from_record

if TYPE_CHECKING:
    from distributed import Client

    from newsgraph.corpus.db import Database


def analyze_jsonl_on(client: Client, source: str | Path, out: IO[str], *, model: str | None = None,
                     batch_size: int = DEFAULT_BATCH_SIZE, in_flight: int | None = None,
                     show_progress: bool = True, resume: tuple[Done, Path] | None = None) -> BatchSummary:
    """``analyze_jsonl`` on a Dask cluster: one JSON line per input line, in input order, to ``out``
    (``resume`` as there: an earlier run's lines skipped, ``out`` its output opened to append)."""
    items = read_jsonl(source)
    if resume is not None:
        items = skip_done(items, *resume)
    console = Console(stderr=True)
    progress = progress_bar(console) if show_progress else None
    task = progress.add_task("analysing", total=remaining(count_lines(source), resume), rate="") if progress else None

    def advance(n: int) -> None:
        if progress is not None and task is not None:
            speed = progress.tasks[task].speed
            progress.update(task, advance=n, rate=f"{speed:.1f} articles/s" if speed else "")

    ok = failed = 0
    if progress:
        progress.start()
    try:
        for record in analyze_on_cluster(client, items, model=model, batch_size=batch_size, in_flight=in_flight,
                                         on_done=advance):
            if "error" in record:
                failed += 1
                said = f"{record['document'].get('id')}: {record['error']}"
                console.print(f"[yellow]skipped[/] {escape(said)}", highlight=False)
            else:
                ok += 1
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if progress:
            progress.stop()
    return BatchSummary(analysed=ok, failed=failed)


def ingest_on(client: Client, store: Database, paths: Sequence[str | Path], *, model: str | None = None,
              published: str | None = None, show_progress: bool = False, batch_size: int = DEFAULT_BATCH_SIZE,
              in_flight: int | None = None) -> IngestSummary:
    """``ingest_paths`` with the analysis on a Dask cluster; this process stays the store's only writer."""

    def analyze(items: Iterable[Document | Failure], model: str | None = None) -> Iterator[Analysis | Failure]:
        for record in analyze_on_cluster(client, items, model=model, batch_size=batch_size, in_flight=in_flight):
            yield from_record(record)

    return ingest_paths(store, paths, model=model, published=published, show_progress=show_progress,
                        batch_size=batch_size, analyze=analyze)


