"""Two places of one name in one article: "ALEXANDRIA, La. ... outside Alexandria ... based in Alexandria,
Virginia"; "San Fernando, the provincial capital ... San Fernando in La Union, a different city".

The entity layer groups every mention of a name into one entity, and the places stage gives an entity one
point: one sense per name per article, which is right nearly always. When the text itself writes a mention
with the division or country it lies in ("X, Y" or "X in Y", Y a place the article names) and the entity's
point does not lie in Y while another place of that name does, the article names two places. Walking the
mentions in order, each written container sets the sense, and a bare mention keeps the sense last set (a
reader takes "Alexandria" to be the one just named); mentions before any container keep the entity's point.
The mentions of the other sense leave the entity and join the article's place entity with that point, or a
new place entity (type GPE).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from newsgraph.analysis.context import Context
from newsgraph.analysis.places.gazetteer import Place
from newsgraph.analysis.places.mentions import moved_to_places
from newsgraph.model import Geo, Span

_TOWNS = frozenset({"PPL", "PPLC"})
_GLUES = (", ", " in ")

# the place of this name that lies in the container written at this offset, or None (no container there, or
# no such place)
InContainer = Callable[[list[Place], int], "Place | None"]


def _same(place: Place, geo: Geo) -> bool:
    return place.geonameid == geo.geonameid and place.name == geo.name


def _container_start(text: str, end: int, starts: frozenset[int]) -> int | None:
    for glue in _GLUES:
        if text[end:end + len(glue)] == glue and end + len(glue) in starts:
            return end + len(glue)
    return None


def split_senses(ctx: Context, candidates: Mapping[str, list[Place]], in_container: InContainer,
                 to_geo: Callable[[Place], Geo]) -> Context:
    """The context with the mentions a written container gives another place of the same name moved to it."""
    text = ctx.document.text
    starts = frozenset(m.start for e in ctx.entities if e.geo is not None for m in e.mentions)
    moves: list[tuple[int, Span, str, Geo]] = []
    for k, e in enumerate(ctx.entities):
        if e.geo is None or e.geo.feature not in _TOWNS or len(e.mentions) < 2 or e.id not in candidates:
            continue
        sense: Place | None = None  # None: the entity's own point
        senses: list[tuple[Span, Place]] = []
        for m in sorted(e.mentions, key=lambda s: s.start):
            at = _container_start(text, m.end, starts)
            if at is not None:
                found = in_container(candidates[e.id], at)
                if found is not None:
                    sense = None if _same(found, e.geo) else found
            if sense is not None:
                senses.append((m, sense))
        if senses and len(senses) < len(e.mentions):  # all of one sense: the entity's point is chosen as a whole
            moves += [(k, m, place.name, to_geo(place)) for m, place in senses]
    return moved_to_places(ctx, moves)
