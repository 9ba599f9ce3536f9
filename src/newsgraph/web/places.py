"""The map's questions: every located place (``newsgraph map``'s answer) and one place's events and actors."""

from __future__ import annotations

import sqlite3
from typing import Any

from newsgraph.corpus.places import actor_places, place_summary
from newsgraph.corpus.queries import events_by_id, find_actor

PLACE_EVENTS = 50  # a place's panel: its latest events, and the actors most often in events there
PLACE_ACTORS = 30


def places(conn: sqlite3.Connection, limit: int | None = None) -> list[dict[str, Any]]:
    """Every located place with its point and how many events and actors: what ``newsgraph map --json`` prints."""
    return place_summary(conn, limit)


def place_page(conn: sqlite3.Connection, name: str, events: int = PLACE_EVENTS,
               actors: int = PLACE_ACTORS) -> dict[str, Any] | None:
    """One place: its point, the events located there (latest first) and the actors taking part in them, most
    often first; None when the actor of that name has no point (``UnknownActor`` when there is no such actor)."""
    actor_id = find_actor(conn, name)
    point = actor_places(conn).get(actor_id)
    if point is None:
        return None
    (shown,) = conn.execute("SELECT name FROM actors WHERE actor_id = ?", (actor_id,)).fetchone()
    (total,) = conn.execute("SELECT count(*) FROM happenings WHERE location = ?", (actor_id,)).fetchone()
    ids = [i for i, in conn.execute("SELECT event_id FROM happenings WHERE location = ? "
                                    "ORDER BY date IS NULL, date DESC, event_id LIMIT ?", (actor_id, events))]
    who = [{"name": n, "type": t, "events": k} for n, t, k in conn.execute(
        "SELECT a.name, a.type, count(DISTINCT h.event_id) AS k FROM happenings h "
        "JOIN happening_actors ha USING (event_id) JOIN actors a ON a.actor_id = ha.actor_id "
        "WHERE h.location = ? AND ha.actor_id != ? GROUP BY a.actor_id ORDER BY k DESC, a.name LIMIT ?",
        (actor_id, actor_id, actors))]
    return {"name": shown, **{k: point[k] for k in ("lat", "lon", "country", "feature", "geonameid")},
            "gazetteer_name": point["name"], "event_count": total, "events": events_by_id(conn, ids), "actors": who}
