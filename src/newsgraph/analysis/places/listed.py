"""Places the model missed in a list of places: "Rogaland, Vestfold, Buskerud and Oslo", "Nandurbar and Dhule".

A capitalised name that no entity covers, written in a list next to a located place (", ", " and ", ", and ",
" or "), is a place of the same country when the gazetteer knows it there as a division or a town: the
list says what kind of thing it is, and the neighbour says which country. Each name found that way is a
neighbour in its turn, so a list is read to its end in both directions. The names found become mentions
of the article's place entity with the same point, or of a new place entity (type GPE).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from newsgraph.analysis.context import Context
from newsgraph.analysis.places.gazetteer import Place
from newsgraph.analysis.places.mentions import with_place_mentions
from newsgraph.model import Entity, Geo, Span

_WORD = r"[A-ZÀ-Þ](?:[\w'’-]|\.(?=\w))*"  # a dot only inside a word ("D.C"), never the sentence's
_NAME = _WORD + r"(?: (?:" + _WORD + r"|de|del|do|da))*"
_GLUE = r"(?:, (?:and |or )?| and | or )"
_AFTER = re.compile(_GLUE + "(" + _NAME + ")")
_BEFORE = re.compile("(" + _NAME + ")" + _GLUE + r"$")
_GLUE_AT = re.compile(_GLUE)
_GLUE_BEFORE = re.compile(_GLUE + "$")
_LONGEST = 3  # words in a name found this way
_KINDS = frozenset({"ADM1", "ADM2", "PPL", "PPLC"})
_ROUNDS = 20  # a list is read at most this many names away from its first located place

# the places a name may stand for (the gazetteer's ``lookup``)
Lookup = Callable[[str], "tuple[Place, ...]"]


def _names_next_to(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The capitalised names written right before and right after a mention, joined to it as in a list."""
    out = []
    m = _AFTER.match(text, end)
    if m:
        out.append((m.start(1), m.end(1)))
    m = _BEFORE.search(text[max(0, start - 60):start])
    if m:
        offset = max(0, start - 60)
        out.append((offset + m.start(1), offset + m.end(1)))
    return [(a, b) for a, b in out if len(text[a:b].split()) <= _LONGEST and not _opens_a_sentence(text, a, b)]


def _opens_a_sentence(text: str, a: int, b: int) -> bool:
    """A one-word name that opens a sentence may be any word ("And, Saudi authorities ...")."""
    before = text[max(0, a - 3):a].rstrip(" \"'“‘(")
    return " " not in text[a:b] and (not before or before[-1] in ".!?:\n")


def _listed_everywhere(text: str, entity: Entity, ends: set[int], starts: set[int]) -> bool:
    """Whether a name the model took for something else is written in a list with places wherever it is written
    (a place typed PERSON or ORG is, "Midlands" in "Mashonaland West and Midlands"; an organisation written once
    beside a place and often alone is not). A name the model took for a place qualifies as it is."""
    if entity.type in ("GPE", "LOC", "FAC"):
        return True
    for m in entity.mentions:
        after = _GLUE_AT.match(text, m.end)
        before = _GLUE_BEFORE.search(text[max(0, m.start - 8):m.start])
        if not ((after and after.end() in starts) or (before and m.start - len(before.group(0)) in ends)):
            return False
    return True


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while b > a and text[b - 1] in ".'’-":
        b -= 1
    return a, b


def _fitting(places: tuple[Place, ...], neighbour: Geo) -> Place | None:
    """The likeliest of a name's places beside this one: a country beside a country; else a division or a town
    in the neighbour's country, a division before a town, a larger town first."""
    if neighbour.feature == "PCLI":
        countries = [p for p in places if p.feature == "PCLI"]
        if countries:
            return countries[0]
    fits = [p for p in places if p.country == neighbour.country and p.feature in _KINDS]
    if not fits:
        return None
    return max(fits, key=lambda p: (p.feature.startswith("ADM"), p.population))


def listed_places(ctx: Context, lookup: Lookup, to_geo: Callable[[Place], Geo]) -> Context:
    """The context with the places written in a list next to a located place as mentions of place entities."""
    text = ctx.document.text
    entities = list(ctx.entities)
    taken = [(m.start, m.end) for e in entities for m in e.mentions]
    unplaced = {(m.start, m.end): k for k, e in enumerate(entities) if e.geo is None and not e.roles
                for m in e.mentions}
    frontier = [(m.start, m.end, e.geo) for e in entities if e.geo is not None and e.geo.country
                and e.geo.feature in _KINDS | {"PCLI"} for m in e.mentions]
    found: dict[tuple[int, int], Geo] = {}
    placed: dict[int, Geo] = {}  # entities the model found but did not take for places (or could not place)
    ends = {end for _, end, _ in frontier}
    starts = {start for start, _, _ in frontier}
    for _ in range(_ROUNDS):
        nxt = []
        for start, end, neighbour in frontier:
            for a, b in _names_next_to(text, start, end):
                a, b = _trim(text, a, b)
                k = unplaced.get((a, b))
                if (a, b) in found or (k is None and any(a < y and x < b for x, y in taken)):
                    continue
                if k is not None and (k in placed or not _listed_everywhere(text, entities[k], ends, starts)):
                    continue
                names = (text[a:b],) if k is None else (entities[k].name, *entities[k].aliases)
                place = next((p for n in names if (p := _fitting(lookup(n), neighbour)) is not None), None)
                if place is None:
                    continue
                geo = to_geo(place)
                if k is not None:
                    placed[k] = geo
                    nxt += [(m.start, m.end, geo) for m in entities[k].mentions]
                    continue
                found[(a, b)] = geo
                taken.append((a, b))
                nxt.append((a, b, geo))
            ends.update(b for _, b, _ in nxt)
            starts.update(a for a, _, _ in nxt)
        if not nxt:
            break
        frontier = nxt
    for k, geo in placed.items():
        entities[k] = replace(entities[k], geo=geo)
    if not found:
        return replace(ctx, entities=tuple(entities)) if placed else ctx
    by_point = {(e.geo.geonameid, e.geo.name, e.geo.lat): k for k, e in enumerate(entities) if e.geo is not None}
    added: dict[int, list[Span]] = {}
    new: dict[tuple[int | None, str, float], tuple[None, Geo, list[Span]]] = {}
    for (a, b), geo in sorted(found.items()):
        key = (geo.geonameid, geo.name, geo.lat)
        k = by_point.get(key)
        if k is not None:
            added.setdefault(k, []).append(Span(a, b))
        else:
            new.setdefault(key, (None, geo, []))[2].append(Span(a, b))
    return replace(ctx, entities=with_place_mentions(entities, text, added, new.values()))
