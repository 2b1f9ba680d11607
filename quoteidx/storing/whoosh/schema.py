"""The Whoosh index's fields and their analysis, and how a quote and its document
become Whoosh documents.

One Whoosh document per quote, plus two records per source document: a small "doc"
record (its content hash, metadata and number of quotes: what a run reads of every
document) and a "text" record (its metadata again and the text of the paragraphs that
hold its quotes, each once: what a search reads of the documents it shows). Quotes point
at their document through the `doc` field and at their paragraph by its offsets
(`paragraph_start`, `paragraph_end`), so a paragraph holding three quotes is stored once,
not three times. The fields a query names are those of `quoteidx.querying.fields`,
analysed as their kind says there.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import asdict, astuple
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

from quoteidx.querying import fold_name
from quoteidx.querying.fields import field_values
from quoteidx.record import Quote
from quoteidx.storing.base import DocumentInfo, SpeakerCount, speaker_counts
from quoteidx.storing.demonyms import place_for

# Bump when the schema or the analysis changes: older indexes must then be rebuilt.
# 5: the paragraphs in a text record per document (4 on one branch), `words` and
# `doc_replaced` (4 on the other). 6: the speakers counted on each document's record
# (`doc_speakers`, `doc_speaker`).
SCHEMA_VERSION = 6
# The fields a document's records have, and their record types.
RECORD_FIELDS = {"rtype", "doc", "doc_key", "text_key", "doc_speaker"}
RECORD_TYPES = ("doc", "text")


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


class RepeatedText(fields.TEXT):
    """A text field whose values repeat from one quote to the next (a document's title
    and source on each of its quotes, a speaker's name, a cue): each distinct value of
    the last few thousand is analysed once. The same terms, positions and weights as
    analysing it again."""

    MEMO = 4096

    def index(self, value: Any, **kwargs: Any) -> Any:
        if kwargs or not isinstance(value, str):
            return super().index(value, **kwargs)
        memo = self.__dict__.setdefault("_memo", {})
        found = memo.get(value)
        if found is None:
            if len(memo) >= self.MEMO:
                memo.clear()
            found = memo[value] = list(super().index(value))
        return found

    def __getstate__(self) -> dict[str, Any]:  # the schema is pickled into the TOC
        state = super().__getstate__() if hasattr(super(), "__getstate__") else self.__dict__
        return {key: value for key, value in state.items() if key != "_memo"}


def build_schema() -> fields.Schema:
    """The query fields as their kind in quoteidx.querying.fields says (words: the words
    analyser; names: the names analyser; keyword: ID; date: DATETIME), and the fields
    the index needs for itself."""
    words = words_analyzer()
    names = names_analyzer()
    schema = fields.Schema(
        rtype=fields.ID,  # "quote" or "doc"
        doc=fields.ID(stored=True),  # the document's key, on its quotes and on its record
        doc_key=fields.ID,  # the same key on the doc record only, to fetch it
        text_key=fields.ID,  # the same key on the text record only
        doc_text=fields.STORED,  # [[start, text], ...]: the paragraphs holding quotes
        doc_hash=fields.STORED,
        doc_source=fields.STORED,
        doc_quotes=fields.STORED,
        doc_replaced=fields.STORED,  # old quote id -> the id that replaced it
        # The document's quotes counted by speaker, mention and role (base.SpeakerCount),
        # and the speakers' names searchable on the record, to find the documents
        # quoting someone without reading their quotes.
        doc_speakers=fields.STORED,
        doc_speaker=RepeatedText(analyzer=names),
        id=fields.ID(stored=True, unique=True),
        text=fields.TEXT(analyzer=words, stored=True),
        words=fields.TEXT(analyzer=exact_analyzer()),  # the same text, as written
        kind=fields.ID(stored=True),
        speaker=RepeatedText(analyzer=names, stored=True),
        speaker_key=fields.ID,  # the folded full name: exact matches and speaker listing
        speaker_mention=fields.STORED,
        role=RepeatedText(analyzer=words, stored=True),
        cue=RepeatedText(analyzer=words, stored=True),
        outlet=RepeatedText(analyzer=names, stored=True),
        publication=RepeatedText(analyzer=names),
        author=RepeatedText(analyzer=names),
        title=RepeatedText(analyzer=words),
        source=RepeatedText(analyzer=words),  # path, title, publication, author and url
        date=fields.DATETIME,
        # Sorting by date needs a column; a separate one so undated quotes sort last (0).
        sortdate=fields.COLUMN(columns.NumericColumn("i", default=0)),
        start=fields.STORED,
        end=fields.STORED,
        parts=fields.STORED,
        paragraph=fields.STORED,  # only when not in its document's text record
        paragraph_start=fields.STORED,
        paragraph_end=fields.STORED,
        text_at=fields.STORED,  # the text record's document number, less this quote's
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
    from quoteidx.querying import QueryError, date_bounds  # when indexing only

    try:
        return date_bounds(value[:10])[0]
    except QueryError:
        return None  # an unparseable date is kept as text in the source, not indexed


def document_fields(info: DocumentInfo, quotes: Sequence[Quote]) -> list[dict[str, Any]]:
    """The Whoosh documents of a source document: its quotes, its doc record and its
    text record."""
    segments = paragraph_segments(quotes)
    found = [quote_fields(quote, info, in_text=_covered(quote, segments)) for quote in quotes]
    for number, values in enumerate(found):
        # How many Whoosh documents on the text record is: a document's records follow
        # its quotes, and stay together through merges, so reading a quote's paragraph
        # needs no look-up of its document's key (checked when read).
        values["text_at"] = len(found) - number + 1
    found.append(record_fields(info, quotes))
    found.append({"rtype": "text", "doc": info.key, "text_key": info.key,
                  "doc_source": asdict(info.source), "doc_text": segments})
    return found


def paragraph_segments(quotes: Sequence[Quote]) -> list[list[Any]]:
    """The document's text that holds its quotes' paragraphs, as [start, text] pieces in
    order, overlapping and touching paragraphs joined: each paragraph's text once."""
    spans = sorted((quote.paragraph_start, quote.paragraph) for quote in quotes
                   if quote.paragraph and quote.paragraph_start is not None)
    segments: list[list[Any]] = []
    for start, text in spans:
        if segments:
            last_start, last_text = segments[-1]
            last_end = last_start + len(last_text)
            if start <= last_end:
                # Going on past the piece so far, and agreeing with it: the piece grows.
                # (Texts that disagree stay out: the quote keeps its own, see _covered.)
                if (start + len(text) > last_end
                        and last_text[start - last_start:] == text[:last_end - start]):
                    segments[-1][1] = last_text + text[last_end - start:]
                continue
        segments.append([start, text])
    return segments


def _covered(quote: Quote, segments: list[list[Any]]) -> bool:
    """Is the quote's paragraph, as it is, in one of the pieces?"""
    if not quote.paragraph or quote.paragraph_start is None:
        return False
    return _slice(segments, quote.paragraph_start,
                  quote.paragraph_start + len(quote.paragraph)) == quote.paragraph


def _slice(segments: Sequence[Sequence[Any]], start: int, end: int) -> str | None:
    for piece_start, text in segments:
        if piece_start <= start and end <= piece_start + len(text):
            return text[start - piece_start:end - piece_start]
    return None


def quote_fields(quote: Quote, info: DocumentInfo, *, in_text: bool = False) -> dict[str, Any]:
    """The Whoosh document of a quote in the document `info`: every field of the record
    under its own name (its source is not repeated here but kept once, on the document's
    records; its paragraph, when `in_text`, only by its offsets), and the query fields."""
    values: dict[str, Any] = {name: getattr(quote, name) for name in RECORD_NAMES}
    # one part is (start, end): not stored again
    values["parts"] = [list(part) for part in quote.parts] if len(quote.parts) > 1 else None
    values["extra"] = quote.extra or None
    if in_text:
        values["paragraph"] = None
        values["paragraph_end"] = quote.paragraph_start + len(quote.paragraph)  # type: ignore[operator]
    values.update((key, value) for key, value in field_values(quote, info.source).items()
                  if key != "date")
    values.update(rtype="quote", doc=info.key,
                  speaker_key=fold_name(quote.speaker) if quote.speaker else None)
    when = source_date(info.source.date)
    if when is not None:
        values["date"] = when
        values["sortdate"] = when.toordinal()
    return {key: value for key, value in values.items() if value not in (None, "")}


def record_fields(info: DocumentInfo, quotes: Sequence[Quote]) -> dict[str, Any]:
    """The Whoosh document of a source document's record."""
    record = {"rtype": "doc", "doc": info.key, "doc_key": info.key,
              "doc_hash": info.content_hash, "doc_source": asdict(info.source),
              "doc_quotes": len(quotes)}
    if info.replaced:
        record["doc_replaced"] = dict(info.replaced)
    counts = speaker_counts(quotes)
    if counts:
        record["doc_speakers"] = [astuple(count) for count in counts]
        record["doc_speaker"] = "\n".join(dict.fromkeys(count.speaker for count in counts))
    return record


def stored_counts(stored: dict[str, Any]) -> tuple[SpeakerCount, ...]:
    """A document record's speaker counts, as record_fields stored them."""
    return tuple(SpeakerCount(*values) for values in stored.get("doc_speakers") or ())


_EMPTY: dict[str, Any] = {"paragraph": "", "parts": (), "extra": {}}  # when not stored


def stored_quote(stored: dict[str, Any], source: Any,
                 text: Sequence[Sequence[Any]] = ()) -> Quote:
    """A quote from its stored fields, its document's source and the paragraphs of its
    document's text record."""
    values = {name: stored.get(name, _EMPTY.get(name)) for name in RECORD_NAMES}
    values["parts"] = tuple(tuple(part) for part in values["parts"] or ())
    end = stored.get("paragraph_end")
    if end is not None:
        values["paragraph"] = _slice(text, values["paragraph_start"], end) or ""
    return Quote(source=source, **values)
