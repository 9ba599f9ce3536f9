"""Entities: cleaned mentions, one entity per referent, types by vote. Hand-built parses, then the real model."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.analysis.context import Context
from newsgraph.analysis.entities.find import find_entities
from newsgraph.analysis.parsed import Parsed
from newsgraph.model import Analysis, Document


def entities_of(parsed: Parsed) -> dict[str, tuple[str, tuple[str, ...], int]]:
    ctx = find_entities(Context(document=Document("t", parsed.text), parsed=parsed))
    return {e.name: (e.type, e.aliases, len(e.mentions)) for e in ctx.entities}


def test_surname_joins_full_name_and_its_type_wins() -> None:
    # "Vladimir Putin met Trump . Putin spoke ." with the surname mis-tagged as ORG
    parsed = Parsed.build(
        ["Vladimir", "Putin", "met", "Trump", ".", "Putin", "spoke", "."],
        pos=["PROPN", "PROPN", "VERB", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"],
        deps=["compound", "nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct"],
        heads=[1, 2, 2, 2, 2, 6, 6, 6], sent_starts=[0, 5],
        ents=[("PERSON", 0, 2), ("PERSON", 3, 4), ("ORG", 5, 6)])
    found = entities_of(parsed)
    assert found["Vladimir Putin"] == ("PERSON", ("Putin", "Vladimir Putin"), 2)
    assert found["Trump"][0] == "PERSON"


def test_possessive_and_article_are_not_part_of_the_name() -> None:
    parsed = Parsed.build(["the", "capital", "of", "Stalin", "’s", "Siberian", "gulag"],
                          pos=["DET", "NOUN", "ADP", "PROPN", "PART", "ADJ", "NOUN"],
                          tags=["DT", "NN", "IN", "NNP", "POS", "JJ", "NN"],
                          spaces=[True, True, True, False, True, True, False],
                          ents=[("PERSON", 3, 6)])
    assert list(entities_of(parsed)) == ["Stalin"]


def test_country_abbreviation_and_full_name_are_one_entity() -> None:
    parsed = Parsed.build(["The", "US", "and", "the", "United", "States", "agree"],
                          pos=["DET", "PROPN", "CCONJ", "DET", "PROPN", "PROPN", "VERB"],
                          ents=[("GPE", 1, 2), ("GPE", 4, 6)])
    assert entities_of(parsed)["United States"][1:] == (("US", "United States"), 2)


def test_honorific_makes_a_person_and_an_alias() -> None:
    parsed = Parsed.build(["Mr", "Tamm", "left", ".", "Margus", "Tamm", "came"],
                          pos=["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "PROPN", "VERB"],
                          sent_starts=[0, 4], ents=[("ORG", 1, 2), ("PERSON", 4, 6)])
    found = entities_of(parsed)
    assert found == {"Margus Tamm": ("PERSON", ("Margus Tamm", "Mr Tamm"), 2)}


def test_acronym_joins_its_expansion() -> None:
    parsed = Parsed.build(["the", "United", "Nations", "said", ".", "The", "UN", "left"],
                          pos=["DET", "PROPN", "PROPN", "VERB", "PUNCT", "DET", "PROPN", "VERB"],
                          sent_starts=[0, 5], ents=[("ORG", 1, 3), ("ORG", 6, 7)])
    assert entities_of(parsed)["United Nations"][2] == 2


def test_two_people_sharing_a_surname_stay_apart() -> None:
    parsed = Parsed.build(["Hillary", "Clinton", "and", "Bill", "Clinton", "spoke", ".", "Clinton", "left"],
                          pos=["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB"],
                          sent_starts=[0, 7], ents=[("PERSON", 0, 2), ("PERSON", 3, 5), ("PERSON", 7, 8)])
    found = entities_of(parsed)
    assert "Hillary Clinton" in found and "Bill Clinton" in found
    assert found["Hillary Clinton"][2] + found["Bill Clinton"][2] == 3


def test_lower_case_spans_are_not_names() -> None:
    parsed = Parsed.build(["the", "government", "said"], pos=["DET", "NOUN", "VERB"], ents=[("ORG", 0, 2)])
    assert entities_of(parsed) == {}


def test_real_model_merges_and_types(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("German Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Monday. "
                     "Scholz later told reporters that Mr Macron had been generous. "
                     "Macron said the talks with Scholz went well.")
    people = {e.name: e for e in a.entities if e.type == "PERSON"}
    assert set(people) == {"Olaf Scholz", "Emmanuel Macron"}
    assert len(people["Olaf Scholz"].mentions) == 3
    assert "Mr Macron" in people["Emmanuel Macron"].aliases
    assert any(e.name == "Paris" and e.type == "GPE" for e in a.entities)


def test_coordinated_names_are_split_and_known_cities_are_places() -> None:
    # "strikes on Kyiv and Kharkiv" tagged as one WORK_OF_ART; "Tallinn" tagged PERSON
    parsed = Parsed.build(["strikes", "on", "Kyiv", "and", "Kharkiv", ".", "Tallinn", "replied"],
                          pos=["NOUN", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT", "PROPN", "VERB"],
                          deps=["ROOT", "prep", "pobj", "cc", "conj", "punct", "nsubj", "ROOT"],
                          heads=[0, 0, 1, 2, 2, 0, 7, 7], sent_starts=[0, 6],
                          ents=[("WORK_OF_ART", 2, 5), ("PERSON", 6, 7)])
    found = entities_of(parsed)
    assert found["Kyiv"][0] == "GPE" and found["Kharkiv"][0] == "GPE"
    assert found["Tallinn"][0] == "GPE"


def test_a_surname_introduced_with_an_office_is_not_a_later_full_name() -> None:
    # "President Halvorsen spoke. Ingrid Halvorsen smiled. Halvorsen left." - the wife is someone else
    parsed = Parsed.build(
        ["President", "Halvorsen", "spoke", ".", "Ingrid", "Halvorsen", "smiled", ".", "Halvorsen", "left"],
        pos=["PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "PROPN", "VERB", "PUNCT", "PROPN", "VERB"],
        deps=["compound", "nsubj", "ROOT", "punct", "compound", "nsubj", "ROOT", "punct", "nsubj", "ROOT"],
        heads=[1, 2, 2, 2, 5, 6, 6, 6, 9, 9], sent_starts=[0, 4, 8],
        ents=[("PERSON", 1, 2), ("PERSON", 4, 6), ("PERSON", 8, 9)])
    found = entities_of(parsed)
    assert found["Halvorsen"][2] == 2 and found["Ingrid Halvorsen"][2] == 1


def test_mr_does_not_join_a_full_name_addressed_as_mrs() -> None:
    parsed = Parsed.build(["Mrs", "Anna", "Berg", "and", "Mr", "Berg", "left"],
                          pos=["PROPN", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB"],
                          ents=[("PERSON", 1, 3), ("PERSON", 5, 6)])
    found = entities_of(parsed)
    assert set(found) == {"Anna Berg", "Berg"}


def test_datelines_ages_and_mistyped_full_names(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis(
        "OSLO, March 3 - Norway's fishing fleet stayed in port on Tuesday.\n"
        "Kaja Tamm, 51, said the court had upheld the conviction of Dragana Petrovic. Petrovic, a former "
        "mayor of Novi Sad, was sentenced to two years.\n")
    types = {e.name: e.type for e in a.entities}
    assert types.get("Oslo", types.get("OSLO")) == "GPE"
    assert types.get("Norway") == "GPE"
    assert types.get("Kaja Tamm") == "PERSON"
    assert types.get("Dragana Petrovic") == "PERSON" and "Petrovic" not in types


def test_a_name_after_a_hyphenated_prefix_keeps_no_hyphen(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("Crowds joined anti-Kremlin protests in Perm, and the envoy was on non-UN business in Oslo.")
    names = [e.name for e in a.entities]
    assert not [n for n in names if n.startswith(("-", "\u2013"))], names
