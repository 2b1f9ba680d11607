"""Queries that cannot mean anything (issue 13, item 17) are one-line errors, exit 2, the
same on every backend, never a silent search that finds nothing: a boost that is not a
number, a fuzzy distance past 2 edits, a range that ends before it starts, and a query
too big to parse or plan in good time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quoteidx.index import open_index
from quoteidx.indexing import index_paths
from quoteidx.querying import QueryError, SearchRequest, parse

Cli = Callable[..., Any]

ARTICLE = """---
title: Floods in the valley
date: 2021-08-10
---
Ismail Khan: The flood took the bridge and the road to Herat
Ann Ward: We saw nothing like this flood in twenty years
"""

# (query, what the one-line message says)
BAD_QUERIES = [
    ("flood^-1", "'^-1' is not a boost"),
    ("flood^nan", "'^nan' is not a boost"),
    ("flood^", "'^' is not a boost"),
    ("flood^1001", "'^1001' is not a boost"),
    ("^nan", "'^nan' boosts nothing"),
    ("flood ^2", "'^2' boosts nothing"),
    ("x~50", "'x~50' allows 50 edits; a fuzzy term allows at most 2"),
    ("flood~3", "'flood~3' allows 3 edits; a fuzzy term allows at most 2"),
    ("date:[2025 to 2015]", "'date:[2025 to 2015]' ends before it starts"),
    ("date:{2021 TO 2022}", "'date:{2021 TO 2022}' ends before it starts"),
    ("speaker:[m TO a]", "'speaker:[m TO a]' ends before it starts"),
    ("speaker:", "nothing to search for after 'speaker:'"),
    ("date:>10000-01-01", "not a date: '10000-01-01'"),
    ("a " * 50000, "the query has 100000 characters; at most 10000"),
    ("a " * 1500, "the query has more than 1024 clauses"),
    (" ".join(f"w{n}~2" for n in range(40)), "more than 32 fuzzy, prefix, wildcard and range"),
    (" OR ".join(f"w{n}*" for n in range(40)), "more than 32 fuzzy, prefix, wildcard and range"),
    ("(" * 40 + "a" + ")" * 40, "nested more than 32 deep"),
    ("NOT " * 40 + "a", "nested more than 32 deep"),
    ("speaker:(" * 20 + "a" + ")" * 20, "nested more than 32 deep"),
]
IDS = [query if len(query) < 40 else f"{query[:6]}...({len(query)})" for query, _ in BAD_QUERIES]


@pytest.fixture
def ix(tmp_path: Path, fresh_location: str, fake_extract: Any,
       monkeypatch: pytest.MonkeyPatch) -> str:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "floods.txt").write_text(ARTICLE)
    monkeypatch.chdir(tmp_path)
    index_paths([docs], fresh_location, extract=fake_extract)
    return fresh_location


@pytest.mark.parametrize(("query", "message"), BAD_QUERIES, ids=IDS)
def test_the_parser_says_what_is_wrong_in_one_line(query: str, message: str) -> None:
    with pytest.raises(QueryError) as caught:
        parse(query)
    assert message in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.parametrize(("query", "message"), BAD_QUERIES, ids=IDS)
def test_the_library_and_the_command_refuse_it_on_every_backend(
        cli: Cli, ix: str, query: str, message: str) -> None:
    with open_index(ix) as index, pytest.raises(QueryError) as caught:
        index.search(query)
    assert message in str(caught.value)
    result = cli("search", "--index", ix, "--", query)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("quoteidx: ") and message in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr


def test_a_period_that_ends_before_it_starts_is_refused_on_every_backend(
        cli: Cli, ix: str) -> None:
    message = "since 2025-01-01 is after until 2015-12-31"
    with pytest.raises(QueryError, match=message):
        SearchRequest("flood", since=parse_day("2025-01-01"), until=parse_day("2015-12-31"))
    with open_index(ix) as index, pytest.raises(QueryError, match=message):
        index.search("flood", since="2025", until="2015")
    result = cli("search", "flood", "--since", "2025", "--until", "2015", "--index", ix)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"quoteidx: {message}; no date is in that period\n"
    same_day = cli("search", "flood", "--since", "2021-08-10", "--until", "2021-08-10",
                   "--index", ix, "-f", "jsonl")
    assert same_day.exit_code == 0 and len(same_day.stdout.splitlines()) == 2


def parse_day(text: str) -> Any:
    from datetime import datetime

    return datetime.fromisoformat(text)


@pytest.mark.parametrize("query", [
    "flood^2", "flood^0", "flood^0.5", "flood^1000", "(flood road)^2", '"the flood"^3',
    "flood~2^2", "flood~0", "flood~2", "flood~1/3", "date:[2021 TO 2021]",
    "date:[2015 TO 2025]", "speaker:[a TO m]", "speaker:[khan TO Khan]", "a " * 1024,
    " ".join(f"w{n}~2" for n in range(32)),
    "(" * 32 + "flood" + ")" * 32,
])
def test_what_stays_within_the_bounds_still_searches(ix: str, query: str) -> None:
    with open_index(ix) as index:
        index.search(query)  # no error; whether anything matches depends on the words


def test_a_boost_and_a_fuzzy_distance_mean_what_they_say(ix: str) -> None:
    with open_index(ix) as index:
        assert index.search("flood~2^2").total == 2
        assert index.search("flod~1").total == 2
        assert index.search("date:[2015 TO 2025]").total == 2


@pytest.mark.parametrize("query", [
    "[" * 10000, "{" * 5000 + " TO " * 1000, "[ to " * 2000, "'." * 5000, "['" * 5000,
    "x~" * 5000, "a^" * 5000, "(" * 5000, "NOT " * 2500, "- (" * 3000, "a " * 5000,
])
def test_a_hostile_query_is_a_query_error_not_a_crash(query: str) -> None:
    # bench/query_parse.py times these (they took up to 6 s, or hit RecursionError)
    try:
        parse(query)
    except QueryError as err:
        assert "\n" not in str(err)
