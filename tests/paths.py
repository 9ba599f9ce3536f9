"""Where the tests find the project's files and the shared gold, wherever a test module sits."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SAMPLE = ROOT / "samples" / "harbour-talks.txt"
SHARED = ROOT.parent / "shared"
