"""Articles in: a text, HTML or Markdown file, or a JSONL file of many; bad input said clearly.

Every problem becomes an ``InputError`` whose message says what is wrong and what
to do; a bad line of a JSONL file becomes a ``Failure`` and the rest goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from newsgraph.model import Document, Failure

# A long news article is ~50 KB of text; past this a file is not one article.
MAX_ARTICLE_BYTES = 2_000_000
_BINARY_SNIFF = 8192


class InputError(ValueError):
    """Input that cannot be analysed; the message says why and what to do."""


def decode(data: bytes, where: str) -> tuple[str, list[str]]:
    """The text of ``data`` as UTF-8, with a warning when bytes had to be replaced."""
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise InputError(f"{where} looks like a binary file (it has NUL bytes): give a text, HTML or JSONL file")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        return text, [f"{where} is not valid UTF-8 (first bad byte at {err.start}); "
                      f"{bad} undecodable byte(s) replaced with U+FFFD"]


def _checked_text(text: str, where: str) -> str:
    if not text.strip():
        raise InputError(f"{where} has no text to analyse (it is empty or only white space)")
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise InputError(f"{where} is {len(text.encode('utf-8')):,} bytes, more than the {MAX_ARTICLE_BYTES:,} "
                         "allowed for one article: split it, or give a JSONL file with one article a line")
    return text


def html_to_text(html: str) -> tuple[str, dict[str, str | None]]:
    """The main text of an HTML page and its title, date and author (trafilatura)."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True)
    if extracted is None:
        return "", {}
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    return str(data.get("text") or ""), {"title": data.get("title"), "published": data.get("date"),
                                        "author": data.get("author")}


def read_article(
    path: str | Path, published: str | None = None, doc_id: str | None = None
) -> tuple[Document, list[str]]:
    """One article from a file, and any warnings about it."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p} is a directory: give one article file (or `newsgraph ingest` for a folder)")
    size = p.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InputError(f"{p} is {size:,} bytes, more than the {MAX_ARTICLE_BYTES:,} allowed for one article: "
                         "split it, or give a JSONL file with one article a line")
    try:
        data = p.read_bytes()
    except OSError as err:
        raise InputError(f"{p} cannot be read: {err.strerror}") from None
    text, warnings = decode(data, str(p))
    meta: dict[str, str | None] = {}
    if p.suffix.lower() in (".html", ".htm"):
        text, meta = html_to_text(text)
    text = _checked_text(text, str(p))
    pub = published or meta.get("published")
    return Document(id=doc_id or p.stem, text=text, published=pub, title=meta.get("title")), warnings


def parse_date(value: str | None) -> date | None:
    """The date of a ``YYYY-MM-DD`` string (or a longer ISO timestamp), None for None."""
    if value is None or value == "":
        return None
    text = str(value)
    try:  # the whole value: "2025-08-16" followed by junk is not a date
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", text[:10]):
            raise ValueError
        return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text).date()
    except ValueError:
        shown = repr(text[:40] + "…" if len(text) > 40 else text)  # a bad value is shown, not echoed whole
        raise ValueError(f"{shown} is not a date: write it as YYYY-MM-DD (or an ISO timestamp)") from None


def document_from_record(record: Any, fallback_id: str) -> Document:
    """A document from one JSON object of a JSONL input (``id``, ``text``, ``published``, ...)."""
    if not isinstance(record, dict):
        raise InputError("the line is not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError('the line has no "text" string')
    doc_id = str(record.get("id") if record.get("id") is not None else fallback_id)
    if not doc_id.strip():
        raise InputError('"id" is empty: give each article a non-empty id (or none, for one made up)')
    _checked_text(text, f"document {doc_id}")
    published = record.get("published")
    if published is not None and not isinstance(published, str):
        raise InputError('"published" must be a YYYY-MM-DD string or null')
    try:
        parse_date(published)
    except ValueError as err:
        raise InputError(f"\"published\" {err}") from None
    return Document(id=doc_id, text=text, published=published or None,
                    title=_opt_str(record.get("title")), source=_opt_str(record.get("source")),
                    url=_opt_str(record.get("url")))


def _opt_str(v: Any) -> str | None:
    return str(v) if v is not None else None


def read_jsonl(path: str | Path) -> Iterator[Document | Failure]:
    """Each line of a JSONL file as a document, or a ``Failure`` saying what is wrong with it."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p} is a directory: give a JSONL file")
    with p.open("rb") as f:
        head = f.read(_BINARY_SNIFF)
    if b"\x00" in head:
        raise InputError(f"{p} looks like a binary file (it has NUL bytes): give a JSONL file, one article a line")
    with p.open("rb") as f:
        for n, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            fallback = f"line-{n}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield Failure(fallback, f"line {n} is not valid UTF-8")
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                yield Failure(fallback, f"line {n} is not valid JSON: {err.msg} (column {err.colno})")
                continue
            rid = str(record["id"]) if isinstance(record, dict) and record.get("id") is not None else fallback
            try:
                yield document_from_record(record, fallback)
            except InputError as err:
                yield Failure(rid, f"line {n}: {err}")


def count_lines(path: str | Path) -> int:
    """How many non-empty lines a file has (for a progress bar's total)."""
    with Path(path).open("rb") as f:
        return sum(1 for line in f if line.strip())
