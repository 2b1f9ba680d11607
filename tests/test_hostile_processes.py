"""Odd names, hostile files, kills and crashes, each with a real `python -m quoteidx`
process and a timeout on every wait (the helpers of test_reliability_processes.py):
a file name that is not UTF-8, a killed `index -j 2` and its workers, a FIFO or a
device where a file should be, an index deleted under a run, and what a crash prints
and exits with."""

from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pytest
from test_reliability_processes import no_traceback, quoteidx, summary

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX names, signals, FIFOs")

BRIDGE = '"We will rebuild the bridge," said Ann Lee, the mayor.\n\nThe town waited.\n'
TAXES = '"Taxes will fall next year," said John Smith, the minister.\n'


# Item 9: a file name that is not valid UTF-8


def test_a_file_name_that_is_not_utf8_is_indexed_and_named_exactly(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    latin1 = os.fsencode(docs) + b"/caf\xe9.txt"  # "café" saved by a Latin-1 system
    with open(latin1, "wb") as handle:
        handle.write(BRIDGE.encode())
    (docs / "plain.txt").write_text(TAXES)
    ix = tmp_path / "ix"

    code, out, err = quoteidx("index", docs, "--index", ix)
    assert code == 0 and summary(err) == (2, 0, 0), err
    no_traceback(err)
    code, _out, err = quoteidx("index", docs, "--prune", "--index", ix)
    assert code == 0 and summary(err) == (0, 0, 2) and "0 pruned" in err, err

    code, out, err = quoteidx("search", "bridge", "--format", "jsonl", "--index", ix)
    assert code == 0, err
    record = json.loads(out)
    assert os.fsencode(record["source"]["path"]) == latin1  # stored losslessly

    code, out, err = quoteidx("show", record["id"], "--context", "1", "--index", ix)
    assert code == 0 and err == "", err  # read again from the same file
    assert "The town waited." in out
    assert "caf\\xe9.txt" in out and "\udce9" not in out  # the name, its byte escaped


# Item 5: a correction written when the disk fills up

GAZETTE = ('---\npublication: The Gazette\n---\n"The Taliban are the pawns of the '
           'Pakistanis," said Ismail Khan, the commander.\n')
HERALD = '---\npublication: The Herald\n---\n"Herat will not fall," Khan said.\n'


@pytest.fixture
def people(tmp_path: Path) -> Path:
    """An index of two articles quoting Ismail Khan and a Khan; its location."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "gazette.txt").write_text(GAZETTE)
    (docs / "herald.txt").write_text(HERALD)
    ix = tmp_path / "ix"
    code, _out, err = quoteidx("index", docs, "--index", ix)
    assert code == 0, err
    return ix


def test_a_correction_that_cannot_be_written_whole_leaves_the_file_as_it_was(
    people: Path,
) -> None:
    """The disk filling up, for real (RLIMIT_FSIZE, as for the index): the write fails
    part-way with EFBIG. Before, the append left half a TOML block, and every command
    that reads people then exited 2 until the file was edited by hand."""
    resource = pytest.importorskip("resource")
    import errno

    from quoteidx.identity import corrections_path

    note = "x" * 400
    code, _out, err = quoteidx("reassign", "000000000000", "Nobody", "--index", people)
    assert code == 1  # (no such quote: nothing written)
    code, _out, err = quoteidx("merge-speakers", "Ismail Khan", "Khan@herald", "--note",
                               "first", "--index", people)
    assert code == 0, err
    path = Path(corrections_path(people))
    before = path.read_bytes()
    limit = len(before) + 200  # room for part of the next block, not all of it

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    # (A correction that adds a block: a split of what was merged would cancel the merge.)
    code, out, _err = quoteidx("search", "Herat", "--format", "jsonl", "--index", people)
    herald = json.loads(out)["id"]
    code, out, err = quoteidx("reassign", herald, "Ismail Khan", "--note", note,
                              "--index", people, preexec_fn=small_files)
    assert code == 2 and out == "", err
    no_traceback(err)
    assert err.count("\n") == 1 and os.strerror(errno.EFBIG) in err, err
    assert path.read_bytes() == before  # not a byte of the failed write
    assert sorted(os.listdir(path.parent)) == sorted([path.name, "docs", "ix"])

    code, out, err = quoteidx("speakers", "--format", "json", "--index", people)
    assert code == 0 and err == "", err
    assert [row["speaker"] for row in json.loads(out)] == ["Ismail Khan"]  # merged
    code, _out, err = quoteidx("reassign", herald, "Ismail Khan", "--note", note,
                               "--index", people)
    assert code == 0, err
    assert path.read_bytes().startswith(before) and path.read_text().count(note) == 1


# Item 13: a corrections file or lock file that is not a file


def _nested(path: Path) -> None:
    path.write_text("a = " + "[" * 100_000)


def _sparse(path: Path) -> None:
    with open(path, "wb") as handle:  # 50 MB that take no room on disk
        handle.truncate(50 * 2**20)


@pytest.mark.parametrize(("make", "reason"), [
    (lambda path: path.symlink_to("/dev/zero"), "not a regular file"),
    (os.mkfifo, "not a regular file"),
    (_nested, "not valid TOML: nested too deeply"),
    (_sparse, "over the 10 MB a corrections file may be"),
], ids=["link to /dev/zero", "fifo", "100k nested [", "50 MB"])
def test_a_corrections_file_that_is_not_one_is_one_line_and_exit_2(
    people: Path, make: object, reason: str
) -> None:
    """Before: read until the OOM killer, a hang of every command, a RecursionError."""
    from quoteidx.identity import corrections_path

    path = Path(corrections_path(people))
    make(path)  # type: ignore[operator]
    before = os.lstat(path)
    for command in (["by-speaker", "Khan"], ["merge-speakers", "Ismail Khan", "Khan@herald"]):
        code, out, err = quoteidx(*command, "--index", people)  # each bounded by WAIT
        assert code == 2 and out == "", (command, err)
        no_traceback(err)
        assert err.count("\n") == 1 and reason in err and str(path) in err, err
    after = os.lstat(path)  # left as it was
    assert (after.st_ino, after.st_mode, after.st_size) == (before.st_ino, before.st_mode,
                                                            before.st_size)


def test_a_fifo_in_place_of_the_lock_file_is_an_error_not_a_hang(
    people: Path, tmp_path: Path
) -> None:
    import time

    from quoteidx.storing.whoosh.folders import LOCK_NAME

    lock = people / LOCK_NAME
    lock.unlink(missing_ok=True)
    os.mkfifo(lock)
    began = time.monotonic()
    code, out, err = quoteidx("index", tmp_path / "docs", "--index", people, "--wait", "1")
    assert time.monotonic() - began < 10  # it used to wait for a reader forever
    assert code == 2 and out == "", err
    no_traceback(err)
    assert err.count("\n") == 1 and f"{lock} is not a regular file" in err, err
    lock.unlink()
    code, _out, err = quoteidx("index", tmp_path / "docs", "--index", people, "--wait", "1")
    assert code == 0 and summary(err) == (0, 0, 2), err


# Item 8: killing `index -j 2`


def descendants(pid: int) -> set[int]:
    """Every process below `pid` (from /proc), with the parent's own workers."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    fields = handle.read().rpartition(")")[2].split()
            except OSError:
                continue
            parents[int(entry)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False


def _started(ix: Path, pid: int) -> bool:
    """The run holds the index's lock and its workers are up."""
    from test_reliability_processes import writing

    return writing(ix) and len(descendants(pid)) >= 2


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], object]:
    """The 210 articles of test_reliability_processes, and what indexing them gives."""
    from test_reliability_processes import expected_state, write_corpus

    folders = write_corpus(tmp_path_factory.mktemp("corpus"))
    return folders, expected_state(*folders)


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")
@pytest.mark.parametrize("how", ["SIGKILL", "SIGTERM", "Ctrl-C"])
def test_killing_index_j2_leaves_no_worker_and_no_lock(
    tmp_path: Path, big_corpus: tuple[list[Path], object], how: str
) -> None:
    """Before: the workers, forked while the run held the index's lock, kept it (and
    lived on, blocked on their queue) after the parent was killed, so every later run
    said another process was writing; Ctrl-C printed a traceback per worker."""
    import random
    import signal
    import time

    from test_reliability import index_state
    from test_reliability_processes import WAIT, start, wait_for, writing

    folders, everything = big_corpus
    ix = tmp_path / "ix"
    code, _out, err = quoteidx("index", folders[0], "--index", ix)
    assert code == 0, err
    before = index_state(ix)
    rng = random.Random(how)
    for trial in range(2):
        run = start("index", *folders, "--index", ix, "-j", "2", "--wait", "0",
                    start_new_session=True)
        started = functools.partial(_started, ix, run.pid)
        if not wait_for(started, run):  # say why: a flake once ended it with exit 2
            _out, err = run.communicate(timeout=WAIT)
            pytest.fail(f"trial {trial}: the run ended (exit {run.returncode}) before its "
                        f"workers started: {err}")
        time.sleep(rng.uniform(0, 0.3))
        workers = descendants(run.pid)
        if how == "Ctrl-C":  # the terminal signals the whole foreground group
            os.killpg(run.pid, signal.SIGINT)
        else:
            run.send_signal(getattr(signal, how))
        code = run.wait(timeout=WAIT)
        deadline = time.monotonic() + 10
        while any(map(alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = [pid for pid in workers if alive(pid)]
        for pid in left:  # do not leave them to the next test (they hold its pipes too)
            os.kill(pid, signal.SIGKILL)
        _out, err = run.communicate(timeout=WAIT)
        assert left == [], f"trial {trial}: workers outlived the run"
        assert not writing(ix), f"trial {trial}: the lock outlived the run"
        if how == "Ctrl-C":
            no_traceback(err)
            assert "KeyboardInterrupt" not in err and code == 130, err  # 128 + SIGINT
        assert index_state(ix) in (before, everything)  # all of the run or nothing of it
    code, _out, err = quoteidx("index", folders[0], "--index", ix, "-j", "2", "--wait", "0")
    assert code == 0, err  # the lock is free


# Item 11: one tag with 200,000 attributes


def test_a_page_with_one_tag_of_200k_attributes_is_read_in_seconds(tmp_path: Path) -> None:
    """Before: over five minutes in libxml2 and the extractors (this test's process
    would have been killed after WAIT seconds)."""
    import time

    attributes = " ".join(f'data-a{n}="x"' for n in range(200_000))
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>Bridge</title></head><body><article>"
                    f"<div {attributes}><p>{BRIDGE}</p></div></article></body></html>")
    assert page.stat().st_size > 2_000_000
    began = time.monotonic()
    code, out, err = quoteidx("extract", page, "--format", "jsonl")
    took = time.monotonic() - began
    assert code == 0, err
    assert [json.loads(line)["speaker"] for line in out.splitlines()] == ["Ann Lee"]
    print(f"200k attributes: {took:.1f} s")


# Item 14: rebuilding the index from inside it, deleting it mid-run


def test_rebuild_from_inside_the_index_folder_works_and_says_where_it_is(
    tmp_path: Path, people: Path
) -> None:
    from test_reliability import index_state

    before = index_state(people)
    code, _out, err = quoteidx("index", "--rebuild", "--index", ".", "../docs", cwd=people)
    assert code == 0, err  # it used to rebuild, then crash reopening "." (exit 1)
    no_traceback(err)
    assert summary(err) == (2, 0, 0)
    assert "your current directory was the old index folder" in err and str(people) in err
    after = index_state(people)  # rebuilt, at its place (ids follow the path as given)
    assert after is not None and before is not None
    assert {key: len(ids) for key, ids in after.items()} == {
        key: len(ids) for key, ids in before.items()}


@pytest.mark.parametrize("moment", [0.0, 0.3, 0.6])
def test_an_index_folder_deleted_mid_run_is_one_line_and_the_next_run_makes_it_anew(
    tmp_path: Path, big_corpus: tuple[list[Path], object], moment: float
) -> None:
    import shutil
    import time

    from test_reliability import index_state
    from test_reliability_processes import finish, start, wait_for, writing

    folders, everything = big_corpus
    ix = tmp_path / "ix"
    code, _out, err = quoteidx("index", folders[0], "--index", ix)
    assert code == 0, err
    run = start("index", *folders, "--index", ix)
    assert wait_for(functools.partial(writing, ix), run), "the run ended before it locked"
    time.sleep(moment)
    while ix.exists():  # as `rm -rf` would, again if the run made a file meanwhile
        shutil.rmtree(ix, ignore_errors=True)
    code, out, err = finish(run)
    no_traceback(err)
    if code == 0:  # it had committed already
        assert "210 documents" in err, err
    else:
        assert code == 2 and out == "" and err.count("\n") == 1, err
        assert f"the index at {ix} was deleted during the run" in err, err
    code, _out, err = quoteidx("index", folders[0], "--index", ix)
    assert code == 0 and summary(err) == (70, 0, 0), err  # a new index
    # Keys are relative to the folder holding the index: `../corpus0/part1/...`.
    part = os.path.relpath(os.path.realpath(folders[0]), os.path.realpath(tmp_path)) + "/"
    assert index_state(ix) == {key: ids for key, ids in everything.items()  # type: ignore[attr-defined]
                               if key.startswith(part)}


# Item 17 (what is not query parsing): a crash is not "nothing found"

CRASH = """
import sys
import quoteidx.storing
def crash(*args, **kwargs):
    raise RuntimeError("the store broke\\nin two lines")
quoteidx.storing.open_store = crash
sys.argv = ["quoteidx", *sys.argv[1:]]
from quoteidx.cli import main
main()
"""


def test_an_unexpected_error_is_one_line_and_exit_70_the_traceback_under_debug(
    people: Path,
) -> None:
    import subprocess
    import sys

    from test_reliability_processes import WAIT

    def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-c", CRASH, *args], capture_output=True,
                              text=True, timeout=WAIT, env={**os.environ, **env})

    for command in (["stats"], ["search", "bridge"], ["by-speaker", "Khan"]):
        plain = run(*command, "--index", str(people))
        assert plain.returncode == 70 and plain.stdout == "", plain.stderr  # was 1
        no_traceback(plain.stderr)
        assert plain.stderr.count("\n") == 1, plain.stderr
        assert plain.stderr.startswith("quoteidx: unexpected error: RuntimeError: the store "
                                       "broke (a bug in quoteidx; run again with --debug")
    for debug in (run("--debug", "stats", "--index", str(people)),
                  run("stats", "--index", str(people), QUOTEIDX_DEBUG="1")):
        assert debug.returncode == 70
        assert "Traceback" in debug.stderr and "in crash\nRuntimeError: the store" in debug.stderr


@pytest.mark.parametrize("damage", ["truncated", "garbled", "emptied"])
def test_a_damaged_index_says_so_in_one_line_and_a_rebuild_makes_it_anew(
        people: Path, damage: str) -> None:
    """What a power loss can leave: a truncated (or garbled, or emptied) table of
    contents. Every command says the index is damaged and how to rebuild it (exit 2,
    was exit 70 "unexpected error", and before that exit 1 with a traceback); the
    rebuild the message prescribes works and finds the quotes again."""
    toc = next(people.glob("_MAIN_*.toc"))
    data = toc.read_bytes()
    toc.write_bytes({"truncated": data[:20], "garbled": data[:8] + bytes(len(data) - 8),
                     "emptied": b""}[damage])
    for command in (["search", "bridge"], ["by-speaker", "Khan"], ["stats"]):
        code, out, err = quoteidx(*command, "--index", people)
        assert code == 2 and out == "", err
        no_traceback(err)
        assert err.count("\n") == 1, err
        assert err.startswith(f"quoteidx: the index at {people} is damaged"), err
        assert err.rstrip().endswith(f"rebuild it with: quoteidx index --rebuild --index "
                                     f"{people} PATH..."), err
    code, _out, err = quoteidx("index", people.parent / "docs", "--rebuild", "--index", people)
    assert code == 0, err
    code, out, err = quoteidx("search", "pawns", "--index", people, "-f", "jsonl")
    assert code == 0 and "pawns" in out, err


def test_the_library_raises_index_damaged_and_rebuilds_it(people: Path) -> None:
    from quoteidx import open_index
    from quoteidx.storing import IndexDamaged, IndexIncompatible

    toc = next(people.glob("_MAIN_*.toc"))
    toc.write_bytes(toc.read_bytes()[:20])
    with pytest.raises(IndexDamaged, match="is damaged"):
        open_index(str(people))
    assert issubclass(IndexDamaged, IndexIncompatible)  # handled as "rebuild it"
    with open_index(str(people), create=True) as index:
        report = index.add([people.parent / "docs"], rebuild=True)
    assert report.quotes > 0


def test_a_long_lived_index_follows_another_process_rebuild(people: Path) -> None:
    """Issue 13 item 4: a library Index kept open while another process rebuilds the
    folder (which restarts its generation at 1) reads the new index, not stale counts
    and broken stored fields."""
    from quoteidx import open_index

    with open_index(str(people)) as index:
        assert index.stats().quotes == 2
        assert [hit.quote.speaker for hit in index.search("pawns").hits] == ["Ismail Khan"]
        (people.parent / "docs" / "gazette.txt").unlink()
        code, _out, err = quoteidx("index", people.parent / "docs", "--rebuild",
                                   "--index", people)
        assert code == 0, err
        assert index.stats().quotes == 1
        assert index.search("pawns").hits == []
        assert [hit.quote.text for hit in index.search("Herat").hits] == [
            "Herat will not fall"]
