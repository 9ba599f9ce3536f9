"""The ASGI app: routes, templates (autoescaped), vendored static files, errors as pages or JSON.

    >>> from newsgraph.web import create_app, open_read_only
    >>> app = create_app(open_read_only("news.db"))     # doctest: +SKIP

Only GET (and HEAD) is routed: no endpoint writes, and the store is open read only
anyway. Every response forbids scripts from anywhere but the app's own static files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.corpus.db import Database
from newsgraph.corpus.queries import UnknownActor
from newsgraph.web import api, views
from newsgraph.web.network import GraphCache

HERE = Path(__file__).parent
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                 b"img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
                                 b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


class _SecurityHeaders:
    """Adds the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["actor_url"] = lambda name: "/actor/" + quote(str(name), safe="")
    env.filters["article_url"] = lambda doc_id: "/article/" + quote(str(doc_id), safe="")
    env.filters["event_url"] = lambda eid: "/event/" + str(eid).removeprefix("event-")
    env.globals["with_param"] = with_param
    return Jinja2Templates(env=env)


def with_param(request: Request, name: str, value: object) -> str:
    """This page's query string with ``name`` set to ``value`` (the pager's links)."""
    pairs = [(k, v) for k, v in request.query_params.multi_items() if k != name]
    return "?" + urlencode([*pairs, (name, str(value))])


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return _error(request, exc.status_code, str(exc.detail))


async def _unknown_actor(request: Request, exc: Exception) -> Response:
    return _error(request, 404, str(exc).replace("`newsgraph actors` lists them", "search for them"))


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status)


def create_app(db: Database, graphs: GraphCache | None = None) -> Any:
    """The explorer over ``db`` (open it with ``open_read_only``); an ASGI app for uvicorn.

    ``graphs``: the actor graph's keeper, already filled (``GraphCache().get(db.conn)``) so the
    first network page does not wait for it.
    """
    app = Starlette(routes=[*api.ROUTES, *views.ROUTES,
                            Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static")],
                    exception_handlers={HTTPException: _http_error, UnknownActor: _unknown_actor})
    app.state.db = db
    app.state.graphs = graphs or GraphCache()
    app.state.templates = _templates()
    return _SecurityHeaders(app)
