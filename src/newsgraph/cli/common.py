"""What every command shares: exit statuses, the one-line error, the date check."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

EXIT_OK, EXIT_SOME_FAILED, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


def fail(message: str) -> NoReturn:
    """Print one clear line on stderr and stop with the bad-input status."""
    click.echo(f"newsgraph: error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A click callback: the value when it is a YYYY-MM-DD date (or absent), else a usage error."""
    from newsgraph.analysis.documents import parse_date

    try:
        parse_date(value)
    except ValueError as err:
        raise click.BadParameter(str(err)) from None
    return value
