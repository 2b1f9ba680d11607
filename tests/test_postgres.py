"""What only the PostgreSQL backend has to do: analyse words exactly as the Whoosh
backend does, keep user text out of the SQL, share one index between several writers
at once, and turn a server that is down, a wrong password, a missing database or a
connection lost mid-run into one line and exit 2, with nothing half-written and no
password shown. (Everything else runs on both backends in the shared tests.)"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quoteidx.indexing import index_paths
from quoteidx.querying import SearchRequest
from quoteidx.reading import Document
from quoteidx.record import Quote
from quoteidx.storing import IndexIncompatible, StoreError, open_store

Cli = Callable[..., Any]
Extract = Callable[[Document], list[Quote]]

# Analysis: the same words, offsets and positions as Whoosh's analysers

WORDY = st.lists(st.sampled_from([*"abcdeéïøßAZ019 .,-'’*_\nİﬁǄ", "Pakistanis", "Afghan",
                                   "U.S.", "fighting"]), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(WORDY)
# A word's final dot is not part of it: CPython 3.11.2's possessive repeats kept it
@example("U.S. ")
@example("a.b. c.d.")
def test_words_and_names_are_analysed_as_whoosh_does(text: str) -> None:
    from quoteidx.storing.postgres.analysis import name_tokens, word_tokens
    from quoteidx.storing.whoosh.schema import names_analyzer, words_analyzer

    def whoosh(analyzer: Any) -> list[tuple[int, tuple[int, int, str]]]:
        return [(t.pos, (t.startchar, t.endchar, t.text))
                for t in analyzer(text, mode="index", positions=True, chars=True)]

    assert list(word_tokens(text)) == whoosh(words_analyzer())
    assert list(name_tokens(text)) == whoosh(names_analyzer())
    # ...and the fast forms made for storing give the same words at the same positions
    from quoteidx.storing.postgres.analysis import exact_tokens, text_vectors, vector

    def slow(tokens: Any) -> dict[str, list[int]]:
        positions: dict[str, list[int]] = {}
        for position, (_, _, form) in tokens:
            at = positions.setdefault(form, [])
            if position + 1 not in at:
                at.append(position + 1)
        return {form: at for form, at in positions.items() if form}

    assert text_vectors(text) == (slow(word_tokens(text)), slow(exact_tokens(text)))
    assert vector("names", text) == slow(name_tokens(text))


def test_vectors_keep_fields_apart_and_quote_every_word() -> None:
    from quoteidx.storing.postgres.analysis import lexeme, vector, vector_text

    positions = vector("words", "Pakistanis fight", "O'Brien")
    assert positions == {"pakistani": [1], "pakistan": [1], "fight": [2], "o": [4],
                         "brien": [5]}
    assert lexeme("it's \\ & |") == "'it''s \\\\ & |'"
    assert vector_text({"a'b": [1, 3]}) == "'a''b':1,3"


# User text stays data


@pytest.fixture
def store(postgres_database: str) -> Any:
    from test_storing import fill

    opened = open_store(postgres_database, create=True)
    fill(opened)
    yield opened
    opened.close()


@pytest.mark.parametrize("query", [
    "'); DROP TABLE quotes; --", "it's", "a\\'b", "x:* | y", "speaker:\"o'brien\"",
    "role:(a' OR b\\)", "%_* AND p?k*", "id:'; DELETE FROM quotes", "pak*' ~2",
])
def test_user_text_never_becomes_sql(store: Any, query: str) -> None:
    from quoteidx.querying import QueryError

    with contextlib.suppress(QueryError):  # one the user must fix is fine...
        store.search(SearchRequest(query))
    # ...but the index is untouched
    assert store.stats().quotes == 6
    assert store.search(SearchRequest("", speaker="o'brien")).total == 0


def test_patterns_match_their_own_characters_only(store: Any) -> None:
    # LIKE's own wildcards, % and _, are characters like any other in a query
    assert store.search(SearchRequest("pak%*")).total == 0
    assert store.search(SearchRequest("pak_*")).total == 0
    assert store.search(SearchRequest("id:_*")).total == 0
    assert store.search(SearchRequest("pak*")).total == 4
    assert store.search(SearchRequest("p?k*")).total == 4


# Several writers at once


@pytest.fixture
def many_docs(tmp_path: Path) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(40):
        (folder / f"{number:03}.txt").write_text(
            f"Ann Lee: quote {number} about harvests\nBo Chan: reply {number}\n")
    return folder


def test_concurrent_runs_into_one_database_give_no_errors_and_no_duplicates(
    postgres_database: str, many_docs: Path, fake_extract: Extract,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("quoteidx.storing.postgres.writer.BATCH_QUOTES", 10)
    files = sorted(many_docs.iterdir())
    shares = [files, files[::2], files[1::2], files[10:30]]  # overlapping on purpose
    errors: list[BaseException] = []

    def run(paths: list[Path]) -> None:
        try:
            index_paths(paths, postgres_database, extract=fake_extract, timeout=60)
        except BaseException as err:  # noqa: BLE001  (reported below)
            errors.append(err)

    threads = [threading.Thread(target=run, args=(share,)) for share in shares]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with open_store(postgres_database) as store:
        stats = store.stats()
        assert (stats.documents, stats.quotes) == (40, 80)
        hits = store.search(SearchRequest("*", limit=None)).hits
        assert len({hit.quote.id for hit in hits}) == 80
    again = index_paths([many_docs], postgres_database, extract=fake_extract)
    assert (again.unchanged, again.quotes_added) == (40, 0)  # idempotent


# Failures as one line, exit 2, nothing half-written, no password shown


def _with(url: str, *, password: str | None = None, port: int | None = None,
          database: str | None = None) -> str:
    parts = urlsplit(url)
    user = parts.username or ""
    netloc = f"{user}:{password or parts.password}@{parts.hostname}:{port or parts.port}"
    return urlunsplit(parts._replace(netloc=netloc, path=f"/{database}" if database
                                     else parts.path))


def _one_line_error(result: Any, secret: str) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert secret not in result.output and "Traceback" not in result.output
    return lines[0]


def test_server_down_wrong_password_and_missing_database(
    cli: Cli, postgres_database: str, tmp_path: Path
) -> None:
    from quoteidx.storing.postgres.local import free_port

    (tmp_path / "a.txt").write_text("Ann Lee: words\n")
    secret = urlsplit(postgres_database).password or ""
    down = _with(postgres_database, port=free_port(), password="hunter2-secret")
    wrong = _with(postgres_database, password="hunter2-secret")
    missing = _with(postgres_database, database="no_such_db")
    for command in (["search", "words"], ["index", tmp_path / "a.txt"], ["stats"]):
        line = _one_line_error(cli(*command, "--index", down), "hunter2-secret")
        assert "cannot reach the PostgreSQL server" in line and "***" in line
        line = _one_line_error(cli(*command, "--index", wrong), "hunter2-secret")
        assert "refused the login" in line
        line = _one_line_error(cli(*command, "--index", missing), secret)
        assert "no database 'no_such_db'" in line


def test_a_connection_lost_mid_run_saves_nothing(
    cli: Cli, postgres_database: str, many_docs: Path, fake_extract: Extract,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import psycopg

    index_paths([many_docs / "000.txt"], postgres_database, extract=fake_extract)
    monkeypatch.setattr("quoteidx.storing.postgres.writer.BATCH_QUOTES", 4)
    seen = []

    def extract_then_cut(document: Document) -> list[Quote]:
        seen.append(document)
        if len(seen) == 20:  # batches already sent: the server drops the writer
            with psycopg.connect(postgres_database, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        return fake_extract(document)

    monkeypatch.setattr("quoteidx.extract.extract_document", extract_then_cut)
    line = _one_line_error(cli("index", many_docs, "--index", postgres_database),
                           urlsplit(postgres_database).password or "")
    assert "lost the connection" in line and "***" in line
    with open_store(postgres_database) as store:
        assert (store.stats().documents, store.stats().quotes) == (1, 2)


def test_the_location_never_holds_the_password(postgres_database: str) -> None:
    secret = urlsplit(postgres_database).password
    with open_store(postgres_database, create=True) as store:
        assert secret and secret not in store.location and "***" in store.location
        assert secret not in store.stats().location
        assert secret not in store.corrections_location


# Versions and foreign tables


def test_an_index_of_another_version_is_refused_then_rebuilt_keeping_corrections(
    postgres_database: str, many_docs: Path, fake_extract: Extract
) -> None:
    import psycopg

    from quoteidx.identity import Correction

    index_paths([many_docs / "000.txt"], postgres_database, extract=fake_extract)
    with open_store(postgres_database) as store:
        store.add_correction(Correction("merge", ("Ann Lee", "Bo Chan")))
    with psycopg.connect(postgres_database, autocommit=True) as conn:
        conn.execute("UPDATE quoteidx_meta SET value = '0' WHERE key = 'version'")
    with pytest.raises(IndexIncompatible, match="another version"):
        open_store(postgres_database)
    report = index_paths([many_docs / "001.txt"], postgres_database, extract=fake_extract,
                         rebuild=True)
    assert (report.documents, report.quotes) == (1, 2)
    with open_store(postgres_database) as store:
        assert [c.names for c in store.corrections()] == [("Ann Lee", "Bo Chan")]


@pytest.fixture
def sourced_docs(tmp_path: Path) -> Path:
    """Documents whose sources have a title, a publication and an author."""
    folder = tmp_path / "sourced"
    folder.mkdir()
    for number in range(12):
        (folder / f"{number:03}.txt").write_text(
            f"---\ntitle: Harvest {'talks' if number % 3 else 'fails'} in province {number}\n"
            f"publication: The {'Herald' if number % 2 else 'Gazette'}\n"
            f"author: Kim {'Lee' if number % 4 else 'Chan'}\ndate: 2021-0{number % 9 + 1}-01\n---\n"
            f"Ann Lee: quote {number} about harvests\nBo Chan: reply {number} on talks\n",
            encoding="utf-8")
    return folder


SOURCE_QUERIES = ["title:talks", 'publication:"the herald"', "author:lee~ AND harvests",
                  "talks OR title:talks^3",
                  "source:gazette OR reply", "NOT title:fails", "title:*", "title:harv*",
                  "talks title:talks^3", "publication:[a TO h]", "source:sourced"]


def _source_answers(location: str) -> list[Any]:
    with open_store(location) as store:
        return [(query, sort, limit, result.total,
                 [(hit.quote.id, hit.score, hit.spans) for hit in result.hits])
                for query in SOURCE_QUERIES for sort in ("relevance", "date")
                for limit in (0, 5, None)
                for result in [store.search(SearchRequest(query, sort=sort, limit=limit))]]


def _columns(conn: Any, table: str) -> set[str]:
    return {row[0] for row in conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s",
        (table,))}


def test_the_source_is_kept_once_per_document_not_in_every_quote(
    postgres_database: str, sourced_docs: Path, fake_extract: Extract
) -> None:
    """The source's vectors (what `source:`, `title:`, `publication:` and `author:`
    search) are a row per document: repeated in every quote they were a third of the
    GIN index's entries, and of the server's work storing a quote."""
    import psycopg

    from quoteidx.storing.postgres import schema

    index_paths([sourced_docs], postgres_database, extract=fake_extract)
    with psycopg.connect(postgres_database) as conn:
        assert not _columns(conn, "quotes") & set(schema.SOURCE_VECTOR_COLUMNS)
        assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 12
    with open_store(postgres_database) as store:
        found = store.search(SearchRequest("talks OR title:talks^3", limit=None))
        # Said in a document titled so first, then only in the title, then only said.
        assert found.total == 20 and store.search(SearchRequest("title:talks")).total == 16
        both = [hit.quote.source.title for hit in found.hits[:8] if "talks" in hit.quote.text]
        assert len(both) == 8 and all("talks" in title for title in both)
        assert {"talks" in (hit.quote.source.title or "") for hit in found.hits[8:16]} == {True}
        assert {"talks" in (hit.quote.source.title or "") for hit in found.hits[16:]} == {False}


def test_an_index_of_schema_3_is_migrated_in_place_with_the_same_answers(
    postgres_database: str, sourced_docs: Path, fake_extract: Extract
) -> None:
    """Schema 3 kept the source's vectors in every quote: opening it moves them to
    `sources` (SQL alone, no document analysed again), and every search gives exactly
    what it gave, scores and marks included."""
    import psycopg

    from quoteidx.storing.postgres import schema

    index_paths([sourced_docs], postgres_database, extract=fake_extract)
    before = _source_answers(postgres_database)
    columns = ", ".join(schema.SOURCE_VECTOR_COLUMNS)
    with psycopg.connect(postgres_database) as conn:  # made as quoteidx 3 made it
        conn.execute("ALTER TABLE quotes " + ", ".join(
            f"ADD COLUMN {column} tsvector NOT NULL DEFAULT ''"
            for column in schema.SOURCE_VECTOR_COLUMNS))
        conn.execute(f"UPDATE quotes SET ({columns}) = (SELECT {columns} FROM sources "
                     "WHERE sources.doc_key = quotes.doc_key)")
        conn.execute("DROP TABLE sources")
        conn.execute("DROP INDEX quotes_words")
        conn.execute("CREATE INDEX quotes_words ON quotes USING gin "
                     f"({', '.join(schema.VECTOR_COLUMNS.values())})")
        conn.execute("UPDATE quoteidx_meta SET value = '3' WHERE key = 'version'")
    assert _source_answers(postgres_database) == before
    with psycopg.connect(postgres_database) as conn:
        assert not _columns(conn, "quotes") & set(schema.SOURCE_VECTOR_COLUMNS)
        assert conn.execute("SELECT value FROM quoteidx_meta WHERE key = 'version'"
                            ).fetchone()[0] == str(schema.SCHEMA_VERSION)
    report = index_paths([sourced_docs], postgres_database, extract=fake_extract)
    assert report.documents == 12 and _source_answers(postgres_database) == before


def test_tables_that_are_not_an_index_are_left_alone(postgres_database: str) -> None:
    import psycopg

    with psycopg.connect(postgres_database, autocommit=True) as conn:
        conn.execute("CREATE TABLE quotes (mine text)")
    with pytest.raises(StoreError, match="not a quoteidx index"):
        open_store(postgres_database, create=True)
    with psycopg.connect(postgres_database) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                            ).fetchone()[0] == 1


def test_help_and_whoosh_searches_never_load_psycopg(tmp_path: Path) -> None:
    import subprocess
    import sys

    from quoteidx.storing import open_store as make

    make(tmp_path / "ix", create=True).close()
    for argv in (["--help"], ["search", "x", "--index", str(tmp_path / "ix")]):
        code = (f"import sys\nsys.argv = ['quoteidx', *{argv!r}]\n"
                "from quoteidx.cli import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
                "print('psycopg' in sys.modules, file=sys.stderr)")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True)
        assert done.stderr.strip().splitlines()[-1] == "False", argv


def test_a_pattern_reaching_too_many_words_is_a_query_error(
    store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quoteidx.querying import QueryError

    monkeypatch.setattr("quoteidx.storing.postgres.read.MAX_EXPANSION", 3)
    assert store.search(SearchRequest("p?k*")).total == 4  # pakistan, pakistani: 2 words
    with pytest.raises(QueryError, match="more than 3 words of text"):
        store.search(SearchRequest("*e*"))


def test_index_with_worker_processes_keeps_the_connection(
    postgres_database: str, many_docs: Path, fake_extract: Extract
) -> None:
    """Extraction in forked workers must not touch the parent's connections."""
    report = index_paths([many_docs], postgres_database, extract=fake_extract, jobs=2)
    assert (report.documents, report.quotes) == (40, 80)
    with open_store(postgres_database) as store:
        assert store.search(SearchRequest("harvests", limit=None)).total == 40
