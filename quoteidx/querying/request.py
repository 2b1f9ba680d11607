"""What a search asks for, independent of the backend that answers it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# Fields a user may name in a query (`speaker:khan`); the rest of the index is internal.
QUERY_FIELDS = (
    "text", "speaker", "role", "kind", "cue", "outlet",
    "publication", "author", "title", "source", "date", "id",
)
SORTS = ("relevance", "date", "document")


class QueryError(ValueError):
    """A query the user has to fix; the message is one line and says what is wrong."""


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """A search: `query` in the query language (empty means every quote), narrowed by
    the filters. `limit` None means no limit. Sort "document" is source path, then offset."""

    query: str = ""
    speaker: str | None = None
    kind: str | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # inclusive
    sort: str = "relevance"
    limit: int | None = 20


_FIELD = re.compile(r"(?<![\w.])([A-Za-z_]\w*):")


def check_syntax(query: str, fields: tuple[str, ...] = QUERY_FIELDS) -> None:
    """Reject what the lenient Whoosh-style parser would silently reinterpret: unbalanced
    quotes or parentheses and unknown field names (a typo would otherwise search words)."""
    if not query.strip():
        raise QueryError("empty query; give words to search for, or '*' for every quote")
    outside: list[str] = []  # the query with quoted phrases blanked out
    in_quote = False
    for ch in query:
        if ch == '"':
            in_quote = not in_quote
            outside.append(" ")
        else:
            outside.append(" " if in_quote else ch)
    if in_quote:
        raise QueryError('unclosed quote (") in query')
    bare = "".join(outside)
    depth = 0
    for ch in bare:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            raise QueryError("')' without a matching '(' in query")
    if depth:
        raise QueryError("'(' without a matching ')' in query")
    for match in _FIELD.finditer(bare):
        name = match.group(1)
        if name not in fields:
            raise QueryError(
                f"unknown field {name!r} in query; fields are: {', '.join(fields)}"
                " (put text with a colon in quotes)"
            )


def date_bounds(value: str) -> tuple[datetime, datetime]:
    """The first and last moment of YYYY, YYYY-MM or YYYY-MM-DD, for --since/--until."""
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            start = datetime(int(text), 1, 1)
            end = datetime(start.year + 1, 1, 1)
        elif re.fullmatch(r"\d{4}-\d{1,2}", text):
            year, month = map(int, text.split("-"))
            start = datetime(year, month, 1)
            end = datetime(year + month // 12, month % 12 + 1, 1)
        else:
            start = datetime.combine(date.fromisoformat(text), datetime.min.time())
            end = start + timedelta(days=1)
    except ValueError:
        raise QueryError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return start, end - timedelta(microseconds=1)


def fold_name(name: str) -> str:
    """A name compared case- and accent-insensitively: 'Ismaïl  KHAN' -> 'ismail khan'."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())
