"""The timex layer: spans, TIMEX3 types and values against the publication date and the narrative."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsgraph.analysis.parsed import Parsed
from newsgraph.analysis.time.calendar import duration_value, iso_week, number_value
from newsgraph.analysis.time.find import timexes_of
from newsgraph.analysis.time.normalise import RULES
from newsgraph.analysis.time.patterns import TRIGGERS, compiled_patterns
from newsgraph.model import Analysis
from tests.paths import DATA

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
    ("Results for fiscal 2024 were", {"fiscal 2024": "2024"}),
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
    ("Over the past two decades prices", {"the past two decades": "P20Y"}),
    ("It ran for years", {"years": "PXY"}),
    ("Prices are reviewed every week", {"every week": "P1W"}),
    ("It produces 15 tankers a year", {"a year": "P1Y"}),
])
def test_durations_and_sets(text: str, expected: dict[str, str]) -> None:
    assert values_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Shares slid from Tuesday's close", ["Tuesday"]),
    ("Just three days after the vote it fell", ["three days"]),
    ("Within two months of the launch sales doubled", ["two months"]),
    ("The plant will be rebuilt over the next five years", ["the next five years"]),
    ("It has grown over six years", ["over six years"]),
    ("Stocks rose for the third week in a row", ["the third week"]),
    ("The index recovered in only minutes", ["minutes"]),
    ("Music of the 1990's returned", ["the 1990's"]),
])
def test_spans_leave_out_what_timex3_leaves_out(text: str, expected: list[str]) -> None:
    """Focus adverbs, "within", a possessive, "over the next" and "in a row" stay outside the span."""
    parsed = Parsed.build(text.split(" "))
    found = timexes_of(parsed, PUBLISHED)
    assert [t.text for t in found] == expected
    assert all(parsed.text[t.start:t.end] == t.text for t in found)


@pytest.mark.parametrize(("text", "value"), [
    ("In today's world , firms must adapt", "PRESENT_REF"),
    ("Jobs matter to today's youth", "PRESENT_REF"),
    ("It is a good time at today's Acme .", "PRESENT_REF"),
    ("Shares rose after today's Acme event", "2025-08-16"),
    ("Today's ruling was clear", "2025-08-16"),
])
def test_generic_today_is_the_present(text: str, value: str) -> None:
    """"today's" before an era or a name standing alone means nowadays; before an event it is the day."""
    assert list(values_of(text).values()) == [value]


@pytest.mark.parametrize(("text", "expected"), [
    ("The ferry sails on May 9 , two days later than originally planned .",
     {"May 9": "2025-05-09", "two days later than originally planned": "2025-05-09"}),
    ("The bridge opens in 2027 , a year later than scheduled .",
     {"2027": "2027", "a year later than scheduled": "2027"}),
    ("The report came three weeks later than expected .", {"three weeks later than expected": "P3W"}),
])
def test_a_shift_from_plan_restates_the_date_beside_it(text: str, expected: dict[str, str]) -> None:
    """"X later than planned" beside a date is that date; alone it is the stretch of the delay."""
    assert values_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The vote is set for ten days from now", {"ten days from now": "2025-08-26"}),
    ("The board meets twice a month", {"twice a month": "P1M"}),
    ("It was sold three years previously", {"three years previously": "2022"}),
])
def test_shifts_and_rates_are_found_near_their_own_words(text: str, expected: dict[str, str]) -> None:
    """The shift and rate patterns run only near "ago", "from", "twice", "times" ...: they must still fire."""
    assert values_of(text) == expected


@pytest.mark.parametrize(("text", "value"), [
    ("Ferry crews walk out on Monday\nThe crews stopped work over pay.", "2025-08-11"),
    ("Ferry talks to resume on Monday\nThe two sides will meet again.", "2025-08-18"),
])
def test_a_headline_present_reports_a_day_gone_by(run_analysis: Callable[..., Analysis], text: str,
                                                  value: str) -> None:
    """Headlinese tells past news in the present; its infinitive still looks ahead."""
    assert analysed(run_analysis, text)["Monday"] == value


@pytest.mark.parametrize(("text", "expected"), [
    ("Grain prices had their worst week since 2019", {"week": "2025-W33", "2019": "2019"}),
    ("It was the busiest week in a decade", {"week": "2025-W33", "a decade": "P10Y"}),
    ("The week was calm", {}),
])
def test_a_ranked_week_is_the_week_of_the_news(text: str, expected: dict[str, str]) -> None:
    assert values_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Profit rose in the second quarter of 2024 . Sales for the quarter were flat .",
     {"the second quarter of 2024": "2024-Q2", "the quarter": "2024-Q2"}),
    # a results story's "the quarter" is the last one over at publication (TempEval-3)
    ("Sales for the quarter were flat .", {"the quarter": "2025-Q2"}),
    ("He said the quarter was hard .", {}),
])
def test_the_quarter_refers_back_to_a_named_quarter(text: str, expected: dict[str, str]) -> None:
    assert values_of(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Traders recalled the crash of Black Monday .", {"Black Monday": "1987-10-19"}),
    ("Since the September 11th attacks , flights fell .", {"September 11th": "2001-09-11"}),
    ("After 9/11 , flights fell .", {"9/11": "2001-09-11"}),
    ("On September 11 the board meets .", {"September 11": "2025-09-11"}),
    ("The fee was paid 9/11/2024 .", {"9/11/2024": "2024-09-11"}),
])
def test_days_known_by_a_name_carry_their_own_date(text: str, expected: dict[str, str]) -> None:
    assert values_of(text) == expected


def test_early_or_late_in_a_day_joins_its_span() -> None:
    text = "Shares rallied late in the day on August 14 , 2025"
    parsed = Parsed.build(text.split(" "))
    texts = [t.text for t in timexes_of(parsed, PUBLISHED)]
    assert "late in the day" in texts


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
    "From now on they walk",
    "They came as soon as they could",
    "The Daily Telegraph reported it",
])
def test_names_quantities_and_discourse_words_are_not_timexes(text: str) -> None:
    assert values_of(text) == {}


def test_a_year_before_as_a_whole_is_a_year() -> None:
    assert values_of("For 2024 as a whole , sales were down") == {"2024": "2024"}


def test_times_of_day_take_their_day() -> None:
    found = values_of("Markets closed at 14:30 GMT on Friday after a calm day")
    assert found["14:30 GMT on Friday"] == "2025-08-15T14:30Z"


def test_a_time_of_day_to_come_is_not_on_a_day_gone_by(run_analysis: Callable[..., Analysis]) -> None:
    """A future clause's clock time takes the last day ahead the text named, not an earlier day gone by."""
    text = ("Voters return to the polls on Sunday. The first round, held on Aug. 3, drew few voters. "
            "Polling stations will open at 7 a.m.")
    assert analysed(run_analysis, text, published="2025-08-13") == {
        "Sunday": "2025-08-17", "Aug. 3": "2025-08-03", "7 a.m.": "2025-08-17T07:00"}
    assert analysed(run_analysis, "The first round was held on Aug. 3. Polls will open at 7 a.m.",
                    published="2025-08-13")["7 a.m."] == "2025-08-13T07:00"


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
    ("Sales for the 2024 financial year rose", {"the 2024 financial year": "2024"}),
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
    # a gerund used as a noun is no verb of the day: the past verb above it is
    assert analysed(run_analysis, "Officers made 300 arrests for drunken driving from Friday through Monday.",
                    published="2025-08-20") == {"Friday": "2025-08-15", "Monday": "2025-08-18"}
    # a clock time on a weekday follows the schedule as the bare weekday does
    assert analysed(run_analysis, "The contract expires at midnight Friday.") == {
        "midnight Friday": "2025-08-22T24:00"}


FRESH = DATA / "timex_fresh.jsonl"


def test_the_fresh_news_set_scores_through_the_shared_scorer(score_gold: Callable[[Path], dict[str, Any]]) -> None:
    """Our own hand-written news paragraphs (tests/data/timex_fresh.jsonl), scored as evaluate.py scores them."""
    summary = score_gold(FRESH)
    for a in summary["analyses"]:
        text = a["document"]["text"]
        assert all(text[t["start"]:t["end"]] == t["text"] for t in a["timexes"])
    # measured at span F1 0.9985, value F1 0.9925 (113 documents, 333 timexes); a margin for model drift
    assert summary["timexes"]["f1"] >= 0.98
    assert summary["timex_values"]["f1"] >= 0.97
