"""The network summed per pair of actors: everything the articles say between two actors, in one row.

``edges`` holds one row per link an article states (an event, a quote, a role or a
context between two actors). ``actor_pairs`` sums them per ordered pair (a, b): how
often each kind links them as seen from ``a`` (the far end of a quote sees
``quoted``), and how many documents state any of them. Each pair is stored both ways,
so one actor's neighbours are one range of the primary key: the path search, the
network around an actor and an actor's connections read a pair, not every article
that states it.

It changes in the transaction that changes the edges: only the pairs of the articles
written are counted again (``recount``), from their edges, so a store grown article by
article holds what a rebuild (``rebuild``) gives.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator

QUOTE, QUOTED = "quote", "quoted"
_CHUNK = 400


def seen_from_b(kind: str) -> str:
    """The kind of a link ``a`` -> ``b`` as ``b`` sees it (a quote's far end is quoted)."""
    return QUOTED if kind == QUOTE else kind


def kinds_text(kinds: Counter[str]) -> str:
    """The stored form of a pair's kinds: a JSON object, kinds in order."""
    return json.dumps(dict(sorted(kinds.items())), separators=(",", ":"))


def touched(conn: sqlite3.Connection, doc_ids: list[str]) -> set[tuple[int, int]]:
    """The pairs the edges of these articles link (before they are rewritten, or after)."""
    marks = ",".join("?" * len(doc_ids))
    return {(a, b) for a, b in conn.execute(f"SELECT DISTINCT a, b FROM edges WHERE doc_id IN ({marks})", doc_ids)}


def recount(conn: sqlite3.Connection, pairs: Iterable[tuple[int, int]]) -> None:
    """Count these pairs again from their edges (a pair no edge links any more is removed)."""
    wanted = sorted({(min(a, b), max(a, b)) for a, b in pairs if a != b})
    for k in range(0, len(wanted), _CHUNK):
        chunk = wanted[k:k + _CHUNK]
        conn.executemany("DELETE FROM actor_pairs WHERE a = ? AND b = ?",
                         [p for x, y in chunk for p in ((x, y), (y, x))])
        rows = []
        for x, y in chunk:
            forward: Counter[str] = Counter()
            backward: Counter[str] = Counter()
            docs = set()
            for a, kind, doc_id in conn.execute(
                    "SELECT a, kind, doc_id FROM edges WHERE a = ? AND b = ? UNION ALL "
                    "SELECT a, kind, doc_id FROM edges WHERE a = ? AND b = ?", (x, y, y, x)):
                if a == x:
                    forward[kind] += 1
                    backward[seen_from_b(kind)] += 1
                else:
                    backward[kind] += 1
                    forward[seen_from_b(kind)] += 1
                docs.add(doc_id)
            if docs:
                rows += [(x, y, kinds_text(forward), len(docs)), (y, x, kinds_text(backward), len(docs))]
        conn.executemany("INSERT INTO actor_pairs VALUES (?,?,?,?)", rows)


def rebuild(conn: sqlite3.Connection) -> None:
    """Every pair counted from the whole ``edges`` table (a full rebuild; an older store's first opening)."""
    conn.execute("DELETE FROM actor_pairs")
    docs = dict(((x, y), n) for x, y, n in conn.execute(
        "SELECT min(a, b), max(a, b), COUNT(DISTINCT doc_id) FROM edges WHERE a != b GROUP BY 1, 2"))
    batch: list[tuple[int, int, str, int]] = []
    for row in _summed(conn, docs):
        batch.append(row)
        if len(batch) >= 5000:
            conn.executemany("INSERT INTO actor_pairs VALUES (?,?,?,?)", batch)
            batch = []
    conn.executemany("INSERT INTO actor_pairs VALUES (?,?,?,?)", batch)


def _summed(conn: sqlite3.Connection, docs: dict[tuple[int, int], int]) -> Iterator[tuple[int, int, str, int]]:
    """(a, b, kinds, documents) for every ordered pair, summed by SQLite a kind at a time."""
    current: tuple[int, int] | None = None
    kinds: Counter[str] = Counter()
    for x, y, kind, n in conn.execute(
            "SELECT x, y, k, COUNT(*) FROM (SELECT a AS x, b AS y, kind AS k FROM edges WHERE a != b UNION ALL "
            "SELECT b, a, CASE kind WHEN 'quote' THEN 'quoted' ELSE kind END FROM edges WHERE a != b) "
            "GROUP BY x, y, k ORDER BY x, y, k"):
        if (x, y) != current:
            if current is not None:
                yield (*current, kinds_text(kinds), docs[(min(current), max(current))])
            current, kinds = (x, y), Counter()
        kinds[kind] += n
    if current is not None:
        yield (*current, kinds_text(kinds), docs[(min(current), max(current))])
