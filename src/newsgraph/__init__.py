"""newsgraph: news in, sourced and structured intelligence out.

    >>> import newsgraph
    >>> a = newsgraph.analyze("Kirill Dmitriev, head of Russia's sovereign wealth fund, flew to Washington.")
    >>> [e.name for e in a.entities]  # doctest: +SKIP
"""

from newsgraph.analysis.pipeline import analyze, analyze_documents
from newsgraph.corpus.store import Store
from newsgraph.model import Analysis, Document, Entity, Event, Failure, Quote, Role, Span, TextSpan, Timex

__all__ = ["Analysis", "Document", "Entity", "Event", "Failure", "Quote", "Role", "Span", "Store", "TextSpan",
           "Timex", "analyze", "analyze_documents"]
