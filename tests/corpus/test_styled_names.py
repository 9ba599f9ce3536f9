"""Styles of peerage, the judiciary and royalty, and regnal numbers: one word after them is no bare surname."""

from __future__ import annotations

import pytest

from newsgraph.corpus.resolve import EntityRow, person_key, resolve_actors, surname_of
from newsgraph.model import Analysis
from tests.corpus.test_incremental import canonical, grown, rebuilt
from tests.corpus.test_store import make_analysis


@pytest.mark.parametrize(("name", "key"), [
    ("Lord Walker", "lord walker"),
    ("Lord Walker of Gestingthorpe", "lord walker"),
    ("Lord Justice Marlow", "justice marlow"),
    ("Mr Justice Marlow", "justice marlow"),
    ("Justice Marlow", "justice marlow"),
    ("Baroness Fenwick", "baroness fenwick"),
    ("Prince Edmund", "prince edmund"),
    ("Charles I", "charles i"),
    ("Henry VIII", "henry viii"),
    ("Queen Matilda II", "matilda ii"),  # more than one word after the style: the title goes as before
    ("Lord Chancellor", "chancellor"),  # a title after the style, no name: as before
    ("Mr Walker", "walker"),
    ("President Walker", "walker"),
    ("Sir Tobias", "tobias"),
    ("George W. Walker", "george walker"),  # a lower initial inside a name still goes
])
def test_the_key_keeps_the_style_or_the_number(name: str, key: str) -> None:
    assert person_key(name) == key


def test_styled_and_numbered_keys_offer_no_surname() -> None:
    assert surname_of("lord walker") is None
    assert surname_of("charles i") is None
    assert surname_of("henry viii") is None
    assert surname_of("terri walker") == "walker"
    assert surname_of("walker") is None  # a bare surname offers none: it looks one up


def _row(doc: str, eid: str, name: str, *aliases: str) -> EntityRow:
    return EntityRow(doc, eid, name, "PERSON", aliases or (name,))


def _together(rows: list[EntityRow]) -> set[frozenset[str]]:
    return {frozenset(f"{rows[i].doc_id}:{rows[i].eid}" for i in g) for g in resolve_actors(rows) if len(g) > 1}


def test_a_peer_is_not_the_one_full_name_ending_in_his_title() -> None:
    rows = [_row("a", "w", "Terri Walker"), _row("b", "l", "Walker", "Lord Walker", "Walker"),
            _row("c", "l", "Lord Walker"), _row("d", "m", "Walker", "Ms Walker")]
    assert _together(rows) == {frozenset({"a:w", "d:m"}), frozenset({"b:l", "c:l"})}


def test_a_judge_is_not_the_namesake_his_article_keeps_company_with() -> None:
    # the judge's article names the company the musician keeps elsewhere: no matter, a judge is no bare surname
    rows = [_row("a", "b", "Bernard Marlow"), _row("a", "q", "Queen Street Band"), _row("a", "r", "Roger Tall"),
            _row("b", "j", "Justice Marlow", "Lord Justice Marlow"), _row("b", "q", "Queen Street Band"),
            _row("b", "r", "Roger Tall"), _row("c", "k", "Kim Marlow")]
    assert frozenset({"a:b", "b:j"}) not in _together(rows)
    assert all("b:j" not in g for g in _together(rows))


def test_a_king_with_a_number_is_not_the_singer_with_his_name() -> None:
    rows = [_row("a", "r", "Ray Edmund"), _row("b", "c", "Edmund I"), _row("c", "c", "Edmund I", "King Edmund I"),
            _row("d", "e", "Edmund", "Mr Edmund")]
    assert _together(rows) == {frozenset({"a:r", "d:e"}), frozenset({"b:c", "c:c"})}


def test_a_peer_named_in_full_in_one_article_joins_his_full_name() -> None:
    rows = [_row("a", "k", "Neil Kestrel", "Neil Kestrel", "Lord Kestrel"), _row("b", "k", "Lord Kestrel"),
            _row("c", "k", "Kestrel", "Mr Kestrel")]
    assert _together(rows) == {frozenset({"a:k", "b:k", "c:k"})}


def test_grown_equals_rebuilt_with_styled_names() -> None:
    def doc(doc_id: str, ents: dict[str, tuple[str, str, tuple[str, ...]]]) -> Analysis:
        text = " and ".join(a for _, _, aliases in ents.values() for a in aliases) + "."
        return make_analysis(doc_id, text, "2025-03-01", ents)

    corpus = [doc("d1", {"t": ("Terri Walker", "PERSON", ("Terri Walker",))}),
              doc("d2", {"l": ("Walker", "PERSON", ("Lord Walker",)),
                         "h": ("House of Lords", "ORG", ("House of Lords",))}),
              doc("d3", {"c": ("Charles I", "PERSON", ("Charles I",)),
                         "r": ("Ray Charles", "PERSON", ("Ray Charles",))}),
              doc("d4", {"w": ("Walker", "PERSON", ("Ms Walker",))}),
              doc("d5", {"c": ("Charles I", "PERSON", ("King Charles I",))})]
    one, whole = canonical(grown(corpus).conn), canonical(rebuilt(corpus).conn)
    assert one == whole
    groups = {m for _, _, _, m in whole["actors"]}
    assert {frozenset({"d1:t", "d4:w"}), frozenset({"d2:l"}), frozenset({"d3:c", "d5:c"})} <= groups
