"""Indexing: files in, quotes stored. Reading -> extracting -> storing, with a progress
callback, for the CLI and for scripts::

    from quoteidx.indexing import index_paths
    report = index_paths(["corpus"], ".quoteidx")
    print(report.documents, report.quotes)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from quoteidx.reading import Document, ReadError, iter_files, read_file
from quoteidx.record import Quote
from quoteidx.storing import DocumentInfo, StoreWriter, index_location, open_store

# progress(done, total, path): called after each file, whatever happened to it.
Progress = Callable[[int, int, str], None]
Extractor = Callable[[Document], list[Quote]]


@dataclass
class IndexReport:
    location: str
    added: list[str] = field(default_factory=list)  # paths of new documents
    updated: list[str] = field(default_factory=list)  # changed since last indexed
    unchanged: int = 0
    pruned: list[str] = field(default_factory=list)  # gone from disk, removed from index
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    quotes_added: int = 0
    quotes_removed: int = 0
    documents: int = 0  # in the index after the run
    quotes: int = 0

    @property
    def seen(self) -> int:
        """Documents found and readable in the given paths."""
        return len(self.added) + len(self.updated) + self.unchanged


def index_paths(
    paths: Iterable[str | os.PathLike[str]],
    location: str | os.PathLike[str] | None = None,
    *,
    rebuild: bool = False,
    prune: bool = False,
    progress: Progress | None = None,
    extract: Extractor | None = None,
    timeout: float | None = None,
) -> IndexReport:
    """Index the documents under `paths` into the index at `location` (made if missing).

    Unchanged files (same content hash) are skipped; a changed file's old quotes are
    replaced; `prune` removes documents whose file no longer exists; `rebuild` starts
    from an empty index. Raises quoteidx.storing.StoreError (e.g. IndexBusy)."""
    if extract is None:
        from quoteidx.extract import extract_document as extract
    where = index_location(location)
    report = IndexReport(location=where)
    files: list[str] = []
    for item in iter_files(paths):
        if isinstance(item, ReadError):
            report.skipped.append((item.path, item.reason))
        else:
            files.append(item)

    store = open_store(where, create=True, replace_incompatible=rebuild)
    try:
        known = {} if rebuild else store.documents()
        by_hash = {info.content_hash: key for key, info in known.items()}
        done: set[str] = set()
        with store.writer(clear=rebuild, timeout=timeout) as writer:
            for number, path in enumerate(files, start=1):
                key = os.path.abspath(path)
                if key not in done:
                    done.add(key)
                    _index_file(path, key, known, by_hash, writer, extract, report)
                if progress is not None:
                    progress(number, len(files), path)
            if prune:
                for key, info in known.items():
                    if key not in done and not os.path.exists(key):
                        writer.delete_document(key)
                        report.pruned.append(info.source.path)
                        report.quotes_removed += info.quotes
        stats = store.stats()
        report.documents, report.quotes = stats.documents, stats.quotes
    finally:
        store.close()
    return report


def _index_file(
    path: str,
    key: str,
    known: dict[str, DocumentInfo],
    by_hash: dict[str, str],
    writer: StoreWriter,
    extract: Extractor,
    report: IndexReport,
) -> None:
    try:
        document = read_file(path)
    except ReadError as err:
        report.skipped.append((path, err.reason))
        return
    digest = document.content_hash
    old = known.get(key)
    if old is not None and old.content_hash == digest:
        report.unchanged += 1
        return
    twin = by_hash.get(digest)
    if twin is not None and twin != key:
        if os.path.exists(twin):
            # Same text twice would give the same quote ids twice: index it once.
            report.skipped.append((path, f"same text as {twin}, already indexed"))
            return
        # The file moved: its quotes now live under the new path.
        gone = known.pop(twin, None)
        writer.delete_document(twin)
        report.quotes_removed += gone.quotes if gone else 0
    try:
        quotes = extract(document)
    except Exception as err:  # one bad document must not stop a long run
        report.skipped.append((path, f"extraction failed: {type(err).__name__}: {err}"))
        return
    writer.add_document(DocumentInfo(key, digest, document.source, len(quotes)), quotes)
    by_hash[digest] = key
    report.quotes_added += len(quotes)
    if old is None:
        report.added.append(path)
    else:
        report.updated.append(path)
        report.quotes_removed += old.quotes
