"""Quotes: direct and partial quotes, reported speech, speakers, hedges, pull quotes, odd marks."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.analysis.context import Context
from newsgraph.analysis.marks import joined_continuations, quoted_spans
from newsgraph.analysis.parsed import Parsed
from newsgraph.analysis.quotes.find import find_quotes
from newsgraph.model import Analysis, Document, Quote

Run = Callable[..., Analysis]


def inner_texts(text: str) -> list[str]:
    return [text[q.inner_start:q.inner_end] for q in quoted_spans(text) if not q.nested]


def check_offsets(a: Analysis) -> None:
    text = a.document.text
    for q in a.quotes:
        assert text[q.start:q.end] == q.text
        if q.cue is not None:
            assert text[q.cue.start:q.cue.end] == q.cue.text
        if q.speaker_span is not None:
            assert 0 <= q.speaker_span.start < q.speaker_span.end <= len(text)
        if q.speaker is not None:
            assert a.entity(q.speaker) is not None


def speaker_name(a: Analysis, q: Quote) -> str | None:
    e = a.entity(q.speaker)
    return e.name if e else None


def quote_with(a: Analysis, words: str) -> Quote:
    return next(q for q in a.quotes if words in q.text)


# ---------------------------------------------------------------- quotation marks, no model


def test_curly_and_straight_marks() -> None:
    assert inner_texts("He said “yes” and then \"no\".") == ["yes", "no"]


def test_apostrophes_are_not_marks() -> None:
    assert inner_texts("It's the farmers' market, isn't it?") == []
    assert inner_texts("Trump’s ‘deal’ in the ’90s") == ["deal"]


def test_single_marks_inside_double_are_nested() -> None:
    spans = quoted_spans("“He told me: ‘never again’, and left.”")
    assert [(s.nested) for s in spans] == [False, True]


def test_doubled_apostrophes_as_a_double_mark() -> None:
    text = "Not paying taxes ''makes me smart,'' he said."
    assert inner_texts(text) == ["makes me smart,"]


@pytest.mark.parametrize("text", ["", '"', '"""', "“", "”", "‘", "“a", 'He said "yes', "”Closing first.”",
                                  "a “b” c” d “e", "\n\n“\n\n”\n"])
def test_odd_marks_never_raise(text: str) -> None:
    for q in quoted_spans(text):
        assert 0 <= q.start < q.end <= len(text)


def test_unclosed_quote_runs_to_the_paragraph_end_and_joins_the_next() -> None:
    text = "“The first part of it\n\n“And the rest,” she said."
    spans = joined_continuations(quoted_spans(text))
    assert len(spans) == 1
    assert text[spans[0].start:spans[0].end] == "“The first part of it\n\n“And the rest,”"


def test_stage_degrades_on_a_bare_parse() -> None:
    parsed = Parsed.build(["“", "Oh", "”"], pos=["PUNCT", "INTJ", "PUNCT"])
    ctx = Context(document=Document(id="d", text=parsed.text), parsed=parsed)
    assert isinstance(find_quotes(ctx).quotes, tuple)


# ---------------------------------------------------------------- the real model


def test_empty_and_marks_only_texts(run_analysis: Run) -> None:
    for text in ("", "   ", '"', '"""', "“”", "‘’ “"):
        a = run_analysis(text)
        check_offsets(a)
        assert not a.warnings


def test_partial_quote_with_attribution_after(run_analysis: Run) -> None:
    a = run_analysis('It was a "productive" meeting, Maria Lopez said on Tuesday.')
    q = quote_with(a, "productive")
    assert q.direct and speaker_name(a, q) == "Maria Lopez"
    assert q.cue is not None and q.cue.text == "said"
    check_offsets(a)


def test_inverted_attribution_and_second_sentence_joined(run_analysis: Run) -> None:
    a = run_analysis('"We will not back down," said Maria Lopez, the mayor of Valencia. "The budget stays."')
    q = quote_with(a, "We will not back down")
    assert speaker_name(a, q) == "Maria Lopez"
    assert "The budget stays." in q.text  # one statement split by its cue
    check_offsets(a)


def test_pronoun_speaker(run_analysis: Run) -> None:
    a = run_analysis('Maria Lopez arrived late. "The roads were closed," she added.')
    q = quote_with(a, "The roads were closed")
    assert speaker_name(a, q) == "Maria Lopez"
    assert q.speaker_span is not None and a.document.text[q.speaker_span.start:q.speaker_span.end] == "she"


def test_quote_continued_in_the_next_paragraph(run_analysis: Run) -> None:
    text = ('"The market is broken and everyone knows it," Peter Hall wrote.\n\n'
            '"Nobody in this town wants to admit it."\n\nThe council meets on Friday.')
    a = run_analysis(text)
    q = quote_with(a, "Nobody in this town")
    assert speaker_name(a, q) == "Peter Hall"
    check_offsets(a)


def test_quote_over_two_paragraphs(run_analysis: Run) -> None:
    a = run_analysis('"The market is broken beyond any repair\n\n"And it will stay broken," said Peter Hall.')
    q = quote_with(a, "And it will stay broken")
    assert "The market is broken" in q.text and speaker_name(a, q) == "Peter Hall"


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("John Carter said that the deal was dead.", "that the deal was dead", "John Carter"),
    ("John Carter told reporters that the deal was dead.", "the deal was dead", "John Carter"),
    ("The factory will close in May, John Carter added.", "The factory will close in May", "John Carter"),
    ("John Carter insisted the factory would stay open.", "the factory would stay open", "John Carter"),
    ("Peter Hall, quoted by the Tribune, said the bridge was unsafe.", "the bridge was unsafe", "Peter Hall"),
    ("A statement from Amnesty International said the trial had been unfair.", "the trial had been unfair",
     "Amnesty International"),
])
def test_reported_speech(run_analysis: Run, text: str, content: str, speaker: str) -> None:
    a = run_analysis(text)
    q = quote_with(a, content)
    assert not q.direct and speaker_name(a, q) == speaker
    check_offsets(a)


def test_according_to_is_a_hedged_attribution(run_analysis: Run) -> None:
    a = run_analysis("According to the Red Cross, at least 40 people were injured in the blast.")
    q = quote_with(a, "40 people were injured")
    assert "According" not in q.text
    assert q.hedge == "according to" and speaker_name(a, q) == "Red Cross"


def test_hedging_adverbs(run_analysis: Run) -> None:
    a = run_analysis("The minister reportedly said that taxes would rise. "
                     "Carter allegedly told aides the vote was lost.")
    assert quote_with(a, "taxes would rise").hedge == "reportedly"
    assert quote_with(a, "the vote was lost").hedge == "allegedly"


def test_role_noun_speaker(run_analysis: Run) -> None:
    a = run_analysis("Jane Ford, the company's spokeswoman, arrived on Monday. Later the spokeswoman said the plant "
                     "would reopen.")
    assert speaker_name(a, quote_with(a, "the plant would reopen")) == "Jane Ford"


def test_organisation_speakers(run_analysis: Run) -> None:
    a = run_analysis("Amnesty International says the trial was unfair.")
    assert speaker_name(a, quote_with(a, "the trial was unfair")) == "Amnesty International"


def test_unnamed_sources_keep_their_words(run_analysis: Run) -> None:
    a = run_analysis("His spokesman said the talks were over. Sources said the minister would resign.")
    for content, words in (("the talks were over", "His spokesman"), ("the minister would resign", "Sources")):
        q = quote_with(a, content)
        assert q.speaker is None and q.speaker_span is not None
        assert a.document.text[q.speaker_span.start:q.speaker_span.end] == words


def test_scare_quotes_and_names_are_not_speech(run_analysis: Run) -> None:
    a = run_analysis('The plan was billed as a "peace dividend" for the region. Thatcher, often called '
                     '"the Iron Lady", stayed away. The band played "Blue Moon" twice.')
    assert not [q for q in a.quotes if "dividend" in q.text or "Iron Lady" in q.text or "Blue Moon" in q.text]


def test_pull_quote_repeats_the_body_quote(run_analysis: Run) -> None:
    text = ("‘The market is broken beyond repair’\nPeter Hall, economist\n"
            "The crisis deepened. “The market is broken beyond repair,” Peter Hall said.")
    a = run_analysis(text)
    pull, body = sorted((q for q in a.quotes if "broken beyond repair" in q.text), key=lambda q: q.start)
    assert pull.repeats == body.id and body.repeats is None
    assert speaker_name(a, body) == "Peter Hall"
    check_offsets(a)


def test_dash_attribution_after_a_quote(run_analysis: Run) -> None:
    a = run_analysis("“Nothing about this election makes sense to me anymore.” ― Rosa Diaz\nMore letters below.")
    q = quote_with(a, "Nothing about this election")
    assert q.speaker_span is not None and a.document.text[q.speaker_span.start:q.speaker_span.end] == "Rosa Diaz"


def test_transcript_turns(run_analysis: Run) -> None:
    a = run_analysis("Governor Mike Pence spoke to Lester Holt on Sunday.\n\nHOLT: Will you accept the result?\n\n"
                     "PENCE: We will accept a fair result.")
    turns = {q.text: (a.document.text[q.speaker_span.start:q.speaker_span.end], speaker_name(a, q), q.direct)
             for q in a.quotes if q.speaker_span}
    assert turns["Will you accept the result?"] == ("HOLT", "Lester Holt", True)
    assert turns["We will accept a fair result."] == ("PENCE", "Mike Pence", True)


def test_lines_with_a_colon_that_nobody_speaks(run_analysis: Run) -> None:
    a = run_analysis("Photo: Reuters staff on the bridge\n\nUpdate: The bridge reopened on Monday.")
    assert a.quotes == ()


def test_nested_word_or_two_is_not_a_statement(run_analysis: Run) -> None:
    a = run_analysis("Maria Lopez said the mayor had called the plan a farce and refused to sign it.")
    assert [q.text for q in a.quotes if q.cue and q.cue.text == "said"] == [
        "the mayor had called the plan a farce and refused to sign it"]
    check_offsets(a)


def test_pronoun_speaker_skips_people_named_inside_the_quote(run_analysis: Run) -> None:
    a = run_analysis('"Putin is winning this war," Andrei Soldatov said on Friday. '
                     '"Donald Trump has no plan at all," he added.')
    assert speaker_name(a, quote_with(a, "Donald Trump has no plan")) == "Andrei Soldatov"
    a = run_analysis('Maria Lopez spoke first. "Peter Hall is wrong about the budget," she said.')
    assert speaker_name(a, quote_with(a, "Peter Hall is wrong")) == "Maria Lopez"


def test_pull_quote_without_byline_takes_the_body_speaker(run_analysis: Run) -> None:
    text = ("Maria Lopez is the mayor.\n“The budget will never balance itself this way”\n"
            "The council met on Monday. “The budget will never balance itself this way,” Peter Hall said.")
    a = run_analysis(text)
    pull, body = sorted((q for q in a.quotes if "never balance" in q.text), key=lambda q: q.start)
    assert pull.repeats == body.id
    assert speaker_name(a, pull) == speaker_name(a, body) == "Peter Hall"


def test_speaker_span_is_the_name_and_its_affiliation(run_analysis: Run) -> None:
    a = run_analysis('"It will not last," wrote Maria Ortiz of the Lisbon-based Tagus Institute on its website.')
    q = quote_with(a, "It will not last")
    assert q.speaker_span is not None
    assert a.document.text[q.speaker_span.start:q.speaker_span.end] == "Maria Ortiz of the Lisbon-based Tagus Institute"


def test_a_hedge_inside_the_quotation_is_the_speakers_word(run_analysis: Run) -> None:
    a = run_analysis('"The plan apparently failed before it began," said Peter Hall.')
    assert quote_with(a, "apparently failed").hedge is None


def test_apposed_name_of_an_unnamed_role_is_the_speaker(run_analysis: Run) -> None:
    a = run_analysis("The Kremlin's spokesman, Dmitry Peskov, said the talks had been useful.")
    q = quote_with(a, "the talks had been useful")
    assert speaker_name(a, q) == "Dmitry Peskov"
    assert q.speaker_span is not None
    assert a.document.text[q.speaker_span.start:q.speaker_span.end] == "The Kremlin's spokesman"


def test_beliefs_with_a_clause_count_plans_and_presuppositions_do_not(run_analysis: Run) -> None:
    a = run_analysis("Maria Lopez believes the vote was rigged. The council has planned for months to rebuild "
                     "the bridge, although engineers know the river can flood.")
    assert speaker_name(a, quote_with(a, "the vote was rigged")) == "Maria Lopez"
    assert not [q for q in a.quotes if "rebuild" in q.text or "river can flood" in q.text]


def test_beliefs_and_intentions_are_told_apart_from_speech(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("Anna Berg said the talks had failed. Tom Hale believes that the deal will hold. "
                     "Lena Frost vowed to fight the ruling.")
    kinds = {q.text: q.kind for q in a.quotes}
    assert kinds.get("the talks had failed") == "speech"
    assert any(k == "belief" for t, k in kinds.items() if "deal will hold" in t)


# ---------------------------------------------------------------- PolNeAR-style constructions


def test_a_which_clause_stays_in_a_reported_clause_but_not_on_an_object(run_analysis: Run) -> None:
    a = run_analysis("Nora Quint said the mayor had cut the bus budget, which would hurt night workers. "
                     "Paul Ardent criticized the toll plan, which the council passed in May. "
                     "Ida Rook said the road needed Omar Vell, who is 70.")
    check_offsets(a)
    texts = [q.text for q in a.quotes]
    assert "the mayor had cut the bus budget, which would hurt night workers" in texts
    assert "the toll plan" in texts
    assert "the road needed Omar Vell" in texts


def test_a_that_clause_the_parser_hung_on_the_addressee(run_analysis: Run) -> None:
    a = run_analysis("In Oslo last week, Kari Dahl told a meeting of fishing leaders that few people understood "
                     "the cost of the new quotas.")
    check_offsets(a)
    q = quote_with(a, "few people understood")
    assert q.text.startswith("that few people understood")
    assert speaker_name(a, q) == "Kari Dahl"


def test_a_reported_clause_after_a_time_phrase(run_analysis: Run) -> None:
    a = run_analysis("Jonas Pike said after the vote he would not accept the mayor's offer.")
    check_offsets(a)
    assert any(q.text == "he would not accept the mayor's offer" for q in a.quotes)


def test_the_clause_after_the_cue_wins_over_a_fronted_one(run_analysis: Run) -> None:
    a = run_analysis("Writing for a panel that agreed Vance won the debate, Mark Hollis noted that the tone "
                     "of the night was critical to his success.")
    q = quote_with(a, "the tone of the night")
    assert q.text.startswith("that the tone")
    assert speaker_name(a, q) == "Mark Hollis"


def test_stated_aims_count_and_past_planning_does_not(run_analysis: Run) -> None:
    a = run_analysis("The Harbor Institute plans to publish its study next week. Vera Lind hopes to win the seat. "
                     "The agency has planned for years to rebuild the pier.")
    texts = [q.text for q in a.quotes]
    assert "to publish its study next week" in texts
    assert "to win the seat" in texts
    assert not [t for t in texts if "rebuild" in t]
    assert {q.kind for q in a.quotes if "publish" in q.text} == {"intent"}


def test_expectations_and_impressions_without_a_holder(run_analysis: Run) -> None:
    a = run_analysis("The governor's veto is expected to come before the deadline. "
                     "The new tariff seems to be a real problem for farmers.")
    check_offsets(a)
    q = quote_with(a, "to come before the deadline")
    assert q.text.startswith("The governor's veto") and q.speaker_span is None
    q = quote_with(a, "a real problem")
    assert q.text == "The new tariff seems to be a real problem for farmers" and q.speaker is None


def test_according_to_heading_the_sentence_and_over_two_clauses(run_analysis: Run) -> None:
    a = run_analysis("According to veteran radio host Dale Ormond, the move smacks of panic. "
                     "The jail population stood at 5,000 in 1990 and has since grown to 40,000, "
                     "according to the state auditor.")
    check_offsets(a)
    q = quote_with(a, "smacks of panic")
    assert q.text == "the move smacks of panic"
    assert q.speaker_span is not None and "Dale Ormond" in a.document.text[q.speaker_span.start:q.speaker_span.end]
    assert any(q.text == "The jail population stood at 5,000 in 1990 and has since grown to 40,000"
               for q in a.quotes)


def test_doubled_apostrophe_quotes_keep_both_marks_and_join(run_analysis: Run) -> None:
    text = ("''Tell that to the baker who pays his taxes,'' Mr. Okafor said. "
            "''Tell that to the nurses who pay theirs.''")
    spans = quoted_spans(text)
    assert [text[q.start:q.end][:2] for q in spans] == ["''", "''"]
    assert text[spans[-1].start:spans[-1].end].endswith("theirs.''")
    a = run_analysis(text)
    check_offsets(a)
    assert len(a.quotes) == 1 and a.quotes[0].text == text
    assert a.quotes[0].cue is not None and a.quotes[0].cue.text == "said"


def test_a_that_clause_the_parser_hung_on_the_medium(run_analysis: Run) -> None:
    a = run_analysis("The port authority said in a statement that it would \"review every contract\" this year.")
    check_offsets(a)
    q = quote_with(a, "review every contract")
    assert q.text.startswith("that it would")
    assert q.speaker_span is not None


def test_the_name_apposed_to_a_whose_role_is_the_speaker(run_analysis: Run) -> None:
    a = run_analysis("Among the suppliers was Northwind Optics, whose chief executive, Alma Reyes, said the firm "
                     "had \"never sold a lens to the army\".")
    check_offsets(a)
    q = quote_with(a, "never sold a lens")
    assert speaker_name(a, q) == "Alma Reyes"


def test_what_an_object_is_shown_with_stays_and_when_it_was_said_does_not(run_analysis: Run) -> None:
    a = run_analysis("The latest poll shows Mara Jensen ahead by four points. Tom Reed criticized the levy on Monday.")
    texts = [q.text for q in a.quotes]
    assert "Mara Jensen ahead by four points" in texts
    assert "the levy" in texts


def test_statement_nouns_with_and_without_a_holder(run_analysis: Run) -> None:
    a = run_analysis("Lena Ruiz repeated her view that the tax was unfair. The mayor has long faced charges "
                     "that he misled the council. The board praised Omar Hadi's determination to finish the dam.")
    check_offsets(a)
    q = quote_with(a, "the tax was unfair")
    assert speaker_name(a, q) == "Lena Ruiz"
    q = quote_with(a, "he misled the council")
    assert q.text == "that he misled the council" and q.speaker is None
    assert any(q.text == "to finish the dam" for q in a.quotes)


def test_findings_put_in_a_poll_or_study(run_analysis: Run) -> None:
    a = run_analysis("In the latest county poll, Ada Fenn led Rob Kell by 6 points among likely voters. "
                     "Ada Fenn said in a statement that she was pleased.")
    check_offsets(a)
    q = quote_with(a, "led Rob Kell")
    assert q.text == "Ada Fenn led Rob Kell by 6 points among likely voters"
    assert q.speaker_span is not None and "poll" in a.document.text[q.speaker_span.start:q.speaker_span.end]
    assert [q.cue.text for q in a.quotes if "pleased" in q.text and q.cue is not None] == ["said"]


def test_continue_reports_only_with_a_clause_or_a_quotation(run_analysis: Run) -> None:
    a = run_analysis("Fuel prices continued to rise. \"We are ready,\" Ines Moreau continued. "
                     "Her rivals continue their attacks on the plan.")
    texts = [q.text for q in a.quotes]
    assert '"We are ready,"' in texts
    assert not [t for t in texts if "rise" in t or "attacks" in t]


def test_adding_something_to_a_list_is_not_speech(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis("The commerce department added 14 firms to its export blacklist on Monday. "
                     "\"It is fair,\" she added.")
    assert [q.text for q in a.quotes] == ['"It is fair,"']
