"""The library API as a script sees it: open_index, add, search (speaker, kind, dates),
by_speaker, speakers, get, context, verify, export and the corrections, on any backend
(`fresh_location`); and that the CLI gives exactly what these give."""

from __future__ import annotations

import io
import json
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import quoteidx
from quoteidx.identity import Correction
from quoteidx.index import CorrectionRefused, CorrectionWarning, Index, QuoteNotFound
from quoteidx.querying import QueryError
from quoteidx.storing import IndexMissing, StoreError

Cli = Callable[..., Any]

GAZETTE = """---
publication: The Gazette
date: 2021-08-10
---
Ismail Khan: The Taliban are the pawns of the Pakistanis
Hidaytullah: We pray for peace, but we are cursed with never getting peace
Shariyar Nezami: We are fighting for Herat and we will keep fighting
"""
HERALD = """---
publication: The Herald
date: 2022-01-05
---
Commander Ismail Khan: Pakistan denies the charges
Khan: Herat will not fall
Maria Lopez (claim): the bridge opens in May
"""
TIMES = """---
publication: The Times
---
Khan: The bridge is closed
"""


@pytest.fixture
def docs(tmp_path: Path, fake_extract: Any) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in (("gazette", GAZETTE), ("herald", HERALD), ("times", TIMES)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def index(docs: Path, fresh_location: str) -> Any:
    with quoteidx.open_index(fresh_location, create=True) as opened:
        report = opened.add([docs])
        assert (len(report.added), report.quotes) == (3, 7)
        yield opened


def texts(result: Any) -> list[str]:
    return [hit.quote.text for hit in result.hits]


# Opening and adding


def test_a_missing_index_is_an_error_and_is_not_made(fresh_location: str) -> None:
    with pytest.raises(IndexMissing):
        quoteidx.open_index(fresh_location)
    with quoteidx.open_index(fresh_location, create=True) as made:
        assert made.stats().quotes == 0  # made by the first read, empty
    assert isinstance(quoteidx.open_index(fresh_location), Index)


def test_the_location_picks_the_backend(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"no index backend for nosuch:// locations"):
        quoteidx.open_index("nosuch://host/db")
    with pytest.raises(StoreError, match="is a file, not an index folder"):
        (tmp_path / "file").write_text("x")
        quoteidx.open_index(tmp_path / "file")


def test_adding_again_changes_nothing_and_rebuild_starts_afresh(index: Index, docs: Path) -> None:
    again = index.add([docs])
    assert (again.unchanged, again.added, again.quotes_added) == (3, [], 0)
    assert texts(index.search("bridge")) != []
    rebuilt = index.add([docs / "gazette.txt"], rebuild=True)
    assert (rebuilt.documents, rebuilt.quotes) == (1, 3)
    assert texts(index.search("bridge")) == []  # the store follows the rebuilt index


# Searching


def test_search_ranks_counts_and_marks_the_words(index: Index) -> None:
    result = index.search("Pakistan")
    assert result.total == 2
    assert set(texts(result)) == {"The Taliban are the pawns of the Pakistanis",
                                  "Pakistan denies the charges"}
    assert all(hit.score and hit.score > 0 for hit in result.hits)
    marked = {hit.quote.text: [hit.quote.text[a:b] for a, b in hit.spans] for hit in result.hits}
    assert marked["The Taliban are the pawns of the Pakistanis"] == ["Pakistanis"]
    assert index.search("*", limit=0).total == 7 and index.search("*", limit=0).hits == []
    assert len(index.search("*", limit=None).hits) == 7
    assert len(index.search("*", limit=2).hits) == 2


def test_search_narrowed_by_kind_and_dates(index: Index) -> None:
    assert texts(index.search("bridge", kind="indirect")) == ["the bridge opens in May"]
    assert texts(index.search("Pakistan", since="2022")) == ["Pakistan denies the charges"]
    assert texts(index.search("Pakistan", until=date(2021, 8, 10))) == [
        "The Taliban are the pawns of the Pakistanis"]
    assert texts(index.search("Pakistan", since="2021-09", until="2021-12")) == []
    newest = index.search("herat OR bridge", sort="date")
    assert texts(newest)[-1] == "The bridge is closed"  # undated last
    assert {hit.score for hit in newest.hits} == {None}


def test_search_speaker_is_a_person_whatever_each_article_called_them(index: Index) -> None:
    found = index.search("*", speaker="Ismail Khan", limit=None)
    assert sorted(texts(found)) == ["Pakistan denies the charges",
                                    "The Taliban are the pawns of the Pakistanis"]
    assert {hit.person for hit in found.hits} == {"Ismail Khan"}  # also as "Commander ..."
    limited = index.search("*", speaker="Ismail Khan", limit=1)
    assert len(limited.hits) == 1 and limited.total == 2
    with pytest.raises(QueryError, match="no name to look for"):
        index.search("*", speaker="  ")


def test_search_errors_are_the_query_languages(index: Index) -> None:
    for query, message in (("foo:bar", "unknown field 'foo'"), ("", "empty query"),
                           ('"herat', "unclosed quote")):
        with pytest.raises(QueryError, match=message):
            index.search(query)


def test_by_speaker_speakers_and_suggestions(index: Index) -> None:
    khan = index.by_speaker("commander khan")
    assert texts(khan) == [  # document order: path, then offset
        "The Taliban are the pawns of the Pakistanis", "Pakistan denies the charges"]
    assert {hit.person for hit in khan.hits} == {"Ismail Khan"}
    # "Khan" alone is never matched across articles: The Herald's and The Times' Khans
    # are people of their own until a correction says otherwise.
    assert index.by_speaker("Khan", limit=1).total == 4
    assert index.by_speaker("Nobody").hits == []
    assert index.suggest_speakers("Nezamy") == ["Shariyar Nezami"]
    everyone = index.speakers()
    people = {person.name: person for person in everyone}
    assert people["Ismail Khan"].aliases == ["Ismail Khan", "Commander Ismail Khan"]
    assert people["Ismail Khan"].sources == ["The Gazette", "The Herald"]
    assert sorted(person.sources for person in everyone if person.name == "Khan") == [
        ["The Herald"], ["The Times"]]
    assert [person.name for person in index.speakers("lop")] == ["Maria Lopez"]


def test_get_person_and_context(index: Index, docs: Path) -> None:
    quote = index.search('"we pray for peace"').hits[0].quote
    assert index.get(quote.id) == quote and index.get("000000000000") is None
    assert index.person(quote).name == "Hidaytullah"  # type: ignore[union-attr]
    around = index.context(quote.id, paragraphs=1)
    assert around is not None and around.problem is None
    assert around.before == ["Ismail Khan: The Taliban are the pawns of the Pakistanis"]
    assert around.after == ["Shariyar Nezami: We are fighting for Herat and we will keep "
                            "fighting"]
    (docs / "gazette.txt").write_text(GAZETTE + "More: words\n", encoding="utf-8")
    changed = index.context(quote, paragraphs=1)
    assert changed is not None and changed.before == [] and "has changed" in changed.problem
    assert index.context("000000000000") is None


def test_verify_says_who_said_the_words(index: Index) -> None:
    claim = "we are cursed with never getting peace"
    wrong = index.verify(claim, speaker="Ismail Khan")
    assert wrong.verdict == "misattributed" and wrong.speaker_names == ("Ismail Khan",)
    assert wrong.candidates[0].person == "Hidaytullah"
    assert index.verify(claim, speaker="Hidaytullah").verdict == "confirmed"
    assert index.verify("nothing like this was ever said").verdict == "not_found"


def test_export_and_records(index: Index) -> None:
    out = io.StringIO()
    assert index.export(out=out) == 7
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {row["person"] for row in rows} >= {"Ismail Khan", "Hidaytullah"}
    assert all(row["id"] in row["citation"] for row in rows)
    khan = index.records("*", speaker="Ismail Khan")
    assert len(khan) == 2 and {hit.person for hit in khan} == {"Ismail Khan"}
    claims = io.StringIO()
    index.export("bridge", "jsonld", claims)
    assert {item["@type"] for item in json.loads(claims.getvalue())} == {"Claim"}
    with pytest.raises(ValueError, match="not an export format"):
        index.export(format="xml")


# Corrections: applied on every read, kept with the index, surviving a rebuild


def test_corrections_apply_everywhere_and_survive_a_rebuild(index: Index, docs: Path) -> None:
    with pytest.raises(CorrectionRefused, match="could be 2 people"):
        index.merge_speakers("Ismail Khan", "Khan")  # The Herald's or The Times' Khan?
    assert index.corrections() == []
    done = index.merge_speakers("Ismail Khan", "Khan@times", note="same man")
    assert done.recorded and done.people[0].name == "Ismail Khan"
    assert index.merge_speakers("Ismail Khan", "Khan@times").recorded is False
    peace = index.search('"we pray"').hits[0].quote
    index.reassign(peace.id, "Ismail Khan", role="governor")
    with pytest.raises(QuoteNotFound):
        index.reassign("000000000000", "X")

    def check() -> None:
        assert len(index.by_speaker("Ismail Khan").hits) == 4
        moved = index.get(peace.id)
        assert moved is not None and (moved.speaker, moved.role) == ("Ismail Khan", "governor")
        assert moved.extra == {"reassigned_from": "Hidaytullah"}
        assert index.search('"we pray"').hits[0].quote.speaker == "Ismail Khan"
        assert index.verify("we are cursed with never getting peace",
                            speaker="Ismail Khan").verdict == "confirmed"
        assert [c.action for c in index.corrections()] == ["merge", "reassign"]

    check()
    index.add([docs], rebuild=True)
    check()
    index.split_speaker("Ismail Khan", "Khan@times")
    assert len(index.by_speaker("Ismail Khan").hits) == 3
    assert index.corrections_location


def test_a_correction_that_no_longer_applies_is_a_warning(
    index: Index, fresh_location: str
) -> None:
    index.merge_speakers("Ismail Khan", "Khan@times")
    # Kept unchecked, as after a re-index that dropped the quote: it no longer applies.
    index.store.add_correction(Correction("reassign", quote="gone00000000", speaker="X"))
    with pytest.warns(CorrectionWarning, match="correction 2 .*no such quote"):
        index.speakers()
    heard: list[str] = []
    with quoteidx.open_index(fresh_location, on_warning=heard.append) as other:
        other.speakers()
    assert len(heard) == 1 and "gone00000000" in heard[0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        index.by_speaker("Khan")  # a look-up by name cannot tell a stale correction


# A script gets what the CLI prints


def test_the_cli_gives_what_the_library_gives(cli: Cli, index: Index) -> None:
    def cli_json(*args: str) -> list[dict[str, Any]]:
        result = cli(*args, "--index", index.location, "-f", "json")
        assert result.exit_code in (0, 1), result.output
        return json.loads(result.stdout)

    def as_json(result: Any, scored: bool = True) -> list[dict[str, Any]]:
        return [{**hit.quote.to_dict(), **({"score": hit.score} if scored else {})}
                for hit in result.hits]

    index.merge_speakers("Ismail Khan", "Khan@times")
    for args, options in ((("Pakistan",), {}), (("herat OR bridge", "--sort", "date"),
                                                {"sort": "date"}),
                          (("*", "--speaker", "khan", "-n", "2"), {"speaker": "khan",
                                                                   "limit": 2}),
                          (("bridge", "--kind", "indirect"), {"kind": "indirect"}),
                          (("Pakistan", "--since", "2022"), {"since": "2022"})):
        assert cli_json("search", *args) == as_json(index.search(args[0], **options)), args
    assert cli_json("by-speaker", "Khan") == as_json(index.by_speaker("Khan"), scored=False)
    shown = cli_json("show", index.by_speaker("Khan").hits[-1].quote.id)
    assert shown == as_json(index.by_speaker("Khan"), scored=False)[-1:]
    exported = cli("export", "--index", index.location).stdout
    out = io.StringIO()
    index.export(out=out)
    assert exported == out.getvalue()
