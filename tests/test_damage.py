"""What a power loss or a bad disk can leave in a Whoosh index (issue 13 items 7 and
12): seeded bit flips and truncations of each kind of file. Each is one line and exit 2
from a real `quoteidx` process, "the index at X is damaged (...); rebuild it with: ...",
never a traceback, exit 70 or a silently different answer, and the rebuild it names
works. Also: what a commit fsyncs, and a folder caught half-deleted under a run."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import threading
import zlib
from pathlib import Path

import pytest
from test_reliability_processes import no_traceback, quoteidx

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file semantics")

ARTICLES = {
    "gazette.txt": ('---\ntitle: Pawns\npublication: The Gazette\ndate: 2024-03-01\n---\n'
                    '"The Taliban are the pawns of the Pakistanis," said Ismail Khan, the '
                    'commander.\n\n"We will rebuild the bridge," said Ann Lee, the mayor.\n'),
    "herald.txt": ('---\ntitle: Herat\npublication: The Herald\ndate: 2023-05-02\n---\n'
                   '"Herat will not fall," said Ismail Khan, the commander.\n\n'
                   '"The bridge will fall," said John Smith, an engineer.\n'),
}
# Each reads what its damage is in: scores read the field lengths, --sort date the dates.
SEARCH = ("search", "bridge", "--format", "jsonl")
BY_DATE = ("search", "fall", "--sort", "date", "--format", "jsonl")
# A phrase reads the postings' positions as well as their documents: a one-word search
# reads no positions, so a flip among them changes none of its answers (and is found by
# the first search that needs them, as here).
PHRASE = ("search", '"the bridge"', "--format", "jsonl")
ZLIB = re.compile(re.escape(b"\x78\x5e"))  # the header of a zlib stream at Whoosh's level 3


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the two articles (kept whole: each test damages a copy of it)."""
    root = tmp_path_factory.mktemp("damage")
    docs = root / "docs"
    docs.mkdir()
    for name, text in ARTICLES.items():
        (docs / name).write_text(text)
    code, _out, err = quoteidx("index", docs, "--index", root / "ix")
    assert code == 0, err
    return root / "ix"


@pytest.fixture
def index(built: Path, tmp_path: Path) -> Path:
    shutil.copytree(built.parent / "docs", tmp_path / "docs")
    shutil.copytree(built, tmp_path / "ix")
    return tmp_path / "ix"


def the_file(ix: Path, suffix: str) -> Path:
    found = sorted(path for path in ix.iterdir() if path.name.endswith(suffix))
    assert found, f"no *{suffix} in {sorted(os.listdir(ix))}"
    return found[0]


def flip(path: Path, seed: int, *, in_zlib: bool = False) -> None:
    """Flip one seeded bit: anywhere, or (`in_zlib`) inside each compressed block, in
    its coded data (not its last byte, whose spare bits zlib never reads)."""
    data = bytearray(path.read_bytes())
    # Seeded by the kind of file, not its name: segment names are random, and a seed
    # drawn from them put the flip in a different byte on every run.
    rng = random.Random(f"{path.suffix}-{seed}")
    spans = _zlib_streams(bytes(data)) if in_zlib else [(0, len(data) + 5)]
    assert spans, f"no compressed block in {path.name}"
    for start, end in spans:
        low = start + 2 if in_zlib else 0
        position = rng.randrange(low, max(low + 1, end - 5))
        data[position] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))


def _zlib_streams(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of each whole zlib stream in `data` (a header's two bytes can also
    occur inside other data: only what decompresses whole counts)."""
    spans: list[tuple[int, int]] = []
    for match in ZLIB.finditer(data):
        if spans and match.start() < spans[-1][1]:
            continue
        stream = zlib.decompressobj()
        try:
            stream.decompress(data[match.start():])
        except zlib.error:
            continue
        if stream.eof:
            spans.append((match.start(), len(data) - len(stream.unused_data)))
    return spans


def assert_damaged(ix: Path, command: tuple[str, ...], named: str | None = None) -> None:
    code, out, err = quoteidx(*command, "--index", ix)
    no_traceback(err)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert err.startswith(f"quoteidx: the index at {ix} is damaged ("), err
    assert err.rstrip().endswith(f"rebuild it with: quoteidx index --rebuild --index {ix} "
                                 "PATH..."), err
    if named is not None:
        assert named in err, err


def found(ix: Path, command: tuple[str, ...]) -> list[tuple[str, str, str, float | None]]:
    """What a search finds: ids, words, speakers and scores (none by date), in order."""
    code, out, err = quoteidx(*command, "--index", ix)
    assert code == 0 and out, err
    return [(hit["id"], hit["text"], hit["speaker"], hit["score"] and round(hit["score"], 6))
            for hit in map(json.loads, out.splitlines())]


def assert_rebuilt(ix: Path, built: Path) -> None:
    code, _out, err = quoteidx("index", "--rebuild", "--index", ix, ix.parent / "docs")
    assert code == 0, err
    for command in (SEARCH, BY_DATE):
        assert found(ix, command) == found(built, command)


# (the kind of file, the file's suffix, the command that reads it)
KINDS = [
    ("table of contents", ".toc", SEARCH),
    ("checksums", ".sums", SEARCH),
    ("field lengths", "._text_len.col", SEARCH),
    ("sort dates", ".sortdate.col", BY_DATE),
    ("postings", ".pst", PHRASE),
    ("stored fields", "._stored.col", SEARCH),
    ("term dictionary", ".trm", SEARCH),
]


@pytest.mark.parametrize(("kind", "suffix", "command"), KINDS, ids=[k[0] for k in KINDS])
def test_a_truncated_file_of_each_kind_is_damage_and_a_rebuild_fixes_it(
        built: Path, index: Path, kind: str, suffix: str, command: tuple[str, ...]) -> None:
    path = the_file(index, suffix)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])
    assert_damaged(index, command, named=path.name)
    assert_rebuilt(index, built)


# Whoosh reads postings and stored fields through zlib, which checks them itself: a bit
# flipped in a compressed block is found when the block is read (and the checksums then
# name the file). The other kinds are checked against their commit's CRC when opened.
FLIPPED = [(kind, suffix, command) for kind, suffix, command in KINDS if suffix != ".trm"]


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize(("kind", "suffix", "command"), FLIPPED, ids=[k[0] for k in FLIPPED])
def test_a_flipped_bit_in_each_kind_of_file_is_damage_and_a_rebuild_fixes_it(
        built: Path, index: Path, kind: str, suffix: str, command: tuple[str, ...],
        seed: int) -> None:
    path = the_file(index, suffix)
    flip(path, seed, in_zlib=suffix in (".pst", "._stored.col"))
    assert_damaged(index, command, named=path.name)
    assert_rebuilt(index, built)


def test_a_missing_checksums_file_or_column_is_damage(built: Path, index: Path) -> None:
    """Whoosh reads a missing column file as an empty column (scores change silently);
    an index without its checksums could not be checked."""
    the_file(index, "._text_len.col").unlink()
    assert_damaged(index, SEARCH, named="._text_len.col is missing")
    shutil.rmtree(index)
    shutil.copytree(built, index)
    the_file(index, ".sums").unlink()
    assert_damaged(index, SEARCH, named=".sums is missing")
    assert_rebuilt(index, built)


@pytest.mark.parametrize("suffix", [".trm", ".pst", "._stored.col", "._words_len.col",
                                    ".sortdate.col", ".toc"])
def test_check_reads_every_file_whole_and_names_the_damaged_one(
        built: Path, index: Path, suffix: str) -> None:
    """What is not read at every open (the term dictionary, postings, stored fields)
    is read whole by Store.check: a flip anywhere is found there."""
    from quoteidx.storing import IndexDamaged, open_store

    with open_store(str(index)) as store:
        assert store.check() == []
    path = the_file(index, suffix)
    flip(path, 3)
    if suffix == ".toc":  # checked as it is opened
        with pytest.raises(IndexDamaged, match=f"{path.name} fails its checksum"):
            open_store(str(index))
        return
    with open_store(str(index)) as store:
        assert store.check() == [f"{path.name} fails its checksum"]


# Fsync: what a power loss can leave


def test_every_file_a_commit_writes_is_fsynced_before_its_table_of_contents(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each file of the index (segments, columns, checksums, the TOC, the marker) is
    fsynced as it is written, the folder before the TOC is renamed into place (the
    segments' names are durable before the TOC that names them) and after."""
    from quoteidx import open_index

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "gazette.txt").write_text(ARTICLES["gazette.txt"])
    synced: list[str] = []
    real_fsync, real_rename = os.fsync, os.rename

    def recording_fsync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    def recording_rename(old: str, new: str) -> None:
        real_rename(old, new)
        synced.append(f"renamed {os.path.basename(new)}")

    monkeypatch.setattr(os, "fsync", recording_fsync)
    monkeypatch.setattr(os, "rename", recording_rename)
    ix = tmp_path / "ix"
    with open_index(str(ix), create=True) as index:
        index.add([docs], jobs=1)
    names = [os.path.basename(path) for path in synced]
    files = [path.name for path in ix.iterdir() if path.name != "MAIN_WRITELOCK"]
    toc = next(name for name in files if name.endswith(".toc"))
    toc_renamed = names.index(f"renamed {toc}")

    def last_synced(name: str) -> int:  # the TOC and sums are written as NAME.<suffix>
        return max(i for i, done in enumerate(names) if done == name
                   or done.startswith(name + "."))

    assert all(last_synced(name) < toc_renamed for name in files if name != "quoteidx.json")
    assert str(ix) in synced[max(map(last_synced, files)):toc_renamed]  # the folder before
    assert str(ix) in synced[toc_renamed:]  # and after


# A folder caught half-deleted


def test_a_run_that_finds_its_folder_half_deleted_says_it_was_deleted(tmp_path: Path) -> None:
    """`rm -rf` removes files one by one: a run could read the index after its stored
    fields were gone but before the marker and TOC were, which it took for an
    unexpected error (TypeError, exit 70; 1 run in 8 once commits were fsynced)."""
    from quoteidx.indexing import index_paths
    from quoteidx.storing import StoreError
    from quoteidx.storing.whoosh.folders import WriteLock

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "gazette.txt").write_text(ARTICLES["gazette.txt"])
    ix = tmp_path / "ix"
    index_paths([docs], ix)
    lock = WriteLock(str(ix))
    lock.acquire(1)

    def rm_rf_under_way(_timeout: float) -> None:  # while the run waits for the lock
        the_file(ix, "._stored.col").unlink()
        the_file(ix, "._text_len.col").unlink()
        threading.Timer(0.3, shutil.rmtree, [ix]).start()  # the rest a moment later
        lock.release()

    with pytest.raises(StoreError, match=f"the index at {ix} was deleted during the run"):
        index_paths([docs], ix, on_wait=rm_rf_under_way, timeout=5)


def test_any_failure_while_the_folder_is_being_deleted_is_reported_as_that(
        tmp_path: Path) -> None:
    """The run's failure came first and the marker and TOC went a moment later: still
    'deleted during the run' (the run waits a little for a deletion under way)."""
    from quoteidx.indexing import _gone_is_an_error, index_paths
    from quoteidx.storing import StoreError, open_store

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "gazette.txt").write_text(ARTICLES["gazette.txt"])
    ix = tmp_path / "ix"
    index_paths([docs], ix)
    with open_store(str(ix)) as store:
        the_file(ix, "._stored.col").unlink()
        # a folder only damaged: the failure as it is
        with pytest.raises(TypeError), _gone_is_an_error(str(ix), store):
            raise TypeError("'NoneType' object is not subscriptable")
        threading.Timer(0.3, shutil.rmtree, [ix]).start()
        with pytest.raises(StoreError, match="was deleted during the run"), \
                _gone_is_an_error(str(ix), store):
            raise TypeError("'NoneType' object is not subscriptable")


@pytest.mark.parametrize("suffix", [".trm", ".pst", "._stored.col", ".toc"])
def test_check_reads_every_file_and_names_the_damaged_one(
        built: Path, index: Path, suffix: str) -> None:
    code, out, err = quoteidx("check", "--index", index)
    assert (code, out) == (0, "") and err == (
        f"quoteidx: no damage found in the index at {index}\n")
    path = the_file(index, suffix)
    flip(path, 1, in_zlib=suffix in (".pst", "._stored.col"))
    code, out, err = quoteidx("check", "--index", index)
    no_traceback(err)
    assert code == 2 and out == "" and path.name in err, err
    assert err.rstrip().splitlines()[-1].endswith(
        f"rebuild it with: quoteidx index --rebuild --index {index} PATH..."), err
    assert_rebuilt(index, built)
    assert quoteidx("check", "--index", index)[0] == 0


def test_the_library_check_of_an_index_is_empty_when_whole(fresh_location: str) -> None:
    import quoteidx as library

    docs = Path(fresh_location).parent / "docs" if "://" not in fresh_location else None
    with library.open_index(fresh_location, create=True) as ix:
        if docs is not None:
            docs.mkdir()
            (docs / "a.txt").write_text(ARTICLES["gazette.txt"])
            ix.add([docs])
        assert ix.check() == []  # a server checks its own pages: nothing to compare
