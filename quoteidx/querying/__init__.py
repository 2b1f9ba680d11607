"""Backend-neutral query helpers: what a search asks for, date bounds, name folding and
the syntax checks every backend shares. Standard library only, so importing is cheap."""

from quoteidx.querying.request import (
    QUERY_FIELDS,
    SORTS,
    QueryError,
    SearchRequest,
    check_syntax,
    date_bounds,
    fold_name,
)

__all__ = [
    "QUERY_FIELDS",
    "SORTS",
    "QueryError",
    "SearchRequest",
    "check_syntax",
    "date_bounds",
    "fold_name",
]
