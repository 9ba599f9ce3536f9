"""The actor network: who is linked to whom (events, quotes, roles, context), neighbourhoods, paths.

Edges come from the ``edges`` table (one row per link an article states, mapped to
actors). The graph is undirected for navigation: a link of any kind lets a path
pass. A path's cost favours the links stated by events, quotes and roles over mere
context, and links many articles state over a single one.
"""

from __future__ import annotations

import heapq
import itertools
import json
import math
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# A speaker naming someone relates them less than an event or a role does; mere co-mention least.
_QUOTED = "quoted"  # the far end of a quote link: named in someone's quote
_KIND_COST = {"event": 1.0, "role": 1.0, "quote": 1.5, _QUOTED: 1.5, "context": 2.5}
# Someone who only spoke of both ("according to the author X, A called B") is a source, not a go-between.
_ONLY_SPOKE_OF_BOTH = 3.0
# Through whom: a person or an organisation explains a connection; a country or a city everyone is
# linked to hardly does.
_GO_BETWEEN_COST = {"PERSON": 0.0, "ORG": 0.5}
MAX_PATHS, MAX_HOPS = 8, 6


@dataclass(slots=True)
class Link:
    """Everything the corpus says between two actors."""

    kinds: Counter[str] = field(default_factory=Counter)
    documents: set[str] = field(default_factory=set)

    def cost(self) -> float:
        """The cost of crossing this link: its cheapest kind, lowered when many articles state it."""
        base = min(_KIND_COST.get(k, 2.5) for k in self.kinds)
        return base / (1.0 + math.log(len(self.documents)))


Graph = dict[int, dict[int, Link]]


def load_graph(conn: sqlite3.Connection, actor_ids: set[int] | None = None) -> Graph:
    """The undirected actor graph (or the part of it touching ``actor_ids``)."""
    graph: Graph = defaultdict(dict)
    sql = "SELECT a, b, kind, doc_id FROM edges"
    rows: Any
    if actor_ids is None:
        rows = conn.execute(sql)
    else:
        ids = sorted(actor_ids)
        rows = []
        for i in range(0, len(ids), 400):
            chunk = ids[i:i + 400]
            marks = ",".join("?" * len(chunk))
            rows += conn.execute(f"{sql} WHERE a IN ({marks}) OR b IN ({marks})", chunk + chunk).fetchall()
    for a, b, kind, doc in rows:
        _add(graph, a, b, kind, doc)
    return graph


def _add(graph: Graph, a: int, b: int, kind: str, doc: str) -> None:
    for x, y, k in ((a, b, kind), (b, a, _QUOTED if kind == "quote" else kind)):
        link = graph[x].get(y)
        if link is None:
            link = graph[x][y] = Link()
        link.kinds[k] += 1
        link.documents.add(doc)


def link_kinds(link: Link) -> dict[str, int]:
    """How often each kind of link joins two actors (a quote counted the same from either end)."""
    kinds: Counter[str] = Counter()
    for k, n in link.kinds.items():
        kinds["quote" if k == _QUOTED else k] += n
    return dict(sorted(kinds.items()))


def _info(conn: sqlite3.Connection, ids: set[int] | None = None) -> dict[int, tuple[str, str, int]]:
    """Name, type and documents of these actors (all of them when ``ids`` is None)."""
    sql = "SELECT actor_id, name, type, n_docs FROM actors"
    if ids is None:
        return {i: (n, t, d) for i, n, t, d in conn.execute(sql)}
    out: dict[int, tuple[str, str, int]] = {}
    wanted = sorted(ids)
    for k in range(0, len(wanted), 400):
        chunk = wanted[k:k + 400]
        out.update((i, (n, t, d)) for i, n, t, d in conn.execute(
            f"{sql} WHERE actor_id IN ({','.join('?' * len(chunk))})", chunk))
    return out


def connections(conn: sqlite3.Connection, actor_id: int) -> list[dict[str, Any]]:
    """The actors linked to one actor, most documents first: the kinds of link and how many documents state one."""
    rows = conn.execute(
        "SELECT CASE WHEN a = ? THEN b ELSE a END AS other, group_concat(DISTINCT kind), COUNT(DISTINCT doc_id) "
        "FROM edges WHERE a = ? OR b = ? GROUP BY other", (actor_id, actor_id, actor_id)).fetchall()
    info = _info(conn, {other for other, _, _ in rows})
    out = [{"name": info[other][0], "type": info[other][1], "kinds": sorted(set(kinds.split(","))),
            "documents": n} for other, kinds, n in rows if other in info]
    return sorted(out, key=lambda c: (-c["documents"], c["name"]))


def neighbourhood(graph: Graph, start: int, depth: int) -> set[int]:
    """The actors within ``depth`` links of ``start`` (itself included)."""
    seen, frontier = {start}, {start}
    for _ in range(max(depth, 0)):
        frontier = {n for f in frontier for n in graph.get(f, {})} - seen
        seen |= frontier
    return seen


def _neighbours(conn: sqlite3.Connection, start: int, depth: int) -> set[int]:
    """``neighbourhood`` read from the store a ring at a time (the edges of the ring only)."""
    seen, frontier = {start}, [start]
    for _ in range(max(depth, 0)):
        found: set[int] = set()
        for k in range(0, len(frontier), 400):
            chunk = frontier[k:k + 400]
            marks = ",".join("?" * len(chunk))
            found |= {n for (n,) in conn.execute(f"SELECT b FROM edges WHERE a IN ({marks}) UNION "
                                                 f"SELECT a FROM edges WHERE b IN ({marks})", chunk + chunk)}
        frontier = sorted(found - seen)
        seen |= found
    return seen


def _pairs_among(conn: sqlite3.Connection, nodes: set[int]) -> list[dict[str, Any]]:
    """The links between these actors, one per pair (aggregated by SQLite, not loaded link by link).

    The kinds are those ``write.document_links`` and the seats of government give: event, quote, role, context.
    """
    ids = json.dumps(sorted(nodes))
    kinds = ("event", "quote", "role", "context")
    out = []
    sums = ", ".join(f"SUM(kind = '{k}')" for k in kinds)
    for x, y, docs, *counts in conn.execute(
            f"SELECT min(a, b) AS x, max(a, b) AS y, COUNT(DISTINCT doc_id), {sums} FROM edges "
            "WHERE a IN (SELECT value FROM json_each(?)) AND b IN (SELECT value FROM json_each(?)) AND a != b "
            "GROUP BY x, y ORDER BY x, y", (ids, ids)):
        out.append({"a": x, "b": y, "documents": docs,
                    "kinds": {k: n for k, n in zip(kinds, counts, strict=True) if n}})
    return out


def network(conn: sqlite3.Connection, actor_id: int | None = None, depth: int = 1) -> dict[str, Any]:
    """Nodes and edges of the whole network, or of one actor's neighbourhood up to ``depth`` links."""
    if actor_id is None:
        graph = load_graph(conn)
        nodes = set(graph)
        info = _info(conn, nodes)
        edges = [{"source": info[a][0], "target": info[b][0], "kinds": link_kinds(link),
                  "documents": len(link.documents)}
                 for a in sorted(nodes) for b, link in sorted(graph.get(a, {}).items()) if a < b and b in nodes]
    else:
        nodes = _neighbours(conn, actor_id, depth)
        info = _info(conn, nodes)
        edges = [{"source": info[e["a"]][0], "target": info[e["b"]][0], "kinds": dict(sorted(e["kinds"].items())),
                  "documents": e["documents"]} for e in _pairs_among(conn, nodes)]
    return {"nodes": [{"name": info[n][0], "type": info[n][1], "documents": info[n][2]} for n in sorted(nodes)
                      if n in info],
            "edges": edges}


def _shortest_tree(graph: Graph, source: int, avoid: int) -> tuple[dict[int, float], dict[int, int]]:
    """Dijkstra from ``source`` never passing through ``avoid``: costs and each node's predecessor."""
    cost: dict[int, float] = {source: 0.0}
    prev: dict[int, int] = {}
    heap = [(0.0, source)]
    while heap:
        c, node = heapq.heappop(heap)
        if c > cost.get(node, math.inf):
            continue
        if node == avoid:
            continue  # reached, but not crossed
        for other, link in graph.get(node, {}).items():
            nc = c + link.cost()
            if nc < cost.get(other, math.inf):
                cost[other], prev[other] = nc, node
                heapq.heappush(heap, (nc, other))
    return cost, prev


def _walk_back(prev: dict[int, int], node: int, root: int) -> list[int]:
    out = [node]
    while out[-1] != root:
        out.append(prev[out[-1]])
    return out


def path_cost(graph: Graph, path: list[int], node_cost: Callable[[int], float]) -> float:
    """The cost of a path: its links, and the go-betweens it passes through."""
    cost = sum(graph[x][y].cost() for x, y in itertools.pairwise(path))
    for before, n, after in zip(path, path[1:], path[2:], strict=False):
        cost += node_cost(n)
        if set(graph[n][before].kinds) == {"quote"} and set(graph[n][after].kinds) == {"quote"}:
            cost += _ONLY_SPOKE_OF_BOTH
    return cost


def find_paths(graph: Graph, a: int, b: int, limit: int = MAX_PATHS,
               node_cost: Callable[[int], float] = lambda n: 0.0) -> list[list[int]]:
    """Up to ``limit`` paths from ``a`` to ``b``: the best one through each go-between, shortest then cheapest first.

    Two shortest-path trees (from ``a`` and from ``b``) give, for every actor X, the
    cheapest path a..X..b at once; so the answer says through whom the two connect,
    not only the single shortest chain.
    """
    if a == b or a not in graph or b not in graph:
        return []
    from_a, prev_a = _shortest_tree(graph, a, avoid=b)
    from_b, prev_b = _shortest_tree(graph, b, avoid=a)
    candidates = [[a, b]] if b in graph[a] else []
    for x in from_a.keys() & from_b.keys():
        if x not in (a, b):
            path = [*reversed(_walk_back(prev_a, x, a)), *_walk_back(prev_b, x, b)[1:]]
            if len(path) <= MAX_HOPS + 1 and len(set(path)) == len(path):
                candidates.append(path)
    cost = {tuple(p): path_cost(graph, p, node_cost) for p in candidates}
    chosen: list[list[int]] = []
    for path in sorted(candidates, key=lambda p: (cost[tuple(p)], len(p), p)):  # the cheapest through each
        if path not in chosen and (len(chosen) < limit - (b in graph[a]) or len(path) == 2):
            chosen.append(path)
    # Shown fewest steps first (the direct link before any chain), then cheapest first.
    return sorted(chosen, key=lambda p: (len(p), cost[tuple(p)], p))[:limit]


def paths_between(conn: sqlite3.Connection, a: int, b: int, limit: int = MAX_PATHS,
                  graph: Graph | None = None) -> list[list[str]]:
    """How two actors connect: up to ``limit`` paths, each a list of actor names from ``a`` to ``b``.

    ``graph``: the whole graph already loaded (``load_graph(conn)``), for a caller that keeps it.
    """
    info = _info(conn)

    def node_cost(n: int) -> float:
        return _GO_BETWEEN_COST.get(info[n][1], 1.0) if n in info else 1.0

    whole = load_graph(conn) if graph is None else graph
    return [[info[n][0] for n in path] for path in find_paths(whole, a, b, limit, node_cost)]
