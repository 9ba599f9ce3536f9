"""``analyze --resume``: a stopped run carried on gives the output of a run never stopped, no duplicate, no gap.

The ``--workers`` / ``--scheduler`` path is tested the same way in ``tests/scale/test_cluster.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.analysis.documents import InputError
from newsgraph.analysis.resume import Done, done_in, skip_done
from newsgraph.cli.main import cli
from newsgraph.model import Document, Failure
from tests.processes import kill_once_written

NEWSGRAPH = Path(sys.executable).parent / "newsgraph"
TOWNS = ["Karvik", "Ostrava", "Lund", "Tartu", "Bergen", "Turku", "Aarhus"]


def article(k: int) -> str:
    town = TOWNS[k % len(TOWNS)]
    return (f"The council of {town} voted on Monday to close the old ferry pier after {k + 3} years of delays. "
            f"\"We cannot wait any longer,\" said Mayor Elin Dahl, who promised a new pier by March {2030 + k % 5}.")


def corpus(path: Path, n: int) -> Path:
    lines = [json.dumps({"id": f"r{k}", "text": article(k), "published": "2026-02-02"}) for k in range(n)]
    lines.insert(3, "{not json")
    lines.insert(6, "")  # a blank line is no article and no output line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stderr


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A small corpus and the output of one run never stopped."""
    folder = tmp_path_factory.mktemp("resume")
    source = corpus(folder / "docs.jsonl", 12)
    assert run("analyze", str(source), "-q", "--output", str(folder / "whole.jsonl"))[0] == 1  # the bad line
    return source, (folder / "whole.jsonl").read_text(encoding="utf-8")


def test_done_in_cuts_a_partial_last_line_and_names_the_last_article(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert done_in(out) == Done()
    out.write_text('{"document": {"id": "a"}}\n{"document": {"id": "b"}, "error": "x"}\n{"docu', encoding="utf-8")
    assert done_in(out) == Done(2, "b")
    assert out.read_text(encoding="utf-8").endswith('"x"}\n')
    out.write_text("not an analysis\n", encoding="utf-8")
    with pytest.raises(InputError, match="cannot be resumed"):
        done_in(out)


def test_done_in_reads_a_long_output_in_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsgraph.analysis.resume.CHUNK", 7)
    out = tmp_path / "out.jsonl"
    out.write_text("".join(json.dumps({"document": {"id": f"d{k}"}, "pad": "x" * k}) + "\n" for k in range(9))
                   + '{"document": {"id": "d9"', encoding="utf-8")
    assert done_in(out) == Done(9, "d8")


def test_an_output_of_another_input_is_refused() -> None:
    items = [Document(id="a", text="A."), Failure("line-2", "bad"), Document(id="c", text="C.")]
    assert [i.id for i in skip_done(iter(items), Done(2, "line-2"), Path("o"))] == ["c"]
    with pytest.raises(InputError, match="another input"):
        skip_done(iter(items), Done(2, "b"), Path("o"))
    with pytest.raises(InputError, match="only 3 articles"):
        skip_done(iter(items), Done(5, "x"), Path("o"))


def test_resume_after_a_partial_line_equals_a_whole_run(whole: tuple[Path, str], tmp_path: Path) -> None:
    source, expected = whole
    lines = expected.splitlines(keepends=True)
    out = tmp_path / "out.jsonl"
    out.write_text("".join(lines[:5]) + lines[5][:40], encoding="utf-8")  # killed in the middle of line 6
    code, said = run("analyze", str(source), "-q", "--output", str(out), "--resume")
    assert code == 0 and "5 kept from the earlier run" in said  # the bad line was among the kept ones
    assert out.read_text(encoding="utf-8") == expected
    code, said = run("analyze", str(source), "-q", "--output", str(out), "--resume")  # nothing left to do
    assert code == 0 and "0 analysed, 0 failed, 13 kept" in said
    assert out.read_text(encoding="utf-8") == expected


def test_resume_starts_afresh_without_an_output_and_refuses_a_foreign_one(whole: tuple[Path, str],
                                                                           tmp_path: Path) -> None:
    source, expected = whole
    out = tmp_path / "new.jsonl"
    assert run("analyze", str(source), "-q", "--output", str(out), "--resume")[0] == 1
    assert out.read_text(encoding="utf-8") == expected
    other = corpus(tmp_path / "other.jsonl", 3)
    code, said = run("analyze", str(other), "-q", "--output", str(out), "--resume")
    assert code == 2 and "another input" in said
    assert out.read_text(encoding="utf-8") == expected  # refused before anything was written
    code, said = run("analyze", str(source), "-q", "--resume")
    assert code == 2 and "--output" in said


def test_a_killed_run_resumed_gives_the_same_output(tmp_path: Path) -> None:
    source = corpus(tmp_path / "docs.jsonl", 150)
    out = tmp_path / "out.jsonl"
    cmd = [str(NEWSGRAPH), "analyze", str(source), "-q", "--output", str(out)]
    cut = kill_once_written(cmd, out, 20_000)
    assert 0 < cut.count("\n") < 151  # stopped mid-run
    code, said = run("analyze", str(source), "-q", "--output", str(out), "--resume")
    assert code in (0, 1) and f"{cut.count(chr(10))} kept from the earlier run" in said, said  # 1: the bad line
    resumed = out.read_text(encoding="utf-8").splitlines()
    assert run("analyze", str(source), "-q", "--output", str(tmp_path / "whole.jsonl"))[0] == 1
    whole = (tmp_path / "whole.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(resumed) == 151 and resumed == whole
    assert [json.loads(x)["document"]["id"] for x in resumed][:5] == ["r0", "r1", "r2", "line-4", "r3"]
