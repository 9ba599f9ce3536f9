"""World regions ("East Africa", "Southeast Asia", "the Middle East") as places: each at the middle of its countries.

A region is the set of countries the word list ``places/world_regions`` gives it: a group of the UN's M49
geoscheme (regions, subregions and intermediate regions, as the ``countryinfo`` package records them for
each country), or a list of ISO codes for the names M49 does not define ("Middle East", "Scandinavia").
Its point is the middle of its countries' points weighted by their populations (on the sphere): where
the region's people, and its news, are. No source here gives a region a point of its own.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Protocol

from newsgraph.lexicon import table

_GROUPS = ("region", "subregion", "intermediateregion")


class _Country(Protocol):
    @property
    def lat(self) -> float: ...
    @property
    def lon(self) -> float: ...
    @property
    def population(self) -> int: ...


def m49_groups(countryinfo_data: Path) -> dict[str, set[str]]:
    """Each M49 group's name and the ISO alpha-3 codes of its countries, from countryinfo's files."""
    groups: dict[str, set[str]] = defaultdict(set)
    for f in sorted(countryinfo_data.glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        code = (d.get("ISO") or {}).get("alpha3")
        for field in _GROUPS:
            if code and d.get(field):
                groups[str(d[field])].add(str(code))
    return groups


def region_members(groups: dict[str, set[str]]) -> dict[str, set[str]]:
    """Each region name of the word list and its countries' ISO alpha-3 codes."""
    out: dict[str, set[str]] = {}
    for name, members in table("places/world_regions"):
        codes = members.split()
        out[name] = set(codes) if all(len(c) == 3 and c.isupper() for c in codes) else set(groups.get(members, ()))
    return {name: codes for name, codes in out.items() if codes}


def middle(points: Iterable[tuple[float, float, float]]) -> tuple[float, float] | None:
    """The weighted middle of (lat, lon, weight) points on the sphere, or None when they weigh nothing."""
    x = y = z = 0.0
    for lat, lon, w in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    if x == y == z == 0.0:
        return None
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def region_points(members: dict[str, set[str]],
                  countries: Mapping[str, _Country]) -> dict[str, tuple[float, float, int]]:
    """Each region's point and population, from its countries' points (those the gazetteer has)."""
    out = {}
    for name, codes in members.items():
        held = [countries[c] for c in sorted(codes) if c in countries]
        point = middle((c.lat, c.lon, float(max(c.population, 1))) for c in held)
        if point is not None:
            out[name] = (point[0], point[1], sum(c.population for c in held))
    return out
