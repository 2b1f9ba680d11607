"""The query language and what a search asks for, the same for every backend: a query
string is parsed once (`parse`) into a small tree of our own (`quoteidx.querying.tree`),
which each backend translates. Standard library only, so importing is cheap."""

from quoteidx.querying.exact import as_exact, case_matcher
from quoteidx.querying.fields import (
    DEFAULT_FIELD,
    EXACT_FIELD,
    FIELD_KINDS,
    QUERY_FIELDS,
    fold_name,
)
from quoteidx.querying.parse import QueryError, check_syntax, date_bounds, parse
from quoteidx.querying.request import SORTS, SearchRequest, check_period

__all__ = [
    "DEFAULT_FIELD",
    "EXACT_FIELD",
    "FIELD_KINDS",
    "QUERY_FIELDS",
    "SORTS",
    "QueryError",
    "SearchRequest",
    "as_exact",
    "case_matcher",
    "check_period",
    "check_syntax",
    "date_bounds",
    "fold_name",
    "parse",
]
