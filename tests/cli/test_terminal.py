"""An article cannot drive the terminal: escape sequences, controls and markup in it are printed as harmless text."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from newsgraph import Store
from newsgraph.analysis.entities.names import fold, name_key
from newsgraph.cleantext import normal_name, printable
from newsgraph.cli.main import cli
from tests.corpus.test_store import make_analysis

ESC = "\x1b[31m"
OSC = "\x1b]0;owned\x07"
# Anything a terminal acts on: ESC, C1 controls (CSI U+009B ...), BEL, backspace, carriage return, overrides.
_ACTIVE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _hostile_store(tmp_path: Path) -> Path:
    text = (f"Ann Lee{ESC} met Kate Moss.{OSC} Ann Lee said [bold]it was fine[/] \u202eand done\x9b2J. "
            "Kate Moss\x07 agreed.")
    db = tmp_path / "news.db"
    with Store(db) as store:
        store.add([make_analysis("d1\x1b[2J", text, "2025-01-01",
                                 {"a": (f"Ann Lee{ESC}", "PERSON", (f"Ann Lee{ESC}", "Ann Lee")),
                                  "k": ("Kate Moss", "PERSON", ("Kate Moss",))},
                                 events=[("CONSULT", "met", ["a"], ["k"], "2025-01-01")],
                                 quotes=[("[bold]it was fine[/] \u202eand done\x9b2J", "a")])])
        store.resolve()
    return db


def test_no_command_prints_an_escape_sequence(tmp_path: Path) -> None:
    db = _hostile_store(tmp_path)
    for args in (["actors"], ["actor", "Ann Lee"], ["quotes"], ["quotes", "--by", "Ann Lee"], ["events"],
                 ["timeline"], ["network"], ["path", "Ann Lee", "Kate Moss"]):
        for extra in ([], ["--json"]):
            result = CliRunner().invoke(cli, [*args, *extra, "--db", str(db)])
            assert result.exit_code == 0, (args, result.stderr)
            assert not _ACTIVE.search(result.stdout.replace("\n", "")), (args, extra, result.stdout)
            if extra:
                json.loads(result.stdout)  # still JSON, the values escaped
    quoted = CliRunner().invoke(cli, ["quotes", "--db", str(db)]).stdout
    assert "[bold]it was fine[/]" in quoted  # markup is shown as written, not read


def test_the_report_prints_no_escape_sequence(tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(f"Angela Merkel{ESC} met Emmanuel Macron in Paris on Monday.{OSC} \"We agreed [red]on "
                       f"everything[/],\" Merkel said\x9b2J.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(article), "--format", "text", "--published", "2025-01-06"])
    assert result.exit_code == 0, result.stderr
    assert "Macron" in result.stdout and not _ACTIVE.search(result.stdout.replace("\n", ""))
    result = CliRunner().invoke(cli, ["analyze", str(article), "--format", "json"])
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout
    assert json.loads(result.stdout)["document"]["text"] == article.read_text(encoding="utf-8")  # text untouched


def test_an_error_message_prints_no_escape_sequence(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["actor", f"Nobody{OSC}", "--db", str(_hostile_store(tmp_path))])
    assert result.exit_code == 2 and "\x1b" not in result.stderr and "\x07" not in result.stderr


def test_printable_takes_out_sequences_and_controls() -> None:
    assert printable(f"{ESC}red\x1b[0m {OSC}x\x9b31my\u202ez") == "red xyz"
    assert printable("two\nlines\ttab", one_line=True) == "two lines tab"
    assert printable("plain ASCII stays [as] it is") == "plain ASCII stays [as] it is"


def test_names_are_normalised_before_grouping() -> None:
    assert normal_name("Vla\u200bdimir Pu\u00adtin") == "Vladimir Putin"
    assert normal_name("Jose\u0301") == "Jos\u00e9"  # NFC
    assert fold(f"Vladimir{ESC} Putin\u200d") == "Vladimir Putin"
    assert name_key("Vla\u200bdimir\u200c Putin") == name_key("Vladimir Putin")


def test_a_zero_width_character_does_not_make_a_second_actor(tmp_path: Path) -> None:
    with Store() as store:
        store.add([make_analysis("a", "Vla\u200bdimir Putin spoke.", "2025-01-01",
                                 {"e1": ("Vla\u200bdimir Putin", "PERSON", ("Vla\u200bdimir Putin",))}),
                   make_analysis("b", "Vladimir Putin spoke.", "2025-01-02",
                                 {"e1": ("Vladimir Putin", "PERSON", ("Vladimir Putin",))}),
                   make_analysis("c", "Vladimir\u00a0Putin\u2060 spoke.", "2025-01-03",
                                 {"e1": ("Vladimir\u00a0Putin\u2060", "PERSON", ("Vladimir\u00a0Putin\u2060",))})])
        store.resolve()
        assert store.actors("PERSON") == [{"name": "Vladimir Putin", "type": "PERSON", "documents": 3}]


def test_a_zero_width_character_in_an_article_keeps_one_entity(run_analysis) -> None:  # type: ignore[no-untyped-def]
    a = run_analysis("Vladimir Putin arrived in Minsk on Monday. Later, Vla\u200bdimir Putin met officials.")
    people = [e for e in a.entities if e.type == "PERSON"]
    assert [e.name for e in people] == ["Vladimir Putin"]
    for e in people:
        for m in e.mentions:
            assert normal_name(a.document.text[m.start:m.end]) in ("Vladimir Putin", "Putin")
