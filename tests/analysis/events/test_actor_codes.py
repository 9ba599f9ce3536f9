"""Actor codes from the Phoenix actor dictionaries (issue 10 item 5), and the parties the entity layer names
from them. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from newsgraph.analysis.entities.phoenix import code_on, country_and_sector, phoenix_actor
from newsgraph.model import Actor, Analysis

Run = Callable[..., Analysis]


def _actor(a: Analysis, name: str) -> Actor:
    ids = {e.id for e in a.entities if e.name == name}
    return next(x for v in a.events for x in v.actors if x.entity in ids)


def test_a_code_is_chosen_by_the_day() -> None:
    putin = phoenix_actor("Vladimir Putin")
    assert putin is not None and putin.kind == "PERSON"
    assert code_on(putin, date(2019, 5, 1)) == "RUSGOV"
    assert code_on(putin, date(1995, 5, 1)) == "RUSELI"  # outside every range: the default
    assert code_on(putin, None) == "RUSGOV"  # no day: the range the dictionary leaves open
    assert country_and_sector("RUSGOV") == ("RUS", "GOV")
    assert country_and_sector("IGOUNO") == (None, "IGO")
    assert country_and_sector("MNCUSAHLH") == ("USA", "MNC")
    assert phoenix_actor("the PA") is None


def test_a_known_actor_carries_its_country_and_sector(run_analysis: Run) -> None:
    text = "Vladimir Putin met the foreign minister of Chile in Sochi on Monday."
    now = _actor(run_analysis(text, published="2019-05-01"), "Vladimir Putin")
    assert (now.country, now.code, now.sector) == ("RUS", "GOV", "government")
    assert now.dictionary == "RUSGOV" and now.to_dict()["dictionary"] == "RUSGOV"  # where it came from
    then = _actor(run_analysis(text, published="1995-05-01"), "Vladimir Putin")
    assert (then.country, then.code) == ("RUS", "ELI")


def test_the_article_wins_over_the_dictionary(run_analysis: Run) -> None:
    # a role the article gives keeps the dictionary's sector out; a country it gives is kept
    a = run_analysis("The businessman Vladimir Putin sued the newspaper Kommersant on Monday.",
                     published="2019-05-01")
    person = _actor(a, "Vladimir Putin")
    assert person.code != "GOV" and person.country == "RUS"


def test_named_parties_the_model_missed(run_analysis: Run) -> None:
    a = run_analysis("Police said ISIS attacked the checkpoint on Sunday.", published="2017-05-01")
    isis = next(e for e in a.entities if e.name == "ISIS")
    assert isis.type == "ORG"
    assert any(isis.id in v.source for v in a.events)
    hunger = run_analysis("The charity Action Against Hunger said it had suspended its work after the ambush.")
    assert [e.type for e in hunger.entities if e.name == "Action Against Hunger"] == ["ORG"]


def test_no_entity_from_common_or_sentence_initial_words(run_analysis: Run) -> None:
    # "Youth" is only another name of a record; "Taliban" opens the sentence but is a model entity or nothing
    a = run_analysis("The Centre for the Study of Children, Youth and Media opened on Monday.")
    assert not [e for e in a.entities if e.name == "Youth"]
    b = run_analysis("Congress passed the bill. Senate leaders said they would vote again in June.")
    assert not [e for e in b.entities if e.name in ("Senate",) and e.type == "PERSON"]


def test_an_acronym_in_a_headline_in_capitals_is_no_name() -> None:
    from newsgraph.analysis.entities.phoenix import known_names
    from newsgraph.analysis.parsed import Parsed

    words = ["POLICE", "SAY", "ISIS", "HIT", "CHECKPOINT", "Police", "said", "ISIS", "attacked", "again", "."]
    parsed = Parsed.build(words, pos=["PROPN"] * len(words), sent_starts=(0, 5))
    assert [(parsed.span_text(a, b), kind) for a, b, kind in known_names(parsed, set())] == [("ISIS", "ORG")]
    assert [a for a, _, _ in known_names(parsed, set())] == [7]  # the second sentence's, not the headline's
