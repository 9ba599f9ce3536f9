"""Links between a quotation and its speaker found around it, and the tests that tell speech from labels.

A quotation that no reported-speech clause covers is tied to the speech verb of
its own sentence ("“...”, he added"), a "― Name" after it on its line, a byline
line under a pull quote ("Jane Doe, economist") or a transcript's "NAME:" turn.
Short quotations that end a running sentence or follow "so-called", "dubbed"
are labels and scare quotes, not speech.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from newsgraph.analysis.marks import Quoted, paragraphs
from newsgraph.analysis.parsed import Parsed
from newsgraph.analysis.quotes.cues import Attribution, source_range
from newsgraph.lexicon import words

_DASH_SOURCE = re.compile(r"[ \t\u00a0]*[―—–]{1,2}[ \t\u00a0]*(?=\S)")
_LABEL = re.compile(r"[ \t\u00a0]*[\"“”]?[ \t\u00a0]*"
                    r"([A-Z][\w.'’-]*(?:[ \t\u00a0]+[A-Z(][\w.'’()-]*){0,4})[ \t\u00a0]*:[ \t\u00a0]+(?=\S)")
_WORD = re.compile(r"\w+")
_SCARE_MAX_WORDS = 4


def sources_outside_quotations(parsed: Parsed, atts: list[Attribution], quoted: list[Quoted]) -> list[Attribution]:
    """The attributions with a source the parser found inside the quotation replaced by the name after the cue.

    '“... Full panic mode,” said Jane Doe': a speaker is never inside the words quoted.
    """
    out = []
    for a in atts:
        if a.source_head is not None and a.kind == "verb":
            pos = parsed.tokens[a.source_head].start
            cue_pos = parsed.tokens[a.cue[0]].start
            if inside_quotation(pos, quoted) and not inside_quotation(cue_pos, quoted):
                head = _name_between(parsed, a.source_head, a.cue[0]) if pos < cue_pos else None
                if head is None:
                    head = _name_after(parsed, a.cue[1])
                a = replace(a, source=source_range(parsed, head) if head is not None else None, source_head=head)
        out.append(a)
    return out


def _name_after(parsed: Parsed, k: int) -> int | None:
    """The head of the name or pronoun right after token ``k`` ("said Jane Doe"), or None."""
    toks = parsed.tokens
    while k < len(toks) and toks[k].pos in ("DET", "ADJ"):  # "said the former senator"
        k += 1
    if k >= len(toks) or toks[k].pos not in ("PROPN", "NOUN", "PRON"):
        return None
    while k + 1 < len(toks) and toks[k + 1].pos == "PROPN" and toks[k + 1].sent == toks[k].sent:
        k += 1
    return k


def _name_between(parsed: Parsed, first: int, cue: int) -> int | None:
    """The noun heading the words between a quotation and its cue ("“...,” the former strategist said")."""
    toks = parsed.tokens
    k = cue - 1
    while k > first and toks[k].pos in ("ADV", "AUX", "PART"):
        k -= 1
    if k <= first or toks[k].pos not in ("PROPN", "NOUN", "PRON") or toks[k].text in ("\"", "”", "’"):
        return None
    return k


def inside_quotation(pos: int, quoted: list[Quoted]) -> bool:
    """True when character ``pos`` lies within one of the quotations (in text order, not overlapping)."""
    k = bisect.bisect_left(quoted, pos, key=lambda q: q.start) - 1
    return k >= 0 and quoted[k].start < pos < quoted[k].end


def label_attributions(parsed: Parsed, text: str) -> list[Attribution]:
    """Transcript turns and headlines: "PENCE: Well, ..." or "Poll: voters ..." at a paragraph's start."""
    out = []
    for lo, hi in paragraphs(text):
        m = _LABEL.match(text, lo, hi)
        if m is None:
            continue
        label = m.group(1)
        if label.split()[0].lower().rstrip(".") in words("quotes/non_labels"):
            continue  # "Photo: Reuters", "Update: ..."
        body_words = len(_WORD.findall(text[m.end():hi]))
        turn = label.replace(".", "").replace(" ", "").isupper()
        if not (turn or body_words <= 25):
            continue
        src = parsed.tokens_in(m.start(1), m.end(1))
        body = parsed.tokens_in(m.end(), hi)
        if not src or not body:
            continue
        head = max(src, key=lambda k: (parsed.tokens[k].pos == "PROPN", k))
        colon = body.start - 1
        out.append(Attribution(cue=(colon, colon + 1), content=(body.start, body.stop), source=(src.start, src.stop),
                               source_head=head, kind="turn" if turn else "label"))
    return out


def is_scare(text: str, q: Quoted) -> bool:
    """True for a short quotation that names or labels: "so-called 'X'", a title, a scare quote."""
    if not q.closed or q.last_paragraph >= 0:
        return False  # a quote that runs to the end of its paragraph is a statement
    inner = text[q.inner_start:q.inner_end]
    n = len(_WORD.findall(inner))
    before = text[max(0, q.start - 30):q.start].lower().split()
    if "\n" in text[max(0, q.start - 30):q.start]:
        before = text[text.rfind("\n", 0, q.start) + 1:q.start].lower().split()
    if before and before[-1].strip(",") in words("quotes/naming") and n <= 8:
        return True
    if n > _SCARE_MAX_WORDS:
        return False
    # a sentence of its own, however short ("What curfew?"), is said, not labelled; a short
    # quotation that ends a running sentence ('he called him "Lyin' Ted."') is a label
    own_sentence = not before or before[-1][-1:] in ".!?:,\"”"
    return not (own_sentence and inner.rstrip(" ,\u00a0").endswith((".", "!", "?", "…")))


def speech_like(text: str, q: Quoted) -> bool:
    """True when the quotation reads like something said: a clause, not a phrase."""
    return len(_WORD.findall(text[q.inner_start:q.inner_end])) > _SCARE_MAX_WORDS


def is_sentence(text: str, q: Quoted) -> bool:
    """True for a quotation that is a whole sentence: a capital first, a full stop last ("The budget stays.")."""
    inner = text[q.inner_start:q.inner_end].strip(" ,\u00a0")
    return inner[:1].isupper() and inner.endswith((".", "!", "?", "…")) and len(_WORD.findall(inner)) >= 2 \
        and not is_scare(text, q)


def dash_source(parsed: Parsed, text: str, q: Quoted, line_end: int) -> tuple[int, int] | None:
    """ "“...” ― Jane Doe": the source after a dash on the quotation's line."""
    m = _DASH_SOURCE.match(text, q.end, line_end)
    if m is None:
        return None
    stop = text.find(",", m.end(), line_end)
    rng = parsed.tokens_in(m.end(), stop if stop > 0 else line_end)
    if not rng or len(rng) > 8:
        return None
    last = rng.stop
    while last > rng.start and parsed.tokens[last - 1].pos == "PUNCT":
        last -= 1
    return (rng.start, last) if last > rng.start else None


def byline_source(parsed: Parsed, text: str, q: Quoted, paras: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A pull quote alone on its line, and the next line "Jane Doe, journalist": the name."""
    lo, hi = paras[q.paragraph]
    if text[lo:q.start].strip() or text[q.end:hi].strip(" .\u00a0") or q.paragraph + 1 >= len(paras):
        return None
    nlo, nhi = paras[q.paragraph + 1]
    line = text[nlo:nhi]
    name = line.split(",", 1)[0]
    rng = parsed.tokens_in(nlo, nlo + len(name.rstrip()))
    if not rng or len(rng) > 5 or len(_WORD.findall(line)) > 12:
        return None
    if not all(parsed.tokens[k].text[:1].isupper() for k in rng):
        return None
    return rng.start, rng.stop


def sentence_cue(parsed: Parsed, q: Quoted, atts: list[Attribution], para_of: list[int],
                 quoted: list[Quoted] | None = None) -> Attribution | None:
    """The speech verb of the quotation's sentences, outside it and every other quotation
    ("“...”, he added"; "X told reporters: “...”")."""
    span = parsed.tokens_in(q.start, q.end)
    if not span:
        return None
    toks = parsed.tokens
    sents = {toks[span.start].sent, toks[span.stop - 1].sent}
    if span.start > 0 and toks[span.start - 1].text == ":":
        sents.add(toks[span.start - 1].sent)
    # '“...?” Clinton said.': the parser may end the sentence with the quotation
    last = toks[span.stop - 1].sent
    if last + 1 < len(parsed.sentences) and parsed.sentences[last].end <= q.end \
            and not parsed.text[q.end:parsed.sentences[last + 1].start].strip():
        sents.add(last + 1)
    speech = words("quotes/verbs")
    best: tuple[int, Attribution] | None = None
    for a in atts:
        cue = parsed.tokens[a.cue[0]]
        if a.kind != "verb" or cue.sent not in sents or not q.paragraph <= para_of[cue.i] <= q.final_paragraph:
            continue
        if q.start <= cue.start < q.end or cue.lemma.lower() not in speech:
            continue
        if quoted is not None and inside_quotation(cue.start, quoted):
            continue  # "“Tell them,” he said. “Tell them again.”": the imperative is quoted, not a cue
        if a.content is not None:
            cs, ce = char_span(parsed, a.content)
            if ce - cs > 0 and not (cs < q.end and q.start < ce) and parsed.tokens[a.content[0]].sent in sents:
                continue  # it reports another clause of the sentence
        dist = min(abs(cue.start - q.end), abs(cue.end - q.start))
        if best is None or dist < best[0]:
            best = (dist, a)
    return best[1] if best else None


def char_span(parsed: Parsed, rng: tuple[int, int]) -> tuple[int, int]:
    """The character span of the token range ``[first, last)``."""
    return parsed.tokens[rng[0]].start, parsed.tokens[rng[1] - 1].end
