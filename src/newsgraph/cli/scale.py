"""The scale-out options of ``analyze`` and ``ingest``: ``--workers N``, ``--scheduler ADDRESS``, ``--batch-size``.

Dask is imported only when one of the first two is given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from newsgraph.cli.common import fail

if TYPE_CHECKING:
    from distributed import Client

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")
BATCH_SIZE = 32  # newsgraph.scale.DEFAULT_BATCH_SIZE, without importing Dask to say so


def scale_options(f: F) -> F:
    """``--workers``, ``--scheduler`` and ``--batch-size``, shared by ``analyze`` and ``ingest``."""
    f = click.option("--batch-size", type=click.IntRange(min=1), default=BATCH_SIZE, show_default=True,
                     help="Articles per Dask task (with --workers or --scheduler).")(f)
    f = click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
                     help="Run the analysis on this existing Dask cluster (`dask scheduler` / `dask worker`).")(f)
    return click.option("--workers", type=click.IntRange(min=1), default=None, metavar="N",
                        help="Run the analysis on a local Dask cluster of N worker processes.")(f)


def run_scaled(workers: int | None, scheduler: str | None, model: str | None, work: Callable[[Client], T]) -> T:
    """``work(client)`` on the Dask cluster the options ask for; the cluster is closed on every way out.

    A missing Dask or an unreachable scheduler stops with one clear line (status 2).
    """
    if workers is not None and scheduler is not None:
        raise click.UsageError("give --workers or --scheduler, not both")
    try:
        from newsgraph.scale import ScaleError, open_cluster
    except ImportError:
        fail("--workers and --scheduler need Dask: pip install 'newsgraph[scale]'")
    try:
        with open_cluster(workers=workers, scheduler=scheduler, model=model) as client:
            return work(client)
    except ScaleError as err:
        fail(str(err))
