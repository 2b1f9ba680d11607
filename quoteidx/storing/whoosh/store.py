"""The Whoosh store: opening and creating an index folder, keeping a searcher open on
it, and the Store interface over the modules that read (search.py) and write
(writer.py) it."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import struct
import time
import zlib
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from whoosh import index

from quoteidx.record import Quote
from quoteidx.storing.base import (
    DocumentInfo,
    DocumentSpeakers,
    IndexDamaged,
    IndexIncompatible,
    IndexMissing,
    SearchResult,
    SpeakerInfo,
    Stats,
    Store,
    StoreError,
)
from quoteidx.storing.whoosh import search
from quoteidx.storing.whoosh.folders import finish_interrupted_swap, remove_leftovers
from quoteidx.storing.whoosh.integrity import remove_other_sums
from quoteidx.storing.whoosh.kept import read_kept, remove_temporary, write_kept
from quoteidx.storing.whoosh.schema import build_schema
from quoteidx.storing.whoosh.storage import (
    MARKER,
    build_empty,
    check_marker,
    open_folder,
    rename_onto,
    sums_required,
)
from quoteidx.storing.whoosh.writer import WhooshWriter, write_error

if TYPE_CHECKING:
    from quoteidx.identity.corrections import Correction
    from quoteidx.querying import SearchRequest

WRITE_TIMEOUT = 10.0  # seconds to wait for another writer before giving up
OPEN_TRIES = 20  # opening races a commit replacing the TOC: retry, 50 ms apart


def open_store(location: str, *, create: bool = False,
               replace_incompatible: bool = False) -> WhooshStore:
    """The index in the folder `location` (see quoteidx.storing.open_store)."""
    if os.path.isfile(location):
        raise StoreError(f"{location} is a file, not an index folder")
    if create:
        return WhooshStore.open_or_create(location, replace_incompatible=replace_incompatible)
    return WhooshStore.open(location)


# What Whoosh raises reading a damaged table of contents: a truncated file seeks out of
# range, a garbled one fails to unpickle or unpack.
_DAMAGE = (ValueError, EOFError, KeyError, IndexError, TypeError, AttributeError,
           struct.error, zlib.error, pickle.UnpicklingError, index.IndexError)


def _open_readable(location: str, schema: Any) -> Any:
    try:
        return open_folder(location, schema)
    except (index.EmptyIndexError, FileNotFoundError):
        raise
    except _DAMAGE as err:
        raise IndexDamaged(f"the index at {location} is damaged ({type(err).__name__}: "
                           f"{err}); nothing in it can be read") from None


class WhooshStore(Store):
    """An index in a folder. Keeps one searcher open between calls and follows what
    other processes commit."""

    def __init__(self, ix: Any, location: str) -> None:
        self.ix = ix  # None for an index of another version, until a rebuild replaces it
        self.location = location
        self.real = os.path.realpath(location)  # swaps and sibling folders work on this
        self.schema = build_schema()  # ours, never re-read from the index's TOC
        self._searcher: Any = None  # kept open between calls, refreshed on each
        self._folder: tuple[int, int] | None = None  # the folder the searcher reads

    # Opening and creating

    @classmethod
    def open(cls, location: str) -> WhooshStore:
        real = os.path.realpath(location)
        for attempt in range(OPEN_TRIES):
            try:
                check_marker(location)
                store = cls(None, location)
                store.ix = _open_readable(location, store.schema)
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
            if os.path.exists(os.path.join(real, MARKER)):
                # Another run made it since we looked (its folder arrives whole).
                return cls.open_or_create(location, replace_incompatible=replace_incompatible)
            raise StoreError(
                f"{location} is not empty and holds no quoteidx index; "
                "choose a new or empty directory with --index"
            )
        try:
            # Made complete next to its place, then renamed there: a killed run never
            # leaves half an index, and of two runs creating it at once, one wins.
            os.makedirs(os.path.dirname(real), exist_ok=True)
            new = build_empty(real)
            try:
                rename_onto(new, real)
            finally:
                shutil.rmtree(new, ignore_errors=True)  # only if another run won
        except OSError as err:
            try:
                return cls.open(location)  # made by another run meanwhile
            except IndexMissing:
                raise write_error(location, err) from None
        return cls.open(location)

    def gone(self, settle: float = 0.0) -> bool:
        # `rm -rf` removes the folder's files one by one, in no order we know: a read can
        # fail on a file already removed while the marker and the TOC are still there,
        # so a failure waits a little for the deletion to show
        deadline = time.monotonic() + settle
        while not self._gone():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.02)
        return True

    def _gone(self) -> bool:
        # the marker or every table of contents already gone: the index is being deleted
        try:
            names = os.listdir(self.real)
        except (FileNotFoundError, NotADirectoryError):
            return True
        except OSError:
            return False  # unreadable, not gone: that error is its own
        return MARKER not in names or not any(name.endswith(".toc") for name in names)

    def reopen(self) -> None:
        """Follow a rebuilt folder swapped in at our location."""
        self._drop_searcher()
        # By its real path: a relative location may be relative to the old folder
        # (`--index .` from inside the index), which the swap has just deleted.
        self.ix = open_folder(self.real, self.schema)

    def _read(self, work: Callable[[Any], Any]) -> Any:
        """`work(searcher)` on the index as last committed. One searcher is kept open
        across calls (opening one costs more than most queries) and brought up to date
        first: a new commit, or a rebuilt folder swapped in by another process (whose
        generation may well be the same number). A segment file can vanish under it when
        another process's commit merges segments; the read is then retried on the new
        version of the index."""
        for attempt in range(OPEN_TRIES):
            try:
                ix = self.reader_index()
                found = os.stat(self.location)
                folder = (found.st_dev, found.st_ino)
                if self._searcher is not None and (
                        folder != self._folder
                        or ix.latest_generation() != self._searcher.reader().generation()):
                    # Not Searcher.refresh(): its reader reuse breaks on an empty index.
                    self._drop_searcher()
                if self._searcher is None:
                    self._searcher = ix.searcher()
                    self._folder = folder
                return work(self._searcher)
            except FileNotFoundError:
                self._drop_searcher()
                if attempt == OPEN_TRIES - 1:
                    self._raise_if_damaged()
                    raise
                time.sleep(0.05)
            except StoreError:
                raise
            except Exception as err:  # Whoosh's own errors include plain Exception
                # Imported here: reading a quote (`show`) needs no query language.
                from quoteidx.querying import QueryError

                if not isinstance(err, QueryError):
                    self._raise_if_damaged(err)
                raise
        raise AssertionError("unreachable")

    def _raise_if_damaged(self, failure: BaseException | None = None) -> None:
        """A read failed: if a file of the index is not as its commit wrote it, say the
        index is damaged (IndexDamaged); otherwise the failure is not the files' (a bug,
        an I/O error) and is raised as it is. In an index made without checksums, zlib,
        pickle and struct failures are taken for damage: nothing else raises them."""
        if self.gone():
            return  # being deleted, not damaged: the failure as it is (a run says so)
        problems = self.check()
        if not problems and not self.ix.storage.required and isinstance(
                failure, (zlib.error, pickle.UnpicklingError, struct.error, EOFError)):
            problems = [f"{type(failure).__name__}: {failure}"]
        if problems:
            more = f", and {len(problems) - 1} more" if len(problems) > 1 else ""
            raise IndexDamaged(f"the index at {self.location} is damaged "
                               f"({problems[0]}{more})") from None

    def check(self) -> list[str]:
        """Every file of the index read whole and compared with the checksums its commit
        wrote: the problems found, one line each (none: the index is as committed)."""
        from quoteidx.storing.whoosh.integrity import check_folder, latest_generation

        required = self.ix.storage.required if self.ix is not None else sums_required(self.real)
        for _attempt in range(OPEN_TRIES):
            try:
                before = latest_generation(self.real, "MAIN")
                problems = check_folder(self.real, "MAIN", required=required)
                if not problems or latest_generation(self.real, "MAIN") == before:
                    return problems
            except OSError as err:
                return [f"cannot read the index folder: {err.strerror or err}"]
            # a commit replaced the generation under the check (and deleted its files)
        return problems

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
        remove_temporary(self.real)
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
            remove_other_sums(self.real, self.ix.indexname, toc.generation)
        except OSError:
            pass
        shutil.rmtree(os.path.join(self.real, f"{self.ix.indexname}.tmp"), ignore_errors=True)

    # Writing

    def writer(self, *, clear: bool = False, timeout: float | None = None,
               on_wait: Callable[[float], None] | None = None) -> WhooshWriter:
        return WhooshWriter(self, clear, WRITE_TIMEOUT if timeout is None else timeout,
                            on_wait)

    # Reading

    def documents(self) -> dict[str, DocumentInfo]:
        return self._read(search.documents)

    def search(self, request: SearchRequest) -> SearchResult:
        return self._read(lambda searcher: search.search(searcher, self.schema, request))

    def get(self, quote_id: str) -> Quote | None:
        return self._read(lambda searcher: search.get(searcher, quote_id))

    def document_quotes(self, key: str) -> list[Quote]:
        return self._read(lambda searcher: search.document_quotes(searcher, key))

    def speakers(self, fragment: str | None = None) -> list[SpeakerInfo]:
        return self._read(lambda searcher: search.speakers(searcher, fragment))

    def speaker_counts(self, speaker: str | None = None) -> list[DocumentSpeakers]:
        return self._read(lambda searcher: search.speaker_counts(searcher, self.schema,
                                                                 speaker))

    def speaker_names(self) -> list[str]:
        return self._read(search.speaker_names)

    def stats(self) -> Stats:
        return self._read(lambda searcher: search.stats(searcher, self.location, self.real))

    # Derived data, in files in the folder (kept.py)

    def version(self) -> str | None:
        def token(searcher: Any) -> str | None:
            reader = searcher.reader()
            generation = reader.generation()
            if generation is None:  # an empty index: nothing worth keeping
                return None
            # Its segments too, as this searcher reads them: a rebuilt folder swapped in
            # may reach the same generation, never with the same (random) segment ids.
            segments = sorted(leaf.segment().segment_id() for leaf, _ in reader.leaf_readers())
            return f"{generation} {' '.join(segments)}"

        return self._read(token)

    def kept(self, name: str) -> bytes | None:
        return read_kept(self.real, name)

    def keep(self, name: str, data: bytes) -> None:
        write_kept(self.real, name, data)

    # Corrections: the TOML file beside the folder, as ever (see identity/corrections.py):
    # a rebuild swaps the folder, never the file, and people edit and version it.

    def corrections(self) -> list[Correction]:
        from quoteidx.identity.corrections import load_corrections

        return load_corrections(self.location)

    def add_correction(self, correction: Correction) -> None:
        from quoteidx.identity.corrections import add_correction

        try:
            add_correction(self.location, correction)
        except OSError as err:
            raise StoreError(
                f"cannot write the corrections file: {err.strerror or err}") from None

    def remove_correction(self, number: int) -> Correction:
        from quoteidx.identity.corrections import remove_correction

        try:
            return remove_correction(self.location, number)
        except OSError as err:
            raise StoreError(
                f"cannot write the corrections file: {err.strerror or err}") from None

    @property
    def corrections_location(self) -> str:
        from quoteidx.identity.corrections import corrections_path

        return corrections_path(self.location)

    def close(self) -> None:
        self._drop_searcher()
        if self.ix is not None:
            self.ix.close()
