"""newsgraph: news in, sourced and structured intelligence out.

    >>> import newsgraph
    >>> a = newsgraph.analyze("Kirill Dmitriev, head of Russia's sovereign wealth fund, flew to Washington.")
    >>> [e.name for e in a.entities]  # doctest: +SKIP

The names below are imported when first used, so a command that only reads the
corpus store never loads the analysis layers (nor spaCy).
"""

from __future__ import annotations

import importlib as _importlib
import typing as _typing

if _typing.TYPE_CHECKING:
    from newsgraph.analysis.pipeline import analyze, analyze_documents
    from newsgraph.corpus.store import Store
    from newsgraph.model import Analysis, Document, Entity, Event, Failure, Quote, Role, Span, TextSpan, Timex

_WHERE = {"analyze": "newsgraph.analysis.pipeline", "analyze_documents": "newsgraph.analysis.pipeline",
          "Store": "newsgraph.corpus.store",
          **dict.fromkeys(("Analysis", "Document", "Entity", "Event", "Failure", "Quote", "Role", "Span", "TextSpan",
                           "Timex"), "newsgraph.model")}

__all__ = ["Analysis", "Document", "Entity", "Event", "Failure", "Quote", "Role", "Span", "Store", "TextSpan",
           "Timex", "analyze", "analyze_documents"]


def __getattr__(name: str) -> _typing.Any:
    if name in _WHERE:
        value = getattr(_importlib.import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
