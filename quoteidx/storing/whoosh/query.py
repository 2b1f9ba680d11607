"""The query tree as Whoosh queries: each leaf's text analysed by its field's analyser,
built as Whoosh's own query parser built it, then normalised as it normalised it (so
that hits and scores are what they were when Whoosh parsed the query string). Also the
request's filters, and which words of the quote text a query marks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh import query
from whoosh.util.times import datetime_to_long

from quoteidx.querying import QueryError, SearchRequest
from quoteidx.querying.highlight import Marker, Token, marker
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
from quoteidx.storing.whoosh.ids import QuoteIds
from quoteidx.storing.whoosh.schema import RECORD_FIELDS


def whoosh_query(node: Node, schema: Any) -> Any:
    """The Whoosh query for a parsed query; QueryError if no word is left to search for
    once analysed."""
    translated = _translate(node, schema)
    # In a group, as Whoosh's parser puts the whole query in one: a boosted group
    # inside it then passes its boost on to its clauses when normalised, as it did.
    result = query.NullQuery if translated is None else query.And([translated]).normalize()
    if result is query.NullQuery:
        raise QueryError("nothing to search for in the query")
    return result


def _translate(node: Node, schema: Any) -> Any:
    """The Whoosh query of a node, not yet normalised; None when its text analyses to no
    word (it is then left out of its group, as Whoosh's parser leaves it out)."""
    if isinstance(node, And | Or):
        subs = [sub for child in node.children if (sub := _translate(child, schema)) is not None]
        # Every quote (`*`) ORed is every quote, ANDed changes nothing: said here, since
        # Whoosh's normalize() turns any group holding it into every quote.
        every = [sub for sub in subs if isinstance(sub, query.Every) and sub.fieldname is None]
        if every and isinstance(node, Or):
            return query.Every(boost=node.boost)
        if every and len(every) < len(subs):
            subs = [sub for sub in subs if sub not in every]
        return (query.And if isinstance(node, And) else query.Or)(subs, boost=node.boost)
    if isinstance(node, Not):
        child = _translate(node.child, schema)
        return None if child is None else query.Not(child)
    if isinstance(node, Term):
        words = _words(schema, node.field, node.text, tokenize=True)
        if len(words) > 1:  # "al-Qaeda": every word
            return query.And([query.Term(node.field, word, boost=node.boost) for word in words])
        return query.Term(node.field, words[0], boost=node.boost) if words else None
    if isinstance(node, Phrase):
        words = [token.text for token in schema[node.field].tokenize(node.text, mode="query")]
        return query.Phrase(node.field, words, slop=node.slop, boost=node.boost)
    if isinstance(node, Every):
        return query.Every(node.field, boost=node.boost)
    if isinstance(node, Quotes):
        return QuoteIds(node.ids, boost=node.boost)
    if isinstance(node, DateRange):
        return query.NumericRange(
            node.field, datetime_to_long(node.start) if node.start else None,
            datetime_to_long(node.end) if node.end else None, boost=node.boost)
    if isinstance(node, Range):
        return query.TermRange(node.field, _word(schema, node.field, node.start),
                               _word(schema, node.field, node.end), node.start_excl,
                               node.end_excl, boost=node.boost)
    return _pattern(node, schema)


def _pattern(node: Prefix | Wildcard | Fuzzy, schema: Any) -> Any:
    """Prefix, wildcard and fuzzy words are analysed whole, not split into words."""
    text = node.pattern if isinstance(node, Wildcard) else node.text
    word = _word(schema, node.field, text)
    if word is None:
        return None
    if isinstance(node, Prefix):
        return query.Prefix(node.field, word, boost=node.boost)
    if isinstance(node, Wildcard):
        return query.Wildcard(node.field, word, boost=node.boost)
    return query.FuzzyTerm(node.field, word, boost=node.boost, maxdist=node.max_edits,
                           prefixlength=node.prefix)


def _words(schema: Any, field: str, text: str, *, tokenize: bool) -> list[str]:
    return list(schema[field].process_text(text, mode="query", tokenize=tokenize,
                                           removestops=tokenize))


def _word(schema: Any, field: str, text: str | None) -> str | None:
    if text is None:
        return None
    words = _words(schema, field, text, tokenize=False)
    return words[0] if words else None


# The request: its query and its filters


def request_queries(request: SearchRequest, schema: Any) -> tuple[Any, Any]:
    """(query, filter or None) for a request: the parsed query (every quote if none)
    narrowed by the filters; with filters alone they are the query."""
    filters = []
    if request.speaker:
        filters.append(speaker_query(request.speaker, schema))
    if request.kind:
        filters.append(query.Term("kind", request.kind))
    if request.since or request.until:
        filters.append(query.DateRange("date", request.since, request.until))
    if request.tree is not None:
        return whoosh_query(request.tree, schema), _all(filters)
    if filters:  # filters alone: they are the query
        return _all(filters), None
    return query.Every(), None


def _all(filters: list[Any]) -> Any:
    if not filters:
        return None
    return query.And(filters) if len(filters) > 1 else filters[0]


def speaker_query(name: str, schema: Any) -> Any:
    """Every part of the name must be in the speaker's name: "Nezami" and
    "shariyar NEZAMI" both find Shariyar Nezami."""
    parts = [token.text for token in schema["speaker"].analyzer(name, mode="query")]
    if not parts:
        raise QueryError(f"no name to look for in {name!r}")
    return query.And([query.Term("speaker", part) for part in parts])


def reaches_records(q: Any) -> bool:
    """Could this query match a document's record rather than a quote? Only a query for
    everything, a negation, or one on the fields the records have."""
    return any(
        isinstance(part, query.Every | query.Not)
        or (part.is_leaf() and part.field() in RECORD_FIELDS)
        for part in _subqueries(q)
    )


def _subqueries(q: Any) -> Iterator[Any]:
    yield q
    for child in q.children():
        yield from _subqueries(child)


def text_marker(node: Node, schema: Any, reader: Any) -> Marker:
    """What the query marks in quote texts: the words of the text (and `words`) fields,
    as indexed, that its clauses look for (stemmed, and expanded for fuzzy, prefix and
    wildcard terms over the index's words), and its phrases as indexed."""

    # Expanded one segment at a time: over several segments Whoosh's reader finds the
    # words near a fuzzy term by reading every word of every segment (1.5 s at 85,000
    # quotes in 3 segments), a segment's own reader through its word graph (7 ms).
    segments = [leaf_reader for leaf_reader, _ in reader.leaf_readers()] or [reader]

    def looks_for(leaf: Leaf) -> Iterator[str]:
        translated = _translate(leaf, schema)
        if translated is None:
            return
        for part in translated.normalize().leaves():
            for segment in segments:
                for field, word in part.expanded_terms(segment, phrases=True):
                    if field == leaf.field:  # type: ignore[union-attr]
                        yield word.decode("utf-8") if isinstance(word, bytes) else word

    def phrase_forms(phrase: Phrase) -> list[str]:
        return [token.text for token in schema[phrase.field].tokenize(phrase.text,
                                                                      mode="query")]

    return marker(node, looks_for, phrase_forms)


def text_tokens(schema: Any, field: str, text: str) -> Iterator[Token]:
    """A quote's text as the field indexes it, for marking."""
    for token in schema[field].analyzer(text, mode="index", chars=True, positions=True):
        yield token.startchar, token.endchar, token.text, token.pos
