"""Events coded to PLOVER: who did what to whom, when and where.

A trigger is a verb or a noun of the project's lexicon (``lexicon/triggers.tsv``):
"the ministers signed", "the signing", "a phone call to Zelensky", "talks between ...".
One event per happening per clause: a trigger governed by another ("threatened to cut
off", "demanded the withdrawal", "wounded ... in a bomb attack") is part of the
governing event, not an event of its own. A noun trigger takes its actors through the
verb that governs it ("held talks", "imposed sanctions"). What is planned or promised
becomes a promise (AGREE) or a threat (THREATEN), as PLOVER reads intent; what is
denied is negated, or a refusal (REJECT) when a promise is refused. Verbs the lexicon leaves
uncoded are coded by PETRARCH-2's dictionary (``petrarch.py``). An event names its parties: an
entity, or a group or an office the article names (``Event.groups``); one that names none is dropped.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import replace

from newsgraph.analysis.context import Context
from newsgraph.analysis.entities.names import country_named
from newsgraph.analysis.events.actors import (
    actor_profiles,
    agent_codes,
    coordinated_heads,
    is_other_pronoun,
    setting_places,
    with_known_codes,
)
from newsgraph.analysis.events.groups import description_start, party_head
from newsgraph.analysis.events.learned import decide, features
from newsgraph.analysis.events.lexicon import cameo_root
from newsgraph.analysis.events.mood import coded_type, mood_of
from newsgraph.analysis.events.parties import parties_of, reporter_of, resolve_heads
from newsgraph.analysis.events.petrarch import DEFAULT_FLAG as PETRARCH_DEFAULT
from newsgraph.analysis.events.topics import topic_only
from newsgraph.analysis.events.triggers import (
    REPORTING,
    Trigger,
    find_triggers,
    governing_triggers,
    has_content,
    main_happenings,
)
from newsgraph.analysis.parsed import Parsed
from newsgraph.model import Entity, Event, GroupParty, Quote, Span, TextSpan, Timex

_PLACE_PREPS = frozenset({"in", "at", "near", "to", "outside", "inside", "across"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_TRAVEL = frozenset({"fly", "travel", "arrive", "come", "go", "head", "depart", "return", "meet", "gather",
                     "convene", "invite"})  # "flew to Cairo for talks": the journey is for the meeting
_SETTING_PREPS = frozenset({"at", "for", "on", "after", "before", "ahead", "during", "since", "following"})
_STATE_SECTORS = frozenset({"government", "military", "police", "intelligence", "judiciary"})
_FORCE = frozenset({"ASSAULT", "COERCE"})
_ORDINALS = frozenset({"first", "last", "time"})
_ISLAND_WORDS = frozenset({"despite", "since", "although", "though", "unlike"})
_SAME_TIME = frozenset({"when", "as", "while", "whilst"})
_HEDGES = ("allegedly", "reportedly", "purportedly", "supposedly", "apparently", "according to")


# ---------------------------------------------------------------- when, where, says who


def _event_tokens(trig: Trigger) -> set[int]:
    return {trig.tok, trig.anchor, *trig.members}


def _own_tokens(parsed: Parsed, trig: Trigger) -> set[int]:
    """The event's words without the members told in a clause of their own ("despite attacking
    villages last year, they signed ..."): their date and place are not the event's."""
    home = _island_of(parsed, trig.tok)
    return {trig.tok, trig.anchor, *(m for m in trig.members if _island_of(parsed, m) == home)}


def date_of(parsed: Parsed, trig: Trigger, timexes: tuple[Timex, ...], others: set[int],
            own: Mapping[int, str] | None = None) -> Timex | None:
    """The timex of the trigger's own clause, else the nearest one of a clause that governs it.

    A "despite ..."/"since ..." phrase and a relative clause are told apart from the clause around
    them: a date does not cross into or out of one. What is not a calendar date ("now", "soon"), a
    duration, a frequency and the start of a comparison ("for the first time since 2007") are no
    event's date. A clause below the event's words tells another happening ("protested after a ship
    entered its waters in July"), unless it is a "when" clause or one told of the event's own parties
    (``own``: token -> entity id of those parties: "killed after he led a coup in 2023").
    """
    sent = parsed.sentence_of(trig.tok)
    mine = _own_tokens(parsed, trig)
    others = others | (_event_tokens(trig) - mine)
    home = _island_of(parsed, trig.tok)
    own_verb = trig.tok if parsed.tokens[trig.tok].pos in ("VERB", "AUX") else _clause_verb(parsed, trig.tok, set())
    best: tuple[int, int, Timex] | None = None
    for tx in _timexes_in(timexes, sent.start, sent.end):
        if not tx.value or not tx.value[0].isdigit() or tx.type in ("DURATION", "SET") \
                or not sent.start <= tx.start < sent.end:
            continue
        toks = parsed.tokens_in(tx.start, tx.end)
        if not toks or _starts_a_comparison(parsed, toks[0]):
            continue
        verb = _clause_verb(parsed, toks[0], mine | others)
        if verb in mine:
            rank = 0
        elif _at_the_time_of(parsed, own_verb, verb):
            rank = 1  # "protested last year when Vietnam held a drill": the "when" clause shares its time
        elif verb in others or parsed.tokens[verb].lemma.lower() in REPORTING or _island_of(parsed, toks[0]) != home \
                or _describes_a_noun(parsed, verb, own_verb, mine) \
                or not (_governs(parsed, verb, trig) or _told_of_own_party(parsed, verb, own or {})):
            continue  # "protested after a ship entered its waters in July": July is the entering's
        else:
            rank = 1
        dist = min(abs(k - trig.tok) for k in toks)
        if best is None or (rank, dist) < best[:2]:
            best = (rank, dist, tx)
    return best[2] if best else None


def _at_the_time_of(parsed: Parsed, own_verb: int, verb: int) -> bool:
    """True when the event's clause is a "when"/"as"/"while" clause of ``verb``'s: both happen at one time."""
    v = parsed.tokens[own_verb]
    return v.dep == "advcl" and v.head == verb and verb != own_verb and any(
        c.dep in ("mark", "advmod") and c.text.lower() in _SAME_TIME for c in parsed.children(own_verb))


def _told_of_own_party(parsed: Parsed, verb: int, own: Mapping[int, str]) -> bool:
    """True when the clause of ``verb`` has one of the event's own parties as subject."""
    return any(c.dep in ("nsubj", "nsubjpass") and c.i in own for c in parsed.children(verb))


def _governs(parsed: Parsed, verb: int, trig: Trigger) -> bool:
    """True when ``verb`` is above the event's words ("began on Monday to withdraw", "arrived on Monday and
    met") or its "when" clause: a clause below them ("after a ship entered its waters in July"), or beside
    them, tells another happening."""
    for k in (trig.anchor, trig.tok):
        t = parsed.tokens[k]
        for _ in range(30):
            if t.head == t.i:
                break
            t = parsed.tokens[t.head]
            if t.i == verb:
                return True
    v = parsed.tokens[verb]  # "killed when his jet exploded in 2023": a "when" clause is the event's own time
    return v.dep == "advcl" and v.head in (trig.anchor, trig.tok) and any(
        c.dep in ("mark", "advmod") and c.text.lower() in _SAME_TIME for c in parsed.children(verb))


_FILED: list[tuple[tuple[Timex, ...], list[int], list[int]]] = []  # the last timexes filed by start


def _timexes_in(timexes: tuple[Timex, ...], start: int, end: int) -> list[Timex]:
    """The timexes starting in ``[start, end)``, in their own order (found by bisection: one event's
    date costs its sentence's timexes, not the article's)."""
    entry = _FILED[0] if _FILED else None  # read once: another thread may file its own
    if entry is None or entry[0] is not timexes:
        order = sorted(range(len(timexes)), key=lambda k: timexes[k].start)
        entry = (timexes, order, [timexes[k].start for k in order])
        _FILED[:] = [entry]
    _, order, starts = entry
    found = sorted(order[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)])
    return [timexes[k] for k in found]


def _describes_a_noun(parsed: Parsed, verb: int, own_verb: int, mine: set[int]) -> bool:
    """True when ``verb`` is a participle or relative clause of a noun other than the event's own, below
    the event's clause ("despite a ceasefire agreed in January and appeals from X"): its date is the
    noun's; "the talks held on Monday" tell the event's."""
    t = parsed.tokens[verb]
    for _ in range(30):
        if t.i == own_verb or t.head == t.i:
            return False
        if t.dep in ("acl", "relcl"):
            return t.head not in mine
        t = parsed.tokens[t.head]
    return False


def _starts_a_comparison(parsed: Parsed, first: int) -> bool:
    """True for the year of "the first time since 2007", "the first such meeting since 2022"."""
    if first == 0 or parsed.tokens[first - 1].text.lower() != "since":
        return False
    since = parsed.tokens[first - 1]
    head = parsed.tokens[since.head]
    return head.lemma.lower() in _ORDINALS or any(c.lemma.lower() in _ORDINALS for c in parsed.children(head.i))


def _island_of(parsed: Parsed, k: int) -> int:
    """The relative clause or "despite"/"since" phrase token ``k`` lies in (its top token), else -1."""
    t = parsed.tokens[k]
    for _ in range(30):
        if t.head == t.i:
            return -1
        if t.dep == "relcl" or (t.dep == "prep" and t.text.lower() in _ISLAND_WORDS) or (
                t.dep == "advcl" and any(c.dep in ("mark", "prep") and c.text.lower() in _ISLAND_WORDS
                                         for c in parsed.children(t.i))):
            return t.i
        t = parsed.tokens[t.head]
    return -1


def _clause_verb(parsed: Parsed, k: int, stops: set[int]) -> int:
    """The first verb (or event word) above token ``k``."""
    t = parsed.tokens[k]
    steps = 0
    while t.head != t.i and steps < 30:
        t = parsed.tokens[t.head]
        if t.i in stops or t.pos in ("VERB", "AUX"):
            return t.i
        steps += 1
    return t.i


def location_of(parsed: Parsed, trig: Trigger, refers_to: Mapping[int, str],
                by_id: Mapping[str, Entity]) -> str | None:
    """The place of the clause: a GPE, LOC or FAC in a locative phrase on the event's words."""
    for k in sorted(_own_tokens(parsed, trig)):
        for c in parsed.children(k):
            if c.dep != "prep" or c.text.lower() not in _PLACE_PREPS or (
                    c.text.lower() == "to" and parsed.tokens[k].lemma.lower() not in _TRAVEL):
                continue  # "flew to Cairo" is where it happens; "blocked aid to Ukraine" is whom it reaches
            for g in parsed.children(c.i):
                eid = refers_to.get(g.i)
                if g.dep == "pobj" and eid and eid in by_id and by_id[eid].type in _PLACE_TYPES:
                    return eid
    return _relative_place(parsed, trig, refers_to, by_id)


def _relative_antecedent(parsed: Parsed, trig: Trigger, adverbs: tuple[str, ...]) -> int | None:
    """The word a "where"/"when" clause of the event hangs on ("Tokyo" of "a visit to Tokyo, where she
    met ..."), else None."""
    verb = parsed.tokens[trig.anchor]
    if verb.dep != "relcl" or verb.head == verb.i or not any(
            c.dep == "advmod" and c.text.lower() in adverbs for c in parsed.children(verb.i)):
        return None
    return verb.head


def _relative_place(parsed: Parsed, trig: Trigger, refers_to: Mapping[int, str],
                    by_id: Mapping[str, Entity]) -> str | None:
    """The place a "where" clause tells of: the place it hangs on ("a visit to Tokyo, where she met the
    minister"), or the place of the clause it hangs on ("arrived in Seoul on Monday, where she met ...")."""
    head = _relative_antecedent(parsed, trig, ("where",))
    if head is None:
        return None
    eid = refers_to.get(head)
    if eid and eid in by_id and by_id[eid].type in _PLACE_TYPES:
        return eid
    verb = _clause_verb(parsed, head, set())
    for c in parsed.children(verb):
        if c.dep == "prep" and c.text.lower() in _PLACE_PREPS:
            for g in parsed.children(c.i):
                eid = refers_to.get(g.i)
                if g.dep == "pobj" and eid and eid in by_id and by_id[eid].type in _PLACE_TYPES:
                    return eid
    return None


def relative_date(parsed: Parsed, trig: Trigger, timexes: tuple[Timex, ...]) -> Timex | None:
    """The date a "where"/"when" clause hangs on ("on Sunday, when two soldiers were wounded", "arrived
    on Monday, where she met ..."), else None."""
    head = _relative_antecedent(parsed, trig, ("where", "when"))
    if head is None:
        return None
    tok = parsed.tokens[head]
    for tx in timexes:
        if tx.value and tx.value[0].isdigit() and tx.type not in ("DURATION", "SET") \
                and tx.start <= tok.start < tx.end:
            return tx
    return None


def _towns_of(parsed: Parsed, head: int, refers_to: Mapping[int, str], by_id: Mapping[str, Entity]) -> list[str]:
    """The towns and regions (not countries) an actor's phrase puts it in ("police in Nairobi")."""
    out = []
    for c in parsed.children(head):
        if c.dep == "prep" and c.text.lower() in ("in", "at"):
            for g in parsed.children(c.i):
                eid = refers_to.get(g.i)
                if g.dep == "pobj" and eid and eid in by_id and by_id[eid].type in _PLACE_TYPES \
                        and country_named(by_id[eid].name) is None:
                    out.append(eid)
    return out


def _visited_places(target: list[str], by_id: Mapping[str, Entity]) -> list[str]:
    """The targets of a visit that are places and not countries ("a visit to Tokyo"): where the visit
    is, not its host; a country visited is its host as PLOVER codes it ("visited Ukraine")."""
    return [t for t in target if t in by_id and by_id[t].type in _PLACE_TYPES
            and country_named(by_id[t].name) is None]


def attribution_of(parsed: Parsed, trig: Trigger, quotes: tuple[Quote, ...]) -> str | None:
    """The quote that reports the event, or the hedge word that does ("allegedly", "according to")."""
    start = parsed.tokens[trig.tok].start
    for q in quotes:
        if q.start <= start < q.end:
            return q.id
    sent = parsed.sentence_of(trig.tok)
    text = parsed.text[sent.start:sent.end].lower()
    for hedge in _HEDGES:
        if hedge in text:
            return hedge
    return None


# ---------------------------------------------------------------- assembling


def _trigger_span(parsed: Parsed, trig: Trigger) -> TextSpan:
    tok = parsed.tokens[trig.tok]
    start, end = tok.start, tok.end
    needs = trig.sense.needs
    if needs is not None:  # "blow up", "open fire", "hunger strike": the companion word when it stands beside
        for k in (trig.tok - 1, trig.tok + 1):
            if 0 <= k < len(parsed.tokens) and parsed.tokens[k].lemma.lower() == needs \
                    and parsed.tokens[k].sent == tok.sent:
                start, end = min(start, parsed.tokens[k].start), max(end, parsed.tokens[k].end)
    return TextSpan(parsed.text[start:end], start, end)


def _complement_type(parsed: Parsed, trig: Trigger, triggers: Mapping[int, Trigger]) -> str | None:
    for m in sorted(trig.members):
        if parsed.tokens[m].head in (trig.tok, trig.anchor) or parsed.tokens[parsed.tokens[m].head].head == trig.tok:
            kind = triggers[m].sense.type
            if kind == "MOBILIZE" and _to_help(parsed, m):
                return "AID"  # "offered to send troops to help X": military assistance (PLOVER AID), not a threat
            return kind
    return None


_HELPING = frozenset({"help", "assist", "support", "aid", "back", "bolster", "train", "defend", "protect"})


def _to_help(parsed: Parsed, i: int) -> bool:
    """True when the deed at ``i`` is done to help someone: a purpose clause "to help", "to assist"."""
    return any(c.dep in ("advcl", "xcomp") and c.lemma.lower() in _HELPING for c in parsed.children(i))


def _object_type(parsed: Parsed, trig: Trigger, triggers: Mapping[int, Trigger]) -> str | None:
    """The type of the event noun that is the trigger's direct object ("ordered [an investigation]")."""
    for m in sorted(trig.members):
        tok = parsed.tokens[m]
        if tok.head == trig.tok and tok.dep == "dobj" and tok.pos == "NOUN":
            return triggers[m].sense.type
    return None


def build_event(ctx: Context, trig: Trigger, triggers: Mapping[int, Trigger], by_id: Mapping[str, Entity],
                others: set[int], learned: bool = True,
                seen: list[tuple[Event, list[str]]] | None = None) -> Event | None:
    """The event of one governing trigger, or None when it is no event after all.

    With ``learned`` the type model (``learned.py``) may retype or drop it; ``seen`` collects each event
    as the rules coded it with its features (to train that model).
    """
    parsed = ctx.parsed
    mood = mood_of(parsed, trig)
    kind, negated = coded_type(trig, mood, _complement_type(parsed, trig, triggers),
                               _object_type(parsed, trig, triggers))
    parties = parties_of(parsed, trig)
    where: dict[str, int] = {}
    stops = frozenset({trig.tok, trig.anchor})
    source = resolve_heads(parsed, parties.source, ctx.refers_to, by_id, where, stops)
    partner = resolve_heads(parsed, parties.partner, ctx.refers_to, by_id, where, stops)
    target = resolve_heads(parsed, parties.target, ctx.refers_to, by_id, where, stops)
    if kind == "CONSULT" and not partner and len({*source, *target}) < 2 and _only_a_setting(parsed, trig):
        return None  # "at its meeting next week", "for a third straight meeting": a body's own sitting
    recip = "recip" in trig.sense.flags and kind == trig.sense.type  # a promise to meet has a target
    shared: list[str] = []  # the partners of a reciprocal event: one side to the type model, as before
    if recip and not source:  # "talks between X and Y", "a meeting of NATO ministers": all of them act
        source += [p for p in partner if p not in source]
    else:  # "X held talks with Y", "X met Y": the subject initiates, the partner named after it is the target
        if recip:
            shared = [p for p in partner if p not in source]
        target = partner + target
    target = [t for t in dict.fromkeys(target) if t not in source]
    location = location_of(parsed, trig, ctx.refers_to, by_id)
    if location is None and recip:  # "held talks with a delegation in Geneva": where the parties met
        location = next((p for h in (*parties.source, *parties.partner)
                         for p in setting_places(parsed, ctx.refers_to, by_id, h)), None)
    if location in target and (recip or len(target) > 1):
        target.remove(location)  # "met in Brussels": the place, not a party; "lifted a curfew in X": the target
    regions = [t for t in target if t in by_id and by_id[t].type == "LOC"
               and ctx.refers_to.get(where.get(t, -1)) == t]  # the phrase names the region itself
    if regions and len(regions) < len(target) + len(source):
        # "threatened to close the Strait of Hormuz if the US attacked": a sea or a region is where, not who
        target = [t for t in target if t not in regions]
        location = location or regions[0]
    if not target and kind in _FORCE and location is not None and location not in source \
            and location in by_id and country_named(by_id[location].name) is not None:
        target.append(location)  # "drones struck airbases deep inside Russia": the country struck
    if kind in _STATE_ACTS and not source and target and location is not None and location not in target \
            and location in by_id and by_id[location].type == "GPE" and _agentless_passive(parsed, trig):
        source = [location]  # "was arrested in Rwanda": no agent named, the state where it was done acts
    if location is None:  # "police in Nairobi fired tear gas": the town the actors are in is the place
        location = next((eid for h in parties.source for eid in _towns_of(parsed, h, ctx.refers_to, by_id)), None)
    mode = trig.sense.mode if kind == trig.sense.type else None
    if trig.sense.type == "CONSULT" and trig.sense.mode == "visit":  # "will visit Washington": a promise, same place
        places = _visited_places(target, by_id)
        target = [t for t in target if t not in places]
        location = location or next(iter(places), None)
        if location is None:  # "visited Ukraine": the host country is where the visit is too
            location = next((t for t in target if t in by_id and by_id[t].type in _PLACE_TYPES), None)
    if PETRARCH_DEFAULT in trig.sense.flags and not (source and target):
        return None  # a verb PETRARCH codes by itself, no pattern: between two named parties, as PETRARCH codes
    sent = parsed.sentence_of(trig.tok)
    actors = actor_profiles(parsed, by_id, [*source, *target], where)
    if kind == "PROTEST" and mode == "obstruct" and any(
            a.sector in _STATE_SECTORS for a in actors if a.entity in source):
        kind, mode = "COERCE", "restrict"  # a protest is civilian: the state that blocks restricts
    feats: list[str] = []
    if learned or seen is not None:
        # a meeting's parties are one side to the model: which of them the sentence names first tells no type
        feats = features(parsed, trig, kind, mood, source + shared, [t for t in target if t not in shared],
                         actors, ctx.refers_to, by_id)
    if learned:
        decided = decide(kind, feats)
        if decided is None:
            return None
        if decided != kind:
            kind, mode = decided, trig.sense.mode if decided == trig.sense.type else None
    if kind == "CONSULT" and mode is None and _by_phone(parsed, trig):
        mode = "phone"
    event = Event(id="", type=kind, trigger=_trigger_span(parsed, trig), evidence=Span(sent.start, sent.end),
                 mode=mode, cameo=cameo_root(kind, mode), source=tuple(source), target=tuple(target),
                 location=location, date=date_of(parsed, trig, ctx.timexes, others, {
                     k: e for k, e in ctx.refers_to.items() if e in source or e in target})
                 or relative_date(parsed, trig, ctx.timexes), negated=negated,
                 hypothetical=mood.conditional or (mood.maybe and not mood.future),
                 attribution=attribution_of(parsed, trig, ctx.quotes),
                 # the rules and the model decided on the article's own codes; the dictionary fills the record
                 actors=with_known_codes(actors, by_id, ctx.published))
    if seen is not None:
        seen.append((event, feats))
    return event


def _agentless_passive(parsed: Parsed, trig: Trigger) -> bool:
    """True for a passive verb that names no agent ("was arrested in Rwanda")."""
    kids = parsed.children(trig.tok)
    return parsed.tokens[trig.tok].pos == "VERB" and any(c.dep == "nsubjpass" for c in kids) \
        and not any(c.dep == "agent" for c in kids)


def _only_a_setting(parsed: Parsed, trig: Trigger) -> bool:
    """True for a meeting noun that only says where or when something else happens ("rates held at its
    meeting", "the euro rose after the bank's meeting")."""
    tok = parsed.tokens[trig.tok]
    return tok.pos == "NOUN" and tok.dep == "pobj" and tok.head != tok.i \
        and parsed.tokens[tok.head].text.lower() in _SETTING_PREPS \
        and parsed.tokens[parsed.tokens[tok.head].head].lemma.lower() not in _TRAVEL


def _by_phone(parsed: Parsed, trig: Trigger) -> bool:
    """True for "spoke on the phone", "talks by telephone": a consultation at a distance."""
    for k in (trig.tok, trig.anchor):
        for c in parsed.children(k):
            if c.dep == "prep" and any(g.lemma.lower() in ("phone", "telephone", "video", "videoconference")
                                       for g in parsed.children(c.i)):
                return True
    return False


def _same_happening(a: Event, b: Event, parsed: Parsed) -> bool:
    """True for two events of one sentence that tell one happening ("donated and delivered")."""
    if a.type != b.type or a.negated != b.negated:
        return False
    if parsed.token_at(a.trigger.start) is None or parsed.token_at(b.trigger.start) is None:
        return False
    if a.evidence != b.evidence:
        return False
    pa, pb = set(a.source) | set(a.target), set(b.source) | set(b.target)
    if pa != pb and ((not pa and a.groups) or (not pb and b.groups)):
        return False  # "a volunteer was sentenced ... the Kremlin restricted calls": a group is a party of its own
    return pa <= pb or pb <= pa


def _with_setting_of(kept: Event, other: Event) -> Event:
    """``kept`` with the place and date of ``other`` where it tells none ("visited Kyiv on Tuesday, where he
    met Zelensky": one happening, the meeting's parties, the visit's place and day), and its groups."""
    return replace(kept, location=kept.location or other.location, date=kept.date or other.date,
                   groups=kept.groups or other.groups)


# what only a state does to people (arrest, detain, deport): done where no agent is named, the state there did it
_STATE_ACTS = frozenset({"COERCE"})
_OUTCOMES = frozenset({"AGREE", "REJECT"})


def _outcome_of_meeting(event: Event, events: list[Event], text: str) -> Event | None:
    """An agreement told with no party ("there was no deal on Friday") as the outcome of a meeting, between
    the parties who met: the one meeting of its day, else a meeting told in the sentence just before
    ("X and Y held talks. There was no agreement on Sunday."); else None (an event names its parties)."""
    if event.type not in _OUTCOMES:
        return None
    meetings = [m for m in events if m.type == "CONSULT" and len({*m.source, *m.target}) >= 2]
    same_day = [m for m in meetings if event.date is not None and m.date is not None
                and m.date.value == event.date.value]
    just_before = [m for m in meetings if m.evidence.end <= event.evidence.start
                   and not text[m.evidence.end:event.evidence.start].strip(" \n\t\"'”")]
    found = same_day or just_before
    if len({(m.source, m.target) for m in found}) != 1:
        return None
    met = found[0]
    return replace(event, source=tuple(dict.fromkeys((*met.source, *met.target))), target=(), actors=met.actors)


def _groups_of(ctx: Context, trig: Trigger, entities: set[str]) -> tuple[GroupParty, ...]:
    """The event's parties that are a group or an office the article names but no entity ("police",
    "protesters", "their foreign ministers"); a pronoun, a place or a thing ("the plant") is no party."""
    parsed = ctx.parsed
    parties = parties_of(parsed, trig)
    agents = agent_codes()
    out: list[GroupParty] = []
    sides = [(h, "source") for h in (*parties.source, *parties.partner)] + [(h, "target") for h in parties.target]
    for phrase, side in [(c, side) for h0, side in sides for c in coordinated_heads(parsed, h0)]:
        h = party_head(parsed, phrase) if ctx.refers_to.get(phrase) not in entities else None  # groups.py
        if h is None and is_other_pronoun(parsed, phrase) and phrase not in ctx.refers_to \
                and parsed.tokens[phrase].dep in ("nsubj", "nsubjpass"):
            # "the junta said it would put him on trial": the group that reports its own deed ("witnesses
            # said police dispersed them" is no deed done to the witnesses)
            h = next((g for s in reporter_of(parsed, phrase) if s not in ctx.refers_to
                      and _agrees(parsed, phrase, s) for g in [party_head(parsed, s)] if g is not None), None)
        if h is None:
            continue
        tok = parsed.tokens[h]
        low, lemma = tok.text.lower(), tok.lemma.lower()
        start = parsed.tokens[description_start(parsed, h)].start
        code = agents.get(lemma) or agents.get(low)
        out.append(GroupParty(parsed.text[start:tok.end], start, tok.end, side, code[:3] if code else None))
    return tuple(out)


def _agrees(parsed: Parsed, pron: int, head: int) -> bool:
    """True when a pronoun can stand for a noun by number: "it" a singular noun, "they" a plural."""
    singular = parsed.tokens[pron].text.lower() in ("it", "its")
    return (parsed.tokens[head].tag in ("NN", "NNP")) == singular


def find_events(ctx: Context, *, learned: bool = True, seen: list[tuple[Event, list[str]]] | None = None) -> Context:
    """The context with its ``events`` layer filled (``learned``, ``seen``: see ``build_event``)."""
    parsed = ctx.parsed
    if not parsed.tokens:
        return replace(ctx, events=())
    by_id = {e.id: e for e in ctx.entities}
    try:
        triggers = find_triggers(parsed, ctx.refers_to)
        roots = [r for r in main_happenings(parsed, governing_triggers(parsed, triggers, ctx.refers_to), ctx.refers_to)
                 if ("content" not in r.sense.flags or has_content(parsed, r, ctx.refers_to))
                 and not topic_only(parsed, parsed.tokens[r.tok])]  # "talks on his demands": topics.py
    except (IndexError, KeyError, ValueError, RecursionError) as err:
        # a parse this stage cannot read costs the events layer, never the article
        return replace(ctx, events=(), warnings=(*ctx.warnings, f"events: no events found: {err!r}"))
    at = {t.tok: t for t in triggers}
    root_tokens = {r.tok for r in roots} | {r.anchor for r in roots}
    events: list[Event] = []
    named: list[bool] = []  # whether each event names a party: an entity, or a group or an office the article names
    by_telling: dict[tuple[object, ...], list[int]] = {}
    warnings: list[str] = []
    for trig in roots:
        others = root_tokens - _event_tokens(trig)
        try:
            event = build_event(ctx, trig, at, by_id, others, learned, seen)
            if event is not None:
                event = replace(event, groups=_groups_of(ctx, trig, {*event.source, *event.target}))
            names = event is not None and bool(event.source or event.target or event.groups)
        except (IndexError, KeyError, ValueError, RecursionError) as err:
            # an odd parse must cost one event, not the article
            warnings.append(f"events: skipped the trigger at {parsed.tokens[trig.tok].start}: {err!r}")
            continue
        if event is None:
            continue
        # only events of one type, negation and evidence can be one happening: look among those alone
        told = by_telling.setdefault((event.type, event.negated, event.evidence), [])
        same = next((k for k in told if _same_happening(event, events[k], parsed)), None)
        if same is None:
            told.append(len(events))
            events.append(event)
            named.append(names)
            continue
        named[same] = named[same] or names
        if len(event.source) + len(event.target) > len(events[same].source) + len(events[same].target):
            events[same] = _with_setting_of(event, events[same])  # "donated and delivered goods to X":
        else:                                                     # the telling that names more parties
            events[same] = _with_setting_of(events[same], event)
    # An event names its parties: "talks were suspended", "the offer" alone are no event data (their place and
    # date went to a telling of the same happening that names them, above).
    kept = [e if ok else _outcome_of_meeting(e, events, parsed.text) for e, ok in zip(events, named, strict=True)]
    events = [e for e in kept if e is not None]
    return replace(ctx, events=tuple(replace(e, id=f"v{k + 1}") for k, e in enumerate(events)),
                   warnings=(*ctx.warnings, *warnings))
