"""The explorer in a real browser: Debian's Chromium driven by Playwright, over a live server on 127.0.0.1.

Clicks through search -> actor -> event -> article as a user would, checks that every
highlight sits at its stored offsets, that a hostile article runs no script, and takes
a screenshot of each page into ``tests/out/screenshots/`` (kept by CI). Skipped, with the
reason, when Chromium or Playwright is missing (``.ci/run`` installs Chromium).

Two stores: the seed (real model) with hand-written outlets and a hostile article; and the
seed plus a sample of real BBC articles (every 100th line of ``../shared/corpora/bbc.jsonl``,
analysed by the real model in a few seconds; skipped when the corpus is absent), on which the
same walk ends on a BBC article whose every mark must sit at its stored offsets.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from newsgraph import Store, analyze_documents
from newsgraph.model import Analysis, Failure
from newsgraph.web import create_app, open_read_only
from tests.paths import ROOT, SHARED
from tests.web.conftest import build_store

CHROMIUM = Path("/usr/bin/chromium")
BBC = SHARED / "corpora" / "bbc.jsonl"
BBC_EVERY = 100  # every 100th line: 23 articles across the five topics, analysed in a few seconds
SHOTS = ROOT / "tests" / "out" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

if not CHROMIUM.exists():
    pytest.skip("Chromium is not installed at /usr/bin/chromium (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

# Each mark's first piece starts at its stored offset within the shown text, and its pieces
# together read exactly the text between its offsets.
CHECK_MARKS = """(box) => {
  const base = Number(box.getAttribute('data-start') || 0);
  const shown = box.textContent;
  const problems = [];
  const seen = {};
  for (const el of box.querySelectorAll('[data-mark]')) {
    const id = el.getAttribute('data-mark');
    const start = Number(el.getAttribute('data-start')), end = Number(el.getAttribute('data-end'));
    const range = document.createRange();
    range.setStart(box, 0);
    range.setEndBefore(el);
    const at = base + range.toString().length;
    if (!(id in seen)) {
      seen[id] = true;
      if (at !== start) problems.push(`mark ${id} shown at ${at}, stored at ${start}`);
      const pieces = [...box.querySelectorAll(`[data-mark="${id}"]`)];
      const text = pieces.filter(p => !pieces.some(q => q !== p && q.contains(p))).map(p => p.textContent).join('');
      if (text !== shown.slice(start - base, end - base)) problems.push(`mark ${id} reads ${text}`);
    }
  }
  return {count: Object.keys(seen).length, problems: problems};
}"""


# Every mark shown in the text, once: its kind (the layer it comes from) and its offsets.
SHOWN_MARKS = """(box) => {
  const marks = {};
  for (const el of box.querySelectorAll('[data-mark]')) {
    const kind = ['ent', 'quote', 'timex', 'trigger'].find(k => el.classList.contains(k));
    const at = (name) => Number(el.getAttribute(name));
    marks[el.getAttribute('data-mark')] = [kind, at('data-start'), at('data-end')];
  }
  return Object.values(marks);
}"""


def stored_marks(article: dict[str, Any]) -> list[list[Any]]:
    """The marks the article page must show, from the stored article (``/api/article/ID``)."""
    marks = [["ent", m["start"], m["end"]] for e in article["entities"] for m in e["mentions"]]
    marks += [["quote", q["start"], q["end"]] for q in article["quotes"]]
    marks += [["timex", t["start"], t["end"]] for t in article["timexes"]]
    marks += [["trigger", v["trigger"]["start"], v["trigger"]["end"]] for v in article["events"]]
    return sorted(marks)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def seed(run_analysis: Callable[..., Analysis]) -> Analysis:
    text = (SHARED / "gold" / "seed" / "alaska-summit.txt").read_text(encoding="utf-8")
    analysis = run_analysis(text, published="2025-08-16")
    return dataclasses.replace(analysis, document=dataclasses.replace(analysis.document, id="alaska-summit",
                                                                      title="En route to Alaska"))


@contextmanager
def serving(store: Path) -> Iterator[str]:
    """The explorer over ``store`` (read only) on a free port of 127.0.0.1, in a thread: yields its base URL."""
    import uvicorn

    db = open_read_only(store)
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)
        db.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, seed: Analysis) -> Iterator[str]:
    with serving(build_store(tmp_path_factory.mktemp("web") / "news.db", [seed])) as base:
        yield base


@pytest.fixture(scope="module")
def bbc_server(tmp_path_factory: pytest.TempPathFactory, seed: Analysis) -> Iterator[str]:
    """The explorer over a store of the seed plus a sample of real BBC articles, analysed by the real model."""
    if not BBC.exists():
        pytest.skip(f"the BBC corpus is absent ({BBC}): the seed-plus-BBC store cannot be built")
    lines = BBC.read_text(encoding="utf-8").splitlines()[::BBC_EVERY]
    analyses = list(analyze_documents(json.loads(line) for line in lines))
    assert [a for a in analyses if isinstance(a, Failure)] == []
    path = tmp_path_factory.mktemp("bbc") / "news.db"
    with Store(path) as store:
        store.add([seed, *(a for a in analyses if isinstance(a, Analysis))])
        store.resolve()
    with serving(path) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15000)
    yield pg
    context.close()


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_search_actor_event_article_with_evidence_at_its_offsets(server: str, page: Any) -> None:
    page.goto(f"{server}/search")
    page.fill("#q", "Zelensky")
    page.press("#q", "Enter")
    page.wait_for_url("**/search?q=Zelensky**")
    shot(page, "search")
    page.click("ul.results a.actor:text('Volodymyr Zelensky')")

    page.wait_for_selector("#graph[data-ready]")
    assert page.inner_text("h1").startswith("Volodymyr Zelensky")
    assert int(page.get_attribute("#graph", "data-ready")) >= 3
    page.wait_for_selector("#timeline[data-ready]")
    shot(page, "actor")
    page.click("table.list a.event >> nth=0")

    page.wait_for_url("**/event/**")
    evidence = page.query_selector_all("p.evidence")
    assert len(evidence) == 3
    for box in evidence:
        checked = box.evaluate(CHECK_MARKS)
        assert checked["problems"] == [] and checked["count"] >= 2  # the trigger and a participant
        assert box.query_selector(".mk.trigger").inner_text() in ("met", "talks")
        assert box.query_selector(".mk.source")
    shot(page, "event")
    page.click("ol.mentions a >> nth=0")

    page.wait_for_url("**/article/**")
    text = page.query_selector("#text")
    checked = text.evaluate(CHECK_MARKS)
    assert checked["problems"] == [] and checked["count"] >= 5
    assert page.query_selector("#text .mk.flash")  # the event's trigger, scrolled to and marked
    shot(page, "article")


def test_the_seed_article_and_its_actor(server: str, page: Any) -> None:
    page.goto(f"{server}/article/alaska-summit")
    checked = page.query_selector("#text").evaluate(CHECK_MARKS)
    assert checked["problems"] == [] and checked["count"] > 50
    for kind in ("ent-PERSON", "quote", "timex", "trigger"):
        assert page.query_selector(f"#text .mk.{kind}"), kind
    assert page.get_attribute("#text .mk.timex", "title")  # the value on hover
    shot(page, "seed-article")
    page.click("#text a.mk.ent-PERSON:text('Putin') >> nth=0")
    page.wait_for_selector("#graph[data-ready]")
    assert "Putin" in page.inner_text("h1")
    shot(page, "seed-actor")


def test_network_click_a_node_and_find_paths(server: str, page: Any) -> None:
    page.goto(f"{server}/network?actor=Putin&a=Putin&b=Trump")
    page.wait_for_selector("#graph[data-ready]")
    assert page.query_selector_all("#paths li a.actor")
    shot(page, "network")
    where = page.evaluate("""() => {
        const cy = window.newsgraphGraph, n = cy.nodes().filter(x => x.id() !== 'Vladimir Putin')[0];
        const p = n.renderedPosition();
        return {name: n.id(), x: p.x, y: p.y}; }""")
    box = page.query_selector("#graph").bounding_box()
    page.mouse.click(box["x"] + where["x"], box["y"] + where["y"])
    page.wait_for_url("**/actor/**")
    assert page.inner_text("h1").startswith(where["name"])


def test_timeline_filters(server: str, page: Any) -> None:
    page.goto(f"{server}/timeline")
    page.wait_for_selector("#timeline[data-ready]")
    shot(page, "timeline")
    page.select_option("select[name=type]", "CONSULT")
    page.click("form.filters button")
    page.wait_for_url("**type=CONSULT**")
    types = {t.inner_text() for t in page.query_selector_all("table.list .type")}
    assert types == {"CONSULT"}


def test_map_click_a_place_for_its_events(server: str, page: Any) -> None:
    page.goto(f"{server}/map")
    page.wait_for_selector("#map[data-ready]")
    drawn = int(page.get_attribute("#map", "data-ready") or 0)
    assert drawn == len(page.query_selector_all("#map circle.place")) >= 3  # the seed's places: Alaska, Moscow ...
    assert page.query_selector("#map path.land")  # the offline basemap is drawn
    shot(page, "map")
    busiest = page.query_selector("#map circle.place")  # drawn largest first
    assert busiest is not None
    name = busiest.get_attribute("data-name")
    busiest.click()
    page.wait_for_url("**/map?place=**")
    page.wait_for_selector("#map[data-ready]")
    assert page.inner_text("#place h2").startswith(str(name))
    assert page.query_selector("#map circle.chosen")
    shot(page, "map-place")


def test_a_hostile_article_runs_no_script(server: str, page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for url in ("/article/hostile%3Cscript%3E", "/search?q=onerror", "/actor/Bob%20Stone", "/search?q=ransom",
                "/timeline", "/network?actor=Bob%20Stone", "/map"):
        page.goto(server + url)
        page.wait_for_load_state("load")
        assert page.evaluate("() => window.__xss") is None, url
        assert page.query_selector_all("img") == [], url
        assert page.query_selector_all("a[href^='javascript']") == [], url
        if url.startswith("/article"):
            shown = page.inner_text("#text")
            assert "<script>window.__xss = 1</script>" in shown
            assert '"><img src=x onerror="window.__xss=2">' in shown
            assert '<a href="javascript:window.__xss=3">this link</a>' in shown
            assert "javascript:window.__xss=5" in page.inner_text("main")  # the URL, as text
            shot(page, "xss-article")
    assert dialogs == []


def test_seed_plus_bbc_search_actor_event_article(bbc_server: str, page: Any) -> None:
    page.goto(f"{bbc_server}/search")
    page.fill("#q", "Blair")
    page.press("#q", "Enter")
    page.wait_for_url("**/search?q=Blair**")
    shot(page, "bbc-search")
    page.click("ul.results a.actor:text('Tony Blair')")

    page.wait_for_selector("#graph[data-ready]")
    assert page.inner_text("h1").startswith("Tony Blair")
    assert int(page.get_attribute("#graph", "data-ready")) >= 3
    shot(page, "bbc-actor")
    page.click("table.list a.event >> nth=0")

    page.wait_for_url("**/event/**")
    evidence = page.query_selector_all("p.evidence")
    assert evidence
    for box in evidence:
        checked = box.evaluate(CHECK_MARKS)
        assert checked["problems"] == [] and checked["count"] >= 2  # the trigger and a participant
        assert box.query_selector(".mk.trigger")
    shot(page, "bbc-event")
    page.click("ol.mentions a >> nth=0")

    page.wait_for_url("**/article/bbc-**")
    doc_id = page.url.split("/article/")[1].split("#")[0].split("?")[0]
    text = page.query_selector("#text")
    checked = text.evaluate(CHECK_MARKS)
    assert checked["problems"] == [] and checked["count"] >= 10
    stored = page.request.get(f"{bbc_server}/api/article/{doc_id}").json()
    assert sorted(text.evaluate(SHOWN_MARKS)) == stored_marks(stored)  # every stored mark, at its offsets
    assert page.query_selector("#text .mk.flash")  # the event's trigger, scrolled to and marked
    shot(page, "bbc-article")
