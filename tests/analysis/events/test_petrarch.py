"""PETRARCH-2's verb dictionary read on the dependency parse, and what an event must name: hand-built parses
for the matching, the real model for the layer's rules. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.analysis.events.actors import agent_codes
from newsgraph.analysis.events.petrarch import DEFAULT_FLAG, patterns, petrarch_sense, synsets, verbs
from newsgraph.analysis.parsed import Parsed
from newsgraph.model import Analysis

Run = Callable[..., Analysis]


def _sentence(words: list[str], pos: list[str], deps: list[str], heads: list[int], lemmas: list[str]) -> Parsed:
    return Parsed.build(words, pos=pos, deps=deps, heads=heads, lemmas=lemmas)


def test_the_converted_dictionary_is_shipped() -> None:
    assert len(verbs()) > 1000 and len(patterns()) > 200 and len(synsets()) > 10
    assert agent_codes()["police"] == "COP" and agent_codes()["activist"] == "OPP"


def test_a_verb_takes_its_own_code() -> None:
    p = _sentence(["Lagos", "condemned", "Accra"], ["PROPN", "VERB", "PROPN"], ["nsubj", "ROOT", "dobj"],
                  [1, 1, 1], ["Lagos", "condemn", "Accra"])
    sense = petrarch_sense(p, p.tokens[1])
    assert sense is not None and sense.type == "ACCUSE" and DEFAULT_FLAG in sense.flags


def test_a_pattern_on_the_object_wins_over_the_verb() -> None:
    # "Oslo imposed a curfew": the object picks the pattern (a curfew is COERCE, CAMEO 1723)
    p = _sentence(["Oslo", "imposed", "a", "curfew"], ["PROPN", "VERB", "DET", "NOUN"],
                  ["nsubj", "ROOT", "det", "dobj"], [1, 1, 3, 1], ["Oslo", "impose", "a", "curfew"])
    sense = petrarch_sense(p, p.tokens[1])
    assert sense is not None and sense.type == "COERCE" and DEFAULT_FLAG not in sense.flags


def test_a_pattern_on_a_preposition_and_its_noun() -> None:
    # "appealed for a truce": the noun is a member of the synonym set &CEASEFIRE
    p = _sentence(["Quito", "appealed", "for", "truce"], ["PROPN", "VERB", "ADP", "NOUN"],
                  ["nsubj", "ROOT", "prep", "pobj"], [1, 1, 1, 2], ["Quito", "appeal", "for", "truce"])
    sense = petrarch_sense(p, p.tokens[1])
    assert sense is not None and sense.type == "REQUEST" and DEFAULT_FLAG not in sense.flags
    alone = _sentence(["Quito", "appealed"], ["PROPN", "VERB"], ["nsubj", "ROOT"], [1, 1], ["Quito", "appeal"])
    assert petrarch_sense(alone, alone.tokens[1]) is None  # the block's code (020) is not the verb's own


def test_a_support_verb_only_by_a_pattern() -> None:
    p = _sentence(["Rome", "gave", "money"], ["PROPN", "VERB", "NOUN"], ["nsubj", "ROOT", "dobj"], [1, 1, 1],
                  ["Rome", "give", "money"])
    sense = petrarch_sense(p, p.tokens[1], patterns_only=True)
    assert sense is not None and sense.type == "AID"


def test_uncoded_verbs_get_petrarch_codes_between_parties(run_analysis: Run) -> None:
    a = run_analysis("The Canadian aid agency gave $2 million to Nigeria on Monday.")
    assert [v.type for v in a.events] == ["AID"]


def test_an_event_names_a_party(run_analysis: Run) -> None:
    a = run_analysis("Talks were suspended on Monday. The offer was rejected.")
    assert a.events == ()
    b = run_analysis("Police fired tear gas at protesters on Monday.")
    assert [v.type for v in b.events] == ["ASSAULT"]  # a group the article names is a party
    groups = {(g.text, g.side, g.code) for g in b.events[0].groups}
    assert groups == {("Police", "source", "COP"), ("protesters", "target", "OPP")}
    assert all(b.document.text[g.start:g.end] == g.text for g in b.events[0].groups)


def test_a_date_from_a_clause_about_another_happening_is_not_the_events(run_analysis: Run) -> None:
    a = run_analysis("Japan protested to China after a Chinese ship entered its waters in July.")
    v = next(v for v in a.events if v.type == "ACCUSE")
    assert v.date is None
    b = run_analysis("The envoy was killed when his plane crashed in March.")
    assert [v.date.value for v in b.events if v.date] == ["2025-03"]


def test_actors_carry_a_sector_code(run_analysis: Run) -> None:
    a = run_analysis("Kenyan police arrested the opposition leader Raila Odinga in Nairobi on Monday.")
    codes = {x.code for v in a.events for x in v.actors}
    assert "COP" in codes
