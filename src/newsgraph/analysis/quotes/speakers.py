"""Speakers: the entity a quote's source phrase stands for.

A name or a role noun resolves through ``refers_to``; a relative pronoun through
its antecedent ("Smith, who said ..."); a statement noun through its author ("a
statement from Amnesty International said"); an unnamed role through the name
in apposition ("the Kremlin's spokesman, Dmitry Peskov, said"); a transcript's
"PENCE:" through the one entity whose name ends with it; "he" and "she" skip the
people named inside quotations ('“Trump has no plan,” he added').
"""

from __future__ import annotations

from newsgraph.analysis.context import Context
from newsgraph.analysis.marks import Quoted
from newsgraph.analysis.quotes.links import inside_quotation
from newsgraph.lexicon import words
from newsgraph.model import Entity

_RELATIVE = frozenset({"who", "which", "that", "whom"})
PERSONAL = frozenset({"he", "she"})
IMPERSONAL = frozenset({"it", "they"})
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_PRONOUN_SENTENCES = 3


def speaker_entity(ctx: Context, head: int) -> str | None:
    """The entity a source phrase stands for: its head's referent, a relative's antecedent, a statement's author."""
    parsed, refers = ctx.parsed, ctx.refers_to
    toks = parsed.tokens
    t = toks[head]
    if t.text.lower() in _RELATIVE and toks[t.head].dep in ("relcl", "acl"):
        head = toks[t.head].head
        t = toks[head]
    # "the Kremlin's spokesman, Dmitry Peskov, said", "whose chief executive, Liu Wei, said": the name
    # in apposition to a role says who speaks, whatever the role noun was resolved to
    for c in parsed.children(head):
        if c.dep == "appos" and c.i in refers \
                and (_is_person(ctx, refers[c.i]) or (t.pos == "NOUN" and _is_org(ctx, refers[c.i]))):
            return refers[c.i]  # "the operator, Cyclades Lines, said" too
        if c.dep == "appos" and t.pos == "NOUN" and c.pos == "NOUN":
            # "The mine's owner, the state company Codelco, said": a description, then the name
            named = next((g.i for g in parsed.children(c.i) if g.dep in ("appos", "compound") and g.i in refers), None)
            if named is not None and _is_org(ctx, refers[named]):
                return refers[named]
    if head in refers:
        return refers[head]
    if t.lemma.lower() in words("quotes/sources"):
        for prep in parsed.children(head):
            if prep.dep == "prep" and prep.text.lower() in ("from", "of", "by"):
                for obj in parsed.children(prep.i):
                    if obj.dep == "pobj" and obj.i in refers:
                        return refers[obj.i]
    if t.lemma.lower() in _SPOKESPEOPLE:
        # "a spokesman for the ministry said", "the ministry's spokeswoman said": the body the unnamed one speaks for
        for c in parsed.children(head):
            if c.dep == "prep" and c.text.lower() in ("for", "of"):
                pobj = next((g.i for g in parsed.children(c.i) if g.dep == "pobj"), None)
                if pobj is not None and pobj in refers and not _is_person(ctx, refers[pobj]):
                    return refers[pobj]
            if c.dep == "poss" and c.i in refers and not _is_person(ctx, refers[c.i]):
                return refers[c.i]
    if t.pos == "PROPN":
        for c in parsed.children(head):
            if c.dep in ("compound", "flat") and c.i in refers:
                return refers[c.i]
    if t.pos == "PROPN" or (t.text.isupper() and len(t.text) > 1):
        return _named_like(ctx, t.text)
    return None


def _is_person(ctx: Context, entity_id: str) -> bool:
    """True when the entity is a person."""
    entity = ctx.entity(entity_id)
    return entity is not None and entity.type == "PERSON"


def _is_org(ctx: Context, entity_id: str) -> bool:
    """True when the entity is an organisation."""
    entity = ctx.entity(entity_id)
    return entity is not None and entity.type == "ORG"


def _named_like(ctx: Context, word: str) -> str | None:
    """The one entity whose name ends with this word, in any case ("PENCE" in a transcript: Mike Pence).

    A person is preferred; the model sometimes types a name in capitals as something else.
    """
    key = word.casefold()
    found = [e for e in ctx.entities
             if any(a.split() and a.split()[-1].casefold() == key for a in (e.name, *e.aliases))]
    persons = [e for e in found if e.type == "PERSON"]
    pool = persons or found
    return pool[0].id if len(pool) == 1 else None


def _named_inside(entity: Entity, at: int, quoted: list[Quoted]) -> bool:
    """True when the entity was last named, before character ``at``, inside a quotation."""
    before = [m.start for m in entity.mentions if m.start < at]
    return bool(before) and inside_quotation(max(before), quoted)


def pronoun_speaker(ctx: Context, pronoun: int, chosen: str | None, quoted: list[Quoted],
                     last_speaker: str | None) -> str | None:
    """The speaker "he" or "she" stands for, not counting the people named inside quotations.

    In '“Trump has no plan,” he added' Trump is quoted, not quoting: when the
    reference layer's choice was last named inside a quotation, the speaker is the
    one quoted just before, or else the person last named outside quotations.
    """
    parsed = ctx.parsed
    at = parsed.tokens[pronoun].start
    entity = ctx.entity(chosen)
    impersonal = parsed.tokens[pronoun].text.lower() in IMPERSONAL
    if impersonal:
        # '“Codelco broke its word,” the union said. It added ...': "it" goes on with the body that spoke,
        # not with one named inside its words
        last = ctx.entity(last_speaker)
        if last is not None and last.type != "PERSON" and (entity is None or _named_inside(entity, at, quoted)):
            return last.id
        return chosen
    if entity is None:
        return chosen
    before = [m.start for m in entity.mentions if m.start < at]
    if not before or not inside_quotation(max(before), quoted):
        return chosen
    if last_speaker is not None and last_speaker != chosen:
        return last_speaker
    sent = parsed.tokens[pronoun].sent
    best: tuple[int, str] | None = None
    for e in ctx.entities:
        if e.type != "PERSON":
            continue
        for m in e.mentions:
            k = parsed.token_at(m.start)
            if m.start < at and k is not None and parsed.tokens[k].sent >= sent - _PRONOUN_SENTENCES \
                    and not inside_quotation(m.start, quoted) and (best is None or m.start > best[0]):
                best = (m.start, e.id)
    return best[1] if best else chosen
