"""The network page's graph: one actor's neighbourhood (as ``newsgraph network --actor`` gives it) or the
most reported actors, filtered by type, date range and minimum weight, read a frontier at a time.

Only the edges touching the actors in view are read (``load_graph`` with their ids), so a
neighbourhood costs what it holds, not what the corpus holds.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from newsgraph.corpus.graph import Graph, link_kinds, load_graph

TOP_ACTORS = 60  # the whole-corpus view: the most reported actors and the links between them
MAX_NODES = 250  # a neighbourhood larger than this keeps its best-linked actors


@dataclass(frozen=True, slots=True)
class Filters:
    """What the network page narrows the graph by; the defaults narrow nothing."""

    types: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    min_weight: int = 1

    def active(self) -> bool:
        return bool(self.types or self.since or self.until or self.min_weight > 1)


def _info(conn: sqlite3.Connection, ids: set[int]) -> dict[int, tuple[str, str, int]]:
    out: dict[int, tuple[str, str, int]] = {}
    ordered = sorted(ids)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i:i + 500]
        for actor_id, name, type_, n in conn.execute(
                f"SELECT actor_id, name, type, n_docs FROM actors WHERE actor_id IN ({','.join('?' * len(chunk))})",
                chunk):
            out[actor_id] = (name, type_, n)
    return out


def _dates(conn: sqlite3.Connection, graph: Graph) -> dict[str, str | None]:
    docs = sorted({d for links in graph.values() for link in links.values() for d in link.documents})
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


def neighbourhood_graph(conn: sqlite3.Connection, center: int | None, depth: int = 1,
                        f: Filters = Filters()) -> dict[str, Any]:
    """Nodes and edges around ``center`` (or among the most reported actors), in ``network``'s shape."""
    if center is None:
        sql = "SELECT actor_id FROM actors"
        args: list[Any] = []
        if f.types:
            sql += f" WHERE type IN ({','.join('?' * len(f.types))})"
            args += list(f.types)
        nodes = {i for i, in conn.execute(sql + " ORDER BY n_docs DESC, actor_id LIMIT ?", [*args, TOP_ACTORS])}
        graph = load_graph(conn, nodes)
    else:
        nodes, frontier = {center}, {center}
        graph = load_graph(conn, nodes)
        for _ in range(max(depth, 0)):
            frontier = {n for x in frontier for n in graph.get(x, {})} - nodes
            if not frontier:
                break
            nodes |= frontier
            graph = load_graph(conn, nodes)
    info = _info(conn, nodes)
    dates = _dates(conn, graph) if (f.since or f.until) else {}
    keep = {n for n in nodes if n in info and (not f.types or info[n][1] in f.types or n == center)}
    edges = []
    for a in sorted(keep):
        for b, link in sorted(graph.get(a, {}).items()):
            if a < b and b in keep:
                w = _weight(link.documents, dates, f)
                if w >= f.min_weight and w > 0:
                    edges.append((a, b, link_kinds(link), w))
    if f.active():  # an actor left without a link in the filtered view is not shown
        linked = {x for a, b, _, _ in edges for x in (a, b)}
        keep = {n for n in keep if n in linked or n == center}
    truncated = len(keep) > MAX_NODES
    if truncated:
        strength: dict[int, int] = {}
        for a, b, _, w in edges:
            strength[a] = strength.get(a, 0) + w
            strength[b] = strength.get(b, 0) + w
        keep = set(sorted(keep, key=lambda n: (n != center, -strength.get(n, 0), n))[:MAX_NODES])
        edges = [e for e in edges if e[0] in keep and e[1] in keep]
    out: dict[str, Any] = {
        "nodes": [{"name": info[n][0], "type": info[n][1], "documents": info[n][2]} for n in sorted(keep)],
        "edges": [{"source": info[a][0], "target": info[b][0], "kinds": kinds, "documents": w}
                  for a, b, kinds, w in edges]}
    if truncated:
        out["truncated"] = True  # only then does the answer differ from `newsgraph network`
    return out
