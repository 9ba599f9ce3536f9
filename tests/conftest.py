"""Shared fixtures: the real model is loaded once per test session, and only by tests that ask for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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
