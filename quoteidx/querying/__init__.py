"""The query language and what a search asks for, the same for every backend: a query
string is parsed once (`parse`) into a small tree of our own (`quoteidx.querying.tree`),
which each backend translates. Standard library only, so importing is cheap.

The names below are imported from their modules when first asked for: a command that
only needs `fold_name` (quoteidx.identity.names, which every command imports) loads
`fields`, not the parser and the tree's dataclasses (~12 ms of a `show` when this
package imported them all)."""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

# name -> the module of this package that defines it
_LAZY = {
    "as_exact": "exact", "case_matcher": "exact",
    "DEFAULT_FIELD": "fields", "EXACT_FIELD": "fields", "FIELD_KINDS": "fields",
    "QUERY_FIELDS": "fields", "fold_name": "fields",
    "QueryError": "parse", "check_syntax": "parse", "date_bounds": "parse", "parse": "parse",
    "SORTS": "request", "SearchRequest": "request", "check_period": "request",
}

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

if TYPE_CHECKING:
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


def __getattr__(name: str) -> Any:
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module 'quoteidx.querying' has no attribute {name!r}")
    # __import__, not importlib.import_module: the import is then one of those that
    # `python -X importtime` lists, under its own name.
    value = getattr(__import__(f"quoteidx.querying.{where}", fromlist=[name]), name)
    globals()[name] = value  # found directly next time
    return value


class _Package(types.ModuleType):
    """This package, whose `parse` is the function whatever is imported when: loading
    the submodule quoteidx.querying.parse sets the package's attribute `parse` to the
    module (as any submodule), which would hide the function it has always been."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "parse" and isinstance(value, types.ModuleType):
            value = value.parse
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
