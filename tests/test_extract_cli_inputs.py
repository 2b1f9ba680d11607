"""`quoteidx extract` over bad inputs, run for real: one stderr line per bad input naming
it, everything readable still extracted, exit code 2 when any input failed.

Exit codes (documented in `quoteidx extract --help` and the README): 0 quotations found,
1 none found, 2 some input could not be read, or bad usage."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SAID = {
    "good.txt": ("Mary Smith", "We will win this election."),
    "news.txt": ("John Doe", "We will fight on."),
    "crlf.md": ("Lena Ford", "We will stay."),
    "page.html": ("Anna Berg", "The bridge will open in May."),
    "export.jsonl": ("Peter Pan", "We never grow up."),
}


def said(name: str) -> str:
    speaker, words = SAID[name]
    return f"{speaker} said: \u201c{words}\u201d"


def run(*args: object, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "250", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    env.pop("QUOTEIDX_INDEX", None)
    return subprocess.run(
        [sys.executable, "-m", "quoteidx", "extract", *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=120,
        env=env,
        cwd=cwd,
    )


def errors_of(result: subprocess.CompletedProcess) -> list[str]:
    """The lines naming an input (not the closing count: every message starts quoteidx:)."""
    return [line for line in result.stderr.decode().splitlines()
            if line.startswith("quoteidx: ") and not line.endswith("could not be read")]


def records_of(result: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    top = tmp_path / "corpus"
    top.mkdir()
    (top / "good.txt").write_text(said("good.txt") + "\n")
    (top / "news.txt").write_bytes(said("news.txt").encode("cp1252"))
    (top / "crlf.md").write_bytes(
        f"---\r\ntitle: T\r\n---\r\nIntro line.\r\n\r\n{said('crlf.md')}\r\n".encode()
    )
    (top / "page.html").write_text(
        "<html><head><title>Bridge</title></head><body><article>"
        f"<p>{said('page.html')}</p><p>Work on it began last year after a long debate.</p>"
        "</article></body></html>"
    )
    (top / "export.jsonl").write_text(
        json.dumps({"id": "p1", "text": said("export.jsonl")}) + "\n{broken\n"
    )
    (top / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    (top / "empty.txt").write_bytes(b"")
    (top / "cut.txt").write_bytes(said("good.txt").encode()[:-1])
    (top / "front.md").write_text("---\ntitle: never closed\n" + said("good.txt"))
    (top / "loop").symlink_to(top, target_is_directory=True)
    return top


def test_bad_inputs_are_named_and_the_rest_is_extracted(corpus: Path) -> None:
    result = run(corpus, "--format", "jsonl")
    assert result.returncode == 2
    errors = errors_of(result)
    expected = {
        "binary.txt": "binary",
        "empty.txt": "empty file",
        "cut.txt": "truncated",
        "front.md": "never closed",
        "export.jsonl: line 2": "not valid JSON",
        "loop": "symlink loop",
    }
    assert len(errors) == len(expected), errors
    for name, reason in expected.items():
        assert [e for e in errors if f"{corpus / name}: " in e and reason in e], (name, errors)
    assert result.stderr.decode().splitlines()[-1] == (
        f"quoteidx: {len(expected)} input(s) could not be read")

    records = records_of(result)
    found = {(r["speaker"], r["text"]) for r in records}
    assert found == set(SAID.values())
    by_file = {Path(r["source"]["path"]).name: r for r in records}
    assert set(by_file) == {"good.txt", "news.txt", "crlf.md", "page.html", "export.jsonl#id=p1"}
    crlf = by_file["crlf.md"]  # offsets point into the file as it is, CRLF and all
    on_disk = (corpus / "crlf.md").read_bytes().decode()
    assert on_disk[crlf["start"] : crlf["end"]] == crlf["text"]


def test_exit_codes_found_nothing_and_usage(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(said("good.txt"))
    nothing = tmp_path / "nothing.txt"
    nothing.write_text("No quotations in this text at all.")
    assert run(good).returncode == 0
    assert run(nothing).returncode == 1
    assert run().returncode == 2
    both = run("-", "--stdin-paths", stdin=b"x")
    assert both.returncode == 2 and "stdin" in errors_of(both)[0]
    assert "2 some input could not be read" in " ".join(run("--help").stdout.decode().split())


def test_dash_reads_one_document_from_stdin() -> None:
    result = run("-", "--format", "jsonl", stdin=said("news.txt").encode("cp1252"))
    assert result.returncode == 0
    (record,) = records_of(result)
    assert record["source"]["path"] == "<stdin>"
    assert record["text"] == SAID["news.txt"][1]


def test_stdin_paths(corpus: Path) -> None:
    names = f"{corpus / 'good.txt'}\r\n\n{corpus / 'missing.txt'}\n{corpus / 'page.html'}\n"
    result = run("--stdin-paths", "--format", "jsonl", stdin=names.encode())
    assert result.returncode == 2
    (error,) = errors_of(result)
    assert str(corpus / "missing.txt") in error
    assert {r["text"] for r in records_of(result)} == {
        SAID["good.txt"][1],
        SAID["page.html"][1],
    }


def test_hostile_quote_in_the_table_is_shown_as_text(tmp_path: Path) -> None:
    hostile = "We will win, [bold]always[/bold], \x1b]0;pwned\x07 \x1b[2J this election."
    path = tmp_path / "a.txt"
    path.write_text(f"Mary Smith said: \u201c{hostile}\u201d")
    result = run(path)
    assert result.returncode == 0
    shown = result.stdout.decode()
    assert "\x1b" not in shown and "\x07" not in shown
    assert "[bold]always[/bold]" in shown
    assert "\\x1b]0;pwned\\x07" in shown


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_commas_quotes_and_crlf_stay_valid_in_csv_and_json(tmp_path: Path, fmt: str) -> None:
    text = (
        "Mary Smith said: \u201cWe will win, 10,000 votes; that is all.\u201d\r\n"
        'She left, "happy".'
    )
    path = tmp_path / "a.txt"
    path.write_text(text, newline="")
    result = run(path, "--format", fmt)
    assert result.returncode == 0
    out = result.stdout.decode()
    if fmt == "csv":
        (row,) = list(csv.DictReader(io.StringIO(out, newline="")))
    else:
        (row,) = json.loads(out)
    assert row["text"] == "We will win, 10,000 votes; that is all."
    assert text[int(row["start"]) : int(row["end"])] == row["text"]
