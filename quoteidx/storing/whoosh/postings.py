"""A term's postings read a block at a time, the way Whoosh's own matcher reads them
but without its per-posting Python calls: each block's document numbers and weights
decoded whole, (for phrases) its position values cut apart but decoded only for the
documents a phrase checks (blocks.py), and only the blocks that can hold a wanted
document. Scores are looked up in a table per weight over the 256 length bytes,
computed with the term's own Whoosh scorer, so they are exactly Whoosh's.

It reads Whoosh internals (whoosh-reloaded 2.7.5, pinned in pyproject.toml); callers
check `scored_leaf` first and take Whoosh's own path for anything else.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.formats import Positions
from whoosh.scoring import WeightLengthScorer
from whoosh.util.numeric import byte_to_length

from quoteidx.storing.whoosh.blocks import Block, decode, piece_positions, walk


def scored_leaf(matcher: Any) -> bool:
    """Is this a plain posting list, scored by weight and length, not yet moved on by
    anything but Whoosh's own set-up?"""
    return (type(matcher) is W3LeafMatcher and isinstance(matcher.scorer, WeightLengthScorer)
            and bool(getattr(matcher, "_term", None)))


def lengths_of(reader: Any, field: str) -> bytes | None:
    """The field's length byte of every document of this segment, as one bytes object
    (kept on the reader: it is read once per open segment)."""
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


class ScoreTable:
    """The score of a term's posting by weight and length byte, with Whoosh's formula
    and its decoding of the length byte."""

    def __init__(self, leaf: Any) -> None:
        self._score = leaf.scorer._score
        self._tables: dict[float, list[float]] = {}

    def __call__(self, weight: float) -> list[float]:
        found = self._tables.get(weight)
        if found is None:
            found = self._tables[weight] = [
                self._score(weight, byte_to_length(byte) if byte else 1) for byte in range(256)
            ]
        return found


def block(leaf: Any) -> tuple[list[int], float | Sequence[float]]:
    """The current block's document numbers, and its weights: one number when they are
    all the same (Whoosh then stores only that), else one per document. Only the head
    of the block is decoded (blocks.py), not its values."""
    if leaf._data is not None:  # decoded whole already
        ids, weights = leaf._data[0], leaf._data[1]
        ids = list(ids) if leaf._byteids else list(accumulate(ids))  # stored as gaps
        return ids, 1.0 if weights is None else weights
    here = Block(leaf._blocklength, leaf._maxid, leaf._compression, leaf._dataoffset,
                 leaf._nextoffset)
    ids, weights, _ = decode(leaf, here, values=False)
    return ids, weights


@dataclass
class LeafPostings:
    """A term's postings in one segment, in document order: document numbers, scores and,
    when asked for, the encoded positions."""

    ids: list[int]
    scores: list[float]
    values: list[Any] | None
    decode: Callable[[Any], Sequence[int]] = piece_positions  # a value -> its positions


def read_leaf(leaf: Any, lengths: bytes, *, within: list[int] | None = None,
              deleted: Any = None, values: bool = False) -> LeafPostings:
    """The postings of `leaf` (from its first block, which it is not moved to), only for
    the documents in the sorted list `within` if given (blocks holding none of them are
    not decoded), without the `deleted` ones. With `values`, each posting's positions as
    a piece for `piece_positions` (only the kept postings' are ever decoded)."""
    table = ScoreTable(leaf)
    ids_out: list[int] = []
    scores_out: list[float] = []
    values_out: list[bytes] | None = [] if values else None
    below = -1  # every document of the current block is above this number
    for here in walk(leaf):
        top = here.last_id
        if within is not None:
            first = bisect_right(within, below)
            if first == len(within):
                break  # no wanted document left
            if within[first] > top:  # none in this block
                below = top
                continue
        ids, weights, vs = decode(leaf, here, values=values)
        below = top
        single = not isinstance(weights, Sequence)
        by_length = table(weights) if single else None
        if within is None and not deleted:  # the whole block: no per-posting choices
            ids_out.extend(ids)
            if by_length is not None:
                scores_out.extend([by_length[lengths[d]] for d in ids])
            else:
                scores_out.extend([table(w)[lengths[d]] for d, w in zip(ids, weights, strict=True)])  # type: ignore[arg-type]
            if values_out is not None:
                values_out.extend(vs)  # type: ignore[arg-type]
            continue
        if within is None:
            picks: Any = range(len(ids))
        else:
            last = bisect_right(within, top, first)
            picks = []
            for wanted in within[first:last]:
                at = bisect_left(ids, wanted)
                if at < len(ids) and ids[at] == wanted:
                    picks.append(at)
        for at in picks:
            docnum = ids[at]
            if deleted and docnum in deleted:
                continue
            ids_out.append(docnum)
            row = by_length if by_length is not None else table(weights[at])  # type: ignore[index]
            scores_out.append(row[lengths[docnum]])
            if values_out is not None:
                values_out.append(vs[at])  # type: ignore[index]
    return LeafPostings(ids_out, scores_out, values_out)


def positions_decoder(leaf: Any) -> Any:
    """piece -> the term's positions in that document, or None for a format whose
    values are not plain positions."""
    if type(leaf.format) is not Positions:
        return None
    return piece_positions
