"""One happening told by three outlets in their own words: one corpus event with three documents."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from newsgraph import Store
from newsgraph.corpus.resolve import EventRow, merged_type, same_happening, same_kind
from newsgraph.model import Analysis
from tests.paths import DATA

Run = Callable[..., Analysis]
# written for this test: a meeting told as "met ... on Tuesday", "held talks" (undated), "hosted ... this week"
# (a weekly's "this week", published four days after the meeting, agrees with the Tuesday at its precision)
OUTLETS = (("harbour-post", "2025-03-04"), ("valley-times", "2025-03-05"), ("daily-ledger", "2025-03-08"))


def _row(doc: str, kind: str, parts: set[int], value: str | None, published: str) -> EventRow:
    from newsgraph.corpus.resolve import parse_day
    return EventRow(doc, "v1", kind, parse_day(value), parse_day(published), frozenset(parts), value=value)


def test_three_outlets_make_one_event(run_analysis: Run) -> None:
    analyses = []
    for name, published in OUTLETS:
        a = run_analysis((DATA / "happening" / f"{name}.txt").read_text(encoding="utf-8"), published=published)
        assert all(v.source or v.target for v in a.events), name  # an event names its parties
        analyses.append(a)
    store = Store()
    store.add(analyses)
    merged = [e for e in store.events() if "Kenji Sato" in {*e["source"], *e["target"]}
              and "Lena Horvath" in {*e["source"], *e["target"]}]
    assert len(merged) == 1, merged
    assert len(set(merged[0]["documents"])) == 3
    assert merged[0]["type"] == "CONSULT" and merged[0]["date"] == "2025-03-04"


def test_neighbouring_types_and_date_precision() -> None:
    assert same_kind("CONCEDE", "RETREAT") and same_kind("ASSAULT", "COERCE") and not same_kind("AID", "ASSAULT")
    day = _row("a", "RETREAT", {1, 2}, "2025-08-15", "2025-08-16")
    assert same_happening(day, _row("b", "CONCEDE", {1, 2}, "2025-08", "2025-08-16"))
    assert same_happening(day, _row("c", "RETREAT", {1, 2}, "2025-W33", "2025-08-17"))
    assert not same_happening(day, _row("d", "RETREAT", {1, 2}, "2025-07", "2025-08-16"))  # another month
    assert not same_happening(day, _row("e", "RETREAT", {1, 2}, "2025-W30", "2025-08-16"))  # another week
    assert not same_happening(day, _row("f", "CONCEDE", {1, 3}, "2025-08-15", "2025-08-16"))  # one party of two
    assert not same_happening(day, _row("g", "PROTEST", {1, 2}, "2025-08-15", "2025-08-16"))  # no neighbour
    assert merged_type(["CONCEDE", "RETREAT", "RETREAT"]) == "RETREAT"
    assert merged_type(["CONCEDE", "RETREAT"]) == "CONCEDE"


def _joint_outlets() -> list[Analysis]:
    """One signing told three ways (written for this test): each side as the one who signs, and both together."""
    from tests.corpus.test_store import make_analysis
    ents = {"e1": ("Velmora", "GPE", ("Velmora",)), "e2": ("Ostrava Republic", "GPE", ("Ostrava Republic",))}
    texts = (("north-wire", "Velmora signed a fishing pact with the Ostrava Republic.", ["e1"], ["e2"]),
             ("south-daily", "The Ostrava Republic signed a fishing pact with Velmora.", ["e2"], ["e1"]),
             ("east-post", "Velmora and the Ostrava Republic signed a fishing pact.", ["e1", "e2"], []))
    return [make_analysis(doc, text, "2025-06-02", ents, events=[("SUPPORT", "signed", src, tgt, "2025-06-02")])
            for doc, text, src, tgt in texts]


def test_reversed_pair_of_a_reciprocal_act_is_one_happening(tmp_path: Path) -> None:
    # X -> Y from one outlet, Y -> X from another, X and Y together from a third: one signing
    store = Store()
    store.add(_joint_outlets())
    merged = store.events()
    assert len(merged) == 1 and len(set(merged[0]["documents"])) == 3, merged
    with store.export("gdelt", tmp_path / "e.csv").open(encoding="utf-8", newline="") as f:
        pairs = [(r["Actor1Name"], r["Actor2Name"]) for r in csv.DictReader(f)]
    assert all(a != b for a, b in pairs), pairs  # no actor paired with itself
    assert {frozenset(p) for p in pairs} == {frozenset({"Velmora", "Ostrava Republic"})}, pairs


def test_joint_sources_of_a_reciprocal_act_make_a_dyad(tmp_path: Path) -> None:
    # "X and Y held talks" (the PLOVER codebook: both are actors, no recipient) still pairs X and Y
    from tests.corpus.test_store import make_analysis
    ents = {"e1": ("Velmora", "GPE", ("Velmora",)), "e2": ("Ostrava Republic", "GPE", ("Ostrava Republic",)),
            "e3": ("Dunmark", "GPE", ("Dunmark",))}
    text = "Velmora and the Ostrava Republic held talks. Velmora and Dunmark praised the plan."
    store = Store()
    store.add([make_analysis("west-news", text, "2025-06-02", ents, events=[
        ("CONSULT", "talks", ["e1", "e2"], [], "2025-06-02"), ("SUPPORT", "praised", ["e1", "e3"], [], "2025-06-02")])])
    with store.export("gdelt", tmp_path / "e.csv").open(encoding="utf-8", newline="") as f:
        pairs = [(r["Actor1Name"], r["Actor2Name"]) for r in csv.DictReader(f)]
    assert ("Velmora", "Ostrava Republic") in pairs and ("Ostrava Republic", "Velmora") not in pairs, pairs
    assert ("Velmora", "") in pairs and ("Dunmark", "") in pairs, pairs  # praised together: no dyad


def test_a_directed_act_done_back_is_another_happening() -> None:
    from newsgraph.corpus.resolve import parse_day

    def row(doc: str, kind: str, src: set[int], tgt: set[int]) -> EventRow:
        return EventRow(doc, "v1", kind, parse_day("2025-06-02"), parse_day("2025-06-02"), frozenset(src | tgt),
                        value="2025-06-02", sources=frozenset(src), targets=frozenset(tgt))
    # "X accused Y" and "Y accused X" the same day: an accusation and its answer
    assert not same_happening(row("a", "ACCUSE", {1}, {2}), row("b", "ACCUSE", {2}, {1}))
    assert not same_happening(row("a", "THREATEN", {1}, {2}), row("b", "THREATEN", {2}, {1, 3}))
    # the same accusation told twice, or with one side unnamed, is one
    assert same_happening(row("a", "ACCUSE", {1}, {2}), row("b", "ACCUSE", {1}, {2}))
    assert same_happening(row("a", "ACCUSE", {1}, {2}), row("b", "ACCUSE", {1, 2}, set()))
    # a meeting or a signing told from either side is one
    assert same_happening(row("a", "CONSULT", {1}, {2}), row("b", "CONSULT", {2}, {1}))
    assert same_happening(row("a", "SUPPORT", {1}, {2}), row("b", "SUPPORT", {2}, {1}))


def test_mutual_accusations_stay_two_events_in_the_store() -> None:
    from tests.corpus.test_store import make_analysis
    ents = {"e1": ("Velmora", "GPE", ("Velmora",)), "e2": ("Ostrava Republic", "GPE", ("Ostrava Republic",))}
    told = [make_analysis(doc, text, "2025-06-02", ents, events=[("ACCUSE", "accused", src, tgt, "2025-06-02")])
            for doc, text, src, tgt in (
                ("north-wire", "Velmora accused the Ostrava Republic of shelling a ferry.", ["e1"], ["e2"]),
                ("south-daily", "The Ostrava Republic accused Velmora of shelling a ferry.", ["e2"], ["e1"]))]
    whole, grown = Store(), Store()
    whole.add(told)
    for analysis in told:  # one article at a time: the incremental resolution judges alike
        grown.add([analysis])
    for store in (whole, grown):
        assert sorted((e["source"], e["target"]) for e in store.events()) == [
            (["Ostrava Republic"], ["Velmora"]), (["Velmora"], ["Ostrava Republic"])]
