"""Event participants: the phrase heads on the source and target sides of a trigger.

The source is the subject (through "to"-clauses, coordination and "by" in the
passive); the target the objects and the prepositional objects; the parties of a
reciprocal event ("talks with", "between") are all sources. A governed clause adds
its own parties to the target ("demanded that the government end ..."). What a meeting
is about or for ("talks on Ukraine", "met to agree on the Arctic") and where it is held
are no parties to it; a "despite ..." phrase tells another happening.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from newsgraph.analysis.events.actors import is_other_pronoun, own_head, phrase_entities
from newsgraph.analysis.events.mood import climb_clauses
from newsgraph.analysis.events.triggers import REPORTING, Trigger, credited_deed, sense_of, verb_above
from newsgraph.analysis.parsed import Parsed, Token
from newsgraph.lexicon import words
from newsgraph.model import Entity

_SUBJECTS = frozenset({"nsubj", "csubj"})
_OBJECTS = frozenset({"dobj", "dative", "iobj", "oprd"})
# what is said or given comes from someone: "appeals from X", "aid from X"; a withdrawal from X leaves it
_GIVEN_FROM = frozenset({"REQUEST", "THREATEN", "ACCUSE", "AID", "SUPPORT", "REJECT", "PROTEST", "AGREE"})
_RECEIVING = frozenset({"receive", "get", "face"})
_CONCESSIVE = frozenset({"despite", "since", "although", "though", "unlike"})
_TARGET_PREPS = frozenset({"to", "against", "on", "at", "into", "toward", "towards", "upon", "over", "of", "for",
                           "from", "in"})


# ---------------------------------------------------------------- participants


@dataclass(slots=True)
class Parties:
    """The phrase heads on each side of an event."""

    source: list[int] = field(default_factory=list)
    target: list[int] = field(default_factory=list)
    partner: list[int] = field(default_factory=list)  # "with X": a source of a reciprocal event


def _subject_of(parsed: Parsed, verb: int) -> tuple[list[int], bool]:
    """The subject heads of a verb (inherited through "to"-clauses and coordination), and if passive."""
    v = parsed.tokens[verb]
    steps = 0
    raised = False
    while steps < 6:
        subj = [c.i for c in parsed.children(v.i) if c.dep in _SUBJECTS]
        passive = [c.i for c in parsed.children(v.i) if c.dep == "nsubjpass"]
        if subj or passive:
            if passive and not subj and steps and raised:
                return passive, False  # "he is expected to meet": the subject of the raising verb meets
            if subj and parsed.tokens[subj[0]].dep == "nsubj" and parsed.tokens[subj[0]].tag == "WDT":
                author = _author_of_text(parsed, v.head)  # "a bill that would sanction X": who brought it
                return (author, False) if author else ([v.head], False)
            if subj and parsed.tokens[subj[0]].tag == "WP":
                return [parsed.tokens[v.i].head], False  # "a president who had been threatening"
            return (subj or passive), not subj
        credit = credited_deed(parsed, v)
        if credit is not None:  # "thanked his counterpart for releasing ...": the one thanked did it
            return [c.i for c in parsed.children(credit) if c.dep in ("dobj", "dative")], False
        if v.dep in ("xcomp", "conj", "advcl", "pcomp", "acomp") and v.head != v.i:
            raised = v.dep == "xcomp"
            v = _speaker_of_coordinated_speech(parsed, v) or parsed.tokens[v.head]
            if v.pos == "ADP":
                v = parsed.tokens[v.head]
            steps += 1
            continue
        if v.dep == "acl" and v.head != v.i and any(c.dep == "aux" and c.text.lower() == "to"
                                                    for c in parsed.children(v.i)):
            # "expressed its willingness to mediate", "Germany's decision to send": whoever holds the intent
            noun = parsed.tokens[v.head]
            owner = [c.i for c in parsed.children(noun.i) if c.dep == "poss" and c.pos != "PRON"]
            if owner:
                return owner, False
            if noun.dep in ("dobj", "attr") and noun.head != noun.i:
                v = parsed.tokens[noun.head]
                steps += 1
                continue
            return [], False
        if v.dep == "acl" and v.head != v.i and v.tag == "VBG":
            author = _author_of_text(parsed, v.head)  # "passed a resolution criticizing X": who passed it
            if author:
                return author, False
        if v.dep == "acl" and v.head != v.i:
            # "a deal agreed by ...": the noun undergoes it; "doctors ... donated goods": the noun does it
            verbs = [v.i, *(c.i for c in parsed.children(v.i) if c.dep == "conj")]
            has_object = any(c.dep in ("dobj", "dative") for k in verbs for c in parsed.children(k))
            return [v.head], v.tag == "VBN" and not has_object
        break
    return _subject_across_comma(parsed, v.i), False


def _speaker_of_coordinated_speech(parsed: Parsed, v: Token) -> Token | None:
    """The reporting verb whose speaker also speaks a coordinated act of speech the parser hung inside the
    report ("He said troops had shelled villages ... and [warned] that": he warns, not the troops), else None."""
    if v.dep != "conj" or v.lemma.lower() not in words("events/speech_acts") \
            or any(c.dep == "mark" for c in parsed.children(v.i)):
        return None
    h = parsed.tokens[v.head]
    if h.dep != "ccomp" or h.head == h.i or parsed.tokens[h.head].lemma.lower() not in REPORTING:
        return None
    if not any(c.dep in ("nsubj", "nsubjpass") for c in parsed.children(h.i)) or h.i > v.i:
        return None
    return parsed.tokens[h.head]


def _author_of_text(parsed: Parsed, noun: int) -> list[int]:
    """The one who issues a text that acts for them ("X passed a resolution", "a statement by X", "X's
    report"): its owner, its "by"/"from" phrase, or the subject of the verb it is the object of; else none."""
    n = parsed.tokens[noun]
    if n.lemma.lower() not in words("events/documents"):
        return []
    owner = [c.i for c in parsed.children(noun) if c.dep == "poss" and c.pos != "PRON"]
    owner += [g.i for c in parsed.children(noun) if c.dep in ("prep", "agent") and c.text.lower() in ("by", "from")
              for g in parsed.children(c.i) if g.dep == "pobj"]
    if owner:
        return owner
    if n.dep in ("dobj", "nsubjpass") and n.head != noun and parsed.tokens[n.head].pos in ("VERB", "AUX") \
            and parsed.tokens[n.head].lemma.lower() in words("events/issuing"):
        subj, passive = _subject_of(parsed, n.head)
        return [] if passive else subj
    return []


def _objects_and_preps(parsed: Parsed, i: int, parties: Parties, recip: bool, governed: bool = False,
                       meeting: bool = False, topics: bool = False) -> None:
    """Add the objects and prepositional objects of token ``i``; ``governed``: all of them are targets;
    ``topics``: ``i`` is the word of a meeting or a call or the verb it hangs on, whose phrases other than
    its parties are topics and places ("talks on Ukraine", "flew to Washington for talks");
    ``meeting``: ``i`` is that word itself, to whose "to"/"of" phrase a party belongs."""
    if governed:
        inner = Parties()
        _objects_and_preps(parsed, i, inner, False)
        parties.target.extend(inner.source + inner.partner + inner.target)
        return
    fronted = _fronted_before_subject(parsed, i)
    for c in parsed.children(i):
        if c.i in fronted:
            continue  # "With the signing of the memorandum, X and Y agreed": a circumstance, not a party
        if c.dep in _OBJECTS:
            # "met Erdogan": the other party of a meeting is a party, not a target
            (parties.partner if recip and parsed.tokens[i].pos == "VERB" else parties.target).append(c.i)
        elif c.dep == "agent":
            parties.source.extend(g.i for g in parsed.children(c.i) if g.dep == "pobj")
        elif c.dep == "prep":
            prep = c.text.lower()
            objs = [g.i for g in parsed.children(c.i) if g.dep == "pobj"]
            if prep == "with" or prep == "between" or prep == "among":
                (parties.partner if recip or prep != "with" else parties.target).extend(objs)
            elif prep == "by" and parsed.tokens[i].pos == "NOUN":
                parties.source.extend(objs)
            elif meeting and prep in ("to", "of"):
                parties.partner.extend(objs)  # "a call to Zelensky", "a meeting of NATO ministers"
            elif prep in _TARGET_PREPS and not topics:
                parties.target.extend(objs)  # "talks on Ukraine", "met in Riyadh": a topic or a place


def _fronted_before_subject(parsed: Parsed, verb: int) -> set[int]:
    """The prepositional phrases of a verb that open its clause, before its subject."""
    t = parsed.tokens[verb]
    if t.pos not in ("VERB", "AUX"):
        return set()
    subjects = [c.i for c in parsed.children(verb) if c.dep in ("nsubj", "nsubjpass", "csubj")]
    if subjects:
        return {c.i for c in parsed.children(verb) if c.dep == "prep" and c.i < min(subjects)}
    return {c.i for c in parsed.children(verb) if c.dep == "prep" and c.i < verb
            and any(parsed.tokens[k].text == "," for k in range(c.i + 1, verb))}


def _subject_across_comma(parsed: Parsed, verb: int) -> list[int]:
    """The subject the parser hung on an opening phrase: "After talks in Doha, [Ethiopia] and Eritrea
    agreed" reads "Ethiopia" as a conjunct of "Doha"; the words between the last comma and the verb
    that hang back across it are the verb's subject."""
    opening = [c.i for c in parsed.children(verb) if c.dep == "prep" and c.i < verb]
    if not opening:
        return []
    commas = [k for k in range(opening[0] + 1, verb) if parsed.tokens[k].text == ","]
    if not commas:
        return []
    comma = commas[-1]
    for k in range(comma + 1, verb):
        t = parsed.tokens[k]
        if t.dep in ("conj", "appos") and t.head < comma and t.pos in ("NOUN", "PROPN"):
            return [k]
    return []


def parties_of(parsed: Parsed, trig: Trigger) -> Parties:
    """The phrase heads of the event's source, target and partners."""
    parties = Parties()
    recip = "recip" in trig.sense.flags
    meeting = recip and trig.sense.type == "CONSULT"
    tok = parsed.tokens[trig.tok]
    anchor = trig.anchor
    if "obligation" in trig.sense.flags:
        # the one who states it demands; the one who must is the target
        parties.target.extend(c.i for c in parsed.children(tok.i) if c.dep in ("nsubj", "nsubjpass"))
        teller = verb_above(parsed, tok.head) if parsed.tokens[tok.head].pos != "VERB" else tok.head
        subj, passive = _subject_of(parsed, teller)
        (parties.target if passive else parties.source).extend(subj)
        for c in parsed.children(teller):
            if c.dep in ("dative", "iobj") or (c.dep == "prep" and c.text.lower() == "to"):
                parties.target.extend([c.i] if c.dep != "prep" else
                                      [g.i for g in parsed.children(c.i) if g.dep == "pobj"])
        _objects_and_preps(parsed, tok.i, parties, False, governed=True)
    elif tok.pos == "NOUN" or tok.pos == "PROPN":
        for c in parsed.children(tok.i):
            if c.dep in ("poss", "compound", "amod", "nmod") and c.i < tok.i:
                parties.source.append(c.i)
        if anchor != tok.i and _topic_of_speech(parsed, tok.i, anchor):
            pass  # "has not commented on the protest": who speaks of a happening is no party to it
        elif anchor != tok.i and tok.dep not in ("nsubj", "nsubjpass"):
            subj, passive = _subject_of(parsed, anchor)
            if not recip and tok.dep == "dobj" and parsed.tokens[anchor].lemma.lower() in _RECEIVING:
                passive = True  # "Kyiv received threats from Moscow": the one who gets it is its target
            (parties.source if not passive else parties.partner if recip else parties.target).extend(subj)
            _objects_and_preps(parsed, anchor, parties, recip, topics=meeting)
            parties.target = [k for k in parties.target if k != tok.i]
        elif anchor != tok.i and tok.dep == "nsubj":
            # "fighting erupted between X and Y": the parties hang on the verb the noun is subject of
            parties.partner.extend(g.i for c in parsed.children(anchor) if c.dep == "prep"
                                   and c.text.lower() in ("between", "among") for g in parsed.children(c.i)
                                   if g.dep == "pobj")
        elif anchor != tok.i and tok.dep == "nsubjpass":
            # "Sanctions were imposed on X by Y": the verb's agent and objects are the event's
            _objects_and_preps(parsed, anchor, parties, recip, topics=meeting)
        _objects_and_preps(parsed, tok.i, parties, recip, meeting=meeting, topics=meeting)
        received = anchor != tok.i and tok.dep == "dobj" and parsed.tokens[anchor].lemma.lower() in _RECEIVING
        if trig.sense.type in _GIVEN_FROM or received:  # "appeals from Washington", "received aid from X"
            givers = _from_phrases(parsed, tok.i) + (_from_phrases(parsed, anchor) if received else [])
            sent = [k for k in givers if k in parties.target]
            parties.target = [k for k in parties.target if k not in sent]
            parties.source.extend(sent)
    else:
        subj, passive = _subject_of(parsed, tok.i)
        (parties.source if not passive else parties.partner if recip else parties.target).extend(subj)
        _objects_and_preps(parsed, tok.i, parties, recip, meeting=meeting, topics=meeting)
    governed = [m for m in trig.members if _complement_of(parsed, m, trig)]
    if "control" in trig.sense.flags:  # "demanded that the government end ...", "urged X to support Y"
        governed += [c.i for k in (trig.tok, trig.anchor) for c in parsed.children(k)
                     if (c.dep in ("ccomp", "xcomp") or (c.dep == "acl" and k == trig.tok)) and c.i not in governed]
    # "opened fire to disperse demonstrators", "demonstrated ..., calling for independence from Iraq";
    # "met in Riyadh to agree on the Arctic": what a meeting is for is its topic, not a party to it
    if not recip or "control" in trig.sense.flags:
        governed += [c.i for k in (trig.tok, trig.anchor) for c in parsed.children(k)
                     if c.dep in ("advcl", "xcomp") and c.pos == "VERB" and c.i not in governed
                     and (c.tag == "VBG" or any(g.dep == "aux" and g.text.lower() == "to"
                                                for g in parsed.children(c.i)))]
    # "donated and delivered goods to X": a coordinated verb that names no other happening shares the
    # trigger's object; one beside a trigger with an object of its own ("invading two countries and
    # presiding over the murder of critics") tells something else
    if not any(c.dep in _OBJECTS for c in parsed.children(trig.tok)):
        governed += [c.i for c in parsed.children(trig.tok) if c.dep == "conj" and c.pos == "VERB"
                     and sense_of(parsed, c, {}) is None and c.i not in governed]
    if trig.sense.type in ("THREATEN", "REQUEST"):
        # "threatened to strike unless Israel rescinded ...": who must comply is the target
        parties.target.extend(_condition_subjects(parsed, (trig.tok, trig.anchor, *governed)))
    focus = _cleft_focus(parsed, anchor)
    (parties.partner if recip else parties.target).extend(focus)
    for m in governed:  # what the governed words say: "offered to hand over to Great Britain"
        if parsed.tokens[m].pos in ("VERB", "AUX"):
            own = [c.i for c in parsed.children(m) if c.dep in ("nsubj", "nsubjpass")]
            parties.target.extend(k for k in own if k not in parties.source)
        _objects_and_preps(parsed, m, parties, False, governed=True)
        for c in parsed.children(m):
            if c.dep in ("xcomp", "ccomp") and parsed.tokens[c.i].pos in ("VERB", "AUX"):
                _objects_and_preps(parsed, c.i, parties, False, governed=True)
                # "refused to allow the plane to land": the one let (or made) to act is a target too
                parties.target.extend(g.i for g in parsed.children(c.i) if g.dep == "nsubj"
                                      and g.i not in parties.source and parsed.tokens[g.i].pos != "PRON")
    opening = dateline_end(parsed.text)
    for bucket in (parties.source, parties.target, parties.partner):
        bucket[:] = [_antecedent(parsed, k) for k in bucket]
        if opening:
            bucket[:] = [g for k in bucket for g in _past_dateline(parsed, k, opening)]
        bucket[:] = [k for k in dict.fromkeys(bucket) if k != trig.tok]
    return parties


def _antecedent(parsed: Parsed, k: int) -> int:
    """The noun a relative pronoun stands for ("Kapanadze, [whom] the office accused"), else ``k``."""
    t = parsed.tokens[k]
    if t.tag not in ("WP", "WDT") or t.text.lower() not in ("whom", "who", "which", "that"):
        return k
    for _ in range(4):
        if t.dep == "relcl" and t.head != t.i:
            return t.head
        if t.head == t.i:
            break
        t = parsed.tokens[t.head]
    return k


# A wire dateline opens the article: "LUSAKA, Zambia —", "PORT SUDAN (Reuters) -", "Minsk (AP) --"
_DATELINE = re.compile(r"\s*(?:[A-Z][A-Z'.\- ]{1,30}[A-Z.]|[A-Z][a-z]+(?: [A-Z][a-z]+)?(?= \())"
                       r"(?:,[^\n\u2014\u2013(]{1,40})?\s*(?:\([^)\n]{1,40}\)\s*)?(?:\u2014|\u2013|--| - )")


def dateline_end(text: str) -> int:
    """The offset where the article's dateline ends (after its dash), or 0 when it has none. The parser
    reads "LUSAKA, Zambia — Police ... fired" as one subject; the dateline says where the article was
    filed, and is no party to what it tells."""
    first = text.find("\n", 0, 200)
    starts = [0] + ([first + 1] if first > 0 and text[:first].strip() else [])
    for at in starts:
        m = _DATELINE.match(text, at)
        if m:
            return m.end()
    return 0


def _past_dateline(parsed: Parsed, head: int, end: int) -> list[int]:
    """The phrase head itself, or for one in the dateline the phrases the parser hung on it past the dateline
    ("LUSAKA, Zambia — [Police] in Lusaka fired": "Police" is a conjunct of "LUSAKA")."""
    if parsed.tokens[head].start >= end:
        return [head]
    out: list[int] = []
    stack = [head]
    while stack:
        k = stack.pop()
        for c in parsed.children(k):
            if c.dep in ("conj", "appos", "npadvmod"):
                (out if c.start >= end and parsed.tokens[c.i].pos in ("NOUN", "PROPN", "PRON") else stack).append(c.i)
    return sorted(out)


def _topic_of_speech(parsed: Parsed, noun: int, verb: int) -> bool:
    """True for a happening that is what a verb of speaking speaks of ("commented on the protest", "asked
    about the strike"): the speaker is no party to it."""
    t = parsed.tokens[noun]
    if t.dep != "pobj" or t.head == noun:
        return False
    prep = parsed.tokens[t.head]
    return prep.text.lower() in ("on", "about", "to") and prep.head == verb \
        and parsed.tokens[verb].lemma.lower() in words("events/speaking")


def _from_phrases(parsed: Parsed, i: int) -> list[int]:
    """The objects of the "from" phrases of token ``i``."""
    return [g.i for c in parsed.children(i) if c.dep == "prep" and c.text.lower() == "from"
            for g in parsed.children(c.i) if g.dep == "pobj"]


def _condition_subjects(parsed: Parsed, words: tuple[int, ...]) -> list[int]:
    """The subjects of the "unless"/"if" clauses on ``words``: the parties a threat or a demand sets
    its condition on."""
    out: list[int] = []
    for k in words:
        for c in parsed.children(k):
            if c.dep == "advcl" and any(g.dep == "mark" and g.text.lower() in ("unless", "if")
                                        for g in parsed.children(c.i)):
                out.extend(g.i for g in parsed.children(c.i) if g.dep in ("nsubj", "nsubjpass"))
    return out


def _cleft_focus(parsed: Parsed, verb: int) -> list[int]:
    """ "It was to Lukashenko that Trump placed his call": the phrase the cleft puts in focus."""
    t = parsed.tokens[verb]
    for _ in range(3):
        if t.dep not in ("ccomp", "xcomp", "relcl", "advcl") or t.head == t.i:
            return []
        t = parsed.tokens[t.head]
        if t.lemma.lower() == "be" and any(c.dep == "nsubj" and c.text.lower() == "it" for c in parsed.children(t.i)):
            return [g.i for c in parsed.children(t.i) if c.dep == "prep" and c.text.lower() in ("to", "with")
                    for g in parsed.children(c.i) if g.dep == "pobj"]
    return []


def _complement_of(parsed: Parsed, member: int, trig: Trigger) -> bool:
    """True when a member is what the trigger governs, not a clause that only describes something."""
    t = parsed.tokens[member]
    stops = {trig.tok, trig.anchor}
    steps = 0
    while t.i not in stops and t.head != t.i and steps < 30:
        if t.dep in ("relcl", "advcl", "acl", "appos", "parataxis"):
            return False
        if t.dep == "prep" and t.text.lower() in _CONCESSIVE:
            return False  # "despite invading two countries, X signed ...": another happening, not what is signed
        if t.dep == "prep" and t.head in stops and t.i in _fronted_before_subject(parsed, t.head):
            return False  # "With the signing of ..., X agreed": the setting, not what is agreed
        t = parsed.tokens[t.head]
        steps += 1
    return t.i in stops


def resolve_heads(parsed: Parsed, heads: list[int], refers_to: Mapping[int, str],
                   by_id: Mapping[str, Entity], where: dict[str, int], stops: frozenset[int]) -> list[str]:
    """The entity ids the phrases headed by ``heads`` stand for; ``where`` records each one's head."""
    out: list[str] = []
    for h in heads:
        ids = phrase_entities(parsed, refers_to, by_id, h, stops)
        if not ids and is_other_pronoun(parsed, h):
            ids = _pronoun_from_reporter(parsed, h, refers_to, by_id)
        for eid in ids:
            if eid not in out:
                out.append(eid)
                where.setdefault(eid, own_head(parsed, refers_to, h, eid))  # its country is told by its phrase
    return out


def _pronoun_from_reporter(parsed: Parsed, pron: int, refers_to: Mapping[int, str],
                           by_id: Mapping[str, Entity]) -> list[str]:
    """ "Syria says it is willing": "it" is the subject of the verb that reports its clause."""
    ids: list[str] = []
    for s in reporter_of(parsed, pron):
        ids.extend(phrase_entities(parsed, refers_to, by_id, s))
    return ids


def reporter_of(parsed: Parsed, pron: int) -> list[int]:
    """The subject heads of the verb that reports the clause a pronoun is in ("the junta said [it] would"),
    else []."""
    for up in climb_clauses(parsed, pron):
        if up.lemma.lower() in REPORTING:
            subj, _ = _subject_of(parsed, up.i)
            return subj
    return []

