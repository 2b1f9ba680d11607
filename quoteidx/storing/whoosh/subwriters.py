"""Writing a run's new documents in helper processes, a segment each, that the run's
own writer then commits with its own changes in one step.

Whoosh spends ~1.5 ms of Python per quote analysing fields and sorting postings, so a
single writer process is the limit of a large run. Whoosh's own multi-process writer
cannot be cancelled (its cancel() flags the parent's copies of the sub-writers, which
stay blocked, and a killed parent leaves them running and holding the index's lock).
These helpers can: each is told to stop by its parent or killed, never outlives it
(the kernel kills it when its parent dies: PR_SET_PDEATHSIG), and closes its copy of
the write lock, so the lock is the parent's alone. A helper only writes segment files
that no table of contents names until the parent commits; what a killed or cancelled
run leaves is deleted by the next run's tidy(), like any half-written segment.

Linux only (fork and prctl); elsewhere a run writes in one process, as before.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import signal
import sys
from collections.abc import Sequence
from typing import Any

from quoteidx.parallel import die_with_parent
from quoteidx.record import Quote
from quoteidx.storing.base import DocumentInfo

QUEUED = 64  # documents waiting per helper: bounded memory, helpers kept busy


def available() -> bool:
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


class SubWriters:
    """`count` helper processes adding documents to new segments of the index in
    `folder`. add() hands a document to the next helper; finish() returns their
    segments (not yet committed); stop() kills them."""

    def __init__(self, folder: str, count: int, limitmb: int, lock_fd: int | None) -> None:
        context = multiprocessing.get_context("fork")
        self._jobs: list[Any] = []
        self._results = context.Queue()
        self._processes: list[Any] = []
        for _ in range(count):
            jobs = context.Queue(QUEUED)
            process = context.Process(
                target=_serve, args=(folder, limitmb, lock_fd, os.getpid(), jobs, self._results),
                daemon=True)
            process.start()
            self._jobs.append(jobs)
            self._processes.append(process)
        self._next = 0

    def add(self, info: DocumentInfo, quotes: Sequence[Quote]) -> None:
        self._check()
        jobs = self._jobs[self._next]
        self._next = (self._next + 1) % len(self._jobs)
        while True:
            try:
                jobs.put((info, list(quotes)), timeout=1)
                return
            except queue.Full:
                self._check()  # a helper that died would never take it

    def finish(self) -> list[Any]:
        """The helpers' segments, once each has written its own to the end."""
        for jobs in self._jobs:
            jobs.put(None)
        segments = []
        for _ in self._processes:
            while True:
                try:
                    kind, value = self._results.get(timeout=1)
                    break
                except queue.Empty:
                    self._check()
            if kind == "error":
                raise value
            segments.append(value)
        for process in self._processes:
            process.join()
        self._processes = []
        return segments

    def stop(self) -> None:
        """Kill the helpers now: what they wrote is left for tidy()."""
        for process in self._processes:
            if process.is_alive():
                process.kill()
        for process in self._processes:
            process.join()
        self._processes = []
        for each in (*self._jobs, self._results):
            each.cancel_join_thread()  # never wait to flush to a dead helper
            each.close()

    def _check(self) -> None:
        """Raise the error of a helper that failed, or say it died."""
        try:
            kind, value = self._results.get_nowait()
        except queue.Empty:
            pass
        else:
            if kind == "error":
                raise value
            self._results.put((kind, value))  # a segment: finish() takes it
        for process in self._processes:
            if not process.is_alive() and process.exitcode != 0:
                raise OSError(f"an index writer process died (exit {process.exitcode})")


def _serve(folder: str, limitmb: int, lock_fd: int | None, parent: int, jobs: Any,
           results: Any) -> None:
    """A helper: documents from `jobs` into a new segment, which goes to `results`."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent to handle
    die_with_parent(parent)
    if lock_fd is not None:
        os.close(lock_fd)  # the run's lock is its parent's alone
    try:
        from quoteidx.storing.whoosh.schema import build_schema, document_fields
        from quoteidx.storing.whoosh.storage import open_folder, remember_missing_columns

        writer = open_folder(folder, build_schema()).writer(_lk=False, limitmb=limitmb,
                                                           compound=False)
        remember_missing_columns(writer)
        added = 0
        while (job := jobs.get()) is not None:
            info, quotes = job
            for fields in document_fields(info, quotes):
                writer.add_document(**fields)
            added += 1
        if not added:  # no segment; the parent's commit deletes its empty files
            writer._close_segment()
            results.put(("segment", None))
            return
        # Its files complete, not in any table of contents: the parent commits it. (Not
        # writer.commit() or cancel(): they would delete the temporary folder that the
        # other writers of the run share.)
        results.put(("segment", writer._finalize_segment()))
    except BaseException as err:  # noqa: BLE001  (told to the parent, which decides)
        failure = err if isinstance(err, OSError) else OSError(f"{type(err).__name__}: {err}")
        results.put(("error", OSError(failure.errno, failure.strerror) if failure.errno
                     else OSError(str(failure))))
        raise SystemExit(1) from None
