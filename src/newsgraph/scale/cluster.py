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
        # a task that takes its worker down twice is given up (then it becomes error records);
        # no statistical profiler sampling the parse every 10 ms (a few % of a worker, for a dashboard we do not show)
        with dask.config.set({"distributed.scheduler.allowed-failures": RETRIES,
                              "distributed.worker.profile.enabled": False}):
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
