"""All matches of a conjunctive query (terms ANDed, phrases, a speaker's name) in one
segment, with Whoosh's scores, computed over whole posting lists instead of a posting
at a time.

Whoosh matches `a AND b` and `"a b"` by moving matchers one document at a time and
checks a phrase's positions at every document holding all its words, several Python
calls each: ~1 s for `"the security situation"` at a million quotes. Here the document
lists are intersected first, rarest term first, decoding only the blocks of the common
terms that can hold a candidate (postings.py); positions are decoded only for the
candidates, without unpickling the rest of a block (blocks.py: most of a block's cost
for a word in nearly every quote, such as "the"), or looked up in what a long-running
process keeps decoded of such a word (dense.py); and the score of each match is the
sum Whoosh's matcher tree would compute, added up in the same order over the same tree
(a phrase scores as its words do: SpanNear2's matcher only decides which documents
match), so results, scores and totals are Whoosh's (tests/test_store_scale.py).

`conjunction(matcher, reader)` accepts the matcher trees Whoosh builds for these
queries (IntersectionMatcher, SpanNear2's matcher, FilterMatcher for deleted documents,
WrappingMatcher for a boost, over plain posting lists, and the lists of documents of a
person's quotes, ids.py, with their one score) and returns None for any other tree,
which then takes Whoosh's own path.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from whoosh.matching.binary import IntersectionMatcher
from whoosh.matching.mcore import ListMatcher
from whoosh.matching.wrappers import FilterMatcher, WrappingMatcher
from whoosh.query.spans import Span, SpanNear2, bisect_spans

from quoteidx.storing.whoosh import dense
from quoteidx.storing.whoosh.postings import (
    LeafPostings,
    ScoreTable,
    lengths_of,
    positions_decoder,
    read_leaf,
    scored_leaf,
)

Near = SpanNear2.SpanNear2Matcher


@dataclass
class Matches:
    ids: list[int]  # segment document numbers, ascending
    scores: list[float]


def conjunction(matcher: Any, reader: Any) -> Matches | None:
    """Every match of `matcher` in the segment `reader`, or None if the tree is not one
    this module reproduces exactly (nothing has been read from it then)."""
    leaves: list[Any] = []
    if not _supported(matcher, leaves, under_phrase=False) or not leaves:
        return None
    unique = list({id(leaf): leaf for leaf in leaves}.values())  # matchers are unhashable
    lengths = {}
    for leaf in unique:
        if _listed(leaf):
            continue
        found = lengths_of(reader, leaf._term[0])
        if found is None:
            return None
        lengths[id(leaf)] = found
    phrased = {id(leaf) for near in _nodes(matcher, Near) for leaf in _leaves(near)}

    # The candidates: documents on every list (read whole already: a person's quotes,
    # fewer than most words have), holding every term, rarest term first.
    read: dict[int, LeafPostings] = {}
    candidates: list[int] | None = None
    seen: set[Any] = set()
    for leaf in sorted(unique, key=lambda m: (0, len(m._ids)) if _listed(m) else (1, m._length)):
        if _listed(leaf):
            postings = LeafPostings(leaf._ids, [leaf._all_weights] * len(leaf._ids), None)
        else:
            try:  # the leaves are not moved on: Whoosh's path can still take them
                postings = _read(reader, leaf, lengths[id(leaf)], candidates,
                                 id(leaf) in phrased, seen)
            except ValueError:  # a block not laid out as blocks.py expects
                return None
        read[id(leaf)] = postings
        candidates = postings.ids if candidates is None else _intersect(candidates, postings.ids)
        if not candidates:
            return Matches([], [])
    assert candidates is not None
    kept = _filtered(matcher, candidates, read)
    return Matches(kept, _scores(matcher, kept, read))


def _read(reader: Any, leaf: Any, lengths: bytes, within: list[int] | None,
          values: bool, seen: set[Any]) -> LeafPostings:
    """The leaf's postings (of the documents `within`), from what dense.py keeps of a
    word in most documents if it keeps it, else from its blocks."""
    found = dense.kept(reader, leaf, seen)
    if found is None:
        return read_leaf(leaf, lengths, within=within, values=values)
    ids, scores, places = found.postings(ScoreTable(leaf), lengths, within)
    return LeafPostings(ids, scores, places, found.positions)


def _listed(m: Any) -> bool:
    """A list of documents all scored alike (ids.QuoteIds' matcher), read whole however
    far an IntersectionMatcher has moved it on."""
    return (type(m) is ListMatcher and m._scorer is None
            and isinstance(m._all_weights, float) and m._all_weights > 0)


def _leaf(m: Any) -> bool:
    return scored_leaf(m) or _listed(m)


def _supported(m: Any, leaves: list[Any], *, under_phrase: bool) -> bool:
    if _listed(m) and not under_phrase:
        leaves.append(m)
        return True
    if scored_leaf(m):
        if under_phrase and positions_decoder(m) is None:
            return False
        leaves.append(m)
        return True
    if type(m) is FilterMatcher:
        return _supported(m.child, leaves, under_phrase=under_phrase)
    if type(m) is WrappingMatcher:
        return _supported(m.child, leaves, under_phrase=under_phrase)
    if type(m) is IntersectionMatcher:
        return (_supported(m.a, leaves, under_phrase=under_phrase)
                and _supported(m.b, leaves, under_phrase=under_phrase))
    if type(m) is Near:
        # Its child is the intersection of its term matchers, the same objects as m.ms.
        inner: list[Any] = []
        if not _supported(m.child, inner, under_phrase=True):
            return False
        if [id(x) for x in _leaves(m)] != [id(x) for x in inner]:
            return False
        leaves.extend(inner)
        return True
    return False


def _nodes(m: Any, kind: type) -> Iterator[Any]:
    if type(m) is kind:
        yield m
    for child in _children(m):
        yield from _nodes(child, kind)


def _children(m: Any) -> list[Any]:
    if type(m) in (FilterMatcher, WrappingMatcher, Near):
        return [m.child]
    if type(m) is IntersectionMatcher:
        return [m.a, m.b]
    return []


def _leaves(m: Any) -> list[Any]:
    """The posting lists under a node, in the tree's order."""
    if _leaf(m):
        return [m]
    return [leaf for child in _children(m) for leaf in _leaves(child)]


def _leaf_of(m: Any) -> Any:
    """The posting list under a phrase's term matcher (filters and boosts around it)."""
    while not scored_leaf(m):
        m = m.child
    return m


def _intersect(a: list[int], b: list[int]) -> list[int]:
    if len(a) > len(b):
        a, b = b, a
    other = set(b)
    return [d for d in a if d in other]


def _filtered(m: Any, ids: list[int], read: dict[int, LeafPostings]) -> list[int]:
    """The candidates that every filter and phrase in the tree lets through."""
    if _leaf(m):  # a list's documents: the candidates are among them already
        return ids
    if type(m) is FilterMatcher:
        ids = _filtered(m.child, ids, read)
        allowed = m._ids
        return [d for d in ids if (d in allowed) != m._exclude]
    if type(m) is WrappingMatcher:
        return _filtered(m.child, ids, read)
    if type(m) is IntersectionMatcher:
        return _filtered(m.b, _filtered(m.a, ids, read), read)
    if type(m) is Near:
        ids = _filtered(m.child, ids, read)
        return _near(m, ids, read)
    raise AssertionError(f"unsupported matcher {m!r}")


def _near(m: Any, ids: list[int], read: dict[int, LeafPostings]) -> list[int]:
    """The documents where the phrase's words are where SpanNear2 wants them."""
    postings = [read[id(_leaf_of(x))] for x in m.ms]
    # Each word's positions for the documents `ids`, in their order: decoded only for
    # them (a common word's postings hold many more documents).
    columns = [list(map(p.decode, _aligned(p, ids))) for p in postings]
    exact = m.slop == 1 and m.ordered and m.mindist == 1
    check: Callable[[tuple[list[int], ...]], bool] = _consecutive if exact else (
        lambda lists: _spans_near(list(lists), m.slop, m.ordered, m.mindist))
    return [docnum for docnum, lists in zip(ids, zip(*columns, strict=True), strict=True)
            if check(lists)]


def _aligned(postings: LeafPostings, ids: list[int]) -> list[bytes]:
    """The values of the postings of the documents `ids` (all among them), in order."""
    values = postings.values
    assert values is not None
    if len(postings.ids) == len(ids):  # the same documents
        return values
    at = dict(zip(postings.ids, values, strict=True))
    return [at[d] for d in ids]


def _consecutive(lists: tuple[list[int], ...]) -> bool:
    """The words at positions p, p+1, p+2... for some p (slop 1, in order)."""
    first, later = lists[0], lists[1:]
    for p in first:
        for n, found in enumerate(later, 1):
            if p + n not in found:  # a word's positions in one quote: a short list
                break
        else:
            return True
    return False


def _spans_near(lists: list[list[int]], slop: int, ordered: bool, mindist: int) -> bool:
    """SpanNear2's rule for any slop: each next word within `slop` positions of the
    span so far (after it, if `ordered`), at least `mindist` away."""
    spans = [Span(p) for p in lists[0]]
    for positions in lists[1:]:
        following = [Span(p) for p in positions]
        joined = set()
        for a in spans:
            j = bisect_spans(following, a.start if ordered else max(0, a.start - slop))
            for b in following[j:]:
                if b.end < a.start - slop or (ordered and a.start > b.start):
                    continue
                if b.start > a.end + slop:
                    break
                if mindist <= a.distance_to(b) <= slop:
                    joined.add(a.to(b))
        spans = sorted(joined)
        if not spans:
            return False
    return True


def _scores(m: Any, ids: list[int], read: dict[int, LeafPostings]) -> list[float]:
    """Each match's score, as the matcher tree adds it up (a + b, child * boost)."""
    if _leaf(m):
        postings = read[id(m)]
        if postings.ids == ids:
            return postings.scores
        have, scores = postings.ids, postings.scores
        return [scores[bisect_left(have, d)] for d in ids]
    if type(m) is IntersectionMatcher:
        return [x + y for x, y in zip(_scores(m.a, ids, read), _scores(m.b, ids, read),
                                      strict=True)]
    # FilterMatcher, WrappingMatcher and SpanNear2's matcher: the child's, times the boost
    boost = m.boost
    return [score * boost for score in _scores(m.child, ids, read)]
