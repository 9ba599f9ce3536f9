"""Round two of the TempEval-3 readings: names that are no times, anchored days and hours, quarters of a named year,
and "soon" / "later" in a past clause."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from newsgraph.analysis.parsed import Parsed
from newsgraph.analysis.time.find import timexes_of
from newsgraph.model import Analysis

PUBLISHED = date(2025, 11, 5)  # a Wednesday, in the fourth quarter


def values_of(text: str, published: date | None = PUBLISHED) -> dict[str, str | None]:
    """Each timex's text and value, for a text parsed by hand."""
    return {t.text: t.value for t in timexes_of(Parsed.build(text.split(" ")), published)}


@pytest.mark.parametrize(("text", "expected"), [
    ('He said on the show "This Week," that talks would go on .', {}),
    ("She told CBS's ''60 Minutes.'' that she would stay .", {}),
    ("Crowds gathered at the annual March for Peace downtown .", {}),
    ("The fair is an annual event in town .", {"annual": "P1Y"}),
    ('He said "this week" was hard .', {"this week": "2025-W45"}),
])
def test_a_title_or_an_event_s_name_is_no_time(text: str, expected: dict[str, str]) -> None:
    """A title in quotes or an event's name holds time words but names a work or an event (TimeML marks no
    TIMEX3 inside a name); a quoted phrase in lower case is still a time."""
    assert values_of(text) == expected


def test_the_day_before_a_named_day_is_one_date() -> None:
    """ "the day before last Tuesday's hearing" is one anchored date, the Monday."""
    found = values_of("The day before last Tuesday 's hearing , the lawyers met .")
    assert found == {"day before last Tuesday": "2025-11-03"}


@pytest.mark.parametrize(("text", "expected"), [
    ("The plane will leave at 4 in the morning on 6 November 2025 .", {"4 in the morning": "2025-11-06T04:00"}),
    ("The talks ended at ten at night on 3 November 2025 .", {"ten at night": "2025-11-03T22:00"}),
    ("The vote closes at 3 in the afternoon on 6 November 2025 .", {"3 in the afternoon": "2025-11-06T15:00"}),
])
def test_an_hour_told_by_its_part_of_the_day_is_a_clock_time(text: str, expected: dict[str, str]) -> None:
    found = values_of(text)
    assert {k: v for k, v in found.items() if k in expected} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Revenue was lower in the 1988 third quarter .", {"the 1988 third quarter": "1988-Q3"}),
    ("The sale could close as early as next year's first quarter .", {"next year's first quarter": "2026-Q1"}),
])
def test_a_quarter_of_a_named_year_is_one_timex(text: str, expected: dict[str, str]) -> None:
    assert values_of(text) == expected


def test_soon_and_later_in_a_past_clause_are_no_future_reference(run_analysis: Callable[..., Analysis]) -> None:
    """ "was soon released", "later became" order two past events; "will soon begin" looks past the writing."""
    text = ("He was taken to a hospital. He was soon released. She fled the country and later became a citizen. "
            "The firm will soon begin selling the boxes.")
    found = [(t.text, t.value) for t in run_analysis(text, published="2025-11-05").timexes]
    assert found == [("soon", "FUTURE_REF")]


def test_a_vague_stretch_later_in_a_past_clause_is_the_stretch(run_analysis: Callable[..., Analysis]) -> None:
    """ "A few days later, the firm announced": "later" orders two past events (a signal); the stretch is the
    timex (PXD), not a time after the writing."""
    found = [(t.text, t.type, t.value) for t in run_analysis("A few days later, the firm announced lower profits.",
                                                             published="2025-11-05").timexes]
    assert found == [("A few days", "DURATION", "PXD")]


def test_a_year_earlier_as_an_adjective_is_the_year_ago_period() -> None:
    """ "a year-earlier loss": the hyphened "year-earlier" is the period a year back, not a stretch "a year"."""
    found = values_of("Acme lost $ 5 million in the third quarter , compared with a year-earlier loss of $ 6 million .")
    assert found == {"the third quarter": "2025-Q3", "year-earlier": "2024-Q3"}


def test_a_one_word_answer_in_quotes_is_still_a_time(run_analysis: Callable[..., Analysis]) -> None:
    """Only a title of two words or more is taken for a name: '"Tuesday," she said' is the day."""
    found = {t.text: t.value for t in run_analysis('When did it happen? "Tuesday," she said. "This Week," the show, '
                                                   'was on.', published="2025-11-05").timexes}
    assert found == {"Tuesday": "2025-11-04"}


@pytest.mark.parametrize(("text", "expected"), [
    ("They lived in the camps for 2 1/2 years .", {"2 1/2 years": "P2.5Y"}),
    ("The hearing lasted 1 1/2 hours .", {"1 1/2 hours": "PT90M"}),
    ("It took 3½ weeks .", {"3½ weeks": "P3.5W"}),
    ("Half of 1/2 days is not a span .", {}),
])
def test_a_whole_number_and_a_half_is_one_count(text: str, expected: dict[str, str]) -> None:
    assert values_of(text) == expected
