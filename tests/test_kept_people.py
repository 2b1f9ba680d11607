"""The people quoted, kept with the index once built (quoteidx.identity.kept): read back,
they are exactly the people building them afresh gives (names, counts, roles, aliases,
sources, what each was built from, their quotes, the stale corrections) after every
kind of change to the index and to its corrections; a listing that is stale, torn,
damaged or unreadable is built again, never an error; a read-only index still lists
its people. The Whoosh backend keeps them; PostgreSQL keeps nothing and builds them
every time, with the same results."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from test_reliability_processes import WAIT, no_traceback, quoteidx, unprivileged

import quoteidx as quoteidx_api
from quoteidx.identity import Correction, corrections_path, kept, load_identities
from quoteidx.identity.listing import load_speakers
from quoteidx.index import Index
from quoteidx.storing import Store

__all__ = ["unprivileged"]  # a fixture

pytestmark = pytest.mark.filterwarnings("ignore::quoteidx.index.CorrectionWarning")

HERALD = ("Ismail Khan, the governor, spoke on Monday. “We will hold the city,” Khan said.\n\n"
          "Bismillah Khan Mohammedi, the minister, said the army was ready.\n\n"
          "“Nobody will leave,” said Maria Khan, a teacher.\n\n"
          "“The bridge is open,” Ms. Khan said.\n")
GAZETTE = ("---\nauthor: Omar Haddad\n---\n"
           "“The roads are closed,” said Omar Haddad, a driver.\n\n"
           "Haddad added: “We wait for news every day.”\n\n"
           "“We will hold the city,” said Ismail Khan, the governor of Herat.\n")
TIMES = ("“Prices are rising,” said Maria Khan, a teacher.\n\n"
         "“Nothing is decided,” said a spokesman for the ministry.\n")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in (("herald", HERALD), ("gazette", GAZETTE), ("times", TIMES)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def index(docs: Path, fresh_location: str) -> Iterator[Index]:
    with quoteidx_api.open_index(fresh_location, create=True) as opened:
        opened.add([docs])
        yield opened


def described(people: Any, warnings: list[str]) -> dict[str, Any]:
    """Everything a listing says of each person, and of the corrections."""
    return {
        "people": [(p.name, p.count, p.role, p.aliases, p.roles, p.sources, p.wrote)
                   for p in people],
        "said": [p.said for p in people],
        "quotes": [[quote.id for quote in p.quotes] for p in people],
        "warnings": warnings,
    }


@contextmanager
def nothing_kept(store: Store) -> Iterator[None]:
    """The store as one that keeps nothing: what building the people gives."""
    store.kept = lambda name: None  # type: ignore[method-assign]
    store.keep = lambda name, data: None  # type: ignore[method-assign]
    try:
        yield
    finally:
        del store.kept, store.keep  # type: ignore[attr-defined]


def afresh(index: Index) -> dict[str, Any]:
    with nothing_kept(index.store):
        found = load_speakers(index.store)
    return described(found.people, found.warnings)


def listed(index: Index) -> dict[str, Any]:
    """What `speakers` and the stale corrections say, from what is kept if anything is."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        people = index.speakers()
    return described(people, [str(warning.message) for warning in caught])


def builds(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts each time the people are built from the index's counts."""
    calls: list[int] = []
    real = store.speaker_counts

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "speaker_counts", counted)
    return calls


def kept_file(index: Index) -> Path:
    return Path(index.location) / "people.kept"


def keeps(index: Index) -> bool:
    return index.store.version() is not None


def test_kept_people_are_the_people_built_afresh_after_every_change(
        index: Index, docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def quote(text: str) -> str:
        return next(hit.quote.id for hit in index.search("*", limit=None).hits
                    if hit.quote.text == text)

    def add(name: str, text: str) -> None:
        (docs / name).write_text(text, encoding="utf-8")
        index.add([docs])

    steps: list[tuple[str, Any]] = [
        ("as indexed", lambda: None),
        ("a new document", lambda: add("post.txt", "“It is over,” said Maria Lopez, a nurse.\n")),
        ("a changed document", lambda: add("herald.txt",
                                           HERALD.replace("Maria Khan", "Maria Lopez"))),
        ("a document gone", lambda: ((docs / "times.txt").unlink(), index.add([docs], prune=True))),
        ("a merge", lambda: index.merge_speakers("Omar Haddad", "Bismillah Khan Mohammedi")),
        ("a split", lambda: index.split_speaker("Maria Lopez", "Maria Lopez@post")),
        ("a reassignment", lambda: index.reassign(quote("Nobody will leave"), "Jane Roe",
                                                  role="spokeswoman")),
        ("a stale correction", lambda: index.store.add_correction(
            Correction("merge", ("Nobody Here", "Ismail Khan")))),
        ("a correction removed", lambda: index.remove_correction(1)),
        ("a reassigned quote's document re-indexed", lambda: add(
            "herald.txt", HERALD.replace("Nobody will leave", "Nobody will stay"))),
        ("a rebuild", lambda: ((docs / "post.txt").write_text(
            "“It is over,” said Maria Lopez, a doctor.\n", encoding="utf-8"),
            index.add([docs], rebuild=True))),
    ]
    seen = []
    for step, change in steps:
        change()
        expected = afresh(index)
        assert listed(index) == expected, step  # built, and kept
        calls = builds(index.store, monkeypatch)
        assert listed(index) == expected, step  # read back where kept
        assert len(calls) == (0 if keeps(index) else 1), step
        seen.append(expected)
    # Each step changed what is listed, so a listing kept for the step before would
    # have been wrong; and the people are those of every quote, as before anything
    # was kept.
    assert [step for (step, _), a, b in zip(steps[1:], seen, seen[1:], strict=False)
            if a == b] == []
    every = load_identities(index.store)
    assert seen[-1]["people"] == [(p.name, p.count, p.role, p.aliases, p.roles, p.sources,
                                   p.wrote) for p in every.people]
    assert seen[-1]["quotes"] == [[quote.id for quote in p.quotes] for p in every.people]
    assert seen[-1]["warnings"] == every.warnings and len(every.warnings) == 3


def test_a_correction_recorded_leaves_its_people_kept(
        index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    """Recording a correction builds the people with it, to check it: those are kept
    for the next read. One refused, or with nothing to record, keeps what was kept."""
    listed(index)
    calls = builds(index.store, monkeypatch)
    recorded = index.merge_speakers("Omar Haddad", "Bismillah Khan Mohammedi")
    assert recorded.recorded and len(calls) == (1 if keeps(index) else 2)  # with it, kept
    calls.clear()
    people = listed(index)
    assert len(calls) == (0 if keeps(index) else 1) and people == afresh(index)
    assert ["Omar Haddad", "Bismillah Khan Mohammedi"] in [p[3][:2] for p in people["people"]]
    with pytest.raises(ValueError, match="nobody called"):
        index.merge_speakers("Nobody Here", "Ismail Khan")
    assert not index.merge_speakers("Omar Haddad", "Bismillah Khan Mohammedi").recorded
    calls.clear()
    assert listed(index) == people and len(calls) == (0 if keeps(index) else 1)


@pytest.mark.parametrize("fresh_location", ["whoosh"], indirect=True)  # a folder keeps them
def test_corrections_edited_by_hand_are_applied(
        index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    listed(index)
    path = Path(corrections_path(index.location))
    path.write_text('[[correction]]\naction = "merge"\n'
                    'names = ["Omar Haddad", "Bismillah Khan Mohammedi"]\n', encoding="utf-8")
    assert listed(index) == afresh(index)
    assert ["Omar Haddad", "Bismillah Khan Mohammedi"] in [
        person[3][:2] for person in listed(index)["people"]]
    path.write_text(path.read_text(encoding="utf-8") + 'note = "the same man"\n',
                    encoding="utf-8")
    calls = builds(index.store, monkeypatch)
    people = listed(index)
    assert len(calls) == 1 and people == afresh(index)  # built again: cheap insurance


@pytest.mark.parametrize("fresh_location", ["whoosh"], indirect=True)  # a folder keeps them
def test_a_listing_kept_by_other_code_is_not_used(
        index: Index, monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgrade (or a checkout) changes how people are built, not the index."""
    expected = listed(index)
    forged = load_speakers(index.store)
    forged.people[0].name = "Someone Else"
    forged.people[0].said  # noqa: B018  (read before it is written out)
    kept.keep(index.store, forged)
    assert listed(index)["people"][0][0] == "Someone Else"  # what is kept is what is read
    monkeypatch.setattr(kept, "_code", lambda: "another version of quoteidx")
    assert listed(index) == expected


@pytest.mark.parametrize("fresh_location", ["whoosh"], indirect=True)  # a folder keeps them
@pytest.mark.parametrize("damage", ["truncated", "one byte changed", "empty", "garbage",
                                    "another format", "a folder", "a fifo"])
def test_a_damaged_or_unreadable_listing_is_built_again(
        index: Index, damage: str, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = listed(index)
    path = kept_file(index)
    data = path.read_bytes()
    path.unlink()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "one byte changed":  # in a name: still a listing, of someone else
        path.write_bytes(data.replace(b"Omar Haddad", b"Omar Haddae", 1))
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "garbage":
        path.write_bytes(os.urandom(len(data)))
    elif damage == "another format":
        path.write_bytes(data.replace(kept.FORMAT, b"quoteidx people 0\n", 1))
    elif damage == "a folder":
        path.mkdir()
    else:
        os.mkfifo(path)  # read, it would wait for a writer for ever
    calls = builds(index.store, monkeypatch)
    assert listed(index) == expected and len(calls) == 1
    if damage not in ("a folder", "a fifo"):
        assert path.read_bytes() == data  # kept again, whole
        assert listed(index) == expected and len(calls) == 1
    assert not [name for name in os.listdir(index.location) if ".tmp-" in name]


def test_a_commit_while_the_people_are_built_keeps_nothing_stale(
        index: Index, docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The people are built from one state of the index: if another process commits
    meanwhile, what was built is not kept as the new state's."""
    store = index.store
    real = store.speaker_counts

    def then_a_commit(*args: Any, **kwargs: Any) -> Any:
        found = real(*args, **kwargs)
        (docs / "post.txt").write_text("“It is over,” said Maria Lopez, a nurse.\n",
                                       encoding="utf-8")
        with quoteidx_api.open_index(index.location) as other:
            other.add([docs])
        return found

    monkeypatch.setattr(store, "speaker_counts", then_a_commit)
    before = [person.name for person in index.speakers()]
    assert "Maria Lopez" not in before
    monkeypatch.undo()
    assert "Maria Lopez" in [person.name for person in index.speakers()]
    assert listed(index) == afresh(index)


@pytest.mark.parametrize("fresh_location", ["whoosh"], indirect=True)  # a folder keeps them
def test_a_killed_write_leaves_the_listing_whole_and_its_file_is_cleared(
        index: Index, docs: Path) -> None:
    listed(index)
    path = kept_file(index)
    before = path.read_bytes()
    half = path.with_name("people.kept.tmp-0123abcd")
    half.write_bytes(before[:100])  # what a write killed half-way leaves
    assert listed(index) == afresh(index) and path.read_bytes() == before
    (docs / "post.txt").write_text("“It is over,” said Maria Lopez, a nurse.\n",
                                   encoding="utf-8")
    index.add([docs])  # a writer clears what killed runs left
    assert not half.exists()


def test_a_disk_full_while_keeping_is_no_error(tmp_path: Path, docs: Path) -> None:
    """A write limit (as a full disk): `speakers` lists the people, and the listing
    kept before is left as it was, no temporary file beside it."""
    resource = pytest.importorskip("resource")
    ix = tmp_path / "ix"
    code, _out, err = quoteidx("index", docs, "--index", ix)
    assert code == 0, err
    code, listing, err = quoteidx("speakers", "-f", "jsonl", "--index", ix)
    assert code == 0 and err == "", err
    kept_before = (ix / "people.kept").read_bytes()
    with quoteidx_api.open_index(ix) as index:
        index.merge_speakers("Omar Haddad", "Bismillah Khan Mohammedi")
        expected = "".join(f"{line}\n" for line in _jsonl(index))
    (ix / "people.kept").write_bytes(kept_before)  # as before the merge: stale
    limit = 1000

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    code, out, err = quoteidx("speakers", "-f", "jsonl", "--index", ix, preexec_fn=small_files)
    assert code == 0 and err == "", err
    no_traceback(err)
    assert out == expected != listing
    assert (ix / "people.kept").read_bytes() == kept_before
    assert not [name for name in os.listdir(ix) if ".tmp-" in name]


def _jsonl(index: Index) -> list[str]:
    import json

    return [json.dumps({"speaker": p.name, "role": p.role, "quotes": p.count,
                        "sources": p.sources}, ensure_ascii=False) for p in index.speakers()]


def test_a_read_only_index_lists_its_people(
        unprivileged: dict[str, Any], tmp_path: Path, docs: Path) -> None:
    ix = tmp_path / "ix"
    code, _out, err = quoteidx("index", docs, "--index", ix)
    assert code == 0, err
    try:
        for name in os.listdir(ix):
            os.chmod(ix / name, 0o444)
        os.chmod(ix, 0o555)
        probe = subprocess.run([sys.executable, "-c", "import sys; open(sys.argv[1], 'w')",
                                str(ix / "probe")], capture_output=True, timeout=WAIT,
                               **unprivileged)
        if probe.returncode == 0:
            pytest.skip("cannot make a process here that permission bits stop")
        files = sorted(os.listdir(ix))
        outputs = []
        for _ in range(2):
            code, out, err = quoteidx("speakers", "-f", "jsonl", "--index", ix, **unprivileged)
            assert code == 0 and err == "", err
            outputs.append(out)
        assert sorted(os.listdir(ix)) == files  # nothing kept, and no error for it
    finally:
        os.chmod(ix, 0o755)
    with quoteidx_api.open_index(ix) as index:
        assert outputs == ["".join(f"{line}\n" for line in _jsonl(index))] * 2


def _records(people: Any, aliases: bool) -> list[dict[str, Any]]:
    """What `speakers` writes of each person (Index.speaker_records), from the people."""
    found = []
    for p in people:
        record = {"speaker": p.name, "role": p.role, "quotes": p.count, "sources": p.sources}
        if aliases:
            record.update(aliases=p.aliases, wrote=p.wrote,
                          roles=[{"source": label, "role": role} for label, role in p.roles])
        found.append(record)
    return found


@pytest.mark.parametrize("fragment", [None, "khan", "KHÁN", "nobody"])
def test_speaker_records_are_the_people_listed_read_back_without_making_them(
        index: Index, fragment: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    index.merge_speakers("Omar Haddad", "Bismillah Khan Mohammedi")
    index.store.add_correction(Correction("merge", ("Nobody Here", "Ismail Khan")))  # stale

    def said(call: Any) -> tuple[Any, list[str]]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            found = call()
        return found, [str(warning.message) for warning in caught]

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("a person was made")

    for aliases in (False, True):
        with nothing_kept(index.store):
            expected = said(lambda a=aliases: _records(index.speakers(fragment), a))
        assert len(expected[1]) == 1 and (fragment != "khan" or len(expected[0]) == 3)
        records = partial(index.speaker_records, fragment, aliases=aliases)
        assert said(records) == expected
        if keeps(index):  # read back from what is kept: rows, no person made
            monkeypatch.setattr(kept, "Identity", refused)
            assert said(records) == expected
            monkeypatch.undo()
