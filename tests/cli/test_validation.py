"""What a careful user types wrong: dates, ids, limits, options that do not apply, the Python API's input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsgraph
from newsgraph.analysis.documents import InputError, document_from_record, parse_date
from newsgraph.cli.main import cli
from newsgraph.model import Analysis, Failure
from tests.paths import SAMPLE


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("value", ["2025-08-16junk", "2025-08-16" + "x" * 10_000, "20250816", "2025-W33-6",
                                   "16/08/2025", "2025-02-30"])
def test_a_date_is_checked_whole(value: str) -> None:
    with pytest.raises(ValueError, match="is not a date") as err:
        parse_date(value)
    assert len(str(err.value)) < 120  # a bad value is shown, not echoed whole


def test_dates_and_timestamps_are_accepted() -> None:
    assert str(parse_date("2025-08-16")) == "2025-08-16"
    assert str(parse_date("2025-08-16T10:30:00Z")) == "2025-08-16"
    assert str(parse_date("2025-08-16 10:30+02:00")) == "2025-08-16"


def test_a_junk_date_option_is_refused_briefly(tmp_path: Path) -> None:
    code, _, err = run("timeline", "--since", "2025-08-16junk", "--db", str(tmp_path / "x.db"))
    assert code == 2 and "is not a date" in err
    code, _, err = run("analyze", str(SAMPLE), "--published", "2025-08-16" + "x" * 10_000)
    assert code == 2 and "is not a date" in err
    assert len(err.splitlines()) < 8 and len(err) < 600


def test_a_record_with_a_junk_date_or_an_empty_id_is_one_bad_line() -> None:
    with pytest.raises(InputError, match="is not a date"):
        document_from_record({"id": "a", "text": "Some text.", "published": "2025-08-16" + "x" * 10_000}, "f")
    for empty in ("", "  "):
        with pytest.raises(InputError, match='"id" is empty'):
            document_from_record({"id": empty, "text": "Some text."}, "f")
    assert document_from_record({"text": "Some text."}, "line-3").id == "line-3"


@pytest.mark.parametrize("limit", ["0", "-1"])
def test_limit_must_be_positive(limit: str, tmp_path: Path) -> None:
    code, _, err = run("actors", "--limit", limit, "--db", str(tmp_path / "x.db"))
    assert code == 2 and "--limit" in err


def test_options_that_do_not_apply_to_a_jsonl_file_are_refused(tmp_path: Path) -> None:
    src = tmp_path / "docs.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Olaf Scholz met Emmanuel Macron."}) + "\n", encoding="utf-8")
    code, out, err = run("analyze", str(src), "--published", "2025-08-16")
    assert code == 2 and "--published does not apply to a JSONL file" in err and out == ""
    code, out, err = run("analyze", str(src), "--format", "text")
    assert code == 2 and "--format text does not apply" in err and out == ""


def test_analyze_documents_takes_the_dicts_the_readme_shows() -> None:
    docs = [{"id": "a", "text": "Olaf Scholz met Emmanuel Macron in Paris.", "published": "2024-01-02"},
            {"id": "b", "text": "   "}]
    results = list(newsgraph.analyze_documents(docs))
    assert isinstance(results[0], Analysis) and results[0].document.id == "a"
    assert results[0].document.published == "2024-01-02"
    assert isinstance(results[1], Failure) and results[1].id == "b"


@pytest.mark.parametrize("wrong", [["Olaf Scholz met Emmanuel Macron."], "Olaf Scholz", [42]])
def test_analyze_documents_refuses_a_wrong_type(wrong: object) -> None:
    with pytest.raises(TypeError, match="Document objects or dicts"):
        list(newsgraph.analyze_documents(wrong))  # type: ignore[arg-type]
