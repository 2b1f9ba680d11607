"""`quoteidx index`, and what every index command shares: the --index option, opening
the index, and the library's errors as one line and exit 2. Heavy modules (Whoosh, Rich
progress) load inside the commands, so that `quoteidx --help` stays fast."""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from quoteidx.cli.app import (
    EXIT_ERROR,
    EXIT_FOUND,
    EXIT_INTERRUPTED,
    EXIT_NOTHING,
    app,
    error,
    note,
    settings,
    warn,
)

if TYPE_CHECKING:
    from quoteidx.index import Index

# Shared by every command that uses the index: this --index wins, then the one before
# the command (`quoteidx --index DIR search ...`), then $QUOTEIDX_INDEX, then the
# nearest .quoteidx here or above (quoteidx.storing.index_location). A string, not a
# Path: a server backend's location is a URL.
INDEX_OPTION: Any = typer.Option(
    None,
    "--index",
    metavar="DIR|URL",
    show_default=False,
    help="The index: a folder, or a server's URL. Default: $QUOTEIDX_INDEX, else the "
         "nearest .quoteidx here or above, else ./.quoteidx.",
)


def location_of(index_dir: str | None) -> str:
    from quoteidx.storing import index_location

    return index_location(index_dir or settings.index)


def shown(location: str) -> str:
    """The location as messages show it (a URL without its password), printable."""
    from quoteidx.reading.document import printable
    from quoteidx.storing import shown_location

    return printable(shown_location(location))


def create_hint(location: str, rebuild: bool = False) -> str:
    """The command that makes the index at `location`, to quote in error messages."""
    from quoteidx.storing import DEFAULT_INDEX

    option = "" if location == DEFAULT_INDEX else f" --index {shlex.quote(shown(location))}"
    return f"quoteidx index{' --rebuild' if rebuild else ''}{option} PATH..."


@contextmanager
def opened(index_dir: str | None) -> Iterator[Index]:
    """The existing index (never creates one), closed at the end. Opening it, and the
    library's errors a person can act on while using it, end the command with one line
    and exit 2."""
    from quoteidx.identity import CorrectionsError
    from quoteidx.index import open_index
    from quoteidx.storing import IndexIncompatible, IndexMissing, StoreError

    location = location_of(index_dir)
    try:
        index = open_index(location, on_warning=lambda problem: warn(
            f"{problem} (ignored; see 'quoteidx corrections')"))
    except IndexMissing:
        error(f"no index at {shown(location)}; create one with: {create_hint(location)}")
        raise typer.Exit(EXIT_ERROR) from None
    except IndexIncompatible as err:
        error(f"{err}; rebuild it with: {create_hint(location, rebuild=True)}")
        raise typer.Exit(EXIT_ERROR) from None
    except StoreError as err:
        error(str(err))
        raise typer.Exit(EXIT_ERROR) from None
    try:
        with index:
            yield index
    except ValueError as err:  # a QueryError is one; not imported before one is raised
        from quoteidx.querying import QueryError  # (`show`, `speakers`: they never parse)

        if not isinstance(err, QueryError):
            raise
        error(str(err))
        raise typer.Exit(EXIT_ERROR) from None
    except CorrectionsError as err:
        error(f"{err}; fix or remove it")
        raise typer.Exit(EXIT_ERROR) from None
    except IndexIncompatible as err:  # damage found while reading
        error(f"{err}; rebuild it with: {create_hint(location, rebuild=True)}")
        raise typer.Exit(EXIT_ERROR) from None
    except StoreError as err:
        error(str(err))
        raise typer.Exit(EXIT_ERROR) from None


@app.command("index")
def index_command(
    paths: list[Path] = typer.Argument(  # noqa: B008
        None, metavar="PATH...", help="Files or folders (searched recursively) to add or refresh."
    ),
    rebuild: bool = typer.Option(
        False, "--rebuild", help="Start from an empty index and index PATHs afresh."
    ),
    prune: bool = typer.Option(
        False, "--prune", help="Remove documents whose files no longer exist."
    ),
    wait: float | None = typer.Option(
        None, "--wait", min=0, metavar="SECONDS", show_default=False,
        help="How long to wait for another run writing to the same index. [default: 10]",
    ),
    jobs: int = typer.Option(
        1, "--jobs", "-j", min=0,
        help="Processes to extract with; 0 = one per core. The index is the same in any case.",
    ),
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """Add documents to the index, or refresh them.

    Unchanged files are skipped; changed files have their old quotes replaced
    (their quotes keep their ids where their words and speaker are the same); a
    file with the same text as one already indexed is noted and indexed once.
    Documents are known by their path relative to the folder holding the index,
    so the index can move with its documents. --prune drops documents whose
    files are gone; --rebuild starts afresh. A run is saved whole when it ends,
    or not at all: if it fails, is killed or interrupted (Ctrl-C), the index
    stays as it was, and running the same command again completes it.

    Exit codes: 0 indexed or up to date, 1 no document in PATHs, 2 bad usage, an
    index error, or some inputs could not be read (they are named on stderr;
    every readable document was still indexed), 130 interrupted.

    Example: quoteidx index corpus
    """
    from quoteidx.index import open_index
    from quoteidx.storing import IndexIncompatible, StoreError

    if not paths and not prune:
        error("give at least one PATH to index (or --prune alone to drop vanished files)")
        raise typer.Exit(EXIT_ERROR)
    import os

    location = location_of(index_dir)
    real = os.path.realpath(location)  # now: "." may be gone once the rebuild is in
    inside = rebuild and _within(os.getcwd(), real)

    def waiting(seconds: float) -> None:
        warn(f"another process is writing to the index at {shown(location)}; "
             f"waiting up to {seconds:g} s for it to finish (--wait)")

    from quoteidx.cli.progress import progress_display

    try:
        with progress_display("indexing") as display, \
                open_index(location, create=True) as index:
            report = index.add(paths or [], rebuild=rebuild, prune=prune,
                               progress=display.advance, phase=display.phase,
                               timeout=wait, on_wait=waiting, jobs=jobs)
            listing_interrupted = _keep_people(index, display.phase)
    except IndexIncompatible as err:
        error(f"{err}; rebuild it with: {create_hint(location, rebuild=True)}")
        raise typer.Exit(EXIT_ERROR) from None
    except StoreError as err:
        error(str(err))
        raise typer.Exit(EXIT_ERROR) from None
    except KeyboardInterrupt:
        error("interrupted; index unchanged (nothing from this run was saved)")
        raise typer.Exit(EXIT_INTERRUPTED) from None

    for path, reason in report.skipped:
        warn(f"skipped {path}: {reason}")
    for path, twin in report.duplicates:
        note(f"{path}: same text as {twin}, indexed once")
    parts = [
        f"{len(report.added)} added",
        f"{len(report.updated)} updated",
        f"{report.unchanged} unchanged",
    ]
    if prune:
        parts.append(f"{len(report.pruned)} pruned")
    if report.duplicates:
        parts.append(f"{len(report.duplicates)} duplicates")
    if report.skipped:
        parts.append(f"{len(report.skipped)} skipped")
    note(f"documents: {', '.join(parts)}; quotes: +{report.quotes_added} "
         f"-{report.quotes_removed}. Index {shown(location)}: {report.documents} documents, "
         f"{report.quotes} quotes.")
    if inside:
        warn("your current directory was the old index folder, which the rebuild replaced: "
             f"cd {shlex.quote(real)} to be in the new one")
    if listing_interrupted:
        error("interrupted while listing the people quoted; the run was saved, and "
              "'quoteidx speakers' lists them afresh")
        raise typer.Exit(EXIT_INTERRUPTED)
    if report.skipped:
        raise typer.Exit(EXIT_ERROR)  # the rest is indexed; the exit code says not all of it
    found = report.seen or report.duplicates or (prune and not paths)
    raise typer.Exit(EXIT_FOUND if found else EXIT_NOTHING)


def _keep_people(index: Index, phase: Any) -> bool:
    """Once the run is saved (the lock released), the people listing kept up to date for
    the index as it is now, if it is not already: the first `speakers` or `show` after
    the run reads it back instead of building it (16 s and 0.47 s at 1.1M quotes, the
    cost this moves here; a run that changed nothing, with the listing kept by the run
    before it, pays only a look at the files' heads). Whether Ctrl-C stopped it: the run
    is saved all the same. A listing that cannot be made (a corrections file that does
    not parse, an index that cannot keep one) is left for `speakers` to report or build."""
    from quoteidx.identity import CorrectionsError
    from quoteidx.identity.listing import keep_speakers
    from quoteidx.storing import StoreError

    phase("people")
    try:
        keep_speakers(index.store)
    except KeyboardInterrupt:
        return True
    except (CorrectionsError, StoreError, OSError):
        pass
    return False


def _within(folder: str, index: str) -> bool:
    """Whether `folder` is the index folder `index` (a real path) or inside it."""
    import os

    return os.path.commonpath([os.path.realpath(folder), index]) == index


@app.command()
def check(index_dir: str | None = INDEX_OPTION) -> None:
    """Read the whole index and compare it with what its last run wrote.

    Opening an index checks its table of contents, its columns and every file's size;
    this reads every file whole against the checksums its run wrote, so it also finds
    damage in the term dictionary or the postings that no search has read yet. Run it
    after a crash, a power loss or a disk error. Each problem is a line on stderr.

    Exit codes: 0 the index is whole, 2 damaged or index error.

    Example: quoteidx check --index archive/.quoteidx
    """
    location = location_of(index_dir)
    with opened(index_dir) as index:
        problems = index.check()
    for problem in problems:
        error(problem)
    if problems:
        error(f"the index at {shown(location)} is damaged; rebuild it with: "
              f"{create_hint(location, rebuild=True)}")
        raise typer.Exit(EXIT_ERROR)
    note(f"no damage found in the index at {shown(location)}")
    raise typer.Exit(EXIT_FOUND)
