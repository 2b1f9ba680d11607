"""Whoosh's posting blocks decoded in parts: the document numbers and weights without
the positions, and the positions of one document without those of the others.

A block (whoosh3.W3PostingsWriter._write_block) is a zlib-compressed protocol-2 pickle
of (id gaps, weights, values). The values come last, and pickle rebuilds each one (a
Positions value is bytes) through a `_codecs.encode` call: ~90 µs of a block's ~110
against ~4 µs for the gaps and weights. So here:

- the gaps and weights are unpickled from the block's head alone (cut where the ids'
  and weights' tuples end), and for a block whose positions are not needed only that
  head is decompressed;
- the values are not unpickled: every Positions value is its own pickle of a list,
  beginning with the same bytes (MARK below, as the outer pickle writes them), so the
  block splits at MARK into one piece per document, and a piece is decoded only for a
  document that a phrase has to check.

Each cut is checked (the gaps add up to the block's last id, there are as many of them,
of the weights and of the pieces as the block holds postings); a block that does not
check out is decoded whole as Whoosh decodes it. It reads Whoosh internals
(whoosh-reloaded 2.7.5, pinned in pyproject.toml).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from itertools import accumulate
from pickle import dumps, loads
from typing import Any

from whoosh.system import unpack_int

# A Positions value is pack_uint(n) + pickle.dumps(deltas, 2); pickled in the block (as a
# str of latin-1 characters, written as UTF-8) its list starts with these bytes, which
# nothing else in a block can hold (see split_values).
MARK = b"\xc2\x80\x02]q\x00"
_LIST = b"\x80\x02]q\x00"  # the same, as the value's own bytes
_HEAD_MAX = 14  # bytes a posting can take in the head: an id (J + 4) and a weight (G + 8)


class Block:
    """One block's place in the postings file and what its header says."""

    __slots__ = ("count", "last_id", "compression", "start", "end")

    def __init__(self, count: int, last_id: int, compression: int, start: int,
                 end: int) -> None:
        self.count, self.last_id, self.compression = count, last_id, compression
        self.start, self.end = start, end  # the pickled (maybe compressed) data


def walk(leaf: Any) -> Iterator[Block]:
    """The blocks of a posting-list matcher from its first, read from the file as
    W3LeafMatcher._goto reads them, without moving the matcher."""
    get = leaf._postfile.get
    position = leaf._baseoffset
    while True:
        length = unpack_int(get(position, 4))[0]
        last = length < 0
        length = -length if last else length
        head = get(position + 4, 64)
        info = loads(head)  # stops at the pickle's end
        written = dumps(info, 2)  # as _write_block wrote it: its length is the offset
        if not head.startswith(written):
            raise ValueError("unexpected posting block header")
        yield Block(info[0], info[1], info[3], position + 4 + len(written),
                    position + 4 + length)
        if last:
            return
        position += 4 + length


def decode(leaf: Any, block: Block, *, values: bool
           ) -> tuple[list[int], float | Sequence[float], list[bytes] | None]:
    """The block's document numbers, weights (one number when all are the same, as in
    postings.block) and, if `values`, one piece per document for `piece_positions`."""
    raw = leaf._postfile.get(block.start, block.end - block.start)
    count = block.count
    if block.compression and not values:  # only as much as the head can take
        data = zlib.decompressobj().decompress(raw, _HEAD_MAX * count + 16)
    else:
        data = zlib.decompress(raw) if block.compression else raw
    head = None if leaf._byteids else _head(data, count, block.last_id)
    if head is None and block.compression and not values:
        data = zlib.decompress(raw)
    if head is None:  # as Whoosh decodes it
        gaps, weights, vs = loads(data)
        ids = list(gaps) if leaf._byteids else list(accumulate(gaps))
        return ids, _weights(weights), _pieces(vs) if values else None
    gaps, weights, cut = head
    pieces = None
    if values:
        pieces = split_values(data, cut, count)
        if pieces is None:  # values shared by postings (a name's) are pickled once
            pieces = _pieces(loads(data)[2])
    return list(accumulate(gaps)), _weights(weights), pieces


def _weights(weights: Any) -> float | Sequence[float]:
    return 1.0 if weights is None else weights


def _head(data: bytes, count: int, last_id: int) -> tuple[Any, Any, int] | None:
    """(id gaps, weights, where the values begin), unpickled from the head alone, or
    None if the block is not laid out as expected."""
    if count <= 3 or not data.startswith(b"\x80\x02("):  # short tuples have no MARK
        return None
    cut = data.find(b"tq\x00", 3) + 3  # the ids' tuple ends and is memoised first
    if cut == 2:
        return None
    kind = data[cut:cut + 1]
    if kind == b"N":  # every weight 1
        end = cut + 1
    elif kind == b"G":  # every weight the same
        end = cut + 9
    elif kind == b"(":
        end = data.find(b"tq\x01", cut) + 3
        if end == 2:
            return None
    else:
        return None
    if end > len(data):
        return None
    try:
        gaps, weights = loads(data[:end] + b"\x86.")  # the pair, then stop
    except Exception:  # a cut inside a number: not what it looked like
        return None
    if (type(gaps) is not tuple or len(gaps) != count or sum(gaps) != last_id
            or (type(weights) is tuple and len(weights) != count)):
        return None
    return gaps, weights, end


def split_values(data: bytes, cut: int, count: int) -> list[bytes] | None:
    """The values' part of a block cut into one piece per document, or None.

    MARK cannot occur anywhere else in a block: in a value's list the byte after 0x80
    (a number, or its high byte) is an opcode or part of a number that ends before an
    opcode, never `]` followed by `q`, and ids and weights come before `cut`."""
    pieces = data[cut:].split(MARK)
    if len(pieces) != count + 1:
        return None
    del pieces[0]
    return pieces


def _pieces(values: Sequence[bytes]) -> list[bytes]:
    """Whoosh's values (of a block decoded whole) as split_values would cut them, each
    distinct one converted once."""
    converted = {}
    for value in set(values):
        if value[4:9] != _LIST:
            raise ValueError("not a Positions value")
        converted[value] = value[9:].decode("latin-1").encode("utf-8")
    return [converted[value] for value in values]


def piece_positions(piece: bytes) -> list[int]:
    """A document's positions from its piece, as Positions.decode_positions gives them."""
    if piece[0] == 75 and piece[1] < 128 and piece[2] == 97 and piece[3] == 46:
        return [piece[1]]  # one position below 128: K n, append, stop
    if piece[0] == 40:  # several: mark, K n for each (if all below 128), appends, stop
        out, at, position = [], 1, 0
        while piece[at] == 75 and piece[at + 1] < 128:
            position += piece[at + 1]
            out.append(position)
            at += 2
        if piece[at] == 101 and piece[at + 1] == 46:
            return out
    # The rest of the value's characters (the bytes after them, of the next posting, are
    # not valid as latin-1 or past the list's STOP: dropped or never read).
    chars = piece.decode("utf-8", "ignore").encode("latin-1", "ignore")
    return list(accumulate(loads(_LIST + chars)))
