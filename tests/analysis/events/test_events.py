"""The events layer: PLOVER types, actors, mood, date and place, on sentences written for these tests."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsgraph.analysis.events.lexicon import PLOVER_TYPES, cameo_root, senses
from newsgraph.model import Analysis, Event
from tests.paths import DATA

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
    assert _names(a, v.source) == {"Kenya"} and _names(a, v.target) == {"Tanzania"}  # the partner named after
    assert v.trigger.text == "talks"


def test_phone_call_is_consult_phone(run_analysis: Run) -> None:
    a = run_analysis("Olaf Scholz made a phone call to Volodymyr Zelensky on Monday.")
    v = _only(a, "CONSULT")
    assert v.mode == "phone"
    assert {"Olaf Scholz", "Volodymyr Zelensky"} <= _names(a, v.source + v.target)


def test_meeting_splits_subject_and_partner_coordinated_parties_share_the_source(run_analysis: Run) -> None:
    a = run_analysis("Sergei Lavrov met Recep Tayyip Erdogan in Ankara. "
                     "Macron and Scholz spoke on the phone on Friday.")
    met, spoke = a.events
    assert _names(a, met.source) == {"Sergei Lavrov"} and _names(a, met.target) == {"Recep Tayyip Erdogan"}
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

FRESH = DATA / "events_fresh.jsonl"


def test_fresh_set_recall(score_gold: Callable[[Path], dict[str, Any]]) -> None:
    """Sentences written for this layer (all 16 categories, no-event items): the scorer's event-type recall."""
    summary = score_gold(FRESH)
    assert summary["event_types"]["recall"] >= 0.95, summary["event_types"]
    assert summary["event_types"]["precision"] >= 0.93, summary["event_types"]
    # 0.925 since officeholders are parties of their own: this set's gold names the country for "Qatar's emir"
    # (PETRARCH's country-and-sector convention), the layer now the described office, whose actor keeps the country
    assert summary["events"]["recall"] >= 0.92, summary["events"]


# ---------------------------------------------------------------- participants, dates and places in articles


def _party_names(a: Analysis, v: Event) -> set[str]:
    return _names(a, v.source + v.target)


def _place(a: Analysis, v: Event) -> str | None:
    e = a.entity(v.location) if v.location else None
    return e.name if e is not None else None


def _spans_hold(a: Analysis) -> None:
    text = a.document.text
    for v in a.events:
        assert text[v.trigger.start:v.trigger.end] == v.trigger.text
        assert 0 <= v.evidence.start < v.evidence.end <= len(text)
        if v.date is not None:
            assert text[v.date.start:v.date.end] == v.date.text


def test_names_in_a_persons_role_are_affiliations_not_parties(run_analysis: Run) -> None:
    a = run_analysis("Sergei Lavrov, Russia's foreign minister, spoke by phone with Wang Yi, China's top diplomat, "
                     "on Thursday. Chinese President Xi Jinping met Indian Prime Minister Narendra Modi in Tianjin.")
    spoke, met = _only(a, "CONSULT"), next(v for v in a.events if v.trigger.text == "met")
    assert _party_names(a, spoke) == {"Sergei Lavrov", "Wang Yi"}
    assert _party_names(a, met) == {"Xi Jinping", "Narendra Modi"}
    countries = {a.entity(x.entity).name: x.country for x in spoke.actors + met.actors}  # type: ignore[union-attr]
    assert countries == {"Sergei Lavrov": "RUS", "Wang Yi": "CHN", "Xi Jinping": "CHN", "Narendra Modi": "IND"}
    _spans_hold(a)


def test_role_phrase_set_beside_a_name_stands_for_the_person(run_analysis: Run) -> None:
    a = run_analysis("Iran's president, Masoud Pezeshkian, met Pakistani officials in Islamabad.")
    v = _only(a, "CONSULT")
    assert "Iran" not in _party_names(a, v) and "Masoud Pezeshkian" in _party_names(a, v)


def test_what_a_meeting_is_for_and_about_is_no_party(run_analysis: Run) -> None:
    a = run_analysis("The foreign ministers of Brazil and Argentina met in Buenos Aires to agree on trade with China.")
    v = _only(a, "CONSULT")
    # the ministers are a party the article names by description (a GROUP), their countries named ones
    assert _party_names(a, v) == {"Brazil", "Argentina", "foreign ministers"} and v.target == ()
    assert _place(a, v) == "Buenos Aires"
    a = run_analysis("Germany and France held talks on Ukraine in Paris on Monday.")
    v = _only(a, "CONSULT")
    assert _party_names(a, v) == {"Germany", "France"} and _place(a, v) == "Paris"


def test_town_in_a_party_phrase_is_where_they_met(run_analysis: Run) -> None:
    a = run_analysis("Iranian officials held talks with a European delegation in Geneva.")
    v = _only(a, "CONSULT")
    assert "Geneva" not in _party_names(a, v) and _place(a, v) == "Geneva"


def test_destination_of_a_journey_to_talks_is_the_place(run_analysis: Run) -> None:
    a = run_analysis("Erdogan flew to Berlin on Monday for talks with Olaf Scholz.")
    v = _only(a, "CONSULT")
    assert _party_names(a, v) == {"Erdogan", "Olaf Scholz"} and _place(a, v) == "Berlin"


def test_to_names_a_place_only_after_a_journey(run_analysis: Run) -> None:
    a = run_analysis("Hungary blocked military aid to Ukraine on Monday.")
    v = a.events[0]
    assert "Ukraine" in _names(a, v.target) and v.location is None


def test_who_is_given_a_meeting_is_a_party_of_it(run_analysis: Run) -> None:
    a = run_analysis("Turkey was given a meeting with the European Commission on Tuesday.")
    v = _only(a, "CONSULT")
    assert {"Turkey", "European Commission"} <= _names(a, v.source) and v.target == ()


def test_a_concession_keeps_its_own_date_place_and_names(run_analysis: Run) -> None:
    a = run_analysis("Despite attacking three villages in Sudan last year, the militia signed a ceasefire with the "
                     "army on Friday.")
    v = _only(a, "SUPPORT")
    assert v.date is not None and v.date.value == "2025-08-15"
    assert v.location is None or v.location_source == "article"  # not the other clause's place
    a = run_analysis("Despite shelling Kharkiv last week, Russia agreed to talks with Ukraine on Friday.")
    v = _only(a, "AGREE")  # a hostile deed told against the promise does not make it a threat
    assert v.date is not None and v.date.value == "2025-08-15"
    a = run_analysis("Despite invading two countries and presiding over the killing of critics, including Boris "
                     "Nemtsov, Putin visited India for the first time since 2021.")
    v = _only(a, "CONSULT")
    assert v.date is None and "Boris Nemtsov" not in _party_names(a, v)
    _spans_hold(a)


def test_start_of_a_comparison_is_no_date(run_analysis: Run) -> None:
    a = run_analysis("Ukrainian and Russian delegations met in Istanbul for the first time since 2022.")
    assert _only(a, "CONSULT").date is None


def test_date_of_a_relative_clause_stays_in_it(run_analysis: Run) -> None:
    a = run_analysis("Hungary, whose prime minister took office in 2010, vetoed the plan.")
    assert _only(a, "REJECT").date is None


def test_no_date_from_a_word_that_is_no_calendar_date(run_analysis: Run) -> None:
    a = run_analysis("Russia is now attacking Ukraine.")
    assert _only(a, "ASSAULT").date is None


def test_force_inside_a_country_targets_it(run_analysis: Run) -> None:
    a = run_analysis("Ukrainian drones struck three airbases deep inside Russia on Sunday.")
    v = _only(a, "ASSAULT")
    assert "Russia" in _names(a, v.target) and v.date is not None and v.date.value == "2025-08-10"


def test_what_is_given_comes_from_its_giver(run_analysis: Run) -> None:
    a = run_analysis("Despite repeated appeals from Washington, fighting resumed.")
    assert "Washington" in _names(a, _only(a, "REQUEST").source)
    a = run_analysis("Ukraine received military aid from Germany on Monday.")
    v = _only(a, "AID")
    assert _names(a, v.source) == {"Germany"} and _names(a, v.target) == {"Ukraine"}


def test_a_sea_or_region_is_a_place_not_a_target(run_analysis: Run) -> None:
    a = run_analysis("Iran threatened to close the Strait of Hormuz if the United States attacked its nuclear sites.")
    v = _only(a, "THREATEN")
    assert _names(a, v.target) == {"United States"} and _place(a, v) == "Strait of Hormuz"


def test_date_of_a_noun_described_elsewhere_is_not_borrowed(run_analysis: Run) -> None:
    a = run_analysis("Despite a ceasefire agreed in January and repeated appeals from Washington, fighting resumed.")
    assert _only(a, "REQUEST").date is None


def test_meeting_in_a_where_clause_is_an_event_at_its_place(run_analysis: Run) -> None:
    a = run_analysis("The trade minister, Anna Berg, spoke during a visit to Lisbon, where she met Portugal's "
                     "finance minister, Rui Costa.")
    v = next(v for v in a.events if v.trigger.text == "met")
    assert "Rui Costa" in _party_names(a, v) and _place(a, v) == "Lisbon"
    a = run_analysis("Anna Berg arrived in Lisbon on Monday, where she met Rui Costa.")
    v = _only(a, "CONSULT")
    assert _place(a, v) == "Lisbon" and v.date is not None and v.date.value == "2025-08-11"
    _spans_hold(a)


def test_a_past_told_in_a_where_clause_is_no_event(run_analysis: Run) -> None:
    a = run_analysis("Hundreds of farmers demonstrated in Lyon, where two people were killed in riots last year.")
    assert [v.type for v in a.events] == ["PROTEST"]


def test_a_town_visited_is_the_place_a_country_visited_the_host(run_analysis: Run) -> None:
    a = run_analysis("The Kenyan president is due to visit Lisbon next month.")
    v = a.events[0]
    assert v.type == "CONSULT" and v.target == () and _place(a, v) == "Lisbon"
    assert v.date is not None and v.date.value == "2025-09" and not v.hypothetical
    a = run_analysis("Olaf Scholz visited Portugal on Tuesday.")
    v = _only(a, "CONSULT")
    assert _names(a, v.target) == {"Portugal"} and _place(a, v) == "Portugal"
    a = run_analysis("Olaf Scholz will visit Lisbon next week.")
    assert all("Lisbon" not in _names(a, v.target) for v in a.events)


@pytest.mark.parametrize("text", [
    "The US Treasury added nine Iranian shipping firms to its sanctions list on Friday.",
    "Beijing placed six American drone makers on its unreliable entity list.",
    "Canada froze the assets of four Venezuelan officials.",
    "Japan tightened export controls on chipmaking tools.",
])
def test_blacklisting_and_export_curbs_are_sanctions(run_analysis: Run, text: str) -> None:
    assert _only(run_analysis(text), "SANCTION").source


def test_a_list_that_is_no_blacklist_is_no_sanction(run_analysis: Run) -> None:
    a = run_analysis("The organisers added the mayor to the list of speakers.")
    assert not any(v.type == "SANCTION" for v in a.events)


def test_the_earlier_deed_an_accusation_answers_is_its_own_event(run_analysis: Run) -> None:
    a = run_analysis("Moscow accused Britain of hostility after the British Foreign Office added eleven Russian "
                     "banks to its sanctions list on Monday.")
    assert {v.type for v in a.events} == {"ACCUSE", "SANCTION"}
    v = _only(a, "SANCTION")
    assert v.date is not None and v.date.value == "2025-08-11" and _only(a, "ACCUSE").date is None


def test_a_thing_that_breaks_a_rule_does_no_deed(run_analysis: Run) -> None:
    a = run_analysis("The ministry said the new tariffs violated the rules of the World Trade Organization.")
    assert not any(v.type == "REJECT" for v in a.events)
    a = run_analysis("Rebel fighters violated the ceasefire on Sunday.")
    assert _only(a, "REJECT")


# ---------------------------------------------------------------- the article set


ARTICLES = DATA / "events_articles.jsonl"


def test_article_set(score_gold: Callable[[Path], dict[str, Any]], shared_scorer: Any) -> None:
    """Short articles written for this layer: events with the right parties, dates and places."""
    summary = score_gold(ARTICLES)
    score, gold, analyses = shared_scorer, summary["gold"], summary["analyses"]
    assert summary["events"]["precision"] >= 0.93, summary["events"]
    assert summary["events"]["recall"] >= 0.88, summary["events"]
    assert summary["events"]["location_accuracy"] >= 0.85, summary["events"]
    named, right = _participants_named_in_gold(score, gold, analyses)
    assert right / named >= 0.85, (right, named)  # who met whom: no affiliations, places or topics


def _participants_named_in_gold(score: Any, gold: list[dict[str, Any]],
                                analyses: list[dict[str, Any]]) -> tuple[int, int]:
    """How many participants the events matching a gold event with named parties have, and how many of
    them the gold event names."""
    named = right = 0
    for doc, pred in zip(gold, analyses, strict=True):
        ents = score.entity_index(pred)
        for g in doc["events"]:
            names = [*g.get("actors", []), *g.get("source", []), *g.get("target", [])]
            if g.get("optional") or not names:
                continue
            for p in pred["events"]:
                tally: Counter[str] = Counter()
                score.score_events({"events": [g], "entities": doc.get("entities", [])},
                                   {"events": [p], "entities": pred["entities"]}, tally)
                if tally["ev_pred_ok"]:
                    wanted = score.gold_keys(names, doc.get("entities", []))
                    for i in [*p["source"], *p["target"]]:
                        if (ents.get(i) or {}).get("type") == "GROUP":
                            continue  # a party named by description: this gold names only entities
                        named += 1
                        right += bool(score.keys(ents.get(i) or {}) & wanted)
                    break
    return named, right


def test_a_deed_credited_by_thanks_is_its_own_event(run_analysis: Run) -> None:
    a = run_analysis("Anna Berg thanked Tomas Hale for releasing 16 political prisoners.")
    release = [v for v in a.events if v.type == "RETREAT"]
    assert release and [a.entity(s).name for s in release[0].source] == ["Tomas Hale"]  # type: ignore[union-attr]
    assert any(v.type == "SUPPORT" for v in a.events)


def test_a_joint_appearance_is_a_meeting(run_analysis: Run) -> None:
    a = run_analysis("Vladimir Putin smiled through his appearances with Donald Trump on Friday night.",
                     published="2025-08-16")
    meeting = [v for v in a.events if v.type == "CONSULT"]
    assert meeting and _names(a, meeting[0].source) == {"Vladimir Putin"}
    assert _names(a, meeting[0].target) == {"Donald Trump"}
    assert meeting[0].date is not None and (meeting[0].date.value or "").startswith("2025-08-15")


def test_a_meeting_of_coordinated_parties_has_them_all_as_source(run_analysis: Run) -> None:
    a = run_analysis("Kenya and Tanzania held talks on Monday.")
    v = _only(a, "CONSULT")
    assert _names(a, v.source) == {"Kenya", "Tanzania"} and v.target == ()


def test_a_text_acts_for_whoever_issued_it(run_analysis: Run) -> None:
    a = run_analysis("Amnesty International released a statement on Monday condemning Ethiopia. "
                     "Two senators from Ohio introduced a bill that would sanction Venezuela.")
    v = _only(a, "ACCUSE")
    assert _names(a, v.source) == {"Amnesty International"} and _names(a, v.target) == {"Ethiopia"}
    assert not any("Reuters" in _names(a, e.source) for e in
                   run_analysis("Reuters obtained a report accusing Ethiopia of abuses.").events)


def test_an_arrest_with_no_agent_is_done_by_the_state_where_it_happened(run_analysis: Run) -> None:
    a = run_analysis("The blogger Amina Tarek was arrested in Kenya on Monday. Two men were killed in Kenya.")
    v = _only(a, "COERCE")
    assert _names(a, v.source) == {"Kenya"} and _names(a, v.target) == {"Amina Tarek"}
    assert all(not e.source for e in a.events if e.type == "ASSAULT")  # killed by anyone: no state named
