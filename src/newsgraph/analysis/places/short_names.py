"""Places the entity layer joined to a person as a short name: "Kingston" grouped with a "Fred Kingston" of the
article, where the text writes "in Kingston" or "Kingston, Ontario".

The entity layer groups a one-word mention with the person whose name ends (or begins) with that word; when
the word is also a place's name and the text writes it where places are written (after "in", "near",
"outside"..., "the town of X", "X, in Y", or in a list with other places), that mention is the place, not the
person. Such mentions leave the person and become mentions of the article's place entity with the same point,
or of a new place entity (type GPE). A mention after "from" or "to" stays the person's ("a letter from
Kingston"): people are written there as often as places.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from newsgraph.analysis.context import Context
from newsgraph.analysis.places.mentions import with_place_mentions
from newsgraph.model import Entity, Geo, Span

_PERSON_WORDS = frozenset({"from", "to", "by", "with", "for"})  # words before a name that a person follows too

# a name, its offsets and its place when the article's other places make it likely enough, else None
Resolve = Callable[[str, Span], "Geo | None"]
# whether the words around a mention mark it as a place
Cue = Callable[[int, int], bool]


def _short_mentions(text: str, entity: Entity) -> list[Span]:
    """The one-word mentions of a person known by a longer name."""
    if entity.type != "PERSON" or len(entity.name.split()) < 2 or entity.roles:
        return []
    return [m for m in entity.mentions if " " not in text[m.start:m.end].strip()
            and text[m.start:m.end] != entity.name and text[m.start:m.start + 1].isupper()]


def _after_person_word(text: str, start: int) -> bool:
    before = text[max(0, start - 12):start].lower().split()
    return bool(before) and before[-1] in _PERSON_WORDS


def places_in_short_names(ctx: Context, resolve: Resolve, cue: Cue) -> Context:
    """The context with a person's one-word mentions written as places moved to place entities."""
    text = ctx.document.text
    entities = list(ctx.entities)
    by_point = {(e.geo.geonameid, e.geo.name): k for k, e in enumerate(entities) if e.geo is not None}
    moved: dict[int, set[Span]] = {}
    added: dict[int, list[Span]] = {}
    new: dict[tuple[int | None, str], tuple[str, Geo, list[Span]]] = {}
    for k, e in enumerate(ctx.entities):
        for m in _short_mentions(text, e):
            if _after_person_word(text, m.start) or not cue(m.start, m.end):
                continue
            name = text[m.start:m.end]
            geo = resolve(name, m)
            if geo is None:
                continue
            moved.setdefault(k, set()).add(m)
            j = by_point.get((geo.geonameid, geo.name))
            if j is not None:
                added.setdefault(j, []).append(m)
            else:
                new.setdefault((geo.geonameid, geo.name), (name, geo, []))[2].append(m)
    if not moved:
        return ctx
    for k, spans in moved.items():
        kept = tuple(m for m in entities[k].mentions if m not in spans)
        written = {text[m.start:m.end] for m in kept}
        entities[k] = replace(entities[k], mentions=kept,
                              aliases=tuple(a for a in entities[k].aliases if a in written or a == entities[k].name))
    return replace(ctx, entities=with_place_mentions(entities, text, added, new.values()))
