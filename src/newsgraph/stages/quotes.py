"""Quotes and reported speech, with their speakers."""

from __future__ import annotations

from dataclasses import replace

from newsgraph.context import Context


def find_quotes(ctx: Context) -> Context:
    """The context with its ``quotes`` layer filled."""
    return replace(ctx, quotes=())
