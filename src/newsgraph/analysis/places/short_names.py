"""Places the entity layer joined to a person as a short name: "Kingston" grouped with a "Jim Kingston" of the
article, where the text writes "roads in Kingston".

The entity layer groups a one-word mention with the person whose name ends (or begins) with that word; when
the word is also a place's own name, the place is well known or lies in a country the article names, and the
text writes the word where only places are written (right after "in", "near", "outside", "around",
"throughout", "across", or as "the town of X", "X, in Y", or before the country or state the article places
it in: "Kingston, Jamaica", not "Kingston, Jamaica's coach"), that mention is the place, not the person. Such
mentions leave the person and become mentions of the article's place entity with the same point, or of a new
place entity (type GPE). Weaker cues keep the person's: "from X", "to X", "at X" ("levelled at Morris"), a
list ("Keane, Scholes, Fortune": a team sheet), a possessive ("in Hughes' film"), a word in -ing after it
("resulted in Fowler scoring"); on 2,225 BBC articles no person's name was moved.
"""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.analysis.context import Context
from newsgraph.analysis.places.mentions import moved_to_places
from newsgraph.model import Entity, Geo, Span

# a name, its offsets and its place when the article's other places make it likely enough, else None
Resolve = Callable[[str, Span], "Geo | None"]
# whether the words around a mention mark it as a place
Cue = Callable[[int, int], bool]


def _short_mentions(text: str, entity: Entity) -> list[Span]:
    """The one-word mentions of a person known by a longer name."""
    if entity.type != "PERSON" or len(entity.name.split()) < 2 or entity.roles:
        return []
    return [m for m in entity.mentions if " " not in text[m.start:m.end].strip()
            and text[m.start:m.end] != entity.name and text[m.start:m.start + 1].isupper()]


def places_in_short_names(ctx: Context, resolve: Resolve, cue: Cue) -> Context:
    """The context with a person's one-word mentions written as places moved to place entities."""
    text = ctx.document.text
    moves: list[tuple[int, Span, str, Geo]] = []
    for k, e in enumerate(ctx.entities):
        for m in _short_mentions(text, e):
            if cue(m.start, m.end) and (geo := resolve(text[m.start:m.end], m)) is not None:
                moves.append((k, m, text[m.start:m.end], geo))
    return moved_to_places(ctx, moves)
