"""Which organisation, country or people "it" and "they" stand for, when that is clear.

"It" and "its" mostly mean things (the deal, the plan), so an organisation or a
country is their antecedent only when it is the nearest subject before them
(in their sentence or the one before) and no other singular noun stands between
as a subject or an object ("Russia signed the deal, but its costs ...": no
link). "They" and "their" go to a group (the Democrats, Palestinians) only when
it is the nearest plural noun phrase before them and not one of several
coordinated ones. "It" must be an agent (the subject of a verb that is not "be",
"seem" ...), and neither is resolved inside a quotation. A wrong link costs more
than a missing one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newsgraph.analysis.parsed import Parsed, Token
from newsgraph.analysis.references.scope import SUBJECTS
from newsgraph.model import Entity

SINGULAR = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
_SINGULAR_TYPES = frozenset({"ORG", "GPE"})
_PLURAL_TYPES = frozenset({"ORG", "NORP"})
# "It" as the subject of these verbs is mostly a dummy or a thing ("it seems", "it takes").
_NON_AGENT_VERBS = frozenset({"be", "seem", "appear", "look", "sound", "take", "make", "matter", "mean", "happen",
                              "remain", "become", "cost", "rain", "snow", "feel", "come", "go", "get", "work",
                              "help", "hurt", "show", "include", "involve", "need", "require", "depend"})
_BLOCKING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def group_antecedents(parsed: Parsed, index: Mapping[int, str], by_id: Mapping[str, Entity],
                      quoted: Sequence[int]) -> dict[int, str]:
    """Token index of each "it"/"its"/"they"/"their" whose antecedent is clear -> the entity's id."""
    out: dict[int, str] = {}
    for t in parsed.tokens:
        low = t.text.lower()
        if t.pos != "PRON" or quoted[t.i] >= 0 or t.dep == "expl":
            continue
        if low in SINGULAR:
            if low == "it" and not _is_agent(parsed, t):
                continue
            eid = _nearest_singular(parsed, t.i, index, by_id, out)
        elif low in PLURAL:
            eid = _nearest_plural(parsed, t.i, index, by_id, out)
        else:
            continue
        if eid is not None:
            out[t.i] = eid
    return out


def _is_agent(parsed: Parsed, t: Token) -> bool:
    """True when "it" is the subject of a verb an organisation or a country can be the subject of."""
    if t.dep not in SUBJECTS:
        return False
    verb = parsed.tokens[t.head]
    if verb.lemma.lower() in _NON_AGENT_VERBS or verb.text.lower() in ("'s", "\u2019s"):
        return False
    # "it is expected to ...", "it was decided that ...": a passive with a clause is impersonal
    return not (t.dep == "nsubjpass" and any(c.dep in ("ccomp", "xcomp") for c in parsed.children(verb.i)))


def _looking_back(parsed: Parsed, i: int) -> tuple[range, int | None]:
    """The tokens of ``i``'s sentence before it, nearest first, and the last token of the sentence before."""
    own = parsed.sentence_of(i).first
    return range(i - 1, own - 1, -1), (own - 1 if own > 0 else None)


def _is_head_of_mention(index: Mapping[int, str], k: int) -> bool:
    """True when token ``k`` is the last word of a mention (its head in English noun phrases)."""
    return k in index and index.get(k + 1) != index[k]


def _nearest_singular(parsed: Parsed, i: int, index: Mapping[int, str], by_id: Mapping[str, Entity],
                      found: Mapping[int, str]) -> str | None:
    """The organisation or country that is the nearest subject before token ``i``, unless a noun competes."""
    toks = parsed.tokens
    back, before = _looking_back(parsed, i)
    for k in back:
        t = toks[k]
        if t.pos == "PRON" and t.dep in SUBJECTS:
            if t.text.lower() in SINGULAR and k in found:
                return found[k]  # "Russia said. It added ... It": a chain
            if t.text.lower() in ("it", "they", "he", "she", "we", "i"):
                return None
            continue
        if t.dep not in _BLOCKING_DEPS or t.pos not in ("NOUN", "PROPN"):
            continue
        if _is_head_of_mention(index, k):
            e = by_id.get(index[k])
            if e is None or e.type not in _SINGULAR_TYPES or t.tag in ("NNS", "NNPS"):
                return None
            if t.dep not in SUBJECTS or any(c.dep == "conj" for c in parsed.children(k)) or t.dep == "conj":
                return None
            return e.id
        if t.tag in ("NN", "NNP") or t.dep in SUBJECTS:
            return None  # a thing or an unnamed subject is nearer
    # in the sentence before only its main subject can be meant
    return None if before is None else _main_subject_singular(parsed, before, index, by_id, found)


def _nearest_plural(parsed: Parsed, i: int, index: Mapping[int, str], by_id: Mapping[str, Entity],
                    found: Mapping[int, str]) -> str | None:
    """The group that is the nearest plural noun phrase before token ``i``, when it stands alone."""
    toks = parsed.tokens
    back, before = _looking_back(parsed, i)
    for k in back:
        t = toks[k]
        if t.pos == "PRON":
            if t.text.lower() in PLURAL and t.dep in SUBJECTS:
                return found.get(k)  # the same group as the "they" before, or nothing
            continue
        if t.pos not in ("NOUN", "PROPN") or t.dep in ("compound", "poss", "amod"):
            continue
        plural = t.tag in ("NNS", "NNPS") or any(c.dep == "conj" for c in parsed.children(k))
        if not plural and t.dep != "conj":
            continue
        return _group_named_by(parsed, k, index, by_id)
    subj = None if before is None else _main_subject(parsed, before)  # the sentence before: its main subject
    if subj is None:
        return None
    if toks[subj].pos == "PRON":
        return found.get(subj) if toks[subj].text.lower() in PLURAL else None
    return _group_named_by(parsed, subj, index, by_id)


def _group_named_by(parsed: Parsed, k: int, index: Mapping[int, str], by_id: Mapping[str, Entity]) -> str | None:
    """The group a plural noun phrase headed by token ``k`` names: one ORG or NORP standing alone, else None.

    Not "officials", not "Russia and Ukraine", not "the Board of Governors" (one
    body), not "the Democrats" in "members, including the Democrats" (a part).
    """
    toks = parsed.tokens
    t = toks[k]
    if not _is_head_of_mention(index, k) or (t.tag not in ("NNS", "NNPS") and t.dep != "conj"):
        return None
    e = by_id.get(index[k])
    if e is None or e.type not in _PLURAL_TYPES or t.dep == "conj" or any(c.dep == "conj" for c in parsed.children(k)):
        return None
    if e.type == "ORG" and any(w.lower() in ("of", "for") for w in e.name.split()):
        return None
    if t.dep == "pobj" and toks[toks[t.head].head].tag == "NNS":
        return None
    return e.id


def _main_subject(parsed: Parsed, k: int) -> int | None:
    """The subject of the main verb of token ``k``'s sentence, or None."""
    sent = parsed.sentence_of(k)
    for t in parsed.tokens[sent.first:sent.last]:
        if t.dep in SUBJECTS and parsed.tokens[t.head].dep == "ROOT":
            return t.i
    return None


def _main_subject_singular(parsed: Parsed, k: int, index: Mapping[int, str], by_id: Mapping[str, Entity],
                           found: Mapping[int, str]) -> str | None:
    """The organisation or country that is the main subject of token ``k``'s sentence, or None."""
    subj = _main_subject(parsed, k)
    if subj is None:
        return None
    t = parsed.tokens[subj]
    if t.pos == "PRON":
        return found.get(subj) if t.text.lower() in SINGULAR else None
    if not _is_head_of_mention(index, subj) or t.tag in ("NNS", "NNPS") \
            or any(c.dep == "conj" for c in parsed.children(subj)):
        return None
    e = by_id.get(index[subj])
    return e.id if e is not None and e.type in _SINGULAR_TYPES else None
