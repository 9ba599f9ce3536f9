"""Verbs of naming keep their quotation: "called the ruling, which suggests ..., 'absurd'".

In "X described the verdict, which suggests the judges believed one witness, as
'a farce'", the parser may hang "as 'a farce'" on the clause inside the relative
("suggests"), and that clause's cue then takes the quotation and its speaker. The
words quoted after the object of a naming verb are what the naming verb's subject
said: a cue inside a clause on that object does not report them.
"""

from __future__ import annotations

from dataclasses import replace

from newsgraph.analysis.marks import Quoted
from newsgraph.analysis.parsed import Parsed
from newsgraph.analysis.quotes.cues import Attribution
from newsgraph.analysis.quotes.links import char_span
from newsgraph.lexicon import words


def _naming_object(parsed: Parsed, q: Quoted) -> tuple[int, int] | None:
    """The object of the naming verb before a quotation in its sentence ("the verdict"), as (object, verb)."""
    span = parsed.tokens_in(q.start, q.end)
    if not span:
        return None
    toks = parsed.tokens
    sent = toks[span.start].sent
    naming = words("quotes/naming_verbs")
    for v in range(span.start - 1, -1, -1):
        if toks[v].sent != sent:
            return None
        if toks[v].pos == "VERB" and toks[v].lemma.lower() in naming:
            obj = next((c.i for c in parsed.children(v) if c.dep == "dobj" and c.i < span.start), None)
            return (obj, v) if obj is not None else None
    return None


def without_clauses_on_named(parsed: Parsed, atts: list[Attribution], quoted: list[Quoted]) -> list[Attribution]:
    """The attributions less those whose cue sits in a clause on a naming verb's object and reaches the
    quotation after it."""
    drop: set[int] = set()
    grown: dict[int, Attribution] = {}
    for q in quoted:
        found = _naming_object(parsed, q)
        if found is None:
            continue
        obj, verb = found
        hi = parsed.subtree(obj)[1]
        for k, a in enumerate(atts):
            cue = a.cue[0]
            if a.kind != "verb" or a.content is None:
                continue
            if cue == verb and a.content[1] <= parsed.tokens_in(q.start, q.end).start:
                # the naming verb's content runs on to the words it names
                grown[k] = replace(a, content=(a.content[0], parsed.tokens_in(q.start, q.end).stop))
                continue
            if not obj < cue <= hi:
                continue
            cs, ce = char_span(parsed, a.content)
            if (cs < q.end and q.start < ce) or (ce <= q.start and not parsed.text[ce:q.start].strip(" ,\"“")):
                drop.add(k)
    if not drop:
        return atts
    return [grown.get(k, a) for k, a in enumerate(atts) if k not in drop]
