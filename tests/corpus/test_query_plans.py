"""Every statement a command sends to the store goes through an index: no full scan of a table that grows.

Each command's library call runs with SQLite's trace on; every statement it sent is
asked for its ``EXPLAIN QUERY PLAN``, and a ``SCAN`` of a table that grows with the
corpus, without an index, fails. SQLite plans without statistics here (no ANALYZE),
so the plan on a small store is the plan on a large one.

Reading everything is the point of a few commands (an export, the whole network, a
rebuild): those are listed with the tables they may read whole, and stream what they
read. A path search reads the actors it settles, a pair table's range each.

An actor's pages are read one of two ways (its own rows sorted, or the corpus walked in
date order, whichever reads fewer): both are traced, each forced in turn.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from newsgraph import Store
from newsgraph.corpus.queries import actor_file, find_actor
from tests.corpus.corpus_cases import varied_corpus
from tests.corpus.test_store import make_analysis

GROWING = {"documents", "entities", "mentions", "roles", "events", "event_args", "quotes", "timexes", "links",
           "actors", "actor_entities", "actor_forms", "actor_aliases", "actor_keys", "happenings",
           "happening_mentions", "happening_actors", "edges", "actor_pairs"}
_SCAN = re.compile(r"\bSCAN (\w+)(?: AS \w+)?(.*)$")
_ALIASES = re.compile(r"\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(?!ON\b|USING\b|WHERE\b|JOIN\b|LEFT\b)(\w+))?",
                      re.IGNORECASE)

# What reads the corpus whole by design, and the tables it may scan.
WHOLE = {
    "network (whole)": {"actor_pairs"},
    "export": GROWING,
}


def _tables(sql: str) -> dict[str, str]:
    """Alias (or name) -> table for every table a statement names."""
    out: dict[str, str] = {}
    for table, alias in _ALIASES.findall(sql):
        if table.lower() in GROWING:
            out[table.lower()] = table.lower()
            if alias:
                out[alias.lower()] = table.lower()
    return out


def full_scans(conn: sqlite3.Connection, sql: str) -> list[str]:
    """The growing tables a statement reads whole (a SCAN not through an index)."""
    if not re.match(r"\s*(SELECT|INSERT|UPDATE|DELETE)\b", sql, re.IGNORECASE):
        return []
    names = _tables(sql)
    plan = [detail for *_, detail in conn.execute("EXPLAIN QUERY PLAN " + sql)]
    # A page read in key order stops at the page: a scan that needs no sort, under a LIMIT, costs the page.
    paged = re.search(r"\bLIMIT\b", sql, re.IGNORECASE) and not any(d == "USE TEMP B-TREE FOR ORDER BY"
                                                                    for d in plan)
    out = []
    for detail in plan:
        m = _SCAN.search(detail)
        automatic = "AUTOMATIC" in detail  # an index built on the fly reads the table whole
        if (m and "INDEX" not in m[2] and not paged) or automatic:
            word = m[1] if m else detail.split()[1]
            table = names.get(word.lower(), word.lower())
            if table in GROWING:
                out.append(f"{table} ({detail})")
    return out


def traced(store: Store, call: Callable[[Store], Any]) -> list[str]:
    """The statements ``call`` sends to the store."""
    sent: list[str] = []
    store.conn.set_trace_callback(sent.append)
    try:
        call(store)
    finally:
        store.conn.set_trace_callback(None)
    return sent


def _late_article() -> Any:
    return make_analysis("late", "Mr Lee met Kate Moss and Dan Roe in Paris.", "2025-01-04",
                         {"a": ("Lee", "PERSON", ("Mr Lee",)), "k": ("Kate Moss", "PERSON", ("Kate Moss",)),
                          "d": ("Dan Roe", "PERSON", ("Dan Roe",)), "p": ("Paris", "GPE", ("Paris",))},
                         events=[("CONSULT", "met", ["a"], ["k", "d"], "2025-01-04")])


def _walked_by_date(call: Callable[[Store], Any]) -> Callable[[Store], Any]:
    """``call`` with every page of one actor's items read by walking the corpus in date order."""
    def run(store: Store) -> Any:
        with mock.patch("newsgraph.corpus.queries._by_date", lambda *a, **k: True):
            return call(store)
    return run


def _file(s: Store) -> Any:
    return actor_file(s.conn, find_actor(s.conn, "Ann Lee"))


COMMANDS: list[tuple[str, Callable[[Store], Any]]] = [
    ("ingest", lambda s: s.add([_late_article()])),
    ("actors", lambda s: s.actors(limit=50)),
    ("actors --type", lambda s: s.actors(type="PERSON", limit=50, offset=1)),
    ("actor", lambda s: s.actor("Ann Lee")),
    ("actor (surname)", lambda s: s.actor("Zelensky")),
    ("events", lambda s: s.events(limit=50)),
    ("events --type --actor", lambda s: s.events(type="CONSULT", actor="Kate Moss", limit=50, offset=1)),
    ("timeline", lambda s: s.timeline(limit=50)),
    ("timeline --actor --since --until", lambda s: s.timeline("Ann Lee", "2025-01-01", "2025-12", limit=50)),
    ("quotes", lambda s: s.quotes(limit=50, offset=2)),
    ("quotes --by", lambda s: s.quotes(by="Dan Roe", limit=50)),
    ("network --actor", lambda s: s.network("Ann Lee", depth=2)),
    ("documents", lambda s: s.documents(limit=10)),
    ("network (whole)", lambda s: s.network()),
    ("path", lambda s: s.path("Ann Lee", "Kate Moss")),
    ("path (none)", lambda s: s.path("Ann Lee", "Zelensky")),
    ("actor (walked by date)", _walked_by_date(_file)),
    ("events --actor (walked by date)", _walked_by_date(lambda s: s.events(actor="Ann Lee", limit=5))),
    ("timeline --actor (walked by date)", _walked_by_date(lambda s: s.timeline("Ann Lee", limit=5))),
]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "plans.db")
    for analysis in varied_corpus():  # one at a time: every later article is resolved incrementally
        store.add([analysis])
    return store


@pytest.mark.parametrize(("label", "call"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_no_command_scans_a_growing_table(store: Store, label: str, call: Callable[[Store], Any]) -> None:
    statements = traced(store, call)
    assert statements, label
    allowed = WHOLE.get(label, set())
    bad = {sql: scans for sql in statements
           if (scans := [s for s in full_scans(store.conn, sql) if s.split(" ")[0] not in allowed])}
    assert not bad, f"{label}: full scans\n" + "\n".join(f"{sql}\n  -> {s}" for sql, s in bad.items())


@pytest.mark.parametrize("fmt", ["plover", "gdelt", "gexf", "graphml", "neo4j"])
def test_exports_are_traced_too(store: Store, tmp_path: Path, fmt: str) -> None:
    statements = traced(store, lambda s: s.export(fmt, tmp_path / f"out.{fmt}"))
    assert statements  # exports read the corpus whole by design (WHOLE); they stream what they read


def test_the_checker_sees_a_scan(store: Store) -> None:
    assert full_scans(store.conn, "SELECT * FROM roles WHERE title = 'x'")
    assert not full_scans(store.conn, "SELECT * FROM roles WHERE doc_id = 'a' AND eid = 'e1'")
    assert full_scans(store.conn, "SELECT r.title FROM actor_entities m JOIN roles r ON r.title = m.eid")


@pytest.mark.parametrize("name", ["Ann Lee", "Kate Moss", "Dan Roe", "Zelensky"])
def test_either_way_of_reading_a_page_gives_the_same_page(store: Store, name: str) -> None:
    conn = store.conn
    actor_id = find_actor(conn, name)

    def answers() -> Any:
        return ([actor_file(conn, actor_id, limit) for limit in (1, 2, 50)],
                [store.events(actor=name, limit=n, offset=o) for n, o in ((1, 0), (2, 1), (50, 0))],
                [store.timeline(name, limit=n) for n in (1, 3, 50)])

    own = answers()
    with mock.patch("newsgraph.corpus.queries._by_date", lambda *a, **k: True):
        walked = answers()
    assert walked == own
