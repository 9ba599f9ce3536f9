"""``ingest --analyses``: `newsgraph analyze` JSONL output stored without analysing again, as an ingest of the articles.

The ten-million plan: analyses made on a cluster into partitioned JSONL, then one ingest.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph import Store
from newsgraph.cli.main import cli
from newsgraph.corpus.analyses import read_analyses
from newsgraph.model import Analysis, Failure

PEOPLE = ["Hedda Lorn", "Piet Vanek", "Ruta Salme", "Jonas Eik"]


def article(k: int) -> str:
    a, b = PEOPLE[k % 4], PEOPLE[(k + 1) % 4]
    return (f"{a}, the trade minister, met {b} in Bergen on Thursday to settle the quota dispute of {k + 2} weeks. "
            f"\"The quotas stay as they are until June,\" {a.split()[1]} said. {b} criticised the fishing board.")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stderr


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Articles (one line bad) and their analyses, as `newsgraph analyze` wrote them."""
    folder = tmp_path_factory.mktemp("analyses")
    lines = [json.dumps({"id": f"t{k}", "text": article(k), "published": "2026-01-1" + str(k)}) for k in range(6)]
    lines.insert(2, "{not json")
    source = folder / "docs.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = folder / "analyses.jsonl"
    assert run("analyze", str(source), "-q", "--output", str(out))[0] == 1
    return source, out


def test_stored_analyses_equal_an_ingest_of_the_articles(made: tuple[Path, Path], tmp_path: Path) -> None:
    source, analyses = made
    assert run("ingest", str(source), "--db", str(tmp_path / "articles.db"), "-q")[0] == 1
    code, said = run("ingest", "--analyses", str(analyses), "--db", str(tmp_path / "analyses.db"), "-q")
    assert code == 1 and "6 added, 0 already stored, 1 skipped" in said  # the bad line's error record
    assert "was not analysed" in said
    with Store(tmp_path / "articles.db") as one, Store(tmp_path / "analyses.db") as two:
        assert two.actors() == one.actors()
        assert two.events() == one.events()
    code, said = run("ingest", "--analyses", str(analyses), "--db", str(tmp_path / "analyses.db"), "-q")
    assert "0 added, 6 already stored, 1 skipped" in said  # run again: nothing twice


def test_partitions_in_a_folder_and_a_stopped_ingest_carried_on(made: tuple[Path, Path], tmp_path: Path) -> None:
    _, analyses = made
    lines = analyses.read_text(encoding="utf-8").splitlines(keepends=True)
    parts = tmp_path / "out"
    parts.mkdir()
    (parts / "part-0.jsonl").write_text("".join(lines[:4]), encoding="utf-8")
    (parts / "part-1.jsonl").write_text("".join(lines[4:]), encoding="utf-8")
    db = str(tmp_path / "parts.db")
    code, said = run("ingest", "--analyses", str(parts / "part-0.jsonl"), "--db", db, "-q")  # stopped after one
    assert code == 1 and "3 added" in said
    code, said = run("ingest", "--analyses", str(parts), "--db", db, "-q")
    assert code == 1 and "3 added, 3 already stored, 1 skipped" in said
    whole = str(tmp_path / "whole.db")
    run("ingest", "--analyses", str(analyses), "--db", whole, "-q")
    with Store(db) as a, Store(whole) as b:
        assert a.actors() == b.actors()


def test_what_is_not_an_analysis_is_skipped_with_a_reason(made: tuple[Path, Path], tmp_path: Path) -> None:
    source, analyses = made
    mixed = tmp_path / "mixed.jsonl"
    good = analyses.read_text(encoding="utf-8").splitlines()[0]
    record = json.loads(good)
    del record["document"]["text"]
    mixed.write_text("\n".join([good, "[1, 2]", "{oops", source.read_text(encoding="utf-8").splitlines()[0],
                                json.dumps(record), ""]) + "\n", encoding="utf-8")
    got = list(read_analyses([mixed]))
    assert isinstance(got[0], Analysis) and all(isinstance(g, Failure) for g in got[1:]) and len(got) == 5
    reasons = " | ".join(g.error for g in got[1:] if isinstance(g, Failure))
    assert "not an analysis" in reasons and "not valid JSON" in reasons and "not a newsgraph/1" in reasons
    assert "no document text" in reasons
    code, said = run("ingest", "--analyses", str(mixed), str(tmp_path / "nope.jsonl"), "--db",
                     str(tmp_path / "m.db"), "-q")
    assert code == 1 and "1 added, 0 already stored, 5 skipped" in said and "no such file" in said


def test_analyses_take_no_analysis_options(made: tuple[Path, Path], tmp_path: Path) -> None:
    _, analyses = made
    code, said = run("ingest", "--analyses", str(analyses), "--db", str(tmp_path / "x.db"), "--workers", "2")
    assert code == 2 and "do not apply" in said
