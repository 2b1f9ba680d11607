"""Extraction on several cores, with the same results in the same order as on one.

    from quoteidx.parallel import extract_all
    for item in extract_all(["corpus"], jobs=0):  # 0: one process per core
        ...  # (document, quotes), or a ReadError

Worker processes read and extract whole files (reading HTML is as costly as extracting
it); the lines of a JSON Lines file and stdin are read here and sent as documents, so
that one big export is still spread over every core. Results come back in input order,
and at most a few batches per worker are in flight, so memory stays bounded however
big the corpus.

Workers are started fresh ("spawn"), not forked: a forked worker holds a copy of every
file descriptor of its parent, the index's write lock included, so a killed `index -j 2`
left workers that kept the index locked. Each worker ignores Ctrl-C (the parent stops
the run and says so once) and dies with its parent (PR_SET_PDEATHSIG on Linux, a check
of its parent every second elsewhere), however the parent dies.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from typing import TypeVar

from quoteidx.reading import Document, ReadError, iter_files, read_path
from quoteidx.record import Quote

Item = tuple[Document, list[Quote]] | ReadError
Extractor = Callable[[Document], list[Quote]]
# A unit of work: a file for a worker to read, a document read here, or an error to pass on.
Unit = str | Document | ReadError
T = TypeVar("T")
R = TypeVar("R")

BATCH = 16  # units per task: amortises inter-process overhead (~0.2 ms a task)
IN_FLIGHT = 4  # batches queued per worker: keeps every core busy, memory bounded


def cpu_count() -> int:
    """Cores this process may use (the affinity mask, not the machine's total)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_all(
    paths: Iterable[str | os.PathLike[str]],
    jobs: int = 1,
    extract: Extractor | None = None,
) -> Iterator[Item]:
    """(document, quotes) for each readable document under `paths` (`-` for stdin), a
    ReadError for each that cannot be read or whose extraction failed; in the same order
    whatever `jobs` is (0 means one process per core). `extract` must be a module-level
    function when jobs > 1, since it is sent to worker processes."""
    jobs = jobs or cpu_count()
    units = _units(paths)
    if jobs == 1:
        for unit in units:
            yield from _process(unit, extract)
        return
    tasks = ((batch, extract) for batch in _batches(units, BATCH))
    for results in ordered_map(_process_batch, tasks, jobs):
        yield from results


def ordered_map(func: Callable[[T], R], tasks: Iterable[T], jobs: int) -> Iterator[R]:
    """func(task) for each task, computed in `jobs` processes, yielded in task order.
    Tasks are taken from the iterable only as results are consumed."""
    import multiprocessing

    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_start, initargs=(os.getpid(),))
    pending: deque[Future[R]] = deque()
    try:
        for number, task in enumerate(tasks):
            # The first `jobs` submissions start the workers: see _ctrl_c_ignored.
            with _ctrl_c_ignored() if number < jobs else nullcontext():
                pending.append(pool.submit(func, task))
            if len(pending) >= jobs * IN_FLIGHT:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:  # also when the consumer stops early (`| head`): drop queued work
        pool.shutdown(cancel_futures=True)


@contextmanager
def _ctrl_c_ignored() -> Iterator[None]:
    """SIGINT ignored while a worker is started: an ignored signal stays ignored across
    exec, and Python then installs no KeyboardInterrupt handler, so a Ctrl-C while the
    worker imports cannot print a traceback before `_worker_start` runs. (A blocked
    signal would not do: the new interpreter starts with no signal blocked.) A Ctrl-C
    in those few milliseconds is lost; the next one stops the run."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers (and gets Ctrl-C)
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _worker_start(parent: int) -> None:
    """In each worker, first: leave Ctrl-C to the parent, and never outlive it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    else:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it died before we could ask to die with it
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _units(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Unit]:
    for item in iter_files(paths):
        if isinstance(item, ReadError):
            yield item
        elif item == "-" or item.lower().endswith(".jsonl"):
            yield from read_path(item)  # many documents from one stream: split them here
        else:
            yield item


def _batches(units: Iterable[Unit], size: int) -> Iterator[list[Unit]]:
    batch: list[Unit] = []
    for unit in units:
        batch.append(unit)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _process_batch(task: tuple[list[Unit], Extractor | None]) -> list[Item]:
    batch, extract = task
    return [item for unit in batch for item in _process(unit, extract)]


def _process(unit: Unit, extract: Extractor | None) -> Iterator[Item]:
    if isinstance(unit, ReadError):
        yield unit
        return
    if extract is None:
        from quoteidx.extract import extract_document as extract
    for item in [unit] if isinstance(unit, Document) else read_path(unit):
        if isinstance(item, ReadError):
            yield item
            continue
        try:
            yield item, extract(item)
        except Exception as err:  # one document must not stop the run
            yield ReadError(item.source.path, f"extraction failed: {err!r}")


def extract_outcomes(task: tuple[list[Document], Extractor | None]) -> list[list[Quote] | str]:
    """For indexing: each document's quotes, or "ErrorType: message" when its extraction
    raised (a string, since not every exception survives pickling)."""
    documents, extract = task
    if extract is None:
        from quoteidx.extract import extract_document as extract
    outcomes: list[list[Quote] | str] = []
    for document in documents:
        try:
            outcomes.append(extract(document))
        except Exception as err:  # one document must not stop the run
            outcomes.append(f"{type(err).__name__}: {err}")
    return outcomes
