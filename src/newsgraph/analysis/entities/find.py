"""Entities: the model's name spans, cleaned, grouped into one entity per referent, typed by vote.

spaCy's small model tags a surname as an organisation in one sentence and a person
in the next, and sees "Putin" and "Vladimir Putin" as two people. Here every
mention is cleaned (no "the", no possessive "'s"), grouped with the other
mentions of the same referent (same name; a surname with its full name; an
acronym with its expansion; "Wagner" with "Wagner Group"; "US" with "United
States"), and the group's type is decided by the votes of all its mentions and
their contexts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from newsgraph.analysis.context import Context
from newsgraph.analysis.entities.names import country_named, country_of_demonym, fold, name_key
from newsgraph.analysis.entities.phoenix import known_names
from newsgraph.analysis.parsed import Parsed
from newsgraph.lexicon import table, words
from newsgraph.model import Entity, Span

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
_POSSESSIVE_TAG = "POS"
_ROMAN = frozenset({"II", "III", "IV", "VI", "VII", "VIII", "JR", "SR"})
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "throughout"})
_PLACE_OFFICES = frozenset({"mayor", "governor"})
_AGE = re.compile(r", \d{1,3},")
_CONNECTORS = frozenset({"of", "and", "for", "the", "&", "de", "du", "la", "al", "von", "van", "der"})


@dataclass(slots=True)
class Mention:
    """A candidate mention: token range, character span, the model's label (None: a bare proper noun)."""

    first: int
    last: int
    start: int
    end: int
    text: str
    label: str | None
    key: str
    votes: Counter[str] = field(default_factory=Counter)


def _place_heads() -> dict[str, str]:
    return {head: kind for head, kind in table("entities/place_heads")}


def _body_nouns() -> dict[str, str]:
    return {noun: kind for noun, kind in table("entities/body_nouns")}


def _is_title_word(lemma: str) -> bool:
    return (lemma in words("entities/titles") or lemma in words("entities/honorifics")
            or lemma in words("entities/person_cues"))


def _clean(parsed: Parsed, first: int, last: int, label: str | None) -> tuple[int, int] | None:
    """The token range of a name without "the", possessives and edge punctuation; None if nothing is left."""
    toks = parsed.tokens
    for k in range(first, last):  # "Stalin's Siberian": the name ends before the possessive
        if toks[k].tag == _POSSESSIVE_TAG and k > first:
            if toks[k].text in ("'", "\u2019") and k + 1 < last and toks[k + 1].text[:1].isupper():
                continue  # "the Korean Metal Workers' Union": a plural's apostrophe inside the name
            last = k
            break
    while first < last and toks[first].text.lower() in ("the", "a", "an"):
        first += 1
    while first < last and (toks[first].pos == "PUNCT" or toks[first].text in ("'", "\u2019")
                            or not toks[first].text.strip("-\u2013\u2014")  # "anti-Kremlin": the hyphen goes too
                            or (toks[first].text[:1].islower() and first < last - 1
                                and toks[first].text not in _CONNECTORS)):
        first += 1  # "rival bank UFJ Holdings": lower-case words before a name are not part of it
    while last > first and (toks[last - 1].pos in ("PUNCT", "CCONJ", "ADP", "DET")
                            or toks[last - 1].tag == _POSSESSIVE_TAG):
        last -= 1
    if first >= last:
        return None
    while label == "PERSON" and last - first > 1 and toks[first].text.lower() in words("entities/titles"):
        first += 1  # "President Emmanuel Macron": the title is a role, not part of the name
    if label in (None, "PERSON", "ORG", "GPE", "NORP") and first > 0 \
            and toks[first - 1].text.lower().rstrip(".") in words("entities/honorifics"):
        first -= 1  # "Mr Putin" is an alias of Putin, and a person whatever the model said
    span = parsed.span_text(first, last)
    if not any(c.isupper() for c in span):
        return None  # lower-case words and bare numbers ("1.1bn") are not a name
    return first, last


_VAGUE_LABELS = frozenset({"WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})


def _split_coordination(parsed: Parsed, first: int, last: int, label: str) -> list[tuple[int, int, str | None]]:
    """A span that joins two names with "and" ("Kyiv and Kharkiv") as the two names it joins."""
    toks = parsed.tokens
    for k in range(first + 1, last - 1):
        # "the Storting, Eva Lunde": a body and the name in apposition after it, as one span
        if toks[k].text == "," and last - k > 2 and all(toks[j].pos == "PROPN" for j in range(k + 1, last)) \
                and label == "ORG" and toks[last - 1].lemma.lower() not in words("entities/org_heads"):
            return [(first, k, label), (k + 1, last, "PERSON" if last - k <= 4 else None)]
        joins_two_names = toks[k].pos == "CCONJ" and toks[k - 1].pos == "PROPN" and toks[k + 1].pos == "PROPN" \
            and toks[k - 1].dep != "compound"
        if joins_two_names and (toks[k + 1].head == k - 1 or toks[k + 1].dep == "conj" or label in _VAGUE_LABELS):
            part = None if label in _VAGUE_LABELS else label
            return [(first, k, part), (k + 1, last, part)]
    return [(first, last, label)]


def _model_mentions(parsed: Parsed) -> list[Mention]:
    out = []
    for ent in parsed.ents:
        if ent.label not in KEPT_LABELS:
            continue
        for a, b, label in _split_coordination(parsed, ent.first, ent.last, ent.label):
            cleaned = _clean(parsed, a, b, label)
            if cleaned is None:
                continue
            first, last = cleaned
            text = parsed.span_text(first, last)
            if not name_key(text) or _looks_like_junk(text, last - first):
                continue
            out.append(Mention(first, last, parsed.tokens[first].start, parsed.tokens[last - 1].end, text,
                               label, name_key(text)))
    return out


def _looks_like_junk(text: str, n_tokens: int) -> bool:
    """True for spans no name looks like: a line break, a colon, quotation marks, a dozen words."""
    return n_tokens > 10 or any(c in text for c in ':\n"\u201c\u201d')


def _bare_proper_nouns(parsed: Parsed, taken: set[int]) -> list[Mention]:
    """Runs of capitalised proper nouns the model left untagged ("the Meduza news website")."""
    out = []
    toks = parsed.tokens
    i = 0
    while i < len(toks):
        t = toks[i]
        if i in taken or not t.text[:1].isupper() or (t.pos != "PROPN" and not _named_by_descriptor(parsed, i)):
            i += 1
            continue
        j = i
        while j < len(toks) and j not in taken and toks[j].sent == t.sent and (
                (toks[j].pos == "PROPN" and toks[j].text[:1].isupper()) or j == i
                or (toks[j].text == "-" and not toks[j - 1].space and j + 1 < len(toks)
                    and toks[j + 1].pos == "PROPN" and j > i)):
            j += 1
        cleaned = _clean(parsed, i, j, None)
        if cleaned is not None:
            first, last = cleaned
            text = parsed.span_text(first, last)
            if name_key(text):
                out.append(Mention(first, last, toks[first].start, toks[last - 1].end, text, None, name_key(text)))
        i = max(j, i + 1)
    return out


def _named_by_descriptor(parsed: Parsed, i: int) -> bool:
    """A capitalised word right after "company", "firm" ("the social media company Loomly") that the model
    tagged as an adjective or a noun: a name all the same."""
    toks = parsed.tokens
    t = toks[i]
    return i > 0 and t.pos in ("ADJ", "NOUN") and toks[i - 1].pos == "NOUN" and toks[i - 1].sent == t.sent \
        and toks[i - 1].lemma.lower() in words("entities/org_descriptors") and country_of_demonym(t.text) is None


def _dateline(parsed: Parsed, m: Mention) -> bool:
    """True for a wire dateline's city: in capitals at the start of a line, a comma after it ("OSLO, March 3")."""
    text = parsed.text
    return text[m.start:m.end].isupper() and (m.start == 0 or text[m.start - 1] == "\n") \
        and text[m.end:m.end + 1] == ","


def _untagged_demonyms(parsed: Parsed, taken: set[int]) -> list[Mention]:
    """Demonyms the model left untagged ("Ghanaian authorities"): NORP mentions, for actors' countries."""
    out = []
    for t in parsed.tokens:
        if t.i in taken or not t.text[:1].isupper() or t.pos not in ("ADJ", "PROPN", "NOUN"):
            continue
        if country_of_demonym(t.text) is not None and country_named(t.text) is None:
            out.append(Mention(t.i, t.i + 1, t.start, t.end, t.text, "NORP", name_key(t.text)))
    return out


def _context_votes(parsed: Parsed, m: Mention) -> None:
    """Votes for the mention's type from its own words and the words around it."""
    toks = parsed.tokens
    if m.label:
        m.votes[m.label] += 1
    name_words = [t for t in toks[m.first:m.last] if t.text.lower().rstrip(".") not in words("entities/honorifics")]
    acronym_inside = any(len(t.text) >= 2 and t.text.isupper() and t.text.isalpha() and t.text not in _ROMAN
                         for t in name_words)
    if m.label == "PERSON" and len(name_words) >= 2 and not acronym_inside:
        m.votes["PERSON"] += 2  # a full name; "SK Hynix" has an acronym in it, which no full name has
    if toks[_root(parsed, m.first, m.last)].dep == "pobj" and len(name_words) == 1:
        prep = toks[toks[_root(parsed, m.first, m.last)].head].text.lower()
        if prep in _LOCATIVE_PREPS:
            m.votes["GPE"] += 3  # "in Tallinn": a single name after "in" is a place
    if len(name_words) < m.last - m.first:
        m.votes["PERSON"] += 3  # "Mr X"
    country = country_named(m.text)
    if country is not None and m.label in (None, "GPE", "ORG", "LOC", "PERSON"):
        m.votes["GPE"] += 5
    elif m.key in words("entities/cities") and (m.label != "ORG" or _dateline(parsed, m)):
        m.votes["GPE"] += 4  # "Tallinn" is a city whatever the small model guessed; "OSLO, March 3 -" a dateline
    last = toks[m.last - 1].text.lower()
    if last in words("entities/org_heads") and m.last - m.first > 1:
        m.votes["ORG"] += 4  # "Manchester United", "Wagner Group": the head word outweighs a two-word PERSON guess
    place = _place_heads().get(last)
    if place and m.last - m.first > 1:
        m.votes[place] += 3
    # the words before the name: "the oligarch Yevgeny Prigozhin", "Chancellor Scholz"
    k = m.first - 1
    while k >= 0 and toks[k].sent == toks[m.first].sent and toks[k].dep in ("compound", "amod", "nmod") \
            and toks[k].head in range(m.first, m.last):
        if toks[k].lemma.lower() in words("entities/org_descriptors") and toks[k].pos == "NOUN":
            m.votes["ORG"] += 4  # "the Huawei supplier Pengxin Micro", "chipmaker X"
            break
        if _is_title_word(toks[k].lemma.lower()) or _is_title_word(toks[k].text.lower()):
            m.votes["PERSON"] += 3
            break
        k -= 1
    root_ = _root(parsed, m.first, m.last)
    if toks[root_].dep == "pobj" and toks[toks[root_].head].text.lower() == "of" \
            and toks[toks[toks[root_].head].head].lemma.lower() in _PLACE_OFFICES:
        m.votes["GPE"] += 4  # "the mayor of Novi Sad": a town, whatever the model guessed
    if _AGE.match(parsed.text, m.end):
        m.votes["PERSON"] += 3  # "Kaja Tamm, 51, said": only a person has an age between commas
    if m.label is None and _named_by_descriptor(parsed, m.first):
        m.votes["ORG"] += 4  # "the social media company Loomly"
    root = _root(parsed, m.first, m.last)
    head = toks[toks[root].head]
    # the name's head: "the Meduza news website", "X, head of ...", "critics, including X"
    if toks[root].dep in ("compound", "nmod") and head.i >= m.last \
            and head.lemma.lower() in words("entities/org_heads"):
        m.votes["ORG"] += 2  # a name that modifies "website", "group": an organisation's
    if toks[root].dep in ("compound", "nmod") and head.i >= m.last and _is_title_word(head.lemma.lower()) \
            and len(name_words) <= 2 and m.label != "PERSON":
        m.votes["ORG"] += 2  # "BA chairman", "Lib Dem leader": the name of the body the person leads
    if (country_of_demonym(m.text) is not None or m.key in words("entities/peoples")) and country is None:
        m.votes["NORP"] += 5  # "Germans", "Briton", "Welsh": a people, not a place or a person
    if m.label in ("PERSON", None):
        _not_a_person_votes(parsed, m, root)
    if toks[root].dep == "appos" and _is_title_word(head.lemma.lower()):
        m.votes["PERSON"] += 2
    if toks[root].dep == "appos" and head.pos == "NOUN" and head.lemma.lower() in words("entities/org_descriptors"):
        m.votes["ORG"] += 4  # "the state company Codelco"
    for child in parsed.children(root):
        if child.dep == "appos" and _is_title_word(child.lemma.lower()):
            m.votes["PERSON"] += 2
    if toks[root].dep == "pobj" and head.lemma in ("include", "including"):
        grand = toks[head.head]
        if _is_title_word(grand.lemma.lower()):
            m.votes["PERSON"] += 2


def _not_a_person_votes(parsed: Parsed, m: Mention, root: int) -> None:
    """Votes against a person from how the name is used: as a body's ("Lib Dem MP", "Pompey striker",
    "Oscar-winning") or as a thing someone has ("her Oscar"); a person's name is used neither way."""
    toks = parsed.tokens
    head = toks[toks[root].head]
    if toks[root].dep in ("compound", "nmod", "npadvmod") and head.i >= m.last:
        body = _body_nouns().get(head.lemma.lower()) or _body_nouns().get(head.text.lower())
        if body:
            m.votes[body] += 4
    if any(c.dep == "poss" and c.tag == "PRP$" for c in parsed.children(root)):
        m.votes["PRODUCT"] += 4


def _root(parsed: Parsed, first: int, last: int) -> int:
    """The token of ``[first, last)`` whose head lies outside it."""
    for k in range(last - 1, first - 1, -1):
        h = parsed.tokens[k].head
        if not first <= h < last or h == k:
            return k
    return last - 1


# ---------------------------------------------------------------- grouping


@dataclass(slots=True)
class Group:
    """Mentions taken to name one referent."""

    key: str
    mentions: list[Mention]

    def votes(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for m in self.mentions:
            total.update(m.votes)
        return total

    def type(self) -> str | None:
        v = self.votes()
        if not v:
            return None
        best = max(v.values())
        tied = [t for t, n in v.items() if n == best]
        if len(tied) == 1:
            return tied[0]
        longest = max((m for m in self.mentions if m.label in tied), key=lambda m: m.end - m.start, default=None)
        return longest.label if longest else tied[0]


def _initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _CONNECTORS and w[:1].isalpha())


def _group(mentions: list[Mention], parsed: Parsed) -> list[Group]:
    by_key: dict[str, Group] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        country = country_named(m.text)
        key = name_key(country.name) if country is not None and m.label != "PERSON" else m.key
        by_key.setdefault(key, Group(key, [])).mentions.append(m)
    groups = list(by_key.values())
    merged_into: dict[int, Group] = {}

    def absorb(short: Group, long: Group) -> None:
        long.mentions.extend(short.mentions)
        long.mentions.sort(key=lambda m: m.start)
        merged_into[id(short)] = long

    multi = [g for g in groups if len(g.key.split()) > 1]
    # the multi-word groups by initials, first word, first and last one or two words (keys never change,
    # so each search below reads only its candidates, in the order of ``multi``: linear, not all pairs)
    index: dict[tuple[str, ...], list[Group]] = {}
    for h in multi:
        hwords = tuple(h.key.split())
        for k in {("initials", _initials(h.key)), ("first", hwords[0]), ("last", *hwords[-1:]),
                  ("last", *hwords[-2:]), ("head", *hwords[:1]), ("head", *hwords[:2])}:
            index.setdefault(k, []).append(h)
    for g in groups:
        gwords = g.key.split()
        text = g.mentions[0].text
        # an acronym and its expansion: "UN" / "United Nations"
        if len(gwords) == 1 and text.replace(".", "").isupper() and 2 <= len(text.replace(".", "")) <= 6:
            acro = text.replace(".", "").lower()
            hits = [h for h in index.get(("initials", acro), []) if h.type() != "PERSON"]
            if len(hits) == 1:
                absorb(g, hits[0])
                continue
        if g.type() in (None, "PERSON", "ORG", "GPE", "NORP", "FAC", "LOC") and len(gwords) <= 2:
            # a surname (or last two names) with the full name: "Putin" / "Vladimir Putin"
            persons = [h for h in index.get(("last", *gwords), []) if h is not g and h.type() == "PERSON"
                       and len(h.key.split()) > len(gwords)
                       and h.key.split()[-len(gwords):] == gwords and not _someone_else(parsed, g, h)]
            if persons and country_named(g.key) is None:
                for m in g.mentions:  # matching a full name is the evidence; the model's label is not
                    if m.label and m.label != "PERSON" and m.votes[m.label] > 0:
                        m.votes[m.label] -= 1
                        m.votes["PERSON"] += 1
                absorb(g, _principal(persons))
                continue
            # "Petrovic, a former mayor" with "Dragana Petrovic" the model called an organisation: a person's name
            mistyped = [h for h in multi if h is not g and h.type() == "ORG" and 2 <= len(h.key.split()) <= 3
                        and h.key.split()[-len(gwords):] == gwords
                        and h.key.split()[-1] not in words("entities/org_heads")
                        and all(m.text.count(" ") == len(h.key.split()) - 1 for m in h.mentions)]
            if g.type() == "PERSON" and len(mistyped) == 1 and country_named(g.key) is None:
                for m in mistyped[0].mentions:
                    if m.label == "ORG" and m.votes["ORG"] > 0:
                        m.votes["ORG"] -= 1
                        m.votes["PERSON"] += 2
                absorb(g, mistyped[0])
                continue
            # a first name alone, when one full name in the article has it: "Hillary" / "Hillary Clinton"
            firsts = [h for h in index.get(("first", gwords[0]), []) if h is not g and h.type() == "PERSON"] \
                if len(gwords) == 1 else []
            if len(gwords) == 1 and len(firsts) == 1 and g.type() in (None, "PERSON") and not persons \
                    and not _address(g) and len(g.mentions) <= len(firsts[0].mentions) + 1:
                absorb(g, firsts[0])
                continue
            # "Wagner" with "Wagner Group"
            orgs = [h for h in index.get(("head", *gwords), []) if h is not g and h.type() == "ORG"
                    and len(h.key.split()) > len(gwords)
                    and h.key.split()[:len(gwords)] == gwords and h.key.split()[-1] in words("entities/org_heads")]
            if len(orgs) == 1 and g.type() in (None, "ORG"):
                absorb(g, orgs[0])
                continue
    return [g for g in groups if id(g) not in merged_into]


_NICKNAME_CUES = ("known as", "also known as", "nicknamed", "dubbed", "better known as")


def _join_nicknames(parsed: Parsed, groups: list[Group]) -> list[Group]:
    """Groups with "Mohamed Hamdan Dagalo, known as Hemedti": the nickname joins the person it names."""
    by_last_token: dict[int, Group] = {}
    for g in groups:
        for m in g.mentions:
            by_last_token[m.last - 1] = g
    toks = parsed.tokens
    joined: set[int] = set()  # the groups that joined a person (by identity: comparing groups is slow)
    for g in groups:
        if id(g) in joined:
            continue
        m = g.mentions[0]  # the nickname is introduced where it is first used
        before = " ".join(t.text.lower() for t in toks[max(0, m.first - 3):m.first])
        cue = next((c for c in _NICKNAME_CUES if before.endswith(c)), None)
        if cue is None:
            continue
        k = m.first - len(cue.split()) - 1  # the comma (or bracket) before the cue
        if k < 1 or toks[k].text not in (",", "("):
            continue
        person = by_last_token.get(k - 1)
        if person is not None and person is not g and person.type() == "PERSON":
            for mm in g.mentions:
                mm.votes.clear()
                mm.votes["PERSON"] += 1
            person.mentions.extend(g.mentions)
            person.mentions.sort(key=lambda x: x.start)
            joined.add(id(g))
    return [g for g in groups if id(g) not in joined]


_MALE_ADDRESS = frozenset({"mr", "sir", "lord", "monsieur", "herr"})
_FEMALE_ADDRESS = frozenset({"mrs", "ms", "miss", "dame", "lady", "madame", "frau"})


def _address(g: Group) -> set[str]:
    """ "m" and/or "f", from the forms of address the group's mentions carry."""
    out = set()
    for m in g.mentions:
        first = m.text.split()[0].lower().rstrip(".") if m.text.split() else ""
        out |= {"m"} if first in _MALE_ADDRESS else {"f"} if first in _FEMALE_ADDRESS else set()
    return out


def _someone_else(parsed: Parsed, short: Group, full: Group) -> bool:
    """True when a surname plainly names another person than the full name that ends with it.

    "President Obama ... Michelle Obama": a surname introduced with an office before the full
    name ever appears is a person of its own; so is "Mr X" beside a full name called "Mrs X".
    """
    if _address(short) and _address(full) and not _address(short) & _address(full):
        return True
    first = short.mentions[0]
    if first.start >= full.mentions[0].start:
        return False
    before = parsed.tokens[first.first - 1] if first.first > 0 else None
    # an office before the surname ("President Obama"), not a mere "Mr", which a later full name may explain
    same_sentence = before is not None and before.sent == parsed.tokens[first.first].sent
    return same_sentence and before is not None and before.text.lower() in words("entities/titles")


def _principal(candidates: list[Group]) -> Group:
    """Of several full names that share a surname, the one the bare surname stands for.

    News names its principal first and calls them by the surname after; a relative or
    namesake introduced later keeps a full name ("Hillary Clinton ... her daughter
    Chelsea Clinton ... Clinton's van").
    """
    return min(candidates, key=lambda c: (c.mentions[0].start, -len(c.mentions)))


def _name(group: Group, etype: str) -> str:
    country = country_named(group.key)
    if country is not None and etype == "GPE" and any(
            name_key(m.text) == name_key(country.name) or m.text.replace(".", "").isupper() for m in group.mentions):
        return country.name  # "US" and "U.S." are named "United States"; "Britain" stays "Britain"
    texts = [fold(m.text) for m in group.mentions if m.label is not None] or [fold(m.text) for m in group.mentions]
    stripped = [" ".join(w for w in t.split() if w.lower().rstrip(".") not in words("entities/honorifics")) or t
                for t in texts]
    if etype == "PERSON":
        return max(stripped, key=lambda t: (len(t.split()), stripped.count(t)))
    counts = Counter(stripped)
    return max(counts, key=lambda t: (len(t.split()) > 1, counts[t], len(t)))


def _surface(parsed: Parsed, m: Mention) -> str:
    return parsed.text[m.start:m.end]


def find_entities(ctx: Context) -> Context:
    """The context with one entity per referent named in the text."""
    parsed = ctx.parsed
    mentions = _model_mentions(parsed)
    # a country a date span swallowed ("March 3 - Norway's") is still free to be found
    toks = parsed.tokens
    taken = {k for e in parsed.ents for k in range(e.first, e.last)
             if e.label in KEPT_LABELS or toks[k].pos != "PROPN" or country_named(toks[k].text) is None}
    for a, b, kind in known_names(parsed, taken):  # a party the model missed that Phoenix's dictionaries name
        text = parsed.span_text(a, b)
        mentions.append(Mention(a, b, toks[a].start, toks[b - 1].end, text, kind, name_key(text)))
        taken |= set(range(a, b))
    mentions += _bare_proper_nouns(parsed, taken)
    mentions += _untagged_demonyms(parsed, taken | {k for m in mentions for k in range(m.first, m.last)})
    for m in mentions:
        _context_votes(parsed, m)
    groups = _join_nicknames(parsed, _group(mentions, parsed))
    entities: list[Entity] = []
    for g in sorted(groups, key=lambda g: g.mentions[0].start):
        etype = g.type()
        if etype is None:
            continue  # a bare proper noun nothing vouches for
        seen: set[tuple[int, int]] = set()
        spans = []
        for m in g.mentions:
            if (m.start, m.end) not in seen:
                seen.add((m.start, m.end))
                spans.append(Span(m.start, m.end))
        name = _name(g, etype)
        aliases: dict[str, str] = {}
        for m in g.mentions:  # every written form, "WorldCom" and "Worldcom" alike: each mention is one
            alias = fold(_surface(parsed, m))
            aliases.setdefault(alias, alias)
        aliases.setdefault(name, name)
        entities.append(Entity(id="", name=name, type=etype, aliases=tuple(sorted(aliases.values())),
                               mentions=tuple(spans)))
    entities = [replace(e, id=f"e{k + 1}") for k, e in enumerate(entities)]
    return replace(ctx, entities=tuple(entities))


def mention_index(entities: tuple[Entity, ...], parsed: Parsed) -> dict[int, str]:
    """Token index -> id of the entity whose mention covers the token."""
    index: dict[int, str] = {}
    for e in entities:
        for m in e.mentions:
            for k in parsed.tokens_in(m.start, m.end):
                index.setdefault(k, e.id)
    return index


__all__ = ["find_entities", "mention_index"]
