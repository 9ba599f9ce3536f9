"""Writing to the corpus database: one article's rows, and the derived tables rebuilt from all of them."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator

from newsgraph.analysis.entities.names import country_named, fold, name_key
from newsgraph.corpus.incremental import actor_record, form_of, forms_of, insert_actor_details
from newsgraph.corpus.pairs import rebuild as rebuild_pairs
from newsgraph.corpus.resolve import (
    GROUP,
    EntityRow,
    EventRow,
    merged_type,
    parse_day,
    resolve_actors,
    resolve_events,
)
from newsgraph.corpus.schema import DERIVED, RESOLVER_VERSION
from newsgraph.lexicon import table
from newsgraph.model import Analysis, Event

_MAX_CO_NAMED = 5  # past this a quote is a list, not a statement about how its actors relate


def content_hash(text: str) -> str:
    """The hash that makes an article the same article however often it is ingested."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def known_hashes(conn: sqlite3.Connection) -> set[str]:
    """The content hashes of every article already in the store."""
    return {h for (h,) in conn.execute("SELECT hash FROM documents")}


def insert_analysis(conn: sqlite3.Connection, analysis: Analysis, author: str | None = None) -> str | None:
    """Write one article's analysis (inside the caller's transaction); its document id, None if already there."""
    doc = analysis.document
    digest = content_hash(doc.text)
    if conn.execute("SELECT 1 FROM documents WHERE hash = ?", (digest,)).fetchone():
        return None
    doc_id = doc.id
    if conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone():
        doc_id = f"{doc.id}~{digest[:8]}"  # another article under the same name: both are kept
    seq = conn.execute("SELECT COALESCE(MAX(rowid), 0) + 1 FROM documents").fetchone()[0]  # O(1), unlike MAX(seq)
    conn.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?)",
                 (doc_id, digest, doc.title, doc.published, doc.source, doc.url, author, doc.text, seq))
    ents = analysis.entities
    conn.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?)",
                     [(doc_id, e.id, fold(e.name), e.type,  # names normalised, as the analysis does
                       json.dumps(list(dict.fromkeys(fold(a) for a in e.aliases)), ensure_ascii=False),
                       len(e.mentions)) for e in ents])
    conn.executemany("INSERT INTO mentions VALUES (?,?,?,?)",
                     [(doc_id, e.id, m.start, m.end) for e in ents for m in e.mentions])
    conn.executemany("INSERT INTO roles VALUES (?,?,?,?,?,?)",
                     [(doc_id, e.id, r.title, r.of, r.start, r.end) for e in ents for r in e.roles])
    conn.executemany("INSERT OR IGNORE INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     [_event_row(doc_id, v) for v in analysis.events])
    conn.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?)",
                     [(doc_id, e.id, e.geo.lat, e.geo.lon, e.geo.geonameid, e.geo.country, e.geo.feature, e.geo.name)
                      for e in ents if e.geo is not None])
    conn.executemany("INSERT OR IGNORE INTO event_locations VALUES (?,?,?)",
                     [(doc_id, v.id, v.location_source) for v in analysis.events if v.location_source])
    conn.executemany("INSERT INTO event_args VALUES (?,?,?,?,?,?)",
                     [row for v in analysis.events for row in _event_args(doc_id, v)])
    conn.executemany("INSERT OR IGNORE INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?)",
                     [(doc_id, q.id, q.text, q.start, q.end, int(q.direct), q.speaker,
                       q.cue.text if q.cue else None, q.hedge, q.kind) for q in analysis.quotes])
    conn.executemany("INSERT INTO timexes VALUES (?,?,?,?,?,?)",
                     [(doc_id, t.text, t.start, t.end, t.type, t.value) for t in analysis.timexes])
    conn.executemany("INSERT INTO links VALUES (?,?,?,?,?)",
                     [(doc_id, a, b, kind, ref) for a, b, kind, ref in document_links(analysis)])
    return doc_id


def _event_row(doc_id: str, v: Event) -> tuple[object, ...]:
    d = v.date
    return (doc_id, v.id, v.type, v.mode, v.cameo, d.text if d else None, d.value if d else None,
            int(v.negated), int(v.hypothetical), v.trigger.text, v.trigger.start, v.trigger.end,
            v.evidence.start, v.evidence.end, v.location)


def _event_args(doc_id: str, v: Event) -> Iterator[tuple[object, ...]]:
    coded = {a.entity: a for a in v.actors}
    for side, ids in (("source", v.source), ("target", v.target)):
        for eid in ids:
            actor = coded.get(eid)
            yield doc_id, v.id, eid, side, actor.country if actor else None, actor.sector if actor else None


def document_links(analysis: Analysis) -> list[tuple[str, str, str, str | None]]:
    """The links one article states between its entities: (from, to, kind, what).

    Kinds: ``event`` (source to target, and between co-participants), ``quote`` (the
    speaker to each entity named in the quote), ``role`` (a person to the organisation
    or country of a role) and ``context`` (a participant to an entity named in the
    event's evidence sentence, and the few entities one quote names together, e.g.
    the go-between in "X was in touch with Y via Z").

    A party named only by description (a GROUP: "police", "protesters") is an actor of its
    article's events, not a node of the network: it links nothing here.
    """
    groups = {e.id for e in analysis.entities if e.type == GROUP}
    spans = sorted((m.start, m.end, e.id) for e in analysis.entities if e.id not in groups for m in e.mentions)
    starts = [s for s, _, _ in spans]
    out: list[tuple[str, str, str, str | None]] = []
    for v in analysis.events:
        if v.negated:
            continue
        parties = list(dict.fromkeys((*v.source, *v.target)))
        if v.target:
            out += [(s, t, "event", v.type) for s in v.source for t in v.target if s != t]
        for side in (v.source, v.target):
            out += [(a, b, "event", v.type) for n, a in enumerate(side) for b in side[n + 1:] if a != b]
        named = _entities_within(spans, starts, v.evidence.start, v.evidence.end)
        out += [(p, o, "context", v.type) for o in named if o not in parties and o != v.location for p in parties]
    for q in analysis.quotes:
        named = [o for o in _entities_within(spans, starts, q.start, q.end) if o != q.speaker]
        if q.speaker:
            out += [(q.speaker, o, "quote", q.id) for o in named]
        if len(named) <= _MAX_CO_NAMED:  # a statement relating a few actors ("X was in touch with Y via Z")
            out += [(a, b, "context", q.id) for n, a in enumerate(named) for b in named[n + 1:]]
    out += [(e.id, r.of, "role", r.title) for e in analysis.entities for r in e.roles if r.of and r.of != e.id]
    return [link for link in out if link[0] not in groups and link[1] not in groups]


def _entities_within(spans: list[tuple[int, int, str]], starts: list[int], start: int, end: int) -> list[str]:
    found: dict[str, None] = {}
    for s, e, eid in spans[bisect_left(starts, start):]:
        if s >= end:
            break
        if e <= end:
            found[eid] = None
    return list(found)


def rebuild_derived(conn: sqlite3.Connection) -> None:
    """Re-resolve the whole corpus: actors, merged events, the network (one transaction)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table in DERIVED:
            conn.execute(f"DELETE FROM {table}")
        actor_of = _write_actors(conn)
        _write_happenings(conn, actor_of)
        _write_edges(conn, actor_of)
        rebuild_pairs(conn)
        conn.execute("UPDATE meta SET value = '1' WHERE key = 'resolved'")
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('resolver', ?)", (RESOLVER_VERSION,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _entity_rows(conn: sqlite3.Connection) -> list[EntityRow]:
    names = {(d, e): n for d, e, n in conn.execute("SELECT doc_id, eid, name FROM entities")}
    roles: dict[tuple[str, str], list[tuple[str, str | None]]] = defaultdict(list)
    for d, e, title, of in conn.execute("SELECT doc_id, eid, title, of_eid FROM roles"):
        roles[(d, e)].append((title, names.get((d, of)) if of else None))
    return [EntityRow(d, e, n, t, tuple(json.loads(a)), tuple(roles.get((d, e), ())))
            for d, e, n, t, a in conn.execute("SELECT doc_id, eid, name, type, aliases FROM entities "
                                              "ORDER BY doc_id, eid")]


def _write_actors(conn: sqlite3.Connection) -> dict[tuple[str, str], int]:
    rows = _entity_rows(conn)
    groups = sorted(resolve_actors(rows), key=lambda g: -len({rows[i].doc_id for i in g}))
    actor_of: dict[tuple[str, str], int] = {}
    actors, members = [], []
    for n, group in enumerate(groups, start=1):
        mine = [rows[i] for i in group]
        forms = forms_of(mine)
        name, type_, aliases = actor_record([f.row for f in forms], [f.n for f in forms])
        actors.append((n, name, type_, len({r.doc_id for r in mine})))
        insert_actor_details(conn, n, forms, aliases)
        for r in mine:
            actor_of[(r.doc_id, r.eid)] = n
            members.append((r.doc_id, r.eid, n, form_of(r)))
    conn.executemany("INSERT INTO actors VALUES (?,?,?,?)", actors)
    conn.executemany("INSERT INTO actor_entities VALUES (?,?,?,?)", members)
    return actor_of


def _write_happenings(conn: sqlite3.Connection, actor_of: dict[tuple[str, str], int]) -> None:
    sides: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for d, v, e, side in conn.execute("SELECT doc_id, vid, eid, side FROM event_args"):
        if (d, e) in actor_of:
            sides[(d, v)].append((actor_of[(d, e)], side))
    published = {d: parse_day(p) for d, p in conn.execute("SELECT doc_id, published FROM documents")}
    # a group ("police") is one article's actor: it tells nothing about another article's happening
    local = {actor_of[k] for k in conn.execute("SELECT doc_id, eid FROM entities WHERE type = ?", (GROUP,))
             if k in actor_of}
    meta: list[tuple[str | None, int | None]] = []
    values: list[str | None] = []  # the event's own date as the article gave it, partial ("2025-04") included
    rows: list[EventRow] = []
    for d, v, t, mode, value, neg, hyp, place in conn.execute(
            "SELECT doc_id, vid, type, mode, date_value, negated, hypothetical, location_eid FROM events "
            "ORDER BY doc_id, vid"):
        parts = frozenset(a for a, _ in sides[(d, v)] if a not in local)
        values.append(value if value and value[:1].isdigit() else None)
        side = {k: frozenset(a for a, x in sides[(d, v)] if x == k and a in parts) for k in ("source", "target")}
        rows.append(EventRow(d, v, t, parse_day(value), published.get(d), parts, bool(neg), bool(hyp), values[-1],
                             side["source"], side["target"]))
        meta.append((mode, actor_of.get((d, place)) if place else None))
    happenings, mentions, participants = [], [], set()
    groups = sorted(resolve_events(rows), key=lambda g: min(str(rows[i].day or rows[i].published) for i in g))
    for n, group in enumerate(groups, start=1):
        # the event's own date (a full day first, else a month or a year: "In April" stays 2025-04);
        # the article's date only when no mention dates the event
        days = Counter(str(rows[i].day) for i in group if rows[i].day)
        partial = Counter(v for i in group if (v := values[i]))
        own = days or partial
        day = own.most_common(1)[0][0] if own else min((str(rows[i].published) for i in group
                                                         if rows[i].published), default=None)
        modes = Counter(meta[i][0] for i in group if meta[i][0])
        places = Counter(meta[i][1] for i in group if meta[i][1] is not None)
        kind = merged_type([rows[i].type for i in group])  # each mention keeps its own coding in `events`
        happenings.append((n, kind, modes.most_common(1)[0][0] if modes else None, day,
                           places.most_common(1)[0][0] if places else None, len({rows[i].doc_id for i in group})))
        for i in group:
            mentions.append((rows[i].doc_id, rows[i].vid, n))
            participants |= {(n, a, side) for a, side in sides[(rows[i].doc_id, rows[i].vid)]}
    conn.executemany("INSERT INTO happenings VALUES (?,?,?,?,?,?)", happenings)
    conn.executemany("INSERT INTO happening_mentions VALUES (?,?,?)", mentions)
    conn.executemany("INSERT INTO happening_actors VALUES (?,?,?)", sorted(participants))


def _write_edges(conn: sqlite3.Connection, actor_of: dict[tuple[str, str], int]) -> None:
    edges = set()
    for d, a, b, kind, ref in conn.execute("SELECT doc_id, a_eid, b_eid, kind, ref FROM links"):
        x, y = actor_of.get((d, a)), actor_of.get((d, b))
        if x is not None and y is not None and x != y:
            edges.add((x, y, kind, ref, d))
    edges |= _government_links(conn)
    conn.executemany("INSERT INTO edges VALUES (?,?,?,?,?)", sorted(edges, key=str))


def _government_links(conn: sqlite3.Connection) -> set[tuple[int, int, str, str, str]]:
    """A link from each seat of government ("the Kremlin") to its country, in every article naming it."""
    seats = {name_key(name): code for name, code, *_ in table("corpus/seats_of_government")}
    country_actor: dict[str, int] = {}
    seat_actor: dict[int, str] = {}
    for actor_id, name, type_ in conn.execute("SELECT actor_id, name, type FROM actors"):
        country = country_named(name) if type_ not in ("PERSON", "NORP") else None
        if country:
            country_actor.setdefault(country.alpha3, actor_id)
        elif name_key(name) in seats and type_ != "PERSON":
            seat_actor[actor_id] = seats[name_key(name)]
    out = set()
    for actor_id, code in seat_actor.items():
        if code in country_actor:
            for (d,) in conn.execute("SELECT DISTINCT doc_id FROM actor_entities WHERE actor_id = ?", (actor_id,)):
                out.add((actor_id, country_actor[code], "role", "seat of government", d))
    return out
