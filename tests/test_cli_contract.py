"""What a script and a fact-checker rely on from the command line (issue 12), through the
real command: every match in data formats, counts, stable ids, exact words, exclusions,
names, batch verification, formats and conventions. Each index is made at
`fresh_location`, so a backend added there runs these too."""

from __future__ import annotations

import ast
import csv
import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quoteidx.indexing import index_paths
from quoteidx.record import FLAT_FIELDS
from quoteidx.storing import backend_name

Cli = Callable[..., Any]

GAZETTE = """---
publication: The Gazette
title: Herat holds as the Taliban close in
date: 2021-08-10
---
Ismail Khan: The Taliban are the pawns of the Pakistanis
Shariyar Nezami: We are fighting for Herat and we will keep fighting
Ann Ward: The fight for the city is the fight of our lives
Ann Ward (claim): the talks in Doha will fail
"""
HERALD = """---
publication: The Gazette
title: Farmers count the cost of a dry summer
date: 2022-01-05
---
Bob Ward: the Pakistani harvest will be late this year
Ismail Khan: Pakistan denies the charges and the fight goes on
"""


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "gazette.txt").write_text(GAZETTE)
    (folder / "herald.txt").write_text(HERALD)
    for number in range(25):  # enough quotes for a table's limit of 20
        (folder / f"wire{number:02}.txt").write_text(
            f"Omid Sobhani: wire report {number} on the border crossing\n")
    return folder


@pytest.fixture
def ix(docs: Path, fresh_location: str, fake_extract: Any, monkeypatch: pytest.MonkeyPatch
       ) -> str:
    # Keys are relative to the folder holding an index folder, or for a server to the
    # current folder: run from tmp_path, both backends key herald.txt as docs/herald.txt.
    monkeypatch.chdir(docs.parent)
    index_paths([docs], fresh_location, extract=fake_extract)
    return fresh_location


def lines_of(result: Any) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def messages_start_with_quoteidx(result: Any) -> bool:
    return all(line.startswith("quoteidx: ") for line in result.stderr.splitlines())


# Results a script can rely on


def test_data_formats_give_every_match_and_tables_say_20_of_n(cli: Cli, ix: str) -> None:
    for fmt in ("jsonl", "csv", "tsv"):
        result = cli("search", "wire", "-f", fmt, "--index", ix)
        assert result.exit_code == 0 and result.stderr == ""  # nothing cut, nothing said
        rows = result.stdout.splitlines()
        assert len(rows) == 25 + (fmt != "jsonl")  # csv and tsv: a header row
    assert len(lines_of(cli("search", "wire", "-f", "jsonl", "-n", "3", "--index", ix))) == 3
    table = cli("search", "wire", "--index", ix)
    assert table.exit_code == 0 and "quoteidx: 20 of 25 quotes" in table.stderr
    assert table.stdout.count("wire report") == 20
    # by-speaker: the same default and the same --limit meaning
    assert len(lines_of(cli("by-speaker", "Sobhani", "-f", "jsonl", "--index", ix))) == 25
    assert "20 of 25 quotes" in cli("by-speaker", "Sobhani", "--index", ix).stderr
    assert len(lines_of(cli("by-speaker", "Sobhani", "-f", "jsonl", "-n", "2",
                            "--index", ix))) == 2
    assert "quoteidx: 25 quotes" in cli("by-speaker", "Sobhani", "-n", "0",
                                        "--index", ix).stderr


def test_count_and_quiet(cli: Cli, ix: str) -> None:
    counted = cli("search", "wire", "--count", "--index", ix)
    assert (counted.exit_code, counted.stdout, counted.stderr) == (0, "25\n", "")
    assert cli("by-speaker", "Ward", "-c", "--index", ix).stdout == "3\n"
    nothing = cli("search", "zebra", "--count", "--index", ix)
    assert (nothing.exit_code, nothing.stdout) == (1, "0\n")
    for args, code in ((["search", "wire"], 0), (["search", "zebra"], 1),
                       (["by-speaker", "Nezami"], 0), (["by-speaker", "Nobody"], 1)):
        quiet = cli(*args, "-q", "--index", ix)
        assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (code, "", ""), args


def ids_by_text(cli: Cli, ix: str) -> dict[str, str]:
    return {r["text"]: r["id"] for r in lines_of(cli("search", "*", "-f", "jsonl",
                                                     "--index", ix))}


def test_ids_stay_when_the_article_changes_elsewhere(
    cli: Cli, ix: str, docs: Path
) -> None:
    before = ids_by_text(cli, ix)
    gazette = docs / "gazette.txt"
    # A correction line appended, and a typo fixed in another quote.
    gazette.write_text(GAZETTE.replace("keep fighting", "keep on fighting")
                       + "Editor: This article was corrected on 12 August\n")
    assert cli("index", docs, "--index", ix).exit_code == 0
    after = ids_by_text(cli, ix)
    for text in ("The Taliban are the pawns of the Pakistanis",
                 "The fight for the city is the fight of our lives"):
        assert after[text] == before[text]
    assert "We are fighting for Herat and we will keep on fighting" in after


def test_show_an_old_id_names_the_quote_that_replaced_it(
    cli: Cli, ix: str, docs: Path
) -> None:
    old = ids_by_text(cli, ix)["We are fighting for Herat and we will keep fighting"]
    (docs / "gazette.txt").write_text(GAZETTE.replace("keep fighting", "keep on fighting"))
    cli("index", docs, "--index", ix)
    new = ids_by_text(cli, ix)["We are fighting for Herat and we will keep on fighting"]
    assert new != old
    shown = cli("show", old, "--index", ix)
    assert shown.exit_code == 1 and shown.stdout == ""
    assert f"quote {new} replaced it (quoteidx show {new})" in shown.stderr
    assert "gazette.txt has changed since it was cited" in shown.stderr
    # Words that are simply gone: said so, with no replacement made up.
    gone = ids_by_text(cli, ix)["the talks in Doha will fail"]
    (docs / "gazette.txt").write_text(GAZETTE.replace("Ann Ward (claim): the talks in Doha "
                                                      "will fail\n", ""))
    cli("index", docs, "--index", ix)
    assert "no quote there is like it any more" in cli("show", gone, "--index", ix).stderr


def test_show_takes_a_unique_id_prefix_like_git(cli: Cli, ix: str) -> None:
    from quoteidx.record import Quote, Source
    from quoteidx.storing import DocumentInfo, open_store

    ids = sorted(ids_by_text(cli, ix).values())
    record = json.loads(cli("show", ids[0][:7], "-f", "json", "--index", ix).stdout)[0]
    assert record["id"] == ids[0]
    assert cli("show", ids[0][:5], "--index", ix).exit_code == 1  # shorter than 6: no
    # Two ids sharing a start: ambiguous, both named, exit 2 (give more of it).
    source = Source(path="twins.txt")
    twins = [Quote(id=f"abcdef00000{n}", text=f"twin {n}", kind="direct", speaker="Twin",
                   speaker_mention="Twin", role=None, cue="said", source=source, start=n,
                   end=n + 1, paragraph="") for n in (1, 2)]
    with open_store(ix) as store, store.writer() as writer:
        writer.add_document(DocumentInfo("twins.txt", "twins", source, 2), twins)
    result = cli("show", "abcdef", "--index", ix)
    assert result.exit_code == 2 and result.stdout == ""
    assert "'abcdef' is ambiguous: abcdef000001, abcdef000002 start with it" in result.stderr
    shown = json.loads(cli("show", "abcdef0000021"[:12], "-f", "json", "--index", ix).stdout)
    assert shown[0]["text"] == "twin 2"


def test_stale_corrections_are_listed_as_json_and_removed(cli: Cli, ix: str, docs: Path) -> None:
    quote = ids_by_text(cli, ix)["the talks in Doha will fail"]
    assert cli("reassign", quote[:8], "Bob Ward", "--index", ix).exit_code == 0
    assert cli("merge-speakers", "Ismail Khan", "Shariyar Nezami", "--index", ix).exit_code == 0
    (docs / "gazette.txt").write_text(GAZETTE.replace("the talks in Doha will fail",
                                                      "the talks in Doha failed"))
    cli("index", docs, "--index", ix)
    listed = cli("corrections", "--format", "json", "--index", ix)
    assert listed.exit_code == 0
    rows = json.loads(listed.stdout)
    assert [(r["number"], r["action"], r["applies"]) for r in rows] == [
        (1, "reassign", False), (2, "merge", True)]
    assert rows[0]["quote"] == quote and "no such quote" in rows[0]["problem"]
    assert "no longer applies" in cli("corrections", "--index", ix).stdout
    removed = cli("corrections", "rm", "1", "--index", ix)
    assert removed.exit_code == 0 and "removed correction 1: reassign" in removed.stderr
    rows = json.loads(cli("corrections", "-f", "json", "--index", ix).stdout)
    assert [(r["number"], r["action"]) for r in rows] == [(1, "merge")]
    missing = cli("corrections", "rm", "7", "--index", ix)
    assert missing.exit_code == 1 and "no correction 7" in missing.stderr


def test_a_merge_then_the_opposite_split_cancel_out(cli: Cli, ix: str) -> None:
    def people() -> dict[str, int]:
        rows = json.loads(cli("speakers", "-f", "json", "--index", ix).stdout)
        return {row["speaker"]: row["quotes"] for row in rows}

    before = people()
    assert cli("merge-speakers", "Ann Ward", "Bob Ward", "--index", ix).exit_code == 0
    assert people()["Ann Ward"] == 3
    split = cli("split-speaker", "Ann Ward", "Bob Ward", "--index", ix)
    assert split.exit_code == 0 and "cancels correction 1" in split.stderr
    assert people() == before
    assert cli("corrections", "--index", ix).exit_code == 1  # none left
    # and the other way round
    assert cli("split-speaker", "Ann Ward", "Ann Ward@gazette.txt", "--index", ix).exit_code != 0
    assert messages_start_with_quoteidx(split)


def test_an_exact_duplicate_is_a_note_and_exit_0(cli: Cli, ix: str, docs: Path) -> None:
    (docs / "copy.txt").write_text(HERALD)
    result = cli("index", docs, "--index", ix)
    assert result.exit_code == 0, result.stderr
    assert "quoteidx: " in result.stderr and "copy.txt: same text as docs/herald.txt" in (
        result.stderr)
    assert "1 duplicates" in result.stderr and "skipped" not in result.stderr


def test_an_index_that_moves_with_its_folder_keeps_documents_and_ids(
    cli: Cli, tmp_path: Path, fake_extract: Any
) -> None:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "gazette.txt").write_text(GAZETTE)
    ix = project / ".quoteidx"
    assert cli("index", project / "docs", "--index", ix).exit_code == 0
    before = ids_by_text(cli, str(ix))
    moved = tmp_path / "elsewhere" / "project"
    moved.parent.mkdir()
    project.rename(moved)
    # Reached by another route too (a symlinked folder, as a second mount would be).
    (tmp_path / "link").symlink_to(moved)
    for folder in (moved, tmp_path / "link"):
        again = cli("index", folder / "docs", "--index", folder / ".quoteidx")
        assert again.exit_code == 0, again.stderr
        assert "0 added, 0 updated, 1 unchanged" in again.stderr
        assert "same text" not in again.stderr
    assert ids_by_text(cli, str(moved / ".quoteidx")) == before
    shown = cli("show", next(iter(before.values())), "-C", "1", "--index", moved / ".quoteidx")
    assert shown.exit_code == 0 and "changed" not in shown.stderr  # found where it moved


@pytest.mark.parametrize("query", ["-taliban OR", "taliban AND", "NOT", "(pawns OR)"])
def test_a_dangling_operator_is_a_query_error(cli: Cli, ix: str, query: str) -> None:
    result = cli("search", "--index", ix, "--", query)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("quoteidx: ") and "needs something" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_query_starting_with_minus_says_to_use_double_dash(cli: Cli, ix: str) -> None:
    result = cli("search", "-taliban", "--index", ix)
    assert result.exit_code == 2 and "--" in result.stderr and messages_start_with_quoteidx(result)


# Finding the exact words


def texts(cli: Cli, ix: str, *args: str) -> list[str]:
    result = cli("search", *args, "-f", "jsonl", "--index", ix)
    assert result.exit_code in (0, 1), result.stderr
    return sorted(record["text"] for record in lines_of(result))


def test_exact_words_are_matched_as_written(cli: Cli, ix: str) -> None:
    stemmed = texts(cli, ix, "fight")
    assert "We are fighting for Herat and we will keep fighting" in stemmed
    exact = texts(cli, ix, "-F", "fight")
    assert exact == ["Pakistan denies the charges and the fight goes on",
                     "The fight for the city is the fight of our lives"]
    assert texts(cli, ix, "words:fight") == exact
    assert texts(cli, ix, "-F", '"pawns of the Pakistanis"') == [
        "The Taliban are the pawns of the Pakistanis"]
    assert texts(cli, ix, "-F", '"pawns of the Pakistani"') == []  # no other form
    assert texts(cli, ix, "-F", "Pakistan") == [
        "Pakistan denies the charges and the fight goes on"]  # not the nationality
    assert texts(cli, ix, "-F", "PAKISTAN") == texts(cli, ix, "-F", "pakistan")  # any case
    assert texts(cli, ix, "-s", "PAKISTAN") == []
    assert texts(cli, ix, "-s", "Pakistan") == [
        "Pakistan denies the charges and the fight goes on"]
    assert texts(cli, ix, "-s", '"the Taliban"') == []  # "The Taliban" only
    assert texts(cli, ix, "-s", '"The Taliban"') == [
        "The Taliban are the pawns of the Pakistanis"]


def test_a_phrase_is_highlighted_as_a_phrase(ix: str) -> None:
    from quoteidx.index import open_index

    with open_index(ix) as index:
        hit = index.search('"pawns of the Pakistanis"').hits[0]
        marked = [hit.quote.text[a:b] for a, b in hit.spans]
        assert marked == ["pawns of the Pakistanis"]  # not "The" and "the" elsewhere
        hit = index.search('"fight of our lives" city').hits[0]
        assert [hit.quote.text[a:b] for a, b in hit.spans] == ["city", "fight of our lives"]
        exact = index.search('"pawns of the pakistanis"', exact=True).hits[0]
        assert [exact.quote.text[a:b] for a, b in exact.spans] == ["pawns of the Pakistanis"]


def test_minus_excludes_a_word_phrase_or_field(cli: Cli, ix: str) -> None:
    assert texts(cli, ix, "fight -Herat") == [
        "Pakistan denies the charges and the fight goes on",
        "The fight for the city is the fight of our lives"]
    assert texts(cli, ix, 'fight -"the city"') == [
        "Pakistan denies the charges and the fight goes on",
        "We are fighting for Herat and we will keep fighting"]
    assert texts(cli, ix, "fight -speaker:khan") == [
        "The fight for the city is the fight of our lives",
        "We are fighting for Herat and we will keep fighting"]


def test_bad_dates_are_one_line_and_help_quotes_date_examples(cli: Cli, ix: str) -> None:
    for args in (["date:yesterday"], ["Pakistan", "--since", "yesterday"]):
        result = cli("search", *args, "--index", ix)
        assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.stderr
        assert "not a date: 'yesterday'" in result.stderr and "Traceback" not in result.output
    help_text = cli("search", "--help").stdout
    assert "'date:>2021-08'" in help_text and "'date:[2021-08-01 TO 2021-08-31]'" in help_text


# Names


def test_a_name_several_people_share_is_said_on_stderr(cli: Cli, ix: str) -> None:
    for args in (["by-speaker", "Ward"], ["search", "*", "--speaker", "Ward"],
                 ["search", "speaker:ward"]):
        result = cli(*args, "-f", "jsonl", "--index", ix)
        assert result.exit_code == 0
        assert "quoteidx: taking 'Ward' to mean 2 people: Ann Ward; Bob Ward" in result.stderr \
            or "taking the names in the query to mean 2 people: Ann Ward; Bob Ward" in (
                result.stderr), args
        assert {r["speaker"] for r in lines_of(result)} == {"Ann Ward", "Bob Ward"}
    one = cli("by-speaker", "Ann Ward", "-f", "jsonl", "--index", ix)
    assert one.stderr == "" and len(lines_of(one)) == 2


def test_verify_a_file_of_claims(cli: Cli, ix: str, tmp_path: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    claims.write_text("\n".join([
        "The Taliban are the pawns of the Pakistanis",
        json.dumps({"text": "the fight for the city is the fight of our lives",
                    "speaker": "Ann Ward"}),
        json.dumps({"text": "the fight for the city is the fight of our lives",
                    "speaker": "Ismail Khan"}),
        json.dumps({"text": "the talks in Doha will fail", "speaker": "Zed Nobody"}),
        "", "Interest rates will rise again soon",
    ]) + "\n")
    result = cli("verify", "--file", claims, "-f", "jsonl", "--index", ix)
    verdicts = [(r["claim"][:20], r["verdict"]) for r in lines_of(result)]
    assert [v for _, v in verdicts] == ["confirmed", "confirmed", "misattributed",
                                        "unknown_speaker", "not_found"]
    assert result.exit_code == 4  # the worst: a misattribution
    table = cli("verify", "--file", claims, "--index", ix, env={"COLUMNS": "100"})
    assert table.exit_code == 4 and "misattributed" in table.stdout
    assert "unknown speaker" in table.stdout
    # stdin, and one bad line among good ones: named, the rest verified, exit 2
    bad = '{"text": 5}\nThe Taliban are the pawns of the Pakistanis\n'
    piped = cli("verify", "--file", "-", "-f", "jsonl", "--index", ix, input=bad)
    assert piped.exit_code == 2 and len(lines_of(piped)) == 1
    assert "quoteidx: -: line 1: " in piped.stderr


# Formats and conventions


def test_tsv_markdown_fields_no_headers_and_bom(cli: Cli, ix: str) -> None:
    tsv = cli("search", "pawns", "-f", "tsv", "--fields", "speaker,text", "--index", ix)
    assert tsv.stdout == "speaker\ttext\nIsmail Khan\tThe Taliban are the pawns of the Pakistanis\n"
    bare = cli("search", "pawns", "-f", "csv", "--fields", "id", "--no-headers", "--index", ix)
    assert len(bare.stdout.strip()) == 12 and "," not in bare.stdout
    bom = cli("search", "pawns", "-f", "csv", "--bom", "--index", ix)
    assert bom.stdout.startswith("\ufeffid,kind,")
    assert list(csv.DictReader(io.StringIO(bom.stdout.lstrip("\ufeff"))))[0]["speaker"] == (
        "Ismail Khan")
    markdown = cli("by-speaker", "Khan", "-f", "markdown", "--fields", "speaker,text",
                   "--index", ix)
    assert markdown.stdout.splitlines()[:2] == ["| speaker | text |", "|---|---|"]
    wrong = cli("search", "pawns", "--fields", "speaker,nope", "-f", "csv", "--index", ix)
    assert wrong.exit_code == 2 and "no such field: nope" in wrong.stderr
    assert "source_title" in wrong.stderr  # the fields are listed
    assert cli("search", "pawns", "--fields", "id", "--index", ix).exit_code == 2  # a table
    assert list(FLAT_FIELDS)[0] == "id"


def test_empty_results_print_no_table_frame(cli: Cli, ix: str) -> None:
    for args in (["search", "zebra"], ["by-speaker", "Zebra"], ["speakers", "zebra"]):
        result = cli(*args, "--index", ix)
        assert result.exit_code == 1 and result.stdout == "", args
        assert messages_start_with_quoteidx(result) and result.stderr


def test_every_message_starts_with_quoteidx(cli: Cli, ix: str, docs: Path) -> None:
    for args in (["search", "wire"], ["search", "foo:bar"], ["search", "x", "--bogus"],
                 ["index", docs], ["stats", "--index", "/nonexistent/ix"],
                 ["show", "000000000000"], ["corrections"], ["nosuchcommand"]):
        result = cli(*args, *([] if "--index" in args else ["--index", ix]))
        assert result.stderr and messages_start_with_quoteidx(result), (args, result.stderr)


def test_global_index_before_the_command_and_found_in_a_parent_folder(
    cli: Cli, docs: Path, tmp_path: Path, fake_extract: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    (project / "notes" / "deep").mkdir(parents=True)
    index_paths([docs], project / ".quoteidx", extract=fake_extract)
    assert cli("--index", project / ".quoteidx", "search", "pawns").exit_code == 0
    other = tmp_path / "other"
    index_paths([docs / "herald.txt"], other, extract=fake_extract)
    # The command's own --index wins over the global one.
    assert cli("--index", project / ".quoteidx", "search", "pawns",
               "--index", other).exit_code == 1
    monkeypatch.chdir(project / "notes" / "deep")  # as git finds .git
    assert cli("search", "pawns", "-f", "jsonl").exit_code == 0
    assert cli("search", "pawns", env={"QUOTEIDX_INDEX": str(other)}).exit_code == 1
    monkeypatch.chdir(tmp_path)  # no .quoteidx here or above
    missing = cli("search", "pawns")
    assert missing.exit_code == 2 and "no index at .quoteidx" in missing.stderr


def test_help_command_color_and_completion(cli: Cli, ix: str) -> None:
    helped = cli("help", "search")
    assert helped.exit_code == 0 and "Usage: quoteidx search" in helped.stdout
    assert "Usage: quoteidx [OPTIONS] COMMAND" in cli("help").stdout
    assert cli("help", "nope").exit_code == 2
    assert "--install-completion" in cli("--help").stdout
    completion = cli(env={"_QUOTEIDX_COMPLETE": "complete_bash", "COMP_WORDS": "quoteidx sea",
                          "COMP_CWORD": "1"})
    assert completion.stdout.split() == ["search"]
    always = cli("--color", "always", "search", "pawns", "--index", ix)
    assert "\x1b[" in always.stdout
    never = cli("--color", "never", "search", "pawns", "--index", ix)
    assert "\x1b[" not in never.stdout and "pawns" in never.stdout


def test_help_fits_80_columns(cli: Cli) -> None:
    for command in ("", "search", "by-speaker", "verify", "index", "show", "corrections",
                    "export", "extract"):
        result = cli(*([command] if command else []), "--help", env={"COLUMNS": "80"})
        assert result.exit_code == 0
        assert max(len(line) for line in result.stdout.splitlines()) <= 80, command
        assert "Exit codes" in result.stdout or command == "", command


def test_tables_at_80_columns_keep_ids_and_kinds_whole(cli: Cli, ix: str) -> None:
    result = cli("search", "fight OR pawns OR harvest OR talks", "--index", ix,
                 env={"COLUMNS": "80"})
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    ids = ids_by_text(cli, ix)
    for quote_id in ids.values():
        found = [line for line in lines if quote_id[:6] in line]
        assert not found or quote_id in found[0]  # never cut or wrapped
    assert any("indirect" in line for line in lines)  # the claim's kind, whole
    # the headline and date tell two articles of one outlet apart
    assert "Herat holds as" in result.stdout and "2021-08-10" in result.stdout
    assert "Farmers count" in result.stdout and "2022-01-05" in result.stdout


def test_a_data_search_imports_neither_rich_nor_what_whoosh_never_uses(ix: str) -> None:
    import subprocess
    import sys

    code = ("import sys\nsys.argv = ['quoteidx', 'search', 'pawns', '-f', 'jsonl', "
            f"'--index', {ix!r}]\nfrom quoteidx.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('rich', 'asyncio', 'urllib.request', 'email', "
            "'whoosh.lang.morph_en') if m in sys.modules), file=sys.stderr)")
    env = {key: value for key, value in os.environ.items() if key != "QUOTEIDX_INDEX"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, check=True)
    assert "pawns" in done.stdout
    if backend_name(ix):
        # psycopg itself imports asyncio (its async connections) and email (through
        # importlib.metadata), and the PostgreSQL analysis uses Whoosh's stemmer and
        # accent table (whoosh.support.charset imports whoosh.compat, urllib.request):
        # a PostgreSQL search imports those; Rich and the unused Whoosh parts it must not.
        assert set(ast.literal_eval(done.stderr.strip())) <= {
            "asyncio", "email", "urllib.request"}
    else:
        assert done.stderr.strip() == "[]"


def test_the_real_command_builds_only_the_command_it_runs(ix: str) -> None:
    """`quoteidx` (main) registers only the command being run, for start-up; --help, an
    unknown command and a global option's value before the command are unaffected."""
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        env = {key: value for key, value in os.environ.items() if key != "QUOTEIDX_INDEX"}
        return subprocess.run([sys.executable, "-m", "quoteidx", *args], capture_output=True,
                              text=True, env=env)

    listed = run("--help").stdout
    assert all(name in listed for name in ("search", "by-speaker", "verify", "corrections"))
    found = run("--index", ix, "--color", "never", "search", "pawns", "-f", "jsonl")
    assert found.returncode == 0 and "pawns" in found.stdout
    assert run("corrections", "--index", ix).returncode == 1  # a group: none yet
    assert "verify [OPTIONS] [CLAIM]" in run("help", "verify").stdout
    unknown = run("serch", "pawns")
    assert unknown.returncode == 2 and "no such command 'serch'" in unknown.stderr
