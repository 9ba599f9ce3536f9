"""Across articles: which per-article entities are one actor, which event mentions are one happening.

Pure functions over small rows read from the store, so the whole corpus is
re-resolved in one pass after each ingest (order of ingestion does not matter).

Actors: per-article entities already group "Putin" with "Vladimir Putin". Here
entities join when they share a full name (two or more words, honorifics and
initials aside) or, for places and organisations, any alias or the same country.
A bare surname ("Zelensky", "Mr Zelensky") joins the one full name in the corpus
that ends with it; when several people share the surname it joins only the one
whose role it shares ("president" of the same country), otherwise it stays apart.
A role standing for a person ("Ukraine's president") joins the one actor holding
that role.

Events: mentions of the same PLOVER type, sharing their participants, dated within
a day or two of each other (the event's date, else the article's) are one event.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from newsgraph.lexicon import words
from newsgraph.names import country_named, fold, name_key

PERSON, NORP = "PERSON", "NORP"
_INITIAL = re.compile(r"^[a-z]\.?$")
_ROLE_OF = re.compile(r"^(?P<of>.+?)'s? (?P<title>[a-z][a-z \-]*)$")
_TITLE_OF = re.compile(r"^(?P<title>[a-z][a-z \-]*?) of (?:the )?(?P<of>.+)$")
_EXACT_DAYS, _FALLBACK_DAYS = 1, 2


@dataclass(frozen=True, slots=True)
class EntityRow:
    """One entity of one article, as the resolver needs it."""

    doc_id: str
    eid: str
    name: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[tuple[str, str | None], ...] = ()  # (title, name of the entity the role is "of")


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event mention of one article, with its participants already mapped to actors."""

    doc_id: str
    vid: str
    type: str
    day: date | None  # the event's own date, else None
    published: date | None
    participants: frozenset[int]
    negated: bool = False
    hypothetical: bool = False


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return list(out.values())


def person_key(text: str) -> str:
    """A person's name as compared across articles: folded, no honorific or leading title, no initials."""
    tokens = name_key(text).replace("-", " - ").split()
    titles, honorifics = words("titles"), words("honorifics")
    while len(tokens) > 1 and (tokens[0] in titles or tokens[0] in honorifics):
        tokens = tokens[1:]
    kept = [t for t in tokens if not _INITIAL.match(t)] or tokens
    return " ".join(kept).replace(" - ", "-")


def role_title_key(title: str) -> str:
    """The office a role names ("Trump's special envoy" -> "special envoy", "head of X's fund" -> "head")."""
    text = fold(title).casefold()
    text = text.split(" of ", 1)[0]
    if "'s " in text:
        text = text.rsplit("'s ", 1)[1]
    tokens = text.split()
    titles = words("titles")
    for n in (3, 2, 1):  # the longest title inside wins: "deputy prime minister" over "minister"
        for i in range(len(tokens) - n, -1, -1):
            cand = " ".join(tokens[i:i + n])
            if cand in titles:
                return cand
    return " ".join(tokens[-1:])


def place_key(text: str) -> str:
    """A place's or organisation's key: the country's code for a country, else its folded name."""
    country = country_named(text)
    return f"={country.alpha3}" if country else name_key(text)


def role_keys(row: EntityRow) -> frozenset[tuple[str, str]]:
    """The (office, of-whom) pairs of an entity's roles that name whom they are of."""
    return frozenset((role_title_key(t), place_key(of)) for t, of in row.roles if of)


def role_standing_for_person(name: str) -> tuple[str, str] | None:
    """("president", "=UKR") when a name is a role such as "Ukraine's president"; else None."""
    text = fold(name).casefold()
    if text.startswith("the "):
        text = text[4:]
    for pattern in (_ROLE_OF, _TITLE_OF):
        m = pattern.match(text)
        if m:
            title = role_title_key(m["title"])
            if title in words("titles"):
                return title, place_key(m["of"])
    return None


def _type_class(type_: str) -> str:
    return type_ if type_ in (PERSON, NORP) else "OTHER"


def resolve_actors(rows: Sequence[EntityRow]) -> list[list[int]]:
    """The groups of row indexes that are one actor."""
    uf = _UnionFind(len(rows))
    _join_places_and_organisations(rows, uf)
    _join_people(rows, uf)
    return uf.groups()


def _join_on_keys(uf: _UnionFind, keyed: Iterable[tuple[int, str]]) -> None:
    first: dict[str, int] = {}
    for i, key in keyed:
        if key in first:
            uf.union(first[key], i)
        else:
            first[key] = i


def _join_places_and_organisations(rows: Sequence[EntityRow], uf: _UnionFind) -> None:
    keyed = []
    for i, r in enumerate(rows):
        cls = _type_class(r.type)
        if cls == PERSON:
            continue
        for alias in (r.name, *r.aliases):
            key = place_key(alias) if cls == "OTHER" else name_key(alias)
            if key:
                keyed.append((i, f"{cls}:{key}"))
    _join_on_keys(uf, keyed)


def _join_people(rows: Sequence[EntityRow], uf: _UnionFind) -> None:
    people = [i for i, r in enumerate(rows) if r.type == PERSON]
    full: dict[int, set[str]] = {}
    bare: dict[int, str] = {}
    standing: dict[int, tuple[str, str]] = {}
    for i in people:
        role = role_standing_for_person(rows[i].name)
        if role:
            standing[i] = role
            continue
        keys = {person_key(a) for a in (rows[i].name, *rows[i].aliases)}
        multi = {k for k in keys if " " in k}
        if multi:
            full[i] = multi
        elif keys:
            bare[i] = min(keys, key=len)
    _join_on_keys(uf, ((i, k) for i, ks in full.items() for k in ks))
    clusters_by_surname: dict[str, set[int]] = defaultdict(set)
    for i, ks in full.items():
        for k in ks:
            clusters_by_surname[k.rsplit(" ", 1)[1]].add(uf.find(i))
    roles_of_cluster: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for i in people:
        roles_of_cluster[uf.find(i)] |= role_keys(rows[i])
    unjoined = []
    for i, surname in bare.items():
        candidates = clusters_by_surname.get(surname, set())
        if len(candidates) > 1:  # a shared surname: only a shared role decides
            mine = role_keys(rows[i])
            candidates = {c for c in candidates if roles_of_cluster[c] & mine}
        if len(candidates) == 1:
            target = next(iter(candidates))
            roles_of_cluster[target] |= role_keys(rows[i])
            uf.union(target, i)
        else:
            unjoined.append((i, f"bare:{surname}"))
    # The bare surnames left over are one actor per surname: nothing tells them apart.
    _join_on_keys(uf, unjoined)
    _join_role_stand_ins(standing, roles_of_cluster, uf)


def _join_role_stand_ins(standing: dict[int, tuple[str, str]], roles_of_cluster: dict[int, set[tuple[str, str]]],
                         uf: _UnionFind) -> None:
    holders: dict[tuple[str, str], set[int]] = defaultdict(set)
    for cluster, roles in roles_of_cluster.items():
        for role in roles:
            holders[role].add(uf.find(cluster))
    for i, role in standing.items():
        found = holders.get(role, set())
        if len(found) == 1:
            uf.union(next(iter(found)), i)


def actor_name(rows: Sequence[EntityRow]) -> str:
    """The name an actor goes by: its country's name, else the fullest name most articles use."""
    if _type_class(rows[0].type) == "OTHER":
        for r in rows:
            country = country_named(r.name)
            if country:
                return country.name
    names = Counter(r.name for r in rows if role_standing_for_person(r.name) is None) or Counter(r.name for r in rows)
    return max(names, key=lambda n: (" " in n.strip() if rows[0].type == PERSON else 0, names[n], len(n)))


def actor_type(rows: Sequence[EntityRow]) -> str:
    """The type most of an actor's entities have."""
    return Counter(r.type for r in rows).most_common(1)[0][0]


def parse_day(value: str | None) -> date | None:
    """The day of a ``YYYY-MM-DD...`` value, None for a partial or missing date."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def same_happening(a: EventRow, b: EventRow) -> bool:
    """Whether two event mentions report the same happening (type, participants, date)."""
    if a.type != b.type or (a.negated, a.hypothetical) != (b.negated, b.hypothetical):
        return False
    shared = a.participants & b.participants
    if not shared or len(shared) < min(2, len(a.participants), len(b.participants)):
        return False
    if a.day and b.day:
        return abs((a.day - b.day).days) <= _EXACT_DAYS
    da, db = a.day or a.published, b.day or b.published
    return da is not None and db is not None and abs((da - db).days) <= _FALLBACK_DAYS


def resolve_events(rows: Sequence[EventRow]) -> list[list[int]]:
    """The groups of event-mention indexes that are one happening."""
    uf = _UnionFind(len(rows))
    by_actor: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        for actor in r.participants:
            by_actor[(r.type, actor)].append(i)
    far = date.max
    for members in by_actor.values():
        members.sort(key=lambda i: rows[i].day or rows[i].published or far)
        for n, i in enumerate(members):
            di = rows[i].day or rows[i].published
            for j in members[n + 1:]:
                dj = rows[j].day or rows[j].published
                if di and dj and (dj - di).days > _FALLBACK_DAYS:
                    break  # sorted by day: the rest are later still
                if same_happening(rows[i], rows[j]):
                    uf.union(i, j)
    return uf.groups()
