"""What the pages ask the store beyond the CLI's questions: search, one article's layers, one event, pages.

Every list is paged in SQL (``limit``/``offset``), so no page reads the whole corpus.
Records are plain dicts, JSON-ready, in the shapes the corpus queries use.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from newsgraph.corpus.queries import actor_head, events_by_id, find_actor, within

SEARCH_KINDS = ("actor", "event", "quote")


def actor_id(conn: sqlite3.Connection, name: str | None) -> int | None:
    """The id of the actor called ``name`` (``UnknownActor`` when none is), or None for no name."""
    return None if name is None else find_actor(conn, name)


def _marks(values: list[Any]) -> str:
    return ",".join("?" * len(values))


def _like(q: str) -> str:
    return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search(conn: sqlite3.Connection, q: str, kinds: tuple[str, ...] = SEARCH_KINDS, limit: int = 20,
           offset: int = 0) -> dict[str, list[dict[str, Any]]]:
    """Actors (by name or alias), events (by type, trigger word or actor) and quotes (by words) matching ``q``."""
    pattern = _like(q.strip())
    out: dict[str, list[dict[str, Any]]] = {}
    if "actor" in kinds:
        out["actors"] = [{"name": n, "type": t, "documents": d, "alias": al} for n, t, d, al in conn.execute(
            "SELECT a.name, a.type, a.n_docs, min(x.alias) FROM actor_aliases x JOIN actors a USING (actor_id) "
            "WHERE x.alias LIKE ? ESCAPE '\\' GROUP BY a.actor_id ORDER BY a.n_docs DESC, a.name LIMIT ? OFFSET ?",
            (pattern, limit, offset))]
    if "event" in kinds:
        ids = [i for i, in conn.execute(
            "SELECT h.event_id FROM happenings h WHERE h.type = upper(?) OR h.event_id IN ("
            " SELECT m.event_id FROM events v CROSS JOIN happening_mentions m USING (doc_id, vid)"  # match first
            " WHERE v.trigger_text LIKE ? ESCAPE '\\'"
            " UNION SELECT x.event_id FROM happening_actors x JOIN actor_aliases al USING (actor_id)"
            " WHERE al.alias LIKE ? ESCAPE '\\') "
            "ORDER BY h.n_docs DESC, h.date IS NULL, h.date, h.event_id LIMIT ? OFFSET ?",
            (q.strip(), pattern, pattern, limit, offset))]
        out["events"] = events_by_id(conn, ids)
    if "quote" in kinds:
        out["quotes"] = quotes_page(conn, None, limit, offset, words=q)  # in the order stored: a scan stops early
    return out


def quotes_page(conn: sqlite3.Connection, actor_id: int | None, limit: int, offset: int,
                words: str | None = None) -> list[dict[str, Any]]:
    """A page of quotes (as ``list_quotes`` gives them), by date; one speaker's, or those containing ``words``
    (in the order stored, so that a scan for a common word stops at the page's end)."""
    sql = ("SELECT q.text, a.name, q.direct, q.doc_id, d.published, q.start, q.\"end\", q.cue, q.hedge, q.kind "
           "FROM quotes q JOIN documents d USING (doc_id) "
           "LEFT JOIN actor_entities m ON m.doc_id = q.doc_id AND m.eid = q.speaker_eid "
           "LEFT JOIN actors a ON a.actor_id = m.actor_id WHERE 1")
    args: list[Any] = []
    if actor_id is not None:
        sql += " AND m.actor_id = ?"
        args.append(actor_id)
    if words:
        sql += " AND q.text LIKE ? ESCAPE '\\'"
        args.append(_like(words.strip()))
    order = " ORDER BY q.rowid" if words else " ORDER BY d.published, d.seq, q.start"
    rows = conn.execute(sql + order + " LIMIT ? OFFSET ?", [*args, limit, offset])
    return [{"text": t, "speaker": s, "direct": bool(direct), "document": doc, "published": pub,
             "start": st, "end": en, "cue": cue, "hedge": hedge, "kind": kind}
            for t, s, direct, doc, pub, st, en, cue, hedge, kind in rows]


def events_page(conn: sqlite3.Connection, type_: str | None = None, actor_id: int | None = None,
                since: str | None = None, until: str | None = None, limit: int = 50,
                offset: int = 0) -> list[dict[str, Any]]:
    """A page of the merged events in the timeline's order (dated ones by date, undated last)."""
    sql = "SELECT event_id FROM happenings h WHERE 1"
    args: list[Any] = []
    if type_:
        sql += " AND type = ?"
        args.append(type_.upper())
    if actor_id is not None:  # the actor's events first (an index), not every event checked
        sql += " AND event_id IN (SELECT event_id FROM happening_actors WHERE actor_id = ?)"
        args.append(actor_id)
    window, bounds = within("date", since, until)
    ids = [i for i, in conn.execute(sql + window + " ORDER BY date IS NULL, date, event_id LIMIT ? OFFSET ?",
                                    [*args, *bounds, limit, offset])]
    return events_by_id(conn, ids)


def event_types(conn: sqlite3.Connection) -> list[str]:
    """The event types the store holds."""
    return [t for t, in conn.execute("SELECT DISTINCT type FROM happenings ORDER BY type")]


def event_detail(conn: sqlite3.Connection, event_id: int) -> dict[str, Any] | None:
    """One merged event, each mention with its mood, date text, place and participants' offsets."""
    found = events_by_id(conn, [event_id])
    if not found:
        return None
    event = found[0]
    rows = conn.execute(
        "SELECT v.doc_id, v.trigger_start, v.vid, v.negated, v.hypothetical, v.date_text, v.date_value, v.cameo, "
        "d.title, d.published, d.source, pl.name FROM happening_mentions h JOIN events v USING (doc_id, vid) "
        "JOIN documents d USING (doc_id) LEFT JOIN entities pl ON pl.doc_id = v.doc_id AND pl.eid = v.location_eid "
        "WHERE h.event_id = ? ORDER BY d.published, d.seq", (event_id,)).fetchall()
    by_mention = {(r[0], r[1]): r[2:] for r in rows}
    for mention in event["mentions"]:
        doc_id = mention["document"]
        (vid, negated, hypothetical, date_text, date_value, cameo, title, published, source,
         place) = by_mention[(doc_id, mention["trigger"]["start"])]
        participants = []
        ev = mention["evidence"]
        for side, start, end, eid in conn.execute(
                "SELECT a.side, m.start, m.\"end\", a.eid FROM event_args a JOIN mentions m "
                "ON m.doc_id = a.doc_id AND m.eid = a.eid WHERE a.doc_id = ? AND a.vid = ? "
                "AND m.start >= ? AND m.\"end\" <= ? ORDER BY m.start", (doc_id, vid, ev["start"], ev["end"])):
            participants.append({"side": side, "start": start, "end": end, "entity": eid})
        mention.update({"title": title, "published": published, "source": source, "negated": bool(negated),
                        "hypothetical": bool(hypothetical), "date_text": date_text, "date_value": date_value,
                        "cameo": cameo, "place": place, "participants": participants})
    return event


def article(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any] | None:
    """One stored article: its text and metadata, and every layer found in it, each with offsets."""
    row = conn.execute("SELECT doc_id, title, published, source, url, author, text FROM documents WHERE doc_id = ?",
                       (doc_id,)).fetchone()
    if row is None:
        return None
    doc = dict(zip(("id", "title", "published", "source", "url", "author", "text"), row, strict=True))
    actors = dict(conn.execute("SELECT m.eid, a.name FROM actor_entities m JOIN actors a USING (actor_id) "
                               "WHERE m.doc_id = ?", (doc_id,)).fetchall())
    mentions: dict[str, list[dict[str, int]]] = defaultdict(list)
    for eid, start, end in conn.execute("SELECT eid, start, \"end\" FROM mentions WHERE doc_id = ? ORDER BY start",
                                        (doc_id,)):
        mentions[eid].append({"start": start, "end": end})
    entities = [{"id": eid, "name": name, "type": type_, "actor": actors.get(eid), "mentions": mentions[eid]}
                for eid, name, type_ in conn.execute("SELECT eid, name, type FROM entities WHERE doc_id = ? "
                                                     "ORDER BY n_mentions DESC, name", (doc_id,))]
    names = {e["id"]: e["actor"] or e["name"] for e in entities}
    quotes = [{"id": qid, "text": text, "start": start, "end": end, "direct": bool(direct),
               "speaker": names.get(speaker) if speaker else None, "cue": cue}
              for qid, text, start, end, direct, speaker, cue in conn.execute(
                  "SELECT qid, text, start, \"end\", direct, speaker_eid, cue FROM quotes WHERE doc_id = ? "
                  "ORDER BY start", (doc_id,))]
    timexes = [{"text": text, "start": start, "end": end, "type": type_, "value": value}
               for text, start, end, type_, value in conn.execute(
                   "SELECT text, start, \"end\", type, value FROM timexes WHERE doc_id = ? ORDER BY start", (doc_id,))]
    sides: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"source": [], "target": []})
    for vid, eid, side in conn.execute("SELECT vid, eid, side FROM event_args WHERE doc_id = ?", (doc_id,)):
        sides[vid].setdefault(side, []).append(names.get(eid, eid))
    merged = dict(conn.execute("SELECT vid, event_id FROM happening_mentions WHERE doc_id = ?", (doc_id,)).fetchall())
    events = [{"id": vid, "event": f"event-{merged[vid]}" if vid in merged else None, "type": type_,
               "mode": mode, "negated": bool(neg), "hypothetical": bool(hyp), "date": date_value,
               "trigger": {"text": trig, "start": ts, "end": te}, "evidence": {"start": es, "end": ee},
               "source": sides[vid]["source"], "target": sides[vid]["target"]}
              for vid, type_, mode, neg, hyp, date_value, trig, ts, te, es, ee in conn.execute(
                  "SELECT vid, type, mode, negated, hypothetical, date_value, trigger_text, trigger_start, "
                  "trigger_end, evidence_start, evidence_end FROM events WHERE doc_id = ? ORDER BY trigger_start",
                  (doc_id,))]
    return {**doc, "entities": entities, "quotes": quotes, "timexes": timexes, "events": events}


def documents_of(conn: sqlite3.Connection, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Title, date and source of these documents, by id."""
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(doc_ids), 500):
        chunk = doc_ids[i:i + 500]
        for doc_id, title, published, source in conn.execute(
                f"SELECT doc_id, title, published, source FROM documents WHERE doc_id IN ({_marks(chunk)})", chunk):
            out[doc_id] = {"id": doc_id, "title": title, "published": published, "source": source}
    return out


def actor_page(conn: sqlite3.Connection, actor_id: int, docs: tuple[int, int], events: tuple[int, int],
               quotes: tuple[int, int]) -> dict[str, Any]:
    """One actor's file a page at a time: the head (name, type, aliases, roles), how many documents, events
    and quotes there are, and the ``(limit, offset)`` slice of each asked for."""
    one = conn.execute
    counts = {"documents": one("SELECT COUNT(DISTINCT doc_id) FROM actor_entities WHERE actor_id = ?",
                               (actor_id,)).fetchone()[0],
              "events": one("SELECT COUNT(DISTINCT event_id) FROM happening_actors WHERE actor_id = ?",
                            (actor_id,)).fetchone()[0],
              "quotes": 0}
    # the actor's quotes found once (no index leads to them): counted, and the page's slice described
    quote_ids = [r for r, in one("SELECT q.rowid FROM quotes q JOIN actor_entities m ON m.doc_id = q.doc_id "
                                 "AND m.eid = q.speaker_eid JOIN documents d ON d.doc_id = q.doc_id "
                                 "WHERE m.actor_id = ? ORDER BY d.published, d.seq, q.start", (actor_id,))]
    counts["quotes"] = len(quote_ids)
    page_ids = quote_ids[quotes[1]:quotes[1] + quotes[0]]
    described = dict(_quotes_by_rowid(conn, page_ids))
    doc_ids = [d for d, in one(
        "SELECT DISTINCT m.doc_id FROM actor_entities m JOIN documents d USING (doc_id) WHERE m.actor_id = ? "
        "ORDER BY d.published, d.seq LIMIT ? OFFSET ?", (actor_id, *docs))]
    found = documents_of(conn, doc_ids)
    dated = [{"id": f"event-{i}", "type": t, "date": d} for i, t, d in one(
        "SELECT h.event_id, h.type, h.date FROM happening_actors x JOIN happenings h USING (event_id) "
        "WHERE x.actor_id = ? AND h.date IS NOT NULL GROUP BY h.event_id ORDER BY h.date DESC LIMIT 300",
        (actor_id,))]
    return {**actor_head(conn, actor_id), "counts": counts, "documents": [found[d] for d in doc_ids],
            "events": events_page(conn, actor_id=actor_id, limit=events[0], offset=events[1]),
            "quotes": [described[r] for r in page_ids], "dated": dated}


def timeline_page(conn: sqlite3.Connection, actor_id: int, since: str | None, until: str | None, limit: int,
                  offset: int) -> list[dict[str, Any]]:
    """A slice of ``newsgraph timeline --actor``: the actor's events and quotes, in the order it gives them."""
    where_e, args_e = within("h.date", since, until)
    where_q, args_q = within("d.published", since, until)
    rows = conn.execute(
        "SELECT * FROM ("
        " SELECT coalesce(h.date, '9999') AS day, 'event' AS kind, h.event_id AS a, 0 AS b, 0 AS c FROM happenings h"
        " WHERE h.event_id IN (SELECT event_id FROM happening_actors WHERE actor_id = ?)" + where_e +
        " UNION ALL SELECT coalesce(d.published, '9999'), 'quote', d.seq, q.start, q.rowid FROM quotes q"
        " JOIN documents d USING (doc_id) JOIN actor_entities m ON m.doc_id = q.doc_id AND m.eid = q.speaker_eid"
        " WHERE m.actor_id = ?" + where_q + ") ORDER BY day, kind, a, b LIMIT ? OFFSET ?",
        [actor_id, *args_e, actor_id, *args_q, limit, offset]).fetchall()
    events = {e["id"]: e for e in events_by_id(conn, [a for _, kind, a, _, _ in rows if kind == "event"])}
    quotes = {rowid: q for rowid, q in _quotes_by_rowid(conn, [c for _, kind, _, _, c in rows if kind == "quote"])}
    out: list[dict[str, Any]] = []
    for _, kind, a, _, c in rows:
        if kind == "event":
            out.append({"kind": "event", **events[f"event-{a}"]})
        else:
            q = quotes[c]
            out.append({**q, "kind": "quote", "quote_kind": q["kind"], "date": q["published"]})  # as the CLI gives it
    return out


def _quotes_by_rowid(conn: sqlite3.Connection, rowids: list[int]) -> list[tuple[int, dict[str, Any]]]:
    if not rowids:
        return []
    rows = conn.execute(
        "SELECT q.rowid, q.text, a.name, q.direct, q.doc_id, d.published, q.start, q.\"end\", q.cue, q.hedge, q.kind "
        "FROM quotes q JOIN documents d USING (doc_id) "
        "LEFT JOIN actor_entities m ON m.doc_id = q.doc_id AND m.eid = q.speaker_eid "
        f"LEFT JOIN actors a ON a.actor_id = m.actor_id WHERE q.rowid IN ({_marks(rowids)})", rowids)
    return [(rowid, {"text": t, "speaker": s, "direct": bool(direct), "document": doc, "published": pub,
                     "start": st, "end": en, "cue": cue, "hedge": hedge, "kind": kind})
            for rowid, t, s, direct, doc, pub, st, en, cue, hedge, kind in rows]
