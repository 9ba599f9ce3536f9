"""The event lexicon: trigger words and their PLOVER senses, the CAMEO table, actor sectors.

All three are plain tab-separated files under ``lexicon/`` (``triggers.tsv``,
``cameo.tsv``, ``sectors.tsv``), read once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from newsgraph.lexicon import table

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
SUPPORT_VERB = "-"  # "held talks": the verb carries the type of its object noun
INTENT = "intent"  # "plans to", "is ready to": what follows is a promise, not a deed

# Promised deeds of these kinds are coded AGREE; threatened ones THREATEN (PLOVER's reading of intent).
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})


@dataclass(frozen=True, slots=True)
class Sense:
    """One sense of a trigger word: its category, mode, the word it needs beside it, its flags."""

    lemma: str
    pos: str  # "V", "N" or "VN"
    type: str  # a PLOVER category, SUPPORT_VERB or INTENT
    mode: str | None
    needs: str | None  # a particle, object, modifier or prepositional noun that must be present
    flags: frozenset[str]

    def fits(self, pos: str) -> bool:
        """True when a token of universal POS ``pos`` can carry this sense."""
        if self.type == INTENT:
            return True
        if pos in ("VERB",):
            return "V" in self.pos
        return pos in ("NOUN", "PROPN") and "N" in self.pos


def _cell(value: str) -> str | None:
    return None if value in ("", "-") else value


@lru_cache(maxsize=1)
def senses() -> dict[str, tuple[Sense, ...]]:
    """Lemma -> its senses, those that need a companion word first."""
    out: dict[str, list[Sense]] = {}
    for row in table("events/triggers"):
        row = row + ("",) * (6 - len(row))
        lemma, pos, type_, mode, needs, flags = row[:6]
        if not lemma or not type_:
            continue
        sense = Sense(lemma=lemma.lower(), pos=pos.upper() or "VN", type=type_, mode=_cell(mode),
                      needs=_cell(needs.lower()), flags=frozenset(f for f in flags.split(",") if _cell(f)))
        out.setdefault(sense.lemma, []).append(sense)
    return {k: tuple(sorted(v, key=lambda s: s.needs is None)) for k, v in out.items()}


@lru_cache(maxsize=1)
def _cameo_table() -> dict[tuple[str, str | None], str]:
    return {(t, _cell(m)): c for t, m, c, *_ in table("events/cameo")}


def cameo_root(event_type: str, mode: str | None) -> str | None:
    """The CAMEO root code ("04") that stands beside a PLOVER category and mode, or None."""
    codes = _cameo_table()
    return codes.get((event_type, mode)) or codes.get((event_type, None))


@lru_cache(maxsize=1)
def _sector_table() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in table("events/sectors"):
        if len(row) >= 2:
            out.setdefault(row[0].lower(), row[1])
    return out


def sector_of_word(word: str) -> str | None:
    """The sector a word names ("police" -> "police", "ministry" -> "government"), or None."""
    w = word.lower()
    found = _sector_table().get(w)
    if found is None and w.endswith("s"):
        found = _sector_table().get(w[:-1])
    return found
