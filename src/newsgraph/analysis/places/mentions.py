"""Place mentions a later pass finds (inside an organisation's name, in a list of places, a person's short name
written as a place, the second place of one name): each joins the article's place entity of the same point, or
makes a new place entity (type GPE) with that point."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from newsgraph.analysis.context import Context
from newsgraph.model import Entity, Geo, Span, new_entity_ids


def _in_order(spans: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(sorted(set(spans), key=lambda s: (s.start, s.end)))


def with_place_mentions(entities: list[Entity], text: str, added: Mapping[int, Iterable[Span]],
                        new: Iterable[tuple[str | None, Geo, list[Span]]]) -> tuple[Entity, ...]:
    """The entities with the ``added`` mentions joined to the entities at those indexes, and one new GPE entity
    for each ``(name, geo, spans)`` of ``new`` (its name, or the first of the words its mentions write)."""
    out = list(entities)
    for k, spans in added.items():
        out[k] = replace(out[k], mentions=_in_order((*out[k].mentions, *spans)))
    fresh = new_entity_ids(entities)
    for name, geo, spans in new:
        names = tuple(sorted({text[s.start:s.end] for s in spans}))
        out.append(Entity(id=next(fresh), name=name or names[0], type="GPE", aliases=names,
                          mentions=_in_order(spans), geo=geo))
    return tuple(out)


def moved_to_places(ctx: Context, moves: Iterable[tuple[int, Span, str, Geo]]) -> Context:
    """The context with each ``(k, mention, name, geo)`` of ``moves`` taken from the entity at index ``k`` (and
    the aliases only it wrote) and given to the article's place entity with that point, or to a new one named
    ``name``."""
    text = ctx.document.text
    entities = list(ctx.entities)
    by_point = {(e.geo.geonameid, e.geo.name): k for k, e in enumerate(entities) if e.geo is not None}
    moved: dict[int, set[Span]] = {}
    added: dict[int, list[Span]] = {}
    new: dict[tuple[int | None, str], tuple[str, Geo, list[Span]]] = {}
    for k, m, name, geo in moves:
        moved.setdefault(k, set()).add(m)
        j = by_point.get((geo.geonameid, geo.name))
        if j is not None and j != k:
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
