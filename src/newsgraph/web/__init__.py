"""The web explorer: a read-only ASGI app over a corpus store (``newsgraph serve``).

Server-rendered pages (Jinja2, every string escaped) with a JSON twin under ``/api/``
that answers what the CLI's ``--json`` answers; the JavaScript libraries it uses are
vendored in ``static/vendor/`` so nothing is fetched at run time.
"""

from __future__ import annotations

from newsgraph.web.app import create_app
from newsgraph.web.readonly import NotAStore, open_read_only

__all__ = ["NotAStore", "create_app", "open_read_only"]
