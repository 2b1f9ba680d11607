"""`speakers` and `show`'s person from the counts each document's record keeps of its
quotes by speaker (storing.SpeakerCount), on both backends: the same people, numbers,
names, roles and sources as grouping every quote gives, corrections applied, without
reading a quote; and the counts follow every change to the index."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import quoteidx
from quoteidx.identity import Correction, load_identities
from quoteidx.index import Index

HERALD = ("Ismail Khan, the governor, spoke on Monday. “We will hold the city,” Khan said.\n\n"
          "Bismillah Khan Mohammedi, the minister, said the army was ready.\n\n"
          "“Nobody will leave,” said Maria Khan, a teacher.\n\n"
          "“The bridge is open,” Ms. Khan said.\n")
GAZETTE = ("“The roads are closed,” said Omar Haddad, a driver.\n\n"
           "Haddad added: “We wait for news every day.”\n\n"
           "“We will hold the city,” said Ismail Khan, the governor of Herat.\n")
TIMES = ("“Prices are rising,” said Maria Khan, a teacher.\n\n"
         "“Nothing is decided,” said a spokesman for the ministry.\n")


def summary(people: list[Any]) -> list[tuple[Any, ...]]:
    return [(p.name, p.count, p.role, p.aliases, p.roles, p.sources, p.wrote) for p in people]


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in (("herald", HERALD), ("gazette", GAZETTE), ("times", TIMES)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def index(docs: Path, fresh_location: str) -> Any:
    with quoteidx.open_index(fresh_location, create=True) as opened:
        opened.add([docs])
        yield opened


def every_quote(index: Index) -> dict[str, Any]:
    """What grouping every quote gives (quoteidx before the counts)."""
    found = load_identities(index.store)
    return {"people": summary(found.people), "warnings": found.warnings,
            "quotes": [[q.id for q in p.quotes] for p in found.people]}


def from_counts(index: Index) -> dict[str, Any]:
    people = index.speakers()
    return {"people": summary(people), "warnings": index.stale_corrections(),
            "quotes": [[q.id for q in p.quotes] for p in people]}


def test_speakers_read_no_quote(index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = summary(load_identities(index.store).people)
    assert any(p[1] > 1 for p in expected) and len(expected) >= 5

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("a quote was read")

    for method in ("search", "get", "document_quotes"):
        monkeypatch.setattr(index.store, method, refused)
    assert summary(index.speakers()) == expected
    assert [p.name for p in index.speakers("khan")] == [
        p[0] for p in expected if any("khan" in alias.lower() for alias in p[3])]


@pytest.mark.filterwarnings("ignore::quoteidx.index.CorrectionWarning")  # the stale two
def test_speakers_are_the_people_every_quote_makes_corrections_applied(index: Index) -> None:
    quotes = index.search("*", limit=None).hits
    by_text = {hit.quote.text: hit.quote for hit in quotes}
    before = every_quote(index)
    assert from_counts(index)["people"] == before["people"]
    index.merge_speakers("Omar Haddad", "Bismillah Khan Mohammedi")
    index.split_speaker("Maria Khan", "Maria Khan@times")
    index.reassign(by_text["Nobody will leave"].id, "Omar Haddad", role="driver")
    index.reassign(by_text["Nothing is decided"].id, "Jane Roe", role="spokeswoman")
    index.store.add_correction(Correction("reassign", quote="gone00000000", speaker="X"))
    index.store.add_correction(Correction("merge", ("Nobody Here", "Ismail Khan")))
    corrected = every_quote(index)
    assert corrected["people"] != before["people"]
    counted = from_counts(index)
    assert counted["people"] == corrected["people"]
    assert counted["quotes"] == corrected["quotes"]
    assert len(corrected["warnings"]) == 2 and sorted(counted["warnings"]) == [5, 6]
    people = {p.name: p for p in index.speakers()}
    assert people["Jane Roe"].count == 1 and people["Jane Roe"].role == "spokeswoman"
    assert people["Omar Haddad"].count == before_count(before, "Omar Haddad") + 2
    # show's person: the same as a look-up over the quotes bearing on the name
    for hit in index.search("*", limit=None).hits:
        old = load_identities(index.store, about=hit.quote.speaker).person(hit.quote) \
            if hit.quote.speaker else None
        new = index.person(hit.quote)
        assert (old and (old.name, old.aliases)) == (new and (new.name, new.aliases))


def test_a_quotes_person_without_corrections_is_the_one_its_quotes_make(index: Index) -> None:
    """show's person, counted from the names linked to the quote's alone when there is
    no correction: the same person (name, aliases, roles, sources, count) as over every
    quote bearing on the name ("Khan" inside two longer names stays apart)."""
    assert not index.corrections()
    for hit in index.search("*", limit=None).hits:
        old = load_identities(index.store, about=hit.quote.speaker).person(hit.quote) \
            if hit.quote.speaker else None
        new = index.person(hit.quote)
        assert (old and (old.name, old.aliases, old.roles, old.sources, old.count)) == (
            new and (new.name, new.aliases, new.roles, new.sources, new.count))


def before_count(found: dict[str, Any], name: str) -> int:
    return next(p[1] for p in found["people"] if p[0] == name)


def test_counts_follow_a_changed_document_a_new_one_and_a_prune(
        index: Index, docs: Path) -> None:
    (docs / "herald.txt").write_text(HERALD.replace("Maria Khan", "Maria Lopez"),
                                     encoding="utf-8")
    (docs / "post.txt").write_text("“It is over,” said Maria Lopez, a teacher.\n",
                                   encoding="utf-8")
    index.add([docs])
    people = {p.name: p for p in index.speakers()}
    assert people["Maria Lopez"].count == 2 and people["Maria Khan"].count == 1
    assert from_counts(index)["people"] == every_quote(index)["people"]
    (docs / "times.txt").unlink()
    (docs / "post.txt").unlink()
    index.add([docs], prune=True)
    people = {p.name: p for p in index.speakers()}
    assert "Maria Khan" not in people and people["Maria Lopez"].count == 1
    assert from_counts(index)["people"] == every_quote(index)["people"]
    index.add([docs], rebuild=True)
    assert from_counts(index)["people"] == every_quote(index)["people"]


def test_documents_quoting_a_name_are_found_by_their_counts(index: Index) -> None:
    found = index.store.speaker_counts("khan")
    assert sorted(Path(d.source.path).name for d in found) == [
        "gazette.txt", "herald.txt", "times.txt"]
    assert [Path(d.source.path).name for d in index.store.speaker_counts("Haddad")] == [
        "gazette.txt"]
    assert index.store.speaker_counts("nobody") == []
    assert index.store.speaker_counts("...") == []
    herald = next(d for d in found if d.source.path.endswith("herald.txt"))
    assert sum(count.quotes for count in herald.counts) == len(
        index.store.document_quotes(herald.key))
