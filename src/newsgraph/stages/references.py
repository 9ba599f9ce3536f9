"""References: which entity a pronoun or a role noun stands for.

A light, rule-based resolution that later stages share (quotes need "he added",
events need "the minister met ..."): a personal pronoun goes to the most recent
person named before it, the subject of its sentence first; "the spokeswoman" or
"the president" goes to the person the article gave that role.
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType

from newsgraph.context import Context
from newsgraph.lexicon import words
from newsgraph.model import Entity
from newsgraph.parsed import Parsed
from newsgraph.stages.entities import mention_index

PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_LOOKBACK_SENTENCES = 3


def _gender_hints(parsed: Parsed, entities: tuple[Entity, ...]) -> dict[str, str]:
    """Entity id -> "m" or "f" where the text says ("Mr", "Mrs", "Ms")."""
    out: dict[str, str] = {}
    for e in entities:
        for a in e.aliases:
            first = a.split()[0].lower().rstrip(".") if a.split() else ""
            if first == "mr":
                out[e.id] = "m"
            elif first in ("mrs", "ms", "miss"):
                out[e.id] = "f"
    return out


def pronoun_antecedents(parsed: Parsed, entities: tuple[Entity, ...]) -> dict[int, str]:
    """Token index of each personal pronoun -> the id of the person it most likely refers to."""
    index = mention_index(entities, parsed)
    persons = {e.id for e in entities if e.type == "PERSON"}
    gender = _gender_hints(parsed, entities)
    # (token index, entity id, is subject) of every person mention's head token
    heads: list[tuple[int, str, bool]] = []
    last_seen: dict[str, int] = {}
    for k, eid in sorted(index.items()):
        if eid in persons and (k + 1 >= len(parsed.tokens) or index.get(k + 1) != eid):
            heads.append((k, eid, parsed.tokens[k].dep in ("nsubj", "nsubjpass")))
    out: dict[int, str] = {}
    h = 0
    for t in parsed.tokens:
        while h < len(heads) and heads[h][0] < t.i:
            last_seen[heads[h][1]] = heads[h][0]
            h += 1
        low = t.text.lower()
        if t.pos != "PRON" or low not in PERSON_PRONOUNS:
            continue
        want = "m" if low in _MALE else "f"
        lo_sent = t.sent - _LOOKBACK_SENTENCES
        cands = [(pos, eid) for eid, pos in last_seen.items()
                 if parsed.tokens[pos].sent >= lo_sent and gender.get(eid, want) == want]
        if not cands:
            continue
        # a subject in the same or the previous sentence beats a nearer object
        subj = [(pos, eid) for pos, eid in cands
                if parsed.tokens[pos].dep in ("nsubj", "nsubjpass") and parsed.tokens[pos].sent >= t.sent - 1
                and not _same_clause_object(parsed, pos, t.i)]
        pool = subj or cands
        out[t.i] = max(pool)[1]
    return out


def _same_clause_object(parsed: Parsed, mention: int, pronoun: int) -> bool:
    """True when the pronoun is an object of the verb the mention is subject of ("Putin saw him")."""
    p = parsed.tokens[pronoun]
    return p.dep in ("dobj", "pobj", "iobj") and p.head == parsed.tokens[mention].head


_ROLE_BREAKS = frozenset({"of", "at", "for", "to", "with", "in", "on", "from", "who", "which", "that", "and", ","})


def role_head(title: str) -> str | None:
    """The noun a role title is about, lower-cased: "head" of "head of the fund", "striker" of "Tottenham striker".

    None when the last word before any "of ..." is a name (capitalised) rather than a role.
    """
    words_ = title.replace("\u2019", "'").replace(",", " , ").split()
    core: list[str] = []
    for w in words_:
        if w.lower() in _ROLE_BREAKS and core:
            break
        core.append(w)
    if not core:
        return None
    last = core[-1].strip(".,;:()\"'")
    if last.endswith("'s"):
        last = last[:-2]
    if not last or not last[0].isalpha() or last[0].isupper():
        return None
    return last.lower()


def role_antecedents(parsed: Parsed, entities: tuple[Entity, ...]) -> dict[int, str]:
    """Token index of a definite role noun ("the spokeswoman") -> the person who holds that role.

    A noun names a role when it is a title of the lexicon inside a role the article gave
    someone, or the head of such a role ("the Tottenham striker" after "Jo Keane, the
    Tottenham striker"); it resolves only when one person holds it, and a role's head
    only after the role was given.
    """
    holders: dict[str, list[str]] = {}
    introduced: dict[str, int] = {}  # role head -> where it was first given
    for e in entities:
        if e.type != "PERSON":
            continue
        for r in e.roles:
            heads = {w for w in r.title.lower().replace("\u2019", "'").split() if w in words("titles")}
            head = role_head(r.title)
            if head is not None:
                heads.add(head)
                introduced[head] = min(introduced.get(head, r.start), r.start)
            for w in heads:
                holders.setdefault(w, [])
                if e.id not in holders[w]:
                    holders[w].append(e.id)
    out: dict[int, str] = {}
    index = mention_index(entities, parsed)
    for t in parsed.tokens:
        lemma = t.lemma.lower()
        if t.i in index or t.pos != "NOUN" or lemma not in holders:
            continue
        if not any(c.dep == "det" and c.text.lower() in ("the", "this", "that") for c in parsed.children(t.i)):
            continue
        if lemma not in words("titles") and introduced.get(lemma, 0) >= t.start:
            continue
        who = holders[lemma]
        if len(who) == 1:
            out[t.i] = who[0]
    return out


def resolve_references(ctx: Context) -> Context:
    """The context with ``refers_to``: names, pronouns and role nouns mapped to entity ids."""
    refers = dict(mention_index(ctx.entities, ctx.parsed))
    for k, eid in role_antecedents(ctx.parsed, ctx.entities).items():
        refers.setdefault(k, eid)
    for k, eid in pronoun_antecedents(ctx.parsed, ctx.entities).items():
        refers.setdefault(k, eid)
    return replace(ctx, refers_to=MappingProxyType(refers))
