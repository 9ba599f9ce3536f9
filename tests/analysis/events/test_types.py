"""Event types read from argument structure (session 3): a thing handed back, an authority's order of a
deed, an agreement finalised. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.model import Analysis

Run = Callable[..., Analysis]


def _types(a: Analysis) -> dict[str, str]:
    """Trigger text -> type, for each event."""
    return {v.trigger.text: v.type for v in a.events}


def test_a_thing_handed_back_to_someone_is_a_return(run_analysis: Run) -> None:
    a = run_analysis("Norway returned a carved wooden mask to Ghana on Tuesday.")
    assert "RETREAT" in _types(a).values()
    back = next(v for v in a.events if v.type == "RETREAT")
    assert back.mode == "return"
    # a journey is no restitution; "returned fire" stays an attack
    assert not [v for v in run_analysis("The envoy of Chile returned to Santiago on Monday.").events
                if v.type == "RETREAT"]


def test_an_order_of_a_deed_is_the_deed(run_analysis: Run) -> None:
    arrest = run_analysis("A court in Lagos ordered the arrest of the former governor Bola Adeyemi.")
    assert "COERCE" in _types(arrest).values() and "REQUEST" not in _types(arrest).values()
    inquiry = run_analysis("The Kenyan government ordered an investigation into the Mombasa port company.")
    assert "ACCUSE" in _types(inquiry).values()
    # an order given to people to act stays an order
    leave = run_analysis("Mali ordered French troops to leave the country.")
    assert "REQUEST" in _types(leave).values()


def test_an_agreement_reached_is_finalised(run_analysis: Run) -> None:
    a = run_analysis("Ghana and Togo reached an agreement on the border crossing on Friday.")
    assert "SUPPORT" in _types(a).values()
    failed = run_analysis("Ghana and Togo failed to reach an agreement on the border crossing on Friday.")
    assert "REJECT" in _types(failed).values() and "SUPPORT" not in _types(failed).values()


def test_a_pledge_of_support_is_support(run_analysis: Run) -> None:
    a = run_analysis("Brazil pledged its support for the peace plan of Angola on Monday.")
    assert "SUPPORT" in _types(a).values() and "AGREE" not in _types(a).values()
    # a promise to sign stays a promise
    sign = run_analysis("Ghana promised to sign a fisheries accord with Togo next year.")
    assert "AGREE" in _types(sign).values()


def test_an_announced_boycott_or_strike_is_a_threat(run_analysis: Run) -> None:
    a = run_analysis("The government of Ghana said it would boycott the summit in Lome.")
    assert "THREATEN" in _types(a).values() and "PROTEST" not in _types(a).values()
    held = run_analysis("Dock workers in Mombasa went on strike on Monday.")
    assert "PROTEST" in _types(held).values()


def test_a_promised_concession_is_a_concession_and_a_readiness_an_agreement(run_analysis: Run) -> None:
    promised = run_analysis("The government of Peru decided to lift the curfew in Lima next week.")
    assert "CONCEDE" in _types(promised).values() and "AGREE" not in _types(promised).values()
    ready = run_analysis("The president of Peru said he is prepared to lift the ban on the Workers Party.")
    assert "AGREE" in _types(ready).values()


def test_a_thing_handed_back_after_a_long_object_is_a_return(run_analysis: Run) -> None:
    # the parse hangs "to" on the relative clause of the object: still handed back to its owner
    a = run_analysis("Peru returned a gold mask that was stolen in 1998 from a museum in Lima to Bolivia.")
    assert "RETREAT" in _types(a).values()


def test_a_call_to_someone_is_a_phone_call(run_analysis: Run) -> None:
    a = run_analysis("Kenyan President Adeyemi Otieno called Ghanaian President Kofi Mensah to discuss the border.")
    assert _types(a).get("called") == "CONSULT"
    dated = run_analysis("Kenyan President Adeyemi Otieno called Ghanaian President Kofi Mensah on Friday.")
    assert _types(dated).get("called") == "CONSULT"  # a date's "on" is no "called on"
    # "called on X to" stays a request; "called an election" is no call
    on = run_analysis("The African Union called on Kenya to release the detainees.")
    assert "REQUEST" in _types(on).values()
    vote = run_analysis("The president of Ghana called an early election on Monday.")
    assert "CONSULT" not in _types(vote).values()


def test_an_offer_of_troops_to_help_is_an_offer_not_a_threat(run_analysis: Run) -> None:
    a = run_analysis("Ghana has offered to send troops to help the army of Mali in its fight against the rebels.")
    assert "AGREE" in _types(a).values() and "THREATEN" not in _types(a).values()
    # a promise to send troops with no one helped stays a threat
    b = run_analysis("Russia vowed to send troops to the border with Ukraine.")
    assert "THREATEN" in _types(b).values()
