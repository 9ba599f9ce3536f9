"""Incremental resolution: a store grown article by article against one resolved whole (``resolve --all``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

import pytest

from newsgraph import Store
from newsgraph.corpus.schema import RESOLVER_VERSION
from newsgraph.model import Analysis
from tests.corpus.corpus_cases import varied_corpus
from tests.corpus.test_store import make_analysis


def canonical(conn: sqlite3.Connection) -> dict[str, Any]:
    """The resolution's content, whatever ids it gave: actors as their entities, happenings as their mentions."""
    name = dict(conn.execute("SELECT actor_id, name FROM actors"))
    members: dict[int, set[str]] = {}
    for d, e, a in conn.execute("SELECT doc_id, eid, actor_id FROM actor_entities"):
        members.setdefault(a, set()).add(f"{d}:{e}")
    actors = {(n, t, docs, frozenset(members[i])) for i, n, t, docs in
              conn.execute("SELECT actor_id, name, type, n_docs FROM actors")}
    mentions: dict[int, set[str]] = {}
    for d, v, e in conn.execute("SELECT doc_id, vid, event_id FROM happening_mentions"):
        mentions.setdefault(e, set()).add(f"{d}:{v}")
    sides: dict[int, set[tuple[str, str]]] = {}
    for e, a, side in conn.execute("SELECT event_id, actor_id, side FROM happening_actors"):
        sides.setdefault(e, set()).add((name[a], side))
    happenings = {(t, date, n, frozenset(mentions[e]), frozenset(sides.get(e, ())))
                  for e, t, date, n in conn.execute("SELECT event_id, type, date, n_docs FROM happenings")}
    edges = sorted((name[a], name[b], kind, ref or "", d)
                   for a, b, kind, ref, d in conn.execute("SELECT a, b, kind, ref, doc_id FROM edges"))
    aliases = {(name[a], alias, key, n) for a, alias, key, n in
               conn.execute("SELECT actor_id, alias, key, n FROM actor_aliases")}
    pairs = sorted((name[a], name[b], kinds, n)
                   for a, b, kinds, n in conn.execute("SELECT a, b, kinds, documents FROM actor_pairs"))
    return {"actors": actors, "happenings": happenings, "edges": edges, "aliases": aliases, "pairs": pairs}


def grown(analyses: Sequence[Analysis], batch: int = 1) -> Store:
    store = Store()
    for i in range(0, len(analyses), batch):
        store.add(analyses[i:i + batch])
    return store


def rebuilt(analyses: Sequence[Analysis]) -> Store:
    store = grown(analyses, batch=len(analyses))
    store.resolve()
    return store


def test_grown_article_by_article_equals_a_full_rebuild() -> None:
    corpus = varied_corpus()
    one, whole = canonical(grown(corpus).conn), canonical(rebuilt(corpus).conn)
    for part in ("actors", "happenings", "edges", "aliases", "pairs"):
        assert one[part] == whole[part], part


def test_in_any_batch_size_and_order() -> None:
    corpus = varied_corpus()
    whole = canonical(rebuilt(corpus).conn)
    for batch in (2, 3, 5):
        assert canonical(grown(corpus, batch).conn) == whole, batch
    backwards = list(reversed(corpus))
    assert canonical(grown(backwards).conn)["actors"] == canonical(rebuilt(backwards).conn)["actors"]


def test_a_full_name_arriving_later_takes_in_the_bare_surname() -> None:
    store = grown([
        make_analysis("a", "Mr Okafor spoke.", "2025-02-01", {"o": ("Okafor", "PERSON", ("Mr Okafor",))}),
        make_analysis("b", "Chidi Okafor, the minister, spoke again.", "2025-02-02",
                      {"o": ("Chidi Okafor", "PERSON", ("Chidi Okafor",))}),
    ])
    assert store.actor("Okafor")["documents"] == ["a", "b"]
    assert [a["name"] for a in store.actors(type="PERSON")] == ["Chidi Okafor"]


def test_a_new_article_can_join_two_actors_and_their_events_follow() -> None:
    corpus = [
        make_analysis("a", "The Acme Group met Ana Ruiz.", "2025-02-01",
                      {"x": ("Acme Group", "ORG", ("Acme Group",)), "r": ("Ana Ruiz", "PERSON", ("Ana Ruiz",))},
                      events=[("CONSULT", "met", ["x"], ["r"], "2025-02-01")]),
        make_analysis("b", "Acme met Tomas Ruiz.", "2025-02-01",
                      {"x": ("Acme", "ORG", ("Acme",)), "t": ("Tomas Ruiz", "PERSON", ("Tomas Ruiz",))},
                      events=[("CONSULT", "met", ["x"], ["t"], "2025-02-01")]),
        make_analysis("c", "Acme, or the Acme Group, said so.", "2025-02-02",
                      {"x": ("Acme Group", "ORG", ("Acme", "Acme Group"))}),
    ]
    store = grown(corpus)
    assert store.actor("Acme")["counts"]["documents"] == 3
    assert canonical(store.conn) == canonical(rebuilt(corpus).conn)


def test_the_store_records_its_resolver_and_rebuilds_an_older_one(tmp_path: Any) -> None:
    with Store(tmp_path / "s.db") as store:
        store.add(varied_corpus()[:3])
        meta = dict(store.conn.execute("SELECT key, value FROM meta"))
        assert meta["resolver"] == RESOLVER_VERSION and meta["resolved"] == "1"
        store.conn.execute("UPDATE meta SET value = 'old' WHERE key = 'resolver'")
        before = canonical(store.conn)
    with Store(tmp_path / "s.db") as store:
        store.add(varied_corpus()[3:4])  # an older resolver's store: this batch waits for the rebuild
        assert store.conn.execute("SELECT value FROM meta WHERE key = 'resolved'").fetchone()[0] == "0"
        assert len(store.actors()) >= len(before["actors"])  # a question rebuilds it whole first
        assert dict(store.conn.execute("SELECT key, value FROM meta"))["resolver"] == RESOLVER_VERSION
        assert canonical(store.conn) == canonical(rebuilt(varied_corpus()[:4]).conn)


def _blairs() -> list[Analysis]:
    def doc(doc_id: str, ents: dict[str, tuple[str, str, tuple[str, ...]]]) -> Analysis:
        text = " and ".join(a for _, _, aliases in ents.values() for a in aliases) + "."
        return make_analysis(doc_id, text, "2025-03-01", ents)

    return [doc("d1", {"t": ("Tony Blair", "PERSON", ("Tony Blair",)), "l": ("Labour", "ORG", ("Labour",)),
                       "g": ("Gordon Brown", "PERSON", ("Gordon Brown",))}),
            doc("d2", {"c": ("Cherie Blair", "PERSON", ("Cherie Blair",)),
                       "s": ("Law Society", "ORG", ("Law Society",))}),
            doc("d3", {"b": ("Blair", "PERSON", ("Mr Blair",)), "l": ("Labour", "ORG", ("Labour",)),
                       "g": ("Gordon Brown", "PERSON", ("Gordon Brown",))})]


def test_a_shared_surname_goes_with_its_company_incrementally_too() -> None:
    """Which of two Blairs a bare "Mr Blair" is, the company it keeps decides.

    Incrementally each judged article's company is read whole from the store. (Each
    alike-looking group of stored entities stands in with its first article only, which
    is where an incremental answer can still differ from ``resolve --all``.)
    """
    one, whole = canonical(grown(_blairs()).conn), canonical(rebuilt(_blairs()).conn)
    tony = {m for n, _, _, m in whole["actors"] if n == "Tony Blair"}
    assert tony == {frozenset({"d1:t", "d3:b"})}
    assert one == whole


def _contested() -> list[Analysis]:
    """Two Blairs and two Browns; bare "Mr Blair"/"Mr Brown" in articles keeping one's company, the other's, or none."""
    def doc(doc_id: str, *ents: tuple[str, str, str]) -> Analysis:
        specs = {f"e{i}": (name, type_, (alias,)) for i, (name, type_, alias) in enumerate(ents)}
        return make_analysis(doc_id, " and ".join(alias for _, _, alias in ents) + ".", "2025-03-01", specs)

    labour = ("Labour", "ORG", "Labour")
    treasury = ("Treasury", "ORG", "the Treasury")
    law = ("Law Society", "ORG", "Law Society")
    blair, brown = ("Blair", "PERSON", "Mr Blair"), ("Brown", "PERSON", "Mr Brown")
    return [doc("d01", ("Tony Blair", "PERSON", "Tony Blair"), labour, ("Gordon Brown", "PERSON", "Gordon Brown"),
                treasury),
            doc("d02", ("Cherie Blair", "PERSON", "Cherie Blair"), law, ("Matrix Chambers", "ORG", "Matrix")),
            doc("d03", blair, labour, ("Gordon Brown", "PERSON", "Gordon Brown"), treasury),
            doc("d04", blair, ("Scotland Yard", "ORG", "Scotland Yard")),
            doc("d05", ("James Brown", "PERSON", "James Brown"), ("Apollo", "ORG", "the Apollo"),
                ("Soul Train", "ORG", "Soul Train")),
            doc("d06", brown, labour, treasury, ("Tony Blair", "PERSON", "Tony Blair")),
            doc("d07", blair, law, ("Matrix Chambers", "ORG", "Matrix")),
            doc("d08", brown, ("Apollo", "ORG", "the Apollo"), ("Soul Train", "ORG", "Soul Train")),
            doc("d09", blair, labour, treasury),
            doc("d10", brown, ("Scotland Yard", "ORG", "Scotland Yard")),
            doc("d11", blair, ("Cherie Blair", "PERSON", "Cherie Blair"), law),
            doc("d12", brown, labour, ("Tony Blair", "PERSON", "Tony Blair"))]


def test_a_contested_surname_grown_article_by_article_equals_the_rebuild() -> None:
    """Each stored bare surname is judged again by the whole of its article, read from the store.

    The looked-up actors hold only the rows that share a key with the new article; judged on
    those, "Mr Blair" beside Labour in an older article lost its company and fell to a bare
    "Blair" actor when the next "Blair" came, unlike ``resolve --all``.
    """
    corpus = _contested()
    whole = canonical(rebuilt(corpus).conn)
    groups = {n: m for n, _, _, m in whole["actors"]}
    assert groups["Tony Blair"] == {"d01:e0", "d03:e0", "d06:e3", "d09:e0", "d12:e2"}
    assert groups["Cherie Blair"] == {"d02:e0", "d07:e0", "d11:e0", "d11:e1"}
    assert groups["Gordon Brown"] == {"d01:e2", "d03:e2", "d06:e0", "d12:e0"}
    assert groups["James Brown"] == {"d05:e0", "d08:e0"}
    for batch in (1, 2, 5):
        assert canonical(grown(corpus, batch).conn) == whole, batch


@pytest.mark.xfail(strict=True, reason="a stored bare surname's form moves as one unless its actor is split or merged")
def test_a_contested_surname_grown_in_another_order_equals_the_rebuild() -> None:
    """What is left: "Mr Brown" beside Labour (d12) and beside Scotland Yard (d10) arrive before any full
    Brown and go in as one form of a bare "Brown"; Gordon Brown's company grows later, and the form,
    judged by its first article, stays where it is, while ``resolve --all`` gives d12 to Gordon Brown.
    Judging every article of every such form at each ingest would cost in proportion to the store."""
    corpus = _contested()[::-1]
    assert canonical(grown(corpus).conn)["actors"] == canonical(rebuilt(corpus).conn)["actors"]
