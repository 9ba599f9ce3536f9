"""The corpus commands (ingest, queries, export), registered on the main command group."""

from __future__ import annotations

import click


def register(group: click.Group) -> None:
    """Add the corpus commands to ``group``."""
