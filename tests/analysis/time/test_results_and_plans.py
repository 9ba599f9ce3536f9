"""Results stories' quarters and years, and plans told in the past (TempEval-3 readings)."""

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
    ("In the 2024 third quarter , the company lost money", {"the 2024 third quarter": "2024-Q3"}),
    ("Sales should recover in next year's first quarter .", {"next year's first quarter": "2026-Q1"}),
    ("Net fell in the third quarter . In the 2024 period , it earned more",
     {"the third quarter": "2025-Q3", "the 2024 period": "2024-Q3"}),
    ("Net fell in the third quarter , against a profit for the corresponding period last year .",
     {"the third quarter": "2025-Q3", "the corresponding period last year": "2024-Q3"}),
])
def test_a_quarter_of_a_named_year_is_one_timex(text: str, expected: dict[str, str]) -> None:
    assert values_of(text) == expected


def test_year_ago_counts_back_from_the_time_of_writing() -> None:
    """"The year-ago results" after "the 2024 period" are 2024's, not 2023's."""
    found = values_of("It earned $ 5 million in 2024 . The year-ago results were restated .")
    assert found["The year-ago"] == "2024"


def test_a_plan_told_in_the_past_is_for_a_day_ahead(run_analysis: Callable[..., Analysis]) -> None:
    found = {t.text: t.value for t in run_analysis("The team planned to leave Nairobi on Thursday.",
                                                   published="2025-11-05").timexes}
    assert found == {"Thursday": "2025-11-06"}
    found = {t.text: t.value for t in run_analysis("The team left Nairobi on Thursday.",
                                                   published="2025-11-05").timexes}
    assert found == {"Thursday": "2025-10-30"}


def test_a_quarter_reported_within_its_own_calendar_quarter_is_this_year_s(
        run_analysis: Callable[..., Analysis]) -> None:
    """In November a company that reported fourth-quarter earnings reports a fiscal quarter just closed."""
    found = {t.text: t.value for t in run_analysis("Acme reported a 47% decline in fourth-quarter earnings.",
                                                   published="2025-11-05").timexes}
    assert found == {"fourth-quarter": "2025-Q4"}
    found = {t.text: t.value for t in run_analysis("In May, Acme reported a drop in third-quarter earnings.",
                                                   published="2025-06-05").timexes}
    assert found["third-quarter"] == "2024-Q3"


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("The boy was found on Thanksgiving Day off the coast", date(2000, 1, 7), {"Thanksgiving Day": "1999-11-25"}),
    ("The parade is on Labor Day .", date(2025, 8, 7), {"Labor Day": "2025-09-01"}),
    ("Pools open after Memorial Day .", date(2025, 4, 7), {"Memorial Day": "2025-05-26"}),
    ("A Thanksgiving dinner for all .", date(2025, 8, 7), {}),
])
def test_a_movable_feast_falls_on_its_weekday(text: str, published: date, expected: dict[str, str]) -> None:
    assert values_of(text, published) == expected
