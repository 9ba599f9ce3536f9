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
    """The town or region the article names most often (the first named on a tie), else such a country, or None.

    A country is the setting only of an article that names no town or region in it: an article
    on a summit in Anchorage names Ukraine more often than Anchorage, and happens in Alaska.
    """
    placed = [e for e in ctx.entities if e.geo is not None and e.geo.feature in _SETTINGS and e.type != "NORP"]
    local = [e for e in placed if e.geo is not None and e.geo.feature != "PCLI"]
    if not (local or placed):
        return None
    return max(local or placed, key=lambda e: (len(e.mentions), -min(m.start for m in e.mentions)))


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
