"""`quoteidx index` and where every command finds its index."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quoteidx.storing import open_store

Cli = Callable[..., Any]


@pytest.fixture
def docs(tmp_path: Path, fake_extract: object) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("John Smith: We will win the harvest\nAnn Lee: calm\n")
    (folder / "b.txt").write_text("Omid Sobhani: Pakistani forces moved\n")
    return folder


def quotes_in(location: str | Path) -> list[str]:
    from quoteidx.querying import SearchRequest

    with open_store(location) as store:
        hits = store.search(SearchRequest("*", limit=None)).hits
    return sorted(hit.quote.text for hit in hits)


def test_index_then_reindex(cli: Cli, docs: Path, fresh_location: str) -> None:
    ix = fresh_location
    result = cli("index", docs, "--index", ix)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # messages go to stderr
    assert "2 added" in result.stderr and "3 quotes" in result.stderr

    result = cli("index", docs, "--index", ix)
    assert result.exit_code == 0
    assert "2 unchanged" in result.stderr and "+0 -0" in result.stderr

    (docs / "a.txt").write_text("John Smith: We will win the harvest soon\n")
    result = cli("index", docs, "--index", ix)
    assert "1 updated" in result.stderr and "+1 -2" in result.stderr
    assert quotes_in(ix) == ["Pakistani forces moved", "We will win the harvest soon"]


def test_prune(cli: Cli, docs: Path, fresh_location: str) -> None:
    ix = fresh_location
    cli("index", docs, "--index", ix)
    (docs / "a.txt").unlink()
    result = cli("index", "--prune", "--index", ix)  # no PATH needed to prune
    assert result.exit_code == 0, result.output
    assert "1 pruned" in result.stderr
    assert quotes_in(ix) == ["Pakistani forces moved"]


def test_rebuild(cli: Cli, docs: Path, fresh_location: str) -> None:
    ix = fresh_location
    cli("index", docs, "--index", ix)
    result = cli("index", "--rebuild", docs / "b.txt", "--index", ix)
    assert result.exit_code == 0
    assert quotes_in(ix) == ["Pakistani forces moved"]


def test_unreadable_paths_are_reported_the_rest_indexed_and_exit_2(
    cli: Cli, docs: Path, tmp_path: Path, fresh_location: str
) -> None:
    ix = fresh_location
    (docs / "empty.txt").write_text("")
    result = cli("index", docs, "--index", ix)
    assert result.exit_code == 2  # some inputs failed...
    assert "skipped" in result.stderr and "empty.txt" in result.stderr
    assert cli("search", "pakistani", "--index", ix).exit_code == 0  # ...not all
    result = cli("index", tmp_path / "nowhere", "--index", ix)
    assert result.exit_code == 2
    assert "nowhere" in result.stderr
    result = cli("index", "-", "--index", ix)
    assert result.exit_code == 2 and "stdin cannot be indexed" in result.stderr
    (docs / "\x1b[31mred.txt").write_text("")
    result = cli("index", docs, "--index", ix)
    assert "\x1b" not in result.stderr and "\\x1b[31mred.txt" in result.stderr


def test_usage_errors_are_exit_2(cli: Cli, tmp_path: Path) -> None:
    result = cli("index", "--index", tmp_path / "ix")
    assert result.exit_code == 2 and "at least one PATH" in result.stderr
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "keep.txt").write_text("mine")
    result = cli("index", tmp_path / "notes", "--index", tmp_path / "notes")
    assert result.exit_code == 2 and "not empty" in result.stderr
    assert sorted(p.name for p in (tmp_path / "notes").iterdir()) == ["keep.txt"]


def test_busy_index_is_a_clear_error(
    cli: Cli, docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ix = tmp_path / "ix"
    cli("index", docs, "--index", ix)
    monkeypatch.setattr("quoteidx.storing.whoosh.store.WRITE_TIMEOUT", 0.1)
    (docs / "b.txt").write_text("Omid Sobhani: changed\n")
    with open_store(ix) as store, store.writer():
        result = cli("index", docs, "--index", ix)
    assert result.exit_code == 2
    assert "another process is writing" in result.stderr
    assert "Traceback" not in result.output


def test_index_location_precedence(
    cli: Cli, docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli("index", docs).exit_code == 0
    assert (tmp_path / ".quoteidx").is_dir()  # the default

    env = {"QUOTEIDX_INDEX": str(tmp_path / "from-env")}
    assert cli("index", docs / "a.txt", env=env).exit_code == 0
    assert cli("index", docs / "b.txt", "--index", tmp_path / "flag", env=env).exit_code == 0

    assert cli("search", "harvest", "-f", "jsonl").exit_code == 0
    assert cli("search", "harvest", "-f", "jsonl", env=env).exit_code == 0
    flag_wins = cli("search", "harvest", "--index", tmp_path / "flag", env=env)
    assert flag_wins.exit_code == 1  # the flag's index only holds b.txt
    assert cli("search", "pakistani", "--index", tmp_path / "flag", env=env).exit_code == 0
    assert cli("search", "pakistani", env=env).exit_code == 1  # env's index: a.txt only


def test_missing_index_says_how_to_make_one(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for args in (["search", "x"], ["by-speaker", "x"], ["speakers"], ["show", "abc"],
                 ["stats"]):
        result = cli(*args)
        assert result.exit_code == 2, args
        assert result.stderr.count("\n") == 1
        assert "no index at .quoteidx" in result.stderr
        assert "quoteidx index PATH" in result.stderr
    result = cli("stats", "--index", tmp_path / "else where")
    assert "quoteidx index --index '" in result.stderr
    assert not (tmp_path / ".quoteidx").exists() and not (tmp_path / "else where").exists()


def test_index_made_by_another_version_asks_for_a_rebuild(
    cli: Cli, docs: Path, tmp_path: Path
) -> None:
    ix = tmp_path / "ix"
    cli("index", docs, "--index", ix)
    (ix / "quoteidx.json").write_text('{"schema": 0}')
    for args in (["index", docs], ["search", "harvest"]):
        result = cli(*args, "--index", ix)
        assert result.exit_code == 2
        assert "another version" in result.stderr and "index --rebuild" in result.stderr
    assert cli("index", "--rebuild", docs, "--index", ix).exit_code == 0
    assert cli("search", "harvest", "--index", ix).exit_code == 0
