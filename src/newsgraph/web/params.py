"""Reading a request's query string: pages, limits, dates and type lists, each checked, with clear 400s."""

from __future__ import annotations

import re
from dataclasses import dataclass

from starlette.exceptions import HTTPException
from starlette.requests import Request

PAGE_SIZE, MAX_LIMIT = 50, 500
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_TYPE = re.compile(r"[A-Za-z_]{1,20}")


class BadParameter(HTTPException):
    """A query-string value the page cannot use (answered with status 400 and the reason)."""

    def __init__(self, message: str) -> None:
        super().__init__(status_code=400, detail=message)


def text(request: Request, name: str, max_len: int = 200) -> str | None:
    """A free-text value, stripped; None when absent or blank."""
    value = request.query_params.get(name, "").strip()
    if len(value) > max_len:
        raise BadParameter(f"{name} is longer than {max_len} characters")
    return value or None


def integer(request: Request, name: str, default: int, low: int, high: int) -> int:
    """A whole number within ``low``..``high``."""
    raw = request.query_params.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(f"{name} must be a whole number, not {raw[:40]!r}") from None
    if not low <= value <= high:
        raise BadParameter(f"{name} must be between {low} and {high}")
    return value


def date(request: Request, name: str) -> str | None:
    """A YYYY, YYYY-MM or YYYY-MM-DD date, or None."""
    value = text(request, name, 10)
    if value and not _DATE.fullmatch(value):
        raise BadParameter(f"{name} must be a date like 2025-08-16, not {value!r}")
    return value


def types(request: Request, name: str = "type") -> tuple[str, ...]:
    """Type names (repeated or comma-separated), upper case."""
    out: list[str] = []
    for raw in request.query_params.getlist(name):
        for part in raw.split(","):
            part = part.strip()
            if not part:
                continue
            if not _TYPE.fullmatch(part):
                raise BadParameter(f"{name} must be a type name such as PERSON or CONSULT, not {part[:40]!r}")
            out.append(part.upper())
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True, slots=True)
class Page:
    """Which slice of a long list to show: ``limit`` items from ``offset``."""

    number: int
    limit: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.limit


def page(request: Request, name: str = "page", size: int = PAGE_SIZE) -> Page:
    """The page asked for (1 up), ``limit`` items long (``?limit=`` may change it up to MAX_LIMIT)."""
    return Page(integer(request, name, 1, 1, 1_000_000), integer(request, "limit", size, 1, MAX_LIMIT))
