"""The network summed per pair (``actor_pairs``), and the path search that reads it as far as it needs.

The reference for every answer is what was there before: the graph loaded whole from
``edges`` (``load_graph``) and searched whole (``find_paths``).
"""

from __future__ import annotations

import random
import sqlite3
from typing import Any

import pytest

from newsgraph import Store
from newsgraph.corpus import pairs
from newsgraph.corpus.graph import MAX_PATHS, load_graph, network, paths_between
from newsgraph.corpus.queries import actor_file
from newsgraph.corpus.schema import connect
from tests.corpus.corpus_cases import varied_corpus
from tests.corpus.test_incremental import grown, rebuilt

KINDS = ("event", "quote", "role", "context")
TYPES = ("PERSON", "ORG", "GPE", "NORP")


def _pair_rows(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    return conn.execute("SELECT a, b, kinds, documents FROM actor_pairs ORDER BY a, b").fetchall()


def random_store(seed: int, n: int = 60, links: int = 240, hubs: int = 3) -> sqlite3.Connection:
    """A store of ``n`` actors linked at random (a few hubs linked to most), with many ties of cost."""
    rnd = random.Random(seed)
    conn = connect(":memory:")
    conn.executemany("INSERT INTO actors VALUES (?,?,?,?)",
                     [(i, f"actor {i:03d}", rnd.choice(TYPES), rnd.randint(1, 9)) for i in range(1, n + 1)])
    edges = set()
    for _ in range(links):
        a = rnd.randint(1, hubs) if rnd.random() < 0.3 else rnd.randint(1, n)
        b = rnd.randint(1, n)
        if a != b:
            edges.add((a, b, rnd.choice(KINDS), None, f"d{rnd.randint(1, 40)}"))
    conn.executemany("INSERT INTO edges VALUES (?,?,?,?,?)", sorted(edges, key=str))
    pairs.rebuild(conn)
    return conn


@pytest.mark.parametrize("seed", range(12))
def test_the_path_search_reads_as_far_as_it_needs_and_answers_as_the_whole_graph(seed: int) -> None:
    conn = random_store(seed)
    whole = load_graph(conn)
    rnd = random.Random(seed)
    asked = [(rnd.randint(1, 60), rnd.randint(1, 60)) for _ in range(40)] + [(1, 2), (2, 3), (1, 60)]
    for a, b in asked:
        for limit in (1, 2, 3, MAX_PATHS):
            assert paths_between(conn, a, b, limit) == paths_between(conn, a, b, limit, graph=whole), (a, b, limit)


def test_two_actors_in_parts_of_the_graph_that_never_meet_have_no_path() -> None:
    conn = random_store(3)
    conn.executemany("INSERT INTO actors VALUES (?,?,?,?)", [(i, f"island {i}", "PERSON", 1) for i in (90, 91, 92)])
    conn.executemany("INSERT INTO edges VALUES (?,?,?,?,?)", [(90, 91, "event", None, "i1"),
                                                               (91, 92, "quote", None, "i2")])
    pairs.rebuild(conn)
    whole = load_graph(conn)
    for a, b in ((90, 1), (1, 92), (90, 92), (92, 90), (91, 30)):
        assert paths_between(conn, a, b) == paths_between(conn, a, b, graph=whole), (a, b)
    assert paths_between(conn, 90, 1) == []
    assert paths_between(conn, 90, 92) == [["island 90", "island 91", "island 92"]]


def test_pairs_counted_again_equal_pairs_counted_whole() -> None:
    conn = random_store(7)
    whole = _pair_rows(conn)
    assert whole and all(a != b for a, b, _, _ in whole)
    conn.execute("DELETE FROM actor_pairs")
    pairs.recount(conn, conn.execute("SELECT a, b FROM edges").fetchall())
    assert _pair_rows(conn) == whole
    pairs.recount(conn, [(1, 2), (2, 1), (3, 3)])  # counting a pair again changes nothing
    assert _pair_rows(conn) == whole


def test_a_pair_holds_what_its_edges_say_from_each_end() -> None:
    conn = connect(":memory:")
    conn.executemany("INSERT INTO edges VALUES (?,?,?,?,?)", [
        (1, 2, "quote", "q1", "d1"), (1, 2, "event", "MEET", "d1"), (2, 1, "event", "MEET", "d2"),
        (1, 3, "context", None, "d1")])
    pairs.rebuild(conn)
    assert _pair_rows(conn) == [(1, 2, '{"event":2,"quote":1}', 2), (1, 3, '{"context":1}', 1),
                                (2, 1, '{"event":2,"quoted":1}', 2), (3, 1, '{"context":1}', 1)]


def test_a_store_grown_article_by_article_holds_the_pairs_of_a_rebuild() -> None:
    corpus = varied_corpus()

    def named(store: Store) -> list[tuple[str, str, str, int]]:
        name = dict(store.conn.execute("SELECT actor_id, name FROM actors"))
        return sorted((name[a], name[b], k, n) for a, b, k, n in _pair_rows(store.conn))

    whole = named(rebuilt(corpus))
    assert whole
    for batch in (1, 3):
        assert named(grown(corpus, batch)) == whole


def test_network_and_connections_from_the_pairs_equal_those_from_the_edges() -> None:
    store = grown(varied_corpus())
    conn = store.conn
    whole = load_graph(conn)
    answer = network(conn)
    name = dict(conn.execute("SELECT actor_id, name FROM actors"))
    expected = sorted((name[a], name[b], len(link.documents)) for a in whole for b, link in whole[a].items() if a < b)
    assert sorted((e["source"], e["target"], e["documents"]) for e in answer["edges"]) == expected
    for actor_id in whole:
        links = actor_file(conn, actor_id, limit=None)["connections"]
        assert sorted((c["name"], c["documents"]) for c in links) == sorted(
            (name[b], len(link.documents)) for b, link in whole[actor_id].items())


def test_an_older_store_gets_its_pairs_when_opened(tmp_path: Any) -> None:
    db = tmp_path / "old.db"
    with Store(db) as store:
        for analysis in varied_corpus():
            store.add([analysis])
        expected = _pair_rows(store.conn)
        store.conn.execute("DROP TABLE actor_pairs")
        store.conn.execute("DROP INDEX documents_dated")
    with Store(db, readonly=True) as reader:  # a reader asks a writer to add them
        assert reader.path("Ann Lee", "Kate Moss") is not None
        assert _pair_rows(reader.conn) == expected
