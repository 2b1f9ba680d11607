"""The index under stress, in one process: a disk that fills up at every step of a run,
what killed runs leave behind, the rebuild's folder swap and its recovery, and re-runs
that change nothing. The same guarantees with real processes (kill -9, two runs at
once, a read-only folder, a real write limit) are in test_reliability_processes.py.

`index_state` is the yardstick of both files: each document's quote ids, checked on
the way that no document is half there."""

from __future__ import annotations

import errno
import os
import shutil
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import astuple
from pathlib import Path
from typing import Any

import pytest

from quoteidx.indexing import index_paths
from quoteidx.querying import SearchRequest
from quoteidx.reading import Document
from quoteidx.record import Quote, Source
from quoteidx.storing import (
    IndexBusy,
    IndexIncompatible,
    IndexMissing,
    StoreError,
    open_store,
    speaker_counts,
)
from quoteidx.storing.whoosh.folders import LOCK_NAME
from quoteidx.storing.whoosh.schema import stored_quote

Extract = Callable[[Document], list[Quote]]
State = dict[str, tuple[str, ...]]


def index_state(location: Path) -> State | None:
    """Each document's quote ids by key; None when there is no index. Fails if a
    document is there twice, if a quote has no document record, or if a document lacks
    some of its quotes. Reads one committed state (one Whoosh searcher), as a single
    search does: two calls may see two commits."""
    try:
        store = open_store(location)
    except IndexMissing:
        return None
    with store, store.ix.searcher() as searcher:  # type: ignore[attr-defined]
        stored = list(searcher.all_stored_fields())
        store.search(SearchRequest("speaker:*", limit=1))  # and a search works
    records = Counter(fields["doc"] for fields in stored if "doc_hash" in fields)
    assert all(n == 1 for n in records.values()), "a document indexed twice"
    texts = Counter(fields["doc"] for fields in stored if "doc_text" in fields)
    assert texts == records, "a document's text record missing, or there twice"
    found: dict[str, list[str]] = {key: [] for key in records}
    for fields in stored:
        if "id" in fields:
            assert fields["doc"] in found, f"quote {fields['id']} without its document"
            found[fields["doc"]].append(fields["id"])
    counts = {f["doc"]: f["doc_quotes"] for f in stored if "doc_hash" in f}
    for key, ids in found.items():
        assert len(ids) == counts[key], f"{key} is half indexed"
        assert len(set(ids)) == len(ids), f"{key} has a quote twice"
    # Each document's speaker counts are those of the quotes committed with it.
    said: dict[str, list[Quote]] = {key: [] for key in records}
    for fields in stored:
        if "id" in fields:
            said[fields["doc"]].append(stored_quote(fields, Source(path=fields["doc"])))
    kept = {f["doc"]: list(map(tuple, f.get("doc_speakers") or ())) for f in stored
            if "doc_hash" in f}
    for key, quotes in said.items():
        assert kept[key] == [astuple(c) for c in speaker_counts(quotes)], \
            f"{key}'s speaker counts are not its quotes'"
    return {key: tuple(sorted(ids)) for key, ids in found.items()}


def leftovers(location: Path) -> list[str]:
    """Anything in or next to the index that a committed index does not need."""
    from whoosh import index

    extra = [p.name for p in location.parent.iterdir() if p.name.startswith(location.name + ".")]
    # A segment is a set of files named after it: they are needed while the TOC names it.
    current = {segment.segment_id() + "." for segment in index.open_dir(str(location))._segments()}
    for name in os.listdir(location):
        # The people listing `quoteidx index` keeps for `speakers` and `show` is the
        # index's (quoteidx.identity.kept); a temporary file of its is not.
        if not (name in (LOCK_NAME, "quoteidx.json", "people.kept", "names.kept")
                or name.startswith(tuple(current))
                or (name.startswith("_MAIN_") and name.endswith((".toc", ".sums")))):
            extra.append(name)
    tocs = sorted(n.removesuffix(".toc") for n in os.listdir(location) if n.endswith(".toc"))
    sums = sorted(n.removesuffix(".sums") for n in os.listdir(location) if n.endswith(".sums"))
    if len(tocs) != 1:
        extra.append("more than one TOC")
    if sums != tocs:  # the checksums of the TOC's commit, no other
        extra.append(f"checksums {sums} for the TOCs {tocs}")
    return extra


def write_docs(folder: Path, numbers: range, version: int = 0) -> None:
    folder.mkdir(exist_ok=True)
    for number in numbers:
        (folder / f"{number:03}.txt").write_text(
            f"Speaker {number % 7}: statement {number} version {version}\n"
            f"Other Person: reply {number}\n"
        )


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    write_docs(folder, range(30))
    return folder


# A full disk at every step


class FullDisk:
    """Stands in for a disk that fills up after `room` more writes: every file Whoosh
    creates writes through it, and from then on a write fails with ENOSPC, as on a full
    disk. (Counted in writes, not bytes: a run's sizes vary by a byte or two, its
    sequence of writes does not. Only the index's own writes are counted, so the test
    needs no root, quota or small filesystem.)"""

    def __init__(self, room: float) -> None:
        self.room = room
        self.writes = 0

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from whoosh.filedb.filestore import FileStorage

        create_file = FileStorage.create_file
        disk = self

        class Limited:
            def __init__(self, file: Any) -> None:
                self._file = file

            def write(self, data: bytes) -> int:
                if disk.writes >= disk.room:
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                disk.writes += 1
                return self._file.write(data)

            def __getattr__(self, name: str) -> Any:
                return getattr(self._file, name)

        def limited(storage: Any, name: str, *args: Any, **kwargs: Any) -> Any:
            handle = create_file(storage, name, *args, **kwargs)
            handle.file = Limited(handle.file)
            return handle

        monkeypatch.setattr(FileStorage, "create_file", limited)


@pytest.mark.parametrize("rebuild", [False, True], ids=["update", "rebuild"])
def test_a_full_disk_at_any_step_of_a_run_leaves_the_index_as_it_was(
    docs: Path, fake_extract: Extract, monkeypatch: pytest.MonkeyPatch, rebuild: bool
) -> None:
    ix = docs.parent / "ix"
    index_paths([docs], ix, extract=fake_extract)
    before, files_before = index_state(ix), sorted(os.listdir(ix))
    write_docs(docs, range(10), version=1)  # 10 changed documents
    write_docs(docs, range(30, 40))  # 10 new ones

    # How much a successful run writes, measured on a copy.
    copy = docs.parent / "copy"
    shutil.copytree(ix, copy)
    with monkeypatch.context() as patch:
        measure = FullDisk(float("inf"))
        measure.install(patch)
        index_paths([docs], copy, extract=fake_extract, rebuild=rebuild)
    after = index_state(copy)
    total = measure.writes
    assert total > 0 and after != before

    # Fail at the first write, on the way, and at the last one (into the new TOC file).
    for room in (0, total // 4, total // 2, 3 * total // 4, total - 1):
        with monkeypatch.context() as patch:
            FullDisk(room).install(patch)
            with pytest.raises(StoreError) as failure:
                index_paths([docs], ix, extract=fake_extract, rebuild=rebuild)
        message = str(failure.value)
        assert "No space left on device" in message and str(ix) in message, room
        assert "\n" not in message and "as it was" in message
        assert index_state(ix) == before, room
        assert sorted(os.listdir(ix)) == files_before, room  # nothing half-written left
        assert leftovers(ix) == [], room

    index_paths([docs], ix, extract=fake_extract, rebuild=rebuild)
    assert index_state(ix) == after


def test_a_failed_rebuild_of_an_old_version_index_keeps_it(
    docs: Path, fake_extract: Extract, monkeypatch: pytest.MonkeyPatch
) -> None:
    ix = docs.parent / "ix"
    index_paths([docs], ix, extract=fake_extract)
    (ix / "quoteidx.json").write_text('{"schema": 1}')
    with monkeypatch.context() as patch:
        FullDisk(50).install(patch)
        with pytest.raises(StoreError, match="No space left"):
            index_paths([docs], ix, extract=fake_extract, rebuild=True)
    with pytest.raises(IndexIncompatible):  # still the old one, asking for a rebuild
        open_store(ix)
    assert leftovers(ix) == []
    index_paths([docs], ix, extract=fake_extract, rebuild=True)
    assert len(index_state(ix) or {}) == 30


def test_ctrl_c_mid_run_leaves_the_index_as_it_was_and_unlocked(
    docs: Path, fake_extract: Extract
) -> None:
    ix = docs.parent / "ix"
    index_paths([docs], ix, extract=fake_extract)
    before = index_state(ix)
    write_docs(docs, range(30), version=1)
    calls: list[str] = []

    def extract(document: Document) -> list[Quote]:
        calls.append(document.source.path)
        if len(calls) == 20:
            raise KeyboardInterrupt
        return fake_extract(document)

    with pytest.raises(KeyboardInterrupt):
        index_paths([docs], ix, extract=extract)
    assert index_state(ix) == before and leftovers(ix) == []
    assert len(index_paths([docs], ix, extract=fake_extract, timeout=0).updated) == 30


# Leftovers of killed runs


def test_leftovers_of_killed_runs_are_ignored_then_removed_by_the_next_run(
    docs: Path, fake_extract: Extract
) -> None:
    ix = docs.parent / "ix"
    index_paths([docs], ix, extract=fake_extract)
    before = index_state(ix)
    # What runs killed at various moments leave: a half-built rebuild folder, the old
    # folder of a swap, segment files no TOC names, a half-written TOC, Whoosh's
    # temporary folder, and the lock file (its lock died with the process).
    shutil.copytree(ix, docs.parent / "ix.tmp-0123abcd")
    (docs.parent / "ix.old-89abcdef").mkdir()
    (ix / "MAIN_zzzzzzzzzzzzzzzz.seg").write_bytes(b"\0" * 100)
    (ix / "MAIN_zzzzzzzzzzzzzzzz.trm").write_bytes(b"\0" * 100)
    (ix / "_MAIN_2.toc.1712345678.25").write_bytes(b"\0" * 10)
    (ix / "MAIN.tmp").mkdir()
    (ix / "MAIN.tmp" / "pool.bin").write_bytes(b"\0")
    (ix / LOCK_NAME).touch()
    (docs.parent / "ix.tmp-unrelated").mkdir()  # not ours: another name pattern

    assert index_state(ix) == before  # readers follow the TOC and nothing else
    report = index_paths([docs], ix, extract=fake_extract, timeout=0)  # no stale lock
    assert report.unchanged == 30
    assert index_state(ix) == before
    assert leftovers(ix) == ["ix.tmp-unrelated"]


# The rebuild's folder swap


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_rebuild_fills_a_new_folder_and_swaps_it_in(
    docs: Path, fake_extract: Extract, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:  # as on systems without renameat2(RENAME_EXCHANGE)
        monkeypatch.setattr("quoteidx.storing.whoosh.folders._exchange", lambda a, b: False)
    ix = docs.parent / "ix"
    index_paths([docs], ix, extract=fake_extract)
    os.chmod(ix, 0o750)
    before = index_state(ix)
    seen: list[Any] = []

    def extract(document: Document) -> list[Quote]:
        if not seen:  # half-way through the rebuild
            seen.append([p.name for p in docs.parent.glob("ix.tmp-*")])
            seen.append(index_state(ix))
        return fake_extract(document)

    index_paths([docs / "000.txt", docs / "001.txt"], ix, extract=extract, rebuild=True)
    assert len(seen[0]) == 1  # built next to the index...
    assert seen[1] == before  # ...while readers still saw the old one
    assert sorted(index_state(ix) or {}) == ["docs/000.txt", "docs/001.txt"]  # keys: relative
    assert leftovers(ix) == []
    assert os.stat(ix).st_mode & 0o777 == 0o750  # the folder's permissions are kept


def test_a_swap_killed_between_its_two_renames_is_completed_by_the_next_reader(
    docs: Path, fake_extract: Extract
) -> None:
    ix, new = docs.parent / "ix", docs.parent / "staging"
    index_paths([docs], ix, extract=fake_extract)
    index_paths([docs / "000.txt"], new, extract=fake_extract)
    rebuilt = index_state(new)
    # The two-rename swap, killed after its first rename: the old index moved aside,
    # the complete new one next to it, nothing at ix.
    ix.rename(docs.parent / "ix.old-0123abcd")
    new.rename(docs.parent / "ix.tmp-0123abcd")

    assert index_state(ix) == rebuilt  # opening finishes the swap
    index_paths([docs / "000.txt"], ix, extract=fake_extract)
    assert leftovers(ix) == []


def test_a_creation_killed_before_its_rename_leaves_no_index(
    docs: Path, fake_extract: Extract
) -> None:
    ix = docs.parent / "ix"
    index_paths([docs], docs.parent / "elsewhere", extract=fake_extract)
    (docs.parent / "elsewhere").rename(docs.parent / "ix.tmp-0123abcd")  # no .old- pair
    with pytest.raises(IndexMissing):
        open_store(ix)  # a lone build folder is never taken for the index
    index_paths([docs / "000.txt"], ix, extract=fake_extract)
    assert len(index_state(ix) or {}) == 1
    assert leftovers(ix) == []


# Locking


def test_a_waiting_writer_is_told_once_then_gives_up(docs: Path, fake_extract: Extract) -> None:
    ix = docs.parent / "ix"
    index_paths([docs], ix, extract=fake_extract)
    told: list[float] = []
    with open_store(ix) as store, store.writer(), pytest.raises(IndexBusy, match="another"):
        index_paths([docs], ix, extract=fake_extract, timeout=0.3, on_wait=told.append)
    assert told == [0.3]


def test_a_writer_waiting_through_a_rebuild_writes_to_the_rebuilt_index(
    docs: Path, fake_extract: Extract
) -> None:
    ix = docs.parent / "ix"
    index_paths([docs], ix, extract=fake_extract)
    waiting = threading.Event()
    errors: list[BaseException] = []

    def second_run() -> None:
        try:
            index_paths([docs / "029.txt"], ix, extract=fake_extract, timeout=20,
                        on_wait=lambda seconds: waiting.set())
        except BaseException as err:  # reported below
            errors.append(err)

    waiter = threading.Thread(target=second_run)

    def extract(document: Document) -> list[Quote]:
        if not waiter.is_alive() and not waiting.is_set():
            waiter.start()  # it waits on the lock of the folder being replaced
            assert waiting.wait(timeout=10)
        return fake_extract(document)

    index_paths([docs / f"00{n}.txt" for n in range(3)], ix, extract=extract, rebuild=True)
    waiter.join(timeout=30)
    assert not waiter.is_alive() and errors == []
    # The second run then locked and wrote the new folder, not the old one.
    assert sorted(Path(key).name for key in index_state(ix) or {}) == [
        "000.txt", "001.txt", "002.txt", "029.txt"]
    assert leftovers(ix) == []


# Re-running


def test_rerunning_any_index_command_changes_nothing(
    cli: Callable[..., Any], docs: Path, fake_extract: Extract
) -> None:
    ix = docs.parent / "ix"

    def files() -> list[str]:
        return sorted(os.listdir(ix))

    assert cli("index", docs, "--index", ix).exit_code == 0
    state, listing = index_state(ix), files()
    again = cli("index", docs, "--index", ix)
    assert again.exit_code == 0 and "30 unchanged" in again.stderr
    assert (index_state(ix), files()) == (state, listing)  # not even rewritten

    (docs / "000.txt").unlink()
    assert "1 pruned" in cli("index", "--prune", "--index", ix).stderr
    state, listing = index_state(ix), files()
    again = cli("index", "--prune", "--index", ix)
    assert again.exit_code == 0 and "0 pruned" in again.stderr
    assert (index_state(ix), files()) == (state, listing)

    for _ in range(2):
        rebuilt = cli("index", "--rebuild", docs, "--index", ix)
        assert rebuilt.exit_code == 0 and "29 added" in rebuilt.stderr
        assert index_state(ix) == state and leftovers(ix) == []
    assert "29 unchanged" in cli("index", docs, "--index", ix).stderr
