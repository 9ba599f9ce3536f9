"""Temporal expressions, normalised to TIMEX3 values against the publication date.

Candidates come from the surface patterns in ``timex_patterns.py``; they are read
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
from datetime import date

from newsgraph.context import Context
from newsgraph.model import Timex
from newsgraph.parsed import Parsed, Token
from newsgraph.stages.timex_calendar import FUTURE, PAST, PRESENT, Frame
from newsgraph.stages.timex_normalise import normalise
from newsgraph.stages.timex_patterns import Candidate, find_candidates

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "’ll"})
_PAST_TAGS = frozenset({"VBD"})
# words before a calendar value that narrow it and belong to its span ("the end of 2009", "early June")
_NARROWING = re.compile(r"(?i)(?:the (?:very )?(?:end|beginning|start|middle|close|turn|first half|second half"
                        r"|rest|remainder) of |(?:early|late|mid)(?:-| ))$")
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d")
_ABSOLUTE = re.compile(r"^\d{3,4}")


def _governing_verb(parsed: Parsed, i: int) -> Token | None:
    """The nearest verb at or above token ``i`` in the parse."""
    tok = parsed.tokens[i]
    if tok.pos in ("VERB", "AUX"):
        return tok
    for t in parsed.ancestors(i):
        if t.pos in ("VERB", "AUX"):
            return t
    return None


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
    if verb.tag == "VBG" and any(a.lemma.lower() == "be" for a in aux):
        return FUTURE  # "is meeting on Friday"
    if verb.tag == "VBN" and not aux:
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
_FUTURE_PREP = re.compile(r"(?i)\b(?:through|before|by)\s+$")


def _tense_of(text: str, parsed: Parsed, c: Candidate) -> int:
    """The direction a candidate points: "since" looks back, "until" ahead, else the clause's tense."""
    before = text[max(0, c.start - 12):c.start]
    if _PAST_PREP.search(before):
        return PAST
    if _UNTIL.search(before):
        return FUTURE  # "closed until Friday": the end of a state still running
    tense = clause_tense(parsed, c.start, c.end)
    if tense == PRESENT and _FUTURE_PREP.search(before):
        return FUTURE
    return tense


def _frame(text: str, c: Candidate, dct: date | None, tense: int, anchor_day: date | None,
           anchor_value: str | None) -> Frame:
    """The frame a candidate is normalised in."""
    cased = text[max(0, c.start - 40):c.start]
    return Frame(dct=dct, tense=tense, anchor_day=anchor_day, anchor_value=anchor_value,
                 before=cased.lower(), after=text[c.end:c.end + 40], before_cased=cased)


def _narrowed_start(text: str, start: int, value: str | None) -> int:
    """The start of the span with a narrowing phrase before it ("the end of", "early") taken in."""
    if not value or not _ABSOLUTE.match(value):
        return start
    m = _NARROWING.search(text[max(0, start - 40):start])
    return start - len(m.group()) if m else start


_TENSE_RULES = frozenset({"weekday", "month", "mdy", "dmy", "quarter", "clock", "ampm", "military", "noon"})


def timexes_of(parsed: Parsed, dct: date | None) -> tuple[Timex, ...]:
    """Every temporal expression of the text, in text order, with its TIMEX3 type and value."""
    text = parsed.text
    # left to right, the longest first: a candidate inside or across one already taken is dropped
    candidates = sorted(find_candidates(text), key=lambda c: (c.start, c.start - c.end))
    taken_to = 0  # the end of the last span taken
    found: list[Timex] = []
    anchor_day: date | None = None
    anchor_value: str | None = None
    for c in candidates:
        if c.start < taken_to:
            continue
        tense = _tense_of(text, parsed, c) if c.rule in _TENSE_RULES else PRESENT
        result = normalise(c, _frame(text, c, dct, tense, anchor_day, anchor_value))
        if result is None:
            continue
        kind, value = result
        start = _narrowed_start(text, c.start, value) if kind == "DATE" else c.start
        if start < taken_to:
            start = c.start
        taken_to = c.end
        found.append(Timex(text=text[start:c.end], start=start, end=c.end, type=kind, value=value))
        if value and kind in ("DATE", "TIME") and _ABSOLUTE.match(value):
            anchor_value = value
            if _DAY_VALUE.match(value):
                anchor_day = date.fromisoformat(value[:10])
    found.sort(key=lambda t: t.start)
    return tuple(found)


def find_timexes(ctx: Context) -> Context:
    """The context with its ``timexes`` layer filled."""
    try:
        found = timexes_of(ctx.parsed, ctx.published)
    except Exception:
        # an odd document must lose its timexes, never its analysis
        return replace(ctx, timexes=(), warnings=(*ctx.warnings, "timexes: could not be read"))
    return replace(ctx, timexes=found)
