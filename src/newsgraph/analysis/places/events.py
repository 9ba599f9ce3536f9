"""Where each event happened: the place its own clause gives, else the dateline's, else the article's main place.

The event layer reads the place from the event's clause. An event whose clause names no
place happened, as far as the article says, where the article is datelined ("ANCHORAGE,
Alaska —", "Minsk (Reuters) -"), or failing that in the place the article is about: the
located place it names most often. ``location_source`` says which of the three it is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsgraph.analysis.context import Context
from newsgraph.lexicon import words
from newsgraph.model import Entity, Event

_DATELINE_END = re.compile(r"\s*(?:,[^—\-\n(]{1,40})?\s*(?:\([^)\n]{1,40}\)\s*)?[—–-]")
_DATELINE_REACH = 40  # the dateline opens the article (after a headline line, at most)
_SETTINGS = frozenset({"PPL", "PPLC", "ADM1", "ADM2", "PCLI"})  # a continent is no event's place


def dateline_place(ctx: Context) -> Entity | None:
    """The located place the article's dateline names, or None."""
    text = ctx.document.text
    body = text.find("\n") + 1 if "\n" in text[:200] and text[:text.find("\n")].strip() else 0
    for e in ctx.entities:
        if e.geo is None:
            continue
        for m in e.mentions:
            opens = m.start in (0, body) or (m.start < _DATELINE_REACH and not text[:m.start].strip())
            if opens and _DATELINE_END.match(text, m.end):
                return e
    return None


def main_place(ctx: Context) -> Entity | None:
    """The place the article is set in: the town or region it most often writes as a setting ("in X",
    "outside X"), else such a country, else (nothing written as a setting) the town or region it
    names most often, else such a country; None when it names none.

    A place written as a setting comes first: a capital named as an actor or an owner ("an outcome
    for Moscow") stands for its government more often than it sets the scene. A country is the
    setting only where no town or region is: an article on a summit in Anchorage names Ukraine
    more often than Anchorage, and happens in Alaska.
    """
    text = ctx.document.text
    scored = []
    for e in ctx.entities:
        if e.geo is None or e.geo.feature not in _SETTINGS or e.type == "NORP":
            continue
        settings = sum(_written_as_setting(text, m.start) for m in e.mentions)
        first = min(m.start for m in e.mentions)
        scored.append((settings > 0, e.geo.feature != "PCLI", settings, len(e.mentions), -first, e))
    if not scored:
        return None
    return max(scored, key=lambda s: s[:5])[5]


def _written_as_setting(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows a word that sets a scene ("in", "at", "outside the" ...)."""
    before = [w for w in text[max(0, start - 30):start].lower().split() if w != "the"][-2:]
    return bool(before) and before[-1] in words("places/settings")


def place_events(ctx: Context) -> Context:
    """The context with every event's ``location`` and ``location_source`` set where the article allows."""
    if not ctx.events:
        return ctx
    fallback, source = dateline_place(ctx), "dateline"
    if fallback is None:
        fallback, source = main_place(ctx), "article"
    events: list[Event] = []
    for v in ctx.events:
        if v.location is not None:
            events.append(replace(v, location_source="clause"))
        elif fallback is not None and fallback.id not in (*v.source, *v.target):
            events.append(replace(v, location=fallback.id, location_source=source))
        else:
            events.append(v)
    return replace(ctx, events=tuple(events))
