"""The store opened read only: SQLite refuses every write, so no page can change the corpus."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newsgraph.corpus.db import Database


class NotAStore(ValueError):
    """The file is missing, unreadable, or not a newsgraph corpus database."""


class ReadOnlyDatabase(Database):
    """A ``Database`` over a connection SQLite opened with ``mode=ro``: every question works, no write does."""

    def __init__(self, path: str | Path) -> None:
        # not Database.__init__: its opener creates the tables and writes the schema version
        self.db_path = str(path)
        self.conn = _connect(Path(path))

    def close(self) -> None:
        """Close the connection (nothing to fold back: a reader never writes)."""
        self.conn.close()

    def resolve(self) -> None:
        """A read-only store cannot re-resolve; a stale one is answered as it stands."""


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise NotAStore(f"no corpus database at {path}: run `newsgraph ingest PATH... --db {path}` first")
    # check_same_thread off: the app may be built in one thread and serve in another; its handlers are
    # coroutines, so the event loop asks one question at a time.
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False,
                           isolation_level=None)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        conn.execute("SELECT 1 FROM actors, happenings, documents LIMIT 1").fetchall()
    except sqlite3.Error as err:
        conn.close()
        raise NotAStore(f"{path} is not a newsgraph corpus database ({err})") from None
    if row is None:
        conn.close()
        raise NotAStore(f"{path} is not a newsgraph corpus database (no schema version)")
    conn.execute("PRAGMA query_only = ON")
    return conn


def open_read_only(path: str | Path) -> ReadOnlyDatabase:
    """The corpus at ``path``, read only; ``NotAStore`` with a clear message when it is not one."""
    return ReadOnlyDatabase(path)
