"""Trigger words used for no act between parties (``nonacts.py``, session 4): a statement's frame, a reporter's
question, an attempt, a scare-quoted word, a shot at nothing, a person signed, a player on loan, a wish.
Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.model import Analysis

Run = Callable[..., Analysis]


def _triggers(a: Analysis) -> set[str]:
    return {v.trigger.text.lower() for v in a.events}


def test_a_participle_that_frames_a_statement_is_no_meeting(run_analysis: Run) -> None:
    a = run_analysis("Speaking on a radio programme on Monday, Tomas Berg said the plant would stay open.")
    assert "speaking" not in _triggers(a)
    # spoken with someone named: a meeting all the same
    b = run_analysis("Speaking to Chancellor Ida Lunde, Premier Olav Sand said the two states would cooperate.")
    assert "speaking" in _triggers(b)


def test_a_reporters_question_is_no_request(run_analysis: Run) -> None:
    a = run_analysis("Asked about the dispute on Thursday, Minister Ana Vidal told reporters it was over.")
    assert "asked" not in _triggers(a)
    b = run_analysis("Minister Ana Vidal was asked why the talks had stalled.")
    assert "asked" not in _triggers(b)
    d = run_analysis("Governor Tim Rand kept asking what the mayors would do about the floods.")
    assert "asking" not in _triggers(d)
    # asked to do something: a request
    c = run_analysis("Peru asked Chile to return the disputed fishing boats.")
    assert any(v.type == "REQUEST" for v in c.events)


def test_an_attempt_is_no_request(run_analysis: Run) -> None:
    a = run_analysis("Large software firms such as Northwind have sought to grab a share of the market.")
    assert not any(v.type == "REQUEST" for v in a.events)


def test_a_shot_at_nothing_is_no_attack(run_analysis: Run) -> None:
    a = run_analysis("Exports from Kenya shot up 9% in March.")
    assert not any(v.type == "ASSAULT" for v in a.events)
    b = run_analysis("Gunmen shot two police officers in Kano on Sunday.")
    assert any(v.type == "ASSAULT" for v in b.events)
    c = run_analysis("The actor Dan Kerr, who shot to fame in a 1990 comedy, opened the festival.")
    assert not any(v.type == "ASSAULT" for v in c.events)
    # the object of a coordinated attack is aimed at too
    d = run_analysis("Soldiers shot and killed three men near Gao.")
    assert any(v.type == "ASSAULT" for v in d.events)


def test_a_scare_quoted_word_is_no_act(run_analysis: Run) -> None:
    a = run_analysis('The brand came under "attack" from rivals such as Globex in Asia.')
    assert not any(v.type == "ASSAULT" for v in a.events)


def test_a_player_signed_or_on_loan_is_no_pact_or_aid(run_analysis: Run) -> None:
    a = run_analysis("Rovers have also signed Italian striker Marco Bellini.")
    assert "signed" not in _triggers(a)
    b = run_analysis("The keeper Sam Dale is on loan from Rovers.")
    assert "loan" not in _triggers(b)


def test_a_deed_someone_hopes_for_is_hypothetical(run_analysis: Run) -> None:
    a = run_analysis('A detainee said: "I hope the government will release me and the other men."')
    released = [v for v in a.events if v.trigger.text == "release"]
    assert released and all(v.hypothetical for v in released)


def test_trials_of_no_one_are_no_accusation(run_analysis: Run) -> None:
    a = run_analysis("Field trials in Oslo and Bergen are testing the new network.")
    assert not any(v.type == "ACCUSE" for v in a.events)


def test_blame_laid_on_a_cause_accuses_no_one(run_analysis: Run) -> None:
    a = run_analysis("Globex blamed the weak sales on a cold winter and high fuel prices.")
    assert not any(v.type == "ACCUSE" for v in a.events)
    b = run_analysis("The Nigerian army blamed Boko Haram for the attack on the village.")
    assert any(v.type == "ACCUSE" for v in b.events)


def test_goods_on_sale_are_no_offer(run_analysis: Run) -> None:
    a = run_analysis("New handsets from Initech, offering web access and e-mail, are selling well.")
    assert not any(v.type == "AGREE" for v in a.events)
    b = run_analysis("Norway offered to mediate between Colombia and the rebels.")
    assert any(v.type == "AGREE" for v in b.events)


def test_a_petrarch_bare_preposition_reads_an_actor(run_analysis: Run) -> None:
    a = run_analysis("Nobody can trust his judgement when it comes to the budget decisions of the cabinet.")
    assert "comes" not in _triggers(a)
