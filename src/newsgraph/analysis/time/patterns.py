"""The surface patterns of temporal expressions: precompiled regular expressions over the text.

Each pattern has a name (the rule that will normalise it) and finds candidate spans;
which candidates survive, and what they mean, is decided in ``timexes.py`` and
``normalise.py``. Words come from ``lexicon/words.tsv`` and
``lexicon/vague.tsv``. Month and weekday names are matched capitalised only, so
"may" and "march" the verbs never start a candidate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from newsgraph.lexicon import table


@dataclass(frozen=True, slots=True)
class Candidate:
    """A pattern's match: the rule that found it and its characters ``[start, end)``."""

    rule: str
    start: int
    end: int
    match: re.Match[str]


@cache
def timex_words(kind: str) -> dict[str, str]:
    """The words of one kind in the timex lexicon (month, weekday, number ...) and their values."""
    return {w: v for w, k, v in table("time/words") if k == kind}


# the ordinal words of centuries, longest first so that "twenty-first" is not read as "first"
_CENTURY_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                     "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                     "eighteenth", "nineteenth", "twentieth", "twenty-first")
CENTURY_WORDS = {w: n for n, w in sorted(enumerate(_CENTURY_ORDINALS, 1), key=lambda p: -len(p[1]))}


@cache
def vague_values() -> dict[str, str]:
    """Vague temporal phrases ("now", "the future") and their TIMEX3 reference values."""
    return {p.lower(): v for p, v in table("time/vague")}


def _alt(words: list[str]) -> str:
    """An alternation of the words, longest first so that the regex prefers the longer one."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _cap(words: list[str]) -> str:
    """An alternation of capitalised words (or all-capital ones, as in headlines)."""
    forms = [w.capitalize() for w in words] + [w.upper() for w in words]
    return _alt(forms)


@lru_cache(maxsize=1)
def compiled_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The named patterns, compiled once."""
    months = timex_words("month")
    full_months = [m for m, _ in months.items() if len(m) > 4 or m in ("june", "july", "may")]
    abbr_months = [m for m in months if m not in full_months]
    month_name = _cap(full_months)
    month_any = rf"(?:{month_name}|(?:{_cap(abbr_months)})\.?)"
    weekday = _cap(list(timex_words("weekday")))
    daypart = _alt(list(timex_words("daypart")))
    units = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    small = [w for w, v in timex_words("number").items() if v != "X" and w not in ("a", "an")]
    num = (rf"(?:(?:a|one|{ones}) hundred|(?<![/\d])\d+(?: 1/2|½|\.\d+)?|(?:{tens})(?:[- ](?:{ones}))?|{_alt(small)}"
           r"|a couple of|a couple|a few|a dozen"
           r"|several|few|many|some|multiple|numerous|dozens of|hundreds of|a|an)")
    mods = (r"(?:more than|less than|fewer than|almost|nearly|about|around|over|under|at least|at most|just|only"
            r"|roughly|approximately|some|up to|close to|another|an additional|a further|within)")
    span_rel = r"(?:the (?:past|last|next|coming|previous|first|following|final|remaining|latest) )"
    day = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?P<year>1\d\d\d|20\d\d)"
    zone = r"(?:UTC|GMT|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST|ET|PT|local time|Z)"
    # a weekday after a clock time, unless a date follows it ("6 a.m. on Sunday 14 August" is the date's)
    day_word = rf"(?P<dayword>(?i:today|yesterday|tomorrow)|(?:{weekday})(?!,? (?:the )?\d))"
    vague = _alt(list(vague_values()))
    # feast days as written: capitalised, with a straight or curly apostrophe
    holiday = _alt([" ".join(w if w == "of" else w.capitalize() for w in h.split()).replace("'", "['’]")
                    for h in timex_words("holiday")])
    holiday = holiday.replace("\\['’\\]", "['’]")
    decade_word = _alt(list(timex_words("decade_word")))
    named_day = _alt([form for n in timex_words("named_day") for form in (n.title(), n.upper())])
    i = "(?i:"
    pats = {
        "iso": r"\b(?P<y>\d{4})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<h>[0-2]\d):(?P<mi>[0-5]\d))?\b",
        "slash": r"(?<![\d/])(?P<mo>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d\d|\d{4})(?![\d/])",
        "mdy": rf"\b(?:(?P<weekday>{weekday}),? )?(?P<month>{month_any}) {day}(?:,? {year})?(?![\d,]\d|\w)",
        "dmy": rf"(?<![\w.,])(?:(?P<weekday>{weekday}),? )?(?:the )?{day} (?:of )?(?P<month>{month_name})"
               rf"(?:,? {year})?\b",
        "month_year": rf"\b(?P<month>{month_name}),? (?:of )?(?:{year}|(?P<rel>{i}this|last|next)) year"
                      rf"|(?P<told>{i}the following|the next|the previous|the preceding|that|the same)) year)\b",
        "month": rf"\b(?:(?P<rel>{i}last|next|this|past|coming|early|late|mid|(?<=[Tt]he )following)) "
                 rf"|(?P<mid>{i}mid)-))?"
                 rf"(?P<month>{month_name})\b(?!\.? ?\d)",
        "year": rf"(?:(?<=mid-)|(?<![\w$£€.,/-])){year}(?![\w%]|[.,]\d|[-–]\d\d(?!\d))",
        "year_range": rf"(?<![\w$£€.,/-]){year}[-–/](?P<year2>\d\d(?:\d\d)?)(?![\w%]|[.,]\d)",
        "short_year": r"(?<![\w'’])['’](?P<yy>\d\d)\b(?![’'s])",
        "decade": rf"\b(?:{i}the) )?(?:{i}(?:early|mid|late)[- ]))?['’]?(?P<dec>(?:1\d|20)?\d)0['’]?s\b",
        "century": rf"\b{i}(?:the )?(?:(?:early|mid|late)[- ])?(?:(?P<cent>\d{{1,2}})(?:st|nd|rd|th)|(?P<centword>"
                   rf"{_alt(list(CENTURY_WORDS))}))[- ]century)\b",
        "weekday": rf"\b(?:(?:{i}the) )?(?P<rel>{i}last|next|this|coming|past|early|late|following)) )?"
                   rf"(?P<weekday>{weekday})(?!\w)"
                   rf"(?:['’]s)?(?: (?P<part>{daypart}))?\b",
        "deictic": rf"\b{i}(?:(?P<mod>earlier|later|late|early) )?(?P<word>today|tonight|yesterday|tomorrow|"
                   rf"the day before yesterday|the day after tomorrow)(?: (?P<part>{daypart}))?)\b",
        "this_part": rf"\b{i}(?P<rel>this|last|tomorrow|yesterday) (?P<part>{daypart}))\b",
        "relative": rf"\b{i}(?:(?:later|earlier) )?(?P<the>the )?(?P<rel>this past|this|last|next|past|coming"
                    rf"|previous|prior|following|current|same|preceding|latest)(?: (?:calendar|fiscal|financial))? "
                    rf"(?P<unit>week|weekend|month|year|quarter|decade|century|spring|summer|autumn|fall|winter))\b",
        "unit_before": rf"\b{i}the (?P<unit>day|week|month|year|night) (?P<dir>before|after|earlier|previous|prior))\b",
        "that_unit": rf"\b{i}(?P<det>that same|that|the same|the entire|the whole|the full|the latest|the) "
                     rf"(?P<unit>day|weekend|week|month|year|morning|afternoon|evening|night|period|quarter|time|decade|century)"
                     rf"(?: (?P<back>a year ago|last year|of last year|a year earlier|the previous year"
                     rf"|the year before|of the previous year|the year previous))?)\b",
        "ordinal_unit": rf"\b{i}(?:(?:a|the) )?(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
                        rf"|\d+(?:st|nd|rd|th)) (?P<row>(?:straight|consecutive|successive) )?(?P<unit>day|week|month"
                        rf"|year|quarter|session)(?P<run> in a row| running)?)\b",
        # "their best week since November": the week the news is in, ranked against the past
        "record_week": rf"\b{i}(?:its|their|the) (?:best|worst|biggest|strongest|weakest|sharpest|steepest|busiest"
                       rf"|largest|deepest|quietest) )(?P<body>{i}week))(?= (?:since|in|of|for|ever|on record)\b)",
        "num_pair": rf"\b{i}(?P<num>\d+|{_alt(small)})(?= (?:and|or|to) (?:\d+|{_alt(small)}) (?P<unit>{units})\b))",
        "week_of": rf"\b{i}the (?P<ord>first|second|third|fourth|last|final) week of )(?P<month>{month_name})"
                   rf"(?:,? {year})?\b",
        "fiscal": rf"\b{i}(?:fiscal|financial)(?: year)?,? ){year}\b|\bFY ?(?P<fy>\d\d(?:\d\d)?)\b"
                  rf"|\b{i}the )(?P<fyear>1[5-9]\d\d|20\d\d)(?:[-/](?:\d\d){{1,2}})? {i}(?:fiscal|financial) year)\b",
        "year_ago": rf"\b{i}(?:the )?(?:(?:comparable|corresponding) )?year-(?:earlier|ago)"
                    rf"(?P<period> (?:(?:first|second|third|fourth) )?(?:quarter|period))?)\b",
        # "later that year", "earlier that day", "later this afternoon": the unit, narrowed
        "later_that": rf"\b{i}(?:later|earlier) (?P<det>that|this|the same) (?P<unit>year|month|week|day|morning"
                      rf"|afternoon|evening|night))\b",
        "quarter": rf"\b{i}(?:the )?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[- ]quarter"
                   rf"(?: of (?:(?:{year})|(?P<rel>this|last|next|the current|the previous) year))?)\b",
        # "the 1988 third quarter", "the 1989 period", "next year's first quarter": a quarter of a year named
        "year_quarter": rf"\b(?:{i}the) )?(?:{year}|(?P<rel>{i}this|last|next)) year['’]s)"
                        rf" (?:(?P<ord>{i}first|second|third|fourth|1st|2nd|3rd|4th))[- ])?"
                        rf"(?P<unit>{i}quarter|period))\b",
        "q_number": rf"\bQ(?P<q>[1-4])(?: {year})?\b",
        "half": rf"\b{i}the (?P<ord>first|second) half(?: of (?:(?:{year})|(?P<rel>this|last|next|the) year))?)\b",
        "ago": rf"\b{i}(?:{mods} )?(?P<num>{num})[- ](?P<unit>{units})(?: and a half)? (?P<dir>ago|later|earlier"
               rf"|before|after|from now|hence|previously|prior))\b",
        "duration": rf"\b{i}(?:{mods} )?{span_rel}?(?P<num>{num})(?P<half> and a half)?[- ](?:(?:trading|business"
                    rf"|working|straight|consecutive|calendar|full|long|more|extra|additional)[- ])?(?P<unit>{units})"
                    rf"(?: and a half)?)\b(?![- ]old|-(?:earlier|ago|before|later)\b)",
        "half_unit": rf"\b{i}(?P<share>half|a quarter of) (?:an? )?(?P<unit>hour|day|year|decade|century|month))\b",
        "past_unit": rf"\b{i}{span_rel}(?P<unit>second|minute|hour|day|week|fortnight|month|decade|century))\b",
        "bare_units": rf"\b(?P<unit>{i}minutes|hours|days|weeks|months|years|decades))"
                      rf"(?= (?:after|before|later|earlier)\b)",
        "many_long": rf"\b{i}(?P<unit>multi|decades|years|months|weeks|days|hours|centuries)[- ]long|multi-year)\b",
        "plural_units": rf"\b{i}(?P<prep>for|in|over|within|after|from|during|spent|spend|spends|spending|took|take"
                        rf"|takes|lasted|lasting|waited) (?P<body>(?:the )?(?:(?:just|only|mere"
                        rf"|coming|next|past|last|following|previous|first|final) )?"
                        rf"(?P<unit>years|months|decades|weeks|days|hours|minutes|centuries)))\b",
        "every": rf"\b{i}(?:every|each|per) (?:other )?(?:(?P<num>{num}) )?(?P<unit>{units}))\b",
        "every_weekday": rf"\b(?:{i}(?:every|each) )(?P<weekday>{weekday})|(?P<weekdays>{weekday})s)\b",
        "every_season": rf"\b{i}(?:every|each) )(?:(?P<season>{i}spring|summer|autumn|fall|winter))|{month_name})\b",
        "holiday": rf"\b(?P<holiday>{holiday})(?!['’]?\w)(?:,? {year}\b)?",
        "named_day": rf"(?<![\w/])(?P<named>{named_day})(?![\w/])",
        "new_year": r"\b[Tt]he (?:[Nn]ew [Yy]ear)\b(?!['’]s)",
        "decade_word": rf"\b{i}the (?:(?:early|mid|late)[- ])?)(?:{i}nineteen)[- ])?(?P<decword>{i}{decade_word}))\b",
        # a year said in words, as spoken news writes it ("nineteen ninety-six", "the year two thousand")
        "spelled_year": rf"\b(?:{i}nineteen)[- ](?P<tens>{i}twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))"
                        rf"(?:[- ](?P<ones>{i}{ones})))?|{i}the year )(?P<thousand>{i}two thousand)))\b(?!-\w)",
        "times_a": rf"\b{i}(?:once|twice|(?P<num>{num}) times) (?:a|an|per|every|each) (?P<unit>{units}))\b",
        "adverb_set": rf"\b{i}(?P<every>{_alt(list(timex_words('every')))}))\b",
        "clock": rf"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?: ?(?P<ampm>{i}[ap]\.?m\b\.?)))?"
                 rf"(?: (?P<tz>{zone}))?(?: \((?:GMT|UTC) ?[+-] ?\d+\))?(?:,? (?:on )?{day_word})?(?!\w)",
        "ampm": rf"\b(?P<h>1[0-2]|0?[1-9])(?:[.:](?P<mi>[0-5]\d))? ?(?P<ampm>{i}[ap]\.?m\b\.?))"
                rf"(?: (?P<tz>{zone}))?(?:,? (?:on )?{day_word})?",
        "military": rf"\b(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d) ?(?P<tz>UTC|GMT|hours|hrs|Z)\b"
                    rf"(?:,? (?:on )?{day_word})?",
        "noon": rf"\b{i}(?P<word>noon|midday|midnight))\b(?:,? (?:on )?{day_word})?",
        # "at 4 in the morning", "by ten at night": an hour told by its part of the day
        "hour_part": r"(?:(?<=\bat )|(?<=\bby )|(?<=\buntil )|(?<=\btill )|(?<=\bbefore )|(?<=\bafter )|(?<=\baround )"
                     r"|(?<=\babout ))"
                     r"(?P<h>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
                     r"(?: o'clock)? (?:in the (?P<part>morning|afternoon|evening)|at (?P<night>night))\b",
        "daypart": r"(?:(?<=\b[Ii]n )(?:the )?|(?:(?<=\binto )|(?<=\bduring )|(?<=\bthrough )|(?<=\bovernight ))the )"
               r"(?P<part>morning|afternoon|evening|(?<=the )night)\b(?! of)",
        "next_part": rf"\b{i}the (?P<rel>next|following|previous|preceding) "
                     rf"(?P<part>morning|afternoon|evening|night))\b",
        "season": rf"\b(?:(?P<rel>{i}this|last|next|early|late|the|mid|that)) )?"
                  rf"(?P<season>{i}spring|summer|autumn|winter|fall))(?: (?:of )?{year}(?:[-–/](?:\d\d){{1,2}}\b)?"
                  rf"| of (?P<ofyear>{i}that|the same|the following|the next|the previous|the preceding) year))?\b",
        # "on the 14th": a day of the month the narrative is in
        "ordinal_day": r"(?<=\b[Oo]n )the (?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
                       r"(?=[,.;:]|\s+(?:[A-Z]|(?:the|a|an|he|she|it|they|we|his|her|its|their)\b))",
        "vague": rf"\b{i}(?:{vague}))(?![\w-])",
    }
    return tuple((name, re.compile(p)) for name, p in pats.items())


# Which words a pattern's match must hold: a pattern is run only near them, so that the
# costly patterns ("three more trading days") never scan the long stretches of text without a unit word.
TRIGGERS: dict[str, tuple[str, ...]] = {
    "iso": ("digit",), "slash": ("digit",), "mdy": ("month",), "dmy": ("month",), "month_year": ("month",),
    "month": ("month",), "year": ("digit",), "year_range": ("digit",), "short_year": ("digit",),
    "decade": ("digit",), "century": ("unit",), "weekday": ("weekday",), "deictic": ("deictic",),
    "this_part": ("daypart",), "next_part": ("daypart",), "every_season": ("every_word",),
    "holiday": ("holiday",), "named_day": ("named_day", "digit"), "new_year": ("holiday",),
    "decade_word": ("decade_word",), "spelled_year": ("spelled_year",),
    "relative": ("unit", "season"), "unit_before": ("unit",), "that_unit": ("unit", "daypart"),
    "ordinal_unit": ("unit",), "record_week": ("unit",), "year_ago": ("unit",), "num_pair": ("unit",),
    "later_that": ("unit", "daypart"),
    "week_of": ("unit",),
    "fiscal": ("fiscal",),
    "quarter": ("unit",), "year_quarter": ("unit",),
    "q_number": ("digit",), "half": ("unit",), "ago": ("shift",), "duration": ("unit",),
    "half_unit": ("unit",), "past_unit": ("unit",), "bare_units": ("unit",), "many_long": ("unit",),
    "plural_units": ("unit",),
    "every": ("unit",), "times_a": ("times",), "adverb_set": ("every",), "every_weekday": ("weekday",),
    "clock": ("digit",), "ampm": ("digit",),
    "military": ("digit",), "noon": ("clock",), "daypart": ("daypart",), "hour_part": ("daypart",),
    "season": ("season",),
    "ordinal_day": ("digit",),
    "vague": ("vague",),
}
_UNIT_WORDS = ("second", "minute", "hour", "day", "week", "weekend", "fortnight", "month", "quarter", "year", "decade",
               "century", "centuries", "half", "period", "time", "session")
_WORD = re.compile(r"[A-Za-z]+")
_DIGIT_TRIGGER = re.compile(r"(?<!\d)(?:1\d|20)\d\d(?!\d)|\d0['’]?s\b|['’]\d\d\b|\d[:/-]\d"
                            r"|\d\s?(?i:[ap]\.?m\b)|\bQ[1-4]\b|\b[Oo]n the \d\d?(?:st|nd|rd|th)\b"
                            r"|\d{4}\s?(?:GMT|UTC|Z|hours|hrs)\b")
_MARGIN = 70  # characters either side of a trigger word: longer than any pattern's reach


@lru_cache(maxsize=1)
def trigger_classes() -> dict[str, frozenset[str]]:
    """Each trigger word (lower-cased) and the classes of pattern it wakes."""
    classes: dict[str, set[str]] = {}

    def add(word: str, cls: str) -> None:
        classes.setdefault(word, set()).add(cls)

    for kind in ("month", "weekday", "season", "every", "daypart"):
        for w in timex_words(kind):
            add(w, kind)
    for w in timex_words("weekday"):
        add(w + "s", "weekday")  # "on Mondays"
    for w in _UNIT_WORDS:
        add(w, "unit")
        add(w + "s", "unit")
    for w in ("today", "tonight", "yesterday", "tomorrow"):
        add(w, "deictic")
    add("tonight", "daypart")
    for w in ("noon", "midday", "midnight"):
        add(w, "clock")
    for phrase in timex_words("holiday"):
        add(phrase.split()[0].split("'")[0], "holiday")
    add("new", "holiday")
    for w in timex_words("decade_word"):
        add(w, "decade_word")
    for w in ("every", "each"):
        add(w, "every_word")
    for w in timex_words("named_day"):
        add(w.split()[0], "named_day")
    for w in ("nineteen", "thousand"):
        add(w, "spelled_year")
    for w in ("fiscal", "financial", "fy"):
        add(w, "fiscal")
    # the words a shift ("two days later") or a rate ("twice a week") cannot do without: their patterns,
    # costly at every number, run only near them
    for w in ("ago", "later", "earlier", "before", "after", "from", "hence", "previously", "prior"):
        add(w, "shift")
    for w in ("once", "twice", "times"):
        add(w, "times")
    for phrase in vague_values():
        add(re.split(r"[- ]", phrase)[-1], "vague")
    return {w: frozenset(c) for w, c in classes.items()}


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans with overlapping ones joined, in text order."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def trigger_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each class of trigger, the stretches of text around its words where its patterns may match."""
    classes = trigger_classes()
    n = len(text)
    raw: dict[str, list[tuple[int, int]]] = {}

    def window(cls: str, start: int, end: int) -> None:
        stop = text.find(" ", min(n, end + _MARGIN))  # never cut a word: the regex would see its end
        raw.setdefault(cls, []).append((max(0, start - _MARGIN), n if stop < 0 else stop))

    lowered = text.lower()
    if len(lowered) == len(text):  # one lower-casing for the whole text, when it keeps the offsets
        for m in _WORD.finditer(lowered):
            for cls in classes.get(m.group(), ()):
                window(cls, m.start(), m.end())
    else:
        for m in _WORD.finditer(text):
            for cls in classes.get(m.group().lower(), ()):
                window(cls, m.start(), m.end())
    for m in _DIGIT_TRIGGER.finditer(text):
        window("digit", m.start(), m.end())
    return {cls: _merged(spans) for cls, spans in raw.items()}


def find_candidates(text: str) -> Iterator[Candidate]:
    """Every match of every pattern near its trigger words (overlaps are resolved by the caller)."""
    windows = trigger_windows(text)
    for name, pattern in compiled_patterns():
        classes = TRIGGERS.get(name, ())
        spans = windows.get(classes[0], []) if len(classes) == 1 else \
            _merged([w for cls in classes for w in windows.get(cls, [])])
        for lo, hi in spans:
            for m in pattern.finditer(text, lo, hi):
                # a pattern may match words around the expression that are not part of it ("for years")
                start, end = m.span("body") if "body" in m.re.groupindex else m.span()
                if end > start:
                    yield Candidate(name, start, end, m)
