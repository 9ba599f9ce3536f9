"""Exports: PLOVER JSONL, GDELT-style CSV, GEXF and GraphML (valid, typed XML), neo4j-admin import CSVs."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from newsgraph import Store
from newsgraph.corpus.export import cameo_root, quad_class
from newsgraph.model import Geo
from tests.corpus.test_store import make_analysis, three_outlets


@pytest.fixture
def store() -> Store:
    s = Store()
    s.add(three_outlets())
    s.add([make_analysis("strike", "Russian forces shelled Kharkiv, the mayor Ihor Terekhov said.", "2025-03-13",
                         {"e1": ("Russian", "NORP", ("Russian",)), "e2": ("Kharkiv", "GPE", ("Kharkiv",)),
                          "e3": ("Ihor Terekhov", "PERSON", ("Ihor Terekhov",))},
                         events=[("ASSAULT", "shelled", ["e1"], ["e2"], "2025-03-13")],
                         quotes=[("Russian forces shelled Kharkiv", "e3")], url="https://strike.example/a")])
    return s


def test_plover_jsonl(store: Store, tmp_path: Path) -> None:
    out = store.export("plover", tmp_path / "events.jsonl")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["event"] for r in records] == ["CONSULT", "ASSAULT"]
    consult, assault = records
    assert len(consult["documents"]) == 3 and consult["date"] == "2025-03-11"
    assert sorted(consult["actor_country"]) == [None, None] or "UKR" in consult["actor_country"]
    assert assault["actor"] == ["Russian"] and assault["actor_country"] == ["RUS"]
    assert assault["recipient"] == ["Kharkiv"] and assault["cameo"] == cameo_root("ASSAULT", None) == "18"
    assert assault["sources"][0]["url"] == "https://strike.example/a"
    assert assault["sources"][0]["evidence"]["text"].startswith("Russian forces shelled Kharkiv")


def test_gdelt_csv(store: Store, tmp_path: Path) -> None:
    out = store.export("gdelt", tmp_path / "events.csv")
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assault = next(r for r in rows if r["PLOVER"] == "ASSAULT")
    assert assault["SQLDATE"] == "20250313" and assault["Actor1CountryCode"] == "RUS"
    assert assault["EventRootCode"] == "18" and assault["QuadClass"] == "4"
    assert assault["SOURCEURL"] == "https://strike.example/a"
    consult = next(r for r in rows if r["PLOVER"] == "CONSULT")
    assert consult["NumArticles"] == "3" and consult["EventCode"] == "04"
    assert consult["Actor1CountryCode"] == "UKR" or consult["Actor2CountryCode"] == "UKR"  # by his role
    assert quad_class("04") == 1 and quad_class("061") == 2 and quad_class("112") == 3


def test_gexf_is_valid_typed_xml(store: Store, tmp_path: Path) -> None:
    root = ET.parse(store.export("gexf", tmp_path / "g.gexf")).getroot()
    ns = {"g": "http://gexf.net/1.3"}
    declared = {a.get("title"): a.get("type") for a in root.iterfind(".//g:attributes[@class='node']/g:attribute", ns)}
    assert declared == {"type": "string", "country": "string", "documents": "integer", "lat": "string",
                        "lon": "string"}
    labels = {n.get("label") for n in root.iterfind(".//g:node", ns)}
    assert {"Volodymyr Zelensky", "Emmanuel Macron", "Kharkiv"} <= labels
    ids = {n.get("id") for n in root.iterfind(".//g:node", ns)}
    edges = list(root.iterfind(".//g:edge", ns))
    assert edges and all(e.get("source") in ids and e.get("target") in ids for e in edges)
    assert all(int(v.get("value") or "x") >= 0 for v in root.iterfind(".//g:edge//g:attvalue", ns))


def test_graphml_is_valid_typed_xml(store: Store, tmp_path: Path) -> None:
    root = ET.parse(store.export("graphml", tmp_path / "g.graphml")).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {k.get("id"): k.get("attr.type") for k in root.iterfind("g:key", ns)}
    assert keys["n_documents"] == "int" and keys["e_event"] == "int" and keys["n_type"] == "string"
    node_ids = {n.get("id") for n in root.iterfind(".//g:node", ns)}
    for e in root.iterfind(".//g:edge", ns):
        assert e.get("source") in node_ids and e.get("target") in node_ids
        assert all(d.get("key") in keys for d in e.iterfind("g:data", ns))


def test_neo4j_csvs_have_import_headers(store: Store, tmp_path: Path) -> None:
    folder = store.export("neo4j", tmp_path / "neo4j")
    node_ids: set[str] = set()
    relationships: list[dict[str, str]] = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            rows = list(reader)
        if any(h.endswith(":ID") for h in header):
            assert ":LABEL" in header, path.name
            id_col = next(h for h in header if h.endswith(":ID"))
            node_ids |= {r[id_col] for r in rows}
        else:
            assert {":START_ID", ":END_ID", ":TYPE"} <= set(header), path.name
            relationships += rows
    assert relationships
    for r in relationships:
        assert r[":START_ID"] in node_ids and r[":END_ID"] in node_ids, r


def test_unknown_format_names_the_valid_ones(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="plover, gdelt, gexf, graphml, neo4j"):
        store.export("pdf", tmp_path / "x")


def _located_store() -> Store:
    """A store with one event placed in a located town (its clause names it)."""
    a = make_analysis("flood", "Rescuers reached Pandi after the flood.", "2025-03-14",
                      {"e1": ("Rescuers", "ORG", ("Rescuers",)), "e2": ("Pandi", "GPE", ("Pandi",))},
                      events=[("AID", "reached", ["e1"], ["e2"], "2025-03-14")])
    pandi = replace(a.entities[1], geo=Geo(14.86, 120.95, "Pandi", "PPL", "PHL", 1694335))
    event = replace(a.events[0], location="e2", location_source="clause")
    s = Store()
    s.add([replace(a, entities=(a.entities[0], pandi), events=(event,))])
    return s


def test_coordinates_in_every_export(tmp_path: Path) -> None:
    s = _located_store()
    with s.export("gdelt", tmp_path / "e.csv").open(encoding="utf-8", newline="") as f:
        row = next(csv.DictReader(f))
    assert (row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == ("Pandi", "PHL")
    assert (float(row["ActionGeo_Lat"]), float(row["ActionGeo_Long"])) == (14.86, 120.95)
    record = json.loads(s.export("plover", tmp_path / "e.jsonl").read_text(encoding="utf-8"))
    assert record["location"]["lat"] == 14.86 and record["location"]["source"] == "clause"
    collection = json.loads(s.export("geojson", tmp_path / "e.geojson").read_text(encoding="utf-8"))
    feature = collection["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [120.95, 14.86]}
    assert feature["properties"]["event"] == "AID" and feature["properties"]["place"] == "Pandi"
    root = ET.parse(s.export("graphml", tmp_path / "g.graphml")).getroot()
    assert any(d.text == "14.86" for d in root.iter("{http://graphml.graphdrawing.org/xmlns}data"))


def test_map_lists_places_with_their_events() -> None:
    rows = _located_store().places()
    assert rows[0]["name"] == "Pandi" and rows[0]["events"] == 1 and rows[0]["country"] == "PHL"


def test_a_people_is_no_place_on_the_map() -> None:
    a = make_analysis("vote", "Filipinos voted in Pandi.", "2025-03-14",
                      {"e1": ("Filipinos", "NORP", ("Filipinos",)), "e2": ("Pandi", "GPE", ("Pandi",))})
    people = replace(a.entities[0], geo=Geo(12.5, 122.0, "Philippines", "PCLI", "PHL", 1694008))
    town = replace(a.entities[1], geo=Geo(14.86, 120.95, "Pandi", "PPL", "PHL", 1694335))
    s = Store()
    s.add([replace(a, entities=(people, town))])
    assert [r["name"] for r in s.places()] == ["Pandi"]  # the people keeps its point for exports only
