"""Trigger words used for something that is no act between parties, found from the parse.

Read off whole BBC articles nobody tuned the lexicon for, the false events were mostly a word of the
lexicon in another use: the frame of a statement ("Speaking on the radio on Tuesday, X said"), a
reporter's question ("Asked about the rift, X replied"), an attempt ("firms sought to grab a slice of
the market"), a word set off in scare quotes ("came under 'attack' from rivals"), a shot with nothing
shot at ("exports shot up 7.5%", "he shot from 50 yards"), a person signed or a player on loan. Each
test here is a shape of the parse, not a list of sentences; ``sense_of`` in ``triggers.py`` asks them
before it takes a sense.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.analysis.events.commerce import traded
from newsgraph.analysis.events.lexicon import Sense, senses
from newsgraph.analysis.events.matchplay import match_play
from newsgraph.analysis.parsed import Parsed, Token
from newsgraph.lexicon import words

_TALKING = frozenset({"speak", "talk", "ask"})
_QUESTION_WORDS = frozenset({"why", "whether", "if", "how", "what", "when", "who", "where", "which"})
_QUESTION_NOUNS = frozenset({"question", "query"})
_ATTEMPTS = frozenset({"seek", "try", "attempt"})
_AIMS = frozenset({"at", "on", "into", "through"})
_HARM = frozenset({"ASSAULT", "COERCE"})
_QUOTES = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "``", "''"})


def no_act(parsed: Parsed, tok: Token, sense: Sense, party: Callable[[int], bool]) -> bool:
    """True when the trigger ``tok`` in ``sense`` tells no act between parties here; ``party`` says whether
    a token names a party."""
    lemma = tok.lemma.lower()
    kids = list(parsed.children(tok.i))
    if lemma in _TALKING and _frames_a_statement(parsed, tok, kids, party):
        return True
    if lemma == "ask" and sense.type == "REQUEST" and _asks_a_question(parsed, kids):
        return True
    if lemma in _ATTEMPTS and sense.type == "REQUEST" and any(c.dep == "xcomp" for c in kids):
        return True  # "sought to grab a slice", "seeking to capture": an attempt; its deed codes itself
    if sense.type == "ASSAULT" and sense.mode == "firearms" and tok.pos == "VERB" and _aimless(tok, kids, parsed):
        return True
    if lemma in ("sign", "signing") and _signs_a_person(parsed, tok, kids):
        return True
    if lemma == "loan" and tok.dep == "pobj" and parsed.tokens[tok.head].text.lower() == "on":
        return True  # "is on loan from Charlton", "joins on a month's loan": a standing, not a grant
    if lemma == "trial" and sense.type == "ACCUSE" and tok.tag == "NNS" and not _of_a_party(parsed, kids, party):
        return True  # "trials in Berlin", "the European trials in Sheffield": tests and contests, no one tried
    if lemma == "blame" and tok.pos == "VERB" and _blames_a_cause(parsed, kids, party):
        return True
    if lemma == "offer" and sense.type == "AGREE" and tok.pos == "VERB" and _offers_goods(parsed, tok, kids, party):
        return True
    if traded(parsed, tok, sense, kids):
        return True  # "signed a deal to buy IBM's PC division", "agreed a takeover": trade (commerce.py)
    if match_play(parsed, tok, sense, kids):
        return True  # "Moya beat Roddick 6-2 6-4" in a match report: play, not force (matchplay.py)
    return _scare_quoted(parsed, tok)


def _of_a_party(parsed: Parsed, kids: list[Token], party: Callable[[int], bool]) -> bool:
    return any(c.dep == "poss" and party(c.i) for c in kids) or any(
        c.dep == "prep" and c.text.lower() == "of" and any(g.dep == "pobj" and party(g.i) for g in parsed.children(c.i))
        for c in kids)


def _blames_a_cause(parsed: Parsed, kids: list[Token], party: Callable[[int], bool]) -> bool:
    """True for "blamed the poor results on a wet summer": the blame is laid on a cause, no one is accused."""
    if any(c.dep == "prep" and c.text.lower() == "for" for c in kids):
        return False  # "blamed Pakistan for the fighting"
    preps = kids + [g for c in kids if c.dep == "dobj" for g in parsed.children(c.i)]  # "blamed the loss on"
    on = [g for c in preps if c.dep == "prep" and c.text.lower() == "on"
          for g in parsed.children(c.i) if g.dep == "pobj"]
    return bool(on) and not any(party(g.i) or any(party(k.i) for k in parsed.children(g.i) if k.dep == "conj")
                                for g in on)


def _offers_goods(parsed: Parsed, tok: Token, kids: list[Token], party: Callable[[int], bool]) -> bool:
    """True for "phones offering web access", "services offered by operators": goods on sale, offered to no
    one named; an offer of a deed ("offered to mediate", "offered talks") or to a party stays an offer."""
    if any(c.dep in ("xcomp", "ccomp", "dative") for c in kids):
        return False
    if any(c.dep == "prep" and c.text.lower() == "to" and any(g.dep == "pobj" and party(g.i)
                                                              for g in parsed.children(c.i)) for c in kids):
        return False
    goods = [c for c in kids if c.dep in ("dobj", "nsubjpass") and c.pos == "NOUN"]
    if tok.dep == "acl" and tok.tag == "VBN" and tok.head != tok.i:
        goods.append(parsed.tokens[tok.head])  # "services offered by operators"
    table = senses()
    return bool(goods) and not any(g.lemma.lower() in table or party(g.i) for g in goods)


def _signs_a_person(parsed: Parsed, tok: Token, kids: list[Token]) -> bool:
    """True for "signed the Italian keeper", "the signing of defender X": a person taken on, no pact signed."""
    if tok.pos == "VERB":
        heads = [c for c in kids if c.dep == "dobj"]
    else:
        heads = [g for c in kids if c.dep == "prep" and c.text.lower() == "of"
                 for g in parsed.children(c.i) if g.dep == "pobj"]
    return any(e.label == "PERSON" and e.first <= h.i < e.last for h in heads for e in parsed.ents)


def _frames_a_statement(parsed: Parsed, tok: Token, kids: list[Token], party: Callable[[int], bool]) -> bool:
    """True for "Speaking on the BBC on Tuesday, X said", "Asked about the rift, X replied": a participle of
    speaking that only sets the scene of a statement, with no one spoken with or asked to do something."""
    if tok.dep != "advcl" or tok.tag not in ("VBG", "VBN") or tok.head == tok.i:
        return False
    if parsed.tokens[tok.head].lemma.lower() not in words("events/speaking"):
        return False
    if any(c.dep in ("xcomp", "dobj", "dative") for c in kids):
        return False  # "asked to leave", "asked the court to", "speaking to reporters" stays below
    # "Speaking to Xi, Maamau reaffirmed": a meeting
    return not any(c.dep == "prep" and c.text.lower() in ("to", "with", "for")
                   and any(g.dep == "pobj" and party(g.i) for g in parsed.children(c.i)) for c in kids)


def _asks_a_question(parsed: Parsed, kids: list[Token]) -> bool:
    """True for "was asked why", "asked about his health", "ask more queries": a question, not a request."""
    if any(c.dep == "xcomp" or (c.dep == "prep" and c.text.lower() == "for") for c in kids):
        return False  # "asked them to leave", "asked for help"
    for c in kids:
        if c.dep == "prep" and c.text.lower() == "about":
            return True
        if c.dep == "dobj" and c.lemma.lower() in _QUESTION_NOUNS:
            return True
        if c.dep in ("ccomp", "advcl") and any(  # "asked why", "asking what they would do"
                g.text.lower() in _QUESTION_WORDS for g in parsed.children(c.i)
                if g.dep in ("mark", "advmod", "dobj", "nsubj", "attr")):
            return True
    return False


def _aimless(tok: Token, kids: list[Token], parsed: Parsed) -> bool:
    """True for "exports shot up", "he shot from 50 yards": a shot with no one shot and nothing aimed at."""
    if tok.dep == "xcomp" or tok.tag == "VBN":
        return False  # "a man shot by police", "ordered to shoot"
    # "shot and killed two men", "stormed the camp and shot": the object of a coordinated verb is aimed at too
    around = kids + [g for c in kids if c.dep == "conj" and _forceful(c) for g in parsed.children(c.i)]
    if tok.dep == "conj" and tok.head != tok.i and _forceful(parsed.tokens[tok.head]):
        around += list(parsed.children(tok.head))
    if any(c.dep in ("dobj", "nsubjpass", "dative", "ccomp", "oprd") for c in around):
        return False
    return not any(c.dep == "prep" and c.text.lower() in _AIMS for c in kids)


def _forceful(t: Token) -> bool:
    """True for a verb the lexicon reads as an attack or a seizure ("killed", "stormed")."""
    return any(x.type in _HARM for x in senses().get(t.lemma.lower(), ()))


def _scare_quoted(parsed: Parsed, tok: Token) -> bool:
    """True for a trigger word set off alone in quotation marks ('came under "attack"', 'his "resignation"'):
    the writer's distance from the word, not a report of the act."""
    i = tok.i
    if i == 0 or i + 1 >= len(parsed.tokens):
        return False
    before, after = parsed.tokens[i - 1], parsed.tokens[i + 1]
    return before.text in _QUOTES and after.text in _QUOTES and before.sent == tok.sent == after.sent
