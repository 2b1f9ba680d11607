"""Shared fixtures: a deterministic stand-in extractor and a CLI runner."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from typer.testing import CliRunner

from quoteidx.reading import Document
from quoteidx.record import Quote, quote_id

_LINE = re.compile(r"^(?P<speaker>[^:\n]+): (?P<text>.+)$", re.MULTILINE)


def _fake_extract(document: Document) -> list[Quote]:
    """Each body line `Name: words` is a direct quote of `words` by Name. Index tests use
    it so that they test indexing, not the extractor."""
    quotes = []
    for match in _LINE.finditer(document.text, document.body_start):
        start, end = match.span("text")
        quotes.append(Quote(
            id=quote_id(document.source.path, match["speaker"], match["text"], start),
            text=match["text"],
            kind="indirect" if match["speaker"].endswith("(claim)") else "direct",
            speaker=match["speaker"].removesuffix(" (claim)"),
            speaker_mention=match["speaker"], role=None, cue="said",
            source=document.source, start=start, end=end, paragraph=match.group(0),
        ))
    return quotes


@pytest.fixture
def fake_extract(monkeypatch: pytest.MonkeyPatch) -> Callable[[Document], list[Quote]]:
    """The stand-in extractor, also installed where `quoteidx index` looks for it."""
    monkeypatch.setattr("quoteidx.extract.extract_document", _fake_extract)
    return _fake_extract


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Any]:
    """Run `quoteidx ARGS...` in-process; stdout and stderr are kept apart."""
    from quoteidx.cli import app

    monkeypatch.delenv("QUOTEIDX_INDEX", raising=False)
    monkeypatch.setenv("COLUMNS", "160")  # wide tables: assertions about content, not wrapping
    runner = CliRunner()

    def run(*args: object, env: dict[str, str] | None = None, input: str | None = None) -> Any:
        return runner.invoke(app, [str(arg) for arg in args], env=env, input=input)

    return run


BACKENDS = ["whoosh", "postgres"]


@pytest.fixture(params=BACKENDS)
def fresh_location(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    """Where a new, empty index may be made, one per backend: a folder for Whoosh, a
    new database of its own on the test server for PostgreSQL; every test using this
    fixture runs against both."""
    if request.param == "whoosh":
        return str(tmp_path / "ix")
    return request.getfixturevalue("postgres_database")


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A URL of a PostgreSQL server for the tests, whose user may create databases:
    $QUOTEIDX_TEST_POSTGRES if set (CI starts one), else a throwaway server started
    here for the session. Without server binaries the PostgreSQL cases are skipped,
    saying why, except where $QUOTEIDX_REQUIRE_POSTGRES is set (CI): there they fail."""
    given = os.environ.get("QUOTEIDX_TEST_POSTGRES")
    if given:
        yield given
        return
    import tempfile

    from quoteidx.storing.postgres import local

    if local.binaries() is None:
        reason = ("no PostgreSQL server binaries (apt-get install postgresql-15, or set "
                  "QUOTEIDX_TEST_POSTGRES to a server URL)")
        if os.environ.get("QUOTEIDX_REQUIRE_POSTGRES"):
            pytest.fail(f"PostgreSQL tests required here, but {reason}")
        pytest.skip(reason)
    folder = tempfile.mkdtemp(prefix="quoteidx-test-pg-")  # reachable by the postgres user
    # A run ended by SIGTERM (a CI timeout, `kill`) stops its server too: pytest tears
    # fixtures down on KeyboardInterrupt, while the default SIGTERM ends Python at once.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield local.start(folder)
    finally:
        local.stop(folder)
        shutil.rmtree(folder, ignore_errors=True)
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


@pytest.fixture(scope="session")
def new_postgres_database(postgres_server: str) -> Iterator[Callable[[], str]]:
    """Makes new, empty databases on the test server (URLs); drops them at the end."""
    import psycopg

    admin = _with_database(postgres_server, "postgres")
    made: list[str] = []

    def make() -> str:
        name = f"quoteidx_test_{secrets.token_hex(6)}"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        made.append(name)
        return _with_database(postgres_server, name)

    yield make
    for name in made:
        drop_database(postgres_server, name)


def drop_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_with_database(server, "postgres"), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def postgres_database(postgres_server: str, new_postgres_database: Callable[[], str]
                      ) -> Iterator[str]:
    """The URL of a new, empty database on the test server, dropped afterwards."""
    url = new_postgres_database()
    yield url
    drop_database(postgres_server, url.rsplit("/", 1)[1])


def _with_database(url: str, name: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


# In CI ($QUOTEIDX_REQUIRE_POSTGRES) a PostgreSQL case that was skipped, for whatever
# reason, fails the run: the suite must have run against the server CI started.
_skipped_postgres: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and "postgres" in report.nodeid:
        _skipped_postgres.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _skipped_postgres and os.environ.get("QUOTEIDX_REQUIRE_POSTGRES"):
        print(f"\nerror: {len(_skipped_postgres)} PostgreSQL test(s) skipped where they "
              f"are required ($QUOTEIDX_REQUIRE_POSTGRES), e.g. {_skipped_postgres[0]}")
        session.exitstatus = 1
