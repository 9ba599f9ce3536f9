"""Many articles: a JSONL file in, one analysis a line out, in order, with a progress bar."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from newsgraph.analysis.documents import InputError, count_lines, document_from_record, read_jsonl
from newsgraph.analysis.pipeline import analyze_documents
from newsgraph.analysis.resume import Done, skip_done
from newsgraph.model import Document, Failure


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """How a batch went."""

    analysed: int
    failed: int


def progress_bar(console: Console) -> Progress:
    """A progress bar on stderr: count, articles/s and time left."""
    return Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]}"),
                    TimeRemainingColumn(), console=console, transient=False)


def _rate(progress: Progress, task: TaskID) -> str:
    speed = progress.tasks[task].speed
    return f"{speed:.1f} articles/s" if speed else ""


def analyze_jsonl(source: str | Path, out: IO[str], *, model: str | None = None,
                  show_progress: bool = True, resume: tuple[Done, Path] | None = None) -> BatchSummary:
    """Analyse each line of a JSONL file (``-``: standard input) and write one JSON line per input line to ``out``.

    ``resume``: what an earlier run left in the output file (``resume.done_in``) and that file;
    the lines it has are skipped, and ``out`` is that file opened to append. A missing or
    unreadable source, or an output that is not this input's, raises ``InputError`` before
    anything is written.
    """
    total = remaining(count_lines(source), resume)
    items = read_jsonl(source)
    if resume is not None:
        items = skip_done(items, *resume)
    console = Console(stderr=True)
    ok = failed = 0
    progress = progress_bar(console) if show_progress else None
    task = progress.add_task("analysing", total=total, rate="") if progress else None
    if progress:
        progress.start()
    try:
        for result in analyze_documents(items, model=model):
            if isinstance(result, Failure):
                failed += 1
                console.print(f"[yellow]skipped[/] {result.id}: {result.error}", highlight=False)
            else:
                ok += 1
            out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            if progress is not None and task is not None:
                progress.update(task, advance=1, rate=_rate(progress, task))
    finally:
        if progress:
            progress.stop()
    return BatchSummary(analysed=ok, failed=failed)


def remaining(total: int | None, resume: tuple[Done, Path] | None) -> int | None:
    """The articles left to analyse (a progress bar's total) once an earlier run's lines are skipped."""
    return None if total is None else max(0, total - (resume[0].lines if resume else 0))


def analyze_records(records: Iterable[dict[str, Any]], model: str | None = None) -> Iterator[dict[str, Any]]:
    """One ``newsgraph/1`` dict (or error dict) per input record, in order: plain data in and out.

    The unit of scale-out: records and results are JSON-able, so a partition of a corpus can
    be handed to a worker as is (``dask.bag.from_sequence(records).map_partitions(
    lambda part: list(analyze_records(part)))``), the model loaded once per worker.
    """
    def documents() -> Iterator[Document | Failure]:
        for n, record in enumerate(records, start=1):
            try:
                yield document_from_record(record, f"record-{n}")
            except InputError as err:
                rid = record.get("id") if isinstance(record, dict) else None
                yield Failure(str(rid if rid is not None else f"record-{n}"), str(err))

    for result in analyze_documents(documents(), model=model):
        yield result.to_dict()
