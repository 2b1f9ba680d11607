"""`quoteidx extract`: print the quotations found in files, without indexing them."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

import typer

from quoteidx.cli.app import (
    EXIT_ERROR,
    EXIT_FOUND,
    EXIT_INTERRUPTED,
    EXIT_NOTHING,
    app,
    error,
    note,
)
from quoteidx.cli.output import (
    BOM_OPTION,
    FIELDS_OPTION,
    FORMAT_OPTION,
    NO_HEADERS_OPTION,
    Format,
    columns,
    paged,
    to_stdout,
    write_rows,
)

if TYPE_CHECKING:
    from quoteidx.record import Quote


@app.command()
def extract(
    paths: list[str] | None = typer.Argument(
        None, metavar="PATH...",
        help="Files or folders (searched recursively); - reads one document from stdin."
    ),
    fmt: Format = FORMAT_OPTION,
    fields: str | None = FIELDS_OPTION,
    no_headers: bool = NO_HEADERS_OPTION,
    bom: bool = BOM_OPTION,
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
    (or bad usage), 130 interrupted.

    Example: quoteidx extract corpus --format jsonl
    """
    from quoteidx.parallel import extract_all
    from quoteidx.reading import ReadError, read_paths_from
    from quoteidx.record import FLAT_FIELDS

    wanted = columns(fmt, list(FLAT_FIELDS), fields, no_headers, bom)
    if not paths and not stdin_paths:
        error("give files or folders to read, - for stdin, or --stdin-paths")
        raise typer.Exit(EXIT_ERROR)
    if stdin_paths and "-" in (paths or []):
        error("- and --stdin-paths both want stdin; use one of them")
        raise typer.Exit(EXIT_ERROR)
    if "-" in (paths or []) and sys.stdin.isatty():
        note("reading a document from stdin (end it with Ctrl-D)")
    names = itertools.chain(paths or [], read_paths_from(sys.stdin.buffer) if stdin_paths else [])

    from quoteidx.cli.progress import progress_display

    counts = {"documents": 0, "failed": 0, "quotes": 0}

    def found() -> Iterator[Quote]:
        expected = _expected(paths) if display.console is not None and paths else 0
        for item in extract_all(names, jobs):
            done = counts["documents"] + counts["failed"] + 1
            if isinstance(item, ReadError):  # unreadable, or its extraction failed
                error(str(item))
                counts["failed"] += 1
                display.advance(done, max(expected, done), item.path)
                continue
            counts["documents"] += 1
            counts["quotes"] += len(item[1])
            display.advance(done, max(expected, done), item[0].source.path)
            yield from item[1]

    flat = fmt in (Format.csv, Format.tsv, Format.markdown)
    written = 0
    try:
        with progress_display("extracting") as display:
            if fmt is Format.table:
                quotes = list(found())
        if fmt is Format.table:
            from quoteidx.presenting.human import print_quotes

            written = len(quotes)
            if quotes:
                with paged() as out:
                    print_quotes(quotes, out)
            note(f"{written} quotations from {counts['documents']} documents")
        else:
            # Machine formats stream: a big corpus never has to fit in memory.
            with to_stdout(), progress_display("extracting") as display:
                rows = (q.to_flat() if flat else q.to_dict() for q in found())
                written = write_rows(rows, fmt, wanted, headers=not no_headers, bom=bom)
    except KeyboardInterrupt:
        error("interrupted")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if counts["failed"]:
        note(f"{counts['failed']} input(s) could not be read")
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_FOUND if written or counts["quotes"] else EXIT_NOTHING)


def _expected(paths: list[str]) -> int:
    """How many documents the paths hold, for the progress bar."""
    from quoteidx.indexing import count_documents
    from quoteidx.reading import iter_files

    return count_documents(item for item in iter_files(p for p in paths if p != "-")
                           if isinstance(item, str))
