"""Which words of a quote a query marks, the same for every backend: the words of the
quote's text, as indexed, that a clause on the text looks for, outside any NOT (a word
the query excludes is never marked). The backend supplies its own analysis of the text
and what each clause looks for (a fuzzy or prefix clause: the indexed words it reaches),
so that marks agree with what matched; only the quotes shown are analysed."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from quoteidx.querying.fields import DEFAULT_FIELD
from quoteidx.querying.tree import Leaf, Node, leaves

Span = tuple[int, int]
# (start, end, form): a word of a text, where it is and the form it was indexed as.
Token = tuple[int, int, str]


def text_clauses(node: Node) -> list[Leaf]:
    """The clauses of the query that can mark words in a quote's text."""
    return [leaf for leaf in leaves(node) if getattr(leaf, "field", None) == DEFAULT_FIELD]


def marked_words(node: Node, looks_for: Callable[[Leaf], Iterable[str]]) -> set[str]:
    """The indexed forms the query's text clauses look for."""
    return {word for leaf in text_clauses(node) for word in looks_for(leaf)}


def spans(tokens: Iterable[Token], words: set[str]) -> tuple[Span, ...]:
    """Where the words of `words` are among a text's tokens, in text order."""
    if not words:
        return ()
    return tuple(sorted({(start, end) for start, end, form in tokens if form in words}))
