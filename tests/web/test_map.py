"""The map page and its JSON twin over a small store whose places carry points: the CLI's answer, a place's panel."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph import Store
from newsgraph.model import Analysis, Geo
from newsgraph.web import create_app, open_read_only
from tests.corpus.test_store import three_outlets
from tests.web.conftest import Client, hostile_article
from tests.web.test_api import cli_json

PARIS = Geo(lat=48.85341, lon=2.3488, name="Paris", feature="PPLC", country="FRA", geonameid=2988507)
FRANCE = Geo(lat=46.6, lon=2.4, name="France", feature="PCLI", country="FRA", geonameid=3017382)


def located(analysis: Analysis) -> Analysis:
    """The article with Paris and France on the map, and its events placed in Paris."""
    points = {"Paris": PARIS, "France": FRANCE}
    entities = tuple(dataclasses.replace(e, geo=points.get(e.name)) for e in analysis.entities)
    paris = next((e.id for e in entities if e.name == "Paris"), None)
    events = tuple(dataclasses.replace(v, location=paris, location_source="clause") for v in analysis.events)
    return dataclasses.replace(analysis, entities=entities, events=events)


@pytest.fixture
def map_store(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.add([*(located(a) for a in three_outlets()), hostile_article()])
        store.resolve()
    return path


@pytest.fixture
def map_client(map_store: Path) -> Iterator[Client]:
    db = open_read_only(map_store)
    yield Client(create_app(db))
    db.close()


def test_the_map_api_is_the_cli_answer(map_client: Client, map_store: Path) -> None:
    answer = map_client.get("/api/map").json()
    assert answer == cli_json(map_store, "map")
    assert {p["name"] for p in answer} == {"Paris", "France"}
    assert map_client.get("/api/map?limit=1").json() == cli_json(map_store, "map", "--limit", "1")


def test_a_place_lists_its_events_and_actors(map_client: Client) -> None:
    paris = map_client.get("/api/place/Paris").json()
    assert (paris["lat"], paris["lon"], paris["country"]) == (PARIS.lat, PARIS.lon, "FRA")
    assert paris["event_count"] == len(paris["events"]) >= 1
    assert {e["type"] for e in paris["events"]} == {"CONSULT"}
    assert "Volodymyr Zelensky" in {a["name"] for a in paris["actors"]}
    assert map_client.get("/api/place/Volodymyr%20Zelensky").status_code == 404  # an actor, not a place
    assert map_client.get("/api/place/Atlantis").status_code == 404


def test_the_map_page_draws_from_the_same_points(map_client: Client) -> None:
    page = map_client.get("/map")
    assert page.status_code == 200
    assert 'id="map-data"' in page.text and "world-atlas-countries-110m.json" not in page.text  # fetched by the script
    assert '<a href="/map">Map</a>' in page.text
    chosen = map_client.get("/map?place=Paris")
    assert 'id="place"' in chosen.text and "Volodymyr Zelensky" in chosen.text
    assert map_client.get("/map?place=Atlantis").status_code == 404


def test_the_basemap_is_served_from_the_package(map_client: Client) -> None:
    for name in ("world-atlas-countries-110m.json", "d3-geo.min.js", "d3-array.min.js", "topojson-client.min.js"):
        assert map_client.get(f"/static/vendor/{name}").status_code == 200, name
