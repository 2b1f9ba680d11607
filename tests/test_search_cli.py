"""search, by-speaker, speakers, show, stats: formats, exit codes, errors, escaping; then
the real extractor end to end on the bundled corpus."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

from quoteidx.indexing import index_paths
from quoteidx.record import FLAT_FIELDS, Quote

Cli = Callable[..., Any]
CORPUS = Path(__file__).resolve().parent.parent / "corpus"
RECORD_KEYS = [f.name for f in fields(Quote) if f.name != "extra"]

GAZETTE = """---
publication: The Gazette
date: 2021-08-10
---
Ismail Khan: The Taliban are the pawns of the Pakistanis
Shariyar Nezami: We are fighting for Herat and we will keep fighting
José Álvarez (claim): the harvest will be late
Mallory: [bold]not bold[/bold] and \x1b[31mnot red\x1b[0m
"""
HERALD = """---
publication: The Herald
date: 2022-01-05
---
Ismail Khan: Pakistan denies the charges
"""


@pytest.fixture
def ix(tmp_path: Path, fake_extract: Any, fresh_location: str) -> str:
    """An index (of each backend) of the two documents above."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "gazette.txt").write_text(GAZETTE)
    (docs / "herald.txt").write_text(HERALD)
    index_paths([docs], fresh_location, extract=fake_extract)
    return fresh_location


def quotes(result: Any) -> list[dict[str, Any]]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# search


def test_search_table_for_people(cli: Cli, ix: Path) -> None:
    result = cli("search", "Pakistan", "--index", ix)
    assert result.exit_code == 0, result.output
    assert "pawns of the" in result.stdout and "Pakistan denies" in result.stdout
    assert "Ismail Khan" in result.stdout
    assert "2 quotes" in result.stderr


def test_search_json_has_the_extract_fields_plus_score(cli: Cli, ix: Path) -> None:
    records = quotes(cli("search", "Pakistan", "--index", ix, "--format", "json"))
    assert len(records) == 2
    for record in records:
        assert list(record) == [*RECORD_KEYS, "score"]
        assert record["score"] > 0
        assert set(record["source"]) == {"path", "title", "publication", "author", "date", "url"}
    assert records[0]["score"] >= records[1]["score"]


def test_search_jsonl_and_csv(cli: Cli, ix: Path) -> None:
    result = cli("search", "Pakistan", "--index", ix, "-f", "jsonl")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2 and all("score" in line for line in lines)
    result = cli("search", "Pakistan", "--index", ix, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [*FLAT_FIELDS, "score"]
    assert {row["speaker"] for row in rows} == {"Ismail Khan"}
    assert {row["source_publication"] for row in rows} == {"The Gazette", "The Herald"}
    assert float(rows[0]["score"]) > 0
    assert result.stderr == ""


def test_search_options(cli: Cli, ix: Path) -> None:
    def texts(*args: object) -> list[str]:
        result = cli("search", *args, "--index", ix, "-f", "json")
        return [record["text"] for record in json.loads(result.stdout)] if result.stdout else []

    assert texts("fight") == ["We are fighting for Herat and we will keep fighting"]
    assert texts("*", "--kind", "indirect") == ["the harvest will be late"]
    assert texts("*", "--speaker", "alvarez") == ["the harvest will be late"]
    assert texts("Pakistan", "--since", "2022") == ["Pakistan denies the charges"]
    assert texts("Pakistan", "--until", "2021-08-10") == [
        "The Taliban are the pawns of the Pakistanis"]
    assert texts("Pakistan", "--sort", "date")[0] == "Pakistan denies the charges"
    assert len(texts("*", "--limit", "2")) == 2
    assert len(texts("*", "--limit", "0")) == 5
    assert texts("speaker:nezami AND fight*") != []


def test_nothing_found_is_exit_1(cli: Cli, ix: Path) -> None:
    result = cli("search", "zebra", "--index", ix)
    assert result.exit_code == 1
    assert result.stdout == "" and "no quotes match" in result.stderr
    result = cli("search", "zebra", "--index", ix, "-f", "json")
    assert result.exit_code == 1 and json.loads(result.stdout) == []


@pytest.mark.parametrize(("args", "message"), [
    (["foo:bar"], "unknown field 'foo'"),
    (["(pakistan"], "'(' without a matching ')'"),
    (['"pakistan'], "unclosed quote"),
    (["date:[soon to later]"], "bad query"),
    (["   "], "empty query"),
    (["pakistan", "--since", "yesterday"], "not a date"),
    (["pakistan", "--kind", "rumour"], "rumour"),
    (["pakistan", "--limit", "-1"], "--limit"),
])
def test_bad_queries_and_usage_are_exit_2(
    cli: Cli, ix: Path, args: list[str], message: str
) -> None:
    result = cli("search", *args, "--index", ix)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.stdout == ""


# by-speaker, speakers, show, stats


def test_by_speaker_case_and_accent_insensitive(cli: Cli, ix: Path) -> None:
    for name in ("khan", "ISMAIL KHAN", "Ismail Khan"):
        records = quotes(cli("by-speaker", name, "--index", ix, "-f", "json"))
        assert [r["text"] for r in records] == [
            "The Taliban are the pawns of the Pakistanis", "Pakistan denies the charges"]
        assert list(records[0]) == RECORD_KEYS  # no score: not a ranked search
    assert len(quotes(cli("by-speaker", "jose alvarez", "--index", ix, "-f", "json"))) == 1
    result = cli("by-speaker", "Alvarez", "--index", ix)
    assert result.exit_code == 0 and "the harvest will be late" in result.stdout


def test_by_speaker_nobody_suggests_names(cli: Cli, ix: Path) -> None:
    result = cli("by-speaker", "Nezamy", "--index", ix)
    assert result.exit_code == 1
    assert "no quotes by 'Nezamy'; did you mean: Shariyar Nezami?" in result.stderr


def test_speakers(cli: Cli, ix: Path) -> None:
    result = cli("speakers", "--index", ix)
    assert result.exit_code == 0 and "Shariyar Nezami" in result.stdout
    people = quotes(cli("speakers", "--index", ix, "-f", "json"))
    assert people[0] == {"speaker": "Ismail Khan", "role": None, "quotes": 2,
                         "sources": ["The Gazette", "The Herald"]}
    rows = list(csv.DictReader(io.StringIO(cli("speakers", "khan", "--index", ix,
                                               "-f", "csv").stdout)))
    assert rows == [{"speaker": "Ismail Khan", "role": "", "quotes": "2",
                     "sources": "The Gazette; The Herald"}]
    assert cli("speakers", "zebra", "--index", ix).exit_code == 1


def test_show(cli: Cli, ix: Path) -> None:
    record = quotes(cli("search", "denies", "--index", ix, "-f", "json"))[0]
    result = cli("show", record["id"], "--index", ix)
    assert result.exit_code == 0
    assert "Pakistan denies the charges" in result.stdout
    assert "The Herald" in result.stdout and f"{record['start']}-{record['end']}" in result.stdout
    shown = quotes(cli("show", record["id"], "--index", ix, "-f", "json"))
    del record["score"]
    assert shown == [record]
    row = next(csv.DictReader(io.StringIO(cli("show", record["id"], "--index", ix,
                                              "-f", "csv").stdout)))
    assert row["id"] == record["id"]
    result = cli("show", "000000000000", "--index", ix)
    assert result.exit_code == 1 and "no quote with id" in result.stderr


def test_stats(cli: Cli, ix: Path) -> None:
    result = cli("stats", "--index", ix)
    assert result.exit_code == 0 and "documents" in result.stdout
    figures = json.loads(cli("stats", "--index", ix, "-f", "json").stdout)
    assert (figures["documents"], figures["quotes"], figures["speakers"]) == (2, 5, 4)
    assert figures["kinds"] == {"direct": 4, "indirect": 1}


def test_markup_and_escapes_in_data_print_as_text(cli: Cli, ix: Path) -> None:
    outputs = [cli("search", "bold", "--index", ix).stdout,
               cli("by-speaker", "Mallory", "--index", ix).stdout]
    record = quotes(cli("by-speaker", "Mallory", "--index", ix, "-f", "json"))[0]
    assert record["text"] == "[bold]not bold[/bold] and \x1b[31mnot red\x1b[0m"  # data intact
    outputs.append(cli("show", record["id"], "--index", ix).stdout)
    for output in outputs:
        assert "[bold]not bold[/bold]" in output
        assert "\\x1b[31mnot red" in output
        assert "\x1b" not in output


def test_highlighting_marks_only_the_matched_words() -> None:
    from quoteidx.presenting.human import HIGHLIGHT, highlighted

    text = highlighted("the \x1b pawns of the Pakistanis", [(19, 29)])
    assert text.plain == "the \\x1b pawns of the Pakistanis"
    marked = [text.plain[span.start:span.end] for span in text.spans if span.style == HIGHLIGHT]
    assert marked == ["Pakistanis"]


def test_long_quotes_wrap_between_words(cli: Cli, ix: Path) -> None:
    result = cli("search", "fight", "--index", ix, env={"COLUMNS": "60"})
    assert result.exit_code == 0
    for word in "We are fighting for Herat and we will keep fighting".split():
        assert word in result.stdout


def test_help_does_not_import_whoosh() -> None:
    code = (
        "import sys\nsys.argv = ['quoteidx', '--help']\nfrom quoteidx.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('whoosh' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stderr.strip() == "False"


@pytest.mark.parametrize("command", ["index", "search", "by-speaker", "speakers", "show",
                                     "stats"])
def test_every_command_has_help_with_an_example(cli: Cli, command: str) -> None:
    result = cli(command, "--help")
    assert result.exit_code == 0 and "Example:" in result.stdout
    if command != "index":
        assert "Exit codes" in result.stdout


# End to end with the real extractor on the bundled corpus


@pytest.fixture(scope="module", params=["whoosh", "postgres"])
def corpus_index(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    where = tmp_path_factory.mktemp("corpus")
    shutil.copytree(CORPUS, where / "corpus")
    location = (str(where / "ix") if request.param == "whoosh"
                else request.getfixturevalue("new_postgres_database")())
    index_paths([where / "corpus"], location)
    return location


def test_corpus_by_speaker_nezami_gives_exactly_his_seven_quotes(
    cli: Cli, corpus_index: Path
) -> None:
    for name in ("Nezami", "Shariyar Nezami", "shariyar NEZAMI"):
        records = quotes(cli("by-speaker", name, "--index", corpus_index, "-f", "json"))
        assert len(records) == 7, name
        assert {r["speaker"] for r in records} == {"Shariyar Nezami"}
        assert {r["kind"] for r in records} == {"direct"}
        assert records == sorted(records, key=lambda r: r["start"])


def test_corpus_by_speaker_khan(cli: Cli, corpus_index: Path) -> None:
    records = quotes(cli("by-speaker", "Khan", "--index", corpus_index, "-f", "json"))
    assert records and {r["speaker"] for r in records} == {"Ismail Khan"}


def test_corpus_search_pakistan_finds_pakistani_and_pakistanis(
    cli: Cli, corpus_index: Path
) -> None:
    texts = [r["text"] for r in quotes(cli("search", "Pakistan", "--index", corpus_index,
                                           "-f", "json"))]
    assert any("Pakistanis" in text for text in texts)
    assert any("Pakistani " in text for text in texts)
    assert any("Pakistan." in text for text in texts)
    result = cli("search", "Pakistan", "--index", corpus_index)
    assert result.exit_code == 0 and "Ismail Khan" in result.stdout
