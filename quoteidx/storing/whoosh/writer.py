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
from quoteidx.storing.whoosh.schema import document_fields
from quoteidx.storing.whoosh.storage import (
    build_empty,
    check_marker,
    open_folder,
    remember_missing_columns,
)

if TYPE_CHECKING:
    from quoteidx.storing.whoosh.store import WhooshStore
    from quoteidx.storing.whoosh.subwriters import SubWriters

LIMIT_MB = 512  # writer memory; measured ~1.6x faster bulk loads than Whoosh's 128
# A commit merges small segments into bigger ones as it goes (Whoosh's default policy),
# and everything into one only past this many: fuzzy and wildcard queries slow down with
# every segment, but a full merge rewrites the whole index, which is what made a 1%
# re-index cost as much as a rebuild.
MAX_SEGMENTS = 8
# A run past this many documents writes the rest in helper processes (subwriters.py),
# a segment each, beside its own: small runs are not worth starting them.
PARALLEL_AFTER = 100
HELPERS = 2


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
        self._helpers: SubWriters | None = None  # once the run is big enough
        self._added = 0  # documents added by this run
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
                remember_missing_columns(self._writer)
            yield self._writer
        except OSError as err:
            raise write_error(self._store.location, err) from None

    def add_document(self, info: DocumentInfo, quotes: Sequence[Quote]) -> None:
        with self._writing() as writer:
            if not self._clear:
                writer.delete_by_term("doc", info.key)  # in the segments committed before
            if self._helpers is None and self._added == PARALLEL_AFTER:
                self._helpers = _start_helpers(self._target.storage.folder, self._lock.fd)
            if self._helpers is not None:
                self._helpers.add(info, quotes)
            else:
                for fields in document_fields(info, quotes):
                    writer.add_document(**fields)
            self._added += 1

    def delete_document(self, key: str) -> None:
        if not self._clear:
            with self._writing() as writer:
                writer.delete_by_term("doc", key)

    def commit(self) -> None:
        try:
            if self._writer is not None:
                with self._writing() as writer:
                    segments = len(self._target._segments())
                    if self._helpers is not None:
                        helped, self._helpers = self._helpers.finish(), None
                        _commit_with(writer, helped, optimize=segments >= MAX_SEGMENTS)
                    else:
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
        if self._helpers is not None:
            with suppress(Exception):
                self._helpers.stop()
            self._helpers = None
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


def _start_helpers(folder: str, lock_fd: int | None) -> SubWriters | None:
    # Here, not at the top: a search imports this module, and the helpers' modules
    # (multiprocessing, quoteidx.parallel and the readers it imports) cost it ~30 ms.
    from quoteidx.parallel import cpu_count
    from quoteidx.storing.whoosh.subwriters import SubWriters, available

    count = min(HELPERS, cpu_count())
    if count < 2 or not available():
        return None  # one core: helpers would only take turns with this process
    return SubWriters(folder, count, LIMIT_MB // count, lock_fd)


def _commit_with(writer: Any, helped: list[Any], *, optimize: bool) -> None:
    """Commit Whoosh's writer with the helpers' segments as well as its own, in one new
    table of contents (as SegmentWriter.commit does for its own segment alone)."""
    writer._check_state()
    segments = writer._merge_segments(None, optimize, None)
    segments.extend(segment for segment in helped if segment is not None)
    if writer._added:
        segments.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(segments)
    writer._finish()
