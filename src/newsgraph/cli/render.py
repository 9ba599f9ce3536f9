"""The readable report of one analysis (``--format text``): Rich tables, one per layer.

Every cell is a ``Text`` made ``printable``: what an article says is shown, never read as
Rich markup or as a terminal's escape sequence.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from newsgraph.cleantext import printable
from newsgraph.cli.dates import date_beside_value, readable_date
from newsgraph.model import Analysis, Entity

_SECTIONS = (("People", ("PERSON",)), ("Organisations", ("ORG",)),
             ("Places", ("GPE", "LOC", "FAC")), ("Groups and other names", ("NORP", "EVENT", "PRODUCT",
                                                                             "WORK_OF_ART", "LAW")),
             ("Parties named by description", ("GROUP",)))


def cell(value: str) -> Text:
    """A table cell: the value on one line, escape sequences and controls out, no markup read."""
    return Text(printable(value, one_line=True))


def _name(analysis: Analysis, entity_id: str | None) -> str:
    e = analysis.entity(entity_id)
    return e.name if e else "?"


def _roles(analysis: Analysis, e: Entity) -> str:
    parts = []
    for r in e.roles:
        of = analysis.entity(r.of)
        parts.append(r.title + (f" [{of.name}]" if of and of.name.lower() not in r.title.lower() else ""))
    return "; ".join(parts)


def entity_tables(analysis: Analysis) -> list[Table]:
    """One table per kind of entity: name, other names, roles, mentions."""
    tables = []
    for title, types in _SECTIONS:
        rows = sorted((e for e in analysis.entities if e.type in types), key=lambda e: -len(e.mentions))
        if not rows:
            continue
        t = Table(title=title, title_justify="left", expand=False)
        t.add_column("name", style="bold")
        t.add_column("type")
        t.add_column("also", overflow="fold")
        t.add_column("roles", overflow="fold")
        t.add_column("mentions", justify="right")
        for e in rows:
            also = ", ".join(a for a in e.aliases if a != e.name)
            roles = _roles(analysis, e) or ", ".join(x for x in (e.code, e.country) if x)  # a group: sector, country
            t.add_row(cell(e.name), cell(e.type), cell(also), cell(roles), str(len(e.mentions)))
        tables.append(t)
    return tables


def event_table(analysis: Analysis) -> Table | None:
    """Events as "who -> what -> whom, when, where"."""
    if not analysis.events:
        return None
    t = Table(title="Events", title_justify="left")
    for col in ("who", "what", "whom", "when", "where", "evidence"):
        t.add_column(col, overflow="fold")
    for v in analysis.events:
        if not v.source and not v.target:
            continue  # an event with no party says nothing a reader can use
        what = v.type + (f" ({v.mode})" if v.mode else "")
        if v.negated:
            what = "NOT " + what
        if v.hypothetical:
            what += " (hypothetical)"
        when = f"{date_beside_value(v.date.value) or '?'} \u201c{v.date.text}\u201d" if v.date else ""
        t.add_row(cell(", ".join(_name(analysis, s) for s in v.source)), cell(what),
                  cell(", ".join(_name(analysis, s) for s in v.target)), cell(when),
                  cell(_name(analysis, v.location) if v.location else ""),
                  evidence_snippet(analysis.document.text, v.evidence.start, v.evidence.end,
                                   v.trigger.start, v.trigger.end))
    return t


def evidence_snippet(text: str, start: int, end: int, mark_start: int, mark_end: int, width: int = 70) -> Text:
    """The evidence around its trigger, at most ``width`` characters each side, the trigger in bold."""
    lo, hi = max(start, mark_start - width), min(end, mark_end + width)
    while start < lo < mark_start and not text[lo - 1].isspace():
        lo += 1  # cut at a word boundary
    while mark_end < hi < end and not text[hi].isspace():
        hi -= 1
    out = Text("… " if lo > start else "")
    out.append(" ".join(printable(text[lo:mark_start]).split())
               + (" " if text[mark_start - 1:mark_start].isspace() else ""))
    out.append(printable(text[mark_start:mark_end], one_line=True), style="bold")
    out.append((" " if text[mark_end:mark_end + 1].isspace() else "") + " ".join(printable(text[mark_end:hi]).split()))
    if hi < end:
        out.append(" …")
    return out


def quote_table(analysis: Analysis) -> Table | None:
    """Quotes grouped by speaker."""
    if not analysis.quotes:
        return None
    t = Table(title="Quotes", title_justify="left")
    t.add_column("speaker", style="bold")
    t.add_column("kind")
    t.add_column("words", overflow="fold")
    text = analysis.document.text
    for q in sorted(analysis.quotes, key=lambda q: (_name(analysis, q.speaker) if q.speaker else "~", q.start)):
        who = _name(analysis, q.speaker) if q.speaker else (
            f"({text[q.speaker_span.start:q.speaker_span.end]})" if q.speaker_span else "(unattributed)")
        kind = "direct" if q.direct else "reported" if q.kind == "speech" else q.kind
        if q.repeats:
            kind += ", pull quote"
        t.add_row(cell(who), cell(kind), cell(q.text))
    return t


def timeline_table(analysis: Analysis) -> Table | None:
    """The article's dated expressions, in date order."""
    dated = [x for x in analysis.timexes if x.value and x.type in ("DATE", "TIME") and x.value[:1].isdigit()]
    if not dated:
        return None
    t = Table(title="Timeline", title_justify="left")
    t.add_column("date")
    t.add_column("value")
    t.add_column("text")
    t.add_column("at", justify="right")
    for x in sorted(dated, key=lambda x: (x.value or "", x.start)):
        t.add_row(cell(readable_date(x.value)), cell(x.value or ""), cell(x.text), str(x.start))
    return t


def report(analysis: Analysis) -> Group:
    """The whole report of one analysis as a Rich renderable."""
    d = analysis.document
    head = Text(printable(d.id, one_line=True), style="bold")
    if d.title:
        head.append(f"  {printable(d.title, one_line=True)}")
    head.append(f"  published {d.published or 'unknown'}  ·  {len(d.text):,} characters", style="dim")
    parts: list[Table | Text] = [head, *entity_tables(analysis)]
    for extra in (event_table(analysis), quote_table(analysis), timeline_table(analysis)):
        if extra is not None:
            parts.append(extra)
    for w in analysis.warnings:
        parts.append(Text(f"warning: {printable(w, one_line=True)}", style="yellow"))
    return Group(*parts)


def print_report(analysis: Analysis, console: Console | None = None) -> None:
    """Print the report to the terminal (or the given console)."""
    (console or Console()).print(report(analysis))
