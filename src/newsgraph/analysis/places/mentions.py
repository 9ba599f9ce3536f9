"""Place mentions a later pass finds (inside an organisation's name, in a list of places): each joins the
article's place entity of the same point, or makes a new place entity (type GPE) with that point."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

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
