"""Re-indexing after files change under the index: a file given another file's text, a
moved or renamed document, corrected metadata, JSON Lines ids. After every run each
document in the index holds what its file holds now: no stale quote, nothing twice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quoteidx.indexing import IndexReport, index_paths
from quoteidx.querying import SearchRequest
from quoteidx.storing import open_store

A = "Ann Lee: we will rebuild the bridge\n"
B = "John Smith: taxes will fall next year\n"
C = "Maria Lopez: the harbour opens in May\n"


def run(folder: Path, **options: Any) -> IndexReport:
    return index_paths([folder], folder.parent / "ix", **options)


def held(folder: Path) -> dict[str, list[str]]:
    """Each indexed document's quote texts, by file name (and line, for JSON Lines)."""
    found: dict[str, list[str]] = {}
    with open_store(folder.parent / "ix") as store:
        for key in store.documents():
            found[key.replace(f"{folder}/", "")] = []
        for hit in store.search(SearchRequest("*", limit=None)).hits:
            key = next(k for k, info in store.documents().items()
                       if info.source == hit.quote.source)
            found[key.replace(f"{folder}/", "")].append(hit.quote.text)
    return {key: sorted(texts) for key, texts in sorted(found.items())}


@pytest.fixture
def folder(tmp_path: Path, fake_extract: object) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    return docs


# Item 1: a file overwritten with another indexed file's text


@pytest.mark.parametrize("prune", [False, True])
def test_a_file_given_another_files_text_loses_its_old_quotes(folder: Path, prune: bool) -> None:
    (folder / "a.txt").write_text(A)
    (folder / "b.txt").write_text(B)
    run(folder)
    (folder / "b.txt").write_text(A)  # cp a.txt b.txt
    for _ in range(2):
        report = run(folder, prune=prune)
        assert held(folder) == {"a.txt": ["we will rebuild the bridge"]}
        assert [reason for _path, reason in report.skipped] == [f"same text as {folder}/a.txt"]
    assert report.quotes == 1


def test_copying_onto_an_earlier_file_keeps_the_text_indexed_once(folder: Path) -> None:
    """a.txt comes first in a run: given b.txt's old text while b.txt changes, a.txt
    must not be skipped as a twin of what b.txt no longer holds."""
    (folder / "a.txt").write_text(A)
    (folder / "b.txt").write_text(B)
    run(folder)
    (folder / "a.txt").write_text(B)  # cp b.txt a.txt, then b.txt is rewritten
    (folder / "b.txt").write_text(C)
    report = run(folder)
    assert held(folder) == {"a.txt": ["taxes will fall next year"],
                            "b.txt": ["the harbour opens in May"]}
    assert report.skipped == []
    assert run(folder).unchanged == 2


@pytest.mark.parametrize("jobs", [1, 2])
def test_swapping_two_files_texts_reindexes_both(folder: Path, jobs: int) -> None:
    (folder / "a.txt").write_text(A)
    (folder / "b.txt").write_text(B)
    run(folder)
    (folder / "a.txt").write_text(B)
    (folder / "b.txt").write_text(A)
    report = run(folder, jobs=jobs)
    assert held(folder) == {"a.txt": ["taxes will fall next year"],
                            "b.txt": ["we will rebuild the bridge"]}
    assert report.skipped == [] and report.quotes == 2


def test_a_copy_made_before_the_original_in_run_order_is_skipped_once(folder: Path) -> None:
    (folder / "m.txt").write_text(A)
    run(folder)
    (folder / "a.txt").write_text(A)  # sorts before m.txt: decided once m.txt is read
    report = run(folder)
    assert held(folder) == {"m.txt": ["we will rebuild the bridge"]}
    assert [path for path, _reason in report.skipped] == [str(folder / "a.txt")]
