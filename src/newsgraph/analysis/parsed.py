"""What leaves the NLP stage: the parse of one text as plain frozen records.

spaCy's ``Doc`` never leaves ``nlp.py``. Every later stage reads a ``Parsed``:
tokens with their offsets, tags, lemma and dependency head, the sentences and the
model's named-entity spans. Tests build one by hand with ``Parsed.build``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Token:
    """One token: ``text == parsed.text[start:end]``; ``head`` is a token index (itself for a root)."""

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str  # universal POS: PROPN, NOUN, VERB, ...
    tag: str  # Penn tag: NNP, VBD, ...
    dep: str  # dependency label: nsubj, dobj, ROOT, ...
    head: int
    sent: int  # index of the sentence
    space: bool = True  # followed by white space
    morph: str = ""  # spaCy's morphological features, e.g. "Tense=Past|VerbForm=Fin"
    left: int = -1  # first token of this token's subtree (-1: not known, computed on demand)
    right: int = -1  # last token of this token's subtree, inclusive


@dataclass(frozen=True, slots=True)
class NamedSpan:
    """A model's entity span over tokens ``[first, last)``, with character offsets."""

    label: str
    first: int
    last: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence over tokens ``[first, last)``, with character offsets."""

    first: int
    last: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Parsed:
    """The parse of one text."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    ents: tuple[NamedSpan, ...]
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _kids: tuple[tuple[int, ...], ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(t.start for t in self.tokens))
        kids: list[list[int]] = [[] for _ in self.tokens]
        for t in self.tokens:  # a token's children: those of its sentence whose head it is, in text order
            if t.head != t.i and 0 <= t.head < len(kids) and t.sent == self.tokens[t.head].sent:
                kids[t.head].append(t.i)
        object.__setattr__(self, "_kids", tuple(tuple(k) for k in kids))

    # ------------------------------------------------------------ navigation

    def children(self, i: int) -> Iterator[Token]:
        """The tokens whose head is token ``i``, in text order."""
        for k in self._kids[i]:
            yield self.tokens[k]

    def subtree(self, i: int) -> tuple[int, int]:
        """The token range ``[first, last)`` of token ``i`` and everything under it."""
        tok = self.tokens[i]
        if tok.left >= 0:
            return tok.left, tok.right + 1
        sent = self.sentences[self.tokens[i].sent]
        lo = hi = i
        changed = True
        members = {i}
        toks = self.tokens[sent.first:sent.last]
        while changed:
            changed = False
            for t in toks:
                if t.i not in members and t.head in members:
                    members.add(t.i)
                    lo, hi = min(lo, t.i), max(hi, t.i)
                    changed = True
        return lo, hi + 1

    def ancestors(self, i: int) -> Iterator[Token]:
        """The heads above token ``i``, nearest first."""
        seen = {i}
        t = self.tokens[i]
        while t.head != t.i and t.head not in seen:
            seen.add(t.head)
            t = self.tokens[t.head]
            yield t

    def token_at(self, char: int) -> int | None:
        """The index of the token covering character ``char``, or None."""
        k = bisect.bisect_right(self._starts, char) - 1
        if k >= 0 and self.tokens[k].start <= char < self.tokens[k].end:
            return k
        return None

    def tokens_in(self, start: int, end: int) -> range:
        """The indices of the tokens that overlap characters ``[start, end)``."""
        lo = bisect.bisect_right(self._starts, start) - 1
        lo = max(lo, 0)
        if lo < len(self.tokens) and self.tokens[lo].end <= start:
            lo += 1
        hi = bisect.bisect_left(self._starts, end)
        return range(lo, max(lo, hi))

    def span_text(self, first: int, last: int) -> str:
        """The text of tokens ``[first, last)``."""
        if first >= last:
            return ""
        return self.text[self.tokens[first].start:self.tokens[last - 1].end]

    def sentence_of(self, i: int) -> Sentence:
        """The sentence that holds token ``i``."""
        return self.sentences[self.tokens[i].sent]

    # ------------------------------------------------------------ building by hand

    @classmethod
    def build(cls, words: Sequence[str], *, pos: Sequence[str] | None = None, tags: Sequence[str] | None = None,
              deps: Sequence[str] | None = None, heads: Sequence[int] | None = None,
              lemmas: Sequence[str] | None = None, sent_starts: Sequence[int] = (0,),
              ents: Sequence[tuple[str, int, int]] = (), spaces: Sequence[bool] | None = None,
              morphs: Sequence[str] | None = None) -> Parsed:
        """A parse made by hand, as spaCy's ``Doc(vocab, words=...)``: for exact, model-free tests.

        ``heads`` are absolute token indices; ``ents`` are ``(label, first, last)`` token ranges.
        """
        n = len(words)
        spaces = list(spaces) if spaces is not None else [True] * n
        text_parts: list[str] = []
        offsets: list[tuple[int, int]] = []
        pos_ = 0
        for w, sp in zip(words, spaces, strict=True):
            offsets.append((pos_, pos_ + len(w)))
            text_parts.append(w + (" " if sp else ""))
            pos_ += len(w) + (1 if sp else 0)
        text = "".join(text_parts)
        starts = sorted(set(sent_starts) | {0})
        sent_of = [0] * n
        for k, s in enumerate(starts):
            for j in range(s, starts[k + 1] if k + 1 < len(starts) else n):
                sent_of[j] = k
        tokens = tuple(
            Token(i=i, text=w, start=offsets[i][0], end=offsets[i][1],
                  lemma=(lemmas[i] if lemmas else w.lower()), pos=(pos[i] if pos else "X"),
                  tag=(tags[i] if tags else ""), dep=(deps[i] if deps else "dep"),
                  head=(heads[i] if heads else i), sent=sent_of[i], space=spaces[i],
                  morph=(morphs[i] if morphs else ""))
            for i, w in enumerate(words))
        sentences = tuple(
            Sentence(first=s, last=(starts[k + 1] if k + 1 < len(starts) else n),
                     start=offsets[s][0], end=offsets[(starts[k + 1] if k + 1 < len(starts) else n) - 1][1])
            for k, s in enumerate(starts) if s < n)
        named = tuple(NamedSpan(label=lab, first=a, last=b, start=offsets[a][0], end=offsets[b - 1][1],
                                text=text[offsets[a][0]:offsets[b - 1][1]]) for lab, a, b in ents)
        return cls(text=text, tokens=tokens, sentences=sentences, ents=named)
