"""The events layer: PLOVER types, actors, mood, date and place, on sentences written for these tests."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.model import Analysis, Event
from newsgraph.stages.event_lexicon import PLOVER_TYPES, cameo_root, senses

Run = Callable[..., Analysis]


def _names(a: Analysis, ids: tuple[str, ...]) -> set[str]:
    out = set()
    for i in ids:
        e = a.entity(i)
        if e is not None:
            out.add(e.name)
    return out


def _only(a: Analysis, kind: str) -> Event:
    found = [v for v in a.events if v.type == kind]
    assert found, f"no {kind} event in {[(v.type, v.trigger.text) for v in a.events]}"
    return found[0]


# ---------------------------------------------------------------- the lexicon


def test_every_trigger_sense_is_a_plover_category_or_a_marker() -> None:
    for rows in senses().values():
        for s in rows:
            assert s.type in (*PLOVER_TYPES, "-", "intent"), s


def test_cameo_roots_come_from_one_table() -> None:
    assert cameo_root("CONSULT", "phone") == "04"
    assert cameo_root("ASSAULT", None) == "18"
    assert cameo_root("ACCUSE", "investigate") == "09"


# ---------------------------------------------------------------- constructions


def test_verb_trigger_with_compound_subject_and_reciprocity(run_analysis: Run) -> None:
    a = run_analysis("Ministers from France, Germany and Italy met in Brussels on Tuesday.")
    v = _only(a, "CONSULT")
    assert {"France", "Germany", "Italy"} <= _names(a, v.source)
    assert v.target == ()
    assert a.entity(v.location) is not None and a.entity(v.location).name == "Brussels"  # type: ignore[union-attr]


def test_nominal_trigger_takes_actors_through_its_verb(run_analysis: Run) -> None:
    a = run_analysis("Kenya held talks with Tanzania about the border.")
    v = _only(a, "CONSULT")
    assert {"Kenya", "Tanzania"} <= _names(a, v.source)
    assert v.trigger.text == "talks"


def test_phone_call_is_consult_phone(run_analysis: Run) -> None:
    a = run_analysis("Olaf Scholz made a phone call to Volodymyr Zelensky on Monday.")
    v = _only(a, "CONSULT")
    assert v.mode == "phone"
    assert {"Olaf Scholz", "Volodymyr Zelensky"} <= _names(a, v.source + v.target)


def test_meeting_and_call_put_every_party_in_source(run_analysis: Run) -> None:
    a = run_analysis("Sergei Lavrov met Recep Tayyip Erdogan in Ankara. "
                     "Macron and Scholz spoke on the phone on Friday.")
    met, spoke = a.events
    assert {"Sergei Lavrov", "Recep Tayyip Erdogan"} <= _names(a, met.source) and met.target == ()
    assert spoke.mode == "phone" and {"Macron", "Scholz"} <= _names(a, spoke.source)
    assert spoke.date is not None and spoke.date.value == "2025-08-15"


def test_promise_to_meet_is_directed(run_analysis: Run) -> None:
    a = run_analysis("The rebels said they would meet the UN envoy Ian Martin next week.")
    v = _only(a, "AGREE")
    assert "Ian Martin" in _names(a, v.target)


def test_passive_voice_puts_the_subject_on_the_target_side(run_analysis: Run) -> None:
    a = run_analysis("The opposition leader Ivan Petrov has been arrested by Belarusian police.")
    v = _only(a, "COERCE")
    assert "Ivan Petrov" in _names(a, v.target)
    assert v.source and all(x not in v.target for x in v.source)


def test_negation_of_a_nominal_event(run_analysis: Run) -> None:
    a = run_analysis("Serbia and Kosovo held another round of negotiations. There was no agreement on Sunday.")
    v = _only(a, "AGREE")
    assert v.negated
    assert v.date is not None and v.date.value == "2025-08-10"


def test_refusal_of_a_promise_is_reject(run_analysis: Run) -> None:
    a = run_analysis("Hungary said it will not accept any more migrants from Serbia.")
    v = _only(a, "REJECT")
    assert not v.negated
    assert "Hungary" in _names(a, v.source)


def test_future_aid_is_a_promise_and_future_force_a_threat(run_analysis: Run) -> None:
    a = run_analysis("Norway will send food aid to Sudan.")
    assert [v.type for v in a.events] == ["AGREE"]
    b = run_analysis("Turkey plans to impose sanctions on Sweden.")
    v = _only(b, "THREATEN")
    assert "Turkey" in _names(b, v.source)
    assert "Sweden" in _names(b, v.target)


def test_conditional_is_hypothetical(run_analysis: Run) -> None:
    a = run_analysis("If the truce holds, Chile could withdraw its troops from Peru.")
    assert any(v.hypothetical for v in a.events)


def test_governed_trigger_is_part_of_one_event(run_analysis: Run) -> None:
    a = run_analysis("Iran threatened to cut off gas supplies to Armenia.")
    assert [v.type for v in a.events] == ["THREATEN"]
    v = a.events[0]
    assert "Iran" in _names(a, v.source)
    assert "Armenia" in _names(a, v.target)


def test_pronoun_actor_through_the_reporting_verb(run_analysis: Run) -> None:
    a = run_analysis("Syria says it is ready to release the prisoners held in Damascus.")
    v = a.events[0]
    assert v.type == "AGREE"
    assert "Syria" in _names(a, v.source)


def test_reported_obligation_is_a_request(run_analysis: Run) -> None:
    a = run_analysis("The French president said that Iran must stop enriching uranium.")
    v = _only(a, "REQUEST")
    assert "Iran" in _names(a, v.target)


def test_attribution_by_hedge(run_analysis: Run) -> None:
    a = run_analysis("Rebels allegedly attacked a convoy near Goma, according to local officials.")
    v = _only(a, "ASSAULT")
    assert v.attribution is not None  # the quote that reports it, or the hedge word


@pytest.mark.parametrize("text, kind", [
    ("Japan and India signed a trade agreement in Tokyo.", "SUPPORT"),
    ("Greek farmers blocked the main highway to Athens.", "PROTEST"),
    ("Canada expelled two Chinese diplomats on Friday.", "SANCTION"),
    ("The army deployed troops along the border with Mali.", "MOBILIZE"),
    ("Prosecutors in Ghana accused the minister of fraud.", "ACCUSE"),
    ("Ecuador rejected the proposal from Colombia.", "REJECT"),
    ("Uganda demanded the withdrawal of Rwandan forces.", "REQUEST"),
])
def test_categories(run_analysis: Run, text: str, kind: str) -> None:
    a = run_analysis(text)
    assert kind in [v.type for v in a.events]


def test_actor_country_and_sector(run_analysis: Run) -> None:
    a = run_analysis("Russian police detained dozens of protesters in Moscow on Saturday.")
    v = _only(a, "COERCE")
    actor = next(x for x in v.actors if x.entity in v.source)
    assert actor.country == "RUS"
    assert actor.sector == "police"


def test_one_event_per_sentence_not_per_verb(run_analysis: Run) -> None:
    a = run_analysis("The mayor said on Monday that the city would build a new bridge.")
    assert a.events == ()


@pytest.mark.parametrize("text", [
    "The company met its sales targets in March.",
    "Exports declined sharply in the second half of the year.",
    "Arsenal beat Chelsea 2-1 on Saturday.",
    "Domestic demand stayed weak as inflationary pressures grew.",
    "The minister declined to comment on the report.",
])
def test_no_event_from_a_word_in_another_sense(run_analysis: Run, text: str) -> None:
    assert run_analysis(text).events == ()


def test_international_organisation_sector(run_analysis: Run) -> None:
    a = run_analysis("The European Union imposed new sanctions on Belarus on Monday.")
    v = _only(a, "SANCTION")
    assert {x.sector for x in v.actors if x.entity in v.source} == {"international"}
    assert {x.country for x in v.actors if x.entity in v.target} == {"BLR"}


def test_every_span_points_into_the_text(run_analysis: Run) -> None:
    text = ("Egypt hosted talks between Israel and Hamas on Monday. The two sides agreed to a truce, "
            "but Israeli jets struck Gaza a day later, officials said.")
    a = run_analysis(text)
    assert a.events
    for v in a.events:
        assert text[v.trigger.start:v.trigger.end] == v.trigger.text
        assert 0 <= v.evidence.start <= v.trigger.start < v.trigger.end <= v.evidence.end <= len(text)
        if v.date is not None:
            assert text[v.date.start:v.date.end] == v.date.text
        assert [x.entity for x in v.actors] == [*v.source, *v.target]
        assert v.cameo is not None


def test_odd_input_never_raises(run_analysis: Run) -> None:
    for text in ("", "   ", "((( \u201c", "met met met", "Talks."):
        run_analysis(text)


# ---------------------------------------------------------------- senses that need their arguments


@pytest.mark.parametrize("text, kind", [
    ("Chile withdrew from the regional trade pact on Monday.", "SANCTION"),  # leaving a treaty
    ("Chilean troops withdrew from the border town on Monday.", "RETREAT"),
    ("Hundreds of farmers protested outside the parliament in Lima.", "PROTEST"),
    ("The foreign ministry protested the arrest of its consul.", "ACCUSE"),
    ("The rebels freed six aid workers on Tuesday.", "RETREAT"),
    ("Estonia moved additional troops to its eastern border.", "MOBILIZE"),
    ("The army said Iran had test-fired a ballistic missile.", "MOBILIZE"),
    ("Clashes erupted between police and miners in Potosi.", "ASSAULT"),
    ("Myanmar's junta blocked access to several news websites.", "COERCE"),  # a state that blocks restricts
])
def test_sense_by_argument(run_analysis: Run, text: str, kind: str) -> None:
    a = run_analysis(text)
    assert [v.type for v in a.events] == [kind], [(v.type, v.trigger.text) for v in a.events]


@pytest.mark.parametrize("text", [
    "A cyclone killed at least nine people on the coast of Bangladesh.",
    "The studio released the trailer for the film on Friday.",
    "Economists warned that the slowdown could deepen next year.",
    "The road was blocked for hours after a truck overturned.",
])
def test_no_event_without_an_agent_or_a_party(run_analysis: Run, text: str) -> None:
    assert run_analysis(text).events == ()


def test_subject_the_parser_hung_on_an_opening_phrase(run_analysis: Run) -> None:
    a = run_analysis("After two days of talks in Lusaka, Zambia and Malawi agreed to reopen the border post.")
    v = _only(a, "AGREE")
    assert {"Zambia", "Malawi"} <= _names(a, v.source)
    assert "Lusaka" not in _names(a, (*v.source, *v.target))


def test_intent_noun_passes_its_holder(run_analysis: Run) -> None:
    a = run_analysis("Ghana has expressed its readiness to mediate between Mali and Algeria.")
    v = _only(a, "AGREE")
    assert "Ghana" in _names(a, v.source)


def test_passive_nominal_trigger_takes_the_agent(run_analysis: Run) -> None:
    a = run_analysis("New sanctions were imposed on Belarus by Canada on Friday.")
    v = _only(a, "SANCTION")
    assert _names(a, v.source) == {"Canada"} and _names(a, v.target) == {"Belarus"}


def test_no_plans_negates_the_plan(run_analysis: Run) -> None:
    a = run_analysis("Portugal has no plans to send troops to the region, the minister said.")
    assert all(v.negated for v in a.events), [(v.type, v.negated) for v in a.events]


# ---------------------------------------------------------------- the fresh evaluation set

FRESH = Path(__file__).resolve().parent / "data" / "events_fresh.jsonl"
SCORER = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "score.py"


def test_fresh_set_recall(run_analysis: Run) -> None:
    """Sentences written for this layer (all 16 categories, no-event items): the scorer's event-type recall."""
    if not SCORER.exists() or not FRESH.exists():
        pytest.skip("the shared scorer or the fresh set is absent")
    sys.path.insert(0, str(SCORER.parent))
    try:
        import score  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(SCORER.parent))
    gold = [json.loads(line) for line in FRESH.read_text(encoding="utf-8").splitlines() if line.strip()]
    analyses = []
    for doc in gold:
        out = run_analysis(doc["text"], published=doc.get("published")).to_dict()
        out["document"] = {**(out.get("document") or {}), "id": doc["id"]}
        analyses.append(out)
    summary = score.score(gold, analyses)
    assert summary["event_types"]["recall"] >= 0.95, summary["event_types"]
    assert summary["event_types"]["precision"] >= 0.93, summary["event_types"]
    assert summary["events"]["recall"] >= 0.93, summary["events"]
