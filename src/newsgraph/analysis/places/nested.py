"""Places named inside an organisation's name: "U.S." in "U.S. Centers for Disease Control", "California" in
"California Department of Public Health", "Uganda" in "Health Ministry of Uganda".

The entity layer keeps such a name whole, as one organisation; the place it names is a place of the article
all the same (the field's geoparsers and gold sets count it). Each place written inside a mention of an
organisation that is not itself placed becomes a mention of its own: of the article's place entity with the
same point when there is one, else of a new place entity (type GPE). Only a country or a state or province
qualifies, by its own name or abbreviation, in the name of a public body ("Department", "Police": lexicon
`public_bodies`), or a country ending a firm's name as its branch there ("Taco Bell Canada"); not a paper, a
university or a firm named after a place ("New York Times"). The mention lies inside the organisation's,
which keeps its own.

A longer place name the gazetteer does not know and the stage left unplaced ("North Dallas", "Eastern China",
"Salinas Valley", "South West England") holds its place the same way, when the rest of it only frames the
name (qualifiers, place nouns, lexicon `name_frame`) and the place is a country or lies in a country the article
places something in. GeoVirus marks such places; it marks few inside organisations' names beyond public bodies
(its papers, universities, teams and schools are not marked), so the organisations' rule stays narrow.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from newsgraph.analysis.context import Context
from newsgraph.analysis.entities.names import country_named, country_of_demonym
from newsgraph.analysis.places.gazetteer import place_key
from newsgraph.analysis.places.mentions import with_place_mentions
from newsgraph.lexicon import words
from newsgraph.model import Entity, Geo, Span

_CONNECTORS = frozenset({"of", "the"})
_HOLDERS = frozenset({"ORG", "GPE", "LOC"})  # names that may hold a place's name: organisations', longer places'
_LONGEST = 4  # words in a place name written inside another name
_BODIES_OF = frozenset({"PCLI", "ADM1"})  # a country's or a state's body (a city's police is seldom a place)
_WORD = re.compile(r"[^\s,;:()/]+|[,;:()/]")

# a name, its offsets and the entity it stands for, or None: what the places stage says a written name is
Resolve = Callable[[str, Span], "Geo | None"]


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The words of a mention (offsets), punctuation that breaks a name (a comma, a slash) as words of its own."""
    out = []
    for m in _WORD.finditer(text, start, end):
        a, b = m.start(), m.end()
        if text[a:b].endswith(("'s", "’s")):
            b -= 2
        if b > a:
            out.append((a, b))
    return out


def _names_inside(text: str, span: Span) -> list[tuple[int, int]]:
    """Stretches of capitalised words inside a mention (connectors "of", "the" between them), shorter than it,
    longest first."""
    words = _words(text, span.start, span.end)
    found: list[tuple[int, int]] = []
    for n in range(min(_LONGEST, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            head = words[i:i + n]
            a, b = head[0][0], head[-1][1]
            if (a, b) == (span.start, span.end) or b - a < 2:
                continue
            texts = [text[x:y] for x, y in head]
            if not (texts[0][:1].isupper() and texts[-1][:1].isupper()):
                continue
            if any(not (t[:1].isupper() or t in _CONNECTORS) for t in texts):
                continue
            found.append((a, b))
    return found


def _public_body(text: str, span: Span) -> bool:
    """Whether an organisation's name says it is a public body ("Department", "Ministry", "Police"), not a school
    ("Massachusetts Institute of Technology")."""
    said = {text[a:b].lower() for a, b in _words(text, span.start, span.end)}
    return bool(said & words("places/public_bodies")) and not said & words("places/school_words")


def _branch(text: str, span: Span, a: int, b: int) -> bool:
    """Whether a name ends an organisation's name as its country's branch does ("Taco Bell Canada"), not after
    "of" or "for" ("Voice of America")."""
    before = text[span.start:a].split()
    return b == span.end and bool(before) and before[-1].lower() not in ("of", "for")


def _may_name_a_place(name: str) -> bool:
    """Not a people's name ("Mexican Army"; "U.S." is both and stays), not a public body's own word ("Centre"),
    not a word that only begins a place's name ("North", "Metro")."""
    if country_of_demonym(name) is not None and country_named(name) is None:
        return False
    lowered = name.lower().replace("-", " ").split()
    if lowered == [w for w in lowered if w in words("places/name_qualifiers")]:
        return False
    return not any(w in words("places/public_bodies") for w in lowered)


def _framed(text: str, span: Span, a: int, b: int) -> bool:
    """Whether a place's name inside a longer place name is all that names a place there: the rest is qualifiers,
    connectors, place nouns, words of the lexicon ``name_frame`` or lower-case ("North Dallas", "Salinas Valley",
    "Republic of Congo"), the name is none of these words itself ("Valley"), and no capitalised word follows the
    longer name (the model cut "South China" from "South China Morning Post")."""
    frame = words("places/name_qualifiers") | words("places/place_nouns") | words("places/name_frame") | _CONNECTORS
    if text[a:b].lower() in frame:
        return False
    after = text[span.end:span.end + 2]
    if after[:1] == " " and after[1:2].isupper():
        return False
    rest = (text[span.start:a] + " " + text[b:span.end]).replace("-", " ").split()
    return all(w.lower().strip(".,'’") in frame or w[:1].islower() for w in rest)


def _qualifies(holder: Entity, geo: Geo, text: str, m: Span, a: int, b: int, named: frozenset[str | None]) -> bool:
    """Whether a place written at ``a:b`` inside a mention of ``holder`` is a place of the article: in an
    organisation's name, a country or state in a public body's name, or a country as a firm's branch; in a longer
    place name, a framed country, or a framed place in a country the article places something in."""
    if holder.type == "ORG":
        return ((_public_body(text, m) and geo.feature in _BODIES_OF)
                or (geo.feature == "PCLI" and _branch(text, m, a, b)))
    return _framed(text, m, a, b) and (geo.feature == "PCLI" or geo.country in named)


def places_in_names(ctx: Context, resolve: Resolve) -> Context:
    """The context with the places written inside organisations' names as mentions of place entities."""
    text = ctx.document.text
    entities = list(ctx.entities)
    by_point = {(e.geo.geonameid, e.geo.name): k for k, e in enumerate(entities) if e.geo is not None}
    by_name = {place_key(n): k for k, e in enumerate(entities) if e.geo is not None for n in (e.name, *e.aliases)}
    taken = {(m.start, m.end) for e in entities if e.type != "ORG" for m in e.mentions}
    added: dict[int, list[Span]] = {}
    named = frozenset(e.geo.country for e in entities if e.geo is not None)
    new: dict[tuple[int | None, str], tuple[str, Geo, list[Span]]] = {}
    for e in ctx.entities:
        if e.type not in _HOLDERS or e.geo is not None:
            continue
        for m in e.mentions:
            done = [(x, y) for x, y in taken if m.start <= x and y <= m.end and (x, y) != (m.start, m.end)]
            for a, b in _names_inside(text, m):
                name, span = text[a:b], Span(a, b)
                if any(a < y and x < b for x, y in done) or not _may_name_a_place(name):
                    continue
                k = by_name.get(place_key(name))
                geo = entities[k].geo if k is not None else resolve(name, span)
                if geo is None or not _qualifies(e, geo, text, m, a, b, named):
                    continue
                if k is None:
                    k = by_point.get((geo.geonameid, geo.name))
                if k is not None:
                    added.setdefault(k, []).append(span)
                else:
                    new.setdefault((geo.geonameid, geo.name), (name, geo, []))[2].append(span)
                done.append((a, b))
                taken.add((a, b))
    if not added and not new:
        return ctx
    return replace(ctx, entities=with_place_mentions(entities, text, added, new.values()))
