"""`quoteidx extract`: print the quotations found in files, without indexing them."""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING

import typer

from quoteidx.cli.app import (
    EXIT_ERROR,
    EXIT_FOUND,
    EXIT_NOTHING,
    app,
    error,
    note,
    stdout_console,
)

if TYPE_CHECKING:
    from quoteidx.record import Quote


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


@app.command()
def extract(
    paths: list[str] | None = typer.Argument(
        None, help="Files or folders (searched recursively); - reads one document from stdin."
    ),
    fmt: OutputFormat = typer.Option(
        OutputFormat.table, "--format", "-f", help="table for people; json, jsonl, csv for scripts."
    ),
    stdin_paths: bool = typer.Option(
        False,
        "--stdin-paths",
        help="Read file names from stdin, one per line: find … | quoteidx extract --stdin-paths",
    ),
    jobs: int = typer.Option(
        1, "--jobs", "-j", min=0,
        help="Processes to extract with; 0 = one per core. Output is the same in any case.",
    ),
) -> None:
    """Find the quotations and claims in documents and print them.

    Reads .txt and .md (with front matter), .html and .jsonl (one article per line).
    A file that cannot be read is named on stderr with the reason, and the rest is
    still extracted.

    Exit codes: 0 quotations found, 1 none found, 2 some input could not be read
    (or bad usage).

    Example: [bold]quoteidx extract corpus --format jsonl[/bold]
    """
    from quoteidx.parallel import extract_all
    from quoteidx.reading import ReadError, read_paths_from
    from quoteidx.record import FLAT_FIELDS

    if not paths and not stdin_paths:
        error("give files or folders to read, - for stdin, or --stdin-paths")
        raise typer.Exit(EXIT_ERROR)
    if stdin_paths and "-" in (paths or []):
        error("- and --stdin-paths both want stdin; use one of them")
        raise typer.Exit(EXIT_ERROR)
    if "-" in (paths or []) and sys.stdin.isatty():
        note("quoteidx: reading a document from stdin (end it with Ctrl-D)")
    names = itertools.chain(paths or [], read_paths_from(sys.stdin.buffer) if stdin_paths else [])

    counts = {"documents": 0, "failed": 0}

    def found() -> Iterator[Quote]:
        for item in extract_all(names, jobs):
            if isinstance(item, ReadError):  # unreadable, or its extraction failed
                error(str(item))
                counts["failed"] += 1
                continue
            counts["documents"] += 1
            yield from item[1]

    try:
        if fmt is OutputFormat.table:
            from quoteidx.presenting.human import print_quotes

            quotes = list(found())
            print_quotes(quotes, stdout_console())
            written = len(quotes)
            note(f"{written} quotations from {counts['documents']} documents")
        else:
            from quoteidx.presenting.machine import write_records

            # jsonl and csv stream: a big corpus never has to fit in memory.
            rows = (q.to_flat() if fmt is OutputFormat.csv else q.to_dict() for q in found())
            written = write_records(rows, fmt.value, sys.stdout, list(FLAT_FIELDS))
        sys.stdout.flush()
    except BrokenPipeError:  # `| head`: the reader has all it wants
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_FOUND) from None
    if counts["failed"]:
        note(f"{counts['failed']} input(s) could not be read")
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_FOUND if written else EXIT_NOTHING)
