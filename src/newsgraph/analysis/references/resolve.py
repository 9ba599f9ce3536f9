"""References: which entity a pronoun or a role noun stands for.

A light, rule-based resolution that later stages share (quotes need "he added",
events need "the minister met ..."). A personal pronoun goes to the most recent
person named before it whose gender fits (the subject of its sentence or the one
before first), never to the person a quotation it stands in is spoken by, nor to
the subject of its own verb ("Ames saw him"); "himself" goes to its clause's
subject, and a pronoun in a fronted clause to the subject after it ("After he
landed, Ames said"). Genders come from the article (``gender``);
"it" and "they" go to an organisation, country or group only when it is clear
(``groups``). "The spokeswoman" or "the president" goes to the person
the article gave that role; "his spokesman" is someone else and stays unresolved.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType

from newsgraph.analysis.context import Context
from newsgraph.analysis.entities.find import mention_index
from newsgraph.analysis.parsed import Parsed
from newsgraph.analysis.references.bodies import (
    bodies,
    country_governments,
    described_organisations,
    statement_authors,
)
from newsgraph.analysis.references.gender import gendered_words, learned_genders, pronoun_gender, stated_genders
from newsgraph.analysis.references.groups import group_antecedents
from newsgraph.analysis.references.offices import officeholders
from newsgraph.analysis.references.scope import (
    SUBJECTS,
    clause_subject,
    forward_subject,
    quotation_of_tokens,
    quotation_speakers,
    same_clause_subject,
)
from newsgraph.lexicon import words
from newsgraph.model import Entity

PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_REFLEXIVE = frozenset({"himself", "herself"})
_LOOKBACK_SENTENCES = 3
# Nouns for a person the article may leave unnamed: a pronoun after one may well be theirs.
# Not titles ("the nominee", "the governor"): those mostly stand for someone the article named.
_UNNAMED_PEOPLE = frozenset({
    "man", "woman", "boy", "girl", "mother", "father", "wife", "husband", "son", "daughter", "brother", "sister",
    "widow", "widower", "friend", "officer", "victim", "suspect", "witness"})


def pronoun_antecedents(parsed: Parsed, entities: tuple[Entity, ...]) -> dict[int, str]:
    """Token index of each pronoun whose antecedent is found -> that entity's id.

    Personal pronouns go to people; "it"/"its" and "they"/"their" to an
    organisation, a country or a group, only when one is clearly meant.
    """
    return _pronoun_antecedents(parsed, entities, role_antecedents(parsed, entities))


def _pronoun_antecedents(parsed: Parsed, entities: tuple[Entity, ...], roles: Mapping[int, str]) -> dict[int, str]:
    """``pronoun_antecedents`` given the role nouns already resolved (token index -> person id)."""
    if not parsed.tokens:
        return {}
    index = mention_index(entities, parsed)
    by_id = {e.id: e for e in entities}
    quoted = quotation_of_tokens(parsed)
    # "the spokeswoman" the article resolved is a mention of her as much as her name
    people = dict(index)
    for k, eid in roles.items():
        people.setdefault(k, eid)
    heads = _person_heads(people, by_id)
    pronouns = [t.i for t in parsed.tokens if t.pos == "PRON" and t.text.lower() in PERSON_PRONOUNS]
    stated = stated_genders(parsed, entities, _role_heads(entities))
    outside = [p for p in pronouns if quoted[p] < 0]
    gender = learned_genders(parsed, heads, outside, stated, quoted)
    unnamed = _unnamed_people(parsed, people)
    out = _person_antecedents(parsed, heads, outside, gender, people, by_id, {}, unnamed, quoted)
    # inside a quotation "he" is not the one named as speaking it
    speakers = quotation_speakers(parsed, quoted, people)
    inside = [p for p in pronouns if quoted[p] >= 0]
    out.update(_person_antecedents(parsed, heads, inside, gender, people, by_id,
                                   {p: speakers.get(quoted[p], set()) for p in inside}, unnamed, quoted))
    out.update(group_antecedents(parsed, index, by_id, quoted))
    return out


def _unnamed_people(parsed: Parsed, people: Mapping[int, str]) -> list[int]:
    """Token indices of singular nouns for someone no name stands for ("the woman", "his wife"), in order."""
    return [t.i for t in parsed.tokens if t.pos == "NOUN" and t.tag == "NN" and t.i not in people
            and t.dep in ("nsubj", "nsubjpass", "dobj", "dative", "pobj") and t.lemma.lower() in _UNNAMED_PEOPLE]


def _unnamed_between(parsed: Parsed, unnamed: Sequence[int], lo: int, pronoun: int, quoted: Sequence[int]) -> bool:
    """True when someone unnamed whose gender fits stands between token ``lo`` and the pronoun.

    Outside a quotation, the people a quotation speaks of do not count.
    """
    want = pronoun_gender(parsed.tokens[pronoun].text)
    table = gendered_words()
    k = bisect.bisect_left(unnamed, lo)
    while k < len(unnamed) and unnamed[k] < pronoun:
        t = parsed.tokens[unnamed[k]]
        if (quoted[t.i] < 0 or quoted[pronoun] >= 0) and table.get(t.lemma.lower(), want) == want:
            return True
        k += 1
    return False


def _person_heads(index: Mapping[int, str], by_id: Mapping[str, Entity]) -> list[tuple[int, str]]:
    """(token index, id) of the last word of every person mention, in text order."""
    return [(k, eid) for k, eid in sorted(index.items())
            if by_id[eid].type == "PERSON" and index.get(k + 1) != eid]


def _role_heads(entities: tuple[Entity, ...]) -> dict[str, list[str]]:
    """Person id -> the head nouns of the roles the article gave them."""
    out: dict[str, list[str]] = {}
    for e in entities:
        for r in e.roles:
            head = role_head(r.title)
            if head is not None:
                out.setdefault(e.id, []).append(head)
    return out


def _person_antecedents(parsed: Parsed, heads: Sequence[tuple[int, str]], pronouns: Sequence[int],
                        gender: Mapping[str, str], index: Mapping[int, str], by_id: Mapping[str, Entity],
                        not_speakers: Mapping[int, set[str]], unnamed: Sequence[int],
                        quoted: Sequence[int]) -> dict[int, str]:
    """Token index of each personal pronoun of ``pronouns`` (in text order) -> the person it most likely means.

    Outside quotations, people named only inside one come last: '“... for Ames,” he added' is not Ames.
    """
    toks = parsed.tokens
    last_seen: dict[str, int] = {}
    out: dict[int, str] = {}
    h = 0
    for p in pronouns:
        while h < len(heads) and heads[h][0] < p:
            last_seen[heads[h][1]] = heads[h][0]
            h += 1
        want = pronoun_gender(toks[p].text)
        speakers = not_speakers.get(p, set())

        def fits(eid: str | None, want: str | None = want, speakers: set[str] = speakers) -> bool:
            return eid is not None and eid in by_id and by_id[eid].type == "PERSON" \
                and gender.get(eid, want) == want and eid not in speakers

        ahead = forward_subject(parsed, p)
        if ahead is not None and not any(toks[k].sent == toks[p].sent for k in last_seen.values()) \
                and fits(index.get(ahead)):
            out[p] = index[ahead]
            continue
        if toks[p].text.lower() in _REFLEXIVE:
            binder = clause_subject(parsed, p)
            if binder is not None:
                who = index.get(binder) or out.get(binder)
                if who is not None and fits(who):
                    out[p] = who
                if who is not None or toks[binder].pos != "PRON":
                    continue  # bound by an unnamed subject ("a president who praised himself")
        bound = same_clause_subject(parsed, p)
        excluded = (index.get(bound) or out.get(bound)) if bound is not None else None  # "he saw him"
        lo_sent = toks[p].sent - _LOOKBACK_SENTENCES
        ranked = [(_rank(parsed, pos, p, eid in gender) + (6 if quoted[pos] >= 0 > quoted[p] else 0), pos, eid)
                  for eid, pos in last_seen.items()
                  if toks[pos].sent >= lo_sent and eid != excluded and fits(eid)]
        if not ranked:
            continue
        _, pos, eid = min(ranked, key=lambda r: (r[0], -r[1]))
        # someone unnamed ("the woman", "the officer") came between: the pronoun may well be theirs
        if _unnamed_between(parsed, unnamed, max(pos, parsed.sentences[max(toks[p].sent - 1, 0)].first), p, quoted):
            continue
        out[p] = eid
    return out


def _rank(parsed: Parsed, mention: int, pronoun: int, known: bool) -> int:
    """How likely a person mention is the pronoun's antecedent: 0 best.

    A subject of the pronoun's sentence first, then one of the sentence before;
    a person whose gender the article showed before one whose gender is unknown
    (a known one elsewhere in these two sentences before an unknown subject of the
    sentence before), and a subject before a nearer object.
    """
    toks = parsed.tokens
    m = toks[mention]
    # "One of them, the oligarch X, was killed": a name in apposition to the subject is as good
    subject = (m.dep in SUBJECTS or (m.dep == "appos" and toks[m.head].dep in SUBJECTS)) \
        and not _same_clause_object(parsed, mention, pronoun)
    gap = toks[pronoun].sent - m.sent
    if subject and gap == 0:
        return 0 if known else 1
    if subject and gap == 1:
        return 2 if known else 4
    return 3 if known and gap <= 1 else 5


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
            heads = {w for w in r.title.lower().replace("\u2019", "'").split() if w in words("entities/titles")}
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
        kids = list(parsed.children(t.i))
        if not any(c.dep == "det" and c.text.lower() in ("the", "this", "that") for c in kids):
            continue
        if any(c.dep == "poss" for c in kids):
            continue  # "the president's spokesman" is not the president, nor yet a known holder
        if lemma not in words("entities/titles") and introduced.get(lemma, 0) >= t.start:
            continue
        who = holders[lemma]
        if len(who) == 1:
            out[t.i] = who[0]
    return out


_RELATIONAL = frozenset({"counterpart"})  # "his counterpart": someone else, holding the same office


def counterparts(parsed: Parsed, entities: tuple[Entity, ...],
                 pronouns: Mapping[int, str]) -> list[tuple[int, str, str]]:
    """``(token, X, Y)`` for each "X's counterpart" that names Y: a named apposition, or the one other person
    named in that sentence or the one before ("Trump called Lukashenko ... to thank his counterpart")."""
    index = mention_index(entities, parsed)
    people = {e.id for e in entities if e.type == "PERSON"}
    out = []
    for t in parsed.tokens:
        if t.pos != "NOUN" or t.lemma.lower() not in _RELATIONAL or t.i in index:
            continue
        poss = next((c for c in parsed.children(t.i) if c.dep == "poss"), None)
        owner = None if poss is None else (pronouns.get(poss.i) or index.get(poss.i))
        if owner is None or owner not in people:
            continue
        named = [index.get(c.i) for c in parsed.children(t.i) if c.dep == "appos"]
        if not named or named[0] is None:
            lo = parsed.sentences[max(0, t.sent - 1)].first
            named = list({eid for k, eid in index.items() if lo <= k < t.i and eid in people and eid != owner})
        if len(named) == 1 and named[0] is not None and named[0] != owner:
            out.append((t.i, owner, named[0]))
    return out


def resolve_references(ctx: Context) -> Context:
    """The context with ``refers_to``: names, pronouns, role nouns, offices and bodies mapped to entity ids.

    Officeholder descriptions join their holders first (so "her office" finds her);
    the bodies that speak are added as organisations after the pronouns are known.
    """
    parsed = ctx.parsed
    entities, _described = officeholders(parsed, ctx.entities)
    refers = dict(mention_index(entities, parsed))
    roles = role_antecedents(parsed, entities)
    for k, eid in roles.items():
        refers.setdefault(k, eid)
    pronouns = _pronoun_antecedents(parsed, entities, roles)
    for k, eid in pronouns.items():
        refers.setdefault(k, eid)
    for k, _owner, other in counterparts(parsed, entities, pronouns):
        refers.setdefault(k, other)
    for k, eid in country_governments(parsed, entities, refers).items():
        refers.setdefault(k, eid)
    found, at = bodies(parsed, entities, refers)
    made = tuple(Entity(id=f"e{len(entities) + n + 1}", name=b.name, type="ORG",
                        aliases=tuple(sorted(b.aliases | {b.name})), mentions=tuple(b.spans), speaks_for=b.owner)
                 for n, b in enumerate(found))
    for k, n in at.items():
        refers[k] = made[n].id
    entities = (*entities, *made)
    for k, eid in described_organisations(parsed, entities, refers).items():
        refers.setdefault(k, eid)
    for k, eid in statement_authors(parsed, refers).items():
        refers.setdefault(k, eid)
    return replace(ctx, entities=entities, refers_to=MappingProxyType(refers))
