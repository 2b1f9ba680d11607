"""The Whoosh index's fields and their analysis, and how a quote and its document
become Whoosh documents.

One Whoosh document per quote, plus one small "doc" record per source document holding
its content hash and its metadata. Source metadata is stored once per document, not per
quote, because opening and reading an index grows with what it stores; quotes point at
their document through the `doc` field. The fields a query names are those of
`quoteidx.querying.fields`, analysed as their kind says there.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import asdict
from datetime import datetime
from typing import Any

from whoosh import columns, fields
from whoosh.analysis import (
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    Token,
)
from whoosh.support.charset import accent_map

from quoteidx.querying import QueryError, date_bounds, fold_name
from quoteidx.querying.fields import field_values
from quoteidx.record import Quote
from quoteidx.storing.base import DocumentInfo
from quoteidx.storing.demonyms import place_for

# Bump when the schema or the analysis changes: older indexes must then be rebuilt.
SCHEMA_VERSION = 4
RECORD_FIELDS = {"rtype", "doc", "doc_key"}  # the fields a document's record has


class DemonymFilter(Filter):
    """At indexing time, after a nationality word ("Pakistanis") also emit the place it
    names ("pakistan") at the same position, so phrase queries still line up. At query
    time words pass unchanged, so "Pakistani" still finds only that word."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            place = place_for(token.text) if token.mode == "index" else None
            yield token
            if place is not None:
                # Whoosh reuses one Token object; later filters (the stemmer) have already
                # consumed the yielded one, so changing it now is safe.
                token.text = place
                yield token


def words_analyzer() -> Any:
    """Quote text and other prose. Lower-cased and accent-folded ("Zürich" = "zurich"),
    nationality words also indexed as their place, then Porter-stemmed so that "fight"
    finds "fighting" and "fights". Porter rather than Snowball: Whoosh measures it several
    times faster and it is the classic choice. No stop list: fact-checkers search exact
    wording ("to be or not to be"), and BM25 already gives common words little weight."""
    return (
        RegexTokenizer()
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | DemonymFilter()
        | StemFilter()
    )


def exact_analyzer() -> Any:
    """The words as written (search -F, `words:`): lower-cased only, so "fight" never
    finds "fighting" and "Zürich" is not "zurich"; case is checked on the stored text."""
    return RegexTokenizer() | LowercaseFilter()


def names_analyzer() -> Any:
    """Names: every part searchable, case- and accent-insensitive, never stemmed
    ("Khan" must not match "Khans")."""
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)


def build_schema() -> fields.Schema:
    """The query fields as their kind in quoteidx.querying.fields says (words: the words
    analyser; names: the names analyser; keyword: ID; date: DATETIME), and the fields
    the index needs for itself."""
    words = words_analyzer()
    names = names_analyzer()
    schema = fields.Schema(
        rtype=fields.ID,  # "quote" or "doc"
        doc=fields.ID(stored=True),  # the document's key, on its quotes and on its record
        doc_key=fields.ID,  # the same key on the record only, to fetch records in one query
        doc_hash=fields.STORED,
        doc_source=fields.STORED,
        doc_quotes=fields.STORED,
        doc_replaced=fields.STORED,  # old quote id -> the id that replaced it
        id=fields.ID(stored=True, unique=True),
        text=fields.TEXT(analyzer=words, stored=True),
        words=fields.TEXT(analyzer=exact_analyzer()),  # the same text, as written
        kind=fields.ID(stored=True),
        speaker=fields.TEXT(analyzer=names, stored=True),
        speaker_key=fields.ID,  # the folded full name: exact matches and speaker listing
        speaker_mention=fields.STORED,
        role=fields.TEXT(analyzer=words, stored=True),
        cue=fields.TEXT(analyzer=words, stored=True),
        outlet=fields.TEXT(analyzer=names, stored=True),
        publication=fields.TEXT(analyzer=names),
        author=fields.TEXT(analyzer=names),
        title=fields.TEXT(analyzer=words),
        source=fields.TEXT(analyzer=words),  # path, title, publication, author and url
        date=fields.DATETIME,
        # Sorting by date needs a column; a separate one so undated quotes sort last (0).
        sortdate=fields.COLUMN(columns.NumericColumn("i", default=0)),
        start=fields.STORED,
        end=fields.STORED,
        parts=fields.STORED,
        paragraph=fields.STORED,
        paragraph_start=fields.STORED,
        resolved_by=fields.ID(stored=True),
        extra=fields.STORED,
    )
    for name in RECORD_NAMES:  # any other field of the record: stored as it is
        if name not in schema:
            schema.add(name, fields.STORED)
    return schema


# The Quote's fields, but its source: that is stored once, on its document's record.
RECORD_NAMES = tuple(field.name for field in dataclasses.fields(Quote) if field.name != "source")


def source_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return date_bounds(value[:10])[0]
    except QueryError:
        return None  # an unparseable date is kept as text in the source, not indexed


def quote_fields(quote: Quote, info: DocumentInfo) -> dict[str, Any]:
    """The Whoosh document of a quote in the document `info`: every field of the record
    under its own name (its source is not repeated here but kept once, on the document's
    record), and the query fields."""
    values: dict[str, Any] = {name: getattr(quote, name) for name in RECORD_NAMES}
    # one part is (start, end): not stored again
    values["parts"] = [list(part) for part in quote.parts] if len(quote.parts) > 1 else None
    values["extra"] = quote.extra or None
    values.update((key, value) for key, value in field_values(quote, info.source).items()
                  if key != "date")
    values.update(rtype="quote", doc=info.key,
                  speaker_key=fold_name(quote.speaker) if quote.speaker else None)
    when = source_date(info.source.date)
    if when is not None:
        values["date"] = when
        values["sortdate"] = when.toordinal()
    return {key: value for key, value in values.items() if value not in (None, "")}


def record_fields(info: DocumentInfo, quotes: int) -> dict[str, Any]:
    """The Whoosh document of a source document's record."""
    record = {"rtype": "doc", "doc": info.key, "doc_key": info.key,
              "doc_hash": info.content_hash, "doc_source": asdict(info.source),
              "doc_quotes": quotes}
    if info.replaced:
        record["doc_replaced"] = dict(info.replaced)
    return record


_EMPTY: dict[str, Any] = {"paragraph": "", "parts": (), "extra": {}}  # when not stored


def stored_quote(stored: dict[str, Any], source: Any) -> Quote:
    """A quote from its stored fields and its document's source."""
    values = {name: stored.get(name, _EMPTY.get(name)) for name in RECORD_NAMES}
    values["parts"] = tuple(tuple(part) for part in values["parts"] or ())
    return Quote(source=source, **values)
