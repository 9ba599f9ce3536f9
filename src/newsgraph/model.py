"""The records of one analysis (schema ``newsgraph/1``): frozen, with offsets into the text.

Every record that states a fact carries ``start``/``end`` character offsets into
``Document.text`` (0-based, end exclusive). ``to_dict()`` gives the contract's JSON
shape (see CONTRACT.md); ``from_dict()`` reads it back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

SCHEMA = "newsgraph/1"


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document's text."""

    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]))


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A stretch of text with the words it covers (a trigger, a cue, a date)."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TextSpan:
        return cls(str(d["text"]), int(d["start"]), int(d["end"]))


@dataclass(frozen=True, slots=True)
class Document:
    """The article: the text every offset points into, and its metadata."""

    id: str
    text: str
    published: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "published": self.published,
                "source": self.source, "url": self.url, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        return cls(id=str(d["id"]), text=str(d.get("text") or ""), published=d.get("published"),
                   title=d.get("title"), source=d.get("source"), url=d.get("url"))


@dataclass(frozen=True, slots=True)
class Role:
    """What the article says a person is ("head", of "Russia's sovereign wealth fund")."""

    title: str
    start: int
    end: int
    of: str | None = None  # entity id of the organisation or country, when named

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "of": self.of, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Role:
        return cls(str(d["title"]), int(d["start"]), int(d["end"]), d.get("of"))


@dataclass(frozen=True, slots=True)
class Geo:
    """Where a place is: WGS84 degrees, and the gazetteer entry it was resolved to."""

    lat: float
    lon: float
    name: str
    feature: str  # GeoNames feature code: PCLI (country), CONT, ADM1, ADM2, PPL ...
    country: str | None = None  # ISO alpha-3
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"lat": self.lat, "lon": self.lon, "geonameid": self.geonameid, "country": self.country,
                "feature": self.feature, "name": self.name}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Geo:
        gid = d.get("geonameid")
        return cls(float(d["lat"]), float(d["lon"]), str(d.get("name") or ""), str(d.get("feature") or ""),
                   d.get("country"), int(gid) if gid is not None else None)


def new_entity_ids(entities: Iterable[Entity]) -> Iterator[str]:
    """Ids for entities a later stage adds ("e12", "e13" ...): after the count of those there are, skipping any
    already taken."""
    taken = {e.id for e in entities}
    n = len(taken)
    while True:
        n += 1
        if f"e{n}" not in taken:
            yield f"e{n}"


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world referent of the article, with every mention of it."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]
    roles: tuple[Role, ...] = ()
    speaks_for: str | None = None  # an office, ministry or embassy: the entity id of the person or country it serves
    geo: Geo | None = None  # places only: where it is, when the gazetteer knows it well enough
    # a GROUP (a party the article names by description, "police"): its country (ISO alpha-3) and CAMEO sector code
    country: str | None = None
    code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "name": self.name, "type": self.type, "aliases": list(self.aliases),
                             "mentions": [m.to_dict() for m in self.mentions],
                             "roles": [r.to_dict() for r in self.roles]}
        if self.speaks_for:
            d["speaks_for"] = self.speaks_for
        if self.geo is not None:
            d["geo"] = self.geo.to_dict()
        if self.country:
            d["country"] = self.country
        if self.code:
            d["code"] = self.code
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(id=str(d["id"]), name=str(d["name"]), type=str(d["type"]),
                   aliases=tuple(d.get("aliases") or ()),
                   mentions=tuple(Span.from_dict(m) for m in d.get("mentions") or ()),
                   roles=tuple(Role.from_dict(r) for r in d.get("roles") or ()), speaks_for=d.get("speaks_for"),
                   geo=Geo.from_dict(d["geo"]) if d.get("geo") else None, country=d.get("country"),
                   code=d.get("code"))


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression and its TIMEX3 type and value."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "type": self.type, "value": self.value}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Timex:
        return cls(str(d["text"]), int(d["start"]), int(d["end"]), str(d.get("type") or "DATE"), d.get("value"))


@dataclass(frozen=True, slots=True)
class Quote:
    """Something someone said, and who said it."""

    id: str
    text: str
    start: int
    end: int
    direct: bool
    speaker: str | None = None  # entity id
    speaker_span: Span | None = None
    cue: TextSpan | None = None
    hedge: str | None = None  # "according to", "reportedly", "allegedly" ...
    repeats: str | None = None  # id of the quote a pull quote repeats
    kind: str = "speech"  # "speech" (said, told, wrote), "belief" (believes, thinks), "intent" (vowed to)
    speaks_for: str | None = None  # the speaker is an office, ministry or statement: the person or country behind it

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "text": self.text, "start": self.start, "end": self.end,
                             "direct": self.direct, "speaker": self.speaker,
                             "speaker_span": self.speaker_span.to_dict() if self.speaker_span else None,
                             "cue": self.cue.to_dict() if self.cue else None, "kind": self.kind}
        if self.hedge:
            d["hedge"] = self.hedge
        if self.repeats:
            d["repeats"] = self.repeats
        if self.speaks_for:
            d["speaks_for"] = self.speaks_for
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(id=str(d["id"]), text=str(d["text"]), start=int(d["start"]), end=int(d["end"]),
                   direct=bool(d.get("direct")), speaker=d.get("speaker"),
                   speaker_span=Span.from_dict(d["speaker_span"]) if d.get("speaker_span") else None,
                   cue=TextSpan.from_dict(d["cue"]) if d.get("cue") else None,
                   hedge=d.get("hedge"), repeats=d.get("repeats"), kind=str(d.get("kind") or "speech"),
                   speaks_for=d.get("speaks_for"))


@dataclass(frozen=True, slots=True)
class Actor:
    """An event participant's country (ISO 3166 alpha-3) and sector, when known; ``code`` is the sector as
    CAMEO/POLECAT agent codes give it (GOV, MIL, COP, REB, OPP, BUS, MED ...)."""

    entity: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    dictionary: str | None = None  # the Phoenix actor code ("RUSGOV") that filled what the article left open

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"entity": self.entity, "country": self.country, "sector": self.sector, "code": self.code}
        if self.dictionary:
            d["dictionary"] = self.dictionary
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(str(d["entity"]), d.get("country"), d.get("sector"), d.get("code"), d.get("dictionary"))


@dataclass(frozen=True, slots=True)
class GroupParty:
    """A party of an event that is no entity: a group or an office the article names ("protesters",
    "police", "their foreign ministers"), with its words and its side ("source" or "target")."""

    text: str
    start: int
    end: int
    side: str
    code: str | None = None  # its sector as a CAMEO agent code (OPP, COP, GOV ...), when known

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "side": self.side, "code": self.code}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> GroupParty:
        return cls(str(d["text"]), int(d["start"]), int(d["end"]), str(d.get("side") or "source"), d.get("code"))


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, when and where, coded to PLOVER."""

    id: str
    type: str  # PLOVER category
    trigger: TextSpan
    evidence: Span
    mode: str | None = None
    cameo: str | None = None
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    location: str | None = None  # entity id
    date: Timex | None = None
    negated: bool = False
    hypothetical: bool = False
    attribution: str | None = None  # quote id or hedge word that reports the event
    actors: tuple[Actor, ...] = ()
    groups: tuple[GroupParty, ...] = ()  # the parties that are no entity
    location_source: str | None = None  # "clause", "dateline" or "article": where the location was read

    def to_dict(self) -> dict[str, Any]:
        date = None
        if self.date is not None:
            date = {"text": self.date.text, "value": self.date.value,
                    "start": self.date.start, "end": self.date.end}
        return {"id": self.id, "type": self.type, "mode": self.mode, "cameo": self.cameo,
                "source": list(self.source), "target": list(self.target),
                "location": self.location, "location_source": self.location_source, "date": date,
                "negated": self.negated, "hypothetical": self.hypothetical,
                "attribution": self.attribution,
                "actors": [a.to_dict() for a in self.actors],
                "groups": [g.to_dict() for g in self.groups],
                "trigger": self.trigger.to_dict(), "evidence": self.evidence.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        date = d.get("date")
        return cls(id=str(d["id"]), type=str(d["type"]), trigger=TextSpan.from_dict(d["trigger"]),
                   evidence=Span.from_dict(d["evidence"]), mode=d.get("mode"), cameo=d.get("cameo"),
                   source=tuple(d.get("source") or ()), target=tuple(d.get("target") or ()),
                   location=d.get("location"), location_source=d.get("location_source"),
                   date=Timex(date["text"], date["start"], date["end"], "DATE", date.get("value")) if date else None,
                   negated=bool(d.get("negated")), hypothetical=bool(d.get("hypothetical")),
                   attribution=d.get("attribution"),
                   actors=tuple(Actor.from_dict(a) for a in d.get("actors") or ()),
                   groups=tuple(GroupParty.from_dict(g) for g in d.get("groups") or ()))


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything newsgraph found in one document."""

    document: Document
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[Timex, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"schema": SCHEMA, "document": self.document.to_dict(),
                             "entities": [e.to_dict() for e in self.entities],
                             "events": [v.to_dict() for v in self.events],
                             "quotes": [q.to_dict() for q in self.quotes],
                             "timexes": [t.to_dict() for t in self.timexes]}
        if self.warnings:
            d["warnings"] = list(self.warnings)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Analysis:
        return cls(document=Document.from_dict(d["document"]),
                   entities=tuple(Entity.from_dict(e) for e in d.get("entities") or ()),
                   events=tuple(Event.from_dict(v) for v in d.get("events") or ()),
                   quotes=tuple(Quote.from_dict(q) for q in d.get("quotes") or ()),
                   timexes=tuple(Timex.from_dict(t) for t in d.get("timexes") or ()),
                   warnings=tuple(d.get("warnings") or ()))


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be analysed, and why: one line of a batch's output."""

    id: str
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"document": {"id": self.id}, "error": self.error}
