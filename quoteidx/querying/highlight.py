"""Which words of a quote a query marks, the same for every backend: the words of the
quote's text, as indexed, that a clause on the text (or on `words`, its exact wording)
looks for, outside any NOT (a word the query excludes is never marked); a phrase marks
only where its words stand together, as one span, never each of its words wherever it
is ("the" and "of" of `"pawns of the Pakistanis"` elsewhere stay plain). The backend
supplies its own analysis of the text and what each clause looks for (a fuzzy or prefix
clause: the indexed words it reaches), so that marks agree with what matched; only the
quotes shown are analysed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from quoteidx.querying.fields import TEXT_FIELDS
from quoteidx.querying.tree import Leaf, Node, Phrase, leaves

Span = tuple[int, int]
# (start, end, form, position): a word of a text, where it is, the form it was indexed
# as, and its word position (two forms of one word, "Pakistanis" and "pakistan", share
# a position).
Token = tuple[int, int, str, int]


def text_clauses(node: Node) -> list[Leaf]:
    """The clauses of the query that can mark words in a quote's text."""
    return [leaf for leaf in leaves(node) if getattr(leaf, "field", None) in TEXT_FIELDS]


@dataclass
class Marker:
    """What a query marks in quote texts: single words by field, and phrases (their
    forms in order, and their slop) by field."""

    words: dict[str, set[str]] = field(default_factory=dict)
    phrases: dict[str, list[tuple[tuple[str, ...], int]]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(self.words.values()) or any(self.phrases.values())

    def fields(self) -> set[str]:
        return {name for name, words in self.words.items() if words} | {
            name for name, phrases in self.phrases.items() if phrases}

    def spans(self, tokens_of: Callable[[str], Iterable[Token]]) -> tuple[Span, ...]:
        """Where the marked words and phrases are in a text, given its tokens as each
        field analyses it; overlapping marks joined, in text order."""
        found: list[Span] = []
        for name in self.fields():
            tokens = list(tokens_of(name))
            words = self.words.get(name, set())
            found += [(start, end) for start, end, form, _ in tokens if form in words]
            for forms, slop in self.phrases.get(name, []):
                found += _phrase_spans(tokens, forms, slop)
        return _joined(found)


def marker(node: Node, looks_for: Callable[[Leaf], Iterable[str]],
           phrase_forms: Callable[[Phrase], Iterable[str]]) -> Marker:
    """The marks of a query: `looks_for(leaf)` the indexed forms a clause reaches,
    `phrase_forms(phrase)` a phrase's words as indexed, in order."""
    found = Marker()
    for leaf in text_clauses(node):
        name = leaf.field  # type: ignore[union-attr]
        if isinstance(leaf, Phrase):
            forms = tuple(phrase_forms(leaf))
            if len(forms) > 1:
                found.phrases.setdefault(name, []).append((forms, leaf.slop))
                continue
            found.words.setdefault(name, set()).update(forms)
            continue
        found.words.setdefault(name, set()).update(looks_for(leaf))
    return found


def _phrase_spans(tokens: list[Token], forms: tuple[str, ...], slop: int) -> list[Span]:
    """Each place the forms stand in order, each within `slop` words of the one before
    (1: next to it), from the first word's start to the last one's end."""
    at: dict[int, list[Token]] = {}
    for token in tokens:
        at.setdefault(token[3], []).append(token)
    found = []
    for first in tokens:
        if first[2] != forms[0]:
            continue
        position, end = first[3], first[1]
        for form in forms[1:]:
            step = next((p for p in range(position + 1, position + 1 + max(slop, 1))
                         if any(token[2] == form for token in at.get(p, ()))), None)
            if step is None:
                break
            position = step
            end = max(token[1] for token in at[step] if token[2] == form)
        else:
            found.append((first[0], end))
    return found


def _joined(spans: Iterable[Span]) -> tuple[Span, ...]:
    out: list[Span] = []
    for start, end in sorted(set(spans)):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return tuple(out)
