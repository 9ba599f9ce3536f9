"""Parties an article names by description ("protesters", "police", "the Nigerian authorities", "a court"):
each becomes an entity of its own, of type ``GROUP``, that the event's source or target refers to.

ACE calls these nominal mentions; POLECAT, PETRARCH and GDELT code them as actors with a sector and a
country ("police" -> COP, "Nigerian authorities" -> NGA GOV). A group is one entity per article and per
words: the same head noun with the same modifiers ("police" twice) is one group, its mentions every place
the article uses those words; "police" and "Kenyan police" stay two. A group is never one actor across
articles by its words alone (the corpus keeps it article-local). An event's ``groups`` field is kept as it
was; this stage only adds the entities and their ids on the event's sides, after the event's type is
decided. A description that refers to an entity (an officeholder the article names, resolved by
``references/offices.py``) is that entity's, not a group.
"""

from __future__ import annotations

from dataclasses import replace

from newsgraph.analysis.context import Context
from newsgraph.analysis.events.actors import agent_codes, country_of, sector_code, sector_of
from newsgraph.analysis.parsed import Parsed
from newsgraph.lexicon import words
from newsgraph.model import Actor, Entity, Event, GroupParty, Quote, Span, new_entity_ids

GROUP = "GROUP"
_MODIFIERS = frozenset({"amod", "compound"})
_NOUNS = frozenset({"NOUN", "PROPN"})


def _head_of(parsed: Parsed, g: GroupParty) -> int | None:
    """The token that heads a group party's words (their last token)."""
    return parsed.token_at(g.end - 1) if g.end > g.start else None


def _key(parsed: Parsed, head: int) -> tuple[str, ...]:
    """What makes two descriptions one group in an article: the head's lemma and its modifiers' words."""
    mods = sorted(parsed.tokens[c.i].text.lower() for c in parsed.children(head) if c.dep in _MODIFIERS and c.i < head)
    return (parsed.tokens[head].lemma.lower(), *mods)


def description_start(parsed: Parsed, head: int) -> int:
    """The first token of a description: its modifiers before the head, then the head."""
    return min([head, *(c.i for c in parsed.children(head) if c.dep in _MODIFIERS and c.i < head)])


def _names_a_person(ctx: Context, head: int, people: set[str]) -> bool:
    """True for a description set beside a person's name ("the blogger Amina Tarek", "the chairman,
    Moussa Faki"): the person is the party, the noun only says who they are."""
    parsed = ctx.parsed
    t = parsed.tokens[head]
    near = [c.i for c in parsed.children(head) if c.dep in ("appos", "compound", "nmod")]
    if t.dep in ("appos", "compound") and t.head != head:
        near.append(t.head)
    return any(ctx.refers_to.get(k) in people for k in near)


def _mentions(parsed: Parsed, key: tuple[str, ...], taken: set[int]) -> list[Span]:
    """Every place the article uses the words of a group as a noun phrase of its own (not a modifier:
    "police station" is no mention of the police), except words that refer to an entity."""
    out = []
    for t in parsed.tokens:
        if t.lemma.lower() != key[0] or t.pos not in _NOUNS or t.dep in _MODIFIERS or t.i in taken \
                or _key(parsed, t.i) != key:
            continue
        out.append(Span(parsed.tokens[description_start(parsed, t.i)].start, t.end))
    return out


def group_entities(ctx: Context) -> Context:
    """The context with a ``GROUP`` entity for every group party of its events, on the event's sides."""
    if not ctx.events or not any(v.groups for v in ctx.events):
        return ctx
    parsed = ctx.parsed
    taken = set(ctx.refers_to)  # words that refer to an entity are that entity's
    by_key: dict[tuple[str, ...], Entity] = {}
    ids = new_entity_ids(ctx.entities)
    people = {e.id for e in ctx.entities if e.type == "PERSON"}
    events: list[Event] = []
    for v in ctx.events:
        source, target, actors = list(v.source), list(v.target), list(v.actors)
        for g in v.groups:
            head = _head_of(parsed, g)
            if head is None or head in taken or parsed.tokens[head].pos not in _NOUNS \
                    or _names_a_person(ctx, head, people):
                continue
            key = _key(parsed, head)
            entity = by_key.get(key)
            if entity is None:
                spans = _mentions(parsed, key, taken) or [Span(g.start, g.end)]
                # every other spelling of its words is an alias ("Investigators ... investigators")
                aliases = tuple(sorted({parsed.text[m.start:m.end] for m in spans} - {g.text}))
                entity = Entity(id=next(ids), name=g.text, type=GROUP, aliases=aliases, mentions=tuple(spans))
                sector = sector_of(entity, parsed, head)
                entity = replace(entity, country=country_of(entity, {}, parsed, head),
                                 code=g.code or sector_code(entity, parsed, head, sector))
                by_key[key] = entity
            side = target if g.side == "target" else source
            if entity.id in source or entity.id in target:
                continue
            side.append(entity.id)
            actors.append(Actor(entity=entity.id, country=entity.country,
                                sector=sector_of(entity, parsed, head), code=entity.code))
        events.append(replace(v, source=tuple(source), target=tuple(target), actors=tuple(actors)))
    if not by_key:
        return ctx
    groups = tuple(by_key.values())
    quotes = tuple(_said_by_a_group(q, groups) for q in ctx.quotes)
    return replace(ctx, entities=(*ctx.entities, *groups), events=tuple(events), quotes=quotes)


def _said_by_a_group(q: Quote, groups: tuple[Entity, ...]) -> Quote:
    """A quote whose speaker's words are a group's ("police said", "state TV hailed ...") is that group's."""
    span = q.speaker_span
    if q.speaker is not None or span is None:
        return q
    for e in groups:
        if any(m.start < span.end and span.start < m.end for m in e.mentions):
            return replace(q, speaker=e.id)
    return q


# a noun that counts the people of its "of" phrase: "hundreds of banks", "a group of protesters"
_COUNTING = frozenset({"hundred", "thousand", "million", "dozen", "score", "ten", "number", "handful", "group",
                       "band", "crowd"})


def party_head(parsed: Parsed, head: int) -> int | None:
    """The head of the group a phrase headed by ``head`` names, or None when it names no one: ``head``
    itself when it names people or an organisation (a title, a Phoenix agent noun, a collective noun of
    ``lexicon/collectives.txt``, a common noun whose first WordNet sense is a person, ``lexicon/people_nouns.txt``:
    "elders", "a sharpshooter", "truck drivers"; a noun a "who" clause tells of); for a count ("hundreds of banks") the
    noun it counts."""
    tok = parsed.tokens[head]
    if tok.pos not in _NOUNS:
        return None
    if tok.lemma.lower() in _COUNTING:
        counted = [g.i for c in parsed.children(head) if c.dep == "prep" and c.text.lower() == "of"
                   for g in parsed.children(c.i) if g.dep == "pobj" and parsed.tokens[g.i].pos in _NOUNS]
        if counted and _names_someone(parsed, counted[0]):
            return counted[0]
    return head if _names_someone(parsed, head) else None


def _names_someone(parsed: Parsed, h: int) -> bool:
    tok = parsed.tokens[h]
    low, lemma = tok.text.lower(), tok.lemma.lower()
    agents = agent_codes()
    return lemma in words("entities/titles") or lemma in agents or low in agents \
        or lemma in words("events/collectives") or lemma in words("events/followers") or told_as_someone(parsed, h) \
        or (tok.pos == "NOUN" and lemma in words("events/people_nouns"))


def told_as_someone(parsed: Parsed, h: int) -> bool:
    """True for a noun a "who" clause tells of: a person ("a volunteer who raised money")."""
    return any(c.dep == "relcl" and any(g.dep in ("nsubj", "nsubjpass", "dobj") and g.lemma.lower() in ("who", "whom")
                                        for g in parsed.children(c.i)) for c in parsed.children(h))

