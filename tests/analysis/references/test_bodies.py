"""Bodies that speak and people known by their office: offices, ministries, statements, officeholder descriptions."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.analysis.references.offices import same_office
from newsgraph.model import Analysis, Entity, Quote

Run = Callable[..., Analysis]


def speaker(a: Analysis, fragment: str) -> Entity | None:
    q = next(q for q in a.quotes if fragment in q.text)
    return next((e for e in a.entities if e.id == q.speaker), None)


def quote(a: Analysis, fragment: str) -> Quote:
    return next(q for q in a.quotes if fragment in q.text)


def named(a: Analysis, name: str) -> Entity:
    return next(e for e in a.entities if e.name == name)


def test_same_office() -> None:
    assert same_office("shipping minister", "minister")
    assert same_office("minister", "The minister")
    assert same_office("leader", "President")
    assert same_office("leader", "prime minister")
    assert not same_office("prime minister", "foreign minister")
    assert not same_office("leader", "spokesman")


def test_an_office_speaks_for_its_holder_and_the_statement_is_linked_back(run_analysis: Run) -> None:
    a = run_analysis(
        "Estonia's prime minister has stepped down after losing a budget vote, her office said on Monday.\n"
        "Kaja Tamm, 51, informed the president in the afternoon, a statement from the prime minister's office "
        "said. \"The coalition can no longer govern,\" the statement said.\n"
        "According to the statement, Tamm will remain in charge until a successor is chosen.\n")
    tamm = named(a, "Kaja Tamm")
    assert any(r.title == "prime minister" for r in tamm.roles)
    office = speaker(a, "The coalition can no longer govern")
    assert office is not None and office.type == "ORG" and office.speaks_for == tamm.id
    assert speaker(a, "losing a budget vote") == office
    assert speaker(a, "Tamm will remain in charge") == office
    assert quote(a, "The coalition can no longer govern").speaks_for == tamm.id
    for e in a.entities:
        for m in e.mentions:
            assert 0 <= m.start < m.end <= len(a.document.text)


def test_a_ministry_is_a_body_of_its_country_and_a_later_mention_is_the_same(run_analysis: Run) -> None:
    a = run_analysis(
        "Kenya's foreign ministry said it had summoned the ambassador of Uganda. In a later note, the foreign "
        "ministry said talks would resume next week.\n")
    kenya = named(a, "Kenya")
    first = speaker(a, "it had summoned")
    assert first is not None and first.speaks_for == kenya.id
    assert speaker(a, "talks would resume") == first


def test_a_described_leader_is_the_person_named_with_that_office(run_analysis: Run) -> None:
    a = run_analysis(
        "President Ana Duarte said on Friday that the border would reopen. The Portuguese leader has faced "
        "protests for weeks.\n")
    duarte = named(a, "Ana Duarte")
    assert any(m.start == a.document.text.index("leader") for m in duarte.mentions)


def test_the_company_stands_for_the_organisation_named_before(run_analysis: Run) -> None:
    a = run_analysis(
        "Regulators fined the carmaker Volvex for misleading buyers. In a statement, the company said it "
        "would appeal. It said the fine was unfair.\n")
    volvex = named(a, "Volvex")
    assert speaker(a, "would appeal") == volvex
    assert speaker(a, "the fine was unfair") == volvex


def test_it_after_a_quotation_is_the_body_that_spoke_not_one_named_inside(run_analysis: Run) -> None:
    a = run_analysis(
        "The dockers' union rejected the offer. \"Maersk has ignored every proposal we made,\" the union said. "
        "It added that the strike would go on.\n")
    union = speaker(a, "Maersk has ignored")
    assert union is not None and union.name != "Maersk"
    assert speaker(a, "the strike would go on") == union


def test_a_naming_verb_keeps_its_quotation_over_a_clause_between(run_analysis: Run) -> None:
    a = run_analysis(
        "Her lawyer, Anna Berg, called the ruling, which suggests the court doubted the evidence, \"absurd\".\n")
    who = speaker(a, "absurd")
    assert who is not None and who.name == "Anna Berg"


def test_a_spokesman_for_a_body_and_a_country_government(run_analysis: Run) -> None:
    a = run_analysis(
        "A spokesman for Portugal's foreign ministry said the ambassador had been recalled. Spain's government "
        "said it would reply within days.\n")
    ministry = speaker(a, "the ambassador had been recalled")
    assert ministry is not None and ministry.type == "ORG" and ministry.speaks_for == named(a, "Portugal").id
    assert speaker(a, "it would reply") == named(a, "Spain")


def test_the_company_is_never_a_public_body_and_the_government_stays_the_country(run_analysis: Run) -> None:
    a = run_analysis(
        "The White House said the president would visit Ohio. In a statement, the company said it was "
        "cooperating with investigators. Norway's government said it would raise the tax. The government added "
        "that pensions would rise.\n")
    company = speaker(a, "cooperating with investigators")  # the company itself (a GROUP party), never a body
    assert company is None or (company.type == "GROUP" and company.name == "company")
    norway = named(a, "Norway")
    assert speaker(a, "it would raise the tax") == norway
    assert speaker(a, "pensions would rise") == norway


def test_an_office_no_one_named_holds_stays_a_described_person_with_its_country(run_analysis: Run) -> None:
    a = run_analysis("Norway's prime minister said on Tuesday that the tax would stay. The Norwegian leader later "
                     "told reporters she would not resign.\n")
    described = speaker(a, "the tax would stay")
    assert described is not None and described.type == "PERSON" and described.name == "Norway's prime minister"
    assert any(r.title == "prime minister" and r.of == named(a, "Norway").id for r in described.roles)
    assert speaker(a, "she would not resign") == described
