"""A small varied corpus built by hand (no model): people across outlets, meetings, a network, shared surnames."""

from __future__ import annotations

import hashlib
import json
import sqlite3

from newsgraph.model import Analysis
from tests.corpus.test_store import _meeting, make_analysis, three_outlets

TABLES = ("documents", "entities", "mentions", "roles", "events", "event_args", "quotes", "timexes", "links",
          "actors", "actor_entities", "actor_forms", "actor_aliases", "actor_keys", "happenings",
          "happening_mentions", "happening_actors", "edges", "meta")


def varied_corpus() -> list[Analysis]:
    """Eleven articles: three outlets on one meeting, dated meetings, a small network, the Kremlin, quotes."""
    return [
        *three_outlets(),
        _meeting("m1", "2025-05-02", "2025-05-01"), _meeting("m2", "2025-05-01", None),
        _meeting("m3", "2025-05-09", "2025-05-08"),
        _meeting("m4", "2025-05-02", "2025-05-01", who=("Ana Ruiz", "Tomas Ruiz")),
        make_analysis("n1", "Bob Stone, Ann Lee's envoy, met Kate Moss. Ann Lee called Carl Fox.", "2025-01-01",
                      {"a": ("Ann Lee", "PERSON", ("Ann Lee",)), "b": ("Bob Stone", "PERSON", ("Bob Stone",)),
                       "k": ("Kate Moss", "PERSON", ("Kate Moss",)), "c": ("Carl Fox", "PERSON", ("Carl Fox",))},
                      roles={"b": [("Ann Lee's envoy", "a")]},
                      events=[("CONSULT", "met", ["b"], ["k"], None), ("CONSULT", "called", ["a"], ["c"], None)]),
        make_analysis("n2", "Carl Fox praised Dan Roe. Dan Roe said Kate Moss was right.", "2025-01-02",
                      {"c": ("Carl Fox", "PERSON", ("Carl Fox",)), "d": ("Dan Roe", "PERSON", ("Dan Roe",)),
                       "k": ("Kate Moss", "PERSON", ("Kate Moss",))},
                      events=[("SUPPORT", "praised", ["c"], ["d"], None)], quotes=[("Kate Moss was right", "d")]),
        make_analysis("n3", "Mr Roe met Ann Lee in Moscow. The Kremlin and Russia's army watched.", "2025-01-03",
                      {"d": ("Roe", "PERSON", ("Mr Roe",)), "a": ("Ann Lee", "PERSON", ("Ann Lee",)),
                       "m": ("Moscow", "GPE", ("Moscow",)), "k": ("Kremlin", "ORG", ("Kremlin",)),
                       "r": ("Russia", "GPE", ("Russia",))},
                      events=[("CONSULT", "met", ["d"], ["a"], "2025-01-03")]),
        make_analysis("n4", "Mr Stone said the deal was done. Carl Fox agreed.", None,
                      {"b": ("Stone", "PERSON", ("Mr Stone",)), "c": ("Carl Fox", "PERSON", ("Carl Fox",))},
                      quotes=[("the deal was done", "b")]),
    ]


def dump(conn: sqlite3.Connection) -> str:
    """Every table's rows in stored order: two stores with equal dumps hold the same bytes of data."""
    lines = []
    for table in TABLES:
        for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):
            lines.append(f"{table}\t{json.dumps(row, ensure_ascii=False)}")
    return "\n".join(lines)


def digest(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()
