"""People known by their office: "Norway's prime minister", "the Chilean leader", "the Kremlin's envoy".

A description is a title noun of the lexicon with a country or body marking whose
office it is (a possessive name, "Norway's"; a demonym, "Chilean"; "of Chile") and
no name of its own. It stands for the person the article names with that office, before or
after it: the one holder of a role with the same head ("leader" is held by a
president, a prime minister, a chancellor), of that country or of none named.
When no one, or more than one, holds it, a description that is the subject of its
sentence stands for the person named next as a subject, within two sentences (the
lead "Norway's prime minister has resigned", then "Ingrid Solheim, 58, handed ...").
Otherwise a description that is the subject of its sentence stays a described office: a person
of its own, named by the description, with the office as its role and ``of`` its country.

The person gets the description as a mention and as a role, with ``of`` the
country or body: quotes, events and roles all read it through ``refers_to``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from newsgraph.analysis.entities.find import mention_index
from newsgraph.analysis.entities.names import country_named, country_of_demonym, name_key
from newsgraph.analysis.parsed import Parsed, Token
from newsgraph.analysis.references.scope import SUBJECTS, quotation_of_tokens
from newsgraph.lexicon import words
from newsgraph.model import Entity, Role, Span

_FORWARD_SENTENCES = 2
_OWNER_TYPES = frozenset({"GPE", "ORG", "NORP"})


@dataclass(frozen=True, slots=True)
class Description:
    """An office named without its holder: the head token, the words, the title and whose office it is."""

    head: int
    first: int
    title: str  # "prime minister", "shipping minister", "leader"
    owner: str | None  # entity id of the country or body ("Norway", "the Kremlin")


def is_common_noun(t: Token) -> bool:
    """A singular common noun, or one the model tagged as a proper noun though written in lower case
    ("ministry" of "Peru's foreign ministry")."""
    return (t.pos == "NOUN" and t.tag == "NN") or (t.pos == "PROPN" and t.text.islower())


def _words(title: str) -> list[str]:
    """A title's words, lower-cased, without articles nor what follows "of" ("president" of "president of Chile")."""
    out: list[str] = []
    for w in title.lower().replace("\u2019", "'").replace(",", " ").split():
        if w in ("of", "at", "for", "to", "in") and out:
            break
        if w not in ("the", "a", "an"):
            out.append(w)
    return out


def same_office(description: str, role: str) -> bool:
    """True when a role is the described office: one title ends the other ("minister", "shipping minister"),
    or a head of government is called "leader"."""
    dw, rw = _words(description), _words(role)
    if not dw or not rw:
        return False
    n = min(len(dw), len(rw))
    if dw[-n:] == rw[-n:] and (n > 1 or len(dw) == 1 or len(rw) == 1):
        return True
    leaders = words("references/leaders")
    return dw[-1] == "leader" and (" ".join(rw[-2:]) in leaders or rw[-1] in leaders)


def descriptions(parsed: Parsed, entities: Sequence[Entity]) -> list[Description]:
    """Every office description of the text, in order."""
    index = mention_index(tuple(entities), parsed)
    by_id = {e.id: e for e in entities}
    by_key = {name_key(a): e.id for e in entities if e.type in _OWNER_TYPES for a in (e.name, *e.aliases)}
    titles = words("references/offices")
    out = []
    toks = parsed.tokens
    for t in toks:
        if not is_common_noun(t) or t.lemma.lower() not in titles or t.i in index:
            continue
        if t.dep == "compound" or (t.i + 1 < len(toks) and toks[t.i + 1].pos == "PROPN"):
            continue  # "Prime Minister Jonas Store", "the minister Nikos Daskalakis"
        kids = list(parsed.children(t.i))
        if any(c.dep in ("appos", "compound", "flat") and c.pos == "PROPN" for c in kids):
            continue
        if any(c.dep == "appos" and c.i in index for c in kids):
            continue  # "the country's president, Aleksandar Jovic": the roles layer's
        owner, first = None, t.i
        for c in kids:
            if c.dep == "poss" and c.i in index and by_id[index[c.i]].type in _OWNER_TYPES:
                owner, first = index[c.i], min(first, parsed.subtree(c.i)[0])
            elif c.dep == "poss" and country_named(c.text) is not None:
                owner, first = "", min(first, parsed.subtree(c.i)[0])  # a country the model did not tag
            elif c.dep == "prep" and c.text.lower() == "of" and c.i == t.i + 1:
                # "the president of Chile", "the head of Nato"
                obj = next((g.i for g in parsed.children(c.i) if g.dep == "pobj"), None)
                if obj is not None and obj in index and by_id[index[obj]].type in _OWNER_TYPES:
                    owner = index[obj]
            elif c.dep == "amod" and c.i < t.i:
                country = country_of_demonym(c.text)
                if country is not None:
                    owner = by_key.get(name_key(country.name)) or owner
                    first = min(first, c.i)
                    if owner is None:
                        owner = ""  # a country the article does not name: still a description
        if owner is None:
            continue
        words_ = [toks[k].text for k in range(first, t.i + 1)
                  if (toks[k].dep in ("compound", "amod") and toks[k].pos == "NOUN") or k == t.i
                  or (toks[k].dep == "amod" and toks[k].text.islower())]
        title = " ".join(w.lower() for w in words_)
        out.append(Description(head=t.i, first=first, title=title, owner=owner or None))
    return out


def _holders(entities: Sequence[Entity], d: Description, types: Mapping[str, str]) -> list[str]:
    """The people holding the described office: the same head, of the same country or of none."""
    found: list[str] = []
    exact: list[str] = []
    for e in entities:
        if e.type != "PERSON":
            continue
        for r in e.roles:
            if not same_office(d.title, r.title):
                continue
            if r.of is not None and d.owner is not None and r.of != d.owner \
                    and types.get(r.of) == "GPE" and types.get(d.owner) == "GPE":
                continue  # another country's prime minister
            if e.id not in found:
                found.append(e.id)
            if r.of is not None and r.of == d.owner and e.id not in exact:
                exact.append(e.id)
    return exact if len(exact) == 1 else found


def _named_next(parsed: Parsed, d: Description, people: Mapping[int, str], quoted: Sequence[int]) -> str | None:
    """The first person named as a subject after a description that is itself a subject."""
    toks = parsed.tokens
    t = toks[d.head]
    sent = parsed.sentences[t.sent]
    # a subject, or the first words of the sentence ("GENEVA, Sept 24 - The Kremlin's envoy ... arrived")
    opening = not any(toks[k].pos in ("VERB", "AUX") for k in range(sent.first, d.head))
    if (t.dep not in SUBJECTS and not opening) or quoted[d.head] >= 0:
        return None
    last_sent = t.sent + _FORWARD_SENTENCES
    for k in range(d.head + 1, len(toks)):
        if toks[k].sent > last_sent:
            break
        if k not in people or quoted[k] >= 0:
            continue
        m = toks[k]
        # the head of the name: its last word, a subject or in apposition to one
        while m.dep in ("compound", "flat") and m.head != m.i:
            m = toks[m.head]
        if m.dep in SUBJECTS or (m.dep == "appos" and toks[m.head].dep in SUBJECTS):
            return people[k]
    return None


def officeholders(parsed: Parsed, entities: tuple[Entity, ...]) -> tuple[tuple[Entity, ...], dict[int, str]]:
    """The entities with the described offices added to their holders, and description head -> holder id."""
    people = {k: eid for k, eid in mention_index(entities, parsed).items()
              if any(e.id == eid and e.type == "PERSON" for e in entities)}
    types = {e.id: e.type for e in entities}
    quoted = quotation_of_tokens(parsed)
    current = list(entities)
    out: dict[int, str] = {}
    for d in descriptions(parsed, entities):
        holders = _holders(current, d, types)
        who = holders[0] if len(holders) == 1 else _named_next(parsed, d, people, quoted)
        start, end = parsed.tokens[d.first].start, parsed.tokens[d.head].end
        # the mention is the office's words, not the country's ("prime minister" of "Norway's prime minister")
        words_start = min([c.i for c in parsed.children(d.head) if c.dep in ("compound", "amod") and c.i >= d.first
                           and c.text.islower()] + [d.head])
        mention = Span(parsed.tokens[words_start].start, end)
        if who is None:
            definite = any(c.dep in ("det", "poss") and c.text.lower() not in ("a", "an")
                           for c in parsed.children(d.head))
            if parsed.tokens[d.head].dep not in SUBJECTS or quoted[d.head] >= 0 or holders or not definite:
                continue  # "a senior British minister" is someone, not the office
            # no one named holds it: the office stays a person of its own, described and typed, with its country
            of = next((c.i for c in parsed.children(d.head) if c.dep == "prep" and c.i == d.head + 1), None)
            name = parsed.text[start:parsed.tokens[parsed.subtree(of)[1] - 1].end if of is not None else end]
            name = name[4:] if name.lower().startswith("the ") else name
            who = f"e{len(current) + 1}"
            # its mention is the whole description: as an actor it still shows its country ("Iran's minister")
            current.append(Entity(id=who, name=name, type="PERSON", aliases=(name,), mentions=(Span(start, end),),
                                  roles=(Role(title=d.title, start=start, end=end, of=d.owner),)))
            types[who] = "PERSON"
            out[d.head] = who
            continue
        out[d.head] = who
        for k, e in enumerate(current):
            if e.id != who:
                continue
            roles = e.roles
            if not any(r.title.lower() == d.title and r.of == d.owner for r in roles):
                roles = (*roles, Role(title=d.title, start=start, end=end, of=d.owner))
            mentions = tuple(sorted({*e.mentions, mention}, key=lambda s: (s.start, s.end)))
            current[k] = replace(e, roles=roles, mentions=mentions)
    return tuple(current), out


__all__ = ["Description", "descriptions", "is_common_noun", "officeholders", "same_office"]
