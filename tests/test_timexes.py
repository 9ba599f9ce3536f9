"""The timex layer: spans, TIMEX3 types and values against the publication date and the narrative."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsgraph.model import Analysis
from newsgraph.parsed import Parsed
from newsgraph.stages.timex_calendar import duration_value, iso_week, number_value
from newsgraph.stages.timex_normalise import RULES
from newsgraph.stages.timex_patterns import TRIGGERS, compiled_patterns
from newsgraph.stages.timexes import timexes_of

PUBLISHED = date(2025, 8, 16)  # a Saturday, ISO week 33


def values_of(text: str, published: date | None = PUBLISHED) -> dict[str, str | None]:
    """Each timex's text and value, for a text parsed by hand (no tense: the present is read)."""
    parsed = Parsed.build(text.split(" "))
    return {t.text: t.value for t in timexes_of(parsed, published)}


def analysed(run: Callable[..., Analysis], text: str, published: str | None = "2025-08-16") -> dict[str, str | None]:
    """Each timex's text and value, through the whole pipeline with the real model."""
    return {t.text: t.value for t in run(text, published=published).timexes}


# ------------------------------------------------------------------ without the model

@pytest.mark.parametrize(("text", "expected"), [
    ("It was signed on August 15, 2025 in Geneva", {"August 15, 2025": "2025-08-15"}),
    ("It was signed on 3 March 2024 in Geneva", {"3 March 2024": "2024-03-03"}),
    ("The deal of 2025-06-01 holds", {"2025-06-01": "2025-06-01"}),
    ("Ratified in November 2019 by parliament", {"November 2019": "2019-11"}),
    ("Prices rose in 2023 and", {"2023": "2023"}),
    ("The boom of the 1980s ended", {"the 1980s": "198"}),
    ("Wars of the 20th century were", {"the 20th century": "19"}),
    ("Profits fell in the third quarter of 2024 as", {"the third quarter of 2024": "2024-Q3"}),
    ("The shop opens this summer", {"this summer": "2025-SU"}),
    ("Results for fiscal 2024 were", {"fiscal 2024": "FY2024"}),
])
def test_absolute_dates_are_normalised(text: str, expected: dict[str, str]) -> None:
    assert values_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("He resigned last week", {"last week": "2025-W32"}),
    ("He resigned yesterday", {"yesterday": "2025-08-15"}),
    ("It closes next month", {"next month": "2025-09"}),
    ("Sales grew this year", {"this year": "2025"}),
    ("The ban came two weeks ago", {"two weeks ago": "2025-08-02"}),
    ("She spoke this morning", {"this morning": "2025-08-16TMO"}),
    ("Talks start tonight", {"tonight": "2025-08-16TNI"}),
])
def test_deictic_expressions_count_from_the_publication_date(text: str, expected: dict[str, str]) -> None:
    assert values_of(text) == expected


def test_a_day_before_counts_from_the_last_day_named() -> None:
    found = values_of("The summit opened on 10 June 2024 . A day before , protesters gathered .")
    assert found == {"10 June 2024": "2024-06-10", "A day before": "2024-06-09"}


@pytest.mark.parametrize(("text", "key", "value"), [
    ("Sales rose in 2019 , up from the previous year", "the previous year", "2018"),
    ("He was jailed in 2012 and freed five years later", "five years later", "2017"),
    ("Profit in the final quarter of 2024 beat the previous quarter", "the previous quarter", "2024-Q3"),
    ("They met on 3 May 2024 . The next day , they left .", "The next day", "2024-05-04"),
])
def test_narrative_expressions_count_from_what_was_named(text: str, key: str, value: str) -> None:
    assert values_of(text)[key] == value


@pytest.mark.parametrize(("text", "expected"), [
    ("It lasted more than three years", {"more than three years": "P3Y"}),
    ("A 25-year contract was", {"25-year": "P25Y"}),
    ("They waited for six hours", {"six hours": "PT6H"}),
    ("It took two and a half years", {"two and a half years": "P2.5Y"}),
    ("Over the past two decades prices", {"Over the past two decades": "P20Y"}),
    ("It ran for years", {"years": "PXY"}),
    ("Prices are reviewed every week", {"every week": "P1W"}),
    ("It produces 15 tankers a year", {"a year": "P1Y"}),
])
def test_durations_and_sets(text: str, expected: dict[str, str]) -> None:
    assert values_of(text) == expected


def test_sets_and_durations_carry_their_type() -> None:
    parsed = Parsed.build(["The", "annual", "report", "took", "three", "months"])
    assert {t.text: t.type for t in timexes_of(parsed, PUBLISHED)} == {"annual": "SET", "three months": "DURATION"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Tensions have risen recently", {"recently": "PAST_REF"}),
    ("Nothing is certain in the future", {"the future": "FUTURE_REF"}),
    ("The store is now closed", {"now": "PRESENT_REF"}),
])
def test_vague_references(text: str, expected: dict[str, str]) -> None:
    assert values_of(text) == expected


@pytest.mark.parametrize("text", [
    "May Johnson said the plan was sound",
    "The firm hired 2000 workers in total",
    "The fund paid $2025 to each",
    "Ann March wrote the report",
    "That now looks unlikely",
    "They came as soon as they could",
    "The Daily Telegraph reported it",
])
def test_names_quantities_and_discourse_words_are_not_timexes(text: str) -> None:
    assert values_of(text) == {}


def test_times_of_day_take_their_day() -> None:
    found = values_of("Markets closed at 14:30 GMT on Friday after a calm day")
    assert found["14:30 GMT on Friday"] == "2025-08-15T14:30Z"


def test_without_a_publication_date_relative_values_are_unknown() -> None:
    assert values_of("He resigned yesterday , not in 2019", published=None) == {"yesterday": None, "2019": "2019"}


def test_odd_input_never_raises() -> None:
    assert timexes_of(Parsed.build([]), PUBLISHED) == ()
    assert values_of("Born on 31 February 2024 they say") in ({}, {"31 February 2024": None})


def test_every_pattern_has_a_rule_and_trigger_words() -> None:
    names = {name for name, _ in compiled_patterns()}
    assert names == set(RULES) == set(TRIGGERS)


def test_sets_of_weekdays() -> None:
    assert values_of("The market opens every Monday and closes early on Fridays") == {
        "every Monday": "XXXX-WXX-1", "Fridays": "XXXX-WXX-5"}


def test_calendar_helpers() -> None:
    assert iso_week(date(2025, 8, 16)) == "2025-W33"
    assert number_value("twenty-five") == 25
    assert number_value("several") is None
    assert duration_value(1.5, "TH") == "PT90M"
    assert duration_value(None, "10Y") == "PXY"


# ------------------------------------------------------------------ with the model: tense and spans

def test_the_tense_decides_which_friday(run_analysis: Callable[..., Analysis]) -> None:
    assert analysed(run_analysis, "The ministers met on Tuesday in Rome.") == {"Tuesday": "2025-08-12"}
    assert analysed(run_analysis, "The ministers will meet on Tuesday in Rome.") == {"Tuesday": "2025-08-19"}


def test_the_tense_decides_which_year_a_month_is_in(run_analysis: Callable[..., Analysis]) -> None:
    assert analysed(run_analysis, "Exports fell sharply in November.") == {"November": "2024-11"}
    assert analysed(run_analysis, "The new plant will open in March.") == {"March": "2026-03"}
    assert analysed(run_analysis, "They have spoken every month since January.")["January"] == "2025-01"


def test_spans_point_into_the_text(run_analysis: Callable[..., Analysis]) -> None:
    text = ("On Friday night the two leaders met for three hours, a day after talks in Geneva. "
            "Since January, prices have risen 12% a year; the next summit is due in 2026.")
    analysis = run_analysis(text)
    assert analysis.timexes
    for t in analysis.timexes:
        assert text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
    found = {t.text: t.value for t in analysis.timexes}
    assert found["Friday night"] == "2025-08-15TNI"
    assert found["January"] == "2025-01"
    assert found["three hours"] == "PT3H"


@pytest.mark.parametrize(("text", "expected"), [
    ("Crowds stayed for a fortnight", {"a fortnight": "P2W"}),
    ("The firm is a quarter of a century old", {"a quarter of a century": "P25Y"}),
    ("Buses run three times a week", {"three times a week": "P1W"}),
    ("Inspectors call every summer", {"every summer": "XXXX-SU"}),
    ("The ferry leaves at 7.30pm daily", {"7.30pm": "2025-08-16T19:30", "daily": "P1D"}),
    ("Sales for the 2024 financial year rose", {"the 2024 financial year": "FY2024"}),
])
def test_fortnights_shares_of_units_sets_and_fiscal_years(text: str, expected: dict[str, str]) -> None:
    assert values_of(text) == expected


def test_a_part_of_the_next_day_counts_from_the_day_named() -> None:
    found = values_of("Rain fell on 2 May 2024 and the river burst its banks the next morning")
    assert found["the next morning"] == "2024-05-03TMO"


@pytest.mark.parametrize(("text", "expected"), [
    ("Shops open late on Christmas Eve", {"Christmas Eve": "2025-12-24"}),
    ("Sales of Christmas trees fell", {}),
    ("Prices were higher in the nineties", {"the nineties": "199"}),
    ("Work resumes in the new year", {"the new year": "2026"}),
    ("Staff work from home every other week", {"every other week": "P2W"}),
    ("It was fined in March 2024 . Two months later , it paid",
     {"March 2024": "2024-03", "Two months later": "2024-05"}),
    ("Last year , sales fell in December", {"Last year": "2024", "December": "2024-12"}),
    ("The rescue team spent hours searching", {"hours": "PTXH"}),
])
def test_feast_days_decade_words_and_the_narrative_month(text: str, expected: dict[str, str]) -> None:
    assert values_of(text) == expected


def test_a_named_day_inside_a_name_is_not_a_timex() -> None:
    assert values_of("The Good Friday Agreement was signed in 1998") == {"1998": "1998"}


def test_a_range_of_years_is_also_a_duration() -> None:
    found = values_of("Jets arrive from 2009 to 2011 , said the firm")
    assert found == {"2009": "2009", "2011": "2011", "from 2009 to 2011": "P2Y"}


def test_schedules_reports_and_plans_point_the_right_way(run_analysis: Callable[..., Analysis]) -> None:
    # a simple present of the body is a schedule; a day after "said" is the day of the saying
    assert analysed(run_analysis, "The rally starts on Thursday.") == {"Thursday": "2025-08-21"}
    assert analysed(run_analysis, "Leaders said on Tuesday they would resign.") == {"Tuesday": "2025-08-12"}
    assert analysed(run_analysis, "A vote is planned for Dec. 3.") == {"Dec. 3": "2025-12-03"}
    assert analysed(run_analysis, "Work will start in the spring.") == {"the spring": "2026-SP"}


FRESH = Path(__file__).resolve().parent / "data" / "timex_fresh.jsonl"


def test_the_fresh_news_set_scores_through_the_shared_scorer(score_gold: Callable[[Path], dict[str, Any]]) -> None:
    """Our own hand-written news paragraphs (tests/data/timex_fresh.jsonl), scored as evaluate.py scores them."""
    summary = score_gold(FRESH)
    for a in summary["analyses"]:
        text = a["document"]["text"]
        assert all(text[t["start"]:t["end"]] == t["text"] for t in a["timexes"])
    # measured at span F1 0.9985, value F1 0.9925 (113 documents, 333 timexes); a margin for model drift
    assert summary["timexes"]["f1"] >= 0.98
    assert summary["timex_values"]["f1"] >= 0.97
