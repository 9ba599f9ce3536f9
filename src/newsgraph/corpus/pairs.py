"""The network summed per pair of actors: everything the articles say between two actors, in one row.

``edges`` holds one row per link an article states (an event, a quote, a role or a
context between two actors). ``actor_pairs`` sums them per ordered pair (a, b): how
often each kind links them as seen from ``a`` (the far end of a quote sees
``quoted``), and how many documents state any of them. Each pair is stored both ways,
so one actor's neighbours are one range of the primary key: the path search, the
network around an actor and an actor's connections read a pair, not every article
that states it.

It changes in the transaction that changes the edges, by the difference those articles'
edges make (``update``: the cost follows the articles written, not the pairs' other
articles), so a store grown article by article holds what a rebuild (``rebuild``)
gives; ``recount`` counts chosen pairs again from all their edges.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

QUOTE, QUOTED = "quote", "quoted"
_CHUNK = 400


def seen_from_b(kind: str) -> str:
    """The kind of a link ``a`` -> ``b`` as ``b`` sees it (a quote's far end is quoted)."""
    return QUOTED if kind == QUOTE else kind


def kinds_text(kinds: Counter[str]) -> str:
    """The stored form of a pair's kinds: a JSON object, kinds in order."""
    return json.dumps(dict(sorted(kinds.items())), separators=(",", ":"))


Edge = tuple[int, int, str, str]  # a, b, kind, the document stating it


def stated(conn: sqlite3.Connection, doc_ids: list[str]) -> list[Edge]:
    """The edges these articles state now."""
    marks = ",".join("?" * len(doc_ids))
    return conn.execute(f"SELECT a, b, kind, doc_id FROM edges WHERE doc_id IN ({marks})", doc_ids).fetchall()


def update(conn: sqlite3.Connection, before: Iterable[Edge], after: Iterable[Edge]) -> None:
    """Move the pairs by what some articles' edges were (``before``) and are now (``after``).

    ``before`` and ``after`` hold every edge of the same articles (a new article has none
    before), so a pair's kinds move by the difference and its documents by the articles
    that stopped or started stating it: the cost follows these edges, not the pair's
    other articles, however many there are.
    """
    moved: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
    docs: dict[tuple[int, int], tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for step, edges in ((-1, before), (1, after)):
        for a, b, kind, doc_id in edges:
            if a != b:
                moved[(a, b)][kind] += step
                moved[(b, a)][seen_from_b(kind)] += step
                docs[(min(a, b), max(a, b))][step > 0].add(doc_id)
    for (x, y), (was, now) in sorted(docs.items()):
        for a, b in ((x, y), (y, x)):
            row = conn.execute("SELECT kinds, documents FROM actor_pairs WHERE a = ? AND b = ?", (a, b)).fetchone()
            kinds: Counter[str] = Counter(json.loads(row[0])) if row else Counter()
            kinds.update(moved[(a, b)])
            n = (row[1] if row else 0) - len(was) + len(now)
            kept = Counter({k: v for k, v in kinds.items() if v > 0})
            if n > 0 and kept:
                conn.execute("INSERT OR REPLACE INTO actor_pairs VALUES (?,?,?,?)", (a, b, kinds_text(kept), n))
            elif row:
                conn.execute("DELETE FROM actor_pairs WHERE a = ? AND b = ?", (a, b))


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
