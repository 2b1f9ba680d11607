"""`quoteidx extract`: print the quotations found in files, without indexing them."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from quoteidx.cli.app import EXIT_FOUND, EXIT_NOTHING, app, error, stderr, stdout_console


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Files or folders (searched recursively)."),
    fmt: OutputFormat = typer.Option(
        OutputFormat.table, "--format", "-f", help="table for people; json, jsonl, csv for scripts."
    ),
) -> None:
    """Find the quotations and claims in documents and print them.

    Example: [bold]quoteidx extract corpus --format jsonl[/bold]
    """
    from quoteidx.extract import extract_paths
    from quoteidx.reading import ReadError
    from quoteidx.record import FLAT_FIELDS

    quotes = []
    failed = 0
    for item in extract_paths(paths):
        if isinstance(item, ReadError):
            error(str(item))
            failed += 1
            continue
        _document, found = item
        quotes.extend(found)

    if fmt is OutputFormat.table:
        from quoteidx.presenting.human import print_quotes

        print_quotes(quotes, stdout_console())
        stderr.print(f"{len(quotes)} quotations", highlight=False)
    else:
        from quoteidx.presenting.machine import write_records

        rows = (q.to_flat() if fmt is OutputFormat.csv else q.to_dict() for q in quotes)
        write_records(rows, fmt.value, sys.stdout, list(FLAT_FIELDS))
    if failed:
        stderr.print(f"{failed} file(s) could not be read", highlight=False)
    raise typer.Exit(EXIT_FOUND if quotes else EXIT_NOTHING)
