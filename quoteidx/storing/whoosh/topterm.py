"""Top-N collection for one term, a block of postings at a time.

Whoosh scores a match through several Python calls (next, id, weight, the field length
read from its column, the BM25 formula, the heap): about 3.5 µs a match, so a word found
in 60,000 quotes took ~200 ms however few results are shown, and block-max skipping does
not help when most matches score alike. For a query that is a single term, the matcher
is a plain posting list: this collector decodes each block's document numbers and weights
whole, reads the field lengths from the length column's bytes, and looks scores up in a
table per weight over the 256 length bytes (BM25 of a term depends on nothing else).
Results, scores and ties are exactly Whoosh's (tests/test_store_scale.py); any other
matcher takes Whoosh's own path.

It reads Whoosh internals (whoosh-reloaded 2.7.5, pinned in pyproject.toml), so every
assumption is checked and a mismatch falls back to the general path.
"""

from __future__ import annotations

from collections.abc import Sequence
from heapq import heappush, heapreplace
from itertools import accumulate
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
        score_of = leaf.scorer._score
        tables: dict[float, list[float]] = {}

        def table(weight: float) -> list[float]:
            """The score of this weight at each of the 256 length bytes, computed with
            Whoosh's own formula and its own decoding of the length byte."""
            found = tables.get(weight)
            if found is None:
                found = tables[weight] = [
                    score_of(weight, byte_to_length(byte) if byte else 1) for byte in range(256)
                ]
            return found

        items, limit, offset, total = self.items, self.limit, self.offset, 0
        while leaf.is_active():
            ids, weights = _block(leaf)
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
            if len(items) >= limit and max(scores) <= items[0][0]:
                continue  # nothing in this block makes the top
            # As Whoosh's TopCollector: ties keep the lower document number.
            for docnum, score in zip(ids, scores, strict=True):
                if len(items) < limit:
                    heappush(items, (score, -(offset + docnum)))
                elif score > items[0][0]:
                    heapreplace(items, (score, -(offset + docnum)))
        self.total += total
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
            stored = bytes(column._dbfile.get(column._basepos, column._count))
            # Documents past the column's end have the default length byte, 0.
            cache[field] = stored + bytes(max(0, reader.doc_count_all() - len(stored)))
    return cache[field]


def _block(leaf: Any) -> tuple[list[int], float | Sequence[float]]:
    """The current block's document numbers, and its weights: one number when they are
    all the same (Whoosh then stores only that), else one per document."""
    if leaf._data is None:
        leaf._read_data()
    ids, weights = leaf._data[0], leaf._data[1]
    ids = list(ids) if leaf._byteids else list(accumulate(ids))  # stored as gaps
    return ids, 1.0 if weights is None else weights
