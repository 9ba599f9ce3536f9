"""The world's states, provinces, counties and governorates with a point each, from the ``iso3166-2`` package.

``iso3166-2`` (MIT) ships every ISO 3166-2 subdivision (5,046 of them: first-level ones and those below,
such as England's counties or the Philippines' provinces) with its name, its English other names and a
point: the centroid of the division's outline (OpenStreetMap's, as the package says), not its capital
nor the middle of its towns' box. Only its data file is read; the package itself is never imported.

The other names hold nicknames too ("The Sunshine State", "The White House" for Casablanca): an English
other name is kept only when it reads as a name (capitalised words, no leading "The", three words at most)
and is not already the name of another kind of place in the gazetteer ("Damascus", "Prague": the cities).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_OTHER = re.compile(r"(.+?) \((\w{3})\)$")
_PARTS = re.compile(r",\s*(?![^()]*\))")
_CONNECTORS = frozenset({"of", "and", "the", "de", "du", "la"})


@dataclass(frozen=True, slots=True)
class Subdivision:
    """One ISO 3166-2 subdivision: its country (ISO alpha-2), names, point and level (1: no parent, 2: below one)."""

    country: str
    name: str
    other_names: tuple[str, ...]
    lat: float
    lon: float
    level: int


def _clean(name: str) -> str:
    """"Jönköpings län [SE-06]" -> "Jönköpings län"; "Bashkortostan, Respublika" -> "Bashkortostan"."""
    name = re.sub(r"\s*\[[^]]*\]", "", name)
    return name.split(", ")[0].strip()


def _reads_as_a_name(name: str) -> bool:
    words = name.split()
    if not words or len(words) > 3 or words[0].lower() == "the":
        return False
    return all(w[:1].isupper() or w in _CONNECTORS for w in words)


def _english_names(other: str | None) -> tuple[str, ...]:
    out = []
    for part in _PARTS.split(other or ""):
        m = _OTHER.match(part.strip().strip("'\""))
        if m and m.group(2) == "eng" and _reads_as_a_name(m.group(1)):
            out.append(m.group(1))
    return tuple(out)


def subdivisions(folder: Path) -> Iterator[Subdivision]:
    """Every subdivision in the package's data file (``folder``: the package's folder)."""
    data = json.loads((folder / "iso3166-2.json").read_text(encoding="utf-8"))
    for country, subs in data.items():
        for s in subs.values():
            point: list[float] = s.get("latLng") or []
            if len(point) != 2 or not s.get("name"):
                continue
            yield Subdivision(country, _clean(str(s["name"])), _english_names(s.get("localOtherName")),
                              float(point[0]), float(point[1]), 2 if s.get("parentCode") else 1)
