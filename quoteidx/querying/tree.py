"""A parsed query: a small tree of our own, the same for every backend.

`quoteidx.querying.parse` turns the query language into these nodes once; each backend
translates them (the Whoosh backend to `whoosh.query` objects, a SQL backend to SQL with
parameters). Leaves keep the user's text as typed: analysing it (case and accent
folding, stemming, splitting "al-Qaeda" into two words) is the backend's job, done the
way it analysed the quotes when indexing them. A leaf whose text analyses into several
words asks for all of them (AND), as a phrase does in order.

`field` is always one of `quoteidx.querying.fields.QUERY_FIELDS` (`Quotes`, a set of quote
ids the library puts in, has none); `boost` multiplies a clause's weight in the ranking
(1.0 unless the query says `word^2`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Term:
    """The word(s) `text` in `field`."""

    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class Phrase:
    """The words of `text` next to each other, in order; `slop` 1 means adjacent, more
    allows that many words of distance."""

    field: str
    text: str
    slop: int = 1
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class Prefix:
    """Any word starting with `text` (`pak*`)."""

    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class Wildcard:
    """Any word matching `pattern`: `*` any characters, `?` one character (`p?k*n`)."""

    field: str
    pattern: str
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class Fuzzy:
    """Any word within `max_edits` edits of `text`, sharing its first `prefix` letters."""

    field: str
    text: str
    max_edits: int = 1
    prefix: int = 0
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class Range:
    """Words between `start` and `end` in alphabetical order (None: open on that side)."""

    field: str
    start: str | None
    end: str | None
    start_excl: bool = False
    end_excl: bool = False
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class DateRange:
    """Dates from `start` to `end`, both included (None: open on that side). `date:2021-08`
    is the range of that month."""

    field: str
    start: datetime | None
    end: datetime | None
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class Every:
    """Every quote (`*`); with a field, every quote with a value in it (`speaker:*`)."""

    field: str | None = None
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class Quotes:
    """Exactly the quotes with these ids (sorted, each once): what a `speaker:` name
    meaning a person becomes (quoteidx.index), never typed by a user. It has no field
    and no text, so it is never analysed, marked or made exact; every quote it finds
    ranks alike, as a term on `id` ranked it."""

    ids: tuple[str, ...]
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]
    boost: float = 1.0


@dataclass(frozen=True, slots=True)
class Not:
    child: Node


Leaf = Term | Phrase | Prefix | Wildcard | Fuzzy | Range | DateRange | Every | Quotes
Node = Leaf | And | Or | Not


def leaves(node: Node, *, negated: bool = False) -> list[Leaf]:
    """The leaves of the tree in query order; only those outside any NOT unless
    `negated` (for highlighting: a word the query excludes is never marked)."""
    if isinstance(node, Not):
        return leaves(node.child, negated=negated) if negated else []
    if isinstance(node, And | Or):
        return [leaf for child in node.children for leaf in leaves(child, negated=negated)]
    return [node]
