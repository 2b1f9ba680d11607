"""A quote in its article: the paragraphs around it, read again from its source, and
never from a source that has changed since it was indexed (its offsets would point at
other words)."""

from __future__ import annotations

from dataclasses import dataclass, field

from quoteidx.record import Quote
from quoteidx.storing import Store


@dataclass(frozen=True, slots=True)
class Context:
    """`before` and `after`: up to the number of paragraphs asked for, as in the source.
    `problem` says why there are none when the source could not be read again."""

    quote: Quote
    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    problem: str | None = None


def paragraphs_around(store: Store, quote: Quote, count: int, base: str) -> Context:
    """`count` paragraphs before and after the quote's, from its source read again (its
    document's key is relative to `base`, see quoteidx.document_keys.document_base)."""
    from quoteidx.document_keys import read_document, shown_key
    from quoteidx.finding.text import paragraphs
    from quoteidx.reading import ReadError
    from quoteidx.reading.document import printable

    documents = store.documents()
    key = next((key for key, info in documents.items() if info.source == quote.source), None)
    if key is None:
        return Context(quote, problem="the quote's document is no longer in the index")
    try:
        document = read_document(key, base)  # by key: `x.jsonl#id=a#b`, a non-UTF-8 name
    except ReadError as err:
        return Context(quote, problem=f"cannot read the source again ({err})")
    if document.content_hash != documents[key].content_hash:
        return Context(quote,
                       problem=f"{printable(shown_key(key))} has changed since it was indexed")
    spans = paragraphs(document.text, document.body_start)
    first = next((n for n, (a, b) in enumerate(spans) if quote.start < b), len(spans))
    last = next((n for n, (a, b) in enumerate(spans) if quote.end <= b), len(spans) - 1)
    text = document.text
    before = [text[a:b] for a, b in spans[max(0, first - count):first]]
    after = [text[a:b] for a, b in spans[last + 1:last + 1 + count]]
    return Context(quote, before, after)
