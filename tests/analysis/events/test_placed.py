"""An event that names no one it is done to is done to the place its own words put it in (``placed.py``);
a common noun that names people is a group party (``lexicon/people_nouns.txt``). Sentences written for
these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.analysis.events.groups import party_head
from newsgraph.analysis.parsed import Parsed
from newsgraph.lexicon import words
from newsgraph.model import Analysis, Event

Run = Callable[..., Analysis]


def _names(a: Analysis, ids: tuple[str, ...]) -> list[str]:
    return [e.name for e in (a.entity(i) for i in ids) if e is not None]


def _event(a: Analysis, kind: str) -> Event:
    found = [v for v in a.events if v.type == kind]
    assert found, f"no {kind} event in {[(v.type, v.trigger.text) for v in a.events]}"
    return found[0]


@pytest.mark.parametrize(("text", "kind", "place"), [
    ("The army declared a curfew in Benin on Monday.", "COERCE", "Benin"),
    ("Rebels declared a unilateral ceasefire in Mali on Sunday.", "RETREAT", "Mali"),
])
def test_the_place_an_act_is_done_in_is_its_target(run_analysis: Run, text: str, kind: str, place: str) -> None:
    a = run_analysis(text, published="2025-05-06")
    v = _event(a, kind)
    assert _names(a, v.target) == [place] and v.location in v.target
    assert any(x.entity == v.location for x in v.actors)  # an actor record for the new party


@pytest.mark.parametrize(("text", "kind"), [
    ("Ghana and Togo signed a border pact in Accra on Monday.", "SUPPORT"),  # where two parties met
    ("The president visited Lisbon on Monday.", "CONSULT"),  # a town visited is the visit's place
    ("Police in Lusaka fired tear gas at the crowd on Monday.", "ASSAULT"),  # where a party is
])
def test_a_venue_a_town_visited_or_a_party_s_place_is_no_target(run_analysis: Run, text: str, kind: str) -> None:
    a = run_analysis(text, published="2025-05-06")
    v = _event(a, kind)
    assert v.location is not None and v.location not in v.target


def test_a_target_named_is_kept(run_analysis: Run) -> None:
    a = run_analysis("Ghana expelled two Nigerian diplomats in Accra on Monday.", published="2025-05-06")
    v = _event(a, "SANCTION")
    assert "Accra" not in _names(a, v.target) and "Nigerian diplomats" in _names(a, v.target)


def test_a_noun_that_names_people_is_a_group_party(run_analysis: Run) -> None:
    a = run_analysis("The village elders rejected the offer on Monday.", published="2025-05-06")
    assert _names(a, _event(a, "REJECT").source) == ["village elders"]
    a = run_analysis("Soldiers arrested a shepherd near the border on Monday.", published="2025-05-06")
    assert _names(a, _event(a, "COERCE").target) == ["shepherd"]


def test_people_nouns_are_common_nouns_whose_first_sense_is_a_person() -> None:
    people = words("events/people_nouns")
    assert {"elder", "shepherd", "sharpshooter", "driver", "prisoner"} <= people
    assert not {"attack", "plant", "force", "government", "einstein"} & people  # first sense no person; a name
    def parse(pos: str) -> Parsed:
        return Parsed.build(["The", "pa", "lifted", "the", "ban"], pos=["DET", pos, "VERB", "DET", "NOUN"],
                            tags=["DT", "NN", "VBD", "DT", "NN"], deps=["det", "nsubj", "ROOT", "det", "dobj"],
                            heads=[1, 2, 2, 4, 2], lemmas=["the", "pa", "lift", "the", "ban"])
    assert party_head(parse("PROPN"), 1) is None  # a proper noun is no WordNet common noun ("PA" is no father)
    assert party_head(parse("NOUN"), 1) == 1


def test_a_group_coordinated_with_a_named_party_is_a_party_too(run_analysis: Run) -> None:
    a = run_analysis("Chad and its neighbours agreed to hold joint patrols on Monday.", published="2025-05-06")
    v = _event(a, "AGREE")
    assert {"Chad", "neighbours"} <= set(_names(a, v.source + v.target))
