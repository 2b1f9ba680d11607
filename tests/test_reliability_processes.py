"""The index under stress, with real processes: `python -m quoteidx index` runs killed
with SIGKILL at seeded moments, two runs at once, searches during a run, a write limit
hit mid-run, a read-only index folder. Every wait has a timeout.

Runs use the real extractor over a generated corpus of 210 small articles (three
folders of 70), one to two seconds a run: long enough to be killed part-way. Each
state is checked with `index_state` (test_reliability.py), which fails on a document
that is there twice or half there; "expected" states come from extracting the corpus
in-process."""

from __future__ import annotations

import errno
import glob
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

import pytest
from test_reliability import State, index_state, leftovers

from quoteidx.storing.whoosh.folders import LOCK_NAME

pytestmark = pytest.mark.skipif(os.name != "posix", reason="flock, SIGKILL and rlimits")

WAIT = 60  # seconds: the most any single wait in this file may take
PER_PART = 70  # articles in each of the corpus's three folders
SPEAKERS = ["Ann Lee", "Omid Sobhani", "Maria Lopez", "John Smith", "Ismail Khan", "Sara Berg"]
ROLES = ["the mayor", "a spokesman", "the minister", "a local farmer"]


def article(number: int, version: int = 0) -> str:
    rng = random.Random(number * 100 + version)
    first, second, third = (rng.choice(SPEAKERS) for _ in range(3))
    return (
        f"Bridge {number}, report {version}\n\n"
        f"The council met on Tuesday to discuss bridge number {number}. "
        f'"We will rebuild bridge {number} before winter {version}," said {first}, '
        f"{rng.choice(ROLES)}. {second} said the cost of project {number} would rise. "
        f'"Nobody expected this," {third} told reporters.\n\n'
        + "The town waited for news. " * 20 + "\n"
    )


def write_corpus(root: Path) -> list[Path]:
    folders = []
    for part in range(3):
        folder = root / f"part{part + 1}"
        folder.mkdir(parents=True, exist_ok=True)
        for number in range(part * PER_PART, (part + 1) * PER_PART):
            (folder / f"{number:04}.txt").write_text(article(number))
        folders.append(folder)
    return folders


def expected_state(*paths: Path, index: Path | None = None) -> State:
    """What a clean run over `paths` into `index` indexes: each document's quote ids, by
    its key. An index in a folder of its own beside the corpus's (as most tests here
    make one; the default) names its documents `../corpus0/...`, and their ids follow
    from that."""
    from quoteidx.extract import extract_document
    from quoteidx.indexing import document_key, with_stable_ids
    from quoteidx.reading import Document, read_documents

    base = os.path.realpath(index.parent if index is not None
                            else paths[0].parent.parent / "an-index-folder")
    found = {}
    for document in read_documents(paths):
        assert isinstance(document, Document)
        key = document_key(document.source.path, document.source.path, base)
        quotes = with_stable_ids(extract_document(document), key)
        found[key] = tuple(sorted(q.id for q in quotes))
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], State]:
    folders = write_corpus(tmp_path_factory.mktemp("corpus"))
    return folders, expected_state(*folders)


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory, corpus: tuple[list[Path], State]
              ) -> tuple[float, Path]:
    """How long one clean run over the corpus takes here (to spread kills over a run),
    and the index it made."""
    folders, everything = corpus
    ix = tmp_path_factory.mktemp("clean") / "ix"
    began = time.monotonic()
    code, _out, err = quoteidx("index", *folders, "--index", ix)
    seconds = time.monotonic() - began
    assert code == 0, err
    assert index_state(ix) == everything  # a clean run indexes what is expected
    return seconds, ix


def start(*args: object, **options: Any) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k != "QUOTEIDX_INDEX"}
    return subprocess.Popen(
        [sys.executable, "-m", "quoteidx", *map(str, args)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**env, "COLUMNS": "200"}, **options,
    )


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    try:
        out, err = process.communicate(timeout=WAIT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        raise
    return process.returncode, out, err


def quoteidx(*args: object, **options: Any) -> tuple[int, str, str]:
    return finish(start(*args, **options))


def writing(ix: Path) -> bool:
    """Whether some process holds the index's write lock, never waited for. Read from
    /proc/locks where there is one: a probe that takes the lock, even for an instant,
    makes a run started meanwhile with --wait 0 give up (exit 2), a flake of the tests
    that start runs while they poll this."""
    import fcntl

    try:
        inode = os.stat(ix / LOCK_NAME).st_ino
    except FileNotFoundError:
        return False
    try:
        table = Path("/proc/locks").read_text()
    except OSError:
        table = None
    if table is not None:  # "1: FLOCK  ADVISORY  WRITE 1234 fe:00:2146621 0 EOF"
        return any(int(held) == inode for held in _FLOCK_HELD.findall(table))
    try:
        fd = os.open(ix / LOCK_NAME, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


# A lock held (not one waited for, listed after "->"): its file's inode.
_FLOCK_HELD = re.compile(
    r"^\d+: (?:FLOCK|POSIX|OFDLCK)\s+\S+\s+\S+\s+\d+\s+[0-9a-f]+:[0-9a-f]+:(\d+)", re.M)


def wait_for(condition: Callable[[], bool], process: subprocess.Popen[str]) -> bool:
    """Poll until `condition` holds (True) or the process ends first (False)."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.0005)
    raise AssertionError("timed out")


def summary(stderr: str) -> tuple[int, int, int]:
    """(added, updated, unchanged) from an index run's last line."""
    found = re.search(r"documents: (\d+) added, (\d+) updated, (\d+) unchanged", stderr)
    assert found, stderr
    return int(found[1]), int(found[2]), int(found[3])


def no_traceback(*outputs: str) -> None:
    for output in outputs:
        assert "Traceback" not in output, output


# Two runs at once


def test_two_runs_at_once_one_waits_and_every_document_is_indexed_once(
    tmp_path: Path, corpus: tuple[list[Path], State]
) -> None:
    (part1, part2, part3), everything = corpus
    ix = tmp_path / "ix"  # missing: both runs also race to create it
    first = start("index", part1, part2, "--index", ix, "--wait", WAIT)
    second = start("index", part2, part3, "--index", ix, "--wait", WAIT)
    results = [finish(first), finish(second)]
    for code, _out, err in results:
        assert code == 0, err
        no_traceback(err)
    # Usually one waited for the other (test_a_second_run_waits_... makes sure of it).
    assert sum("waiting up to 60 s" in err for _code, _out, err in results) <= 1
    counts = [summary(err) for _code, _out, err in results]
    # part2 is indexed by whichever run came first and found unchanged by the other.
    assert sum(c[0] for c in counts) == 3 * PER_PART and sum(c[2] for c in counts) == PER_PART
    assert index_state(ix) == everything
    assert leftovers(ix) == []


def test_a_second_run_waits_with_a_message_then_goes_on_or_gives_up_clearly(
    tmp_path: Path, corpus: tuple[list[Path], State]
) -> None:
    import select

    from quoteidx.indexing import index_paths
    from quoteidx.storing import open_store

    (part1, part2, part3), _ = corpus
    ix = tmp_path / "ix"
    index_paths([part1], ix)
    with open_store(ix) as store:
        with store.writer():  # another run, writing
            run = start("index", part2, "--index", ix, "--wait", WAIT)
            assert run.stderr and select.select([run.stderr], [], [], WAIT)[0]
            line = run.stderr.readline()
            assert f"another process is writing to the index at {ix}" in line
            assert "waiting up to 60 s" in line
        code, _out, err = finish(run)  # the other run ended: this one went on
        assert code == 0 and summary(err) == (PER_PART, 0, 0), err
        before = index_state(ix)

        with store.writer():
            began = time.monotonic()
            code, out, err = quoteidx("index", part3, "--index", ix, "--wait", "0.5")
            took = time.monotonic() - began
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert len(lines) == 2, err
    assert "waiting up to 0.5 s" in lines[0]
    assert "another process is writing to the index" in lines[1] and "try again" in lines[1]
    assert took < 10
    assert index_state(ix) == before


# Searching during a run


def test_a_search_during_a_run_sees_the_last_commit(
    tmp_path: Path, corpus: tuple[list[Path], State]
) -> None:
    from quoteidx.indexing import index_paths

    folders, everything = corpus
    ix = tmp_path / "ix"
    index_paths([folders[0]], ix)
    before = index_state(ix)
    assert before is not None
    run = start("index", *folders, "--index", ix)
    assert wait_for(lambda: writing(ix), run), "the run ended before it locked the index"

    search = start("search", "*", "--limit", "0", "--format", "jsonl", "--index", ix)
    seen: list[State | None] = []
    while run.poll() is None:  # readers open the index again and again, commit included
        seen.append(index_state(ix))
    code, out, err = finish(search)
    finish(run)

    assert code == 0, err
    no_traceback(err)
    quotes_before = sum(len(ids) for ids in before.values())
    assert len(out.splitlines()) in (quotes_before, sum(len(v) for v in everything.values()))
    assert seen and all(state in (before, everything) for state in seen)
    assert seen[0] == before  # the run was still going: readers saw the last commit
    assert index_state(ix) == everything


# kill -9


def new_segment(ix: Path) -> Callable[[], bool]:
    """True once a run writes postings into a new segment (.pst): it is committing (a
    writer creates its segment's files at the start, and fills them as it commits)."""
    pattern = [str(ix / "*.pst"), str(ix.parent / f"{ix.name}.tmp-*" / "*.pst")]
    old = {name for p in pattern for name in glob.glob(p)}

    def started() -> bool:
        for name in {name for p in pattern for name in glob.glob(p)} - old:
            with suppress(OSError):
                if os.path.getsize(name) > 0:
                    return True
        return False

    return started


@pytest.mark.parametrize("scenario", ["new index", "update", "rebuild"])
def test_kill_9_at_any_moment_leaves_a_working_index_and_a_rerun_completes_it(
    tmp_path: Path, corpus: tuple[list[Path], State], clean_run: tuple[float, Path],
    scenario: str,
) -> None:
    from quoteidx.indexing import index_paths

    folders, everything = corpus
    run_seconds, clean_index = clean_run
    ix = tmp_path / "ix"
    args: list[object] = ["index", *folders, "--index", ix]
    before: State | None = None
    after = everything
    if scenario == "update":  # a third of the articles changed, 30 new ones
        folders = write_corpus(tmp_path / "corpus")
        index_paths(folders, ix)
        before = index_state(ix)
        for number in range(0, len(everything), 3):
            (folders[number // PER_PART] / f"{number:04}.txt").write_text(article(number, 1))
        for number in range(len(everything), len(everything) + 30):
            (folders[2] / f"{number:04}.txt").write_text(article(number))
        args = ["index", *folders, "--index", ix]
        after = expected_state(*folders, index=ix)
    elif scenario == "rebuild":  # rebuild from two of the three folders
        shutil.copytree(clean_index, ix)
        before = everything
        args = ["index", "--rebuild", *folders[:2], "--index", ix]
        after = expected_state(*folders[:2])

    # Seeded moments over the first part of a run (so that the run has not committed
    # yet), then the moment it starts writing its segment file, as it commits. The
    # rebuild reads two thirds of the corpus and a loaded machine runs faster or slower
    # than the clean run measured, so the moments stay well inside the shortest run.
    rng = random.Random(f"kill-9 {scenario}")
    moments: list[float | None] = sorted(rng.uniform(0.05, 0.4) * run_seconds for _ in range(3))
    moments.append(None)
    killed = 0
    for moment in moments:
        # --wait 0: the lock file a killed run left must not be taken for a held lock.
        run = start(*args, "--wait", "0")
        if moment is None:
            wait_for(new_segment(ix), run)
        else:
            with suppress(subprocess.TimeoutExpired):
                run.wait(timeout=moment)
        run.send_signal(signal.SIGKILL)
        code, _out, err = finish(run)
        assert code in (0, -signal.SIGKILL), err  # never "index busy", never a crash
        killed += code == -signal.SIGKILL

        # The index opens and searches, and holds the last commit (nothing of the killed
        # run) or all of the run; a new index may not exist yet, or be still empty.
        state = index_state(ix)
        assert state in ([before, after, None, {}] if before is None else [before, after])
        assert state is not None or not ix.exists()
    assert killed >= 3, "the runs ended before they could be killed"

    if ix.exists():
        code, out, err = quoteidx("search", "bridge", "--index", ix, "-f", "jsonl")
        assert code in (0, 1) and (code == 1) == (out == ""), err
        no_traceback(err)

    code, _out, err = quoteidx(*args, "--wait", "0")  # running it again completes it
    assert code == 0, err
    assert index_state(ix) == after
    assert leftovers(ix) == []


# A full disk, a read-only folder


def test_a_write_limit_hit_mid_run_leaves_the_index_as_it_was(
    tmp_path: Path, corpus: tuple[list[Path], State]
) -> None:
    """The disk filling up, for real and without root: RLIMIT_FSIZE caps the size of
    any file the run writes, so writing the new, bigger segment fails part-way with
    EFBIG ("File too large"); Python ignores SIGXFSZ, so it is an OSError like ENOSPC."""
    resource = pytest.importorskip("resource")
    from quoteidx.indexing import index_paths

    folders, everything = corpus
    ix = tmp_path / "ix"
    index_paths([folders[0]], ix)
    before, files = index_state(ix), sorted(os.listdir(ix))
    limit = max(os.path.getsize(ix / name) for name in files) + 20_000

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    code, out, err = quoteidx("index", *folders, "--index", ix, preexec_fn=small_files)
    assert code == 2 and out == ""
    no_traceback(err)
    assert err.count("\n") == 1, err
    assert f"cannot write to the index at {ix}: {os.strerror(errno.EFBIG)}" in err
    assert "nothing from this run was saved" in err
    assert index_state(ix) == before
    assert sorted(os.listdir(ix)) == files and leftovers(ix) == []

    code, _out, err = quoteidx("index", *folders, "--index", ix)
    assert code == 0, err
    assert index_state(ix) == everything


def _obey_permission_bits() -> None:
    """Run in the child before exec: drop root's power to ignore permission bits
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) from the capability bounding set, so the
    new process is a root that a read-only folder stops, as it stops anyone else."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


@pytest.fixture
def unprivileged() -> dict[str, Any]:
    """Popen options for a process that permission bits apply to: none needed for a
    normal user; for root, a root without the capabilities that bypass them."""
    if os.geteuid() != 0:
        return {}
    if not sys.platform.startswith("linux"):
        pytest.skip("running as root, which permission bits do not stop")
    return {"preexec_fn": _obey_permission_bits}


def test_a_read_only_index_folder_is_a_clear_error_and_still_searchable(
    unprivileged: dict[str, Any], corpus: tuple[list[Path], State], tmp_path: Path
) -> None:
    from quoteidx.indexing import index_paths

    docs = corpus[0][0]
    ix = tmp_path / "ix"
    try:
        index_paths([docs / "0000.txt"], ix)
        before, files = index_state(ix), sorted(os.listdir(ix))
        for name in files:
            os.chmod(ix / name, 0o444)
        os.chmod(ix, 0o555)
        probe = subprocess.run([sys.executable, "-c", "import sys; open(sys.argv[1], 'w')",
                                str(ix / "probe")], capture_output=True, timeout=WAIT,
                               **unprivileged)
        if probe.returncode == 0:
            pytest.skip("cannot make a process here that permission bits stop")

        code, out, err = quoteidx("index", docs, "--index", ix, **unprivileged)
        assert code == 2 and out == ""
        no_traceback(err)
        assert err.count("\n") == 1, err
        assert f"cannot write to the index at {ix}: Permission denied" in err
        assert "read-only" in err and "the index is as it was" in err

        code, out, err = quoteidx("search", "bridge", "--index", ix, "-f", "jsonl",
                                  **unprivileged)
        assert code == 0 and len(out.splitlines()) == 1, err
        assert index_state(ix) == before and sorted(os.listdir(ix)) == files
    finally:
        os.chmod(ix, 0o755)  # so that pytest can clean up


def children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (Linux's /proc)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with suppress(OSError):
                stat = Path(f"/proc/{entry}/stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    found.add(int(entry))
    return found


def alive(pid: int) -> bool:
    with suppress(OSError):
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc, PR_SET_PDEATHSIG")
def test_kill_9_of_a_run_on_several_cores_kills_its_helpers_and_frees_the_lock(
    tmp_path: Path, corpus: tuple[list[Path], State]
) -> None:
    """With --jobs 2 a run extracts in worker processes and, past 100 documents, writes
    in helper processes: all of them inherit the run's lock. Killed with the run, none
    may live on holding it (an orphaned worker waited for work forever, and every later
    run was told the index was busy)."""
    folders, everything = corpus
    ix = tmp_path / "ix"
    run = start("index", *folders, "--index", ix, "--jobs", "2", "--wait", "0")
    # Workers and helpers both: more than the two workers, or the run's last moments.
    helpers: set[int] = set()

    def busy() -> bool:
        helpers.update(children(run.pid))
        return len(helpers) > 2

    wait_for(busy, run)
    run.send_signal(signal.SIGKILL)
    finish(run)
    assert helpers, "the run started no process"
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in helpers), "a worker outlived the run"
    assert not writing(ix)
    code, _out, err = quoteidx("index", *folders, "--index", ix, "--jobs", "2", "--wait", "0")
    assert code == 0, err
    assert index_state(ix) == everything
    assert leftovers(ix) == []
