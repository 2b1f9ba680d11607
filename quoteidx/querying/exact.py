"""Exact wording, the same for every backend: a query's clauses on the quote text turned
into clauses on `words` (the words as written: lower-cased, never stemmed, accents and
nationality words as they are), and a check of the words' case on the text as written,
for case-sensitive searches (the index folds case; the check runs on what it found)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from quoteidx.querying.fields import DEFAULT_FIELD, EXACT_FIELD
from quoteidx.querying.tree import And, Fuzzy, Node, Not, Or, Phrase, Prefix, Term, Wildcard

_WORD = re.compile(r"\w+")


def as_exact(node: Node) -> Node:
    """The query with every clause on the quote text (`text:`, or no field) on `words`."""
    if isinstance(node, And | Or):
        return replace(node, children=tuple(as_exact(child) for child in node.children))
    if isinstance(node, Not):
        return Not(as_exact(node.child))
    if getattr(node, "field", None) == DEFAULT_FIELD:
        return replace(node, field=EXACT_FIELD)  # type: ignore[type-var]
    return node


def case_matcher(node: Node) -> Callable[[str], bool]:
    """A test of a quote's text as written: do the words its clauses on the text (or
    `words`) look for appear there in the case the query gives them? Clauses on other
    fields, fuzzy terms and NOT pass: the index has already decided those."""
    test = _matcher(node)
    return test


def _matcher(node: Node) -> Callable[[str], bool]:
    if isinstance(node, And):
        parts = [_matcher(child) for child in node.children]
        return lambda text: all(part(text) for part in parts)
    if isinstance(node, Or):
        parts = [_matcher(child) for child in node.children]
        return lambda text: any(part(text) for part in parts)
    pattern = _pattern(node)
    if pattern is None:
        return lambda text: True
    compiled = re.compile(pattern)
    return lambda text: compiled.search(text) is not None


def _pattern(node: Node) -> str | None:
    if isinstance(node, Not | Fuzzy) or getattr(node, "field", None) not in (
            DEFAULT_FIELD, EXACT_FIELD):
        return None
    if isinstance(node, Term | Phrase):
        words = _WORD.findall(node.text)
        if not words:
            return None
        slop = node.slop if isinstance(node, Phrase) else 1
        gap = r"\W+" if slop <= 1 else rf"\W+(?:\w+\W+){{0,{slop - 1}}}"
        return r"(?<!\w)" + gap.join(map(re.escape, words)) + r"(?!\w)"
    if isinstance(node, Prefix):
        return r"(?<!\w)" + re.escape(node.text) + r"\w*"
    if isinstance(node, Wildcard):
        body = "".join(r"\w*" if ch == "*" else r"\w" if ch == "?" else re.escape(ch)
                       for ch in node.pattern)
        return r"(?<!\w)" + body + r"(?!\w)"
    return None
