"""Articles through a Dask cluster in batches, results back in input order, never more than a window in memory.

The input is read lazily: a batch is sent only when fewer than ``in_flight`` batches are
out (sent and not yet handed on), so a JSONL of any size holds a few batches in memory.
Results come back in any order and wait in a reorder buffer (bounded by the same window)
until every batch before them is in. A batch whose task fails twice (Dask's own retry:
an exception, or the worker died) becomes one error record per article; the run goes on.
"""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import count, islice
from typing import TYPE_CHECKING, Any

from newsgraph.model import Analysis, Document, Failure
from newsgraph.scale.cluster import RETRIES, worker_threads
from newsgraph.scale.worker import analyze_batch

if TYPE_CHECKING:
    from distributed import Client, Future

DEFAULT_BATCH_SIZE = 32
Task = Callable[[list[dict[str, Any]], str | None], list[dict[str, Any]]]


@dataclass(slots=True)
class _Batch:
    items: list[Document | Failure]
    future: Future[Any] | None


def _chunks(items: Iterable[Document | Failure], size: int) -> Iterator[list[Document | Failure]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def analyze_on_cluster(client: Client, items: Iterable[Document | Failure], *, model: str | None = None,
                       batch_size: int = DEFAULT_BATCH_SIZE, in_flight: int | None = None,
                       on_done: Callable[[int], None] | None = None,
                       task: Task = analyze_batch) -> Iterator[dict[str, Any]]:
    """One ``newsgraph/1`` dict (or error dict) per item, in input order, analysed on the cluster.

    A ``Failure`` in the input passes through in its place. ``in_flight`` (default: twice the
    cluster's threads, plus one) bounds the batches out at once; ``on_done(n)`` is called as
    each batch of ``n`` articles completes, in completion order (a progress bar).
    """
    from distributed import as_completed

    source = _chunks(items, max(1, batch_size))
    pending: deque[_Batch] = deque()
    completed: set[str] = set()
    finished = as_completed()
    numbers = count()
    run = uuid.uuid4().hex[:8]
    exhausted = False

    def fill() -> None:
        nonlocal exhausted
        window = in_flight or 2 * worker_threads(client) + 1
        while not exhausted and len(pending) < window:
            chunk = next(source, None)
            if chunk is None:
                exhausted = True
                return
            records = [d.to_dict() for d in chunk if isinstance(d, Document)]
            future = None
            if records:
                future = client.submit(task, records, model, key=f"newsgraph-batch-{run}-{next(numbers)}",
                                       retries=RETRIES, pure=False)
                finished.add(future)
            pending.append(_Batch(chunk, future))

    try:
        fill()
        while pending:
            head = pending[0]
            if head.future is not None and head.future.key not in completed:
                done = next(finished)
                completed.add(done.key)
                if on_done is not None:
                    on_done(_size(pending, done.key))
                continue
            pending.popleft()
            if head.future is None:
                if on_done is not None:
                    on_done(len(head.items))
            else:
                completed.discard(head.future.key)
            yield from _in_order(head)
            fill()
    finally:
        client.cancel([b.future for b in pending if b.future is not None])


def _size(pending: deque[_Batch], key: str) -> int:
    return next((len(b.items) for b in pending if b.future is not None and b.future.key == key), 0)


def _in_order(batch: _Batch) -> Iterator[dict[str, Any]]:
    documents = [d for d in batch.items if isinstance(d, Document)]
    results: list[dict[str, Any]] = []
    if batch.future is not None:
        try:
            results = batch.future.result()
            if len(results) != len(documents):
                raise RuntimeError(f"{len(results)} results for {len(documents)} articles")
        except Exception as err:  # the batch failed on its retry too: its articles become error records
            results = [Failure(d.id, f"analysis failed twice on the cluster: {type(err).__name__}: {err}").to_dict()
                       for d in documents]
    answers = iter(results)
    for item in batch.items:
        yield item.to_dict() if isinstance(item, Failure) else next(answers)


def from_record(record: dict[str, Any]) -> Analysis | Failure:
    """The record a worker sent back, as the ``Analysis`` (or ``Failure``) it stands for."""
    if "error" in record:
        return Failure(str(record.get("document", {}).get("id")), str(record["error"]))
    return Analysis.from_dict(record)
