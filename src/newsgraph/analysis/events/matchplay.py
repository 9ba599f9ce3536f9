"""Contest words in a match report: play, not force.

A match report ("Moya beat Roddick 6-2 6-4", "New Zealand demolished them 52-3") tells a game in the
words of force: beat, crush, thrash, attack, clash, capture. Read off BBC sport, an article that gives two
or more scorelines is a match report (104 of 511 BBC sport articles, 6 of the 1,714 others, none of the
gold sets' articles). There an ASSAULT or COERCE, or a THREATEN with no threatened deed, is play, unless
the sentence tells real violence: a word of harm or force ("police", "injured", "bomb", "riot") anywhere in
it, or a crowd, a steward or a referee as the doer or the target ("supporters attacked the team bus").
The cue is the article, not the parties: athletes are PERSON and national sides GPE, so no kind of party
tells a game from a fight.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.analysis.events.lexicon import Sense
from newsgraph.analysis.parsed import Parsed, Token
from newsgraph.lexicon import words

_CONTEST = frozenset({"ASSAULT", "COERCE", "THREATEN"})
# "6-2", "27-27", "7-6": two numbers of one or two digits joined by a hyphen or a dash, no date or range
_SCORELINE = re.compile(r"(?<![\d\-\u2013./])\d{1,2}\s?[-\u2013]\s?\d{1,2}"
                        r"(?![\d\-\u2013]|[./]\d|\s?(?:%|per|years|year-olds))")
_ARGS = frozenset({"nsubj", "nsubjpass", "dobj", "poss"})


@lru_cache(maxsize=16)
def match_report(text: str) -> bool:
    """True when the article gives two or more scorelines."""
    found = _SCORELINE.finditer(text)
    return next(found, None) is not None and next(found, None) is not None


def match_play(parsed: Parsed, tok: Token, sense: Sense, kids: list[Token]) -> bool:
    """True for a contest word in a match report that tells the game ("beat Roddick 6-2 6-4"), not force."""
    if sense.type not in _CONTEST:
        return False
    if sense.type == "THREATEN" and any(c.dep in ("xcomp", "ccomp") for c in kids):
        return False  # "the club threatened to report the fans": a threat of a deed, not play
    if not match_report(parsed.text):
        return False
    sent = parsed.sentence_of(tok.i)
    cues = words("events/violence_cues")
    if any(t.lemma.lower() in cues or t.text.lower() in cues for t in parsed.tokens[sent.first:sent.last]):
        return False
    crowds = words("events/crowds")
    return not any(a.lemma.lower() in crowds for a in _arguments(parsed, kids))


def _arguments(parsed: Parsed, kids: list[Token]) -> list[Token]:
    """The doer and the done-to of a trigger: its subjects, objects and possessor, the objects of its
    prepositions ("the attack on the bus by fans"), and what is coordinated with them."""
    args = [c for c in kids if c.dep in _ARGS]
    args += [g for c in kids if c.dep in ("prep", "agent") for g in parsed.children(c.i) if g.dep == "pobj"]
    return args + [g for a in args for g in parsed.children(a.i) if g.dep == "conj"]
