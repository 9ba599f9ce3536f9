"""Event triggers: the words of the lexicon found in the parse, and which of them govern the others.

One event per happening per clause: a trigger governed by another ("threatened to cut
off", "demanded the withdrawal", "wounded ... in a bomb attack") is a member of the
governing event, not an event of its own; a noun trigger hangs on its verb ("held talks").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from newsgraph.analysis.events.commerce import traded
from newsgraph.analysis.events.criticism import verbal_attack
from newsgraph.analysis.events.lexicon import INTENT, SUPPORT_VERB, Sense, sector_of_word, senses
from newsgraph.analysis.events.matchplay import match_play
from newsgraph.analysis.events.nonacts import no_act
from newsgraph.analysis.events.petrarch import DEFAULT_FLAG, petrarch_sense
from newsgraph.analysis.parsed import Parsed, Token
from newsgraph.lexicon import words

REPORTING = frozenset({"say", "tell", "report", "announce", "add", "state", "confirm", "claim", "write",
                       "declare", "insist", "reiterate", "note", "quote", "show", "stress", "repeat", "argue"})
# "a mediation effort", "a coup attempt": the noun before them names the happening
_FRAME_NOUNS = frozenset({"effort", "attempt", "bid", "campaign", "operation", "process", "programme", "program",
                          "mission", "initiative"})
_NOT_EVENTS = frozenset({"press", "news"})
_NON_EVENT_COMPLEMENTS = frozenset({"comment", "elaborate", "speculate", "say", "disclose", "specify", "name",
                                    "confirm", "answer", "respond", "reveal", "identify", "discuss"})
_QUANTITIES = frozenset({"one", "some", "part", "series", "round", "wave", "number", "couple", "several", "any",
                         "ton", "tonne", "kg", "worth", "amount", "package", "shipment", "consignment", "batch",
                         "hundred", "thousand", "dozen", "million", "billion", "score", "tens",
                         "hour", "day", "week", "month", "year"})  # "launched ten days of war games"
_DELEGATIONS = frozenset({"delegation", "envoy", "visitor", "counterpart", "emissary"})
_WEAPONS = frozenset({"drone", "missile", "rocket", "shell", "bomb", "grenade", "mortar", "projectile", "munition",
                      "warhead", "strike", "airstrike", "attack", "raid", "offensive", "assault", "barrage"})
# "withdrew from the alliance": leaving these is a reduction of relations (SANCTION), not a retreat
_ORG_WORDS = frozenset({"treaty", "agreement", "accord", "deal", "pact", "bloc", "organization", "organisation",
                        "alliance", "union", "talks", "negotiation", "convention", "court", "council", "commonwealth",
                        "coalition", "body", "federation", "league", "community", "group", "process", "protocol"})
# Happenings told as the background of another: "after fierce fighting", "despite hours of talks"
_BACKGROUND_PREPS = frozenset({"after", "since", "following", "before", "during", "despite", "amid", "amidst"})
_CONCESSIONS = frozenset({"despite", "although", "though", "notwithstanding"})
_BACKGROUND_MARKS = frozenset({"after", "since", "before", "when", "as", "because", "while", "until", "although",
                               "though", "if", "unless"})  # a condition is no happening of its own either
# Lemma endings the model sometimes leaves on ("fined" -> "fin"): what to strip, what to add back
_INFLECTIONS = {"VBD": (("d", ""), ("ed", ""), ("ied", "y")), "VBN": (("d", ""), ("ed", ""), ("ied", "y")),
                "VBZ": (("s", ""), ("es", ""), ("ies", "y")), "VBG": (("ing", ""), ("ing", "e"))}


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
    """The lemmas beside token ``i``: its children, the nouns of its prepositional phrases, the nouns a
    quantity counts ("sent hundreds of troops"), and the verb a noun is the object of ("lodged a protest")."""
    out: set[str] = set()
    tok = parsed.tokens[i]
    if tok.pos in ("NOUN", "PROPN") and tok.dep == "dobj" and tok.head != i:
        out.add(parsed.tokens[tok.head].lemma.lower())
    for c in parsed.children(i):
        if c.dep in ("aux", "auxpass", "punct"):
            continue  # the "to" of "to protest" is no preposition
        if c.dep == "prep" and _dates_only(parsed, c.i):
            continue  # "called him on Friday": a date, not "called on him"
        out.add(c.lemma.lower())
        out.add(c.text.lower())
        if c.dep in ("dobj", "nsubjpass"):  # "ended mediation efforts", "launched drones at", "let convoys into"
            out.update(g.lemma.lower() for g in parsed.children(c.i) if g.dep in ("compound", "prep"))
            out.update(_of_nouns(parsed, c.i))  # "lifted the state of emergency", "sent hundreds of troops"
        if c.dep == "prep" or c.dep == "agent":
            for g in parsed.children(c.i):
                if g.dep in ("pobj", "pcomp"):
                    out.add(g.lemma.lower())
                    out.update(_counted_nouns(parsed, g))
    return out


def _dates_only(parsed: Parsed, i: int) -> bool:
    """True when the preposition at ``i`` governs only a date or a time ("on Friday", "on 2 March")."""
    objects = [g.i for g in parsed.children(i) if g.dep == "pobj"]
    return bool(objects) and all(any(e.label in ("DATE", "TIME") and e.first <= k < e.last for e in parsed.ents)
                                 for k in objects)


def _counted_nouns(parsed: Parsed, t: Token) -> list[str]:
    """The lemmas of the "of"-nouns of a quantity ("50,000 tonnes of [wheat]"), else nothing."""
    if t.lemma.lower() not in _QUANTITIES and t.pos != "NUM":
        return []
    return _of_nouns(parsed, t.i)


def _of_nouns(parsed: Parsed, i: int) -> list[str]:
    """The lemmas of the nouns of token ``i``'s "of" phrases."""
    return [g.lemma.lower() for c in parsed.children(i) if c.dep == "prep" and c.text.lower() == "of"
            for g in parsed.children(c.i) if g.dep == "pobj"]


def _lexicon_senses(tok: Token) -> tuple[Sense, ...]:
    """The lexicon's senses for the token's lemma, its text, or its text stripped of an inflection."""
    table = senses()
    found = table.get(tok.lemma.lower()) or table.get(tok.text.lower())
    if found:
        return found
    low = tok.text.lower()
    for ending, stem in _INFLECTIONS.get(tok.tag, ()):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            found = table.get(low[: -len(ending)] + stem)
            if found:
                return found
    return ()


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
    t = parsed.tokens[i]
    if t.pos == "NOUN" and t.dep == "nsubj" and t.head != i and any(  # "fighting erupted between X and Y"
            c.dep == "prep" and c.text.lower() in ("between", "among", "with") for c in parsed.children(t.head)):
        return True
    subj = [c for c in parsed.children(i) if c.dep == "nsubj"]
    return bool(subj) and parsed.tokens[subj[0].i].tag in ("NNS", "NNPS") and parsed.tokens[i].pos == "VERB"


def sense_of(parsed: Parsed, tok: Token, refers_to: Mapping[int, str]) -> Sense | None:
    """The lexicon's sense of this token here, or None when it is no trigger."""
    options = _lexicon_senses(tok)
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
        if s.type in _HARM_TYPES and _done_by_nature(parsed, tok):
            return None
        if no_act(parsed, tok, s, lambda k: is_party(parsed, k, refers_to)):
            return None  # a statement's frame, a question, an attempt, a scare-quoted word (nonacts.py)
        if s.type == "ASSAULT" and verbal_attack(parsed, tok):  # "attacked the plan": criticism.py
            return Sense(s.lemma, s.pos, "ACCUSE", "disapprove", None, frozenset())
        return s
    return None


_HARM_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})


def _done_by_nature(parsed: Parsed, tok: Token) -> bool:
    """True when a storm, a quake, an accident or a market does it ("the storm killed 12", "stocks
    rallied", "a signal failure blocked the line"): no one's act."""
    nature = words("events/nonagents")

    def natural(t: Token) -> bool:
        low = t.lemma.lower()
        return low in nature or low.removesuffix("s") in nature  # "Wildfires" read as a name

    if tok.dep == "acl" and tok.head != tok.i and natural(parsed.tokens[tok.head]):
        return True  # "A landslide killed 15" read as "a landslide [that] killed"
    for c in parsed.children(tok.i):
        if c.dep == "nsubj" and natural(c):
            return True
        if c.dep == "agent" and any(natural(g) for g in parsed.children(c.i) if g.dep == "pobj"):
            return True
    return False


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
    if "intransitive" in flags and any(c.dep in ("dobj", "ccomp", "xcomp", "dative") for c in kids):
        return False  # "protested the ruling" is a complaint, "farmers protested" a demonstration
    if "party-subject" in flags and any(c.dep == "nsubj" for c in kids) \
            and not any(c.dep == "nsubj" and _is_actor_word(parsed, c, refers_to) for c in kids):
        return False  # "the curbs violated the rules": a thing breaks no rule as an act
    if "listing" in flags and not _onto_a_sanctions_list(parsed, kids):
        return False  # "added him to the list of speakers"
    if "from-org" in flags and not _leaves_organisation(parsed, kids):
        return False
    if "agentive" in flags and not any(c.dep in ("nsubj", "agent") for c in kids) and tok.dep not in ("xcomp", "conj"):
        return False  # "traffic was blocked after a crash": no one acted
    if "visitor" in flags and not any(c.dep == "dobj" and _is_visitor(parsed, c, refers_to) for c in kids):
        return False  # "received the visiting minister", not "received an award"
    if "armed" in flags and not any(c.dep == "dobj" and (c.lemma.lower() in _WEAPONS or any(
            n in _WEAPONS for n in _counted_nouns(parsed, c))) for c in kids):
        return False  # "launched drones at the city", not "launched the club at the theatre"
    if "handback" in flags and not _gives_back(parsed, tok, kids, refers_to):
        return False  # "returned to Kyiv", "returned home": a journey, not a restitution
    if "captive" in flags and not _lets_go_of_people(parsed, tok, kids, refers_to):
        return False  # "released a statement", "the release of the album"
    if "countable" in flags and tok.tag != "NNS" and not any(c.dep in ("poss", "acl") for c in kids) \
            and not any(c.dep == "det" and c.text.lower() in ("a", "an", "this", "that") for c in kids):
        return False  # "domestic demand"
    # "declined to comment", "refused to say": no happening ("called him to discuss" is a call all the same)
    return "phone" in flags or not any(c.dep == "xcomp" and c.lemma.lower() in _NON_EVENT_COMPLEMENTS for c in kids)


def _onto_a_sanctions_list(parsed: Parsed, kids: list[Token]) -> bool:
    """True when a "to"/"on" phrase among ``kids`` names a list of sanctions ("to its entity list", "on the
    export control list")."""
    kinds = words("events/lists")
    for c in kids:
        if c.dep != "prep" or c.text.lower() not in ("to", "on", "onto"):
            continue
        for g in parsed.children(c.i):
            if g.dep == "pobj" and g.lemma.lower() == "list" and any(
                    m.dep in ("compound", "amod") and m.lemma.lower() in kinds
                    for m in _modifiers(parsed, g.i)):
                return True
    return False


def _modifiers(parsed: Parsed, i: int) -> list[Token]:
    """The compounds and adjectives of token ``i`` and of its compounds ("export [control] list")."""
    out = [c for c in parsed.children(i) if c.dep in ("compound", "amod")]
    return out + [g for c in out for g in parsed.children(c.i) if g.dep in ("compound", "amod")]


def _leaves_organisation(parsed: Parsed, kids: list[Token]) -> bool:
    """True when a "from" phrase among ``kids`` names an organisation or a treaty ("from NATO", "from the pact")."""
    for c in kids:
        if c.dep != "prep" or c.text.lower() != "from":
            continue
        for g in parsed.children(c.i):
            if g.dep != "pobj":
                continue
            if g.lemma.lower() in _ORG_WORDS or any(e.label == "ORG" and e.first <= g.i < e.last for e in parsed.ents):
                return True
    return False


def _is_visitor(parsed: Parsed, t: Token, refers_to: Mapping[int, str]) -> bool:
    """True for a person or a delegation that can be received: a name, a title, a sector word; a bare
    "a star", "an award" is a thing."""
    lemma = t.lemma.lower()
    if lemma in _DELEGATIONS or (t.pos == "PROPN" and t.i in refers_to):
        return True
    indefinite = any(c.dep == "det" and c.text.lower() in ("a", "an") for c in parsed.children(t.i))
    return not indefinite and (lemma in words("entities/titles") or sector_of_word(lemma) is not None)


def _gives_back(parsed: Parsed, tok: Token, kids: list[Token], refers_to: Mapping[int, str]) -> bool:
    """True when a thing is handed back to someone: an object that is no one (no entity, pronoun, title or
    group of people), and a "to" phrase on the verb or on that object that names a party, an owner or a
    place ("returned the manuscript to Italy", "returned a painting to its owner"); PLOVER's RETREAT return
    (property)."""
    things = [c for c in kids if c.dep == "dobj" and (c.i not in refers_to or _names_a_thing(parsed, c.i))
              and c.pos != "PRON" and c.lemma.lower() not in words("entities/titles")
              and sector_of_word(c.lemma.lower()) is None]
    if not things:
        return False
    # the "to" phrase on the verb or the object, or (a long object misparsed) anywhere after the object in the
    # verb's clause: "returned a painting that was stolen in 1989 to the museum", "a manuscript, missing since
    # 1943, to Italy"
    after = max(t.i for t in things)
    last = parsed.subtree(tok.i)[1]
    late = [parsed.tokens[k] for k in range(after + 1, last) if parsed.tokens[k].dep == "prep"]
    for c in (*kids, *(g for t in things for g in parsed.children(t.i)), *late):
        if c.dep == "prep" and c.text.lower() == "to" and any(
                g.dep == "pobj" and (is_party(parsed, g.i, refers_to) or g.lemma.lower() in _OWNERS)
                for g in parsed.children(c.i)):
            return True
    return False


def _names_a_thing(parsed: Parsed, i: int) -> bool:
    """True when token ``i`` is inside a name of a work or a product ("the Hebrew Bible"): a thing, not a party."""
    return any(e.label in ("WORK_OF_ART", "PRODUCT") and e.first <= i < e.last for e in parsed.ents)


_OWNERS = frozenset({"owner", "family", "heir", "museum", "country", "government", "authority", "people"})


def _lets_go_of_people(parsed: Parsed, tok: Token, kids: list[Token], refers_to: Mapping[int, str]) -> bool:
    """True when what is released is a party or a captive ("freed the hostages", "the release of 20
    prisoners"), or is not said; False for "released a statement", "the film was released"."""
    if tok.pos == "VERB":
        held = [c for c in kids if c.dep in ("dobj", "nsubjpass")]
    else:
        held = [g for c in kids if c.dep == "prep" and c.text.lower() == "of"
                for g in parsed.children(c.i) if g.dep == "pobj"]
    if not held:
        return True
    captives = words("events/captives")
    return any(is_party(parsed, h.i, refers_to) or h.lemma.lower() in captives
               or any(n in captives for n in _counted_nouns(parsed, h)) for h in held)


def has_content(parsed: Parsed, trig: Trigger, refers_to: Mapping[int, str]) -> bool:
    """True when a warning says what or whom it is about: an event it governs, a party it is addressed
    to, or a named speaker ("warned Hamas", "warned of strikes"; not "analysts warned growth could slow")."""
    if trig.members:
        return True
    for k in {trig.tok, trig.anchor}:
        for c in parsed.children(k):
            if c.dep == "nsubj" and c.i in refers_to:
                return True
            if c.dep in ("dobj", "dative") and is_party(parsed, c.i, refers_to):
                return True
            if c.dep == "xcomp":  # "warned them to leave": an order under threat
                return True
            if c.dep == "prep" and c.text.lower() in ("to", "against") and any(
                    is_party(parsed, g.i, refers_to) for g in parsed.children(c.i) if g.dep == "pobj"):
                return True
    return False


def is_party(parsed: Parsed, k: int, refers_to: Mapping[int, str]) -> bool:
    """True for a word that names a party: an entity, a person pronoun, a title or a group of people."""
    t = parsed.tokens[k]
    if k in refers_to or t.pos == "PROPN" or (t.pos == "PRON" and t.dep != "expl"):
        return True
    lemma = t.lemma.lower()
    return lemma in words("entities/titles") or sector_of_word(lemma) is not None or any(
        refers_to.get(c.i) for c in parsed.children(k) if c.dep in ("poss", "amod", "compound"))


def _is_actor_word(parsed: Parsed, t: Token, refers_to: Mapping[int, str]) -> bool:
    """True for a word that itself names someone who acts (a name, a pronoun, a title, a group of
    people); "the Dutch restrictions" name a thing, though a party qualifies it."""
    if t.i in refers_to or t.pos == "PROPN" or (t.pos == "PRON" and t.dep != "expl"):
        return True
    lemma = t.lemma.lower()
    return lemma in words("entities/titles") or sector_of_word(lemma) is not None or any(  # "rebel fighters"
        c.dep in ("amod", "compound") and sector_of_word(c.lemma.lower()) is not None for c in parsed.children(t.i))


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
    anchored: set[int] = set()
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
        if sense is not None and sense.type == INTENT and tok.pos != "VERB":
            anchored.add(_attachment(parsed, tok.i)[0])  # "expressed its readiness to": the verb is the intent's
        if sense is None or sense.type in (SUPPORT_VERB, INTENT):
            continue
        anchor, slot = (tok.i, tok.i) if tok.pos == "VERB" else _attachment(parsed, tok.i)
        out.append(Trigger(tok.i, sense, anchor, slot))
    anchored |= {t.anchor for t in out}
    for tok in parsed.tokens:  # what the project's lexicon leaves uncoded, PETRARCH's dictionary may code
        if tok.pos == "VERB" and tok.i not in anchored and _open_to_petrarch(tok):
            sense = petrarch_sense(parsed, tok, patterns_only=_is_support(tok))
            if sense is not None and _fits_flags(parsed, tok, sense.flags, refers_to) \
                    and _between_parties(parsed, tok, sense, refers_to) \
                    and not (sense.type in _HARM_TYPES and _done_by_nature(parsed, tok)) \
                    and not match_play(parsed, tok, sense, list(parsed.children(tok.i))) \
                    and not traded(parsed, tok, sense, list(parsed.children(tok.i))):
                out.append(Trigger(tok.i, sense, tok.i, tok.i))
    return sorted(out, key=lambda t: t.tok)


def _open_to_petrarch(tok: Token) -> bool:
    """True for a verb the project's lexicon does not code on its own: absent, a support verb, or only
    coded with a companion word it lacks here ("provided [funding]"). A bare sense the lexicon refused on
    its flags ("met its targets") stays refused; a support verb ("gave $2 million to") only by a pattern
    of PETRARCH's, never by its own code ("issued a reminder"); reporting verbs are no events."""
    if tok.lemma.lower() in REPORTING:
        return False
    return all(s.needs is not None or s.type == SUPPORT_VERB for s in _lexicon_senses(tok))


def _between_parties(parsed: Parsed, tok: Token, sense: Sense, refers_to: Mapping[int, str]) -> bool:
    """True when a verb coded by PETRARCH's dictionary alone (its own code, no pattern) has a party as
    subject ("X condemned Y", not "an issue likely to dominate"). PETRARCH codes a verb governing another
    by rules of its own, not taken here: such a verb ("failed to uphold") is left to the one it governs."""
    if DEFAULT_FLAG not in sense.flags:
        return True
    kids = list(parsed.children(tok.i))
    if any(c.dep == "xcomp" for c in kids):
        return False
    doer = [c for c in kids if c.dep == "nsubj"] + [g for c in kids if c.dep == "agent" for g in parsed.children(c.i)]
    return any(c.tag not in ("WDT", "WP") and is_party(parsed, c.i, refers_to) for c in doer)


def _is_support(tok: Token) -> bool:
    return any(s.type == SUPPORT_VERB for s in _lexicon_senses(tok))


# "thanked X for releasing prisoners", "praised Y for brokering the truce": the deed credited is a
# happening of its own, done by the one credited (accusations are left out: what they allege is not told as fact)
CREDIT_VERBS = frozenset({"thank", "praise", "commend", "congratulate", "reward", "hail", "applaud", "credit",
                          "honour", "honor"})


def credited_deed(parsed: Parsed, t: Token) -> int | None:
    """For a gerund in "thanked X for <gerund>", the credit verb's token; else None."""
    if t.dep != "pcomp" or t.head == t.i:
        return None
    prep = parsed.tokens[t.head]
    if prep.text.lower() != "for" or prep.head == prep.i:
        return None
    verb = parsed.tokens[prep.head]
    return verb.i if verb.lemma.lower() in CREDIT_VERBS else None


def governing_triggers(parsed: Parsed, triggers: list[Trigger],
                       refers_to: Mapping[int, str] | None = None) -> list[Trigger]:
    """The triggers no other trigger governs, each with the ones it absorbs as members.

    A trigger is absorbed by the first trigger (or the verb a noun trigger hangs on) above
    it. Coordinated triggers ("donated and delivered") are absorbed only when what they
    are coordinated with is.
    """
    refers_to = refers_to if refers_to is not None else {}
    at = {t.tok: t for t in triggers}
    reactions = reactions_of(triggers)
    anchors: dict[int, int] = {}
    for direct in (True, False):  # the verb's object first: "lodged a protest ... over the visit"
        for cand in triggers:
            if object_anchor(parsed, cand) and (parsed.tokens[cand.slot].dep != "pobj") == direct:
                anchors.setdefault(cand.anchor, cand.tok)
    roots: list[Trigger] = []
    owner_of: dict[int, int] = {}
    for trig in triggers:
        t = parsed.tokens[trig.tok]
        owner = None
        steps = 0
        while t.head != t.i and steps < 30:
            coordinated = t.dep == "conj" and t.i in (trig.tok, trig.anchor)
            if t.dep == "relcl" and is_own_relative_clause(parsed, t.i):
                break  # "a president who had been threatening sanctions": its own happening
            if _is_concession(parsed, t) or (t.i == trig.anchor and is_earlier_happening(parsed, t, refers_to,
                                                                                          reactions)):
                break  # "despite invading two countries, X signed ...": told against it, not part of it
            if credited_deed(parsed, t) is not None:
                break  # "thanked X for releasing prisoners": the release is a happening of its own
            if t.i != trig.tok and _reported_after(parsed, t):
                break  # "denounced the expulsions and said it would retaliate": a second statement
            t = parsed.tokens[t.head]
            steps += 1
            if coordinated and (t.i in at or t.i in anchors):
                continue  # a fellow of the coordination: look above it for a governor
            if t.i in at and t.i != trig.tok:
                owner = t.i
                break
            if t.i in anchors and anchors[t.i] != trig.tok and (
                    trig.anchor != t.i or _hangs_by_preposition(parsed, trig, at[anchors[t.i]])):
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


def _reported_after(parsed: Parsed, t: Token) -> bool:
    """True for a reporting verb coordinated after another verb ("denounced the move and said it would
    retaliate"): what it reports is a statement of its own, not a part of the first verb's happening."""
    return t.dep == "conj" and t.pos == "VERB" and t.lemma.lower() in REPORTING and t.head < t.i


_RELATIVE_ADVERBS = frozenset({"where", "when", "whereupon"})


def is_own_relative_clause(parsed: Parsed, verb: int) -> bool:
    """True for a relative clause that tells a happening of its own: "a president who threatened ...",
    "a visit to Tokyo, where she met the minister", "in March, when troops crossed the border"."""
    kids = list(parsed.children(verb))
    if any(c.dep in ("nsubj", "nsubjpass") and c.tag in ("WP", "WDT") for c in kids):
        return True
    return any(c.dep == "advmod" and c.text.lower() in _RELATIVE_ADVERBS for c in kids) \
        and any(c.dep == "nsubj" for c in kids)  # "Serbia, where 24 people were killed": the place's past


_SEQUENCE_MARKS = frozenset({"after", "before", "when"})
_REACTIONS = frozenset({"ACCUSE", "REJECT", "THREATEN", "REQUEST", "PROTEST"})


def is_earlier_happening(parsed: Parsed, t: Token, refers_to: Mapping[int, str],
                         reactions: frozenset[int]) -> bool:
    """True for the verb of an "after ..."/"when ..." clause with a party of its own as subject, on a
    verbal reaction (one of ``reactions``): "accused Washington of bullying after the US added 14 firms
    to its blacklist" tells the blacklisting as a happening of its own, which the accusation answers;
    "suspended air links after a jet shot down a helicopter" tells one happening and its cause."""
    if t.dep != "advcl" or t.pos != "VERB" or t.head not in reactions:
        return False
    kids = list(parsed.children(t.i))
    # "when" is the clause's adverb to the parser ("protested when Vietnam held a drill"), "after" its mark
    return any(c.dep in ("mark", "advmod") and c.text.lower() in _SEQUENCE_MARKS for c in kids) and any(
        c.dep == "nsubj" and c.pos != "PRON" and is_party(parsed, c.i, refers_to) for c in kids)


def _is_concession(parsed: Parsed, t: Token) -> bool:
    """True for the head of a "despite ..." phrase or an "although ..." clause."""
    if t.dep == "prep":
        return t.text.lower() in _CONCESSIONS
    return t.dep == "advcl" and any(c.dep in ("mark", "prep") and c.text.lower() in _CONCESSIONS
                                    for c in parsed.children(t.i))


def _hangs_by_preposition(parsed: Parsed, trig: Trigger, owner: Trigger) -> bool:
    """True when a noun trigger hangs on the verb through a preposition while ``owner`` is its object:
    "imposed [sanctions] on Iran over the [killing]": the killing is what the sanctions answer."""
    return trig.anchor != trig.tok and parsed.tokens[trig.slot].dep == "pobj" \
        and parsed.tokens[owner.slot].dep in ("dobj", "attr", "oprd")


def _is_background(parsed: Parsed, trig: Trigger) -> bool:
    """True for a participle that only describes a noun ("West Africans ordered out of Nigeria")."""
    tok = parsed.tokens[trig.tok]
    if tok.pos != "VERB" or tok.dep != "acl" or "obligation" in trig.sense.flags:
        return False
    if any(c.dep == "aux" and c.text.lower() == "to" for c in parsed.children(tok.i)):
        return False  # "its willingness to mediate" is the mediation itself
    verbs = [tok.i, *(c.i for c in parsed.children(tok.i) if c.dep == "conj")]
    return not any(c.dep in ("dobj", "ccomp", "xcomp", "dative") for v in verbs for c in parsed.children(v))


def reactions_of(triggers: list[Trigger]) -> frozenset[int]:
    """The tokens of the triggers that are verbal reactions (an accusation, a refusal, a demand)."""
    return frozenset(t.tok for t in triggers if t.sense.type in _REACTIONS and t.tok == t.anchor)


def _is_told_as_background(parsed: Parsed, trig: Trigger, refers_to: Mapping[int, str],
                           reactions: frozenset[int]) -> bool:
    """True when the trigger sits in an "after ..."/"despite ..." phrase or a "when ..." clause, unless
    that clause tells what a party did before ("after the US blacklisted the firms")."""
    t = parsed.tokens[trig.tok]
    for _ in range(30):
        if t.head == t.i or (t.i == trig.anchor and is_earlier_happening(parsed, t, refers_to, reactions)):
            return False
        if t.dep == "prep" and t.lemma.lower() in _BACKGROUND_PREPS:
            return True
        if t.dep == "advcl" and any(c.dep == "mark" and c.text.lower() in _BACKGROUND_MARKS
                                    for c in parsed.children(t.i)):
            return True
        t = parsed.tokens[t.head]
    return False


def main_happenings(parsed: Parsed, roots: list[Trigger], refers_to: Mapping[int, str] | None = None) -> list[Trigger]:
    """The roots without those told only as the background of a main happening of their sentence."""
    refs = refers_to if refers_to is not None else {}
    reactions = reactions_of(roots)
    background = {r.tok for r in roots if _is_told_as_background(parsed, r, refs, reactions)}
    main_sents = {parsed.tokens[r.tok].sent for r in roots if r.tok not in background}
    return [r for r in roots if r.tok not in background or parsed.tokens[r.tok].sent not in main_sents]


