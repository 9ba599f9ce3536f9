"""Attribution cues read from the parse: who says, believes or wants what, and the words that say so.

A cue is a verb of speech ("said", "told", "insisted"), of belief with a clause
("believes that"), of a stated stance with an infinitive ("refused to", "wants
to"), a verb whose object is the thing said ("called them 'deplorables'",
"criticized the plan") or a verb with its preposition ("called for a ban");
nouns ("his claim that") and "according to X" are read in ``nouns``.
Each gives an ``Attribution``: the cue's tokens, the content's tokens (the
reported clause without cue or source) and the source phrase's tokens, any of
which the parse may leave unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsgraph.analysis.parsed import Parsed, Token
from newsgraph.lexicon import lines, words

_SUBJECTS = frozenset({"nsubj", "csubj"})
CLAUSE_HEADS = frozenset({"VERB", "AUX"})
_EDGE_PUNCT = frozenset(",;:-–—―()[]")
_RELATIVE_WORDS = frozenset({"that", "which", "what", "whom", "whether", "as", "so"})
_OPENING_MARKS = frozenset("\"“‘'")
# an infinitive after a speech verb is an order or a promise ("urged them to leave"): content too
_INTENT_DEPS = frozenset({"xcomp"})
_FACTIVE = frozenset({"know", "realize", "realise", "understand", "recognize", "recognise", "learn", "regret"})
_ASIDE_DEPS = frozenset({"relcl", "advcl"})
# prepositions that go on with what is shown or said of the object, not when or where it was said
_RUN_ON_PREPS = frozenset({"with", "to", "from", "over", "about", "against", "into", "toward", "towards", "than",
                           "between", "among", "by"})
_WHEN_WORDS = frozenset({"now", "then", "again", "today", "yesterday", "tonight", "earlier", "later", "recently",
                         "also", "still", "already", "once", "ago", "soon", "repeatedly", "often", "never", "ever"})
# speech verbs that report only with a clause or around a quotation ("he continued, ..."), never
# with an object or an infinitive ("continued to rise")
_CLAUSE_ONLY = frozenset({"continue"})
# lemmas the model gets wrong for a cue, with the lemma meant when the word begins with it
_LEMMA_SLIPS = {"hop": "hope"}
# "X plans to ...": a stated plan; "X has planned for months to ...": the planning, an event of its own
_PLANNING = frozenset({"plan"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# "X seems to ...": an impression of no one named, the whole clause its content
_RAISING = frozenset({"seem", "appear"})
_CONCESSIVE = frozenset({"though", "although", "while", "whereas"})
_WHEN_LABELS = frozenset({"DATE", "TIME"})
_MODIFIER_DEPS = frozenset({"acl", "amod", "xcomp", "advcl"})
_VERB_FRAME = frozenset({"aux", "auxpass", "nsubj", "nsubjpass"})
# speech verbs whose object is the person spoken to, not what was said
_ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "assure", "advise", "answer", "urge", "order", "instruct",
                              "warn", "caution", "remind", "accuse", "blame", "threaten", "charge"})


@dataclass(frozen=True, slots=True)
class Attribution:
    """A cue with its content and source as token ranges ``[first, last)``; either may be unknown."""

    cue: tuple[int, int]
    content: tuple[int, int] | None
    source: tuple[int, int] | None
    source_head: int | None
    hedge: str | None = None
    kind: str = "verb"  # "verb", "noun", "according", "label" (a headline's "X: ..."), "turn" (a transcript's)


@lru_cache(maxsize=1)
def _prep_cues() -> dict[str, frozenset[str]]:
    """Verb lemma -> the prepositions (or particles) that make it a cue ("call" -> {"for", "on"})."""
    out: dict[str, set[str]] = {}
    for line in lines("quotes/preps"):
        verb, _, prep = line.partition(" ")
        out.setdefault(verb, set()).add(prep)
    return {k: frozenset(v) for k, v in out.items()}


def trimmed(parsed: Parsed, lo: int, hi: int) -> tuple[int, int] | None:
    """The range without punctuation and conjunctions at its edges, or None when nothing is left."""
    toks = parsed.tokens
    while lo < hi and (toks[lo].text in _EDGE_PUNCT or toks[lo].dep == "cc"):
        lo += 1
    while hi > lo and (toks[hi - 1].text in _EDGE_PUNCT or toks[hi - 1].text == "."):
        hi -= 1
    if hi - lo == 1 and toks[lo].text.lower() in _RELATIVE_WORDS:
        return None  # "which he said", "as she said that": the content is elsewhere
    return (lo, hi) if lo < hi else None


def subject_of(parsed: Parsed, verb: int) -> int | None:
    """The token heading the verb's subject, climbing through "and said" and "..., saying"."""
    toks = parsed.tokens
    v = verb
    for level in range(4):
        # "X was criticized for saying ...": above the cue, a passive subject is the speaker too;
        # of two subjects (a dateline's "GENEVA, Sept 24 - ... the ministry said") the nearer one
        found = [c.i for c in parsed.children(v) if c.dep in _SUBJECTS or (level > 0 and c.dep == "nsubjpass")]
        if found:
            before = [k for k in found if k < v]
            return max(before) if before else found[0]
        for c in parsed.children(v):
            if c.dep == "agent":
                obj = next((g.i for g in parsed.children(c.i) if g.dep == "pobj"), None)
                if obj is not None:
                    return obj
        t = toks[v]
        # "... and said", "..., saying", "wants to say": the subject of the verb above
        purpose = t.dep == "advcl" and any(c.dep == "aux" and c.text.lower() == "to" for c in parsed.children(v))
        if (t.dep in ("conj", "xcomp") or (t.dep == "advcl" and t.tag == "VBG") or purpose) and t.head != v \
                and toks[t.head].lemma != "be":  # "the point was to thank him": the point thanks no one
            if t.dep == "xcomp":  # "urged Brown to deny it": Brown denies, not the one who urged
                obj = next((c.i for c in parsed.children(t.head) if c.dep == "dobj" and c.i < v), None)
                if obj is not None:
                    return obj
            v = t.head
            continue
        # "criticized for saying ...", "by claiming ...": through the preposition to the verb it hangs on
        prep = toks[t.head]
        if t.dep == "pcomp" and t.tag == "VBG" and prep.dep == "prep" and toks[prep.head].pos in CLAUSE_HEADS:
            v = prep.head
            continue
        # "officials speaking on condition of anonymity": the noun the participle describes
        if t.dep in ("relcl", "acl") and t.head != v and not any(c.dep == "nsubjpass" for c in parsed.children(v)):
            return t.head
        return None
    return None


def source_range(parsed: Parsed, head: int) -> tuple[int, int]:
    """The words of a source phrase: its modifiers on the left, the head, "of X" or a compound on the right."""
    toks = parsed.tokens
    lo, hi = parsed.subtree(head)
    # stop the left edge at a comma (an apposition or a fronted phrase) before the head
    left = head
    while left > lo and toks[left - 1].text not in (",", "(", "—", "–") and toks[left - 1].sent == toks[head].sent:
        left -= 1
    right = head + 1
    for c in parsed.children(head):
        if c.i > head and c.dep in ("compound", "flat", "nummod"):
            right = max(right, parsed.subtree(c.i)[1])
        elif c.i > head and c.dep == "prep" and c.text.lower() in ("of", "for", "from", "at"):
            # "Jane Doe of the Kennan Institute", not what is said of the institute after it
            obj = next((g.i for g in parsed.children(c.i) if g.dep == "pobj"), None)
            right = max(right, _bare_phrase_end(parsed, obj) if obj is not None else c.i + 1)
    return max(left, lo), min(max(right, head + 1), hi)


def _bare_phrase_end(parsed: Parsed, head: int) -> int:
    """The end of a noun phrase without the phrases and clauses that follow its head."""
    end = head + 1
    for c in parsed.children(head):
        if c.i > head and c.dep in ("compound", "flat", "nummod", "amod"):
            end = max(end, parsed.subtree(c.i)[1])
    return end


# speech verbs that, with an object and "to", put something somewhere ("added X to the list")
_PLACING_SENSES = frozenset({"add"})


def _content_of(parsed: Parsed, verb: Token, objective: bool, speech: bool) -> tuple[tuple[int, int], str, int] | None:
    """The tokens the verb reports, the frame that gave them and the content's head token.

    Frames: "clause" ("said that ..."), "intent" ("vowed to ..."), "prep" ("called for
    ..."), "object" ("criticized the plan") and "aside" ("The plan, he said, is dead").
    """
    children = list(parsed.children(verb.i))
    # a clause after the verb first: "Writing for X, who agreed Y won, Z noted that ...": what Z noted follows
    for c in sorted(children, key=lambda c: c.i < verb.i):
        if c.dep == "ccomp" or (c.dep == "dep" and c.pos in CLAUSE_HEADS and c.i > verb.i):
            if c.i < verb.i and not _fronted_content(parsed, c.i, verb.i):
                continue
            return parsed.subtree(c.i), "clause", c.i
    if speech:
        found = _misattached_clause(parsed, verb, children)
        if found is not None:
            return found
    if cue_lemma(verb) in _CLAUSE_ONLY:  # "continued to rise", "continues his attacks": no statement in those
        speech = objective = False
    if speech or cue_lemma(verb) in words("quotes/intent"):
        for c in children:
            if c.dep in _INTENT_DEPS:
                lo, hi = parsed.subtree(c.i)
                obj = next((o for o in children if o.dep == "dobj" and o.i < c.i), None)
                if obj is not None:  # "urged the council to reject it": whom, and what they should do
                    lo = parsed.subtree(obj.i)[0]
                return (lo, hi), "intent", c.i
    preps = _prep_cues().get(cue_lemma(verb), frozenset())
    for c in children:
        if c.dep in ("prep", "prt") and c.text.lower() in preps:
            obj = next((g for g in parsed.children(c.i) if g.dep in ("pobj", "pcomp")), None)
            if obj is not None:
                lo, hi = _core(parsed, obj.i)
                for x in children:  # "called on people to protest": the people and what they should do
                    if x.i > c.i and x.dep in ("xcomp", "ccomp"):
                        hi = max(hi, parsed.subtree(x.i)[1])
                return (lo, hi), "prep", obj.i
    if objective or (speech and cue_lemma(verb) not in _ADDRESSEE_VERBS):
        obj = next((c for c in children if c.dep == "dobj"), None)
        if obj is not None and cue_lemma(verb) in _PLACING_SENSES and any(
                c.dep == "prep" and c.text.lower() in ("to", "into", "onto") for c in children):
            return None  # "added 14 firms to its blacklist": putting something somewhere, not saying it
        if obj is not None:
            lo, hi = _core(parsed, obj.i)
            for c in children:  # "called them 'deplorables'", "described him as a fraud": the object and its label
                if c.i > obj.i and (c.dep in ("oprd", "xcomp", "ccomp") or
                                    (c.dep == "prep" and c.text.lower() in ("as", "to", "of", "for"))):
                    hi = max(hi, parsed.subtree(c.i)[1])
            hi = max(hi, _rest_of_clause(parsed, verb, children, hi))
            return (lo, hi), "object", obj.i
        passive = next((c for c in children if c.dep == "nsubjpass"), None)
        if passive is not None and objective and any(c.dep == "agent" for c in children):
            return parsed.subtree(passive.i), "object", passive.i  # "the plan was backed by X"
    if (speech or cue_lemma(verb) in _CLAUSE_ONLY) and verb.dep in ("parataxis", "advcl") and _set_off(parsed, verb.i):
        # "The economy, he said, is weak": the clause around the parenthetical
        head = verb.head
        lo, hi = parsed.subtree(head)
        vlo, vhi = parsed.subtree(verb.i)
        if vlo > lo and vhi < hi and parsed.tokens[hi - 1].sent == verb.sent:
            return (lo, hi), "aside", head  # the statement on both sides of ", he said,": one span, as corpora draw it
        if vlo > lo:
            return (lo, vlo), "aside", head
        if vhi < hi:
            return (vhi, hi), "aside", head
    return None


def _misattached_clause(parsed: Parsed, verb: Token, children: list[Token]) -> tuple[tuple[int, int], str, int] | None:
    """A reported clause the parser hung elsewhere, with the frame "clause" and its head, or None.

    "told a meeting of leaders that few people understood it", "said in a statement
    that it would respond": a "that" clause read as a relative clause of the
    addressee or the medium (its "that" a conjunction, not a pronoun of the clause);
    "said after the convention he would not accept it": a clause with its own
    subject and no subordinator, read as an adverbial clause.
    """
    toks = parsed.tokens
    for c in children:
        if c.i < verb.i:
            continue
        if c.dep in ("dobj", "prep"):  # "told a meeting of X that ...", "said in a statement that ..."
            hi = parsed.subtree(c.i)[1]
            for k in range(c.i + 1, hi):
                t = toks[k]
                if t.dep in ("relcl", "acl") and t.pos in CLAUSE_HEADS and any(
                        m.dep == "mark" and m.text.lower() == "that" for m in parsed.children(k)) \
                        and any(s.dep in _SUBJECTS for s in parsed.children(k)):
                    first = next(m.i for m in parsed.children(k) if m.dep == "mark")
                    return (first, parsed.subtree(k)[1]), "clause", k
        if c.dep == "advcl" and c.pos in CLAUSE_HEADS and c.tag not in ("VBG", "VBN") \
                and not any(m.dep in ("mark", "advmod") and m.i < c.i for m in parsed.children(c.i)):
            subj = next((s for s in parsed.children(c.i) if s.dep in _SUBJECTS and s.i < c.i), None)
            if subj is not None and toks[subj.i].text.lower() not in _RELATIVE_WORDS:
                return (parsed.subtree(subj.i)[0], parsed.subtree(c.i)[1]), "clause", c.i
    return None


def _rest_of_clause(parsed: Parsed, verb: Token, children: list[Token], hi: int) -> int:
    """The end of the verb's complements that run on from ``hi`` ("shows her ahead by 3 points").

    What the object is shown, called or compared with is part of what is said
    ("shows him with his hands up", "compared them to a snake"); when and where it
    was said is not ("in a tweet", "on Friday", "during the debate"), and a comma
    or a dash ends the run.
    """
    toks = parsed.tokens
    end = hi
    for c in children:
        if c.i < end:
            continue
        if any(toks[k].pos == "PUNCT" for k in range(end, c.i + 1)):
            break
        word = c.text.lower()
        if (c.dep == "prep" and word in _RUN_ON_PREPS) or (c.dep in ("advmod", "acomp") and word not in _WHEN_WORDS
                                                           and c.tag not in ("WRB",)):
            end = parsed.subtree(c.i)[1]
        else:
            break
    return end


def _core(parsed: Parsed, head: int) -> tuple[int, int]:
    """A noun phrase's tokens without what follows it after a comma ("X, who took heat for ...")."""
    lo, hi = parsed.subtree(head)
    toks = parsed.tokens
    for c in parsed.children(head):
        if c.i > head and c.dep in ("relcl", "appos", "acl", "advcl"):
            clo = parsed.subtree(c.i)[0]
            if clo > lo and toks[clo - 1].text in (",", "—", "–", "--", "("):
                hi = min(hi, clo - 1)
    return lo, hi


def _fronted_content(parsed: Parsed, clause: int, verb: int) -> bool:
    """True when a clause before its verb reads as "<clause>, X said": only punctuation before the subject."""
    toks = parsed.tokens
    k = parsed.subtree(clause)[1]
    while k < verb and toks[k].pos == "PUNCT":
        k += 1
    subj = next((c for c in parsed.children(verb) if c.dep in _SUBJECTS or c.dep == "nsubjpass"), None)
    first = parsed.subtree(subj.i)[0] if subj is not None and subj.i < verb else verb
    return k >= min(first, verb) or all((toks[j].head == verb and toks[j].dep in ("aux", "auxpass", "neg"))
                                        or toks[j].pos == "PUNCT" for j in range(k, verb))


def _set_off(parsed: Parsed, verb: int) -> bool:
    """True when the verb's clause is set off by punctuation, as a parenthetical ", he said," is."""
    lo, hi = parsed.subtree(verb)
    toks = parsed.tokens
    while lo < verb and toks[lo].pos == "PUNCT" and toks[lo].text not in _OPENING_MARKS:
        lo += 1
    while hi - 1 > verb and toks[hi - 1].pos == "PUNCT":
        hi -= 1
    if any(c.dep in ("mark", "dobj", "ccomp", "xcomp") for c in parsed.children(verb)):
        return False  # "however much X suggested otherwise", "if Y said so": a clause, not an aside
    before = toks[lo - 1].text if lo > 0 else "."
    after = toks[hi].text if hi < len(toks) else "."
    return before in (",", "—", "–", "(", "”", '"') and (after in (",", ".", "—", "–", ")", ";", "!", "?")
                                                           or toks[hi - 1].sent != toks[min(hi, len(toks) - 1)].sent)


def _cue_range(parsed: Parsed, verb: Token) -> tuple[int, int]:
    """The verb with its particle ("pointed out")."""
    hi = verb.i + 1
    for c in parsed.children(verb.i):
        if c.dep == "prt" and c.i == hi:
            hi += 1
    return verb.i, hi


def cue_lemma(token: Token) -> str:
    """The token's lemma, lower-cased, with the model's known slips undone ("hopes" is read as "hop")."""
    lemma = token.lemma.lower()
    fixed = _LEMMA_SLIPS.get(lemma)
    return fixed if fixed is not None and token.text.lower().startswith(fixed) else lemma


def verb_attributions(parsed: Parsed) -> list[Attribution]:
    """Every attribution headed by a verb of speech, belief, intent or evaluation."""
    speech, belief, objective = words("quotes/verbs"), words("quotes/belief"), words("quotes/object")
    intent = words("quotes/intent")
    preps = _prep_cues()
    # "commented on Monday": a date is when, not what
    when = {k for e in parsed.ents if e.label in _WHEN_LABELS for k in range(e.first, e.last)}
    out = []
    for t in parsed.tokens:
        if t.pos not in ("VERB", "AUX"):
            continue
        lemma = cue_lemma(t)
        is_speech, is_obj = lemma in speech, lemma in objective
        is_belief = lemma in belief or (lemma in intent and (lemma not in _PLANNING or _present(parsed, t)))
        if not (is_speech or is_belief or is_obj or lemma in preps):
            continue
        if t.pos == "AUX" and not is_speech:
            continue
        if t.tag == "VBN" and t.dep in _MODIFIER_DEPS and not any(c.dep in _VERB_FRAME for c in parsed.children(t.i)):
            continue  # "a deal agreed by X", "often called Y": a modifier, not a statement
        seeming = _seeming(parsed, t) if lemma in _RAISING else None
        if seeming is not None:
            out.append(Attribution(cue=_cue_range(parsed, t), content=seeming, source=None, source_head=None))
            continue
        found = _content_of(parsed, t, is_obj, is_speech)
        if found is not None and _in_passing(parsed, t, found[1], found[2], is_speech):
            continue
        subj = _whose_role(parsed, subject_of(parsed, t.i))
        passive = next((c.i for c in parsed.children(t.i) if c.dep == "nsubjpass"), None)
        if subj is None and passive is None and is_speech and t.dep not in ("relcl", "acl", "xcomp", "pcomp", "amod"):
            subj = _noun_before(parsed, t.i)
        content = None
        if found is not None:  # an aside keeps the ", he said," it sits in
            lo, hi = found[0]
            content = trimmed(parsed, lo, _before_trailing_aside(parsed, lo, hi)) if found[1] == "aside" \
                else _without(found[0], parsed, t.i, subj, clause=found[1] == "clause")
        if content is not None and all(k in when for k in range(*content)):
            content = None
        raised = content is not None and subj is None and passive is not None and passive < content[0] \
            and found is not None and found[1] == "intent"
        if raised and content is not None and passive is not None:
            # "X is said to be ...", "X is expected to win": X is what is said or expected, by an unnamed source
            content = (parsed.subtree(passive)[0], content[1])
        if content is None and not is_speech:
            continue
        if not is_speech and subj is None and not raised:
            continue  # "it seems", "for opposing the war": no one holds the belief
        source = source_range(parsed, subj) if subj is not None else None
        out.append(Attribution(cue=_cue_range(parsed, t), content=content, source=source, source_head=subj))
    return out


def _present(parsed: Parsed, verb: Token) -> bool:
    """True for a verb in the simple or progressive present ("plans", "is planning")."""
    if verb.tag in _PRESENT_TAGS:
        return True
    return verb.tag == "VBG" and any(c.dep == "aux" and c.tag in _PRESENT_TAGS for c in parsed.children(verb.i))


def _seeming(parsed: Parsed, verb: Token) -> tuple[int, int] | None:
    """The whole of "X seems to ..." as an impression without a named holder, or None.

    What seems so is a view of the writer's or of no one named; corpora of
    attribution take the subject, the cue and the infinitive together. "It seems
    that ..." and a relative clause ("who seems to ...") are left out.
    """
    if verb.dep in ("relcl", "acl", "advcl", "xcomp", "ccomp"):
        return None
    children = list(parsed.children(verb.i))
    subj = next((c for c in children if c.dep in _SUBJECTS and c.i < verb.i), None)
    inf = next((c for c in children if c.dep == "xcomp" and c.i > verb.i
                and any(g.dep == "aux" and g.text.lower() == "to" for g in parsed.children(c.i))), None)
    if subj is None or inf is None or (subj.pos == "PRON" and subj.text.lower() in ("it", "there")) \
            or subj.tag in ("WP", "WDT"):
        return None
    return trimmed(parsed, parsed.subtree(subj.i)[0], parsed.subtree(inf.i)[1])


def _whose_role(parsed: Parsed, subj: int | None) -> int | None:
    """The role in "X, whose chief executive, Y, said" when the parser made X the subject, else ``subj``."""
    if subj is None:
        return None
    for c in parsed.children(subj):
        if c.dep == "appos" and c.i > subj and any(g.text.lower() == "whose" for g in parsed.children(c.i)):
            return c.i
    return subj


def _noun_before(parsed: Parsed, verb: int) -> int | None:
    """The noun right before a verb the parser left without a subject, on the same line ("Panel member says ...")."""
    toks = parsed.tokens
    k = verb - 1
    while k >= 0 and toks[k].pos in ("ADV", "AUX", "PART"):
        k -= 1
    if k < 0 or toks[k].pos not in ("NOUN", "PROPN", "PRON") or "\n" in parsed.text[toks[k].end:toks[verb].start]:
        return None
    return k


def _in_passing(parsed: Parsed, verb: Token, frame: str, content_head: int, speech: bool) -> bool:
    """True for a cue in a subordinate clause that states no one's words or views.

    In a relative clause or a clause with a subordinator ("until", "although"), a
    factive verb's content is the writer's own presupposition ("although they know
    dissent is fatal"), a modal makes the speech hypothetical ("until he can claim
    victory") and a belief without a clause is a description ("who consider him weak").
    """
    children = list(parsed.children(verb.i))
    subordinate = verb.dep == "relcl" or (verb.dep == "advcl" and any(c.dep == "mark" for c in children))
    if not subordinate:
        return False
    if verb.lemma.lower() in _FACTIVE:
        return True
    if verb.dep == "advcl" and any(c.tag == "MD" for c in children):
        return True
    return not speech and frame == "clause" and parsed.tokens[content_head].pos not in CLAUSE_HEADS


def _without(content: tuple[int, int], parsed: Parsed, verb: int, subj: int | None,
             clause: bool = False) -> tuple[int, int] | None:
    """The content range cut short of the cue and the subject when the parse put them inside it,
    and of a trailing aside."""
    lo, hi = content
    cut = {verb} | ({subj} if subj is not None else set())
    for k in cut:
        if lo <= k < hi:
            if k - lo >= hi - k - 1:
                hi = k
            else:
                lo = k + 1
    return trimmed(parsed, lo, _before_trailing_aside(parsed, lo, hi, clause))


def _before_trailing_aside(parsed: Parsed, lo: int, hi: int, clause: bool = False) -> int:
    """The end of a content range before a trailing aside of the writer's.

    Asides: a concession (", though ..."), a note on a person (", who is 70") and a
    ", which ..." clause on a noun reported as an object ("criticized the plan,
    which ..."). Inside a reported clause, ", which ..." is usually the speaker's own
    elaboration ("said the rules were unlawful, which would ...") and stays, unless
    it reports speech of its own ("..., which he said were ...").
    """
    toks = parsed.tokens
    end = hi
    while end > lo and toks[end - 1].pos == "PUNCT":
        end -= 1
    for k in range(lo + 1, end):
        t = toks[k]
        if t.dep not in _ASIDE_DEPS:
            continue
        first, last = parsed.subtree(k)
        if first > lo + 1 and toks[first - 1].text == "," and last >= end and (any(
                c.dep == "mark" and c.text.lower() in _CONCESSIVE for c in parsed.children(k))
                or (t.dep == "relcl" and _relative_aside(parsed, first, last, clause))):
            return first - 1
    return hi


def _relative_aside(parsed: Parsed, first: int, last: int, clause: bool) -> bool:
    """True when a trailing relative clause is the writer's aside rather than part of the report."""
    if not clause or parsed.tokens[first].text.lower() in ("who", "whom", "when"):
        return True
    speech = words("quotes/verbs")
    return any(parsed.tokens[j].lemma.lower() in speech for j in range(first, last))
