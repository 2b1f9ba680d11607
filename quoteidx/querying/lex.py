"""The query language's tokens: how a query string is cut into words, phrases, fields,
ranges, operators and boosts before `parse` builds its tree, and the bounds that keep any
query quick to read (its length, its boosts and fuzzy distances)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


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
WORD = re.compile(r"\w")  # text without a letter or digit has no word to search for
_CLOSING_QUOTE = re.compile(r"'(?=\s|\]|[)}]|$)|\n")


@dataclass
class Token:
    kind: str
    text: str  # as written
    glued: bool = False  # no space between it and the token before
    groups: dict[str, str | None] = field(default_factory=dict)
    wild: bool = False  # a run holding wildcard characters


def tokenize(query: str, fields: tuple[str, ...]) -> list[Token]:
    """The tokens of the query, spaces dropped (each token says whether one was before
    it). Words and wildcard characters written together are one `run`."""
    tokens: list[Token] = []
    run: list[str] = []
    wild = False
    pos = 0

    def flush() -> None:
        nonlocal wild
        if run:
            tokens.append(Token("run", "".join(run), wild=wild))
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
            check_boost(text, previous)
        flush()
        if kind == "compare" and previous != "field":
            pos = match.end()  # a comparison only means something after a field: dropped
            continue
        tokens.append(Token(kind, text, groups=match.groupdict()))
        pos = match.end()
    flush()
    out = []
    for number, token in enumerate(tokens):
        if token.kind != "space":
            token.glued = number > 0 and tokens[number - 1].kind != "space"
            out.append(token)
    return out


def shown(text: str, most: int = 40) -> str:
    """Text from the query, quoted, and cut short: a message stays one short line."""
    return repr(text if len(text) <= most else text[:most - 1] + "…")


def check_boost(text: str, previous: str) -> None:
    """A `^` boosts the clause right before it by a number from 0 to MAX_BOOST: any
    other `^` is an error, never a search for its text ("flood^-1" found nothing)."""
    if previous not in _BOOSTABLE:
        raise QueryError(f"bad query: {shown(text)} boosts nothing; put a boost right after a "
                         "word, a phrase or a (group), as in peace^2")
    value = text[1:]
    if not _BOOST.fullmatch(value) or not float(value) <= MAX_BOOST:
        raise QueryError(f"bad query: {shown(text)} is not a boost; a boost is a number from 0 "
                         f"to {MAX_BOOST:g}, as in peace^2")


# Parsing
