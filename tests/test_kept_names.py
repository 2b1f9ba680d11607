"""`show`'s person (the name and aliases it prints) read from what the people listing
keeps (quoteidx.identity.kept_names), without reading the documents that name them:
the same person as building them from the index gives, for every quote; and when what
is kept is stale, damaged or of another key, or the index has corrections, built from
the index as before, never an error."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from test_kept_people import builds, docs, index, keeps

from quoteidx.identity import Correction, kept
from quoteidx.identity.listing import load_person
from quoteidx.index import Index

__all__ = ["docs", "index"]  # fixtures, the same corpus as test_kept_people

pytestmark = pytest.mark.filterwarnings("ignore::quoteidx.index.CorrectionWarning")


def built(index: Index, quote: Any) -> tuple[str, list[str]] | None:
    """What show printed before anything was kept: the person built from the index."""
    person = load_person(index.store, quote)
    return None if person is None else (person.name, person.aliases)


def every_quote(index: Index) -> list[Any]:
    return [hit.quote for hit in index.search("*", limit=None).hits]


def test_every_quotes_person_is_read_from_the_listing_without_a_record(
        index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    quotes = every_quote(index)
    expected = [built(index, quote) for quote in quotes]
    assert ("Ismail Khan", ["Ismail Khan", "Khan"]) in expected
    index.speakers()  # the listing, kept
    if keeps(index):
        def refused(*args: object, **kwargs: object) -> None:
            raise AssertionError("the index was read for a person")

        for method in ("speaker_counts", "search", "document_quotes"):
            monkeypatch.setattr(index.store, method, refused)
    assert [index.person_names(quote) for quote in quotes] == expected


def test_a_listing_of_another_state_is_not_used(
        index: Index, docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index.speakers()
    (docs / "post.txt").write_text("“It is over,” said Commander Ismail Khan, a general.\n",
                                   encoding="utf-8")
    index.add([docs])  # Ismail Khan has one more alias now
    calls = builds(index.store, monkeypatch)
    for quote in every_quote(index):
        assert index.person_names(quote) == built(index, quote)
    assert calls
    assert ("Ismail Khan", ["Ismail Khan", "Khan", "Commander Ismail Khan"]) in [
        index.person_names(quote) for quote in every_quote(index)]


def test_with_corrections_the_person_is_built_as_before(
        index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    index.merge_speakers("Omar Haddad", "Bismillah Khan Mohammedi")
    index.speakers()  # kept, with the correction
    calls = builds(index.store, monkeypatch)
    names = [index.person_names(quote) for quote in every_quote(index)]
    assert calls and names == [built(index, quote) for quote in every_quote(index)]
    assert ("Omar Haddad", ["Omar Haddad", "Bismillah Khan Mohammedi", "Haddad"]) in names
    index.store.add_correction(Correction("merge", ("Nobody Here", "Ismail Khan")))  # stale
    assert [index.person_names(quote) for quote in every_quote(index)] == names


@pytest.mark.parametrize("fresh_location", ["whoosh"], indirect=True)  # a folder keeps them
@pytest.mark.parametrize("damage", ["truncated", "a bucket changed", "directory changed",
                                    "empty", "garbage", "another format", "another key",
                                    "a folder", "a fifo", "gone"])
def test_a_damaged_or_unreadable_file_builds_the_person(
        index: Index, damage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    quotes = every_quote(index)
    expected = [built(index, quote) for quote in quotes]
    index.speakers()
    path = Path(index.location) / "names.kept"
    data = path.read_bytes()
    head = data.index(b"\n", data.index(b"\n", len(b"quoteidx names 1\n")) + 1) + 1
    path.unlink()
    if damage == "truncated":
        path.write_bytes(data[: len(data) - 10])
    elif damage == "a bucket changed":  # still a table, of someone else
        path.write_bytes(data.replace(b"Ismail Khan", b"Ismail Kahn"))
    elif damage == "directory changed":
        path.write_bytes(data[:head] + bytes([data[head] ^ 1]) + data[head + 1:])
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "garbage":
        path.write_bytes(os.urandom(len(data)))
    elif damage == "another format":
        path.write_bytes(data.replace(b"quoteidx names 1", b"quoteidx names 0", 1))
    elif damage == "another key":  # kept by other code, or for another state
        monkeypatch.setattr(kept, "_code", lambda: "another version of quoteidx")
        path.write_bytes(data)
    elif damage == "a folder":
        path.mkdir()
    elif damage == "a fifo":
        os.mkfifo(path)  # read, it would wait for a writer for ever
    calls = builds(index.store, monkeypatch)
    assert [index.person_names(quote) for quote in quotes] == expected
    assert calls  # built from the index


@pytest.mark.parametrize("fresh_location", ["whoosh"], indirect=True)  # a folder keeps them
def test_a_killed_write_leaves_the_file_whole_and_is_cleared(
        index: Index, docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index.speakers()
    path = Path(index.location) / "names.kept"
    whole = path.read_bytes()
    half = path.with_name("names.kept.tmp-0123abcd")
    half.write_bytes(whole[:100])  # what a write killed half-way leaves
    calls = builds(index.store, monkeypatch)
    quote = next(q for q in every_quote(index) if q.speaker == "Ismail Khan")
    assert index.person_names(quote) == ("Ismail Khan", ["Ismail Khan", "Khan"])
    assert not calls and path.read_bytes() == whole
    (docs / "post.txt").write_text("“It is over,” said Maria Lopez, a nurse.\n",
                                   encoding="utf-8")
    index.add([docs])  # a writer clears what killed runs left
    assert not half.exists()
