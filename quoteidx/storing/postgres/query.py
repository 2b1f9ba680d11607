"""The parsed query (quoteidx.querying.tree) as SQL: a condition and a score, with the
user's words always passed as parameters (tsquery text made of quoted lexemes, LIKE
patterns with their wildcards escaped), never pasted into the statement. Column names
come from schema.py alone.

Words are analysed as analysis.py analyses the quotes, the way the Whoosh backend does
(quoteidx.storing.whoosh.query): a term's text may give several words (all required), a
phrase's words must stand in order, prefix, wildcard and fuzzy terms are analysed whole.
Wildcard, fuzzy and range terms are expanded to the index's words first (the `words`
table), as Whoosh expands them over its term dictionary.

The score is the sum of each clause's ts_rank times its boost (outside any NOT), so a
quote matching more of the query ranks higher; unlike Whoosh's BM25 it does not weigh a
rare word above a common one (tests that compare rankings across backends say so).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import product

from quoteidx.querying import QueryError, SearchRequest
from quoteidx.querying.fields import DATE, FIELD_KINDS, KEYWORD
from quoteidx.querying.tree import (
    And,
    DateRange,
    Every,
    Fuzzy,
    Leaf,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    Quotes,
    Range,
    Term,
    Wildcard,
)
from quoteidx.storing.postgres.analysis import lexeme, name_tokens, query_words
from quoteidx.storing.postgres.schema import ANALYSIS, SOURCE_FIELDS, VECTOR_COLUMNS

KEYWORD_COLUMNS = {"kind": "kind", "id": "id"}
DATE_COLUMN = "source_day"
SOURCES = "@sources@"  # in a condition: the table of the sources (see _of_source)
MAX_PHRASE_FORMS = 256  # a sloppy phrase's distance combinations spelled out, at most
# expand(field, how, arguments) -> the field's indexed words that a pattern reaches
Expand = Callable[[str, str, tuple[object, ...]], list[str]]


@dataclass
class Sql:
    """A piece of SQL and its parameters, in order."""

    text: str
    params: list[object] = field(default_factory=list)

    def __add__(self, other: Sql) -> Sql:
        return Sql(self.text + other.text, self.params + other.params)


TRUE = Sql("TRUE")
FALSE = Sql("FALSE")
ZERO = Sql("0")


def join(parts: list[Sql], glue: str) -> Sql:
    return Sql(glue.join(part.text for part in parts),
               [param for part in parts for param in part.params])


@dataclass
class Translated:
    condition: Sql
    score: Sql
    joins: bool = False  # the condition reads the sources' columns (see _of_source)


def translate(node: Node, expand: Expand) -> Translated:
    """The condition and score of a parsed query; QueryError if no word is left once
    analysed (as with Whoosh)."""
    result = _node(node, expand, 1.0)
    if result is None:
        raise QueryError("nothing to search for in the query")
    return result


def _node(node: Node, expand: Expand, weight: float, negated: bool = False,
          alternative: bool = False) -> Translated | None:
    """`negated`: under a NOT; `alternative`: one of an OR's alternatives (where a source
    field is asked for otherwise, see _of_source)."""
    if isinstance(node, And | Or):
        alternative = alternative or (isinstance(node, Or) and len(node.children) > 1)
        subs = [sub for child in node.children
                if (sub := _node(child, expand, weight * node.boost, negated, alternative))
                is not None]
        if not subs:
            return None
        every = [sub for sub in subs if sub.condition is TRUE]
        if every and isinstance(node, Or):
            return Translated(TRUE, _sum([sub.score for sub in subs]))
        kept = [sub for sub in subs if sub.condition is not TRUE] or subs[:1]
        glue = " AND " if isinstance(node, And) else " OR "
        condition = join([Sql("(") + sub.condition + Sql(")") for sub in kept], glue)
        return Translated(condition, _sum([sub.score for sub in subs]),
                          any(sub.joins for sub in kept))
    if isinstance(node, Not):
        child = _node(node.child, expand, 0.0, True, alternative)
        if child is None:
            return None
        return Translated(Sql("NOT (") + child.condition + Sql(")"), ZERO, child.joins)
    return _leaf(node, expand, weight * node.boost, negated or not alternative)


def _sum(scores: list[Sql]) -> Sql:
    kept = [score for score in scores if score is not ZERO]
    return join(kept, " + ") if kept else ZERO


def _leaf(leaf: Leaf, expand: Expand, weight: float, joined: bool = True
          ) -> Translated | None:
    """`joined`: a source field is read from the joined sources (see _of_source)."""
    if isinstance(leaf, Every):
        if leaf.field is None:
            return Translated(TRUE, ZERO)
        return _of_source(leaf.field, _present(leaf.field), ZERO, joined)
    if isinstance(leaf, Quotes):  # one array parameter, however many ids; unscored as id:
        return Translated(Sql(f"{KEYWORD_COLUMNS['id']} = ANY(%s::text[])", [list(leaf.ids)]),
                          ZERO)
    kind = FIELD_KINDS[leaf.field]
    if kind == KEYWORD:
        return Translated(_keyword(leaf), ZERO)
    if isinstance(leaf, DateRange):
        return Translated(_dates(leaf.start, leaf.end), ZERO)
    if kind == DATE:
        raise QueryError(f"bad query: not a date range: {leaf!r}")
    tsquery = leaf_tsquery(leaf, expand)
    if tsquery is None:
        return None
    column = VECTOR_COLUMNS[leaf.field]
    if tsquery == "":  # a pattern that reaches no indexed word
        return Translated(FALSE, ZERO)
    condition = Sql(f"{column} @@ %s::tsquery", [tsquery])
    score = Sql(f"%s * ts_rank({column}, %s::tsquery)", [weight, tsquery]) if weight else ZERO
    return _of_source(leaf.field, condition, score, joined)


def _of_source(field: str, condition: Sql, score: Sql, joined: bool) -> Translated:
    """A clause on a source field (its vectors are the document's, in `sources`).

    Where the query needs it (ANDed with the rest, or under a NOT), the joined column is
    read: the planner then weighs both tables' matches (ceasefire AND publication:herald
    at 94k quotes: 17 ms with the vectors in every quote, 44 ms so, 59 ms as an array of
    keys, which it takes for a few; keys sent by the client were no better). As one of
    an OR's alternatives, the join would be made first and
    filtered after (a term OR a title clause: 62 ms over one GIN index, 611 ms joined):
    there the clause is the keys of the documents whose source meets it (one array,
    found first), and the quotes are found by their doc_key index beside the other
    alternatives' GIN lookups (88 ms). `SOURCES` is then replaced by the sources table
    on the quotes' own shard."""
    if field not in SOURCE_FIELDS:
        return Translated(condition, score)
    if joined:
        return Translated(condition, score, joins=True)
    return Translated(Sql(f"doc_key = ANY(ARRAY(SELECT doc_key FROM {SOURCES} WHERE ")
                      + condition + Sql("))"), score)


def leaf_tsquery(leaf: Leaf, expand: Expand) -> str | None:
    """The tsquery text of a clause on a field of words; None if its text has no word
    once analysed, "" if it is a pattern that reaches none."""
    how = ANALYSIS[leaf.field]
    if isinstance(leaf, Term):
        words = query_words(how, leaf.text)
        return " & ".join(map(lexeme, words)) if words else None
    if isinstance(leaf, Phrase):
        words = query_words(how, leaf.text)
        return _phrase(words, leaf.slop) if words else None
    if isinstance(leaf, Prefix):
        words = query_words(how, leaf.text, whole=True)
        return f"{lexeme(words[0])}:*" if words else None
    found = expanded(leaf, expand)
    if found is None:
        return None
    return " | ".join(map(lexeme, found))


def expanded(leaf: Leaf, expand: Expand) -> list[str] | None:
    """The indexed words a wildcard, fuzzy or range clause reaches (None: no word)."""
    how = ANALYSIS[leaf.field]
    if isinstance(leaf, Wildcard):
        words = query_words(how, leaf.pattern, whole=True)
        return expand(leaf.field, "like", (like_pattern(words[0]),)) if words else None
    if isinstance(leaf, Fuzzy):
        words = query_words(how, leaf.text, whole=True)
        if not words:
            return None
        return expand(leaf.field, "fuzzy", (words[0], leaf.max_edits, leaf.prefix))
    if isinstance(leaf, Range):
        start = query_words(how, leaf.start, whole=True) if leaf.start else []
        end = query_words(how, leaf.end, whole=True) if leaf.end else []
        return expand(leaf.field, "range", (start[0] if start else None,
                                            end[0] if end else None,
                                            leaf.start_excl, leaf.end_excl))
    return None


def _phrase(words: list[str], slop: int) -> str:
    """Words in order, each within `slop` positions of the one before (Whoosh's phrase
    with slop). tsquery only says "exactly N apart", so each spacing is spelled out;
    past MAX_PHRASE_FORMS of them, each word within `slop` of the next but in any
    spacing up to that is no longer tried in full: the widest spacing stands in."""
    if len(words) == 1:
        return lexeme(words[0])
    gaps = len(words) - 1
    if slop <= 1:
        return " <-> ".join(map(lexeme, words))
    if slop ** gaps > MAX_PHRASE_FORMS:
        return "(" + " & ".join(map(lexeme, words)) + ")"
    forms = []
    for spacing in product(range(1, slop + 1), repeat=gaps):
        text = lexeme(words[0])
        for gap, word in zip(spacing, words[1:], strict=True):
            text += f" <{gap}> {lexeme(word)}"
        forms.append(f"({text})")
    return " | ".join(forms)


def escape_like(text: str) -> str:
    """Text that LIKE reads as itself."""
    return re.sub(r"([\\%_])", r"\\\1", text)


def like_pattern(pattern: str) -> str:
    """Whoosh's wildcards (* any characters, ? one) as a LIKE pattern."""
    return escape_like(pattern).replace("*", "%").replace("?", "_")


def _present(field: str) -> Sql:
    if field in VECTOR_COLUMNS:
        return Sql(f"{VECTOR_COLUMNS[field]} <> ''::tsvector")
    if field in KEYWORD_COLUMNS:
        return Sql(f"{KEYWORD_COLUMNS[field]} IS NOT NULL")
    return Sql(f"{DATE_COLUMN} IS NOT NULL")


def _keyword(leaf: Leaf) -> Sql:
    """A clause on an exact value (kind, id), as Whoosh's ID fields compare it."""
    column = KEYWORD_COLUMNS[leaf.field]
    if isinstance(leaf, Term | Phrase):
        return Sql(f"{column} = %s", [leaf.text])
    if isinstance(leaf, Prefix):
        return Sql(f"{column} LIKE %s", [escape_like(leaf.text) + "%"])
    if isinstance(leaf, Wildcard):
        return Sql(f"{column} LIKE %s", [like_pattern(leaf.pattern)])
    if isinstance(leaf, Fuzzy):
        return Sql(f"(left({column}, %s) = left(%s, %s) AND "
                   f"levenshtein_less_equal({column}, %s, %s) <= %s)",
                   [leaf.prefix, leaf.text, leaf.prefix, leaf.text, leaf.max_edits,
                    leaf.max_edits])
    if isinstance(leaf, Range):
        parts = []
        if leaf.start is not None:
            parts.append(Sql(f"{column} {'>' if leaf.start_excl else '>='} %s", [leaf.start]))
        if leaf.end is not None:
            parts.append(Sql(f"{column} {'<' if leaf.end_excl else '<='} %s", [leaf.end]))
        return join(parts, " AND ") if parts else Sql(f"{column} IS NOT NULL")
    raise QueryError(f"bad query: {leaf!r}")


def _dates(start: object, end: object) -> Sql:
    parts = []
    if start is not None:
        parts.append(Sql(f"{DATE_COLUMN} >= %s", [start]))
    if end is not None:
        parts.append(Sql(f"{DATE_COLUMN} <= %s", [end]))
    # Never null: an undated quote is outside every range, and inside NOT (range). Said
    # with IS NOT NULL rather than `(…) IS TRUE`, which postgres_fdw (PG 15) does not send
    # to a shard: the shards then shipped every match of the rest of the query.
    return Sql("(") + join([Sql(f"{DATE_COLUMN} IS NOT NULL"), *parts], " AND ") + Sql(")")


# The request: its query and its filters


def request_sql(request: SearchRequest, expand: Expand) -> Translated:
    """The whole condition of a request (query and filters) and its score."""
    conditions: list[Sql] = []
    score = ZERO
    joins = False
    if request.tree is not None:
        translated = translate(request.tree, expand)
        conditions.append(translated.condition)
        score, joins = translated.score, translated.joins
    if request.speaker:
        conditions.append(speaker_condition(request.speaker))
    if request.kind:
        conditions.append(Sql("kind = %s", [request.kind]))
    if request.since or request.until:
        conditions.append(_dates(request.since, request.until))
    if not conditions:
        return Translated(TRUE, score)
    return Translated(join([Sql("(") + c + Sql(")") for c in conditions], " AND "), score,
                      joins)


def speaker_condition(name: str) -> Sql:
    """Every part of the name in the speaker's name: "Nezami" and "shariyar NEZAMI"
    both find Shariyar Nezami."""
    parts = [form for _, (_, _, form) in name_tokens(name) if form]
    if not parts:
        raise QueryError(f"no name to look for in {name!r}")
    return Sql(f"{VECTOR_COLUMNS['speaker']} @@ %s::tsquery",
               [" & ".join(map(lexeme, parts))])
