"""Every query command, in text and in JSON, with and without each of its filters, and its pages."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsgraph import Store
from newsgraph.cli.main import cli
from tests.corpus.corpus_cases import varied_corpus

# (command, the filters it takes); each runs bare, with each filter alone, and with all of them.
COMMANDS: dict[str, list[list[str]]] = {
    "actors": [["--type", "PERSON"], ["--limit", "2"], ["--offset", "1"]],
    "actor": [["--limit", "1"]],
    "events": [["--type", "CONSULT"], ["--actor", "Ann Lee"], ["--limit", "1"], ["--offset", "1"]],
    "timeline": [["--actor", "Dan Roe"], ["--since", "2025-01-02"], ["--until", "2025-03-31"], ["--limit", "2"],
                 ["--offset", "1"]],
    "quotes": [["--by", "Dan Roe"], ["--limit", "1"], ["--offset", "1"]],
    "network": [["--actor", "Ann Lee"], ["--depth", "2"]],
    "path": [["--limit", "2"]],
}
ARGS = {"actor": ["Ann Lee"], "path": ["Ann Lee", "Kate Moss"]}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "c.db"
    with Store(path) as store:
        for analysis in varied_corpus():
            store.add([analysis])
    return str(path)


def _cases() -> list[tuple[str, list[str]]]:
    out = []
    for command, filters in COMMANDS.items():
        out.append((command, []))
        out += [(command, f) for f in filters]
        out.append((command, [x for f in filters for x in f]))
    return out


def run(db: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--db", db])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("command", "filters"), _cases(), ids=lambda x: " ".join(x) if isinstance(x, list) else x)
@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_every_command_and_filter(db: str, command: str, filters: list[str], as_json: bool) -> None:
    code, out, err = run(db, command, *ARGS.get(command, []), *filters, *(["--json"] if as_json else []))
    assert code == 0, err
    assert "Traceback" not in out + err
    if as_json:
        json.loads(out)
    else:
        assert not out.lstrip().startswith(("[", "{"))


def test_timeline_of_an_actor_says_what_they_said(db: str) -> None:
    code, out, _ = run(db, "timeline", "--actor", "Dan Roe")
    assert code == 0 and "QUOTE     Dan Roe: \u201cKate Moss was right\u201d" in out
    items = json.loads(run(db, "timeline", "--actor", "Dan Roe", "--json")[1])
    said = [i for i in items if i["kind"] == "quote"]
    assert said and said[0]["quote_kind"] == "speech" and {i["kind"] for i in items} == {"event", "quote"}
    dates = [i["date"] or "9999" for i in items]
    assert dates == sorted(dates)


def test_pages_follow_on(db: str) -> None:
    every = json.loads(run(db, "actors", "--limit", "all", "--json")[1])
    pages = [json.loads(run(db, "actors", "--limit", "3", "--offset", str(k), "--json")[1])
             for k in range(0, len(every), 3)]
    assert [a for page in pages for a in page] == every
    code, _, err = run(db, "actors", "--limit", "3")
    assert code == 0 and "--offset 3 for the next page" in err
    events = json.loads(run(db, "events", "--limit", "all", "--json")[1])
    assert json.loads(run(db, "events", "--limit", "2", "--offset", "1", "--json")[1]) == events[1:3]
    timeline = json.loads(run(db, "timeline", "--actor", "Dan Roe", "--limit", "all", "--json")[1])
    assert json.loads(run(db, "timeline", "--actor", "Dan Roe", "--limit", "1", "--offset", "1",
                          "--json")[1]) == timeline[1:2]


def test_the_actor_file_counts_what_it_lists(db: str) -> None:
    whole = json.loads(run(db, "actor", "Kate Moss", "--limit", "all", "--json")[1])
    first = json.loads(run(db, "actor", "Kate Moss", "--limit", "1", "--json")[1])
    assert whole["counts"] == first["counts"] and whole["counts"]["documents"] == len(whole["documents"]) > 1
    assert first["documents"] == whole["documents"][:1]


def test_bad_page_values_are_usage_errors(db: str) -> None:
    assert run(db, "actors", "--limit", "-1")[0] == 2
    assert run(db, "quotes", "--offset", "x")[0] == 2


def test_resolve_all_rebuilds(db: str) -> None:
    before = run(db, "actors", "--json", "--limit", "all")[1]
    code, _, err = run(db, "resolve", "--all")
    assert code == 0 and "resolved" in err
    assert json.loads(run(db, "actors", "--json", "--limit", "all")[1]) == json.loads(before)
    assert run(db, "resolve")[0] == 2  # --all must be said
