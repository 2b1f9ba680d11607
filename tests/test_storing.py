"""The store, the query helpers and index_paths, with quotes built by hand (no extractor)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from quoteidx.indexing import IndexReport, index_paths
from quoteidx.querying import QueryError, SearchRequest, check_syntax, date_bounds, fold_name
from quoteidx.reading import Document
from quoteidx.record import Quote, Source, quote_id
from quoteidx.storing import (
    DocumentInfo,
    IndexBusy,
    IndexMissing,
    Store,
    StoreError,
    index_location,
    open_store,
)
from quoteidx.storing.demonyms import place_for

GAZETTE = Source(path="gazette.txt", title="Harvest news", publication="The Gazette",
                 author="Ann Writer", date="2021-08-10", url="https://example.org/g")
HERALD = Source(path="herald.txt", publication="The Herald", date="2022-01-05")
UNDATED = Source(path="notes.txt")
Extract = Callable[[Document], list[Quote]]


def make(text: str, speaker: str | None, source: Source, start: int,
         kind: str = "direct", role: str | None = None) -> Quote:
    end = start + len(text)
    return Quote(id=quote_id(source.path, speaker, text, start), text=text, kind=kind,  # type: ignore[arg-type]
                 speaker=speaker, speaker_mention=speaker, role=role, cue="said",
                 source=source, start=start, end=end, paragraph=f"Intro. {text} More.")


GAZETTE_QUOTES = [
    make("The Taliban are the pawns of the Pakistanis", "Ismail Khan", GAZETTE, 0,
         role="commander"),
    make("We are fighting for Herat", "Shariyar Nezami", GAZETTE, 100, role="militia officer"),
    make("the harvest will be late in Zürich", "José Álvarez", GAZETTE, 200, kind="indirect"),
]
HERALD_QUOTES = [
    make("Pakistan denies the charges", "Ismail Khan", HERALD, 0),
    make("The Pakistani army has not moved", "Omid Sobhani", HERALD, 50, role="journalist"),
]
UNDATED_QUOTES = [make("Pakistan again", "Ann Other", UNDATED, 0)]


def fill(store: Store) -> None:
    with store.writer() as writer:
        for source, quotes in ((GAZETTE, GAZETTE_QUOTES), (HERALD, HERALD_QUOTES),
                               (UNDATED, UNDATED_QUOTES)):
            writer.add_document(DocumentInfo(f"/docs/{source.path}", f"hash-{source.path}",
                                             source, len(quotes)), quotes)


@pytest.fixture
def store(fresh_location: str) -> Iterator[Store]:
    opened = open_store(fresh_location, create=True)
    fill(opened)
    yield opened
    opened.close()


def texts(store: Store, query: str, **options: object) -> list[str]:
    return [hit.quote.text for hit in store.search(SearchRequest(query, **options)).hits]


# Analysis


def test_place_finds_nationality_words_but_not_the_reverse(store: Store) -> None:
    found = texts(store, "Pakistan")
    assert "The Taliban are the pawns of the Pakistanis" in found
    assert "The Pakistani army has not moved" in found
    assert "Pakistan denies the charges" in found
    assert "Pakistan denies the charges" not in texts(store, "Pakistani")


def test_stemming_accents_fuzzy_wildcard_phrase(store: Store) -> None:
    assert texts(store, "fight") == ["We are fighting for Herat"]
    assert texts(store, "zurich") == ["the harvest will be late in Zürich"]
    assert "Pakistan denies the charges" in texts(store, "Pakistn~")
    assert "Pakistan denies the charges" in texts(store, "Pakist*")
    assert texts(store, '"pakistani army"') == ["The Pakistani army has not moved"]
    assert texts(store, '"army pakistani"') == []


def test_fields(store: Store) -> None:
    assert set(texts(store, "speaker:khan")) == {
        "The Taliban are the pawns of the Pakistanis", "Pakistan denies the charges"}
    assert texts(store, 'speaker:"jose alvarez"') == ["the harvest will be late in Zürich"]
    assert texts(store, "kind:indirect") == ["the harvest will be late in Zürich"]
    assert texts(store, "role:officer") == ["We are fighting for Herat"]
    assert len(texts(store, 'publication:"the herald"')) == 2
    assert len(texts(store, "source:gazette")) == 3
    assert len(texts(store, "date:[2021-08-01 to 2021-08-31]")) == 3
    assert len(texts(store, "date:>2021-12")) == 2
    assert len(texts(store, "*")) == 6
    assert len(texts(store, "NOT pakistan")) == 2  # document records never show up


def test_spans_mark_the_matched_words(store: Store) -> None:
    hits = store.search(SearchRequest("pakistan")).hits
    marked = {hit.quote.text: [hit.quote.text[a:b] for a, b in hit.spans] for hit in hits}
    assert marked["The Taliban are the pawns of the Pakistanis"] == ["Pakistanis"]
    assert marked["Pakistan denies the charges"] == ["Pakistan"]
    assert all(hit.score and hit.score > 0 for hit in hits)


def test_filters_and_sorting(store: Store) -> None:
    assert set(texts(store, "pakistan", kind="direct", speaker="KHAN")) == {
        "The Taliban are the pawns of the Pakistanis", "Pakistan denies the charges"}
    assert texts(store, "pakistan", kind="indirect") == []
    since, until = date_bounds("2022")
    assert len(texts(store, "pakistan", since=since, until=until)) == 2
    newest_first = texts(store, "pakistan", sort="date")
    assert newest_first[-1] == "Pakistan again"  # undated last
    assert newest_first[-2] == "The Taliban are the pawns of the Pakistanis"
    by_date = store.search(SearchRequest("pakistan", sort="date")).hits
    assert [hit.score for hit in by_date] == [None] * 4
    result = store.search(SearchRequest("pakistan", limit=1))
    assert len(result.hits) == 1 and result.total == 4


def test_sorting_by_date_when_no_quote_is_dated(fresh_location: str) -> None:
    with open_store(fresh_location, create=True) as store:
        with store.writer() as writer:
            writer.add_document(DocumentInfo("/docs/notes.txt", "h", UNDATED, 1),
                                UNDATED_QUOTES)
        assert texts(store, "pakistan", sort="date") == ["Pakistan again"]


def test_by_speaker_any_part_any_case_any_accent(store: Store) -> None:
    for name in ("Nezami", "shariyar NEZAMI", "Shariyar Nezami"):
        assert texts(store, "", speaker=name, sort="document") == ["We are fighting for Herat"]
    assert texts(store, "", speaker="jose alvarez") == ["the harvest will be late in Zürich"]
    assert texts(store, "", speaker="Khan", sort="document") == [
        "The Taliban are the pawns of the Pakistanis", "Pakistan denies the charges"]
    assert texts(store, "", speaker="Nezamis") == []
    with pytest.raises(QueryError):
        store.search(SearchRequest("", speaker="!!!"))


def test_get_round_trips_the_record(store: Store) -> None:
    quote = HERALD_QUOTES[1]
    assert store.get(quote.id) == quote
    assert store.get(quote.id).to_dict() == quote.to_dict()
    assert store.get("000000000000") is None


def test_every_field_of_a_record_comes_back(store: Store) -> None:
    source = Source(path="full.txt", title="T", publication="P", author="A",
                    date="2023-02-01", url="https://example.org/full")
    full = Quote(id="f00000000001", text="first part second part", kind="indirect",
                 speaker="Ann Full", speaker_mention="she", role="mayor", cue="told",
                 source=source, start=10, end=60, paragraph="Before: first part, she "
                 "told The Wire, second part.", outlet="The Wire", parts=((10, 20), (49, 60)),
                 paragraph_start=2, resolved_by="pronoun", extra={"note": "x"})
    assert {field.name for field in fields(Quote)} <= set(full.to_dict()) | {"extra"}
    with store.writer() as writer:
        writer.add_document(DocumentInfo("/docs/full.txt", "hash-full", source, 1), [full])
    assert store.get(full.id).to_dict() == full.to_dict()
    found = store.search(SearchRequest("speaker:full")).hits[0].quote
    assert found.to_dict() == full.to_dict() and found.extra == {"note": "x"}


def test_limit_0_counts_without_returning_quotes(store: Store) -> None:
    for sort in ("relevance", "date"):
        counted = store.search(SearchRequest("pakistan", limit=0, sort=sort))
        assert counted.hits == [] and counted.total == 4
    assert store.search(SearchRequest("*", limit=0)).total == 6
    assert store.search(SearchRequest("pakistan", limit=0, kind="indirect")).total == 0


def test_speaker_names_lists_each_name_once_most_quoted_first(store: Store) -> None:
    names = store.speaker_names()
    assert names[0] == "Ismail Khan"
    assert sorted(names) == ["Ann Other", "Ismail Khan", "José Álvarez", "Omid Sobhani",
                             "Shariyar Nezami"]


def test_speakers_and_stats(store: Store) -> None:
    people = store.speakers()
    assert people[0].name == "Ismail Khan" and people[0].quotes == 2
    assert people[0].role == "commander"
    assert people[0].sources == ("The Gazette", "The Herald")
    assert [p.name for p in store.speakers("alv")] == ["José Álvarez"]
    stats = store.stats()
    assert (stats.documents, stats.quotes, stats.speakers) == (3, 6, 5)
    assert stats.kinds == {"direct": 5, "indirect": 1}
    assert stats.segments == 1 and stats.size_bytes > 0  # PostgreSQL: one server, no shards


@pytest.mark.parametrize("query", [
    "foo:bar", "(pakistan", "pakistan)", '"pakistan', "date:[bad to worse]", "date:2021-13", "",
])
def test_query_errors(store: Store, query: str) -> None:
    with pytest.raises(QueryError):
        check_syntax(query) if not query else store.search(SearchRequest(query))


# The store as a whole


def test_missing_index_is_never_created(tmp_path: Path) -> None:
    with pytest.raises(IndexMissing):
        open_store(tmp_path / "nothing")
    assert not (tmp_path / "nothing").exists()


def test_missing_index_is_never_created_in_a_database(postgres_database: str) -> None:
    import psycopg

    with pytest.raises(IndexMissing, match="no index at"):
        open_store(postgres_database)
    with psycopg.connect(postgres_database) as conn:
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert tables.fetchone()[0] == 0


def test_refuses_to_fill_a_directory_that_is_not_an_index(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(StoreError, match="not empty"):
        open_store(tmp_path, create=True)


def test_an_index_made_by_another_run_meanwhile_is_opened_not_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quoteidx.storing.whoosh import store as whoosh_store

    open_store(tmp_path / "ix", create=True).close()
    real_check = whoosh_store.check_marker
    looks = []

    def too_early(location: str) -> None:  # this run looked before the other renamed it
        looks.append(location)
        if len(looks) == 1:
            raise IndexMissing(f"no index at {location}")
        real_check(location)

    monkeypatch.setattr(whoosh_store, "check_marker", too_early)
    with open_store(tmp_path / "ix", create=True) as store:
        assert store.stats().quotes == 0
    assert len(looks) == 2


def test_second_writer_gets_a_clear_busy_error(store: Store) -> None:
    if store.location.startswith("postgresql:"):
        # Writers share a server index (each document locked on its own); a rebuild
        # excludes them, and they it.
        with store.writer(), store.writer():
            pass
        with store.writer(), pytest.raises(IndexBusy, match="another process"):
            store.writer(clear=True, timeout=0.1)
        with store.writer(clear=True), pytest.raises(IndexBusy, match="another process"):
            store.writer(timeout=0.1)
        return
    with store.writer(), pytest.raises(IndexBusy, match="another process"):
        store.writer(timeout=0.1)


def test_changes_are_discarded_when_the_writer_block_fails(store: Store) -> None:
    with pytest.raises(RuntimeError), store.writer() as writer:
        writer.delete_document("/docs/gazette.txt")
        raise RuntimeError("boom")
    assert store.stats().documents == 3


def test_messages_never_show_a_locations_password() -> None:
    from quoteidx.storing import shown_location

    assert shown_location("postgresql://ann:s3cret@db.example:5432/quotes?sslmode=require") == (
        "postgresql://ann:***@db.example:5432/quotes?sslmode=require")
    assert shown_location("postgresql://db.example/quotes") == "postgresql://db.example/quotes"
    assert shown_location("archive/ix") == "archive/ix"


def test_index_location_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUOTEIDX_INDEX", raising=False)
    assert index_location() == ".quoteidx"
    monkeypatch.setenv("QUOTEIDX_INDEX", "/from/env")
    assert index_location() == "/from/env"
    assert index_location("/explicit") == "/explicit"


# index_paths: reading -> extracting -> storing


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("---\npublication: The Gazette\n---\n"
                                  "John Smith: We will win the harvest\n"
                                  "Maria Lopez (claim): the bridge opens in May\n")
    (folder / "b.txt").write_text("Omid Sobhani: Pakistani forces moved\n")
    return folder


@pytest.fixture
def ix(fresh_location: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    # Keys are relative to the folder holding an index folder, or for a server to the
    # current folder: run from tmp_path, both backends key a.txt as docs/a.txt.
    monkeypatch.chdir(tmp_path)
    return fresh_location


def run(docs: Path, fake_extract: Extract, ix: str, **options: Any) -> IndexReport:
    return index_paths([docs], ix, extract=fake_extract, **options)


def generation(location: str) -> object:
    """What changes whenever the index is written to."""
    if location.startswith("postgresql:"):
        import psycopg

        with psycopg.connect(location) as conn:
            return conn.execute("SELECT array_agg(xmin::text || ':' || ctid::text ORDER BY ctid)"
                                " FROM quotes").fetchone()[0]
    return {name for name in os.listdir(location) if name.startswith(("_MAIN_", "MAIN_"))}


def test_index_paths_then_unchanged_run_changes_nothing(
    docs: Path, fake_extract: Extract, ix: str
) -> None:
    calls = []
    report = run(docs, fake_extract, ix, progress=lambda *args: calls.append(args))
    assert (len(report.added), report.quotes_added, report.documents, report.quotes) == (2, 3, 2, 3)
    assert [c[:2] for c in calls] == [(1, 2), (2, 2)]
    files = generation(ix)
    again = run(docs, fake_extract, ix)
    assert (again.unchanged, again.added, again.updated, again.quotes_added) == (2, [], [], 0)
    assert generation(ix) == files  # not even rewritten


def test_changed_file_replaces_its_quotes(docs: Path, fake_extract: Extract, ix: str) -> None:
    run(docs, fake_extract, ix)
    (docs / "b.txt").write_text("Omid Sobhani: Pakistani forces moved back\nAnn Lee: calm\n")
    report = run(docs, fake_extract, ix)
    assert (len(report.updated), report.quotes_added, report.quotes_removed) == (1, 2, 1)
    with open_store(ix) as store:
        found = texts(store, "", speaker="Sobhani")
        assert found == ["Pakistani forces moved back"]
        assert store.stats().quotes == 4


def test_prune_removes_vanished_files_only_when_asked(
    docs: Path, fake_extract: Extract, ix: str
) -> None:
    run(docs, fake_extract, ix)
    (docs / "b.txt").unlink()
    assert run(docs, fake_extract, ix).documents == 2
    report = run(docs, fake_extract, ix, prune=True)
    assert len(report.pruned) == 1 and report.quotes_removed == 1
    assert (report.documents, report.quotes) == (1, 2)


def test_copies_are_indexed_once_and_moves_follow_the_file(
    docs: Path, fake_extract: Extract, ix: str
) -> None:
    run(docs, fake_extract, ix)
    (docs / "copy.txt").write_text((docs / "b.txt").read_text())
    report = run(docs, fake_extract, ix)
    assert not report.skipped  # a copy is a note, not a failure
    assert report.duplicates == [(str(docs / "copy.txt"), "docs/b.txt")]  # keys: relative
    (docs / "copy.txt").unlink()
    (docs / "b.txt").rename(docs / "moved.txt")
    report = run(docs, fake_extract, ix)
    assert report.added == [str(docs / "moved.txt")]
    assert (report.documents, report.quotes) == (2, 3)


def test_unreadable_and_failing_files_are_skipped_with_a_reason(
    docs: Path, fake_extract: Extract, ix: str
) -> None:
    (docs / "empty.txt").write_text("")
    (docs / "boom.txt").write_text("Kaboom: explodes\n")

    def extract(document: Document) -> list[Quote]:
        if "Kaboom" in document.text:
            raise ValueError("bad input")
        return fake_extract(document)

    report = index_paths([docs, docs / "missing.txt"], ix, extract=extract)
    reasons = dict(report.skipped)
    assert "extraction failed: ValueError: bad input" in reasons[str(docs / "boom.txt")]
    assert str(docs / "empty.txt") in reasons and str(docs / "missing.txt") in reasons
    assert report.documents == 2


def test_json_lines_documents_are_kept_per_line(docs: Path, fake_extract: Extract, ix: str) -> None:
    export = docs / "export.jsonl"
    lines = ['{"id": "x1", "text": "Ann Lee: first line", "publication": "Wire"}',
             '{"id": "x2", "text": "Bo Chan: second line"}']
    export.write_text("\n".join(lines) + "\n")
    report = run(docs, fake_extract, ix)
    assert str(export) + "#id=x1" in report.added and report.quotes == 5
    with open_store(ix) as store:
        assert "docs/export.jsonl#id=x2" in store.documents()  # relative to the base
        assert texts(store, "", speaker="Ann Lee")[0] == "first line"
    export.write_text(lines[1] + "\n")
    assert run(docs, fake_extract, ix).documents == 4  # without --prune the line stays
    report = run(docs, fake_extract, ix, prune=True)
    assert report.pruned == [f"{export}#id=x1"] and report.documents == 3


def test_rebuild_starts_from_empty(docs: Path, fake_extract: Extract, ix: str) -> None:
    run(docs, fake_extract, ix)
    report = index_paths([docs / "a.txt"], ix, extract=fake_extract,
                         rebuild=True)
    assert (report.documents, report.quotes) == (1, 2)


# Helpers


def test_demonyms() -> None:
    assert place_for("pakistanis") == "pakistan"
    assert place_for("afghan") == "afghanistan"
    assert place_for("kurdistani") == "kurdistan"
    assert place_for("army") is None and place_for("party") is None


def test_date_bounds_and_names() -> None:
    end_of_august = datetime(2021, 8, 31, 23, 59, 59, 999999)
    assert date_bounds("2021-08") == (datetime(2021, 8, 1), end_of_august)
    assert date_bounds("2021-12")[1].year == 2021
    assert date_bounds("2021-08-10")[0] == datetime(2021, 8, 10)
    with pytest.raises(QueryError):
        date_bounds("last tuesday")
    assert fold_name("  Ismaïl   KHAN ") == "ismail khan"
