"""The learned type decision: plain weights read without scikit-learn, and the rules' word where it is firm."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from newsgraph.analysis.events.learned import NO_EVENT, OPEN, TypeModel, decide, phrase_support, type_model
from newsgraph.analysis.events.lexicon import PLOVER_TYPES


def _toy(**kw: object) -> TypeModel:
    base: dict[str, object] = dict(classes=("ACCUSE", "REQUEST", NO_EVENT), bias=(0.0, 0.0, 0.0),
                                   weights={"lemma=call": (0.0, 0.0, 0.0), "lemma_prep=call|for": (3.0, 0.0, 0.0)},
                                   retype_at=0.5, keep_at=1.01, firm_at=0.9, phrase_margin=0.0,
                                   confirmed=frozenset(), drop_at=1.01)
    base.update(kw)
    return TypeModel(**base)  # type: ignore[arg-type]


def test_the_shipped_model_is_plain_and_knows_every_type() -> None:
    model = type_model()
    assert model is not None
    assert set(model.classes) <= {*PLOVER_TYPES, NO_EVENT}
    assert len(model.classes) >= 15
    assert all(len(w) == len(model.classes) for w in model.weights.values())
    raw = json.loads(resources.files("newsgraph.analysis.events").joinpath("lexicon/type_model.json").read_text())
    # features are words of the parse and kinds, never a sentence: no spaces, short
    assert all(" " not in f and len(f) < 80 for f in raw["weights"])


def test_probabilities_sum_to_one() -> None:
    probs = _toy().probabilities(["lemma_prep=call|for"])
    assert abs(sum(probs.values()) - 1.0) < 1e-9
    assert max(probs, key=probs.__getitem__) == "ACCUSE"


def test_an_open_event_is_retyped_when_its_phrase_speaks_for_another_type() -> None:
    feats = ["lemma=call", "lemma_prep=call|for", OPEN]
    assert phrase_support(_toy(), feats, "ACCUSE", "REQUEST") > 0
    assert decide("REQUEST", feats, _toy()) == "ACCUSE"


def test_a_firm_word_needs_more_and_a_confirmed_reading_is_kept() -> None:
    feats = ["lemma=call", "lemma_prep=call|for", "lemma_rule=call|REQUEST"]
    assert decide("REQUEST", feats, _toy(firm_at=0.99)) == "REQUEST"
    assert decide("REQUEST", feats, _toy(firm_at=0.5)) == "ACCUSE"
    assert decide("REQUEST", [*feats, OPEN], _toy(confirmed=frozenset({"lemma_prep=call|for|REQUEST"}))) == "REQUEST"


def test_without_support_from_the_phrase_the_rules_stand() -> None:
    model = _toy(weights={"lemma=call": (0.0, 0.0, 0.0), "src_type=ORG": (3.0, 0.0, 0.0)})
    assert decide("REQUEST", ["lemma=call", "src_type=ORG", OPEN], model) == "REQUEST"


def test_an_officeholder_description_is_coded_to_the_person_named(run_analysis: Any) -> None:
    """Issue 12's offices reach events through ``refers_to``: "Norway's prime minister has resigned" is the
    resignation of the prime minister the article names next, not of Norway."""
    a = run_analysis("Norway's prime minister has resigned. Ingrid Solheim, 58, handed her resignation to the king "
                     "on Monday.")
    resigned = [v for v in a.events if v.trigger.text == "resigned"]
    assert resigned, [(v.type, v.trigger.text) for v in a.events]
    names = {e.id: e.name for e in a.entities}
    assert [names[s] for s in resigned[0].source] == ["Ingrid Solheim"]
    assert resigned[0].actors[0].country == "NOR"
