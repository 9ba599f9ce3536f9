"""Resolving new articles against the store: cost in proportion to the new articles, not to the corpus.

A full rebuild (``write.rebuild_derived``) reads every entity of the corpus. An
ingest instead looks up, by key, the actors the new entities could join (the keys
the resolver compares: a place's key, a person's full name, a surname, a role), and
re-runs the same resolver (``resolve.resolve_actors``) over those actors and the
new entities only. An actor's entities that look alike (same name, type, aliases and
roles) go in as one, so a much-reported actor costs its distinct spellings, not its
mentions. The groups that come out are mapped back onto the existing actor ids
(merges keep the larger actor's id; new actors take the next ids).

New event mentions join an existing happening by the same greedy rule as the full
rebuild (``resolve.same_happening`` against the happening's first mention), the
candidates found by participant and a date window.

Where the result can differ from a full rebuild (``newsgraph resolve --all``): the
"company" an ambiguous surname keeps is judged on the looked-up actors only; an
actor merged or split by a new article keeps the happenings it had; a happening's
first mention is the one that came first, not the one naming most actors. The
differences are measured in ``tests/corpus/test_incremental.py``.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TypeVar

from newsgraph.analysis.entities.names import country_named, name_key
from newsgraph.corpus.resolve import (
    NORP,
    PERSON,
    EntityRow,
    EventRow,
    actor_name,
    actor_type,
    parse_day,
    person_key,
    place_key,
    resolve_actors,
    resolve_events,
    role_keys,
    role_standing_for_person,
    same_happening,
)
from newsgraph.lexicon import table

T = TypeVar("T")
SEATS_TABLE = "corpus/seats_of_government"
_CHUNK = 400  # ids per IN (...) list, well under SQLite's limit on bound parameters
_WINDOW_DAYS = 4  # a happening's date lies within 2 days of its first mention, which lies within 2 of a new one


def entity_keys(row: EntityRow) -> set[str]:
    """The keys under which two entities can be one actor: any two that may join share one of them."""
    keys: set[str] = set()
    names = (row.name, *row.aliases)
    if row.type == PERSON:
        role = role_standing_for_person(row.name)
        if role:
            return {f"R:{role[0]}|{role[1]}"}
        for k in {person_key(a) for a in names}:
            if not k:
                continue
            keys.add(f"M:{k}")  # the same name typed otherwise elsewhere, or the same full name
            keys.add(f"S:{k.rsplit(' ', 1)[-1]}")  # a surname: bare surnames and the full names ending in it
        keys |= {f"R:{title}|{of}" for title, of in role_keys(row)}
    elif row.type == NORP:
        keys |= {f"N:{k}" for a in names if (k := name_key(a))}
    else:
        keys |= {f"O:{k}" for a in names if (k := place_key(a))}
        keys |= {f"M:{k}" for a in names if (k := person_key(a))}
    return keys


def actor_record(rows: Sequence[EntityRow], weights: Sequence[int]) -> tuple[str, str, list[tuple[str, str, int]]]:
    """An actor's name, type and (alias, lookup key, count) rows, from its entities (each standing for ``weight``)."""
    expanded = [r for r, w in zip(rows, weights, strict=True) for _ in range(w)]
    type_ = actor_type(expanded)
    counts: Counter[str] = Counter()
    for r, w in zip(rows, weights, strict=True):
        for a in dict.fromkeys((r.name, *r.aliases)):
            counts[a] += w
    keys = {(a, k) for a in counts for k in (name_key(a), person_key(a)) if k}
    if type_ == PERSON:  # so that `actor Witkoff` finds Steve Witkoff
        keys |= {(a, k.rsplit(" ", 1)[1]) for a, k in list(keys) if " " in k}
    return actor_name(expanded), type_, [(a, k, counts[a]) for a, k in sorted(keys)]


def _chunks(items: Sequence[T]) -> Iterable[list[T]]:
    for i in range(0, len(items), _CHUNK):
        yield list(items[i:i + _CHUNK])


def _marks(n: int) -> str:
    return ",".join("?" * n)


@dataclass(slots=True)
class _Rep:
    """One entity standing in for every entity of an actor that looks just like it."""

    row: EntityRow
    actor: int | None  # None: a new article's entity
    members: list[tuple[str, str]] = field(default_factory=list)


def _load_rows(conn: sqlite3.Connection, where: str, args: Sequence[object],
               with_actor: bool) -> list[tuple[int | None, EntityRow]]:
    """Entities (with their roles, the role's "of" by name) selected by ``where`` over ``e``/``m``."""
    join = "JOIN actor_entities m USING (doc_id, eid) " if with_actor else ""
    actor_col = "m.actor_id" if with_actor else "NULL"
    roles: dict[tuple[str, str], list[tuple[str, str | None]]] = defaultdict(list)
    for d, e, title, of in conn.execute(
            f"SELECT r.doc_id, r.eid, r.title, o.name FROM entities e {join}"
            "JOIN roles r ON r.doc_id = e.doc_id AND r.eid = e.eid "
            f"LEFT JOIN entities o ON o.doc_id = r.doc_id AND o.eid = r.of_eid WHERE {where} ORDER BY r.rowid", args):
        roles[(d, e)].append((title, of))
    return [(actor, EntityRow(d, e, n, t, tuple(json.loads(a)), tuple(roles.get((d, e), ()))))
            for actor, d, e, n, t, a in conn.execute(
                f"SELECT {actor_col}, e.doc_id, e.eid, e.name, e.type, e.aliases FROM entities e {join}"
                f"WHERE {where} ORDER BY e.doc_id, e.eid", args)]


def _existing_reps(conn: sqlite3.Connection, actor_ids: list[int]) -> list[_Rep]:
    reps: dict[tuple[object, ...], _Rep] = {}
    for chunk in _chunks(actor_ids):
        for actor, row in _load_rows(conn, f"m.actor_id IN ({_marks(len(chunk))})", chunk, with_actor=True):
            signature = (actor, row.name, row.type, row.aliases, row.roles)
            rep = reps.get(signature)
            if rep is None:
                rep = reps[signature] = _Rep(row, actor)
            rep.members.append((row.doc_id, row.eid))
    return list(reps.values())


def _candidate_actors(conn: sqlite3.Connection, keys: set[str]) -> list[int]:
    found: set[int] = set()
    ordered = sorted(keys)
    for chunk in _chunks(ordered):
        found |= {a for (a,) in conn.execute(
            f"SELECT actor_id FROM actor_keys WHERE key IN ({_marks(len(chunk))})", chunk)}
    return sorted(found)


def resolve_new_actors(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> set[str]:
    """Join the new articles' entities to the store's actors (inside the caller's transaction).

    Returns the stored documents (not the new ones) whose entities an actor merge or split moved.
    """
    new: list[_Rep] = []
    for chunk in _chunks(list(doc_ids)):
        for _, row in _load_rows(conn, f"e.doc_id IN ({_marks(len(chunk))})", chunk, with_actor=False):
            new.append(_Rep(row, None, [(row.doc_id, row.eid)]))
    if not new:
        return set()
    keys = set().union(*(entity_keys(r.row) for r in new))
    reps = sorted(_existing_reps(conn, _candidate_actors(conn, keys)) + new,
                  key=lambda r: (r.row.doc_id, r.row.eid))
    groups = resolve_actors([r.row for r in reps])
    next_id = (conn.execute("SELECT MAX(actor_id) FROM actors").fetchone()[0] or 0) + 1
    claimed: set[int] = set()
    changed_docs: set[str] = set()
    touched: dict[int, list[_Rep]] = {}
    old_ids = {r.actor for r in reps if r.actor is not None}
    for group in sorted(groups, key=min):
        mine = [reps[i] for i in group]
        weight: Counter[int] = Counter()
        for r in mine:
            if r.actor is not None:
                weight[r.actor] += len(r.members)
        keep = [a for a, _ in sorted(weight.items(), key=lambda x: (-x[1], x[0])) if a not in claimed]
        if keep:
            actor_id = keep[0]
        else:
            actor_id, next_id = next_id, next_id + 1
        claimed.add(actor_id)
        moved = [r for r in mine if r.actor != actor_id]
        if not moved:
            continue
        touched[actor_id] = mine
        for r in moved:
            if r.actor is None:
                conn.executemany("INSERT INTO actor_entities VALUES (?,?,?)", [(d, e, actor_id) for d, e in r.members])
            else:
                conn.executemany("UPDATE actor_entities SET actor_id = ? WHERE doc_id = ? AND eid = ?",
                                 [(actor_id, d, e) for d, e in r.members])
                changed_docs |= {d for d, _ in r.members}
    gone = sorted(old_ids - claimed)
    for actor_id in gone:
        for derived in ("actors", "actor_aliases", "actor_keys"):
            conn.execute(f"DELETE FROM {derived} WHERE actor_id = ?", (actor_id,))
    for actor_id in sorted(touched):
        write_actor(conn, actor_id, touched[actor_id])
    return changed_docs


def write_actor(conn: sqlite3.Connection, actor_id: int, reps: Sequence[_Rep]) -> None:
    """(Re)write one actor's record, aliases and lookup keys from all of its entities."""
    rows = [r.row for r in reps]
    name, type_, aliases = actor_record(rows, [len(r.members) for r in reps])
    n_docs = len({d for r in reps for d, _ in r.members})
    conn.execute("INSERT OR REPLACE INTO actors VALUES (?,?,?,?)", (actor_id, name, type_, n_docs))
    conn.execute("DELETE FROM actor_aliases WHERE actor_id = ?", (actor_id,))
    conn.executemany("INSERT INTO actor_aliases VALUES (?,?,?,?)", [(actor_id, a, k, n) for a, k, n in aliases])
    conn.execute("DELETE FROM actor_keys WHERE actor_id = ?", (actor_id,))
    keys = sorted(set().union(*(entity_keys(r) for r in rows)))
    conn.executemany("INSERT INTO actor_keys VALUES (?,?)", [(actor_id, k) for k in keys])


# -- events -------------------------------------------------------------------


def _mention_rows(conn: sqlite3.Connection, where: str, args: Sequence[object]) -> list[EventRow]:
    """Event mentions selected by ``where`` over ``v`` (events) and ``d`` (documents), participants as actors."""
    parts: dict[tuple[str, str], set[int]] = defaultdict(set)
    for d, v, actor in conn.execute(
            "SELECT x.doc_id, x.vid, m.actor_id FROM events v JOIN documents d USING (doc_id) "
            "JOIN event_args x ON x.doc_id = v.doc_id AND x.vid = v.vid "
            f"JOIN actor_entities m ON m.doc_id = x.doc_id AND m.eid = x.eid WHERE {where}", args):
        parts[(d, v)].add(actor)
    return [EventRow(d, v, t, parse_day(value), parse_day(pub), frozenset(parts[(d, v)]), bool(neg), bool(hyp))
            for d, v, t, value, pub, neg, hyp in conn.execute(
                "SELECT v.doc_id, v.vid, v.type, v.date_value, d.published, v.negated, v.hypothetical "
                f"FROM events v JOIN documents d USING (doc_id) WHERE {where} ORDER BY v.doc_id, v.vid", args)]


def _first_mention(conn: sqlite3.Connection, event_id: int) -> EventRow:
    rows = _mention_rows(conn, "(v.doc_id, v.vid) IN (SELECT doc_id, vid FROM happening_mentions "
                               "WHERE event_id = ?)", (event_id,))
    return min(rows, key=lambda r: (-len(r.participants), r.doc_id, r.vid))


def _candidate_happenings(conn: sqlite3.Connection, row: EventRow) -> list[int]:
    anchor = row.day or row.published
    if anchor is None or not row.participants:
        return []
    lo, hi = str(anchor - timedelta(days=_WINDOW_DAYS)), str(anchor + timedelta(days=_WINDOW_DAYS))
    actors = sorted(row.participants)
    return [e for (e,) in conn.execute(
        f"SELECT DISTINCT h.event_id FROM happening_actors x JOIN happenings h USING (event_id) "
        f"WHERE x.actor_id IN ({_marks(len(actors))}) AND h.type = ? AND (h.date BETWEEN ? AND ? "
        "OR (length(h.date) < 10 AND h.date BETWEEN substr(?, 1, length(h.date)) AND substr(?, 1, length(h.date)))) "
        "ORDER BY h.event_id", (*actors, row.type, lo, hi, lo, hi))]


def resolve_new_events(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> None:
    """Join the new articles' event mentions to the store's happenings, or start new ones."""
    rows: list[EventRow] = []
    for chunk in _chunks(list(doc_ids)):
        rows += _mention_rows(conn, f"v.doc_id IN ({_marks(len(chunk))})", chunk)
    # the new mentions among themselves first, the way the full rebuild groups them ...
    next_id = (conn.execute("SELECT MAX(event_id) FROM happenings").fetchone()[0] or 0) + 1
    touched: set[int] = set()
    for group in resolve_events(rows):
        head = rows[group[0]]
        fits = [e for e in _candidate_happenings(conn, head) if same_happening(head, _first_mention(conn, e))]
        if len(fits) == 1:  # ... then each new group joins the one stored happening it fits
            event_id = fits[0]
        else:
            event_id, next_id = next_id, next_id + 1
            conn.execute("INSERT INTO happenings VALUES (?,?,?,?,?,?)", (event_id, head.type, None, None, None, 0))
        conn.executemany("INSERT INTO happening_mentions VALUES (?,?,?)",
                         [(rows[i].doc_id, rows[i].vid, event_id) for i in group])
        touched.add(event_id)
    refresh_happenings(conn, sorted(touched))


def refresh_happenings(conn: sqlite3.Connection, event_ids: Sequence[int]) -> None:
    """Recompute the date, mode, place, documents and participants of these happenings from their mentions."""
    for event_id in event_ids:
        days: Counter[str] = Counter()
        partial: Counter[str] = Counter()
        modes: Counter[str] = Counter()
        places: Counter[int] = Counter()
        published: list[str] = []
        docs: set[str] = set()
        for d, value, mode, place, pub in conn.execute(
                "SELECT v.doc_id, v.date_value, v.mode, p.actor_id, d.published FROM happening_mentions h "
                "JOIN events v USING (doc_id, vid) JOIN documents d ON d.doc_id = v.doc_id "
                "LEFT JOIN actor_entities p ON p.doc_id = v.doc_id AND p.eid = v.location_eid "
                "WHERE h.event_id = ? ORDER BY v.doc_id, v.vid", (event_id,)):
            docs.add(d)
            if (day := parse_day(value)) is not None:
                days[str(day)] += 1
            if value and value[:1].isdigit():
                partial[value] += 1
            if mode:
                modes[mode] += 1
            if place is not None:
                places[place] += 1
            if parse_day(pub) is not None:
                published.append(str(parse_day(pub)))
        own = days or partial
        date = own.most_common(1)[0][0] if own else min(published, default=None)
        conn.execute("UPDATE happenings SET mode = ?, date = ?, location = ?, n_docs = ? WHERE event_id = ?",
                     (modes.most_common(1)[0][0] if modes else None, date,
                      places.most_common(1)[0][0] if places else None, len(docs), event_id))
        conn.execute("DELETE FROM happening_actors WHERE event_id = ?", (event_id,))
        conn.execute("INSERT OR IGNORE INTO happening_actors SELECT DISTINCT h.event_id, m.actor_id, x.side "
                     "FROM happening_mentions h JOIN event_args x ON x.doc_id = h.doc_id AND x.vid = h.vid "
                     "JOIN actor_entities m ON m.doc_id = x.doc_id AND m.eid = x.eid WHERE h.event_id = ? "
                     "ORDER BY m.actor_id, x.side", (event_id,))


def refresh_participants(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> None:
    """After actors merged or split: the participants of the happenings these articles report."""
    events: set[int] = set()
    ids = sorted(doc_ids)
    for chunk in _chunks(ids):
        events |= {e for (e,) in conn.execute(
            f"SELECT event_id FROM happening_mentions WHERE doc_id IN ({_marks(len(chunk))})", chunk)}
    refresh_happenings(conn, sorted(events))


# -- the network ----------------------------------------------------------------


def write_edges(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> None:
    """(Re)write the network's edges these articles state, mapped to their current actors."""
    seats = {name_key(name): code for name, code, *_ in table(SEATS_TABLE)}
    for chunk in _chunks(sorted(doc_ids)):
        marks = _marks(len(chunk))
        conn.execute(f"DELETE FROM edges WHERE doc_id IN ({marks})", chunk)
        edges = {(x, y, kind, ref, d) for d, x, y, kind, ref in conn.execute(
            "SELECT l.doc_id, p.actor_id, q.actor_id, l.kind, l.ref FROM links l "
            "JOIN actor_entities p ON p.doc_id = l.doc_id AND p.eid = l.a_eid "
            "JOIN actor_entities q ON q.doc_id = l.doc_id AND q.eid = l.b_eid "
            f"WHERE l.doc_id IN ({marks}) AND p.actor_id != q.actor_id", chunk)}
        for d, actor_id, name, type_ in conn.execute(
                "SELECT DISTINCT m.doc_id, a.actor_id, a.name, a.type FROM actor_entities m "
                f"JOIN actors a USING (actor_id) WHERE m.doc_id IN ({marks})", chunk):
            code = seats.get(name_key(name)) if type_ != PERSON and not _is_country(name, type_) else None
            country = _country_actor(conn, code) if code else None
            if country is not None:
                edges.add((actor_id, country, "role", "seat of government", d))
        conn.executemany("INSERT INTO edges VALUES (?,?,?,?,?)", sorted(edges, key=str))


def _is_country(name: str, type_: str) -> bool:
    return type_ not in (PERSON, NORP) and country_named(name) is not None


def _country_actor(conn: sqlite3.Connection, code: str) -> int | None:
    for actor_id, name, type_ in conn.execute(
            "SELECT a.actor_id, a.name, a.type FROM actor_keys k JOIN actors a USING (actor_id) WHERE k.key = ? "
            "ORDER BY a.n_docs DESC, a.actor_id", (f"O:={code}",)):
        country = country_named(name) if type_ not in (PERSON, NORP) else None
        if country is not None and country.alpha3 == code:
            return int(actor_id)
    return None


def resolve_new(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> None:
    """Resolve newly stored articles against the store (inside the caller's transaction)."""
    moved = resolve_new_actors(conn, doc_ids)
    resolve_new_events(conn, doc_ids)
    if moved:
        refresh_participants(conn, moved)
    write_edges(conn, [*doc_ids, *sorted(moved)])
