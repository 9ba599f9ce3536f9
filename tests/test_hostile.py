"""The hostile corpus (``tests/hostile.py``) through analyze, a JSONL batch and ingest: no traceback, no hang,
every good record kept, the store whole. Inputs are small here; ``bench/bench_hostile.py`` runs the worst cases."""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsgraph.analysis import nlp
from newsgraph.cli.main import cli
from tests.hostile import GOOD_TEXT, write

EACH_SECONDS = 60  # no single input may take longer (a hang fails here, not in CI's global time-out)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(tmp_path_factory.mktemp("hostile"), "ci")


@pytest.fixture(autouse=True)
def small_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Long-text splitting on texts the suite can afford: pieces of 8,000 characters, not 100,000."""
    monkeypatch.setattr(nlp, "PIECE_CHARS", 8_000)


def run(*args: str, stdin: str | bytes | None = None) -> tuple[Result, float]:
    started = time.perf_counter()
    result = CliRunner().invoke(cli, list(args), input=stdin)
    seconds = time.perf_counter() - started
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        f"{args}: {result.exception!r}\n{result.output}"
    assert "Traceback" not in result.output
    assert seconds < EACH_SECONDS, f"{args} took {seconds:.0f} s"
    return result, seconds


def _evidence_holds(analysis: dict[str, object]) -> None:
    text = analysis["document"]["text"]  # type: ignore[index]
    for e in analysis["entities"]:  # type: ignore[attr-defined]
        for m in e["mentions"]:
            assert 0 <= m["start"] < m["end"] <= len(text) and text[m["start"]:m["end"]].strip()
    for q in analysis["quotes"]:  # type: ignore[attr-defined]
        assert text[q["start"]:q["end"]] == q["text"]


def test_each_file_is_analysed_or_refused_in_one_line(corpus: Path) -> None:
    for path in sorted((corpus / "files").iterdir()):
        result, _ = run("analyze", str(path), "--format", "json")
        assert result.exit_code in (0, 2), (path.name, result.output[-2000:])
        if result.exit_code == 2:
            assert result.output.count("\n") <= 2 and "error:" in result.output, (path.name, result.output)
        else:
            _evidence_holds(json.loads(result.stdout))


def test_encodings_are_read_whatever_the_bom(corpus: Path) -> None:
    for name in ("utf8-bom.txt", "utf16-bom.txt", "utf32-bom.txt", "nul-early.txt", "nul-late.txt"):
        result, _ = run("analyze", str(corpus / "files" / name), "--format", "json")
        assert result.exit_code == 0, (name, result.output)
        text = json.loads(result.stdout)["document"]["text"]
        assert text.startswith("Minister Ana") or "\x00" not in text
        assert "\x00" not in text and "\ufeff" not in text


def test_batch_keeps_every_good_record_and_goes_past_the_bad(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result, _ = run("analyze", str(corpus / "batch.jsonl"), "--output", str(out), "--quiet")
    assert result.exit_code == 1
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    n_in = sum(1 for line in (corpus / "batch.jsonl").read_bytes().splitlines() if line.strip())
    assert len(lines) == n_in  # one line out per line in, in order
    analysed = {r["document"]["id"] for r in lines if "error" not in r}
    assert set((corpus / "GOOD").read_text(encoding="utf-8").split()) <= analysed
    assert {"surrogate", "nul-escaped"} <= analysed  # cleaned, not refused
    for r in lines:
        if "error" not in r:
            _evidence_holds(r)


def test_ingest_keeps_every_good_record_and_a_rerun_adds_nothing(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    first, _ = run("ingest", str(corpus), "--db", str(db), "--quiet")
    assert first.exit_code == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        texts = [row[0] for row in conn.execute("SELECT text FROM documents")]
    good = (corpus / "GOOD").read_text(encoding="utf-8").split()
    for doc_id in good:
        mark = "(after raw bytes)" if doc_id == "good-after-raw" else f"Lisbon ({doc_id})"
        assert any(mark in t for t in texts), doc_id
    assert any(t.startswith("Minister Ana Corvel") for t in texts)
    again, _ = run("ingest", str(corpus), "--db", str(db), "--quiet")
    assert "0 added" in again.output


def test_a_jsonl_stream_is_read_once_from_standard_input(tmp_path: Path) -> None:
    feed = "\n".join(json.dumps({"id": f"s{k}", "text": GOOD_TEXT + f" Item {k}."}) for k in range(3)) + "\n"
    db = tmp_path / "news.db"
    result, _ = run("ingest", "-", "--db", str(db), "--quiet", stdin=feed)
    assert result.exit_code == 0, result.output
    assert "3 added" in result.output
    out = tmp_path / "out.jsonl"
    result, _ = run("analyze", "-", "--output", str(out), "--quiet", stdin=feed)
    assert result.exit_code == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 3


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipes_never_hang(tmp_path: Path) -> None:
    pipe = tmp_path / "article.txt"
    os.mkfifo(pipe)
    result, _ = run("analyze", str(pipe))
    assert result.exit_code == 2 and "not a regular file" in result.output
    feed = tmp_path / "feed.jsonl"
    os.mkfifo(feed)

    def writer() -> None:
        with feed.open("w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "p1", "text": GOOD_TEXT}) + "\n")

    thread = threading.Thread(target=writer)
    thread.start()
    out = tmp_path / "out.jsonl"
    result, _ = run("analyze", str(feed), "--output", str(out), "--quiet")
    thread.join(timeout=10)
    assert result.exit_code == 0 and json.loads(out.read_text(encoding="utf-8"))["document"]["id"] == "p1"


def test_missing_or_folder_jsonl_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "dir.jsonl").mkdir()
    for path in (tmp_path / "missing.jsonl", tmp_path / "dir.jsonl"):
        result, _ = run("analyze", str(path))
        assert result.exit_code == 2 and result.output.count("\n") == 1, result.output


def test_long_text_is_parsed_in_pieces_with_offsets_intact() -> None:
    text = "\n\n".join(f"Ana Corvel met Boris Delfen in Porto on day {k}. They talked." for k in range(400))
    spans = nlp.pieces(text)
    assert len(spans) > 1 and spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    parsed = nlp.parse(text)
    assert all(text[t.start:t.end] == t.text for t in parsed.tokens)
    assert [t.i for t in parsed.tokens] == list(range(len(parsed.tokens)))
    sentences = parsed.sentences
    assert all(0 <= t.head < len(parsed.tokens) and sentences[t.sent].first <= t.i < sentences[t.sent].last
               for t in parsed.tokens)
    assert sum(1 for e in parsed.ents if e.text == "Porto") == 400


def test_an_absurd_run_is_cut_for_the_parser() -> None:
    assert nlp.pieces("word " * 100) == [(0, 500)]
    spans = nlp.pieces('"' * 9_000)
    assert all(b - a <= nlp.RUN_CHARS for a, b in spans) and spans[-1][1] == 9_000


def test_a_stage_past_its_budget_loses_its_layer_not_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    from newsgraph.analysis import pipeline
    from newsgraph.model import Document

    def slow(ctx: object) -> object:
        while True:  # busy: the budget counts CPU time
            sum(range(1000))

    stages = tuple(replace(s, run=slow) if s.name == "timexes" else s for s in pipeline.STAGES)
    monkeypatch.setattr(pipeline, "STAGES", stages)
    monkeypatch.setattr(pipeline, "STAGE_MIN_SECONDS", 0.2)
    [analysis] = list(pipeline.analyze_documents([Document(id="d", text=GOOD_TEXT, published="2025-03-04")]))
    assert not isinstance(analysis, type(None)) and hasattr(analysis, "timexes")
    assert analysis.timexes == () and analysis.entities  # type: ignore[union-attr]
    assert any("timexes left out" in w for w in analysis.warnings)  # type: ignore[union-attr]


def test_a_stage_past_its_budget_in_a_worker_thread_loses_its_layer_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Dask worker runs its task in a thread, where no signal timer reaches: a watchdog keeps the budget."""
    from concurrent.futures import ThreadPoolExecutor
    from dataclasses import replace

    from newsgraph.analysis import budget, pipeline
    from newsgraph.model import Document

    if not budget.available():
        pytest.skip("no per-thread CPU clocks here")

    def slow(ctx: object) -> object:
        while True:
            sum(range(1000))

    plain = pipeline.STAGES
    monkeypatch.setattr(pipeline, "STAGES", tuple(replace(s, run=slow) if s.name == "quotes" else s for s in plain))
    monkeypatch.setattr(pipeline, "STAGE_MIN_SECONDS", 0.3)
    monkeypatch.setattr(budget, "POLL_S", 0.05)
    docs = [Document(id=f"d{k}", text=GOOD_TEXT, published="2025-03-04") for k in range(2)]
    with ThreadPoolExecutor(1) as pool:
        results = pool.submit(lambda: list(pipeline.analyze_documents(docs))).result(timeout=60)
    for analysis in results:
        assert analysis.quotes == () and analysis.entities  # type: ignore[union-attr]
        assert any("quotes left out" in w for w in analysis.warnings)  # type: ignore[union-attr]
    assert not budget._limits  # every limit let go; nothing pending lands later
    monkeypatch.setattr(pipeline, "STAGES", plain)
    with ThreadPoolExecutor(1) as pool:  # a stage within its budget is untouched
        fine = pool.submit(lambda: list(pipeline.analyze_documents(docs[:1]))).result(timeout=60)
    assert not fine[0].warnings  # type: ignore[union-attr]
