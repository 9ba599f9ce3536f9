"""The network page's graph: one actor's neighbourhood (as ``newsgraph network --actor`` gives it) or the
most reported actors, filtered by type, date range and minimum weight.

The whole actor graph (``corpus.graph.load_graph``) is read once and kept while the store
stays the same (SQLite's ``data_version`` tells when another connection, an ingest, has
committed), so a neighbourhood or a path costs what it visits, not what the corpus holds.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from typing import Any

from newsgraph.corpus.graph import Graph, Link, link_kinds, load_graph, paths_between

TOP_ACTORS = 60  # the whole-corpus view: the most reported actors and the links between them
MAX_NODES = 250  # a neighbourhood larger than this keeps its nearest actors, the most reported first


@dataclass(frozen=True, slots=True)
class Filters:
    """What the network page narrows the graph by; the defaults narrow nothing."""

    types: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    min_weight: int = 1

    def active(self) -> bool:
        return bool(self.types or self.since or self.until or self.min_weight > 1)


class _PricedLink(Link):
    """A link whose crossing cost is worked out once (the kept graph does not change), for the path search."""

    __slots__ = ("price",)

    def __init__(self, link: Link) -> None:
        super().__init__(link.kinds, link.documents)
        self.price = link.cost()

    def cost(self) -> float:
        return self.price


def _priced(graph: Graph) -> Graph:
    return {a: {b: _PricedLink(link) for b, link in links.items()} for a, links in graph.items()}


class GraphCache:
    """The whole actor graph and every actor's name, type and number of documents, read again on a change."""

    def __init__(self) -> None:
        self._version: int | None = None
        self._graph: Graph = {}
        self._info: dict[int, tuple[str, str, int]] = {}
        self._lock = threading.Lock()

    def get(self, conn: sqlite3.Connection) -> tuple[Graph, dict[int, tuple[str, str, int]]]:
        """The graph and the actors' (name, type, documents) by id, as the store holds them now."""
        with self._lock:
            version = conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self._version:
                self._graph = _priced(load_graph(conn))
                self._info = {i: (n, t, d) for i, n, t, d in conn.execute(
                    "SELECT actor_id, name, type, n_docs FROM actors")}
                self._version = version
            return self._graph, self._info

    def paths(self, conn: sqlite3.Connection, a: int, b: int, limit: int) -> list[list[str]]:
        """``newsgraph path``'s answer, over the kept graph."""
        return paths_between(conn, a, b, limit, graph=self.get(conn)[0])


def _dates(conn: sqlite3.Connection, links: list[Link]) -> dict[str, str | None]:
    docs = sorted({d for link in links for d in link.documents})
    out: dict[str, str | None] = {}
    for i in range(0, len(docs), 500):
        chunk = docs[i:i + 500]
        marks = ",".join("?" * len(chunk))
        out.update(conn.execute(f"SELECT doc_id, published FROM documents WHERE doc_id IN ({marks})", chunk).fetchall())
    return out


def _in_range(day: str | None, f: Filters) -> bool:
    if f.since and (not day or day < f.since):
        return False
    return not (f.until and (not day or day[:len(f.until)] > f.until))


def _weight(link_docs: set[str], dates: dict[str, str | None], f: Filters) -> int:
    if not (f.since or f.until):
        return len(link_docs)
    return sum(1 for d in link_docs if _in_range(dates.get(d), f))


def neighbourhood_graph(conn: sqlite3.Connection, cache: GraphCache, center: int | None, depth: int = 1,
                        f: Filters = Filters(), max_nodes: int = MAX_NODES) -> dict[str, Any]:
    """Nodes and edges around ``center`` (or among the most reported actors), in ``network``'s shape."""
    graph, info = cache.get(conn)
    level: dict[int, int] = {}
    if center is None:
        ranked = sorted((i for i, (_, t, _) in info.items() if not f.types or t in f.types),
                        key=lambda i: (-info[i][2], i))
        level = dict.fromkeys(ranked[:TOP_ACTORS], 0)
    else:
        level, frontier = {center: 0}, {center}
        for d in range(1, max(depth, 0) + 1):
            frontier = {n for x in frontier for n in graph.get(x, {})} - level.keys()
            level.update(dict.fromkeys(frontier, d))
    keep = {n for n in level if n in info and (not f.types or info[n][1] in f.types or n == center)}
    truncated = len(keep) > max_nodes
    if truncated:  # the nearest, then the most reported
        keep = set(sorted(keep, key=lambda n: (level[n], -info[n][2], n))[:max_nodes])
    links = [(a, b, link) for a in sorted(keep) for b, link in sorted(graph.get(a, {}).items()) if a < b and b in keep]
    dates = _dates(conn, [link for _, _, link in links]) if (f.since or f.until) else {}
    edges = []
    for a, b, link in links:
        w = _weight(link.documents, dates, f)
        if w >= f.min_weight and w > 0:
            edges.append((a, b, link_kinds(link), w))
    if f.active():  # an actor left without a link in the filtered view is not shown
        linked = {x for a, b, _, _ in edges for x in (a, b)}
        keep = {n for n in keep if n in linked or n == center}
    out: dict[str, Any] = {
        "nodes": [{"name": info[n][0], "type": info[n][1], "documents": info[n][2]} for n in sorted(keep)],
        "edges": [{"source": info[a][0], "target": info[b][0], "kinds": kinds, "documents": w}
                  for a, b, kinds, w in edges]}
    if truncated:
        out["truncated"] = True  # only then does the answer differ from `newsgraph network`
    return out
