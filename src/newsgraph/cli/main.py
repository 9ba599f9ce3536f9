"""The command line: each command parses its arguments, calls one library function, prints."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

from newsgraph.cli.common import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, check_date, fail, json_text, say
from newsgraph.cli.corpus import register as register_corpus_commands
from newsgraph.cli.scale import run_scaled, scale_options
from newsgraph.cli.serve import serve

if TYPE_CHECKING:
    from distributed import Client

    from newsgraph.analysis.batch import BatchSummary
    from newsgraph.analysis.resume import Done


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsgraph")
def cli() -> None:
    """newsgraph: news in, sourced and structured intelligence out."""


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--published", callback=check_date, metavar="YYYY-MM-DD",
              help="The publication date; relative dates are resolved against it.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default=None,
              help="text: a readable report; json: the newsgraph/1 object. Default: text on a terminal, "
                   "json when the output is piped or written with --output.")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="Write the result here instead of standard output.")
@click.option("--model", default=None, help="A spaCy pipeline to use instead of the first one installed.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--resume", is_flag=True,
              help="JSONL with --output: keep the complete lines a stopped run left there, skip their articles, "
                   "append the rest.")
@scale_options
def analyze(path: Path, published: str | None, fmt: str | None, output: Path | None, model: str | None,
            quiet: bool, resume: bool, workers: int | None, scheduler: str | None, batch_size: int) -> None:
    """Analyse one article (.txt, .html, .md) or a JSONL file of articles (one a line).

    On a terminal it prints a readable report; piped or with --output it writes JSON
    (--format chooses). A JSONL file gives JSONL, one analysis a line.

    \b
    Examples:
      newsgraph analyze article.txt --published 2025-08-16
      newsgraph analyze article.txt --format json > analysis.json
      newsgraph analyze docs.jsonl --output analyses.jsonl
      newsgraph analyze docs.jsonl --output analyses.jsonl --resume
      newsgraph analyze docs.jsonl --output analyses.jsonl --workers 2
      newsgraph analyze docs.jsonl --output analyses.jsonl --scheduler tcp://10.0.0.5:8786
    """
    from newsgraph.analysis.batch import analyze_jsonl  # here, not above: a query command never loads the analysis
    from newsgraph.analysis.documents import InputError, read_article
    from newsgraph.analysis.nlp import ModelNotFound
    from newsgraph.analysis.pipeline import analyze_documents
    from newsgraph.analysis.resume import done_in

    scaled = workers is not None or scheduler is not None
    jsonl = path.suffix.lower() == ".jsonl" or str(path) == "-"  # "-": JSONL on standard input
    if scaled and path.suffix.lower() != ".jsonl":
        fail("--workers and --scheduler apply to a JSONL file of articles")
    if resume and (not jsonl or output is None):
        fail("--resume applies to a JSONL file of articles analysed to a file (--output)")
    try:
        if jsonl:
            if published or fmt == "text":  # each line carries its own date; the output is JSONL, one per line
                fail(f"{'--published' if published else '--format text'} does not apply to a JSONL file: give each "
                     'line its own "published", and read the JSONL output (one analysis a line)')
            carry_on = (done_in(output), output) if resume and output is not None else None
            with _open_out(output, append=carry_on is not None) as out:
                if scaled:
                    summary = _analyze_scaled(path, out, model, quiet, workers, scheduler, batch_size, carry_on)
                else:
                    summary = analyze_jsonl(path, out, model=model, show_progress=not quiet, resume=carry_on)
            kept = f", {carry_on[0].lines} kept from the earlier run" if carry_on else ""
            click.echo(f"{summary.analysed} analysed, {summary.failed} failed{kept}", err=True)
            sys.exit(EXIT_SOME_FAILED if summary.failed else EXIT_OK)
        doc, warnings = read_article(path, published=published)
        for w in warnings:
            say(f"newsgraph: warning: {w}", err=True)
        result = next(analyze_documents([doc], model=model))
    except (InputError, ModelNotFound) as err:
        fail(str(err))
    if not hasattr(result, "entities"):
        fail(f"{path}: {getattr(result, 'error', 'analysis failed')}")
    from newsgraph.model import Analysis

    assert isinstance(result, Analysis)
    if fmt is None:
        fmt = "text" if output is None and sys.stdout.isatty() else "json"
    if fmt == "json":
        with _open_out(output) as out:
            out.write(json_text(result.to_dict()) + "\n")
    else:
        from rich.console import Console

        from newsgraph.cli.render import print_report

        with _open_out(output) as out:
            print_report(result, Console(file=out, width=None if out is sys.stdout else 140))


def _analyze_scaled(path: Path, out: IO[str], model: str | None, quiet: bool, workers: int | None,
                    scheduler: str | None, batch_size: int, resume: tuple[Done, Path] | None) -> BatchSummary:
    def work(client: Client) -> BatchSummary:
        from newsgraph.scale import analyze_jsonl_on

        return analyze_jsonl_on(client, path, out, model=model, batch_size=batch_size, show_progress=not quiet,
                                resume=resume)

    try:
        return run_scaled(workers, scheduler, model, work)
    except KeyboardInterrupt:
        out.flush()
        click.echo("interrupted: the cluster is closed; the lines written so far are complete (--resume carries on)",
                   err=True)
        sys.exit(EXIT_INTERRUPTED)


class _open_out:
    """Standard output, or a file opened for writing (UTF-8), or to append (``--resume``)."""

    def __init__(self, path: Path | None, append: bool = False) -> None:
        self.path = path
        self.append = append
        self.f: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        if self.path is None:
            return sys.stdout
        try:
            self.f = self.path.open("a" if self.append else "w", encoding="utf-8")
        except OSError as err:
            fail(f"cannot write {self.path}: {err.strerror}")
        return self.f

    def __exit__(self, *exc: object) -> None:
        if self.f is not None:
            self.f.close()


register_corpus_commands(cli)
cli.add_command(serve)


def main() -> None:
    """The ``newsgraph`` command."""
    cli()
