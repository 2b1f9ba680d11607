"""The Whoosh backend: schema, analysis, query parsing, reading and writer handling. Code
that knows about Whoosh lives here and in `whoosh_topterm` (scoring one-term queries
fast); the rest of quoteidx talks to `quoteidx.storing.Store`.

Layout of the index: one Whoosh document per quote, plus one small "doc" record per
source document holding its content hash and its metadata. Source metadata is stored
once per document, not per quote, because opening and reading an index grows with
what it stores; quotes point at their document through the `doc` field.
"""

from __future__ import annotations

import errno
import json
import mmap
import os
import re
import shutil
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
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
from whoosh.collectors import FilterCollector
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
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
from quoteidx.storing.folders import (
    LockBusy,
    WriteLock,
    finish_interrupted_swap,
    new_folder,
    remove_leftovers,
    swap_in,
)
from quoteidx.storing.whoosh_topterm import TermTopCollector

# Bump when the schema or the analysis changes: older indexes must then be rebuilt.
SCHEMA_VERSION = 2
MARKER = "quoteidx.json"
WRITE_TIMEOUT = 10.0  # seconds to wait for another writer before giving up
LIMIT_MB = 512  # writer memory; measured ~1.6x faster bulk loads than Whoosh's 128
OPEN_TRIES = 20  # opening races a commit replacing the TOC: retry, 50 ms apart
# A commit merges small segments into bigger ones as it goes (Whoosh's default policy),
# and everything into one only past this many: fuzzy and wildcard queries slow down with
# every segment, but a full merge rewrites the whole index, which is what made a 1%
# re-index cost as much as a rebuild.
MAX_SEGMENTS = 8


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


class MappedFile(StructFile):
    """A read-only index file mapped into memory: Whoosh reads a document's length or
    stored fields at any position, which on a plain file is a seek and a read each."""

    def get(self, position: int, length: int) -> bytes:
        return self.file[position:position + length]


class MappedStorage(FileStorage):
    """Whoosh's folder storage, with the files it reads memory-mapped (the operating
    system's page cache is then the only copy). Writing is unchanged."""

    def open_file(self, name: str, **kwargs: Any) -> Any:
        with open(self._fpath(name), "rb") as handle:
            if os.fstat(handle.fileno()).st_size == 0:  # an empty file cannot be mapped
                return super().open_file(name, **kwargs)
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        return MappedFile(mapped, name=name, **kwargs)


def _open_dir(folder: str, schema: fields.Schema) -> Any:
    # Our own schema, not the one pickled in the index: the index is trusted for its
    # data only, and the marker has vouched for its layout.
    return MappedStorage(folder).open_index(schema=schema)


def _write_error(location: str, err: OSError) -> StoreError:
    """One line for a failed write (disk full, read-only folder...): the run's changes
    were not committed, so the index is as it was."""
    reason = err.strerror or str(err) or type(err).__name__
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason += " (is the index folder read-only?)"
    return StoreError(
        f"cannot write to the index at {location}: {reason}; "
        "nothing from this run was saved, the index is as it was"
    )


class WhooshWriter(StoreWriter):
    """Holds the index's write lock from creation to commit or cancel. Changes become
    visible in one step: Whoosh writes new segment files, then renames a new TOC file
    into place, and readers only ever follow a complete TOC. A rebuild (`clear`) writes
    a whole new index folder next to the old one and swaps the folders."""

    def __init__(self, store: WhooshStore, clear: bool, timeout: float,
                 on_wait: Callable[[float], None] | None = None) -> None:
        self._store = store
        self._clear = clear
        self._writer: Any = None  # Whoosh's writer, made on the first change
        self._new: str | None = None  # the folder a rebuild fills
        self._lock = WriteLock(store.real)
        try:
            self._lock.acquire(timeout, on_wait)
        except LockBusy:
            raise IndexBusy(
                f"another process is writing to the index at {store.location} "
                f"(waited {timeout:g} s); try again when it has finished"
            ) from None
        except OSError as err:
            raise _write_error(store.location, err) from None
        try:
            if clear:
                store.tidy()
                self._new = store.build_empty(store.real)
                self._target = _open_dir(self._new, store.schema)
            else:
                # While we waited, a newer quoteidx may have rebuilt the index.
                store._check_marker(store.location)
                self._target = store.reader_index()
                store.tidy()
        except OSError as err:
            self.cancel()
            raise _write_error(store.location, err) from None
        except BaseException:
            self.cancel()
            raise

    @contextmanager
    def _writing(self) -> Iterator[Any]:
        """Whoosh's writer, made on first use; an OSError becomes a one-line StoreError."""
        try:
            if self._writer is None:
                # The lock is ours (_lk=False stops Whoosh taking it a second time).
                # Segments stay loose files, not one compound file: Whoosh reads a
                # compound file's parts by copying them into memory, so a search on a
                # large index copied the index's postings at every open (~1 s at 1M
                # quotes). Files of killed runs are removed by tidy() like any other.
                self._writer = self._target.writer(_lk=False, limitmb=LIMIT_MB,
                                                   compound=False)
            yield self._writer
        except OSError as err:
            raise _write_error(self._store.location, err) from None

    def add_document(self, info: DocumentInfo, quotes: Sequence[Quote]) -> None:
        with self._writing() as writer:
            if not self._clear:
                writer.delete_by_term("doc", info.key)
            for quote in quotes:
                writer.add_document(**_quote_fields(quote, info))
            writer.add_document(
                rtype="doc", doc=info.key, doc_key=info.key, doc_hash=info.content_hash,
                doc_source=asdict(info.source), doc_quotes=len(quotes),
            )

    def delete_document(self, key: str) -> None:
        if not self._clear:
            with self._writing() as writer:
                writer.delete_by_term("doc", key)

    def commit(self) -> None:
        try:
            if self._writer is not None:
                with self._writing() as writer:
                    segments = len(self._target._segments())
                    writer.commit(optimize=segments >= MAX_SEGMENTS)
                self._writer = None
            if self._new is not None:
                try:
                    swap_in(self._new, self._store.real)
                except OSError as err:
                    raise _write_error(self._store.location, err) from None
                self._new = None
                self._store.reopen()
        except BaseException:
            self._abandon()
            raise
        finally:
            self._lock.release()

    def cancel(self) -> None:
        try:
            self._abandon()
        finally:
            self._lock.release()

    def _abandon(self) -> None:
        """Drop whatever this writer wrote; the last commit stays the index."""
        if self._writer is not None:
            # A full disk can fail the cancel's own flush; tidy() below cleans up.
            with suppress(Exception):
                self._writer.cancel()
            self._writer = None
        if self._new is not None:
            shutil.rmtree(self._new, ignore_errors=True)
            self._new = None
        else:
            self._store.tidy()  # the cancelled segment's files


class WhooshStore(Store):
    def __init__(self, ix: Any, location: str) -> None:
        self.ix = ix  # None for an index of another version, until a rebuild replaces it
        self.location = location
        self.real = os.path.realpath(location)  # swaps and sibling folders work on this
        self.schema = build_schema()  # ours, never re-read from the index's TOC
        self._parser: Any = None
        self._searcher: Any = None  # kept open between calls, refreshed on each

    # Opening and creating

    @classmethod
    def open(cls, location: str) -> WhooshStore:
        real = os.path.realpath(location)
        for attempt in range(OPEN_TRIES):
            try:
                cls._check_marker(location)
                store = cls(None, location)
                store.ix = _open_dir(location, store.schema)
                return store
            except IndexMissing:
                if not finish_interrupted_swap(real):
                    raise
            except index.EmptyIndexError:
                raise IndexMissing(f"no index at {location}") from None
            except FileNotFoundError:
                # A commit replaced the TOC between listing the folder and reading it.
                if attempt == OPEN_TRIES - 1:
                    raise
                time.sleep(0.05)
        raise IndexMissing(f"no index at {location}")

    @classmethod
    def open_or_create(cls, location: str, *, replace_incompatible: bool = False) -> WhooshStore:
        try:
            return cls.open(location)
        except IndexIncompatible:
            if not replace_incompatible:
                raise
            # Read nothing from it: a rebuild writer replaces the whole folder.
            return cls(None, location)
        except IndexMissing:
            pass
        real = os.path.realpath(location)
        if os.path.isdir(real) and os.listdir(real):
            raise StoreError(
                f"{location} is not empty and holds no quoteidx index; "
                "choose a new or empty directory with --index"
            )
        try:
            # Made complete next to its place, then renamed there: a killed run never
            # leaves half an index, and of two runs creating it at once, one wins.
            os.makedirs(os.path.dirname(real), exist_ok=True)
            new = cls.build_empty(real)
            try:
                _rename_onto(new, real)
            finally:
                shutil.rmtree(new, ignore_errors=True)  # only if another run won
        except OSError as err:
            try:
                return cls.open(location)  # made by another run meanwhile
            except IndexMissing:
                raise _write_error(location, err) from None
        return cls.open(location)

    @staticmethod
    def build_empty(real: str) -> str:
        """A new, empty quoteidx index in a new folder next to `real`."""
        folder = new_folder(real)
        index.create_in(folder, build_schema())
        with open(os.path.join(folder, MARKER), "w", encoding="utf-8") as handle:
            json.dump({"format": "quoteidx-whoosh", "schema": SCHEMA_VERSION}, handle)
        return folder

    def reopen(self) -> None:
        """Follow a rebuilt folder swapped in at our location."""
        self._drop_searcher()
        # By its real path: a relative location may be relative to the old folder
        # (`--index .` from inside the index), which the swap has just deleted.
        self.ix = _open_dir(self.real, self.schema)

    def _read(self, work: Callable[[Any], Any]) -> Any:
        """`work(searcher)` on the index as last committed. One searcher is kept open
        across calls (opening one costs more than most queries) and brought up to date
        first. A segment file can vanish under it when another process's commit merges
        segments; the read is then retried on the new version of the index."""
        for attempt in range(OPEN_TRIES):
            try:
                ix = self.reader_index()
                if (self._searcher is not None
                        and ix.latest_generation() != self._searcher.reader().generation()):
                    # Not Searcher.refresh(): its reader reuse breaks on an empty index.
                    self._drop_searcher()
                if self._searcher is None:
                    self._searcher = ix.searcher()
                return work(self._searcher)
            except FileNotFoundError:
                self._drop_searcher()
                if attempt == OPEN_TRIES - 1:
                    raise
                time.sleep(0.05)
        raise AssertionError("unreachable")

    def _drop_searcher(self) -> None:
        if self._searcher is not None:
            with suppress(Exception):
                self._searcher.close()
            self._searcher = None

    def reader_index(self) -> Any:
        if self.ix is None:
            raise IndexIncompatible(
                f"the index at {self.location} was made by another version of quoteidx"
            )
        return self.ix

    def tidy(self) -> None:
        """Delete what killed or failed runs left: folders next to the index, segment and
        TOC files no commit refers to, Whoosh's temporary folder. Only under the write
        lock (no one else is writing), and best effort: it never fails a run."""
        remove_leftovers(self.real)
        if self.ix is None:
            return
        try:
            toc = self.ix._read_toc()
            index.clean_files(self.ix.storage, self.ix.indexname, toc.generation,
                              toc.segments)
            half_written_toc = re.compile(rf"_{self.ix.indexname}_\d+\.toc\..+")
            for name in os.listdir(self.real):
                if half_written_toc.fullmatch(name):
                    os.remove(os.path.join(self.real, name))
        except OSError:
            pass
        shutil.rmtree(os.path.join(self.real, f"{self.ix.indexname}.tmp"), ignore_errors=True)

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

    def writer(self, *, clear: bool = False, timeout: float | None = None,
               on_wait: Callable[[float], None] | None = None) -> WhooshWriter:
        return WhooshWriter(self, clear, WRITE_TIMEOUT if timeout is None else timeout,
                            on_wait)

    def documents(self) -> dict[str, DocumentInfo]:
        return self._read(lambda searcher: {
            stored["doc"]: _document_info(stored)
            for stored in searcher.documents(rtype="doc")
        })

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

        options: dict[str, Any] = {}
        if _reaches_records(main):
            # Only these can match a document's record; masking costs a pass over all
            # the records, so other queries skip it.
            options["mask"] = query.Term("rtype", "doc")
        if filters:
            options["filter"] = query.And(filters) if len(filters) > 1 else filters[0]
        limit = request.limit
        if request.sort == "date":
            options.update(sortedby="sortdate", reverse=True)
        elif request.sort == "document":
            limit = None  # sorted below, by fields Whoosh has no column for

        def run(searcher: Any) -> SearchResult:
            if limit == 0:  # only the count
                matched = searcher.search(main, limit=None, scored=False,
                                          filter=options.get("filter"), mask=options.get("mask"))
                return SearchResult(hits=[], total=len(matched))
            if request.sort == "relevance" and limit is not None:
                results = _top(searcher, main, limit, options)
            else:
                results = searcher.search(main, limit=limit, **options)
            found = list(zip(self._quotes(searcher, [hit.fields() for hit in results]),
                             results, strict=True))
            if request.sort == "document":
                found.sort(key=lambda pair: (pair[0].source.path, pair[0].start))
                found = found[: request.limit] if request.limit is not None else found
            words = _matched_words(main, searcher.reader()) if text and found else set()
            hits = [
                Hit(
                    quote=quote,
                    score=hit.score if request.sort == "relevance" else None,
                    spans=self._spans(quote.text, words),
                )
                for quote, hit in found
            ]
            return SearchResult(hits=hits, total=len(results))

        return self._read(run)

    def get(self, quote_id: str) -> Quote | None:
        def run(searcher: Any) -> Quote | None:
            stored = searcher.document(id=quote_id)
            return None if stored is None else self._quotes(searcher, [stored])[0]

        return self._read(run)

    def speakers(self, fragment: str | None = None) -> list[SpeakerInfo]:
        wanted = fold_name(fragment) if fragment else ""

        def run(searcher: Any) -> list[SpeakerInfo]:
            found = []
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

        return self._read(run)

    def speaker_names(self) -> list[str]:
        def run(searcher: Any) -> list[str]:
            reader = searcher.reader()
            names = []
            for key in reader.field_terms("speaker_key"):
                stored = searcher.document(speaker_key=key)
                if stored is not None:  # else only deleted quotes are left under it
                    names.append((-reader.doc_frequency("speaker_key", key), stored["speaker"]))
            return [name for _, name in sorted(names)]

        return self._read(run)

    def stats(self) -> Stats:
        def run(searcher: Any) -> Stats:
            reader = searcher.reader()

            def count(q: Any) -> int:
                return len(searcher.search(q, limit=1, scored=False))

            kinds = {kind: count(query.Term("kind", kind)) for kind in reader.field_terms("kind")}
            return Stats(
                location=self.location,
                documents=count(query.Term("rtype", "doc")),
                quotes=count(query.Term("rtype", "quote")),
                kinds={kind: n for kind, n in sorted(kinds.items()) if n},
                speakers=sum(1 for _ in reader.field_terms("speaker_key")),
                size_bytes=_folder_size(self.real),
                segments=len(list(reader.leaf_readers())),
            )

        return self._read(run)

    def close(self) -> None:
        self._drop_searcher()
        if self.ix is not None:
            self.ix.close()

    # Helpers

    def _parse(self, text: str) -> Any:
        check_syntax(text)
        if self._parser is None:
            from whoosh import qparser

            self._parser = qparser.QueryParser("text", self.schema)
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
        analyzer = self.schema["speaker"].analyzer
        parts = [token.text for token in analyzer(name, mode="query")]
        if not parts:
            raise QueryError(f"no name to look for in {name!r}")
        return query.And([query.Term("speaker", part) for part in parts])

    def _spans(self, text: str, words: set[str]) -> tuple[tuple[int, int], ...]:
        """Where the query's words are in a quote: re-analyse the text and keep the words
        whose indexed form the query looks for (so stems and fuzzy matches light up
        too). Only the quotes shown are analysed, not every match."""
        if not words:
            return ()
        analyzer = self.schema["text"].analyzer
        spans = {
            (token.startchar, token.endchar)
            for token in analyzer(text, mode="index", chars=True)
            if token.text in words
        }
        return tuple(sorted(spans))

    def _sources(self, searcher: Any, keys: list[str]) -> dict[str, Source]:
        """The sources of these documents, from their records: a term look-up each (one
        query OR-ing a thousand keys costs several times more)."""
        found = {}
        for key in dict.fromkeys(keys):
            number = searcher.document_number(doc_key=key)
            found[key] = (Source(path=key) if number is None  # if a record were missing
                          else Source(**searcher.stored_fields(number)["doc_source"]))
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


def _top(searcher: Any, q: Any, limit: int, options: dict[str, Any]) -> Any:
    """The best `limit` matches, as `searcher.search` finds them, through a collector
    that scores a single term's postings a block at a time."""
    collector: Any = TermTopCollector(limit=limit)
    if options:
        collector = FilterCollector(collector, options.get("filter"), options.get("mask"))
    searcher.search_with_collector(q, collector)
    return collector.results()


RECORD_FIELDS = {"rtype", "doc", "doc_key"}


def _reaches_records(q: Any) -> bool:
    """Could this query match a document's record rather than a quote? Only a query for
    everything, a negation, or one on the fields the records have."""
    return any(
        isinstance(part, query.Every | query.Not)
        or (part.is_leaf() and part.field() in RECORD_FIELDS)
        for part in _subqueries(q)
    )


def _subqueries(q: Any) -> Iterator[Any]:
    yield q
    for child in q.children():
        yield from _subqueries(child)


def _matched_words(q: Any, reader: Any) -> set[str]:
    """The words of the quote text that the query looks for, as indexed (stemmed, and
    expanded for fuzzy, prefix and wildcard terms); negated words are left out."""
    words: set[str] = set()

    def walk(part: Any) -> None:
        if isinstance(part, query.Not):
            return
        if part.is_leaf():
            for field, word in part.expanded_terms(reader, phrases=True):
                if field == "text":
                    words.add(word.decode("utf-8") if isinstance(word, bytes) else word)
            return
        for child in part.children():
            walk(child)

    walk(q)
    return words


def _document_info(stored: dict[str, Any]) -> DocumentInfo:
    return DocumentInfo(
        key=stored["doc"],
        content_hash=stored["doc_hash"],
        source=Source(**stored["doc_source"]),
        quotes=stored.get("doc_quotes", 0),
    )


def _rename_onto(new: str, real: str) -> None:
    """Rename folder `new` to `real`, which may exist as an empty folder."""
    try:
        os.rename(new, real)
    except OSError:
        if not os.path.isdir(real) or os.listdir(real):
            raise
        os.rmdir(real)  # Windows will not rename onto an empty folder; POSIX does
        os.rename(new, real)


def _folder_size(folder: str) -> int:
    total = 0
    for name in os.listdir(folder):
        try:
            found = os.stat(os.path.join(folder, name))
        except FileNotFoundError:
            continue  # deleted by a commit while we counted
        if stat.S_ISREG(found.st_mode):
            total += found.st_size
    return total
