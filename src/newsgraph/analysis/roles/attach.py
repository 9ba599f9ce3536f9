"""Roles: what the article says a person is, linked to the organisation or country when named.

Read from the parse, for any article: appositions ("Kirill Dmitriev, head of the
fund"), titles before a name ("German Chancellor Olaf Scholz", "the author Simon
Shuster"), the name in apposition to a role ("Trump's special envoy, Steve
Witkoff"), "X of the Y" ("Maxim Trudolyubov of the Kennan Institute") and
copular sentences ("Lukashenko is the president of Belarus", "he became
minister").
"""

from __future__ import annotations

from dataclasses import replace

from newsgraph.analysis.context import Context
from newsgraph.analysis.entities.find import mention_index
from newsgraph.analysis.parsed import Parsed
from newsgraph.analysis.references.resolve import counterparts, pronoun_antecedents
from newsgraph.lexicon import words
from newsgraph.model import Entity, Role

_ROLE_PARTS = frozenset({"compound", "amod", "nmod", "poss", "case", "nummod", "quantmod", "advmod", "npadvmod"})
_ROLE_PREPS = frozenset({"of", "at", "for", "to", "with", "in", "on"})
_COPULAS = frozenset({"be", "become", "remain"})
_NAMING_VERBS = frozenset({"appoint", "name", "elect", "make", "nominate", "promote", "crown"})
_ASIDE_MARKS = frozenset({"–", "—", "(", ")", ",", ";"})
_ORDER = {"ORG": 0, "GPE": 1, "FAC": 2, "LOC": 3, "NORP": 4, "PERSON": 5}


def _role_range(parsed: Parsed, noun: int) -> tuple[int, int]:
    """The words of a role noun phrase: its modifiers and its "of ..." phrase, no article or clause."""
    toks = parsed.tokens
    lo = noun
    for child in parsed.children(noun):
        if child.i < noun and child.dep in _ROLE_PARTS:
            lo = min(lo, parsed.subtree(child.i)[0])
    hi = noun + 1
    for child in parsed.children(noun):
        if child.i > noun and child.dep == "prep" and child.text.lower() in _ROLE_PREPS:
            hi = max(hi, parsed.subtree(child.i)[1])
            break
    for k in range(lo, noun):  # an aside between dashes or brackets is no part of the title:
        if toks[k].text in _ASIDE_MARKS:  # "a second – and more surprising – interlocutor" is an interlocutor
            lo = k + 1
    while lo < noun and (toks[lo].pos in ("DET", "PUNCT") or toks[lo].text.lower() in ("a", "an", "the")):
        lo += 1
    while hi > noun + 1 and toks[hi - 1].pos == "PUNCT":
        hi -= 1
    return lo, hi


# endings of nouns for people ("journalist", "politician", "spokesman"); "-er"/"-or" name too many things
_PERSON_SUFFIXES = ("ist", "ian", "eer", "man", "woman", "person")


def _is_role_noun(parsed: Parsed, i: int) -> bool:
    """True for a noun that can say what a person is: a title, or a noun of a person's shape."""
    t = parsed.tokens[i]
    if t.pos not in ("NOUN", "PROPN"):
        return False
    lemma = t.lemma.lower()
    if lemma in words("entities/titles") or t.text.lower() in words("entities/titles"):
        return True
    return t.pos == "NOUN" and (lemma.endswith(_PERSON_SUFFIXES) or "-" in lemma)


def _of_entity(parsed: Parsed, lo: int, hi: int, index: dict[int, str], entities: dict[str, Entity],
               holder: str) -> str | None:
    # first mention first, so that a tie in type is broken by reading order, the same on every run
    found = dict.fromkeys(index[k] for k in range(lo, hi) if k in index and index[k] != holder)
    ranked = sorted(found, key=lambda e: _ORDER.get(entities[e].type, 9))
    return ranked[0] if ranked else None


def _roles_at(parsed: Parsed, root: int, first: int, last: int) -> list[tuple[int, int, int]]:
    """``(lo, hi, noun)`` of every role phrase attached to the name whose head token is ``root``."""
    toks = parsed.tokens
    found: list[tuple[int, int, int]] = []

    def add_noun(noun: int) -> None:
        if not _is_role_noun(parsed, noun):
            return
        lo, hi = _role_range(parsed, noun)
        found.append((lo, hi, noun))
        for c in parsed.children(noun):  # "head of X and a key go-between with Y"
            if c.dep == "conj" and _is_role_noun(parsed, c.i):
                lo2, hi2 = _role_range(parsed, c.i)
                found.append((lo2, hi2, c.i))

    for child in parsed.children(root):
        if child.dep == "appos":
            add_noun(child.i)
    me = toks[root]
    if me.dep == "appos" and me.head < first:
        head = toks[me.head]
        if _is_role_noun(parsed, head.i):
            lo, hi = _role_range(parsed, head.i)
            found.append((lo, min(hi, first), head.i))
    found += _comma_appositions(parsed, first, last)
    # the title before the name: "the author Simon Shuster", "German Chancellor Olaf Scholz"
    mods = [k for k in range(parsed.sentences[me.sent].first, first) if toks[k].head in range(first, last)
            and toks[k].sent == me.sent
            and toks[k].dep in ("compound", "amod", "nmod", "poss")]
    if mods:
        lo = min(parsed.subtree(k)[0] for k in mods)
        noun = first - 1
        if noun >= 0 and (toks[noun].pos == "NOUN" or toks[noun].text.lower() in words("entities/titles")):
            while lo < noun and toks[lo].pos in ("DET", "PUNCT"):
                lo += 1
            found.append((lo, first, noun))
    # a relative clause: "X, who is the mayor of Y", "X, who became minister in 2019"
    for child in parsed.children(root):
        if child.dep == "relcl" and child.lemma in _COPULAS and not _negated(parsed, child.i):
            for c in parsed.children(child.i):
                if c.dep == "attr" and _is_role_noun(parsed, c.i):
                    add_noun(c.i)
    # copula and naming verbs: "X is the president of Y", "X was appointed minister"
    if me.dep in ("nsubj", "nsubjpass"):
        verb = toks[me.head]
        if verb.lemma in _COPULAS or verb.lemma in _NAMING_VERBS:
            for c in parsed.children(verb.i):
                if c.dep in ("attr", "oprd") and _is_role_noun(parsed, c.i) and not _negated(parsed, verb.i):
                    add_noun(c.i)
    return found


def _comma_appositions(parsed: Parsed, first: int, last: int) -> list[tuple[int, int, int]]:
    """Appositions the parser missed: "the army chief, Gen X," and "X, the army chief," (titles only)."""
    toks = parsed.tokens
    found = []
    k = first - 2  # "<title>, <name>"
    if k >= 0 and toks[first - 1].text == "," and toks[k].pos == "NOUN" \
            and toks[k].lemma.lower() in words("entities/titles") \
            and toks[k].sent == toks[first].sent and toks[first].dep != "conj":
        lo, hi = _role_range(parsed, k)
        found.append((lo, min(hi, first - 1), k))
    elif k >= 0 and toks[first - 1].text == "," and toks[first].dep != "conj":
        # "the president of the Storting, Eva Lunde": a title with its "of" phrase before the comma
        for t in range(k - 1, max(k - 8, 0) - 1, -1):
            if toks[t].sent != toks[first].sent or toks[t].pos not in ("NOUN", "PROPN", "DET", "ADJ", "ADP"):
                break
            if toks[t].pos == "NOUN" and toks[t].lemma.lower() in words("entities/titles") \
                    and toks[t + 1].text.lower() == "of":
                found.append((_role_range(parsed, t)[0], first - 1, t))
                break
    j = last + 1  # "<name>, the <title>"
    if j + 1 < len(toks) and toks[last].text == "," and toks[j].pos == "DET" and toks[j].sent == toks[last - 1].sent:
        n = j + 1
        while n < len(toks) and toks[n].pos in ("ADJ", "NOUN", "PROPN") and toks[n].head != n \
                and toks[n].dep in ("compound", "amod"):
            n += 1
        if n < len(toks) and toks[n].pos == "NOUN" and toks[n].lemma.lower() in words("entities/titles"):
            lo, hi = _role_range(parsed, n)
            found.append((max(lo, j + 1), hi, n))
    return found


def _negated(parsed: Parsed, verb: int) -> bool:
    return any(c.dep == "neg" for c in parsed.children(verb))


def _affiliations(parsed: Parsed, root: int, index: dict[int, str], entities: dict[str, Entity],
                  holder: str) -> list[Role]:
    """ "Maxim Trudolyubov of the Kennan Institute": the organisation a person is with."""
    out = []
    for prep in parsed.children(root):
        if prep.dep != "prep" or prep.text.lower() not in ("of", "at", "from"):
            continue
        for obj in parsed.children(prep.i):
            ent = index.get(obj.i)
            if obj.dep == "pobj" and ent and ent != holder and entities[ent].type == "ORG":
                # "of the Washington-based Kennan Institute", without what follows the name
                out.append(Role(title=f"{prep.text.lower()} {entities[ent].name}",
                                start=prep.start, end=parsed.tokens[obj.i].end, of=ent))
    return out


def _office_of(parsed: Parsed, roles: list[Role]) -> list[Role]:
    """The office words of someone's roles ("president" of "the president of Belarus"), as roles of their own.

    What a counterpart shares is the office, not whom it is held for: the title is the office
    word(s) and the span points at them.
    """
    out = []
    for r in roles:
        toks = [parsed.tokens[k] for k in parsed.tokens_in(r.start, r.end)]
        if any(t.text.lower() in ("former", "ex", "ex-", "late", "acting") for t in toks):
            continue  # what they were, not what they are
        for n in (3, 2, 1):
            hit = next((toks[i:i + n] for i in range(len(toks) - n + 1)
                        if " ".join(t.text.lower() for t in toks[i:i + n]) in words("roles/offices")), None)
            if hit:
                out.append(Role(title=parsed.text[hit[0].start:hit[-1].end], start=hit[0].start, end=hit[-1].end))
                break
    return out


def attach_roles(ctx: Context) -> Context:
    """The context with each person's roles attached to its entity."""
    parsed = ctx.parsed
    index = mention_index(ctx.entities, parsed)
    by_id = {e.id: e for e in ctx.entities}
    roles: dict[str, dict[tuple[int, int], Role]] = {e.id: {} for e in ctx.entities}

    def collect(holder: str, root: int, first: int, last: int) -> None:
        for lo, hi, _noun in _roles_at(parsed, root, first, last):
            if lo >= hi or any(index.get(k) == holder for k in range(lo, hi)):
                continue
            start, end = parsed.tokens[lo].start, parsed.tokens[hi - 1].end
            of = _of_entity(parsed, lo, hi, index, by_id, holder)
            roles[holder].setdefault((start, end), Role(title=parsed.text[start:end], start=start, end=end, of=of))
        for r in _affiliations(parsed, root, index, by_id, holder):
            roles[holder].setdefault((r.start, r.end), r)

    for e in ctx.entities:
        if e.type != "PERSON":
            continue
        for m in e.mentions:
            span = parsed.tokens_in(m.start, m.end)
            if not span:
                continue
            first, last = span.start, span.stop
            root = next((k for k in range(last - 1, first - 1, -1)
                         if not first <= parsed.tokens[k].head < last or parsed.tokens[k].head == k), last - 1)
            collect(e.id, root, first, last)
    pronouns = pronoun_antecedents(parsed, ctx.entities)
    for k, holder in pronouns.items():
        if by_id[holder].type == "PERSON" and parsed.tokens[k].dep in ("nsubj", "nsubjpass"):
            collect(holder, k, k, k + 1)
    for _k, owner, other in counterparts(parsed, ctx.entities, pronouns):
        for a, b in ((owner, other), (other, owner)):  # a counterpart holds the same office
            for r in _office_of(parsed, list(roles[a].values())):
                if not any(r.title.lower() in x.title.lower() for x in roles[b].values()):
                    roles[b].setdefault((r.start, r.end), r)
    entities = tuple(replace(e, roles=tuple(sorted(roles[e.id].values(), key=lambda r: r.start)))
                     for e in ctx.entities)
    return replace(ctx, entities=entities)
