"""Extraction on several processes gives what one process gives, in the same order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quoteidx import parallel
from quoteidx.cli import app
from quoteidx.parallel import extract_all
from quoteidx.reading import Document, ReadError
from quoteidx.record import Quote

SPEAKERS = ["Amina Yusuf, a spokeswoman for the ministry", "Ismail Khan, the governor",
            "Lars Novak, a farmer"]


def _article(number: int) -> str:
    who = SPEAKERS[number % len(SPEAKERS)]
    return (
        f"---\ntitle: Report {number}\n---\n"
        f"The talks in the capital went on for a {number}th day.\n\n"
        f"“We will not accept report {number} as it stands,” said {who}.\n\n"
        f"“It is a difficult decision,” she added. The minister said that talks on "
        f"clause {number} would resume next week.\n"
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Text files in two folders, a JSON Lines export with a bad line, an empty file."""
    root = tmp_path / "corpus"
    for number in range(30):
        folder = root / f"part{number % 2}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{number:03}.txt").write_text(_article(number), encoding="utf-8")
    lines = [json.dumps({"text": _article(100 + n), "id": f"n{n}"}) for n in range(12)]
    lines.insert(5, "{not json")
    (root / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "part0" / "empty.txt").write_text("", encoding="utf-8")
    return root


def _summary(items: list[tuple[Document, list[Quote]] | ReadError]) -> list[object]:
    return [str(item) if isinstance(item, ReadError)
            else (item[0].source.path, [q.to_dict() for q in item[1]]) for item in items]


@pytest.mark.parametrize("batch", [1, 16])
def test_same_records_in_same_order_as_one_process(
    corpus: Path, batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "BATCH", batch)  # 1: more tasks than the in-flight window
    one = _summary(list(extract_all([corpus], jobs=1)))
    two = _summary(list(extract_all([corpus], jobs=2)))
    assert two == one
    errors = [item for item in one if isinstance(item, str)]
    assert len(errors) == 2  # the bad JSON line and the empty file
    assert sum(len(item[1]) for item in one if not isinstance(item, str)) > 40


def test_missing_path_keeps_its_place(corpus: Path) -> None:
    paths = [corpus / "part1", corpus / "nothing-here", corpus / "part0"]
    items = list(extract_all(paths, jobs=2))
    assert _summary(items) == _summary(list(extract_all(paths, jobs=1)))
    at = next(i for i, item in enumerate(items) if isinstance(item, ReadError))
    assert "no such file" in str(items[at]) and at == 15  # after the 15 files of part1


def _failing(document: Document) -> list[Quote]:
    raise ValueError(f"cannot cope with {document.source.title}")


def test_extraction_failure_is_an_error_not_a_stop(corpus: Path) -> None:
    items = list(extract_all([corpus / "part1"], jobs=2, extract=_failing))
    assert len(items) == 15 and all(isinstance(item, ReadError) for item in items)
    assert "extraction failed: ValueError('cannot cope with Report 1')" in str(items[0])


def test_stopping_early_does_not_hang(corpus: Path) -> None:
    items = extract_all([corpus], jobs=2)
    first = next(items)
    items.close()
    assert not isinstance(first, ReadError)


def test_cli_jobs_output_is_identical(corpus: Path) -> None:
    runner = CliRunner()
    outputs = []
    for jobs in ("1", "2", "0"):
        result = runner.invoke(app, ["extract", str(corpus), "-f", "jsonl", "--jobs", jobs])
        assert result.exit_code == 2  # two inputs could not be read; the rest is printed
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert len(outputs[0].splitlines()) > 40


def _index_contents(location: Path) -> list[dict[str, object]]:
    from quoteidx.querying import SearchRequest
    from quoteidx.storing import open_store

    with open_store(str(location)) as store:
        result = store.search(SearchRequest(limit=None, sort="document"))
    return [hit.quote.to_dict() for hit in result.hits]


def _report(report: object) -> dict[str, object]:
    from dataclasses import asdict

    data = asdict(report)  # type: ignore[call-overload]
    data.pop("location")
    return data


def test_index_jobs_gives_the_same_index_and_report(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quoteidx import indexing
    from quoteidx.indexing import index_paths

    monkeypatch.setattr(indexing, "CHUNK", 5)  # the JSON Lines file spans several tasks
    (corpus / "part1" / "copy.txt").write_text(_article(3), encoding="utf-8")  # a twin
    paths = [corpus, corpus / "part0" / "000.txt"]  # a file named twice
    one, two = tmp_path / "ix1", tmp_path / "ix2"
    first = [index_paths(paths, str(where), jobs=jobs) for where, jobs in ((one, 1), (two, 2))]
    assert _report(first[0]) == _report(first[1])
    assert first[0].skipped and first[0].quotes > 40
    assert _index_contents(one) == _index_contents(two)

    # Change, add and remove files: the incremental runs agree too.
    (corpus / "part0" / "004.txt").write_text(_article(404), encoding="utf-8")
    (corpus / "part1" / "999.txt").write_text(_article(999), encoding="utf-8")
    (corpus / "part1" / "005.txt").unlink()
    again = [index_paths([corpus], str(where), prune=True, jobs=jobs)
             for where, jobs in ((one, 1), (two, 0))]
    assert _report(again[0]) == _report(again[1])
    assert again[0].updated and again[0].added and again[0].pruned and again[0].unchanged
    assert _index_contents(one) == _index_contents(two)


def test_index_jobs_extraction_failure_is_skipped(corpus: Path, tmp_path: Path) -> None:
    from quoteidx.indexing import index_paths

    reports = [index_paths([corpus / "part1"], str(tmp_path / f"ix{jobs}"), jobs=jobs,
                           extract=_failing) for jobs in (1, 2)]
    assert _report(reports[0]) == _report(reports[1])
    assert len(reports[1].skipped) == 15
    assert reports[1].skipped[0][1] == "extraction failed: ValueError: cannot cope with Report 1"
