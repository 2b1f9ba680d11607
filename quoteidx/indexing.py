"""Indexing: files in, quotes stored. Reading -> extracting -> storing, with a progress
callback, for the CLI and for scripts::

    from quoteidx.indexing import index_paths
    report = index_paths(["corpus"], ".quoteidx")
    print(report.documents, report.quotes)

How a document is named in the index is quoteidx.document_keys; how its quotes keep
their ids across edits, quoteidx.stable_ids.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from quoteidx.document_keys import document_base, document_key, file_of, shown_key
from quoteidx.reading import Document, ReadError, iter_files, read_path
from quoteidx.record import Quote
from quoteidx.stable_ids import replaced_ids, with_stable_ids
from quoteidx.storing import (
    DocumentInfo,
    Store,
    StoreError,
    StoreWriter,
    index_location,
    open_store,
)

# progress(done, total, path): called after each document (each line of a JSON Lines
# file), whatever happened to it; `total` is the documents the run expects (a JSON Lines
# file counts its lines), `done` may pass it if a file grew meanwhile.
Progress = Callable[[int, int, str], None]
# phase(name): the run has reached a phase that shows no progress of its own; "writing"
# when every document is read and the index is being written.
Phase = Callable[[str], None]
Extractor = Callable[[Document], list[Quote]]
# A document's quotes, or "ErrorType: message" when its extraction raised.
Outcome = list[Quote] | str
CHUNK = 32  # documents per task with jobs > 1: a big JSON Lines file is never held whole
# Seconds a failed run waits for a deletion of the index folder under way to show (`rm
# -rf` removes the files one by one: the one a read needed may go before the marker).
GONE_SETTLE = 1.0


@dataclass
class IndexReport:
    location: str
    added: list[str] = field(default_factory=list)  # paths of new documents
    updated: list[str] = field(default_factory=list)  # changed since last indexed
    unchanged: int = 0
    pruned: list[str] = field(default_factory=list)  # gone from disk, removed from index
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    # (path, key of the indexed document with the same text): not indexed twice, since
    # the same text would give the same quotes twice. A note, not a failure.
    duplicates: list[tuple[str, str]] = field(default_factory=list)
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
    on_wait: Callable[[float], None] | None = None,
    jobs: int = 1,
    phase: Phase | None = None,
) -> IndexReport:
    """Index the documents under `paths` into the index at `location` (made if missing).

    Unchanged files (same content hash) are skipped; a changed file's old quotes are
    replaced; `prune` removes documents whose file no longer exists; `rebuild` starts
    from an empty index. The run is one transaction: it is saved whole at the end, or
    (on an error, or if the process dies) not at all. If another run is writing, waits
    up to `timeout` seconds (calling `on_wait(timeout)` once). `jobs` > 1 extracts in
    that many processes (0: one per core; `extract` must then be a module-level
    function), with the same result. `progress` is told of each document, `phase` of
    the writing at the end. Raises quoteidx.storing.StoreError (e.g. IndexBusy).

    Documents are keyed by their path relative to the index's base (`document_base`),
    and their quotes' ids are made from that key, so an index that moves with its
    folder, or is reached by another path, still knows its documents and ids."""
    if extract is None:
        from quoteidx.extract import extract_document as extract
    where = index_location(location)
    report = IndexReport(location=where)
    files: list[str] = []
    for item in iter_files(paths):
        if isinstance(item, ReadError):
            report.skipped.append((item.path, item.reason))
        elif item == "-":
            report.skipped.append(("-", "stdin cannot be indexed: it could never be refreshed"))
        else:
            files.append(item)

    base = document_base(where)
    expected = count_documents(files) if progress is not None else 0
    store = open_store(where, create=True, replace_incompatible=rebuild)
    try:
        with _gone_is_an_error(where, store), \
                store.writer(clear=rebuild, timeout=timeout, on_wait=on_wait) as writer:
            # Read what is indexed only now, under the lock: a run that waited must see
            # what the run before it committed, or it would index the same text twice.
            run = _Run({} if rebuild else store.documents(), extract, report, base,
                       None if rebuild else store)
            run.writer = writer
            if progress is not None:
                done = itertools.count(1)
                run.on_document = lambda path: progress(next(done), expected, path)
            if jobs == 1:
                for path in files:
                    run.index_file(path)
            else:
                for path, items, outcomes, _last in _read_ahead(files, run.known, extract,
                                                                jobs, base):
                    run.index_file(path, items, outcomes)
            run.finish()
            if prune:
                run.prune()
            if phase is not None:
                phase("writing")
        with _gone_is_an_error(where, store):
            stats = store.stats()
        report.documents, report.quotes = stats.documents, stats.quotes
    finally:
        store.close()
    return report


@contextmanager
def _gone_is_an_error(where: str, store: Store) -> Iterator[None]:
    """Whatever fails once the index folder has been deleted under the run (Whoosh
    finds no table of contents, a file cannot be made), even while it is still being
    deleted (a file the run needed already gone, the marker not yet), is that: one
    StoreError. A server's index has no folder: its errors are its own."""
    try:
        yield
    except Exception:
        if not store.gone(settle=GONE_SETTLE):
            raise
        raise StoreError(
            f"the index at {where} was deleted during the run; nothing from this run was "
            "saved (run it again to make the index anew)"
        ) from None


def count_documents(files: Iterable[str]) -> int:
    """How many documents the files hold, for a progress bar: one per file, one per
    non-blank line of a JSON Lines file (counted without parsing it)."""
    total = 0
    for path in files:
        if not path.lower().endswith(".jsonl"):
            total += 1
            continue
        try:
            with open(path, "rb") as handle:
                total += sum(1 for line in handle if line.strip())
        except OSError:
            total += 1  # its error is reported when it is read
    return total


def _read_ahead(
    files: list[str], known: dict[str, DocumentInfo], extract: Extractor, jobs: int,
    base: str,
) -> Iterator[tuple[str, list[Document | ReadError], dict[int, Outcome], bool]]:
    """(path, items, outcomes by id(document), last chunk of the file?) in file order, the
    documents read here and extracted ahead in worker processes while earlier ones are
    being stored. Unchanged documents are not sent; the rest are extracted even if the
    run then skips them (a twin), so that what is stored is decided exactly as with one
    process."""
    from quoteidx.parallel import cpu_count, extract_outcomes, ordered_map

    pending: deque[tuple[str, list[Document | ReadError], list[Document], bool]] = deque()

    def tasks() -> Iterator[tuple[list[Document], Extractor]]:
        for path in files:
            items = read_path(path)
            while True:
                chunk = list(itertools.islice(items, CHUNK))
                last = len(chunk) < CHUNK
                todo = [item for item in chunk if isinstance(item, Document)
                        and not _unchanged(known.get(document_key(path, item.source.path, base)),
                                           item)]
                pending.append((path, chunk, todo, last))
                yield todo, extract
                if last:
                    break

    for outcomes in ordered_map(extract_outcomes, tasks(), jobs or cpu_count()):
        path, chunk, todo, last = pending.popleft()
        yield path, chunk, {id(d): o for d, o in zip(todo, outcomes, strict=True)}, last


def _unchanged(old: DocumentInfo | None, document: Document) -> bool:
    """Whether `document` is what was indexed as `old`: the same text (hash) and the same
    metadata, compared whole rather than hashed, since the index keeps it. A date or title
    corrected under the same text must reach the records. The path is not compared: it
    is only how this run spelt the file's name (the key is its path from the base)."""
    return (old is not None and old.content_hash == document.content_hash
            and replace(old.source, path=document.source.path) == document.source)


class _Run:
    """One indexing run: what was in the index, what this run has seen, the report."""

    def __init__(self, known: dict[str, DocumentInfo], extract: Extractor,
                 report: IndexReport, base: str, store: Store | None = None) -> None:
        self.known = known
        self.base = base
        self.store = store  # to read a changed document's old quotes (None: a rebuild)
        self.on_document: Callable[[str], None] | None = None
        # Which document holds each text, kept current as the run goes: a document whose
        # text changed or that was deleted no longer counts as holding its old text.
        self.by_hash = {info.content_hash: key for key, info in known.items()}
        self.hash_of = {key: info.content_hash for key, info in known.items()}
        self.extract = extract
        self.report = report
        self.seen: set[str] = set()  # document keys
        self.files_read: set[str] = set()  # absolute paths of files read to the end
        # (path, key) of documents whose text an indexed document not yet read in this
        # run held: whether they are copies is known only once the run has read it.
        self.undecided: list[tuple[str, str]] = []
        self.writer: StoreWriter | None = None

    def index_file(self, path: str, items: Iterable[Document | ReadError] | None = None,
                   outcomes: dict[int, Outcome] | None = None) -> None:
        """The documents of one file (or a part of it, with `items` read and `outcomes`
        extracted elsewhere)."""
        for item in read_path(path) if items is None else items:
            if isinstance(item, ReadError):
                self._unreadable(item)
            else:
                # Only a file with a readable document counts as read: one that failed
                # to read keeps its old quotes, even on --prune.
                key = document_key(path, item.source.path, self.base)
                self.files_read.add(file_of(key, self.base))
                if key not in self.seen:  # the same file named twice
                    self.seen.add(key)
                    self.index_document(item, key,
                                        outcomes.get(id(item)) if outcomes else None,
                                        path=path)
            if self.on_document is not None:
                self.on_document(path)

    def _unreadable(self, error: ReadError) -> None:
        where = error.path if error.line is None else f"{error.path}: line {error.line}"
        self.report.skipped.append((where, error.reason))

    def index_document(
        self, document: Document, key: str, outcome: Outcome | None = None, *,
        path: str | None = None, final: bool = False,
    ) -> None:
        assert self.writer is not None
        report = self.report
        digest = document.content_hash
        old = self.known.get(key)
        if _unchanged(old, document):
            report.unchanged += 1
            return
        twin = self.by_hash.get(digest)
        if twin is not None and twin != key:
            verdict = self._twin(twin, final)
            if verdict == "later":
                self._forget(key)  # it no longer holds its old text, whatever it is now
                self.undecided.append((path or document.source.path, key))
                return
            if verdict == "copy":
                self._delete(key)  # what it held before is gone from its file
                # The same article under a second name: index it once (a note).
                report.duplicates.append((document.source.path, shown_key(twin)))
                return
            # The document moved: its quotes now live under the new key.
            self._delete(twin)
        if outcome is None:
            try:
                outcome = self.extract(document)
            except Exception as err:  # one bad document must not stop a long run
                outcome = f"{type(err).__name__}: {err}"
        if isinstance(outcome, str):
            report.skipped.append((document.source.path, f"extraction failed: {outcome}"))
            return
        quotes = with_stable_ids(outcome, key)
        replaced: dict[str, str | None] = {}
        if old is not None and self.store is not None:
            replaced = replaced_ids(self.store.document_quotes(key), quotes,
                                    dict(old.replaced))
        self.writer.add_document(
            DocumentInfo(key, digest, document.source, len(quotes), replaced), quotes)
        self._forget(key)
        self.by_hash[digest] = key
        self.hash_of[key] = digest
        report.quotes_added += len(quotes)
        if old is None:
            report.added.append(document.source.path)
        else:
            report.updated.append(document.source.path)
            report.quotes_removed += old.quotes
        self.known.pop(key, None)  # replaced: nothing of the old version is left to drop

    def _twin(self, twin: str, final: bool) -> str:
        """What a document with the same text as the indexed document `twin` is: a copy
        ("copy": skip it), the twin moved ("moved": its quotes follow), or not known
        until the run has read the twin ("later")."""
        if twin in self.seen:
            return "copy"  # read in this run, and still holds the text (by_hash is current)
        where = file_of(twin, self.base)
        if not os.path.isfile(where):
            return "moved"
        if not final:
            return "later"
        # The run has ended: a twin in a file it read is no longer in that file.
        return "moved" if where in self.files_read else "copy"

    def finish(self) -> None:
        """Decide the documents left undecided, now that every file has been read: read
        them again (they are few: a copy made of a file the run had not reached yet)."""
        wanted: dict[str, set[str]] = {}
        for path, key in self.undecided:
            wanted.setdefault(path, set()).add(key)
        self.undecided = []
        for path, keys in wanted.items():
            for item in read_path(path):
                if isinstance(item, ReadError):  # it changed again meanwhile
                    self._unreadable(item)
                    continue
                key = document_key(path, item.source.path, self.base)
                if key in keys:
                    self.index_document(item, key, path=path, final=True)

    def _delete(self, key: str) -> None:
        """Remove an indexed document and its quotes (nothing if it is not indexed)."""
        assert self.writer is not None
        gone = self.known.pop(key, None)
        if gone is not None:
            self.writer.delete_document(key)
            self.report.quotes_removed += gone.quotes
        self._forget(key)

    def _forget(self, key: str) -> None:
        """`key` no longer holds the text it held."""
        digest = self.hash_of.pop(key, None)
        if digest is not None and self.by_hash.get(digest) == key:
            del self.by_hash[digest]

    def prune(self) -> None:
        """Drop documents whose file is gone, or whose file was read in this run and
        no longer holds them (a line removed from a JSON Lines file)."""
        assert self.writer is not None
        for key, info in list(self.known.items()):
            if key in self.seen:
                continue
            where = file_of(key, self.base)
            if where in self.files_read or not os.path.isfile(where):
                self.writer.delete_document(key)
                self.report.pruned.append(info.source.path)
                self.report.quotes_removed += info.quotes
