"""Carrying on a stopped ``analyze`` of a JSONL file: the output's complete lines stay, their inputs are skipped.

``analyze`` writes one line per input line, in input order, so the number of complete lines
of its output is the number of inputs done. A run killed mid-line leaves a partial last
line: it is cut off, and that article is analysed again. The last complete line must name
the article the input has at that place, so an output is never continued from another input.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsgraph.analysis.documents import InputError
from newsgraph.model import Document, Failure

CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Done:
    """What an earlier run left in its output: complete lines, and the article id of the last one."""

    lines: int = 0
    last_id: str | None = None


def done_in(output: Path) -> Done:
    """The complete lines of ``output`` (a partial last line is cut off the file); nothing when it is not there."""
    if not output.exists():
        return Done()
    lines = 0
    carry = b""  # what follows the last newline seen
    last = b""  # the last complete line
    with output.open("rb+") as f:
        while chunk := f.read(CHUNK):
            if b"\n" not in chunk:
                carry += chunk
                continue
            buf = carry + chunk
            cut = buf.rfind(b"\n")
            last = buf[buf.rfind(b"\n", 0, cut) + 1:cut]
            carry = buf[cut + 1:]
            lines += chunk.count(b"\n")
        if carry:
            f.truncate(f.tell() - len(carry))
    if not lines:
        return Done()
    try:
        record = json.loads(last)
        last_id = str(record["document"]["id"])
    except (ValueError, KeyError, TypeError):
        raise InputError(f"{output} does not end with a line of `newsgraph analyze` output: it cannot be resumed "
                         "(give another --output, or leave out --resume to write it anew)") from None
    return Done(lines, last_id)


def skip_done(items: Iterator[Document | Failure], done: Done, output: Path) -> Iterator[Document | Failure]:
    """``items`` after the ``done.lines`` the output already has; ``InputError`` when the output is not theirs."""
    item: Document | Failure | None = None
    for n in range(done.lines):
        item = next(items, None)
        if item is None:
            raise InputError(f"{output} has {done.lines:,} lines but the input only {n:,} articles: it is the output "
                             "of another input (give another --output, or leave out --resume)")
    if item is not None and item.id != done.last_id:
        raise InputError(f"{output} line {done.lines:,} is article {done.last_id!r}, but the input has {item.id!r} "
                         "there: it is the output of another input (give another --output, or leave out --resume)")
    return items
