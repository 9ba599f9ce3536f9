"""The JSON twin of every page (``/api/...``): the answers the CLI's ``--json`` gives, paged where long.

``/api/actor/NAME`` is ``newsgraph actor NAME --json``; ``/api/path`` is ``newsgraph path A B --json``;
``/api/network?actor=NAME&depth=N`` is ``newsgraph network --actor NAME --depth N --json``;
``/api/map`` is ``newsgraph map --json``; ``/api/place/NAME`` one place's events and actors;
``/api/timeline`` and ``/api/quotes`` are the CLI's lists, a slice at a time (``limit``, ``offset``).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from newsgraph.corpus.db import Database
from newsgraph.corpus.graph import MAX_PATHS
from newsgraph.web import data, params, places
from newsgraph.web.network import Filters, GraphCache, neighbourhood_graph


def _db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def graphs(request: Request) -> GraphCache:
    """The app's kept actor graph."""
    cache: GraphCache = request.app.state.graphs
    return cache


def _slice(request: Request) -> tuple[int, int]:
    return (params.integer(request, "limit", params.PAGE_SIZE, 1, params.MAX_LIMIT),
            params.integer(request, "offset", 0, 0, 10_000_000))


def _json(answer: Any) -> JSONResponse:
    return JSONResponse(answer)


def event_id(raw: str) -> int:
    """The merged event's number from ``12`` or ``event-12``; 404 when it is neither."""
    digits = raw.removeprefix("event-")
    if not digits.isdigit() or len(digits) > 18:
        raise HTTPException(404, f"no event {raw!r}")
    return int(digits)


async def search(request: Request) -> JSONResponse:
    q = params.text(request, "q") or ""
    kinds = tuple(k.lower() for k in params.types(request)) or data.SEARCH_KINDS
    limit, offset = _slice(request)
    return _json(data.search(_db(request).conn, q, kinds, limit, offset) if q else {})


async def actors(request: Request) -> JSONResponse:
    types = params.types(request)
    limit = params.integer(request, "limit", params.PAGE_SIZE, 1, params.MAX_LIMIT)
    return _json(_db(request).actors(types[0] if types else None, limit))


async def actor(request: Request) -> JSONResponse:
    return _json(_db(request).actor(request.path_params["name"]))


async def event(request: Request) -> JSONResponse:
    found = data.event_detail(_db(request).conn, event_id(request.path_params["event_id"]))
    if found is None:
        raise HTTPException(404, "no such event")
    return _json(found)


async def article(request: Request) -> JSONResponse:
    found = data.article(_db(request).conn, request.path_params["doc_id"])
    if found is None:
        raise HTTPException(404, "no such article")
    return _json(found)


async def timeline(request: Request) -> JSONResponse:
    db = _db(request)
    name, since, until = params.text(request, "actor"), params.date(request, "since"), params.date(request, "until")
    types = params.types(request)
    limit, offset = _slice(request)
    actor_id = data.actor_id(db.conn, name)
    if actor_id is not None and not types:
        return _json(data.timeline_page(db.conn, actor_id, since, until, limit, offset))
    events = data.events_page(db.conn, types[0] if types else None, actor_id, since, until, limit, offset)
    return _json([{"kind": "event", **e} for e in events])


async def quotes(request: Request) -> JSONResponse:
    db = _db(request)
    by = params.text(request, "by")
    limit, offset = _slice(request)
    actor_id = data.actor_id(db.conn, by)
    return _json(data.quotes_page(db.conn, actor_id, limit, offset))


def network_filters(request: Request) -> Filters:
    """The network's filters from the query string (event types, date window, least weight), checked."""
    return Filters(params.types(request), params.date(request, "since"), params.date(request, "until"),
                   params.integer(request, "min_weight", 1, 1, 1_000_000))


async def network(request: Request) -> JSONResponse:
    db = _db(request)
    name = params.text(request, "actor")
    depth = params.integer(request, "depth", 1, 0, 2)
    graph = neighbourhood_graph(db.conn, graphs(request), data.actor_id(db.conn, name), depth, network_filters(request))
    return _json(graph)


async def path(request: Request) -> JSONResponse:
    a, b = params.text(request, "a"), params.text(request, "b")
    if not a or not b:
        raise params.BadParameter("give both ends: /api/path?a=NAME&b=NAME")
    conn, limit = _db(request).conn, params.integer(request, "limit", MAX_PATHS, 1, 50)
    return _json(path_between(request, conn, a, b, limit))


async def map_places(request: Request) -> JSONResponse:
    limit = params.integer(request, "limit", 0, 0, 10_000_000)
    return _json(places.places(_db(request).conn, limit or None))


async def place(request: Request) -> JSONResponse:
    return _json(place_or_404(_db(request).conn, request.path_params["name"]))


def place_or_404(conn: sqlite3.Connection, name: str) -> dict[str, Any]:
    """One place's panel (``places.place_page``); 404 when the actor has no point on the map."""
    found = places.place_page(conn, name)
    if found is None:
        raise HTTPException(404, f"{name!r} is not a place on the map")
    return found


def path_between(request: Request, conn: sqlite3.Connection, a: str, b: str, limit: int = MAX_PATHS) -> Any:
    """``newsgraph path A B``'s answer (``UnknownActor`` for a name the store does not know)."""
    first, second = data.actor_id(conn, a), data.actor_id(conn, b)
    assert first is not None and second is not None
    return graphs(request).paths(conn, first, second, limit)


ROUTES = [
    Route("/api/search", search),
    Route("/api/actors", actors),
    Route("/api/actor/{name:path}", actor),
    Route("/api/event/{event_id}", event),
    Route("/api/article/{doc_id:path}", article),
    Route("/api/timeline", timeline),
    Route("/api/quotes", quotes),
    Route("/api/network", network),
    Route("/api/path", path),
    Route("/api/map", map_places),
    Route("/api/place/{name:path}", place),
]
