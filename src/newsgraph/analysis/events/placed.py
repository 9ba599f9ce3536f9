"""An event that names no one it is done to is done to the place its own sentence puts it in.

"Israeli troops remained on alert in North District", "X declared a ceasefire in Libya", "imposed a
curfew in Jamaica", "Buhari attended the summit in the United Kingdom": the one acted upon is the place,
as PLOVER and CAMEO coders mark it (the country or the district as the event's second actor). This stage
runs after the event's ``location`` is set (``places/events.py``) and gives an event with a party but
no target that place as its target, when the sentence that tells the event names it. A place that is
only where a party is ("Police in Lusaka fired", "officials in Niamey said") is no target: the event's
``location`` stays as it was, the place is not made the one acted upon. An event's ``source`` is never
changed, and an event with a target keeps it.
"""

from __future__ import annotations

from dataclasses import replace

from newsgraph.analysis.context import Context
from newsgraph.analysis.entities.names import country_named
from newsgraph.analysis.events.actors import actor_profiles
from newsgraph.analysis.events.lexicon import senses
from newsgraph.analysis.parsed import Parsed
from newsgraph.model import Entity, Event

_PLACES = frozenset({"GPE", "LOC", "FAC"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# what is done together has no one it is done to: its place is only where it is done
_TOGETHER = frozenset({"COOPERATE"})
# what parties may do with each other: where two of them meet, agree or sign is only the venue
_MUTUAL = frozenset({"CONSULT", "AGREE", "SUPPORT"})
# the links of a phrase the trigger governs: "on alert in [North District]", "a ceasefire in [Libya]"
_PATH = frozenset({"pobj", "prep", "compound", "amod", "poss", "nmod", "appos", "conj", "dobj", "npadvmod"})


def place_targets(ctx: Context) -> Context:
    """The context with every event that has a party but no target given its place as target, when the
    event's own sentence names the place outside its parties' phrases."""
    if not ctx.events:
        return ctx
    by_id = {e.id: e for e in ctx.entities}
    events: list[Event] = []
    changed = False
    for v in ctx.events:
        head = _place_acted_on(ctx.parsed, v, by_id)
        if head is None or v.location is None:
            events.append(v)
            continue
        actors = actor_profiles(ctx.parsed, by_id, [v.location], {v.location: head})
        events.append(replace(v, target=(v.location,), actors=(*v.actors, *actors)))
        changed = True
    return replace(ctx, events=tuple(events)) if changed else ctx


def _place_acted_on(parsed: Parsed, v: Event, by_id: dict[str, Entity]) -> int | None:
    """The head token of the mention of the event's place that can be its target, or None: a place the
    trigger's own phrase names ("on alert in North District", "a ceasefire in Libya"), not a setting put
    before the subject ("In Manila, X protested"), not where a party is ("Police in Lusaka"), not the venue
    of a meeting or of something done together ("met in Riyadh", "X and Y signed in Tokyo")."""
    if v.target or not v.source or v.location is None or v.location in v.source:
        return None
    trigger = parsed.token_at(v.trigger.start)
    if trigger is None:
        return None
    visit = v.mode == "visit" or _is_visit(parsed.tokens[trigger].lemma)  # "will visit Lisbon" is AGREE
    if v.type in _TOGETHER or (v.type == "CONSULT" and not visit):
        return None  # "met in Riyadh", "attended talks in Doha": the venue; a visit's place is its host
    named = [i for i in v.source if i in by_id and by_id[i].type != "GROUP"]
    if v.type in _MUTUAL and (len(named) > 1 or (v.type == "CONSULT" and len(v.source) > 1)):
        return None  # "Japan and Australia signed a pact in Tokyo", "ministers met in Riyadh": where parties met
    place = by_id.get(v.location)
    if place is None or place.type not in _PLACES or (visit and not _host(place)):
        return None
    for m in place.mentions:
        if not (v.evidence.start <= m.start and m.end <= v.evidence.end):
            continue
        k = parsed.token_at(m.end - 1)
        if k is not None and _hangs_on(parsed, k, trigger):
            return k
    return None


def _is_visit(lemma: str) -> bool:
    """True for a word whose sense is a visit ("visit", "tour", "host")."""
    return any(s.type == "CONSULT" and s.mode == "visit" for s in senses().get(lemma.lower(), ()))


def _host(place: Entity) -> bool:
    """True for a place that hosts a visit: a country ("visited Portugal"); a town visited is only the
    visit's place ("due to visit Lisbon")."""
    return any(country_named(n) is not None for n in (place.name, *place.aliases))


def _hangs_on(parsed: Parsed, k: int, trigger: int) -> bool:
    """True when the phrase of token ``k`` hangs on the trigger (or on the verb a noun trigger is the object
    of) through noun phrases and prepositions only, and is not a setting put before the subject."""
    t = parsed.tokens[trigger]
    stops = {trigger} | ({t.head} if t.pos in ("NOUN", "PROPN") and t.dep in ("dobj", "pobj", "attr") else set())
    u = parsed.tokens[k]
    for _ in range(12):
        if u.head in stops and u.head != u.i:
            return u.dep not in _SUBJECTS and not (u.dep == "prep" and _before_subject(parsed, u.head, u.i))
        if u.dep not in _PATH or u.head == u.i:
            return False
        u = parsed.tokens[u.head]
    return False


def _before_subject(parsed: Parsed, verb: int, prep: int) -> bool:
    """True for a prepositional phrase that opens the clause, before its subject ("In Manila, ...")."""
    subjects = [c.i for c in parsed.children(verb) if c.dep in _SUBJECTS]
    return bool(subjects) and prep < min(subjects)
