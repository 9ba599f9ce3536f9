"""Quotes and reported speech, with their speakers.

Two sources of evidence meet here. The parse gives attributions: a cue ("said",
"according to", "believes", "called for") with its source and content
(``cues``, ``nouns``). The characters give the stretches in quotation marks
(``analysis/marks.py``). An attribution whose content touches a quotation is widened
to cover it (a partial quote inside reported speech is one statement); a
quotation no attribution covers is tied to the speech verb of its sentence, a
"― Name" or a byline line after it, the "X said:" before it, or, as journalists
write, to the speaker of the quotation just before it. Short quotations nobody
speaks are scare quotes or titles and are left out. The speaker is the entity the
source refers to (a name, a pronoun or a role resolved by ``references``, see
``speakers``), or None with its words kept ("his spokesman", "sources").
Quotations are tied to speakers around them in ``links``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace

from newsgraph.analysis.context import Context
from newsgraph.analysis.entities.names import fold
from newsgraph.analysis.marks import Quoted, joined_continuations, paragraphs, quoted_spans
from newsgraph.analysis.parsed import Parsed
from newsgraph.analysis.quotes.cues import Attribution, cue_lemma, verb_attributions
from newsgraph.analysis.quotes.links import (
    byline_source,
    char_span,
    dash_source,
    inside_quotation,
    is_scare,
    is_sentence,
    label_attributions,
    sentence_cue,
    sources_outside_quotations,
    speech_like,
)
from newsgraph.analysis.quotes.naming import without_clauses_on_named
from newsgraph.analysis.quotes.nouns import according_to, findings_in, noun_attributions
from newsgraph.analysis.quotes.speakers import IMPERSONAL, PERSONAL, pronoun_speaker, speaker_entity
from newsgraph.lexicon import words
from newsgraph.model import Quote, Span, TextSpan

_WORD = re.compile(r"\w+")
_CONTINUATION_PARAGRAPHS = 2
_FRAGMENT_WORDS = 2
_PULL_MIN_CHARS = 20
_MERGE_GAP = 250  # characters of attribution between two parts of one statement


@dataclass(slots=True)
class Draft:
    """A quote being assembled: character span, and the source as token indices."""

    start: int
    end: int
    direct: bool
    cue: tuple[int, int] | None = None
    source: tuple[int, int] | None = None
    source_head: int | None = None
    hedge: str | None = None
    speaker: str | None = None
    speaker_span: Span | None = None
    paragraph: int = 0
    pull: bool = False  # a pull quote: alone on its line, its speaker on the next
    alone: bool = False  # alone on its line: a pull quote, or a paragraph of a long quote
    follows: Draft | None = None  # the quotation whose speaker this one continues


# ---------------------------------------------------------------- attributions to drafts


class _InOrder:
    """The quotations, whether they come in order of start, and the running maximum of their ends."""

    def __init__(self, quoted: list[Quoted]) -> None:
        self.sorted = all(a.start <= b.start for a, b in itertools.pairwise(quoted))
        self.max_end = list(itertools.accumulate((q.end for q in quoted), max))


def _widened(start: int, end: int, cue: tuple[int, int] | None, quoted: list[Quoted],
             order: _InOrder | None = None) -> tuple[int, int, bool]:
    """The span grown over every quotation it touches (unless the cue is inside it), and whether it did.

    With ``order`` (quotations in order of start) only the quotations that can touch it are read.
    """
    direct = False
    fast = order is not None and order.sorted
    first = bisect.bisect_right(order.max_end, start) if order is not None and fast else 0  # all before end by then
    for i in range(first, len(quoted)):
        q = quoted[i]
        if fast and q.start >= end:
            break  # every later quotation starts later still, and the span no longer grows
        if q.start < end and start < q.end:
            if cue is not None and q.start <= cue[0] < q.end:
                continue  # a cue inside the quotation: an attribution nested in it, keep its own span
            start, end, direct = min(start, q.start), max(end, q.end), True
    return start, end, direct


def _drafts_from_attributions(parsed: Parsed, atts: list[Attribution], quoted: list[Quoted],
                              para_of: list[int], paras: list[tuple[int, int]]) -> list[Draft]:
    """A draft for each attribution with content, kept to its paragraph and widened over its quotations."""
    out = []
    order = _InOrder(quoted)
    for a in atts:
        if a.content is None:
            continue
        start, end = char_span(parsed, a.content)
        labelled = a.kind in ("label", "turn")
        cue_chars = char_span(parsed, a.cue) if not labelled else None
        lo, hi = paras[para_of[a.content[0] if labelled else a.cue[0]]]
        start, end = max(start, lo), min(end, hi)  # a sentence the parser ran across a line break
        if end - start < 2:
            continue
        if cue_chars is not None and inside_quotation(cue_chars[0], quoted):
            continue  # "I think ..." inside a quotation is part of what its speaker said
        start, end, direct = _widened(start, end, cue_chars, quoted, order)
        direct = direct or a.kind == "turn"  # a transcript gives the speaker's own words
        out.append(Draft(start, end, direct, cue=a.cue, source=a.source, source_head=a.source_head, hedge=a.hedge,
                         paragraph=para_of[a.cue[0]]))
    return out


# ---------------------------------------------------------------- quotations nobody covered


class _Cover:
    """Drafts filed by the stretches of text they touch, to ask which one holds a quotation (linear, not all pairs)."""

    STRETCH = 512

    def __init__(self, drafts: list[Draft]) -> None:
        self.filed: dict[int, list[Draft]] = {}
        for d in drafts:
            self.add(d)

    def add(self, d: Draft) -> None:
        for k in range(d.start // self.STRETCH, d.end // self.STRETCH + 1):
            self.filed.setdefault(k, []).append(d)

    def covers(self, q: Quoted) -> bool:
        """True when one draft holds at least half of the quotation (such a draft touches it)."""
        size = q.end - q.start
        return any(min(d.end, q.end) - max(d.start, q.start) >= size / 2
                   for k in range(q.start // self.STRETCH, q.end // self.STRETCH + 1) for d in self.filed.get(k, ()))


def _drafts_for_quotations(parsed: Parsed, text: str, quoted: list[Quoted], drafts: list[Draft],
                           atts: list[Attribution], para_of: list[int]) -> list[Draft]:
    """Drafts for the quotations no attribution covered (new drafts, in text order)."""
    paras = paragraphs(text)
    out: list[Draft] = []
    cover, filed = _Cover(drafts), 0
    for q in quoted:
        for d in out[filed:]:  # the draft made for the quotation before
            cover.add(d)
        filed = len(out)
        if cover.covers(q):
            continue
        line_end = paras[q.paragraph][1] if q.paragraph < len(paras) else len(text)
        src = dash_source(parsed, text, q, line_end) or byline_source(parsed, text, q, paras)
        if src is not None:
            head = max(range(*src), key=lambda k: (parsed.tokens[k].pos == "PROPN", -k))
            pull = byline_source(parsed, text, q, paras) is not None
            out.append(Draft(q.start, q.end, True, source=src, source_head=head, paragraph=q.paragraph, pull=pull))
            continue
        if is_scare(text, q):
            continue
        a = sentence_cue(parsed, q, atts, para_of, quoted)
        if a is not None:
            out.append(Draft(q.start, q.end, True, cue=a.cue, source=a.source, source_head=a.source_head,
                             paragraph=q.paragraph))
        elif speech_like(text, q) or q.continues or is_sentence(text, q):
            alone = not text[paras[q.paragraph][0]:q.start].strip() \
                and not text[q.end:paras[q.final_paragraph][1]].strip(" .\u00a0")
            # speaker: the one before, if any
            out.append(Draft(q.start, q.end, True, paragraph=q.paragraph, alone=alone))
    return out


# ---------------------------------------------------------------- speakers


def _attach_speakers(ctx: Context, drafts: list[Draft], quoted: list[Quoted]) -> None:
    """Fill each draft's speaker and speaker span; quotations with none inherit the one before."""
    parsed = ctx.parsed
    last: Draft | None = None
    said: str | None = None  # the speaker of the statement just before, quoted or reported
    for d in sorted(drafts, key=lambda d: d.start):
        if d.source is not None:
            d.speaker_span = Span(*char_span(parsed, d.source))
            if d.source_head is not None:
                d.speaker = speaker_entity(ctx, d.source_head)
                word = parsed.tokens[d.source_head].text.lower()
                if word in PERSONAL:
                    d.speaker = pronoun_speaker(ctx, d.source_head, d.speaker, quoted, last.speaker if last else None)
                elif word in IMPERSONAL:
                    d.speaker = pronoun_speaker(ctx, d.source_head, d.speaker, quoted, said)
        elif d.cue is None and last is not None and d.direct \
                and d.paragraph - last.paragraph <= _CONTINUATION_PARAGRAPHS:
            d.speaker, d.speaker_span, d.cue, d.follows = last.speaker, last.speaker_span, last.cue, last
        if d.direct and d.speaker_span is not None and not d.pull:
            last = d
        if d.speaker is not None:
            said = d.speaker


def _merged(text: str, drafts: list[Draft]) -> list[Draft]:
    """Quotations that go on one speaker's statement joined into one ("“A,” she said. “B.”").

    The attribution between the parts stays inside the span, as PolNeAR and
    quote-attribution corpora draw a statement split by its cue.
    """
    out: list[Draft] = []
    for d in sorted(drafts, key=lambda d: d.start):
        prev = _part_before(out, d)
        if prev is not None and (d.follows is prev or (d.follows is not None and d.follows.start == prev.start)
                                 or (d.direct and prev.direct and d.cue is not None and d.cue == prev.cue)):
            gap = text[prev.end:d.start]
            same = d.paragraph == prev.paragraph and len(gap) <= _MERGE_GAP
            next_para = d.paragraph == prev.paragraph + 1 and not gap.strip(" \n\t\u00a0\"“”")
            if (same or next_para) and prev.end <= d.start:
                prev.end = d.end
                continue
        out.append(d)
    return out


def _part_before(out: list[Draft], d: Draft) -> Draft | None:
    """The latest direct draft before ``d`` with nothing but drafts inside the gap between them.

    "“A,” said X, who has long opposed it. “B.”": the clause about X sits in the gap.
    """
    for o in reversed(out):
        if o.direct:
            return o
        if o.end > d.start:
            return None
    return None


def _hedge(parsed: Parsed, d: Draft, quoted: list[Quoted]) -> str | None:
    """A hedging adverb of the writer's on the cue or in the reported clause ("reportedly", "allegedly").

    An adverb inside quotation marks is the speaker's own word, not the writer's hedge.
    """
    if d.hedge:
        return d.hedge
    hedges = words("quotes/hedges")
    for k in parsed.tokens_in(d.start, d.end):
        tok = parsed.tokens[k]
        if tok.text.lower() in hedges and not inside_quotation(tok.start, quoted):
            return tok.text.lower()
    if d.cue is not None:
        for c in parsed.children(d.cue[0]):
            if c.text.lower() in hedges:
                return c.text.lower()
    return None


# ---------------------------------------------------------------- assembly


def _key(text: str) -> str:
    """The words of a text, folded, for comparing a pull quote with the body."""
    return " ".join(_WORD.findall(fold(text).casefold()))


def _repeats(quotes: list[Quote], alone: set[int], bylined: set[int]) -> list[Quote]:
    """Pull quotes marked with the id of the body quote they repeat, and given its speaker.

    A quotation alone on its line whose words a quote of the body holds is a pull
    quote: it is kept (it is on the page) but marked, so that it is not counted twice.
    """
    out = list(quotes)
    for k in alone:
        key = _key(quotes[k].text)
        if len(key) < _PULL_MIN_CHARS:
            continue
        body = next((q for j, q in enumerate(quotes) if j != k and j not in alone and key[:40] in _key(q.text)), None)
        if body is None:
            continue
        own = k in bylined
        out[k] = replace(quotes[k], repeats=body.id, speaker=body.speaker or quotes[k].speaker,
                         speaker_span=quotes[k].speaker_span if own else body.speaker_span,
                         cue=quotes[k].cue if own else None)
    return out


def _without_nested_fragments(parsed: Parsed, text: str, drafts: list[Draft]) -> list[Draft]:
    """The drafts less the one- and two-word ones whose cue sits inside another statement.

    In "she said he called it 'a farce'", the inner "called it" reports a word or
    two of what she said; as a statement of its own it is noise.
    """
    out = []
    for d in drafts:
        if d.cue is not None and len(_WORD.findall(text[d.start:d.end])) <= _FRAGMENT_WORDS:
            cue = parsed.tokens[d.cue[0]].start
            if any(o is not d and o.start <= cue < o.end for o in drafts):
                continue
        out.append(d)
    return out


def _deduplicated(drafts: list[Draft]) -> list[Draft]:
    """One draft per span: the one with a speaker wins."""
    best: dict[tuple[int, int], Draft] = {}
    for d in drafts:
        old = best.get((d.start, d.end))
        if old is None or (old.speaker_span is None and d.speaker_span is not None):
            best[(d.start, d.end)] = d
    return sorted(best.values(), key=lambda d: (d.start, d.end))


def quotes_of(ctx: Context) -> tuple[Quote, ...]:
    """Every quote and reported statement of the document, in text order."""
    parsed, text = ctx.parsed, ctx.document.text
    if not parsed.tokens or not text.strip():
        return ()
    paras = paragraphs(text)
    para_of = _paragraph_index(parsed, paras)
    atts = verb_attributions(parsed) + according_to(parsed) + findings_in(parsed) + noun_attributions(parsed)
    labels = label_attributions(parsed, text)
    turns = frozenset(para_of[a.content[0]] for a in labels if a.content is not None)
    quoted = joined_continuations([q for q in quoted_spans(text) if not q.nested], turns)
    atts = without_clauses_on_named(parsed, sources_outside_quotations(parsed, atts, quoted), quoted)
    drafts = _drafts_from_attributions(parsed, atts + labels, quoted, para_of, paras)
    drafts += _drafts_for_quotations(parsed, text, quoted, drafts, atts, para_of)
    _attach_speakers(ctx, drafts, quoted)
    kept = _merged(text, _without_nested_fragments(parsed, text, _deduplicated(drafts)))
    quotes = []
    alone: set[int] = set()
    bylined: set[int] = set()
    for k, d in enumerate(kept):
        cue = None
        if d.cue is not None:
            cs, ce = char_span(parsed, d.cue)
            cue = TextSpan(text[cs:ce], cs, ce)
        quotes.append(Quote(id=f"q{k + 1}", text=text[d.start:d.end], start=d.start, end=d.end, direct=d.direct,
                            speaker=d.speaker, speaker_span=d.speaker_span, cue=cue, hedge=_hedge(parsed, d, quoted),
                            kind=_kind(parsed, d), speaks_for=_speaks_for(ctx, d.speaker)))
        if d.pull or d.alone:
            alone.add(k)
        if d.pull:
            bylined.add(k)
    return tuple(_repeats(quotes, alone, bylined))


def _speaks_for(ctx: Context, speaker: str | None) -> str | None:
    """The person or country a speaking office, ministry or embassy serves, when the article says whose it is."""
    entity = ctx.entity(speaker)
    return entity.speaks_for if entity is not None else None


def _kind(parsed: Parsed, d: Draft) -> str:
    """What the attribution reports: "belief" (believes, thinks), "intent" (vowed to, plans to), else "speech"."""
    if d.cue is None or d.direct:
        return "speech"
    lemmas = {cue_lemma(t) for t in parsed.tokens[d.cue[0]:d.cue[1]]}
    if lemmas & words("quotes/belief"):
        return "belief"
    if lemmas & words("quotes/intent"):
        return "intent"
    return "speech"


def _paragraph_index(parsed: Parsed, paras: list[tuple[int, int]]) -> list[int]:
    """The paragraph of each token."""
    out = []
    p = 0
    for t in parsed.tokens:
        while p + 1 < len(paras) and paras[p][1] <= t.start:
            p += 1
        out.append(p)
    return out


def find_quotes(ctx: Context) -> Context:
    """The context with its ``quotes`` layer filled."""
    try:
        quotes = quotes_of(ctx)
    except Exception as err:  # a stage must degrade, never stop the article's other layers
        return replace(ctx, quotes=(), warnings=(*ctx.warnings, f"quotes: {type(err).__name__}: {err}"))
    return replace(ctx, quotes=quotes)


__all__ = ["find_quotes", "quotes_of"]
