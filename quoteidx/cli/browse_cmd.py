"""`quoteidx speakers`, `show` and `stats`: what the index holds, looked at without a
query (the people quoted, one quote in full, the index's figures). Arguments in, Index
calls, printers out; Rich loads inside the commands, so `quoteidx --help` stays fast."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import typer

from quoteidx.cli.app import EXIT_ERROR, EXIT_FOUND, EXIT_NOTHING, app, error
from quoteidx.cli.app import note as say
from quoteidx.cli.index_cmd import INDEX_OPTION, opened
from quoteidx.cli.output import (
    BOM_OPTION,
    CITE_OPTION,
    FIELDS_OPTION,
    FORMAT_OPTION,
    NO_HEADERS_OPTION,
    Format,
    columns,
    paged,
    to_stdout,
    write_rows,
)


class StatsFormat(StrEnum):
    table = "table"
    json = "json"


@app.command()
def speakers(
    fragment: str | None = typer.Argument(
        None, metavar="FRAGMENT", help="Only names containing this."),
    fmt: Format = FORMAT_OPTION,
    aliases: bool = typer.Option(
        False, "--aliases", "-a",
        help="Other formats: add each person's aliases, roles per source and articles "
             "written.",
    ),
    fields: str | None = FIELDS_OPTION,
    no_headers: bool = NO_HEADERS_OPTION,
    bom: bool = BOM_OPTION,
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """The people quoted, each once: names seen, roles, number of quotes, sources.

    One person across articles: the same full name ("Ismail Khan", "Commander
    Ismail Khan"), or within one article a shorter name used for them ("Khan").
    A surname alone never joins two articles' people: fix what quoteidx got
    wrong with merge-speakers, split-speaker and reassign. Most quoted first;
    FRAGMENT keeps people with a name containing it (any case or accents).

    Exit codes: 0 found, 1 nothing found, 2 bad usage or index error.

    Example: quoteidx speakers khan
    """
    names = ["speaker", "role", "quotes", "sources"]
    if aliases:
        names += ["aliases", "roles", "wrote"]
    wanted = columns(fmt, names, fields, no_headers, bom)
    with opened(index_dir) as index:
        if fmt is Format.table:
            people: list[Any] = index.speakers(fragment)
        else:
            people = index.speaker_records(fragment, aliases=aliases)
    if not people:
        say("no speakers match")
    elif fmt is Format.table:
        from quoteidx.presenting.human import identities_table

        with paged() as out:
            out.print(identities_table(people))
    else:
        if fmt in (Format.csv, Format.tsv, Format.markdown):
            people = [{key: _csv_list(value) for key, value in row.items()} for row in people]
        with to_stdout():
            write_rows(people, fmt, wanted, headers=not no_headers, bom=bom)
    raise typer.Exit(EXIT_FOUND if people else EXIT_NOTHING)


def _csv_list(value: Any) -> Any:
    """Lists as '; '-joined text in a CSV cell; a role per source as 'role (source)'."""
    if not isinstance(value, list):
        return value
    return "; ".join(f"{v['role']} ({v['source']})" if isinstance(v, dict) else str(v)
                     for v in value)


@app.command()
def show(
    quote_id: str = typer.Argument(
        ..., metavar="ID", help="A quote id, or its first 6 or more characters."),
    context: int = typer.Option(
        0, "--context", "-C", min=0,
        help="Also show N paragraphs before and after, read again from the source.",
    ),
    fmt: Format = FORMAT_OPTION,
    fields: str | None = FIELDS_OPTION,
    no_headers: bool = NO_HEADERS_OPTION,
    bom: bool = BOM_OPTION,
    cite: bool = CITE_OPTION,
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """One quote in full, inside its paragraph.

    The paragraph with the quote highlighted, speaker (and the other names the
    person goes by), role, cue, source metadata and offsets. ID may be shortened
    to its first 6 or more characters, as long as no other id starts the same
    way. An id that is no longer in the index (its article changed) is named
    with the quote that replaced it, where quoteidx can tell. --format json gives
    a list of one record. --context N reads the source document again and shows
    N paragraphs either side; if the file is gone or has changed since it was
    indexed, that is said on stderr and only the stored paragraph is shown.

    Exit codes: 0 found, 1 no such id, 2 bad usage (an ambiguous id) or index error.

    Example: quoteidx show 3f2a9c --context 2 --cite
    """
    from quoteidx.index import AmbiguousId
    from quoteidx.presenting.citation import citation
    from quoteidx.record import FLAT_FIELDS

    extra = (["context_before", "context_after"] if context else []) + (
        ["citation"] if cite else [])
    wanted = columns(fmt, [*FLAT_FIELDS, *extra], fields, no_headers, bom)
    with opened(index_dir) as index:
        try:
            quote = index.get(quote_id)
        except AmbiguousId as err:
            error(str(err))
            raise typer.Exit(EXIT_ERROR) from None
        if quote is None:
            error(_gone(index, quote_id))
            raise typer.Exit(EXIT_NOTHING)
        person = index.person_names(quote) if fmt is Format.table else None
        before: list[str] = []
        after: list[str] = []
        if context:
            around = index.context(quote, context)
            assert around is not None
            before, after = around.before, around.after
            if around.problem:
                from quoteidx.cli.app import warn

                warn(f"{around.problem}; showing the stored paragraph only")
    if fmt is Format.table:
        from quoteidx.presenting.human import quote_panel

        more: list[tuple[str, str]] = []
        if person is not None:
            name, aliases = person
            others = [alias for alias in aliases if alias != quote.speaker]
            if name != quote.speaker or others:
                more.append(("person", f"{name} (also: {', '.join(others)})"
                             if others else name))
        if cite:
            more.append(("cite", citation(quote, person[0] if person else None)))
        with paged() as out:
            out.print(quote_panel(quote, before=before, after=after, more=more))
    else:
        flat = fmt in (Format.csv, Format.tsv, Format.markdown)
        record = quote.to_flat() if flat else quote.to_dict()
        if context:
            record["context_before"] = "\n\n".join(before) if flat else before
            record["context_after"] = "\n\n".join(after) if flat else after
        if cite:
            record["citation"] = citation(quote)
        with to_stdout():
            write_rows([record], fmt, wanted, headers=not no_headers, bom=bom)
    raise typer.Exit(EXIT_FOUND)


def _gone(index: Any, quote_id: str) -> str:
    """Why there is no quote with that id, and which replaced it if the index knows."""
    from quoteidx.reading.document import printable

    moved = index.replacement(quote_id)
    if moved is None:
        return f"no quote with id {quote_id!r}"
    where = printable(moved.source.path)
    if moved.quote is None:
        return (f"no quote {moved.old_id} now: {where} has changed since it was cited and "
                "no quote there is like it any more")
    return (f"no quote {moved.old_id} now: {where} has changed since it was cited; quote "
            f"{moved.quote.id} replaced it (quoteidx show {moved.quote.id})")


@app.command()
def stats(
    fmt: StatsFormat = typer.Option(StatsFormat.table, "--format", "-f", help="table or json."),
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """What the index holds: documents, quotes by kind, speakers, size on disk.

    Exit codes: 0 done, 2 bad usage or index error.

    Example: quoteidx stats --format json
    """
    with opened(index_dir) as index:
        figures = index.stats()
    if fmt is StatsFormat.json:
        import json
        import sys
        from dataclasses import asdict

        json.dump(asdict(figures), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from quoteidx.cli.app import stdout_console
        from quoteidx.presenting.human import stats_table

        stdout_console().print(stats_table(figures))
    raise typer.Exit(EXIT_FOUND)
