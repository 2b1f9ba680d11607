"""The Whoosh backend: schema, analysis, query parsing and writer handling. All code that
knows about Whoosh lives here; the rest of quoteidx talks to `quoteidx.storing.Store`.

Layout of the index: one Whoosh document per quote, plus one small "doc" record per
source document holding its content hash and its metadata. Source metadata is stored
once per document, not per quote, because opening and reading an index grows with
what it stores; quotes point at their document through the `doc` field.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from whoosh import columns, fields, index, query
from whoosh.analysis import (
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    Token,
)
from whoosh.support.charset import accent_map

from quoteidx.querying import QueryError, SearchRequest, check_syntax, date_bounds, fold_name
from quoteidx.record import Quote, Source
from quoteidx.storing.base import (
    DocumentInfo,
    Hit,
    IndexBusy,
    IndexIncompatible,
    IndexMissing,
    SearchResult,
    SpeakerInfo,
    Stats,
    Store,
    StoreError,
    StoreWriter,
)
from quoteidx.storing.demonyms import place_for

# Bump when the schema or the analysis changes: older indexes must then be rebuilt.
SCHEMA_VERSION = 2
MARKER = "quoteidx.json"
WRITE_TIMEOUT = 10.0  # seconds to wait for another writer before giving up
LIMIT_MB = 512  # writer memory; measured ~1.6x faster bulk loads than Whoosh's 128


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


def names_analyzer() -> Any:
    """Names: every part searchable, case- and accent-insensitive, never stemmed
    ("Khan" must not match "Khans")."""
    return RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)


def build_schema() -> fields.Schema:
    words = words_analyzer()
    names = names_analyzer()
    return fields.Schema(
        rtype=fields.ID,  # "quote" or "doc"
        doc=fields.ID(stored=True),  # the document's key, on its quotes and on its record
        doc_key=fields.ID,  # the same key on the record only, to fetch records in one query
        doc_hash=fields.STORED,
        doc_source=fields.STORED,
        doc_quotes=fields.STORED,
        id=fields.ID(stored=True, unique=True),
        text=fields.TEXT(analyzer=words, stored=True),
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
        paragraph=fields.STORED,
        extra=fields.STORED,
    )


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return date_bounds(value[:10])[0]
    except QueryError:
        return None  # an unparseable date is kept as text in the source, not indexed


def _quote_fields(quote: Quote, info: DocumentInfo) -> dict[str, Any]:
    source = info.source
    values: dict[str, Any] = {
        "rtype": "quote",
        "doc": info.key,
        "id": quote.id,
        "text": quote.text,
        "kind": quote.kind,
        "speaker": quote.speaker,
        "speaker_key": fold_name(quote.speaker) if quote.speaker else None,
        "speaker_mention": quote.speaker_mention,
        "role": quote.role,
        "cue": quote.cue,
        "outlet": quote.outlet,
        "publication": source.publication,
        "author": source.author,
        "title": source.title,
        "source": " ".join(
            v for v in (source.path, source.title, source.publication, source.author,
                        source.url) if v
        ),
        "start": quote.start,
        "end": quote.end,
        "paragraph": quote.paragraph,
        "extra": quote.extra or None,
    }
    when = _parse_date(source.date)
    if when is not None:
        values["date"] = when
        values["sortdate"] = when.toordinal()
    return {key: value for key, value in values.items() if value not in (None, "")}


class WhooshWriter(StoreWriter):
    def __init__(self, store: WhooshStore, clear: bool, timeout: float) -> None:
        from whoosh.index import LockError

        try:
            self._writer = store.ix.writer(timeout=timeout, limitmb=LIMIT_MB)
        except LockError:
            raise IndexBusy(
                f"another process is writing to the index at {store.location} "
                f"(waited {timeout:g} s); try again when it has finished"
            ) from None
        self._clear = clear
        self._changed = clear

    def add_document(self, info: DocumentInfo, quotes: Sequence[Quote]) -> None:
        if not self._clear:
            self._writer.delete_by_term("doc", info.key)
        for quote in quotes:
            self._writer.add_document(**_quote_fields(quote, info))
        self._writer.add_document(
            rtype="doc", doc=info.key, doc_key=info.key, doc_hash=info.content_hash,
            doc_source=asdict(info.source), doc_quotes=len(quotes),
        )
        self._changed = True

    def delete_document(self, key: str) -> None:
        if not self._clear:
            self._writer.delete_by_term("doc", key)
            self._changed = True

    def commit(self) -> None:
        from whoosh.writing import CLEAR

        if not self._changed:  # nothing to do: leave the index files untouched
            self._writer.cancel()
        elif self._clear:
            self._writer.commit(mergetype=CLEAR)
        else:
            # One segment: fuzzy queries are ~40x slower over several segments, at the
            # price of rewriting the index on each run that changes something.
            self._writer.commit(optimize=True)

    def cancel(self) -> None:
        self._writer.cancel()


class WhooshStore(Store):
    def __init__(self, ix: Any, location: str) -> None:
        self.ix = ix
        self.location = location
        self._parser: Any = None

    # Opening and creating

    @classmethod
    def open(cls, location: str) -> WhooshStore:
        cls._check_marker(location)
        try:
            # Our own schema, not the one pickled in the index: the index is trusted
            # for its data only, and the marker has vouched for its layout.
            ix = index.open_dir(location, schema=build_schema())
        except index.EmptyIndexError:
            raise IndexMissing(f"no index at {location}") from None
        return cls(ix, location)

    @classmethod
    def open_or_create(cls, location: str, *, replace_incompatible: bool = False) -> WhooshStore:
        try:
            return cls.open(location)
        except IndexIncompatible:
            if not replace_incompatible:
                raise
        except IndexMissing:
            if os.path.isdir(location) and os.listdir(location):
                raise StoreError(
                    f"{location} is not empty and holds no quoteidx index; "
                    "choose a new or empty directory with --index"
                ) from None
        os.makedirs(location, exist_ok=True)
        ix = index.create_in(location, build_schema())
        with open(os.path.join(location, MARKER), "w", encoding="utf-8") as handle:
            json.dump({"format": "quoteidx-whoosh", "schema": SCHEMA_VERSION}, handle)
        return cls(ix, location)

    @staticmethod
    def _check_marker(location: str) -> None:
        marker = os.path.join(location, MARKER)
        try:
            with open(marker, encoding="utf-8") as handle:
                version = json.load(handle).get("schema")
        except FileNotFoundError:
            if os.path.isdir(location) and index.exists_in(location):
                # Not ours: never replaced, even by a rebuild.
                raise StoreError(
                    f"{location} holds a Whoosh index not made by quoteidx; "
                    "choose another directory with --index"
                ) from None
            raise IndexMissing(f"no index at {location}") from None
        except (OSError, ValueError, AttributeError) as err:
            raise IndexIncompatible(f"unreadable index marker {marker}: {err}") from None
        if version != SCHEMA_VERSION:
            raise IndexIncompatible(
                f"the index at {location} was made by another version of quoteidx "
                f"(schema {version}, expected {SCHEMA_VERSION})"
            )

    # Writing

    def writer(self, *, clear: bool = False, timeout: float | None = None) -> WhooshWriter:
        return WhooshWriter(self, clear, WRITE_TIMEOUT if timeout is None else timeout)

    def documents(self) -> dict[str, DocumentInfo]:
        with self.ix.searcher() as searcher:
            return {
                stored["doc"]: _document_info(stored)
                for stored in searcher.documents(rtype="doc")
            }

    # Reading

    def search(self, request: SearchRequest) -> SearchResult:
        text = request.query.strip()
        filters = []
        if request.speaker:
            filters.append(self._speaker_query(request.speaker))
        if request.kind:
            filters.append(query.Term("kind", request.kind))
        if request.since or request.until:
            filters.append(query.DateRange("date", request.since, request.until))
        if text:
            main = self._parse(text)
        elif filters:  # filters alone: they are the query, no scoring needed
            main, filters = query.And(filters) if len(filters) > 1 else filters[0], []
        else:
            main = query.Every()

        options: dict[str, Any] = {"mask": query.Term("rtype", "doc"), "terms": bool(text)}
        if filters:
            options["filter"] = query.And(filters) if len(filters) > 1 else filters[0]
        limit = request.limit
        if request.sort == "date":
            options.update(sortedby="sortdate", reverse=True)
        elif request.sort == "document":
            limit = None  # sorted below, by fields Whoosh has no column for
        with self.ix.searcher() as searcher:
            results = searcher.search(main, limit=limit, **options)
            total = len(results)
            quotes = self._quotes(searcher, [hit.fields() for hit in results])
            hits = [
                Hit(
                    quote=quote,
                    score=hit.score if request.sort == "relevance" else None,
                    spans=self._spans(hit) if text else (),
                )
                for quote, hit in zip(quotes, results, strict=True)
            ]
        if request.sort == "document":
            hits.sort(key=lambda h: (h.quote.source.path, h.quote.start))
            hits = hits[: request.limit] if request.limit is not None else hits
        return SearchResult(hits=hits, total=total)

    def get(self, quote_id: str) -> Quote | None:
        with self.ix.searcher() as searcher:
            stored = searcher.document(id=quote_id)
            return None if stored is None else self._quotes(searcher, [stored])[0]

    def speakers(self, fragment: str | None = None) -> list[SpeakerInfo]:
        wanted = fold_name(fragment) if fragment else ""
        found = []
        with self.ix.searcher() as searcher:
            keys = [k for k in searcher.reader().field_terms("speaker_key") if wanted in k]
            for key in keys:
                names: Counter[str] = Counter()
                roles: Counter[str] = Counter()
                docs: dict[str, None] = {}  # ordered set
                for stored in searcher.documents(speaker_key=key):
                    names[stored["speaker"]] += 1
                    if stored.get("role"):
                        roles[stored["role"]] += 1
                    docs[stored["doc"]] = None
                if not names:  # only deleted quotes left under this name
                    continue
                where = self._sources(searcher, list(docs)).values()
                found.append(SpeakerInfo(
                    name=names.most_common(1)[0][0],
                    role=roles.most_common(1)[0][0] if roles else None,
                    quotes=sum(names.values()),
                    sources=tuple(s.publication or s.path for s in where),
                ))
        found.sort(key=lambda s: (-s.quotes, fold_name(s.name)))
        return found

    def stats(self) -> Stats:
        with self.ix.searcher() as searcher:
            reader = searcher.reader()

            def count(q: Any) -> int:
                return len(searcher.search(q, limit=1, scored=False))

            kinds = {kind: count(query.Term("kind", kind)) for kind in reader.field_terms("kind")}
            size = sum(
                os.path.getsize(os.path.join(self.location, name))
                for name in os.listdir(self.location)
                if os.path.isfile(os.path.join(self.location, name))
            )
            return Stats(
                location=self.location,
                documents=count(query.Term("rtype", "doc")),
                quotes=count(query.Term("rtype", "quote")),
                kinds={kind: n for kind, n in sorted(kinds.items()) if n},
                speakers=sum(1 for _ in reader.field_terms("speaker_key")),
                size_bytes=size,
                segments=len(list(reader.leaf_readers())),
            )

    def close(self) -> None:
        self.ix.close()

    # Helpers

    def _parse(self, text: str) -> Any:
        check_syntax(text)
        if self._parser is None:
            from whoosh import qparser

            self._parser = qparser.QueryParser("text", self.ix.schema)
            self._parser.add_plugin(qparser.FuzzyTermPlugin())  # Pakistn~
            self._parser.add_plugin(qparser.GtLtPlugin())  # date:>2021-08
        try:
            parsed = self._parser.parse(text)
        except Exception as err:  # Whoosh raises bare Exceptions for bad dates
            raise QueryError(f"bad query: {err}") from None
        for leaf in [parsed, *parsed.leaves()]:
            if getattr(leaf, "error", None):
                raise QueryError(f"bad query: {leaf.error}")
        if parsed is query.NullQuery:
            raise QueryError("nothing to search for in the query")
        return parsed

    def _speaker_query(self, name: str) -> Any:
        """Every part of the name must be in the speaker's name: "Nezami" and
        "shariyar NEZAMI" both find Shariyar Nezami."""
        analyzer = self.ix.schema["speaker"].analyzer
        parts = [token.text for token in analyzer(name, mode="query")]
        if not parts:
            raise QueryError(f"no name to look for in {name!r}")
        return query.And([query.Term("speaker", part) for part in parts])

    def _spans(self, hit: Any) -> tuple[tuple[int, int], ...]:
        """Where the matched terms are in the quote: re-analyse the stored text and keep
        the words whose indexed form matched (so stems and fuzzy matches light up too)."""
        if not hit.results.has_matched_terms():
            return ()
        terms = {t.decode("utf-8") for f, t in hit.matched_terms() if f == "text"}
        if not terms:
            return ()
        analyzer = self.ix.schema["text"].analyzer
        spans = {
            (token.startchar, token.endchar)
            for token in analyzer(hit["text"], mode="index", chars=True)
            if token.text in terms
        }
        return tuple(sorted(spans))

    def _sources(self, searcher: Any, keys: list[str]) -> dict[str, Source]:
        """The sources of these documents, from their records, in one query."""
        wanted = list(dict.fromkeys(keys))
        found = {key: Source(path=key) for key in wanted}  # if a record were missing
        if wanted:
            records = query.Or([query.Term("doc_key", key) for key in wanted])
            for number in searcher.docs_for_query(records):
                stored = searcher.stored_fields(number)
                found[stored["doc"]] = Source(**stored["doc_source"])
        return found

    def _quotes(self, searcher: Any, stored: list[dict[str, Any]]) -> list[Quote]:
        sources = self._sources(searcher, [fields["doc"] for fields in stored])
        return [
            Quote(
                id=fields["id"],
                text=fields["text"],
                kind=fields["kind"],
                speaker=fields.get("speaker"),
                speaker_mention=fields.get("speaker_mention"),
                role=fields.get("role"),
                cue=fields.get("cue"),
                source=sources[fields["doc"]],
                start=fields["start"],
                end=fields["end"],
                paragraph=fields.get("paragraph", ""),
                outlet=fields.get("outlet"),
                extra=fields.get("extra") or {},
            )
            for fields in stored
        ]


def _document_info(stored: dict[str, Any]) -> DocumentInfo:
    return DocumentInfo(
        key=stored["doc"],
        content_hash=stored["doc_hash"],
        source=Source(**stored["doc_source"]),
        quotes=stored.get("doc_quotes", 0),
    )
