"""Marking an article's text: escaped pieces, overlapping layers nested, offsets kept on every piece."""

from __future__ import annotations

import re

from newsgraph.web.highlight import Mark, actor_href, highlight


def _pieces(html: str) -> list[tuple[str, str, str]]:
    return re.findall(r'data-mark="(\d+)" data-start="(\d+)" data-end="(\d+)"', html)


def test_text_is_escaped_and_marks_keep_their_offsets() -> None:
    text = 'Bob said "<script>x</script>" & left.'
    html = str(highlight(text, [Mark(0, 3, "mk ent", href=actor_href("Bob")), Mark(9, 29, "mk quote")]))
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;" in html and "&amp; left." in html
    assert '<a class="mk ent" data-mark="0" data-start="0" data-end="3" href="/actor/Bob">Bob</a>' in html
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"') \
        .replace("&amp;", "&") == text


def test_overlapping_marks_are_cut_and_nested_widest_outside() -> None:
    text = "Ann met Bob in Rome today."
    marks = [Mark(0, 11, "mk quote"), Mark(8, 19, "mk ent"), Mark(4, 7, "mk trigger")]
    html = str(highlight(text, marks))
    assert html.count('data-mark="1"') == 2  # the name is cut where the quote ends
    assert {m for m, _, _ in _pieces(html)} == {"0", "1", "2"}
    assert all((s, e) == {"0": ("0", "11"), "1": ("8", "19"), "2": ("4", "7")}[m] for m, s, e in _pieces(html))
    assert html.index('data-mark="0"') < html.index('data-mark="2"')  # the quote wraps the trigger


def test_marks_outside_an_excerpt_are_left_out() -> None:
    html = str(highlight("met Bob", [Mark(10, 13, "mk trigger"), Mark(14, 17, "mk ent"), Mark(2, 5, "mk x")],
                         offset=10))
    assert [m for m, _, _ in _pieces(html)] == ["0", "1"]


def test_hostile_href_and_title_stay_inside_their_attributes() -> None:
    html = str(highlight("x", [Mark(0, 1, "mk", title='"><img onerror=1>', href=actor_href('"><b>'))]))
    assert "<img" not in html and "<b>" not in html and 'href="/actor/%22%3E%3Cb%3E"' in html
