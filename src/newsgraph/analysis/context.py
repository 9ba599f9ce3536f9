"""What the stages share: the parse, the document, and the layers found so far."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from newsgraph.analysis.parsed import Parsed
from newsgraph.model import Document, Entity, Event, Quote, Timex

_EMPTY: Mapping[int, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Context:
    """The state handed from stage to stage; each stage returns a copy with its layer added."""

    document: Document
    parsed: Parsed
    published: date | None = None
    entities: tuple[Entity, ...] = ()
    # token index -> entity id: names, and the pronouns and role nouns that refer to them
    refers_to: Mapping[int, str] = field(default_factory=lambda: _EMPTY)
    timexes: tuple[Timex, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = ()

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None
