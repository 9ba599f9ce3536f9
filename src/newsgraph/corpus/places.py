"""The corpus on the map: where each place actor is, and a summary per place.

An actor's point is the one its articles agree on most (each article resolved the name
from its own context: "Georgia" next to Atlanta, or next to Tbilisi, are different points,
and the resolver keeps them as different actors when their articles say so).
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from typing import Any

Point = dict[str, Any]


def actor_places(conn: sqlite3.Connection) -> dict[int, Point]:
    """Each located actor's point (lat, lon, geonameid, country, feature, name), the most reported one."""
    votes: dict[int, Counter[tuple[Any, ...]]] = defaultdict(Counter)
    for actor_id, *geo in conn.execute(
            "SELECT m.actor_id, p.lat, p.lon, p.geonameid, p.country, p.feature, p.name FROM places p "
            "JOIN actor_entities m USING (doc_id, eid) ORDER BY m.actor_id, p.doc_id, p.eid"):
        votes[actor_id][tuple(geo)] += 1
    out = {}
    for actor_id, counts in votes.items():
        lat, lon, gid, country, feature, name = max(counts.items(), key=lambda kv: (kv[1], kv[0][5] or ""))[0]
        out[actor_id] = {"lat": lat, "lon": lon, "geonameid": gid, "country": country, "feature": feature,
                         "name": name}
    return out


def place_summary(conn: sqlite3.Connection, limit: int | None = None) -> list[dict[str, Any]]:
    """One row per located place actor: its point, how many events happened there, how many actors act there."""
    places = actor_places(conn)
    events: Counter[int] = Counter()
    actors: dict[int, set[int]] = defaultdict(set)
    for event_id, location in conn.execute("SELECT event_id, location FROM happenings WHERE location IS NOT NULL"):
        events[location] += 1
        actors[location].update(a for (a,) in conn.execute(
            "SELECT actor_id FROM happening_actors WHERE event_id = ?", (event_id,)))
    names = dict(conn.execute("SELECT actor_id, name FROM actors"))
    rows = [{"name": names.get(a, geo["name"]), **{k: geo[k] for k in ("lat", "lon", "country", "feature")},
             "gazetteer_name": geo["name"], "events": events[a], "actors": len(actors[a] - {a})}
            for a, geo in places.items()]
    rows.sort(key=lambda r: (-r["events"], -r["actors"], r["name"]))
    return rows[:limit] if limit else rows
