"""What a search asks for, independent of the backend that answers it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from quoteidx.querying.fields import QUERY_FIELDS
from quoteidx.querying.parse import QueryError, parse
from quoteidx.querying.tree import Node

SORTS = ("relevance", "date", "document")
_NO_TREE: Node | None = None
_WORD = re.compile(r"\w")  # a name needs a letter or digit


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """A search: `query` in the query language or already parsed (empty: every quote),
    narrowed by the filters. `speaker` here is a name in the quotes' speaker field (every
    part of it); `limit` None means no limit, 0 only the count. Sort "document" is
    source path, then offset. A query string is parsed when the request is made, so a
    bad one raises QueryError here, whichever backend would have answered it."""

    query: str | Node = ""
    speaker: str | None = None
    kind: str | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # inclusive
    sort: str = "relevance"
    limit: int | None = 20
    # Mark the matched words in each hit (Hit.spans)? Scripts writing thousands of hits
    # as data need no marks, and marking costs more than finding them.
    highlight: bool = True
    tree: Node | None = field(default=_NO_TREE, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if isinstance(self.query, str):
            tree = parse(self.query, QUERY_FIELDS) if self.query.strip() else None
        else:
            tree = self.query
        object.__setattr__(self, "tree", tree)
        if self.speaker is not None and not _WORD.search(self.speaker):
            raise QueryError(f"no name to look for in {self.speaker!r}")
        check_period(self.since, self.until)
        if self.sort not in SORTS:
            raise QueryError(f"unknown sort {self.sort!r}; use one of: {', '.join(SORTS)}")


def check_period(since: datetime | None, until: datetime | None) -> None:
    """QueryError for a period that ends before it starts (it would find nothing)."""
    if since is not None and until is not None and since > until:
        raise QueryError(f"since {since:%Y-%m-%d} is after until {until:%Y-%m-%d}; no date "
                         "is in that period")
