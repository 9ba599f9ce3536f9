"""The middle of an outline: the centroid of a closed ring of (lon, lat) points, for the divisions' outlines
(``gazetteer.py``) and the seas' (``waters.py``)."""

from __future__ import annotations

from collections.abc import Sequence


def ring_centroid(ring: Sequence[Sequence[float]]) -> tuple[float, float, float]:
    """(area, lat, lon) of a closed ring of (lon, lat) points, in the plane of degrees (the shoelace formula)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return 0.0, 0.0, 0.0
    return abs(area / 2), cy / (3 * area), cx / (3 * area)
