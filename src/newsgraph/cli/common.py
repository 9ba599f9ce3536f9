"""What every command shares: exit statuses, the one-line error, safe printing, the date check."""

from __future__ import annotations

import json
import re
import sys
from typing import Any, NoReturn

import click

from newsgraph.cleantext import printable

EXIT_OK, EXIT_SOME_FAILED, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


def fail(message: str) -> NoReturn:
    """Print one clear line on stderr and stop with the bad-input status."""
    say(f"newsgraph: error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def say(line: str = "", err: bool = False) -> None:
    """Print one line with whatever an article carried (escape sequences, controls, line breaks) taken out."""
    click.echo(printable(line, one_line=True), err=err)


# Characters JSON leaves raw that a terminal may act on (C1 controls, direction overrides, invisible ones).
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def json_text(answer: Any) -> str:
    """``answer`` as indented JSON, every character a terminal could act on escaped (the values unchanged)."""
    text = json.dumps(answer, ensure_ascii=False, indent=1)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A click callback: the value when it is a YYYY-MM-DD date (or absent), else a usage error."""
    from newsgraph.analysis.documents import parse_date

    try:
        parse_date(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None
    return value
