"""What a person sees on a terminal: the pager, progress and Ctrl-C, run through a real
pseudo-terminal (the pty module), since that is what they depend on."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from quoteidx.storing import open_store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
ARTICLE = ("Ann Ruiz, a harbour master, said the port would reopen in March.\n\n"
           "\u201cWe lost the season,\u201d said Tom Berg, a fisherman.\n\n"
           "This is report number {n} from the harbour.")


def on_terminal(*args: object, cwd: Path, env: dict[str, str] | None = None,
                interrupt_on: str | None = None, columns: int = 100,
                timeout: float = 180) -> tuple[int, str]:
    """Run `python -m quoteidx ARGS` with stdin, stdout and stderr on a pseudo-terminal
    of `columns`; (exit code, everything shown). With `interrupt_on`, Ctrl-C (SIGINT)
    is sent once that text has been shown."""
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("QUOTEIDX_INDEX", "PAGER", "QUOTEIDX_PAGER", "LESS",
                                  "NO_COLOR", "COLUMNS", "LINES")}
    environment.update(TERM="xterm-256color", **(env or {}))
    pid, fd = pty.fork()
    if pid == 0:  # the child: its terminal gets a size, then quoteidx runs on it
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
            os.chdir(cwd)
            os.execve(sys.executable, [sys.executable, "-m", "quoteidx", *map(str, args)],
                      environment)
        finally:
            os._exit(127)
    shown = b""
    deadline = time.monotonic() + timeout
    interrupted = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the child closed its terminal: it has ended
                break
            if not chunk:
                break
            shown += chunk
        if interrupt_on and not interrupted and interrupt_on.encode() in shown:
            os.kill(pid, signal.SIGINT)
            interrupted = True
    else:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), shown.decode("utf-8", "replace")


def plain(text: str) -> str:
    """What a terminal shows, without its escape sequences."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r", "", text)


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from quoteidx.indexing import index_paths

    where = tmp_path_factory.mktemp("terminal")
    index_paths([CORPUS], where / ".quoteidx")
    return where


def test_a_long_table_goes_through_the_pager(corpus_index: Path, tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    code, shown = on_terminal("search", "*", env={"PAGER": f"cat > {paged}"},
                              cwd=corpus_index)
    assert code == 0
    assert "quotes" in plain(shown)  # the count, on stderr: the terminal itself
    text = plain(paged.read_text("utf-8"))
    assert "Ismail Khan" in text and "┏" in text  # the table went to the pager
    assert "Ismail Khan" not in plain(shown)
    assert "\x1b[" in paged.read_text("utf-8")  # in colour: the pager is on a terminal


def test_no_pager_prints_to_the_terminal(corpus_index: Path, tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    code, shown = on_terminal("--no-pager", "search", "*", env={"PAGER": f"cat > {paged}"},
                              cwd=corpus_index)
    assert code == 0 and "Ismail Khan" in plain(shown)
    assert not paged.exists()


def test_the_default_pager_is_less_with_git_s_options(corpus_index: Path,
                                                       tmp_path: Path) -> None:
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    less = bin_folder / "less"
    less.write_text(f'#!/bin/sh\necho "$@ LESS=$LESS" > {tmp_path}/args\ncat > {tmp_path}/out\n')
    less.chmod(0o755)
    code, _ = on_terminal("by-speaker", "Nezami", cwd=corpus_index,
                          env={"PATH": f"{bin_folder}:{os.environ['PATH']}"})
    assert code == 0
    assert (tmp_path / "args").read_text().split() == ["-FRX", "LESS=FRX"]
    assert "Nezami" in plain((tmp_path / "out").read_text("utf-8"))


def test_a_table_at_80_columns_on_a_terminal(corpus_index: Path) -> None:
    code, shown = on_terminal("--no-pager", "search", "Pakistan", cwd=corpus_index,
                              columns=80)
    assert code == 0
    lines = plain(shown).splitlines()
    assert max(len(line) for line in lines) <= 80
    assert re.search(r"│ (direct|indirect) +│", "\n".join(lines))  # kind: its own column


def jsonl_export(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            out.write(json.dumps({"id": f"a{number}", "text": ARTICLE.format(n=number),
                                  "publication": "The Wire"}) + "\n")
    return path


def test_progress_counts_json_lines_documents_with_eta_and_a_writing_phase(
    tmp_path: Path,
) -> None:
    export = jsonl_export(tmp_path / "wire.jsonl", 600)
    code, shown = on_terminal("index", export, cwd=tmp_path)
    assert code == 0, shown
    text = plain(shown)
    assert "indexing" in text and "/600" in text  # per document, not per file (1 file)
    assert "eta" in text and re.search(r"\d:\d\d:\d\d", text)  # elapsed and time left
    assert "writing index…" in text
    assert "600 added" in text and "+1200" in text  # two quotes an article


def test_extract_on_many_documents_shows_progress(tmp_path: Path) -> None:
    export = jsonl_export(tmp_path / "wire.jsonl", 600)
    code, shown = on_terminal("extract", export, "-f", "jsonl", cwd=tmp_path)
    assert code == 0
    assert "extracting" in plain(shown) and "/600" in plain(shown)
    assert plain(shown).count('"speaker": "Tom Berg"') == 600  # and every record


def test_ctrl_c_while_indexing_leaves_the_index_unchanged(tmp_path: Path) -> None:
    first = jsonl_export(tmp_path / "first.jsonl", 5)
    code, _ = on_terminal("index", first, cwd=tmp_path)
    assert code == 0
    with open_store(tmp_path / ".quoteidx") as store:
        before = store.stats().documents, store.stats().quotes
    big = jsonl_export(tmp_path / "big.jsonl", 5000)
    code, shown = on_terminal("index", big, cwd=tmp_path, interrupt_on="/5000")
    assert code == 130, plain(shown)
    assert "quoteidx: interrupted; index unchanged" in plain(shown)
    assert "Traceback" not in shown
    with open_store(tmp_path / ".quoteidx") as store:
        assert (store.stats().documents, store.stats().quotes) == before
