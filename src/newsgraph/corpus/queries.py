"""Questions to the corpus: actors, one actor's file, events, a timeline, quotes. Plain dicts out (JSON-ready).

Every list takes ``limit`` and ``offset`` (a page), and every lookup goes through an
index (``tests/corpus/test_query_plans.py``): a question about one actor costs that
actor's rows, not the corpus's. ``iter_events`` and ``iter_quotes`` read in chunks,
so a whole-corpus list or export holds one chunk at a time.
"""

from __future__ import annotations

import heapq
import itertools
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
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
        # a group ("police") is one article's: a named actor of those words comes first
        "ORDER BY lower(a.name) = lower(?) DESC, a.type = 'GROUP', a.n_docs DESC, a.actor_id LIMIT 1",
        (*keys, exact)).fetchone()
    if row is None:
        raise UnknownActor(f"no actor called {name!r} in the store: `newsgraph actors` lists them")
    return int(row[0])


def within(column: str, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    """The ``AND ...`` clause keeping ``column`` (an ISO date of any precision) in a date window, and its arguments.

    ``until`` is inclusive at its own precision ("2025-08" keeps every day of August); its first
    bound lets an index on the column narrow the search.
    """
    sql, args = "", list[Any]()
    if since:
        sql += f" AND {column} >= ?"
        args.append(since)
    if until:
        sql += f" AND {column} <= ? AND substr({column}, 1, ?) <= ?"
        args += [until + "\uffff", len(until), until]
    return sql, args


def _page(limit: int | None, offset: int = 0) -> tuple[str, list[int]]:
    """The ``LIMIT ? OFFSET ?`` clause of a page (no limit: all, from ``offset``)."""
    return " LIMIT ? OFFSET ?", [-1 if limit is None else limit, max(offset, 0)]


def list_actors(conn: sqlite3.Connection, type_: str | None = None, limit: int | None = None,
                offset: int = 0) -> list[dict[str, Any]]:
    """The actors, most reported first: name, type and number of documents."""
    sql = "SELECT name, type, n_docs FROM actors"
    args: list[Any] = []
    if type_:
        sql += " WHERE type = ?"
        args.append(type_.upper())
    page, more = _page(limit, offset)
    return [{"name": n, "type": t, "documents": d}
            for n, t, d in conn.execute(sql + " ORDER BY n_docs DESC, name" + page, args + more)]


def actor_names(conn: sqlite3.Connection, ids: Iterable[int | None]) -> dict[int, str]:
    """The names of these actors, by id."""
    wanted = sorted({i for i in ids if i is not None})
    out: dict[int, str] = {}
    for chunk in _chunks(wanted):
        out.update(conn.execute(f"SELECT actor_id, name FROM actors WHERE actor_id IN ({','.join('?' * len(chunk))})",
                                chunk))
    return out


FILE_LIMIT = 50  # the documents, events, quotes and connections an actor's file lists by default
# A document's date and order read from an index, not from its row (a long one: the text comes before them).
_DATED = "documents d INDEXED BY documents_dated"


def actor_file(conn: sqlite3.Connection, actor_id: int, limit: int | None = FILE_LIMIT) -> dict[str, Any]:
    """One actor: name, type, aliases, roles (with dates), documents, events, quotes, connections.

    The four lists hold the first ``limit`` (None: all); ``counts`` says how many there are in all.
    """
    from newsgraph.corpus.graph import connections, count_connections

    (n_docs,) = conn.execute("SELECT n_docs FROM actors WHERE actor_id = ?", (actor_id,)).fetchone()
    page, more = _page(limit)
    n_all = _last(conn, "documents")
    per_doc = _last(conn, "actor_entities") / max(n_all, 1)  # entities probed in each document walked
    if _by_date(n_docs, limit, n_all, per_doc):  # a much-reported actor: its first documents come soon
        docs = [d for d, in conn.execute(
            "SELECT d.doc_id FROM documents d WHERE EXISTS (SELECT 1 FROM actor_entities m WHERE m.doc_id = d.doc_id "
            "AND +m.actor_id = ?) ORDER BY d.published, d.seq" + page, (actor_id, *more))]
    else:
        docs = [d for d, in conn.execute(
            f"SELECT m.doc_id FROM actor_entities m JOIN {_DATED} USING (doc_id) WHERE m.actor_id = ? "
            "GROUP BY m.doc_id ORDER BY d.published, d.seq" + page, (actor_id, *more))]
    n_quotes = conn.execute(
        "SELECT COUNT(*) FROM actor_entities m JOIN quotes q ON q.doc_id = m.doc_id AND q.speaker_eid = m.eid "
        "WHERE m.actor_id = ?", (actor_id,)).fetchone()[0]
    counts = {"documents": n_docs, "events": conn.execute(
        "SELECT COUNT(DISTINCT event_id) FROM happening_actors WHERE actor_id = ?", (actor_id,)).fetchone()[0],
        "quotes": n_quotes, "connections": count_connections(conn, actor_id)}
    return {**actor_head(conn, actor_id), "documents": docs,
            "events": list_events(conn, actor_id=actor_id, limit=limit),
            "quotes": list(iter_quotes(conn, actor_id, limit=limit, n_quotes=n_quotes)),
            "connections": connections(conn, actor_id, limit), "counts": counts}


def _last(conn: sqlite3.Connection, table: str) -> int:
    """About how many rows a table holds (its largest rowid: no count, one lookup)."""
    return int(conn.execute(f"SELECT MAX(rowid) FROM {table}").fetchone()[0] or 0)


def _by_date(rows: int, wanted: int | None, total: int, probes: float = 1.0, hits: int | None = None) -> bool:
    """Whether a page of one actor's items is read by walking the corpus in date order, testing each item.

    Either way reads rows: the actor's own (``rows`` of them, then sorted), or about
    ``wanted * total / hits`` of the corpus's ``total`` items in date order until the page
    is full (``probes`` rows read to test each; ``hits``: how many of them are the
    actor's, ``rows`` if not said). A much-reported actor's first page is found soon in
    date order; a rarely reported one's rows are few: the cheaper way costs at most the
    square root of ``wanted * total * probes``.
    """
    hits = rows if hits is None else hits
    return wanted is not None and rows > 0 and hits > 0 and wanted * total * probes < rows * hits


def actor_head(conn: sqlite3.Connection, actor_id: int) -> dict[str, Any]:
    """The head of an actor's file: name, type, aliases, roles (with dates)."""
    name, type_ = conn.execute("SELECT name, type FROM actors WHERE actor_id = ?", (actor_id,)).fetchone()
    aliases = [a for a, in conn.execute("SELECT alias FROM actor_aliases WHERE actor_id = ? GROUP BY alias "
                                        "ORDER BY MAX(n) DESC, alias", (actor_id,))]
    return {"name": name, "type": type_, "aliases": aliases, "roles": _roles(conn, actor_id)}


def _roles(conn: sqlite3.Connection, actor_id: int) -> list[dict[str, Any]]:
    """An actor's roles, one per office and whom it is of ("UK Prime Minister" and "Prime Minister of the UK")."""
    found: dict[tuple[str, int | None], list[tuple[str, str | None, str]]] = defaultdict(list)
    for title, of_actor, doc_id, published in conn.execute(
            "SELECT r.title, o.actor_id, r.doc_id, d.published FROM actor_entities m "  # a document read only
            "CROSS JOIN roles r ON r.doc_id = m.doc_id AND r.eid = m.eid "  # where a role is found
            f"CROSS JOIN {_DATED} ON d.doc_id = r.doc_id "
            "LEFT JOIN actor_entities o ON o.doc_id = r.doc_id AND o.eid = r.of_eid "
            "WHERE m.actor_id = ?", (actor_id,)):
        found[(role_title_key(title), of_actor)].append((title, published, doc_id))
    names = actor_names(conn, (of for _, of in found))
    out = []
    for (_, of_actor), seen in found.items():
        titles = Counter(t for t, _, _ in seen)
        of = names.get(of_actor) if of_actor is not None else None
        out.append({"title": titles.most_common(1)[0][0], "of": of, "dates": sorted({p for _, p, _ in seen if p}),
                    "documents": sorted({d for _, _, d in seen}), "as": sorted(titles)})
    return sorted(out, key=lambda r: (-len(r["documents"]), r["title"]))


def _events_sql(type_: str | None, actor_id: int | None, since: str | None,
                until: str | None, dated: bool | None = None, by_date: bool = False) -> tuple[str, list[Any]]:
    # An event no one takes part in (no source, no target) is not listed: it says nothing a reader can use.
    sql = ("SELECT event_id, type, mode, date, location FROM happenings h "
           "WHERE EXISTS (SELECT 1 FROM happening_actors x WHERE x.event_id = h.event_id)")
    if dated is not None:
        sql += " AND date IS NOT NULL" if dated else " AND date IS NULL"
    args: list[Any] = []
    if type_:
        sql += " AND type = ?"
        args.append(type_.upper())
    if actor_id is not None and by_date:  # the date index walked, each event's participants probed
        sql += " AND EXISTS (SELECT 1 FROM happening_actors x WHERE x.event_id = h.event_id AND x.actor_id = ?)"
        args.append(actor_id)
    elif actor_id is not None:
        sql += " AND event_id IN (SELECT event_id FROM happening_actors WHERE actor_id = ?)"
        args.append(actor_id)
    window, more = within("date", since, until)
    return sql + window + " ORDER BY date, event_id", args + more


def list_events(conn: sqlite3.Connection, type_: str | None = None, actor_id: int | None = None,
                since: str | None = None, until: str | None = None, limit: int | None = None,
                offset: int = 0) -> list[dict[str, Any]]:
    """The events merged across articles, by date: type, mode, date, source, target, documents, mentions."""
    return list(iter_events(conn, type_, actor_id, since, until, limit, offset))


def iter_events(conn: sqlite3.Connection, type_: str | None = None, actor_id: int | None = None,
                since: str | None = None, until: str | None = None, limit: int | None = None,
                offset: int = 0, dated: bool | None = None) -> Iterator[dict[str, Any]]:
    """``list_events`` a chunk at a time (constant memory however many there are); only dated or undated ones."""
    by_date = actor_id is not None and not type_ and limit is not None and _by_date(
        conn.execute("SELECT COUNT(*) FROM happening_actors WHERE actor_id = ?", (actor_id,)).fetchone()[0],
        limit + max(offset, 0), _last(conn, "happenings"))
    sql, args = _events_sql(type_, actor_id, since, until, dated, by_date)
    page, more = _page(limit, offset)
    cursor = conn.execute(sql + page, args + more)
    while rows := cursor.fetchmany(_CHUNK):
        yield from _describe_events(conn, rows)


def _describe_events(conn: sqlite3.Connection, rows: list[Any]) -> list[dict[str, Any]]:
    if not rows:
        return []
    ids = [r[0] for r in rows]
    sides: dict[int, dict[str, list[int]]] = defaultdict(lambda: {"source": [], "target": []})
    mentions: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for eid, aid, side in conn.execute(f"SELECT event_id, actor_id, side FROM happening_actors "
                                           f"WHERE event_id IN ({marks}) ORDER BY event_id, side, actor_id", chunk):
            sides[eid][side].append(aid)
        for eid, doc_id, trig, ts, te, es, ee, text in conn.execute(
                f"SELECT h.event_id, v.doc_id, v.trigger_text, v.trigger_start, v.trigger_end, v.evidence_start, "
                f"v.evidence_end, substr(d.text, v.evidence_start + 1, v.evidence_end - v.evidence_start) "
                f"FROM happening_mentions h JOIN events v USING (doc_id, vid) JOIN documents d USING (doc_id) "
                f"WHERE h.event_id IN ({marks}) ORDER BY d.published, d.seq", chunk):
            mentions[eid].append({"document": doc_id, "trigger": {"text": trig, "start": ts, "end": te},
                                  "evidence": {"start": es, "end": ee, "text": text}})
    names = actor_names(conn, [*(a for s in sides.values() for ids_ in s.values() for a in ids_),
                               *(r[4] for r in rows)])
    return [{"id": f"event-{eid}", "type": t, "mode": mode, "date": date,
             **{side: [names[a] for a in actors] for side, actors in sides[eid].items()},
             "location": names.get(place) if place is not None else None,
             "documents": list(dict.fromkeys(m["document"] for m in mentions[eid])), "mentions": mentions[eid]}
            for eid, t, mode, date, place in rows]


_CHUNK = 500


def _chunks(ids: list[int], size: int = _CHUNK) -> list[list[int]]:
    return [ids[i:i + size] for i in range(0, len(ids), size)]


def list_quotes(conn: sqlite3.Connection, actor_id: int | None = None, limit: int | None = None,
                offset: int = 0, since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
    """The quotes, by date: text, speaker, direct or reported, document, offsets."""
    return list(iter_quotes(conn, actor_id, limit, offset, since, until))


def iter_quotes(conn: sqlite3.Connection, actor_id: int | None = None, limit: int | None = None,
                offset: int = 0, since: str | None = None, until: str | None = None,
                dated: bool | None = None, n_quotes: int | None = None) -> Iterator[dict[str, Any]]:
    """``list_quotes`` a chunk at a time; ``since``/``until`` bound the article's date; only dated or undated.

    ``n_quotes``: how many quotes the actor has, if known (a page of a much-quoted actor's
    is then read in date order, not from all of them).
    """
    cols = "q.text, a.name, q.direct, q.doc_id, d.published, q.start, q.\"end\", q.cue, q.hedge, q.kind"
    by_date = False
    if actor_id is not None and n_quotes and limit is not None:
        n_docs = conn.execute("SELECT n_docs FROM actors WHERE actor_id = ?", (actor_id,)).fetchone()[0]
        n_all = _last(conn, "documents")
        by_date = _by_date(n_docs, limit + max(offset, 0), n_all, _last(conn, "actor_entities") / max(n_all, 1),
                           hits=n_quotes)
    if by_date:
        # the documents walked by date, the actor's entities in each probed: about (page / quotes) of the corpus
        sql = (f"SELECT {cols} FROM documents d CROSS JOIN actor_entities m ON m.doc_id = d.doc_id "
               "AND +m.actor_id = ? CROSS JOIN quotes q ON q.doc_id = m.doc_id AND q.speaker_eid = m.eid "
               "JOIN actors a ON a.actor_id = m.actor_id WHERE 1")
        args: list[Any] = [actor_id]
    elif actor_id is None:
        sql = (f"SELECT {cols} FROM documents d CROSS JOIN quotes q ON q.doc_id = d.doc_id "  # by date, then quotes
               "LEFT JOIN actor_entities m ON m.doc_id = q.doc_id AND m.eid = q.speaker_eid "
               "LEFT JOIN actors a ON a.actor_id = m.actor_id WHERE 1")
        args = []
    else:
        sql = (f"SELECT {cols} FROM actor_entities m CROSS JOIN quotes q ON q.doc_id = m.doc_id "
               f"AND q.speaker_eid = m.eid CROSS JOIN {_DATED} ON d.doc_id = q.doc_id "
               "JOIN actors a ON a.actor_id = m.actor_id "
               "WHERE m.actor_id = ?")
        args = [actor_id]
    if dated is not None:
        sql += " AND d.published IS NOT NULL" if dated else " AND d.published IS NULL"
    window, bounds = within("d.published", since, until)
    page, more = _page(limit, offset)
    cursor = conn.execute(sql + window + " ORDER BY d.published, d.seq, q.start, q.qid" + page, args + bounds + more)
    one_document: list[dict[str, Any]] = []  # a document's quotes come together in this order
    while rows := cursor.fetchmany(_CHUNK):
        for t, s, direct, doc, pub, st, en, cue, hedge, kind in rows:
            if one_document and one_document[0]["document"] != doc:
                yield from outermost(one_document)
                one_document = []
            one_document.append({"text": t, "speaker": s, "direct": bool(direct), "document": doc, "published": pub,
                                 "start": st, "end": en, "cue": cue, "hedge": hedge, "kind": kind})
    yield from outermost(one_document)


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
             until: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """What happened, in date order: the merged events (and, for one actor, what they said).

    An item's ``kind`` is ``event`` or ``quote``; a quote's own kind (speech, writing ...) is ``quote_kind``.
    """
    return list(iter_timeline(conn, actor_id, since, until, limit, offset))


def iter_timeline(conn: sqlite3.Connection, actor_id: int | None = None, since: str | None = None,
                  until: str | None = None, limit: int | None = None, offset: int = 0) -> Iterator[dict[str, Any]]:
    """``timeline`` as it is read: events and quotes merged by date, a page of them."""
    first = None if limit is None else limit + max(offset, 0)

    def read(dated: bool) -> Iterator[dict[str, Any]]:
        streams: list[Iterator[dict[str, Any]]] = [
            ({"kind": "event", **e} for e in iter_events(conn, actor_id=actor_id, since=since, until=until,
                                                          limit=first, dated=dated))]
        if actor_id is not None:
            streams.append({**q, "kind": "quote", "quote_kind": q["kind"], "date": q["published"]}
                           for q in iter_quotes(conn, actor_id, first, since=since, until=until, dated=dated))
        return heapq.merge(*streams, key=lambda i: (i.get("date") or "", i["kind"]))

    merged = itertools.chain(read(True), read(False))  # the undated last
    yield from itertools.islice(merged, max(offset, 0), None if limit is None else max(offset, 0) + limit)


def documents(conn: sqlite3.Connection, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """The documents' metadata (no text), in the order ingested."""
    cols = ("id", "title", "published", "source", "url", "author")
    page, more = _page(limit, offset)
    return [dict(zip(cols, r, strict=True)) for r in conn.execute(
        "SELECT doc_id, title, published, source, url, author FROM documents ORDER BY rowid" + page, more)]


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
