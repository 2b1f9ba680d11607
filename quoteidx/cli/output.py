"""What the printing commands share: formats and their options, the default limit of a
table, writing machine formats, and the pager for long tables."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import typer

from quoteidx.cli.app import EXIT_ERROR, Color, error, settings, stdout_console

if TYPE_CHECKING:
    from rich.console import Console

TABLE_LIMIT = 20  # a table shows this many unless --limit says otherwise; data: all
DEFAULT_PAGER = "less -FRX"  # as git: quit if one screen, keep colours, leave it shown


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    markdown = "markdown"


FLAT = (Format.csv, Format.tsv, Format.markdown)

FORMAT_OPTION: Any = typer.Option(
    Format.table, "--format", "-f",
    help="table for people; json, jsonl, csv, tsv, markdown for scripts and documents.",
)
LIMIT_OPTION: Any = typer.Option(
    None, "--limit", "-n", min=0, show_default=False,
    help=f"Most quotes to print (0: all). Default: {TABLE_LIMIT} in a table, all in other "
         "formats.",
)
FIELDS_OPTION: Any = typer.Option(
    None, "--fields", metavar="A,B,...", show_default=False,
    help="csv, tsv, markdown: only these columns, in this order.",
)
NO_HEADERS_OPTION: Any = typer.Option(
    False, "--no-headers", help="csv, tsv: no header row.",
)
BOM_OPTION: Any = typer.Option(
    False, "--bom", help="csv: start with a UTF-8 byte order mark, so Excel reads it right.",
)
CITE_OPTION: Any = typer.Option(
    False, "--cite", help="A citation line per quote (a 'citation' field in other formats).",
)


def row_limit(limit: int | None, fmt: Format) -> int | None:
    """What --limit means, the same for every command: N at most (0: every one); not
    given: TABLE_LIMIT for a table, every one for a format a script reads."""
    if limit is None:
        return TABLE_LIMIT if fmt is Format.table else None
    return limit or None


def columns(fmt: Format, available: list[str], fields: str | None,
            no_headers: bool = False, bom: bool = False) -> list[str]:
    """The columns to write: --fields, checked against `available`, else all of them.
    Options that do not fit the format are a usage error (exit 2)."""
    if fields is not None and fmt not in FLAT:
        _refuse(f"--fields is for csv, tsv and markdown, not {fmt.value}")
    if no_headers and fmt not in (Format.csv, Format.tsv):
        _refuse(f"--no-headers is for csv and tsv, not {fmt.value}")
    if bom and fmt is not Format.csv:
        _refuse(f"--bom is for csv, not {fmt.value}")
    if fields is None:
        return available
    wanted = [name.strip() for name in fields.split(",") if name.strip()]
    unknown = [name for name in wanted if name not in available]
    if unknown or not wanted:
        _refuse(f"no such field: {', '.join(unknown) or repr(fields)}; the fields are: "
                f"{', '.join(available)}")
    return wanted


def _refuse(message: str) -> None:
    error(message)
    raise typer.Exit(EXIT_ERROR)


def write_rows(rows: Iterable[Mapping[str, Any]], fmt: Format, fields: list[str], *,
               headers: bool = True, bom: bool = False) -> int:
    """Machine formats to stdout, plain (no Rich); how many rows."""
    from quoteidx.presenting.machine import write_records

    return write_records(rows, fmt.value, sys.stdout, fields, headers=headers, bom=bom)


@contextmanager
def paged() -> Iterator[Console]:
    """A console for a long table: through the pager ($QUOTEIDX_PAGER, $PAGER, else
    `less -FRX`, as git) when stdout is a terminal and --no-pager was not given, else
    stdout itself. `less -F` leaves output of one screen on the terminal as it is."""
    command = os.environ.get("QUOTEIDX_PAGER", os.environ.get("PAGER", DEFAULT_PAGER))
    if not settings.pager or not _terminal(sys.stdout) or command.strip() in ("", "cat"):
        yield stdout_console()
        return
    import io
    import shutil
    import subprocess

    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX"),
           "LV": os.environ.get("LV", "-c")}
    try:
        pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        yield stdout_console()
        return
    assert pager.stdin is not None
    stream = io.TextIOWrapper(pager.stdin, encoding=sys.stdout.encoding or "utf-8",
                              errors="replace", line_buffering=True)
    colour = {} if settings.color is Color.never else {"force_terminal": True}
    console = stdout_console(file=stream, width=shutil.get_terminal_size().columns, **colour)
    try:
        yield console
    except BrokenPipeError:
        pass  # the pager was quit before the end: nothing more to show
    finally:
        with suppress(BrokenPipeError):
            stream.close()
        while True:
            try:
                pager.wait()
                break
            except KeyboardInterrupt:  # Ctrl-C is the pager's to handle, as with git
                continue


def _terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


@contextmanager
def to_stdout() -> Iterator[None]:
    """Machine output into a pipe whose reader may stop early (`| head`): that is the
    reader's choice, not an error."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
