"""Where the batches run: a local cluster of one-thread worker processes, or a Dask cluster that is already up."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from distributed import Client

# A batch whose task failed this many times more than once (an exception, or its worker died) becomes error records.
RETRIES = 1
CONNECT_TIMEOUT_S = 20
# The environment of the command's own local workers: one math thread each (the worker runs one task at a time,
# and the other cores are the other workers'), as Dask sets it, but without Dask's MALLOC_TRIM_THRESHOLD_=65536.
# That setting turns off glibc's adaptive mmap threshold, so every array the parser makes above 128 KiB is a
# fresh mmap whose pages are faulted in again: measured, 7.7x the page faults of one process (121,000 against
# 16,000 a batch of 32 articles) and about 5% more CPU time a batch (bench/probe_worker.py). It exists to give
# memory back between tasks of very different sizes; ours are alike, and a worker's memory stays flat without it.
WORKER_ENVIRON = {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1}
# What a local worker does beside its task, for a dashboard we do not show: no statistical profiler sampling the
# parse every 10 ms, and the event-loop, memory and system monitors at 1-2 s instead of 20, 100 and 500 ms. Each
# wake-up takes the GIL from the parse; an idle worker used 15.8 ms of CPU a second with Dask's defaults and
# 2.8 ms with these (measured side by side). A memory limit is still enforced, within a second.
QUIET_MONITORS = {"distributed.worker.profile.enabled": False, "distributed.admin.tick.interval": "1s",
                  "distributed.worker.memory.monitor-interval": "1s",
                  "distributed.admin.system-monitor.interval": "2s"}


class ScaleError(RuntimeError):
    """Dask is not installed, or the cluster cannot be reached; the message says what to do."""


@contextmanager
def open_cluster(workers: int | None = None, scheduler: str | None = None,
                 model: str | None = None) -> Iterator[Client]:
    """A Dask client on ``workers`` local processes (one thread each) or on the scheduler at ``scheduler``.

    Every worker loads the model once, when it starts. On leaving (Ctrl-C included) the
    client is closed and a local cluster is shut down; a remote cluster stays up, and the
    tasks this run gave it are released.
    """
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise ScaleError("--workers and --scheduler need Dask: pip install 'newsgraph[scale]'") from None
    from newsgraph.scale.worker import IgnoreInterrupt, ModelLoader

    cluster: LocalCluster | None = None
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
        except (OSError, ValueError, TypeError) as err:
            raise ScaleError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from None
    else:
        # a task that takes its worker down twice is given up (then it becomes error records); the worker's
        # environment is WORKER_ENVIRON, its monitors QUIET_MONITORS (see there)
        with dask.config.set({"distributed.scheduler.allowed-failures": RETRIES,
                              "distributed.nanny.pre-spawn-environ": WORKER_ENVIRON, **QUIET_MONITORS}):
            cluster = LocalCluster(n_workers=workers or 1, threads_per_worker=1, processes=True,
                                   dashboard_address=":0", silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        if cluster is not None:
            client.register_plugin(IgnoreInterrupt())
        client.register_plugin(ModelLoader(model))
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def worker_threads(client: Client) -> int:
    """How many tasks the cluster can run at once (at least 1, so a cluster still starting gets work)."""
    threads: dict[str, int] = client.nthreads()
    return max(1, sum(threads.values()))


def worker_peak_memory(client: Client) -> dict[str, int]:
    """The peak resident memory of each worker process so far, in bytes (Linux and macOS)."""
    return dict(client.run(_peak_rss))


def _peak_rss() -> int:
    import resource
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)
