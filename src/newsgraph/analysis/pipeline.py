"""The pipeline: the spaCy parse, then the stages in order, each adding one layer."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from newsgraph.analysis.context import Context
from newsgraph.analysis.documents import InputError, document_from_record, parse_date
from newsgraph.analysis.entities.find import find_entities
from newsgraph.analysis.events.find import find_events
from newsgraph.analysis.nlp import parse, parse_many
from newsgraph.analysis.parsed import Parsed
from newsgraph.analysis.places.events import place_events
from newsgraph.analysis.places.locate import locate_places
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


STAGES: tuple[Stage, ...] = (
    Stage("entities", find_entities, needs=(), adds="entities"),
    Stage("roles", attach_roles, needs=("entities",), adds="roles"),
    Stage("references", resolve_references, needs=("entities", "roles"), adds="refers_to"),
    Stage("places", locate_places, needs=("entities",), adds="geo"),
    Stage("timexes", find_timexes, needs=(), adds="timexes"),
    Stage("quotes", find_quotes, needs=("entities", "refers_to"), adds="quotes"),
    Stage("events", find_events, needs=("entities", "refers_to", "timexes", "quotes"), adds="events"),
    Stage("event places", place_events, needs=("events", "geo"), adds="event_locations"),
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


def run_stages(document: Document, parsed: Parsed) -> Analysis:
    """The analysis of one parsed document."""
    ctx = Context(document=document, parsed=parsed, published=parse_date(document.published))
    for stage in STAGES:
        ctx = stage.run(ctx)
    return Analysis(document=document, entities=ctx.entities, events=ctx.events, quotes=ctx.quotes,
                    timexes=ctx.timexes, warnings=ctx.warnings)


def analyze_documents(documents: Iterable[Document | Failure | Mapping[str, object]], model: str | None = None,
                      batch_size: int = 32) -> Iterator[Analysis | Failure]:
    """The analyses of many documents, in input order, streamed (the model is loaded once).

    Each item is a ``Document`` or a dict like a JSONL line (``{"id", "text", "published"?, ...}``);
    anything else raises ``TypeError``. A ``Failure`` in the input (or a dict that is not an
    article) passes through in its place; a document a stage cannot analyse becomes a
    ``Failure`` and the rest go on.
    """
    queue: deque[Document | Failure] = deque()

    def texts() -> Iterator[str]:
        for n, item in enumerate(documents, start=1):
            d = as_document(item, n)
            queue.append(d)
            if isinstance(d, Document):
                yield d.text

    for parsed in parse_many(texts(), model=model, batch_size=batch_size):
        while isinstance(queue[0], Failure):
            failure = queue.popleft()
            assert isinstance(failure, Failure)
            yield failure
        doc = queue.popleft()
        assert isinstance(doc, Document)
        try:
            yield run_stages(doc, parsed)
        except Exception as err:  # one bad document must not stop a batch of thousands
            yield Failure(doc.id, f"analysis failed: {type(err).__name__}: {err}")
    while queue:
        item = queue.popleft()
        if isinstance(item, Failure):
            yield item


def analyze(text: str, published: str | date | None = None, *, id: str = "document",
            title: str | None = None, source: str | None = None, url: str | None = None,
            model: str | None = None) -> Analysis:
    """The analysis of one article's text."""
    pub = published.isoformat() if isinstance(published, date) else published
    parse_date(pub)
    doc = Document(id=id, text=text, published=pub, title=title, source=source, url=url)
    ctx_parsed = parse(text, model=model)
    return run_stages(doc, ctx_parsed)


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
