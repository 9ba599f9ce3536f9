"""The corpus on the map: where each place actor is, and a summary per place.

An actor's point is the one its articles agree on most (each article resolved the name
from its own context: "Georgia" next to Atlanta, or next to Tbilisi, are different points,
and the resolver keeps them as different actors when their articles say so).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

Point = dict[str, Any]


def actor_places(conn: sqlite3.Connection) -> dict[int, Point]:
    """Each located actor's point (lat, lon, geonameid, country, feature, name), the most reported one."""
    best: dict[int, tuple[tuple[Any, ...], Point]] = {}
    # Counted in SQL, one row per actor and point; the places drive the join (fewer than the actors' entities).
    for actor_id, lat, lon, gid, country, feature, name, n in conn.execute(
            "SELECT m.actor_id, p.lat, p.lon, p.geonameid, p.country, p.feature, p.name, COUNT(*) "
            "FROM places p CROSS JOIN actor_entities m ON m.doc_id = p.doc_id AND m.eid = p.eid "
            "GROUP BY m.actor_id, p.lat, p.lon, p.geonameid, p.country, p.feature, p.name"):
        rank = (n, name or "", gid or 0, lat, lon)  # a tie goes the same way on every run
        if actor_id not in best or rank > best[actor_id][0]:
            best[actor_id] = (rank, {"lat": lat, "lon": lon, "geonameid": gid, "country": country,
                                     "feature": feature, "name": name})
    return {actor_id: point for actor_id, (_, point) in best.items()}


def place_summary(conn: sqlite3.Connection, limit: int | None = None) -> list[dict[str, Any]]:
    """One row per located place actor: its point, how many events happened there, how many actors act there."""
    places = actor_places(conn)
    events: dict[int, int] = dict(conn.execute(
        "SELECT location, COUNT(*) FROM happenings WHERE location IS NOT NULL GROUP BY location"))
    actors: dict[int, set[int]] = defaultdict(set)
    for location, actor_id in conn.execute(
            "SELECT DISTINCT h.location, a.actor_id FROM happenings h JOIN happening_actors a USING (event_id) "
            "WHERE h.location IS NOT NULL"):
        actors[location].add(actor_id)
    names = {a: (name, kind) for a, name, kind in conn.execute("SELECT actor_id, name, type FROM actors")}
    # A people ("Russians", "Syrian") has its country's point, but it is a party, not a place on the map.
    rows = [{"name": names.get(a, (geo["name"], ""))[0], **{k: geo[k] for k in ("lat", "lon", "country", "feature")},
             "gazetteer_name": geo["name"], "events": events.get(a, 0), "actors": len(actors[a] - {a})}
            for a, geo in places.items() if names.get(a, ("", ""))[1] != "NORP"]
    rows.sort(key=lambda r: (-r["events"], -r["actors"], r["name"]))
    return rows[:limit] if limit else rows
