"""TIMEX3 values for candidate dates: calendar dates, months, years, weekdays, relative and narrative dates.

``normalise`` gives back ``(type, value)`` for any candidate, or None when the match
is not a temporal expression after all (a quantity, a name); durations, sets, times
of day and vague references are valued in ``durations.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from newsgraph.analysis.time.calendar import (
    COMPLEMENT_END,
    DEICTIC_SHIFT,
    FUTURE,
    ORDINALS,
    PAST,
    PRESENT,
    SEASONS,
    YEAR_START,
    Frame,
    Result,
    anchor_date,
    duration_value,
    group,
    inside_name,
    iso_week,
    month_number,
    month_year,
    narrative_value,
    shifted_month,
    shifted_value,
    story_position,
    story_year,
    unit_value,
    weekday_date,
    with_part,
    ymd,
)
from newsgraph.analysis.time.durations import DURATION_RULES
from newsgraph.analysis.time.patterns import CENTURY_WORDS, Candidate, timex_words


def _day_in_year(f: Frame, month: int, day: int) -> Result:
    """A month and day with no year of their own: the sentence's year, else the story's, else the one the
    tense points to from the publication date (XXXX without one)."""
    if f.sentence_year:
        return "DATE", ymd(int(f.sentence_year), month, day)
    told = story_year(f, month, day)
    if told:
        return "DATE", ymd(told, month, day)
    if f.dct is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}"
    return "DATE", ymd(month_year(f.dct, month, f.tense, day), month, day)


def _calendar_date(c: Candidate, f: Frame) -> Result | None:
    """A month and day, with or without a year ("June 18", "11 December 2009")."""
    month, day, year = month_number(group(c, "month")), int(group(c, "day")), group(c, "year")
    if month == 0:
        return None
    if year:
        return "DATE", ymd(int(year), month, day)
    if (month, day) == (9, 11) and _ATTACKS.match(f.after):
        return "DATE", "2001-09-11"  # "the September 11 attacks" name their day, whatever the year of writing
    kind, value = _day_in_year(f, month, day)
    weekday = group(c, "weekday")
    if weekday and value and value[:4].isdigit():
        value = _year_of_weekday(value, weekday)
    return kind, value


def _year_of_weekday(value: str, weekday: str) -> str:
    """The day's value moved to the nearest year in which it falls on the weekday written beside it
    ("Sunday 26 October" in a story of 1924 after a plan for 1925 is 1924's); unchanged when none fits."""
    wanted = timex_words("weekday").get(weekday.lower())
    y, m, d = int(value[:4]), int(value[5:7]), int(value[8:10])
    for year in (y, y - 1, y + 1):
        try:
            if str(date(year, m, d).weekday()) == wanted:
                return f"{year}{value[4:]}"
        except ValueError:
            return value
    return value


_ATTACKS = re.compile(r"(?:th)?,? (?:terrorist |terror )?attacks?\b")


def _named_day(c: Candidate, f: Frame) -> Result | None:
    """A day known by its name ("Black Monday" -> 1987-10-19, "9/11" -> 2001-09-11)."""
    value = timex_words("named_day").get(group(c, "named").lower())
    return ("DATE", value) if value else None


def _iso(c: Candidate, f: Frame) -> Result | None:
    """An ISO date, or date and time, as written (``2025-08-15``)."""
    value = ymd(int(group(c, "y")), int(group(c, "mo")), int(group(c, "d")))
    if value and group(c, "h"):
        return "TIME", f"{value}T{group(c, 'h')}:{group(c, 'mi')}"
    return ("DATE", value) if value else None


def _slash(c: Candidate, f: Frame) -> Result | None:
    """A numeric US date (``7/8/07`` -> 2007-07-08)."""
    y = int(group(c, "y"))
    if y < 100:
        y += 1900 if y >= 50 else 2000
    value = ymd(y, int(group(c, "mo")), int(group(c, "d")))
    return ("DATE", value) if value else None


_MONTH_CUES = frozenset({"in", "since", "until", "till", "by", "from", "to", "through", "during", "before", "after",
                         "of", "early", "late", "mid", "last", "next", "this", "and", "between", "or", "as",
                         "on", "for", "throughout", "past", "coming", "mid-", "end", "around", "into"})


_STRONG_MONTH_CUES = frozenset({"in", "since", "until", "till", "during", "before", "after", "through", "throughout",
                                "from", "early", "late", "mid", "last", "next", "this", "between"})


def _month(c: Candidate, f: Frame) -> Result | None:
    """A month named alone ("in June", "last March"); None for "May" the name and "March" the verb."""
    words = f.before.split()
    prev = words[-1] if words else ""
    rel = group(c, "rel").lower() or ("mid" if group(c, "mid") else "")
    name = group(c, "month")
    # "May" the name and "March" the verb: a bare month needs a word that asks for a time
    if not rel and prev not in _MONTH_CUES and (name in ("May", "March") or re.match(r"\s+[A-Z]", f.after)):
        return None
    if re.match(r"\s*(?:[’']s\s+)?[A-Z][a-z]+", f.after) and name in ("May", "April", "June") and not rel \
            and prev not in _STRONG_MONTH_CUES:
        return None  # "by April Ryan", "June Carter's songs"
    if name in ("May", "MAY") and not rel and (prev not in _STRONG_MONTH_CUES or prev in ("after", "before")) \
            and not _BOUND_OF.search(f.before):  # "by the end of May" is the month
        return None  # "May" is a name as often as a month: it needs "in May", "since May", "last May"
    month = month_number(name)
    if f.sentence_year and not rel:
        return "DATE", f"{f.sentence_year}-{month:02d}"  # "In 2007, sales peaked in March"
    told = story_year(f, month, strict=rel == "following") if rel in ("", "early", "late", "mid", "following") else None
    if told:
        return "DATE", f"{told}-{month:02d}"  # "the siege began on 3 September 1914 ... by late September"
    if rel == "following":
        rel = "next"
    if f.dct is None:
        return "DATE", f"XXXX-{month:02d}"
    if rel == "last":
        y = f.dct.year if month < f.dct.month else f.dct.year - 1
    elif rel in ("next", "coming"):
        y = f.dct.year if month > f.dct.month else f.dct.year + 1
    elif rel == "this":
        y = f.dct.year
    else:
        y = month_year(f.dct, month, f.tense)
    return "DATE", f"{y}-{month:02d}"


def _month_year(c: Candidate, f: Frame) -> Result | None:
    """A month with its year ("November 2006", "October of next year")."""
    month = month_number(group(c, "month"))
    year = group(c, "year")
    told = group(c, "told").lower()
    if told:
        # "in May of the following year": the narrative's year, or the one after or before it
        named = f.anchor_value[:4] if f.anchor_value and f.anchor_value[:4].isdigit() else None
        shift = 1 if told in ("the following", "the next") else -1 if told in ("the previous", "the preceding") else 0
        return "DATE", f"{int(named) + shift}-{month:02d}" if named else None
    if not year:
        if f.dct is None:
            return "DATE", f"XXXX-{month:02d}"
        year = str(f.dct.year + {"last": -1, "next": 1}.get(group(c, "rel").lower(), 0))
    return "DATE", f"{year}-{month:02d}"


_NAME_BEFORE = re.compile(r"[a-z,;:] +[A-Z][A-Za-z&]+ $")


_NAME_AFTER = re.compile(r" [A-Z][a-z]+")


_QUANTITY_NEXT = re.compile(r"\s+(?:[a-z]+s\b(?<!\bis)(?<!\bas)(?<!\bwas)(?<!\bhas)(?<!\bdoes)(?<!\bhis)(?<!\bits)"
                            r"(?<!\bthis)"
                            r"|percent|per\b|people|times|metres"
                            r"|meters|miles|feet|tonnes"
                            r"|tons|km|kg|mph|barrels|hectares|acres|yen|yuan|won|baht|rand|ringgit|kronor|krona"
                            r"|euro|pound|dollar|rupee|staff|personnel|police|cattle)\b")
# words before a number that make it a quantity or a code, never a year
_NUMBER_CUES = ("$", "£", "€", "no.", "number", "flight", "route", "rs.", "room", "highway", "model", "type", "code",
                "page", "article", "section", "chapter", "nearly", "almost", "some")


def _year(c: Candidate, f: Frame) -> Result | None:
    """A four-digit year; None for a quantity ("2000 workers") or a number in a name."""
    if f.before.rstrip().endswith(_NUMBER_CUES):
        return None
    if _QUANTITY_NEXT.match(f.after) and not _SINCE_BEFORE.search(f.before) and not f.before_cased.endswith("In "):
        return None  # "2000 workers"; but "since 1952 elections were held", "In 1931 sales fell" name a year
    if _NAME_BEFORE.search(f.before_cased) and _NAME_AFTER.match(f.after):
        return None  # "the Russell 2000 Index": a number inside a name
    if int(group(c, "year")) < 1500 and not _OLD_YEAR_CUE.search(f.before):
        return None  # "1200 metres", "1300 hours": an early year needs a word that asks for a time ("in 1248")
    return "DATE", group(c, "year")


_SINCE_BEFORE = re.compile(r"\b(?:since|until|till)\s+$")
_OLD_YEAR_CUE = re.compile(r"\b(?:in|since|from|until|till|to|by|between|and|before|after|around|circa|c\.|of)\s+$")


def _year_range(c: Candidate, f: Frame) -> Result | None:
    """The span of a range of years ("2003-04") as a duration."""
    first, second = int(group(c, "year")), group(c, "year2")
    last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    if not 0 < last - first < 100:
        return None
    return "DURATION", f"P{last - first}Y"


def _short_year(c: Candidate, f: Frame) -> Result | None:
    """A year written with an apostrophe ("since '82")."""
    words = f.before.split()
    if not words or words[-1] not in ("since", "in", "of", "from", "to", "until", "by", "the", "and", "class"):
        return None
    yy = int(group(c, "yy"))
    return "DATE", str((1900 if yy >= 30 else 2000) + yy)


def _decade(c: Candidate, f: Frame) -> Result | None:
    """A decade ("the 1980s" -> 198); None for an age ("in his 50s")."""
    dec = group(c, "dec")
    text = c.match.group().lower()
    if len(dec) == 1:
        # "in his 50s" is an age; "the 80s", "the '70s and 80s" are decades
        words = f.before.split()
        if not (text.startswith("the") or "'" in text or "’" in text or (words and words[-1] in ("and", "or", "to"))):
            return None
        dec = ("19" if int(dec) >= 3 else "20") + dec
    return "DATE", dec


def _century(c: Candidate, f: Frame) -> Result | None:
    """A century ("the 20th century" -> 19)."""
    if "Century" in c.match.group() and re.match(r" [A-Z][a-z]", f.after):
        return None  # "20th Century Fox"
    number = int(group(c, "cent")) if group(c, "cent") else CENTURY_WORDS.get(group(c, "centword").lower(), 0)
    return ("DATE", f"{number - 1:02d}") if number else None


def _weekday(c: Candidate, f: Frame) -> Result | None:
    """A weekday, before or after publication as the tense says, with a part of the day if named."""
    if inside_name(c, f):
        return None
    wd = int(timex_words("weekday")[group(c, "weekday").lower()])
    rel = group(c, "rel").lower()
    if re.search(r"\b(?:black|cyber|good|easter|super|ash|bloody|holy|palm|shrove|maundy)\s*[`'‘]?\s*$", f.before):
        if re.match(r" [A-Z][a-z]", f.after):
            return None  # "the Good Friday Agreement": a name
        return "DATE", None  # a named day ("Black Monday") is a date, but not this week's
    if rel == "following" or (f.story and f.anchor_day and f.dct is None):
        # "the following Monday": counted on from the narrative's day, not from publication
        base = anchor_date(f)
        if base is None:
            return with_part(None, group(c, "part"))
        step = 1 if rel == "following" else 0
        return with_part(weekday_date(base + timedelta(days=step), wd, PAST if f.story_back else FUTURE).isoformat(),
                         group(c, "part"))
    if f.dct is None:
        return with_part(None, group(c, "part"))
    if rel == "last" or rel == "past":
        d = weekday_date(f.dct - timedelta(days=1), wd, PAST)
    elif rel in ("next", "coming"):
        d = weekday_date(f.dct + timedelta(days=1), wd, FUTURE)
    else:
        d = weekday_date(f.dct, wd, f.tense)
    return with_part(d.isoformat(), group(c, "part"))


# "today's" before a whole era or a name standing alone means "nowadays" (TimeML: PRESENT_REF):
# "today's youth", "in today's world", "a strong company at today's Acme." -- not "today's Acme event"
_GENERIC_TODAY = re.compile(r"['’]s (?:(?:world|society|youth|young people|generation|teenagers|children|kids"
                            r"|consumers|standards|technology|culture|climate|environment|reality|economy|era)\b"
                            r"|[A-Z][\w&-]*(?:\s*[,.;:!?)\"”]|\s*$|\s+(?:is|are|was|were|has|have|will|can|and)\b))")


def _deictic(c: Candidate, f: Frame) -> Result | None:
    """Today, yesterday, tomorrow, tonight: a day counted from the publication date."""
    word = group(c, "word").lower()
    part = group(c, "part") or ("night" if word == "tonight" else "")
    if word == "today" and not part and not group(c, "mod") and (_GENERIC_TODAY.match(f.after) or f.dct is None):
        return "DATE", "PRESENT_REF"
    if f.dct is None:
        return with_part(None, part)
    return with_part((f.dct + timedelta(days=DEICTIC_SHIFT.get(word, 0))).isoformat(), part)


def _record_week(c: Candidate, f: Frame) -> Result | None:
    """The week a ranking speaks of ("their best week since May"): the narrative's week."""
    return narrative_value("week", f)


def _this_part(c: Candidate, f: Frame) -> Result | None:
    """A part of a day counted from the publication date ("this morning", "last night")."""
    rel = group(c, "rel").lower()
    if f.dct is None:
        return with_part(None, group(c, "part"))
    shift = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
    if rel == "last" and group(c, "part").lower() != "night":
        return None
    return with_part((f.dct + timedelta(days=shift)).isoformat(), group(c, "part"))

def _relative(c: Candidate, f: Frame) -> Result | None:
    """The unit named relative to now ("last week", "next year"); "the past year" as a duration."""
    rel, unit, the = group(c, "rel").lower(), group(c, "unit").lower(), bool(group(c, "the"))
    if unit == "weekend" and rel in ("past", "this past", "last", "latest"):
        base = f.dct
        return "DATE", unit_value(base, unit, 0 if base.weekday() >= 5 else -1) if base else None
    if rel == "this past":
        rel = "last"
    if the and rel == "next" and f.anchor_value and not _STRETCH_BEFORE.search(f.before):
        rel = "following"  # "construction began the next year": the year after the narrative's, not a stretch
    if the and rel == "past" and unit == "year" and f.dct:
        return "DATE", str(f.dct.year - 1)  # "over the past year": the year before publication (TempEval-3)
    if (the and rel in ("past", "next", "coming")) or rel == "past" or \
            (the and rel == "last" and unit in ("decade", "century")):
        # "the past year", "the next decade": a stretch of time, not a calendar unit
        code = {"week": "W", "weekend": "W", "month": "M", "quarter": "Q", "decade": "10Y", "century": "100Y"}
        return "DURATION", duration_value(1, code.get(unit, "Y"))
    if rel == "same":
        return narrative_value(unit, f)
    if rel in ("previous", "prior", "preceding", "following"):
        base = anchor_date(f) if unit in ("day", "week", "month") else None
        k = 1 if rel == "following" else -1
        told_from = f.anchor_value
        if unit == "year" and told_from and re.match(r"\d{4}", told_from):
            return "DATE", str(int(told_from[:4]) + k)
        told = _told_unit(unit, k, told_from or "")
        if told:
            return "DATE", told
        quarter = re.fullmatch(r"(\d{4})-Q([1-4])", f.anchor_value or "")
        if unit == "quarter" and quarter:
            # "the final quarter of 2004 ... the previous quarter": the one before the quarter named
            y, m = shifted_month(int(quarter.group(1)), 3 * int(quarter.group(2)) - 2, 3 * k)
            return "DATE", f"{y}-Q{(m - 1) // 3 + 1}"
        if base is None:
            base = f.dct
        return ("DATE", unit_value(base, unit, k)) if base else ("DATE", None)
    k = {"last": -1, "latest": -1, "next": 1, "coming": 1}.get(rel, 0)
    if f.dct is None:
        # no publication date: a history's "next month", "last year" count from the narrative's own time
        if f.anchor_value and unit == "year" and YEAR_START.match(f.anchor_value):
            return "DATE", str(int(f.anchor_value[:4]) + k)
        told = _told_unit(unit, k, f.anchor_value or "") if k else None
        if told:
            return "DATE", told
        return ("DATE", unit_value(f.anchor_day, unit, k)) if f.anchor_day else ("DATE", None)
    if unit == "weekend" and rel in ("this", "the", ""):
        k = 0
    if unit == "year" and re.search(r"(?i)\b(?:fiscal|financial) year", c.match.group()):
        return "DATE", str(f.dct.year + k)  # "this financial year": the year of publication (TempEval-3, no FY)
    return "DATE", unit_value(f.dct, unit, k)


# a preposition that makes "the next year" a stretch ("over the next year") rather than a date ("the next year he left")
_STRETCH_BEFORE = re.compile(r"\b(?:over|for|during|within|in|throughout|through|into|of|the|by|until)\s+$")


def _told_unit(unit: str, k: int, anchor: str) -> str | None:
    """The season, month or decade after (k=1) or before (k=-1) the narrative's value ("the following spring")."""
    if unit == "decade" and re.fullmatch(r"\d{3}", anchor):
        return str(int(anchor) + k)  # "the 1950s ... the following decade"
    pos = story_position(anchor) if anchor else None
    if pos is None:
        return None
    y, month, _ = pos
    if unit in SEASONS:
        start = _SEASON_START[unit] or 12
        if month == 0:
            return f"{y + k}-{SEASONS[unit]}"
        if k > 0:
            return f"{y if start > month else y + 1}-{SEASONS[unit]}"
        return f"{y if start < month else y - 1}-{SEASONS[unit]}"
    if unit == "decade":
        return str(y // 10 + k)
    if unit == "month" and month and not re.match(r"\d{4}-\d\d-\d\d", anchor):
        ny, nm = shifted_month(y, month, k)
        return f"{ny}-{nm:02d}"
    return None


def _unit_before(c: Candidate, f: Frame) -> Result | None:
    """One unit from the narrative's date ("the day before", "the year after")."""
    unit, direction = group(c, "unit").lower(), group(c, "dir").lower()
    if direction in ("before", "after") and not COMPLEMENT_END.match(f.after):
        return None  # "the day after the vote" is the vote's, not a date of its own
    k = 1 if direction == "after" else -1
    if unit == "year" and f.anchor_value and YEAR_START.match(f.anchor_value):
        return "DATE", str(int(f.anchor_value[:4]) + k)
    base = anchor_date(f)
    if base is None:
        return "DATE", None
    if unit == "night":
        return "TIME", f"{(base + timedelta(days=k)).isoformat()}TNI"
    if unit == "day":
        return "DATE", (base + timedelta(days=k)).isoformat()
    return "DATE", unit_value(base, unit, k)

_BOUND_OF = re.compile(r"\b(?:end|beginning|start|turn|middle|rest|remainder) of $")


# an award's "of the year": the person or thing chosen, not a date ("the busiest day of the year" is one)
_TITLE_OF = re.compile(r"\b(?:player|person|man|woman|businessman|businesswoman|manager|coach|team|car|song|album"
                       r"|book|word|athlete|footballer|personality|goal|photo|picture|film|artist|company|product"
                       r"|employee|teacher|award|awards|deal|dish|wine|building|brand)s? of $")


_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")
_DAY_CUES = ("end", "ending", "for", "in", "during", "of", "start", "beginning", "close", "ended", "finish", "finished")


def _that_unit(c: Candidate, f: Frame) -> Result | None:
    """The unit the narrative is in ("that day", "the same week", "for the day")."""
    det, unit = group(c, "det").lower(), group(c, "unit").lower()
    if unit == "time" and det != "that":
        return None
    if det in ("the entire", "the whole", "the full") and unit not in ("day", "week", "month", "year"):
        return None
    if group(c, "back"):
        # "the same period last year": what the narrative last named, a year earlier
        if f.anchor_value and unit in ("period", "quarter", "month"):
            return "DATE", shifted_value(f.anchor_value, -1)
        return "DATE", str(f.dct.year - 1) if f.dct else None
    if det == "the latest":
        return ("DATE", _reported_quarter(f)) if unit in ("quarter", "period") else None
    if det == "the" and unit == "quarter":
        # "sales for the quarter" after "the fourth quarter of 2006" was named: that quarter again; a results
        # story's "the quarter ended Sept. 30" is the quarter it reports on
        words = f.before.split()
        if not words or (words[-1] not in _DAY_CUES and not _ENDED.match(f.after)):
            return None
        return "DATE", _reported_quarter(f)
    if det == "the" and unit in ("afternoon", "evening"):
        return None  # "in the evening" is the daypart rule's
    if det == "the" and unit != "weekend":
        words = f.before.split()
        # "the day" is a date only where it closes a trading day ("end the day", "for the day")
        if unit not in ("day", "year", "week", "month", "decade", "century") or not words or words[-1] not in _DAY_CUES:
            return None
        if unit in ("decade", "century") and not _BOUND_OF.search(f.before):
            return None  # "the swindle of the century" is no date; "the end of the century" is
        if words[-1] == "of" and (_TITLE_OF.search(f.before) or c.match.group()[-1:].isupper()):
            return None  # "player of the year", "Businessman of the Year": a title, not a date
    if re.match(r"\s+(?:when|that|of|in which|where)\b", f.after) \
            and not (det == "that" and f.after.startswith(" that")):
        return None  # "the day when ...", "the week of ...": the unit of an event; not "wrote that night that ..."
    return narrative_value(unit, f)


_ENDED = re.compile(r"\s+(?:ended|ending|that ended|through)\b")


def _reported_quarter(f: Frame) -> str | None:
    """The quarter a results story is about: the one it last named, else the last one over at publication."""
    if f.anchor_value and _QUARTER_VALUE.fullmatch(f.anchor_value):
        return f.anchor_value
    return unit_value(f.dct, "quarter", -1) if f.dct else None


def _quarter(c: Candidate, f: Frame) -> Result | None:
    """A quarter ("the third quarter of 2009", "the fourth quarter" as the tense points)."""
    ordinal, year, rel = group(c, "ord").lower(), group(c, "year"), group(c, "rel").lower()
    if ordinal in ("last", "final") and not year and not rel:
        # "the last quarter": the one before the publication date
        return ("DATE", unit_value(f.dct, "quarter", -1)) if f.dct else ("DATE", None)
    q = ORDINALS.get(ordinal, 4)
    if year:
        return "DATE", f"{year}-Q{q}"
    if f.dct is None:
        return "DATE", None
    y = f.dct.year + {"last": -1, "next": 1, "the previous": -1}.get(rel, 0)
    if not rel:
        now = (f.dct.month - 1) // 3 + 1
        # the past tense looks back; the present to the nearer one ("the fourth quarter" in March is last year's)
        # a quarter told in the past within its own calendar quarter ("reported fourth-quarter earnings" in
        # November) is a fiscal quarter just closed, of this year; one not begun yet is last year's
        if (f.tense == PAST and q > now) or (f.tense == PRESENT and q - now >= 2):
            y -= 1
        elif f.tense == FUTURE and q < now - 1:
            y += 1  # a quarter just over is still reported on ("expects to report third-quarter results" in October)
    return "DATE", f"{y}-Q{q}"


def _year_quarter(c: Candidate, f: Frame) -> Result | None:
    """A quarter of a year named ("the 1988 third quarter", "next year's first quarter"); "the 1988 period" is the
    quarter the results story reports on, in that year."""
    year, rel, ordinal = group(c, "year"), group(c, "rel").lower(), group(c, "ord").lower()
    if not year:
        if f.dct is None:
            return "DATE", None
        year = str(f.dct.year + {"last": -1, "next": 1}.get(rel, 0))
    if ordinal:
        return "DATE", f"{year}-Q{ORDINALS.get(ordinal, 4)}"
    reported = _reported_quarter(f)
    if reported is None:
        return ("DATE", year) if group(c, "unit").lower() == "period" else None
    return "DATE", f"{year}-{reported[5:]}"


def _week_of(c: Candidate, f: Frame) -> Result | None:
    """The ISO week of "the last week of March" and the like."""
    month, year, ordinal = month_number(group(c, "month")), group(c, "year"), group(c, "ord").lower()
    if f.dct is None and not year:
        return "DATE", None
    y = int(year) if year else month_year(f.dct, month, f.tense) if f.dct else 0
    if ordinal in ("last", "final"):
        last = date(y + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return "DATE", iso_week(last - timedelta(days=6))  # the last full week
    return "DATE", iso_week(date(y, month, 1) + timedelta(days=7 * ORDINALS.get(ordinal, 1) - 1))


def _fiscal(c: Candidate, f: Frame) -> Result | None:
    """A fiscal year ("fiscal 1998", "FY2007"): its year, as TempEval-3 writes it (MEANTIME writes FY1998)."""
    year = group(c, "year") or group(c, "fy") or group(c, "fyear")
    if len(year) == 2:
        year = ("19" if int(year) >= 50 else "20") + year
    return "DATE", year


def _q_number(c: Candidate, f: Frame) -> Result | None:
    """A quarter written Q3, with its year or the publication year."""
    year = group(c, "year") or (str(f.dct.year) if f.dct else "XXXX")
    return "DATE", f"{year}-Q{group(c, 'q')}"


def _half(c: Candidate, f: Frame) -> Result | None:
    """A half year ("the first half of 2004" -> 2004-H1)."""
    year, rel = group(c, "year"), group(c, "rel").lower()
    if not year:
        if f.dct is None:
            return "DATE", None
        year = str(f.dct.year + {"last": -1, "next": 1}.get(rel, 0))
    return "DATE", f"{year}-H{1 if group(c, 'ord').lower() == 'first' else 2}"

def _season(c: Candidate, f: Frame) -> Result | None:
    """A season ("last summer", "spring 2005"); None for "a spring of water" or "the Winter Olympics"."""
    rel, season, year = group(c, "rel").lower(), group(c, "season").lower(), group(c, "year")
    if rel == "the" and f.before.endswith("in "):
        rel = "in the"  # the preposition stays out of the span, but "in the fall" is a season, not a fall
    if group(c, "season")[:1].isupper() and re.match(r" [A-Z][a-z]", f.after):
        return None  # "the Winter Olympics"
    if season == "fall" and not (year or rel in ("this", "last", "next", "in the", "early", "late", "that")):
        return None
    if season == "spring" and not rel and not year and re.match(r"\s*(?:of|water|s\b|-)", f.after):
        return None  # "a spring of water"
    if re.match(r"\s+of\s+(?!\d)", f.after) or re.match(r"[- ](?:time|season|term|session)\b", f.after):
        return "DATE", None if rel == "the" else (f"{f.dct.year}-{SEASONS[season]}" if f.dct else None)
    code = SEASONS[season]
    if year:
        return "DATE", f"{year}-{code}"
    of_year = group(c, "ofyear").lower().removesuffix(" year")
    if of_year:
        # "the autumn of that year", "the spring of the following year": the narrative's year, or one on
        named = f.anchor_value[:4] if f.anchor_value and f.anchor_value[:4].isdigit() else None
        shift = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1}.get(of_year, 0)
        return "DATE", f"{int(named) + shift}-{code}" if named else None
    if rel in ("", "the", "in the", "early", "late", "mid", "that"):
        told = story_year(f, _SEASON_START[season] or 12)
        if told:
            return "DATE", f"{told}-{code}"  # "the spring of 1898 ... that summer"
    if rel == "that" and f.anchor_value and f.anchor_value[:4].isdigit():
        return "DATE", f"{f.anchor_value[:4]}-{code}"
    if f.dct is None:
        return "DATE", None
    k = {"last": -1, "next": 1}.get(rel, 0)
    if rel in ("", "the", "in the", "early", "late", "mid"):
        k = _season_shift(season, f)
    return "DATE", f"{f.dct.year + k}-{code}"


# the month each season (of the northern year) starts in; winter is the one that opens the year
_SEASON_START = {"winter": 0, "spring": 3, "summer": 6, "autumn": 9, "fall": 9}


def _ordinal_day(c: Candidate, f: Frame) -> Result | None:
    """"on the 14th": that day of the month the narrative is in (the month of publication in the news)."""
    day = int(group(c, "day"))
    month = re.match(r"(\d{4})-(\d\d)", f.anchor_value or "")
    if month:
        return "DATE", ymd(int(month.group(1)), int(month.group(2)), day)
    return ("DATE", ymd(f.dct.year, f.dct.month, day)) if f.dct else ("DATE", None)


def _season_shift(season: str, f: Frame) -> int:
    """-1, 0 or +1 years: a season named alone is the one the tense points to ("will start in the spring")."""
    if f.dct is None:
        return 0
    start, now = _SEASON_START[season], f.dct.month
    if f.tense == FUTURE and season != "winter" and start + 3 <= now:
        return 1  # the season is over this year: the next one
    if f.tense == PAST and start > now:
        return -1  # not come yet this year: the last one
    return 0


# a lower-case word after the feast that it modifies ("Christmas trading"), not one that starts a new phrase
_MODIFIES_NEXT = re.compile(r"\s+(?!(?:and|or|but|with|when|as|to|in|on|at|for|this|last|next|is|was|will|has|had"
                            r"|the|a|an|they|we|he|she|it|until|after|before|because|so|than)\b)[a-z]")
_TIME_PREP = re.compile(r"\b(?:at|on|before|after|until|till|since|over|by|for|from|during|around|of|and)\s+"
                        r"(?:(?:a|an|the|this|last|next) (?:late|early) )?$")  # "helped by a late Thanksgiving"


def _holiday(c: Candidate, f: Frame) -> Result | None:
    """A fixed feast day ("Christmas Eve" -> 2022-12-24) in the year the tense points to."""
    name = group(c, "holiday")
    if name.lower() in ("christmas", "thanksgiving", "easter") and (not _TIME_PREP.search(f.before)
                                                          or _MODIFIES_NEXT.match(f.after)):
        return None  # "Christmas sales", "because of Christmas celebrations": the feast as a kind of thing
    month_day = timex_words("holiday").get(name.lower().replace("’", "'"))
    if not month_day:
        return None
    if group(c, "year"):
        f = replace(f, sentence_year=group(c, "year"))  # "New Year's Day 1863"
    if month_day == "Easter":
        kind, value = _day_in_year(f, 4, 1)
        return (kind, _easter(int(value[:4])).isoformat()) if value and value[:4].isdigit() else (kind, value)
    month = int(month_day[:2])
    movable = _MOVABLE.fullmatch(month_day[3:])
    if movable is None:
        return _day_in_year(f, month, int(month_day[3:]))
    # a feast on the nth (or last) weekday of its month ("Thanksgiving Day": the fourth Thursday of November)
    kind, value = _day_in_year(f, month, 15)
    year = int(value[:4]) if value and value[:4].isdigit() else 0
    if not year:
        return kind, value
    weekday = _WEEKDAYS.index(movable.group(2))
    if movable.group(1) == "L":
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return "DATE", (last - timedelta(days=(last.weekday() - weekday) % 7)).isoformat()
    first = date(year, month, 1)
    first += timedelta(days=(weekday - first.weekday()) % 7)
    day = first + timedelta(weeks=int(movable.group(1)) - 1)
    if movable.group(3):
        # "Election Day": the Tuesday after the first Monday of November
        day += timedelta(days=(_WEEKDAYS.index(movable.group(3)) - day.weekday()) % 7 or 7)
    return "DATE", day.isoformat()


def _easter(year: int) -> date:
    """Easter Sunday of a (Gregorian) year: the anonymous Gregorian computus (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    w = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * w) // 433
    month = (h + w - 7 * m + 90) // 25
    return date(year, month, (h + w - 7 * m + 33 * month + 19) % 32)


_MOVABLE = re.compile(r"([1-4L])(Mon|Tue|Wed|Thu|Fri|Sat|Sun)(Mon|Tue|Wed|Thu|Fri|Sat|Sun)?")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _new_year(c: Candidate, f: Frame) -> Result | None:
    """The year to come ("into the new year"): the next one in the second half of a year, else this one."""
    if f.dct is None:
        return "DATE", None
    return "DATE", str(f.dct.year + (1 if f.dct.month >= 7 else 0))


def _decade_word(c: Candidate, f: Frame) -> Result | None:
    """A decade written as a word ("the nineties" -> 199)."""
    digit = timex_words("decade_word").get(group(c, "decword").lower())
    return ("DATE", f"19{digit}") if digit else None


def _spelled_year(c: Candidate, f: Frame) -> Result | None:
    """A year in words: "nineteen ninety-six" -> 1996, "the year two thousand" -> 2000."""
    if group(c, "thousand"):
        return "DATE", "2000"
    numbers = timex_words("number")
    tens, ones = numbers.get(group(c, "tens").lower(), "0"), numbers.get(group(c, "ones").lower(), "0")
    return "DATE", str(1900 + int(tens) + int(ones))


RULES: dict[str, Callable[[Candidate, Frame], Result | None]] = {
    "holiday": _holiday, "named_day": _named_day, "spelled_year": _spelled_year, "new_year": _new_year,
    "decade_word": _decade_word,
    **DURATION_RULES,
    "iso": _iso, "slash": _slash, "mdy": _calendar_date, "dmy": _calendar_date, "month_year": _month_year,
    "month": _month, "year": _year, "year_range": _year_range, "short_year": _short_year, "decade": _decade,
    "century": _century, "weekday": _weekday, "deictic": _deictic, "this_part": _this_part,
    "relative": _relative, "record_week": _record_week, "unit_before": _unit_before, "that_unit": _that_unit,
    "quarter": _quarter, "year_quarter": _year_quarter,
    "q_number": _q_number, "half": _half, "season": _season, "ordinal_day": _ordinal_day, "week_of": _week_of,
    "fiscal": _fiscal,
}


def normalise(c: Candidate, f: Frame) -> Result | None:
    """The TIMEX3 type and value of a candidate, or None when it is not a temporal expression."""
    rule = RULES.get(c.rule)
    if rule is None:
        return None
    try:
        return rule(c, f)
    except Exception:  # an odd match (a 31 February) must cost its timex, never the document
        return None
