"""One identity per speaker across documents: what is merged, what is not, aliases, and
corrections (merge, split, reassign) kept beside the index and surviving a rebuild."""

from __future__ import annotations

import json
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quoteidx.identity import (
    Correction,
    CorrectionsError,
    add_correction,
    build_identities,
    corrections_path,
    load_corrections,
)
from quoteidx.indexing import index_paths
from quoteidx.record import Quote, Source

Cli = Callable[..., Any]
CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def q(ident: str, speaker: str | None, doc: str, mention: str | None = None,
      role: str | None = None, start: int = 0) -> Quote:
    return Quote(id=ident, text=f"words {ident}", kind="direct", speaker=speaker,
                 speaker_mention=mention or speaker, role=role, cue="said",
                 source=Source(path=f"{doc}.txt", publication=doc.title()),
                 start=start, end=start + 5, paragraph="")


def people(quotes: list[Quote], corrections: list[Correction] | None = None) -> dict[str, Any]:
    """Each person's name -> sorted ids of their quotes."""
    found = build_identities(quotes, corrections or [])
    return {p.name: sorted(quote.id for quote in p.quotes) for p in found.people}


# Merging, conservatively


def test_same_full_name_in_two_documents_is_one_person() -> None:
    found = build_identities([
        q("a1", "Ismail Khan", "gazette", role="commander"),
        q("b1", "Commander Ismail Khan", "herald", role="governor"),
        q("b2", "ismail KHAN", "herald", start=10),
    ])
    assert len(found.people) == 1
    person = found.people[0]
    assert person.name == "Ismail Khan"
    assert sorted(q.id for q in person.quotes) == ["a1", "b1", "b2"]
    assert "Commander Ismail Khan" in person.aliases
    assert person.roles == [("Gazette", "commander"), ("Herald", "governor")]
    assert person.sources == ["Gazette", "Herald"]


def test_a_shared_surname_across_documents_is_not_enough() -> None:
    found = build_identities([
        q("a1", "Ismail Khan", "gazette"), q("b1", "Bismillah Khan", "herald"),
        q("c1", "Khan", "times"), q("d1", "Khan", "post"),
    ])
    assert sorted((p.name, [quote.id for quote in p.quotes]) for p in found.people) == [
        ("Bismillah Khan", ["b1"]), ("Ismail Khan", ["a1"]), ("Khan", ["c1"]), ("Khan", ["d1"])]


def test_descriptions_and_one_word_names_stay_in_their_document() -> None:
    found = build_identities([
        q("a1", "a fighter", "gazette"), q("b1", "a fighter", "herald"),
        q("a2", "Hidaytullah", "gazette"), q("b2", "Hidaytullah", "herald"),
        q("a3", "Ministry of Defence", "gazette"), q("b3", "Ministry of Defence", "herald"),
    ])
    assert len(found.people) == 6


def test_a_shorter_name_joins_the_one_longer_name_it_shares_an_alias_with() -> None:
    # In one article the extractor left "Khan" as a speaker of its own, and also used
    # "Khan" for Ismail Khan: the same man.
    assert people([
        q("a1", "Ismail Khan", "gazette", mention="Ismail Khan"),
        q("a2", "Ismail Khan", "gazette", mention="Khan", start=10),
        q("a3", "Khan", "gazette", mention="Khan", start=20),
    ]) == {"Ismail Khan": ["a1", "a2", "a3"]}


def test_a_shorter_name_that_could_be_two_people_joins_neither() -> None:
    found = people([
        q("a1", "Ismail Khan", "gazette", mention="Khan"),
        q("a2", "Bismillah Khan", "gazette", mention="Khan", start=10),
        q("a3", "Khan", "gazette", start=20),
    ])
    assert found == {"Bismillah Khan": ["a2"], "Ismail Khan": ["a1"], "Khan": ["a3"]}


def test_a_shorter_name_without_a_shared_alias_stays_apart() -> None:
    assert len(people([q("a1", "Ismail Khan", "gazette"), q("a3", "Khan", "gazette")])) == 2


def test_pronouns_and_descriptions_are_not_aliases() -> None:
    found = build_identities([
        q("a1", "Ismail Khan", "gazette", mention="he"),
        q("a2", "Ismail Khan", "gazette", mention="The Commander", start=5),
        q("a3", "Ismail Khan", "gazette", mention="Commander Khan", start=9),
    ])
    assert found.people[0].aliases == ["Ismail Khan", "Commander Khan"]
    assert found.people[0].matches("commander khan") and found.people[0].matches("KHAN")
    assert not found.people[0].matches("Commander Ismail Khan Jr")
    assert not found.people[0].matches("he")


# Corrections, in the library


def test_merge_split_and_reassign_apply_in_order() -> None:
    quotes = [q("a1", "Ismail Khan", "gazette"), q("b1", "Khan", "herald"),
              q("b2", "Khan", "herald", start=10), q("c1", "Hidaytullah", "gazette", start=50)]
    merged = [Correction("merge", ("Ismail Khan", "Khan"))]
    assert people(quotes, merged) == {"Ismail Khan": ["a1", "b1", "b2"], "Hidaytullah": ["c1"]}
    split = [*merged, Correction("split", ("Ismail Khan", "Khan@herald"))]
    assert people(quotes, split) == {"Khan": ["b1", "b2"], "Ismail Khan": ["a1"],
                                     "Hidaytullah": ["c1"]}
    moved = [*split, Correction("reassign", quote="c1", speaker="Ismail Khan", role="general")]
    found = build_identities(quotes, moved)
    khan = found.find("Ismail Khan")[0]
    assert [quote.id for quote in khan.quotes] == ["a1", "c1"]
    moved_quote = khan.quotes[1]
    assert (moved_quote.speaker, moved_quote.role) == ("Ismail Khan", "general")
    assert moved_quote.extra == {"reassigned_from": "Hidaytullah"}
    assert found.warnings == []


def test_corrections_that_no_longer_apply_are_warnings() -> None:
    quotes = [q("a1", "Khan", "gazette"), q("b1", "Khan", "herald")]
    found = build_identities(quotes, [
        Correction("merge", ("Ismail Khan", "Khan")),
        Correction("merge", ("Khan", "Khan@herald")),
        Correction("reassign", quote="zzz", speaker="X"),
    ])
    assert len(found.people) == 2
    assert "nobody called 'Ismail Khan'" in found.warnings[0]
    assert "'Khan' could be 2 people" in found.warnings[1] and "NAME@SOURCE" in found.warnings[1]
    assert "no such quote" in found.warnings[2]


def test_corrections_file_round_trips_awkward_text(tmp_path: Path) -> None:
    ix = tmp_path / "ix"
    awkward = 'Dr "Ali" \\ O\'Brien\n\t\x1b[31m\x7f Zoë 🙂'
    add_correction(ix, Correction("merge", (awkward, "Khan@herald"), note="line1\nline2"))
    add_correction(ix, Correction("split", ("A", "B")))
    add_correction(ix, Correction("reassign", quote="abc", speaker=awkward, role="r"))
    path = Path(corrections_path(ix))
    assert path == tmp_path / "ix.corrections.toml"  # beside the folder, not in it
    tomllib.loads(path.read_text("utf-8"))  # valid TOML
    loaded = load_corrections(ix)
    assert [c.action for c in loaded] == ["merge", "split", "reassign"]
    assert loaded[0].names == (awkward.strip(), "Khan@herald")
    assert loaded[0].note == "line1\nline2"
    assert loaded[2].speaker == awkward.strip() and loaded[2].role == "r"
    assert path.read_text("utf-8").startswith("# quoteidx corrections")


def test_corrections_recorded_at_once_are_all_kept_and_the_file_keeps_its_mode(
    tmp_path: Path,
) -> None:
    """Each write replaces the file whole, so writers take turns (or one would lose the
    other's block); a hand edit without a final newline and the file's mode stay."""
    import os
    import threading

    ix = tmp_path / "ix"
    path = Path(corrections_path(ix))
    path.write_text("# mine, kept private\n[[correction]]\naction = 'split'\n"
                    "name = 'A'\nalias = 'B'", "utf-8")
    path.chmod(0o600)
    threads = [threading.Thread(target=add_correction, args=(
        ix, Correction("reassign", quote=f"q{n:03}", speaker="X"))) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    loaded = load_corrections(ix)
    assert sorted(c.quote for c in loaded if c.quote) == [f"q{n:03}" for n in range(20)]
    assert loaded[0].names == ("A", "B") and path.read_text().startswith("# mine")
    assert path.stat().st_mode & 0o777 == 0o600
    assert sorted(os.listdir(tmp_path)) == [path.name]  # no temporary file left


@pytest.mark.parametrize(("text", "message"), [
    ("[[correction]\n", "not valid TOML"),
    ('[[correction]]\naction = "rename"\n', "unknown action 'rename'"),
    ('[[correction]]\naction = "merge"\nnames = ["A"]\n', "two or more names"),
    ('[[correction]]\naction = "reassign"\nquote = "x"\n', "'speaker'"),
    ('correction = 3\n', "must be [[correction]] tables"),
])
def test_a_broken_corrections_file_says_where(tmp_path: Path, text: str, message: str) -> None:
    Path(corrections_path(tmp_path / "ix")).write_text(text, "utf-8")
    with pytest.raises(CorrectionsError, match="ix.corrections.toml") as caught:
        load_corrections(tmp_path / "ix")
    assert message in str(caught.value)


# From the command line, on the seeds


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("seeds")
    shutil.copytree(CORPUS, where / "corpus")
    index_paths([where / "corpus"], where / "ix")
    return where / "ix"


def test_speakers_on_the_seeds_show_aliases_roles_and_authorship(cli: Cli, seeds: Path) -> None:
    result = cli("speakers", "--index", seeds)
    assert result.exit_code == 0
    assert "also: Commander Khan," in result.stdout  # the whole list: --aliases below
    assert "author of The Independent" in result.stdout  # Kim Sengupta: author and speaker
    rows = json.loads(cli("speakers", "--index", seeds, "-f", "json", "--aliases").stdout)
    by_name = {row["speaker"]: row for row in rows}
    assert by_name["Ismail Khan"]["aliases"] == [
        "Ismail Khan", "Commander Khan", "Commander Ismail Khan", "Khan"]
    assert by_name["Kim Sengupta"]["wrote"] == ["The Independent"]
    assert by_name["Kim Sengupta"]["roles"] == [
        {"source": "The New Arab", "role": "defence and diplomatic editor for The Independent"}]
    # The default shape is unchanged for scripts that read it.
    plain = json.loads(cli("speakers", "--index", seeds, "-f", "json").stdout)
    assert set(plain[0]) == {"speaker", "role", "quotes", "sources"}


def test_by_speaker_matches_any_alias(cli: Cli, seeds: Path) -> None:
    def ids(name: str) -> list[str]:
        result = cli("by-speaker", name, "--index", seeds, "-f", "json")
        return [record["id"] for record in json.loads(result.stdout)]

    khan = ids("Ismail Khan")
    assert len(khan) == 10
    assert ids("Commander Khan") == khan == ids("khan")
    assert ids("Sengupta") == ids("Kim Sengupta") != []
    assert cli("by-speaker", "  ", "--index", seeds).exit_code == 2


def test_search_speaker_means_the_person(cli: Cli, seeds: Path) -> None:
    result = cli("search", "*", "--speaker", "Commander Khan", "-n", "3", "--index", seeds,
                 "-f", "json")
    assert len(json.loads(result.stdout)) == 3 and "3 of" not in result.stderr
    table = cli("search", "*", "--speaker", "Commander Khan", "-n", "3", "--index", seeds)
    assert "3 of 10 quotes" in table.stderr
    assert cli("search", "*", "--speaker", " ", "--index", seeds).exit_code == 2


# Corrections from the command line, surviving a rebuild

GAZETTE = """---
publication: The Gazette
---
Ismail Khan: The Taliban are the pawns of the Pakistanis
Hidaytullah: We pray for peace
"""
HERALD = """---
publication: The Herald
---
Khan: Herat will not fall
Khan: We have enough men
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
        (folder / f"{name}.txt").write_text(text)
    index_paths([folder], tmp_path / "ix", extract=fake_extract)
    return folder


def names(cli: Cli, ix: Path) -> dict[str, int]:
    rows = json.loads(cli("speakers", "--index", ix, "-f", "json").stdout)
    return {f"{row['speaker']}@{'+'.join(row['sources'])}": row["quotes"] for row in rows}


def test_corrections_from_the_cli_survive_a_rebuild(cli: Cli, docs: Path) -> None:
    ix = docs.parent / "ix"
    assert names(cli, ix) == {"Khan@The Herald": 2, "Hidaytullah@The Gazette": 1,
                              "Ismail Khan@The Gazette": 1, "Khan@The Times": 1}

    ambiguous = cli("merge-speakers", "Ismail Khan", "Khan", "--index", ix)
    assert ambiguous.exit_code == 2
    assert "'Khan' could be 2 people" in ambiguous.stderr and "NAME@SOURCE" in ambiguous.stderr
    assert not Path(corrections_path(ix)).exists()  # refused: nothing recorded

    merged = cli("merge-speakers", "Ismail Khan", "Khan@herald", "--note", "same man",
                 "--index", ix)
    assert merged.exit_code == 0, merged.stderr
    assert "recorded in" in merged.stderr
    assert cli("merge-speakers", "Ismail Khan", "Khan@herald", "--index", ix).exit_code == 0

    quote = json.loads(cli("search", "peace", "--index", ix, "-f", "json").stdout)[0]
    moved = cli("reassign", quote["id"], "Ismail Khan", "--role", "governor", "--index", ix)
    assert moved.exit_code == 0, moved.stderr
    assert cli("reassign", "000000000000", "X", "--index", ix).exit_code == 1

    expected = {"Ismail Khan@The Gazette+The Herald": 4, "Khan@The Times": 1}
    assert names(cli, ix) == expected
    rebuilt = cli("index", "--rebuild", docs, "--index", ix)
    assert rebuilt.exit_code == 0, rebuilt.output
    assert names(cli, ix) == expected  # the corrections survived the rebuild

    records = json.loads(cli("by-speaker", "Khan", "--index", ix, "-f", "json").stdout)
    assert {r["speaker"] for r in records} == {"Ismail Khan", "Khan"}
    peace = next(r for r in records if r["id"] == quote["id"])
    assert peace["role"] == "governor" and peace["extra"] == {"reassigned_from": "Hidaytullah"}
    searched = json.loads(cli("search", "peace", "--index", ix, "-f", "json").stdout)[0]
    assert searched["speaker"] == "Ismail Khan"  # search shows corrections too

    split = cli("split-speaker", "Ismail Khan", "Khan@herald", "--index", ix)
    assert split.exit_code == 0, split.stderr
    assert names(cli, ix) == {"Ismail Khan@The Gazette": 2, "Khan@The Herald": 2,
                              "Khan@The Times": 1}
    assert cli("split-speaker", "Ismail Khan", "Nobody", "--index", ix).exit_code == 2

    # The split undid the merge: the merge is gone rather than two corrections fighting.
    assert "cancels correction 1" in split.stderr
    listed = cli("corrections", "--index", ix)
    assert listed.exit_code == 0
    assert "merge 'Ismail Khan' + 'Khan@herald'" not in listed.stdout
    assert "split" not in listed.stdout
    assert "reassign quote" in listed.stdout
    text = Path(corrections_path(ix)).read_text("utf-8")
    assert text.count("[[correction]]") == 1  # the repeated merge was not recorded either


def test_a_stale_or_broken_corrections_file(cli: Cli, docs: Path) -> None:
    ix = docs.parent / "ix"
    assert cli("corrections", "--index", ix).exit_code == 1
    add_correction(ix, Correction("reassign", quote="gone00000000", speaker="X"))
    result = cli("speakers", "--index", ix)
    assert result.exit_code == 0
    assert "correction 1 (reassign quote gone00000000 to 'X'): no such quote" in result.stderr
    Path(corrections_path(ix)).write_text("[[correction]\n")
    for command in (["speakers"], ["by-speaker", "Khan"], ["search", "Herat"], ["corrections"]):
        broken = cli(*command, "--index", ix)
        assert broken.exit_code == 2, command
        assert "not valid TOML" in broken.stderr and "fix or remove it" in broken.stderr


# A reassigned quote moves to its new speaker; its mention does not go with it


def lee_and_khan(tmp_path: Path) -> Path:
    """Two quotes of Ann Lee's (buses, tram) in two papers and one of Ismail Khan's."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "gazette.txt").write_text(
        "---\npublication: The Gazette\n---\n"
        "Ann Lee: We need more buses\nIsmail Khan: Herat will not fall\n", "utf-8")
    (folder / "herald.txt").write_text(
        "---\npublication: The Herald\n---\nAnn Lee: The tram is late\n", "utf-8")
    return folder


def test_a_reassigned_quote_does_not_give_its_mention_to_the_new_speaker(
    tmp_path: Path, fresh_location: str, fake_extract: Any
) -> None:
    """Reassigning Ann Lee's quote to Ismail Khan made "Ann Lee" (the quote's mention)
    one of his names: people_meant("Ann Lee") found him too."""
    import quoteidx
    from quoteidx.identity import load_identities
    from quoteidx.index import CorrectionRefused

    folder = lee_and_khan(tmp_path)
    with quoteidx.open_index(fresh_location, create=True) as index:
        index.add([folder], extract=fake_extract)
        buses = index.search("buses").hits[0].quote
        tram = index.search("tram").hits[0].quote

        def texts(name: str) -> list[str]:
            return [hit.quote.text for hit in index.by_speaker(name).hits]

        def counts() -> dict[str, int]:
            people = {p.name: p.count for p in index.speakers()}
            every = {p.name: p.count for p in load_identities(index.store).people}
            assert people == every  # from the counts as from every quote
            return people

        index.reassign(buses.id, "Ismail Khan")
        meant = index.people_meant("Ann Lee")
        assert [(p.name, [q.id for q in p.quotes]) for p in meant] == [("Ann Lee", [tram.id])]
        khan = index.people_meant("Ismail Khan")
        assert [(p.name, p.aliases) for p in khan] == [("Ismail Khan", ["Ismail Khan"])]
        assert texts("Ismail Khan") == ["We need more buses", "Herat will not fall"]
        assert texts("Ann Lee") == ["The tram is late"]
        assert counts() == {"Ismail Khan": 2, "Ann Lee": 1}
        moved = index.get(buses.id)
        assert moved is not None and moved.extra == {"reassigned_from": "Ann Lee"}
        person = index.person(moved)
        assert person is not None and person.name == "Ismail Khan"
        # Nor is "Ann Lee" a name to split off him by.
        with pytest.raises(CorrectionRefused, match="no quote of 'Ismail Khan' is by"):
            index.split_speaker("Ismail Khan", "Ann Lee")

        # Her last quote moved too: "Ann Lee" means nobody.
        index.reassign(tram.id, "Ismail Khan")
        assert index.people_meant("Ann Lee") == []
        assert texts("Ann Lee") == []
        assert texts("Ismail Khan") == [
            "We need more buses", "Herat will not fall", "The tram is late"]
        assert counts() == {"Ismail Khan": 3}


def test_speaker_in_a_query_leaves_out_what_corrections_moved_away(
    tmp_path: Path, fresh_location: str, fake_extract: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once all of Ann Lee's quotes were reassigned, `speaker:"Ann Lee"` meant nobody and
    was searched as typed in the stored speaker field, which holds the extractor's
    speaker: it found both quotes, shown as Ismail Khan's, where by_speaker("Ann Lee")
    and search(..., speaker="Ann Lee") found none."""
    import quoteidx

    with quoteidx.open_index(fresh_location, create=True) as index:
        index.add([lee_and_khan(tmp_path)], extract=fake_extract)
        buses = index.search("buses").hits[0].quote
        tram = index.search("tram").hits[0].quote

        def found(query: str, **options: Any) -> tuple[list[str], int]:
            result = index.search(query, sort="date", **options)
            return [hit.quote.text for hit in result.hits], result.total

        index.reassign(buses.id, "Ismail Khan")
        assert found('speaker:"Ann Lee"') == (["The tram is late"], 1)  # a person still
        index.reassign(tram.id, "Ismail Khan")
        assert index.people_meant("Ann Lee") == []
        assert index.by_speaker("Ann Lee").hits == []
        assert index.search("*", speaker="Ann Lee").total == 0
        for query in ('speaker:"Ann Lee"', "speaker:Lee", 'speaker:"Ann Lee" tram'):
            assert found(query) == ([], 0), query
            assert found(query, limit=0) == ([], 0), query
        assert index.search('speaker:"Ann Lee"').people == ()
        # In OR, NOT and a limit: counted and limited as what is shown.
        assert found('speaker:"Ann Lee" OR Herat') == (["Herat will not fall"], 1)
        assert found('speaker:"Ann Lee" OR speaker:Ismail', limit=2)[1] == 3
        every = ["We need more buses", "Herat will not fall", "The tram is late"]
        assert sorted(found('NOT speaker:"Ann Lee"', limit=None)[0]) == sorted(every)
        assert found('NOT speaker:"Ann Lee"', limit=1)[1] == 3
        assert found('speaker:"Ismail Khan" speaker:Lee') == ([], 0)
        assert found('speaker:"Ismail Khan"', limit=None)[1] == 3

        # The quotes left out are the moved ones the name finds; a name finding none of
        # them is searched as typed, as before.
        from quoteidx.querying.tree import And, Not, Or, Phrase, Quotes, Term

        asked: list[Any] = []
        store = index.store
        real = store.search
        monkeypatch.setattr(store, "search", lambda request: asked.append(request.tree)
                            or real(request))
        index.search('speaker:"Ann Lee" OR tram')
        moved = tuple(sorted((buses.id, tram.id)))
        assert asked[-1] == Or((And((Phrase("speaker", "Ann Lee"), Not(Quotes(moved)))),
                                Term("text", "tram")))
        index.search('speaker:"Nobody Here" OR tram')
        assert asked[-1] == Or((Phrase("speaker", "Nobody Here"), Term("text", "tram")))


def test_a_reassigned_quote_says_a_correction_found_its_speaker(
    tmp_path: Path, fresh_location: str, fake_extract: Any
) -> None:
    """The extractor found Ann Lee through "she"; reassigned to Ismail Khan, the quote
    showed "via pronoun" under his name, and every data format kept resolved_by
    "pronoun" (csv, which has no `extra`, with nothing to say a correction moved it)."""
    import csv
    import io
    from dataclasses import replace

    from rich.console import Console

    import quoteidx
    from quoteidx.identity import reassigned
    from quoteidx.presenting.human import found_by, quote_panel

    def extract(document: Any) -> list[Quote]:
        return [replace(quote, speaker_mention="she", resolved_by="pronoun")
                if quote.text == "We need more buses" else quote
                for quote in fake_extract(document)]

    with quoteidx.open_index(fresh_location, create=True) as index:
        index.add([lee_and_khan(tmp_path)], extract=extract)
        buses = index.search("buses").hits[0].quote
        assert found_by(buses) == "via pronoun 'she'"
        index.reassign(buses.id, "Ismail Khan")

        for moved in (index.get(buses.id), index.search("buses").hits[0].quote,
                      index.by_speaker("Ismail Khan").hits[0].quote):
            assert moved is not None and moved.speaker == "Ismail Khan"
            assert (moved.resolved_by, moved.speaker_mention) == ("correction", None)
            assert found_by(moved) == "reassigned from 'Ann Lee' by a correction"
        console = Console(width=100, record=True)
        console.print(quote_panel(moved))
        panel = console.export_text()
        assert "found by         correction" in panel
        assert "reassigned from  Ann Lee" in panel
        assert "pronoun" not in panel and "she" not in panel

        out = io.StringIO()
        index.export("buses", "jsonl", out)
        record = json.loads(out.getvalue())
        assert (record["speaker"], record["resolved_by"]) == ("Ismail Khan", "correction")
        assert record["extra"] == {"reassigned_from": "Ann Lee"}
        assert record["speaker_mention"] is None
        out = io.StringIO()
        index.export("buses", "csv", out)
        row = next(csv.DictReader(io.StringIO(out.getvalue())))
        assert (row["speaker"], row["resolved_by"], row["speaker_mention"]) == (
            "Ismail Khan", "correction", "")
        # The others keep what the extractor found.
        herat = index.search("Herat").hits[0].quote
        assert (herat.resolved_by, herat.extra) == (None, {})

    unattributed = q("u1", None, "gazette")
    moved = reassigned([unattributed], [Correction("reassign", quote="u1", speaker="X")])[0]
    assert found_by(moved) == "attributed by a correction"


OSC52 = "\x1b]52;c;ZXZpbA==\x07"  # "write 'evil' to the clipboard"
CLEAR = "\x1b[2J"


def test_correction_summaries_print_names_and_publications_escaped(
    cli: Cli, tmp_path: Path, fake_extract: Any
) -> None:
    """The summaries merge-speakers, split-speaker and reassign print used to write
    names, publications and paths raw: an OSC 52 sequence in a publication wrote to
    the user's clipboard. Everything printed goes through one escaping function."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "gazette.txt").write_text(GAZETTE)
    (folder / "herald.txt").write_text(HERALD.replace("The Herald", f"{OSC52}Herald{CLEAR}"))
    (folder / "times.txt").write_text(f"Hidaytullah\u202e: {CLEAR} said words\n")
    ix = tmp_path / "ix"
    index_paths([folder], ix, extract=fake_extract)

    quote = json.loads(cli("search", "words", "--index", ix, "-f", "json").stdout)[0]
    runs = [cli("merge-speakers", "Ismail Khan", "Khan@herald", "--note", f"n{CLEAR}",
                "--index", ix),
            cli("split-speaker", "Ismail Khan", "Khan@herald", "--index", ix),
            cli("reassign", quote["id"], f"Ismail{OSC52} Khan", "--index", ix),
            cli("corrections", "--index", ix), cli("speakers", "--index", ix),
            cli("by-speaker", f"Nobody{CLEAR}", "--index", ix)]
    for result in runs:
        assert "\x1b" not in result.stdout + result.stderr, result.stderr
        assert "\x07" not in result.stdout + result.stderr and "\u202e" not in result.stderr
    merged = runs[0].stderr
    shown = "Ismail Khan (also: Khan): 3 quotes in The Gazette; \\x1b]52;c;ZXZpbA==\\x07Herald"
    assert shown in merged
    assert "\\x1b[2J" in runs[2].stderr + runs[5].stderr


@pytest.mark.parametrize("command", ["merge-speakers", "split-speaker", "reassign",
                                     "corrections"])
def test_correction_commands_have_help_with_an_example(cli: Cli, command: str) -> None:
    result = cli(command, "--help")
    assert result.exit_code == 0 and "Example:" in result.stdout and "Exit codes" in result.stdout


# Looking one person up costs what they said, not the whole index


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_a_person_looked_up_by_name_is_the_same_as_over_the_whole_index(tmp_path: Path) -> None:
    from quoteidx.identity import load_identities
    from quoteidx.storing import open_store

    docs = tmp_path / "docs"
    shutil.copytree(CORPUS, docs)
    _write(docs, "herald.txt",
           "Ismail Khan, the governor, spoke on Monday. “We will hold the city,” Khan said.\n\n"
           "Bismillah Khan Mohammedi, the minister, said the army was ready.\n\n"
           "“Nobody will leave,” said Maria Khan, a teacher.\n")
    _write(docs, "gazette.txt",
           "“The roads are closed,” said Omar Haddad, a driver.\n\n"
           "Haddad added: “We wait for news every day.”\n")
    ix = tmp_path / "ix"
    index_paths([docs], ix)
    add_correction(ix, Correction("merge", names=("Omar Haddad", "Hidaytullah")))
    with open_store(ix) as store:
        whole = load_identities(store)
        for name in ("Khan", "Ismail Khan", "Nezami", "Shariyar Nezami", "Haddad",
                     "Hidaytullah", "Commander Khan", "Maria", "Sengupta"):
            targeted = load_identities(store, about=name)

            def by_name(found: Any, name: str = name) -> dict[str, list[str]]:
                return {p.name: sorted(q.id for q in p.quotes) for p in found.find(name)}

            assert by_name(targeted) == by_name(whole), name
            assert by_name(whole), name
