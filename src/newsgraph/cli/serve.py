"""``newsgraph serve``: the web explorer over a corpus database, read only, on this machine by default."""

from __future__ import annotations

import errno
import socket
from pathlib import Path

import click

from newsgraph.cli.common import fail
from newsgraph.corpus.store import DEFAULT_DB

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def _check_port(host: str, port: int) -> None:
    """Stop with a clear message when ``host:port`` cannot be bound (in use, or not an address here)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as err:
            if err.errno == errno.EADDRINUSE:
                fail(f"port {port} on {host} is in use: pick another with --port")
            fail(f"cannot listen on {host}:{port}: {err.strerror or err}")


@click.command()
@click.option("--db", "db", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default=True,
              help="The corpus database (SQLite), opened read only.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on; anything but 127.0.0.1 lets other machines in.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="The port.")
def serve(db: Path, host: str, port: int) -> None:
    """Browse the corpus in a web browser: search, actors, events with their evidence, articles, network, timeline.

    \b
    Examples:
      newsgraph ingest articles/ --db news.db
      newsgraph serve --db news.db          # then open http://127.0.0.1:8000
      newsgraph serve --db news.db --port 8080
    """
    import uvicorn

    from newsgraph.web import NotAStore, create_app, open_read_only
    from newsgraph.web.network import GraphCache

    try:
        store = open_read_only(db)
    except NotAStore as err:
        fail(str(err))
    _check_port(host, port)
    if host not in LOCAL_HOSTS:
        click.echo(f"newsgraph: warning: listening on {host}: other machines can read this corpus", err=True)
    graphs = GraphCache()
    graphs.get(store.conn)  # the actor graph, read once before the first page asks for it
    click.echo(f"newsgraph: serving {db} (read only) at http://{'[' + host + ']' if ':' in host else host}:{port}  "
               "(Ctrl+C stops)", err=True)
    try:
        uvicorn.run(create_app(store, graphs), host=host, port=port, log_level="warning")
    finally:
        store.close()
