"""TIMEX3 values as people read them: "1978-FA" is "autumn 1978", "2025-W33" is "week 33 of 2025"."""

from __future__ import annotations

import calendar
import re

_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_VALUE = re.compile(r"(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d))?|W(?P<week>\d\d)(?P<weekend>-WE)?"
                    r"|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?"
                    r"(?:T(?:(?P<time>\d\d:\d\d)(?::\d\d)?|(?P<part>MO|AF|EV|NI|DT)))?")
_DECADE = re.compile(r"(?P<d>\d{3})X|(?P<c>\d\d)XX")


def readable_date(value: str | None) -> str:
    """The value in words ("16 August 2025", "autumn 1978", "the 1970s"); the value itself if it has no words."""
    if not value:
        return ""
    if value in _REFS:
        return _REFS[value]
    m = _VALUE.fullmatch(value)
    if m is None:
        d = _DECADE.fullmatch(value)
        if d is None:
            return value
        return f"the {d['d']}0s" if d["d"] else f"the {d['c']}00s"
    year = m["year"]
    if m["day"] and 1 <= int(m["month"]) <= 12:
        out = f"{int(m['day'])} {calendar.month_name[int(m['month'])]} {year}"
    elif m["month"] and 1 <= int(m["month"]) <= 12:
        out = f"{calendar.month_name[int(m['month'])]} {year}"
    elif m["week"]:
        out = f"{'the weekend of ' if m['weekend'] else ''}week {int(m['week'])} of {year}"
    elif m["quarter"]:
        out = f"the {_ORDINALS[m['quarter']]} quarter of {year}"
    elif m["half"]:
        out = f"the {_ORDINALS[m['half']]} half of {year}"
    elif m["season"]:
        out = f"{_SEASONS[m['season']]} {year}"
    elif m["month"]:
        return value
    else:
        out = year
    if m["time"]:
        out += f", {m['time']}"
    elif m["part"]:
        out += f", {_PARTS[m['part']]}"
    return out


def date_beside_value(value: str | None) -> str:
    """The readable date with its value beside it when they differ: "autumn 1978 (1978-FA)"."""
    words = readable_date(value)
    return words if words == (value or "") else f"{words} ({value})"
