"""Event participants: the entities an argument phrase names, and each actor's country and sector.

An argument of an event is a phrase of the parse ("Senior Hungarian and Romanian
officials", "Security forces in Guinea", "he"). The entities it stands for are the
entity its head refers to (a name, a pronoun or a role noun through
``ctx.refers_to``), its coordinated heads, or else the entities named inside it
("Russian police" -> the Russian actor, sector police). The names around a
person ("X, head of Russia's wealth fund", "Trump's envoy Y") are the person's
affiliation, and a town a phrase places its head in ("a delegation in Geneva") is
where the actor is: neither is a participant of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from functools import lru_cache

from newsgraph.analysis.entities.names import country_named, country_of_demonym
from newsgraph.analysis.entities.phoenix import PhoenixActor, code_on, country_and_sector, phoenix_actor
from newsgraph.analysis.events.lexicon import sector_of_word
from newsgraph.analysis.parsed import Parsed
from newsgraph.lexicon import table, words
from newsgraph.model import Actor, Entity

ACTOR_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# Clauses inside a phrase say something else about it: their entities are not the actor.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "cc", "parataxis"})
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
_OTHER_PRONOUNS = frozenset({"it", "they", "them", "its", "their", "we", "our", "us"})


def phrase_entities(parsed: Parsed, refers_to: Mapping[int, str], by_id: Mapping[str, Entity],
                    head: int, stops: frozenset[int] = frozenset()) -> list[str]:
    """The ids of the entities the phrase headed by token ``head`` stands for, in text order.

    ``stops``: words (the event's own) whose phrases are not part of the actor.
    """
    found: list[str] = []

    def add(eid: str | None) -> None:
        if eid and eid not in found and eid in by_id and by_id[eid].type in ACTOR_TYPES:
            found.append(eid)

    heads = coordinated_heads(parsed, head)
    for h in heads:
        own = refers_to.get(h)
        if own is not None:
            add(own)
            if own in by_id and by_id[own].type == "PERSON":
                for eid in _speaks_for(parsed, refers_to, by_id, h, own):
                    add(eid)
                continue
            # "U.N. mediator Diego Cordovez", "Israel's Cabinet": the names that qualify the name
            for c in parsed.children(h):
                if c.dep == "appos" and c.lemma.lower() not in words("entities/titles"):
                    continue  # "Kenzo Oshima, the UN relief coordinator" speaks for the UN; "X, an ally" does not
                if c.dep in ("compound", "poss", "nmod", "amod", "appos") and refers_to.get(c.i) != own \
                        and c.pos != "PRON":
                    for k in _phrase_tokens(parsed, c.i):
                        add(refers_to.get(k))
            continue
        person = _named_person_in_apposition(parsed, refers_to, by_id, h)
        if person is not None:  # "Oman's sultan, Haitham bin Tariq": the person, not the sultanate
            add(person)
            for eid in _speaks_for(parsed, refers_to, by_id, h, person):
                add(eid)
            continue
        for c in parsed.children(h):  # "One of their standard-bearers, the oligarch X": the apposition
            if c.dep == "appos":
                for k in _phrase_tokens(parsed, c.i):
                    add(refers_to.get(k))
        named: list[str] = []
        within = _phrase_tokens(parsed, h, with_acl=True, stops=stops)
        followed = frozenset(k for w in within for k in _followed(parsed, w))
        for k in (_phrase_tokens(parsed, h, with_acl=True, stops=stops | followed) if followed else within):
            word = refers_to.get(k)
            if parsed.tokens[k].pos != "PRON" and word and word not in named:  # "his counterpart" is not he
                named.append(word)
        settings = set(setting_places(parsed, refers_to, by_id, h))
        for eid in named:
            if eid not in settings or all(n in settings for n in named):
                add(eid)  # "a European delegation in Geneva": the city is where they are, not who they are
    return found


def _followed(parsed: Parsed, head: int) -> frozenset[int]:
    """The one a group of followers follows ("[Kaunda]'s supporters", "supporters of [the party]"): they
    act for themselves, so the phrase names the group, not the one it follows."""
    if parsed.tokens[head].lemma.lower() not in words("events/followers"):
        return frozenset()
    return frozenset(c.i for c in parsed.children(head)
                     if c.dep == "poss" or (c.dep == "prep" and c.text.lower() == "of" and c.i > head))


def setting_places(parsed: Parsed, refers_to: Mapping[int, str], by_id: Mapping[str, Entity], head: int) -> list[str]:
    """The towns and sites a phrase places its head in ("officials in Niamey", "the delegation at the
    Kremlin"): where the actor is, not whom it stands for; a country ("forces in Guinea") is not one."""
    out: list[str] = []
    for k in _phrase_tokens(parsed, head, with_acl=True):  # "the talks held in Geneva"
        c = parsed.tokens[k]
        if c.dep != "prep" or c.text.lower() not in _LOCATIVE:
            continue
        for g in parsed.children(c.i):
            eid = refers_to.get(g.i)
            place = by_id.get(eid or "")
            if g.dep == "pobj" and eid and place is not None and place.type in _PLACES \
                    and country_named(place.name) is None and eid not in out:
                out.append(eid)
    return out


def _speaks_for(parsed: Parsed, refers_to: Mapping[int, str], by_id: Mapping[str, Entity], h: int,
                own: str) -> list[str]:
    """The organisation a person's name is prefixed with ("U.N. mediator Diego Cordovez"), else nothing.

    The other names around a person ("X, head of Russia's wealth fund", "Trump's envoy Y", "Chinese
    President Xi") are the person's affiliation, not parties of their own: the actor's country says it.
    """
    out: list[str] = []
    for c in parsed.children(h):
        if c.dep not in ("compound", "nmod") or c.i > h or c.pos == "PRON":
            continue
        for k in _phrase_tokens(parsed, c.i):
            eid = refers_to.get(k)
            if eid and eid != own and eid in by_id and by_id[eid].type == "ORG" and eid not in out:
                out.append(eid)
    return out


def _named_person_in_apposition(parsed: Parsed, refers_to: Mapping[int, str], by_id: Mapping[str, Entity],
                                h: int) -> str | None:
    """The person a role phrase is set beside ("Nigeria's president, Bola Tinubu"), else None."""
    for c in parsed.children(h):
        eid = refers_to.get(c.i)
        if c.dep == "appos" and eid is not None and eid in by_id and by_id[eid].type == "PERSON":
            return eid
    return None


def own_head(parsed: Parsed, refers_to: Mapping[int, str], head: int, eid: str) -> int:
    """The head, among ``head`` and those coordinated with it, that names ``eid`` ("Macron and [Scholz]")."""
    return next((h for h in coordinated_heads(parsed, head) if refers_to.get(h) == eid), head)


def coordinated_heads(parsed: Parsed, head: int) -> list[int]:
    """The head of a phrase and the heads coordinated with it ("France, Germany and Italy"); each may name
    a party or a group of its own ("Kuwait and its [allies]")."""
    out = [head]
    k = 0
    while k < len(out) and len(out) < 20:
        out.extend(c.i for c in parsed.children(out[k]) if c.dep == "conj" and c.i not in out)
        k += 1
    return out


def _phrase_tokens(parsed: Parsed, head: int, with_acl: bool = False,
                   stops: frozenset[int] = frozenset()) -> list[int]:
    """The tokens of a noun phrase without its clauses and the phrases coordinated with its head.

    ``with_acl`` keeps participle modifiers ("refugees fleeing the war in Liberia").
    """
    out = [head]
    stack = [head]
    while stack:
        k = stack.pop()
        for c in parsed.children(k):
            if (c.dep in _CLAUSE_DEPS and not (with_acl and c.dep == "acl")) or (c.dep == "conj" and k == head) \
                    or c.i in stops:
                continue
            out.append(c.i)
            stack.append(c.i)
    return sorted(out)


def is_other_pronoun(parsed: Parsed, k: int) -> bool:
    """True for "it", "they", "we" and their possessives: pronouns the reference layer leaves open."""
    t = parsed.tokens[k]
    return t.pos == "PRON" and t.text.lower() in _OTHER_PRONOUNS


def actor_profiles(parsed: Parsed, by_id: Mapping[str, Entity], ids: Iterable[str],
                   heads: Mapping[str, int]) -> tuple[Actor, ...]:
    """An ``Actor`` (country, sector) for every participant; ``heads`` gives each one's phrase head."""
    out = []
    for eid in ids:
        entity = by_id.get(eid)
        if entity is None:
            continue
        head = heads.get(eid)
        sector = sector_of(entity, parsed, head)
        out.append(Actor(entity=eid, country=country_of(entity, by_id, parsed, head), sector=sector,
                         code=sector_code(entity, parsed, head, sector)))
    return tuple(out)


def with_known_codes(actors: Iterable[Actor], by_id: Mapping[str, Entity], published: date | None) -> tuple[Actor, ...]:
    """The actors with what the article leaves open filled in from the Phoenix actor dictionaries, by the code
    that holds on the article's ``published`` day ("Vladimir Putin" in 2019: RUS, GOV).

    The article comes first: a country it gives is kept, and a person it gives a role keeps the dictionary's
    sector out ("the former president", "opposition leader" say more about that day than a table).
    """
    out = []
    for a in actors:
        entity = by_id.get(a.entity)
        known = dictionary_code(entity, published) if entity is not None and (a.country is None or a.code is None) \
            else None
        if entity is None or known is None:
            out.append(a)
            continue
        country, sector = country_and_sector(known)
        code, sector_name = a.code, a.sector
        if code is None and not entity.roles and sector is not None:
            code, sector_name = sector, a.sector or _SECTOR_NAMES.get(sector)
        if (country and not a.country) or code != a.code:  # say where what the article did not give came from
            a = replace(a, country=a.country or country, sector=sector_name, code=code, dictionary=known)
        out.append(a)
    return tuple(out)


def dictionary_actor(entity: Entity) -> PhoenixActor | None:
    """The Phoenix actor an entity is, by its name or an alias, of the same kind (a person is a person).

    A person is looked up by the fullest name the article gives: a surname alone ("Johnson") is many people,
    unless the article never gives more ("Gulen").
    """
    person = entity.type == "PERSON"
    names = [entity.name, *entity.aliases]
    if person:
        longest = max(len(n.split()) for n in names)
        names = [n for n in names if len(n.split()) == longest]
    for n in names:
        found = phoenix_actor(n)
        if found is not None and (found.kind == "PERSON") == person:
            return found
    return None


def dictionary_code(entity: Entity, published: date | None) -> str | None:
    """The entity's CAMEO actor code on ``published`` from the Phoenix dictionaries, or None."""
    if entity.type not in ("PERSON", "ORG", "GPE", "NORP"):
        return None
    found = dictionary_actor(entity)
    return code_on(found, published) if found is not None else None


# The project's sectors as CAMEO agent codes
_SECTOR_CODES = {"government": "GOV", "military": "MIL", "police": "COP", "judiciary": "JUD", "legislature": "LEG",
                 "intelligence": "SPY", "media": "MED", "business": "BUS", "civil society": "CVL",
                 "rebels": "REB", "religious": "REL", "party": "PTY", "international": "IGO"}
_SECTOR_NAMES = {code: name for name, code in _SECTOR_CODES.items()}


def sector_code(entity: Entity, parsed: Parsed, head: int | None, sector: str | None) -> str | None:
    """The actor's sector as a CAMEO agent code: the project's sector, else Phoenix's agent nouns
    (``lexicon/agents.tsv``, from PETRARCH-2) on the head of its phrase or its role ("activists": OPP)."""
    if sector in _SECTOR_CODES:
        return _SECTOR_CODES[sector]
    candidates = []
    if head is not None and parsed.tokens[head].pos == "NOUN":
        tok = parsed.tokens[head]
        candidates += [tok.lemma.lower(), tok.text.lower()]
    for role in entity.roles:
        candidates += [w.strip(",.;:()").lower() for w in reversed(role.title.split())]
    agents = agent_codes()
    for w in candidates:
        if w in agents:
            return agents[w][:3]
    return None


@lru_cache(maxsize=1)
def agent_codes() -> dict[str, str]:
    """Phoenix agent noun -> its CAMEO agent code."""
    return {row[0]: row[1] for row in table("events/agents") if len(row) >= 2}


def country_of(entity: Entity, by_id: Mapping[str, Entity], parsed: Parsed, head: int | None) -> str | None:
    """The ISO alpha-3 code of the entity's country, from its name, its roles or its phrase."""
    if entity.type in ("GPE", "NORP", "LOC"):
        c = country_named(entity.name) or country_of_demonym(entity.name)
        if c is None:
            for alias in entity.aliases:
                c = country_named(alias) or country_of_demonym(alias)
                if c is not None:
                    break
        if c is not None:
            return c.alpha3
    for role in entity.roles:
        place = by_id.get(role.of or "")
        if place is not None and place.type == "GPE":
            c = country_named(place.name)
            if c is not None:
                return c.alpha3
        found = _country_in_words(role.title.split())
        if found:
            return found
    if entity.type in ("ORG", "PERSON"):
        found = _country_in_words(entity.name.split())
        if found:
            return found
    if head is not None:  # "Russian police", "police in Iraq"
        words = [parsed.tokens[k].text for k in _phrase_tokens(parsed, head)]
        return _country_in_words(words)
    return None


def _country_in_words(words: list[str]) -> str | None:
    for w in words:
        w = w.strip(",.;:()'\u2019").removesuffix("'s").removesuffix("\u2019s")
        if not w[:1].isupper():
            continue
        c = country_of_demonym(w) or country_named(w)
        if c is not None:
            return c.alpha3
    return None


def sector_of(entity: Entity, parsed: Parsed, head: int | None) -> str | None:
    """The actor's sector: from the head of its phrase, its roles, or its name."""
    if head is not None:
        tok = parsed.tokens[head]
        if tok.pos == "NOUN":
            found = sector_of_word(tok.lemma)
            if found:
                return found
    for role in entity.roles:
        for w in reversed(role.title.lower().replace("\u2019", "'").split()):
            found = sector_of_word(w.strip(",.;:()"))
            if found:
                return found
    if entity.type == "ORG":
        whole = sector_of_word(entity.name)
        if whole:
            return whole
        for w in reversed(entity.name.lower().split()):
            found = sector_of_word(w)
            if found:
                return found
    if entity.type == "GPE" and country_named(entity.name) is not None:
        return "government"  # a country that acts is its state
    return None
