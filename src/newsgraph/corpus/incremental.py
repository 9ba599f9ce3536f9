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

The "company" an ambiguous surname keeps is judged on whole articles: each judged
article's entities are read from the store by its id (an index range), not taken from
the looked-up rows, which hold only those sharing a key with the new articles. Each
new article's bare surname is judged by its own article, and when an actor is split or
merged, each article of its bare surnames is judged again by its own.

Where the result can still differ from a full rebuild (``newsgraph resolve --all``):
a stored bare surname's form (alike entities of many articles) is judged by its first
article while its actor stands, so a candidate's company that grew later does not
re-judge the others; a candidate's company is that of its forms' first articles, not
of all of its articles; an actor merged or split by a new article keeps the happenings
it had; a happening's first mention is the one that came first, not the one naming most
actors. The differences are measured in ``tests/corpus/test_incremental.py``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import TypeVar

from newsgraph.analysis.entities.names import country_named, name_key
from newsgraph.corpus import pairs
from newsgraph.corpus.resolve import (
    GROUP,
    NEIGHBOURS,
    NORP,
    PERSON,
    EntityRow,
    EventRow,
    actor_name,
    actor_type,
    article_keys,
    merged_type,
    parse_day,
    person_key,
    place_key,
    resolve_actors,
    resolve_events,
    role_keys,
    role_standing_for_person,
    same_happening,
    surname_of,
)
from newsgraph.lexicon import table

T = TypeVar("T")
SEATS_TABLE = "corpus/seats_of_government"
_CHUNK = 400  # ids per IN (...) list, well under SQLite's limit on bound parameters
_WINDOW_DAYS = 31  # candidates only (same_happening decides): a month named beside a day of it, a week's reports


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
            surname = k if " " not in k else surname_of(k)
            if surname is not None:  # a surname: bare surnames and the full names ending in it
                keys.add(f"S:{surname}")
        keys |= {f"R:{title}|{of}" for title, of in role_keys(row)}
    elif row.type == NORP:
        keys |= {f"N:{k}" for a in names if (k := name_key(a))}
    elif row.type == GROUP:  # article-local: only the same words in the same article
        keys |= {f"G:{row.doc_id}:{k}" for a in names if (k := place_key(a))}
    else:
        keys |= {f"O:{k}" for a in names if (k := place_key(a))}
        keys |= {f"M:{k}" for a in names if (k := person_key(a))}
    return keys


def form_of(row: EntityRow) -> str:
    """The key of what an entity looks like to the resolver (name, type, aliases, roles): alike ones go in as one."""
    blob = json.dumps([row.name, row.type, row.aliases, row.roles], ensure_ascii=False)
    return hashlib.sha1(blob.encode("utf-8")).hexdigest()[:16]


def actor_record(rows: Sequence[EntityRow], weights: Sequence[int]) -> tuple[str, str, list[tuple[str, str, int]]]:
    """An actor's name, type and (alias, lookup key, count) rows, from its entities (each standing for ``weight``)."""
    type_ = actor_type(rows, weights)
    counts: Counter[str] = Counter()
    for r, w in zip(rows, weights, strict=True):
        for a in dict.fromkeys((r.name, *r.aliases)):
            counts[a] += w
    keys = {(a, k) for a in counts for k in (name_key(a), person_key(a)) if k}
    if type_ == PERSON:  # so that `actor Witkoff` finds Steve Witkoff
        keys |= {(a, k.rsplit(" ", 1)[1]) for a, k in list(keys) if " " in k}
    return actor_name(rows, weights), type_, [(a, k, counts[a]) for a, k in sorted(keys)]


def _chunks(items: Sequence[T]) -> Iterable[list[T]]:
    for i in range(0, len(items), _CHUNK):
        yield list(items[i:i + _CHUNK])


def _marks(n: int) -> str:
    return ",".join("?" * n)


@dataclass(slots=True)
class Form:
    """One entity standing in for every entity of an actor that looks just like it (``n`` of them)."""

    row: EntityRow
    form: str
    n: int
    actor: int | None = None  # None: a new article's entity
    new: list[tuple[str, str]] = field(default_factory=list)  # the new articles' entities among them
    at: tuple[str, str] | None = None  # a stored form taken apart: the one entity (doc_id, eid) it stands for


def forms_of(rows: Iterable[EntityRow]) -> list[Form]:
    """The rows grouped by form, each form's first row standing for it, in order of first appearance."""
    out: dict[str, Form] = {}
    for row in rows:
        key = form_of(row)
        if key in out:
            out[key].n += 1
        else:
            out[key] = Form(row, key, 1)
    return list(out.values())


def _new_rows(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> list[EntityRow]:
    """The new articles' entities, their roles' "of" by name."""
    out: list[EntityRow] = []
    for chunk in _chunks(list(doc_ids)):
        marks = _marks(len(chunk))
        roles: dict[tuple[str, str], list[tuple[str, str | None]]] = defaultdict(list)
        for d, e, title, of in conn.execute(
                "SELECT r.doc_id, r.eid, r.title, o.name FROM roles r "
                "LEFT JOIN entities o ON o.doc_id = r.doc_id AND o.eid = r.of_eid "
                f"WHERE r.doc_id IN ({marks}) ORDER BY r.rowid", chunk):
            roles[(d, e)].append((title, of))
        out += [EntityRow(d, e, n, t, tuple(json.loads(a)), tuple(roles.get((d, e), ())))
                for d, e, n, t, a in conn.execute(
                    f"SELECT doc_id, eid, name, type, aliases FROM entities WHERE doc_id IN ({marks}) "
                    "ORDER BY doc_id, eid", chunk)]
    return out


def _stored_forms(conn: sqlite3.Connection, actor_ids: list[int]) -> list[Form]:
    out = []
    for chunk in _chunks(actor_ids):
        for actor, form, d, e, name, type_, aliases, roles, n in conn.execute(
                "SELECT actor_id, form, doc_id, eid, name, type, aliases, roles, n FROM actor_forms "
                f"WHERE actor_id IN ({_marks(len(chunk))}) ORDER BY actor_id, form", chunk):
            row = EntityRow(d, e, name, type_, tuple(json.loads(aliases)),
                            tuple((t, of) for t, of in json.loads(roles)))
            out.append(Form(row, form, n, actor))
    return out


def _article_keys(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> dict[str, set[str]]:
    """The company of these articles (each one's entities' keys), read whole by the entities' key: a looked-up
    form stands in with its first article, whose other entities were not looked up."""
    out: dict[str, set[str]] = {}
    for chunk in _chunks(doc_ids):
        out.update(article_keys(conn.execute(
            f"SELECT doc_id, name, type FROM entities WHERE doc_id IN ({_marks(len(chunk))})", chunk)))
    return out


def _candidate_actors(conn: sqlite3.Connection, keys: set[str]) -> list[int]:
    found: set[int] = set()
    for chunk in _chunks(sorted(keys)):
        found |= {a for (a,) in conn.execute(
            f"SELECT actor_id FROM actor_keys WHERE key IN ({_marks(len(chunk))})", chunk)}
    return sorted(found)


def resolve_new_actors(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> set[str]:
    """Join the new articles' entities to the store's actors (inside the caller's transaction).

    Returns the stored documents (not the new ones) whose entities an actor merge or split moved.
    """
    rows = _new_rows(conn, doc_ids)
    if not rows:
        return set()
    new: dict[tuple[str, str], Form] = {}
    for row in rows:  # alike entities of one article go in as one; each article is judged by its own company
        f = new.setdefault((form_of(row), row.doc_id), Form(row, form_of(row), 0))
        f.n += 1
        f.new.append((row.doc_id, row.eid))
    keys = set().union(*(entity_keys(f.row) for f in new.values()))
    forms = sorted(_stored_forms(conn, _candidate_actors(conn, keys)) + list(new.values()), key=_by_row)
    company: dict[str, set[str]] = {}

    def keys_of(docs: Sequence[str]) -> dict[str, set[str]]:
        missing = [d for d in docs if d not in company]
        company.update({d: set() for d in missing} | _article_keys(conn, missing))
        return {d: company[d] for d in docs}

    first_new = (conn.execute("SELECT MAX(actor_id) FROM actors").fetchone()[0] or 0) + 1
    while True:
        groups = resolve_actors([f.row for f in forms], keys_of)
        assigned = _assign(forms, groups, first_new)
        # A bare surname's form stands for its entities in many articles, judged by the first; when its
        # actor is split or merged, each of its articles is judged by its own company (as ``resolve --all``).
        split = {id(f) for f in _regrouped(forms, groups) if f.n > 1 and f.at is None and _bare(f.row)}
        if not split:
            break
        forms = sorted([f for f in forms if id(f) not in split]
                       + [e for f in forms if id(f) in split for e in _each_article(conn, f)], key=_by_row)
    moved_docs: set[str] = set()
    writes = _Writes()
    added: list[tuple[str, str, int, str]] = []
    old_ids = {f.actor for f in forms if f.actor is not None}
    claimed = {actor_id for actor_id, _, _ in assigned}
    losers = {f.actor for actor_id, mine, _ in assigned for f in mine if f.actor not in (None, actor_id)}
    changed = [(actor_id, mine, weight) for actor_id, mine, weight in assigned
               if actor_id in losers or any(f.actor != actor_id for f in mine)]
    for actor_id, mine, _ in changed:  # every move first, so that an actor's documents are counted after them
        for f in mine:
            if f.actor is None:
                added += [(d, e, actor_id, f.form) for d, e in f.new]
            elif f.actor != actor_id and f.at is not None:
                moved_docs.add(f.at[0])
                conn.execute("UPDATE actor_entities SET actor_id = ? WHERE doc_id = ? AND eid = ?",
                             (actor_id, *f.at))
            elif f.actor != actor_id:
                moved_docs |= {d for (d,) in conn.execute(
                    "SELECT doc_id FROM actor_entities WHERE actor_id = ? AND form = ?", (f.actor, f.form))}
                conn.execute("UPDATE actor_entities SET actor_id = ? WHERE actor_id = ? AND form = ?",
                             (actor_id, f.actor, f.form))
    for actor_id, mine, weight in changed:
        new_docs = len({d for f in mine for d, _ in f.new})
        if set(weight) == {actor_id} and actor_id not in losers:  # only new entities joined it
            n_docs = conn.execute("SELECT n_docs FROM actors WHERE actor_id = ?", (actor_id,)).fetchone()[0]
        elif weight:
            n_docs = conn.execute("SELECT COUNT(DISTINCT doc_id) FROM actor_entities WHERE actor_id = ?",
                                  (actor_id,)).fetchone()[0]
        else:
            n_docs = 0
        writes.actor(actor_id, mine, n_docs + new_docs)
    conn.executemany("INSERT INTO actor_entities VALUES (?,?,?,?)", added)
    writes.flush(conn)
    for actor_id in sorted(old_ids - claimed):
        for derived in ("actors", "actor_aliases", "actor_keys", "actor_forms"):
            conn.execute(f"DELETE FROM {derived} WHERE actor_id = ?", (actor_id,))
    return moved_docs - set(doc_ids)


def _by_row(f: Form) -> tuple[str, str]:
    return f.row.doc_id, f.row.eid


def _assign(forms: Sequence[Form], groups: list[list[int]], next_id: int) -> list[tuple[int, list[Form], Counter[int]]]:
    """Each group's actor id: the stored actor most of its entities had (the larger keeps its id), else a new one."""
    claimed: set[int] = set()
    assigned: list[tuple[int, list[Form], Counter[int]]] = []
    for group in sorted(groups, key=min):
        mine = [forms[i] for i in group]
        weight: Counter[int] = Counter()
        for f in mine:
            if f.actor is not None:
                weight[f.actor] += f.n
        keep = [a for a, _ in sorted(weight.items(), key=lambda x: (-x[1], x[0])) if a not in claimed]
        if keep:
            actor_id = keep[0]
        else:
            actor_id, next_id = next_id, next_id + 1
        claimed.add(actor_id)
        assigned.append((actor_id, mine, weight))
    return assigned


def _regrouped(forms: Sequence[Form], groups: list[list[int]]) -> list[Form]:
    """The stored forms whose actor is split or merged: their group is not their actor's loaded forms (and new ones)."""
    group_of = {i: g for g, group in enumerate(groups) for i in group}
    groups_of_actor: dict[int, set[int]] = defaultdict(set)
    actors_of_group: dict[int, set[int]] = defaultdict(set)
    for i, f in enumerate(forms):
        if f.actor is not None:
            groups_of_actor[f.actor].add(group_of[i])
            actors_of_group[group_of[i]].add(f.actor)
    return [f for i, f in enumerate(forms) if f.actor is not None
            and (len(groups_of_actor[f.actor]) > 1 or len(actors_of_group[group_of[i]]) > 1)]


def _bare(row: EntityRow) -> bool:
    """Whether an entity is a person named by a surname alone (no full name, no role standing for one)."""
    return row.type == PERSON and role_standing_for_person(row.name) is None \
        and all(" " not in person_key(a) for a in (row.name, *row.aliases))


def _each_article(conn: sqlite3.Connection, f: Form) -> list[Form]:
    """A stored form as one form per entity it stands for (an index range of ``actor_entities``)."""
    return [Form(replace(f.row, doc_id=d, eid=e), f.form, 1, f.actor, at=(d, e)) for d, e in conn.execute(
        "SELECT doc_id, eid FROM actor_entities WHERE actor_id = ? AND form = ? ORDER BY doc_id, eid",
        (f.actor, f.form))]


@dataclass(slots=True)
class _Writes:
    """The derived rows of many actors, written together (one statement per table, not per actor)."""

    actors: list[tuple[object, ...]] = field(default_factory=list)
    aliases: list[tuple[object, ...]] = field(default_factory=list)
    keys: list[tuple[object, ...]] = field(default_factory=list)
    forms: list[tuple[object, ...]] = field(default_factory=list)
    cleared: list[tuple[int]] = field(default_factory=list)

    def actor(self, actor_id: int, forms: Sequence[Form], n_docs: int) -> None:
        """One actor's record, forms, aliases and lookup keys, from all of its forms (alike ones merged)."""
        merged: dict[str, Form] = {}
        for f in sorted(forms, key=lambda f: (f.row.doc_id, f.row.eid)):
            if f.form in merged:
                merged[f.form].n += f.n
            else:
                merged[f.form] = Form(f.row, f.form, f.n, actor_id)
        mine = list(merged.values())
        name, type_, aliases = actor_record([f.row for f in mine], [f.n for f in mine])
        self.actors.append((actor_id, name, type_, n_docs))
        self.details(actor_id, mine, aliases)

    def details(self, actor_id: int, forms: Sequence[Form], aliases: Sequence[tuple[str, str, int]]) -> None:
        """An actor's aliases, lookup keys and forms."""
        self.cleared.append((actor_id,))
        self.aliases += [(actor_id, a, k, n) for a, k, n in aliases]
        self.keys += [(actor_id, k) for k in sorted(set().union(*(entity_keys(f.row) for f in forms)))]
        self.forms += [(actor_id, f.form, f.row.doc_id, f.row.eid, f.row.name, f.row.type,
                        json.dumps(list(f.row.aliases), ensure_ascii=False),
                        json.dumps([list(r) for r in f.row.roles], ensure_ascii=False), f.n) for f in forms]

    def flush(self, conn: sqlite3.Connection) -> None:
        for derived in ("actor_aliases", "actor_keys", "actor_forms"):
            conn.executemany(f"DELETE FROM {derived} WHERE actor_id = ?", self.cleared)
        conn.executemany("INSERT OR REPLACE INTO actors VALUES (?,?,?,?)", self.actors)
        conn.executemany("INSERT INTO actor_aliases VALUES (?,?,?,?)", self.aliases)
        conn.executemany("INSERT INTO actor_keys VALUES (?,?)", self.keys)
        conn.executemany("INSERT INTO actor_forms VALUES (?,?,?,?,?,?,?,?,?)", self.forms)


def insert_actor_details(conn: sqlite3.Connection, actor_id: int, forms: Sequence[Form],
                         aliases: Sequence[tuple[str, str, int]]) -> None:
    """An actor's aliases, lookup keys and forms (its record is written by the caller)."""
    writes = _Writes()
    writes.details(actor_id, forms, aliases)
    writes.flush(conn)


# -- events -------------------------------------------------------------------


def _mention_rows(conn: sqlite3.Connection, where: str, args: Sequence[object]) -> list[EventRow]:
    """Event mentions selected by ``where`` over ``v`` (events) and ``d`` (documents), participants as actors."""
    parts: dict[tuple[str, str], set[int]] = defaultdict(set)
    sides: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for d, v, actor, side in conn.execute(
            "SELECT x.doc_id, x.vid, m.actor_id, x.side FROM events v JOIN documents d USING (doc_id) "
            "JOIN event_args x ON x.doc_id = v.doc_id AND x.vid = v.vid "
            # a group ("police") is one article's: it tells nothing about another article's happening
            f"JOIN entities n ON n.doc_id = x.doc_id AND n.eid = x.eid AND n.type != '{GROUP}' "
            f"JOIN actor_entities m ON m.doc_id = x.doc_id AND m.eid = x.eid WHERE {where}", args):
        parts[(d, v)].add(actor)
        sides[(d, v, side)].add(actor)
    return [EventRow(d, v, t, parse_day(value), parse_day(pub), frozenset(parts[(d, v)]), bool(neg), bool(hyp),
                     value if value and value[:1].isdigit() else None,
                     frozenset(sides[(d, v, "source")]), frozenset(sides[(d, v, "target")]))
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
    kinds = sorted({row.type} | {k for pair in NEIGHBOURS if row.type in pair for k in pair})  # PLOVER neighbours
    return [e for (e,) in conn.execute(
        f"SELECT DISTINCT h.event_id FROM happening_actors x JOIN happenings h USING (event_id) "
        f"WHERE x.actor_id IN ({_marks(len(actors))}) AND h.type IN ({_marks(len(kinds))}) AND (h.date BETWEEN ? AND ? "
        "OR (length(h.date) < 10 AND h.date BETWEEN substr(?, 1, length(h.date)) AND substr(?, 1, length(h.date)))) "
        "ORDER BY h.event_id", (*actors, *kinds, lo, hi, lo, hi))]


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
        types: list[str] = []
        for d, value, mode, place, pub, kind in conn.execute(
                "SELECT v.doc_id, v.date_value, v.mode, p.actor_id, d.published, v.type FROM happening_mentions h "
                "JOIN events v USING (doc_id, vid) JOIN documents d ON d.doc_id = v.doc_id "
                "LEFT JOIN actor_entities p ON p.doc_id = v.doc_id AND p.eid = v.location_eid "
                "WHERE h.event_id = ? ORDER BY v.doc_id, v.vid", (event_id,)):
            docs.add(d)
            types.append(kind)
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
        conn.execute("UPDATE happenings SET type = ?, mode = ?, date = ?, location = ?, n_docs = ? "
                     "WHERE event_id = ?", (merged_type(types), modes.most_common(1)[0][0] if modes else None, date,
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
        before = pairs.stated(conn, chunk)
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
        pairs.update(conn, before, [(x, y, kind, d) for x, y, kind, _, d in edges])


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
