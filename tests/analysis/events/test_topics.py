"""Event nouns that name a subject of talk, not a happening told (``topics.py``, session 4 round 3), and a
deed only planned ("plans for a strike", ``mood.py``). Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.model import Analysis

Run = Callable[..., Analysis]


def _types(a: Analysis) -> set[str]:
    return {v.type for v in a.events}


def test_a_topic_of_talks_or_a_report_is_no_event(run_analysis: Run) -> None:
    a = run_analysis("Diplomats from Chad held talks with Niger on a ceasefire in the north.")
    assert "CONSULT" in _types(a)
    assert not any(v.trigger.text.lower() == "ceasefire" for v in a.events)
    b = run_analysis("The government of Ghana published a report on the protests in Accra.")
    assert "PROTEST" not in _types(b)


def test_a_thing_feared_or_discussed_is_no_event(run_analysis: Run) -> None:
    a = run_analysis("Fears of a war between Armenia and Azerbaijan grew on Monday.")
    assert "ASSAULT" not in _types(a) and "FIGHT" not in _types(a)
    b = run_analysis("Ministers of Peru and Chile discussed the attack on the embassy in Lima.")
    assert "ASSAULT" not in _types(b)


def test_a_standing_agreement_is_no_event(run_analysis: Run) -> None:
    a = run_analysis("Existing agreements between Kenya and Uganda were reviewed by the court.")
    assert "AGREE" not in _types(a)


def test_a_deed_done_stays_an_event(run_analysis: Run) -> None:
    a = run_analysis("Rebels launched an attack on an army base in Goma on Sunday.")
    assert "ASSAULT" in _types(a)
    b = run_analysis("Police arrested 20 protesters in Paris on Friday.")
    assert "COERCE" in _types(b)


def test_a_planned_strike_is_a_threat_not_a_strike(run_analysis: Run) -> None:
    a = run_analysis("Teachers' unions in Lagos announced plans for a strike against the state government.")
    assert "PROTEST" not in _types(a)
