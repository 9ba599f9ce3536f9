"""The corpus store: actors and events resolved across articles, and the queries, on hand-built analyses."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from newsgraph import Store
from newsgraph.corpus.resolve import EntityRow, person_key, resolve_actors, role_standing_for_person, role_title_key
from newsgraph.model import Analysis, Document, Entity, Event, Quote, Role, Span, TextSpan, Timex
from tests.paths import SHARED

EntitySpec = tuple[str, str, Sequence[str]]  # name, type, aliases (each found in the text)


def _spans(text: str, alias: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", text)]


def make_analysis(doc_id: str, text: str, published: str | None, entities: dict[str, EntitySpec],
                  roles: dict[str, list[tuple[str, str | None]]] | None = None,
                  events: Sequence[tuple[str, str, Sequence[str], Sequence[str], str | None]] = (),
                  quotes: Sequence[tuple[str, str | None]] = (), source: str | None = None,
                  url: str | None = None) -> Analysis:
    """An analysis built by hand: entities found by their aliases in ``text``, events by their trigger word.

    ``roles``: eid -> [(role text in the text, of eid)]; ``events``: (type, trigger, source eids, target
    eids, date value); ``quotes``: (quoted words, speaker eid).
    """
    ents = []
    for eid, (name, type_, aliases) in entities.items():
        mentions = sorted({s for a in aliases for s in _spans(text, a)}, key=lambda s: s.start)
        role_recs = []
        for title, of in (roles or {}).get(eid, []):
            at = text.index(title)
            role_recs.append(Role(title, at, at + len(title), of))
        ents.append(Entity(eid, name, type_, tuple(aliases), tuple(mentions), tuple(role_recs)))
    evs = []
    for n, (type_, trigger, src, tgt, day) in enumerate(events, start=1):
        at = text.index(trigger)
        sentence_start = text.rfind(".", 0, at) + 1
        sentence_end = text.find(".", at)
        sentence_end = len(text) if sentence_end < 0 else sentence_end + 1
        date = Timex(day, at, at + len(trigger), "DATE", day) if day else None
        evs.append(Event(f"v{n}", type_, TextSpan(trigger, at, at + len(trigger)),
                         Span(sentence_start, sentence_end), source=tuple(src), target=tuple(tgt), date=date))
    qs = []
    for n, (words, speaker) in enumerate(quotes, start=1):
        at = text.index(words)
        qs.append(Quote(f"q{n}", words, at, at + len(words), True, speaker))
    return Analysis(Document(doc_id, text, published, source=source, url=url), tuple(ents), tuple(evs), tuple(qs))


ZELENSKY_TEXTS = (
    ("herald", "2025-03-11", "Volodymyr Zelensky met Emmanuel Macron in Paris. Zelensky asked for missiles.",
     {"e1": ("Volodymyr Zelensky", "PERSON", ("Volodymyr Zelensky", "Zelensky")),
      "e2": ("Emmanuel Macron", "PERSON", ("Emmanuel Macron",)), "e3": ("Paris", "GPE", ("Paris",))},
     "2025-03-11"),
    ("courier", "2025-03-12", "Mr Zelensky held talks with Mr Macron, the president of France, in Paris.",
     {"e1": ("Zelensky", "PERSON", ("Mr Zelensky",)), "e2": ("Macron", "PERSON", ("Mr Macron",)),
      "e3": ("France", "GPE", ("France",)), "e4": ("Paris", "GPE", ("Paris",))},
     None),
    ("gazette", "2025-03-11", "Ukraine's president met Macron in Paris. Ukraine wants radars.",
     {"e1": ("Ukraine's president", "PERSON", ("Ukraine's president",)), "e2": ("Macron", "PERSON", ("Macron",)),
      "e3": ("Ukraine", "GPE", ("Ukraine",)), "e4": ("Paris", "GPE", ("Paris",))},
     "2025-03-11"),
)


def three_outlets() -> list[Analysis]:
    """The same meeting in three outlets, named three ways."""
    out = []
    for doc_id, published, text, ents, day in ZELENSKY_TEXTS:
        trigger = "met" if "met" in text else "talks"
        roles: dict[str, list[tuple[str, str | None]]] = {}
        if doc_id == "courier":
            roles = {"e2": [("the president of France", "e3")]}
        if doc_id == "herald":
            text += " Zelensky, the president of Ukraine, flew home."
            ents = {**ents, "e9": ("Ukraine", "GPE", ("Ukraine",))}
            roles = {"e1": [("the president of Ukraine", "e9")]}
        out.append(make_analysis(doc_id, text, published, ents, roles,
                                 events=[("CONSULT", trigger, ["e1", "e2"], [], day)],
                                 quotes=[("asked for missiles", "e1")] if doc_id == "herald" else (),
                                 url=f"https://{doc_id}.example/1"))
    return out


@pytest.fixture
def outlets() -> Store:
    store = Store()
    store.add(three_outlets())
    return store


def test_one_actor_per_person_across_outlets(outlets: Store) -> None:
    z = outlets.actor("Zelensky")
    assert z["name"] == "Volodymyr Zelensky"
    assert set(z["documents"]) == {"herald", "courier", "gazette"}
    assert {"Volodymyr Zelensky", "Zelensky", "Mr Zelensky", "Ukraine's president"} <= set(z["aliases"])
    assert [p["name"] for p in outlets.actors(type="PERSON")] == ["Emmanuel Macron", "Volodymyr Zelensky"]
    macron = outlets.actor("Mr Macron")
    assert macron["name"] == "Emmanuel Macron" and len(macron["documents"]) == 3
    assert macron["roles"][0]["of"] == "France" and macron["roles"][0]["dates"] == ["2025-03-12"]
    assert macron["roles"][0]["as"] == ["the president of France"]


def test_one_event_with_three_documents(outlets: Store) -> None:
    events = outlets.events(type="CONSULT")
    assert len(events) == 1
    assert set(events[0]["documents"]) == {"herald", "courier", "gazette"}
    assert sorted(events[0]["source"]) == ["Emmanuel Macron", "Volodymyr Zelensky"]
    assert events[0]["date"] == "2025-03-11"
    assert outlets.events(actor="Macron") == events and outlets.events(type="ASSAULT") == []


def test_actor_json_keys(outlets: Store) -> None:
    z = outlets.actor("Volodymyr Zelensky")
    assert list(z) == ["name", "type", "aliases", "roles", "documents", "events", "quotes", "connections",
                       "counts"]
    assert z["quotes"][0]["text"] == "asked for missiles"
    assert {c["name"] for c in z["connections"]} >= {"Emmanuel Macron", "Ukraine"}


def test_ingesting_twice_changes_nothing(outlets: Store) -> None:
    before = (outlets.counts(), outlets.actors())
    assert outlets.add(three_outlets()) == []
    assert (outlets.counts(), outlets.actors()) == before


def test_same_id_different_text_keeps_both() -> None:
    store = Store()
    one = make_analysis("a", "Ana Ruiz spoke.", None, {"e1": ("Ana Ruiz", "PERSON", ("Ana Ruiz",))})
    two = make_analysis("a", "Ana Ruiz spoke again.", None, {"e1": ("Ana Ruiz", "PERSON", ("Ana Ruiz",))})
    ids = store.add([one, two])
    assert ids[0] == "a" and ids[1].startswith("a~") and store.counts()["documents"] == 2


def rows(*specs: tuple[str, str, str, Sequence[str], Sequence[tuple[str, str | None]]]) -> list[EntityRow]:
    return [EntityRow(d, f"e{n}", name, t, tuple(aliases) or (name,), tuple(roles))
            for n, (d, name, t, aliases, roles) in enumerate(specs)]


def groups_of(entity_rows: list[EntityRow]) -> list[set[str]]:
    return sorted(({f"{entity_rows[i].doc_id}:{entity_rows[i].name}" for i in g}
                   for g in resolve_actors(entity_rows)), key=sorted)


def test_people_sharing_a_surname_stay_apart() -> None:
    rs = rows(("d1", "Boris Johnson", "PERSON", (), ()), ("d2", "Dustin Johnson", "PERSON", (), ()),
              ("d3", "Johnson", "PERSON", ("Mr Johnson",), ()))
    assert groups_of(rs) == [{"d1:Boris Johnson"}, {"d2:Dustin Johnson"}, {"d3:Johnson"}]


def test_a_shared_role_settles_a_shared_surname() -> None:
    rs = rows(("d1", "Boris Johnson", "PERSON", (), [("prime minister of Britain", "United Kingdom")]),
              ("d2", "Dustin Johnson", "PERSON", (), [("golfer", None)]),
              ("d3", "Johnson", "PERSON", (), [("Britain's prime minister", "Britain")]))
    assert {"d1:Boris Johnson", "d3:Johnson"} in groups_of(rs)


def test_a_bare_surname_joins_the_only_full_name() -> None:
    rs = rows(("d1", "Kirill Dmitriev", "PERSON", (), ()), ("d2", "Dmitriev", "PERSON", (), ()),
              ("d3", "Mr Dmitriev", "PERSON", (), ()), ("d4", "Dmitriev", "ORG", (), ()))
    assert {"d1:Kirill Dmitriev", "d2:Dmitriev", "d3:Mr Dmitriev"} in groups_of(rs)


def test_countries_join_by_code_and_norp_stays_apart() -> None:
    rs = rows(("d1", "US", "GPE", (), ()), ("d2", "United States", "GPE", (), ()), ("d3", "America", "LOC", (), ()),
              ("d4", "American", "NORP", (), ()))
    assert groups_of(rs) == [{"d1:US", "d2:United States", "d3:America"}, {"d4:American"}]


def test_name_and_role_keys() -> None:
    assert person_key("Mr George W. Bush") == "george bush"
    assert person_key("President Zelensky") == "zelensky"
    assert person_key("Volodymyr Zelenskyy") == person_key("Volodymyr Zelenskiy") == "volodymyr zelensky"
    assert person_key("Wang Yi") == "wang yi"
    assert role_title_key("Trump's special envoy") == "special envoy"
    assert role_title_key("head of Russia's sovereign wealth fund") == "head"
    assert role_standing_for_person("Ukraine's president") == ("president", "=UKR")
    assert role_standing_for_person("the president of France") == ("president", "=FRA")
    assert role_standing_for_person("Emmanuel Macron") is None


def _meeting(doc_id: str, published: str, day: str | None, type_: str = "CONSULT",
             who: tuple[str, str] = ("Ana Ruiz", "Pieter de Vries")) -> Analysis:
    text = f"{who[0]} met {who[1]} in Madrid. Report {doc_id}."
    ents: dict[str, EntitySpec] = {"e1": (who[0], "PERSON", (who[0],)), "e2": (who[1], "PERSON", (who[1],))}
    return make_analysis(doc_id, text, published, ents, events=[(type_, "met", ["e1"], ["e2"], day)])


def test_events_merge_only_for_the_same_happening() -> None:
    store = Store()
    store.add([_meeting("a", "2025-05-02", "2025-05-01"), _meeting("b", "2025-05-01", None),
               _meeting("c", "2025-05-09", "2025-05-08"),  # a week later: another meeting
               _meeting("d", "2025-05-02", "2025-05-01", type_="ACCUSE"),
               _meeting("e", "2025-05-02", "2025-05-01", who=("Ana Ruiz", "Tomas Ruiz"))])
    docs = sorted(sorted(e["documents"]) for e in store.events())
    assert docs == [["a", "b"], ["c"], ["d"], ["e"]]
    assert [e["date"] for e in store.timeline(since="2025-05-02")] == ["2025-05-08"]
    assert [e["date"] for e in store.timeline(actor="Tomas Ruiz", until="2025-05")] == ["2025-05-01"]


def chain_store() -> Store:
    """A small network: Ann reaches Kate through Bob (a role) and through Carl and Dan (events)."""
    store = Store()
    text1 = "Bob Stone, Ann Lee's envoy, met Kate Moss. Ann Lee called Carl Fox."
    store.add([
        make_analysis("n1", text1, "2025-01-01",
                      {"a": ("Ann Lee", "PERSON", ("Ann Lee",)), "b": ("Bob Stone", "PERSON", ("Bob Stone",)),
                       "k": ("Kate Moss", "PERSON", ("Kate Moss",)), "c": ("Carl Fox", "PERSON", ("Carl Fox",))},
                      roles={"b": [("Ann Lee's envoy", "a")]},
                      events=[("CONSULT", "met", ["b"], ["k"], None), ("CONSULT", "called", ["a"], ["c"], None)]),
        make_analysis("n2", "Carl Fox praised Dan Roe. Dan Roe said Kate Moss was right.", "2025-01-02",
                      {"c": ("Carl Fox", "PERSON", ("Carl Fox",)), "d": ("Dan Roe", "PERSON", ("Dan Roe",)),
                       "k": ("Kate Moss", "PERSON", ("Kate Moss",))},
                      events=[("SUPPORT", "praised", ["c"], ["d"], None)],
                      quotes=[("Kate Moss was right", "d")]),
    ])
    return store


def test_paths_go_through_different_go_betweens() -> None:
    paths = chain_store().path("Ann Lee", "Kate Moss")
    assert paths[:2] == [["Ann Lee", "Kate Moss"], ["Ann Lee", "Bob Stone", "Kate Moss"]]  # the direct link first
    assert ["Ann Lee", "Carl Fox", "Dan Roe", "Kate Moss"] in paths
    assert chain_store().path("Ann Lee", "Ann Lee") == []


def test_network_and_quotes() -> None:
    store = chain_store()
    near = store.network("Ann Lee", depth=1)
    assert {n["name"] for n in near["nodes"]} == {"Ann Lee", "Bob Stone", "Carl Fox", "Kate Moss"}
    assert {n["name"] for n in store.network("Ann Lee", depth=2)["nodes"]} >= {"Kate Moss", "Dan Roe"}
    kinds = {frozenset((e["source"], e["target"])): e["kinds"] for e in store.network()["edges"]}
    assert kinds[frozenset(("Ann Lee", "Bob Stone"))] == {"context": 1, "role": 1}
    assert kinds[frozenset(("Ann Lee", "Kate Moss"))] == {"context": 1}  # named in the sentence of Bob's meeting
    assert kinds[frozenset(("Dan Roe", "Kate Moss"))] == {"quote": 1}
    assert [q["speaker"] for q in store.quotes(by="Dan Roe")] == ["Dan Roe"]
    assert store.quotes(by="Ann Lee") == []


def test_stored_offsets_point_at_their_text(outlets: Store) -> None:
    conn = outlets.conn
    text = dict(conn.execute("SELECT doc_id, text FROM documents"))
    for doc_id, qtext, start, end in conn.execute('SELECT doc_id, text, start, "end" FROM quotes'):
        assert text[doc_id][start:end] == qtext
    for doc_id, trig, start, end in conn.execute("SELECT doc_id, trigger_text, trigger_start, trigger_end FROM events"):
        assert text[doc_id][start:end] == trig
    for doc_id, title, start, end in conn.execute('SELECT doc_id, title, start, "end" FROM roles'):
        assert text[doc_id][start:end] == title
    for e in outlets.events():
        for m in e["mentions"]:
            assert text[m["document"]][m["evidence"]["start"]:m["evidence"]["end"]] == m["evidence"]["text"]


def test_unknown_actor_says_so(outlets: Store) -> None:
    from newsgraph.corpus.db import UnknownActor

    with pytest.raises(UnknownActor, match="newsgraph actors"):
        outlets.actor("Nobody Atall")


def test_queries_answer_fast_on_a_few_hundred_articles() -> None:
    store = Store()
    people = [f"{first} {last}" for first in ("Ana", "Ben", "Cleo", "Dev") for last in ("Ruiz", "Okafor", "Lind")]
    batch: list[Analysis] = []
    for n in range(300):
        a, b = people[n % 12], people[(n * 5 + 1) % 12]
        if a == b:
            continue
        batch.append(_meeting(f"m{n}", f"2025-{1 + n % 12:02d}-{1 + n % 27:02d}", None, who=(a, b)))
    store.add(batch)
    store.resolve()
    start = time.perf_counter()
    answers: list[Any] = [store.actors(), store.actor("Ana Ruiz"), store.events(actor="Ben Okafor"),
                          store.timeline(since="2025-06-01"), store.network("Cleo Lind", depth=2),
                          store.path("Ana Ruiz", "Dev Lind"), store.quotes()]
    assert time.perf_counter() - start < 1.0
    assert len(answers[0]) == 12


def test_a_source_who_spoke_of_both_is_no_go_between() -> None:
    store = Store()
    store.add([make_analysis("s1", "According to Mia Berg, Ann Lee called the Kremlin via Tom Hale.", "2025-02-01",
                             {"m": ("Mia Berg", "PERSON", ("Mia Berg",)), "a": ("Ann Lee", "PERSON", ("Ann Lee",)),
                              "k": ("Kremlin", "ORG", ("Kremlin",)), "t": ("Tom Hale", "PERSON", ("Tom Hale",))},
                             quotes=[("Ann Lee called the Kremlin via Tom Hale", "m")]),
               make_analysis("s2", "Ann Lee met Olga Sand in Moscow. Russia welcomed it.", "2025-02-02",
                             {"a": ("Ann Lee", "PERSON", ("Ann Lee",)), "o": ("Olga Sand", "PERSON", ("Olga Sand",)),
                              "r": ("Russia", "GPE", ("Russia",))},
                             roles=None, events=[("CONSULT", "met", ["a"], ["o"], None),
                                                 ("SUPPORT", "welcomed", ["r"], ["o"], None)]),
               make_analysis("s3", "The Kremlin and Russia's army.", "2025-02-03",
                             {"k": ("Kremlin", "ORG", ("Kremlin",)), "r": ("Russia", "GPE", ("Russia",))})])
    paths = store.path("Ann Lee", "Kremlin")
    assert ["Ann Lee", "Olga Sand", "Russia", "Kremlin"] in paths  # the Kremlin stands for Russia's government
    assert ["Ann Lee", "Tom Hale", "Kremlin"] in paths
    assert paths.index(["Ann Lee", "Tom Hale", "Kremlin"]) < paths.index(["Ann Lee", "Mia Berg", "Kremlin"])


def test_a_shared_surname_goes_with_the_company_it_keeps() -> None:
    rs = rows(("d1", "Tony Blair", "PERSON", (), ()), ("d1", "Labour", "ORG", (), ()),
              ("d1", "Gordon Brown", "PERSON", (), ()),
              ("d2", "Cherie Blair", "PERSON", (), ()), ("d2", "Law Society", "ORG", (), ()),
              ("d3", "Blair", "PERSON", ("Mr Blair",), ()), ("d3", "Labour", "ORG", (), ()),
              ("d3", "Gordon Brown", "PERSON", (), ()),
              ("d4", "Blair", "PERSON", (), ()), ("d4", "London", "GPE", (), ()))
    groups = groups_of(rs)
    assert {"d1:Tony Blair", "d3:Blair"} in groups  # beside Labour and Gordon Brown, as Tony is
    assert {"d4:Blair"} in groups  # nothing says which: left alone
    assert {"d2:Cherie Blair"} in groups


def test_the_reference_article_connects_trump_to_the_kremlin_through_his_go_betweens(tmp_path: Path) -> None:
    """The mission's example: Trump reaches the Kremlin through Lukashenko and through Witkoff and Dmitriev."""
    seed = SHARED / "gold" / "seed" / "alaska-summit.txt"
    if not seed.exists():
        pytest.skip("the shared seed article is absent")
    with Store(tmp_path / "seed.db") as store:
        store.ingest([seed], published="2025-08-16", show_progress=False)
        paths = store.path("Trump", "Kremlin")
    assert any("Alexander Lukashenko" in p for p in paths), paths
    assert any("Steve Witkoff" in p and "Kirill Dmitriev" in p for p in paths), paths
