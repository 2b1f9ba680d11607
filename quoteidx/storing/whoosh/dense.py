"""The postings of a segment's densest words ("the", "of") kept decoded, for the queries
after the one that first needed them.

A phrase holding "the" checks its positions in every quote that holds the phrase's
rarer words: at a million quotes, ~24,000 of them spread over nearly every one of the
~5,900 blocks of "the", each to decompress and cut apart (blocks.py), ~300 ms. Kept as
arrays (document numbers, weights, positions, and where each document's posting is),
the same check is a look-up per candidate. Kept only

- for a word in at least SHARE of a segment's documents and at least LEAST of them
  (anything rarer is read quickly from its blocks);
- from the second query in a process that reads it: a one-off search (a fresh
  `quoteidx search`) pays nothing, a server or script keeps what it uses;
- up to a budget of bytes per segment (a posting takes about 20, and the word 4 per
  document of the segment for the look-up of a candidate), the least recently used word
  dropped first.

Segments never change once written (deleted quotes are filtered out by the query, not
in the postings), so what is kept stays exact for as long as the segment's reader is
open. Scores are computed per query from the kept weights with the query's own scorer.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import accumulate, chain, islice
from typing import Any

from whoosh.formats import Positions

from quoteidx.storing.whoosh.blocks import decode, piece_positions, walk

SHARE = 0.05
LEAST = 20_000
BUDGET_PER_DOCUMENT = 48  # bytes kept per document of the segment (at most)
BUDGET_MOST = 64 << 20  # and per segment


class Dense:
    """A term's postings in one segment, decoded: the posting of document d is
    at = index[d] (-1: none), its weight weights[at], its positions
    positions_[starts[at]:starts[at + 1]]."""

    __slots__ = ("ids", "index", "weights", "starts", "positions_", "size")

    def __init__(self, leaf: Any, documents: int) -> None:
        ids, weights = array("i"), []
        starts, positions = array("i", [0]), array("i")
        for block in walk(leaf):
            got, weight, pieces = decode(leaf, block, values=True)
            ids.extend(got)
            weights.extend(weight if isinstance(weight, Sequence) else [weight] * len(got))
            decoded = list(map(piece_positions, pieces))  # type: ignore[arg-type]
            positions.extend(chain.from_iterable(decoded))
            starts.extend(islice(accumulate(map(len, decoded), initial=starts[-1]), 1, None))
        index = array("i", [-1]) * documents
        for at, docnum in enumerate(ids):
            index[docnum] = at
        narrow = array("f", weights)  # term frequencies: exact in 4 bytes, nearly always
        self.weights = narrow if narrow.tolist() == weights else array("d", weights)
        self.ids, self.index, self.starts, self.positions_ = ids, index, starts, positions
        self.size = sum(len(a) * a.itemsize for a in (ids, index, self.weights, starts,
                                                       positions))

    def postings(self, table: Any, lengths: bytes, within: list[int] | None
                 ) -> tuple[list[int], list[float], list[int]]:
        """(ids, scores, values) of the postings, only of the documents in the sorted
        list `within` if given; a value is the posting's place, for `positions`."""
        ids, weights = self.ids, self.weights
        if within is None:
            picks = list(range(len(ids)))
            out_ids = ids.tolist()
        else:
            index = self.index
            picks = [at for at in map(index.__getitem__, within) if at >= 0]
            out_ids = list(map(ids.__getitem__, picks))
        rows: dict[float, list[float]] = {}
        for weight in set(map(weights.__getitem__, picks)):  # a few term frequencies
            rows[weight] = table(weight)
        scores = [rows[weight][lengths[docnum]] for weight, docnum
                  in zip(map(weights.__getitem__, picks), out_ids, strict=True)]
        return out_ids, scores, picks

    def positions(self, at: int) -> Sequence[int]:
        return self.positions_[self.starts[at]:self.starts[at + 1]]


def kept(reader: Any, leaf: Any, seen: set[Any]) -> Dense | None:
    """The term of `leaf` decoded, if it is dense in this segment and was read by an
    earlier query (`seen`: the terms this query has asked for already, so that a word
    twice in one query counts once)."""
    if type(leaf.format) is not Positions:
        return None
    key = leaf._term
    state = reader.__dict__.setdefault("_quoteidx_dense", ({}, {}))
    dense, uses = state
    found = dense.get(key)
    if found is not None:
        dense[key] = dense.pop(key)  # the most recently used last
        return found
    if key in seen:
        return None
    seen.add(key)
    documents = reader.doc_count_all()
    frequency = reader.doc_frequency(*key)
    if frequency < max(LEAST, SHARE * documents):
        return None
    uses[key] = uses.get(key, 0) + 1
    budget = min(BUDGET_MOST, BUDGET_PER_DOCUMENT * documents)
    if uses[key] < 2 or 4 * documents + 16 * frequency > budget:  # (the least it takes)
        return None
    found = Dense(leaf, documents)
    if found.size > budget:
        uses[key] = -(1 << 30)  # never again in this segment
        return None
    total = sum(d.size for d in dense.values()) + found.size
    while dense and total > budget:  # the least recently used first
        total -= dense.pop(next(iter(dense))).size
    dense[key] = found
    return found
