"""The corrections to who is who: `merge-speakers`, `split-speaker`, `reassign`, and
`corrections` to list them (`--format json`) and remove them (`corrections rm N`)."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import typer

from quoteidx.cli.app import EXIT_ERROR, EXIT_FOUND, EXIT_NOTHING, app, error, note
from quoteidx.cli.index_cmd import INDEX_OPTION, opened

if TYPE_CHECKING:
    from quoteidx.index import Index, Recorded

NOTE_OPTION: Any = typer.Option(
    None, "--note", help="Why: kept with the correction, for whoever reads the file next."
)


class ListFormat(StrEnum):
    table = "table"
    json = "json"


# Corrections: kept with the index (beside its folder), applied on every read.


@app.command("merge-speakers")
def merge_speakers(
    name: str = typer.Argument(..., metavar="NAME", help="The person to keep (their name stays)."),
    others: list[str] = typer.Argument(  # noqa: B008
        ..., metavar="OTHER...", help="Names of the same person to merge in."),
    note: str | None = NOTE_OPTION,
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """Say that several speakers are one person.

    Each NAME is a speaker's name or alias as 'quoteidx speakers' lists it; when
    several people share it, add @SOURCE (part of a document's path, title,
    publication or url): "Khan@herald". Recorded in INDEX.corrections.toml
    beside the index folder and applied whenever the index is read, so it
    survives re-indexing ('quoteidx corrections' lists them). Merging what
    split-speaker split cancels that split instead of adding a correction.

    Exit codes: 0 recorded, 2 a name is unknown or ambiguous (nothing recorded),
    bad usage or index error.

    Example: quoteidx merge-speakers "Ismail Khan" "Khan@herald" --note "same man,
    per the Herald's caption"
    """
    _record(index_dir, lambda index: index.merge_speakers(name, *others, note=note))


@app.command("split-speaker")
def split_speaker(
    name: str = typer.Argument(..., metavar="NAME", help="The person as listed now."),
    alias: str = typer.Argument(
        ..., metavar="ALIAS", help="The name (or alias) whose quotes are someone else."),
    note: str | None = NOTE_OPTION,
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """Say that the quotes NAME has under ALIAS are by someone else.

    The quotes whose speaker or mention is ALIAS become a person of their own,
    called ALIAS. Narrow to one source with ALIAS@SOURCE: to separate two
    people of the same name, split one article's quotes off with
    "Ismail Khan@herald". Recorded in INDEX.corrections.toml beside the index
    folder; it survives re-indexing. Splitting what merge-speakers merged cancels
    that merge instead of adding a correction.

    Exit codes: 0 recorded, 2 nothing to split or an unknown or ambiguous name
    (nothing recorded), bad usage or index error.

    Example: quoteidx split-speaker "Ismail Khan" "Khan@herald"
    """
    _record(index_dir, lambda index: index.split_speaker(name, alias, note=note))


@app.command()
def reassign(
    quote_id: str = typer.Argument(
        ..., metavar="ID", help="A quote id (or its first 6 or more characters)."),
    speaker: str = typer.Argument(..., metavar="SPEAKER", help="Who really said it."),
    role: str | None = typer.Option(None, "--role", help="Their role, if the article gives it."),
    note: str | None = NOTE_OPTION,
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """Say that one quote was said by SPEAKER, not by whom the extractor thought.

    Every listing then shows SPEAKER, reassigned from the old speaker by a
    correction (data formats: resolved_by "correction"; json adds "extra":
    {"reassigned_from": ...}), and the quote joins SPEAKER's other quotes. Recorded in
    INDEX.corrections.toml beside the index folder; it survives re-indexing (a
    quote's id stays the same while its words and speaker in its document do).

    Exit codes: 0 recorded, 1 no such quote, 2 bad usage or index error.

    Example: quoteidx reassign 7971e5d97d79 Hidaytullah --role resident
    """
    _record(index_dir, lambda index: index.reassign(quote_id, speaker, role=role, note=note))


corrections_app = typer.Typer(context_settings={"help_option_names": ["-h", "--help"]})
app.add_typer(corrections_app, name="corrections")


@corrections_app.callback(invoke_without_command=True)
def corrections(
    ctx: typer.Context,
    fmt: ListFormat = typer.Option(
        ListFormat.table, "--format", "-f", help="table for people; json for scripts."),
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """List the corrections made to who said what, and where they are kept.

    The file, INDEX.corrections.toml beside the index folder
    (.quoteidx.corrections.toml for ./.quoteidx), is TOML, meant to be read,
    edited and versioned by people. A correction that no longer applies (a quote
    or name gone after re-indexing) is marked; 'quoteidx corrections rm N'
    removes correction N (the others keep their order and the file its
    comments). --format json: each correction as the file has it, with its
    "number", whether it "applies" and, if not, the "problem".

    Exit codes: 0 listed, 1 no corrections, 2 a broken file or index error.

    Example: quoteidx corrections --format json
    """
    if ctx.invoked_subcommand is not None:
        return
    with opened(index_dir) as index:
        entries = index.corrections()
        stale = index.stale_corrections() if entries else {}
        path = index.corrections_location
    if fmt is ListFormat.json:
        import json
        import sys

        rows = [{"number": number, **entry.to_dict(), "applies": number not in stale,
                 "problem": stale.get(number)} for number, entry in enumerate(entries, 1)]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif entries:
        from quoteidx.cli.app import stdout_console
        from quoteidx.presenting.human import safe_text

        out = stdout_console()
        out.print(safe_text(f"{path}:", "dim"))
        for number, entry in enumerate(entries, 1):
            line = safe_text(f"{number:>3}. {entry.describe()}")
            if entry.note:
                line.append_text(safe_text(f"  ({entry.note})", "dim"))
            if number in stale:
                line.append_text(safe_text(f"\n     no longer applies: {stale[number]} "
                                           f"(quoteidx corrections rm {number})", "yellow"))
            out.print(line)
    if not entries:
        note(f"no corrections (they would be kept in {path})")
        raise typer.Exit(EXIT_NOTHING)
    raise typer.Exit(EXIT_FOUND)


@corrections_app.command("rm")
def corrections_rm(
    numbers: list[int] = typer.Argument(..., metavar="N...", help="Corrections to remove, "
                                        "by their number in 'quoteidx corrections'."),
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """Remove corrections by number (as 'quoteidx corrections' lists them).

    Exit codes: 0 removed, 1 no such correction (nothing removed), 2 index error.

    Example: quoteidx corrections rm 3
    """
    with opened(index_dir) as index:
        count = len(index.corrections())
        missing = [number for number in numbers if not 1 <= number <= count]
        if missing:
            error(f"no correction {', '.join(map(str, missing))}; there are {count} "
                  "(see 'quoteidx corrections'); nothing removed")
            raise typer.Exit(EXIT_NOTHING)
        for number in sorted(set(numbers), reverse=True):  # the numbers before stay put
            removed = index.remove_correction(number)
            note(f"removed correction {number}: {removed.describe()}")
    raise typer.Exit(EXIT_FOUND)


def _record(index_dir: str | None, make: Callable[[Index], Recorded]) -> None:
    """Record a correction the index has checked against what it holds: one that would
    not apply is refused now rather than silently ignored later."""
    from quoteidx.index import AmbiguousId, CorrectionRefused, QuoteNotFound

    with opened(index_dir) as index:
        try:
            done = make(index)
        except QuoteNotFound as err:
            error(str(err))
            raise typer.Exit(EXIT_NOTHING) from None
        except (CorrectionRefused, AmbiguousId) as err:
            error(f"not recorded: {err}")
            raise typer.Exit(EXIT_ERROR) from None
    if done.cancelled is not None:
        note(f"{done.correction.describe()} cancels correction {done.cancelled}, which is "
             f"removed from {done.where}; nothing recorded")
    elif not done.recorded:
        note("already one person; nothing recorded")
        raise typer.Exit(EXIT_FOUND)
    # Who the person is now, on stderr: the correction is what stdout would not show.
    for person in done.people:
        aliases = f" (also: {', '.join(person.aliases[1:])})" if len(person.aliases) > 1 else ""
        note(f"{person.name}{aliases}: {person.count} quotes in "
             f"{'; '.join(person.sources)}")
    if done.recorded:
        note(f"recorded in {done.where}: {done.correction.describe()}")
