"""`quoteidx index` keeps the people listing (quoteidx.identity.kept, with the names
table `show` reads) up to date at the end of a run, once the run is saved: the first
`speakers` or `show` after it reads the people back and builds nothing, and they are
the people building them afresh gives. A run that changed nothing rewrites nothing;
Ctrl-C or kill -9 while the people are listed leaves the run saved, the lock free and
no file half written."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_kept_names import built, every_quote
from test_kept_people import GAZETTE, afresh, builds, docs, listed
from test_reliability_processes import WAIT, quoteidx

import quoteidx as quoteidx_api
from quoteidx.identity import corrections_path, kept
from quoteidx.index import Index

__all__ = ["docs"]  # a fixture: the same corpus as test_kept_people

pytestmark = pytest.mark.filterwarnings("ignore::quoteidx.index.CorrectionWarning")


@pytest.fixture(autouse=True)
def code_read_afresh() -> None:
    """The listing's key names quoteidx's source files as they are (kept._code), which a
    process reads once: this one's must be of the files the `quoteidx` processes it
    starts read, not of the files as they were when an earlier test first asked."""
    kept._code.cache_clear()


def refuse_reads(index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    """The index's quotes and counts may not be read: a person must come from what is
    kept."""
    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("the index was read to build people")

    for method in ("speaker_counts", "search", "document_quotes"):
        monkeypatch.setattr(index.store, method, refused)


def fresh(ix: Path) -> bool:
    kept._code.cache_clear()
    with quoteidx_api.open_index(ix) as index:
        store = index.store
        return kept.is_kept(store, kept.key(store.version(), store.corrections()))


def kept_files(ix: Path) -> dict[str, tuple[int, int]]:
    return {name: (os.stat(ix / name).st_ino, os.stat(ix / name).st_mtime_ns)
            for name in ("people.kept", "names.kept")}


def test_after_quoteidx_index_show_and_speakers_build_nothing(
        tmp_path: Path, docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ix = tmp_path / "ix"
    for step in ("first run", "a document added"):
        if step == "a document added":
            (docs / "post.txt").write_text("“It is over,” said Maria Lopez, a nurse.\n",
                                           encoding="utf-8")
        code, _out, err = quoteidx("index", docs, "--index", ix)
        assert code == 0 and "quoteidx: documents:" in err, err
        assert fresh(ix), step
        with quoteidx_api.open_index(ix) as index:
            expected = afresh(index)
            people = [built(index, quote) for quote in every_quote(index)]
            calls = builds(index.store, monkeypatch)
            assert listed(index) == expected and calls == [], step  # speakers: read back
            monkeypatch.undo()
            quotes = every_quote(index)
            refuse_reads(index, monkeypatch)
            assert [index.person_names(quote) for quote in quotes] == people, step  # show
            monkeypatch.undo()
        assert ("Maria Lopez" in [p[0] for p in expected["people"]]) == (
            step == "a document added")
    # What the commands print is what they printed when they built the people.
    code, listing, _err = quoteidx("speakers", "-f", "jsonl", "--index", ix)
    assert code == 0
    for name in ("people.kept", "names.kept"):
        (ix / name).unlink()
    assert quoteidx("speakers", "-f", "jsonl", "--index", ix)[1] == listing


def test_a_run_that_changes_nothing_rewrites_nothing(tmp_path: Path, docs: Path) -> None:
    ix = tmp_path / "ix"
    assert quoteidx("index", docs, "--index", ix)[0] == 0
    before = kept_files(ix)
    code, _out, err = quoteidx("index", docs, "--index", ix)
    assert code == 0 and "0 added, 0 updated, 3 unchanged" in err, err
    assert kept_files(ix) == before
    # A listing made stale by something else than a run (the corrections file edited
    # by hand) is made anew by the next run, changed or not.
    Path(corrections_path(ix)).write_text(
        '[[correction]]\naction = "merge"\nnames = ["Omar Haddad", "Ismail Khan"]\n',
        encoding="utf-8")
    assert not fresh(ix)
    assert quoteidx("index", docs, "--index", ix)[0] == 0
    assert fresh(ix) and kept_files(ix) != before


def test_ctrl_c_while_the_people_are_listed_keeps_the_run(
        cli: Callable[..., Any], tmp_path: Path, docs: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from quoteidx.identity import listing

    ix = tmp_path / "ix"

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(listing, "load_speakers", interrupted)
    result = cli("index", docs, "--index", ix)
    assert result.exit_code == 130
    assert "3 added" in result.stderr and "the run was saved" in result.stderr
    assert "index unchanged" not in result.stderr
    monkeypatch.undo()
    assert not fresh(ix)
    again = cli("index", docs, "--index", ix, "--wait", "0")  # the lock is free
    assert again.exit_code == 0 and "3 unchanged" in again.stderr, again.stderr
    assert fresh(ix)


def test_a_corrections_file_that_does_not_parse_leaves_the_run_saved(
        cli: Callable[..., Any], tmp_path: Path, docs: Path) -> None:
    ix = tmp_path / "ix"
    Path(corrections_path(ix)).write_text("[[correction\n", encoding="utf-8")
    result = cli("index", docs, "--index", ix)
    assert result.exit_code == 0 and "3 added" in result.stderr, result.stderr
    assert not (ix / "people.kept").exists()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_kill_9_while_the_people_are_listed_leaves_the_run_saved_and_the_lock_free(
        tmp_path: Path, docs: Path) -> None:
    ix = tmp_path / "ix"
    assert quoteidx("index", docs, "--index", ix)[0] == 0
    listing = (ix / "people.kept").read_bytes()
    (docs / "post.txt").write_text(GAZETTE.replace("Omar Haddad", "Nadia Rahimi"),
                                   encoding="utf-8")
    marker = tmp_path / "listing"
    # The run, held while it lists the people (after its commit), until it is killed.
    code = ("import sys, time\nfrom pathlib import Path\n"
            "from quoteidx.identity import listing\n"
            "def held(*args, **kwargs):\n"
            f"    Path({str(marker)!r}).write_text('now')\n"
            "    time.sleep(60)\n"
            "listing.load_speakers = held\n"
            f"sys.argv = ['quoteidx', 'index', {str(docs)!r}, '--index', {str(ix)!r}]\n"
            "from quoteidx.cli import main\nmain()\n")
    env = {key: value for key, value in os.environ.items() if key != "QUOTEIDX_INDEX"}
    run = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + WAIT
        while not marker.exists():
            assert run.poll() is None, run.communicate()
            assert time.monotonic() < deadline, "the run never listed the people"
            time.sleep(0.02)
    finally:
        run.send_signal(signal.SIGKILL)
        run.communicate(timeout=WAIT)
    assert run.returncode == -signal.SIGKILL
    # Saved: the new document's speaker is there; the listing kept is the old one, whole,
    # and not used for the new state.
    code, out, err = quoteidx("by-speaker", "Nadia Rahimi", "-f", "jsonl", "--index", ix)
    assert code == 0 and "Nadia Rahimi" in out, err
    assert (ix / "people.kept").read_bytes() == listing and not fresh(ix)
    # The lock is free (--wait 0), the run is complete (nothing changed), and the listing
    # is made for the state the killed run saved.
    code, _out, err = quoteidx("index", docs, "--index", ix, "--wait", "0")
    assert code == 0 and "0 added, 0 updated, 4 unchanged" in err, err
    assert fresh(ix)
    assert not [name for name in os.listdir(ix) if ".tmp-" in name]
