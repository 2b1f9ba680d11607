"""Top-N collection for one term, a block of postings at a time.

Whoosh scores a match through several Python calls (next, id, weight, the field length
read from its column, the BM25 formula, the heap): about 3.5 µs a match, so a word found
in 60,000 quotes took ~200 ms however few results are shown, and block-max skipping does
not help when most matches score alike. For a query that is a single term, the matcher
is a plain posting list: this collector reads each block's ids and weights whole, takes
the field lengths from the length column's bytes, and memoises the BM25 score by
(weight, length byte), which has few distinct values. Results and scores are exactly
Whoosh's (see tests/test_storing.py); any other matcher takes Whoosh's own path.

It reads Whoosh internals (whoosh-reloaded 2.7.5, pinned in pyproject.toml), so every
assumption is checked and a mismatch falls back to the general path.
"""

from __future__ import annotations

from heapq import heappush, heappushpop
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.collectors import TopCollector
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import WeightLengthScorer
from whoosh.util.numeric import byte_to_length


class TermTopCollector(TopCollector):
    """TopCollector with a fast path for posting-list matchers. Every match is scored and
    counted (no block skipping: with BM25 most blocks hold a near-best score anyway, and
    skipping would need a second pass to count the matches)."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit=limit, usequality=False)

    def collect_matches(self) -> None:
        leaf, deleted = _posting_list(self.matcher)
        lengths = None if leaf is None else _lengths(self.subsearcher.reader(), leaf)
        if leaf is None or lengths is None or self.final_fn is not None:
            super().collect_matches()
            return
        scorer = leaf.scorer
        score_of = scorer._score
        scores: dict[tuple[float, int], float] = {}
        items, limit, offset = self.items, self.limit, self.offset
        while leaf.is_active():
            ids, weights = _block(leaf)
            for docnum, weight in zip(ids, weights, strict=True):
                if deleted and docnum in deleted:
                    continue
                self.total += 1
                byte = lengths[docnum] if docnum < len(lengths) else 0
                key = (weight, byte)
                score = scores.get(key)
                if score is None:
                    # Whoosh's own formula, with the length as its column decodes it.
                    score = scores[key] = score_of(weight, byte_to_length(byte) if byte else 1)
                entry = (score, -(offset + docnum))
                if len(items) < limit:
                    heappush(items, entry)
                elif entry > items[0]:
                    heappushpop(items, entry)
            leaf._next_block()
        if len(items) >= limit:
            self.minscore = items[0][0]


def _posting_list(matcher: Any) -> tuple[Any, frozenset[int] | set[int] | None]:
    """The posting-list matcher under `matcher`, and the deleted documents it skips."""
    deleted = None
    if isinstance(matcher, FilterMatcher) and getattr(matcher, "_exclude", False):
        deleted, matcher = matcher._ids, matcher.child
    if (type(matcher) is W3LeafMatcher and isinstance(matcher.scorer, WeightLengthScorer)
            and matcher._i == 0 and not matcher._atend):
        return matcher, deleted
    return None, None


def _lengths(reader: Any, leaf: Any) -> bytes | None:
    """The field's length byte of every document of this segment, as one bytes object."""
    term = getattr(leaf, "_term", None)
    if not term:
        return None
    field = term[0]
    cache = reader.__dict__.setdefault("_quoteidx_lengths", {})
    if field not in cache:
        perdoc = getattr(reader, "_perdoc", None)
        column = perdoc and perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)
        if column is None or column._fixedlen != 1:
            cache[field] = None
        else:
            cache[field] = bytes(column._dbfile.get(column._basepos, column._count))
    return cache[field]


def _block(leaf: Any) -> tuple[Any, Any]:
    if leaf._ids is None:
        leaf._read_ids()
    if leaf._weights is None:
        leaf._read_weights()
    return leaf._ids, leaf._weights
