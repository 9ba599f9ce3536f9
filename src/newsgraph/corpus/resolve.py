"""Across articles: which per-article entities are one actor, which event mentions are one happening.

Pure functions over small rows read from the store, so the whole corpus is
re-resolved in one pass after each ingest (order of ingestion does not matter).

Actors: per-article entities already group "Putin" with "Vladimir Putin". Here
entities join when they share a full name (two or more words, honorifics and
initials aside) or, for places and organisations, any alias or the same country.
A bare surname ("Zelensky", "Mr Zelensky") joins the one full name in the corpus
that ends with it; when several people share the surname it joins only the one
whose role it shares ("president" of the same country), otherwise it stays apart.
A name of one word after a style of peerage, the judiciary or royalty ("Lord Walker",
"Lord Justice May", "Prince Charles") or before a regnal number ("Charles I") is no
bare surname: it is keyed whole and offers no surname to others.
A role standing for a person ("Ukraine's president") joins the one actor holding
that role.

Events: mentions of the same PLOVER type or a neighbour of it (outlets code one happening
as CONCEDE or RETREAT, COERCE or ASSAULT), sharing their participants, with dates that
agree at the precision each gives ("on Friday" and "in August"; a day or two apart for
two days; the article's date where a mention gives none) are one event. Each mention
keeps its own coding; the merged event takes the type most mentions give.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from newsgraph.analysis.entities.names import country_named, fold, name_key
from newsgraph.lexicon import words

PERSON, NORP = "PERSON", "NORP"
# a party an article names by description ("police", "protesters"): one actor in its own article only, never
# joined to another article's by its words ("police" in two articles are two forces, "protesters" two crowds)
GROUP = "GROUP"
_INITIAL = re.compile(r"^[a-z]\.?$")
_POSSESSIVE_END = re.compile(r"'[sS]?$")
_TRANSLITERATED_END = re.compile(r"(?:iy|yy|yi)$")
_ROLE_OF = re.compile(r"^(?P<of>.+?)'s? (?P<title>[a-z][a-z \-]*)$")
_TITLE_OF = re.compile(r"^(?P<title>[a-z][a-z \-]*?) of (?:the )?(?P<of>.+)$")
_EXACT_DAYS, _FALLBACK_DAYS = 1, 2
_MIN_COMPANY = 2  # actors named beside a bare surname that must also stand beside the full name


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
    value: str | None = None  # the event's own date as the article gave it, partial ("2025-08") included
    sources: frozenset[int] = frozenset()  # the participants on the source side
    targets: frozenset[int] = frozenset()  # and on the target side


# PLOVER categories outlets confuse for one happening: yielding (CONCEDE, RETREAT), force (COERCE,
# ASSAULT), giving in (CONCEDE, AGREE), sending (AID, MOBILIZE), answering (REJECT, REQUEST)
NEIGHBOURS = frozenset(frozenset(p) for p in (("CONCEDE", "RETREAT"), ("COERCE", "ASSAULT"), ("CONCEDE", "AGREE"),
                                               ("AID", "MOBILIZE"), ("REJECT", "REQUEST"), ("THREATEN", "PROTEST")))
_PARTIAL_WINDOW = 7  # days between two articles' dates for a month or a week to be told of the same happening


def same_kind(a: str, b: str) -> bool:
    """True for one PLOVER type, or two that outlets give one happening."""
    return a == b or frozenset((a, b)) in NEIGHBOURS


def _partial_fits(value: str, day: date) -> bool:
    """True when a month, a year or an ISO week ("2025-08", "2025", "2025-W33") holds the day."""
    if "W" in value:
        year, week, _ = day.isocalendar()
        return value[:8] == f"{year}-W{week:02d}"
    return day.isoformat().startswith(value[:7] if len(value) >= 7 else value[:4])


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


@lru_cache(maxsize=1 << 16)  # names repeat across a corpus; the rules are pure
def spelling_key(word: str) -> str:
    """A word as outlets' spellings of one name share it: no accents, "-iy"/"-yy" endings as "-y".

    "Zelensky", "Zelenskyy" and "Zelenskiy" are one man in three style guides; "Élysée"
    and "Elysee" one palace.
    """
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return _TRANSLITERATED_END.sub("y", plain) if len(plain) > 4 else plain  # "Yi" is a name, not an ending


@lru_cache(maxsize=1 << 16)  # names repeat across a corpus; the rules are pure
def person_key(text: str) -> str:
    """A person's name as compared across articles: folded, no honorific or leading title, no initials.

    Two exceptions keep a name of one word from reading as a bare surname: a style of peerage, the
    judiciary or royalty stays ("Lord Walker" -> "lord walker", "Lord Justice May" -> "justice may",
    "Prince Charles" -> "prince charles"), and so does a regnal number ("Charles I" -> "charles i").
    """
    styled = _styled_key(text)
    if styled:
        return styled
    tokens = name_key(text).replace("-", " - ").split()
    titles, honorifics = words("entities/titles"), words("entities/honorifics")
    while len(tokens) > 1 and (tokens[0] in titles or tokens[0] in honorifics):
        tokens = tokens[1:]
    regnal = len(tokens) > 1 and _is_regnal(text, tokens[-1])
    kept = [spelling_key(t) for j, t in enumerate(tokens)
            if not _INITIAL.match(t) or (regnal and j == len(tokens) - 1)] or tokens
    return " ".join(kept).replace(" - ", "-")


def _is_regnal(text: str, last: str) -> bool:
    """Whether the name ends in a sovereign's number written in capitals ("Charles I", "Henry VIII")."""
    written = _POSSESSIVE_END.sub("", fold(text).split()[-1])
    return last in words("corpus/regnal_numerals") and written.isupper()


def _styled_key(text: str) -> str | None:
    """ "lord walker" for "Lord Walker" or "Lord Walker of Gestingthorpe" (one word after a style of peerage,
    the judiciary or royalty), else None."""
    tokens = fold(text).casefold().split()
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    titles, honorifics, styles = words("entities/titles"), words("entities/honorifics"), words("corpus/styles")
    lead = 0
    while lead < len(tokens) and (tokens[lead] in titles or tokens[lead] in honorifics or tokens[lead] in styles):
        lead += 1
    style = [t for t in tokens[:lead] if t in styles]
    rest = tokens[lead:]
    if len(rest) > 2 and rest[1] == "of":  # a peer's territorial designation: "Lord Walker of Gestingthorpe"
        rest = rest[:1]
    if not style or len(rest) != 1:
        return None
    last = name_key(rest[0])
    if not last or _INITIAL.match(last):
        return None
    return f"{style[-1]} {spelling_key(last)}"


def surname_of(key: str) -> str | None:
    """The surname a person's key offers bare surnames elsewhere; None for a styled or numbered name."""
    tokens = key.split()
    if len(tokens) < 2 or (len(tokens) == 2 and tokens[0] in words("corpus/styles")) \
            or tokens[-1] in words("corpus/regnal_numerals"):
        return None
    return tokens[-1]


@lru_cache(maxsize=1 << 16)  # names repeat across a corpus; the rules are pure
def role_title_key(title: str) -> str:
    """The office a role names ("Trump's special envoy" -> "special envoy", "head of X's fund" -> "head")."""
    text = fold(title).casefold()
    text = text.split(" of ", 1)[0]
    if "'s " in text:
        text = text.rsplit("'s ", 1)[1]
    tokens = text.split()
    titles = words("entities/titles")
    for n in (3, 2, 1):  # the longest title inside wins: "deputy prime minister" over "minister"
        for i in range(len(tokens) - n, -1, -1):
            cand = " ".join(tokens[i:i + n])
            if cand in titles:
                return cand
    return " ".join(tokens[-1:])


@lru_cache(maxsize=1 << 16)  # names repeat across a corpus; the rules are pure
def place_key(text: str) -> str:
    """A place's or organisation's key: the country's code for a country, else its folded name."""
    country = country_named(text)
    return f"={country.alpha3}" if country else spelling_key(name_key(text))


def role_keys(row: EntityRow) -> frozenset[tuple[str, str]]:
    """The (office, of-whom) pairs of an entity's roles that name whom they are of."""
    return frozenset((role_title_key(t), place_key(of)) for t, of in row.roles if of)


@lru_cache(maxsize=1 << 16)  # names repeat across a corpus; the rules are pure
def role_standing_for_person(name: str) -> tuple[str, str] | None:
    """("president", "=UKR") when a name is a role such as "Ukraine's president"; else None."""
    text = fold(name).casefold()
    if text.startswith("the "):
        text = text[4:]
    for pattern in (_ROLE_OF, _TITLE_OF):
        m = pattern.match(text)
        if m:
            title = role_title_key(m["title"])
            if title in words("entities/titles"):
                return title, place_key(m["of"])
    return None


def _type_class(type_: str) -> str:
    return type_ if type_ in (PERSON, NORP, GROUP) else "OTHER"


# The keys (``person_key`` of a person's name, ``place_key`` of any other) of every entity of each of these articles.
KeysOf = Callable[[Sequence[str]], dict[str, set[str]]]


def article_keys(entities: Iterable[tuple[str, str, str]]) -> dict[str, set[str]]:
    """The keys of each article's entities, from (doc_id, name, type) rows: the company a bare surname keeps."""
    out: dict[str, set[str]] = defaultdict(set)
    for doc_id, name, type_ in entities:
        if type_ != GROUP:
            out[doc_id].add(person_key(name) if type_ == PERSON else place_key(name))
    return out


def resolve_actors(rows: Sequence[EntityRow], keys_of: KeysOf | None = None) -> list[list[int]]:
    """The groups of row indexes that are one actor.

    ``keys_of``: where the company of an article is read when ``rows`` do not hold all of its
    entities (an ingest resolves the new articles against a few looked-up actors); by default
    the rows are the whole of their articles.
    """
    uf = _UnionFind(len(rows))
    _join_places_and_organisations(rows, uf)
    _join_people(rows, uf, keys_of)
    return uf.groups()


def _join_mistyped(rows: Sequence[EntityRow], full: dict[int, set[str]], uf: _UnionFind) -> None:
    """Join a person's name to the same name typed as an organisation or place in other articles.

    The model types "Bernie Ebbers" (or "Yukos") an ORG in one article and a PERSON in
    the next. A full name is specific enough to be one referent either way; so is a
    single word that is no known person's surname. ``actor_type`` then takes the vote.
    """
    by_key: dict[str, int] = {}
    for i, r in enumerate(rows):
        if _type_class(r.type) == "OTHER":
            for alias in (r.name, *r.aliases):
                by_key.setdefault(person_key(alias), i)
    for i, keys in full.items():
        for k in keys:
            if k in by_key:
                uf.union(by_key[k], i)


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
            key = place_key(alias) if cls in ("OTHER", GROUP) else name_key(alias)
            if key:
                keyed.append((i, f"{cls}:{r.doc_id}:{key}" if cls == GROUP else f"{cls}:{key}"))
    _join_on_keys(uf, keyed)


def _join_people(rows: Sequence[EntityRow], uf: _UnionFind, keys_of: KeysOf | None = None) -> None:
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
            if (surname := surname_of(k)) is not None:
                clusters_by_surname[surname].add(uf.find(i))
    roles_of_cluster: dict[int, set[tuple[str, str]]] = defaultdict(set)
    for i in people:
        roles_of_cluster[uf.find(i)] |= role_keys(rows[i])
    unjoined = []
    company = _Company(rows, uf, full, keys_of)
    for i, surname in bare.items():
        candidates = clusters_by_surname.get(surname, set())
        if len(candidates) > 1:  # a shared surname: a shared role decides, else the company it keeps
            mine = role_keys(rows[i])
            by_role = {c for c in candidates if roles_of_cluster[c] & mine}
            candidates = by_role if len(by_role) == 1 else company.best(i, candidates)
        if len(candidates) == 1:
            target = next(iter(candidates))
            roles_of_cluster[target] |= role_keys(rows[i])
            uf.union(target, i)
        else:
            unjoined.append((i, f"bare:{surname}"))
    # The bare surnames left over are one actor per surname: nothing tells them apart.
    _join_on_keys(uf, unjoined)
    orphans = {i: {s} for i, s in bare.items() if not clusters_by_surname.get(s)}
    _join_mistyped(rows, {**full, **orphans}, uf)
    _join_role_stand_ins(standing, roles_of_cluster, uf)


class _Company:
    """Who else the articles name: "Blair" beside Labour and Gordon Brown is Tony, not Cherie."""

    def __init__(self, rows: Sequence[EntityRow], uf: _UnionFind, full: dict[int, set[str]],
                 keys_of: KeysOf | None = None) -> None:
        self.rows, self.uf, self.keys_of = rows, uf, keys_of
        self.doc_keys: dict[str, set[str]] = {}
        if keys_of is None:
            self.doc_keys = article_keys((r.doc_id, r.name, r.type) for r in rows)
        self.docs_of: dict[int, set[str]] = defaultdict(set)
        for i in full:
            self.docs_of[uf.find(i)].add(rows[i].doc_id)
        self.seen: dict[int, set[str]] = {}

    def _keys(self, docs: Iterable[str]) -> list[set[str]]:
        """The company of each of these articles, read (once) where ``keys_of`` reads it."""
        wanted = sorted(set(docs))
        missing = [d for d in wanted if d not in self.doc_keys]
        if missing and self.keys_of is not None:
            found = self.keys_of(missing)
            self.doc_keys.update({d: found.get(d, set()) for d in missing})
        return [self.doc_keys.get(d, set()) for d in wanted]

    def _company_of(self, cluster: int) -> set[str]:
        if cluster not in self.seen:
            self.seen[cluster] = set().union(*self._keys(self.docs_of.get(cluster, ())))
        return self.seen[cluster]

    def best(self, i: int, candidates: set[int]) -> set[int]:
        """The one candidate whose articles name clearly more of the same actors; else none."""
        mine = self._keys([self.rows[i].doc_id])[0] - {person_key(self.rows[i].name)}
        scores = sorted(((len(mine & self._company_of(c)), c) for c in candidates), reverse=True)
        best, runner_up = scores[0][0], scores[1][0] if len(scores) > 1 else 0
        return {scores[0][1]} if best >= _MIN_COMPANY and best >= 2 * runner_up else set()


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


def actor_name(rows: Sequence[EntityRow], weights: Sequence[int] | None = None) -> str:
    """The name an actor goes by: its country's name, else the fullest name most articles use.

    ``weights``: how many entities each row stands for (one each when not given).
    """
    if _type_class(rows[0].type) == "OTHER":
        for r in rows:
            country = country_named(r.name)
            if country:
                return country.name
    w = weights or [1] * len(rows)
    names: Counter[str] = Counter()
    for r, n in zip(rows, w, strict=True):
        if role_standing_for_person(r.name) is None:
            names[r.name] += n
    if not names:
        for r, n in zip(rows, w, strict=True):
            names[r.name] += n
    return max(names, key=lambda n: (" " in n.strip() if rows[0].type == PERSON else 0, names[n], len(n)))


def actor_type(rows: Sequence[EntityRow], weights: Sequence[int] | None = None) -> str:
    """The type most of an actor's entities have (a person called "Mr X" somewhere counts thrice)."""
    votes: Counter[str] = Counter()
    honorifics = words("entities/honorifics")
    for r, n in zip(rows, weights or [1] * len(rows), strict=True):
        firsts = {fold(a).casefold().split()[0] for a in r.aliases if a.strip()}
        votes[r.type] += n * (3 if r.type == PERSON and firsts & honorifics else 1)
    return votes.most_common(1)[0][0]


def parse_day(value: str | None) -> date | None:
    """The day of a ``YYYY-MM-DD...`` value, None for a partial or missing date."""
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def same_happening(a: EventRow, b: EventRow) -> bool:
    """Whether an event mention can report the same happening as another: type (or a neighbour), flags,
    shared actors, and dates that agree at the precision each gives."""
    if not same_kind(a.type, b.type) or (a.negated, a.hypothetical) != (b.negated, b.hypothetical):
        return False
    if _answered(a, b):
        return False
    shared = a.participants & b.participants
    # Two shared actors, or the one actor a mention names ("Trump called"): one shared is not enough
    # when both name more ("Trump met Putin" is not "Trump met Lukashenko").
    if not (len(shared) >= 2 or (len(a.participants) == 1 and shared) or (len(b.participants) == 1 and shared)):
        return False
    if a.type != b.type and len(shared) < 2 and not (len(a.participants) == len(b.participants) == 1):
        return False  # a neighbouring type asks for the same parties, not one of several
    if a.day and b.day:
        return abs((a.day - b.day).days) <= _EXACT_DAYS
    if a.value and b.value and not (a.day or b.day) and ("W" in a.value) == ("W" in b.value) \
            and not (a.value.startswith(b.value[:7]) or b.value.startswith(a.value[:7])):
        return False  # two months, two weeks that differ
    for x, y in ((a, b), (b, a)):
        if y.value and not y.day:  # "in August", "this week" beside "on Friday", or beside an undated telling
            ref = x.day or x.published
            near = x.published is None or y.published is None \
                or abs((x.published - y.published).days) <= _PARTIAL_WINDOW
            return ref is not None and near and _partial_fits(y.value, ref)
    da, db = a.day or a.published, b.day or b.published
    return da is not None and db is not None and abs((da - db).days) <= _FALLBACK_DAYS


# Acts two parties do together, whichever of them an outlet names first ("X met Y", "Y met X", "X and Y
# signed"): one happening told from either side. Any other act has a direction
_MUTUAL = frozenset({"CONSULT", "COOPERATE", "AGREE", "SUPPORT"})


def _answered(a: EventRow, b: EventRow) -> bool:
    """True for a directed act and the same act done back ("X accused Y", "Y accused X"; threats, attacks,
    sanctions traded): two happenings, each answering the other, not one told from two sides."""
    if a.type in _MUTUAL or b.type in _MUTUAL:
        return False
    return bool(a.sources & b.targets) and bool(a.targets & b.sources) and not a.sources & b.sources


def resolve_events(rows: Sequence[EventRow]) -> list[list[int]]:
    """The groups of event-mention indexes that are one happening.

    Greedy, the mentions naming most actors first: each later mention joins the one
    happening it fits; a mention that fits several ("Trump called", when he called two
    people that day) or none starts its own. Chains of weak likenesses never merge.
    """
    order = sorted(range(len(rows)), key=lambda i: (-len(rows[i].participants), i))
    groups: list[list[int]] = []
    by_actor: dict[int, list[int]] = defaultdict(list)  # actor -> groups
    for i in order:
        r = rows[i]
        candidates = {g for actor in r.participants for g in by_actor[actor]}
        fits = [g for g in candidates if same_happening(r, rows[groups[g][0]])]
        if len(fits) == 1:
            groups[fits[0]].append(i)
            continue
        groups.append([i])
        for actor in r.participants:
            by_actor[actor].append(len(groups) - 1)
    return groups


def merged_type(types: Sequence[str]) -> str:
    """The type of a merged event: the one most of its mentions give, the first on a tie."""
    counts = Counter(types)
    return max(counts, key=lambda t: (counts[t], -types.index(t)))
