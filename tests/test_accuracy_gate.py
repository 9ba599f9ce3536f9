"""The accuracy gate: each dev gold set scored with the shared evaluator must stay at or above its floor.

Floors live in ``accuracy_floors.json``; a key ``layer.metric`` is a floor, ``layer.metric_max`` a ceiling.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.paths import ROOT, SHARED

SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", SHARED))
FLOORS: dict[str, dict[str, float]] = {
    k: v for k, v in json.loads((ROOT / "tests" / "accuracy_floors.json").read_text()).items() if not k.startswith("_")
}


def _metric(summary: dict[str, Any], key: str) -> float:
    """The score a key names: ``layer.metric`` (``quotes@0.3.f1``), or a top-level ``speaker_accuracy``."""
    key = key.removesuffix("_max")
    if "." not in key:
        return float(summary.get(key, 0.0))
    layer, metric = key.rsplit(".", 1)
    return float(summary.get(layer, {}).get(metric, 0.0))


@pytest.mark.parametrize("gold", sorted(FLOORS))
def test_scores_stay_above_their_floors(gold: str) -> None:
    evaluator = SHARED / "eval" / "evaluate.py"
    if not evaluator.exists():
        pytest.skip(f"no shared evaluator at {evaluator}")
    exe = shutil.which("newsgraph") or str(Path(sys.executable).parent / "newsgraph")
    gold_path = ROOT / gold if gold.startswith("tests/") else SHARED / gold  # our own gold, or the shared dev gold
    proc = subprocess.run([sys.executable, str(evaluator), str(gold_path), "--json",
                           "--cmd", f"{exe} analyze {{input}} --output {{output}} --quiet"],
                          capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    summary = next(iter(json.loads(proc.stdout).values()))
    assert summary["errors"] == 0, f"{summary['errors']} documents failed"
    low = []
    for key, bound in FLOORS[gold].items():
        got = _metric(summary, key)
        if key.endswith("_max") and got > bound:
            low.append(f"{key}: {got} > {bound}")
        elif not key.endswith("_max") and got < bound:
            low.append(f"{key}: {got} < {bound}")
    assert not low, f"{gold} fell below its floors: " + "; ".join(low)
