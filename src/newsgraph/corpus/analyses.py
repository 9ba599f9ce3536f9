"""Analyses made elsewhere into the store, not analysed again: ``newsgraph analyze`` JSONL output (``newsgraph/1``).

This is the second half of analysing at scale: the analysis runs on a cluster into JSONL
files (``analyze part-07.jsonl --output out/part-07.jsonl --scheduler ...``, one file a
partition, each resumable), and one ``ingest --analyses out/`` here stores them, this
process the store's only writer. An article already stored (same text) is skipped before its
record is decoded, so a stopped ingest run again carries on where it stopped; an error
record of the analysis (an article that could not be analysed) is counted as skipped.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from rich.console import Console

from newsgraph.analysis.documents import InputError, open_jsonl
from newsgraph.corpus.ingest import (
    IngestProgress,
    IngestSummary,
    article_files,
    count_inputs,
    skip,
    store_analyses,
)
from newsgraph.corpus.write import content_hash
from newsgraph.model import SCHEMA, Analysis, Failure

if TYPE_CHECKING:
    from newsgraph.corpus.db import Database


def read_analyses(paths: Sequence[str | Path], known: Database | None = None) -> Iterator[Analysis | Failure | None]:
    """Each line of the JSONL files (or folders of them) as an ``Analysis``, or a ``Failure`` saying what is wrong.

    With ``known``, a line whose article that store already has is ``None`` (not decoded).
    """
    for item in article_files(paths):
        if isinstance(item, Failure):
            yield item
            continue
        if item.suffix.lower() != ".jsonl" and str(item) != "-":
            yield Failure(str(item), f"{item} is not a JSONL file of analyses (`newsgraph analyze` output)")
            continue
        try:
            f = open_jsonl(item)
        except InputError as err:
            yield Failure(str(item), str(err))
            continue
        yield from _lines(f, str(item), known, close=str(item) != "-")


def _lines(f: BinaryIO, name: str, known: Database | None, close: bool) -> Iterator[Analysis | Failure | None]:
    try:
        for n, raw in enumerate(f, start=1):
            if raw.strip():
                yield _analysis(raw, f"{name}:{n}", known)
    finally:
        if close:
            f.close()


def _analysis(raw: bytes, where: str, known: Database | None) -> Analysis | Failure | None:
    try:
        record: Any = json.loads(raw)
    except (ValueError, RecursionError):
        return Failure(where, f"{where} is not valid JSON")
    if not isinstance(record, dict):
        return Failure(where, f"{where} is not an analysis (a JSON object)")
    document = record.get("document")
    doc_id = str(document.get("id")) if isinstance(document, dict) and document.get("id") is not None else where
    if "error" in record:
        return Failure(doc_id, f"was not analysed: {record['error']}")
    if record.get("schema") != SCHEMA:
        return Failure(doc_id, f"{where} is not a {SCHEMA} analysis (schema {record.get('schema')!r}): "
                               "give the output of `newsgraph analyze`, or ingest articles without --analyses")
    text = document.get("text") if isinstance(document, dict) else None
    if not isinstance(text, str) or not text.strip():
        return Failure(doc_id, f"{where}: the analysis has no document text")
    if known is not None and known.has_hash(content_hash(text)):
        return None
    try:
        return Analysis.from_dict(record)
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        return Failure(doc_id, f"{where}: a {SCHEMA} record that cannot be read: {type(err).__name__}: {err}")


def ingest_analyses(store: Database, paths: Sequence[str | Path], *, show_progress: bool = False,
                    batch_size: int = 32) -> IngestSummary:
    """Store every analysis of ``paths`` whose article is not stored yet, a transaction per ``batch_size``."""
    console = Console(stderr=True, file=sys.stderr, soft_wrap=True)
    summary = IngestSummary()
    progress = IngestProgress(console, count_inputs(paths)) if show_progress else None
    batch: list[Analysis] = []
    try:
        for item in read_analyses(paths, known=store):
            if item is None:
                summary.duplicates += 1
            elif isinstance(item, Failure):
                skip(item, summary, console)
            else:
                batch.append(item)
                if len(batch) >= batch_size:
                    store_analyses(store, batch, {}, summary, console)
            if progress:
                progress.advance()
        store_analyses(store, batch, {}, summary, console)
    finally:
        if progress:
            progress.stop()
    store._ready()  # as ingest_paths: a store from an older resolver is rebuilt here
    return summary
