"""The actor network: who is linked to whom (events, quotes, roles, context), neighbourhoods, paths.

Edges come from the ``edges`` table (one row per link an article states, mapped to
actors). The graph is undirected for navigation: a link of any kind lets a path
pass. A path's cost favours the links stated by events, quotes and roles over mere
context, and links many articles state over a single one.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import json
import math
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from newsgraph.corpus.pairs import QUOTE, QUOTED

# A speaker naming someone relates them less than an event or a role does; mere co-mention least.
_QUOTED = QUOTED  # the far end of a quote link: named in someone's quote
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


def connections(conn: sqlite3.Connection, actor_id: int, limit: int | None = None) -> list[dict[str, Any]]:
    """The actors linked to one actor, most documents first: the kinds of link and how many documents state one.

    Read from ``actor_pairs`` (one row a neighbour); ``limit``: the first so many only (SQLite sorts them).
    """
    rows = conn.execute(
        "SELECT a.name, a.type, p.kinds, p.documents FROM actor_pairs p JOIN actors a ON a.actor_id = p.b "
        "WHERE p.a = ? ORDER BY p.documents DESC, a.name LIMIT ?", (actor_id, -1 if limit is None else limit))
    return [{"name": name, "type": type_, "kinds": sorted({QUOTE if k == QUOTED else k for k in json.loads(kinds)}),
             "documents": n} for name, type_, kinds, n in rows]


def count_connections(conn: sqlite3.Connection, actor_id: int) -> int:
    """How many actors one actor is linked to."""
    return int(conn.execute("SELECT COUNT(*) FROM actor_pairs WHERE a = ?", (actor_id,)).fetchone()[0])


def neighbourhood(graph: Graph, start: int, depth: int) -> set[int]:
    """The actors within ``depth`` links of ``start`` (itself included)."""
    seen, frontier = {start}, {start}
    for _ in range(max(depth, 0)):
        frontier = {n for f in frontier for n in graph.get(f, {})} - seen
        seen |= frontier
    return seen


def _neighbours(conn: sqlite3.Connection, start: int, depth: int) -> set[int]:
    """``neighbourhood`` read from the store a ring at a time (the ring's pairs only)."""
    seen, frontier = {start}, [start]
    for _ in range(max(depth, 0)):
        found: set[int] = set()
        for k in range(0, len(frontier), 400):
            chunk = frontier[k:k + 400]
            found |= {n for (n,) in conn.execute(
                f"SELECT b FROM actor_pairs WHERE a IN ({','.join('?' * len(chunk))})", chunk)}
        frontier = sorted(found - seen)
        seen |= found
    return seen


def _pairs_among(conn: sqlite3.Connection, nodes: set[int] | None) -> Iterator[dict[str, Any]]:
    """The links between these actors (all of them when None), one per pair, from ``actor_pairs``."""
    if nodes is None:
        rows = conn.execute("SELECT a, b, kinds, documents FROM actor_pairs WHERE a < b ORDER BY a, b")
    else:
        ids = json.dumps(sorted(nodes))
        # each actor's pairs by the key, the far end kept if among them (+b: not probed pair by pair, n x n)
        rows = conn.execute("SELECT a, b, kinds, documents FROM actor_pairs "
                            "WHERE a IN (SELECT value FROM json_each(?)) AND +b IN (SELECT value FROM json_each(?)) "
                            "AND a < b ORDER BY a, b", (ids, ids))
    for x, y, kinds, n in rows:
        merged: Counter[str] = Counter()
        for k, count in json.loads(kinds).items():
            merged[QUOTE if k == QUOTED else k] += count
        yield {"a": x, "b": y, "documents": n, "kinds": dict(sorted(merged.items()))}


def network(conn: sqlite3.Connection, actor_id: int | None = None, depth: int = 1) -> dict[str, Any]:
    """Nodes and edges of the whole network, or of one actor's neighbourhood up to ``depth`` links."""
    if actor_id is None:
        nodes = {a for (a,) in conn.execute("SELECT DISTINCT a FROM actor_pairs")}
    else:
        nodes = _neighbours(conn, actor_id, depth)
    info = _info(conn, nodes)
    edges = [{"source": info[e["a"]][0], "target": info[e["b"]][0], "kinds": e["kinds"], "documents": e["documents"]}
             for e in _pairs_among(conn, None if actor_id is None else nodes)]
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


class Linked(Protocol):
    """What the path search asks of a link: its kinds (as one end sees them) and the cost of crossing it."""

    @property
    def kinds(self) -> Mapping[str, int]: ...

    def cost(self) -> float: ...


class Linking(Protocol):
    """A graph the path search can walk: an actor's links by neighbour."""

    def __getitem__(self, node: int) -> Mapping[int, Linked]: ...


def path_cost(graph: Linking, path: list[int], node_cost: Callable[[int], float]) -> float:
    """The cost of a path: its links, and the go-betweens it passes through."""
    cost = sum(graph[x][y].cost() for x, y in itertools.pairwise(path))
    for before, n, after in zip(path, path[1:], path[2:], strict=False):
        cost += node_cost(n)
        if set(graph[n][before].kinds) == {"quote"} and set(graph[n][after].kinds) == {"quote"}:
            cost += _ONLY_SPOKE_OF_BOTH
    return cost


def _chosen(candidates: list[list[int]], cost: dict[tuple[int, ...], float], direct: bool,
            limit: int) -> list[list[int]]:
    """The cheapest path through each go-between (the direct link always), fewest steps first, then cheapest."""
    chosen: list[list[int]] = []
    for path in sorted(candidates, key=lambda p: (cost[tuple(p)], len(p), p)):
        if path not in chosen and (len(chosen) < limit - direct or len(path) == 2):
            chosen.append(path)
    return sorted(chosen, key=lambda p: (len(p), cost[tuple(p)], p))[:limit]


def find_paths(graph: Graph, a: int, b: int, limit: int = MAX_PATHS,
               node_cost: Callable[[int], float] = lambda n: 0.0) -> list[list[int]]:
    """Up to ``limit`` paths from ``a`` to ``b``: the best one through each go-between, shortest then cheapest first.

    Two shortest-path trees (from ``a`` and from ``b``) give, for every actor X, the
    cheapest path a..X..b at once; so the answer says through whom the two connect,
    not only the single shortest chain. This one walks a graph held whole in memory
    (the web explorer keeps one); ``paths_between`` reads the store only as far as the
    answer needs, and gives the same paths.
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
    return _chosen(candidates, cost, b in graph[a], limit)


class PairLink:
    """A pair's link as ``actor_pairs`` holds it: its kinds as one end sees them, and how many documents state it."""

    __slots__ = ("documents", "kinds", "price")

    def __init__(self, kinds: dict[str, int], documents: int) -> None:
        self.kinds, self.documents = kinds, documents
        # as ``Link.cost``: the cheapest kind, lowered when many articles state it (worked out once)
        self.price = min(_KIND_COST.get(k, 2.5) for k in kinds) / (1.0 + math.log(documents))

    def cost(self) -> float:
        return self.price


class _StoredPairs:
    """The actor graph read from ``actor_pairs`` an actor at a time (each actor's neighbours once, when asked)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.links: dict[int, dict[int, PairLink]] = {}
        self.prices: dict[int, list[tuple[int, float]]] = {}
        self._made: dict[tuple[str, int], PairLink] = {}  # most links look alike: made once

    def __getitem__(self, node: int) -> dict[int, PairLink]:
        found = self.links.get(node)
        if found is None:
            found = self.links[node] = {}
            made = self._made
            for other, kinds, n in self.conn.execute("SELECT b, kinds, documents FROM actor_pairs WHERE a = ?",
                                                     (node,)):
                link = made.get((kinds, n))
                if link is None:
                    link = made[(kinds, n)] = PairLink(json.loads(kinds), n)
                found[other] = link
            self.prices[node] = [(other, link.price) for other, link in found.items()]
        return found

    def priced(self, node: int) -> list[tuple[int, float]]:
        """An actor's neighbours and the cost of crossing to each."""
        if node not in self.prices:
            self[node]
        return self.prices[node]


class _Tree:
    """``_shortest_tree`` run a node at a time: ``top`` is the cost of the next node it would settle."""

    def __init__(self, graph: _StoredPairs, source: int, avoid: int) -> None:
        self.graph, self.avoid = graph, avoid
        self.cost: dict[int, float] = {source: 0.0}
        self.prev: dict[int, int] = {}
        self.heap = [(0.0, source)]
        self.settled: set[int] = set()

    def top(self) -> float:
        heap = self.heap
        while heap and heap[0][0] > self.cost[heap[0][1]]:  # a node reached again more cheaply since
            heapq.heappop(heap)
        return heap[0][0] if heap else math.inf

    def step(self) -> int:
        """Settle the next node (``top`` was finite) and reach its neighbours; the node."""
        c, node = heapq.heappop(self.heap)
        self.settled.add(node)
        if node != self.avoid:  # reached, but not crossed
            cost, prev, heap, inf = self.cost, self.prev, self.heap, math.inf
            for other, price in self.graph.priced(node):
                nc = c + price
                if nc < cost.get(other, inf):
                    cost[other], prev[other] = nc, node
                    heapq.heappush(heap, (nc, other))
        return node


def _search(graph: _StoredPairs, a: int, b: int, limit: int, node_cost: Callable[[int], float]) -> list[list[int]]:
    """``find_paths`` over the stored pairs, the two trees grown only as far as the answer needs.

    The trees grow together, the smaller frontier first. A path through X costs at least
    what X costs from ``a`` plus what it costs from ``b`` (go-betweens only add), so once
    enough different paths are known (``limit``, less the direct link, which is always
    shown) and both frontiers cost more than the dearest of them, no path still unseen
    can be chosen: the answer is ``find_paths``'s, and only the neighbours of the actors
    settled so far were read. The order a node's neighbours come in does not matter: a
    node's predecessor is the first settled node that reached it most cheaply.
    """
    if a == b or not graph[a] or not graph[b]:
        return []
    direct = b in graph[a]
    ends = (_Tree(graph, a, avoid=b), _Tree(graph, b, avoid=a))
    candidates = [[a, b]] if direct else []
    cost: dict[tuple[int, ...], float] = {}
    dearest: list[float] = []  # the costs of the different paths found, cheapest first
    wanted = limit - direct  # the paths besides the direct link that can be chosen
    bound = math.inf if wanted > 0 else -math.inf
    while True:
        top_a, top_b = ends[0].top(), ends[1].top()
        if (top_a == math.inf and b not in ends[0].settled) or (top_b == math.inf and a not in ends[1].settled):
            break  # one end's part of the graph is read whole without meeting the other: no path
        needed = [t for t, top in zip(ends, (top_a, top_b), strict=True) if top <= bound and top < math.inf]
        if not needed:
            break
        # the tree with the smaller frontier grows (any order settles the same nodes at the same costs)
        here = min(needed, key=lambda t: len(t.heap))
        there = ends[1] if here is ends[0] else ends[0]
        x = here.step()
        if x in there.settled and x not in (a, b):
            path = [*reversed(_walk_back(ends[0].prev, x, a)), *_walk_back(ends[1].prev, x, b)[1:]]
            if len(path) <= MAX_HOPS + 1 and len(set(path)) == len(path):
                candidates.append(path)
                if tuple(path) not in cost:
                    cost[tuple(path)] = path_cost(graph, path, node_cost)
                    bisect.insort(dearest, cost[tuple(path)])
                    if len(dearest) >= wanted:
                        bound = dearest[wanted - 1] + 1e-9  # a margin for the sum's rounding
    if direct:
        cost[(a, b)] = path_cost(graph, [a, b], node_cost)
    return _chosen(candidates, cost, direct, limit)


def paths_between(conn: sqlite3.Connection, a: int, b: int, limit: int = MAX_PATHS,
                  graph: Graph | None = None) -> list[list[str]]:
    """How two actors connect: up to ``limit`` paths, each a list of actor names from ``a`` to ``b``.

    ``graph``: the whole graph already loaded (``load_graph(conn)``), for a caller that
    keeps it; without it the store's pairs are read as far as the answer needs.
    """
    types: dict[int, str | None] = {}

    def node_cost(n: int) -> float:
        if n not in types:
            row = conn.execute("SELECT type FROM actors WHERE actor_id = ?", (n,)).fetchone()
            types[n] = row[0] if row else None
        kind = types[n]
        return _GO_BETWEEN_COST.get(kind, 1.0) if kind is not None else 1.0

    found = (_search(_StoredPairs(conn), a, b, limit, node_cost) if graph is None
             else find_paths(graph, a, b, limit, node_cost))
    names = {i: n for i, (n, _, _) in _info(conn, {n for path in found for n in path}).items()}
    return [[names[n] for n in path] for path in found]
