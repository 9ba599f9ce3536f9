"""Names the small model calls people that the way they are used says are not: a party's, a club's, an award."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.analysis.context import Context
from newsgraph.analysis.entities.find import find_entities
from newsgraph.analysis.parsed import Parsed
from newsgraph.model import Analysis, Document


def types_of(parsed: Parsed) -> dict[str, str]:
    ctx = find_entities(Context(document=Document("t", parsed.text), parsed=parsed))
    return {e.name: e.type for e in ctx.entities}


def test_a_name_that_modifies_a_body_noun_is_a_body() -> None:
    # "Lib Dem MP Ana Gill spoke ." with "Lib Dem" tagged PERSON
    parsed = Parsed.build(["Lib", "Dem", "MP", "Ana", "Gill", "spoke", "."],
                          pos=["PROPN", "PROPN", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"],
                          tags=["NNP", "NNP", "NN", "NNP", "NNP", "VBD", "."],
                          deps=["compound", "compound", "compound", "compound", "nsubj", "ROOT", "punct"],
                          heads=[1, 2, 4, 4, 5, 5, 5], lemmas=["Lib", "Dem", "MP", "Ana", "Gill", "speak", "."],
                          ents=[("PERSON", 0, 2), ("PERSON", 3, 5)])
    assert types_of(parsed) == {"Lib Dem": "ORG", "Ana Gill": "PERSON"}


def test_a_name_someone_has_is_no_person() -> None:
    # "She received her Oscar ." with "Oscar" tagged PERSON
    parsed = Parsed.build(["She", "received", "her", "Oscar", "."],
                          pos=["PRON", "VERB", "PRON", "PROPN", "PUNCT"], tags=["PRP", "VBD", "PRP$", "NNP", "."],
                          deps=["nsubj", "ROOT", "poss", "dobj", "punct"], heads=[1, 1, 3, 1, 1],
                          ents=[("PERSON", 3, 4)])
    assert types_of(parsed)["Oscar"] != "PERSON"


def test_a_people_without_a_state_is_norp() -> None:
    parsed = Parsed.build(["the", "Welsh", "international", "scored", "."],
                          pos=["DET", "PROPN", "NOUN", "VERB", "PUNCT"], tags=["DT", "NNP", "NN", "VBD", "."],
                          deps=["det", "compound", "nsubj", "ROOT", "punct"], heads=[2, 2, 3, 3, 3],
                          ents=[("PERSON", 1, 2)])
    assert types_of(parsed) == {"Welsh": "NORP"}


def test_a_person_beside_a_personal_title_stays_a_person() -> None:
    # "Blair aide Jo Powell spoke ." : an aide is a person's, not a body's
    parsed = Parsed.build(["Blair", "aide", "Jo", "Powell", "spoke", "."],
                          pos=["PROPN", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"],
                          deps=["compound", "compound", "compound", "nsubj", "ROOT", "punct"],
                          heads=[1, 3, 3, 4, 4, 4], ents=[("PERSON", 0, 1), ("PERSON", 2, 4)])
    assert types_of(parsed) == {"Blair": "PERSON", "Jo Powell": "PERSON"}


def test_on_the_model(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("Lib Dem spokesman Vince Cable said the plan was wrong. Later she received her Oscar from "
                     "Jeremy Irons. The former Everton and Rangers boss has been out of the game.")
    types = {e.name: e.type for e in a.entities}
    assert types["Vince Cable"] == types["Jeremy Irons"] == "PERSON"
    assert "PERSON" not in (types["Lib Dem"], types["Oscar"], types["Everton"])
