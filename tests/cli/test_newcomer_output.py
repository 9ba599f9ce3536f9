"""Output that reads right to a newcomer: paths, the GDELT export, quotes, dates, events with parties."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from click.testing import CliRunner

from newsgraph import Store
from newsgraph.cli.main import cli
from tests.corpus.test_store import make_analysis

PEOPLE = {"a": ("Ann Lee", "PERSON", ("Ann Lee",)), "b": ("Bob Stone", "PERSON", ("Bob Stone",)),
          "k": ("Kate Moss", "PERSON", ("Kate Moss",))}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_path_puts_the_direct_link_first(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.add([make_analysis("n0", "Ann Lee said Kate Moss was right.", "2025-01-01",
                                 {"a": PEOPLE["a"], "k": PEOPLE["k"]}, quotes=[("Kate Moss was right", "a")])])
        store.add([make_analysis(f"n{i}", f"Ann Lee met Bob Stone. Bob Stone called Kate Moss. ({i})", "2025-01-02",
                                 PEOPLE, events=[("CONSULT", "met", ["a"], ["b"], None),
                                                 ("CONSULT", "called", ["b"], ["k"], None)])
                   for i in range(1, 6)])
        store.resolve()
    code, out, _ = run("path", "Ann Lee", "Kate Moss", "--db", str(db))
    assert code == 0
    assert out.splitlines() == ["Ann Lee -> Kate Moss", "Ann Lee -> Bob Stone -> Kate Moss"]


def test_gdelt_sourceurl_is_empty_without_a_url(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.add([make_analysis("no-url", "Ann Lee met Kate Moss.", "2025-01-01", PEOPLE,
                                 events=[("CONSULT", "met", ["a"], ["k"], None)])])
        store.resolve()
    code, _, err = run("export", "--format", "gdelt", "--output", str(tmp_path / "e.csv"), "--db", str(db))
    assert code == 0, err
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["SOURCEURL"] for r in rows] == [""]
    assert json.dumps(rows).count("no-url") == 0
