"""Places on the map: each place entity resolved to one gazetteer entry, from what the article says.

A name may stand for many places ("Washington": a city, a state, towns in England). The
choice weighs, for each candidate:

- what kind of place it is and how large (a country or continent before a division,
  a division before a village; a city by its population);
- the countries the article names (a candidate in one of them is preferred);
- the divisions the article names ("Pandi, Bulacan", "Alexandria, Louisiana": a town in
  a division the article mentions is preferred);

and gives no point when no candidate is likely enough. One name keeps one sense in an
article, because the entity layer has already grouped its mentions. A demonym names its
country ("Turkish" is Turkey) and is placed there.
"""

from __future__ import annotations

import contextlib
import math
from collections import Counter
from dataclasses import replace
from functools import cache

from newsgraph.analysis.context import Context
from newsgraph.analysis.entities.names import country_named, country_of_demonym
from newsgraph.analysis.places.gazetteer import GazetteerMissing, Place, division_key, index_path, lookup, place_key
from newsgraph.analysis.places.listed import listed_places
from newsgraph.analysis.places.nested import places_in_names
from newsgraph.analysis.places.senses import split_senses
from newsgraph.analysis.places.short_names import places_in_short_names
from newsgraph.lexicon import table, words
from newsgraph.model import Entity, Geo, Span

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_BASE = {"PCLI": 8.0, "CONT": 8.0, "ADM1": 5.5, "RGN": 5.5, "ADM2": 3.5,
         **dict.fromkeys(("OCN", "SEA", "GULF", "BAY", "STRT", "SD", "FJD", "LK"), 5.5)}  # waters (places/waters.py)
_CAPITAL = 1.5
_IN_NAMED_COUNTRY = 2.5
_WELL_SUPPORTED = 1.5
_IN_NAMED_DIVISION = 3.0
_SAID_KIND = 3.0
_WITNESS_TOWN = 50_000  # an organisation's or person's name that is a town this large supports its country
_ENOUGH = 3.6  # below this no candidate is likely enough: a village of 1,000 with nothing to support it
def _names(entity: Entity) -> list[str]:
    """The names to look up: the entity's own, its aliases, and the country an abbreviation stands for."""
    names = [n for n in (entity.name, *entity.aliases) if not _bare_initials(n) or country_named(n) is not None
             or _state_initials(entity)]
    for n in list(names):
        country = country_named(n) or (country_of_demonym(n) if entity.type == "NORP" else None)
        if country is not None:
            names.append(country.name)
    return list(dict.fromkeys(names))


_DIVISIONS = frozenset({"ADM1", "ADM2"})
_TOWNS = frozenset({"PPL", "PPLC"})


def _kinds(name: str) -> tuple[str, frozenset[str]] | None:
    """A name that says what kind of place it is, without that word, and the features it allows:
    "Hebei province", "Akita Prefecture" (a division), "Pingliang city" (a town); None for a bare name."""
    key = place_key(name)
    bare = division_key(name)
    if bare != key and bare:
        return bare, _DIVISIONS
    if key.endswith(" city") and len(key) > 5:
        return key.removesuffix(" city"), _TOWNS
    return None


_CONNECTORS = frozenset({"of", "the", "and"})


def _longer_name(text: str, start: int, end: int) -> tuple[Place, ...]:
    """The places of the longest name the text writes ending at this mention, when it is longer than the
    mention: "Democratic Republic of the Congo" where the model found only "Congo"; () when none."""
    words = text[max(0, start - 40):start].split()
    if text[max(0, start - 1):start] not in (" ", ""):
        return ()
    for n in range(min(4, len(words)), 0, -1):
        head = words[-n:]
        if not head[0][:1].isupper() or any(not (w[:1].isupper() or w in _CONNECTORS) for w in head):
            continue
        found = lookup(" ".join(head) + " " + text[start:end])
        if found:
            return found
    return ()


@cache
def _us_states() -> dict[str, str]:
    return {row[0]: row[1] for row in table("places/state_abbreviations")}


def _state_abbreviated(text: str, entity: Entity) -> str | None:
    """The US state an AP abbreviation stands for where the text writes it after a town, as datelines do:
    "ALEXANDRIA, La." (Louisiana, not Laos), "Norman, Okla."; None for any other name or use."""
    state = _us_states().get(entity.name.strip())
    if state is None or not entity.mentions:
        return None
    for m in entity.mentions:
        before = text[max(0, m.start - 30):m.start]
        if not before.endswith(", ") or not before[:-2].split()[-1:] or not before[:-2].split()[-1][:1].isupper():
            return None
    return state


def _candidates(entity: Entity, text: str = "") -> list[Place]:
    found: dict[tuple[str, float, float], Place] = {}
    state = _state_abbreviated(text, entity) if text else None
    if state is not None:
        return [p for p in lookup(state) if p.feature == "ADM1" and p.country == "USA"]
    longer = [p for m in entity.mentions[:1] for p in _longer_name(text, m.start, m.end)] if text else []
    if longer:
        return longer
    for n in _names(entity):
        places = list(lookup(n))
        kinds = _kinds(n)
        if not places and kinds is not None:  # "Hebei province": the division Hebei
            places = [p for p in lookup(kinds[0]) if p.feature in kinds[1]]
        for p in places:
            if entity.type == "NORP" and p.feature != "PCLI" and _is_people(entity):
                continue  # a people's name places only its country
            found.setdefault((p.feature, round(p.lat, 3), round(p.lon, 3)), p)
    return list(found.values())


def _prior(place: Place) -> float:
    if place.feature in _BASE:
        return _BASE[place.feature]
    return 1.0 + 0.75 * math.log10(max(place.population, 1)) + (_CAPITAL if place.feature == "PPLC" else 0.0)


Kind = tuple[str, "str | None"]  # a feature code and, if known, the country: what the text says a place is


def _score(place: Place, support: Counter[str], containers: set[str],
           inside: frozenset[tuple[str | None, str]] = frozenset(), kind: Kind | None = None) -> float:
    score = _prior(place)
    if kind is not None and place.feature == kind[0] and kind[1] in (None, place.country):
        score += _SAID_KIND  # "the state of Washington"; "Utah, Washington and Wisconsin"
    if place.country is not None and support[place.country]:
        score += _IN_NAMED_COUNTRY + (_WELL_SUPPORTED if support[place.country] >= 2 else 0.0)
    if containers and any(a and division_key(a) in containers for a in (place.admin1, place.admin2, place.country)):
        score += _IN_NAMED_DIVISION
    if place.feature == "ADM1" and (place.country, division_key(place.name)) in inside:
        score += _IN_NAMED_DIVISION  # "Atlanta ... Georgia": the article's towns lie in this division
    return score


def _containers(ctx: Context, entity: Entity, countries: dict[str, str]) -> set[str]:
    """What the article writes right after the place's name: "Pandi, Bulacan", "Alexandria, Egypt" (as keys)."""
    text = ctx.document.text
    starts = {m.start: e for e in ctx.entities if e.type in PLACE_TYPES for m in e.mentions}
    out: set[str] = set()
    for m in entity.mentions:
        after = m.end + 2
        if text[m.end:after] == ", " and after in starts and starts[after].id != entity.id:
            container = starts[after]
            state = _state_abbreviated(text, container)
            out |= {division_key(n) for n in (container.name, *container.aliases, *([state] if state else []))}
            if container.id in countries:
                out.add(countries[container.id])
    return out


def _may_be_a_place(entity: Entity, speakers: set[str]) -> bool:
    """Whether a name the model took for a person may be a place it mistyped ("Giza", "Rogaland"): one word,
    no role, never quoted."""
    return " " not in entity.name.strip() and not entity.roles and entity.id not in speakers


def _mistyped_place(ctx: Context, entity: Entity, place: Place, support: Counter[str],
                    places: frozenset[tuple[int, int]]) -> bool:
    """Whether a name the model took for a person or organisation is this place, well known or in a country the
    article names: the place's own name, written alone (no "Mr." or "Daily News" with it, not in capitals), and
    at least once where places are written (``_place_cue``)."""
    if not (place.country is not None and support[place.country]) and not _names_a_place(place, entity):
        return False
    if any(a != entity.name for a in entity.aliases) or entity.name.isupper():
        return False
    if place_key(entity.name) not in {place_key(place.name), division_key(place.name)}:
        return False
    text = ctx.document.text
    return any(_place_cue(text, m.start, m.end, places) and not _persons_word_after(text, m.end)
               for m in entity.mentions)


def _written_as_place(text: str, entity: Entity) -> bool:
    """Whether a name is written at least once where only places are ("in the town of Camborne"; a list with
    places is not enough: team sheets list players beside towns), not as a person's."""
    return any(_place_cue(text, m.start, m.end, frozenset()) and not _persons_word_after(text, m.end)
               for m in entity.mentions)


def _called_a_firm(text: str, entity: Entity) -> bool:
    """Whether the text calls a name a firm's or a band's anywhere: "car giant Toyota", "rock band Muse"."""
    for m in entity.mentions:
        before = text[max(0, m.start - 16):m.start].split()
        if text[m.start - 1:m.start] == " " and before and before[-1].lower() in words("places/firm_nouns"):
            return True
    return False


def _persons_word_after(text: str, end: int) -> bool:
    """Whether a name is followed as a person's is: by a possessive ("in Hughes' film") or a word in -ing
    ("resulted in Fowler scoring")."""
    after = text[end:end + 20]
    word = after.split(maxsplit=1)[0].rstrip(".,;:!?") if after[:1] == " " and after.strip() else ""
    return after.startswith(("'", "’")) or (word.endswith("ing") and word not in _PREPOSITIONS_IN_ING)


_PREPOSITIONS_IN_ING = frozenset({"including", "regarding", "following", "concerning", "during", "according"})


_LIST_GLUE = frozenset({",", "and", ", and", "or", ", or"})


def _place_cue(text: str, start: int, end: int, places: frozenset[tuple[int, int]]) -> bool:
    """Whether the words around a name mark it as a place: "in Giza", "the town of Garissa", "Austin, in Scott
    County", or a list with other places ("Cairo, Giza and Al-Minya"; ``places``: the place mentions' offsets)."""
    before = text[max(0, start - 30):start].lower().split()[-2:]
    if before and before[-1] in _locatives() and before != ["according", "to"]:
        return True
    if len(before) == 2 and before[1] == "of" and before[0] in words("places/place_nouns"):
        return True
    after = text[end:end + 12].lower()
    if after.startswith((", in ", ", near ")):
        return True
    for a, b in places:
        glue = text[b:start] if b <= start else text[end:a]
        if 0 < len(glue) <= 6 and _is_list_glue(glue):
            return True
    return False


def _locatives() -> frozenset[str]:
    return words("places/locatives")


def _own_name(place: Place, entity: Entity) -> bool:
    own = {place_key(place.name), division_key(place.name)}
    return any(place_key(n) in own or division_key(n) in own for n in _names(entity))


def _names_a_place(place: Place, entity: Entity) -> bool:
    """Whether a name the model took for an organisation is the name of a place too well known to be anything else:
    a country, a state or province, a capital, a city of 100,000 ("Denver", "Uttar Pradesh", "Harare"), by the
    place's own name (a city's other spellings in GeoNames hold nicknames and firms: "Google" for Topeka)."""
    if not (place.feature in ("PCLI", "ADM1", "PPLC") or (place.feature == "PPL" and place.population >= 100_000)):
        return False
    return _own_name(place, entity)


def _bare_initials(name: str) -> bool:
    letters = name.replace(".", "")
    return letters.isupper() and len(letters) <= 3


def _usable_name(entity: Entity) -> bool:
    """Short capitals ("EU", "UN", "MAC") name a place only when they are a country's abbreviation, or a state's
    the model took for a place ("NSW"; placed only in a country the article names: ``_initials_fit``)."""
    return not _bare_initials(entity.name) or country_named(entity.name) is not None or _state_initials(entity)


def _state_initials(entity: Entity) -> bool:
    return entity.type in PLACE_TYPES and _bare_initials(entity.name) and country_named(entity.name) is None


def _initials_fit(entity: Entity, place: Place, support: Counter[str]) -> bool:
    """Whether a state's initials the model took for a place stand for this place: a state of a country the
    article names ("NSW" beside Sydney, Queensland)."""
    return not _state_initials(entity) or (place.feature == "ADM1" and bool(support[place.country or ""]))


def _to_geo(place: Place) -> Geo:
    return Geo(lat=round(place.lat, 5), lon=round(place.lon, 5), name=place.name, feature=place.feature,
               country=place.country, geonameid=place.geonameid)


def _choose(cands: list[Place], support: Counter[str], containers: set[str],
            inside: frozenset[tuple[str | None, str]] = frozenset(), kind: Kind | None = None) -> tuple[Place, float]:
    best = max(cands, key=lambda p: (_score(p, support, containers, inside, kind), p.population))
    wholes = [p for p in cands if p.feature in ("PCLI", "CONT")]
    if wholes and best.feature in _TOWNS and not _in_container(best, containers):
        best = max(wholes, key=lambda p: (_score(p, support, containers, inside, kind), p.population))
    return best, _score(best, support, containers, inside, kind)


def _in_container(place: Place, containers: set[str]) -> bool:
    """Whether the text writes the division or country a place lies in right after it ("Peru, Indiana")."""
    return any(a and division_key(a) in containers for a in (place.admin1, place.admin2, place.country))


def _said_kind(text: str, entity: Entity, first: dict[str, Place],
               owners: dict[tuple[int, int], str]) -> Kind | None:
    """What the text says the place is: a state ("Washington state", "the state of Washington"), or the kind of
    the places it is listed with, when two or more of them agree ("Utah, Washington and Wisconsin": a US state).
    ``owners``: each place mention's offsets and its entity; ``first``: each entity's first-pass place."""
    kinds: Counter[Kind] = Counter()
    for m in entity.mentions:
        if text[m.end:m.end + 6].lower() == " state" or text[max(0, m.start - 9):m.start].lower() == "state of ":
            return ("ADM1", None)
        for (a, b), other in owners.items():
            if other == entity.id or other not in first:
                continue
            glue = text[b:m.start] if b <= m.start else text[m.end:a] if a >= m.end else ""
            if 0 < len(glue) <= 6 and _is_list_glue(glue):
                kinds[(first[other].feature, first[other].country)] += 1
    if not kinds:
        return None
    kind, n = kinds.most_common(1)[0]
    return kind if n >= 2 and kind[0] in ("ADM1", "PCLI") else None


def _is_list_glue(glue: str) -> bool:
    return " ".join(glue.replace(",", " , ").split()).replace(" ,", ",") in _LIST_GLUE


def prepare_gazetteer() -> None:
    """Open the gazetteer (building its index on first use), so that no article pays for it; a missing
    source package is said by the stage, on each article, as a warning."""
    with contextlib.suppress(GazetteerMissing):
        index_path()


def locate_places(ctx: Context) -> Context:
    """The context with every place entity it can place given ``geo``."""
    speakers = {q.speaker for q in ctx.quotes if q.speaker}
    text = ctx.document.text
    placeable = [e for e in ctx.entities if (_usable_name(e) or _state_abbreviated(text, e))
                 and not _never_a_place(text, e) and (
                     e.type in PLACE_TYPES or e.type == "ORG" or (e.type == "NORP" and _is_people(e))
                     or (e.type in ("PERSON", "NORP") and _may_be_a_place(e, speakers)))]
    if not placeable:
        return ctx
    try:
        candidates = {e.id: _candidates(e, ctx.document.text) for e in placeable}
    except GazetteerMissing as err:
        return replace(ctx, warnings=(*ctx.warnings, f"places: {err}"))
    countries = {eid: p.country for eid, cands in candidates.items()
                 for p in cands if p.feature == "PCLI" and p.country}
    containers = {e.id: _containers(ctx, e, countries) for e in placeable if candidates[e.id]}
    # first pass: each place on its own; the countries they lie in then support their neighbours
    organisations = {e.id for e in placeable if e.type in ("ORG", "PERSON") or (e.type == "NORP" and not _is_people(e))}
    by_id = {e.id: e for e in placeable}
    spans = frozenset((m.start, m.end) for e in ctx.entities if e.type in PLACE_TYPES for m in e.mentions)
    first = {eid: _choose(candidates[eid], Counter(), containers[eid])[0] for eid in containers}
    owners = {(m.start, m.end): e.id for e in placeable if e.id in first for m in e.mentions}
    located: dict[str, Geo] = {}
    # only names typed as places, towns of 50,000 or more ("Fulham": a club, but its town places the story), names
    # too well known to be anything else, or written where places are, support their neighbours: another
    # organisation's or person's name ("Orchards", "King") falls on a small town of a country the article is not about
    witnesses = {eid: p for eid, p in first.items()
                 if eid not in organisations or p.population >= _WITNESS_TOWN or _names_a_place(p, by_id[eid])
                 or _written_as_place(text, by_id[eid])}
    for eid in containers:
        support = Counter(p.country for other, p in witnesses.items() if other != eid and p.country)
        inside = frozenset((p.country, division_key(p.admin1)) for other, p in witnesses.items()
                           if other != eid and p.admin1)
        kind = _said_kind(ctx.document.text, by_id[eid], first, owners)
        best, score = _choose(candidates[eid], support, containers[eid], inside, kind)
        if not _initials_fit(by_id[eid], best, support):
            continue
        if score >= _ENOUGH and (eid not in organisations or (
                not _called_a_firm(ctx.document.text, by_id[eid])
                and (_mistyped_place(ctx, by_id[eid], best, support, spans)
                     or (by_id[eid].type == "ORG" and _names_a_place(best, by_id[eid]))))):
            located[eid] = _to_geo(best)
    if located:
        ctx = replace(ctx, entities=tuple(replace(e, geo=located[e.id]) if e.id in located else e
                                          for e in ctx.entities))
        ctx = split_senses(ctx, candidates, lambda cands, at: _in_written_container(ctx, cands, at), _to_geo)
    support = Counter(g.country for g in located.values() if g.country)
    boxes = {m.start: e.geo for e in ctx.entities if e.geo is not None and e.geo.feature in ("PCLI", "ADM1")
             for m in e.mentions}
    ctx = places_in_short_names(ctx, lambda name, span: _short_name_place(name, span, support,
                                                                          _written_in(text, span.end, boxes)),
                                lambda a, b: _short_name_cue(text, a, b) or _written_in(text, b, boxes) is not None)
    ctx = places_in_names(ctx, lambda name, span: _written_place(name, span, support))
    return listed_places(ctx, lookup, _to_geo)


def _in_written_container(ctx: Context, cands: list[Place], at: int) -> Place | None:
    """The largest town of ``cands`` that lies in the placed division or country whose mention starts at ``at``."""
    text = ctx.document.text
    for e in ctx.entities:
        if e.geo is None or not any(m.start == at for m in e.mentions):
            continue
        state = _state_abbreviated(text, e)
        keys = {division_key(n) for n in (e.name, *e.aliases, e.geo.name, *([state] if state else []))}
        if e.geo.feature == "PCLI" and e.geo.country:
            keys.add(division_key(e.geo.country))
        inside = [p for p in cands if p.feature in _TOWNS and _in_container(p, keys)]
        return max(inside, key=lambda p: p.population) if inside else None
    return None


def _written_place(name: str, span: Span, support: Counter[str]) -> Geo | None:
    """The point of a place written inside another name ("U.S." in "U.S. Army"), when it is well known by that
    name (a country or its abbreviation, a state or province, a capital, a city of 100,000); else None."""
    chosen = _best_for_name(name, span, support)
    if chosen is None:
        return None
    best, score, probe = chosen
    return _to_geo(best) if score >= _ENOUGH and _names_a_place(best, probe) else None


def _best_for_name(name: str, span: Span, support: Counter[str]) -> tuple[Place, float, Entity] | None:
    """The gazetteer's best place for a name written at ``span`` as if it were a place of its own, with its
    score and the probe entity it was chosen for; None for a name no place can have."""
    probe = Entity(id="", name=name, type="GPE", aliases=(name,), mentions=(span,))
    if not _usable_name(probe):
        return None
    cands = _candidates(probe)
    if not cands:
        return None
    best, score = _choose(cands, support, set())
    return best, score, probe


def _short_name_cue(text: str, start: int, end: int) -> bool:
    """A place cue strong enough to take a person's short name for a place: "in", "near" ... right before it, "the
    town of" or ", in Y"; not a possessive ("in Hughes' film") or a word in -ing after it ("in Fowler scoring")."""
    if _persons_word_after(text, end):
        return False
    before = text[max(0, start - 30):start].lower().split()[-2:]
    if before and before[-1] in _STRONG_LOCATIVES:
        return True
    if len(before) == 2 and before[1] == "of" and before[0] in words("places/place_nouns"):
        return True
    return text[end:end + 8].startswith((", in ", ", near "))


_STRONG_LOCATIVES = frozenset({"in", "near", "outside", "around", "throughout", "across"})


def _written_in(text: str, end: int, boxes: dict[int, Geo]) -> Geo | None:
    """The country or state a name is written in ("Kingston, Jamaica": ``boxes`` are the placed countries' and
    states' mentions by their starts), not one followed by a possessive ("Smith, England's captain"); else None."""
    if text[end:end + 2] != ", " or end + 2 not in boxes:
        return None
    after = text[end + 2:end + 60].split(maxsplit=1)
    return None if not after or after[0].endswith(("'s", "’s", "'", "’")) else boxes[end + 2]


def _short_name_place(name: str, span: Span, support: Counter[str], box: Geo | None = None) -> Geo | None:
    """The point of a person's one-word name written as a place, when it is that place's own name and the place is
    well known or lies in a country the article names, and in the country or state written after it, if any;
    else None."""
    chosen = _best_for_name(name, span, support)
    if chosen is None:
        return None
    best, score, probe = chosen
    if score < _ENOUGH or place_key(name) not in {place_key(best.name), division_key(best.name)}:
        return None
    if box is not None and best.country != box.country:
        return None
    return _to_geo(best) if (best.country is not None and support[best.country]) or _names_a_place(best, probe) \
        else None


def _never_a_place(text: str, entity: Entity) -> bool:
    """Whether every mention is part of something else's name: a disease ("Reston ebolavirus", "Minamata
    disease"), a currency ("$US"), a compound after a lower-case word ("mid-Atlantic", "euro-Atlantic")."""
    return bool(entity.mentions) and all(_inside_another_name(text, m.start, m.end) for m in entity.mentions)


def _inside_another_name(text: str, start: int, end: int) -> bool:
    after = text[end:end + 20].split(maxsplit=1)
    word = after[0].lower().strip(".,;:)\"'") if after and text[end:end + 1].isspace() else ""
    if word.endswith("virus") or word in words("places/not_a_place_after"):
        return True
    if text[start - 1:start] == "$":
        return True
    prefix = text[max(0, start - 12):start].split()[-1:] if text[start - 1:start] == "-" else []
    return bool(prefix) and prefix[0][:1].islower()


def _is_people(entity: Entity) -> bool:
    return any(country_of_demonym(n) is not None for n in (entity.name, *entity.aliases))
