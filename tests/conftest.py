"""Shared fixtures: the real model is loaded once per test session, and only by tests that ask for it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsgraph.model import Analysis
from tests.paths import SHARED


@pytest.fixture(scope="session")
def run_analysis() -> Callable[..., Analysis]:
    """``run_analysis(text, published="2025-08-16")``: the full pipeline with the real spaCy model."""
    from newsgraph import analyze

    def run(text: str, published: str | None = "2025-08-16") -> Analysis:
        return analyze(text, published=published)

    return run


SCORER = SHARED / "eval" / "score.py"


@pytest.fixture(scope="session")
def shared_scorer() -> Any:
    """The shared scorer module (``../shared/eval/score.py``); the test is skipped when it is absent."""
    if not SCORER.exists():
        pytest.skip("the shared scorer is absent")
    sys.path.insert(0, str(SCORER.parent))
    try:
        import score  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(SCORER.parent))
    return score


@pytest.fixture(scope="session")
def score_gold(shared_scorer: Any) -> Callable[[Path], dict[str, Any]]:
    """``score_gold(path)``: our analyses of a gold file scored by the shared scorer, with ``gold`` and ``analyses``."""

    def run(path: Path) -> dict[str, Any]:
        if not path.exists():
            pytest.skip(f"{path.name} is absent")
        from newsgraph.analysis.pipeline import analyze_documents
        from newsgraph.model import Document

        gold = shared_scorer.load_docs(path)
        docs = [Document(id=str(g["id"]), text=g["text"], published=g.get("published")) for g in gold]
        analyses = [a.to_dict() for a in analyze_documents(docs) if isinstance(a, Analysis)]
        summary: dict[str, Any] = shared_scorer.score(gold, analyses)
        return {**summary, "gold": gold, "analyses": analyses}

    return run
