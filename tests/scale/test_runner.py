"""The runner on an in-process Dask cluster with stand-in tasks: order, pass-through, failed batches, backpressure."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("distributed")

from distributed import Client, LocalCluster

from newsgraph.model import Document, Failure
from newsgraph.scale.runner import analyze_on_cluster, from_record


def echo(records: list[dict[str, Any]], model: str | None) -> list[dict[str, Any]]:
    """A stand-in for the analysis: the document back, as a ``newsgraph/1`` record with no findings."""
    import random
    import time

    time.sleep(random.random() / 50)  # batches finish out of order
    return [{"schema": "newsgraph/1", "document": r, "entities": [], "events": [], "quotes": [], "timexes": []}
            for r in records]


def broken(records: list[dict[str, Any]], model: str | None) -> list[dict[str, Any]]:
    if any(r["id"] == "doc-5" for r in records):
        raise MemoryError("no room")
    return echo(records, model)


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster, \
            Client(cluster) as c:
        yield c


def docs(n: int) -> list[Document | Failure]:
    return [Document(id=f"doc-{k}", text=f"Article {k}.") for k in range(n)]


def test_results_come_back_in_input_order_with_failures_in_their_place(client: Client) -> None:
    items = docs(30)
    items[7] = Failure("line-8", "line 8 is not valid JSON")
    items[8] = Failure("line-9", "line 9 is not valid JSON")  # with 7: a batch with no article in it
    done: list[int] = []
    out = list(analyze_on_cluster(client, items, batch_size=2, task=echo, on_done=done.append))
    assert [r["document"]["id"] for r in out] == [getattr(i, "id", "") for i in items]
    assert out[7] == {"document": {"id": "line-8"}, "error": "line 8 is not valid JSON"}
    assert sum(done) == 30


def test_a_batch_that_fails_twice_becomes_error_records_and_the_run_goes_on(client: Client) -> None:
    out = list(analyze_on_cluster(client, docs(12), batch_size=3, task=broken))
    assert [r["document"]["id"] for r in out] == [f"doc-{k}" for k in range(12)]
    failed = [r["document"]["id"] for r in out if "error" in r]
    assert failed == ["doc-3", "doc-4", "doc-5"]
    assert "failed twice" in out[3]["error"] and "MemoryError" in out[3]["error"]
    assert isinstance(from_record(out[3]), Failure) and not isinstance(from_record(out[0]), Failure)


def test_the_input_is_read_only_a_window_ahead(client: Client) -> None:
    read = 0

    def source() -> Iterator[Document | Failure]:
        nonlocal read
        for d in docs(200):
            read += 1
            yield d

    ahead = 0
    for given, _ in enumerate(analyze_on_cluster(client, source(), batch_size=4, in_flight=3, task=echo), start=1):
        ahead = max(ahead, read - given)
    assert read == 200
    assert ahead <= 3 * 4  # never more than the window of batches read and not yet handed on
