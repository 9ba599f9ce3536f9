"""Shared fixtures: the real model is loaded once per test session, and only by tests that ask for it."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsgraph.model import Analysis

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.fixture(scope="session")
def run_analysis() -> Callable[..., Analysis]:
    """``run_analysis(text, published="2025-08-16")``: the full pipeline with the real spaCy model."""
    from newsgraph import analyze

    def run(text: str, published: str | None = "2025-08-16") -> Analysis:
        return analyze(text, published=published)

    return run


SCORER = SHARED / "eval" / "score.py"


@pytest.fixture(scope="session")
def score_gold() -> Callable[[Path], dict[str, Any]]:
    """``score_gold(path)``: our analyses of a gold file, scored by the shared scorer (skips when it is absent)."""

    def run(path: Path) -> dict[str, Any]:
        if not (path.exists() and SCORER.exists()):
            pytest.skip(f"{path.name} or the shared scorer is absent")
        sys.path.insert(0, str(SCORER.parent))
        try:
            import score  # type: ignore[import-not-found]
        finally:
            sys.path.remove(str(SCORER.parent))
        from newsgraph.model import Document
        from newsgraph.pipeline import analyze_documents

        gold = score.load_docs(path)
        docs = [Document(id=str(g["id"]), text=g["text"], published=g.get("published")) for g in gold]
        analyses = [a.to_dict() for a in analyze_documents(docs) if isinstance(a, Analysis)]
        summary: dict[str, Any] = score.score(gold, analyses)
        summary["analyses"] = analyses
        return summary

    return run
