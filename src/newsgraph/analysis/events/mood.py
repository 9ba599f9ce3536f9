"""The mood of an event: planned, possible, conditional, denied or failed, and the type it takes then.

PLOVER reads intent: a planned or promised deed is a promise (AGREE) when it is
cooperative and a threat (THREATEN) when it is hostile; a refused promise is a
refusal (REJECT); what is denied ("There was no deal") is negated.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.analysis.events.lexicon import COOPERATIVE, HOSTILE, INTENT, senses
from newsgraph.analysis.events.triggers import REPORTING, Trigger, object_anchor
from newsgraph.analysis.parsed import Parsed, Token

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_MAYBE_AUX = frozenset({"would", "could", "may", "might", "can", "'d"})
_OBLIGATION_AUX = frozenset({"must", "should"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
_FAILING = frozenset({"fail"})
_VERBAL = frozenset({"AGREE", "SUPPORT", "CONSULT"})
_READINESS = frozenset({"prepare", "prepared", "ready", "willing", "willingness", "readiness", "open"})


# ---------------------------------------------------------------- mood: intent, negation, condition


def _aux_lemmas(parsed: Parsed, verb: int) -> set[str]:
    return {c.text.lower() for c in parsed.children(verb) if c.dep in ("aux", "auxpass")}


def climb_clauses(parsed: Parsed, i: int) -> list[Token]:
    """The words above token ``i`` up to the clause that reports it: "[is willing] to withdraw"."""
    out = []
    t = parsed.tokens[i]
    steps = 0
    while t.head != t.i and t.dep in ("xcomp", "acomp", "pcomp", "prep", "ccomp", "conj", "advcl", "relcl", "acl",
                                      "dobj", "pobj", "attr", "nsubj", "nsubjpass") and steps < 8:
        t = parsed.tokens[t.head]
        out.append(t)
        if t.lemma.lower() in REPORTING:
            break
        steps += 1
    return out


@dataclass(frozen=True, slots=True)
class Mood:
    """Whether an event is planned, only possible, conditional, denied, or failed."""

    future: bool
    maybe: bool
    obliged: bool
    conditional: bool
    negated: bool
    failed: bool
    willing: bool = False  # the intent is only a readiness ("is prepared to", "willing to"), not a promise


def mood_of(parsed: Parsed, trig: Trigger) -> Mood:
    """The mood of the event around its trigger and governing verb."""
    anchor = trig.anchor if trig.anchor == trig.tok or _governs_mood(parsed, trig) else trig.tok
    aux = _aux_lemmas(parsed, anchor) | _aux_lemmas(parsed, trig.tok)
    future = bool(aux & _FUTURE_AUX) or "going" in aux
    maybe = bool(aux & _MAYBE_AUX)
    obliged = bool(aux & _OBLIGATION_AUX)
    negated = _has_negation(parsed, anchor) or _has_negation(parsed, trig.tok) or _without(parsed, trig.tok)
    conditional = _has_condition(parsed, anchor)
    failed = False
    willing = False
    planned = _planned(parsed, trig.tok)
    if planned is not None:  # "plans for a strike", "no plans for talks": an intended deed, not one done
        future = True
        negated = negated or _has_negation(parsed, planned.i)
    below = parsed.tokens[anchor]
    for up in climb_clauses(parsed, anchor):
        if up.lemma.lower() in REPORTING:
            if "would" in aux:
                future, maybe = True, False  # "said they would meet": the future of the past
            break
        conditional = conditional or _has_condition(parsed, up.i) or _wished(below, up)
        below = up
    t = parsed.tokens[anchor]
    if anchor == trig.tok != trig.anchor and _resumed(parsed, trig):
        t = parsed.tokens[trig.anchor]  # "is willing to return to talks": the readiness is the talks'
    for _ in range(4):  # "plans to impose", "is willing to withdraw", "failed to reach", "its readiness to talk"
        if t.head == t.i or not (t.dep in ("xcomp", "acomp") or (t.dep == "acl" and _is_intent(parsed.tokens[t.head]))):
            break
        t = parsed.tokens[t.head]
        lemma = t.lemma.lower()
        if any(s.type == INTENT for s in senses().get(lemma, ())):
            future = True
            willing = willing or lemma in _READINESS
            negated = negated or _has_negation(parsed, t.i)  # "has no plans to send troops"
        if lemma in _FAILING:
            failed = True
        future = future or bool(_aux_lemmas(parsed, t.i) & _FUTURE_AUX)
    return Mood(future, maybe, obliged, conditional, negated, failed, willing)


_RESUMING = frozenset({"return", "resume", "come", "go", "head"})


def _resumed(parsed: Parsed, trig: Trigger) -> bool:
    """True for a noun trigger a verb of going back leads to ("return to talks", "go back to the table")."""
    t = parsed.tokens[trig.tok]
    if t.dep != "pobj" or t.head == t.i:
        return False
    prep = parsed.tokens[t.head]
    return prep.text.lower() == "to" and prep.head == trig.anchor \
        and parsed.tokens[trig.anchor].lemma.lower() in _RESUMING


def _planned(parsed: Parsed, i: int) -> Token | None:
    """The word of plan an event noun hangs on by "for" or "of" ("plans for a strike", "the plan of attack")."""
    t = parsed.tokens[i]
    if t.pos != "NOUN" or t.dep != "pobj" or t.head == t.i:
        return None
    prep = parsed.tokens[t.head]
    if prep.text.lower() not in ("for", "of") or prep.head == prep.i:
        return None
    head = parsed.tokens[prep.head]
    return head if head.pos == "NOUN" and _is_intent(head) else None


def _is_intent(tok: Token) -> bool:
    """True for a word of plan or willingness ("plan", "readiness")."""
    return any(s.type == INTENT for s in senses().get(tok.lemma.lower(), ()))


def _governs_mood(parsed: Parsed, trig: Trigger) -> bool:
    """True when the verb a noun trigger hangs on also says whether it happens ("will hold talks")."""
    t = parsed.tokens[trig.slot]
    return t.dep in ("dobj", "attr", "oprd", "nsubjpass") or object_anchor(parsed, trig)


def _has_negation(parsed: Parsed, i: int) -> bool:
    for c in parsed.children(i):
        low = c.text.lower()
        if c.dep == "neg" or low in ("never", "no", "n't"):
            return True
        if low == "longer" and any(g.text.lower() == "no" for g in parsed.children(c.i)):
            return True
        if c.dep == "det" and low == "no":
            return True
    return False


def _without(parsed: Parsed, i: int) -> bool:
    """True for "held without trial": a noun trigger under "without" names what did not happen."""
    t = parsed.tokens[i]
    return t.pos in ("NOUN", "PROPN") and t.dep == "pobj" and parsed.tokens[t.head].text.lower() == "without"


_WISHING = frozenset({"hope", "wish", "pray"})


def _wished(clause: Token, up: Token) -> bool:
    """True for a deed in a clause someone hopes for ("I hope the government will release me", "hoping he
    doesn't walk out"): a wish, not the doer's act or promise."""
    return clause.dep == "ccomp" and clause.head == up.i and up.lemma.lower() in _WISHING


def _has_condition(parsed: Parsed, i: int) -> bool:
    return any(c.dep == "mark" and c.text.lower() in _CONDITIONS for c in parsed.children(i)) or (
        parsed.tokens[i].dep == "advcl"
        and any(c.dep == "mark" and c.text.lower() in _CONDITIONS for c in parsed.children(i)))


def coded_type(trig: Trigger, mood: Mood, complement: str | None, deed: str | None = None) -> tuple[str, bool]:
    """The PLOVER type the event takes in its mood, and whether it stays negated. ``deed``: the type of an
    event noun that is the trigger's direct object ("ordered [the arrest]")."""
    kind = trig.sense.type
    if "deed" in trig.sense.flags and deed is not None and deed not in _VERBAL and deed != kind:
        kind = deed  # "a court ordered the release of": the order is the release (PLOVER codes the authority)
    if kind == "AGREE" and "control" in trig.sense.flags and deed == "SUPPORT":
        return "SUPPORT", mood.negated  # "pledged its support for": a pledge of support expresses it (PLOVER SUPPORT)
    control = "control" in trig.sense.flags
    if kind == "AGREE" and control and complement in HOSTILE:
        kind = "THREATEN"  # "vowed to strike back"
    if "light" in trig.sense.flags and complement is not None and complement not in _VERBAL:
        kind = complement  # "approved a loan": the approval is the aid itself; "approved the deal" stays SUPPORT
    if mood.failed and kind in COOPERATIVE:
        return "REJECT", False  # "failed to reach agreement"
    promised = mood.future or (mood.maybe and kind in HOSTILE)
    if mood.negated and (mood.future or mood.maybe) and kind in COOPERATIVE:
        return "REJECT", False  # "will not accept"
    if promised and not control:
        if kind == "CONCEDE" and not mood.willing:
            pass  # "decided to ease the curfew", "will lift the ban": PLOVER CONCEDE is the promise of a concession
        elif kind in COOPERATIVE:  # "is prepared to lift the ban": a willingness (PLOVER AGREE)
            kind = "AGREE"
        elif kind in HOSTILE or kind == "PROTEST":
            kind = "THREATEN"  # PLOVER THREATEN: "threaten to restrict ... including boycotts, strikes"
    return kind, mood.negated or mood.failed

