"""The query language, parsed once into a `quoteidx.querying.tree`, with a one-line error
for anything the user has to fix, whichever backend then answers the query.

    Pakistan                      a word (stemmed and folded by the backend)
    "pawns of the Pakistanis"     a phrase; "…"~2 allows two words between
    pak*  p?k*n                   prefix and wildcards
    Pakistn~  Pakistn~2  khan~/2  fuzzy: 1 or 2 edits, /N keeps the first N letters
    speaker:khan  role:(a OR b)   a field (see fields.QUERY_FIELDS) for the next clause
    date:2021-08  date:[2021-08-01 TO 2021-09]  date:>=2021  speaker:[a TO m]
    a AND b   a OR b   NOT a   -a   (…)   words side by side must all match
    word^2                        a clause counts twice in the ranking (0 to 1000)
    *   speaker:*                 every quote; every quote with a speaker

Precedence, tightest first: NOT (and `-`), AND, OR, then clauses side by side (`a b OR
c` is `a AND (b OR c)`). AND, OR and NOT are operators only in capitals, standing alone
between spaces, parentheses or the ends of the query; one with nothing to work on (`a
OR`, `NOT`) is an error, not a word. `-` before a clause (after a space or `(`, or at the
start) excludes it, as in a search engine: `peace -talks`, `-"peace talks"`,
`-speaker:khan`; inside a word it is part of the word (`al-Qaeda`).
Tokens are recognised the way Whoosh's default query parser recognised them, so that a
query finds what it found when Whoosh parsed it (tests/test_query_parse.py compares the
two on the documented syntax).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

from quoteidx.querying.fields import (
    DATE,
    DEFAULT_FIELD,
    FIELD_KINDS,
    KEYWORD,
    QUERY_FIELDS,
    fold_name,
)
from quoteidx.querying.lex import (
    MAX_CLAUSES,
    MAX_EDITS,
    MAX_EXPANDED,
    MAX_NESTING,
    MAX_QUERY_CHARS,
    WORD,
    QueryError,
    Token,
    shown,
    tokenize,
)
from quoteidx.querying.tree import (
    And,
    DateRange,
    Every,
    Fuzzy,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    Range,
    Term,
    Wildcard,
)


def parse(query: str, fields: tuple[str, ...] = QUERY_FIELDS) -> Node:
    """The query as a tree. Raises QueryError for an empty query, unbalanced quotes or
    parentheses, an unknown field (a typo would otherwise search for words), a bad date,
    a dangling operator, or a query with no word to search for."""
    if not query.strip():
        raise QueryError("empty query; give words to search for, or '*' for every quote")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"bad query: the query has {len(query)} characters; at most "
                         f"{MAX_QUERY_CHARS}")
    parser = _Parser(tokenize(query, fields))
    node = parser.sequence(None)
    if parser.peek() is not None:  # only a ')' stops the outermost sequence
        raise QueryError("')' without a matching '(' in query")
    if node is None:
        raise QueryError("nothing to search for in the query")
    return node


def check_syntax(query: str, fields: tuple[str, ...] = QUERY_FIELDS) -> None:
    """Raise QueryError for a query `parse` would refuse."""
    parse(query, fields)


class _Parser:
    """Recursive descent over the tokens: sequence > OR > AND > NOT > clause. `field`
    is the field a clause searches when it names none (None: the default field)."""

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.at = 0
        self.clauses = 0
        self.expanded = 0
        self.depth = 0

    def _count_clause(self) -> None:
        self.clauses += 1
        if self.clauses > MAX_CLAUSES:
            raise QueryError(f"bad query: the query has more than {MAX_CLAUSES} clauses")

    def _nested(self, parse: Callable[[], Node | None]) -> Node | None:
        """`parse` one level deeper (a group, a field's clause, a NOT)."""
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise QueryError("bad query: parentheses, fields and NOTs are nested more than "
                             f"{MAX_NESTING} deep")
        node = parse()
        self.depth -= 1
        return node

    def peek(self) -> Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def _more(self) -> bool:
        """A clause can start here."""
        token = self.peek()
        return token is not None and token.kind not in ("close", "and", "or")

    def sequence(self, field: str | None) -> Node | None:
        clauses = []
        while (token := self.peek()) is not None and token.kind != "close":
            clauses.append(self.disjunction(field))
        return _group(And, clauses)

    def disjunction(self, field: str | None) -> Node | None:
        parts = [self.conjunction(field)]
        while (token := self.peek()) is not None and token.kind == "or":
            self._operator(self.take())
            parts.append(self.conjunction(field))
        return _group(Or, parts)

    def conjunction(self, field: str | None) -> Node | None:
        parts = [self.unary(field)]
        while (token := self.peek()) is not None and token.kind == "and":
            self._operator(self.take())
            parts.append(self.unary(field))
        return _group(And, parts)

    def _operator(self, token: Token) -> None:
        if not self._more():
            raise QueryError(f"{token.text} needs something to search for on each side")

    def unary(self, field: str | None) -> Node | None:
        token = self.peek()
        if token is not None and token.kind in ("and", "or"):
            raise QueryError(f"{token.text} needs something to search for on each side")
        if token is not None and token.kind in ("not", "minus"):
            self.take()
            if not self._more():
                raise QueryError(f"{'NOT' if token.kind == 'not' else '-'} needs something "
                                 "to search for after it")
            child = self._nested(lambda: self.unary(field))
            return None if child is None else Not(child)
        return self.clause(field)

    def clause(self, field: str | None) -> Node | None:
        token = self.take()
        if token.kind == "field":
            name = token.groups["name"] or ""
            following = self.peek()
            if following is not None and following.kind == "compare":
                self._count_clause()
                return self.comparison(name, self.take())
            if not self._more():
                raise QueryError(f"nothing to search for after '{name}:' in the query")
            # an inner field wins: speaker:(khan role:x)
            return self._nested(lambda: self.unary(name))
        if token.kind == "open":
            inside = self.at
            node = self._nested(lambda: self.sequence(field))
            if self.peek() is None:
                raise QueryError("'(' without a matching ')' in query")
            if self.at == inside:
                raise QueryError("empty parentheses in the query")
            self.take()
            boost = self.peek()
            if node is not None and boost is not None and boost.kind == "boost":
                # A boosted group stays a group: "(al-Qaeda)^2" weighs the two words
                # together, as Whoosh did, not each word twice.
                self.take()
                return And((node,), boost=float(boost.groups["boost"] or 1))
            if isinstance(node, And) and node.boost != 1:
                # "((a b)^2)": the group around a boosted group, as Whoosh's parser kept
                # it, so that normalising hands the boost on to its words
                return And((node,))
        elif token.kind == "close":
            raise QueryError("')' without a matching '(' in query")
        else:
            node = self.leaf(field, token)
        return self.boosted(node)

    def leaf(self, field: str | None, token: Token) -> Node | None:
        self._count_clause()
        node = self._leaf(field, token)
        if isinstance(node, Fuzzy | Prefix | Wildcard | Range):
            self.expanded += 1
            if self.expanded > MAX_EXPANDED:
                raise QueryError(f"bad query: the query has more than {MAX_EXPANDED} fuzzy, "
                                 "prefix, wildcard and range clauses")
        return node

    def _leaf(self, field: str | None, token: Token) -> Node | None:
        if token.kind == "every":
            return Every()
        if token.kind == "squote":
            return _term(field, token.groups["text"] or "")
        if token.kind == "phrase":
            return _phrase(field, token.groups["text"] or "", int(token.groups["slop"] or 1))
        if token.kind == "range":
            return _range(field, token.groups, token.text)
        return self.run(field, token)  # a run of word characters and wildcards

    def run(self, field: str | None, token: Token) -> Node | None:
        following = self.peek()
        if following is not None and following.kind == "fuzzy" and following.glued:
            self.take()
            edits, prefix = following.groups["edits"], following.groups["prefix"]
            if int(edits or 1) > MAX_EDITS:  # x~50 reaches every short word, slowly
                raise QueryError(f"bad query: {shown(token.text + following.text)} allows "
                                 f"{int(edits or 1)} edits; a fuzzy term allows at most "
                                 f"{MAX_EDITS}, as in {shown(token.text + '~2')}")
            return _fuzzy(field, token.text, int(edits or 1), int(prefix or 0))
        if not token.wild:
            return _term(field, token.text)
        return _wildcard(field, token.text)

    def comparison(self, name: str, relation: Token) -> Node | None:
        """`date:>2021-08`, `speaker:<=m`: a range open on one side."""
        value = self.peek()
        if value is None or not value.glued or value.kind not in ("run", "phrase", "squote"):
            raise QueryError(f"'{name}:{relation.text}' needs a value right after it")
        self.take()
        text = value.text if value.kind == "run" else value.groups["text"] or ""
        rel = relation.text
        after = rel in (">", ">=", "=>")
        bounds = {"open": "[", "close": "]",
                  "start": text if after else None, "end": None if after else text}
        if rel == ">":
            bounds["open"] = "{"
        elif rel == "<":
            bounds["close"] = "}"
        return self.boosted(_range(name, bounds))

    def boosted(self, node: Node | None) -> Node | None:
        token = self.peek()
        if token is None or token.kind != "boost":
            return node
        self.take()
        return _boost(node, float(token.groups["boost"] or 1))


def _group(kind: type[And] | type[Or], parts: list[Node | None]) -> Node | None:
    kept = tuple(part for part in parts if part is not None)
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else kind(kept)


def _boost(node: Node | None, factor: float) -> Node | None:
    if node is None or isinstance(node, Not) or factor == 1:
        return node  # a NOT ranks nothing
    return replace(node, boost=node.boost * factor)


# Leaves


def _kind(field: str | None) -> str:
    return FIELD_KINDS[field or DEFAULT_FIELD]


def _searchable(field: str | None, text: str) -> bool:
    """Analysed text without a letter or digit holds no word: such a clause is dropped."""
    return _kind(field) == KEYWORD or bool(WORD.search(text))


def _term(field: str | None, text: str) -> Node | None:
    if _kind(field) == DATE:
        return _date(field or DEFAULT_FIELD, text)
    return Term(field or DEFAULT_FIELD, text) if _searchable(field, text) else None


def _phrase(field: str | None, text: str, slop: int) -> Node | None:
    if _kind(field) == DATE:
        return _date(field or DEFAULT_FIELD, text)
    return Phrase(field or DEFAULT_FIELD, text, slop) if _searchable(field, text) else None


def _wildcard(field: str | None, pattern: str) -> Node:
    name = field or DEFAULT_FIELD
    if pattern == "*":
        return Every(field)  # `*` alone is every quote, `speaker:*` every one with a speaker
    prefix = "?" not in pattern and pattern.find("*") == len(pattern) - 1
    if _kind(field) == DATE:
        if prefix:  # date:2021* is date:2021
            return _date(name, pattern[:-1])
        raise QueryError(f"bad query: not a date: {pattern!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return Prefix(name, pattern[:-1]) if prefix else Wildcard(name, pattern)


def _fuzzy(field: str | None, text: str, edits: int, prefix: int) -> Node:
    if _kind(field) == DATE:
        raise QueryError(f"bad query: a date cannot be fuzzy: {text!r}")
    return Fuzzy(field or DEFAULT_FIELD, text, edits, prefix)


def _range(field: str | None, groups: dict[str, str | None], text: str = "") -> Node:
    """A range from Whoosh's range syntax: [a TO b] includes both ends, {a TO b} neither;
    a bound may be 'single-quoted'; a missing bound leaves that side open. One that
    ends before it starts is an error (`text`, as written, says which)."""
    start, end = groups.get("start"), groups.get("end")
    start = _unquote(start.strip()) if start else None
    end = _unquote(end.strip()) if end else None
    name = field or DEFAULT_FIELD
    if _kind(field) == DATE:
        if not start and not end:
            raise QueryError("bad query: a date range needs a start or an end")
        # A bound is a whole year, month or day: {2021-08 TO ...} and >2021-08 start after
        # August, ... TO 2021-08} and <2021-08 end before it.
        tick = timedelta(microseconds=1)
        first = last = None
        if start:
            period = _date_bounds(start)
            first = period[1] + tick if groups.get("open") == "{" else period[0]
        if end:
            period = _date_bounds(end)
            last = period[0] - tick if groups.get("close") == "}" else period[1]
        if first is not None and last is not None and first > last:
            raise _reversed(name, text)
        return DateRange(name, first, last)
    start_excl, end_excl = groups.get("open") == "{", groups.get("close") == "}"
    if start and end:
        # Compared as the backends compare them: names and words folded, keywords as is
        low, high = (start, end) if _kind(field) == KEYWORD else (fold_name(start),
                                                                  fold_name(end))
        if low > high or (low == high and (start_excl or end_excl)):
            raise _reversed(name, text)
    return Range(name, start or None, end or None, start_excl=start_excl, end_excl=end_excl)


def _reversed(field: str, text: str) -> QueryError:
    return QueryError(f"bad query: {shown(f'{field}:{text}')} ends before it starts, so "
                      "nothing is in it; put the earlier bound first")


def _unquote(text: str) -> str:
    return text[1:-1] if len(text) > 1 and text[0] == text[-1] == "'" else text


def _date(field: str, text: str) -> DateRange:
    start, end = _date_bounds(text)
    return DateRange(field, start, end)


def _date_bounds(text: str) -> tuple[datetime, datetime]:
    try:
        return date_bounds(text)
    except QueryError as err:
        raise QueryError(f"bad query: {err}") from None


def date_bounds(value: str) -> tuple[datetime, datetime]:
    """The first and last moment of YYYY, YYYY-MM or YYYY-MM-DD (also written with dots
    or without separators: 2021.08, 20210810), for dates in queries and --since/--until."""
    text = value.strip().replace(".", "-")
    try:
        if re.fullmatch(r"\d{4}", text):
            start = datetime(int(text), 1, 1)
            end = datetime(start.year + 1, 1, 1)
        elif re.fullmatch(r"\d{4}-?\d{2}|\d{4}-\d", text):
            year, month = int(text[:4]), int(text[4:].lstrip("-"))
            start = datetime(year, month, 1)
            end = datetime(year + month // 12, month % 12 + 1, 1)
        else:
            start = datetime.combine(date.fromisoformat(text), datetime.min.time())
            end = start + timedelta(days=1)
    except ValueError:
        raise QueryError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return start, end - timedelta(microseconds=1)
