"""An attack in words: "attack" coded as a criticism (PLOVER ACCUSE, disapprove), not as force.

PLOVER's codebook puts "criticize, defame, denigrate responsible parties" and "condemn, decry a policy or
an action" under ACCUSE (disapprove). News uses "attack" for both: "rebels attacked the convoy" is force,
"the minister attacked the plan" a criticism. The parse tells them apart by what is attacked and how:
a thing only words can attack (a plan, a decision, remarks, a record: ``lexicon/criticised.txt``); an
attack "for" a failing or "as" something ("attacked the chancellor for his handling", "attacked the
budget as unfair"); a modifier or a framing verb only a spoken attack takes ("a scathing attack", "attacked
the board, calling it reckless": ``lexicon/verbal_attack.txt``).
"""

from __future__ import annotations

from newsgraph.analysis.parsed import Parsed, Token
from newsgraph.lexicon import words

_ATTACK = frozenset({"attack", "assail"})
_TIME = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY"})


def verbal_attack(parsed: Parsed, tok: Token) -> bool:
    """True when the attack ``tok`` is made in words: a criticism, not force."""
    if tok.lemma.lower() not in _ATTACK:
        return False
    kids = list(parsed.children(tok.i))
    framing = words("events/verbal_attack")
    if any(c.dep in ("amod", "advcl", "xcomp", "ccomp", "conj") and c.lemma.lower() in framing for c in kids):
        return True  # "a scathing attack", "attacked the board, calling it reckless"
    if tok.pos == "VERB":
        attacked = [c for c in kids if c.dep in ("dobj", "nsubjpass")]
    else:
        attacked = [g for c in kids if c.dep == "prep" and c.text.lower() in ("on", "against")
                    for g in parsed.children(c.i) if g.dep == "pobj"]
    if tok.pos == "NOUN" and tok.head != tok.i and tok.dep == "dobj":  # "launched a scathing attack on": the verb
        kids += [c for c in parsed.children(tok.head) if c.dep == "advcl"]
        if any(c.lemma.lower() in framing for c in kids if c.dep == "advcl"):
            return True
    attacked += [g for a in attacked for g in parsed.children(a.i) if g.dep == "conj"]
    things = words("events/criticised")
    if any(a.lemma.lower() in things for a in attacked):
        return True
    return any(c.dep == "prep" and c.text.lower() in ("for", "as") and _a_reason(parsed, c) for c in kids)


def _a_reason(parsed: Parsed, prep: Token) -> bool:
    """True for the "for" or "as" of a criticism ("for failing to", "for his handling", "as unfair"), not a
    time ("for two hours") or a role of the doer."""
    objs = [g for g in parsed.children(prep.i) if g.dep in ("pobj", "pcomp", "amod", "acomp")]
    if not objs:
        return False
    if prep.text.lower() == "as":
        return any(o.pos == "ADJ" or any(k.dep == "amod" for k in parsed.children(o.i)) for o in objs)
    for o in objs:
        if o.dep == "pcomp" and o.tag == "VBG":
            return True  # "for failing to act"
        if any(e.label in _TIME and e.first <= o.i < e.last for e in parsed.ents):
            return False
        if any(k.dep == "poss" for k in parsed.children(o.i)) or o.lemma.lower() in words("events/criticised"):
            return True  # "for his handling of", "for the decision"
    return False
