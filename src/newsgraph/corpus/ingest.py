"""Articles into the store: files (.txt, .md, .html), folders, JSONL and CSV; analysed once, stored in batches.

An article already in the store (same text) is skipped before it is analysed, so a
second run over the same input changes nothing and a run that was stopped carries
on where it stopped. A file, line or CSV row that cannot be read is reported (with its line) and skipped.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from newsgraph.analysis.documents import (
    InputError,
    article_bytes,
    checked_text,
    count_lines,
    decode,
    html_to_text,
    read_article,
    read_jsonl,
)
from newsgraph.cleantext import printable
from newsgraph.corpus.csv_articles import read_csv
from newsgraph.corpus.write import content_hash
from newsgraph.model import Analysis, Document, Failure

if TYPE_CHECKING:
    from newsgraph.corpus.db import Database

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
COLLECTION_SUFFIXES = frozenset({".jsonl", ".csv"})
Analyzer = Callable[..., Iterator[Analysis | Failure]]


@dataclass(slots=True)
class IngestSummary:
    """How an ingest went: articles added, already there, and skipped with the reason."""

    added: int = 0
    duplicates: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def failed(self) -> int:
        """How many articles or inputs were skipped because they could not be read or analysed."""
        return len(self.failures)


def article_files(paths: Iterable[str | Path]) -> Iterator[Path | Failure]:
    """Each input file named or found in a named folder (sorted), or a ``Failure`` for a path that is not there.

    ``-`` is standard input, read as JSONL. In a folder, an article's name that is not a
    regular file (a pipe, a socket, a device) is skipped with a reason; a named pipe given
    by name is read once if it is a ``.jsonl``.
    """
    for raw in paths:
        p = Path(raw)
        if str(raw) == "-":
            yield p
        elif p.is_dir():
            for child in sorted(p.rglob("*")):
                suffix = child.suffix.lower()
                if child.name.startswith(".") or (suffix not in ARTICLE_SUFFIXES and suffix not in COLLECTION_SUFFIXES):
                    continue
                if child.is_file():
                    yield child
                elif not child.is_dir():
                    yield Failure(str(child), f"{child} is not a regular file (a pipe, socket or device)")
        elif p.exists():
            yield p
        else:
            yield Failure(str(p), f"{p}: no such file or folder")


def read_html(path: Path) -> tuple[Document, str | None, list[str]]:
    """An HTML article (trafilatura): its document with title and date, its author, warnings."""
    _, data = article_bytes(path)
    html, warnings = decode(data, str(path))
    text, meta = html_to_text(html)
    if not text.strip():
        raise InputError(f"{path} has no article text that could be extracted from its HTML")
    text = checked_text(text, str(path))
    published = meta.get("published")
    return (Document(id=path.stem, text=text, published=published[:10] if published else None,
                     title=meta.get("title")), meta.get("author"), warnings)


def read_inputs(paths: Iterable[str | Path], authors: dict[str, str | None], warn: Callable[[str], None],
                published: str | None = None) -> Iterator[Document | Failure]:
    """Every article of the inputs, in order (dated ``published`` when it gives no date), or a ``Failure``."""
    for item in _read_each(paths, authors, warn):
        if published and isinstance(item, Document) and not item.published:
            item = replace(item, published=published)
        yield item


def _read_each(paths: Iterable[str | Path], authors: dict[str, str | None],
               warn: Callable[[str], None]) -> Iterator[Document | Failure]:
    for item in article_files(paths):
        if isinstance(item, Failure):
            yield item
            continue
        suffix = item.suffix.lower()
        warnings: list[str] = []
        try:
            if suffix == ".jsonl" or str(item) == "-":
                yield from read_jsonl(item)
            elif suffix == ".csv":
                yield from read_csv(item)
            elif suffix in (".html", ".htm"):
                doc, author, warnings = read_html(item)
                authors[doc.id] = author
                yield doc
            else:
                doc, warnings = read_article(item)
                yield doc
            for w in warnings if suffix not in COLLECTION_SUFFIXES else ():
                warn(w)
        except InputError as err:
            yield Failure(str(item), str(err))


def count_inputs(paths: Iterable[str | Path]) -> int:
    """About how many articles the inputs hold (for a progress bar's total)."""
    total = 0
    for item in article_files(paths):
        if isinstance(item, Failure) or item.suffix.lower() not in COLLECTION_SUFFIXES:
            total += 1
        else:
            lines = count_lines(item)
            total += max(lines - (item.suffix.lower() == ".csv"), 0) if lines is not None else 0
    return total


def ingest_paths(store: Database, paths: Sequence[str | Path], *, model: str | None = None,
                 published: str | None = None, show_progress: bool = False, batch_size: int = 16,
                 analyze: Analyzer | None = None) -> IngestSummary:
    """Analyse and store every new article of ``paths``, a transaction per batch; what happened.

    ``published`` dates the articles that give no date of their own (text files).
    """
    from newsgraph.analysis.pipeline import analyze_documents

    console = Console(stderr=True, file=sys.stderr, soft_wrap=True)  # a skipped file's name must stay whole
    summary = IngestSummary()
    authors: dict[str, str | None] = {}
    seen: set[str] = set()  # this run's articles; the stored ones are looked up by index, not loaded
    progress = IngestProgress(console, count_inputs(paths)) if show_progress else None

    def warn(message: str) -> None:
        console.print(f"[yellow]warning[/] {escape(printable(message, one_line=True))}", highlight=False)

    def fresh() -> Iterator[Document | Failure]:
        for item in read_inputs(paths, authors, warn, published):
            if isinstance(item, Document):
                digest = content_hash(item.text)
                if digest in seen or store.has_hash(digest):
                    summary.duplicates += 1
                    if progress:
                        progress.advance()
                    continue
                seen.add(digest)
            yield item

    batch: list[Analysis] = []

    def store_batch() -> None:
        store_analyses(store, batch, authors, summary, console)

    try:
        for result in (analyze or analyze_documents)(fresh(), model=model):
            if isinstance(result, Failure):
                skip(result, summary, console)
            else:
                batch.append(result)
                if len(batch) >= batch_size:
                    store_batch()
            if progress:
                progress.advance()
        store_batch()
    finally:
        if progress:
            progress.stop()
    store._ready()  # each batch was resolved as it was stored; a store from an older resolver is rebuilt here
    return summary


def skip(failure: Failure, summary: IngestSummary, console: Console) -> None:
    """Count an article that failed and say so in one line on the console."""
    summary.failures.append(failure)
    said = failure.error if failure.error.startswith(failure.id) else f"{failure.id}: {failure.error}"
    console.print(f"[yellow]skipped[/] {escape(printable(said, one_line=True))}", highlight=False)


def store_analyses(store: Database, batch: list[Analysis], authors: dict[str, str | None], summary: IngestSummary,
                   console: Console) -> None:
    """Store ``batch`` in one transaction, counted in ``summary``, and empty it; an article the store refuses is
    said and skipped (the others are stored each alone)."""
    try:
        _count(summary, batch, store.add(batch, authors))
    except Exception:  # one article the store refuses must not cost the others: each alone
        for analysis in batch:
            try:
                _count(summary, [analysis], store.add([analysis], authors))
            except Exception as err:
                failure = Failure(analysis.document.id, f"could not be stored: {type(err).__name__}: {err}")
                summary.failures.append(failure)
                console.print(f"[yellow]skipped[/] {escape(failure.id)}: {escape(failure.error)}", highlight=False)
    batch.clear()


def _count(summary: IngestSummary, batch: list[Analysis], added: list[str]) -> None:
    """Count a stored batch; what another ingest stored meanwhile counts as already stored, not lost."""
    summary.added += len(added)
    summary.duplicates += len(batch) - len(added)


class IngestProgress:
    """A progress bar on stderr: count, articles/s, time left."""

    def __init__(self, console: Console, total: int) -> None:
        from newsgraph.analysis.batch import progress_bar

        self.bar = progress_bar(console)
        self.task = self.bar.add_task("ingesting", total=total, rate="")
        self.bar.start()

    def advance(self) -> None:
        speed = self.bar.tasks[self.task].speed
        self.bar.update(self.task, advance=1, rate=f"{speed:.1f} articles/s" if speed else "")

    def stop(self) -> None:
        self.bar.stop()
