"""The explorer's JSON API and pages over a small store: the same answers as the CLI, errors, escaping."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsgraph.cli.main import cli
from newsgraph.corpus.db import Database
from newsgraph.web import NotAStore, open_read_only
from tests.web.conftest import Client


def cli_json(store_path: Path, *args: str) -> Any:
    result = CliRunner().invoke(cli, [*args, "--db", str(store_path), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # stderr may say how to see the next page


def test_actor_api_is_the_cli_answer(client: Client, store_path: Path) -> None:
    r = client.get("/api/actor/Zelensky")
    assert r.status_code == 200
    assert r.json() == cli_json(store_path, "actor", "Zelensky")


def test_path_network_timeline_quotes_are_the_cli_answers(client: Client, store_path: Path) -> None:
    assert client.get("/api/path?a=Zelensky&b=Paris").json() == cli_json(store_path, "path", "Zelensky", "Paris")
    assert (client.get("/api/network?actor=Macron&depth=1").json()
            == cli_json(store_path, "network", "--actor", "Macron", "--depth", "1"))
    assert (client.get("/api/network?actor=Macron&depth=2").json()
            == cli_json(store_path, "network", "--actor", "Macron", "--depth", "2"))
    assert client.get("/api/timeline?limit=500").json() == cli_json(store_path, "timeline")
    assert (client.get("/api/timeline?actor=Zelensky").json()
            == cli_json(store_path, "timeline", "--actor", "Zelensky"))
    assert client.get("/api/quotes?limit=500").json() == cli_json(store_path, "quotes")
    assert client.get("/api/actors?limit=3").json() == cli_json(store_path, "actors", "--limit", "3")


def test_lists_are_paged(client: Client) -> None:
    every = client.get("/api/quotes").json()
    assert len(every) == 2
    assert client.get("/api/quotes?limit=1&offset=1").json() == every[1:]
    assert client.get("/api/timeline?limit=1&offset=0").json() == client.get("/api/timeline").json()[:1]
    assert client.get("/api/quotes?limit=0").status_code == 400
    assert "whole number" in client.get("/api/quotes?offset=x").json()["error"]


def test_search_finds_actors_by_alias_events_by_type_and_quotes_by_word(client: Client) -> None:
    found = client.get("/api/search?q=zelensky").json()
    assert [a["name"] for a in found["actors"]] == ["Volodymyr Zelensky"]
    assert found["events"] and all("Volodymyr Zelensky" in e["source"] for e in found["events"])
    assert client.get("/api/search?q=consult&type=event").json().keys() == {"events"}
    assert [q["text"] for q in client.get("/api/search?q=missiles").json()["quotes"]] == ["asked for missiles"]
    assert client.get("/api/search?q=100%25").json()["actors"] == []  # % is a character, not a wildcard


def test_event_shows_each_report_with_offsets(client: Client, db: Database) -> None:
    event = db.events("CONSULT", "Zelensky")[0]
    detail = client.get(f"/api/event/{event['id']}").json()
    assert detail["documents"] == event["documents"] and len(detail["mentions"]) == 3
    for m in detail["mentions"]:
        text = client.get(f"/api/article/{m['document']}").json()["text"]
        assert text[m["trigger"]["start"]:m["trigger"]["end"]] == m["trigger"]["text"]
        assert m["participants"] and all(m["evidence"]["start"] <= p["start"] < p["end"] <= m["evidence"]["end"]
                                         for p in m["participants"])
        assert m["negated"] is False and m["hypothetical"] is False
    page = client.get(f"/event/{event['id'].removeprefix('event-')}")
    assert page.status_code == 200 and 'class="mk trigger"' in page.text


def test_article_has_every_layer(client: Client) -> None:
    doc = client.get("/api/article/herald").json()
    assert {e["actor"] for e in doc["entities"]} >= {"Volodymyr Zelensky", "Emmanuel Macron"}
    assert doc["quotes"][0]["speaker"] == "Volodymyr Zelensky"
    for e in doc["entities"]:
        for m in e["mentions"]:
            assert doc["text"][m["start"]:m["end"]] in e["name"] or e["name"].endswith(doc["text"][m["start"]:m["end"]])
    html = client.get("/article/herald").text
    assert 'class="mk ent ent-PERSON"' in html and 'class="mk quote"' in html and 'class="mk trigger"' in html


def test_unknown_things_are_404_pages_that_link_to_search(client: Client) -> None:
    for url in ("/actor/Nobody%20Atall", "/event/999", "/event/nonsense", "/article/nope"):
        r = client.get(url)
        assert r.status_code == 404 and 'href="/search"' in r.text, url
    r = client.get("/api/actor/Nobody")
    assert r.status_code == 404 and "no actor called 'Nobody'" in r.json()["error"]


def test_every_page_answers(client: Client) -> None:
    for url in ("/", "/search", "/search?q=Paris", "/actor/Macron", "/network", "/network?actor=Macron&depth=2",
                "/network?type=PERSON&since=2025-03-01&until=2025-03&min_weight=2", "/network?a=Zelensky&b=Paris",
                "/timeline", "/timeline?actor=Zelensky", "/timeline?type=CONSULT&since=2025-03-12"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "content-security-policy" in r.headers
    assert client.get("/network?since=yesterday").status_code == 400


def test_hostile_strings_are_escaped_everywhere(client: Client) -> None:
    for url in ("/article/hostile%3Cscript%3E", "/search?q=onerror", "/search?q=ransom", "/timeline",
                "/actor/Bob%20Stone", "/network?actor=Bob%20Stone"):
        html = client.get(url).text
        assert "<script>window" not in html and "<img src=x" not in html and "<b>ransom" not in html, url
        assert 'href="javascript:' not in html, url
    article = client.get("/article/hostile%3Cscript%3E").text
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in article


def test_no_endpoint_writes(client: Client, store_path: Path, db: Database) -> None:
    before = store_path.read_bytes()
    assert client.request("POST", "/api/search?q=x").status_code == 405
    assert client.request("DELETE", "/actor/Macron").status_code == 405
    with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only"):
        db.conn.execute("DELETE FROM documents")
    assert store_path.read_bytes() == before


def test_only_a_store_opens(tmp_path: Path) -> None:
    with pytest.raises(NotAStore, match="no corpus database"):
        open_read_only(tmp_path / "missing.db")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t(x)").connection.commit()
    with pytest.raises(NotAStore, match="not a newsgraph corpus"):
        open_read_only(other)
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    with pytest.raises(NotAStore, match="not a newsgraph corpus"):
        open_read_only(text)
