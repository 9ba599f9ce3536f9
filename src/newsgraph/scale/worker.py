"""What runs on a Dask worker: a batch of plain records analysed, and the model loaded once per worker.

A worker needs only ``newsgraph`` and its spaCy model installed (``pip install
'newsgraph[scale]'``); it never sees the corpus database.
"""

from __future__ import annotations

import signal
from typing import Any

from distributed import Worker
from distributed.diagnostics.plugin import WorkerPlugin

from newsgraph.analysis.batch import analyze_records
from newsgraph.analysis.nlp import load_model
from newsgraph.analysis.pipeline import prepare_stages


def analyze_batch(records: list[dict[str, Any]], model: str | None = None) -> list[dict[str, Any]]:
    """One ``newsgraph/1`` dict (or error dict) per record, in order: the task a worker runs."""
    return list(analyze_records(records, model=model))


class ModelLoader(WorkerPlugin):
    """Loads the spaCy model and each stage's resources (the gazetteer) when a worker starts (or joins later),
    so no task pays for them.

    ``load_model`` and ``prepare_stages`` keep them for the life of the worker process, so every
    task of that worker reuses them.
    """

    name = "newsgraph-model"

    def __init__(self, model: str | None = None) -> None:
        self.model = model

    def setup(self, worker: Worker) -> None:
        load_model(self.model)
        prepare_stages()


class IgnoreInterrupt(WorkerPlugin):
    """A local worker leaves Ctrl-C to the command, which closes the cluster (no traceback from each worker).

    Only for the workers a command starts itself: the workers of an existing cluster are
    their operator's to stop.
    """

    name = "newsgraph-ignore-interrupt"

    def setup(self, worker: Worker) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
