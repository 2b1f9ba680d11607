"""A quote by its id, which may be shortened like a git hash, and what became of an id
the index no longer has (its document changed and the quote was replaced)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quoteidx.identity import reassigned
from quoteidx.record import Quote, Source
from quoteidx.storing import DocumentInfo, Store

if TYPE_CHECKING:
    from quoteidx.index.api import Index

MIN_PREFIX = 6  # a quote id may be shortened to this many characters, like a git hash
_HEX = re.compile(r"[0-9a-f]+")


class QuoteNotFound(LookupError):
    """No quote has that id."""


class AmbiguousId(LookupError):
    """A shortened quote id that more than one quote's id starts with; the message lists
    them."""


@dataclass(frozen=True, slots=True)
class Replacement:
    """What became of a quote id the index no longer has: the document that had it (its
    key and source) and the quote that replaced it when its document changed (None: no
    quote there is like it any more)."""

    old_id: str
    key: str
    source: Source
    quote: Quote | None


def quote_by_id(store: Store, quote_id: str) -> Quote | None:
    """Index.get: the quote with that id or a unique start of it, corrections applied."""
    wanted = quote_id.strip().lower()
    quote = store.get(wanted)
    if quote is None and len(wanted) >= MIN_PREFIX and _HEX.fullmatch(wanted):
        from quoteidx.querying import SearchRequest  # a prefix only: a search
        from quoteidx.querying.tree import Prefix

        hits = store.search(SearchRequest(Prefix("id", wanted), limit=5)).hits
        if len(hits) > 1:
            raise AmbiguousId(
                f"quote id {wanted!r} is ambiguous: "
                f"{', '.join(sorted(hit.quote.id for hit in hits))}"
                f"{' and more' if len(hits) == 5 else ''} start with it; give more of it")
        quote = hits[0].quote if hits else None
    return None if quote is None else reassigned([quote], store.corrections())[0]


def replacement_of(index: Index, quote_id: str) -> Replacement | None:
    """Index.replacement: from the old ids each document remembers."""
    wanted = quote_id.strip().lower()
    if len(wanted) < MIN_PREFIX:
        return None
    found: list[tuple[str, DocumentInfo]] = [
        (old, info) for info in index.store.documents().values() for old in info.replaced
        if old == wanted or old.startswith(wanted)]
    if len({old for old, _ in found}) != 1:
        return None
    old, info = found[0]
    new = info.replaced[old]
    return Replacement(old, info.key, info.source, index.get(new) if new else None)
