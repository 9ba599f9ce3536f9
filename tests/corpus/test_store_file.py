"""The store's file: read-only when only read, another application's database refused untouched, truthful counts."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph import Store
from newsgraph.cli.main import cli
from newsgraph.corpus.ingest import ingest_paths
from newsgraph.corpus.schema import APPLICATION_ID, NotAStore
from newsgraph.model import Analysis, Document
from tests.corpus.test_store import three_outlets


def _store_file(tmp_path: Path) -> Path:
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.add(three_outlets())
        store.resolve()
    return db


def _snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_a_query_writes_nothing_to_the_store(tmp_path: Path) -> None:
    db = _store_file(tmp_path)
    before = _snapshot(db)
    for args in (["actors"], ["actor", "Zelensky"], ["quotes"], ["events"], ["timeline"], ["network"],
                 ["path", "Zelensky", "Macron"], ["export", "--format", "gexf", "--output", str(tmp_path / "g")]):
        result = CliRunner().invoke(cli, [*args, "--db", str(db)])
        assert result.exit_code == 0, (args, result.stderr)
    assert _snapshot(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g", "news.db"]  # no -wal, no -shm left behind


def test_a_read_only_store_is_queried_without_a_write(tmp_path: Path) -> None:
    db = _store_file(tmp_path)
    with Store(db, readonly=True) as store:
        assert {a["name"] for a in store.actors("PERSON")} >= {"Volodymyr Zelensky"}
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("CREATE TABLE x(y)")


def test_the_store_carries_a_marker(tmp_path: Path) -> None:
    db = _store_file(tmp_path)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def _foreign(tmp_path: Path) -> Path:
    other = tmp_path / "app.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices VALUES (1, 9.5)")
    conn.commit()
    conn.close()
    os.utime(other, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    return other


def test_another_applications_database_is_refused_untouched(tmp_path: Path) -> None:
    other = _foreign(tmp_path)
    before = _snapshot(other)
    article = tmp_path / "a.txt"
    article.write_text("Olaf Scholz met Emmanuel Macron in Paris.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(article), "--db", str(other), "-q"])
    assert result.exit_code == 2
    assert "another application" in result.stderr and "invoices" in result.stderr
    assert "Traceback" not in result.stderr
    for args in (["actors"], ["quotes"]):
        result = CliRunner().invoke(cli, [*args, "--db", str(other)])
        assert result.exit_code == 2 and "another application" in result.stderr
    with pytest.raises(NotAStore):
        Store(other)
    assert _snapshot(other) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "app.sqlite"]


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("my notes, not a database\n" * 100, encoding="utf-8")
    before = _snapshot(notes)
    result = CliRunner().invoke(cli, ["ingest", str(notes), "--db", str(notes), "-q"])
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert _snapshot(notes) == before


def test_a_store_written_before_the_marker_is_still_ours(tmp_path: Path) -> None:
    db = _store_file(tmp_path)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA application_id = 0")
    conn.execute("PRAGMA user_version = 0")
    conn.commit()
    conn.close()
    with Store(db, readonly=True) as store:
        assert store.counts()["documents"] == 3
    with Store(db) as store:
        assert store.counts()["documents"] == 3
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_a_store_from_a_newer_newsgraph_is_refused(tmp_path: Path) -> None:
    db = _store_file(tmp_path)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(NotAStore, match="newer newsgraph"):
        Store(db)


def _fake_analyze(documents: object, model: str | None = None) -> object:
    for d in documents:  # type: ignore[attr-defined]
        yield Analysis(d) if isinstance(d, Document) else d


def test_what_another_ingest_stored_meanwhile_counts_as_already_stored(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    src = tmp_path / "a.jsonl"
    src.write_text("".join(f'{{"id": "d{i}", "text": "Article number {i}."}}\n' for i in range(40)),
                   encoding="utf-8")
    with Store(db) as first, Store(db) as second:
        seen_before = second.known_hashes()  # the second starts before the first stores anything
        ingest_paths(first, [src], analyze=_fake_analyze)  # type: ignore[arg-type]
        second.known_hashes = lambda: seen_before  # type: ignore[method-assign]
        summary = ingest_paths(second, [src], analyze=_fake_analyze)  # type: ignore[arg-type]
    assert (summary.added, summary.duplicates, summary.failed) == (0, 40, 0)


def test_a_store_whose_log_cannot_be_made_is_read_as_immutable(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.corpus import schema

    db = _store_file(tmp_path)
    real, calls = schema.check_store, []

    def first_fails(conn: sqlite3.Connection, path: str) -> str:
        calls.append(path)
        if len(calls) == 1:  # as SQLite says on a read-only mount where the shared-memory file cannot be made
            raise sqlite3.OperationalError("unable to open database file")
        return real(conn, path)

    monkeypatch.setattr(schema, "check_store", first_fails)
    before = _snapshot(db)
    with Store(db, readonly=True) as store:
        assert store.counts()["documents"] == 3
    assert len(calls) == 2 and _snapshot(db) == before


def test_an_older_store_that_cannot_be_written_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.corpus import db as db_module
    from newsgraph.corpus.db import Database
    from newsgraph.corpus.schema import OlderStore

    path = tmp_path / "old.db"
    Database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE actor_pairs")  # as a store from before the pair table
    conn.commit()
    conn.close()

    real_connect = db_module.connect

    def no_writing(p: str, readonly: bool = False) -> sqlite3.Connection:
        if not readonly:
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return real_connect(p, readonly)

    monkeypatch.setattr(db_module, "connect", no_writing)
    store = Database(path, readonly=True)
    with pytest.raises(OlderStore, match="older newsgraph"):
        store.prepare()
    store.close()


def test_a_store_in_a_folder_not_made_yet_makes_the_folder(tmp_path: Path) -> None:
    db = tmp_path / "new" / "dir" / "news.db"
    with Store(db) as store:
        store.add(three_outlets())
    assert db.exists()


def test_a_store_where_no_folder_can_be_made_says_so(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    article = tmp_path / "a.txt"
    article.write_text("Ministers met in Oslo on Monday.")
    result = CliRunner().invoke(cli, ["ingest", str(article), "--db", str(blocker / "news.db")])
    assert result.exit_code == 2
    assert "cannot open the corpus database" in result.output
