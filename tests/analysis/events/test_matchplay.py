"""Contest words in a match report (``matchplay.py``, session 4 round 2): an article with two or more
scorelines tells a game, and its "beat", "crushed", "battle" are play, not force; real violence at a match
stays. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.analysis.events.matchplay import match_report
from newsgraph.model import Analysis

Run = Callable[..., Analysis]

_REPORT = "Lena Hart won the final 6-2 6-4 in Perth. "  # two scorelines: a match report


def _force(a: Analysis) -> set[str]:
    return {v.trigger.text.lower() for v in a.events if v.type in ("ASSAULT", "COERCE")}


def test_two_scorelines_make_a_match_report() -> None:
    assert match_report("Hart won 6-2 6-4.")
    assert match_report("Rovers beat the Town 3-1, after a 2-2 draw in March.")
    assert not match_report("Rovers beat the Town 3-1 on Saturday.")
    assert not match_report("Sales rose 2.5-3.1% in 2003-04 and 2004-05; 20-30 years ago.")


def test_a_win_in_a_match_report_is_no_assault(run_analysis: Run) -> None:
    a = run_analysis(_REPORT + "Earlier, Ivo Marek beat Tomas Lind and Pia Sund crushed Ana Roth in the semi-finals.")
    assert not _force(a)
    b = run_analysis(_REPORT + "Lind came through a five-set battle with Marek to reach the final.")
    assert not _force(b)
    # the same words in an article with no scoreline: the lexicon's sense stands
    c = run_analysis("Pia Sund crushed Ana Roth in the semi-finals in Perth.")
    assert _force(c)


def test_violence_at_a_match_stays_force(run_analysis: Run) -> None:
    a = run_analysis(_REPORT + "After the final, supporters attacked the visiting team's bus outside the stadium.")
    assert _force(a)
    b = run_analysis(_REPORT + "Police said a gunman attacked the stadium gates before the match.")
    assert _force(b)
    c = run_analysis(_REPORT + "Rival fans clashed with riot police near the ground, and 12 men were arrested.")
    assert {v.type for v in c.events} & {"ASSAULT", "COERCE", "PROTEST"}
    d = run_analysis(_REPORT + "Fans beat up a steward in the car park after the final.")
    assert _force(d)
    e = run_analysis(_REPORT + "Two men stabbed a supporter outside the ground.")
    assert _force(e)
