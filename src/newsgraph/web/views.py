"""The HTML pages: search, actor, event, article, network, timeline, map. Each reads the store, then renders."""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from newsgraph.corpus.db import Database
from newsgraph.web import data, params, places
from newsgraph.web.api import event_id, graphs, network_filters, path_between, place_or_404
from newsgraph.web.highlight import Mark, actor_href, highlight
from newsgraph.web.network import neighbourhood_graph

ACTOR_GRAPH_NODES = 30  # the actor page's neighbourhood: the nearest, most reported actors only


def _db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def _render(request: Request, template: str, **context: Any) -> Response:
    response: Response = request.app.state.templates.TemplateResponse(request, template, context)
    return response


_DAY = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def timeline_date(value: str | None) -> str | None:
    """A TIMEX3 value as a day the timeline can place (``2025`` -> ``2025-01-01``); None for weeks, seasons, etc."""
    m = _DAY.fullmatch(value or "")
    return f"{m[1]}-{m[2] or '01'}-{m[3] or '01'}" if m else None


async def home(request: Request) -> Response:
    return RedirectResponse("/search", status_code=302)


async def search(request: Request) -> Response:
    q = params.text(request, "q") or ""
    kinds = tuple(k.lower() for k in params.types(request) if k.lower() in data.SEARCH_KINDS)
    page = params.page(request, size=20)
    results = data.search(_db(request).conn, q, kinds or data.SEARCH_KINDS, page.limit, page.offset) if q else {}
    return _render(request, "search.html", q=q, kinds=kinds, results=results, page=page,
                   counts=_db(request).counts() if not q else None)


async def actor(request: Request) -> Response:
    db = _db(request)
    actor_id = data.actor_id(db.conn, request.path_params["name"])
    assert actor_id is not None
    pages = {k: params.page(request, k, 20) for k in ("docs", "events", "quotes")}
    file = data.actor_page(db.conn, actor_id, *((p.limit, p.offset) for p in pages.values()))
    graph = neighbourhood_graph(db.conn, graphs(request), actor_id, 1, max_nodes=ACTOR_GRAPH_NODES)
    graph["connections"] = len(graphs(request).get(db.conn)[0].get(actor_id, {}))
    dated = [{"id": e["id"], "content": e["type"], "start": timeline_date(e["date"]), "kind": "event"}
             for e in file["dated"] if timeline_date(e["date"])]
    return _render(request, "actor.html", a=file, graph=graph, timeline_items=dated, docs_page=pages["docs"],
                   events_page=pages["events"], quotes_page=pages["quotes"])


def _evidence(text: str, start: int, end: int, marks: list[Mark]) -> Markup:
    return highlight(text, marks, offset=start) if text else Markup("")


async def event(request: Request) -> Response:
    found = data.event_detail(_db(request).conn, event_id(request.path_params["event_id"]))
    if found is None:
        raise HTTPException(404, f"no event {request.path_params['event_id']!r} in the store")
    for m in found["mentions"]:
        ev, trig = m["evidence"], m["trigger"]
        marks = [Mark(trig["start"], trig["end"], "mk trigger", f"trigger of {found['type']}")]
        marks += [Mark(p["start"], p["end"], f"mk {p['side']}", p["side"]) for p in m["participants"]]
        m["html"] = _evidence(ev["text"] or "", ev["start"], ev["end"], marks)
    return _render(request, "event.html", e=found)


def _article_marks(doc: dict[str, Any]) -> list[Mark]:
    marks: list[Mark] = []
    for q in doc["quotes"]:
        marks.append(Mark(q["start"], q["end"], "mk quote", f"quote, said by {q['speaker'] or 'unknown'}",
                          attrs=(("speaker", q["speaker"] or ""),)))
    for e in doc["entities"]:
        for m in e["mentions"]:
            if m["start"] is not None and m["end"] is not None:
                marks.append(Mark(m["start"], m["end"], f"mk ent ent-{e['type']}", f"{e['type']}: {e['name']}",
                                  href=actor_href(e["actor"]) if e["actor"] else None))
    for t in doc["timexes"]:
        if t["start"] is not None:
            marks.append(Mark(t["start"], t["end"], "mk timex", f"{t['type']} {t['value'] or '(no value)'}",
                              attrs=(("value", t["value"] or ""),)))
    for v in doc["events"]:
        trig = v["trigger"]
        if trig["start"] is not None:
            mood = " (negated)" if v["negated"] else " (hypothetical)" if v["hypothetical"] else ""
            marks.append(Mark(trig["start"], trig["end"], "mk trigger", f"event {v['type']}{mood}",
                              href=f"/event/{v['event'].removeprefix('event-')}" if v["event"] else None))
    return marks


async def article(request: Request) -> Response:
    doc = data.article(_db(request).conn, request.path_params["doc_id"])
    if doc is None:
        raise HTTPException(404, f"no article {request.path_params['doc_id']!r} in the store")
    return _render(request, "article.html", d=doc, body=highlight(doc["text"], _article_marks(doc)))


async def network(request: Request) -> Response:
    db = _db(request)
    name = params.text(request, "actor")
    depth = params.integer(request, "depth", 1, 0, 2)
    f = network_filters(request)
    center = data.actor_id(db.conn, name)
    graph = neighbourhood_graph(db.conn, graphs(request), center, depth, f)
    center_name = db.conn.execute("SELECT name FROM actors WHERE actor_id = ?", (center,)).fetchone()
    a, b = params.text(request, "a"), params.text(request, "b")
    paths = path_between(request, db.conn, a, b) if a and b else None
    return _render(request, "network.html", graph=graph, actor=name, center=center_name[0] if center_name else "",
                   depth=depth, f=f, a=a, b=b, paths=paths)


async def timeline(request: Request) -> Response:
    db = _db(request)
    name, since, until = params.text(request, "actor"), params.date(request, "since"), params.date(request, "until")
    types = params.types(request)
    page = params.page(request)
    actor_id = data.actor_id(db.conn, name)
    if actor_id is not None and not types:
        items = data.timeline_page(db.conn, actor_id, since, until, page.limit + 1, page.offset)
        items, more = items[:page.limit], len(items) > page.limit
    else:
        events = data.events_page(db.conn, types[0] if types else None, actor_id, since, until, page.limit + 1,
                                  page.offset)
        items, more = [{"kind": "event", **e} for e in events[:page.limit]], len(events) > page.limit
    dated = [{"id": i.get("id") or f"q{n}", "content": i["type"] if i["kind"] == "event" else "quote",
              "start": timeline_date(i["date"]), "kind": i["kind"]} for n, i in enumerate(items)
             if timeline_date(i["date"])]
    return _render(request, "timeline.html", items=items, more=more, page=page, actor=name, since=since,
                   until=until, types=types, all_types=data.event_types(db.conn), timeline_items=dated)


async def map_page(request: Request) -> Response:
    conn = _db(request).conn
    name = params.text(request, "place")
    chosen = place_or_404(conn, name) if name else None
    return _render(request, "map.html", places=places.places(conn), chosen=chosen)


ROUTES = [
    Route("/", home),
    Route("/search", search),
    Route("/actor/{name:path}", actor),
    Route("/event/{event_id}", event),
    Route("/article/{doc_id:path}", article),
    Route("/network", network),
    Route("/timeline", timeline),
    Route("/map", map_page),
]
