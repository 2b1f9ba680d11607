"""`quoteidx search`, `by-speaker`, `speakers`, `show` and `stats`: reading the index.
Whoosh and Rich tables load inside the commands, so `quoteidx --help` stays fast."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from quoteidx.cli.app import (
    EXIT_ERROR,
    EXIT_FOUND,
    EXIT_NOTHING,
    app,
    error,
    stderr,
    stdout_console,
)
from quoteidx.cli.index_cmd import INDEX_OPTION, open_index

if TYPE_CHECKING:
    from quoteidx.querying import SearchRequest
    from quoteidx.storing import Hit, SearchResult

class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class StatsFormat(StrEnum):
    table = "table"
    json = "json"


class Kind(StrEnum):
    direct = "direct"
    indirect = "indirect"


class Sort(StrEnum):
    relevance = "relevance"
    date = "date"


FORMAT_OPTION: Any = typer.Option(
    Format.table, "--format", "-f", help="table for people; json, jsonl, csv for scripts."
)


@app.command()
def search(
    query: str = typer.Argument(..., help="Words, phrases in quotes, field:value, ..."),
    limit: int = typer.Option(20, "--limit", "-n", min=0, help="Most results to show; 0 = all."),
    speaker: str | None = typer.Option(None, "--speaker", "-s", help="Only quotes by this person."),
    kind: Kind | None = typer.Option(None, "--kind", "-k", help="Only direct or indirect quotes."),
    since: str | None = typer.Option(None, help="Sources dated on or after YYYY[-MM[-DD]]."),
    until: str | None = typer.Option(None, help="Sources dated on or before YYYY[-MM[-DD]]."),
    sort: Sort = typer.Option(Sort.relevance, "--sort", help="Best match first, or newest."),
    fmt: Format = FORMAT_OPTION,
    index_dir: Path | None = INDEX_OPTION,
) -> None:
    """Search the quotes, best match first.

    QUERY searches the quote text, stemmed: "fight" finds "fighting".
    Place names find nationality words too: "Pakistan" finds "Pakistanis".
    Fields: speaker: role: kind: cue: outlet: publication: author: title: source:
    date: id: -- plus "exact phrases", AND OR NOT, wildcards (pak*), fuzzy terms
    (Pakistn~) and dates: date:[2021-08-01 to 2021-08-31], date:>2021-08.
    '*' matches every quote.

    Exit codes: 0 found, 1 nothing found, 2 bad usage, bad query or index error.

    Example: [bold]quoteidx search "Pakistan" --speaker Khan --format json[/bold]
    """
    from quoteidx.querying import QueryError, SearchRequest, check_syntax, date_bounds

    try:
        check_syntax(query)  # before opening the index: a typo costs nothing
        request = SearchRequest(
            query=query,
            speaker=speaker,
            kind=kind.value if kind else None,
            since=date_bounds(since)[0] if since else None,
            until=date_bounds(until)[1] if until else None,
            sort=sort.value,
            limit=limit or None,
        )
    except QueryError as err:
        error(str(err))
        raise typer.Exit(EXIT_ERROR) from None
    result = _run(request, index_dir)
    _print_hits(result, fmt, scored=True)
    if not result.hits and fmt is Format.table:
        stderr.print("no quotes match", highlight=False)
    raise typer.Exit(EXIT_FOUND if result.hits else EXIT_NOTHING)


@app.command("by-speaker")
def by_speaker(
    name: str = typer.Argument(..., help="A name or any part of it, any case, any accents."),
    limit: int = typer.Option(0, "--limit", "-n", min=0, help="Most results to show; 0 = all."),
    fmt: Format = FORMAT_OPTION,
    index_dir: Path | None = INDEX_OPTION,
) -> None:
    """Every quote by a person, in document order.

    Whatever the article called them, "Nezami" and "shariyar NEZAMI" find the
    same quotes: every part of NAME must be in the name, any case, any accents.

    Exit codes: 0 found, 1 nothing found, 2 bad usage, bad query or index error.

    Example: [bold]quoteidx by-speaker Nezami[/bold]
    """
    from quoteidx.querying import SearchRequest

    request = SearchRequest(speaker=name, sort="document", limit=limit or None)
    result = _run(request, index_dir)
    _print_hits(result, fmt, scored=False)
    if not result.hits:
        stderr.print(f"no quotes by {name!r}{_suggest(name, index_dir)}",
                     markup=False, highlight=False)
    raise typer.Exit(EXIT_FOUND if result.hits else EXIT_NOTHING)


@app.command()
def speakers(
    fragment: str | None = typer.Argument(None, help="Only names containing this."),
    fmt: Format = FORMAT_OPTION,
    index_dir: Path | None = INDEX_OPTION,
) -> None:
    """The people quoted, with role, number of quotes and sources.

    Most quoted first; FRAGMENT keeps names containing it (any case or accents).

    Exit codes: 0 found, 1 nothing found, 2 bad usage or index error.

    Example: [bold]quoteidx speakers khan[/bold]
    """
    with open_index(index_dir) as store:
        people = store.speakers(fragment)
    if fmt is Format.table:
        from quoteidx.presenting.human import speakers_table

        if people:
            stdout_console().print(speakers_table(people))
        else:
            stderr.print("no speakers match", highlight=False)
    else:
        from quoteidx.presenting.machine import write_records

        rows = []
        for person in people:
            sources: Any = list(dict.fromkeys(person.sources))
            if fmt is Format.csv:
                sources = "; ".join(sources)
            rows.append({"speaker": person.name, "role": person.role,
                         "quotes": person.quotes, "sources": sources})
        write_records(rows, fmt.value, sys.stdout, ["speaker", "role", "quotes", "sources"])
    raise typer.Exit(EXIT_FOUND if people else EXIT_NOTHING)


@app.command()
def show(
    quote_id: str = typer.Argument(..., metavar="ID", help="A quote id, as listed by search."),
    fmt: Format = FORMAT_OPTION,
    index_dir: Path | None = INDEX_OPTION,
) -> None:
    """One quote in full, inside its paragraph.

    The paragraph with the quote highlighted, speaker, role, cue, source
    metadata and offsets. --format json gives a list of one record.

    Exit codes: 0 found, 1 no such id, 2 bad usage or index error.

    Example: [bold]quoteidx show 3f2a9c1b7d04[/bold]
    """
    with open_index(index_dir) as store:
        quote = store.get(quote_id.strip())
    if quote is None:
        error(f"no quote with id {quote_id!r}")
        raise typer.Exit(EXIT_NOTHING)
    if fmt is Format.table:
        from quoteidx.presenting.human import quote_panel

        stdout_console().print(quote_panel(quote))
    else:
        from quoteidx.presenting.machine import write_records
        from quoteidx.record import FLAT_FIELDS

        record = quote.to_flat() if fmt is Format.csv else quote.to_dict()
        write_records([record], fmt.value, sys.stdout, list(FLAT_FIELDS))
    raise typer.Exit(EXIT_FOUND)


@app.command()
def stats(
    fmt: StatsFormat = typer.Option(StatsFormat.table, "--format", "-f", help="table or json."),
    index_dir: Path | None = INDEX_OPTION,
) -> None:
    """What the index holds: documents, quotes by kind, speakers, size on disk.

    Exit codes: 0 done, 2 bad usage or index error.

    Example: [bold]quoteidx stats --format json[/bold]
    """
    with open_index(index_dir) as store:
        figures = store.stats()
    if fmt is StatsFormat.json:
        import json
        from dataclasses import asdict

        json.dump(asdict(figures), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from quoteidx.presenting.human import stats_table

        stdout_console().print(stats_table(figures))
    raise typer.Exit(EXIT_FOUND)


def _run(request: SearchRequest, index_dir: Path | None) -> SearchResult:
    from quoteidx.querying import QueryError

    with open_index(index_dir) as store:
        try:
            return store.search(request)
        except QueryError as err:
            error(str(err))
            raise typer.Exit(EXIT_ERROR) from None


def _print_hits(result: SearchResult, fmt: Format, *, scored: bool) -> None:
    if fmt is Format.table:
        if result.hits:
            from quoteidx.presenting.human import hits_table

            stdout_console().print(hits_table(result.hits))
            shown = len(result.hits)
            more = f" of {result.total}" if result.total > shown else ""
            stderr.print(f"{shown}{more} quotes", highlight=False)
        return
    from quoteidx.presenting.machine import write_records
    from quoteidx.record import FLAT_FIELDS

    fields = [*FLAT_FIELDS, "score"] if scored else list(FLAT_FIELDS)
    write_records((_record(hit, fmt, scored) for hit in result.hits), fmt.value, sys.stdout,
                  fields)


def _record(hit: Hit, fmt: Format, scored: bool) -> dict[str, Any]:
    record = hit.quote.to_flat() if fmt is Format.csv else hit.quote.to_dict()
    if scored:
        record["score"] = hit.score
    return record


def _suggest(name: str, index_dir: Path | None) -> str:
    """'; did you mean ...' from the names (and parts of names) in the index, or nothing."""
    import difflib

    from quoteidx.querying import fold_name

    with open_index(index_dir) as store:
        people = store.speakers()
    candidates: dict[str, str] = {}
    for person in people:
        key = fold_name(person.name)
        candidates[key] = person.name
        for part in key.split():
            candidates.setdefault(part, person.name)
    close = difflib.get_close_matches(fold_name(name), list(candidates), n=5, cutoff=0.75)
    names = list(dict.fromkeys(candidates[key] for key in close))[:3]
    return f"; did you mean: {', '.join(names)}?" if names else ""
