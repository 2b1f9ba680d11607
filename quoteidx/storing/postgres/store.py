"""The PostgreSQL store: opening (and creating) an index in a database, and the Store
interface over the modules that read (read.py) and write (writer.py) it.

A location is a libpq URL, `postgresql://user:password@host:port/database` (any of its
parameters; the password may also come from ~/.pgpass or PGPASSWORD). The store keeps
one connection for reading; each writer has its own, holding its transaction."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from quoteidx.querying import SearchRequest
from quoteidx.record import Quote
from quoteidx.storing.base import (
    DocumentInfo,
    DocumentSpeakers,
    IndexBusy,
    IndexIncompatible,
    IndexMissing,
    SearchResult,
    SpeakerInfo,
    Stats,
    Store,
    StoreError,
)

try:
    import psycopg  # noqa: F401  (only checked for here)
except ImportError:  # pragma: no cover - depends on the installation
    raise StoreError("postgresql:// locations need psycopg: "
                     "pip install 'quoteidx[postgres]'") from None

from quoteidx.storing.postgres import read, schema
from quoteidx.storing.postgres.connect import connect, shown, translated
from quoteidx.storing.postgres.writer import LOCK_CLASS, POLL, PostgresWriter

if TYPE_CHECKING:
    from quoteidx.identity.corrections import Correction

WRITE_TIMEOUT = 10.0  # seconds a rebuild waits for other writers (and they for it)
CREATE_LOCK = 1  # advisory lock (LOCK_CLASS, 1): one process creates the tables


def open_store(location: str, *, create: bool = False,
               replace_incompatible: bool = False) -> PostgresStore:
    """The index in the database at `location` (see quoteidx.storing.open_store)."""
    store = PostgresStore(location)
    try:
        store.open(create=create, replace_incompatible=replace_incompatible)
    except BaseException:
        store.close()
        raise
    return store


class PostgresStore(Store):
    def __init__(self, url: str) -> None:
        self.url = url  # with its password: never shown
        self.location = shown(url)
        self.incompatible = False  # made by another version; only a rebuild may write
        self.shards = 1
        self.parts: tuple[str, ...] = ("quotes",)  # the tables holding quotes (shards)
        self.source_parts: tuple[str, ...] = ("sources",)  # and their sources, in order
        self.joined_parts: tuple[str, ...] | None = None  # and the shards' views of both
        self._conn: Any = None

    # Opening and creating

    def open(self, *, create: bool, replace_incompatible: bool) -> None:
        # Read committed: after waiting for another creator, see what it made.
        conn = self._connection(read_committed=True)
        with translated(self.url, "opening the index"), conn.transaction(), \
                conn.cursor() as cursor:
            version, has_tables = schema.state(cursor)
            if version is None and create and not has_tables:
                # Two runs creating the index at once: the second waits, then sees it.
                cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", (LOCK_CLASS, CREATE_LOCK))
                version, has_tables = schema.state(cursor)
                if version is None and not has_tables:
                    schema.create(cursor)
                    version = str(schema.SCHEMA_VERSION)
            if version is None and has_tables:
                raise StoreError(
                    f"the database at {self.location} has tables named quotes or documents "
                    "that are not a quoteidx index; use another database, or another "
                    "schema (?options=-csearch_path%3DNAME)")
            if version is None:
                raise IndexMissing(f"no index at {self.location}")
            if version != str(schema.SCHEMA_VERSION):
                version = self._upgrade(cursor, version, replace_incompatible)
            cursor.execute("SELECT key, value FROM quoteidx_meta")
            meta = dict(cursor.fetchall())
            self.shards = int(meta.get("shards", 1))
            if meta.get("parts"):
                self.parts = tuple(meta["parts"].split(","))
            if meta.get("source_parts"):
                self.source_parts = tuple(meta["source_parts"].split(","))
            if meta.get("joined_parts"):
                self.joined_parts = tuple(meta["joined_parts"].split(","))

    def _upgrade(self, cursor: Any, version: str, replace_incompatible: bool) -> str:
        """An index of another schema: migrated in place where schema.migrate() can,
        else kept for a rebuild (replace_incompatible) or refused."""
        made_as = schema.layout(cursor)
        if schema.can_migrate(version, made_as):
            self._lock_alone(cursor)
            version, _ = schema.state(cursor)  # another process may have done it
            if version is not None and schema.can_migrate(version, made_as):
                schema.migrate(cursor)
                return str(schema.SCHEMA_VERSION)
        if version == str(schema.SCHEMA_VERSION):
            return version
        if made_as == "sharded":  # a rebuild would make one server's tables over it
            raise StoreError(
                f"the sharded index at {self.location} was made by another version of "
                f"quoteidx (schema {version}, expected {schema.SCHEMA_VERSION}); make it "
                "again: python -m quoteidx.storing.postgres.shards COORDINATOR SHARD...")
        if not replace_incompatible:
            raise IndexIncompatible(
                f"the index at {self.location} was made by another version of "
                f"quoteidx (schema {version}, expected {schema.SCHEMA_VERSION})")
        self.incompatible = True
        return str(version)

    def _lock_alone(self, cursor: Any) -> None:
        """The index's lock, held alone until the transaction ends: no writer is
        running (a rebuild's lock)."""
        deadline = time.monotonic() + WRITE_TIMEOUT
        while True:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s, 0)", (LOCK_CLASS,))
            if cursor.fetchone()[0]:
                return
            if time.monotonic() >= deadline:
                raise IndexBusy(
                    f"the index at {self.location} is upgraded to schema "
                    f"{schema.SCHEMA_VERSION} when no other process is writing to it "
                    f"(waited {WRITE_TIMEOUT:g} s); try again when it has finished")
            time.sleep(POLL)

    def check_schema(self, cursor: Any) -> None:
        """Raise IndexIncompatible if a newer quoteidx rebuilt the index meanwhile."""
        version, _ = schema.state(cursor)
        if version != str(schema.SCHEMA_VERSION):
            raise IndexIncompatible(
                f"the index at {self.location} was made by another version of quoteidx "
                f"(schema {version}, expected {schema.SCHEMA_VERSION})")

    def _connection(self, *, read_committed: bool = False) -> Any:
        import psycopg

        if self._conn is None or self._conn.closed or self._conn.broken:
            self._conn = connect(self.url, autocommit=True)
        if read_committed:
            self._conn.isolation_level = None  # the server's default: READ COMMITTED
        else:
            # Each read sees one committed state of the index, also across statements.
            self._conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        return self._conn

    def _read(self, work: Callable[[Any], Any], doing: str = "reading the index") -> Any:
        if self.incompatible:
            raise IndexIncompatible(
                f"the index at {self.location} was made by another version of quoteidx; "
                "rebuild it")
        conn = self._connection()
        with translated(self.url, doing), conn.transaction(), conn.cursor() as cursor:
            return work(cursor)

    # Writing

    def writer(self, *, clear: bool = False, timeout: float | None = None,
               on_wait: Callable[[float], None] | None = None) -> PostgresWriter:
        return PostgresWriter(self, clear, WRITE_TIMEOUT if timeout is None else timeout,
                              on_wait)

    # Reading

    def documents(self) -> dict[str, DocumentInfo]:
        return self._read(read.documents)

    def search(self, request: SearchRequest) -> SearchResult:
        return self._read(lambda cursor: read.search(
            cursor, request, self.parts, self.source_parts, self.joined_parts), "searching")

    def get(self, quote_id: str) -> Quote | None:
        return self._read(lambda cursor: read.get(cursor, quote_id))

    def document_quotes(self, key: str) -> list[Quote]:
        return self._read(lambda cursor: read.document_quotes(cursor, key))

    def speakers(self, fragment: str | None = None) -> list[SpeakerInfo]:
        return self._read(lambda cursor: read.speakers(cursor, fragment))

    def speaker_counts(self, speaker: str | None = None) -> list[DocumentSpeakers]:
        return self._read(lambda cursor: read.speaker_counts(cursor, speaker))

    def speaker_names(self) -> list[str]:
        return self._read(read.speaker_names)

    def stats(self) -> Stats:
        return self._read(lambda cursor: read.stats(cursor, self.location, self.shards))

    # Corrections: a table, kept by every rebuild (which only replaces quotes).

    def corrections(self) -> list[Correction]:
        return self._read(read.corrections)

    def add_correction(self, correction: Correction) -> None:
        from psycopg.types.json import Jsonb

        conn = connect(self.url)
        try:
            with translated(self.url, "saving a correction"), conn.cursor() as cursor:
                cursor.execute("INSERT INTO corrections (correction) VALUES (%s)",
                               (Jsonb(asdict(correction)),))
                conn.commit()
        finally:
            conn.close()

    def remove_correction(self, number: int) -> Correction:
        conn = connect(self.url)
        try:
            with translated(self.url, "removing a correction"), conn.cursor() as cursor:
                # The numbers users see are positions (1 is the first), not the table's
                # identity values, which keep gaps where corrections were removed.
                cursor.execute("SELECT number, correction FROM corrections ORDER BY number "
                               "FOR UPDATE")
                rows = cursor.fetchall()
                if not 1 <= number <= len(rows):
                    raise IndexError(f"no correction {number}; there are {len(rows)}")
                row_number, data = rows[number - 1]
                cursor.execute("DELETE FROM corrections WHERE number = %s", (row_number,))
                conn.commit()
        finally:
            conn.close()
        return read.correction_of(data)

    @property
    def corrections_location(self) -> str:
        return f"the corrections table of {self.location}"

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()
