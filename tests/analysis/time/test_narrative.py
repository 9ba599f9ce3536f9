"""The narrative frame: bare dates counted from the story's last date, TimeML's readings of "ago" and "now",
results stories' quarters, and years written in words or long ago."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from newsgraph.analysis.parsed import Parsed
from newsgraph.analysis.time.calendar import Frame, number_value, story_year
from newsgraph.analysis.time.find import timexes_of
from newsgraph.model import Analysis


def values_of(text: str, published: date | None = None) -> dict[str, str | None]:
    """Each timex's text and value, for a text parsed by hand (no tense: the present is read)."""
    return {t.text: t.value for t in timexes_of(Parsed.build(text.split(" ")), published)}


def _frame(story: str | None, back: bool = False) -> Frame:
    return Frame(dct=None, tense=0, anchor_day=None, anchor_value=story, before="", after="", story=story,
                 story_back=back)


def test_the_story_counts_bare_months_forward_and_back() -> None:
    assert story_year(_frame("1914-09-29"), 10, 4) == 1914
    assert story_year(_frame("1897-10"), 2) == 1898  # "from late October until February"
    assert story_year(_frame("1897-10", back=True), 12) == 1896  # a past perfect looks back
    assert story_year(_frame("1862"), 3) == 1862  # a year alone holds its months
    assert story_year(_frame("1898-10-31"), 6, strict=True) == 1899  # "the following June"
    assert story_year(_frame(None), 6) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("The siege began on 3 September 1914 . By late September the forts fell . On 4 October they left .",
     {"3 September 1914": "1914-09-03", "late September": "1914-09", "4 October": "1914-10-04"}),
    ("They sailed on 12 June 1897 . In July the ice closed , and they waited until February .",
     {"12 June 1897": "1897-06-12", "July": "1897-07", "February": "1898-02"}),
    ("The canal opened in 1799 , and the following spring boats came . That winter it froze .",
     {"1799": "1799", "the following spring": "1800-SP", "That winter": "1800-WI"}),
    ("It was chartered in 1791 and two years later it opened ; the next year it failed .",
     {"1791": "1791", "two years later": "1793", "the next year": "1794"}),
    ("The strike began on 9 September 1968 . Talks began the following Monday .",
     {"9 September 1968": "1968-09-09", "the following Monday": "1968-09-16"}),
    ("The nave went up in the 1330s , and building stopped in 1409 , in the fourteenth century style .",
     {"the 1330s": "133", "1409": "1409", "the fourteenth century": "13"}),
    ("It is still read today", {"today": "PRESENT_REF"}),
])
def test_without_a_publication_date_the_story_frames_its_dates(text: str, expected: dict[str, str]) -> None:
    assert values_of(text) == expected


def test_a_flashback_does_not_move_the_story_on() -> None:
    got = values_of("Work began in the spring of 1791 . It had been chartered two years earlier . "
                    "In August it rained .")
    assert got["two years earlier"] == "1789"
    assert got["August"] == "1791-08"


@pytest.mark.parametrize(("text", "expected"), [
    ("Castro came to power 41 years ago", {"41 years ago": "1959"}),
    ("It ended a hundred years ago", {"a hundred years ago": "1900"}),
    ("Profit rose to $5 million in the third quarter from $4 million a year ago",
     {"the third quarter": "2000-Q3", "a year ago": "1999-Q3"}),
    ("Profit rose in the third quarter . In the year-ago quarter it fell",
     {"the third quarter": "2000-Q3", "the year-ago quarter": "1999-Q3"}),
    ("Until now the port was shut", {"now": "PRESENT_REF"}),
    ("In nineteen ninety-six he was freed", {"nineteen ninety-six": "1996"}),
])
def test_tempeval_readings(text: str, expected: dict[str, str]) -> None:
    assert values_of(text, date(2000, 10, 26)) == expected


@pytest.mark.parametrize("text", [
    "It raised its quarterly dividend",
    "Iraq imports about three-quarters of its food",
    "The tower is 1200 metres high",
])
def test_shares_adjectives_and_quantities_are_not_timexes(text: str) -> None:
    assert values_of(text, date(2000, 10, 26)) == {}


def test_hundreds_are_counted() -> None:
    assert number_value("three hundred") == 300.0
    assert number_value("a hundred") == 100.0


def test_the_story_frames_the_past_but_not_the_writers_present(run_analysis: Callable[..., Analysis]) -> None:
    got = {t.text: t.value for t in run_analysis(
        "The river rose in March 1912. The bridge fell on 18 March.\n\n"
        "The town will mark the anniversary on Sunday, and an exhibition opens next month.",
        published="2012-03-20").timexes}
    assert got["18 March"] == "1912-03-18"
    assert got["Sunday"] == "2012-03-25"
    assert got["next month"] == "2012-04"


def test_a_plan_does_not_move_the_story(run_analysis: Callable[..., Analysis]) -> None:
    got = {t.text: t.value for t in run_analysis(
        "The brig left Falmouth on 3 June 1836. She was expected to reach the Cape by the end of August. "
        "She was becalmed off the Canaries in early July.", published="2024-05-10").timexes}
    assert got["the end of August"] == "1836-08"
    assert got["early July"] == "1836-07"  # counted from June, not from the August she was expected by


def test_a_weekday_written_with_its_date_picks_the_year(run_analysis: Callable[..., Analysis]) -> None:
    got = {t.text: t.value for t in run_analysis(
        "The duke dissolved the assembly on Monday 6 October 1924, and polling was fixed for 30 October. "
        "On Sunday 26 October the Liberal leader was shouted down.", published=None).timexes}
    assert got["Sunday 26 October"] == "1924-10-26"


def test_a_clock_time_takes_the_full_date_after_it(run_analysis: Callable[..., Analysis]) -> None:
    got = {t.text: t.value for t in run_analysis(
        "The relief train left the capital at 6 a.m. on Sunday 14 August 1921. It reached Orlov the next evening. "
        "By Wednesday the first kitchens were open.", published=None).timexes}
    assert got["6 a.m."] == "1921-08-14T06:00"
    assert got["Sunday 14 August 1921"] == "1921-08-14"
    assert got["the next evening"] == "1921-08-15TEV"
    assert got["Wednesday"] == "1921-08-17"


def test_the_time_a_perfect_is_reckoned_from_is_no_flashback(run_analysis: Callable[..., Analysis]) -> None:
    got = {t.text: t.value for t in run_analysis(
        "The new assembly met on 14 November 1924. By the spring the majority had gone, and the duke called a "
        "second election for June. Turnout in 1925 was low. Since 1952 elections have been held every four years.",
        published=None).timexes}
    assert got["the spring"] == "1925-SP"
    assert got["June"] == "1925-06"
    assert got["1925"] == "1925" and got["1952"] == "1952"


def test_that_night_and_the_following_month(run_analysis: Callable[..., Analysis]) -> None:
    got = {(t.text, t.value) for t in run_analysis(
        "The ship anchored in Table Bay on 2 September 1836. Her master wrote that night that he would not go to "
        "sea again. The following October he settled at Penryn.", published=None).timexes}
    assert ("that night", "1836-09-02TNI") in got
    assert ("The following October", "1836-10") in got


def test_now_before_a_present_verb_is_the_present(run_analysis: Callable[..., Analysis]) -> None:
    got = {t.text: t.value for t in run_analysis("Iraq now controls 20 percent of the world's oil reserves.").timexes}
    assert got == {"now": "PRESENT_REF"}
    got = {t.text: t.value for t in run_analysis("The fund, which now holds cash, was sold.").timexes}
    assert got == {"now": "PRESENT_REF"}
    # a verb of appearance weighs a prospect as things stand: no time of its own
    assert not run_analysis("An air truce was discussed. That now looks unlikely.").timexes


def test_a_history_counts_its_months_from_a_bare_year(run_analysis: Callable[..., Analysis]) -> None:
    got = {t.text: t.value for t in run_analysis(
        "The regiment was raised in 1914 and sailed for France in the spring of 1915. In 1916 it was moved south. "
        "In early July it lost half its strength, and in late September it was withdrawn. The next year brought "
        "no relief.", published="2019-04-02").timexes}
    assert got["early July"] == "1916-07" and got["late September"] == "1916-09"
    assert got["The next year"] == "1917"


def test_news_with_a_date_of_its_own_keeps_its_months(run_analysis: Callable[..., Analysis]) -> None:
    got = {t.text: t.value for t in run_analysis(
        "Spain joined NATO in 1982. On Tuesday the alliance met, and it said in March that it would grow.",
        published="1999-05-12").timexes}
    assert got["March"] == "1999-03"


def test_a_flashback_in_a_relative_clause_leaves_the_story(run_analysis: Callable[..., Analysis]) -> None:
    got = {t.text: t.value for t in run_analysis(
        "When the armistice was signed on 11 November 1918, only forty of the men who had sailed in 1915 were "
        "still serving. The regiment was disbanded the following spring.", published=None).timexes}
    assert got["the following spring"] == "1919-SP"


def test_a_historys_own_decade(run_analysis: Callable[..., Analysis]) -> None:
    got = {t.text: t.value for t in run_analysis(
        "The firm was founded in 1898. In 1903 they built their first car, and by the end of the decade they "
        "employed four hundred men. In 1913 the founder died, and the following January the works closed.",
        published="2021-06-15").timexes}
    assert got["the end of the decade"] == "190"
    assert got["the following January"] == "1914-01"


def test_the_decade_after_a_decade_and_a_stray_month(run_analysis: Callable[..., Analysis]) -> None:
    got = {t.text: t.value for t in run_analysis(
        "The border was redrawn in 1921 and again in 1938. It was redrawn once more in the 1950s, and the following "
        "decade brought the first joint commission.", published="2015-07-01").timexes}
    assert got["the following decade"] == "196"


def test_a_day_of_the_story_month_and_a_season_of_that_year(run_analysis: Callable[..., Analysis]) -> None:
    got = {t.text: t.value for t in run_analysis(
        "The offensive opened on 1 July 1916. On the 14th the army crossed the river. During the winter of 1916-17 "
        "the troops rested. In mid-1917 they moved north, and in the autumn of that year they fought at Ypres. In the "
        "spring of the following year they went home.", published="2015-07-01").timexes}
    assert got["the 14th"] == "1916-07-14"
    assert got["the winter of 1916-17"] == "1916-WI"
    assert got["the autumn of that year"] == "1917-FA"
    assert got["the spring of the following year"] == "1918-SP"
    assert not any(t.text.startswith("the 14th") for t in run_analysis("He lives on the 14th floor.").timexes)


def test_a_feast_with_its_year_and_a_month_of_the_following_year(run_analysis: Callable[..., Analysis]) -> None:
    got = {t.text: t.value for t in run_analysis(
        "On New Year's Day 1863 the proclamation took effect. The king died on 3 March 1702. His successor was "
        "crowned in April, and in May of the following year the war began. That same year the treaty failed.",
        published=None).timexes}
    assert got["New Year's Day 1863"] == "1863-01-01"
    assert got["May of the following year"] == "1703-05"
    assert got["That same year"] == "1703"


def test_by_the_morning_of_a_day_is_no_flashback(run_analysis: Callable[..., Analysis]) -> None:
    got = {t.text: t.value for t in run_analysis(
        "The explosion happened on Tuesday 19 November 1957. By the morning of 21 November forty-one men had been "
        "brought out alive.", published="2016-11-20").timexes}
    assert got["21 November"] == "1957-11-21"


def test_a_year_before_a_possessive_is_a_year(run_analysis: Callable[..., Analysis]) -> None:
    got = {t.text: t.value for t in run_analysis(
        "In the 1790s a local antiquary drew the ruins, and in 1802 his drawings were printed.",
        published=None).timexes}
    assert got["1802"] == "1802"


def test_without_a_publication_date_last_and_next_count_from_the_narrative(
        run_analysis: Callable[..., Analysis]) -> None:
    got = {t.text: t.value for t in run_analysis(
        "The republic was declared on 4 September 1870. Next month the siege began. The siege of the town began "
        "in early October 1643. Last year the walls had been repaired.", published=None).timexes}
    assert got["Next month"] == "1870-10"
    assert got["Last year"] == "1642"
