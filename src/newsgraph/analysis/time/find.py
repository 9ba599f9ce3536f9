"""Temporal expressions, normalised to TIMEX3 values against the publication date.

Candidates come from the surface patterns in ``patterns.py``; they are read
left to right, longest first, so that a value can lean on the narrative so far
("a day before" is the day before the last day named). The tense of the clause,
read from the parse, decides which way a bare weekday or month points: "met on
Friday" is the Friday before publication, "will meet on Friday" the one after.
Spans are drawn as TimeML draws them: no leading preposition ("since January" ->
"January"), modifiers that change the value kept ("the end of 2009", "early June").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from newsgraph.analysis.context import Context
from newsgraph.analysis.parsed import Parsed, Token
from newsgraph.analysis.time.calendar import FUTURE, PAST, PRESENT, Frame, duration_value, number_value, unit_code
from newsgraph.analysis.time.normalise import normalise
from newsgraph.analysis.time.patterns import Candidate, find_candidates
from newsgraph.model import Timex

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "’ll"})
_PAST_TAGS = frozenset({"VBD"})
# words before a calendar value that narrow it and belong to its span ("the end of 2009", "early June")
_NARROWING = re.compile(r"(?i)(?:the (?:very )?(?:end|beginning|start|middle|close|turn|first half|second half"
                        r"|rest|remainder) of |(?:early|late|mid)(?:-| )|(?:early|late) in )$")
# words at the edges of a match that TIMEX3 leaves out: focus adverbs and "within" carry no mod value
# ("just two weeks" -> "two weeks"), a possessive is not part of the date ("Monday's" -> "Monday"),
# "over the next three years" is a preposition before a stretch (unlike "over six years", mod MORE_THAN),
# and "in a row" counts runs, not time ("the fourth week in a row" -> "the fourth week")
_LEADING_NON_TIMEX = re.compile(r"(?i)(?:just|only|merely|within|over(?= the (?:next|past|last|coming|following"
                                r"|previous|remaining|first|final)\b))\s+(?=\S)")
_TRAILING_NON_TIMEX = re.compile(r"(?i)(?:(?<=[a-z])['’]s|\s+in a row)$")
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d")
_ABSOLUTE = re.compile(r"^\d{3,4}")


def _governing_verb(parsed: Parsed, i: int) -> Token | None:
    """The nearest verb at or above token ``i`` in the parse."""
    tok = parsed.tokens[i]
    if tok.pos in ("VERB", "AUX") and not _nominal_gerund(parsed, tok):
        return tok
    for t in parsed.ancestors(i):
        if t.pos in ("VERB", "AUX") and not _nominal_gerund(parsed, t):
            return t
    return None


def _nominal_gerund(parsed: Parsed, tok: Token) -> bool:
    """True for a gerund used as a noun, with an adjective or determiner of its own ("arrests for drunken driving")."""
    return tok.tag == "VBG" and any(k.dep in ("amod", "det", "poss") for k in parsed.children(tok.i))


# verbs whose present passive (or copula "due") looks ahead: "is scheduled for", "is expected on"
_PLANNING = frozenset({"plan", "schedule", "slate", "set", "due", "intend", "propose", "timetable",
                       "earmark", "pencil", "tip"})


def _plans_ahead(parsed: Parsed, verb: Token, aux: list[Token]) -> bool:
    """True for a present passive of planning ("is planned") or a present "is due"."""
    if verb.tag == "VBN" and verb.lemma.lower() in _PLANNING:
        return any(a.dep == "auxpass" and a.tag in ("VBZ", "VBP") for a in aux)
    if verb.lemma.lower() == "be" and verb.tag in ("VBZ", "VBP"):
        return any(c.text.lower() == "due" for c in parsed.children(verb.i) if c.dep in ("acomp", "attr", "advmod"))
    return False


def verb_tense(parsed: Parsed, verb: Token, depth: int = 0) -> int:
    """PAST, PRESENT or FUTURE: the time a verb's clause speaks of, from its tag and its auxiliaries."""
    aux = [c for c in parsed.children(verb.i) if c.dep in ("aux", "auxpass")]
    if any(a.text.lower() in _FUTURE_AUX or a.lemma.lower() in ("will", "shall") for a in aux):
        return FUTURE
    if verb.tag == "VB" and any(a.tag == "TO" for a in aux):
        # an infinitive ("set to land on Monday") looks ahead of the verb that governs it
        head = parsed.tokens[verb.head]
        if depth < 3 and head.i != verb.i and head.pos in ("VERB", "AUX"):
            governing = verb_tense(parsed, head, depth + 1)
            return PAST if governing == PAST else FUTURE
        return FUTURE
    if verb.tag in _PAST_TAGS or any(a.tag in _PAST_TAGS for a in aux):
        return PAST
    if any(a.lemma.lower() == "have" for a in aux):
        return PRESENT  # "has been scheduled for June 3": the present perfect looks both ways
    if _plans_ahead(parsed, verb, aux):
        return FUTURE  # "is planned for Dec. 3", "is due in May": a present that speaks of what is to come
    if verb.tag == "VBG" and any(a.lemma.lower() == "be" for a in aux):
        return FUTURE  # "is meeting on Friday"
    if verb.tag == "VBN" and not aux:
        if verb.lemma.lower() in _PLANNING and verb.lemma.lower() != "set":
            return FUTURE  # "exams planned for May 4": what a plan is for lies ahead ("a record set on" is past)
        return PAST  # "plans announced in January": a participle standing for the past
    return PRESENT


def clause_tense(parsed: Parsed, start: int, end: int) -> int:
    """The tense of the clause holding the characters ``[start, end)``; PRESENT when it cannot be read."""
    if not parsed.tokens:
        return PRESENT
    toks = parsed.tokens_in(start, end)
    if not toks:
        return PRESENT
    first = toks[0]
    # the token of the span whose head lies outside it
    head = next((k for k in toks if not (toks.start <= parsed.tokens[k].head < toks.stop)), first)
    verb = _governing_verb(parsed, head)
    return verb_tense(parsed, verb) if verb is not None else PRESENT


_PAST_PREP = re.compile(r"(?i)\b(?:since|ago)\s+$")
_UNTIL = re.compile(r"(?i)\b(?:until|till)\s+$")
# a past reporting verb right before the day: the day belongs to the saying, not to what was said
_REPORTED = re.compile(r"\b(?:said|announced|told \w+|confirmed|reported|stated|declared|warned|revealed|insisted"
                       r"|claimed|admitted|denied|disclosed)\s+(?:on\s+|late\s+|early\s+)?$")
_FUTURE_PREP = re.compile(r"(?i)\b(?:through|before|by)\s+$")


def _tense_of(text: str, parsed: Parsed, c: Candidate) -> int:
    """The direction a candidate points: "since" looks back, "until" ahead, else the clause's tense."""
    before = text[max(0, c.start - 12):c.start]
    if _PAST_PREP.search(before):
        return PAST
    if _UNTIL.search(before):
        # "closed until Friday": the end of a state still running; "worked until Tuesday": a past one
        return PAST if _finite_past(parsed, c) else FUTURE
    if _REPORTED.search(text[max(0, c.start - 40):c.start]):
        return PAST  # "said on Sunday they would boycott": the day of the saying, whatever the parse
    tense = clause_tense(parsed, c.start, c.end)
    if tense == PRESENT and _FUTURE_PREP.search(before):
        return FUTURE
    if tense == PRESENT and _names_weekday(c) and _schedule_present(text, parsed, c):
        return FUTURE
    if tense == PRESENT and c.rule == "weekday" and _in_headline(text, c.start) and not _FUTURE_PREP.search(before):
        return PAST  # headlinese: "Markets fall on Monday" reports a Monday gone by
    return tense


def _names_weekday(c: Candidate) -> bool:
    """True for a weekday, alone or after a clock time ("expires at midnight Friday")."""
    word = c.match.groupdict().get("dayword") or ""
    return c.rule == "weekday" or word.lower() not in ("", "today", "yesterday", "tomorrow")


_HEADLINE_END = re.compile(r"[.!?:;\"”]\s*$")


def _in_headline(text: str, start: int) -> bool:
    """True for characters in a headline: a short first line, with no closing stop, above a body."""
    first_break = text.find("\n")
    if first_break < 0 or start >= first_break or first_break > 150 or not text[first_break:].strip():
        return False
    return not _HEADLINE_END.search(text[:first_break])


def _finite_past(parsed: Parsed, c: Candidate) -> bool:
    """True when the candidate hangs on a past verb with its own subject ("negotiators worked until ...")."""
    toks = parsed.tokens_in(c.start, c.end)
    verb = _governing_verb(parsed, toks[0]) if toks else None
    if verb is None:
        return False
    kids = list(parsed.children(verb.i))
    has_subject = any(k.dep in ("nsubj", "nsubjpass") for k in kids)
    if not has_subject and verb.dep == "conj" and verb.tag == "VBD":
        # "fled her native land and later became a citizen": the second verb shares the first one's subject
        has_subject = any(k.dep in ("nsubj", "nsubjpass") for k in parsed.children(verb.head))
    return has_subject and (verb.tag == "VBD" or any(k.dep in ("aux", "auxpass") and k.tag == "VBD" for k in kids))


def _schedule_present(text: str, parsed: Parsed, c: Candidate) -> bool:
    """True for a weekday in a simple present of the body ("the rally starts on Saturday"): a schedule.

    A headline's present tells of the past ("Stocks tumble on Monday"), so the first
    line of a text with several is left to the nearer day.
    """
    first_break = text.find("\n")
    if first_break >= 0 and c.start < first_break:
        return False
    toks = parsed.tokens_in(c.start, c.end)
    if not toks:
        return False
    # the day must hang on the verb itself ("starts on Saturday"), not on a noun ("the auction on Sunday")
    head = parsed.tokens[parsed.tokens[toks[0]].head]
    verb = parsed.tokens[head.head] if head.dep == "prep" else head
    return verb.tag in ("VBZ", "VBP") and verb.lemma.lower() not in ("say", "tell", "report")


_FRAMING_PREP = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Ff]or)\s+$")


def _frames_its_clause(text: str, c: Candidate) -> bool:
    """True for a year that sets the time of its clause: "in 2007", "last year"; not "the 1988 crash", "the year"."""
    if c.rule == "relative":
        return c.match.group().lower().endswith("year")
    return c.rule == "year" and bool(_FRAMING_PREP.search(text[max(0, c.start - 12):c.start]))


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s|\n")
# a new clause between the year and the month ("since its launch in 2003 and that as of February")
_CLAUSE_BREAK = re.compile(r";|\b(?:and|but|while|whereas|that|which|who|since|after|before|when|until|then)\b")


def _frame(text: str, c: Candidate, dct: date | None, tense: int, anchor_day: date | None,
           anchor_value: str | None, year_end: int, story: str | None = None, history: bool = False) -> Frame:
    """The frame a candidate is normalised in; ``year_end`` is where the last year that frames a clause ends."""
    cased = text[max(0, c.start - 40):c.start]
    # a year named earlier in the same clause ("Last year, sales fell in December") holds its bare months
    year_here = anchor_value if year_end and anchor_value and len(anchor_value) == 4 and anchor_value.isdigit() \
        and not _SENTENCE_BREAK.search(text, year_end, c.start) \
        and not _CLAUSE_BREAK.search(text, year_end, c.start) else None
    return Frame(dct=dct, tense=tense, anchor_day=anchor_day, anchor_value=anchor_value,
                 before=cased.lower(), after=text[c.end:c.end + 40], before_cased=cased, sentence_year=year_here,
                 story=_story(dct, tense, story, history))


_STORY_GAP = 2  # years between the narrative's date and publication from which the narrative frames bare dates


def _story(dct: date | None, tense: int, anchor_value: str | None, history: bool = False) -> str | None:
    """The narrative value that frames a bare month or day, when the story is far from the time of writing.

    Without a publication date every bare date belongs to the story; with one, only the past
    tense does, and a bare year only in a text told mostly of the past (``history``: more of its dates lie
    years from publication than near it) ("by late September the forts had fallen"), while the present and the future
    speak of the writer's time ("the town will mark the anniversary on Sunday").
    """
    if not anchor_value or not _ABSOLUTE.match(anchor_value) or not anchor_value[:4].isdigit():
        return None
    if dct is None:
        return anchor_value
    if tense != PAST or abs(int(anchor_value[:4]) - dct.year) < _STORY_GAP:
        return None
    if not _WITHIN_YEAR.match(anchor_value) and not history:
        return None  # a bare year far back in the news ("joined NATO in 1982") leaves the news's own months to it
    return anchor_value  # a history ("In 1916 it moved to the Somme. In early July ...") counts on from its year


_WITHIN_YEAR = re.compile(r"\d{4}-(?:\d\d|SP|SU|FA|WI)")


_UNTIL_BEFORE = re.compile(r"(?i)\b(?:until|till|to|through)\s+$")


def _moves_story(text: str, c: Candidate) -> bool:
    """True for a date the narrative moves to: not a bare season ("the men spent the winter"), nor the end of a
    stretch ("from late October until February"), which frame the story without moving its time on."""
    if c.rule == "season" and not c.match.group("year"):
        return False
    return not _UNTIL_BEFORE.search(text[max(0, c.start - 10):c.start])


# verbs that set a date for what is still to come ("polling was fixed for 30 October", "called an election for June")
_SETTING = frozenset({"fix", "set", "schedule", "plan", "call", "slate", "expect", "intend", "arrange", "timetable",
                      "postpone", "delay", "adjourn", "put"})
_FOR_BY = re.compile(r"(?i)\b(?:for|by)\s+(?:the\s+)?$")


def _planned(text: str, parsed: Parsed, c: Candidate) -> bool:
    """True for a date a past clause looks forward to, which does not move the story's time on: a plan or an
    expectation ("was expected to reach the Cape by the end of August", "polling was fixed for 30 October",
    "would not return until May")."""
    toks = parsed.tokens_in(c.start, c.end)
    verb = _governing_verb(parsed, toks[0]) if toks else None
    if verb is None:
        return False
    aux = [k for k in parsed.children(verb.i) if k.dep in ("aux", "auxpass")]
    if any(a.lemma.lower() in ("would", "should") for a in aux):
        return True
    if verb.tag == "VB" and any(a.tag == "TO" for a in aux):
        return True  # an infinitive: what was to happen
    return verb.lemma.lower() in _SETTING and bool(_FOR_BY.search(text[max(0, c.start - 12):c.start]))


def _strays_from(story: str | None, value: str, dct: date | None, c: Candidate) -> bool:
    """True for a bare month or season read from the writer's year inside a history told years back: it leaves the
    story where it was (a clause the parse misread as present must not carry the history to the writer's time)."""
    if story is None or dct is None or not story[:4].isdigit() or _NAMES_A_YEAR.search(c.match.group()):
        return False
    far_story = abs(int(story[:4]) - dct.year) >= _STORY_GAP
    return far_story and c.rule in ("month", "season") and abs(int(value[:4]) - dct.year) < _STORY_GAP


def _background(parsed: Parsed, c: Candidate) -> bool:
    """True for a date in a relative clause that looks back ("the men who had sailed in 1915"): it tells of a
    participant, and the narrative's time stays where it was."""
    toks = parsed.tokens_in(c.start, c.end)
    verb = _governing_verb(parsed, toks[0]) if toks else None
    return verb is not None and verb.dep == "relcl" and _looks_back(parsed, c)


_BY_BEFORE = re.compile(r"(?i)\bby\s+(?:the\s+(?:morning|afternoon|evening|night|end|middle|start|beginning)"
                        r"\s+of\s+)?$")


def _looks_back(parsed: Parsed, c: Candidate) -> bool:
    """True for a candidate in a past perfect clause ("had been chartered two years earlier"); not for the time the
    perfect is reckoned from ("by the spring the majority had gone")."""
    if _BY_BEFORE.search(parsed.text[max(0, c.start - 30):c.start]):
        return False
    toks = parsed.tokens_in(c.start, c.end)
    verb = _governing_verb(parsed, toks[0]) if toks else None
    if verb is None:
        return False
    return any(k.dep == "aux" and k.lemma.lower() == "have" and k.tag == "VBD" for k in parsed.children(verb.i))


def _narrowed_start(text: str, start: int, value: str | None) -> int:
    """The start of the span with a narrowing phrase before it ("the end of", "early") taken in."""
    if not value or not _ABSOLUTE.match(value):
        return start
    m = _NARROWING.search(text[max(0, start - 40):start])
    return start - len(m.group()) if m else start


# "three days later than planned": a shift from a plan, whose complement belongs to the span
_THAN_PLANNED = re.compile(r"(?i) than (?:(?:originally|initially|first|previously) )?(?:planned|scheduled|expected"
                           r"|anticipated|intended|forecast|promised|hoped)\b")
_APPOSITION = re.compile(r"\s*,\s*$")


def _restated(text: str, start: int, found: list[Timex]) -> tuple[str, str | None] | None:
    """The type and value of the date a shift-from-plan stands beside ("on May 9, two days later than planned")."""
    if not found:
        return None
    last = found[-1]
    if last.type not in ("DATE", "TIME") or not last.value or not _ABSOLUTE.match(last.value):
        return None
    return (last.type, last.value) if _APPOSITION.fullmatch(text, last.end, start) else None


def _shift_from_plan(c: Candidate) -> tuple[str, str | None] | None:
    """The stretch a shift from an unnamed plan amounts to ("three weeks later than expected" -> P3W)."""
    n = number_value(c.match.group("num") or "")
    return ("DURATION", duration_value(n, unit_code(c.match.group("unit") or ""))) if n else None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``[start, end)`` without the edge words TIMEX3 leaves out ("just", "within", a possessive)."""
    lead = _LEADING_NON_TIMEX.match(text, start, end)
    if lead:
        start = lead.end()
    tail = _TRAILING_NON_TIMEX.search(text[start:end])
    if tail and tail.start() > 0:
        end = start + tail.start()
    return start, end


# a shift back ("two years earlier", "a year ago", "year-ago") looks back from the story without moving it on
_FLASHBACK = re.compile(r"(?i)\b(?:ago|earlier|before|previously|prior)$|year-(?:ago|earlier)")
_TENSE_RULES = frozenset({"weekday", "month", "mdy", "dmy", "quarter", "clock", "ampm", "military", "noon", "hour_part",
                          "season", "holiday"})


_NAMES_A_YEAR = re.compile(r"\b(?:1\d|20)\d\d\b")


def _era(c: Candidate) -> bool:
    """True for "the decade", "the century": the tense says whether a history's own era is meant."""
    return c.rule == "that_unit" and c.match.group("unit").lower() in ("decade", "century")


def _ahead_word(c: Candidate) -> bool:
    """True for "soon", "later": the tense says whether they look ahead of the writing or of the story."""
    return c.rule == "vague" and c.match.group().lower() in ("soon", "very soon", "later")


def _next_word(parsed: Parsed, end: int) -> str:
    """The lemma and tag of the first token after character ``end`` ("control/VBZ"), "" at the end."""
    toks = parsed.tokens_in(end, end + 40)
    if not toks:
        return ""
    tok = parsed.tokens[toks[0]]
    return f"{tok.lemma.lower()}/{tok.tag}"


_OPEN_QUOTE = re.compile(r"(?:[\"“‘]|''|``)$")
_CLOSE_QUOTE = re.compile(r"[,.!?]?(?:[\"”’]|'')")


def _quoted_title(text: str, c: Candidate) -> bool:
    """True for the whole title of a work in quotes ("60 Minutes", ABC's "This Week"): a name, not a time."""
    words = c.match.group().split()
    if len(words) < 2:
        return False  # '"Tuesday," she said': a one-word answer in quotes is still the day
    return all(w[:1].isupper() or w[:1].isdigit() for w in words) and any(w[:1].isupper() for w in words) \
        and bool(_OPEN_QUOTE.search(text, max(0, c.start - 2), c.start)) and bool(_CLOSE_QUOTE.match(text, c.end))


# "the day before" a named day: the shift and the day are one date
_DAY_SHIFT = re.compile(r"(?i)(?<=\bthe )day (before|after) $")


def timexes_of(parsed: Parsed, dct: date | None) -> tuple[Timex, ...]:
    """Every temporal expression of the text, in text order, with its TIMEX3 type and value."""
    text = parsed.text
    # left to right, the longest first: a candidate inside or across one already taken is dropped
    candidates = sorted(find_candidates(text), key=lambda c: (c.start, c.start - c.end))
    taken_to = 0  # the end of the last span taken
    found: list[Timex] = []
    anchor_day: date | None = None
    ahead_day: date | None = None  # the last day named that is not before publication
    anchor_value: str | None = None
    story: str | None = None  # the last date that moves the narrative on: named in full, or a day, month or shift
    year_end = 0  # where the anchor was named, when it is a year that frames its clause ("In 2007, ...")
    far = near = 0  # the dates named so far at least _STORY_GAP years from publication, and the nearer ones
    for c in candidates:
        if c.start < taken_to:
            continue
        tense = _tense_of(text, parsed, c) if c.rule in _TENSE_RULES or _era(c) else PRESENT
        if (_ahead_word(c) or (c.rule == "ago" and number_value(c.match.group("num") or "") is None)) \
                and _finite_past(parsed, c):
            tense = PAST
        frame = _frame(text, c, dct, tense, anchor_day, anchor_value, year_end, story, near == 0 and far >= 2)
        if frame.story and c.rule in _TENSE_RULES and _looks_back(parsed, c):
            frame = replace(frame, story_back=True)
        if c.rule == "vague":
            frame = replace(frame, next_word=_next_word(parsed, c.end))
        if ahead_day:
            frame = replace(frame, ahead_day=ahead_day)
        result = normalise(c, frame)
        if result is None or _quoted_title(text, c):
            continue
        kind, value = result
        end = c.match.end("unit") if c.rule == "ago" and kind == "DURATION" else c.end
        than = _THAN_PLANNED.match(text, c.end) if c.rule == "ago" else None
        if than:
            end = than.end()
            kind, value = _restated(text, c.start, found) or _shift_from_plan(c) or (kind, value)
        start = _narrowed_start(text, c.start, value) if kind == "DATE" else c.start
        if c.rule == "month" and c.match.group().lower().startswith("following") and \
                text[max(0, start - 4):start].lower() == "the ":
            start -= 4  # "the following October", as "the following year" is drawn
        if start < taken_to:
            start = c.start
        taken_before = taken_to
        taken_to = end
        start, end = _trimmed(text, start, end)
        shift = _DAY_SHIFT.search(text, max(0, start - 24), start) if kind == "DATE" and value else None
        if shift and value and _DAY_VALUE.fullmatch(value) and shift.start() >= taken_before:
            # "the day before last Tuesday's hearing": one date, a day off the day it names
            step = 1 if shift.group(1).lower() == "after" else -1
            start, value = shift.start(), (date.fromisoformat(value) + timedelta(days=step)).isoformat()
        found.append(Timex(text=text[start:end], start=start, end=end, type=kind, value=value))
        if dct is not None and value and value[:4].isdigit() and (_NAMES_A_YEAR.search(c.match.group())
                                                                  or c.rule not in ("month", "season", "relative")):
            # what the text is told of: a year written out ("in 1916") or a day counted from the writer's
            # ("on Tuesday", "last week"); not a bare month or "the next year", whose year was worked out
            if abs(int(value[:4]) - dct.year) >= _STORY_GAP:
                far += 1
            else:
                near += 1
        if value and kind in ("DATE", "TIME") and _ABSOLUTE.match(value) and not _FLASHBACK.search(c.match.group()) \
                and not _background(parsed, c):
            anchor_value = value
            if _moves_story(text, c) and not _planned(text, parsed, c) and not _looks_back(parsed, c) \
                    and not _strays_from(story, value, dct, c):
                story = value  # a plan ("fixed for 30 October") or a flashback ("had sailed in 1915") leaves it
            year_end = c.end if _frames_its_clause(text, c) else 0
            if _DAY_VALUE.match(value):
                anchor_day = date.fromisoformat(value[:10])
                if dct is not None and anchor_day >= dct:
                    ahead_day = anchor_day
    found.extend(_year_ranges(text, found))
    found.sort(key=lambda t: t.start)
    return tuple(found)


_YEAR_RANGE = re.compile(r"\b(?:[Ff]rom|[Bb]etween) (1[5-9]\d\d|20\d\d) (?:to|and|until|till|through) "
                         r"(1[5-9]\d\d|20\d\d)\b")


_MOVED = re.compile(r"(?i)\b(?:back|forward|delay\w*|postpon\w*|mov\w*|push\w*|shift\w*|chang\w*|brought|bring\w*"
                    r"|put off|extend\w*|advanc\w*)\b[^.;]{0,40}$")


def _year_ranges(text: str, found: list[Timex]) -> list[Timex]:
    """The stretch of a range of years ("from 2009 to 2011" -> P2Y), laid over the two years' own timexes.

    News TimeML (MEANTIME) marks the range as a duration besides its two ends.
    """
    years = {(t.start, t.end) for t in found if t.type == "DATE" and t.value and len(t.value) == 4}
    out: list[Timex] = []
    for m in _YEAR_RANGE.finditer(text):
        first, last = int(m.group(1)), int(m.group(2))
        if _MOVED.search(text[max(0, m.start() - 50):m.start()]):
            continue  # "pushed back its target from 2005 to 2006": a change of date, not a stretch of time
        if m.span(1) in years and m.span(2) in years and 0 < last - first < 100:
            out.append(Timex(text=m.group(), start=m.start(), end=m.end(), type="DURATION", value=f"P{last - first}Y"))
    return out


def find_timexes(ctx: Context) -> Context:
    """The context with its ``timexes`` layer filled."""
    try:
        found = timexes_of(ctx.parsed, ctx.published)
    except Exception:
        # an odd document must lose its timexes, never its analysis
        return replace(ctx, timexes=(), warnings=(*ctx.warnings, "timexes: could not be read"))
    return replace(ctx, timexes=found)
