"""Roles: appositions, titles before a name, possessive roles, "X of the Y", copulas."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.model import Analysis


def roles_of(a: Analysis, name: str) -> list[tuple[str, str | None]]:
    e = next(e for e in a.entities if e.name == name)
    return [(r.title, a.entity(r.of).name if a.entity(r.of) else None) for r in e.roles]  # type: ignore[union-attr]


def test_apposition_with_organisation(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("In April, Rolf Marten, head of Norway's state oil fund, flew to Berlin.")
    titles = roles_of(a, "Rolf Marten")
    assert any("head of Norway’s state oil fund" in t or "head of Norway's state oil fund" in t for t, _ in titles)
    assert any(of == "Norway" for _, of in titles)


def test_title_before_name(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("German Chancellor Olaf Scholz arrived late. The author Simon Grey wrote about it.")
    assert ("German Chancellor", "German") in roles_of(a, "Olaf Scholz") or \
        [t for t, _ in roles_of(a, "Olaf Scholz")] == ["German Chancellor"]
    assert [t for t, _ in roles_of(a, "Simon Grey")] == ["author"]


def test_possessive_role_in_apposition(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("He held private talks with Steve Walker, the governor's special envoy, on Monday.")
    assert any("special envoy" in t for t, _ in roles_of(a, "Steve Walker"))


def test_an_aside_is_no_part_of_the_title(run_analysis: Callable[..., Analysis]) -> None:
    for text in ("Lena Holt kept in touch with the ministry via a second – and more surprising – adviser, Marta Ilves.",
                 "Talks ran through an older (and more trusted) adviser, Marta Ilves, the mayor of Tartu."):
        titles = [t for t, _ in roles_of(run_analysis(text), "Marta Ilves")]
        assert "adviser" in titles and not [t for t in titles if "more" in t], titles


def test_x_of_the_y(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis('"It will not last," wrote Maria Ortiz of the Lisbon-based Tagus Institute.')
    assert any(of == "Tagus Institute" for _, of in roles_of(a, "Maria Ortiz"))


def test_copula_in_a_later_sentence(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("Anna Berg spoke first. Berg is the mayor of Uppsala.")
    assert any("mayor of Uppsala" in t for t, _ in roles_of(a, "Anna Berg"))


def test_role_offsets_slice_to_the_title(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("Kirill Dmitriev, head of Russia's sovereign wealth fund, flew to Washington.")
    for e in a.entities:
        for r in e.roles:
            assert a.document.text[r.start:r.end] == r.title or r.title.startswith(("of ", "at ", "from "))


def test_relative_clause_role(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("The plan was drafted by Lena Frost, who is the governor of the central bank.")
    assert any("governor of the central bank" in t for t, _ in roles_of(a, "Lena Frost"))


def test_a_non_person_noun_in_apposition_is_not_a_role(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("For Lukas Brandt, the point, as ever, was to win.")
    assert all("point" not in t for e in a.entities for t in (r.title for r in e.roles))


def test_apposition_the_parser_missed(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("The rebels accused the army chief, Gen Abdel Rahim al-Tayeb, of sabotaging a ceasefire.")
    person = next(e for e in a.entities if e.type == "PERSON")
    assert any("army chief" in r.title for r in person.roles)


def test_nickname_joins_the_person(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("The militia leader, Mohamed Osman Warsame, known as Tiger, denied the charges. "
                     "Tiger later fled.")
    people = [e for e in a.entities if e.type == "PERSON"]
    assert len(people) == 1 and "Tiger" in people[0].aliases


def test_a_counterpart_holds_the_same_office(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("Estonian Foreign Minister Margus Tamm and his Finnish counterpart, Liisa Korhonen, "
                     "signed a joint statement on Tuesday.")
    assert any(t == "Foreign Minister" for t, _ in roles_of(a, "Liisa Korhonen"))


def test_a_counterpart_named_in_the_sentence_before(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("Ana Ruiz, the president of Chile, spoke to Tomas Hale on Friday. "
                     "Hale used the call to thank his counterpart for her help.")
    assert any(t == "president" for t, _ in roles_of(a, "Tomas Hale"))
    # what they were is no office to share
    b = run_analysis("Rolf Lind, a former mayor, met Ada Moss. Moss praised her counterpart.")
    assert not any(t == "mayor" for t, _ in roles_of(b, "Ada Moss"))


def test_a_title_with_its_of_phrase_before_a_comma_and_a_name(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("The king asked the speaker of the Althing, Sigrun Holm, to open talks with the parties.\n")
    holm = next(e for e in a.entities if e.name == "Sigrun Holm")
    assert any("speaker" in r.title for r in holm.roles)
