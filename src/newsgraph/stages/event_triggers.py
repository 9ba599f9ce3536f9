"""Event triggers: the words of the lexicon found in the parse, and which of them govern the others.

One event per happening per clause: a trigger governed by another ("threatened to cut
off", "demanded the withdrawal", "wounded ... in a bomb attack") is a member of the
governing event, not an event of its own; a noun trigger hangs on its verb ("held talks").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from newsgraph.lexicon import words
from newsgraph.parsed import Parsed, Token
from newsgraph.stages.event_lexicon import INTENT, SUPPORT_VERB, Sense, sector_of_word, senses

REPORTING = frozenset({"say", "tell", "report", "announce", "add", "state", "confirm", "claim", "write",
                       "declare", "insist", "reiterate", "note", "quote", "show", "stress", "repeat", "argue"})
# "a mediation effort", "a coup attempt": the noun before them names the happening
_FRAME_NOUNS = frozenset({"effort", "attempt", "bid", "campaign", "operation", "process", "programme", "program",
                          "mission", "initiative"})
_NOT_EVENTS = frozenset({"press", "news"})
_NON_EVENT_COMPLEMENTS = frozenset({"comment", "elaborate", "speculate", "say", "disclose", "specify", "name",
                                    "confirm", "answer", "respond", "reveal", "identify", "discuss"})
_QUANTITIES = frozenset({"one", "some", "part", "series", "round", "wave", "number", "couple", "several", "any",
                         "ton", "tonne", "kg", "worth", "amount", "package", "shipment", "consignment", "batch"})
# Happenings told as the background of another: "after fierce fighting", "despite hours of talks"
_BACKGROUND_PREPS = frozenset({"after", "since", "following", "before", "during", "despite", "amid", "amidst"})
_BACKGROUND_MARKS = frozenset({"after", "since", "before", "when", "as", "because", "while", "until", "although",
                               "though"})


@dataclass(slots=True)
class Trigger:
    """A word that names a happening, the sense it has here and the verb that governs it."""

    tok: int
    sense: Sense
    anchor: int  # the verb whose subject, auxiliaries and negation are the event's (tok for a verb)
    slot: int = -1  # the word of the trigger's phrase that hangs on the anchor ("tons" of "tons of aid")
    members: list[int] = field(default_factory=list)  # triggers it absorbs ("threatened to [cut off]")


# ---------------------------------------------------------------- finding triggers


def _companion_lemmas(parsed: Parsed, i: int) -> set[str]:
    """The lemmas beside token ``i``: its children and the nouns of its prepositional phrases."""
    out: set[str] = set()
    for c in parsed.children(i):
        out.add(c.lemma.lower())
        out.add(c.text.lower())
        if c.dep == "dobj":  # "ended mediation efforts"
            out.update(g.lemma.lower() for g in parsed.children(c.i) if g.dep == "compound")
        if c.dep == "prep" or c.dep == "agent":
            out.update(g.lemma.lower() for g in parsed.children(c.i) if g.dep in ("pobj", "pcomp"))
    return out


def _has_partner(parsed: Parsed, i: int, refers_to: Mapping[int, str]) -> bool:
    """True when "spoke"/"talks"/"clashes" has a partner, coordinated parties, or a phone."""
    for c in parsed.children(i):
        if c.dep == "prep" and c.text.lower() in ("with", "to", "between", "on", "against", "from", "by"):
            for g in parsed.children(c.i):
                if g.lemma.lower() in ("phone", "telephone") or (g.dep == "pobj" and is_party(parsed, g.i, refers_to)):
                    return True
        if c.dep in ("nsubj", "nsubjpass", "poss", "amod", "compound") and (
                any(g.dep == "conj" for g in parsed.children(c.i)) or (c.i in refers_to and c.dep != "nsubj")):
            return True  # "Kenya and Uganda talked", "Israeli-Palestinian talks"
    subj = [c for c in parsed.children(i) if c.dep == "nsubj"]
    return bool(subj) and parsed.tokens[subj[0].i].tag in ("NNS", "NNPS") and parsed.tokens[i].pos == "VERB"


def sense_of(parsed: Parsed, tok: Token, refers_to: Mapping[int, str]) -> Sense | None:
    """The lexicon's sense of this token here, or None when it is no trigger."""
    options = senses().get(tok.lemma.lower()) or senses().get(tok.text.lower())
    if not options:
        return None
    if tok.pos in ("NOUN", "PROPN") and tok.dep in ("compound", "amod") \
            and parsed.tokens[tok.head].lemma.lower() not in _FRAME_NOUNS:
        return None  # "compensation payments", "aid groups": a modifier, not a happening
    if tok.pos == "NOUN" and any(c.dep == "compound" and c.lemma.lower() in _NOT_EVENTS
                                 for c in parsed.children(tok.i)):
        return None  # "a press release"
    if tok.pos == "VERB" and tok.dep == "amod":
        return None
    if tok.pos == "PROPN" and not (tok.text.islower() or parsed.sentence_of(tok.i).first == tok.i):
        return None  # "March", "Operation Talks": a name, unless only the sentence's first word
    near: set[str] | None = None
    for s in options:
        if not s.fits(tok.pos):
            continue
        if s.needs is not None:
            if near is None:
                near = _companion_lemmas(parsed, tok.i)
            if s.needs not in near:
                continue
        if "partner" in s.flags and not _has_partner(parsed, tok.i, refers_to):
            continue
        if not _fits_flags(parsed, tok, s.flags, refers_to):
            continue
        return s
    return None


def _fits_flags(parsed: Parsed, tok: Token, flags: frozenset[str], refers_to: Mapping[int, str]) -> bool:
    """True when the token's arguments fit what the sense's flags ask for (see events_triggers.tsv)."""
    kids = list(parsed.children(tok.i))
    objects = [c for c in kids if c.dep in ("dobj", "dative")]
    if "animate" in flags and any(not is_party(parsed, c.i, refers_to) for c in objects):
        return False  # "met its targets"
    if "party-object" in flags and not any(is_party(parsed, c.i, refers_to) for c in objects):
        return False  # "recognised the need"
    if "transitive" in flags and not any(c.dep in ("dobj", "xcomp", "ccomp", "dative") for c in kids) \
            and tok.dep not in ("acl", "relcl") and not any(c.dep == "nsubjpass" for c in kids):
        return False  # "exports declined"
    if "countable" in flags and tok.tag != "NNS" and not any(c.dep in ("poss", "acl") for c in kids) \
            and not any(c.dep == "det" and c.text.lower() in ("a", "an", "this", "that") for c in kids):
        return False  # "domestic demand"
    # "declined to comment", "refused to say": no happening
    return not any(c.dep == "xcomp" and c.lemma.lower() in _NON_EVENT_COMPLEMENTS for c in kids)


def is_party(parsed: Parsed, k: int, refers_to: Mapping[int, str]) -> bool:
    """True for a word that names a party: an entity, a person pronoun, a title or a group of people."""
    t = parsed.tokens[k]
    if k in refers_to or t.pos == "PROPN" or (t.pos == "PRON" and t.dep != "expl"):
        return True
    lemma = t.lemma.lower()
    return lemma in words("titles") or sector_of_word(lemma) is not None or any(
        refers_to.get(c.i) for c in parsed.children(k) if c.dep in ("poss", "amod", "compound"))


def verb_above(parsed: Parsed, i: int) -> int:
    """The verb a noun trigger hangs on, or ``i``."""
    return _attachment(parsed, i)[0]


def _attachment(parsed: Parsed, i: int) -> tuple[int, int]:
    """The verb a noun trigger hangs on ("held [talks]", "flew to Washington for [talks]") and the word
    that hangs on it; ``(i, i)`` when there is none.

    Only the noun's own verb: as its object, or through one preposition, or through a
    quantity ("placed one of his calls"); never through another noun's phrase.
    """
    t = parsed.tokens[i]
    if t.dep == "compound" and parsed.tokens[t.head].lemma.lower() in _FRAME_NOUNS:
        t = parsed.tokens[t.head]  # "launched a mediation effort"
    for _ in range(3):
        if t.head == t.i:
            break
        head = parsed.tokens[t.head]
        if t.dep in ("dobj", "attr", "oprd", "nsubjpass", "nsubj") and head.pos in ("VERB", "AUX"):
            return head.i, t.i
        if t.dep == "pobj" and head.pos == "ADP" and head.head != head.i:
            above = parsed.tokens[head.head]
            if above.pos in ("VERB", "AUX"):
                return above.i, t.i
            if above.pos == "NUM" or above.lemma.lower() in _QUANTITIES:
                t = above
                continue
        break
    return i, i


def object_anchor(parsed: Parsed, trig: Trigger) -> bool:
    """True when the noun trigger is the object of its verb ("held talks"): the verb is part of the event."""
    if trig.anchor == trig.tok:
        return False
    t = parsed.tokens[trig.slot]
    return t.dep in ("dobj", "attr", "oprd") or (t.dep == "pobj" and parsed.tokens[t.head].head == trig.anchor
                                                  and parsed.tokens[trig.anchor].lemma.lower() in _support_lemmas())


@lru_cache(maxsize=1)
def _support_lemmas() -> frozenset[str]:
    """The lemmas of the support verbs ("hold", "impose")."""
    return frozenset(k for k, v in senses().items() if any(s.type == SUPPORT_VERB for s in v))


# "X said that Y must hand over ...": a demand made by the one who says it
OBLIGATION = Sense(lemma="must", pos="V", type="REQUEST", mode=None, needs=None,
                   flags=frozenset({"control", "obligation"}))


def _is_reported_obligation(parsed: Parsed, tok: Token, refers_to: Mapping[int, str]) -> bool:
    """True for a clause "Y must ..." that someone states ("declared that China must drop ...")."""
    if tok.pos not in ("VERB", "AUX") or tok.dep not in ("ccomp", "acl") or tok.head == tok.i:
        return False
    if not any(c.dep == "aux" and c.text.lower() == "must" for c in parsed.children(tok.i)):
        return False
    teller = parsed.tokens[tok.head]
    if teller.lemma.lower() not in REPORTING and teller.pos != "NOUN":
        return False
    return any(c.dep == "nsubj" and is_party(parsed, c.i, refers_to) for c in parsed.children(tok.i))


def _inside_names(parsed: Parsed) -> set[int]:
    """The tokens of the model's names ("Cessation of Hostilities", "16 March"): no trigger there."""
    return {k for e in parsed.ents if e.label not in ("NORP",) for k in range(e.first, e.last)}


def find_triggers(parsed: Parsed, refers_to: Mapping[int, str]) -> list[Trigger]:
    """Every event trigger of the text, each with the verb that governs it."""
    out = []
    named = _inside_names(parsed)
    for tok in parsed.tokens:
        if tok.pos not in ("VERB", "NOUN", "PROPN", "AUX") or (tok.i in named and tok.pos != "VERB"):
            continue
        if _is_reported_obligation(parsed, tok, refers_to):
            out.append(Trigger(tok.i, OBLIGATION, tok.i, tok.i))
            continue
        if tok.pos == "AUX":
            continue
        sense = sense_of(parsed, tok, refers_to)
        if sense is None or sense.type in (SUPPORT_VERB, INTENT):
            continue
        anchor, slot = (tok.i, tok.i) if tok.pos == "VERB" else _attachment(parsed, tok.i)
        out.append(Trigger(tok.i, sense, anchor, slot))
    return out


def governing_triggers(parsed: Parsed, triggers: list[Trigger]) -> list[Trigger]:
    """The triggers no other trigger governs, each with the ones it absorbs as members.

    A trigger is absorbed by the first trigger (or the verb a noun trigger hangs on) above
    it. Coordinated triggers ("donated and delivered") are absorbed only when what they
    are coordinated with is.
    """
    at = {t.tok: t for t in triggers}
    anchors: dict[int, int] = {}
    for cand in triggers:
        if object_anchor(parsed, cand):
            anchors.setdefault(cand.anchor, cand.tok)
    roots: list[Trigger] = []
    owner_of: dict[int, int] = {}
    for trig in triggers:
        t = parsed.tokens[trig.tok]
        owner = None
        steps = 0
        while t.head != t.i and steps < 30:
            coordinated = t.dep == "conj" and t.i in (trig.tok, trig.anchor)
            if t.dep == "relcl" and any(c.dep in ("nsubj", "nsubjpass") and c.tag in ("WP", "WDT")
                                        for c in parsed.children(t.i)):
                break  # "a president who had been threatening sanctions": its own happening
            t = parsed.tokens[t.head]
            steps += 1
            if coordinated and (t.i in at or t.i in anchors):
                continue  # a fellow of the coordination: look above it for a governor
            if t.i in at and t.i != trig.tok:
                owner = t.i
                break
            if t.i in anchors and anchors[t.i] != trig.tok and trig.anchor != t.i:
                owner = anchors[t.i]
                break
        if owner is None:
            roots.append(trig)
        else:
            owner_of[trig.tok] = owner
    root_ids = {r.tok for r in roots}
    by_tok = {r.tok: r for r in roots}
    for tok, owner in owner_of.items():
        seen = 0
        while owner not in root_ids and owner in owner_of and seen < 30:
            owner = owner_of[owner]
            seen += 1
        if owner in by_tok:
            by_tok[owner].members.append(tok)
    return [r for r in roots if not _is_background(parsed, r)]


def _is_background(parsed: Parsed, trig: Trigger) -> bool:
    """True for a participle that only describes a noun ("West Africans ordered out of Nigeria")."""
    tok = parsed.tokens[trig.tok]
    if tok.pos != "VERB" or tok.dep != "acl" or "obligation" in trig.sense.flags:
        return False
    verbs = [tok.i, *(c.i for c in parsed.children(tok.i) if c.dep == "conj")]
    return not any(c.dep in ("dobj", "ccomp", "xcomp", "dative") for v in verbs for c in parsed.children(v))


def _is_told_as_background(parsed: Parsed, trig: Trigger) -> bool:
    """True when the trigger sits in an "after ..."/"despite ..." phrase or a "when ..." clause."""
    t = parsed.tokens[trig.tok]
    for _ in range(30):
        if t.head == t.i:
            return False
        if t.dep == "prep" and t.lemma.lower() in _BACKGROUND_PREPS:
            return True
        if t.dep == "advcl" and any(c.dep == "mark" and c.text.lower() in _BACKGROUND_MARKS
                                    for c in parsed.children(t.i)):
            return True
        t = parsed.tokens[t.head]
    return False


def main_happenings(parsed: Parsed, roots: list[Trigger]) -> list[Trigger]:
    """The roots without those told only as the background of a main happening of their sentence."""
    background = {r.tok for r in roots if _is_told_as_background(parsed, r)}
    main_sents = {parsed.tokens[r.tok].sent for r in roots if r.tok not in background}
    return [r for r in roots if r.tok not in background or parsed.tokens[r.tok].sent not in main_sents]


