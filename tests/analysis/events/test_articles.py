"""Whole-article mechanisms of the event parties: what a wire story's shape (its dateline, its descriptions of
people named elsewhere) does to who did what. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.analysis.events.parties import dateline_end
from newsgraph.model import Analysis

Run = Callable[..., Analysis]


def _names(a: Analysis, ids: tuple[str, ...]) -> list[str]:
    return [e.name for k in ids if (e := a.entity(k)) is not None]


def test_a_dateline_is_found_in_its_wire_forms() -> None:
    assert dateline_end("KAMPALA, Uganda — Police fired") == len("KAMPALA, Uganda —")
    assert dateline_end("SAN JOSE (AP) -- The court") == len("SAN JOSE (AP) --")
    assert dateline_end("Harare (Reuters) - The court") == len("Harare (Reuters) - ")
    assert dateline_end("A headline line\nOSLO — The minister") == len("A headline line\nOSLO —")
    assert dateline_end("Police in Kampala fired tear gas.") == 0
    assert dateline_end("US envoy — a veteran — said") == 0


def test_the_dateline_is_no_party_to_the_first_sentence(run_analysis: Run) -> None:
    text = ("KAMPALA, Uganda — Police fired tear gas on Monday to disperse hundreds of traders protesting "
            "against a new tax.")
    a = run_analysis(text, published="2025-07-08")
    fired = next(v for v in a.events if v.trigger.start == text.index("fired"))
    assert "KAMPALA" not in _names(a, fired.source) and "Uganda" not in _names(a, fired.source)
    assert _names(a, fired.source) == ["Police"]


def test_a_persons_supporters_are_a_group_not_the_person(run_analysis: Run) -> None:
    text = ("Joseph Okello rejected the results on Monday. Dozens of Okello's supporters protested outside "
            "the court, and police fired tear gas at hundreds of his supporters.")
    a = run_analysis(text, published="2025-07-08")
    protest = next(v for v in a.events if v.type == "PROTEST")
    assert _names(a, protest.source) == ["supporters"]
    fired = next(v for v in a.events if v.trigger.start == text.index("fired"))
    assert "Joseph Okello" not in _names(a, fired.target)


def test_a_description_that_ends_a_name_named_before_is_that_body(run_analysis: Run) -> None:
    text = ("The Zambia Electoral Commission declared the result on Monday. Two days later, the opposition "
            "leader Mary Banda accused the commission of fraud.")
    a = run_analysis(text, published="2025-07-08")
    accuse = next(v for v in a.events if v.type == "ACCUSE")
    assert _names(a, accuse.target) == ["Zambia Electoral Commission"]


def test_a_relative_pronoun_stands_for_its_noun(run_analysis: Run) -> None:
    text = "A court in Nairobi freed a Kenyan blogger who had been arrested in March for criticising the police."
    a = run_analysis(text, published="2025-07-08")
    arrest = next(v for v in a.events if v.type == "COERCE")
    assert _names(a, arrest.target) == ["Kenyan blogger"] or "Kenyan" in _names(a, arrest.target)


def test_concern_expressed_over_a_deed_is_a_disapproval(run_analysis: Run) -> None:
    a = run_analysis("The European Union expressed concern over the verdict on Tuesday.", published="2025-07-08")
    assert [(v.type, _names(a, v.source)) for v in a.events] == [("ACCUSE", ["European Union"])]
    assert not run_analysis("Analysts voiced concern that growth could slow.", published="2025-07-08").events


def test_who_speaks_of_a_happening_is_no_party_to_it(run_analysis: Run) -> None:
    a = run_analysis("The president has not commented on the protest.", published="2025-07-08")
    assert not a.events


def test_a_happening_that_ends_is_no_discontinuation(run_analysis: Run) -> None:
    text = "The last strike at the plant, in 2020, lasted eight days and ended with a pay rise."
    assert not any(v.type == "SANCTION" for v in run_analysis(text, published="2025-07-08").events)
    a = run_analysis("Russia ended its cooperation with the agency.", published="2025-07-08")
    assert [v.type for v in a.events] == ["SANCTION"]


def test_a_warning_coordinated_inside_a_report_is_the_speakers(run_analysis: Run) -> None:
    text = ("The rebel spokesman, Ali Haidar, said government troops had shelled villages, killing two "
            "civilians, and warned that the rebels would attack the capital.")
    a = run_analysis(text, published="2025-07-08")
    warned = next(v for v in a.events if v.trigger.start == text.index("warned"))
    assert _names(a, warned.source) == ["Ali Haidar"]


def test_a_when_clause_with_its_own_parties_is_its_own_happening_at_the_same_time(run_analysis: Run) -> None:
    text = "Beijing protested last year when Vietnam and the Philippines held a joint naval drill."
    a = run_analysis(text, published="2026-01-22")
    drill = next(v for v in a.events if v.type == "COOPERATE")
    assert sorted(_names(a, drill.source)) == ["Philippines", "Vietnam"]
    assert drill.date is not None and drill.date.value == "2025"


def test_a_plurals_apostrophe_inside_a_name_keeps_the_name_whole(run_analysis: Run) -> None:
    a = run_analysis("The National Teachers' Association called a strike. Stalin's Siberian camps were closed.",
                     published="2025-07-08")
    names = {e.name for e in a.entities}
    assert "National Teachers' Association" in names and "Stalin" in names


def test_a_readiness_to_return_to_talks_is_a_promise_to_meet(run_analysis: Run) -> None:
    a = run_analysis("The union is willing to return to talks at any time.", published="2025-07-08")
    assert [v.type for v in a.events] == ["AGREE"]
    a = run_analysis("The union returned to talks on Monday.", published="2025-07-08")
    assert [v.type for v in a.events] == ["CONSULT"]


def test_a_report_coordinated_after_an_act_is_a_statement_of_its_own(run_analysis: Run) -> None:
    text = "Hungary condemned the expulsion of its diplomats on Monday and said it would retaliate."
    a = run_analysis(text, published="2025-07-08")
    kinds = {v.type: _names(a, v.source) for v in a.events}
    assert kinds.get("ACCUSE") == ["Hungary"]
    assert kinds.get("THREATEN") == ["Hungary"]
