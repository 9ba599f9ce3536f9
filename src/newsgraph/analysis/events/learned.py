"""A learned decision on an event's PLOVER type, where the rules guess between neighbours.

The rules find a trigger, its parties and its mood, and give a type; a small logistic regression
(``lexicon/type_model.json``) reads the same parse and may give another one: "seized the vessel"
(COERCE, not ASSAULT), "accepted the demands" (CONCEDE, not AGREE), "ordered an inquiry" (ACCUSE,
not REQUEST). Its features are words of the parse around the trigger and the parties' kinds,
never a sentence: the trigger's lemma, its particle, prepositions and object (lemma and entity kind),
voice, negation and mood, the parties' entity types and sector codes, and the type the rules gave
(the project's lexicon and PETRARCH-2's). It is trained on the study parts of the dev sets only,
by ``scripts/train_event_types.py``; here it is read as plain weights, with no scikit-learn.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsgraph.analysis.events.lexicon import INTENT, SUPPORT_VERB, senses
from newsgraph.analysis.events.mood import Mood
from newsgraph.analysis.events.triggers import Trigger
from newsgraph.analysis.parsed import Parsed
from newsgraph.model import Actor, Entity

NO_EVENT = "NONE"
OPEN = "open"  # the feature of an event the rules coded with doubt: by PETRARCH, by mood, or a word of many types
_PHRASE = ("lemma_obj=", "lemma_prep=", "lemma_prt=", "lemma_obj_prep=", "lemma_comp=", "lemma_governor=",
           "anchor_lemma=")
_OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})


@dataclass(frozen=True, slots=True)
class TypeModel:
    """Classes, their biases, per-feature weights, and when the model's word is taken over the rules'."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]
    retype_at: float  # the model's probability of another type must reach this to retype an open event
    keep_at: float  # and its probability of the rules' type must be below this
    firm_at: float  # the threshold for an event the rules coded firmly (see ``features``: "open")
    phrase_margin: float  # and the trigger's phrase must speak for the other type by more than this
    confirmed: frozenset[str]  # "lemma|TYPE": a word's rules' type the PLOVER records confirm, kept as it is
    drop_at: float  # and its probability of no event this to drop one (above 1: never)

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """The model's probability of each class for these features."""
        scores = list(self.bias)
        for f in features:
            w = self.weights.get(f)
            if w is not None:
                for k, x in enumerate(w):
                    scores[k] += x
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}


@lru_cache(maxsize=1)
def type_model() -> TypeModel | None:
    """The shipped model, or None when the package has none."""
    path = resources.files("newsgraph.analysis.events").joinpath("lexicon/type_model.json")
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    classes = tuple(data["classes"])
    return TypeModel(classes=classes, bias=tuple(data["bias"]),
                     weights={f: tuple(w) for f, w in data["weights"].items()},
                     retype_at=float(data["retype_at"]),
                     keep_at=float(data.get("keep_at", 1.01)), firm_at=float(data.get("firm_at", 1.01)),
                     phrase_margin=float(data.get("phrase_margin", -math.inf)),
                     confirmed=frozenset(data.get("confirmed", ())), drop_at=float(data["drop_at"]))


def decide(kind: str, features: list[str], model: TypeModel | None = None) -> str | None:
    """The event's type after the model's word: ``kind`` (the rules'), another type, or None (no event).

    The rules' type stands unless the model gives another one ``retype_at`` and the rules' below ``keep_at``;
    where the rules coded firmly (a word of the project's lexicon with one type, read as it is written), the
    other type needs ``firm_at``. A phrase whose type the PLOVER records confirm (``confirmed``, see ``readings``)
    keeps it: one two conventions code apart ("imposed sanctions": SANCTION there, COERCE in plv-train) keeps
    PLOVER's.
    """
    model = model or type_model()
    if model is None or not readings(features, kind).isdisjoint(model.confirmed):
        return kind
    probs = model.probabilities(features)
    # a firm word the model never saw in training is the rules' to code ("restricted calls")
    retype_at = model.retype_at if OPEN in features else model.firm_at if f"lemma={lemma_in(features)}" in \
        model.weights else 1.01
    best = max(probs, key=probs.__getitem__)
    if best == NO_EVENT:
        return None if probs[best] >= model.drop_at else kind
    if best != kind and probs[best] >= retype_at and probs.get(kind, 0.0) < model.keep_at \
            and phrase_support(model, features, best, kind) > model.phrase_margin:
        return best
    return kind


def readings(features: list[str], kind: str) -> set[str]:
    """What a confirmed reading is keyed on: each feature of the trigger's phrase with the rules' type
    ("lemma_obj=cut|aid|SANCTION"), or the word with its type when it stands alone ("lemma=visit|CONSULT")."""
    phrase = {f"{f}|{kind}" for f in features if f.startswith(_PHRASE)}
    return phrase or {f"lemma={lemma_in(features)}|{kind}"}


def phrase_support(model: TypeModel, features: list[str], best: str, kind: str) -> float:
    """How much the trigger's own phrase (its word with its object, preposition, particle, complement or
    governor) speaks for ``best`` over ``kind``: the model retypes on what the phrase says, not on the
    parties' kinds or the word alone."""
    if kind not in model.classes:
        return math.inf
    b, k = model.classes.index(best), model.classes.index(kind)
    total = 0.0
    for f in features:
        w = model.weights.get(f)
        if w is not None and f.startswith(_PHRASE):
            total += w[b] - w[k]
    return total


def lemma_in(features: list[str]) -> str:
    """The trigger's lemma among an event's features."""
    return next((f[6:] for f in features if f.startswith("lemma=")), "")


def _lemma(parsed: Parsed, k: int) -> str:
    return parsed.tokens[k].lemma.lower()


def _kind_of(k: int, refers_to: Mapping[int, str], by_id: Mapping[str, Entity]) -> str:
    eid = refers_to.get(k)
    entity = by_id.get(eid) if eid else None
    return entity.type if entity else "-"


def _word(parsed: Parsed, k: int, refers_to: Mapping[int, str], by_id: Mapping[str, Entity]) -> str:
    """A word of the phrase as a feature: its lemma, or its entity kind for a name (no names in the weights)."""
    kind = _kind_of(k, refers_to, by_id)
    return kind if kind != "-" or parsed.tokens[k].pos == "PROPN" else _lemma(parsed, k)


def features(parsed: Parsed, trig: Trigger, kind: str, mood: Mood, source: list[str], target: list[str],
             actors: Iterable[Actor], refers_to: Mapping[int, str], by_id: Mapping[str, Entity]) -> list[str]:
    """The parse features of one event candidate (see the module's docstring)."""
    tok = parsed.tokens[trig.tok]
    lemma = tok.lemma.lower()
    out = [f"rule={kind}", f"sense={trig.sense.type}", f"lemma={lemma}", f"lemma_rule={lemma}|{kind}",
           f"pos={tok.pos}", f"dep={tok.dep}"]
    if trig.sense.mode:
        out.append(f"mode={trig.sense.mode}")
    out += [f"flag={f}" for f in sorted(trig.sense.flags)]
    types = {s.type for s in senses().get(lemma, ())} - {SUPPORT_VERB, INTENT}
    if "petrarch" in trig.sense.flags or kind != trig.sense.type or len(types) != 1:
        out.append(OPEN)
    heads = [trig.tok]
    if trig.anchor != trig.tok:
        anchor = _lemma(parsed, trig.anchor)
        heads.append(trig.anchor)
        out += [f"anchor={anchor}", f"anchor_lemma={anchor}|{lemma}"]
    for h in heads:
        for c in parsed.children(h):
            if c.dep == "prt":
                out += [f"prt={c.lemma.lower()}", f"lemma_prt={lemma}|{c.lemma.lower()}"]
            elif c.dep == "prep":
                prep = c.text.lower()
                out += [f"prep={prep}", f"lemma_prep={lemma}|{prep}"]
                for g in parsed.children(c.i):
                    if g.dep == "pobj":
                        out += [f"prep_obj={prep}|{_word(parsed, g.i, refers_to, by_id)}",
                                f"prep_kind={prep}|{_kind_of(g.i, refers_to, by_id)}"]
            elif c.dep in _OBJECTS and c.i != trig.tok:
                obj = _word(parsed, c.i, refers_to, by_id)
                out += [f"obj={obj}", f"lemma_obj={lemma}|{obj}", f"obj_kind={_kind_of(c.i, refers_to, by_id)}"]
                for g in parsed.children(c.i):  # "called for sanctions against X", "sent troops to help"
                    if g.dep == "prep":
                        out += [f"obj_prep={g.text.lower()}", f"lemma_obj_prep={lemma}|{g.text.lower()}"]
            elif c.dep == "nsubjpass":
                out.append("passive")
            elif c.dep in ("xcomp", "ccomp") and c.pos == "VERB":
                out += [f"comp={c.lemma.lower()}", f"lemma_comp={lemma}|{c.lemma.lower()}"]
    for c in parsed.children(trig.tok):  # a noun trigger's own phrase: "sanctions against", "aid to"
        if c.dep == "prep" and trig.tok not in heads[1:] and tok.pos == "NOUN":
            out.append(f"noun_prep={c.text.lower()}")
    if tok.dep in ("dobj", "pobj", "nsubj", "nsubjpass") and tok.head != tok.i:
        out += [f"governor={_lemma(parsed, tok.head)}", f"lemma_governor={lemma}|{_lemma(parsed, tok.head)}"]
    for name, on in (("negated", mood.negated), ("future", mood.future), ("maybe", mood.maybe),
                     ("obliged", mood.obliged), ("conditional", mood.conditional), ("failed", mood.failed)):
        if on:
            out.append(name)
    codes = {a.entity: a for a in actors}
    for side, ids in (("src", source), ("tgt", target)):
        if not ids:
            out.append(f"{side}=none")
        for eid in ids[:2]:
            entity = by_id.get(eid)
            out.append(f"{side}_type={entity.type if entity else '-'}")
            actor = codes.get(eid)
            if actor is not None:
                out.append(f"{side}_code={actor.code or actor.sector or '-'}")
                out.append(f"{side}_code_rule={actor.code or actor.sector or '-'}|{kind}")
    return out
