"""Ingest: files, folders, JSONL and CSV into the store; bad input skipped; a stopped run resumed; the commands."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsgraph import Store
from newsgraph.cli.corpus import COMMANDS
from newsgraph.cli.main import cli
from newsgraph.corpus.ingest import ingest_paths, read_inputs
from newsgraph.model import Analysis, Document, Entity, Failure, Span
from tests.paths import DATA


def quick_analyses(documents: Iterable[Document | Failure], model: str | None = None,
                   fail_after: int | None = None) -> Iterator[Analysis | Failure]:
    """A stand-in for the model: every capitalised word pair is a PERSON (fast, no spaCy)."""
    for n, d in enumerate(documents):
        if fail_after is not None and n >= fail_after:
            raise KeyboardInterrupt("stopped half way")
        if isinstance(d, Failure):
            yield d
            continue
        words = d.text.split()
        ents = []
        if len(words) >= 2 and words[0][:1].isupper():
            ents.append(Entity("e1", f"{words[0]} {words[1]}", "PERSON", (f"{words[0]} {words[1]}",),
                               (Span(0, len(words[0]) + 1 + len(words[1])),)))
        yield Analysis(d, tuple(ents))


def write_corpus(folder: Path, n: int) -> Path:
    path = folder / "many.jsonl"
    lines = [json.dumps({"id": f"doc{i}", "text": f"Person{i % 7} Name said item {i}.", "published": "2025-01-02"})
             for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_every_input_kind_is_read() -> None:
    authors: dict[str, str | None] = {}
    warnings: list[str] = []
    items = list(read_inputs([DATA / "outlets", DATA / "files"], authors, warnings.append))
    docs = {d.id: d for d in items if isinstance(d, Document)}
    assert set(docs) == {"courier", "gazette-paris-talks", "herald-0311", "budget", "harbour"}
    courier = docs["courier"]
    assert courier.title == "Zelensky and Macron talk air defence in Paris" and courier.published == "2025-03-12"
    assert "Copyright" not in courier.text and "Home" not in courier.text  # the page's chrome is not the article
    assert authors["courier"] == "Maria Lindqvist"
    assert docs["herald-0311"].source == "The Herald" and "\n\n" in docs["herald-0311"].text
    assert docs["harbour"].text.startswith("# Harbour strike ends")
    assert not warnings


def test_bad_files_and_lines_are_reported_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (tmp_path / "empty.md").write_text("   \n", encoding="utf-8")
    (tmp_path / "mixed.jsonl").write_text('{"id": "ok", "text": "Ana Ruiz spoke."}\nnot json\n{"id": "x"}\n',
                                          encoding="utf-8")
    (tmp_path / "rows.csv").write_text('id,text,published\nr1,Ben Okafor spoke.,2025-01-01\nr2,,\n'
                                       'r3,Cleo Lind spoke.,yesterday\n', encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")  # not an article: not even looked at
    store = Store()
    summary = ingest_paths(store, [tmp_path, tmp_path / "missing.txt"], analyze=quick_analyses)
    assert summary.added == 2
    assert {d["id"] for d in store.documents()} == {"ok", "r1"}
    reasons = " | ".join(f.error for f in summary.failures)
    assert summary.failed == 8, reasons
    for expected in ("binary", "no text", "not valid JSON", '"text"', "YYYY-MM-DD", "'text' column", "no such file"):
        assert expected in reasons


def test_ingesting_twice_changes_nothing(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, 20)
    with Store(tmp_path / "c.db") as store:
        first = ingest_paths(store, [corpus], analyze=quick_analyses)
        before = (store.counts(), store.actors())
        again = ingest_paths(store, [corpus], analyze=quick_analyses)
        assert (first.added, again.added, again.duplicates) == (20, 0, 20)
        assert (store.counts(), store.actors()) == before


def test_a_stopped_run_resumes_without_duplicate_or_gap(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, 50)
    db = tmp_path / "c.db"

    def stopping(docs: Iterable[Document | Failure], model: str | None = None) -> Iterator[Analysis | Failure]:
        return quick_analyses(docs, model, fail_after=23)

    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        ingest_paths(store, [corpus], analyze=stopping, batch_size=10)
    with Store(db) as store:  # a new process: only whole batches are there
        assert store.counts()["documents"] == 20
        seen: list[str] = []

        def counting(docs: Iterable[Document | Failure], model: str | None = None) -> Iterator[Analysis | Failure]:
            for result in quick_analyses(docs, model):
                seen.append(result.document.id if isinstance(result, Analysis) else result.id)
                yield result

        summary = ingest_paths(store, [corpus], analyze=counting, batch_size=10)
        assert (summary.added, summary.duplicates) == (30, 20)
        assert seen == [f"doc{i}" for i in range(20, 50)]  # the stored ones are not analysed again
        ids = [d["id"] for d in store.documents()]
        assert sorted(ids) == sorted(f"doc{i}" for i in range(50))
        assert store.actor("Person3 Name")["documents"] == [f"doc{i}" for i in range(3, 50, 7)]


def _run(args: list[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    import newsgraph.analysis.pipeline

    monkeypatch.setattr(newsgraph.analysis.pipeline, "analyze_documents", quick_analyses)
    return CliRunner().invoke(cli, args)


def test_ingest_command_exit_status(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "c.db")
    corpus = write_corpus(tmp_path, 5)
    ok = _run(["ingest", str(corpus), "--db", db, "-q"], monkeypatch)
    assert ok.exit_code == 0, ok.output
    some = _run(["ingest", str(corpus), str(tmp_path / "nope.txt"), "--db", db, "-q"], monkeypatch)
    assert some.exit_code == 1 and "no such file" in some.output
    assert _run(["ingest", "--db", db], monkeypatch).exit_code == 2  # no PATH
    assert _run(["actors", "--db", str(tmp_path / "none.db")], monkeypatch).exit_code == 2
    assert _run(["actor", "Nobody Here", "--db", db], monkeypatch).exit_code == 2
    (tmp_path / "not.db").write_text("just text, not a database", encoding="utf-8")
    broken = _run(["actors", "--db", str(tmp_path / "not.db")], monkeypatch)
    assert broken.exit_code == 2 and "not a newsgraph corpus database" in broken.output
    listed = _run(["actors", "--db", db, "--json"], monkeypatch)
    assert listed.exit_code == 0 and json.loads(listed.output)[0]["documents"] >= 1


def test_every_query_command_answers_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "c.db")
    assert _run(["ingest", str(write_corpus(tmp_path, 8)), "--db", db, "-q"], monkeypatch).exit_code == 0
    for args in (["actors", "--type", "PERSON"], ["actor", "Person1 Name"], ["timeline", "--since", "2025-01-01"],
                 ["events", "--type", "CONSULT"], ["quotes", "--by", "Person1 Name"],
                 ["network", "--actor", "Person1 Name", "--depth", "2"], ["path", "Person1 Name", "Person2 Name"]):
        result = _run([*args, "--db", db, "--json"], monkeypatch)
        assert result.exit_code == 0, (args, result.output)
        json.loads(result.output)


def test_every_command_has_help_with_an_example() -> None:
    for command in COMMANDS:
        assert command.help and "Example" in command.help, command.name


def test_three_outlets_through_the_real_model(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        summary = store.ingest([DATA / "outlets", DATA / "files"])
        assert (summary.added, summary.failed) == (5, 0)
        people = {a["name"]: a["documents"] for a in store.actors(type="PERSON")}
        assert people["Volodymyr Zelensky"] == 3 and people["Emmanuel Macron"] == 3
        assert {"Ana Ruiz", "Tomas Ruiz"} <= set(people)  # a shared surname, two people
        zelensky = store.actor("Zelensky")
        assert {"Volodymyr Zelensky", "Mr Zelensky"} <= set(zelensky["aliases"])
        meetings = [e for e in store.events(type="CONSULT", actor="Zelensky") if "Emmanuel Macron" in
                    e["source"] + e["target"]]
        if meetings:  # the events layer is someone else's: when it finds the meeting, it is one event
            assert len(meetings) == 1 and len(meetings[0]["documents"]) == 3


def test_published_dates_the_articles_that_give_none(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ana Ruiz spoke in Madrid.", encoding="utf-8")
    store = Store()
    ingest_paths(store, [tmp_path, DATA / "outlets" / "gazette.jsonl"], published="2025-08-16", analyze=quick_analyses)
    dates = {d["id"]: d["published"] for d in store.documents()}
    assert dates == {"a": "2025-08-16", "gazette-paris-talks": "2025-03-11"}
