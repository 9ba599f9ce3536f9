"""Phoenix's actor dictionaries: a name's kind and its CAMEO code on a given day.

``lexicon/phoenix_actors.tsv`` is converted from PETRARCH-2's Phoenix actor dictionaries
(countries, leaders, international and non-state organisations; MIT, see
``PETRARCH-LICENSE.txt``) by ``scripts/convert_petrarch.py``. A row is one actor: its
names, its kind (PERSON, ORG, GPE) and its codes, each a country and a sector ("RUSGOV")
with the dates it holds for. The entity layer reads it to name parties spaCy missed
("ISIS", "Action Against Hunger"); the events layer above reads it for an actor's
country and sector. It lives here, beside the entity layer's word lists, because a
layer may read the lists of the layers below it, not above.

A look-up is one dictionary access on the name's key (``names.name_key``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from newsgraph.analysis.entities.names import countries, country_named, country_of_demonym, name_key
from newsgraph.analysis.parsed import Parsed
from newsgraph.lexicon import table

_RANGE = re.compile(r"^([A-Z0-9]+)@(\d{8})?-(\d{8})?$")
# Codes that lead with a kind of organisation, not a country ("IGOUNO", "NGOHLH", "MNCUSA")
_ORGANISATION_LEADS = frozenset({"IGO", "NGO", "MNC", "IMG", "UIS", "INT"})


@dataclass(frozen=True, slots=True)
class PhoenixCode:
    """A CAMEO actor code and the days it holds for (None: open)."""

    code: str
    start: date | None = None
    end: date | None = None
    default: bool = False


@dataclass(frozen=True, slots=True)
class PhoenixActor:
    """One actor of the dictionary: its first name, its kind and its codes in the dictionary's order."""

    name: str
    kind: str
    codes: tuple[PhoenixCode, ...]


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def _codes(cell: str) -> tuple[PhoenixCode, ...]:
    out = []
    for part in cell.split():
        m = _RANGE.match(part)
        if m:
            out.append(PhoenixCode(m.group(1), _day(m.group(2)), _day(m.group(3))))
        elif part.isalnum():
            out.append(PhoenixCode(part, default=True))
    return tuple(out)


@lru_cache(maxsize=1)
def phoenix_actors() -> dict[str, PhoenixActor]:
    """Every name's key -> its actor (the first record that names it)."""
    index: dict[str, PhoenixActor] = {}
    for row in table("entities/phoenix_actors"):
        if len(row) < 3:
            continue
        names = row[0].split("|")
        actor = PhoenixActor(name=names[0], kind=row[1], codes=_codes(row[2]))
        for n in names:
            key = name_key(n)
            if key:
                index.setdefault(key, actor)
    return index


def phoenix_actor(name: str) -> PhoenixActor | None:
    """The dictionary's actor of this name ("Vladimir Putin", "the PA" is not one), or None."""
    return phoenix_actors().get(name_key(name))


def code_on(actor: PhoenixActor, day: date | None) -> str | None:
    """The actor's code on ``day``, as PETRARCH chooses it: the first date range that holds the day, else the
    default code. With no day, the code that holds now by the dictionary (a range open at its end), else the
    default, else the range that ends last."""
    ranged = [c for c in actor.codes if not c.default]
    default = next((c.code for c in actor.codes if c.default), None)
    if day is not None:
        for c in ranged:
            if (c.start is None or c.start <= day) and (c.end is None or day <= c.end):
                return c.code
        return default
    current = next((c.code for c in ranged if c.end is None and c.start is not None), None)
    if current is not None or default is not None or not ranged:
        return current or default
    return max(ranged, key=lambda c: c.end or date.max).code


@lru_cache(maxsize=1)
def _alpha3() -> frozenset[str]:
    return frozenset(c.alpha3 for c in countries())


def country_and_sector(code: str) -> tuple[str | None, str | None]:
    """A CAMEO actor code's country (ISO alpha-3, when the table knows it) and sector code: "RUSGOV" ->
    (RUS, GOV), "IGOUNO" -> (None, IGO), "MNCUSAHLH" -> (USA, MNC), "AFG" -> (AFG, None)."""
    lead = code[:3]
    if lead in _ORGANISATION_LEADS:
        country = code[3:6] if code[3:6] in _alpha3() else None
        return country, lead
    if lead in _alpha3():
        return lead, (code[3:6] or None)
    return None, None


# Small words a multi-word name may keep in lower case ("Islamic State of Iraq", "Doctors without Borders")
_NAME_GLUE = frozenset({"of", "and", "the", "for", "in", "on", "de", "del", "la", "al", "du", "des", "to", "without",
                        "against", "&"})
_LONGEST = 8  # tokens


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first word of every name key (up to a space or a hyphen): a token that starts none starts no name."""
    return frozenset(re.split(r"[\s\-]", key, maxsplit=1)[0] for key in phoenix_actors())


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


def _acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("-", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def known_names(parsed: Parsed, taken: set[int]) -> list[tuple[int, int, str]]:
    """Names of the Phoenix actor dictionaries on free tokens, as (first, last, kind): a run of capitalised
    words the dictionary knows ("Action Against Hunger"), or one word that is an acronym ("ISIS") or a name
    written capitalised inside its sentence ("Gulen", a proper noun). A country's other names and its
    demonyms are the country table's business, and a word the sentence capitalises only because it
    comes first is no name."""
    toks = parsed.tokens
    index = phoenix_actors()
    firsts = _first_words()
    out: list[tuple[int, int, str]] = []
    loud: dict[int, bool] = {}  # sentence -> written in capitals, read once per sentence
    i = 0
    while i < len(toks):
        t = toks[i]
        if i in taken or not _capitalised(t.text) or t.text.lower() not in firsts:
            i += 1
            continue
        found = None
        for j in range(min(i + _LONGEST, len(toks)), i, -1):
            if any(k in taken or toks[k].sent != t.sent for k in range(i, j)):
                continue
            actor = index.get(name_key(parsed.span_text(i, j)))
            if actor is not None and _looks_named(parsed, i, j, actor, loud):
                found = (i, j, actor.kind)
                break
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found[1]
    return out


def _looks_named(parsed: Parsed, i: int, j: int, actor: PhoenixActor, loud: dict[int, bool]) -> bool:
    toks = parsed.tokens
    words_ = [t for t in toks[i:j] if t.text.isalpha()]
    if not words_ or not _capitalised(toks[j - 1].text) or toks[j - 1].pos not in ("PROPN", "NOUN"):
        return False
    text = parsed.span_text(i, j)
    if country_named(text) is not None or country_of_demonym(text) is not None:
        return False
    if actor.kind == "GPE" and name_key(text) != name_key(actor.name):
        return False  # a country's nicknames, towns and sights in its record ("Washington", "Grand Canyon")
    if len(words_) >= 2:
        return all(_capitalised(t.text) or t.text.lower() in _NAME_GLUE for t in words_)
    word = toks[i]
    sentence_initial = i == 0 or toks[i - 1].sent != word.sent or toks[i - 1].text in ("\"", "\u201c", "'", "\u2018")
    if _acronym(word.text):
        sent = word.sent
        if sent not in loud:
            loud[sent] = _shouting(parsed, sent)
        return not loud[sent]
    # one ordinary word: a person's name, or an organisation's own name ("Hamas"), not one of the other names
    # its record lists, which hold translations that are common words ("Youth")
    own_name = actor.kind == "PERSON" or name_key(text) == name_key(actor.name)
    return word.pos == "PROPN" and not sentence_initial and not word.text.isupper() and own_name


def _shouting(parsed: Parsed, index: int) -> bool:
    """True when the sentence is written in capitals (a headline): an acronym there is just a word."""
    sent = parsed.sentences[index]
    letters = [t.text for t in parsed.tokens[sent.first:sent.last] if t.text.isalpha()]
    return len(letters) > 2 and sum(w.isupper() for w in letters) > len(letters) / 2
