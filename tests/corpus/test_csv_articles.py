"""CSV files of articles: a malformed row is reported with its line and the reason, and the rows after it are read."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from newsgraph.cli.main import cli
from newsgraph.corpus.csv_articles import FIELD_LIMIT, read_csv
from newsgraph.model import Document, Failure


def _read(tmp_path: Path, content: str | bytes) -> tuple[list[str], list[str]]:
    p = tmp_path / "rows.csv"
    if isinstance(content, str):
        p.write_text(content, encoding="utf-8")
    else:
        p.write_bytes(content)
    items = list(read_csv(p))
    return ([i.id for i in items if isinstance(i, Document)], [i.error for i in items if isinstance(i, Failure)])


def test_an_unclosed_quote_costs_only_its_own_row(tmp_path: Path) -> None:
    ids, errors = _read(tmp_path, 'id,text,published\n'
                                  'a,Ann Lee spoke.,2025-01-01\n'
                                  'b,"Bob Stone never closes his quote,2025-01-02\n'
                                  'c,"Cleo Lind spoke, twice.",2025-01-03\n'
                                  'd,Dan Roe spoke.,2025-01-04\n')
    assert ids == ["a", "c", "d"]
    assert len(errors) == 1 and "line 3: malformed CSV row" in errors[0]


def test_an_unclosed_quote_on_the_last_row(tmp_path: Path) -> None:
    ids, errors = _read(tmp_path, 'id,text\na,Ann spoke.\nb,"Bob never closes\nc,Cleo spoke.\n')
    assert ids == ["a", "c"] and len(errors) == 1 and "line 3" in errors[0] and "never closed" in errors[0]


def test_a_multi_line_field_is_one_row(tmp_path: Path) -> None:
    ids, errors = _read(tmp_path, 'id,text\na,"First paragraph.\n\nSecond, with ""quotes"".",\nb,Next.\n'
                                  .replace('",\n', '"\n'))
    assert ids == ["a", "b"] and errors == []


def test_a_row_with_too_many_fields_and_bad_bytes_are_reported(tmp_path: Path) -> None:
    ids, errors = _read(tmp_path, b'\xef\xbb\xbfid,text\na,Ann spoke.\nb,Bob,spoke,thrice\nc,Cl\xffeo spoke.\n'
                                  b'd,Dan spoke.\n')
    assert ids == ["a", "d"]
    assert [e.split(": ", 1)[0].rsplit(" ", 2)[-2:] for e in errors] == [["line", "3"], ["line", "4"]]
    assert "4 fields where the header has 2" in errors[0] and "UTF-8" in errors[1]


def test_a_large_field_is_one_bad_row(tmp_path: Path) -> None:
    big = "word " * 500_000  # 2.5 MB: more than one article
    ids, errors = _read(tmp_path, f'id,text\na,Ann spoke.\nb,"{big}"\nc,Cleo spoke.\n')
    assert ids == ["a", "c"] and len(errors) == 1 and "line 3" in errors[0]
    huge = "x" * (FIELD_LIMIT + 10) + '\n""more"" lines\n'
    ids, errors = _read(tmp_path, f'id,text\na,Ann spoke.\nb,"{huge}"\nc,Cleo spoke.\n')
    assert ids == ["a", "c"] and len(errors) == 1 and "larger than" in errors[0]


def test_ingest_reports_malformed_rows_and_keeps_going(tmp_path: Path) -> None:
    src = tmp_path / "feed.csv"
    src.write_text('id,text,published\n'
                   'a,Ann Lee met Kate Moss in Oslo.,2025-01-01\n'
                   'b,"Bob Stone never closes his quote,2025-01-02\n'
                   'c,Cleo Lind spoke in Paris.,2025-01-03\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(src), "--db", str(tmp_path / "n.db"), "-q"])
    assert result.exit_code == 1
    assert "line 3: malformed CSV row" in result.stderr
    assert "2 added, 0 already stored, 1 skipped" in result.stderr
