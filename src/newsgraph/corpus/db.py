"""Data access to the corpus: many articles' analyses in one SQLite file, actors and events resolved across them.

Each batch of articles is written in one transaction, so a run stopped half way
leaves whole articles only. Actors, merged events and the network are derived
tables, rebuilt after an ingest and before any query that finds them stale.
Ingest and export are functions over a ``Database`` (``ingest.py``, ``export.py``);
``store.Store`` puts them together as the public API.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsgraph.corpus.graph import MAX_PATHS, network, paths_between
from newsgraph.corpus.places import place_summary
from newsgraph.corpus.queries import (
    FILE_LIMIT,
    UnknownActor,
    actor_file,
    corpus_counts,
    documents,
    find_actor,
    list_actors,
    list_events,
    list_quotes,
    timeline,
)
from newsgraph.corpus.schema import RESOLVER_VERSION, OlderStore, connect, is_current

if TYPE_CHECKING:
    from newsgraph.model import Analysis

DEFAULT_DB = "newsgraph.db"

__all__ = ["DEFAULT_DB", "Database", "UnknownActor"]


class Database:
    """Data access to the corpus (SQLite): store analyses, resolve, and ask about actors, events, quotes, paths."""

    def __init__(self, path: str | Path = ":memory:", *, readonly: bool = False) -> None:
        self.db_path = str(path)
        self.readonly = readonly
        self.conn: sqlite3.Connection = connect(self.db_path, readonly)

    def close(self) -> None:
        """Close the database (its write-ahead log folded in, so the store is one file again)."""
        if not self.readonly:  # a reader writes nothing
            with contextlib.suppress(sqlite3.Error):  # another process still reads it: the log is folded in later
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                # The last one out leaves a plain file, which a read-only mount or a copied archive can be read from.
                self.conn.execute("PRAGMA busy_timeout = 0")
                self.conn.execute("PRAGMA journal_mode = DELETE")
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------

    def add(self, analyses: Iterable[Analysis], authors: Mapping[str, str | None] | None = None) -> list[str]:
        """Store analyses in one transaction; the ids of the documents that were new (duplicates are skipped).

        The new articles are resolved against the stored actors and events in the same
        transaction (``incremental.py``): a store is always resolved, whatever stops it.
        """
        from newsgraph.corpus.incremental import resolve_new  # the write side: a question never loads it
        from newsgraph.corpus.write import insert_analysis

        added: list[str] = []
        current = self._resolver_current()
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for analysis in analyses:
                doc_id = insert_analysis(self.conn, analysis, (authors or {}).get(analysis.document.id))
                if doc_id is not None:
                    added.append(doc_id)
            if current and added:
                resolve_new(self.conn, added)
            elif added:
                self.conn.execute("UPDATE meta SET value = '0' WHERE key = 'resolved'")
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return added

    def has_hash(self, digest: str) -> bool:
        """Whether an article with this content hash is already stored (an index lookup)."""
        return self.conn.execute("SELECT 1 FROM documents WHERE hash = ?", (digest,)).fetchone() is not None

    def known_hashes(self) -> set[str]:
        """The content hashes of the articles already stored."""
        from newsgraph.corpus.write import known_hashes

        return known_hashes(self.conn)

    def resolve(self) -> None:
        """Re-resolve actors, merged events and the network from every stored article (``resolve --all``)."""
        from newsgraph.corpus.write import rebuild_derived

        rebuild_derived(self.conn)

    def _resolver_current(self) -> bool:
        """Whether the derived tables are whole and were built by this version's resolver."""
        meta = dict(self.conn.execute("SELECT key, value FROM meta WHERE key IN ('resolved', 'resolver')"))
        return meta.get("resolved") == "1" and meta.get("resolver") == RESOLVER_VERSION

    def prepare(self) -> None:
        """Make the store ready to answer (an older one upgraded, a stale one resolved), else ``OlderStore``."""
        self._ready()

    def _ready(self) -> sqlite3.Connection:
        if not is_current(self.conn):  # an older store, opened read-only (a writer's opening made it current):
            with contextlib.suppress(sqlite3.Error), Database(self.db_path):  # a writer opening it adds what it lacks
                pass
            if not is_current(self.conn):
                raise OlderStore(f"{self.db_path} was written by an older newsgraph and lacks the tables this one "
                                 "asks (the actor pairs and their indexes), and it cannot be written here: open it "
                                 "once where the file is writable (any `newsgraph` command adds them), or copy it "
                                 "to a writable place")
        if not self._resolver_current():
            if not self.readonly:
                self.resolve()
            else:  # a stopped ingest left it stale: resolve if the file can be written, else read it as it is
                with contextlib.suppress(sqlite3.Error), Database(self.db_path) as writer:
                    writer.resolve()
        return self.conn

    def _actor_id(self, name: str | None) -> int | None:
        return None if name is None else find_actor(self._ready(), name)

    # -- questions -------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many documents, actors, events and quotes the store holds."""
        return corpus_counts(self._ready())

    def documents(self, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """The documents' metadata, in the order ingested (a page of them)."""
        return documents(self.conn, limit, offset)

    def actors(self, type: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """The actors (name, type, documents), most reported first; only one type if given."""
        return list_actors(self._ready(), type, limit, offset)

    def places(self, limit: int | None = None) -> list[dict[str, Any]]:
        """The located places (point, country, feature), with how many events happened there, most first."""
        return place_summary(self._ready(), limit)

    def actor(self, name: str, limit: int | None = FILE_LIMIT) -> dict[str, Any]:
        """One actor: name, type, aliases, roles, counts, and the first ``limit`` documents, events, quotes, links."""
        actor_id = self._actor_id(name)
        assert actor_id is not None
        return actor_file(self.conn, actor_id, limit)

    def events(self, type: str | None = None, actor: str | None = None, limit: int | None = None,
               offset: int = 0) -> list[dict[str, Any]]:
        """The events merged across articles, each with its documents, by date."""
        return list_events(self._ready(), type, self._actor_id(actor), limit=limit, offset=offset)

    def timeline(self, actor: str | None = None, since: str | None = None,
                 until: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Events (and an actor's quotes) in date order, within ``since``..``until`` when given."""
        return timeline(self._ready(), self._actor_id(actor), since, until, limit, offset)

    def quotes(self, by: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """The quotes, by date; only one speaker's if given."""
        return list_quotes(self._ready(), self._actor_id(by), limit, offset)

    def network(self, actor: str | None = None, depth: int = 1) -> dict[str, Any]:
        """The actor network's nodes and edges, whole or around one actor."""
        return network(self._ready(), self._actor_id(actor), depth)

    def path(self, a: str, b: str, limit: int = MAX_PATHS) -> list[list[str]]:
        """How two actors connect: paths (lists of actor names), cheapest first, through different go-betweens."""
        first, second = self._actor_id(a), self._actor_id(b)
        assert first is not None and second is not None
        return paths_between(self.conn, first, second, limit)
