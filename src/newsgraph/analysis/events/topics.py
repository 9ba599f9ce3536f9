"""Event nouns that name a subject of talk, not a happening told, found from the parse.

Read off BBC articles nobody tuned for, many false events were an event noun that the article only
mentions: the topic of talks or of a report ("talks on his demands", "a report on the protests"), a thing
feared or spoken of ("the threat of sanctions", "fears of a war", "concerns about an attack"), the object
of a verb of thought ("discussed the agreement"), or a standing state ("existing agreements"). An event is
told when the noun is the object of a verb of doing ("reached an agreement", "launched an attack"), so the
tests here look only at the noun's head word and the preposition between them.
"""

from __future__ import annotations

from newsgraph.analysis.parsed import Parsed, Token
from newsgraph.lexicon import words

_TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
_STANDING = frozenset({"existing"})


def topic_only(parsed: Parsed, tok: Token) -> bool:
    """True when the event noun ``tok`` is only a subject of talk, report, fear or rule here."""
    if tok.pos != "NOUN":
        return False
    if any(c.dep == "amod" and c.text.lower() in _STANDING for c in parsed.children(tok.i)):
        return True  # "existing agreements": a standing state, not a deed told
    if tok.dep == "dobj" and tok.head != tok.i:
        head = parsed.tokens[tok.head]
        return head.pos == "VERB" and head.lemma.lower() in words("events/topic_verbs") \
            and not any(c.dep == "poss" for c in parsed.children(tok.i))  # "discussed the deal", "feared a war"
    if tok.dep != "pobj" or tok.head == tok.i:
        return False
    prep = parsed.tokens[tok.head]
    word = prep.text.lower()
    if prep.head == prep.i:
        return False
    head = parsed.tokens[prep.head]
    if word == "of":
        return head.pos == "NOUN" and head.lemma.lower() in words("events/topic_of")  # "the threat of sanctions"
    if word not in _TOPIC_PREPS:
        return False
    if head.lemma.lower() in words("events/topic_heads"):
        return True  # "talks on his demands", "concerns about an attack", "warned about a strike"
    # "held talks on the agreement": the phrase hangs on the verb whose object is the word of talk
    return head.pos == "VERB" and any(c.dep == "dobj" and c.lemma.lower() in words("events/topic_heads")
                                      for c in parsed.children(head.i))

