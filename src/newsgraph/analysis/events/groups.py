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
from newsgraph.analysis.events.actors import country_of, sector_code, sector_of
from newsgraph.analysis.parsed import Parsed
from newsgraph.model import Actor, Entity, Event, GroupParty, Span

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


def _first(parsed: Parsed, head: int) -> int:
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
        if t.pos not in _NOUNS or t.dep in _MODIFIERS or t.i in taken or _key(parsed, t.i) != key:
            continue
        out.append(Span(parsed.tokens[_first(parsed, t.i)].start, t.end))
    return out


def group_entities(ctx: Context) -> Context:
    """The context with a ``GROUP`` entity for every group party of its events, on the event's sides."""
    if not ctx.events or not any(v.groups for v in ctx.events):
        return ctx
    parsed = ctx.parsed
    taken = set(ctx.refers_to)  # words that refer to an entity are that entity's
    by_key: dict[tuple[str, ...], Entity] = {}
    heads: dict[str, int] = {}
    used = {e.id for e in ctx.entities}
    n = len(ctx.entities)
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
                n += 1
                while f"e{n}" in used:
                    n += 1
                spans = _mentions(parsed, key, taken) or [Span(g.start, g.end)]
                entity = Entity(id=f"e{n}", name=g.text, type=GROUP, aliases=(), mentions=tuple(spans))
                used.add(entity.id)
                sector = sector_of(entity, parsed, head)
                entity = replace(entity, country=country_of(entity, {}, parsed, head),
                                 code=g.code or sector_code(entity, parsed, head, sector))
                by_key[key] = entity
                heads[entity.id] = head
            side = target if g.side == "target" else source
            if entity.id in source or entity.id in target:
                continue
            side.append(entity.id)
            actors.append(Actor(entity=entity.id, country=entity.country,
                                sector=sector_of(entity, parsed, head), code=entity.code))
        events.append(replace(v, source=tuple(source), target=tuple(target), actors=tuple(actors)))
    if not by_key:
        return ctx
    return replace(ctx, entities=(*ctx.entities, *by_key.values()), events=tuple(events))
