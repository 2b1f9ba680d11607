"""export (JSONL, CSV, schema.org JSON-LD Claims), citation lines on every listing, and
`show --context` reading the source again (or saying why it cannot)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quoteidx.indexing import index_paths
from quoteidx.presenting.citation import citation
from quoteidx.presenting.jsonld import claim
from quoteidx.record import FLAT_FIELDS, Quote, Source

Cli = Callable[..., Any]
CORPUS = Path(__file__).resolve().parent.parent / "corpus"

GAZETTE = """---
title: Herat holds
publication: The Gazette
date: 2021-08-10
url: https://gazette.example/herat
---
Ismail Khan (claim): the Taliban are the pawns of the Pakistanis
Shariyar Nezami: We are fighting for Herat, "and" we will keep fighting
Mallory: [bold]not bold[/bold] and \x1b[31mnot red\x1b[0m
"""
HERALD = """---
publication: The Herald
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


def flat(text: str) -> str:
    """Terminal output as one line of words: no box drawing, whatever the wrapping."""
    return " ".join(re.sub("[\u2500-\u257f]", " ", text).split())


def run(cli: Cli, *args: object) -> str:
    result = cli(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


# export


def test_export_jsonl_is_the_whole_index_with_person_and_citation(cli: Cli, ix: Path) -> None:
    records = [json.loads(line) for line in run(cli, "export", "--index", ix).splitlines()]
    assert len(records) == 4
    assert {r["person"] for r in records} == {"Ismail Khan", "Shariyar Nezami", "Mallory"}
    for record in records:
        assert record["text"] in record["citation"] and record["id"] in record["citation"]
        assert set(record["source"]) == {"path", "title", "publication", "author", "date", "url"}


def test_export_csv_reads_back(cli: Cli, ix: Path) -> None:
    out = run(cli, "export", "Pakistan", "--format", "csv", "--index", ix)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == [*FLAT_FIELDS, "person", "citation"]
    assert len(rows) == 2 and {row["person"] for row in rows} == {"Ismail Khan"}
    everything = list(csv.DictReader(io.StringIO(run(cli, "export", "-f", "csv", "--index", ix))))
    mallory = next(row for row in everything if row["speaker"] == "Mallory")
    assert mallory["text"] == "[bold]not bold[/bold] and \x1b[31mnot red\x1b[0m"


def test_export_jsonld_claims(cli: Cli, ix: Path) -> None:
    claims = json.loads(run(cli, "export", "--format", "jsonld", "--index", ix))
    assert isinstance(claims, list) and len(claims) == 4
    for item in claims:
        assert item["@context"] == "https://schema.org" and item["@type"] == "Claim"
        assert item["author"]["@type"] == "Person" and item["author"]["name"]
        assert item["appearance"]["@type"] == "CreativeWork"
        assert "reviewRating" not in json.dumps(item)  # no rating is ever invented
    pawns = next(c for c in claims if "pawns" in c["text"])
    assert pawns["text"] == "the Taliban are the pawns of the Pakistanis"
    assert pawns["author"] == {"@type": "Person", "name": "Ismail Khan"}
    assert pawns["datePublished"] == "2021-08-10"
    assert pawns["appearance"] == {
        "@type": "CreativeWork", "url": "https://gazette.example/herat",
        "headline": "Herat holds", "datePublished": "2021-08-10",
        "publisher": {"@type": "Organization", "name": "The Gazette"},
    }
    denies = next(c for c in claims if "denies" in c["text"])
    assert denies["appearance"]["identifier"].endswith("herald.txt")  # a path is no url
    assert "url" not in denies["appearance"] and "datePublished" not in denies


def test_jsonld_job_title_from_role() -> None:
    quote = Quote(id="x", text="Herat will not fall", kind="direct", speaker="Ismail Khan",
                  speaker_mention="Khan", role="commander", cue="said",
                  source=Source(path="a.txt", author="Kim Sengupta"), start=0, end=5,
                  paragraph="")
    item = claim(quote)
    assert item["author"] == {"@type": "Person", "name": "Ismail Khan", "jobTitle": "commander"}
    assert item["appearance"]["author"] == {"@type": "Person", "name": "Kim Sengupta"}


def test_export_narrowed_and_empty(cli: Cli, ix: Path) -> None:
    out = run(cli, "export", "--speaker", "Nezami", "--index", ix)
    assert [json.loads(line)["person"] for line in out.splitlines()] == ["Shariyar Nezami"]
    assert len(run(cli, "export", "--limit", "1", "--index", ix).splitlines()) == 1
    empty = cli("export", "zebra", "--index", ix)
    assert empty.exit_code == 1 and empty.stdout == "" and "no quotes" in empty.stderr
    assert json.loads(cli("export", "zebra", "-f", "jsonld", "--index", ix).stdout) == []
    bad = cli("export", "foo:bar", "--index", ix)
    assert bad.exit_code == 2 and "unknown field 'foo'" in bad.stderr


# citations


def test_citation_line_has_who_where_when_and_the_exact_words() -> None:
    source = Source(path="docs/a.txt", title="Herat holds", publication="The Gazette",
                    date="2021-08-10", url="https://gazette.example/herat")
    quote = Quote(id="abc", text="We are\nfighting", kind="direct", speaker="Shariyar Nezami",
                  speaker_mention="Nezami", role="militia officer", cue="said", source=source,
                  start=0, end=5, paragraph="")
    assert citation(quote) == (
        "Shariyar Nezami (militia officer), “Herat holds”, in The Gazette, 2021-08-10, "
        "https://gazette.example/herat: “We are fighting” [quote abc]")
    reported = Quote(id="d", text="it is late", kind="indirect", speaker=None,
                     speaker_mention=None, role=None, cue=None,
                     source=Source(path="b.txt", publication="The Herald"), start=0, end=1,
                     paragraph="")
    assert citation(reported) == (
        "unattributed, as reported by The Herald, undated, b.txt: it is late "
        "(reported speech) [quote d]")


def test_listings_cite_on_request(cli: Cli, ix: Path) -> None:
    records = json.loads(run(cli, "search", "fighting", "--cite", "-f", "json", "--index", ix))
    assert records[0]["citation"].startswith("Shariyar Nezami, “Herat holds”, in The Gazette")
    assert '“We are fighting for Herat, "and" we will keep fighting”' in records[0]["citation"]
    rows = list(csv.DictReader(io.StringIO(run(cli, "by-speaker", "Khan", "--cite", "-f", "csv",
                                               "--index", ix))))
    assert list(rows[0])[-1] == "citation" and len(rows) == 2
    table = run(cli, "by-speaker", "Mallory", "--cite", "--index", ix)
    assert "cite: Mallory" in table and "[bold]not bold[/bold]" in table
    assert "\x1b" not in table
    shown = json.loads(run(cli, "show", records[0]["id"], "--cite", "-f", "json", "--index", ix))
    assert shown[0]["citation"] == records[0]["citation"]
    assert "citation" not in json.loads(run(cli, "search", "fighting", "-f", "json",
                                            "--index", ix))[0]


# show --context, on a copy of the seeds


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    index_paths([tmp_path / "corpus"], tmp_path / "ix")
    return tmp_path


def seed_quote(cli: Cli, ix: Path) -> str:
    """The id of Hidaytullah's "... we are cursed with never getting peace ..." (ids
    depend on the source's path, which is a temporary folder here)."""
    found = json.loads(run(cli, "search", '"never getting peace"', "-f", "json", "--index", ix))
    assert [hit["speaker"] for hit in found] == ["Hidaytullah"]
    return found[0]["id"]


def test_show_context_reads_the_paragraphs_around(cli: Cli, seeds: Path) -> None:
    ix = seeds / "ix"
    SEED_QUOTE = seed_quote(cli, ix)
    out = flat(run(cli, "show", SEED_QUOTE, "--context", "1", "--index", ix))
    assert "cursed with never getting peace" in out
    assert "We always suffer, ordinary people like us." in out  # the paragraph before
    assert "The resident, Hidaytullah, pleaded his case" not in out  # two before
    record = json.loads(run(cli, "show", SEED_QUOTE, "-C", "2", "-f", "json", "--index", ix))[0]
    assert len(record["context_before"]) == 2 and record["context_after"] == []  # the last
    assert record["context_before"][0].startswith("The resident, Hidaytullah")


def test_show_context_of_a_changed_or_missing_source(cli: Cli, seeds: Path) -> None:
    ix = seeds / "ix"
    SEED_QUOTE = seed_quote(cli, ix)
    article = next((seeds / "corpus").glob("000_*.txt"))
    article.write_text(article.read_text("utf-8") + "\nOne more paragraph.\n", "utf-8")
    changed = cli("show", SEED_QUOTE, "--context", "1", "--index", ix)
    assert changed.exit_code == 0
    assert "has changed since it was indexed" in changed.stderr
    assert "We always suffer" not in changed.stdout
    assert "never getting" in flat(changed.stdout)  # the stored paragraph still shows
    article.unlink()
    gone = cli("show", SEED_QUOTE, "--context", "1", "--index", ix)
    assert gone.exit_code == 0 and "cannot read the source again" in gone.stderr


def test_show_names_the_person_and_aliases(cli: Cli, seeds: Path) -> None:
    records = json.loads(run(cli, "by-speaker", "Commander Khan", "-f", "json",
                             "--index", seeds / "ix"))
    out = flat(run(cli, "show", records[0]["id"], "--index", seeds / "ix"))
    assert "person Ismail Khan (also: Commander Khan, Commander Ismail Khan, Khan)" in out


@pytest.mark.parametrize("command", ["export", "verify"])
def test_help_has_an_example_and_exit_codes(cli: Cli, command: str) -> None:
    result = cli(command, "--help")
    assert result.exit_code == 0 and "Example:" in result.stdout and "Exit codes" in result.stdout


def test_a_body_that_speaks_is_an_organization_and_a_person_a_person() -> None:
    from quoteidx.presenting.jsonld import claim
    from quoteidx.record import Quote, Source

    def said_by(speaker: str) -> dict:
        quote = Quote(id="x", text="words", kind="indirect", speaker=speaker,
                      speaker_mention=speaker, role="spokesman", cue="said",
                      source=Source(path="a.txt"), start=0, end=5, paragraph="words")
        return claim(quote)["author"]

    assert said_by("the Labor Department")["@type"] == "Organization"
    assert "jobTitle" not in said_by("the campaign")
    assert said_by("Omid Sobhani") == {"@type": "Person", "name": "Omid Sobhani",
                                       "jobTitle": "spokesman"}
