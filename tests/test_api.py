"""The public surface: ``__all__`` matches what the package offers; the pipeline's stage order is checked."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.analysis.pipeline import STAGES, Stage, check_order


def test_all_names_exist() -> None:
    for name in newsgraph.__all__:
        assert hasattr(newsgraph, name), name
    public = {n for n in dir(newsgraph) if (not n.startswith("_") and n[0].isupper()) or n in ("analyze",)}
    assert public <= set(newsgraph.__all__) | {"Store"}


def test_stage_order_is_checked() -> None:
    check_order(STAGES)
    reversed_stages = (STAGES[-1], *STAGES[:-1])
    with pytest.raises(ValueError, match="needs"):
        check_order(reversed_stages)
    with pytest.raises(ValueError, match="valid order"):
        check_order((Stage("x", lambda c: c, needs=("nothing",), adds="y"),))


def test_bad_published_date_raises_a_clear_error() -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        newsgraph.analyze("Some text.", published="next Tuesday")
