"""Where a pronoun stands: inside a quotation (and whose), bound in its clause, or before its name.

Three facts of the text that narrow the people a pronoun can mean:

- inside a quotation "he" and "she" are not the quotation's own speaker
  ('“He lied,” Ames said': he is someone else);
- "himself" is the subject of its clause, and "him" is not ("Ames saw him");
- a pronoun in a clause before the subject can point forward to it
  ("After he landed, Ames said ...").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsgraph.analysis.marks import quoted_spans
from newsgraph.analysis.parsed import Parsed
from newsgraph.lexicon import words

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Fronted phrases a pronoun may sit in before the subject it points to.
_FRONTED = frozenset({"advcl", "prep", "npadvmod", "advmod"})


def quotation_of_tokens(parsed: Parsed) -> list[int]:
    """For each token, the index of the quotation (top-level, in text order) it lies in, or -1."""
    out = [-1] * len(parsed.tokens)
    spans = [q for q in quoted_spans(parsed.text) if not q.nested]
    q = 0
    for t in parsed.tokens:
        while q < len(spans) and spans[q].end <= t.start:
            q += 1
        if q < len(spans) and spans[q].inner_start <= t.start < spans[q].inner_end:
            out[t.i] = q
    return out


def quotation_speakers(parsed: Parsed, quoted: Sequence[int], refers: Mapping[int, str]) -> dict[int, set[str]]:
    """Quotation index -> the entities named as speaking it: active subjects of a speech verb tied to it.

    ``refers`` maps the tokens of names (and resolved role nouns) to entities;
    a pronoun speaker is left out, its own resolution being the less sure. The
    verb is tied to the quotation when one holds the other in the parse
    ('Ames said: “...”', '“...,” Ames said'), or when it is the main verb of a
    sentence that starts right after the quotation ('“...” Ames said.' parsed
    as a sentence apart). A quotation opening the sentence after another one
    with no speaker of its own is the same speaker's.
    """
    speech = words("quotes/verbs")
    spans: dict[int, tuple[int, int]] = {}
    for t in parsed.tokens:
        q = quoted[t.i]
        if q >= 0:
            lo, _ = spans.get(q, (t.i, t.i))
            spans[q] = (lo, t.i)
    out: dict[int, set[str]] = {}
    toks = parsed.tokens
    for q, (first, last) in spans.items():
        found: set[str] = set()
        sents = range(toks[first].sent, min(toks[last].sent + 2, len(parsed.sentences)))
        for s in sents:
            sent = parsed.sentences[s]
            for t in toks[sent.first:sent.last]:
                verb = toks[t.head]
                if quoted[t.i] >= 0 or t.dep != "nsubj" or t.i not in refers or verb.lemma.lower() not in speech:
                    continue
                if _tied(parsed, verb.i, first, last) or (sent.first > last and _bare_cue_after(parsed, verb.i, last)):
                    found.add(refers[t.i])
        before = spans.get(q - 1)
        if not found and before is not None and toks[first].sent - toks[before[1]].sent <= 1 \
                and first - parsed.sentence_of(first).first <= 1:
            found = set(out.get(q - 1, ()))  # '“...,” Ames said. “He ...”': Ames goes on speaking
        out[q] = found
    return out


def _bare_cue_after(parsed: Parsed, verb: int, last: int) -> bool:
    """True when the verb opens a sentence right after the quotation and says nothing of its own ("Ames said.")."""
    sent = parsed.sentence_of(verb)
    v = parsed.tokens[verb]
    return sent.first - last <= 3 and verb - sent.first <= 6 and (v.dep == "ROOT" or v.head == verb) \
        and not any(c.dep in ("ccomp", "xcomp", "dobj", "dative") for c in parsed.children(verb))


def _tied(parsed: Parsed, verb: int, first: int, last: int) -> bool:
    """True when the verb's phrase holds tokens ``first..last`` or one of them is above the verb."""
    lo, hi = parsed.subtree(verb)
    return (lo <= last and first < hi) or any(first <= a.i <= last for a in parsed.ancestors(verb))


def clause_subject(parsed: Parsed, i: int) -> int | None:
    """The subject a reflexive's clause is about: the nearest verb's subject above it, or the noun a clause modifies."""
    t = parsed.tokens[i]
    if t.dep in ("appos", "npadvmod", "nmod", "advmod") and parsed.tokens[t.head].pos in ("NOUN", "PROPN"):
        return t.head  # "Ames himself": the name it stresses
    for a in parsed.ancestors(i):
        if a.pos in ("VERB", "AUX"):
            subj = next((c.i for c in parsed.children(a.i) if c.dep in SUBJECTS), None)
            if subj is not None:
                return subj
            if a.dep in ("acl", "relcl", "amod"):
                return a.head  # "a president determined to praise himself": the president
        elif a.pos in ("NOUN", "PROPN") and a.dep not in ("pobj", "dobj"):
            return a.i
    return None


def same_clause_subject(parsed: Parsed, pronoun: int) -> int | None:
    """The subject of the verb a non-reflexive object pronoun hangs on ("Ames saw him": Ames), or None."""
    p = parsed.tokens[pronoun]
    if p.dep not in ("dobj", "dative", "iobj"):
        return None
    return next((c.i for c in parsed.children(p.head) if c.dep in SUBJECTS), None)


def forward_subject(parsed: Parsed, pronoun: int) -> int | None:
    """The subject after a pronoun in a fronted phrase ("After he landed, Ames said": Ames), or None.

    The pronoun must lie in a clause or phrase that hangs on the main verb and
    comes before that verb's subject.
    """
    top = pronoun
    for a in parsed.ancestors(pronoun):
        if a.head == a.i or a.dep == "ROOT":
            break
        top = a.i
    toks = parsed.tokens
    if top == pronoun or toks[top].dep not in _FRONTED:
        return None
    root = toks[top].head
    subj = next((c.i for c in parsed.children(root) if c.dep in SUBJECTS), None)
    if subj is None or subj < pronoun:
        return None
    lo, _ = parsed.subtree(top)
    if lo != parsed.sentence_of(pronoun).first and toks[lo - 1].sent == toks[pronoun].sent \
            and any(toks[k].pos not in ("PUNCT", "CCONJ", "ADV") for k in range(parsed.sentence_of(pronoun).first, lo)):
        return None  # the phrase does not open the sentence
    return subj
