"""Articles in: a text, HTML or Markdown file, or a JSONL file of many; bad input said clearly.

Every problem becomes an ``InputError`` whose message says what is wrong and what
to do; a bad line of a JSONL file becomes a ``Failure`` and the rest goes on.
"""

from __future__ import annotations

import codecs
import json
import re
import stat
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from newsgraph.model import Document, Failure

# A long news article is ~50 KB of text; past this a file is not one article.
MAX_ARTICLE_BYTES = 2_000_000
_BINARY_SNIFF = 8192


class InputError(ValueError):
    """Input that cannot be analysed; the message says why and what to do."""


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# bytes no text has (C0 controls but tab, newline, form feed, carriage return); a share past this is binary
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_BINARY_SHARE = 0.05
_SURROGATE = re.compile("[\ud800-\udfff]")


def looks_binary(data: bytes) -> bool:
    """True when more than one byte in twenty of ``data`` is a control byte no text has (NUL, ...)."""
    if not data:
        return False
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(data) > _BINARY_SHARE


def clean_text(text: str, where: str) -> tuple[str, list[str]]:
    """``text`` without NUL characters, with lone surrogates replaced by U+FFFD; a warning for each."""
    warnings: list[str] = []
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "")
        warnings.append(f"{where} has {nuls} NUL character(s); removed")
    text, lone = _SURROGATE.subn("\ufffd", text)
    if lone:
        warnings.append(f"{where} has {lone} lone surrogate(s) (not characters); replaced with U+FFFD")
    return text, warnings


def decode(data: bytes, where: str) -> tuple[str, list[str]]:
    """The text of ``data``: UTF-32/16 when a BOM says so, else UTF-8 (a BOM ignored); bad bytes replaced.

    NUL characters are removed wherever they are (with a warning); data with more than one
    control byte in twenty is refused as binary.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text, warnings = data.decode(codec, errors="replace"), []
            if "\ufffd" in text:
                warnings.append(f"{where} is not valid {codec.upper()}; undecodable bytes replaced with U+FFFD")
            cleaned, more = clean_text(text, where)
            return cleaned, warnings + more
    if looks_binary(data):
        raise InputError(f"{where} looks like a binary file (it has NUL or other control bytes): "
                         "give a text, HTML or JSONL file")
    try:
        text, warnings = data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        text = data.decode("utf-8-sig", errors="replace")
        bad = text.count("\ufffd")
        warnings = [f"{where} is not valid UTF-8 (first bad byte at {err.start}); "
                    f"{bad} undecodable byte(s) replaced with U+FFFD"]
    cleaned, more = clean_text(text, where)
    return cleaned, warnings + more


def checked_text(text: str, where: str) -> str:
    """``text`` when it has something to analyse and is within the article limit; else an ``InputError``."""
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


def regular_file(path: str | Path, what: str = "one article file (or `newsgraph ingest` for a folder)") -> Path:
    """``path`` when it names a regular file; else an ``InputError`` (missing, a folder, a pipe, a device)."""
    p = Path(path)
    try:
        mode = p.stat().st_mode
    except OSError as err:
        if not p.exists():
            raise InputError(f"{p}: no such file") from None
        raise InputError(f"{p} cannot be read: {err.strerror}") from None
    if stat.S_ISDIR(mode):
        raise InputError(f"{p} is a directory: give {what}")
    if not stat.S_ISREG(mode):
        raise InputError(f"{p} is not a regular file (a pipe, socket or device): give {what}")
    return p


def article_bytes(path: str | Path) -> tuple[Path, bytes]:
    """The path and bytes of one article file: a regular file within the article limit, else InputError."""
    p = regular_file(path)
    size = p.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InputError(f"{p} is {size:,} bytes, more than the {MAX_ARTICLE_BYTES:,} allowed for one article: "
                         "split it, or give a JSONL file with one article a line")
    try:
        return p, p.read_bytes()
    except OSError as err:
        raise InputError(f"{p} cannot be read: {err.strerror}") from None


def read_article(
    path: str | Path, published: str | None = None, doc_id: str | None = None
) -> tuple[Document, list[str]]:
    """One article from a file, and any warnings about it."""
    p, data = article_bytes(path)
    text, warnings = decode(data, str(p))
    meta: dict[str, str | None] = {}
    if p.suffix.lower() in (".html", ".htm"):
        text, meta = html_to_text(text)
    text = checked_text(text, str(p))
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
    """A document from one JSON object of a JSONL input (``id``, ``text``, ``published``, ...).

    NUL characters are removed from the text and lone surrogates replaced, as in a file.
    """
    if not isinstance(record, dict):
        raise InputError("the line is not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError('the line has no "text" string')
    doc_id = _clean(str(record.get("id") if record.get("id") is not None else fallback_id))
    if not doc_id.strip():
        raise InputError('"id" is empty: give each article a non-empty id (or none, for one made up)')
    text, _ = clean_text(text, f"document {doc_id}")
    checked_text(text, f"document {doc_id}")
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


def _clean(v: str) -> str:
    return _SURROGATE.sub("\ufffd", v.replace("\x00", ""))


def _opt_str(v: Any) -> str | None:
    return _clean(str(v)) if v is not None else None


def open_jsonl(source: str | Path | BinaryIO) -> BinaryIO:
    """A JSONL source opened for reading once: a file, a named pipe, or ``-`` for standard input."""
    if not isinstance(source, (str, Path)):
        return source
    if str(source) == "-":
        return sys.stdin.buffer
    p = Path(source)
    try:
        mode = p.stat().st_mode
    except OSError:
        raise InputError(f"{p}: no such file") from None
    if stat.S_ISDIR(mode):
        raise InputError(f"{p} is a directory: give a JSONL file")
    try:
        f = p.open("rb")
    except OSError as err:
        raise InputError(f"{p} cannot be read: {err.strerror}") from None
    if stat.S_ISREG(mode):
        head = f.read(_BINARY_SNIFF)
        f.seek(0)
        if looks_binary(head):
            f.close()
            raise InputError(f"{p} looks like a binary file (it has NUL or other control bytes): "
                             "give a JSONL file, one article a line")
    return f


def read_jsonl(source: str | Path | BinaryIO) -> Iterator[Document | Failure]:
    """Each line of a JSONL source as a document, or a ``Failure`` saying what is wrong with it.

    The source is read once, front to back, so a pipe or standard input (``-``) works; a
    missing file or a folder raises ``InputError`` at once, before any line.
    """
    f = open_jsonl(source)
    return _jsonl_lines(f, close=isinstance(source, (str, Path)) and str(source) != "-")


def _jsonl_lines(f: BinaryIO, close: bool) -> Iterator[Document | Failure]:
    try:
        for n, raw in enumerate(f, start=1):
            if n == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if not raw.strip():
                continue
            yield _jsonl_item(raw, n)
    finally:
        if close:
            f.close()


def _jsonl_item(raw: bytes, n: int) -> Document | Failure:
    fallback = f"line-{n}"
    if len(raw) > 3 * MAX_ARTICLE_BYTES:  # a text that long cannot be within the article limit
        return Failure(fallback, f"line {n} is {len(raw):,} bytes, more than one article may be "
                                 f"({MAX_ARTICLE_BYTES:,} bytes of text): split it")
    try:
        line = raw.replace(b"\x00", b"").decode("utf-8")
    except UnicodeDecodeError:
        return Failure(fallback, f"line {n} is not valid UTF-8")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        return Failure(fallback, f"line {n} is not valid JSON: {err.msg} (column {err.colno})")
    except (ValueError, RecursionError) as err:  # a number of 5,000 digits, arrays nested 100,000 deep
        reason = "nested too deep" if isinstance(err, RecursionError) else str(err).split(";")[0]
        return Failure(fallback, f"line {n} cannot be read as JSON: {reason}")
    rid = fallback
    if isinstance(record, dict) and record.get("id") is not None:
        rid = _clean(str(record["id"])) if not isinstance(record["id"], (dict, list)) else fallback
    try:
        return document_from_record(record, fallback)
    except InputError as err:
        return Failure(rid, f"line {n}: {err}")


def count_lines(path: str | Path) -> int | None:
    """How many non-empty lines a file has (for a progress bar's total); None for a stream or a missing file."""
    if str(path) == "-":
        return None
    try:
        if not stat.S_ISREG(Path(path).stat().st_mode):
            return None
        with Path(path).open("rb") as f:
            return sum(1 for line in f if line.strip())
    except OSError:
        return None
