"""How names are compared: folding, honorifics, the country table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.cleantext import normal_name
from newsgraph.lexicon import table, words

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_POSSESSIVE = re.compile(r"'s?$")


def fold(text: str) -> str:
    """Curly quotes and dashes folded to ASCII, white space collapsed; NFC, no zero-width or control characters."""
    return " ".join(normal_name(text).translate(_QUOTES).split())


def name_key(text: str) -> str:
    """The form two mentions of one name share: case-folded, no "the", no honorific, no "'s"."""
    words_ = fold(text).casefold().split()
    if words_ and words_[0] == "the":
        words_ = words_[1:]
    while words_ and words_[0] in words("entities/honorifics"):
        words_ = words_[1:]
    if words_:
        words_[-1] = _POSSESSIVE.sub("", words_[-1])
    return " ".join(w for w in words_ if w)


@dataclass(frozen=True, slots=True)
class Country:
    """A row of the country table."""

    alpha3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """Every country of ``lexicon/countries.tsv``."""
    out = []
    for row in table("entities/countries"):
        row = row + ("",) * (4 - len(row))
        out.append(Country(alpha3=row[0], name=row[1],
                           aliases=tuple(a for a in row[2].split("|") if a),
                           demonyms=tuple(d for d in row[3].split("|") if d)))
    return tuple(out)


@lru_cache(maxsize=1)
def _country_by_key() -> dict[str, Country]:
    index: dict[str, Country] = {}
    for c in countries():
        for n in (c.name, *c.aliases):
            index.setdefault(name_key(n), c)
    return index


@lru_cache(maxsize=1)
def _country_by_demonym() -> dict[str, Country]:
    index: dict[str, Country] = {}
    for c in countries():
        for n in c.demonyms:
            index.setdefault(name_key(n), c)
    return index


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Keys that are only ever written in capitals ("US", "UK"): "us" the pronoun is not a country."""
    return frozenset(name_key(n) for c in countries() for n in (c.name, *c.aliases)
                     if n.replace(".", "").isupper() and len(n.replace(".", "")) <= 4)


def country_named(text: str) -> Country | None:
    """The country this name or abbreviation stands for ("US", "Britain"), or None."""
    key = name_key(text)
    if key in _abbreviations() and not fold(text).removeprefix("the ").replace(".", "").isupper():
        return None
    return _country_by_key().get(key)


def country_of_demonym(text: str) -> Country | None:
    """The country of a demonym or adjective ("Russian", "French"), or None."""
    return _country_by_demonym().get(name_key(text))
