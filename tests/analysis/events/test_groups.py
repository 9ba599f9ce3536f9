"""Parties an article names by description ("police", "protesters") as GROUP entities on the events' sides."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from newsgraph import Store
from newsgraph.model import Analysis

Run = Callable[..., Analysis]
# written for these tests
ARREST = "Police arrested Omar Haddad in Lagos on Monday. Police said he was held overnight."
DETAINED = "The Nigerian authorities detained Omar Haddad on Monday, his lawyer said."


def test_a_described_party_is_a_group_entity_on_the_event(run_analysis: Run) -> None:
    a = run_analysis(ARREST, published="2025-05-06")
    police = next(e for e in a.entities if e.type == "GROUP")
    assert police.name == "Police" and police.code == "COP"
    assert [ARREST[m.start:m.end] for m in police.mentions] == ["Police", "Police"]  # every use of its words
    arrest = next(v for v in a.events if v.type == "COERCE")
    assert arrest.source == (police.id,) and [a.entity(t).name for t in arrest.target] == ["Omar Haddad"]  # type: ignore[union-attr]
    assert [g.text for g in arrest.groups] == ["Police"]  # the groups field stays as it was
    assert any(x.entity == police.id and x.code == "COP" for x in arrest.actors)
    assert police.to_dict()["code"] == "COP" and "country" not in police.to_dict()


def test_a_group_keeps_its_country(run_analysis: Run) -> None:
    a = run_analysis(DETAINED, published="2025-05-06")
    group = next(e for e in a.entities if e.type == "GROUP")
    assert group.name == "Nigerian authorities" and group.country == "NGA" and group.code == "GOV"
    detained = next(v for v in a.events if v.type == "COERCE")
    assert group.id in detained.source and any(x.entity == group.id and x.country == "NGA" for x in detained.actors)
    assert Analysis.from_dict(json.loads(json.dumps(a.to_dict()))).entity(group.id) == group


def test_an_officeholder_the_article_names_stays_the_person(run_analysis: Run) -> None:
    a = run_analysis("Norway's prime minister has resigned. Ingrid Solheim said she would stay on until May.")
    assert not [e for e in a.entities if e.type == "GROUP"]
    quit_ = next(v for v in a.events if v.type == "RETREAT")
    assert [a.entity(s).name for s in quit_.source] == ["Ingrid Solheim"]  # type: ignore[union-attr]
    a = run_analysis("The blogger Amina Tarek was arrested in Kenya on Monday.")
    assert not [e for e in a.entities if e.type == "GROUP"]  # the noun beside a name says who she is


def test_groups_are_not_joined_across_articles_but_the_happening_is(run_analysis: Run, tmp_path: Path) -> None:
    a = run_analysis(ARREST, published="2025-05-06")
    b = run_analysis(ARREST.replace("Police said", "Officers said"), published="2025-05-06")
    a = Analysis.from_dict({**a.to_dict(), "document": {**a.document.to_dict(), "id": "outlet-a"}})
    b = Analysis.from_dict({**b.to_dict(), "document": {**b.document.to_dict(), "id": "outlet-b"}})
    store = Store()
    store.add([a, b])
    police = [x for x in store.actors() if x["type"] == "GROUP"]
    assert len(police) == 2 and all(x["documents"] == 1 for x in police)  # "police" in two articles: two actors
    arrests = [e for e in store.events() if e["type"] == "COERCE"]
    assert len(arrests) == 1 and len(set(arrests[0]["documents"])) == 2  # one happening, two tellings
    assert arrests[0]["source"] == ["Police", "Police"]  # each telling's own police, kept apart
    for fmt, name in (("plover", "ev.jsonl"), ("gdelt", "ev.csv"), ("gexf", "g.gexf"), ("graphml", "g.graphml"),
                      ("neo4j", "neo4j"), ("geojson", "ev.geojson")):
        out = store.export(fmt, tmp_path / name)
        assert out.exists(), fmt
    rows = (tmp_path / "ev.csv").read_text(encoding="utf-8").splitlines()
    assert any(",Police,,GROUP,Omar Haddad," in r for r in rows), rows
    nodes = store.network()["nodes"]
    assert not [n for n in nodes if n.get("type") == "GROUP"]  # a description is no node of the network


def test_the_one_let_to_act_is_a_target(run_analysis: Run) -> None:
    a = run_analysis("Norway refused to allow Swedish fishermen to enter its waters on Friday.")
    refusal = next(v for v in a.events if v.type == "REJECT")
    assert "Swedish fishermen" in {a.entity(t).name for t in refusal.target}  # type: ignore[union-attr]


def test_a_collective_noun_and_a_count_name_a_group(run_analysis: Run) -> None:
    a = run_analysis("Prosecutors in Oslo opened investigations against hundreds of banks on Monday.")
    probe = next(v for v in a.events if v.type == "ACCUSE")
    assert "banks" in {a.entity(t).name for t in probe.target}  # type: ignore[union-attr]


def test_words_a_group_says_are_the_groups(run_analysis: Run) -> None:
    text = ARREST + ' "He was carrying a pistol," police said.'
    a = run_analysis(text, published="2025-05-06")
    police = next(e for e in a.entities if e.type == "GROUP")
    quote = next(q for q in a.quotes if "pistol" in q.text)
    assert quote.speaker == police.id and quote.speaker_span is not None


def test_a_group_that_reports_its_own_deed_is_its_source(run_analysis: Run) -> None:
    text = "The junta said on Monday that it would free 40 prisoners."
    a = run_analysis(text, published="2025-05-06")
    junta = next(e for e in a.entities if e.type == "GROUP" and e.name.lower().endswith("junta"))
    assert any(junta.id in v.source for v in a.events)  # "it": the junta that says so


def test_a_pronoun_object_is_not_the_group_that_reports(run_analysis: Run) -> None:
    text = "Police fired tear gas to disperse them on Monday, witnesses said."
    a = run_analysis(text, published="2025-05-06")
    assert not any(e.name.lower() == "witnesses" for v in a.events for t in v.target
                   for e in [a.entity(t)] if e is not None)
