"""Quotation marks: the stretches of text they enclose, found from the characters alone.

Newsroom text mixes curly and straight marks, uses a closing mark to open, leaves
a quote open at the end of a paragraph when the next paragraph goes on with it,
and uses ’ both as an apostrophe and as a closing single mark. Every mark is read
by its shape (what stands before and after it), marks are paired within a
paragraph, and a mark that finds no partner is dropped: odd or unbalanced marks
never raise, they only cost the quote they belong to.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

DOUBLE_MARKS = frozenset("\"“”„«»")
_DOUBLE_OPENERS = frozenset("“„«")
_DOUBLE_CLOSERS = frozenset("”»")
_SINGLE_OPENERS = frozenset("‘‹")
_SINGLE_CLOSERS = frozenset("’›")
_BEFORE_OPENING = frozenset("([{—–-/:;,\u00a0")
_AFTER_CLOSING = frozenset(".,;:!?)]}—–-…\u00a0")
ALL_MARKS = DOUBLE_MARKS | _SINGLE_OPENERS | _SINGLE_CLOSERS | {"'"}


@dataclass(frozen=True, slots=True)
class Quoted:
    """A stretch in quotation marks: ``start``/``end`` include the marks, ``inner_*`` do not."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraph: int
    closed: bool  # False: the paragraph ended first (the quote may go on in the next one)
    nested: bool = False  # inside another quote
    continues: bool = False  # goes on from an unclosed quote in the paragraph before
    last_paragraph: int = -1  # the paragraph it ends in, when it runs over several (-1: its own)

    @property
    def final_paragraph(self) -> int:
        """The paragraph the quotation ends in."""
        return max(self.paragraph, self.last_paragraph)


def joined_continuations(quoted: list[Quoted], skip_paragraphs: frozenset[int] = frozenset()) -> list[Quoted]:
    """Top-level quotations with each paragraph-spanning quote joined into one.

    A quote left open at the end of a paragraph and taken up by an opening mark at
    the start of the next is one statement (the newsroom convention for long quotes).
    ``skip_paragraphs`` are paragraphs that start a new turn (a transcript's "NAME:").
    """
    out: list[Quoted] = []
    for q in quoted:
        prev = out[-1] if out else None
        if prev is not None and q.continues and not prev.closed and q.paragraph not in skip_paragraphs \
                and q.paragraph == prev.final_paragraph + 1:
            out[-1] = replace(prev, end=q.end, inner_end=q.inner_end, closed=q.closed, last_paragraph=q.paragraph)
        else:
            out.append(q)
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each non-blank line of the text."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _opening_shape(text: str, pos: int, lo: int, hi: int) -> bool:
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + 1] if pos + 1 < hi else " "
    return (before.isspace() or before in _BEFORE_OPENING or before in DOUBLE_MARKS) and not after.isspace()


def _closing_shape(text: str, pos: int, lo: int, hi: int) -> bool:
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + 1] if pos + 1 < hi else " "
    return not before.isspace() and (after.isspace() or after in _AFTER_CLOSING or after in DOUBLE_MARKS
                                     or after in _SINGLE_CLOSERS)


def _double_pairs(text: str, lo: int, hi: int) -> tuple[list[tuple[int, int, bool]], int | None]:
    """Paired double marks of one paragraph as ``(open, close, closed)``, and an opening left unclosed."""
    pairs: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    for pos in range(lo, hi):
        ch = text[pos]
        if ch not in DOUBLE_MARKS:
            continue
        if ch == '"' and pos > lo and text[pos - 1].isdigit() and _closing_shape(text, pos, lo, hi):
            continue  # an inch mark: 6'3"
        opening = _opening_shape(text, pos, lo, hi)
        closing = _closing_shape(text, pos, lo, hi)
        if open_at is None:
            if ch not in _DOUBLE_OPENERS and closing and not opening:
                continue  # a stray closing mark (a quote closed after a paragraph break, a misplaced mark)
            open_at = pos
        elif ch in _DOUBLE_OPENERS and opening and not closing:
            # an opening mark while a quote is open: the first one was never closed
            if text[open_at + 1:pos].strip():
                pairs.append((open_at, _trim_end(text, open_at, pos), False))
            open_at = pos
        else:
            pairs.append((open_at, pos, True))
            open_at = None
    return pairs, open_at


def _trim_end(text: str, start: int, end: int) -> int:
    """The last non-space position before ``end`` (a pseudo closing mark for an unclosed quote)."""
    k = end - 1
    while k > start and text[k].isspace():
        k -= 1
    return k


def _is_apostrophe(text: str, pos: int, lo: int, hi: int) -> bool:
    """True for ’ or ' inside a word ("Trump’s", "don't") or eliding a leading letter ("'90s")."""
    before = text[pos - 1] if pos > lo else " "
    after = text[pos + 1] if pos + 1 < hi else " "
    return (before.isalnum() and after.isalnum()) or (after.isdigit() and not before.isalnum())


def _single_pairs(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Paired single marks of one stretch as ``(open, close)`` positions (apostrophes skipped)."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    for pos in range(lo, hi):
        ch = text[pos]
        if ch not in _SINGLE_OPENERS and ch not in _SINGLE_CLOSERS and ch != "'":
            continue
        if _is_apostrophe(text, pos, lo, hi):
            continue
        opening = _opening_shape(text, pos, lo, hi)
        closing = _closing_shape(text, pos, lo, hi)
        if open_at is None:
            if opening and not closing and ch not in _SINGLE_CLOSERS:
                open_at = pos
        elif closing and ch not in _SINGLE_OPENERS:
            pairs.append((open_at, pos))
            open_at = None
        elif opening and not closing and ch in _SINGLE_OPENERS:
            open_at = pos
    return pairs


def _quoted(start: int, close: int, paragraph: int, closed: bool, nested: bool = False) -> Quoted:
    return Quoted(start=start, end=close + 1, inner_start=start + 1, inner_end=close if closed else close + 1,
                  paragraph=paragraph, closed=closed, nested=nested)


def _doubled_apostrophes(text: str) -> str:
    """The text with each '' (a double mark typed as two apostrophes) as one double mark and a space.

    The length stays the same, so every position still points into the original text.
    """
    if "''" not in text:
        return text
    chars = list(text)
    k = text.find("''")
    while k >= 0:
        before = text[k - 1] if k > 0 else " "
        after = text[k + 2] if k + 2 < len(text) else " "
        opening = (before.isspace() or before in "([{—–-/:") and not after.isspace()
        chars[k], chars[k + 1] = (" ", '"') if opening else ('"', " ")
        k = text.find("''", k + 2)
    return "".join(chars)


def quoted_spans(text: str) -> list[Quoted]:
    """Every quoted stretch of the text, in order; single-marked ones inside double ones are ``nested``."""
    original = text
    text = _doubled_apostrophes(text)
    out: list[Quoted] = []
    previous_open = False
    for k, (lo, hi) in enumerate(paragraphs(text)):
        pairs, unclosed = _double_pairs(text, lo, hi)
        found = [_quoted(a, b, k, closed) for a, b, closed in pairs]
        if unclosed is not None and text[unclosed + 1:hi].strip():
            found.append(_quoted(unclosed, _trim_end(text, unclosed, hi), k, False))
        covered = [(q.start, q.end) for q in found]
        for a, b in _single_pairs(text, lo, hi):
            inside = any(s <= a and b < e for s, e in covered)
            if inside or not any(s < b and a < e for s, e in covered):  # crossing a double quote: no pair
                found.append(_quoted(a, b, k, True, nested=inside))
        found.sort(key=lambda q: q.start)
        first_top = next((q for q in found if not q.nested), None)
        if first_top is not None and previous_open and not text[lo:first_top.start].strip():
            found = [Quoted(q.start, q.end, q.inner_start, q.inner_end, q.paragraph, q.closed, q.nested,
                            continues=True) if q is first_top else q for q in found]
        previous_open = unclosed is not None
        out.extend(q for q in found if q.inner_end > q.inner_start and text[q.inner_start:q.inner_end].strip())
    return [_with_doubled_marks(original, q) for q in out] if original is not text else out


def _with_doubled_marks(text: str, q: Quoted) -> Quoted:
    """The quotation grown over both apostrophes of a '' mark at either end (the stand-in marked only one)."""
    start = q.start - 1 if q.start > 0 and text[q.start - 1:q.start + 1] == "''" else q.start
    end = q.end + 1 if q.closed and text[q.end - 1:q.end + 1] == "''" else q.end
    return q if (start, end) == (q.start, q.end) else replace(q, start=start, end=end)
