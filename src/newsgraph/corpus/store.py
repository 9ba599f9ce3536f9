"""The public corpus API: a ``Database`` that also ingests articles and exports itself.

    >>> from newsgraph import Store
    >>> with Store("newsgraph.db") as store:          # doctest: +SKIP
    ...     store.ingest(["articles/", "more.jsonl"])
    ...     store.actor("Zelensky")["aliases"]
    ...     store.path("Trump", "Kremlin")

The store skips what it already holds (by content hash), so a run stopped half way
carries on where it stopped.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.corpus.db import DEFAULT_DB, Database, UnknownActor

if TYPE_CHECKING:
    from newsgraph.corpus.ingest import IngestSummary

__all__ = ["DEFAULT_DB", "Store", "UnknownActor"]


class Store(Database):
    """An embedded corpus database (SQLite): ingest articles, then ask about actors, events, quotes, paths."""

    def __enter__(self) -> Store:
        return self

    def ingest(self, paths: Sequence[str | Path], *, published: str | None = None, model: str | None = None,
               show_progress: bool = False, batch_size: int = 16) -> IngestSummary:
        """Read, analyse and store articles from files, folders, JSONL and CSV; what happened.

        ``published`` (YYYY-MM-DD) dates the articles that give no date of their own.
        """
        from newsgraph.corpus.ingest import ingest_paths  # a question to the store never loads the analysis

        return ingest_paths(self, paths, model=model, published=published, show_progress=show_progress,
                            batch_size=batch_size)

    def export(self, format: str, output: str | Path) -> Path:
        """Write the corpus in ``format`` (plover, gdelt, gexf, graphml, neo4j, geojson) to ``output``; the path."""
        from newsgraph.corpus.export import export

        return export(self, format, Path(output))
