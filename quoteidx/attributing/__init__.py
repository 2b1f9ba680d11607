"""Attributing speakers: resolve the words that name each quotation's speaker to the
person the document means, with their role, and make the quote records.

Within a document, "Khan", "Commander Khan" and "the Commander" become the fullest name
used ("Ismail Khan"); "the mayor", "the union" and "CUPE" the mayor, union or body
named before; "he", "they" and "it" the person, group or organisation the text was
last about; "the statement" whoever issued it just before; a quote that continues a
speaker gets that speaker; unnamed speakers keep their description. The records:
quotes.py; names: resolve.py (titles and name forms: names.py; unnamed speakers and
what tells them from names: unnamed.py); pronouns: pronouns.py;
texts that speak for their issuer: texts.py; what the document says of each name:
index.py and organisations.py.

`attribute` is imported when first asked for: commands that only read an index use
names.py (a speaker's title) and must not load the resolver and the extractor with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quoteidx.attributing.quotes import attribute

__all__ = ["attribute"]


def __getattr__(name: str) -> Any:
    if name == "attribute":
        from quoteidx.attributing.quotes import attribute

        return attribute
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
