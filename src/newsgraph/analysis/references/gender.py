"""Gender of the people an article names, learned from the article itself.

A person is male or female when a form of address or a gendered role says so
("Mrs. Ames", "spokeswoman Ann Lee", "the bank's chairwoman"), or when the
article refers to them by "she" or "he" where nobody else could be meant: the
only person named in that sentence and the one before. Several such uses are
votes; a person with votes both ways stays unknown. The pronoun layer uses the
genders to choose between people named close together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import cache

from newsgraph.analysis.parsed import Parsed
from newsgraph.lexicon import lines, words
from newsgraph.model import Entity

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
# A learned gender needs this many more votes for it than against it.
_VOTE_MARGIN = 2
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "pobj"})


@cache
def gendered_words() -> dict[str, str]:
    """Lower-cased word -> "m" or "f": forms of address and roles that say a person's gender."""
    out: dict[str, str] = {}
    for line in lines("references/gendered"):
        parts = line.split()
        if len(parts) == 2 and parts[1] in ("m", "f"):
            out[parts[0]] = parts[1]
    return out


def pronoun_gender(word: str) -> str | None:
    """ "m" for he/him/his/himself, "f" for she/her/hers/herself, else None."""
    low = word.lower()
    if low in MALE:
        return "m"
    if low in FEMALE:
        return "f"
    return None


def stated_genders(parsed: Parsed, entities: tuple[Entity, ...],
                   role_head_of: dict[str, list[str]]) -> dict[str, str]:
    """Entity id -> gender a word of the text states: a form of address, a gendered role.

    ``role_head_of``: entity id -> the head nouns of the roles the article gave it.
    """
    table = gendered_words()
    out: dict[str, str] = {}
    for e in entities:
        if e.type != "PERSON":
            continue
        said: set[str] = set()
        for a in e.aliases:
            first = a.split()[0].lower() if a.split() else ""
            if first in table:
                said.add(table[first])
        for m in e.mentions:
            k = parsed.token_at(m.start)
            if k is not None and k > 0 and parsed.tokens[k - 1].sent == parsed.tokens[k].sent:
                before = parsed.tokens[k - 1].text.lower()
                if before in table:
                    said.add(table[before])
        for head in role_head_of.get(e.id, ()):
            if head in table:
                said.add(table[head])
        if len(said) == 1:
            out[e.id] = said.pop()
    return out


def learned_genders(parsed: Parsed, heads: Sequence[tuple[int, str]], pronouns: Sequence[int],
                    stated: dict[str, str], quoted: Sequence[int]) -> dict[str, str]:
    """Entity id -> gender the article's own pronouns show, on top of the ``stated`` ones.

    ``heads``: (token index, person id) of each person mention, in text order;
    ``pronouns``: the indices of he/she-like pronouns outside quotations, in text
    order; ``quoted``: for each token, the quotation it is in (-1: none). A
    pronoun votes for the one person it could mean (see ``_windows``); a second
    round lets it vote when all but one of those people have the other gender.
    One vote is enough unopposed; against others it needs a margin.
    """
    genders = dict(stated)
    windows = _windows(parsed, heads, pronouns, quoted)
    for _ in range(2):
        votes: dict[str, Counter[str]] = {}
        for p, window in zip(pronouns, windows, strict=True):
            want = pronoun_gender(parsed.tokens[p].text)
            if want is None:
                continue
            fits = [eid for eid in window if genders.get(eid, want) == want]
            if len(fits) == 1:
                votes.setdefault(fits[0], Counter())[want] += 1
        for eid, c in votes.items():
            if eid in stated:
                continue  # a form of address outweighs the pronouns
            if c["m"] >= c["f"] + _VOTE_MARGIN or (c["m"] and not c["f"]):
                genders[eid] = "m"
            elif c["f"] >= c["m"] + _VOTE_MARGIN or (c["f"] and not c["m"]):
                genders[eid] = "f"
    return genders


def _windows(parsed: Parsed, heads: Sequence[tuple[int, str]], pronouns: Sequence[int],
             quoted: Sequence[int]) -> list[list[str]]:
    """For each pronoun, the people it could mean: named outside quotations in its sentence or the one before.

    Only a subject or possessive pronoun votes ("Ames said she", "Ames lost her
    seat"; an object is mostly someone else: "Ames told her"), not in a sentence
    with a quotation, and only people named as a subject count. None count when
    an unnamed person is there too ("the woman said she ..."), or when a pronoun
    of the same gender came before them (the one it continues is someone earlier).
    """
    toks = parsed.tokens
    people = _person_nouns()
    named = dict(heads)
    # beside a quotation "he said" may be anyone in the dialogue: no vote there
    with_quotes = {toks[k].sent for k in range(len(toks)) if quoted[k] >= 0}
    out: list[list[str]] = []
    for p in pronouns:
        want = pronoun_gender(toks[p].text)
        if toks[p].dep not in ("nsubj", "nsubjpass", "poss") or toks[p].sent in with_quotes:
            out.append([])
            continue
        first = parsed.sentences[max(toks[p].sent - 1, 0)].first
        seen: list[str] = []
        blocked = False
        for k in range(first, p):
            t = toks[k]
            if quoted[k] >= 0:
                continue
            if t.pos == "NOUN" and t.lemma.lower() in people and t.dep in _ARGUMENTS and k not in named:
                blocked = True  # "the woman", "the nominee, who ...": someone unnamed is there to be meant
            if t.dep not in ("nsubj", "nsubjpass"):
                continue
            eid = named.get(k)
            if eid is not None:
                if eid not in seen and (t.sent == toks[p].sent or _is_main_subject(parsed, k)):
                    seen.append(eid)
            elif t.pos == "PROPN" or (t.pos == "PRON" and not seen and pronoun_gender(t.text) == want):
                blocked = True
        out.append([] if blocked else seen)
    return out


def _is_main_subject(parsed: Parsed, k: int) -> bool:
    """True when token ``k`` is the subject of its sentence's main verb (or of one coordinated with it)."""
    verb = parsed.tokens[parsed.tokens[k].head]
    return verb.dep == "ROOT" or (verb.dep == "conj" and parsed.tokens[verb.head].dep == "ROOT")


@cache
def _person_nouns() -> frozenset[str]:
    """Nouns for a person (titles, kin, "woman"): an unnamed subject a pronoun may mean instead."""
    return words("entities/titles") | frozenset(gendered_words()) | frozenset(
        {"man", "woman", "boy", "girl", "person", "voter", "resident", "candidate", "nominee", "official",
         "source", "friend", "neighbor", "neighbour", "victim", "suspect", "witness", "patient", "student"})
