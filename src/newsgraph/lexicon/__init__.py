"""The project's own word lists, read once from the plain files beside this module."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``NAME.txt``: one per line, lower-cased; ``#`` starts a comment."""
    return frozenset(lines(name))


@cache
def lines(name: str) -> tuple[str, ...]:
    """The non-empty, non-comment lines of ``NAME.txt``, lower-cased, in file order."""
    text = files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            out.append(line)
    return tuple(out)


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``NAME.tsv`` (tab-separated, ``#`` comments, first row a header), as given."""
    text = files(__package__).joinpath(f"{name}.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(tuple(c.strip() for c in r) for r in rows[1:])
