"""Writing to a PostgreSQL index: one transaction per writer (a whole `quoteidx index`
run), quotes loaded with COPY a batch at a time, committed whole or not at all.

Several writers may run at once, from several machines: each holds the index's
advisory lock shared (a rebuild holds it alone), and takes an advisory lock per
document key, in sorted order, before it looks at a batch of documents, until it
commits. A second writer reaching a document the first has written waits for it, then
sees that document's content hash committed and leaves it alone: no duplicates, no
duplicate-key errors, and a run repeated is a run that changes nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Any

from psycopg.types.json import Jsonb

from quoteidx.querying import QueryError, date_bounds, fold_name
from quoteidx.querying.fields import source_text
from quoteidx.record import Quote
from quoteidx.storing.base import DocumentInfo, IndexBusy, StoreWriter, speaker_counts
from quoteidx.storing.postgres import schema
from quoteidx.storing.postgres.analysis import text_vectors, vector, vector_text
from quoteidx.storing.postgres.connect import connect, translated

if TYPE_CHECKING:
    from quoteidx.storing.postgres.store import PostgresStore

BATCH_QUOTES = 5000  # quotes sent per COPY: fewer round trips, bounded memory
LOCK_CLASS = 0x71756F74  # advisory locks' first key ("quot"): (class, 0) is the index's
DOCUMENT_LOCK_CLASS = 0x71756F75
POLL = 0.05  # seconds between attempts to take a busy index lock

# The per-quote vectors and the per-document ones (table `sources`), by column (see
# schema.VECTOR_COLUMNS).
QUOTE_VECTORS = {"text_words": ("words", "text"), "speaker_words": ("names", "speaker"),
                 "role_words": ("words", "role"), "cue_words": ("words", "cue"),
                 "outlet_words": ("names", "outlet"), schema.EXACT_COLUMN: ("exact", "text")}
SOURCE_VECTORS = {"publication_words": ("names", "publication"),
                  "author_words": ("names", "author"), "title_words": ("words", "title")}
FIELD_OF = {column: name for name, column in schema.VECTOR_COLUMNS.items()}


class PostgresWriter(StoreWriter):
    def __init__(self, store: PostgresStore, clear: bool, timeout: float,
                 on_wait: Callable[[float], None] | None = None) -> None:
        self._store = store
        self._url = store.url
        self._clear = clear
        self._sharded = store.shards > 1 or store.parts != ("quotes",)
        self._pending: list[tuple[DocumentInfo, Sequence[Quote]]] = []
        self._pending_quotes = 0
        self._words_sent: Words = {}  # in this run: sent once
        self._conn = connect(self._url)
        try:
            with translated(self._url, "starting to write"):
                self._lock_index(timeout, on_wait)
                with self._conn.cursor() as cursor:
                    if store.incompatible and clear:  # a rebuild over another version
                        schema.drop_index_tables(cursor)
                        schema.create_index_tables(cursor)
                    elif clear:
                        # DELETE, not TRUNCATE: readers keep the old index until commit.
                        for table in ("quotes", "sources", "documents", "words"):
                            cursor.execute(f"DELETE FROM {table}")
                    else:
                        store.check_schema(cursor)
                    if self._sharded:
                        for table in ("quotes", "sources"):
                            cursor.execute(f"CREATE TEMPORARY TABLE staging_{table} "
                                           f"(LIKE {table}) ON COMMIT DROP")
        except BaseException:
            self._close(rollback=True)
            raise

    def _lock_index(self, timeout: float, on_wait: Callable[[float], None] | None) -> None:
        take = "pg_try_advisory_xact_lock" if self._clear else "pg_try_advisory_xact_lock_shared"
        deadline = time.monotonic() + timeout
        waited = False
        with self._conn.cursor() as cursor:
            while True:
                cursor.execute(f"SELECT {take}(%s, 0)", (LOCK_CLASS,))
                if cursor.fetchone()[0]:
                    return
                if time.monotonic() >= deadline:
                    what = "another process is writing to" if self._clear else (
                        "another process is rebuilding")
                    raise IndexBusy(f"{what} the index at {self._store.location} "
                                    f"(waited {timeout:g} s); try again when it has finished")
                if not waited and on_wait is not None:
                    on_wait(timeout)
                waited = True
                time.sleep(POLL)

    def add_document(self, info: DocumentInfo, quotes: Sequence[Quote]) -> None:
        self._pending.append((info, quotes))
        self._pending_quotes += len(quotes) + 1
        if self._pending_quotes >= BATCH_QUOTES:
            self._flush()

    def delete_document(self, key: str) -> None:
        self._flush()  # in order: an add before a delete of the same key stays undone
        with translated(self._url, "deleting a document"), self._conn.cursor() as cursor:
            self._lock_documents(cursor, [key])
            cursor.execute("DELETE FROM quotes WHERE doc_key = %s", (key,))
            cursor.execute("DELETE FROM sources WHERE doc_key = %s", (key,))
            cursor.execute("DELETE FROM documents WHERE key = %s", (key,))

    def _lock_documents(self, cursor: Any, keys: list[str]) -> None:
        cursor.execute(
            "SELECT count(pg_advisory_xact_lock(%s, hashtext(k))) "
            "FROM (SELECT DISTINCT k FROM unnest(%s::text[]) AS k ORDER BY k) AS sorted",
            (DOCUMENT_LOCK_CLASS, keys))

    def _flush(self) -> None:
        if not self._pending:
            return
        batch, self._pending, self._pending_quotes = self._pending, [], 0
        latest = {info.key: (info, quotes) for info, quotes in batch}  # a key added twice
        keys = sorted(latest)
        with translated(self._url, "writing quotes"), self._conn.cursor() as cursor:
            self._lock_documents(cursor, keys)
            # Under the locks, what other runs committed is visible: a document they
            # indexed with the same content is theirs, and stays as it is.
            cursor.execute("SELECT key, content_hash, source FROM documents "
                           "WHERE key = ANY(%s)", (keys,))
            done = {key for key, digest, source in cursor.fetchall()
                    if _same(latest[key][0], digest, source)}
            todo = [latest[key] for key in keys if key not in done]
            replaced = [info.key for info, _ in todo]
            for table in ("quotes", "sources"):
                cursor.execute(f"DELETE FROM {table} WHERE doc_key = ANY(%s)", (replaced,))
            cursor.execute("DELETE FROM documents WHERE key = ANY(%s)", (replaced,))
            words: Words = {}
            # Sharded, COPY into the parent would go row by row to the shards: the rows
            # go to a temporary table, then in one INSERT, sent in batches.
            staging = "staging_" if self._sharded else ""
            with cursor.copy(f"COPY {staging}quotes ({', '.join(schema.QUOTE_COLUMNS)}) "
                             "FROM STDIN") as copy:
                for info, quotes in todo:
                    for row in document_rows(info, quotes, words):
                        copy.write_row(row)
            with cursor.copy(f"COPY {staging}sources ({', '.join(schema.SOURCE_COLUMNS)}) "
                             "FROM STDIN") as copy:
                for info, quotes in todo:
                    row = source_row(info, words)  # its words indexed as before, in any case
                    if quotes:  # a row only where a quote can be joined to it
                        copy.write_row(row)
            if self._sharded:
                for table in ("quotes", "sources"):
                    cursor.execute(f"INSERT INTO {table} SELECT * FROM staging_{table}")
                    cursor.execute(f"TRUNCATE staging_{table}")
            with cursor.copy("COPY documents (key, content_hash, source, quotes, replaced, "
                             "speakers) FROM STDIN") as copy:
                for info, quotes in todo:
                    counts = [(count.speaker, count.mention, count.role, count.quotes,
                               count.first) for count in speaker_counts(quotes)]
                    copy.write_row((info.key, info.content_hash, Jsonb(asdict(info.source)),
                                    len(quotes),
                                    Jsonb(dict(info.replaced)) if info.replaced else None,
                                    Jsonb(counts) if counts else None))
            new = {field: forms - self._words_sent.get(field, set())
                   for field, forms in words.items()}
            add_words(cursor, new)
            for field, forms in new.items():
                _seen(self._words_sent, field).update(forms)

    def commit(self) -> None:
        try:
            self._flush()
            with translated(self._url, "committing"):
                self._conn.commit()
            if self._clear:
                self._store.incompatible = False  # rebuilt in this version's layout
        finally:
            self._close(rollback=True)

    def cancel(self) -> None:
        self._pending = []
        self._close(rollback=True)

    def _close(self, *, rollback: bool) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if rollback and not conn.closed:
                conn.rollback()
        except Exception:  # a lost connection: the server rolls back by itself
            pass
        finally:
            conn.close()


def _same(info: DocumentInfo, digest: str, source: dict[str, Any]) -> bool:
    """Whether the indexed document is `info` (its text and its metadata; the path is
    only how a run spelt the file's name)."""
    return digest == info.content_hash and {**source, "path": info.source.path} == asdict(
        info.source)


Words = dict[str, set[str]]  # each field's indexed words (query field -> forms)


def source_row(info: DocumentInfo, words: Words) -> tuple[str, ...]:
    """The sources table's row for a document (schema.SOURCE_COLUMNS): the vectors of
    its source's fields, once for all its quotes; their words are added to `words`."""
    source = info.source
    vectors = {column: vector(how, getattr(source, name))
               for column, (how, name) in SOURCE_VECTORS.items()}
    vectors["source_words"] = vector("words", source_text(source))
    for column, positions in vectors.items():
        _seen(words, FIELD_OF[column]).update(positions)
    return (info.key, *(vector_text(vectors[column])
                        for column in schema.SOURCE_VECTOR_COLUMNS))


def document_rows(info: DocumentInfo, quotes: Sequence[Quote],
                  words: Words) -> list[tuple[Any, ...]]:
    """The quotes table's rows for a document (in schema.QUOTE_COLUMNS order); the
    indexed words of each field are added to `words`."""
    source = info.source
    day = source_day(source.date)
    # Per quote: the text's two vectors from one pass, the other fields' from vector().
    others = [(column, how, name, _seen(words, FIELD_OF[column]))
              for column, (how, name) in QUOTE_VECTORS.items()
              if column not in ("text_words", schema.EXACT_COLUMN)]
    text_seen = _seen(words, FIELD_OF["text_words"])
    exact_seen = _seen(words, FIELD_OF[schema.EXACT_COLUMN])
    rows = []
    for quote in quotes:
        texts: dict[str, str] = {}
        text_words, exact_words = text_vectors(quote.text)
        text_seen.update(text_words)
        exact_seen.update(exact_words)
        texts["text_words"] = vector_text(text_words)
        texts[schema.EXACT_COLUMN] = vector_text(exact_words)
        for column, how, name, seen in others:
            value = getattr(quote, name)
            if value:
                positions = vector(how, value)
                seen.update(positions)
                texts[column] = vector_text(positions)
            else:
                texts[column] = ""
        rows.append((
            quote.id, info.key, quote.text, quote.kind, quote.speaker,
            fold_name(quote.speaker) if quote.speaker else None, quote.speaker_mention,
            quote.role, quote.cue, quote.outlet, quote.resolved_by, source.path,
            source.title, source.publication, source.author, source.date, source.url, day,
            quote.start, quote.end, _parts_json(quote.parts),
            quote.paragraph, quote.paragraph_start,
            Jsonb(quote.extra) if quote.extra else None,
            *(texts[column] for column in schema.QUOTE_VECTOR_COLUMNS),
        ))
    return rows


def _seen(words: Words, field: str) -> set[str]:
    found = words.get(field)
    if found is None:
        found = words[field] = set()
    return found


def _parts_json(parts: Sequence[tuple[int, int]]) -> str:
    """The parts as jsonb text ([[start, end], ...]): COPY's text is parsed by the
    server, no JSON encoder needed for a list of number pairs."""
    return "[" + ", ".join(f"[{int(start)}, {int(end)}]" for start, end in parts) + "]"


def add_words(cursor: Any, words: Words) -> None:
    """Add the words the index does not have yet (two runs adding the same new word at
    once may both add it: readers take distinct words, and no lock is needed)."""
    pairs = sorted((field, form) for field, forms in words.items() for form in forms)
    if not pairs:
        return
    fields, forms = zip(*pairs, strict=True)
    cursor.execute(
        "INSERT INTO words (field, word) SELECT f, w FROM unnest(%s::text[], %s::text[]) "
        "AS new(f, w) WHERE NOT EXISTS "
        "(SELECT 1 FROM words AS old WHERE old.field = new.f AND old.word = new.w)",
        (list(fields), list(forms)))


def source_day(value: str | None) -> datetime | None:
    """The day a source's date names (as the Whoosh backend reads it); None if none."""
    if not value:
        return None
    try:
        return date_bounds(value[:10])[0]
    except QueryError:
        return None  # kept as text in the source, not searchable by date
