"""Every record points into the text: ``text[start:end]`` is what the record claims, for every record type."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.model import Analysis
from tests.paths import SAMPLE


def check_offsets(a: Analysis) -> int:
    """Assert every offset of the analysis; return how many records were checked."""
    text = a.document.text
    n = 0
    for e in a.entities:
        assert e.mentions, f"{e.name} has no mention"
        for m in e.mentions:
            assert text[m.start:m.end] in e.aliases or text[m.start:m.end] == e.name, (e.name, text[m.start:m.end])
            n += 1
        for r in e.roles:
            assert 0 <= r.start < r.end <= len(text)
            assert text[r.start:r.end] == r.title or r.title.split()[0] in ("of", "at", "from")
            assert r.of is None or a.entity(r.of) is not None
            n += 1
    for x in a.timexes:
        assert text[x.start:x.end] == x.text
        n += 1
    for q in a.quotes:
        assert text[q.start:q.end] == q.text
        if q.cue:
            assert text[q.cue.start:q.cue.end] == q.cue.text
        if q.speaker_span:
            assert 0 <= q.speaker_span.start < q.speaker_span.end <= len(text)
        assert q.speaker is None or a.entity(q.speaker) is not None
        n += 1
    for v in a.events:
        assert text[v.trigger.start:v.trigger.end] == v.trigger.text
        assert 0 <= v.evidence.start <= v.trigger.start and v.trigger.end <= v.evidence.end <= len(text)
        if v.date:
            assert text[v.date.start:v.date.end] == v.date.text
        for ref in (*v.source, *v.target, *((v.location,) if v.location else ())):
            assert a.entity(ref) is not None
        n += 1
    return n


def test_every_record_slices_to_its_text(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis(SAMPLE.read_text(encoding="utf-8"), published="2026-03-12")
    assert check_offsets(a) > 20


def test_offsets_survive_a_round_trip(run_analysis: Callable[..., Analysis]) -> None:
    a = run_analysis(SAMPLE.read_text(encoding="utf-8"), published="2026-03-12")
    assert Analysis.from_dict(a.to_dict()) == a
