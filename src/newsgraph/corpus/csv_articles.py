"""Articles from a CSV file (a header with ``text``; ``id``, ``published``, ``title`` ...), row by row.

A malformed row (an unclosed quote, a stray quote, the wrong number of fields, a field
too large, bytes that are not UTF-8) is reported with its line number and the reason,
and reading goes on with the next row: one bad row never swallows the rows after it.
Python's ``csv`` reads each record in strict mode; after a malformed record the lines
it took are read again from the line after its first, so an unclosed quote costs only
its own row.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsgraph.analysis.documents import MAX_ARTICLE_BYTES, InputError, document_from_record, regular_file
from newsgraph.model import Document, Failure

# Past this a field is not read whole: the row is reported and skipped. A field over an article's size but
# under this is read, and refused as one bad row by the article check.
FIELD_LIMIT = 4 * MAX_ARTICLE_BYTES


class _BadBytes(Exception):
    """A line that is not UTF-8."""


class _Lines:
    """The decoded lines of a file, numbered; the lines of a malformed record can be given back to read again."""

    def __init__(self, f: BinaryIO) -> None:
        self.f = f
        self.n = 0
        self.back: list[tuple[int, str]] = []  # given back, the next one last
        self.taken: list[tuple[int, str]] = []  # the lines of the record being read

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.back:
            n, line = self.back.pop()
        else:
            raw = self.f.readline()
            if not raw:
                raise StopIteration
            self.n += 1
            n = self.n
            try:
                line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
            except UnicodeDecodeError:
                self.taken.append((n, ""))
                raise _BadBytes(f"line {n} is not valid UTF-8") from None
        self.taken.append((n, line))
        return line

    def start(self) -> None:
        self.taken = []

    def first(self) -> int:
        return self.taken[0][0] if self.taken else self.n

    def read_again_after_first(self) -> None:
        """Give back the lines of the record just read but its first: they are read again as rows of their own."""
        self.back.extend(reversed(self.taken[1:]))

    def skip_open_field(self) -> None:
        """Skip to the end of a quoted field too large to read (where the count of quotes is even again)."""
        quotes = sum(line.count('"') for _, line in self.taken)
        while quotes % 2:
            try:
                quotes += next(self).count('"')
            except StopIteration:
                return
            except _BadBytes:
                continue


def read_csv(path: Path) -> Iterator[Document | Failure]:
    """Each row of a CSV file of articles as a document, or a ``Failure`` saying which line and why."""
    csv.field_size_limit(FIELD_LIMIT)
    try:
        regular_file(path, "a CSV file")
    except InputError as err:
        yield Failure(str(path), str(err))
        return
    try:
        with path.open("rb") as f:
            yield from _rows(path, f)
    except OSError as err:
        yield Failure(str(path), f"{path} cannot be read as CSV: {err.strerror or err}")


def _rows(path: Path, f: BinaryIO) -> Iterator[Document | Failure]:
    lines = _Lines(f)
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader)
    except (StopIteration, csv.Error, _BadBytes):
        header = []
    if "text" not in header:
        yield Failure(str(path), f"{path}: a CSV of articles needs a header row with a 'text' column")
        return
    while True:
        lines.start()
        try:
            row = next(reader)
        except StopIteration:
            return
        except (csv.Error, _BadBytes) as err:
            n = lines.first()
            if "field larger than field limit" in str(err):
                lines.skip_open_field()
                reason = f"a field is larger than {FIELD_LIMIT:,} bytes"
            else:
                if not isinstance(err, _BadBytes):
                    lines.read_again_after_first()
                reason = _reason(err)
            yield Failure(f"{path.stem}-{n}", f"{path} line {n}: malformed CSV row ({reason}); skipped")
            continue
        if not row:
            continue  # a blank line
        n = lines.first()
        if len(row) != len(header):
            if len(lines.taken) > 1:
                lines.read_again_after_first()
            yield Failure(f"{path.stem}-{n}", f"{path} line {n}: malformed CSV row ({len(row)} fields where the "
                                              f"header has {len(header)}); skipped")
            continue
        record = {k: (v if v != "" else None) for k, v in zip(header, row, strict=True) if k}
        try:
            yield document_from_record(record, f"{path.stem}-{n}")
        except InputError as err:
            yield Failure(str(record.get("id") or f"{path.stem}-{n}"), f"{path} line {n}: {err}")


def _reason(err: Exception) -> str:
    text = str(err)
    if "unexpected end of data" in text:
        return "a quoted field is never closed"
    if "expected after" in text:
        return "a quote closes a field in the middle (a stray or unclosed quote)"
    return text
