"""The corpus out: PLOVER JSONL, a GDELT-style event CSV, GEXF and GraphML for Gephi, CSVs for neo4j-admin.

One function per format, each reading the resolved store and writing ``output``
(a file; a folder for neo4j).
"""

from __future__ import annotations

import csv
import json
import sqlite3
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.analysis.entities.names import country_named, country_of_demonym
from newsgraph.corpus.places import actor_places, event_location_sources
from newsgraph.lexicon import table

if TYPE_CHECKING:
    from newsgraph.corpus.db import Database

_CAMEO_TABLE = "events/cameo"  # the event layer's table: PLOVER type, mode ("-" for any), CAMEO root
GDELT_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "Actor1Name", "Actor1CountryCode", "Actor1Type", "Actor2Name",
                 "Actor2CountryCode", "Actor2Type", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                 "PLOVER", "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode",
                 "ActionGeo_Lat", "ActionGeo_Long", "SOURCEURL",
                 "NewsgraphEventID")


@lru_cache(maxsize=1)
def _cameo_roots() -> dict[tuple[str, str | None], str]:
    try:
        rows = table(_CAMEO_TABLE)
    except (OSError, ValueError):  # no table: the events' own codes only
        return {}
    return {(r[0], None if r[1] == "-" else r[1]): r[2] for r in rows if len(r) >= 3}


def cameo_root(event_type: str, mode: str | None) -> str:
    """The CAMEO root code of a PLOVER type (and mode, where the mode decides it), "" when there is none."""
    roots = _cameo_roots()
    return roots.get((event_type, mode)) or roots.get((event_type, None)) or ""


def quad_class(cameo: str) -> int:
    """GDELT's quad class of a CAMEO code: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
    root = int(cameo[:2]) if cameo[:2].isdigit() else 0
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def actor_countries(conn: sqlite3.Connection) -> dict[int, str]:
    """Each actor's country (ISO alpha-3) when known: the event layer's, the place's own, a role's country."""
    out: dict[int, str] = {}
    votes: dict[int, Counter[str]] = defaultdict(Counter)
    for actor_id, country in conn.execute(
            "SELECT m.actor_id, x.country FROM event_args x JOIN actor_entities m USING (doc_id, eid) "
            "WHERE x.country IS NOT NULL"):
        votes[actor_id][country] += 1
    info = list(conn.execute("SELECT actor_id, name, type FROM actors"))
    for actor_id, name, type_ in info:
        if votes[actor_id]:
            out[actor_id] = votes[actor_id].most_common(1)[0][0]
        elif type_ != "PERSON":
            c = country_of_demonym(name) if type_ == "NORP" else country_named(name)
            if c:
                out[actor_id] = c.alpha3
    for actor_id, of_actor in conn.execute(
            "SELECT DISTINCT m.actor_id, o.actor_id FROM roles r "
            "JOIN actor_entities m ON m.doc_id = r.doc_id AND m.eid = r.eid "
            "JOIN actor_entities o ON o.doc_id = r.doc_id AND o.eid = r.of_eid"):
        if actor_id not in out and of_actor in out:
            out[actor_id] = out[of_actor]
    return out


def _events(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """The merged events as ``list_events`` gives them, with their CAMEO code and participants' actor ids."""
    from newsgraph.corpus.queries import list_events

    cameo: dict[str, Counter[str]] = defaultdict(Counter)
    for event_id, code in conn.execute("SELECT h.event_id, v.cameo FROM happening_mentions h "
                                       "JOIN events v USING (doc_id, vid) WHERE v.cameo IS NOT NULL"):
        cameo[f"event-{event_id}"][code] += 1
    sides: dict[str, dict[str, list[int]]] = defaultdict(lambda: {"source": [], "target": []})
    for event_id, actor_id, side in conn.execute("SELECT event_id, actor_id, side FROM happening_actors "
                                                 "ORDER BY event_id, side, actor_id"):
        sides[f"event-{event_id}"][side].append(actor_id)
    places, placed_by = actor_places(conn), event_location_sources(conn)
    location_of = {f"event-{i}": loc for i, loc in conn.execute("SELECT event_id, location FROM happenings")}
    events = list_events(conn)
    for e in events:
        loc = location_of.get(e["id"])
        e["geo"] = places.get(loc) if loc is not None else None
        e["location_source"] = placed_by.get(int(e["id"].removeprefix("event-")))
        codes = cameo.get(e["id"])
        e["cameo"] = codes.most_common(1)[0][0] if codes else cameo_root(e["type"], e["mode"])
        e["source_ids"], e["target_ids"] = sides[e["id"]]["source"], sides[e["id"]]["target"]
    return events


def _doc_meta(conn: sqlite3.Connection) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {d: (u, s, p) for d, u, s, p in conn.execute("SELECT doc_id, url, source, published FROM documents")}


def export_plover(store: Database, output: Path) -> Path:
    """PLOVER JSONL: one merged event a line, with its actors, countries, date, mode and sources."""
    conn = store._ready()
    countries, meta = actor_countries(conn), _doc_meta(conn)
    with output.open("w", encoding="utf-8") as f:
        for e in _events(conn):
            record = {"id": e["id"], "date": e["date"], "event": e["type"], "mode": e["mode"], "cameo": e["cameo"],
                      "actor": e["source"], "actor_country": [countries.get(i) for i in e["source_ids"]],
                      "recipient": e["target"], "recipient_country": [countries.get(i) for i in e["target_ids"]],
                      "location": _location(e),
                      "documents": e["documents"],
                      "sources": [{"document": m["document"], "url": meta[m["document"]][0],
                                   "source": meta[m["document"]][1], "published": meta[m["document"]][2],
                                   "trigger": m["trigger"], "evidence": m["evidence"]} for m in e["mentions"]]}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return output


def export_gdelt(store: Database, output: Path) -> Path:
    """A GDELT-style event CSV: a row per merged event and actor pair, CAMEO codes, countries, date, source URL."""
    conn = store._ready()
    countries, meta = actor_countries(conn), _doc_meta(conn)
    names, types = {}, {}
    for i, n, t in conn.execute("SELECT actor_id, name, type FROM actors"):
        names[i], types[i] = n, t
    with output.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(GDELT_COLUMNS)
        n = 0
        for e in _events(conn):
            src, tgt = e["source_ids"], e["target_ids"]
            pairs = [(s, t) for s in src for t in tgt] or [(s, -1) for s in src] or [(-1, t) for t in tgt]
            url = next((meta[d][0] for d in e["documents"] if meta[d][0]), "")  # GDELT users join on it: no id
            sources = {meta[d][1] or d for d in e["documents"]}
            code = e["cameo"] or ""
            for a1, a2 in pairs:
                n += 1
                out.writerow((n, (e["date"] or "").replace("-", "")[:8],
                              names.get(a1, ""), countries.get(a1, ""), types.get(a1, ""),
                              names.get(a2, ""), countries.get(a2, ""), types.get(a2, ""),
                              code, code[:3], code[:2], quad_class(code) if code else "", e["type"],
                              len(e["mentions"]), len(sources), len(e["documents"]), e["location"] or "",
                              *_action_geo(e), url,
                              e["id"]))
    return output


def _graph(conn: sqlite3.Connection) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from newsgraph.corpus.graph import link_kinds, load_graph

    countries = actor_countries(conn)
    graph = load_graph(conn)
    places = actor_places(conn)
    nodes = [{"id": f"a{i}", "name": n, "type": t, "documents": d, "country": countries.get(i, ""),
              "lat": places[i]["lat"] if i in places else "", "lon": places[i]["lon"] if i in places else ""}
             for i, n, t, d in conn.execute("SELECT actor_id, name, type, n_docs FROM actors ORDER BY actor_id")
             if i in graph]
    edges = [{"source": f"a{a}", "target": f"a{b}", "documents": len(link.documents),
              **{k: link_kinds(link).get(k, 0) for k in ("event", "quote", "role", "context")}}
             for a in sorted(graph) for b, link in sorted(graph[a].items()) if a < b]
    return nodes, edges


_NODE_ATTRS = (("type", "string"), ("country", "string"), ("documents", "integer"), ("lat", "string"),
               ("lon", "string"))
_EDGE_ATTRS = (("documents", "integer"), ("event", "integer"), ("quote", "integer"), ("role", "integer"),
               ("context", "integer"))


def export_gexf(store: Database, output: Path) -> Path:
    """GEXF 1.3 for Gephi: actors as nodes (type, country, documents), links as weighted edges by kind."""
    nodes, edges = _graph(store._ready())
    root = ET.Element("gexf", {"xmlns": "http://gexf.net/1.3", "version": "1.3"})
    ET.SubElement(ET.SubElement(root, "meta"), "creator").text = "newsgraph"
    graph = ET.SubElement(root, "graph", {"mode": "static", "defaultedgetype": "undirected"})
    for cls, attrs in (("node", _NODE_ATTRS), ("edge", _EDGE_ATTRS)):
        decl = ET.SubElement(graph, "attributes", {"class": cls})
        for n, (title, kind) in enumerate(attrs):
            ET.SubElement(decl, "attribute", {"id": str(n), "title": title, "type": kind})
    xml_nodes = ET.SubElement(graph, "nodes")
    for node in nodes:
        el = ET.SubElement(xml_nodes, "node", {"id": node["id"], "label": node["name"]})
        _attvalues(el, node, _NODE_ATTRS)
    xml_edges = ET.SubElement(graph, "edges")
    for n, edge in enumerate(edges):
        el = ET.SubElement(xml_edges, "edge", {"id": str(n), "source": edge["source"], "target": edge["target"],
                                               "weight": str(edge["documents"])})
        _attvalues(el, edge, _EDGE_ATTRS)
    ET.ElementTree(root).write(output, encoding="utf-8", xml_declaration=True)
    return output


def _attvalues(el: ET.Element, values: dict[str, Any], attrs: tuple[tuple[str, str], ...]) -> None:
    box = ET.SubElement(el, "attvalues")
    for n, (title, _) in enumerate(attrs):
        ET.SubElement(box, "attvalue", {"for": str(n), "value": str(values.get(title, ""))})


def export_graphml(store: Database, output: Path) -> Path:
    """GraphML: actors as nodes, links as edges, every attribute declared with its type."""
    nodes, edges = _graph(store._ready())
    types = {"string": "string", "integer": "int"}
    root = ET.Element("graphml", {"xmlns": "http://graphml.graphdrawing.org/xmlns"})
    ET.SubElement(root, "key", {"id": "name", "for": "node", "attr.name": "label", "attr.type": "string"})
    for cls, attrs in (("node", _NODE_ATTRS), ("edge", _EDGE_ATTRS)):
        for title, kind in attrs:
            ET.SubElement(root, "key", {"id": f"{cls[0]}_{title}", "for": cls, "attr.name": title,
                                        "attr.type": types[kind]})
    graph = ET.SubElement(root, "graph", {"id": "newsgraph", "edgedefault": "undirected"})
    for node in nodes:
        el = ET.SubElement(graph, "node", {"id": node["id"]})
        ET.SubElement(el, "data", {"key": "name"}).text = node["name"]
        for title, _ in _NODE_ATTRS:
            ET.SubElement(el, "data", {"key": f"n_{title}"}).text = str(node[title])
    for n, edge in enumerate(edges):
        el = ET.SubElement(graph, "edge", {"id": f"l{n}", "source": edge["source"], "target": edge["target"]})
        for title, _ in _EDGE_ATTRS:
            ET.SubElement(el, "data", {"key": f"e_{title}"}).text = str(edge[title])
    ET.ElementTree(root).write(output, encoding="utf-8", xml_declaration=True)
    return output


def export_neo4j(store: Database, output: Path) -> Path:
    """A folder of CSVs for ``neo4j-admin database import full`` (node files, then relationship files)."""
    conn = store._ready()
    output.mkdir(parents=True, exist_ok=True)
    countries = actor_countries(conn)
    events = _events(conn)
    _write_csv(output / "actors.csv", ("actorId:ID", "name", "type", "country", "documents:int", ":LABEL"),
               [(f"a{i}", n, t, countries.get(i, ""), d, f"Actor;{t}")
                for i, n, t, d in conn.execute("SELECT actor_id, name, type, n_docs FROM actors")])
    _write_csv(output / "documents.csv", ("docId:ID", "title", "published", "source", "url", ":LABEL"),
               [(f"d:{d}", t, p, s, u, "Document") for d, t, p, s, u in
                conn.execute("SELECT doc_id, title, published, source, url FROM documents ORDER BY seq")])
    _write_csv(output / "events.csv", ("eventId:ID", "type", "mode", "cameo", "date", "documents:int", ":LABEL"),
               [(e["id"], e["type"], e["mode"], e["cameo"], e["date"], len(e["documents"]), "Event") for e in events])
    _write_csv(output / "quotes.csv", ("quoteId:ID", "text", "direct:boolean", ":LABEL"),
               [(f"q:{d}:{q}", t, "true" if di else "false", "Quote")
                for d, q, t, di in conn.execute("SELECT doc_id, qid, text, direct FROM quotes")])
    _write_csv(output / "links.csv", (":START_ID", ":END_ID", ":TYPE", "kind", "documents:int"),
               [(f"a{a}", f"a{b}", "LINKED", k, n) for a, b, k, n in conn.execute(
                   "SELECT a, b, kind, COUNT(DISTINCT doc_id) FROM edges GROUP BY a, b, kind")])
    _write_csv(output / "participants.csv", (":START_ID", ":END_ID", ":TYPE"),
               [(f"a{i}", e["id"], f"{side.upper()}_OF") for e in events for side in ("source", "target")
                for i in e[f"{side}_ids"]])
    _write_csv(output / "reported.csv", (":START_ID", ":END_ID", ":TYPE"),
               [(e["id"], f"d:{d}", "REPORTED_IN") for e in events for d in e["documents"]]
               + [(f"q:{d}:{q}", f"d:{d}", "REPORTED_IN") for d, q in conn.execute("SELECT doc_id, qid FROM quotes")])
    _write_csv(output / "said.csv", (":START_ID", ":END_ID", ":TYPE"),
               [(f"a{a}", f"q:{d}:{q}", "SAID") for a, d, q in conn.execute(
                   "SELECT m.actor_id, q.doc_id, q.qid FROM quotes q "
                   "JOIN actor_entities m ON m.doc_id = q.doc_id AND m.eid = q.speaker_eid")])
    _write_csv(output / "mentioned.csv", (":START_ID", ":END_ID", ":TYPE"),
               [(f"a{a}", f"d:{d}", "MENTIONED_IN") for a, d in conn.execute(
                   "SELECT DISTINCT actor_id, doc_id FROM actor_entities")])
    return output


def _write_csv(path: Path, header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        out.writerows(rows)


def export_geojson(store: Database, output: Path) -> Path:
    """GeoJSON: a point feature per merged event whose place is located, with its type, date and parties."""
    features = []
    for e in _events(store._ready()):
        geo = e["geo"]
        if geo is None:
            continue
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [geo["lon"], geo["lat"]]},
                         "properties": {"id": e["id"], "event": e["type"], "mode": e["mode"], "date": e["date"],
                                        "source": e["source"], "target": e["target"], "location": e["location"],
                                        "place": geo["name"], "country": geo["country"],
                                        "geonameid": geo["geonameid"], "location_source": e["location_source"],
                                        "documents": e["documents"]}})
    with output.open("w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False)
        f.write("\n")
    return output


def _location(e: dict[str, Any]) -> dict[str, Any] | None:
    """An event's place for PLOVER JSONL: its name, and its point when located."""
    if e["location"] is None:
        return None
    geo = e["geo"] or {}
    return {"name": e["location"], "lat": geo.get("lat"), "lon": geo.get("lon"), "country": geo.get("country"),
            "geonameid": geo.get("geonameid"), "feature": geo.get("feature"), "source": e["location_source"]}


def _action_geo(e: dict[str, Any]) -> tuple[Any, ...]:
    """GDELT's ActionGeo_CountryCode, _Lat and _Long of an event ("" when its place is not located)."""
    geo = e["geo"]
    return (geo["country"] or "", geo["lat"], geo["lon"]) if geo else ("", "", "")


EXPORTERS: dict[str, Callable[[Database, Path], Path]] = {
    "plover": export_plover, "gdelt": export_gdelt, "gexf": export_gexf, "graphml": export_graphml,
    "neo4j": export_neo4j, "geojson": export_geojson}


def export(store: Database, format: str, output: Path) -> Path:
    """Write the store in ``format`` to ``output``; ValueError names the formats when it is not one."""
    writer = EXPORTERS.get(format.lower())
    if writer is None:
        raise ValueError(f"unknown export format {format!r}: choose one of {', '.join(EXPORTERS)}")
    return writer(store, output)
