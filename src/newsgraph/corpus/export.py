"""The corpus out: PLOVER JSONL, a GDELT-style event CSV, GEXF and GraphML for Gephi, CSVs for neo4j-admin.

One function per format, each reading the resolved store and writing ``output``
(a file; a folder for neo4j).
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import XMLGenerator
from xml.sax.xmlreader import AttributesImpl

from newsgraph.analysis.entities.names import country_named, country_of_demonym
from newsgraph.corpus.places import actor_places
from newsgraph.lexicon import table

if TYPE_CHECKING:
    from newsgraph.corpus.db import Database

_CHUNK = 500
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


def _events(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """The merged events as ``iter_events`` gives them, with their CAMEO code and participants' actor ids.

    Read a chunk at a time: an export holds one chunk of events, not the corpus.
    """
    from newsgraph.corpus.queries import iter_events

    places = actor_places(conn)  # one point per located actor: far fewer than events
    chunk: list[dict[str, Any]] = []
    for e in iter_events(conn):
        chunk.append(e)
        if len(chunk) >= _CHUNK:
            yield from _with_codes(conn, chunk, places)
            chunk = []
    yield from _with_codes(conn, chunk, places)


def _with_codes(conn: sqlite3.Connection, events: list[dict[str, Any]],
                places: dict[int, dict[str, Any]]) -> list[dict[str, Any]]:
    if not events:
        return events
    ids = [int(e["id"].removeprefix("event-")) for e in events]
    marks = ",".join("?" * len(ids))
    cameo: dict[int, Counter[str]] = defaultdict(Counter)
    for event_id, code in conn.execute(f"SELECT h.event_id, v.cameo FROM happening_mentions h "
                                       f"JOIN events v USING (doc_id, vid) WHERE h.event_id IN ({marks}) "
                                       "AND v.cameo IS NOT NULL ORDER BY h.doc_id, h.vid", ids):
        cameo[event_id][code] += 1
    sides: dict[int, dict[str, list[int]]] = defaultdict(lambda: {"source": [], "target": []})
    for event_id, actor_id, side in conn.execute(f"SELECT event_id, actor_id, side FROM happening_actors "
                                                 f"WHERE event_id IN ({marks}) ORDER BY event_id, side, actor_id",
                                                 ids):
        sides[event_id][side].append(actor_id)
    _doc_meta(conn, events)
    location = dict(conn.execute(f"SELECT event_id, location FROM happenings WHERE event_id IN ({marks})", ids))
    placed_by: dict[int, str] = {}  # how the place was read: the clause before the dateline before the article
    for event_id, source in conn.execute(f"SELECT h.event_id, l.source FROM happening_mentions h "
                                         f"JOIN event_locations l USING (doc_id, vid) WHERE h.event_id IN ({marks}) "
                                         "ORDER BY h.event_id, h.doc_id, h.vid", ids):
        if _PLACED_BY.get(source, 3) < _PLACED_BY.get(placed_by.get(event_id, ""), 3):
            placed_by[event_id] = source
    for event_id, e in zip(ids, events, strict=True):
        loc = location.get(event_id)
        e["geo"] = places.get(loc) if loc is not None else None
        e["location_source"] = placed_by.get(event_id)
        codes = cameo.get(event_id)
        e["cameo"] = codes.most_common(1)[0][0] if codes else cameo_root(e["type"], e["mode"])
        e["source_ids"], e["target_ids"] = sides[event_id]["source"], sides[event_id]["target"]
    return events


def _doc_meta(conn: sqlite3.Connection, events: list[dict[str, Any]]) -> None:
    """Each event's ``doc_meta``: its documents' (url, source, published), looked up for this chunk only."""
    wanted = sorted({d for e in events for d in e["documents"]})
    meta: dict[str, tuple[str | None, str | None, str | None]] = {}
    for i in range(0, len(wanted), _CHUNK):
        chunk = wanted[i:i + _CHUNK]
        meta.update((d, (u, s, p)) for d, u, s, p in conn.execute(
            f"SELECT doc_id, url, source, published FROM documents WHERE doc_id IN ({','.join('?' * len(chunk))})",
            chunk))
    for e in events:
        e["doc_meta"] = {d: meta[d] for d in e["documents"]}


def export_plover(store: Database, output: Path) -> Path:
    """PLOVER JSONL: one merged event a line, with its actors, countries, date, mode and sources."""
    conn = store._ready()
    countries = actor_countries(conn)
    with output.open("w", encoding="utf-8") as f:
        for e in _events(conn):
            meta = e["doc_meta"]
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
    countries = actor_countries(conn)
    names, types = {}, {}
    for i, n, t in conn.execute("SELECT actor_id, name, type FROM actors"):
        names[i], types[i] = n, t
    with output.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(GDELT_COLUMNS)
        n = 0
        for e in _events(conn):
            src, tgt, meta = e["source_ids"], e["target_ids"], e["doc_meta"]
            pairs = _dyads(e["type"], src, tgt)
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


# Acts two parties do together by their nature (PLOVER codebook: all consultations and meetings; mutual
# cooperation), whose parties the codebook codes all as actors with no recipient
_JOINT = frozenset({"CONSULT", "COOPERATE"})


def _dyads(kind: str, src: list[int], tgt: list[int]) -> list[tuple[int, int]]:
    """The actor pairs of a merged event's rows (-1: none): each source with each target, never an actor with
    itself (outlets that tell a meeting from either side put both parties on both sides); the parties of a
    meeting or a cooperation named together and no one else, pairwise, each pair once, as PETRARCH and POLECAT
    make dyads of compound actors: a network needs the pair."""
    pairs = [(s, t) for s in src for t in tgt if s != t]
    if kind in _JOINT:
        if not tgt:
            pairs = [(a, b) for n, a in enumerate(src) for b in src[n + 1:] if a != b]
        once: dict[frozenset[int], tuple[int, int]] = {}
        for p in pairs:
            once.setdefault(frozenset(p), p)
        pairs = list(once.values())
    return pairs or [(s, -1) for s in src] or [(-1, t) for t in tgt]


def _graph(conn: sqlite3.Connection) -> tuple[Iterator[dict[str, Any]], Iterator[dict[str, Any]]]:
    """The actors with a link (nodes) and the links between two actors (edges), read as they are written."""
    countries, places = actor_countries(conn), actor_places(conn)
    nodes = ({"id": f"a{i}", "name": n, "type": t, "documents": d, "country": countries.get(i, ""),
              "lat": places[i]["lat"] if i in places else "", "lon": places[i]["lon"] if i in places else ""}
             for i, n, t, d in conn.execute(
                 "SELECT actor_id, name, type, n_docs FROM actors WHERE actor_id IN (SELECT a FROM actor_pairs) "
                 "ORDER BY actor_id"))
    edges = ({"source": f"a{a}", "target": f"a{b}", "documents": docs, **_kind_counts(kinds)}
             for a, b, kinds, docs in conn.execute(  # summed per pair as they were written (pairs.py)
                 "SELECT a, b, kinds, documents FROM actor_pairs WHERE a < b ORDER BY a, b"))
    return nodes, edges


def _kind_counts(kinds: str) -> dict[str, int]:
    """A pair's links by kind (a quote counted from either end)."""
    seen = json.loads(kinds)
    return {"event": seen.get("event", 0), "quote": seen.get("quote", 0) + seen.get("quoted", 0),
            "role": seen.get("role", 0), "context": seen.get("context", 0)}


_NODE_ATTRS = (("type", "string"), ("country", "string"), ("documents", "integer"), ("lat", "string"),
               ("lon", "string"))
_EDGE_ATTRS = (("documents", "integer"), ("event", "integer"), ("quote", "integer"), ("role", "integer"),
               ("context", "integer"))


class _Xml:
    """An XML file written element by element (constant memory), indented."""

    def __init__(self, f: Any) -> None:
        self.out = XMLGenerator(f, encoding="utf-8", short_empty_elements=True)
        self.out.startDocument()
        self.depth = 0

    def open(self, tag: str, attrs: dict[str, str] | None = None) -> None:
        self.out.ignorableWhitespace("\n" + "  " * self.depth)
        self.out.startElement(tag, AttributesImpl(attrs or {}))
        self.depth += 1

    def close(self, tag: str) -> None:
        self.depth -= 1
        self.out.ignorableWhitespace("\n" + "  " * self.depth)
        self.out.endElement(tag)

    def leaf(self, tag: str, attrs: dict[str, str] | None = None, text: str | None = None) -> None:
        self.out.ignorableWhitespace("\n" + "  " * self.depth)
        self.out.startElement(tag, AttributesImpl(attrs or {}))
        if text is not None:
            self.out.characters(text)
        self.out.endElement(tag)

    def end(self) -> None:
        self.out.ignorableWhitespace("\n")
        self.out.endDocument()


def export_gexf(store: Database, output: Path) -> Path:
    """GEXF 1.3 for Gephi: actors as nodes (type, country, documents), links as weighted edges by kind."""
    nodes, edges = _graph(store._ready())
    with output.open("w", encoding="utf-8") as f:
        x = _Xml(f)
        x.open("gexf", {"xmlns": "http://gexf.net/1.3", "version": "1.3"})
        x.open("meta")
        x.leaf("creator", text="newsgraph")
        x.close("meta")
        x.open("graph", {"mode": "static", "defaultedgetype": "undirected"})
        for cls, attrs in (("node", _NODE_ATTRS), ("edge", _EDGE_ATTRS)):
            x.open("attributes", {"class": cls})
            for n, (title, kind) in enumerate(attrs):
                x.leaf("attribute", {"id": str(n), "title": title, "type": kind})
            x.close("attributes")
        for tag, items, attrs in (("node", nodes, _NODE_ATTRS), ("edge", edges, _EDGE_ATTRS)):
            x.open(tag + "s")
            for n, item in enumerate(items):
                head = ({"id": item["id"], "label": item["name"]} if tag == "node" else
                        {"id": str(n), "source": item["source"], "target": item["target"],
                         "weight": str(item["documents"])})
                x.open(tag, head)
                x.open("attvalues")
                for k, (title, _) in enumerate(attrs):
                    x.leaf("attvalue", {"for": str(k), "value": str(item.get(title, ""))})
                x.close("attvalues")
                x.close(tag)
            x.close(tag + "s")
        x.close("graph")
        x.close("gexf")
        x.end()
    return output


def export_graphml(store: Database, output: Path) -> Path:
    """GraphML: actors as nodes, links as edges, every attribute declared with its type."""
    nodes, edges = _graph(store._ready())
    types = {"string": "string", "integer": "int"}
    with output.open("w", encoding="utf-8") as f:
        x = _Xml(f)
        x.open("graphml", {"xmlns": "http://graphml.graphdrawing.org/xmlns"})
        x.leaf("key", {"id": "name", "for": "node", "attr.name": "label", "attr.type": "string"})
        for cls, attrs in (("node", _NODE_ATTRS), ("edge", _EDGE_ATTRS)):
            for title, kind in attrs:
                x.leaf("key", {"id": f"{cls[0]}_{title}", "for": cls, "attr.name": title,
                               "attr.type": types[kind]})
        x.open("graph", {"id": "newsgraph", "edgedefault": "undirected"})
        for node in nodes:
            x.open("node", {"id": node["id"]})
            x.leaf("data", {"key": "name"}, node["name"])
            for title, _ in _NODE_ATTRS:
                x.leaf("data", {"key": f"n_{title}"}, str(node[title]))
            x.close("node")
        for n, edge in enumerate(edges):
            x.open("edge", {"id": f"l{n}", "source": edge["source"], "target": edge["target"]})
            for title, _ in _EDGE_ATTRS:
                x.leaf("data", {"key": f"e_{title}"}, str(edge[title]))
            x.close("edge")
        x.close("graph")
        x.close("graphml")
        x.end()
    return output


def export_neo4j(store: Database, output: Path) -> Path:
    """A folder of CSVs for ``neo4j-admin database import full`` (node files, then relationship files)."""
    conn = store._ready()
    output.mkdir(parents=True, exist_ok=True)
    countries = actor_countries(conn)
    _write_csv(output / "actors.csv", ("actorId:ID", "name", "type", "country", "documents:int", ":LABEL"),
               ((f"a{i}", n, t, countries.get(i, ""), d, f"Actor;{t}")
                for i, n, t, d in conn.execute("SELECT actor_id, name, type, n_docs FROM actors ORDER BY actor_id")))
    _write_csv(output / "documents.csv", ("docId:ID", "title", "published", "source", "url", ":LABEL"),
               ((f"d:{d}", t, p, s, u, "Document") for d, t, p, s, u in
                conn.execute("SELECT doc_id, title, published, source, url FROM documents ORDER BY rowid")))
    with (output / "events.csv").open("w", encoding="utf-8", newline="") as ef, \
            (output / "participants.csv").open("w", encoding="utf-8", newline="") as pf, \
            (output / "reported.csv").open("w", encoding="utf-8", newline="") as rf:
        events, participants, reported = csv.writer(ef), csv.writer(pf), csv.writer(rf)
        events.writerow(("eventId:ID", "type", "mode", "cameo", "date", "documents:int", ":LABEL"))
        participants.writerow((":START_ID", ":END_ID", ":TYPE"))
        reported.writerow((":START_ID", ":END_ID", ":TYPE"))
        for e in _events(conn):
            events.writerow((e["id"], e["type"], e["mode"], e["cameo"], e["date"], len(e["documents"]), "Event"))
            participants.writerows((f"a{i}", e["id"], f"{side.upper()}_OF") for side in ("source", "target")
                                   for i in e[f"{side}_ids"])
            reported.writerows((e["id"], f"d:{d}", "REPORTED_IN") for d in e["documents"])
        reported.writerows((f"q:{d}:{q}", f"d:{d}", "REPORTED_IN")
                           for d, q in conn.execute("SELECT doc_id, qid FROM quotes ORDER BY doc_id, qid"))
    _write_csv(output / "quotes.csv", ("quoteId:ID", "text", "direct:boolean", ":LABEL"),
               ((f"q:{d}:{q}", t, "true" if di else "false", "Quote")
                for d, q, t, di in conn.execute("SELECT doc_id, qid, text, direct FROM quotes ORDER BY doc_id, qid")))
    _write_csv(output / "links.csv", (":START_ID", ":END_ID", ":TYPE", "kind", "documents:int"),
               ((f"a{a}", f"a{b}", "LINKED", k, n) for a, b, k, n in conn.execute(
                   "SELECT a, b, kind, COUNT(DISTINCT doc_id) FROM edges GROUP BY a, b, kind ORDER BY a, b, kind")))
    _write_csv(output / "said.csv", (":START_ID", ":END_ID", ":TYPE"),
               ((f"a{a}", f"q:{d}:{q}", "SAID") for a, d, q in conn.execute(
                   "SELECT m.actor_id, q.doc_id, q.qid FROM quotes q "
                   "JOIN actor_entities m ON m.doc_id = q.doc_id AND m.eid = q.speaker_eid ORDER BY q.doc_id, q.qid")))
    _write_csv(output / "mentioned.csv", (":START_ID", ":END_ID", ":TYPE"),
               ((f"a{a}", f"d:{d}", "MENTIONED_IN") for a, d in conn.execute(
                   "SELECT DISTINCT actor_id, doc_id FROM actor_entities ORDER BY actor_id, doc_id")))
    return output


def _write_csv(path: Path, header: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        out.writerows(rows)


def export_geojson(store: Database, output: Path) -> Path:
    """GeoJSON: a point feature per merged event whose place is located, with its type, date and parties."""
    with output.open("w", encoding="utf-8") as f:
        f.write('{"type": "FeatureCollection", "features": [')
        first = True
        for e in _events(store._ready()):
            geo = e["geo"]
            if geo is None:
                continue
            feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [geo["lon"], geo["lat"]]},
                       "properties": {"id": e["id"], "event": e["type"], "mode": e["mode"], "date": e["date"],
                                      "source": e["source"], "target": e["target"], "location": e["location"],
                                      "place": geo["name"], "country": geo["country"], "geonameid": geo["geonameid"],
                                      "location_source": e["location_source"], "documents": e["documents"]}}
            f.write(("" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
            first = False
        f.write("]}\n")
    return output


_PLACED_BY = {"clause": 0, "dateline": 1, "article": 2}


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
