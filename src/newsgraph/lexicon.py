"""The project's own word lists, read once from the plain files beside the layer that reads them.

A list is named ``LAYER/NAME``: ``words("quotes/verbs")`` reads
``analysis/quotes/lexicon/verbs.txt``; ``table("corpus/seats_of_government")`` reads
``corpus/lexicon/seats_of_government.tsv``. A layer may read its own lists and those of
the layers below it.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

_LAYERS = {
    "entities": "analysis/entities",
    "roles": "analysis/roles",
    "references": "analysis/references",
    "time": "analysis/time",
    "quotes": "analysis/quotes",
    "events": "analysis/events",
    "places": "analysis/places",
    "corpus": "corpus",
}


def _file(name: str, suffix: str) -> Traversable:
    layer, _, stem = name.partition("/")
    if layer not in _LAYERS or not stem:
        raise KeyError(f"word list {name!r}: name it LAYER/NAME with LAYER one of {', '.join(_LAYERS)}")
    return files("newsgraph").joinpath(_LAYERS[layer], "lexicon", f"{stem}{suffix}")


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``LAYER/NAME.txt``: one per line, lower-cased; ``#`` starts a comment."""
    return frozenset(lines(name))


@cache
def lines(name: str) -> tuple[str, ...]:
    """The non-empty, non-comment lines of ``LAYER/NAME.txt``, lower-cased, in file order."""
    text = _file(name, ".txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            out.append(line)
    return tuple(out)


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``LAYER/NAME.tsv`` (tab-separated, ``#`` comments, first row a header), as given."""
    text = _file(name, ".tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(tuple(c.strip() for c in r) for r in rows[1:])
