"""The corpus database's tables: what each article said, and what resolution derived from all of them.

The first group holds each article's analysis as it came (local ids such as
``e3`` scoped by ``doc_id``); it is only ever appended to, one transaction per
batch of articles. The second group (actors, events merged across articles, the
network's edges) is derived from the first: an ingest resolves each batch's new
articles against it (``incremental.py``), ``resolve --all`` rebuilds it whole. The
store records which resolver built it (``meta.resolver``); a store built by another
resolver is rebuilt whole before it is used.

Every lookup a command makes has an index (``tests/corpus/test_query_plans.py``
fails on a full scan of a table that grows with the corpus).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from newsgraph.corpus.pairs import rebuild as rebuild_pairs

SCHEMA_VERSION = "1"
# The file's marker (SQLite's application id, "NGr1") and its schema version (user_version): a store says
# what it is before anything is written to it, so another application's database is never changed.
APPLICATION_ID = 0x4E477231
USER_VERSION = int(SCHEMA_VERSION)

# Bump when the cross-article rules change: a store built by another resolver is rebuilt whole when opened.
RESOLVER_VERSION = "4"

ARTICLE_TABLES = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents(
    doc_id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, title TEXT, published TEXT, source TEXT,
    url TEXT, author TEXT, text TEXT NOT NULL, seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS entities(
    doc_id TEXT NOT NULL, eid TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, aliases TEXT NOT NULL,
    n_mentions INTEGER NOT NULL, PRIMARY KEY(doc_id, eid));
CREATE TABLE IF NOT EXISTS mentions(doc_id TEXT NOT NULL, eid TEXT NOT NULL, start INTEGER, "end" INTEGER);
CREATE TABLE IF NOT EXISTS roles(
    doc_id TEXT NOT NULL, eid TEXT NOT NULL, title TEXT NOT NULL, of_eid TEXT, start INTEGER, "end" INTEGER);
CREATE TABLE IF NOT EXISTS events(
    doc_id TEXT NOT NULL, vid TEXT NOT NULL, type TEXT NOT NULL, mode TEXT, cameo TEXT,
    date_text TEXT, date_value TEXT, negated INTEGER, hypothetical INTEGER,
    trigger_text TEXT, trigger_start INTEGER, trigger_end INTEGER, evidence_start INTEGER, evidence_end INTEGER,
    location_eid TEXT, PRIMARY KEY(doc_id, vid));
CREATE TABLE IF NOT EXISTS event_args(
    doc_id TEXT NOT NULL, vid TEXT NOT NULL, eid TEXT NOT NULL, side TEXT NOT NULL, country TEXT, sector TEXT);
CREATE TABLE IF NOT EXISTS quotes(
    doc_id TEXT NOT NULL, qid TEXT NOT NULL, text TEXT NOT NULL, start INTEGER, "end" INTEGER, direct INTEGER,
    speaker_eid TEXT, cue TEXT, hedge TEXT, kind TEXT, PRIMARY KEY(doc_id, qid));
CREATE TABLE IF NOT EXISTS timexes(
    doc_id TEXT NOT NULL, text TEXT, start INTEGER, "end" INTEGER, type TEXT, value TEXT);
CREATE TABLE IF NOT EXISTS places(
    doc_id TEXT NOT NULL, eid TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, geonameid INTEGER, country TEXT,
    feature TEXT, name TEXT, PRIMARY KEY(doc_id, eid));
CREATE TABLE IF NOT EXISTS event_locations(doc_id TEXT NOT NULL, vid TEXT NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY(doc_id, vid));
CREATE TABLE IF NOT EXISTS links(
    doc_id TEXT NOT NULL, a_eid TEXT NOT NULL, b_eid TEXT NOT NULL, kind TEXT NOT NULL, ref TEXT);
CREATE INDEX IF NOT EXISTS mentions_by_entity ON mentions(doc_id, eid);
CREATE INDEX IF NOT EXISTS args_by_event ON event_args(doc_id, vid);
CREATE INDEX IF NOT EXISTS roles_by_entity ON roles(doc_id, eid);
CREATE INDEX IF NOT EXISTS quotes_by_speaker ON quotes(doc_id, speaker_eid);
CREATE INDEX IF NOT EXISTS documents_by_date ON documents(published, seq);
-- a document's date and order without reading its row (its text comes before seq: the row is long)
CREATE INDEX IF NOT EXISTS documents_dated ON documents(doc_id, published, seq);
CREATE INDEX IF NOT EXISTS links_by_doc ON links(doc_id);
"""

DERIVED_TABLES = """
CREATE TABLE IF NOT EXISTS actors(
    actor_id INTEGER PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, n_docs INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS actor_entities(
    doc_id TEXT NOT NULL, eid TEXT NOT NULL, actor_id INTEGER NOT NULL, form TEXT NOT NULL, PRIMARY KEY(doc_id, eid));
CREATE TABLE IF NOT EXISTS actor_forms(actor_id INTEGER NOT NULL, form TEXT NOT NULL, doc_id TEXT NOT NULL,
    eid TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, aliases TEXT NOT NULL, roles TEXT NOT NULL,
    n INTEGER NOT NULL, PRIMARY KEY(actor_id, form));
CREATE TABLE IF NOT EXISTS actor_aliases(actor_id INTEGER NOT NULL, alias TEXT NOT NULL, key TEXT NOT NULL,
    n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS happenings(
    event_id INTEGER PRIMARY KEY, type TEXT NOT NULL, mode TEXT, date TEXT, location INTEGER,
    n_docs INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS happening_mentions(
    doc_id TEXT NOT NULL, vid TEXT NOT NULL, event_id INTEGER NOT NULL, PRIMARY KEY(doc_id, vid));
CREATE TABLE IF NOT EXISTS happening_actors(event_id INTEGER NOT NULL, actor_id INTEGER NOT NULL,
    side TEXT NOT NULL, PRIMARY KEY(event_id, actor_id, side));
CREATE TABLE IF NOT EXISTS edges(a INTEGER NOT NULL, b INTEGER NOT NULL, kind TEXT NOT NULL, ref TEXT,
    doc_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS actor_pairs(a INTEGER NOT NULL, b INTEGER NOT NULL, kinds TEXT NOT NULL,
    documents INTEGER NOT NULL, PRIMARY KEY(a, b)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS actor_keys(actor_id INTEGER NOT NULL, key TEXT NOT NULL, PRIMARY KEY(key, actor_id));
CREATE INDEX IF NOT EXISTS actor_keys_by_actor ON actor_keys(actor_id);
CREATE INDEX IF NOT EXISTS actors_by_reports ON actors(n_docs DESC, name);
CREATE INDEX IF NOT EXISTS actors_by_type ON actors(type, n_docs DESC, name);
CREATE INDEX IF NOT EXISTS aliases_by_actor ON actor_aliases(actor_id);
CREATE INDEX IF NOT EXISTS happenings_by_date ON happenings(date, event_id);
CREATE INDEX IF NOT EXISTS happenings_by_type ON happenings(type, date, event_id);
CREATE INDEX IF NOT EXISTS edges_by_doc ON edges(doc_id);
CREATE INDEX IF NOT EXISTS actor_entities_by_actor ON actor_entities(actor_id, form, doc_id, eid);
DROP INDEX IF EXISTS actor_entities_by_form;
CREATE INDEX IF NOT EXISTS aliases_by_key ON actor_aliases(key);
CREATE INDEX IF NOT EXISTS happening_mentions_by_event ON happening_mentions(event_id);
CREATE INDEX IF NOT EXISTS happening_actors_by_actor ON happening_actors(actor_id);
CREATE INDEX IF NOT EXISTS edges_by_pair ON edges(a, b);
DROP INDEX IF EXISTS edges_by_a;
CREATE INDEX IF NOT EXISTS edges_by_b ON edges(b);
"""

DERIVED = ("actors", "actor_entities", "actor_forms", "actor_aliases", "actor_keys", "happenings", "happening_mentions",
           "happening_actors", "edges", "actor_pairs")


class NotAStore(sqlite3.DatabaseError):
    """The file is an SQLite database of some other application (or of a newer newsgraph): it is left alone."""


class OlderStore(NotAStore):
    """A store from an older newsgraph, read-only here, that lacks what this version's questions read."""


def connect(path: str, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the database at ``path`` (``:memory:`` for a throwaway one), its tables made.

    ``readonly`` opens an existing store without writing anything (no log switch, no
    tables), so a store on a read-only mount or a shared archive can be queried.
    Either way, a file that is not a newsgraph store raises ``NotAStore`` untouched.
    """
    if readonly and path != ":memory:":
        return _connect_readonly(path)
    if path != ":memory:" and not path.startswith("file:"):
        Path(path).parent.mkdir(parents=True, exist_ok=True)  # `ingest --db new/dir/news.db` makes the folder
    # Transactions are explicit (BEGIN ... COMMIT); a query waits for an ingest's batch to commit.
    conn = sqlite3.connect(path, isolation_level=None, timeout=60)
    try:
        state = check_store(conn, path)
    except BaseException:
        conn.close()
        raise
    if state != "marked":
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {USER_VERSION}")
    if path != ":memory:":
        conn.execute("PRAGMA journal_mode=WAL")  # readers go on while an ingest writes
        conn.execute("PRAGMA synchronous=NORMAL")  # WAL keeps every commit atomic; fsync per checkpoint
    conn.execute("PRAGMA foreign_keys=OFF")
    columns = {c for _, c, *_ in conn.execute("PRAGMA table_info(actor_entities)")}
    if columns and "form" not in columns:  # derived by an older resolver: dropped, rebuilt when next used
        for table in DERIVED:
            conn.execute(f"DROP TABLE IF EXISTS {table}")
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'resolved'")
    fresh = not has_pairs(conn)
    conn.executescript(ARTICLE_TABLES + DERIVED_TABLES)
    if fresh and conn.execute("SELECT 1 FROM edges LIMIT 1").fetchone() is not None:
        _add_pairs(conn)
    conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    conn.execute("INSERT OR IGNORE INTO meta VALUES ('resolved', '1')")
    if conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone() is None:  # empty: any resolver fits
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('resolver', ?)", (RESOLVER_VERSION,))
    return conn


def _add_pairs(conn: sqlite3.Connection) -> None:
    """A store from before ``actor_pairs``: its pairs counted from its edges, once (the rest is kept)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        rebuild_pairs(conn)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


_LATEST = ("actor_pairs", "documents_dated", "actor_entities_by_actor")  # the tables and indexes added last


def has_pairs(conn: sqlite3.Connection) -> bool:
    """Whether the store has its ``actor_pairs``."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'actor_pairs'").fetchone() is not None


def is_current(conn: sqlite3.Connection) -> bool:
    """Whether the store has every table and index the queries use (an older one gets them when opened for writing)."""
    marks = ",".join("?" * len(_LATEST))
    found = conn.execute(f"SELECT COUNT(*) FROM sqlite_master WHERE name IN ({marks})", _LATEST).fetchone()[0]
    return bool(found == len(_LATEST))


def check_store(conn: sqlite3.Connection, path: str) -> str:
    """"marked" (a store), "unmarked" (a store from before the marker) or "empty"; else raises ``NotAStore``.

    Only reads: the marker, the schema version and, for a store written before the
    marker existed, its ``meta`` table.
    """
    app_id, version = (conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("application_id", "user_version"))
    if app_id == APPLICATION_ID:
        if version > USER_VERSION:
            raise NotAStore(f"{path} was written by a newer newsgraph (schema {version}, this one reads "
                            f"{USER_VERSION}): upgrade newsgraph")
        return "marked"
    tables = sorted(n for n, in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
    if app_id == 0 and not tables:
        return "empty"
    if app_id == 0 and {"meta", "documents", "actors"} <= set(tables) and conn.execute(
            "SELECT value FROM meta WHERE key = 'schema'").fetchone() == (SCHEMA_VERSION,):
        return "unmarked"  # a store from before the marker: it is ours, it gets the marker when written
    shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
    raise NotAStore(f"{path} is an SQLite database of another application (tables: {shown or 'none'}); "
                    "newsgraph leaves it untouched: give a new file name with --db")


def _connect_readonly(path: str) -> sqlite3.Connection:
    uri = "file:" + quote(str(Path(path).resolve())) + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=60)
    try:
        try:
            state = check_store(conn, path)
        except sqlite3.OperationalError:
            # A store in WAL mode on a read-only mount cannot make its shared-memory file: read it as immutable.
            conn.close()
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None, timeout=60)
            state = check_store(conn, path)
        if state == "empty":
            raise NotAStore(f"{path} is an empty file, not a newsgraph corpus database")
    except BaseException:
        conn.close()
        raise
    return conn
