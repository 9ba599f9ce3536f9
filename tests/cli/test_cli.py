"""The command line: one article, a batch, and every kind of bad input (one clear line, no traceback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli.main import cli
from tests.paths import SAMPLE


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_every_command_is_documented_with_an_example() -> None:
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help"
        assert "newsgraph " in command.help, f"{name}'s help has no example"


def test_analyze_json_follows_the_contract() -> None:
    code, out, _ = run("analyze", str(SAMPLE), "--published", "2026-03-12", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "newsgraph/1"
    assert data["document"]["published"] == "2026-03-12"
    for layer in ("entities", "events", "quotes", "timexes"):
        assert isinstance(data[layer], list)
    assert any(e["name"] == "Margus Tamm" for e in data["entities"])


def test_analyze_text_report_lists_people() -> None:
    code, out, _ = run("analyze", str(SAMPLE), "--format", "text")
    assert code == 0
    assert "People" in out and "Liisa Korhonen" in out


def test_batch_goes_on_past_bad_lines(tmp_path: Path) -> None:
    src = tmp_path / "docs.jsonl"
    src.write_text("\n".join([
        json.dumps({"id": "a", "text": "Olaf Scholz met Emmanuel Macron in Paris.", "published": "2024-01-02"}),
        "{not json",
        json.dumps({"id": "b", "text": "   "}),
        json.dumps({"id": "c", "text": "Fine text here.", "published": "yesterday"}),
        json.dumps({"id": "d", "text": "The UN met in Geneva.", "published": None}),
    ]) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run("analyze", str(src), "--output", str(out), "--quiet")
    assert code == 1
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["document"]["id"] for x in lines] == ["a", "line-2", "b", "c", "d"]
    assert [("error" in x) for x in lines] == [False, True, True, True, False]
    assert "2 analysed, 3 failed" in err


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    (b"", "no text"),
    (b"  \n\t ", "no text"),
    (b"\x00\x01\x02binary", "binary"),
])
def test_bad_input_gets_one_clear_line(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    code, _, err = run("analyze", str(path))
    assert code == 2
    assert message in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_directory_is_refused(tmp_path: Path) -> None:
    code, _, err = run("analyze", str(tmp_path))
    assert code == 2 and "directory" in err


def test_too_large_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 500_000)
    code, _, err = run("analyze", str(path))
    assert code == 2 and "more than" in err


def test_invalid_published_date() -> None:
    code, _, err = run("analyze", str(SAMPLE), "--published", "16/08/2025")
    assert code == 2 and "YYYY-MM-DD" in err


def test_non_utf8_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Angela Merkel visited Köln.".encode("latin-1"))
    code, out, err = run("analyze", str(path), "--format", "json")
    assert code == 0
    assert "not valid UTF-8" in err
    assert json.loads(out)["document"]["text"].startswith("Angela Merkel")


def test_html_goes_through_trafilatura_with_its_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Ministers meet</title><meta name='date' content='2026-03-10'></head><body>"
        "<nav>Home | World | Sport</nav><article><h1>Ministers meet</h1>"
        "<p>Estonian Foreign Minister Margus Tamm met his Finnish counterpart, Liisa Korhonen, in Helsinki "
        "on Tuesday to discuss the damaged undersea cable and the patrols that will follow.</p>"
        "<p>Ms Korhonen told reporters after the meeting that both governments would share the cost.</p>"
        "</article><footer>Copyright</footer></body></html>", encoding="utf-8")
    code, out, _ = run("analyze", str(page), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["document"]["title"] == "Ministers meet"
    assert data["document"]["published"] == "2026-03-10"
    assert "Home | World" not in data["document"]["text"]
    assert any(e["name"] == "Liisa Korhonen" for e in data["entities"])


def test_records_in_dicts_out_for_scale_out() -> None:
    from newsgraph.analysis.batch import analyze_records

    out = list(analyze_records([{"id": "x", "text": "Olaf Scholz visited Paris.", "published": "2024-05-01"},
                                {"id": "y", "text": ""}, "not a record"]))  # type: ignore[list-item]
    assert [o["document"]["id"] for o in out] == ["x", "y", "record-3"]
    assert out[0]["schema"] == "newsgraph/1" and "error" in out[1] and "error" in out[2]


def test_evidence_snippet_cuts_at_words_and_marks_the_trigger() -> None:
    from newsgraph.cli.render import evidence_snippet

    text = "Finnish and Estonian ministers met in Helsinki on Tuesday to settle a dispute over a cable."
    snip = evidence_snippet(text, 0, len(text), 31, 34, width=20)
    assert snip.plain == "… Estonian ministers met in Helsinki on …"
    assert any(span.style == "bold" and snip.plain[span.start:span.end] == "met" for span in snip.spans)
