"""Places the entity layer joined to a person as a short name: "Kingston" grouped with a "Jim Kingston" of the
article, where the text writes "roads in Kingston".

The entity layer groups a one-word mention with the person whose name ends (or begins) with that word; when
the word is also a place's own name, the place is well known or lies in a country the article names, and the
text writes the word where only places are written (right after "in", "near", "outside", "around",
"throughout", "across", or as "the town of X", "X, in Y", or before the country or state the article places
it in: "Kingston, Jamaica", not "Kingston, Jamaica's coach"), that mention is the place, not the person. Such
mentions leave the person and become mentions of the article's place entity with the same point, or of a new
place entity (type GPE). Weaker cues keep the person's: "from X", "to X", "at X" ("levelled at Morris"), a
list ("Keane, Scholes, Fortune": a team sheet), a possessive ("in Hughes' film"), a word in -ing after it
("resulted in Fowler scoring"); on 2,225 BBC articles no person's name was moved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from newsgraph.analysis.context import Context
from newsgraph.analysis.places.mentions import with_place_mentions
from newsgraph.model import Entity, Geo, Span

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
            if not cue(m.start, m.end):
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
