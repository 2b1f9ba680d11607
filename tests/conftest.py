"""Shared fixtures: a deterministic stand-in extractor and a CLI runner."""

from __future__ import annotations

import re
from collections.abc import Callable
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


@pytest.fixture(params=["whoosh"])
def fresh_location(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    """Where a new, empty index may be made, one per backend: a folder for Whoosh. A
    server backend adds its parameter here (a URL of a database of its own), and every
    test using this fixture then runs against it too."""
    if request.param == "whoosh":
        return str(tmp_path / "ix")
    raise AssertionError(f"no such backend: {request.param}")
