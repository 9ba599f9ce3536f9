"""An attack in words is a criticism (``criticism.py``), a firm's deal to buy is trade (``commerce.py``);
session 4 round 2. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.model import Analysis

Run = Callable[..., Analysis]


def _types(a: Analysis) -> set[str]:
    return {v.type for v in a.events}


def test_an_attack_on_a_plan_or_for_a_failing_is_a_criticism(run_analysis: Run) -> None:
    a = run_analysis("Opposition leader Mia Holt attacked the government's plan to raise fuel taxes.")
    assert _types(a) == {"ACCUSE"}
    assert all(v.mode == "disapprove" for v in a.events)
    b = run_analysis("Mia Holt attacked Premier Ivo Sand for his handling of the floods.")
    assert _types(b) == {"ACCUSE"}
    c = run_analysis("Former premier Ivo Sand launched a scathing attack on the central bank, calling its chiefs "
                     "reckless.")
    assert "ACCUSE" in _types(c) and "ASSAULT" not in _types(c)
    d = run_analysis("The senator attacked the budget as unfair to farmers.")
    assert _types(d) == {"ACCUSE"}


def test_an_attack_with_force_stays_an_assault(run_analysis: Run) -> None:
    a = run_analysis("Rebels attacked an army convoy near Gao on Monday.")
    assert "ASSAULT" in _types(a)
    b = run_analysis("Gunmen attacked a police station in Kano.")
    assert "ASSAULT" in _types(b)
    c = run_analysis("The rebels attacked army positions near the town of Kamanyola with mortars before dawn.")
    assert "ASSAULT" in _types(c) and "ACCUSE" not in _types(c)  # troops' positions, not a stance


def test_a_firms_deal_to_buy_is_trade(run_analysis: Run) -> None:
    a = run_analysis("Lenovo signed a deal to buy the PC division of Globex last year.")
    assert not a.events
    b = run_analysis("Swiss cement firm Holcim has bid $800m to buy two Indian cement firms.")
    assert not a.events and not b.events
    c = run_analysis("Billionaire Roman Petrov bought the club in 2003.")
    assert not c.events


def test_a_states_deal_or_arms_purchase_stays(run_analysis: Run) -> None:
    a = run_analysis("The government of Peru signed a deal to buy a stake in the port.")
    assert a.events
    b = run_analysis("Iran bought missiles from Russia.")
    assert b.events
    c = run_analysis("Trump and Putin have agreed to share information on North Korea.")
    assert "AGREE" in _types(c)
