"""Scale-out on Dask: analysis and ingest on a local cluster of worker processes or on an existing cluster.

Nothing here is imported unless ``--workers`` or ``--scheduler`` is given, so a plain run
never loads Dask.
"""

from newsgraph.scale.cluster import ScaleError, open_cluster, worker_peak_memory
from newsgraph.scale.commands import analyze_jsonl_on, ingest_on
from newsgraph.scale.runner import DEFAULT_BATCH_SIZE, analyze_on_cluster

__all__ = ["DEFAULT_BATCH_SIZE", "ScaleError", "analyze_jsonl_on", "analyze_on_cluster", "ingest_on",
           "open_cluster", "worker_peak_memory"]
