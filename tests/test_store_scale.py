"""What keeps the store fast on a large index must not change what it finds: the block
scoring of one-term queries returns exactly Whoosh's results, a kept-open store sees
other writers' commits, and updates do not rewrite the whole index."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from quoteidx.querying import SearchRequest, parse
from quoteidx.record import Quote, Source, quote_id
from quoteidx.storing import DocumentInfo, open_store
from quoteidx.storing.whoosh.query import whoosh_query
from quoteidx.storing.whoosh.search import top as _top
from quoteidx.storing.whoosh.store import WhooshStore
from quoteidx.storing.whoosh.writer import MAX_SEGMENTS

WORDS = ["ceasefire", "talks", "border", "army", "the", "of", "herat", "bridge", "harvest",
         "minister", "refugees", "election"]


def quotes_of(source: Source, rng: random.Random, count: int) -> list[Quote]:
    out, start = [], 0
    for _ in range(count):
        # Lengths from 2 to 60 words, words repeated: many distinct BM25 scores and ties.
        text = " ".join(rng.choice(WORDS[: rng.randint(2, len(WORDS))])
                        for _ in range(rng.randint(2, 60)))
        end = start + len(text)
        out.append(Quote(id=quote_id(source.path, "Ann Other", text, start), text=text,
                         kind="direct",
                         speaker="Ann Other", speaker_mention=None, role=None, cue="said",
                         source=source, start=start, end=end, paragraph=text))
        start = end + 1
    return out


def add(store: WhooshStore, numbers: range, version: int = 0) -> None:
    with store.writer() as writer:
        for number in numbers:
            source = Source(path=f"doc{number}.txt")
            rng = random.Random(f"{number}-{version}")
            quotes = quotes_of(source, rng, rng.randint(5, 40))
            writer.add_document(DocumentInfo(f"/docs/doc{number}.txt", f"h{number}-{version}",
                                             source, len(quotes)), quotes)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WhooshStore]:
    """Three commits (so several segments), then a third of the documents replaced (so
    segments with deleted quotes): thousands of quotes, posting lists of many blocks."""
    store = open_store(tmp_path_factory.mktemp("big") / "ix", create=True)
    assert isinstance(store, WhooshStore)
    for part in range(3):
        add(store, range(part * 40, part * 40 + 40))
    add(store, range(0, 120, 3), version=1)
    yield store
    store.close()


@pytest.mark.parametrize("word", ["ceasefire", "the", "herat", "election", "nothinglikeit"])
@pytest.mark.parametrize("limit", [1, 10, 500])
def test_block_scoring_returns_exactly_whooshs_results(
    big: WhooshStore, word: str, limit: int
) -> None:
    def run(searcher: object) -> tuple[list[tuple[int, float]], list[tuple[int, float]], int]:
        q = whoosh_query(parse(word), big.schema)
        ours = _top(searcher, q, limit, {})
        theirs = searcher.search(q, limit=limit)  # type: ignore[attr-defined]
        everything = len(searcher.search(q, limit=None))  # type: ignore[attr-defined]
        assert len(ours) == everything
        return ([(hit.docnum, hit.score) for hit in ours],
                [(hit.docnum, hit.score) for hit in theirs], everything)

    ours, theirs, everything = big._read(run)
    assert ours == theirs
    assert len(ours) == min(limit, everything)
    assert word == "nothinglikeit" or everything > 128  # more than one block of postings


def live_quotes(versions: dict[int, int]) -> list[Quote]:
    """The quotes the index should hold: each document at its latest version."""
    out = []
    for number, version in versions.items():
        rng = random.Random(f"{number}-{version}")
        out += quotes_of(Source(path=f"doc{number}.txt"), rng, rng.randint(5, 40))
    return out


def test_block_scoring_counts_live_quotes_only_and_keeps_filters(big: WhooshStore) -> None:
    versions = {number: int(number % 3 == 0) for number in range(120)}
    expected = [q for q in live_quotes(versions) if "ceasefire" in q.text.split()]
    top = big.search(SearchRequest("ceasefire", limit=5))
    assert top.total == len(expected)  # replaced quotes are deleted, not counted
    assert {hit.quote.id for hit in top.hits} <= {q.id for q in expected}
    assert [hit.score for hit in top.hits] == sorted((h.score for h in top.hits), reverse=True)
    filtered = big.search(SearchRequest("ceasefire", limit=5, kind="indirect"))
    assert filtered.total == 0 and filtered.hits == []


def test_an_open_store_sees_what_another_store_commits(tmp_path: Path) -> None:
    reader = open_store(tmp_path / "ix", create=True)
    writer = open_store(tmp_path / "ix")
    assert isinstance(reader, WhooshStore) and isinstance(writer, WhooshStore)
    assert reader.search(SearchRequest("ceasefire")).total == 0  # opens its searcher
    add(writer, range(3))
    found = reader.search(SearchRequest("ceasefire", limit=None)).total
    assert found == writer.search(SearchRequest("ceasefire", limit=None)).total > 0
    add(writer, range(3), version=1)  # the files the reader had open are gone now
    assert reader.stats().quotes == writer.stats().quotes
    reader.close()
    writer.close()


def test_an_open_store_sees_another_store_rebuild_the_index(tmp_path: Path) -> None:
    reader = open_store(tmp_path / "ix", create=True)
    writer = open_store(tmp_path / "ix")
    assert isinstance(reader, WhooshStore) and isinstance(writer, WhooshStore)
    add(writer, range(3))
    before = {hit.quote.id for hit in reader.search(SearchRequest("*", limit=None)).hits}
    with writer.writer(clear=True) as rebuild:  # a new folder, swapped in: same generation
        source = Source(path="other.txt")
        quotes = quotes_of(source, random.Random(7), 5)
        rebuild.add_document(DocumentInfo("/docs/other.txt", "h-other", source, 5), quotes)
    after = {hit.quote.id for hit in reader.search(SearchRequest("*", limit=None)).hits}
    assert after == {quote.id for quote in quotes} and not after & before
    reader.close()
    writer.close()


def segment_files(location: Path) -> dict[str, float]:
    return {name: os.stat(location / name).st_mtime_ns
            for name in os.listdir(location) if name.startswith("MAIN_") and "." in name}


def test_an_update_adds_a_segment_instead_of_rewriting_the_index(tmp_path: Path) -> None:
    store = open_store(tmp_path / "ix", create=True)
    assert isinstance(store, WhooshStore)
    add(store, range(100))
    before = segment_files(tmp_path / "ix")
    add(store, range(0, 100, 50), version=1)  # 2% of the documents changed
    after = segment_files(tmp_path / "ix")
    assert {n: t for n, t in after.items() if n in before} == before  # untouched
    assert store.stats().segments == 2
    versions = {number: 0 for number in range(100)} | {0: 1, 50: 1}
    for version in range(2, 2 + 2 * MAX_SEGMENTS):  # many small updates: merged, capped
        add(store, range(version, version + 1), version=version)
        versions[version] = version
        assert store.stats().segments <= MAX_SEGMENTS
    assert store.stats().quotes == len(live_quotes(versions))
    store.close()
