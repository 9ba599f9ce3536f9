"""The corpus commands (ingest, queries, export), registered on the main command group.

Each command opens the store, makes one library call and prints the answer: a few
readable lines, or JSON with ``--json``. Exit status: 0 all went well, 1 some
articles were skipped, 2 bad usage (no store, an unknown actor, a bad option).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from newsgraph.cli.common import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, check_date, fail
from newsgraph.cli.scale import run_scaled, scale_options
from newsgraph.corpus.graph import MAX_PATHS
from newsgraph.corpus.ingest import IngestSummary
from newsgraph.corpus.store import DEFAULT_DB, Store, UnknownActor

F = TypeVar("F", bound=Callable[..., Any])


def db_option(f: F) -> F:
    """The ``--db FILE`` option every corpus command shares."""
    return click.option("--db", "db", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default=True,
                        help="The corpus database (SQLite).")(f)


def json_option(f: F) -> F:
    """The ``--json`` option: the answer as JSON instead of lines."""
    return click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")(f)


def open_store(db: Path) -> Store:
    """The store at ``db``; stops with a usage error when there is none yet."""
    if not db.exists():
        fail(f"no corpus database at {db}: run `newsgraph ingest PATH... --db {db}` first")
    try:
        return Store(db)
    except sqlite3.Error as err:
        fail(f"{db} is not a newsgraph corpus database: {err}")


def _ask(db: Path, question: Callable[[Store], Any]) -> Any:
    with open_store(db) as store:
        try:
            return question(store)
        except UnknownActor as err:
            fail(str(err))


def _print(answer: Any, as_json: bool, line: Callable[[Any], str]) -> None:
    if as_json:
        click.echo(json.dumps(answer, ensure_ascii=False, indent=1))
    else:
        for item in answer:
            click.echo(line(item))


def _event_line(e: dict[str, Any]) -> str:
    who = ", ".join(e.get("source") or [])
    whom = ", ".join(e.get("target") or [])
    if e.get("kind") == "quote":
        return f"{e.get('date') or '????-??-??'}  QUOTE     {e.get('speaker') or '?'}: \u201c{e['text']}\u201d"
    return (f"{e.get('date') or '????-??-??'}  {e['type']:<9} {who}{' -> ' + whom if whom else ''}"
            f"  [{len(e['documents'])} doc(s)]")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--published", callback=check_date, metavar="YYYY-MM-DD",
              help="The publication date of articles that give none (text and Markdown files).")
@click.option("--model", default=None, help="A spaCy pipeline to use instead of the first one installed.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@scale_options
def ingest(paths: tuple[Path, ...], db: Path, published: str | None, model: str | None, quiet: bool,
           workers: int | None, scheduler: str | None, batch_size: int) -> None:
    """Analyse articles and add them to the corpus database (already stored ones are skipped).

    \b
    PATHS: .txt, .md, .html files, folders of them, JSONL or CSV files of articles.
    Examples:
      newsgraph ingest articles/ --db news.db
      newsgraph ingest alaska-summit.txt --published 2025-08-16
      newsgraph ingest ../corpora/bbc.jsonl extra.csv
      newsgraph ingest ../corpora/bbc.jsonl --workers 2
      newsgraph ingest ../corpora/bbc.jsonl --scheduler tcp://10.0.0.5:8786
    """
    try:
        store = Store(db)
    except sqlite3.Error as err:
        fail(f"cannot open the corpus database {db}: {err}")
    with store:
        try:
            if workers is None and scheduler is None:
                summary = store.ingest(list(paths), published=published, model=model, show_progress=not quiet)
            else:
                summary = run_scaled(workers, scheduler, model, lambda client: _ingest_on(
                    client, store, paths, published, model, quiet, batch_size))
        except KeyboardInterrupt:
            click.echo("interrupted: the articles stored so far stay; run the same command again to carry on",
                       err=True)
            sys.exit(EXIT_INTERRUPTED)
    click.echo(f"{summary.added} added, {summary.duplicates} already stored, {summary.failed} skipped", err=True)
    sys.exit(EXIT_SOME_FAILED if summary.failed else EXIT_OK)


def _ingest_on(client: Any, store: Store, paths: tuple[Path, ...], published: str | None, model: str | None,
               quiet: bool, batch_size: int) -> IngestSummary:
    from newsgraph.scale import ingest_on

    return ingest_on(client, store, list(paths), model=model, published=published, show_progress=not quiet,
                     batch_size=batch_size)


@click.command()
@click.option("--type", "type_", metavar="TYPE", help="Only actors of this type (PERSON, ORG, GPE, ...).")
@click.option("--limit", type=int, default=None, help="At most this many.")
@db_option
@json_option
def actors(type_: str | None, limit: int | None, db: Path, as_json: bool) -> None:
    """List the actors, most reported first (by number of documents).

    \b
    Example:
      newsgraph actors --type PERSON --limit 20
    """
    answer = _ask(db, lambda s: s.actors(type_, limit))
    _print(answer, as_json, lambda a: f"{a['documents']:>5}  {a['type']:<8} {a['name']}")


@click.command()
@click.argument("name")
@db_option
@json_option
def actor(name: str, db: Path, as_json: bool) -> None:
    """Everything about one actor: aliases, roles, documents, events, quotes, connections.

    \b
    Example:
      newsgraph actor Zelensky --json
    """
    a = _ask(db, lambda s: s.actor(name))
    if as_json:
        _print(a, True, str)
        return
    click.echo(f"{a['name']} ({a['type']}), in {len(a['documents'])} document(s)")
    click.echo(f"  aliases: {', '.join(a['aliases'])}")
    for r in a["roles"]:
        click.echo(f"  role: {r['title']}{' (' + r['of'] + ')' if r['of'] else ''}  {', '.join(r['dates'])}")
    click.echo(f"  events: {len(a['events'])}, quotes: {len(a['quotes'])}")
    click.echo(f"  connections: {', '.join(c['name'] for c in a['connections'][:15])}")


@click.command("timeline")
@click.option("--actor", "actor_name", metavar="NAME", help="Only this actor's events and quotes.")
@click.option("--since", callback=check_date, metavar="YYYY-MM-DD", help="From this date on.")
@click.option("--until", callback=check_date, metavar="YYYY-MM-DD", help="Up to this date.")
@db_option
@json_option
def timeline_command(actor_name: str | None, since: str | None, until: str | None, db: Path, as_json: bool) -> None:
    """What happened, in date order.

    \b
    Example:
      newsgraph timeline --actor Putin --since 2025-08-01 --until 2025-08-31
    """
    answer = _ask(db, lambda s: s.timeline(actor_name, since, until))
    _print(answer, as_json, _event_line)


@click.command()
@click.option("--type", "type_", metavar="TYPE", help="Only events of this PLOVER type (CONSULT, ASSAULT, ...).")
@click.option("--actor", "actor_name", metavar="NAME", help="Only events this actor takes part in.")
@db_option
@json_option
def events(type_: str | None, actor_name: str | None, db: Path, as_json: bool) -> None:
    """List the events, merged across articles, each with its documents.

    \b
    Example:
      newsgraph events --type CONSULT --actor Trump --json
    """
    answer = _ask(db, lambda s: s.events(type_, actor_name))
    _print(answer, as_json, _event_line)


@click.command()
@click.option("--by", metavar="NAME", help="Only what this actor said.")
@db_option
@json_option
def quotes(by: str | None, db: Path, as_json: bool) -> None:
    """List the quotes with their speakers and documents.

    \b
    Example:
      newsgraph quotes --by Soldatov
    """
    answer = _ask(db, lambda s: s.quotes(by))
    _print(answer, as_json, lambda q: f"{q['speaker'] or '?'}: \u201c{q['text']}\u201d  ({q['document']})")


@click.command()
@click.option("--actor", "actor_name", metavar="NAME", help="Only this actor's neighbourhood.")
@click.option("--depth", type=click.IntRange(0, 5), default=1, show_default=True, help="How many links out.")
@db_option
@json_option
def network(actor_name: str | None, depth: int, db: Path, as_json: bool) -> None:
    """The actor network (events, quotes, roles): nodes and edges.

    \b
    Example:
      newsgraph network --actor Trump --depth 2 --json
    """
    answer = _ask(db, lambda s: s.network(actor_name, depth))
    if as_json:
        _print(answer, True, str)
        return
    for e in answer["edges"]:
        click.echo(f"{e['source']} -- {e['target']}  {', '.join(e['kinds'])}  [{e['documents']} doc(s)]")


@click.command()
@click.argument("a")
@click.argument("b")
@click.option("--limit", type=click.IntRange(1, 50), default=MAX_PATHS, show_default=True,
              help="At most this many paths.")
@db_option
@json_option
def path(a: str, b: str, limit: int, db: Path, as_json: bool) -> None:
    """How two actors connect, through events and quotes, and through whom.

    \b
    Example:
      newsgraph path Trump Kremlin --json
    """
    answer = _ask(db, lambda s: s.path(a, b, limit))
    _print(answer, as_json, lambda p: " -> ".join(p))


@click.command()
@click.option("--format", "fmt", required=True, type=click.Choice(["plover", "gdelt", "gexf", "graphml", "neo4j"]),
              help="plover: JSONL; gdelt: event CSV; gexf/graphml: for Gephi; neo4j: a folder of CSVs.")
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path), help="The file (a folder for neo4j).")
@db_option
def export(fmt: str, output: Path, db: Path) -> None:
    """Write the corpus as PLOVER, GDELT-style CSV, GEXF, GraphML or neo4j-admin CSVs.

    \b
    Examples:
      newsgraph export --format gexf --output corpus.gexf
      newsgraph export --format neo4j --output neo4j-import/
    """
    try:
        written = _ask(db, lambda s: s.export(fmt, output))
    except OSError as err:
        fail(f"cannot write {output}: {err.strerror or err}")
    click.echo(f"wrote {written}", err=True)


COMMANDS = (ingest, actors, actor, timeline_command, events, quotes, network, path, export)


def register(group: click.Group) -> None:
    """Add the corpus commands to ``group``."""
    for command in COMMANDS:
        group.add_command(command)
