"""The corpus commands (ingest, queries, export), registered on the main command group.

Each command opens the store, makes one library call and prints the answer: a few
readable lines, or JSON with ``--json``. Exit status: 0 all went well, 1 some
articles were skipped, 2 bad usage (no store, an unknown actor, a bad option).
"""

from __future__ import annotations

import re
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from newsgraph.cleantext import printable
from newsgraph.cli.common import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, check_date, fail, json_text, say
from newsgraph.cli.dates import date_beside_value
from newsgraph.cli.scale import run_scaled, scale_options
from newsgraph.corpus.graph import MAX_PATHS
from newsgraph.corpus.schema import NotAStore
from newsgraph.corpus.store import DEFAULT_DB, Store, UnknownActor

if TYPE_CHECKING:
    from newsgraph.corpus.ingest import IngestSummary

F = TypeVar("F", bound=Callable[..., Any])


def db_option(f: F) -> F:
    """The ``--db FILE`` option every corpus command shares."""
    return click.option("--db", "db", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default=True,
                        help="The corpus database (SQLite).")(f)


def json_option(f: F) -> F:
    """The ``--json`` option: the answer as JSON instead of lines."""
    return click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")(f)


def open_store(db: Path, *, write: bool = False) -> Store:
    """The store at ``db`` (read-only unless ``write``); stops with a usage error when there is none yet."""
    if not db.exists():
        fail(f"no corpus database at {db}: run `newsgraph ingest PATH... --db {db}` first")
    try:
        store = Store(db, readonly=not write)  # a query writes nothing: a read-only or shared store can be asked
        if not write:
            store.prepare()
        return store
    except NotAStore as err:
        fail(str(err))
    except sqlite3.Error as err:
        fail(f"{db} is not a newsgraph corpus database: {err}")


DEFAULT_LIMIT = 50  # a list fits a terminal page; --limit all for all


def _check_limit(ctx: click.Context, param: click.Parameter, value: str) -> int:
    """A click callback: ``--limit``'s value, 1 or more, or ``all`` (read as 0: no limit)."""
    if str(value).lower() == "all":
        return 0
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise click.BadParameter(f"{printable(str(value))[:40]!r} is not a count: give 1 or more, or 'all'")
    return n


def page_options(f: F) -> F:
    """``--limit N`` (or ``all``) and ``--offset N``, the page of a list to print."""
    f = click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
                     help="Skip this many first.")(f)
    return click.option("--limit", default=str(DEFAULT_LIMIT), show_default=True, callback=_check_limit,
                        metavar="N|all", help="At most this many (1 or more), or 'all'.")(f)


def _limit(limit: int) -> int | None:
    return limit or None


def _more(shown: int, limit: int, offset: int) -> None:
    """Say on stderr how to see more when a page came back full."""
    if limit and shown == limit:
        click.echo(f"(showing {offset + 1}-{offset + shown}; --offset {offset + shown} for the next page, "
                   "--limit all for all)", err=True)


def _ask(db: Path, question: Callable[[Store], Any], *, write: bool = False) -> Any:
    with open_store(db, write=write) as store:
        try:
            return question(store)
        except UnknownActor as err:
            fail(str(err))


def _print(answer: Any, as_json: bool, line: Callable[[Any], str]) -> None:
    if as_json:
        click.echo(json_text(answer))
    else:
        for item in answer:
            say(line(item))


def _when(value: str | None) -> str:
    """A date column: a day as it is; any other TIMEX value read in words beside it ("autumn 1978 (1978-FA)")."""
    if not value:
        return "????-??-??"
    return value if re.fullmatch(r"\d{4}-\d\d-\d\d", value) else date_beside_value(value)


_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]")


def quoted_words(text: str) -> str:
    """A quote's own words: a quote stored with the narration around or inside it ("'A,' she said. 'B'")
    shows the quoted parts only, joined by " … "; any other quote as it is."""
    if text.lstrip()[:1] not in ('"', "\u201c"):
        return text
    parts = [p.strip() for p in _QUOTED.findall(text) if p.strip()]
    return " \u2026 ".join(parts) if parts else text


def _event_line(e: dict[str, Any]) -> str:
    who = ", ".join(e.get("source") or [])
    whom = ", ".join(e.get("target") or [])
    if e.get("kind") == "quote":
        return f"{_when(e.get('date'))}  QUOTE     {e.get('speaker') or '?'}: \u201c{quoted_words(e['text'])}\u201d"
    return (f"{_when(e.get('date'))}  {e['type']:<9} {who}{' -> ' + whom if whom else ''}"
            f"  [{len(e['documents'])} doc(s)]")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--published", callback=check_date, metavar="YYYY-MM-DD",
              help="The publication date of articles that give none (text and Markdown files).")
@click.option("--model", default=None, help="A spaCy pipeline to use instead of the first one installed.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--analyses", is_flag=True,
              help="PATHS are analyses already made (`newsgraph analyze` JSONL output): store them, no analysis.")
@scale_options
def ingest(paths: tuple[Path, ...], db: Path, published: str | None, model: str | None, quiet: bool, analyses: bool,
           workers: int | None, scheduler: str | None, batch_size: int) -> None:
    """Analyse articles and add them to the corpus database (already stored ones are skipped).

    \b
    PATHS: .txt, .md, .html files, folders of them, JSONL or CSV files of articles;
    with --analyses, JSONL files (or folders of them) of `newsgraph analyze` output.
    Examples:
      newsgraph ingest articles/ --db news.db
      newsgraph ingest alaska-summit.txt --published 2025-08-16
      newsgraph ingest ../corpora/bbc.jsonl extra.csv
      newsgraph ingest ../corpora/bbc.jsonl --workers 2
      newsgraph ingest ../corpora/bbc.jsonl --scheduler tcp://10.0.0.5:8786
      newsgraph ingest --analyses analysed/ --db news.db
    """
    if analyses and (workers is not None or scheduler is not None or published or model):
        fail("--analyses stores analyses already made: --workers, --scheduler, --published and --model do not apply")
    try:
        store = Store(db)
    except NotAStore as err:
        fail(str(err))
    except (sqlite3.Error, OSError) as err:
        fail(f"cannot open the corpus database {db}: {err}")
    with store:
        try:
            if analyses:
                from newsgraph.corpus.analyses import ingest_analyses

                summary = ingest_analyses(store, list(paths), show_progress=not quiet)
            elif workers is None and scheduler is None:
                summary = store.ingest(list(paths), published=published, model=model, show_progress=not quiet)
            else:
                summary = run_scaled(workers, scheduler, model, lambda client: _ingest_on(
                    client, store, paths, published, model, quiet, batch_size))
        except KeyboardInterrupt:
            say("interrupted: the articles stored so far stay; run the same command again to carry on",
                       err=True)
            sys.exit(EXIT_INTERRUPTED)
    say(f"{summary.added} added, {summary.duplicates} already stored, {summary.failed} skipped", err=True)
    sys.exit(EXIT_SOME_FAILED if summary.failed else EXIT_OK)


def _ingest_on(client: Any, store: Store, paths: tuple[Path, ...], published: str | None, model: str | None,
               quiet: bool, batch_size: int) -> IngestSummary:
    from newsgraph.scale import ingest_on

    return ingest_on(client, store, list(paths), model=model, published=published, show_progress=not quiet,
                     batch_size=batch_size)


@click.command()
@click.option("--type", "type_", metavar="TYPE", help="Only actors of this type (PERSON, ORG, GPE, ...).")
@page_options
@db_option
@json_option
def actors(type_: str | None, limit: int, offset: int, db: Path, as_json: bool) -> None:
    """List the actors, most reported first (by number of documents).

    \b
    Example:
      newsgraph actors --type PERSON --limit 20
    """
    answer = _ask(db, lambda s: s.actors(type_, _limit(limit), offset))
    _print(answer, as_json, lambda a: f"{a['documents']:>5}  {a['type']:<8} {a['name']}")
    _more(len(answer), limit, offset)


@click.command("map")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many places.")
@db_option
@json_option
def map_command(limit: int | None, db: Path, as_json: bool) -> None:
    """List the located places, one line each: events there, actors acting there, where it is.

    \b
    Example:
      newsgraph map --limit 20
    """
    answer = _ask(db, lambda s: s.places(limit))
    _print(answer, as_json, lambda p: f"{p['events']:>5} events {p['actors']:>4} actors  {p['name']:<28} "
                                      f"{p['lat']:>9.4f} {p['lon']:>10.4f}  {p['country'] or '':<3} {p['feature']}")


@click.command()
@click.argument("name")
@click.option("--limit", default=str(DEFAULT_LIMIT), show_default=True, callback=_check_limit, metavar="N|all",
              help="At most this many documents, events, quotes and connections (1 or more), or 'all'.")
@db_option
@json_option
def actor(name: str, limit: int, db: Path, as_json: bool) -> None:
    """Everything about one actor: aliases, roles, documents, events, quotes, connections.

    \b
    Example:
      newsgraph actor Zelensky --json
    """
    a = _ask(db, lambda s: s.actor(name, _limit(limit)))
    if as_json:
        _print(a, True, str)
        return
    say(f"{a['name']} ({a['type']}), in {len(a['documents'])} document(s)")
    say(f"  aliases: {', '.join(a['aliases'])}")
    for r in a["roles"]:
        say(f"  role: {r['title']}{' (' + r['of'] + ')' if r['of'] else ''}  {', '.join(r['dates'])}")
    say(f"  events: {a['counts']['events']}, quotes: {a['counts']['quotes']}")
    say(f"  connections: {', '.join(c['name'] for c in a['connections'][:15])}")


@click.command("timeline")
@click.option("--actor", "actor_name", metavar="NAME", help="Only this actor's events and quotes.")
@click.option("--since", callback=check_date, metavar="YYYY-MM-DD", help="From this date on.")
@click.option("--until", callback=check_date, metavar="YYYY-MM-DD", help="Up to this date.")
@page_options
@db_option
@json_option
def timeline_command(actor_name: str | None, since: str | None, until: str | None, limit: int, offset: int,
                     db: Path, as_json: bool) -> None:
    """What happened, in date order.

    \b
    Example:
      newsgraph timeline --actor Putin --since 2025-08-01 --until 2025-08-31
    """
    answer = _ask(db, lambda s: s.timeline(actor_name, since, until, _limit(limit), offset))
    _print(answer, as_json, _event_line)
    _more(len(answer), limit, offset)


@click.command()
@click.option("--type", "type_", metavar="TYPE", help="Only events of this PLOVER type (CONSULT, ASSAULT, ...).")
@click.option("--actor", "actor_name", metavar="NAME", help="Only events this actor takes part in.")
@page_options
@db_option
@json_option
def events(type_: str | None, actor_name: str | None, limit: int, offset: int, db: Path, as_json: bool) -> None:
    """List the events, merged across articles, each with its documents.

    \b
    Example:
      newsgraph events --type CONSULT --actor Trump --json
    """
    answer = _ask(db, lambda s: s.events(type_, actor_name, _limit(limit), offset))
    _print(answer, as_json, _event_line)
    _more(len(answer), limit, offset)


@click.command()
@click.option("--by", metavar="NAME", help="Only what this actor said.")
@page_options
@db_option
@json_option
def quotes(by: str | None, limit: int, offset: int, db: Path, as_json: bool) -> None:
    """List the quotes with their speakers and documents.

    \b
    Example:
      newsgraph quotes --by Soldatov
    """
    answer = _ask(db, lambda s: s.quotes(by, _limit(limit), offset))
    _print(answer, as_json, lambda q: f"{q['speaker'] or '?'}: \u201c{quoted_words(q['text'])}\u201d  "
                                    f"({q['document']})")
    _more(len(answer), limit, offset)


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
        say(f"{e['source']} -- {e['target']}  {', '.join(e['kinds'])}  [{e['documents']} doc(s)]")


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
@click.option("--format", "fmt", required=True,
              type=click.Choice(["plover", "gdelt", "gexf", "graphml", "neo4j", "geojson"]),
              help="plover: JSONL; gdelt: event CSV; gexf/graphml: for Gephi; neo4j: a folder of CSVs; "
                   "geojson: located events as points.")
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
    say(f"wrote {written}", err=True)


@click.command()
@click.option("--all", "everything", is_flag=True, required=True,
              help="Rebuild actors, merged events and the network from every stored article.")
@db_option
def resolve(everything: bool, db: Path) -> None:
    """Rebuild the cross-article resolution whole (after the resolver's rules changed).

    An ingest resolves its new articles against the store as it goes; this rebuilds
    actors, merged events and the network from all the articles, as a new store would.

    \b
    Example:
      newsgraph resolve --all --db news.db
    """
    if not everything:
        fail("say --all: resolve rebuilds the whole store")
    _ask(db, lambda s: s.resolve(), write=True)
    click.echo(f"resolved {db} whole", err=True)


COMMANDS = (ingest, actors, actor, timeline_command, events, quotes, network, path, map_command, export,
            resolve)


def register(group: click.Group) -> None:
    """Add the corpus commands to ``group``."""
    for command in COMMANDS:
        group.add_command(command)
