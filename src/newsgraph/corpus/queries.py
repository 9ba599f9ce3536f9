"""Questions to the corpus: actors, one actor's file, events, a timeline, quotes. Plain dicts out (JSON-ready)."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from typing import Any

from newsgraph.analysis.entities.names import name_key
from newsgraph.corpus.resolve import person_key, role_title_key


class UnknownActor(LookupError):
    """No actor in the store goes by this name."""


def find_actor(conn: sqlite3.Connection, name: str) -> int:
    """The id of the actor called ``name`` (or with it among its aliases); the most reported wins.

    A full name picks the actor of that name first; a bare surname ("Blair") the most
    reported actor it stands for, not the few articles that could not be resolved.
    """
    keys = {k for k in (name_key(name), person_key(name)) if k}
    marks = ",".join("?" * len(keys))
    exact = name if " " in name.strip() else None
    row = conn.execute(
        f"SELECT a.actor_id FROM actor_aliases x JOIN actors a USING (actor_id) WHERE x.key IN ({marks}) "
        "ORDER BY lower(a.name) = lower(?) DESC, a.n_docs DESC, a.actor_id LIMIT 1", (*keys, exact)).fetchone()
    if row is None:
        raise UnknownActor(f"no actor called {name!r} in the store: `newsgraph actors` lists them")
    return int(row[0])


def list_actors(conn: sqlite3.Connection, type_: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """The actors, most reported first: name, type and number of documents."""
    sql = "SELECT name, type, n_docs FROM actors"
    args: list[Any] = []
    if type_:
        sql += " WHERE type = ?"
        args.append(type_.upper())
    sql += " ORDER BY n_docs DESC, name"
    if limit:
        sql += " LIMIT ?"
        args.append(limit)
    return [{"name": n, "type": t, "documents": d} for n, t, d in conn.execute(sql, args)]


def actor_names(conn: sqlite3.Connection) -> dict[int, str]:
    """Every actor's name by id."""
    return dict(conn.execute("SELECT actor_id, name FROM actors"))


def actor_file(conn: sqlite3.Connection, actor_id: int) -> dict[str, Any]:
    """One actor: name, type, aliases, roles (with dates), documents, events, quotes, connections."""
    from newsgraph.corpus.graph import connections

    docs = [d for d, in conn.execute(
        "SELECT DISTINCT m.doc_id FROM actor_entities m JOIN documents d USING (doc_id) WHERE m.actor_id = ? "
        "ORDER BY d.published, d.seq", (actor_id,))]
    return {**actor_head(conn, actor_id), "documents": docs, "events": list_events(conn, actor_id=actor_id),
            "quotes": list_quotes(conn, actor_id), "connections": connections(conn, actor_id)}


def actor_head(conn: sqlite3.Connection, actor_id: int) -> dict[str, Any]:
    """The head of an actor's file: name, type, aliases, roles (with dates)."""
    name, type_ = conn.execute("SELECT name, type FROM actors WHERE actor_id = ?", (actor_id,)).fetchone()
    aliases = [a for a, in conn.execute("SELECT alias FROM actor_aliases WHERE actor_id = ? GROUP BY alias "
                                        "ORDER BY MAX(n) DESC, alias", (actor_id,))]
    return {"name": name, "type": type_, "aliases": aliases, "roles": _roles(conn, actor_id)}


def _roles(conn: sqlite3.Connection, actor_id: int) -> list[dict[str, Any]]:
    """An actor's roles, one per office and whom it is of ("UK Prime Minister" and "Prime Minister of the UK")."""
    names = actor_names(conn)
    found: dict[tuple[str, str | None], list[tuple[str, str | None, str]]] = defaultdict(list)
    for title, of_actor, doc_id, published in conn.execute(
            # one scan of roles against the actor's own entities: joined the other way round, each of a
            # much-reported actor's thousands of entities scanned the (unindexed) roles table, for seconds
            "SELECT r.title, o.actor_id, r.doc_id, d.published FROM roles r "
            "JOIN documents d ON d.doc_id = r.doc_id "
            "LEFT JOIN actor_entities o ON o.doc_id = r.doc_id AND o.eid = r.of_eid "
            "WHERE (r.doc_id, r.eid) IN (SELECT doc_id, eid FROM actor_entities WHERE actor_id = ?)", (actor_id,)):
        of = names.get(of_actor) if of_actor is not None else None
        found[(role_title_key(title), of)].append((title, published, doc_id))
    out = []
    for (_, of), seen in found.items():
        titles = Counter(t for t, _, _ in seen)
        out.append({"title": titles.most_common(1)[0][0], "of": of, "dates": sorted({p for _, p, _ in seen if p}),
                    "documents": sorted({d for _, _, d in seen}), "as": sorted(titles)})
    return sorted(out, key=lambda r: (-len(r["documents"]), r["title"]))


def list_events(conn: sqlite3.Connection, type_: str | None = None, actor_id: int | None = None,
                since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """The events merged across articles, by date: type, mode, date, source, target, documents, mentions."""
    # An event no one takes part in (no source, no target) is not listed: it says nothing a reader can use.
    sql = ("SELECT event_id, type, mode, date, location FROM happenings h "
           "WHERE EXISTS (SELECT 1 FROM happening_actors x WHERE x.event_id = h.event_id)")
    args: list[Any] = []
    if type_:
        sql += " AND type = ?"
        args.append(type_.upper())
    if actor_id is not None:
        sql += " AND EXISTS (SELECT 1 FROM happening_actors x WHERE x.event_id = h.event_id AND x.actor_id = ?)"
        args.append(actor_id)
    if since:
        sql += " AND date >= ?"
        args.append(since)
    if until:
        sql += " AND substr(date, 1, ?) <= ?"
        args += [len(until), until]
    rows = conn.execute(sql + " ORDER BY date, event_id", args).fetchall()
    return _describe_events(conn, rows)


def _describe_events(conn: sqlite3.Connection, rows: list[Any]) -> list[dict[str, Any]]:
    if not rows:
        return []
    names = actor_names(conn)
    ids = [r[0] for r in rows]
    sides: dict[int, dict[str, list[str]]] = defaultdict(lambda: {"source": [], "target": []})
    mentions: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for eid, aid, side in conn.execute(f"SELECT event_id, actor_id, side FROM happening_actors "
                                           f"WHERE event_id IN ({marks}) ORDER BY event_id, side, actor_id", chunk):
            sides[eid][side].append(names[aid])
        for eid, doc_id, trig, ts, te, es, ee, text in conn.execute(
                f"SELECT h.event_id, v.doc_id, v.trigger_text, v.trigger_start, v.trigger_end, v.evidence_start, "
                f"v.evidence_end, substr(d.text, v.evidence_start + 1, v.evidence_end - v.evidence_start) "
                f"FROM happening_mentions h JOIN events v USING (doc_id, vid) JOIN documents d USING (doc_id) "
                f"WHERE h.event_id IN ({marks}) ORDER BY d.published, d.seq", chunk):
            mentions[eid].append({"document": doc_id, "trigger": {"text": trig, "start": ts, "end": te},
                                  "evidence": {"start": es, "end": ee, "text": text}})
    return [{"id": f"event-{eid}", "type": t, "mode": mode, "date": date, **sides[eid],
             "location": names.get(place) if place is not None else None,
             "documents": list(dict.fromkeys(m["document"] for m in mentions[eid])), "mentions": mentions[eid]}
            for eid, t, mode, date, place in rows]


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def list_quotes(conn: sqlite3.Connection, actor_id: int | None = None) -> list[dict[str, Any]]:
    """The quotes, by date: text, speaker, direct or reported, document, offsets."""
    sql = ("SELECT q.text, a.name, q.direct, q.doc_id, d.published, q.start, q.\"end\", q.cue, q.hedge, q.kind "
           "FROM quotes q JOIN documents d USING (doc_id) "
           "LEFT JOIN actor_entities m ON m.doc_id = q.doc_id AND m.eid = q.speaker_eid "
           "LEFT JOIN actors a ON a.actor_id = m.actor_id")
    args: list[Any] = []
    if actor_id is not None:
        sql += " WHERE m.actor_id = ?"
        args.append(actor_id)
    return outermost([{"text": t, "speaker": s, "direct": bool(direct), "document": doc, "published": pub,
                       "start": st, "end": en, "cue": cue, "hedge": hedge, "kind": kind}
                      for t, s, direct, doc, pub, st, en, cue, hedge, kind in conn.execute(
                          sql + " ORDER BY d.published, d.seq, q.start", args)])


def outermost(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The quotes without those inside another quote of the same speaker in the same document (said once, listed once).

    "She said the deal was 'a disaster'" holds the quote "a disaster": the outer quote is kept.
    """
    spans: dict[tuple[str, str | None], list[tuple[int, int]]] = defaultdict(list)
    for q in quotes:
        spans[(q["document"], q["speaker"])].append((q["start"], q["end"]))
    out, seen = [], set()
    for q in quotes:
        key, span = (q["document"], q["speaker"]), (q["start"], q["end"])
        inside = None not in span and any(None not in (s, e) and s <= span[0] and span[1] <= e and (s, e) != span
                                          for s, e in spans[key])
        if inside or (key, span) in seen:
            continue
        seen.add((key, span))
        out.append(q)
    return out


def timeline(conn: sqlite3.Connection, actor_id: int | None = None, since: str | None = None,
             until: str | None = None) -> list[dict[str, Any]]:
    """What happened, in date order: the merged events (and, for one actor, what they said)."""
    items = [{"kind": "event", **e} for e in list_events(conn, actor_id=actor_id, since=since, until=until)]
    if actor_id is not None:
        for q in list_quotes(conn, actor_id):
            day = q["published"]
            if (not since or (day and day >= since)) and (not until or (day and day[:len(until)] <= until)):
                items.append({"kind": "quote", "date": day, **q})
    return sorted(items, key=lambda i: (i.get("date") or "9999", i["kind"]))


def documents(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every document's metadata (no text), in the order ingested."""
    cols = ("id", "title", "published", "source", "url", "author")
    return [dict(zip(cols, r, strict=True)) for r in conn.execute(
        "SELECT doc_id, title, published, source, url, author FROM documents ORDER BY seq")]


def corpus_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many documents, actors, events and quotes the store holds."""
    one = conn.execute
    return {"documents": one("SELECT COUNT(*) FROM documents").fetchone()[0],
            "actors": one("SELECT COUNT(*) FROM actors").fetchone()[0],
            "events": one("SELECT COUNT(*) FROM happenings").fetchone()[0],
            "quotes": one("SELECT COUNT(*) FROM quotes").fetchone()[0]}


def events_by_id(conn: sqlite3.Connection, event_ids: list[int]) -> list[dict[str, Any]]:
    """The merged events with these ids (as ``list_events`` describes them), in the order given."""
    rows = {r[0]: r for chunk in _chunks(event_ids) for r in conn.execute(
        f"SELECT event_id, type, mode, date, location FROM happenings WHERE event_id IN ({','.join('?' * len(chunk))})",
        chunk)}
    return _describe_events(conn, [rows[i] for i in event_ids if i in rows])
