"""PETRARCH-2's verb dictionary, read on the dependency parse: the coding of verbs the project's own lexicon lacks.

``lexicon/petrarch_verbs.tsv``, ``petrarch_patterns.tsv`` and ``petrarch_synsets.tsv`` are
converted from PETRARCH-2's ``CAMEO.2.0.txt`` by ``scripts/convert_petrarch.py`` (MIT, notice
in ``lexicon/PETRARCH-LICENSE.txt``), CAMEO codes mapped to PLOVER through ``cameo2plover``.
A verb belongs to a block; the block's patterns say what must stand beside the verb for a
code: a particle (the ``prt`` child: "set off"), the head of its object (the ``dobj``, or the
passive subject: "imposed a curfew", "a curfew was imposed"; a quantity's "of"-noun counts:
"sent hundreds of troops") and prepositional phrases (a ``prep`` child and the head of its
``pobj``: "appealed for calm"). The pattern that asks most and fits wins; a verb no pattern
fits takes its own code, when its line gives one ("condemn": ACCUSE), never its block's: a
block is a WordNet set of near-synonyms, and its code measured no recall and cost precision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from newsgraph.analysis.events.lexicon import Sense, senses
from newsgraph.analysis.parsed import Parsed, Token
from newsgraph.lexicon import table

_QUANTITIES = frozenset({"hundred", "thousand", "dozen", "million", "billion", "tens", "number", "ton", "tonne"})
FLAG = "petrarch"
DEFAULT_FLAG = "petrarch-default"  # coded by the verb alone, no pattern


@dataclass(frozen=True, slots=True)
class _Pattern:
    type: str
    mode: str | None
    particle: str | None
    obj: str | None
    preps: tuple[tuple[str, str | None], ...]
    cameo: str

    @property
    def weight(self) -> int:
        return (self.particle is not None) + (self.obj is not None) + sum(1 + (n is not None) for _, n in self.preps)


@dataclass(frozen=True, slots=True)
class _Verb:
    block: str
    particle: str | None
    prep: str | None
    default: _Pattern | None
    own: bool  # the verb's own code, not its block's


def _cell(value: str) -> str | None:
    return None if value in ("", "-") else value


@lru_cache(maxsize=1)
def _modes() -> frozenset[tuple[str, str]]:
    """The (type, mode) pairs the project's lexicon uses: a PETRARCH mode outside them is left out."""
    return frozenset((s.type, s.mode) for ss in senses().values() for s in ss if s.mode)


def _pattern(type_: str, mode: str, particle: str, obj: str, preps: str, cameo: str) -> _Pattern:
    kept = mode if (type_, mode) in _modes() else None
    cells = tuple((p.partition(":")[0], _cell(p.partition(":")[2])) for p in preps.split(",") if _cell(p))
    return _Pattern(type_, kept, _cell(particle), _cell(obj), cells, cameo)


@lru_cache(maxsize=1)
def verbs() -> dict[str, tuple[_Verb, ...]]:
    """Verb lemma -> its PETRARCH entries."""
    out: dict[str, list[_Verb]] = {}
    for lemma, block, type_, mode, particle, prep, cameo, origin in table("events/petrarch_verbs"):
        default = _pattern(type_, mode, "-", "-", "-", cameo) if _cell(type_) else None
        out.setdefault(lemma, []).append(_Verb(block, _cell(particle), _cell(prep), default, origin == "verb"))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def patterns() -> dict[str, tuple[_Pattern, ...]]:
    """Block -> its patterns, those that ask most first."""
    out: dict[str, list[_Pattern]] = {}
    for block, type_, mode, particle, obj, preps, cameo in table("events/petrarch_patterns"):
        out.setdefault(block, []).append(_pattern(type_, mode, particle, obj, preps, cameo))
    return {k: tuple(sorted(v, key=lambda p: (-p.weight, p.cameo))) for k, v in out.items()}


@lru_cache(maxsize=1)
def synsets() -> dict[str, frozenset[str]]:
    """``&name`` -> the head words of its members."""
    out: dict[str, set[str]] = {}
    for name, word in table("events/petrarch_synsets"):
        out.setdefault(name, set()).add(word)
    return {k: frozenset(v) for k, v in out.items()}


def _forms(t: Token) -> set[str]:
    return {t.lemma.lower(), t.text.lower()}


def _fits(word: str | None, found: set[str]) -> bool:
    if word is None:
        return True
    if word.startswith("&"):
        return bool(synsets().get(word, frozenset()) & found)
    return word in found


@dataclass(slots=True)
class _Around:
    particles: set[str]
    objects: set[str]
    preps: dict[str, set[str]]
    named: set[str] = field(default_factory=set)  # the prepositions whose object is a name or a pronoun


def _around(parsed: Parsed, tok: Token) -> _Around:
    """The verb's particles, the heads of its object and the prepositions with their nouns."""
    around = _Around(set(), set(), {})
    for c in parsed.children(tok.i):
        if c.dep == "prt":
            around.particles.add(c.text.lower())
        elif c.dep in ("dobj", "nsubjpass", "dative", "attr", "oprd"):
            around.objects |= _forms(c)
            if c.lemma.lower() in _QUANTITIES or c.pos == "NUM":
                for p in parsed.children(c.i):
                    if p.dep == "prep" and p.text.lower() == "of":
                        for g in parsed.children(p.i):
                            around.objects |= _forms(g)
        elif c.dep in ("prep", "agent"):
            nouns = around.preps.setdefault(c.text.lower(), set())
            for g in parsed.children(c.i):
                if g.dep in ("pobj", "pcomp"):
                    nouns |= _forms(g)
                    if g.pos in ("PROPN", "PRON"):
                        around.named.add(c.text.lower())
    return around


def _matches(p: _Pattern, around: _Around) -> bool:
    if p.particle is not None and p.particle not in around.particles:
        return False
    if p.obj is not None and not _fits(p.obj, around.objects):
        return False
    # a bare preposition of a pattern ("come to $"): PETRARCH reads an actor after it, not "when it comes to
    # the decisions"
    return all(prep in around.preps and (_fits(noun, around.preps[prep]) if noun is not None else prep in around.named)
               for prep, noun in p.preps)


def petrarch_sense(parsed: Parsed, tok: Token, patterns_only: bool = False) -> Sense | None:
    """The PLOVER sense PETRARCH's dictionary gives this verb here, or None; with ``patterns_only``,
    only a pattern's ("gave [$2 million] to": AID), never the verb's own code."""
    entries = verbs().get(tok.lemma.lower())
    if not entries or tok.pos != "VERB":
        return None
    around = _around(parsed, tok)
    best: _Pattern | None = None
    for v in entries:
        if (v.particle and v.particle not in around.particles) or (v.prep and v.prep not in around.preps):
            continue
        found = next((p for p in patterns().get(v.block, ()) if _matches(p, around)), None)
        if found is not None and found.weight > 0 and (best is None or found.weight > best.weight):
            best = found
        elif best is None and v.default is not None and not patterns_only and v.own:
            best = v.default  # the verb's own code; its block's (a WordNet set of near-synonyms) is too coarse
    if best is None:
        return None
    flags = {FLAG, "party-subject", "agentive"} | ({DEFAULT_FLAG} if best.weight == 0 else set())
    return Sense(lemma=tok.lemma.lower(), pos="V", type=best.type, mode=best.mode, needs=None,
                 flags=frozenset(flags))
