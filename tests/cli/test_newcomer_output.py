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


def test_a_quote_inside_another_is_listed_once(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    text = "Ann Lee said the deal was a disaster for everyone. Later Ann Lee said it was over."
    with Store(db) as store:
        store.add([make_analysis("q", text, "2025-01-01", {"a": PEOPLE["a"]},
                                 quotes=[("the deal was a disaster for everyone", "a"), ("a disaster", "a"),
                                         ("it was over", "a")])])
        store.resolve()
    code, out, _ = run("quotes", "--by", "Ann Lee", "--db", str(db))
    assert code == 0
    assert [line.split(": ", 1)[1].split("\u201d")[0] for line in out.splitlines()] == [
        "\u201cthe deal was a disaster for everyone", "\u201cit was over"]


def _dated_store(tmp_path: Path) -> Path:
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.add([make_analysis("t", "Ann Lee met Kate Moss in the autumn. A strike happened.", "2025-01-01",
                                 PEOPLE, events=[("CONSULT", "met", ["a"], ["k"], "1978-FA"),
                                                 ("STRIKE", "strike", [], [], "2025-01-01")])])
        store.resolve()
    return db


def test_events_and_timeline_read_dates_in_words_and_skip_events_without_parties(tmp_path: Path) -> None:
    db = _dated_store(tmp_path)
    for command in ("events", "timeline"):
        code, out, _ = run(command, "--db", str(db))
        assert code == 0
        assert out.splitlines() == ["autumn 1978 (1978-FA)  CONSULT   Ann Lee, Kate Moss  [1 doc(s)]"] or \
            out.splitlines() == ["autumn 1978 (1978-FA)  CONSULT   Ann Lee -> Kate Moss  [1 doc(s)]"], out
        assert "STRIKE" not in out


def test_readable_dates() -> None:
    from newsgraph.cli.dates import date_beside_value, readable_date

    assert readable_date("1978-FA") == "autumn 1978"
    assert readable_date("2025-08-16") == "16 August 2025"
    assert readable_date("2025-W33") == "week 33 of 2025"
    assert readable_date("2025-Q3") == "the third quarter of 2025"
    assert readable_date("197X") == "the 1970s"
    assert readable_date("2025-08-16TEV") == "16 August 2025, evening"
    assert readable_date("P3D") == "P3D"  # a duration has no date to read
    assert date_beside_value("2025") == "2025"


def test_the_report_reads_dates_and_leaves_out_events_without_parties(run_analysis) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console

    from newsgraph.cli.render import print_report

    a = run_analysis("Angela Merkel met Emmanuel Macron in Paris last autumn. There was an explosion on Monday.",
                     published="2025-08-16")
    console = Console(record=True, width=200)
    print_report(a, console)
    shown = console.export_text()
    assert "autumn 2024 (2024-FA)" in shown
    # the explosion: no one takes part, so it is no event (the events layer) and nothing is shown (the report)
    assert all(v.source or v.target or v.groups for v in a.events)
    assert "CONSULT" in shown and "ASSAULT" not in shown and "explosion" not in shown


def test_a_quote_shows_its_own_words_not_the_narration_inside_it(tmp_path: Path) -> None:
    from newsgraph.cli.corpus import quoted_words

    said = '"It is good," he told Reuters. "We have the money."'
    assert quoted_words(said) == "It is good, \u2026 We have the money."
    assert quoted_words("\u201cWe won,\u201d Ann Lee said.") == "We won,"
    assert quoted_words("the deal was a disaster") == "the deal was a disaster"  # reported speech as it is
    db = tmp_path / "news.db"
    text = '"It is good," Ann Lee told Reuters. "We have the money."'
    with Store(db) as store:
        store.add([make_analysis("q", text, "2025-01-01", {"a": PEOPLE["a"]}, quotes=[(text, "a")])])
        store.resolve()
    code, out, _ = run("quotes", "--db", str(db))
    assert code == 0 and out.startswith("Ann Lee: \u201cIt is good, \u2026 We have the money.\u201d")
    assert json.loads(run("quotes", "--json", "--db", str(db))[1])[0]["text"] == text  # the record keeps it all


def test_piped_analyze_writes_json_and_help_says_why() -> None:
    from tests.paths import SAMPLE

    code, out, _ = run("analyze", str(SAMPLE))  # not a terminal
    assert code == 0 and json.loads(out)["schema"] == "newsgraph/1"
    assert "json when the output is piped" in " ".join(run("analyze", "--help")[1].split())
