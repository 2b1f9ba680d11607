"""Writing to a Whoosh index: one writer at a time under the folder's lock, its changes
committed in one step or not at all."""

from __future__ import annotations

import errno
import shutil
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

from quoteidx.record import Quote
from quoteidx.storing.base import DocumentInfo, IndexBusy, StoreError, StoreWriter
from quoteidx.storing.whoosh.folders import LockBusy, WriteLock, swap_in
from quoteidx.storing.whoosh.schema import quote_fields, record_fields
from quoteidx.storing.whoosh.storage import build_empty, check_marker, open_folder

if TYPE_CHECKING:
    from quoteidx.storing.whoosh.store import WhooshStore

LIMIT_MB = 512  # writer memory; measured ~1.6x faster bulk loads than Whoosh's 128
# A commit merges small segments into bigger ones as it goes (Whoosh's default policy),
# and everything into one only past this many: fuzzy and wildcard queries slow down with
# every segment, but a full merge rewrites the whole index, which is what made a 1%
# re-index cost as much as a rebuild.
MAX_SEGMENTS = 8


def write_error(location: str, err: OSError) -> StoreError:
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
            raise write_error(store.location, err) from None
        try:
            if clear:
                store.tidy()
                self._new = build_empty(store.real)
                self._target = open_folder(self._new, store.schema)
            else:
                # While we waited, a newer quoteidx may have rebuilt the index.
                check_marker(store.location)
                self._target = store.reader_index()
                store.tidy()
        except OSError as err:
            self.cancel()
            raise write_error(store.location, err) from None
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
            raise write_error(self._store.location, err) from None

    def add_document(self, info: DocumentInfo, quotes: Sequence[Quote]) -> None:
        with self._writing() as writer:
            if not self._clear:
                writer.delete_by_term("doc", info.key)
            for quote in quotes:
                writer.add_document(**quote_fields(quote, info))
            writer.add_document(**record_fields(info, len(quotes)))

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
                    raise write_error(self._store.location, err) from None
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
