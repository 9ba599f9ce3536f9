"""TIMEX3 values for durations, sets, times of day and vague references.

"three years", "the past two years", "a day before", "every week", "15 a year",
"18:00 UTC", "now", "recently": the rules for each candidate pattern, keyed by its name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from newsgraph.analysis.time.calendar import (
    COMPLEMENT_END,
    DEICTIC_SHIFT,
    FUTURE,
    PAST,
    SEASONS,
    VAGUE_NUMBERS,
    Frame,
    Result,
    anchor_date,
    duration_value,
    group,
    inside_name,
    month_number,
    month_year,
    narrative_value,
    number_value,
    shifted_day,
    shifted_value,
    story_year,
    unit_code,
    unit_value,
    weekday_date,
    with_part,
    ymd,
)
from newsgraph.analysis.time.patterns import Candidate, timex_words, vague_values

_MONTH_ONLY = re.compile(r"\d{4}-\d\d")
_PERIOD = re.compile(r"\d{4}-(?:Q[1-4]|H[12])")  # a quarter or a half: the period a results story is about


def sign_of(direction: str) -> int:
    """+1 for a word that counts forward in time ("later", "after"), -1 for one that counts back."""
    return 1 if direction in ("later", "after", "from now", "hence") else -1


def _ago(c: Candidate, f: Frame) -> Result | None:
    """The date of "two weeks ago", "three days later": counted from publication or the narrative."""
    n, unit, direction = number_value(group(c, "num")), unit_code(group(c, "unit")), group(c, "dir").lower()
    if direction in ("before", "after", "prior") and not COMPLEMENT_END.match(f.after):
        return None  # "two days before the launch": the duration alone is the timex
    if n is None and direction in ("later", "earlier") and f.tense == PAST:
        # "A few days later, the company announced": "later" orders two past events; the stretch is the timex
        return "DURATION", duration_value(None, unit)
    if n is None:
        # "a few years ago", "some days later": a vague stretch before or after now
        return "DATE", "PAST_REF" if sign_of(direction) < 0 else "FUTURE_REF"
    k = int(n) if n == int(n) else 0
    sign = sign_of(direction)
    from_now = direction in ("ago", "from now", "hence")
    step = {"10Y": 10, "100Y": 100}.get(unit, 1)
    if k == 1 and unit == "Y" and f.anchor_value and _PERIOD.fullmatch(f.anchor_value) and sign < 0:
        # "profit of $5 million, up from $4 million a year ago": the same quarter a year before
        return "DATE", shifted_value(f.anchor_value, -1)
    if not from_now and unit in ("Y", "10Y", "100Y") and f.anchor_value and f.anchor_value[:4].isdigit():
        # "in 2012 ... five years later": a year counted from the year the narrative is in (TempEval-3 gives the
        # shift the precision of its unit; only a results story's quarter is kept, above)
        return "DATE", str(int(f.anchor_value[:4]) + sign * k * step)
    if from_now and unit in ("Y", "10Y", "100Y") and k:
        # "four years ago" is one date, the year that many years before publication (TimeML)
        return "DATE", str(f.dct.year + sign * k * step) if f.dct else None
    if not from_now and unit == "M" and f.anchor_value and _MONTH_ONLY.fullmatch(f.anchor_value):
        # "fined in March ... two months later": count from the month the narrative is in
        y, m = int(f.anchor_value[:4]), int(f.anchor_value[5:7]) + sign * k
        y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
        return "DATE", f"{y}-{m:02d}"
    base = f.dct if from_now else anchor_date(f)
    if base is None or k == 0:
        return "DATE", None
    return "DATE", shifted_day(base, sign * k, unit)


_RATE_BEFORE = re.compile(r"(?:\d[\d,.]*\s*(?:bn|m|k|million|billion|thousand|%|percent)?(?:\s+[a-z][a-z-]*){0,2}"
                          r"|\bonce|\btwice|\btimes)\s*$")


_CLOCK_CUE = re.compile(r"\b(?:at|by|until|from|after|before|around|about)\s*$")


_A_DAY_WHEN = re.compile(r"\s+(?:when|that|which|anybody|anyone|nobody|no one|like)\b")


def _duration(c: Candidate, f: Frame) -> Result | None:
    """A stretch of time ("three years", "the past two decades", "a 25-year") or a rate ("15 a year")."""
    num, unit = group(c, "num"), unit_code(group(c, "unit"))
    text = c.match.group().lower()
    if unit == "TS" and (num.lower() in ("a", "an", "second") or c.match.group().lower().endswith(" second")):
        return None  # "a second attempt", "six second-hand planes"
    if unit == "Q" and (num.lower() in ("a", "an", "one") or number_value(num) is None
                        or ("-" in c.match.group() and f.after.startswith(" of"))):
        return None  # "about a quarter of its dealers", "in some quarters": shares and circles, not time
    if len(num) == 4 and num.isdigit() and unit == "TH" and (num.startswith("0") or _CLOCK_CUE.search(f.before)):
        return None  # "0800 hours", "at 1500 hours": a time of day
    if len(num) == 4 and num.isdigit() and not group(c, "unit").lower().endswith("s"):
        return None  # "the 2005 year" is a year
    n = number_value(num)
    if num.lower() in ("a", "an") and _A_DAY_WHEN.match(f.after):
        return None  # "there came a day when", "not a day anybody can prepare for": a day, not a stretch of one
    if n is None and num.lower() in ("a", "an", "single"):
        n = 1.0
    if group(c, "half") or text.endswith("and a half"):
        n = None if n is None else n + 0.5
    # "15 a year", "80,000 barrels a day": a rate, so a set
    if num.lower() in ("a", "an") and _RATE_BEFORE.search(f.before):
        return "SET", duration_value(1, unit)
    if n is None and not num.lower().startswith((*VAGUE_NUMBERS, "a couple")):
        return None
    return "DURATION", duration_value(n, unit)


def _half_unit(c: Candidate, f: Frame) -> Result | None:
    """The duration of "half an hour", "a quarter of a century" and the like."""
    share = 0.25 if group(c, "share").lower().startswith("a quarter") else 0.5
    return "DURATION", duration_value(share, unit_code(group(c, "unit")))


def _past_unit(c: Candidate, f: Frame) -> Result | None:
    """A duration for "the past week"; for "the next day", the day after the narrative's."""
    text = c.match.group().lower()
    unit = group(c, "unit").lower()
    if unit == "day" and text.startswith(("the next", "the following", "the previous")):
        # "the next day": the day after the one the narrative is at, not a stretch of one day
        base = anchor_date(f)
        step = -1 if text.startswith("the previous") else 1
        return "DATE", (base + timedelta(days=step)).isoformat() if base else None
    if text.startswith(("the first", "the last", "the final")) and group(c, "unit").lower() != "decade":
        return None
    return "DURATION", duration_value(1, unit_code(group(c, "unit")))


def _many_long(c: Candidate, f: Frame) -> Result | None:
    """The vague duration of "decades-long", "multi-year"."""
    unit = group(c, "unit").lower()
    code = "Y" if unit in ("multi", "decades", "centuries") or not unit else unit_code(unit)
    return "DURATION", duration_value(None, code)


def _plural_units(c: Candidate, f: Frame) -> Result | None:
    """The vague duration of "for years", "within days"."""
    return "DURATION", duration_value(None, unit_code(group(c, "unit")))


def _every(c: Candidate, f: Frame) -> Result | None:
    """The set of "every week", "every three weeks", "twice a year", "three times a week" (a week, thrice)."""
    num = group(c, "num") if c.rule == "every" else ""  # "three times a week" counts times, not weeks
    n = number_value(num) if num else 1.0
    if n and re.search(r"(?i)\bother\b", c.match.group()):
        n *= 2  # "every other week": a fortnight
    return "SET", duration_value(n if n else 1.0, unit_code(group(c, "unit")))

def _every_weekday(c: Candidate, f: Frame) -> Result | None:
    """The set of "every Monday", "on Mondays": ``XXXX-WXX-1``."""
    name = (group(c, "weekday") or group(c, "weekdays")).lower()
    wd = timex_words("weekday").get(name)
    return ("SET", f"XXXX-WXX-{int(wd) + 1}") if wd is not None else None


def _every_season(c: Candidate, f: Frame) -> Result | None:
    """The set of "every summer" (``XXXX-SU``) or "each January" (``XXXX-01``)."""
    season = group(c, "season").lower()
    if season:
        return "SET", f"XXXX-{SEASONS[season]}"
    month = month_number(c.match.group().split()[-1])
    return ("SET", f"XXXX-{month:02d}") if month else None


def _next_part(c: Candidate, f: Frame) -> Result | None:
    """A part of the day after (or before) the narrative's: "the next morning", "the previous evening"."""
    base = anchor_date(f)
    if base is None:
        return "TIME", None
    step = 1 if group(c, "rel").lower() in ("next", "following") else -1
    return with_part((base + timedelta(days=step)).isoformat(), group(c, "part"))


_NAME_AFTER = re.compile(r" (?:[A-Z][a-z]+ )*[A-Z][a-z]+(?:[ ,.;:]|$)(?! ?[a-z]*day\b)")


def _adverb_set(c: Candidate, f: Frame) -> Result | None:
    """The set of "weekly", "annual"; None inside a name ("The Daily Telegraph")."""
    if inside_name(c, f):
        return None
    if c.match.group() in ("annual", "yearly") and _NAME_AFTER.match(f.after):
        return None  # "the annual March for Life": a set inside the name of an event
    code = timex_words("every").get(group(c, "every").lower(), "Y")
    if code == "Q" and re.match(r"\s+[a-z]", f.after):
        return None  # "its quarterly dividend": TempEval-3 marks no set in a results story's adjective
    return "SET", duration_value(1, code)


_DATE_AFTER = re.compile(r",? (?:on )?(?:[A-Z][a-z]+day,? )?(?:([A-Z][a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?"
                         r"|(\d{1,2}) ([A-Z][a-z]+))\b(?:,? (1\d{3}|20\d\d)\b)?")


def _clock_day(c: Candidate, f: Frame) -> str | None:
    """The day a time of day falls on: a day named with it, else the narrative's day."""
    m = _DATE_AFTER.match(f.after)
    month, day = (month_number(m.group(1) or m.group(4)), int(m.group(2) or m.group(3))) if m else (0, 0)
    if month and m and m.group(5):
        return ymd(int(m.group(5)), month, day)  # "at 6 a.m. on Sunday 14 August 1921"
    if month and (f.dct or f.story):
        year = story_year(f, month, day) or (month_year(f.dct, month, f.tense, day) if f.dct else 0)
        value = ymd(year, month, day)
        if value:
            return value
    word = group(c, "dayword").lower()
    if word and f.dct:
        if word in DEICTIC_SHIFT:
            return (f.dct + timedelta(days=DEICTIC_SHIFT[word])).isoformat()
        wd = timex_words("weekday").get(word)
        if wd is not None:
            return weekday_date(f.dct, int(wd), f.tense).isoformat()
    base = anchor_date(f)
    if base and f.dct and f.tense == FUTURE and base < f.dct:
        # "polls will open at 7 a.m." after a day gone by: the day ahead the text last named, else publication
        base = f.ahead_day or f.dct
    return base.isoformat() if base else None


def _clock(c: Candidate, f: Frame) -> Result | None:
    """A clock time on the day it belongs to ("18:00 UTC", "6:40 p.m.", "1200 GMT")."""
    h, mi = int(group(c, "h")), int(group(c, "mi") or 0)
    ampm = group(c, "ampm").lower().replace(".", "")
    if c.rule == "military" and group(c, "tz").lower() in ("hours", "hrs") and not _CLOCK_CUE.search(f.before):
        return None  # "2000 hours of video" is no time of day; "at 0800 hours" is
    if ampm.startswith("p") and h < 12:
        h += 12
    elif ampm.startswith("a") and h == 12:
        h = 0
    if c.rule == "clock" and not ampm and not group(c, "tz") and not group(c, "dayword") \
            and not _CLOCK_CUE.search(f.before):
        return None  # "3:1" scores, "1:30" ratios: a clock needs a cue
    day = _clock_day(c, f)
    zone = "Z" if group(c, "tz").upper() in ("UTC", "GMT", "Z") else ""
    return "TIME", f"{day or 'XXXX-XX-XX'}T{h:02d}:{mi:02d}{zone}"


def _noon(c: Candidate, f: Frame) -> Result | None:
    """Noon or midnight on the day it belongs to."""
    word = group(c, "word").lower()
    day = _clock_day(c, f)
    return "TIME", f"{day or 'XXXX-XX-XX'}T{'24:00' if word == 'midnight' else '12:00'}"


_HOUR_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def _hour_part(c: Candidate, f: Frame) -> Result | None:
    """An hour told by its part of the day ("at 4 in the morning", "at ten at night") on the narrative's day."""
    word = group(c, "h").lower()
    h = int(word) if word.isdigit() else _HOUR_WORDS.index(word) + 1
    part = group(c, "part").lower() or "night"
    if part == "morning":
        h = 0 if h == 12 else h
    elif h < 12 and (part != "night" or h >= 6):
        h += 12  # "3 in the afternoon", "10 at night"; "2 at night" is the small hours
    day = _clock_day(c, f)
    return "TIME", f"{day or 'XXXX-XX-XX'}T{h:02d}:00"


def _daypart(c: Candidate, f: Frame) -> Result | None:
    """The narrative's day and the part of it named ("in the morning")."""
    base = anchor_date(f)
    return with_part(base.isoformat() if base else None, group(c, "part"))


# the words before a "now" of the present time ("is now", "until now", "right now"); elsewhere "now" is often a
# discourse word ("that now looks unlikely"). TempEval-3 marks more of them; MEANTIME and the seed article do not.
_NOW_CUES = frozenset({"is", "are", "was", "were", "'s", "’s", "'re", "’re", "until", "by", "from", "of", "till",
                       "than", "since", "right", "just", "up", "even", "for"})


# verbs of appearance: "that now looks unlikely" weighs a prospect as things stand (a stance), it does not place
# a state or an event at the time of writing
_STANCE_VERBS = frozenset({"look", "seem", "appear", "sound"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _now_of_the_present(f: Frame, prev: str) -> bool:
    """True for a "now" that sets a present-tense clause at the time of writing, as TimeML marks it
    (PRESENT_REF): right before a present verb ("Iraq now controls", "the fund now holds")."""
    lemma, _, tag = f.next_word.partition("/")
    return tag in _PRESENT_TAGS and lemma not in _STANCE_VERBS


# the vague words whose FUTURE_REF says "after the time of writing"; in a past clause they only order two events
_AHEAD_WORDS = frozenset({"soon", "very soon", "later"})


def _vague(c: Candidate, f: Frame) -> Result | None:
    """The reference value of "now", "recently", "the future"; None for a discourse "now"."""
    phrase = c.match.group().lower()
    words = f.before.split()
    prev = words[-1] if words else ""
    if phrase == "now" and ((prev not in _NOW_CUES and prev not in _UNIT_WORDS and not _now_of_the_present(f, prev))
                            or re.match(r"\s*(?:on|onwards|and then)\b", f.after)):
        return None  # "from now on" a stretch, "now and then" a rhythm
    if phrase == "soon" and (prev == "as" or f.after.startswith((" as", " after"))):
        return None  # "as soon as", "soon after he arrives": a relation between two events
    if phrase in _AHEAD_WORDS and f.tense == PAST:
        return None  # "was soon released", "later became a citizen": after the story's event, not after writing
    if phrase == "current" and prev != "the":
        return None
    if phrase == "later" and (re.match(r"\s+(?:than|on)\b", f.after) or prev in ("or", "no", "much", "the", "than")):
        return None  # "later than planned", "sooner or later"
    if phrase.startswith("recent") and prev == "most":
        return None
    value = vague_values().get(phrase)
    # "recent years" is a stretch of unknown length (PXY), as both TempEval-3 and MEANTIME read it
    return ("DURATION" if value and value.startswith("PX") else "DATE"), value


_UNIT_WORDS = frozenset(f"{u}{s}" for u in ("minute", "hour", "day", "week", "month", "year", "decade")
                        for s in ("", "s"))


def _ordinal_unit(c: Candidate, f: Frame) -> Result | None:
    """The unit the narrative is in, for "a second straight day", "fourth week in a row"."""
    if not (group(c, "row") or group(c, "run")):
        return None  # "the second day of the summit" is not today
    unit = group(c, "unit").lower()
    return narrative_value("day" if unit == "session" else unit, f)


def _year_ago(c: Candidate, f: Frame) -> Result | None:
    """The year before the narrative's, for "year-earlier", "year-ago"; the quarter a year before in a results
    story ("the year-ago quarter" after "the third quarter" -> 1988-Q3)."""
    if f.anchor_value and _PERIOD.fullmatch(f.anchor_value) and (group(c, "period") or _PERIOD_NEXT.match(f.after)):
        return "DATE", shifted_value(f.anchor_value, -1)
    if f.anchor_value and f.anchor_value[:4].isdigit():
        return "DATE", str(int(f.anchor_value[:4]) - 1)
    return "DATE", str(f.dct.year - 1) if f.dct else None


_PERIOD_NEXT = re.compile(r"\s+(?:results?|net|profit|loss|earnings|sales|revenue|figures?|level)\b")


def _later_that(c: Candidate, f: Frame) -> Result | None:
    """"later that year", "earlier this afternoon": the unit the narrative (or, with "this", the writer) is in."""
    unit, det = group(c, "unit").lower(), group(c, "det").lower()
    if det == "this":
        if f.dct is None:
            return "DATE", None
        if unit in ("morning", "afternoon", "evening", "night"):
            return with_part(f.dct.isoformat(), unit)
        return "DATE", unit_value(f.dct, unit, 0)
    return narrative_value(unit, f)


def _num_pair(c: Candidate, f: Frame) -> Result | None:
    """The first number of "between 60 and 90 days", with the unit of the second."""
    n = number_value(group(c, "num"))
    return ("DURATION", duration_value(n, unit_code(group(c, "unit")))) if n else None


DURATION_RULES: dict[str, Callable[[Candidate, Frame], Result | None]] = {
    "ago": _ago, "duration": _duration, "half_unit": _half_unit, "past_unit": _past_unit, "many_long": _many_long,
    "plural_units": _plural_units, "bare_units": _plural_units, "every": _every, "times_a": _every,
    "adverb_set": _adverb_set,
    "every_weekday": _every_weekday, "every_season": _every_season, "next_part": _next_part,
    "clock": _clock, "ampm": _clock, "military": _clock, "noon": _noon, "daypart": _daypart,
    "hour_part": _hour_part, "vague": _vague,
    "ordinal_unit": _ordinal_unit, "num_pair": _num_pair, "year_ago": _year_ago, "later_that": _later_that,
}
