"""Bodies that speak: offices, ministries, embassies, and the statements they issue.

"The prime minister's office", "Peru's foreign ministry", "the British embassy",
"her office" become organisations (ORG) of their own, with ``speaks_for`` the
person or country whose body it is when the article says so (a possessive, "of
X", a demonym of a country it names). A body is made only where it acts: the
subject of a verb, or the author of a statement ("from", "by"). A later "the
ministry", "the foreign office", "his ministry" is the same body when its words fit.

A plain description of a named organisation ("the company", "the firm", "the
regulator") stands for the one named last before it, outside quotations; "the
union", "the commission" (any other noun) only for one whose name ends so.

A statement ("a statement from X", "In a statement, X said", "X's report")
stands for its author; a later "the statement", "according to the report" for
the author of the statement introduced before it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from newsgraph.analysis.entities.find import mention_index
from newsgraph.analysis.entities.names import country_of_demonym, name_key
from newsgraph.analysis.parsed import Parsed, Token
from newsgraph.analysis.references.offices import is_common_noun, same_office
from newsgraph.analysis.references.scope import SUBJECTS, quotation_of_tokens
from newsgraph.lexicon import words
from newsgraph.model import Entity, Span

_AUTHOR_PREPS = frozenset({"from", "by", "of"})
_LOOKBACK_SENTENCES = 4
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_GOVERNMENTS = frozenset({"government", "cabinet"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})


@dataclass(slots=True)
class Body:
    """A body being built: its words, whose it is, and the tokens that stand for it."""

    head: str  # the head noun's lemma: "ministry"
    modifiers: tuple[str, ...]  # "foreign", "interior"
    name: str
    owner: str | None
    tokens: list[int] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)


def _acts(parsed: Parsed, t: Token) -> bool:
    """True when a noun is a subject, an agent, or names whose statement or words they are."""
    toks = parsed.tokens
    if t.dep in SUBJECTS or t.dep == "poss":
        return True
    if t.dep == "pobj":
        prep = toks[t.head]
        if prep.text.lower() in ("from", "by"):
            return True
        if prep.text.lower() == "for" and toks[prep.head].lemma.lower() in _SPOKESPEOPLE:
            return True  # "a spokesman for the foreign ministry"
        if prep.text.lower() == "to" and prep.i > 0 and toks[prep.i - 1].text.lower() == "according":
            return True
    return False


def _owner_of(parsed: Parsed, t: Token, refers: Mapping[int, str], entities: Sequence[Entity],
              by_key: Mapping[str, str]) -> tuple[str | None, int]:
    """Whose body a body noun is (an entity id or None), and the first token of its words."""
    first = t.i
    owner = None
    for c in parsed.children(t.i):
        if c.dep == "poss":
            first = min(first, parsed.subtree(c.i)[0])
            owner = refers.get(c.i) or _holder(parsed, c, entities)
        elif c.dep in ("amod", "compound") and c.i < t.i:
            country = country_of_demonym(c.text)
            if country is not None:
                owner = by_key.get(name_key(country.name), owner)
            lo, hi = parsed.subtree(c.i)
            # "the Hamas-run health ministry": the body of the one who runs it
            named = next((refers[k] for k in range(lo, hi) if k in refers and k != t.i), None)
            owner = owner or named
            first = min(first, lo)
        elif c.dep == "prep" and c.text.lower() == "of" and c.i > t.i:
            obj = next((g for g in parsed.children(c.i) if g.dep == "pobj"), None)
            if obj is not None:
                appos = next((g.i for g in parsed.children(obj.i) if g.dep == "appos" and g.i in refers), None)
                owner = refers.get(appos) if appos is not None \
                    else (refers.get(obj.i) or _holder(parsed, obj, entities))
    return owner, first


def _holder(parsed: Parsed, t: Token, entities: Sequence[Entity]) -> str | None:
    """The one person holding the office a noun names ("the prime minister's", "the commissioner's")."""
    if t.pos != "NOUN":
        return None
    title = " ".join(parsed.tokens[k].text for k in range(parsed.subtree(t.i)[0], t.i + 1)
                     if parsed.tokens[k].pos in ("NOUN", "ADJ"))
    found = {e.id for e in entities if e.type == "PERSON" and any(same_office(title, r.title) for r in e.roles)}
    return next(iter(found)) if len(found) == 1 else None


def _name(parsed: Parsed, t: Token, first: int, owner: str | None, by_id: Mapping[str, Entity]) -> str:
    """The body's name: its words without the article ("prime minister's office"), or "office of X"."""
    toks = parsed.tokens
    words_ = [toks[k] for k in range(first, t.i + 1)]
    # "the territory's Hamas-run health ministry": a possessive common noun before other words drops out
    poss = [c for c in parsed.children(t.i) if c.dep == "poss" and c.pos == "NOUN"]
    if poss and any(c.dep in ("amod", "compound") for c in parsed.children(t.i)):
        end = poss[0].i + (1 if poss[0].i + 1 < t.i and toks[poss[0].i + 1].tag == "POS" else 0)
        words_ = [w for w in words_ if w.i > end]
    while words_ and (words_[0].text.lower() in ("the", "a", "an") or words_[0].text.lower() in _POSSESSIVE_PRONOUNS):
        words_ = words_[1:]
    text = "".join(w.text + (" " if w.space else "") for w in words_).strip()
    if (text == t.text or text.lower() == t.lemma.lower()) and owner is not None and owner in by_id:
        return f"{t.lemma.lower()} of {by_id[owner].name}"
    return text


def bodies(parsed: Parsed, entities: tuple[Entity, ...],
           refers: Mapping[int, str]) -> tuple[list[Body], dict[int, int]]:
    """The bodies of the text, and body-noun token -> index in that list."""
    index = mention_index(entities, parsed)
    by_id = {e.id: e for e in entities}
    by_key = {name_key(a): e.id for e in entities if e.type == "GPE" for a in (e.name, *e.aliases)}
    heads = words("references/bodies")
    out: list[Body] = []
    at: dict[int, int] = {}
    for t in parsed.tokens:
        if not is_common_noun(t) or t.lemma.lower() not in heads or t.i in index or t.i in refers:
            continue
        owner, first = _owner_of(parsed, t, refers, entities, by_key)
        modifiers = tuple(parsed.tokens[k].text.lower() for k in range(first, t.i)
                          if parsed.tokens[k].dep in ("compound", "amod"))
        lemma = t.lemma.lower()
        same = _earlier(out, lemma, modifiers, owner, entities)
        bare = first == t.i or all(parsed.tokens[k].text.lower() in _POSSESSIVE_PRONOUNS for k in range(first, t.i))
        if same is None and (not _acts(parsed, t) or (bare and owner is None)):
            continue
        span = Span(parsed.tokens[first].start, t.end)
        if same is None:
            name = _name(parsed, t, first, owner, by_id)
            out.append(Body(head=lemma, modifiers=modifiers, name=name, owner=owner))
            same = len(out) - 1
        body = out[same]
        body.owner = body.owner or owner
        body.tokens.append(t.i)
        body.spans.append(span)
        if not bare:
            body.aliases.add(_name(parsed, t, first, None, by_id))
        if body.owner is not None and body.owner in by_id:
            body.aliases.add(f"{lemma} of {by_id[body.owner].name}")
        if modifiers and not any(parsed.tokens[k].dep == "poss" for k in range(first, t.i)):
            body.aliases.add(" ".join((*modifiers, lemma)))
        at[t.i] = same
    return out, at


def _earlier(out: Sequence[Body], lemma: str, modifiers: tuple[str, ...], owner: str | None,
             entities: Sequence[Entity]) -> int | None:
    """The body already seen that these words name again: same head, fitting words, the same owner."""
    countries = _countries_of(entities, owner)
    for k in range(len(out) - 1, -1, -1):
        b = out[k]
        if b.head != lemma:
            continue
        if owner is not None and b.owner is not None and b.owner != owner and b.owner not in countries:
            continue
        if set(modifiers) <= set(b.modifiers) or (owner is not None and (b.owner == owner or b.owner in countries)):
            return k
    return None


def _countries_of(entities: Sequence[Entity], person: str | None) -> set[str]:
    """The countries and bodies a person's roles are of ("Switzerland" of its foreign minister)."""
    return {r.of for e in entities if e.id == person for r in e.roles if r.of is not None}


def described_organisations(parsed: Parsed, entities: tuple[Entity, ...],
                            refers: Mapping[int, str]) -> dict[int, str]:
    """ "the company", "the regulator", "the union": token -> the organisation named last before it."""
    generic = words("references/org_nouns")
    commercial = words("references/firms")
    quoted = quotation_of_tokens(parsed)
    orgs = [e for e in entities if e.type == "ORG"]
    mentions = sorted((m.start, e.id) for e in orgs for m in e.mentions)
    out: dict[int, str] = {}
    toks = parsed.tokens
    for t in toks:
        lemma = t.lemma.lower()
        if not is_common_noun(t) or t.i in refers:
            continue
        kids = list(parsed.children(t.i))
        compounds = [c.i for c in kids if c.dep == "compound" and c.i < t.i and c.text.islower()]
        if not any(c.dep == "det" and c.text.lower() == "the" for c in kids) \
                or any(c.dep in ("amod", "poss") or (c.dep == "compound" and c.i not in compounds) for c in kids):
            continue
        # "the coast guard" after "the Hellenic Coast Guard": the last words of its name
        phrase = [toks[k].text.lower() for k in (*compounds, t.i)]
        # "the commission" after "the Malawi Electoral Commission": a noun that ends a name named before
        by_end = not compounds and lemma not in generic
        if by_end and not any(name_key(a).split()[-1:] == phrase for e in orgs for a in (e.name, *e.aliases)):
            continue
        # a name's last words reach back over the whole article; "the company" only a few sentences
        lo = parsed.sentences[max(0, t.sent - _LOOKBACK_SENTENCES)].start if not (compounds or by_end) else 0
        for start, eid in reversed(mentions):
            if start >= t.start or start < lo:
                continue
            k = parsed.token_at(start)
            if k is None or quoted[k] >= 0:
                continue
            e = next(x for x in orgs if x.id == eid)
            ends = any(name_key(a).split()[-len(phrase):] == phrase for a in (e.name, *e.aliases))
            if not ends and lemma in commercial and _public(e):
                continue  # "the company" is not the White House named before it
            if ends or (lemma in generic and not compounds):
                out[t.i] = eid
                break
            if not (compounds or by_end):
                break
    return out


def country_governments(parsed: Parsed, entities: tuple[Entity, ...], refers: Mapping[int, str]) -> dict[int, str]:
    """ "Norway's government", "the Chilean government", then "the government": token -> the country, when the
    article names it."""
    countries = {e.id for e in entities if e.type == "GPE"}
    by_key = {name_key(a): e.id for e in entities if e.type == "GPE" for a in (e.name, *e.aliases)}
    out: dict[int, str] = {}
    last: str | None = None  # "the government" after "Norway's government": Norway's still
    for t in parsed.tokens:
        if not is_common_noun(t) or t.lemma.lower() not in _GOVERNMENTS or t.i in refers:
            continue
        kids = list(parsed.children(t.i))
        for c in kids:
            if c.dep == "poss" and refers.get(c.i) in countries:
                out[t.i] = refers[c.i]
            elif c.dep == "amod" and c.i < t.i:
                country = country_of_demonym(c.text)
                if country is not None and name_key(country.name) in by_key:
                    out[t.i] = by_key[name_key(country.name)]
        if t.i in out:
            last = out[t.i]
        elif last is not None and [c.text.lower() for c in kids] == ["the"]:
            out[t.i] = last
    return out


def _public(e: Entity) -> bool:
    """True for a public body's name ("White House", "Ministry of Defence", "Labour Party"): not a firm."""
    public = words("references/public_bodies")
    return any(w in public for a in (e.name, *e.aliases) for w in name_key(a).split())


def statement_authors(parsed: Parsed, refers: Mapping[int, str]) -> dict[int, str]:
    """ "a statement from X", "In a statement, X said", "the statement" later: token -> its author."""
    nouns = words("references/statements")
    toks = parsed.tokens
    out: dict[int, str] = {}
    last: dict[str, str] = {}
    last_any: str | None = None
    for t in toks:
        lemma = t.lemma.lower()
        if not is_common_noun(t) or lemma not in nouns or t.i in refers:
            continue
        author = _author(parsed, t, refers)
        if author is None and any(c.dep == "det" and c.text.lower() == "the" for c in parsed.children(t.i)):
            author = last.get(lemma, last_any if lemma == "statement" else None)
        if author is None:
            continue
        out[t.i] = author
        last[lemma] = author
        last_any = author
    return out


def _author(parsed: Parsed, t: Token, refers: Mapping[int, str]) -> str | None:
    """Who issued a statement: "its"/"X's", "from X", "by X", or the subject of "In a statement, X said"."""
    toks = parsed.tokens
    prep = toks[t.head]
    if t.dep == "pobj" and prep.text.lower() == "in" and prep.head != prep.i:
        verb = prep.head
        subj = next((c.i for c in parsed.children(verb) if c.dep in SUBJECTS), None)
        if subj is not None and subj in refers:
            return refers[subj]
    for c in parsed.children(t.i):
        if c.dep == "poss" and c.i in refers:
            return refers[c.i]
        if c.dep == "prep" and c.text.lower() in _AUTHOR_PREPS:
            obj = next((g.i for g in parsed.children(c.i) if g.dep == "pobj"), None)
            if obj is not None and obj in refers:
                return refers[obj]
    return None


__all__ = ["Body", "bodies", "country_governments", "described_organisations", "statement_authors"]
