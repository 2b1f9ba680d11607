"""`QuoteIds`: a Whoosh query for exactly these quote ids (quoteidx.querying.tree.Quotes,
what a `speaker:` name meaning a person becomes).

The same matches and scores as an OR of one `Term("id", ...)` per id, without its cost:
Whoosh unions term matchers a document at a time through a tree of them (or an array
the size of the index past 1,024 clauses), 35 of 54 s of a search for a speaker with
24,697 quotes at 1.1M quotes. Here each segment's document numbers are looked up once
and handed on as one sorted list.

It reads Whoosh internals for that (whoosh-reloaded 2.7.5, pinned in pyproject.toml):
a segment's term table, checked to be the one it knows, else Whoosh's public calls.

Scores: `id` is an ID field, not scorable, so Whoosh scores a term on it by its weight,
1.0, times the term's boost; every match here scores the boost. The estimated size is
the ids' postings in the segment, as the OR's was, so that an AND holding it builds
the same matcher tree (and adds up scores in the same order) as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from whoosh import matching, query
from whoosh.codec.whoosh3 import W3TermInfo, W3TermsReader
from whoosh.reading import SegmentReader
from whoosh.system import pack_ushort

FIELD = "id"


class QuoteIds(query.Query):
    """The quotes (Whoosh documents) whose `id` is one of `ids`, live ones only."""

    def __init__(self, ids: Iterable[str], boost: float = 1.0) -> None:
        self.fieldname = FIELD
        self.ids = tuple(ids)
        self.boost = boost
        self._hash: int | None = None
        # id(reader) -> (reader, live document numbers, postings incl. deleted): found
        # once per segment, for estimate_size and matcher alike.
        self._found: dict[int, tuple[Any, list[int], int]] = {}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(<{len(self.ids)} ids>, boost={self.boost})"

    def __str__(self) -> str:
        return f"{FIELD}:(<{len(self.ids)} ids>)"

    __unicode__ = __str__

    def __eq__(self, other: object) -> bool:
        return (type(other) is type(self) and other.ids == self.ids  # type: ignore[attr-defined]
                and other.boost == self.boost)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        if self._hash is None:  # normalize() puts queries in sets: hash 24,000 ids once
            self._hash = hash((FIELD, self.ids, self.boost))
        return self._hash

    def __deepcopy__(self, memo: dict[int, Any]) -> QuoteIds:
        return QuoteIds(self.ids, self.boost)  # the ids are immutable: shared, not copied

    def with_boost(self, boost: float) -> QuoteIds:
        return QuoteIds(self.ids, boost)

    def has_terms(self) -> bool:
        return True

    def terms(self, phrases: bool = False) -> Iterator[tuple[str, str]]:
        return ((FIELD, quote_id) for quote_id in self.ids)

    def estimate_size(self, ixreader: Any) -> int:
        return min(self._lookup(ixreader)[1], ixreader.doc_count())

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        docnums, _ = self._lookup(searcher.reader())
        if not docnums:
            return matching.NullMatcher()
        if not self.boost:  # ListMatcher reads all_weights=0.0 as "not given", 1.0
            return matching.ListMatcher(docnums, weights=[0.0] * len(docnums))
        return matching.ListMatcher(docnums, all_weights=self.boost)

    def _lookup(self, reader: Any) -> tuple[list[int], int]:
        """This reader's live document numbers of the ids, ascending (within its segment
        when Whoosh asks a segment's reader, as it does for each one in turn), and how
        many postings the ids have there, deleted documents included."""
        cached = self._found.get(id(reader))
        if cached is not None and cached[0] is reader:
            return cached[1], cached[2]
        found = _segment_lookup(reader, self.ids)
        if found is None:  # not a segment of Whoosh's own format: its public calls
            found = _public_lookup(reader, self.ids)
        docnums, postings = found
        docnums.sort()
        self._found[id(reader)] = (reader, docnums, postings)
        return docnums, postings


def _public_lookup(reader: Any, ids: tuple[str, ...]) -> tuple[list[int], int]:
    docnums: list[int] = []
    postings = 0
    if FIELD not in reader.schema:
        return docnums, postings
    for quote_id in ids:
        frequency = reader.doc_frequency(FIELD, quote_id)  # 0 when not here
        if frequency:
            postings += frequency
            # Whoosh's postings leave out the segment's deleted documents.
            docnums.extend(reader.postings(FIELD, quote_id).all_ids())
    return docnums, postings


def _segment_lookup(reader: Any, ids: tuple[str, ...]) -> tuple[list[int], int] | None:
    """`_public_lookup` for a segment of Whoosh's own format, one look-up in its term
    table an id: a quote id is on one document of a segment, whose number the term's
    entry holds (W3TermInfo: its lowest and highest document numbers); the rare id on
    more is read through its postings. Public calls cost three look-ups (is it there,
    how many, the postings): 65 ms for 3,000 ids in a segment, against 25. None for
    another reader."""
    terms = getattr(reader, "_terms", None)
    if type(reader) is not SegmentReader or type(terms) is not W3TermsReader:
        return None
    docnums: list[int] = []
    postings = 0
    number = terms._fieldmap.get(FIELD)
    if number is None or FIELD not in reader.schema:
        return docnums, postings
    prefix, to_bytes = pack_ushort(number), reader.schema[FIELD].to_bytes
    table, data = terms._tindex, terms._dbfile
    entry = W3TermInfo._struct
    deleted = reader.deleted_docs_set if reader.has_deletions() else frozenset()
    for quote_id in ids:
        at = next(table.ranges_for_key(prefix + to_bytes(quote_id)), None)
        if at is None:
            continue
        _, _, frequency, _, _, _, lowest, _ = entry.unpack(data.get(at[0], entry.size))
        postings += frequency
        if frequency != 1:
            docnums.extend(reader.postings(FIELD, quote_id).all_ids())
        elif lowest not in deleted:
            docnums.append(lowest)
    return docnums, postings
