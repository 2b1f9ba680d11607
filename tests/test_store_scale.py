"""What keeps the store fast on a large index must not change what it finds: the block
scoring of one-term queries returns exactly Whoosh's results, a kept-open store sees
other writers' commits, and updates do not rewrite the whole index."""

from __future__ import annotations

import os
import random
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from quoteidx.querying import SearchRequest, parse
from quoteidx.record import Quote, Source, quote_id
from quoteidx.storing import DocumentInfo, open_store
from quoteidx.storing.whoosh import writer as writer_module
from quoteidx.storing.whoosh.conjunction import conjunction
from quoteidx.storing.whoosh.query import speaker_query, whoosh_query
from quoteidx.storing.whoosh.search import top as _top
from quoteidx.storing.whoosh.store import WhooshStore
from quoteidx.storing.whoosh.writer import MAX_SEGMENTS

WORDS = ["ceasefire", "talks", "border", "army", "the", "of", "herat", "bridge", "harvest",
         "minister", "refugees", "election"]
# Names sharing words in other orders and with words between: a speaker's phrase must
# tell them apart.
SPEAKERS = ["Ann Other", "Ann Other", "Ann Marie Other", "Other Ann", "Bob Other", "Ann Bob"]


def random_words(rng: random.Random) -> str:
    # Lengths from 2 to 60 words, words repeated: many distinct BM25 scores and ties.
    return " ".join(rng.choice(WORDS[: rng.randint(2, len(WORDS))])
                    for _ in range(rng.randint(2, 60)))


def quotes_of(source: Source, rng: random.Random, count: int,
              words: Callable[[random.Random], str] = random_words) -> list[Quote]:
    out, start = [], 0
    for _ in range(count):
        text = words(rng)
        end = start + len(text)
        speaker = rng.choice(SPEAKERS)
        out.append(Quote(id=quote_id(source.path, speaker, text, start), text=text,
                         kind="direct",
                         speaker=speaker, speaker_mention=None, role=None, cue="said",
                         source=source, start=start, end=end, paragraph=text))
        start = end + 1
    return out


def add(store: WhooshStore, numbers: range, version: int = 0,
        words: Callable[[random.Random], str] = random_words) -> None:
    with store.writer() as writer:
        for number in numbers:
            source = Source(path=f"doc{number}.txt")
            rng = random.Random(f"{number}-{version}")
            quotes = quotes_of(source, rng, rng.randint(5, 40), words)
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
    with pytest.MonkeyPatch.context() as patch:  # this run also writes in helper processes
        patch.setattr(writer_module, "PARALLEL_AFTER", 10)
        add(store, range(0, 120, 3), version=1)
    assert store.stats().segments >= 4
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


CONJUNCTIONS = [
    '"the army"', '"of the border"', '"ceasefire talks"', '"the the"', '"army of"~3',
    '"talks the border of"', "ceasefire AND herat", "the of army", '"the army" AND talks',
    'speaker:"Ann Other"', 'speaker:"other ann"', "speaker:ann speaker:other",
    '"talks ceasefire talks ceasefire"', '"herat nothinglikeit"', '"the army"^2 border',
]


@pytest.mark.parametrize("text", CONJUNCTIONS)
@pytest.mark.parametrize("limit", [1, 10, 500, None])
def test_conjunctions_return_exactly_whooshs_results(
    big: WhooshStore, text: str, limit: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Terms ANDed and phrases, over several segments with deleted quotes: the same
    documents, scores, order and total as Whoosh's own matchers, through the fast path."""
    from quoteidx.storing.whoosh import topterm

    used = []

    def spy(matcher: object, reader: object) -> object:
        found = conjunction(matcher, reader)
        used.append(found is not None)
        return found

    monkeypatch.setattr(topterm, "conjunction", spy)

    def run(searcher: object) -> tuple[list[tuple[int, float]], list[tuple[int, float]], int]:
        q = whoosh_query(parse(text), big.schema)
        everything = searcher.doc_count_all()  # type: ignore[attr-defined]
        ours = _top(searcher, q, everything if limit is None else limit, {})
        theirs = searcher.search(q, limit=limit)  # type: ignore[attr-defined]
        assert len(ours) == len(theirs)
        return ([(hit.docnum, hit.score) for hit in ours],
                [(hit.docnum, hit.score) for hit in theirs], len(theirs))

    ours, theirs, total = big._read(run)
    assert ours == theirs
    if "nothinglikeit" not in text:
        assert total > 0 and used and all(used)  # every segment took the fast path


def test_a_speakers_name_matches_as_whoosh_matches_it(big: WhooshStore) -> None:
    def run(searcher: object) -> tuple[list[int], list[int]]:
        q = speaker_query("ann OTHER", big.schema)
        ours = _top(searcher, q, 50, {})
        theirs = searcher.search(q, limit=50)  # type: ignore[attr-defined]
        return [hit.docnum for hit in ours], [hit.docnum for hit in theirs]

    ours, theirs = big._read(run)
    assert ours == theirs and ours
    by_store = big.search(SearchRequest(speaker="Ann Other", limit=None))
    versions = {number: int(number % 3 == 0) for number in range(120)}
    expected = {q.id for q in live_quotes(versions)
                if {"ann", "other"} <= set(q.speaker.lower().split())}
    assert {hit.quote.id for hit in by_store.hits} == expected
    assert by_store.total == len(expected)


def live_quotes(versions: dict[int, int],
                words: Callable[[random.Random], str] = random_words) -> list[Quote]:
    """The quotes the index should hold: each document at its latest version."""
    out = []
    for number, version in versions.items():
        rng = random.Random(f"{number}-{version}")
        out += quotes_of(Source(path=f"doc{number}.txt"), rng, rng.randint(5, 40), words)
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


def dense_words(rng: random.Random) -> str:
    """"the" in nearly every quote, "security situation" with and without "the" before
    it (so that the dense word decides), and long quotes where a word's positions are
    128 and 256 apart (pickled as two UTF-8 bytes, and as two-byte numbers)."""
    if rng.random() < 0.15:
        gap = rng.choice([130, 300])
        return " ".join(["army"] * gap + ["the", "security", "situation"] + ["army"] * gap
                        + [rng.choice(["the", "a"]), "security", "situation"])
    phrases = [["the"], ["the"], ["the", "security", "situation"], ["security", "situation"],
               ["situation", "the", "security"], ["army"], ["border"], ["talks"]]
    return " ".join(w for _ in range(rng.randint(1, 25)) for w in rng.choice(phrases))


@pytest.fixture(scope="module")
def dense(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WhooshStore]:
    """Like `big`, over dense_words: several segments, a third of the documents replaced."""
    store = open_store(tmp_path_factory.mktemp("dense") / "ix", create=True)
    assert isinstance(store, WhooshStore)
    for part in range(3):
        add(store, range(part * 20, part * 20 + 20), words=dense_words)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(writer_module, "PARALLEL_AFTER", 5)
        add(store, range(0, 60, 3), version=1, words=dense_words)
    assert store.stats().segments >= 4
    yield store
    store.close()


DENSE = ['"the security situation"', '"security situation"', "the security situation",
         '"situation the security"', '"the the security"', '"security situation the"',
         '"the security situation"~2', '"the security situation" speaker:"ann other"',
         '"army the security situation army"', '"army army army"']


@pytest.mark.parametrize(("text", "keep"), [(text, "none") for text in DENSE] + [
    (text, keep) for text in DENSE[::2] for keep in ("every word", "within a small budget")])
def test_phrases_with_a_dense_word_return_exactly_whooshs_results(
    dense: WhooshStore, text: str, keep: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Positions read for a few documents of a word in nearly every quote, from its
    blocks or from what dense.py keeps decoded (from the second query on; with a budget
    that drops words or keeps none), give Whoosh's documents, scores and total, and the
    ones a reading of the texts gives."""
    from quoteidx.storing.whoosh import dense as kept
    from quoteidx.storing.whoosh import topterm
    from quoteidx.storing.whoosh.schema import words_analyzer

    used = []
    monkeypatch.setattr(topterm, "conjunction", lambda m, r: used.append(
        found := conjunction(m, r)) or found)
    if keep != "none":
        monkeypatch.setattr(kept, "LEAST", 1)
        monkeypatch.setattr(kept, "SHARE", 0.0)
    if keep == "within a small budget":
        monkeypatch.setattr(kept, "BUDGET_PER_DOCUMENT", 30)  # "the" too big, others in turn
    built, original = [], kept.Dense
    monkeypatch.setattr(kept, "Dense", lambda *a: built.append(original(*a)) or built[-1])

    def run(searcher: object) -> int:
        q = whoosh_query(parse(text), dense.schema)
        everything = searcher.doc_count_all()  # type: ignore[attr-defined]
        for reader, _ in searcher.reader().leaf_readers():  # type: ignore[attr-defined]
            reader.__dict__.pop("_quoteidx_dense", None)  # nothing kept from other tests
        totals = []
        for limit in (3, None, 7):  # the second query keeps what it reads, the third uses it
            ours = _top(searcher, q, everything if limit is None else limit, {})
            theirs = searcher.search(q, limit=limit)  # type: ignore[attr-defined]
            assert [(h.docnum, h.score) for h in ours] == [(h.docnum, h.score) for h in theirs]
            totals.append(len(theirs))
        return totals[1]

    total = dense._read(run)
    assert bool(built) if keep == "every word" else keep != "none" or not built
    assert used and all(found is not None for found in used)
    if text.count('"') == 2 and text.endswith('"'):  # an exact phrase: read the texts
        def tokens(words: str) -> list[str]:
            return [t.text for t in words_analyzer()(words)]
        phrase, n = tokens(text), len(tokens(text))
        versions = {number: int(number % 3 == 0) for number in range(60)}
        expected = [q for q in live_quotes(versions, dense_words)
                    if any(w[i:i + n] == phrase for w in [tokens(q.text)]
                           for i in range(len(w)))]
        assert total == len(expected) > 0


def test_posting_blocks_decoded_in_parts_are_whooshs(dense: WhooshStore) -> None:
    """Every block of every term: the ids, weights and positions blocks.py reads from a
    block's parts are the ones Whoosh decodes from the whole block; blocks of both kinds
    (values split apart, and shared ones unpickled) are met."""
    from itertools import accumulate

    from whoosh.formats import Positions

    from quoteidx.storing.whoosh import blocks

    paths = {"split": 0, "whole": 0}

    def run(searcher: object) -> None:
        for reader, _ in searcher.reader().leaf_readers():  # type: ignore[attr-defined]
            for field, term in reader.all_terms():
                leaf = reader.postings(field, term)
                if type(leaf).__name__ != "W3LeafMatcher":
                    continue
                positions = type(leaf.format) is Positions
                for block in blocks.walk(leaf):
                    assert (block.count, block.last_id) == (leaf._blocklength, leaf._maxid)
                    leaf._read_data()
                    gaps, weights, values = leaf._data
                    ids, got, pieces = blocks.decode(leaf, block, values=positions)
                    assert ids == list(accumulate(gaps)) and blocks.decode(
                        leaf, block, values=False)[:2] == (ids, got)
                    assert got == (1.0 if weights is None else weights)
                    if positions:
                        assert [blocks.piece_positions(p) for p in pieces] == [  # type: ignore[union-attr]
                            leaf.format.decode_positions(v) for v in values]
                        raw = leaf._postfile.get(block.start, block.end - block.start)
                        raw = zlib.decompress(raw) if block.compression else raw
                        head = blocks._head(raw, block.count, block.last_id)
                        split = head and blocks.split_values(raw, head[2], block.count)
                        paths["split" if split else "whole"] += 1
                    if not leaf._lastblock:
                        leaf._next_block()

    dense._read(run)
    assert paths["split"] > 50 and paths["whole"] > 10


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


def scores_by_id(store: WhooshStore, text: str) -> dict[str, float | None]:
    return {hit.quote.id: hit.score
            for hit in store.search(SearchRequest(parse(text), limit=None)).hits}


def test_a_run_written_in_helper_processes_holds_what_one_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past PARALLEL_AFTER documents a run hands the rest to helper processes, a segment
    each: the same quotes, found with the same scores, replaced by a later run as any."""
    alone = open_store(tmp_path / "alone", create=True)
    helped = open_store(tmp_path / "helped", create=True)
    assert isinstance(alone, WhooshStore) and isinstance(helped, WhooshStore)
    add(alone, range(60))
    monkeypatch.setattr(writer_module, "PARALLEL_AFTER", 7)
    add(helped, range(60))
    assert helped.stats().segments == 3 and alone.stats().segments == 1
    for text in ["*", "ceasefire", '"the army"', "speaker:ann", "talks OR herat"]:
        assert scores_by_id(helped, text) == scores_by_id(alone, text)
    add(helped, range(0, 60, 2), version=1)  # replaces quotes in the helpers' segments
    add(alone, range(0, 60, 2), version=1)
    assert scores_by_id(helped, "*") == scores_by_id(alone, "*")
    assert helped.stats().quotes == alone.stats().quotes
    alone.close()
    helped.close()


def test_a_failed_run_stops_its_helpers_and_leaves_the_index_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import multiprocessing

    store = open_store(tmp_path / "ix", create=True)
    assert isinstance(store, WhooshStore)
    add(store, range(5))
    before = scores_by_id(store, "*")
    files = set(os.listdir(tmp_path / "ix"))
    monkeypatch.setattr(writer_module, "PARALLEL_AFTER", 3)
    with pytest.raises(RuntimeError), store.writer() as writer:
        for number in range(10, 30):
            source = Source(path=f"doc{number}.txt")
            quotes = quotes_of(source, random.Random(number), 5)
            writer.add_document(DocumentInfo(f"/docs/doc{number}.txt", f"x{number}", source,
                                             len(quotes)), quotes)
        assert multiprocessing.active_children()  # the helpers were writing
        raise RuntimeError("the run fails")
    assert not multiprocessing.active_children()
    assert scores_by_id(store, "*") == before
    store.tidy()
    assert set(os.listdir(tmp_path / "ix")) == files  # nothing of the failed run is left
    store.close()


def test_fuzzy_words_are_highlighted_over_several_segments(big: WhooshStore) -> None:
    """The words a fuzzy term finds are looked up segment by segment (over a multi-
    segment reader Whoosh reads every word of the index): the same words marked."""
    found = big.search(SearchRequest("talkz~", limit=5))
    assert found.hits and big.stats().segments > 1
    for hit in found.hits:
        marked = {hit.quote.text[start:end] for start, end in hit.spans}
        assert marked == {"talks"}


def test_a_quote_finds_its_documents_text_record_without_a_look_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document's records follow its quotes, through updates and merges: each quote
    reaches its document's text record by its offset, and gets its own source."""
    from whoosh.searching import Searcher

    store = open_store(tmp_path / "ix", create=True)
    assert isinstance(store, WhooshStore)
    add(store, range(30))
    add(store, range(0, 30, 4), version=1)
    monkeypatch.setattr(writer_module, "MAX_SEGMENTS", 1)  # this run merges everything
    add(store, range(1, 30, 5), version=2)
    assert store.stats().segments == 1
    looked_up = []
    original = Searcher.document_number

    def counting(self: Searcher, **kw: object) -> object:
        if "text_key" in kw:
            looked_up.append(kw)
        return original(self, **kw)

    monkeypatch.setattr(Searcher, "document_number", counting)
    hits = store.search(SearchRequest("*", limit=None)).hits
    versions = {n: 2 if n % 5 == 1 else int(n % 4 == 0) for n in range(30)}
    assert {hit.quote.id: hit.quote.source.path for hit in hits} == {
        q.id: q.source.path for q in live_quotes(versions)}
    assert looked_up == []
    store.close()


def segment_bytes(location: Path, hooked: bool) -> dict[str, bytes]:
    """The files of one segment written from the same quotes, by Whoosh's own writer or
    with the store's hooks (remember_missing_columns), keyed by their kind."""
    from whoosh import index

    from quoteidx.storing.whoosh.schema import build_schema, document_fields
    from quoteidx.storing.whoosh.storage import remember_missing_columns

    location.mkdir()
    ix = index.create_in(str(location), build_schema())
    writer = ix.writer(compound=False)
    if hooked:
        remember_missing_columns(writer)
    rng = random.Random(3)
    for number in range(40):
        source = Source(path=f"/c/{number}.txt", title=random_words(rng)[:40])
        # Documents without quotes, and quotes of 2 to 60 words: lengths absent and many.
        quotes = quotes_of(source, rng, rng.randint(0, 6))
        info = DocumentInfo(f"{number}.txt", f"h{number}", source, len(quotes))
        for fields in document_fields(info, quotes):
            writer.add_document(**fields)
    writer.commit()
    return {name.split("_", 1)[-1].split(".", 1)[-1]: (location / name).read_bytes()
            for name in os.listdir(location) if not name.endswith((".toc", ".lock"))}


def test_lengths_read_once_per_field_write_whooshs_segment(tmp_path: Path) -> None:
    # Each posting's field length goes into its block (and the term's min and max
    # lengths, which BM25's quality bounds use): read from a column decoded once, the
    # segment must be Whoosh's byte for byte.
    own = segment_bytes(tmp_path / "whoosh", hooked=False)
    hooked = segment_bytes(tmp_path / "hooked", hooked=True)
    assert len(own) > 3 and own.keys() == hooked.keys()
    for kind in own:
        assert own[kind] == hooked[kind], kind
