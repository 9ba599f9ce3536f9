"""Attributions without a speech verb: "according to X, ...", "in the poll, ...", and statements named by a noun
("his claim that ...", "a pledge from X to ...", "X made the accusation that ...").
"""

from __future__ import annotations

from dataclasses import replace

from newsgraph.analysis.parsed import Parsed, Token
from newsgraph.analysis.quotes.cues import CLAUSE_HEADS, Attribution, cue_lemma, source_range, subject_of, trimmed
from newsgraph.lexicon import words

# "made the claim that", "issued a warning that": the verb's subject owns the statement
_STATEMENT_VERBS = frozenset({"make", "issue", "deliver", "offer", "repeat", "voice", "express", "give", "send",
                              "post", "tweet", "renew", "reiterate", "level", "lodge", "file", "raise", "publish"})


def according_to(parsed: Parsed) -> list[Attribution]:
    """ "according to X, ...": X the source, the clause it hangs on the content."""
    out = []
    toks = parsed.tokens
    for t in toks:
        if t.text.lower() != "according" or t.i + 1 >= len(toks) or toks[t.i + 1].text.lower() != "to":
            continue
        to = toks[t.i + 1]
        obj = next((c.i for c in parsed.children(to.i) if c.dep == "pobj"), None)
        if obj is None:
            obj = next((c.i for c in parsed.children(t.i) if c.dep == "pobj"), None)
        out.append(_reported_around(parsed, t.i, obj, "according to"))
    return out


def findings_in(parsed: Parsed) -> list[Attribution]:
    """ "In the latest poll, X leads by 5 points": the poll the source, the clause it hangs on the content.

    Only when the clause's verb is not itself a verb of speech (that one speaks for itself).
    """
    out = []
    toks = parsed.tokens
    findings, speech = words("quotes/findings"), words("quotes/verbs")
    for t in toks:
        if t.text.lower() != "in" or t.dep != "prep" or toks[t.head].pos not in CLAUSE_HEADS \
                or cue_lemma(toks[t.head]) in speech:
            continue
        obj = next((c.i for c in parsed.children(t.i) if c.dep == "pobj"), None)
        if obj is None or toks[obj].lemma.lower() not in findings:
            continue
        out.append(replace(_reported_around(parsed, t.i, obj, None), cue=(t.i, t.i + 1)))
    return out


def _reported_around(parsed: Parsed, t_i: int, obj: int | None, hedge: str | None) -> Attribution:
    """The attribution of a source phrase headed by token ``t_i`` ("according to X", "in the poll").

    The clause the phrase hangs on, less the phrase, is the content.
    """
    toks = parsed.tokens
    t = toks[t_i]
    # the clause: from the head of the phrase up to its verb
    head = t.head if toks[t.head].i != t.i else t.i
    while toks[head].pos not in CLAUSE_HEADS and toks[head].head != head:
        head = toks[head].head
    # "X stood at 200,000 and has since grown to 2 million, according to Y": both conjuncts are Y's
    while toks[head].dep == "conj" and toks[head].head != head and toks[toks[head].head].pos in CLAUSE_HEADS:
        head = toks[head].head
    sent = parsed.sentence_of(t.i)
    lo, hi = parsed.subtree(head) if head != t.i else (sent.first, sent.last)
    alo, ahi = parsed.subtree(t.i)
    ahi = max(ahi, parsed.subtree(obj)[1]) if obj is not None else ahi
    if alo <= lo and ahi >= hi:
        # the parser hung the sentence on "According" ("According to X, the move reeks of ..."):
        # the phrase ends with its source, the rest of the sentence is what X says
        lo, hi = sent.first, sent.last
        alo, ahi = t.i, source_range(parsed, obj)[1] if obj is not None else t.i + 2
    if alo <= lo:
        lo = max(lo, ahi)
    elif ahi >= hi:
        hi = min(hi, alo)
    else:  # "X, according to Y, is Z": keep the longer side
        lo, hi = (lo, alo) if alo - lo >= hi - ahi else (ahi, hi)
    content = trimmed(parsed, lo, hi)
    source = source_range(parsed, obj) if obj is not None else None
    return Attribution(cue=(t.i, t.i + 2), content=content, source=source, source_head=obj,
                       hedge=hedge, kind="according")


def noun_attributions(parsed: Parsed) -> list[Attribution]:
    """ "his claim that ...", "a pledge from X to ...", "X made the accusation that ...": statements as nouns."""
    nouns = words("quotes/nouns")
    toks = parsed.tokens
    out = []
    for t in toks:
        if t.pos != "NOUN" or t.lemma.lower() not in nouns:
            continue
        content = None
        clause = False
        for c in parsed.children(t.i):
            if c.i > t.i and c.dep in ("acl", "ccomp") and any(
                    g.dep in ("mark", "aux") and g.text.lower() in ("that", "to") for g in parsed.children(c.i)):
                content = parsed.subtree(c.i)
                clause = any(g.dep == "mark" and g.text.lower() == "that" for g in parsed.children(c.i))
                break
            if c.i > t.i and c.dep == "prep" and c.text.lower() in ("about", "for", "against", "on"):
                obj = next((g for g in parsed.children(c.i) if g.dep in ("pobj", "pcomp")), None)
                if obj is not None:
                    content = parsed.subtree(obj.i)
                    break
        if content is None:
            continue
        src = _noun_source(parsed, t)
        if src is None:
            if clause:  # "charges that he misled voters": a statement made, by no one named
                out.append(Attribution(cue=(t.i, t.i + 1), content=trimmed(parsed, *content), source=None,
                                       source_head=None, kind="noun"))
            continue
        out.append(Attribution(cue=(t.i, t.i + 1), content=trimmed(parsed, *content),
                               source=source_range(parsed, src), source_head=src, kind="noun"))
    return out


def _noun_source(parsed: Parsed, noun: Token) -> int | None:
    """Who a statement noun belongs to: "his"/"X's", "from X"/"by X", or the subject of "made the claim"."""
    for c in parsed.children(noun.i):
        if c.dep == "poss":
            return c.i
        if c.dep == "prep" and c.text.lower() in ("from", "by"):
            obj = next((g.i for g in parsed.children(c.i) if g.dep == "pobj"), None)
            if obj is not None:
                return obj
    head = parsed.tokens[noun.head]
    if noun.dep == "dobj" and head.lemma.lower() in _STATEMENT_VERBS:
        return subject_of(parsed, head.i)
    return None
