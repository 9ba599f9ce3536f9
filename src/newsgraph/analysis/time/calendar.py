"""Calendar arithmetic, numbers and the frame a TIMEX3 value is computed in.

Shared by the rules in ``normalise.py`` (dates) and ``durations.py``
(durations, sets, times of day, vague references). A ``Frame`` says what a value may
be computed against: the publication date, the tense of the clause (which way
"Friday" or "June" points), the day and the value the narrative last named ("a day
before", "the previous year"), and the few words either side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from newsgraph.analysis.time.patterns import Candidate, timex_words

PAST, PRESENT, FUTURE = -1, 0, 1
Result = tuple[str, str | None]


@dataclass(frozen=True, slots=True)
class Frame:
    """What a candidate's value is computed against."""

    dct: date | None  # the publication date
    tense: int  # PAST, PRESENT or FUTURE: the clause the expression sits in
    anchor_day: date | None  # the day the narrative last named
    anchor_value: str | None  # the last absolute value the narrative named, at any granularity
    before: str  # the lower-cased words just before the candidate
    after: str  # the text just after it
    before_cased: str = ""  # the words just before it, as written
    sentence_year: str | None = None  # a year named earlier in the same sentence, if it is the anchor
    story: str | None = None  # the narrative's last absolute value, when the story (not publication) frames this
    story_back: bool = False  # the clause looks back from the story's time (past perfect: "had been chartered")
    next_word: str = ""  # the word after the candidate, as the parse has it: "lemma/TAG" ("control/VBZ")
    ahead_day: date | None = None  # the last named day not before publication (what a future clause speaks of)


# ------------------------------------------------------------------ calendar arithmetic


def iso_week(d: date) -> str:
    """The TIMEX3 week value of a day, e.g. ``2025-W33``."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shifted_month(year: int, month: int, k: int) -> tuple[int, int]:
    """The (year, month) ``k`` months after the given one."""
    n = year * 12 + month - 1 + k
    return n // 12, n % 12 + 1


def month_value(d: date, k: int) -> str:
    """The month ``k`` months after the one holding day ``d`` (``2025-08``)."""
    y, m = shifted_month(d.year, d.month, k)
    return f"{y}-{m:02d}"


def quarter_value(d: date, k: int) -> str:
    """The quarter ``k`` quarters after the one holding day ``d`` (``2025-Q3``)."""
    y, m = shifted_month(d.year, d.month, 3 * k)
    return f"{y}-Q{(m - 1) // 3 + 1}"


def shifted_day(d: date, k: int, unit: str) -> str:
    """The TIMEX3 value ``k`` units after day ``d``, as precise as the unit (days, weeks, months, years)."""
    if unit in ("TH", "TM", "TS"):
        return (d + timedelta(hours=k if unit == "TH" else 0)).isoformat()  # hours later: the same day, or a later one
    if unit == "D":
        return (d + timedelta(days=k)).isoformat()
    if unit in ("W", "2W"):
        return (d + timedelta(weeks=k * (2 if unit == "2W" else 1))).isoformat()
    if unit == "M":
        return month_value(d, k)
    if unit == "Q":
        return quarter_value(d, k)
    step = {"Y": 1, "10Y": 10, "100Y": 100}.get(unit, 1)
    return str(d.year + k * step)


def shifted_value(value: str, years: int) -> str | None:
    """An absolute value moved by whole years (``2009-Q3`` -> ``2008-Q3``), or None if it has no year."""
    m = re.match(r"(\d{4})(.*)", value)
    if not m:
        return None
    return f"{int(m.group(1)) + years:04d}{m.group(2)}"


def weekday_date(dct: date, weekday: int, tense: int) -> date:
    """The day of that weekday the publication date points to: the last one for the past, the next for the future.

    Both may be the publication day itself; in the present tense, the nearer of the two.
    """
    back = dct - timedelta(days=(dct.weekday() - weekday) % 7)
    ahead = dct + timedelta(days=(weekday - dct.weekday()) % 7)
    if tense == PAST:
        return back
    if tense == FUTURE:
        return ahead
    return back if (dct - back) <= (ahead - dct) else ahead


_NEAR_AHEAD, _NEAR_BEHIND = 62, 31  # days


def month_year(dct: date, month: int, tense: int, day: int = 0) -> int:
    """The year of a month (and day) named without one.

    The publication year, unless the tense points over it ("met in November", written
    in March); in the present tense, the nearer year, leaning to the past.
    """
    here = (dct.month, dct.day if day else 0)
    there = (month, day)
    # a date just ahead of publication is this year's, whatever the tense says ("had been set to expire Nov. 6"),
    # and one just behind it is this year's too ("repatriate the child by Jan. 14")
    ahead = (month - dct.month) * 31 + ((day or 15) - (dct.day if day else 15))
    if tense == PAST and there > here and ahead > _NEAR_AHEAD:
        return dct.year - 1
    if tense == FUTURE and there < here and -ahead > _NEAR_BEHIND:
        return dct.year + 1
    if tense == PRESENT:
        months = (month - dct.month) + ((day or 15) - (dct.day if day else 15)) / 31
        # news tells mostly of the past: only a month far behind the publication date is next year's
        if months > 5:
            return dct.year - 1
        if months < -7:
            return dct.year + 1
    return dct.year


# ------------------------------------------------------------------ numbers and units

_UNIT_CODES = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W", "fortnight": "2W", "month": "M",
               "quarter": "Q", "year": "Y", "decade": "10Y", "century": "100Y", "centurie": "100Y"}
VAGUE_NUMBERS = ("several", "few", "many", "some", "multiple", "numerous", "dozens", "hundreds", "a few")


def unit_code(word: str) -> str:
    """The TIMEX3 unit of a unit word ("weeks" -> W, "hour" -> TH, "decade" -> 10Y)."""
    w = word.lower()
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("s"):
        w = w[:-1]
    return _UNIT_CODES.get(w, "Y")


def number_value(text: str) -> float | None:
    """The number a count word or numeral stands for ("twenty-five" -> 25, "a couple of" -> 2); None if vague."""
    t = text.lower().strip()
    if t.startswith(VAGUE_NUMBERS):
        return None
    if t.startswith("a couple"):
        return 2.0
    if t in ("a dozen",):
        return 12.0
    try:
        return float(t)
    except ValueError:
        pass
    whole_and_half = re.fullmatch(r"(\d+)(?: 1/2|½)", t)  # "2 1/2 years", "1½ hours"
    if whole_and_half:
        return int(whole_and_half.group(1)) + 0.5
    numbers = timex_words("number")
    total = 0.0
    for part in re.split(r"[- ]", t):
        v = numbers.get(part)
        if v is None or v == "X":
            return None
        total = max(total, 1.0) * 100 if part == "hundred" else total + float(v)  # "three hundred", "a hundred"
    return total


def duration_value(n: float | None, unit: str) -> str:
    """A TIMEX3 duration: ``P3Y``, ``PT30M``, ``P10Y`` for a decade, ``PXY`` when the count is vague."""
    factor = 1
    if unit in ("10Y", "100Y", "2W"):
        factor, unit = int(unit[:-1]), unit[-1]
    if n is None:
        amount = "X"
    else:
        x = n * factor
        if x != int(x) and unit == "TH":
            x, unit = x * 60, "TM"
        amount = str(int(x)) if x == int(x) else f"{x:g}"
    if unit.startswith("T"):
        return f"PT{amount}{unit[1]}"
    return f"P{amount}{unit}"


# ------------------------------------------------------------------ shared by the rules

DEICTIC_SHIFT = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                 "the day before yesterday": -2, "the day after tomorrow": 2}
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
YEAR_START = re.compile(r"\d{4}")
_MONTH_VALUE = re.compile(r"\d{4}-\d\d")
# what may follow "a day before" when it stands alone, not "a day before the vote"
COMPLEMENT_END = re.compile(r"\s*(?:[,.;:!?)\]\"”’–—-]|$|(?:and|but|or|when|as)\b)")


def group(c: Candidate, name: str) -> str:
    """A named group of the candidate's match, or the empty string."""
    try:
        return c.match.group(name) or ""
    except IndexError:
        return ""


def month_number(word: str) -> int:
    """The number of a month name or abbreviation."""
    return int(timex_words("month").get(word.lower().rstrip("."), "0"))


def ymd(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` for a real calendar day, else None."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def with_part(value: str | None, part: str) -> Result:
    """A day's value with a part of the day (``2025-08-15TNI``) when one is named."""
    code = timex_words("daypart").get(part.lower()) if part else None
    if value and code:
        return "TIME", f"{value}T{code}"
    return "DATE", value


def unit_value(d: date, unit: str, k: int) -> str:
    """The value of the calendar unit (week, month, year ...) ``k`` steps from the one holding day ``d``."""
    if unit == "week":
        return iso_week(d + timedelta(weeks=k))
    if unit == "weekend":
        return iso_week(d + timedelta(weeks=k)) + "-WE"
    if unit == "month":
        return month_value(d, k)
    if unit == "quarter":
        return quarter_value(d, k)
    if unit == "decade":
        return str(d.year // 10 + k)[:3]
    if unit == "century":
        return f"{d.year // 100 + k:02d}"
    if unit in SEASONS:
        return f"{d.year + k}-{SEASONS[unit]}"
    return str(d.year + k)


_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_STORY_POSITION = re.compile(r"\d{4}-(?:(\d\d)(?:-(\d\d))?|(SP|SU|FA|WI)|Q([1-4])|H([12]))")


def story_position(value: str) -> tuple[int, int, int] | None:
    """(year, month, day) of where a narrative value sits; month and day 0 when it does not name them."""
    if not YEAR_START.match(value):
        return None
    m = _STORY_POSITION.match(value)
    if not m:
        return int(value[:4]), 0, 0
    if m.group(1):
        return int(value[:4]), int(m.group(1)), int(m.group(2) or 0)
    if m.group(3):
        return int(value[:4]), _SEASON_MONTH[m.group(3)], 0
    if m.group(4):
        return int(value[:4]), 3 * int(m.group(4)) - 2, 0
    return int(value[:4]), 1 if m.group(5) == "1" else 7, 0


def story_year(f: Frame, month: int, day: int = 0, strict: bool = False) -> int | None:
    """The year of a month (and day) in a narrative's frame: the first one after the story's time, or the last
    one before it when the clause looks back; None when the story does not frame the candidate.

    A history told decades after the fact ("the siege began on 3 September 1914 ... by late
    September") counts its bare months on from the last date it named, not from publication.
    ``strict`` ("the following June") skips the story's own month.
    """
    pos = story_position(f.story) if f.story else None
    if pos is None:
        return None
    y, am, ad = pos
    if am == 0:
        return y + 1 if strict else y  # "in 1913 ... the following January": 1914's
    here, there = (am, ad if day else 0), (month, day if ad else 0)
    if f.story_back:
        return y if there <= here else y - 1
    if strict:
        return y if month > am else y + 1
    return y if there >= here else y + 1


def anchor_date(f: Frame) -> date | None:
    """The day the narrative is at: the last named day, else the publication date."""
    return f.anchor_day or f.dct


def narrative_value(unit: str, f: Frame) -> Result | None:
    """The narrative's current day, week, month or year ("that day", "the same week")."""
    base = anchor_date(f)
    if unit in ("period", "time"):
        return ("DATE", f.anchor_value) if f.anchor_value else None
    if unit == "year" and f.anchor_value and YEAR_START.match(f.anchor_value):
        return "DATE", f.anchor_value[:4]
    if base is None:
        return "DATE", None
    if unit in ("day",):
        return "DATE", base.isoformat()
    if unit == "month" and f.anchor_value and _MONTH_VALUE.match(f.anchor_value):
        return "DATE", f.anchor_value[:7]  # "sales in April were the highest for the month": April
    if unit in ("morning", "afternoon", "evening", "night"):
        return with_part(base.isoformat(), unit)
    if unit in ("decade", "century") and f.story and YEAR_START.match(f.story):
        # "by the end of the decade" in a history of the 1900s is that decade, not the writer's
        return "DATE", f.story[:3] if unit == "decade" else f.story[:2]
    return "DATE", unit_value(base, unit, 0)


def inside_name(c: Candidate, f: Frame) -> bool:
    """True for a capitalised word that opens a name ("The Daily Telegraph", "the Winter Olympics")."""
    word = c.match.group()
    return word[:1].isupper() and f.before.endswith(("the ", "a ")) and bool(re.match(r" [A-Z][a-z]", f.after))
