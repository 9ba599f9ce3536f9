"""The pipeline: the spaCy parse, then the stages in order, each adding one layer."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from newsgraph.analysis.budget import thread_cpu_limit
from newsgraph.analysis.context import Context
from newsgraph.analysis.documents import InputError, document_from_record, parse_date
from newsgraph.analysis.entities.find import find_entities
from newsgraph.analysis.events.find import find_events
from newsgraph.analysis.events.groups import group_entities
from newsgraph.analysis.events.placed import place_targets
from newsgraph.analysis.nlp import parse, parse_batch
from newsgraph.analysis.parsed import Parsed
from newsgraph.analysis.places.events import place_events
from newsgraph.analysis.places.locate import locate_places, prepare_gazetteer
from newsgraph.analysis.quotes.find import find_quotes
from newsgraph.analysis.references.resolve import resolve_references
from newsgraph.analysis.roles.attach import attach_roles
from newsgraph.analysis.time.find import find_timexes
from newsgraph.model import Analysis, Document, Failure


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of the analysis: what it needs from earlier stages and what it adds."""

    name: str
    run: Callable[[Context], Context]
    needs: tuple[str, ...]
    adds: str
    # one-time work before the first article (loading or building a resource), outside the stage's time budget
    prepare: Callable[[], object] | None = None


STAGES: tuple[Stage, ...] = (
    Stage("entities", find_entities, needs=(), adds="entities"),
    Stage("roles", attach_roles, needs=("entities",), adds="roles"),
    Stage("references", resolve_references, needs=("entities", "roles"), adds="refers_to"),
    Stage("places", locate_places, needs=("entities",), adds="geo", prepare=prepare_gazetteer),
    Stage("timexes", find_timexes, needs=(), adds="timexes"),
    Stage("quotes", find_quotes, needs=("entities", "refers_to"), adds="quotes"),
    Stage("events", find_events, needs=("entities", "refers_to", "timexes", "quotes"), adds="events"),
    Stage("event places", place_events, needs=("events", "geo"), adds="event_locations"),
    # the parties an article names by description ("police") as GROUP entities on the events' sides
    Stage("group parties", group_entities, needs=("events",), adds="group_entities"),
    # an event that names no one it is done to is done to the place its own sentence puts it in
    Stage("place targets", place_targets, needs=("events", "event_locations"), adds="place_targets"),
)


def check_order(stages: Iterable[Stage]) -> None:
    """Raise ValueError when a stage comes before one whose layer it needs."""
    have: set[str] = set()
    for stage in stages:
        missing = [n for n in stage.needs if n not in have]
        if missing:
            raise ValueError(f"stage {stage.name!r} needs {', '.join(missing)}: put the stages that add "
                             f"them first (valid order: {', '.join(s.name for s in STAGES)})")
        have.add(stage.adds)


check_order(STAGES)


# Each stage may take this much CPU time per 10,000 characters of text (at least STAGE_MIN_SECONDS); past
# it, its layer is dropped for that article with a warning. A stage takes well under 0.1 s per
# 10,000 characters, so only a pathological text meets the budget.
STAGE_SECONDS_PER_10K = 1.0
STAGE_MIN_SECONDS = 5.0


class _OverBudget(BaseException):
    """A stage ran past its time budget."""


def stage_budget(text: str) -> float:
    """The seconds each stage may take on ``text``."""
    return max(STAGE_MIN_SECONDS, STAGE_SECONDS_PER_10K * len(text) / 10_000)


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise ``_OverBudget`` in the block after ``seconds`` of CPU time (in another thread than the main one,
    a Dask worker's task for one, by a watchdog: ``budget.py``).

    CPU time, not wall time: a machine busy with other work does not cost an article its layers.
    """
    if threading.current_thread() is not threading.main_thread():
        with thread_cpu_limit(seconds, _OverBudget):
            yield
        return
    if not hasattr(signal, "setitimer") or signal.getitimer(signal.ITIMER_PROF) != (0.0, 0.0):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _OverBudget

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@cache
def prepare_stages() -> None:
    """Each stage's one-time work, once per process: never inside an article's budget (a gazetteer built on
    first use takes longer than one article may, and would be cut off and begun again for every article)."""
    for stage in STAGES:
        if stage.prepare is not None:
            stage.prepare()


def run_stages(document: Document, parsed: Parsed) -> Analysis:
    """The analysis of one parsed document; a stage past its budget leaves its layer empty, with a warning."""
    prepare_stages()
    ctx = Context(document=document, parsed=parsed, published=parse_date(document.published))
    budget = stage_budget(document.text)
    for stage in STAGES:
        try:
            with _time_limit(budget):
                ctx = stage.run(ctx)
        except _OverBudget:
            ctx = replace(ctx, warnings=(*ctx.warnings, f"{stage.name} left out: the stage took more than "
                                         f"its {budget:.0f} s budget on this {len(document.text):,}-character text"))
    return Analysis(document=document, entities=ctx.entities, events=ctx.events, quotes=ctx.quotes,
                    timexes=ctx.timexes, warnings=ctx.warnings)


def analyze_documents(documents: Iterable[Document | Failure | Mapping[str, object]], model: str | None = None,
                      batch_size: int = 32) -> Iterator[Analysis | Failure]:
    """The analyses of many documents, in input order, streamed (the model is loaded once).

    Each item is a ``Document`` or a dict like a JSONL line (``{"id", "text", "published"?, ...}``);
    anything else raises ``TypeError``. A ``Failure`` in the input (or a dict that is not an
    article) passes through in its place; a document that cannot be parsed or analysed becomes a
    ``Failure`` and the rest go on.
    """
    batch: list[Document | Failure] = []
    for n, item in enumerate(documents, start=1):
        batch.append(as_document(item, n))
        if len(batch) >= batch_size:
            yield from _analyze_batch(batch, model)
            batch = []
    yield from _analyze_batch(batch, model)


def _analyze_batch(batch: list[Document | Failure], model: str | None) -> Iterator[Analysis | Failure]:
    docs = [d for d in batch if isinstance(d, Document)]
    parses = iter(parse_batch([d.text for d in docs], model=model)) if docs else iter(())
    for item in batch:
        if isinstance(item, Failure):
            yield item
            continue
        parsed = next(parses)
        if isinstance(parsed, Exception):
            yield Failure(item.id, f"the text could not be parsed: {type(parsed).__name__}: {parsed}")
            continue
        try:
            yield run_stages(item, parsed)
        except Exception as err:  # one bad document must not stop a batch of thousands
            yield Failure(item.id, f"analysis failed: {type(err).__name__}: {err}")


def analyze(text: str, published: str | date | None = None, *, id: str = "document",
            title: str | None = None, source: str | None = None, url: str | None = None,
            model: str | None = None) -> Analysis:
    """The analysis of one article's text."""
    pub = published.isoformat() if isinstance(published, date) else published
    parse_date(pub)
    doc = Document(id=id, text=text, published=pub, title=title, source=source, url=url)
    return run_stages(doc, parse(text, model=model))


def as_document(item: object, n: int) -> Document | Failure:
    """A ``Document`` from one item given to ``analyze_documents`` (the ``n``-th); a dict is read like a JSONL line."""
    if isinstance(item, Document | Failure):
        return item
    if isinstance(item, Mapping):
        fallback = f"doc-{n}"
        try:
            return document_from_record(dict(item), fallback)
        except InputError as err:
            return Failure(str(item.get("id") or fallback), str(err))
    raise TypeError(f"analyze_documents takes Document objects or dicts with a 'text', not {type(item).__name__} "
                    "(for one text, use newsgraph.analyze)")
