"""Assertion helpers shared by the extractor tests."""

from __future__ import annotations

from quoteidx.extract import extract_text
from quoteidx.record import Quote


def records(text: str) -> list[Quote]:
    """The records extracted from `text`, each checked for its provenance."""
    quotes = extract_text(text)
    for quote in quotes:
        assert_provenance(text, quote)
    return quotes


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


def assert_provenance(document_text: str, quote: Quote) -> None:
    """What a reader verifying a record relies on: each part is the document's text at
    its offsets, `text` is the parts joined by one space (so no reporter's words between
    them), the parts run in order inside start..end, and none ends in the comma that
    hands a split quote over to its cue."""
    assert quote.parts, quote
    assert quote.parts[0][0] == quote.start and quote.parts[-1][1] == quote.end, quote
    assert 0 <= quote.start < quote.end <= len(document_text), quote
    for (_a, b), (c, _d) in zip(quote.parts, quote.parts[1:], strict=False):
        assert b <= c, quote
    pieces = [document_text[a:b] for a, b in quote.parts]
    assert quote.text == " ".join(pieces), quote
    for piece in pieces:
        assert piece == piece.strip() and not piece.endswith(","), quote
