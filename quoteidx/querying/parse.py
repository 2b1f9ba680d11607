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
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from quoteidx.querying.fields import (
    DATE,
    DEFAULT_FIELD,
    FIELD_KINDS,
    KEYWORD,
    QUERY_FIELDS,
    fold_name,
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


class QueryError(ValueError):
    """A query the user has to fix; the message is one line and says what is wrong."""


# Bounds, so that no query takes long to parse or to plan (Lucene's defaults where it
# has one: at most 1024 clauses, 2 edits; the rest generous for anything typed or pasted)
MAX_QUERY_CHARS = 10_000
MAX_CLAUSES = 1024
# Fuzzy, prefix, wildcard and word-range clauses are each expanded over the index's words
# (~15 ms each on a small Whoosh index; a thousand ANDed overflowed Whoosh's stack)
MAX_EXPANDED = 32
MAX_NESTING = 32  # parentheses, field groups and NOTs inside one another
MAX_EDITS = 2
MAX_BOOST = 1000.0


# Tried in this order at each position; text that none of them matches is a word. Each
# scans ahead a bounded way, so that tokenising is linear in the query's length: a field
# name starts a word, a range bound holds no bracket, the range's first "to" after a
# bound ends it (atomic group), and a 'quoted term' is tried only where a closing quote
# follows on the line.
_PATTERNS = [(kind, re.compile(pattern)) for kind, pattern in (
    ("unsupported", r"(?<=\s)(?:ANDNOT|ANDMAYBE)(?=\s)"),
    ("every", r"\*:\*"),
    ("squote", r"(?:^|(?<=\W))'(?P<text>.*?)'(?=\s|\]|[)}]|$)"),  # 'one term'
    ("field", r"(?<!\w)(?P<name>\w++):"),
    ("wild", r"[*?]"),
    ("phrase", r'"(?P<text>.*?)"(?:~(?P<slop>[1-9][0-9]*))?'),
    ("open", r"\("),
    ("close", r"\)"),
    ("minus", r"(?:^|(?<=[\s(]))-(?=[^\s\-)])"),
    ("not", r"(?:^|(?<=[\s()]))NOT(?=[\s()]|$)"),
    ("and", r"(?:^|(?<=[\s()]))AND(?=[\s()]|$)"),
    ("or", r"(?:^|(?<=[\s()]))OR(?=[\s()]|$)"),
    ("unsupported", r"(?:^|(?<=\s))REQUIRE(?=\s)"),
    ("boost", r"\^(?P<boost>[^\s()]*)"),
    ("fuzzy", r"(?<=\S)~(?P<edits>[0-9]+)?(?:/(?P<prefix>[1-9][0-9]*))?"),
    ("compare", r"<=|>=|<|>|=<|=>"),
    ("range", r"(?P<open>[{\[])(?P<start>'[^']*?'\s+|(?>[^\]}\[{]+?(?=[Tt][Oo])))?[Tt][Oo]"
              r"(?P<end>\s+'[^']*?'|[^\]}\[{]+?)?(?P<close>[}\]])"),
    ("space", r"\s+"),
)]
_BOOSTABLE = {"run", "phrase", "squote", "range", "close", "fuzzy", "every"}
_BOOST = re.compile(r"[0-9]+(?:\.[0-9]+)?|\.[0-9]+")
_WORD = re.compile(r"\w")  # text without a letter or digit has no word to search for
_CLOSING_QUOTE = re.compile(r"'(?=\s|\]|[)}]|$)|\n")


@dataclass
class _Token:
    kind: str
    text: str  # as written
    glued: bool = False  # no space between it and the token before
    groups: dict[str, str | None] = field(default_factory=dict)
    wild: bool = False  # a run holding wildcard characters


def parse(query: str, fields: tuple[str, ...] = QUERY_FIELDS) -> Node:
    """The query as a tree. Raises QueryError for an empty query, unbalanced quotes or
    parentheses, an unknown field (a typo would otherwise search for words), a bad date,
    a dangling operator, or a query with no word to search for."""
    if not query.strip():
        raise QueryError("empty query; give words to search for, or '*' for every quote")
    if len(query) > MAX_QUERY_CHARS:
        raise QueryError(f"bad query: the query has {len(query)} characters; at most "
                         f"{MAX_QUERY_CHARS}")
    parser = _Parser(_tokens(query, fields))
    node = parser.sequence(None)
    if parser.peek() is not None:  # only a ')' stops the outermost sequence
        raise QueryError("')' without a matching '(' in query")
    if node is None:
        raise QueryError("nothing to search for in the query")
    return node


def check_syntax(query: str, fields: tuple[str, ...] = QUERY_FIELDS) -> None:
    """Raise QueryError for a query `parse` would refuse."""
    parse(query, fields)


# Tokens


def _tokens(query: str, fields: tuple[str, ...]) -> list[_Token]:
    """The tokens of the query, spaces dropped (each token says whether one was before
    it). Words and wildcard characters written together are one `run`."""
    tokens: list[_Token] = []
    run: list[str] = []
    wild = False
    pos = 0

    def flush() -> None:
        nonlocal wild
        if run:
            tokens.append(_Token("run", "".join(run), wild=wild))
            run.clear()
            wild = False

    closing = -1  # where the next closing quote (or line end) after `pos` is

    def squote_can_close() -> bool:
        nonlocal closing
        if closing <= pos:
            found = _CLOSING_QUOTE.search(query, pos + 1)
            closing = found.start() if found else len(query) + 1
        return closing < len(query) and query[closing] == "'"

    while pos < len(query):
        kind, match = next(((kind, m) for kind, pattern in _PATTERNS
                            if (kind != "squote" or query[pos] != "'" or squote_can_close())
                            and (m := pattern.match(query, pos)) and m.end() > pos),
                           ("", None))
        if match is None:
            if query[pos] == '"':
                raise QueryError('unclosed quote (") in query')
            run.append(query[pos])
            pos += 1
            continue
        text = match.group(0)
        if kind == "wild":
            run.append(text)
            wild = True
            pos = match.end()
            continue
        if kind == "field" and match["name"] not in fields:
            name = match["name"]
            if (name[0].isascii() and (name[0].isalpha() or name[0] == "_")
                    and not (pos and re.match(r"[\w.]", query[pos - 1]))):
                raise QueryError(
                    f"unknown field {name!r} in query; fields are: {', '.join(fields)}"
                    " (put text with a colon in quotes)")
            run.append(text)  # "12:30" is a word, not a field
            pos = match.end()
            continue
        if kind == "unsupported":
            raise QueryError(f"{text} is not part of the query language; use AND, OR and NOT")
        if kind == "fuzzy" and not (run and not wild):  # only right after a plain word
            run.append(text)
            pos = match.end()
            continue
        previous = "run" if run else (tokens[-1].kind if tokens else "space")
        if kind == "boost":
            _check_boost(text, previous)
        flush()
        if kind == "compare" and previous != "field":
            pos = match.end()  # a comparison only means something after a field: dropped
            continue
        tokens.append(_Token(kind, text, groups=match.groupdict()))
        pos = match.end()
    flush()
    out = []
    for number, token in enumerate(tokens):
        if token.kind != "space":
            token.glued = number > 0 and tokens[number - 1].kind != "space"
            out.append(token)
    return out


def _shown(text: str, most: int = 40) -> str:
    """Text from the query, quoted, and cut short: a message stays one short line."""
    return repr(text if len(text) <= most else text[:most - 1] + "…")


def _check_boost(text: str, previous: str) -> None:
    """A `^` boosts the clause right before it by a number from 0 to MAX_BOOST: any
    other `^` is an error, never a search for its text ("flood^-1" found nothing)."""
    if previous not in _BOOSTABLE:
        raise QueryError(f"bad query: {_shown(text)} boosts nothing; put a boost right after a "
                         "word, a phrase or a (group), as in peace^2")
    value = text[1:]
    if not _BOOST.fullmatch(value) or not float(value) <= MAX_BOOST:
        raise QueryError(f"bad query: {_shown(text)} is not a boost; a boost is a number from 0 "
                         f"to {MAX_BOOST:g}, as in peace^2")


# Parsing


class _Parser:
    """Recursive descent over the tokens: sequence > OR > AND > NOT > clause. `field`
    is the field a clause searches when it names none (None: the default field)."""

    def __init__(self, tokens: list[_Token]) -> None:
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

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> _Token:
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

    def _operator(self, token: _Token) -> None:
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

    def leaf(self, field: str | None, token: _Token) -> Node | None:
        self._count_clause()
        node = self._leaf(field, token)
        if isinstance(node, Fuzzy | Prefix | Wildcard | Range):
            self.expanded += 1
            if self.expanded > MAX_EXPANDED:
                raise QueryError(f"bad query: the query has more than {MAX_EXPANDED} fuzzy, "
                                 "prefix, wildcard and range clauses")
        return node

    def _leaf(self, field: str | None, token: _Token) -> Node | None:
        if token.kind == "every":
            return Every()
        if token.kind == "squote":
            return _term(field, token.groups["text"] or "")
        if token.kind == "phrase":
            return _phrase(field, token.groups["text"] or "", int(token.groups["slop"] or 1))
        if token.kind == "range":
            return _range(field, token.groups, token.text)
        return self.run(field, token)  # a run of word characters and wildcards

    def run(self, field: str | None, token: _Token) -> Node | None:
        following = self.peek()
        if following is not None and following.kind == "fuzzy" and following.glued:
            self.take()
            edits, prefix = following.groups["edits"], following.groups["prefix"]
            if int(edits or 1) > MAX_EDITS:  # x~50 reaches every short word, slowly
                raise QueryError(f"bad query: {_shown(token.text + following.text)} allows "
                                 f"{int(edits or 1)} edits; a fuzzy term allows at most "
                                 f"{MAX_EDITS}, as in {_shown(token.text + '~2')}")
            return _fuzzy(field, token.text, int(edits or 1), int(prefix or 0))
        if not token.wild:
            return _term(field, token.text)
        return _wildcard(field, token.text)

    def comparison(self, name: str, relation: _Token) -> Node | None:
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
    return _kind(field) == KEYWORD or bool(_WORD.search(text))


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
    return QueryError(f"bad query: {_shown(f'{field}:{text}')} ends before it starts, so "
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
