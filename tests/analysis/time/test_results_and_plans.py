"""Results stories' quarters and movable feasts (TempEval-3 readings)."""

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
    ("Voters go to the polls on Election Day .", date(2024, 10, 31), {"Election Day": "2024-11-05"}),
    ("Crowds are expected on Easter Sunday .", date(2023, 4, 7), {"Easter Sunday": "2023-04-09"}),
    ("They went home for Easter .", date(2024, 5, 7), {"Easter": "2024-03-31"}),
    ("An Easter egg hunt for all .", date(2024, 5, 7), {}),
    ("Sales were helped by a late Thanksgiving .", date(2025, 1, 2), {"late Thanksgiving": "2024-11-28"}),
    ("Millions travel ahead of the Fourth of July holiday .", date(2023, 6, 30), {"Fourth of July": "2023-07-04"}),
])
def test_a_movable_feast_falls_on_its_weekday(text: str, published: date, expected: dict[str, str]) -> None:
    assert values_of(text, published) == expected
