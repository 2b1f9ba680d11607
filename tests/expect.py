"""Assertion helpers shared by the extractor tests."""

from __future__ import annotations

from quoteidx.record import Quote


def show(quotes: list[Quote]) -> str:
    """The records, one line each, for a failing assertion's message."""
    return "\n".join(
        f"  {q.kind:8} speaker={q.speaker!r} role={q.role!r} cue={q.cue!r} "
        f"outlet={q.outlet!r} text={q.text!r}"
        for q in quotes
    ) or "  (no records)"


def the_record(quotes: list[Quote], fragment: str) -> Quote:
    """The one record whose text holds `fragment`."""
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, (
        f"expected exactly one record containing {fragment!r}, got {len(found)}:\n"
        + show(quotes)
    )
    return found[0]
