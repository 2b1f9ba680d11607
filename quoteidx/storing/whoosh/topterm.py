"""Top-N collection a block of postings at a time: for one term, and (through
conjunction.py) for terms ANDed, phrases, speakers' names and a person's quotes.

Whoosh scores a match through several Python calls (next, id, weight, the field length
read from its column, the BM25 formula, the heap): about 3.5 µs a match, so a word found
in 60,000 quotes took ~200 ms however few results are shown, and block-max skipping does
not help when most matches score alike. For a query that is a single term, the matcher
is a plain posting list: this collector decodes each block's document numbers and weights
whole, reads the field lengths from the length column's bytes, and looks scores up in a
table per weight over the 256 length bytes (BM25 of a term depends on nothing else). A
conjunction's matches and scores come whole from conjunction.py. Results, scores and
ties are exactly Whoosh's (tests/test_store_scale.py); any other matcher takes Whoosh's
own path.

It reads Whoosh internals (whoosh-reloaded 2.7.5, pinned in pyproject.toml), so every
assumption is checked and a mismatch falls back to the general path.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from heapq import heappush, heapreplace
from typing import Any

from whoosh.collectors import TopCollector
from whoosh.matching.wrappers import FilterMatcher

from quoteidx.storing.whoosh.conjunction import conjunction
from quoteidx.storing.whoosh.postings import ScoreTable, block, lengths_of, scored_leaf


class TermTopCollector(TopCollector):
    """TopCollector with a fast path for posting lists and conjunctions of them. Every
    match is scored and counted (no block skipping: with BM25 most blocks hold a
    near-best score anyway, and skipping would need a second pass to count the
    matches)."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit=limit, usequality=False)

    def collect_matches(self) -> None:
        if self.final_fn is not None:
            super().collect_matches()
            return
        leaf, deleted = _posting_list(self.matcher)
        reader = self.subsearcher.reader()
        lengths = None if leaf is None else lengths_of(reader, leaf._term[0])
        if leaf is not None and lengths is not None:
            self._collect_term(leaf, deleted, lengths)
            return
        found = conjunction(self.matcher, reader)
        if found is None:
            super().collect_matches()
            return
        self.total += len(found.ids)
        self._keep(found.ids, found.scores)

    def _collect_term(self, leaf: Any, deleted: Any, lengths: bytes) -> None:
        table = ScoreTable(leaf)
        total = 0
        while leaf.is_active():
            ids, weights = block(leaf)
            leaf._next_block()
            if deleted:
                if not isinstance(weights, Sequence):
                    weights = [weights] * len(ids)
                kept = [(d, w) for d, w in zip(ids, weights, strict=True) if d not in deleted]
                ids, weights = [d for d, _ in kept], [w for _, w in kept]
                if not ids:
                    continue
            if not isinstance(weights, Sequence):  # usual: every match says the word once
                by_length = table(weights)
                scores = [by_length[lengths[d]] for d in ids]
            else:
                scores = [table(w)[lengths[d]] for d, w in zip(ids, weights, strict=True)]
            total += len(ids)
            self._keep(ids, scores)
        self.total += total

    def _keep(self, ids: Iterable[int], scores: list[float]) -> None:
        """Into the heap as Whoosh's TopCollector puts them: ties keep the lower
        document number."""
        items, limit, offset = self.items, self.limit, self.offset
        if not scores or (len(items) >= limit and max(scores) <= items[0][0]):
            return  # nothing here makes the top
        for docnum, score in zip(ids, scores, strict=True):
            if len(items) < limit:
                heappush(items, (score, -(offset + docnum)))
            elif score > items[0][0]:
                heapreplace(items, (score, -(offset + docnum)))
        if len(items) >= limit:
            self.minscore = items[0][0]


def _posting_list(matcher: Any) -> tuple[Any, frozenset[int] | set[int] | None]:
    """The posting-list matcher under `matcher`, untouched yet, and the deleted
    documents it skips."""
    deleted = None
    if type(matcher) is FilterMatcher and getattr(matcher, "_exclude", False):
        deleted, matcher = matcher._ids, matcher.child
    if scored_leaf(matcher) and matcher._i == 0 and not matcher._atend:
        return matcher, deleted
    return None, None
