"""Re-indexing after files change under the index: a file given another file's text, a
moved or renamed document, corrected metadata, JSON Lines ids. After every run each
document in the index holds what its file holds now: no stale quote, nothing twice."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quoteidx.indexing import IndexReport, index_paths
from quoteidx.querying import SearchRequest, date_bounds
from quoteidx.storing import open_store

A = "Ann Lee: we will rebuild the bridge\n"
B = "John Smith: taxes will fall next year\n"
C = "Maria Lopez: the harbour opens in May\n"


def run(folder: Path, **options: Any) -> IndexReport:
    return index_paths([folder], where(folder), **options)


def held(folder: Path) -> dict[str, list[str]]:
    """Each indexed document's quote texts, by file name (and line, for JSON Lines).
    (Keys are relative to the folder holding the index, here `docs/...`.)"""
    found: dict[str, list[str]] = {}
    with open_store(where(folder)) as store:
        for key in store.documents():
            found[key.removeprefix(f"{folder.name}/")] = []
        for hit in store.search(SearchRequest("*", limit=None)).hits:
            key = next(k for k, info in store.documents().items()
                       if info.source == hit.quote.source)
            found[key.removeprefix(f"{folder.name}/")].append(hit.quote.text)
    return {key: sorted(texts) for key, texts in sorted(found.items())}


_LOCATIONS: dict[Path, str] = {}


def where(folder: Path) -> str:
    """The index of the test using `folder` (one per backend: see fresh_location)."""
    return _LOCATIONS[folder]


@pytest.fixture
def folder(tmp_path: Path, fake_extract: object, fresh_location: str,
           monkeypatch: pytest.MonkeyPatch) -> Path:
    # Keys are relative to the folder holding an index folder, or for a server to the
    # current folder: run from tmp_path, both backends key a.txt as docs/a.txt.
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    _LOCATIONS[docs] = fresh_location
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
        assert report.skipped == []  # a copy is a note, not a failure:
        assert report.duplicates == [(str(folder / "b.txt"), "docs/a.txt")]
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
    assert [path for path, _twin in report.duplicates] == [str(folder / "a.txt")]


# Item 2: corrected metadata, same text


def sources(folder: Path) -> dict[str, tuple[str | None, ...]]:
    with open_store(where(folder)) as store:
        quotes = [hit.quote for hit in store.search(SearchRequest("*", limit=None)).hits]
        dated = store.search(SearchRequest("*", since=date_bounds("2024-06-01")[0],
                                           limit=None)).hits
    found = {q.source.path.rpartition("/")[2]: (q.source.title, q.source.date,
                                                q.source.publication) for q in quotes}
    found["dated since June"] = tuple(sorted(h.quote.source.path.rpartition("/")[2]
                                             for h in dated))
    return found


def test_corrected_metadata_with_the_same_text_is_picked_up(folder: Path) -> None:
    export = folder / "wire.jsonl"
    line = {"id": "s1", "text": A, "title": "Bridge", "date": "2024-03-05"}
    export.write_text(json.dumps(line) + "\n")
    page = folder / "page.html"
    html = ("<html><head><title>{title}</title>"
            '<meta property="og:site_name" content="{site}"></head>'
            "<body><article><p>John Smith: taxes will fall next year, and the council "
            "will vote on the budget in the spring.</p></article></body></html>")
    page.write_text(html.format(title="Taxes", site="The Herald"))
    run(folder)
    before = sources(folder)
    assert before["wire.jsonl#id=s1"] == ("Bridge", "2024-03-05", None)
    assert before["page.html"] == ("Taxes", None, "The Herald")

    export.write_text(json.dumps({**line, "title": "Bridge repairs", "date": "2024-07-05",
                                  "publication": "Wire"}) + "\n")
    page.write_text(html.format(title="Taxes to fall", site="The Evening Herald"))
    report = run(folder)
    assert sorted(report.updated) == [str(page), f"{export}#id=s1"]
    after = sources(folder)
    assert after["wire.jsonl#id=s1"] == ("Bridge repairs", "2024-07-05", "Wire")
    assert after["page.html"] == ("Taxes to fall", None, "The Evening Herald")
    assert after["dated since June"] == ("wire.jsonl#id=s1",)  # --since sees the new date
    assert run(folder).unchanged == 2  # and the next run finds nothing to do


# Item 6: JSON Lines keys


def test_an_id_holding_a_hash_sign_survives_prune_and_reads_again(folder: Path) -> None:
    from quoteidx.reading import read_file

    export = folder / "wire.jsonl"
    export.write_text(json.dumps({"id": "story#1", "text": A}) + "\n"
                      + json.dumps({"id": "story", "text": B}) + "\n")
    run(folder)
    report = run(folder, prune=True)
    assert (report.pruned, report.unchanged) == ([], 2)
    assert held(folder) == {"wire.jsonl#id=story": ["taxes will fall next year"],
                            "wire.jsonl#id=story#1": ["we will rebuild the bridge"]}
    assert read_file(f"{export}#id=story#1").text == A
    assert read_file(f"{export}#id=story").text == B


def test_a_line_whose_id_was_renamed_keeps_its_quotes_through_prune(folder: Path) -> None:
    export = folder / "wire.jsonl"
    export.write_text(json.dumps({"id": "old", "text": A}) + "\n")
    run(folder)
    export.write_text(json.dumps({"id": "new", "text": A}) + "\n")
    report = run(folder, prune=True)
    assert held(folder) == {"wire.jsonl#id=new": ["we will rebuild the bridge"]}
    assert report.skipped == [] and report.added == [f"{export}#id=new"]
    assert run(folder, prune=True).unchanged == 1


def test_a_file_named_like_a_line_is_a_document_of_its_own(folder: Path) -> None:
    export = folder / "x.jsonl"
    export.write_text(json.dumps({"text": A}) + "\n")
    lookalike = folder / "x.jsonl#1"
    lookalike.write_text(B)
    paths = [export, lookalike]
    report = index_paths(paths, where(folder))
    assert report.documents == 2 and report.quotes == 2
    for _ in range(2):
        report = index_paths(paths, where(folder), prune=True)
        assert (report.unchanged, report.pruned, report.documents) == (2, [], 2)
    lookalike.unlink()
    report = index_paths([export], where(folder), prune=True)
    assert report.pruned == [str(lookalike)] and report.documents == 1


def test_show_context_reads_a_line_whose_id_holds_a_hash_sign(
    folder: Path, cli: Any
) -> None:
    export = folder / "wire.jsonl"
    text = "The council met.\n\nAnn Lee: we will rebuild the bridge\n\nThe town waited.\n"
    export.write_text(json.dumps({"id": "story#1", "text": text}) + "\n")
    run(folder)
    with open_store(where(folder)) as store:
        quote = store.search(SearchRequest("bridge")).hits[0].quote
    shown = cli("show", quote.id, "--context", "1", "-f", "json", "--index", where(folder))
    assert shown.exit_code == 0 and shown.stderr == "", shown.stderr
    record = json.loads(shown.stdout)[0]
    assert record["context_before"] == ["The council met."]
    assert record["context_after"] == ["The town waited."]


def test_an_index_made_before_keys_were_escaped_converges_in_one_run(folder: Path) -> None:
    """Keys of files with "#" or "%" in their path changed form: the old key is taken
    for a moved document, so its quotes are replaced once, never kept twice."""
    from quoteidx.extract import extract_document
    from quoteidx.reading import read_file
    from quoteidx.storing import DocumentInfo

    notes = folder / "#notes"
    notes.mkdir()
    (notes / "100%.txt").write_text(A)
    document = read_file(notes / "100%.txt")
    with open_store(where(folder), create=True) as store, store.writer() as writer:
        writer.add_document(DocumentInfo(str(notes / "100%.txt"), document.content_hash,
                                         document.source, 1), extract_document(document))
    for _ in range(2):
        report = run(folder, prune=True)
        assert (report.documents, report.quotes, report.skipped) == (1, 1, [])
    assert held(folder) == {"%23notes/100%25.txt": ["we will rebuild the bridge"]}
