"""Index.search and by_speaker: the store's hits with people and corrections applied,
narrowed to a person or to the case the query gives when asked."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from quoteidx.identity import reassigned
from quoteidx.record import Quote
from quoteidx.storing import SearchResult

if TYPE_CHECKING:
    from quoteidx.index.api import Index
    from quoteidx.querying.tree import Node

# The query language (its parser, its tree of dataclasses) is imported by the functions
# that search: `show` and `speakers` import this module with quoteidx.index and never
# search.

When = str | date | datetime | None  # YYYY[-MM[-DD]], a day, or a moment


def search_index(index: Index, query: str | Node, *, speaker: str | None, kind: str | None,
                 since: When, until: When, sort: str, limit: int | None, exact: bool,
                 case_sensitive: bool, highlight: bool) -> SearchResult:
    """Index.search, which documents the arguments."""
    from quoteidx.index.persons import persons
    from quoteidx.querying import SearchRequest, parse

    tree = parse(query) if isinstance(query, str) else query
    if exact or case_sensitive:  # -F and -s: only they load the module
        from quoteidx.querying.exact import as_exact

        tree = as_exact(tree)
    tree, people = persons(tree, index)
    request = SearchRequest(tree, kind=kind, since=_moment(since, 0),
                            until=_moment(until, 1), sort=sort, limit=limit,
                            highlight=highlight)
    store = index.store
    keep = None
    if case_sensitive:
        from quoteidx.querying.exact import case_matcher

        keep = case_matcher(tree)
    if speaker is None and keep is None:
        result = store.search(request)
        quotes = reassigned([hit.quote for hit in result.hits], store.corrections())
        return SearchResult([replace(hit, quote=quote)
                             for hit, quote in zip(result.hits, quotes, strict=True)],
                            result.total, tuple(dict.fromkeys(people)))
    # Narrowed here (a person, the case as written): the whole result is filtered,
    # then limited.
    result = store.search(replace(request, limit=None))
    found = result.hits
    if keep is not None:
        found = [hit for hit in found if keep(hit.quote.text)]
    if speaker is None:
        quotes = reassigned([hit.quote for hit in found], store.corrections())
        hits = [replace(hit, quote=quote) for hit, quote in zip(found, quotes, strict=True)]
    else:
        said, meant = said_by(index, speaker)
        people += meant
        hits = [replace(hit, quote=said[hit.quote.id][0], person=said[hit.quote.id][1])
                for hit in found if hit.quote.id in said]
    return SearchResult(hits[:limit] if limit is not None else hits, len(hits),
                        tuple(dict.fromkeys(people)))


def said_by(index: Index, name: str) -> tuple[dict[str, tuple[Quote, str]], list[str]]:
    """Quote id -> (the quote, corrections applied; the person's name), and the
    people's names."""
    people = index.people_meant(name)
    said = {quote.id: (quote, person.name) for person in people
            for quote in person.quotes}
    return said, [person.name for person in people]


def _moment(when: When, end: int) -> datetime | None:
    """The first (end=0) or last (end=1) moment of a --since/--until value."""
    if when is None or isinstance(when, datetime):
        return when
    if isinstance(when, date):
        return datetime.combine(when, time.min if not end else time.max)
    from quoteidx.querying import date_bounds

    return date_bounds(when)[end]
