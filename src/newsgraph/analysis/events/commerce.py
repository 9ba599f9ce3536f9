"""A firm's deal, bid or offer to buy or sell: trade, not a PLOVER event between parties.

Read off BBC business news, many false events were a commercial transaction told in the words of
diplomacy: "Lenovo signed a deal to buy IBM's PC division", "Holcim has bid $800m to buy two firms",
"Aggregate Industries agreed a takeover by Holcim". PLOVER codes political interaction; the project's own
event gold marks such deals as no event ("announced a deal to buy a rival chipmaker"). The test is the
frame of the trigger: what is agreed, bid or signed is a takeover, a merger, a stake, a sale or a purchase,
or a clause of buying or selling hangs from it, or the bid is a sum of money; and the doer is no state
(a country or its people named as subject stay: "India agreed to buy fighter jets"), nor is the thing
bought arms.
"""

from __future__ import annotations

from newsgraph.analysis.events.lexicon import Sense
from newsgraph.analysis.parsed import Parsed, Token
from newsgraph.lexicon import words

_TRADING = frozenset({"AGREE", "REQUEST", "COOPERATE", "SUPPORT", "CONSULT", "REJECT", "CONCEDE"})
_DEALS = frozenset({"deal", "agree", "agreement", "bid", "offer", "sign", "signing", "contract", "accept", "reject",
                    "talk", "negotiate", "negotiation", "approve", "back", "support", "buy", "sell", "acquire",
                    "purchase", "sale"})
_FRAMES = frozenset({"dobj", "nsubjpass", "xcomp", "acl", "advcl", "relcl", "compound", "pcomp"})
_STATES = frozenset({"GPE", "NORP"})
_STATE_WORDS = frozenset({"government", "ministry", "state", "country", "army", "military", "navy", "parliament",
                          "minister", "president", "council", "authority", "regime"})


def traded(parsed: Parsed, tok: Token, sense: Sense, kids: list[Token]) -> bool:
    """True when ``tok`` in ``sense`` is a deal, a bid or an offer of trade, or a purchase, not an event."""
    return sense.type in _TRADING and tok.lemma.lower() in _DEALS and trade(parsed, tok, kids)


def trade(parsed: Parsed, tok: Token, kids: list[Token]) -> bool:
    """True when the deal, bid or offer ``tok`` is a commercial transaction by no state."""
    frame = kids + [g for c in kids if c.dep in ("dobj", "prep") for g in parsed.children(c.i)]
    frame += [g for c in frame if c.dep in ("dobj", "pobj") for g in parsed.children(c.i)]  # "a deal to buy"
    if tok.dep == "dobj" and tok.head != tok.i:  # "signed a deal to buy", the clause hung on the verb
        frame += [c for c in parsed.children(tok.head) if c.dep in ("xcomp", "advcl")]
    commerce = words("events/commerce")
    if tok.lemma.lower() in commerce:  # "bought the club", "devices are bought by pioneers"
        found = [tok]
        money = False
    else:
        found = [c for c in frame if c.dep in _FRAMES | {"pobj"} and c.lemma.lower() in commerce]
        money = any(e.label == "MONEY" and any(e.first <= c.i < e.last for c in kids if c.dep == "dobj")
                    for e in parsed.ents) and tok.lemma.lower() in ("bid", "offer")
    if not found and not money:
        return False
    arms = words("events/arms")
    for c in found:
        lo, hi = parsed.subtree(c.i)
        if any(t.lemma.lower() in arms for t in parsed.tokens[lo:hi]):
            return False  # "agreed to buy fighter jets": arms between states
    return not _by_a_state(parsed, tok)


def _by_a_state(parsed: Parsed, tok: Token) -> bool:
    """True when the doer of ``tok`` (its subject, or the subject of the verb whose object it is) is a state."""
    doer_of = [tok]
    if tok.pos == "NOUN" and tok.head != tok.i:
        doer_of.append(parsed.tokens[tok.head])
    for v in doer_of:
        for c in parsed.children(v.i):
            if c.dep not in ("nsubj", "nsubjpass", "agent"):
                continue
            heads = [c] + [g for g in parsed.children(c.i) if g.dep == "pobj"]
            for h in heads:
                if h.lemma.lower() in _STATE_WORDS:
                    return True
                if any(e.label in _STATES and e.first <= h.i < e.last for e in parsed.ents):
                    return True
    return False
