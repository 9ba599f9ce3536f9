"""A small store on disk for the explorer's tests: three outlets on one meeting, and a hostile article."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx
import pytest

from newsgraph import Store
from newsgraph.corpus.db import Database
from newsgraph.model import Analysis
from newsgraph.web import create_app, open_read_only
from tests.corpus.test_store import make_analysis, three_outlets

XSS_TEXT = ('Acme Widgets said <script>window.__xss = 1</script> in a statement. '
            'Bob Stone met "><img src=x onerror="window.__xss=2"> officials in Paris on Monday. '
            'See <a href="javascript:window.__xss=3">this link</a> and javascript:window.__xss=4 too. '
            '"We will not pay <b>ransom</b>," said Bob Stone.')


def hostile_article() -> Analysis:
    """An article whose text, names and title carry script: every page must show it as text."""
    evil_name = '"><img src=x onerror="window.__xss=2">'
    return make_analysis(
        "hostile<script>", XSS_TEXT, "2025-03-20",
        {"e1": ("Acme Widgets", "ORG", ("Acme Widgets",)), "e2": ("Bob Stone", "PERSON", ("Bob Stone",)),
         "e3": (evil_name, "ORG", (evil_name,)), "e4": ("Paris", "GPE", ("Paris",))},
        events=[("CONSULT", "met", ["e2"], ["e3"], "2025-03-17")],
        quotes=[("We will not pay <b>ransom</b>,", "e2")],
        url="javascript:window.__xss=5")


def build_store(path: Path, extra: Sequence[Analysis] = ()) -> Path:
    with Store(path) as store:
        store.add([*three_outlets(), hostile_article(), *extra])
        store.resolve()
    return path


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return build_store(tmp_path / "news.db")


@pytest.fixture
def db(store_path: Path) -> Iterator[Database]:
    opened = open_read_only(store_path)
    yield opened
    opened.close()


class Client:
    """Requests straight to the ASGI app (no server): ``client.get(url)``, ``client.request(method, url)``."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def request(self, method: str, url: str) -> httpx.Response:
        async def ask() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1",
                                         follow_redirects=True) as client:
                return await client.request(method, url)

        return asyncio.run(ask())

    def get(self, url: str) -> httpx.Response:
        return self.request("GET", url)


@pytest.fixture
def client(db: Database) -> Client:
    return Client(create_app(db))
