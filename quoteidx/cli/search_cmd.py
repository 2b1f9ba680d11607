"""`quoteidx search` and `by-speaker`: the quotes a query or a person finds, printed as
hits. Arguments in, Index calls, printers out. Whoosh and Rich load inside the commands,
so `quoteidx --help` stays fast. (`speakers`, `show` and `stats` are in browse_cmd.)"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

import typer

from quoteidx.cli.app import EXIT_ERROR, EXIT_FOUND, EXIT_NOTHING, app, error
from quoteidx.cli.app import note as say
from quoteidx.cli.index_cmd import INDEX_OPTION, opened
from quoteidx.cli.output import (
    BOM_OPTION,
    CITE_OPTION,
    FIELDS_OPTION,
    FORMAT_OPTION,
    LIMIT_OPTION,
    NO_HEADERS_OPTION,
    Format,
    columns,
    paged,
    row_limit,
    to_stdout,
    write_rows,
)

if TYPE_CHECKING:
    from quoteidx.storing import Hit, SearchResult


class Kind(StrEnum):
    direct = "direct"
    indirect = "indirect"


class Sort(StrEnum):
    relevance = "relevance"
    date = "date"


COUNT_OPTION: Any = typer.Option(
    False, "--count", "-c", help="Print only the number of matching quotes.")
QUIET_OPTION: Any = typer.Option(
    False, "--quiet", "-q", help="Print nothing: the exit code says whether any matched.")


@app.command()
def search(
    query: str = typer.Argument(
        ..., metavar="QUERY", help="Words, \"phrases\", field:value, AND OR NOT -word."),
    limit: int | None = LIMIT_OPTION,
    speaker: str | None = typer.Option(
        None, "--speaker", help="Only quotes by this person (any of their names)."),
    exact: bool = typer.Option(
        False, "--exact", "-F", help="The words as written: never stemmed ('fight' is not "
        "'fighting'), case ignored."),
    case_sensitive: bool = typer.Option(
        False, "--case-sensitive", "-s", help="The words as written, in the query's case "
        "(implies -F)."),
    kind: Kind | None = typer.Option(None, "--kind", "-k", help="Only direct or indirect quotes."),
    since: str | None = typer.Option(None, help="Sources dated on or after YYYY[-MM[-DD]]."),
    until: str | None = typer.Option(None, help="Sources dated on or before YYYY[-MM[-DD]]."),
    sort: Sort = typer.Option(Sort.relevance, "--sort", help="Best match first, or newest."),
    count: bool = COUNT_OPTION,
    quiet: bool = QUIET_OPTION,
    fmt: Format = FORMAT_OPTION,
    fields: str | None = FIELDS_OPTION,
    no_headers: bool = NO_HEADERS_OPTION,
    bom: bool = BOM_OPTION,
    cite: bool = CITE_OPTION,
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """Search the quotes, best match first.

    QUERY searches the quote text, stemmed ("fight" finds "fighting"; -F or
    words: for the words as written), and place names find nationality words
    ("Pakistan" finds "Pakistanis"). Fields: speaker: role: kind: cue: outlet:
    publication: author: title: source: date: id: words:. Also "exact phrases",
    AND OR NOT, -word (excludes it), wildcards (pak*), fuzzy terms (Pakistn~)
    and dates, quoted so that the shell leaves them alone:
    'date:[2021-08-01 TO 2021-08-31]' 'date:>2021-08' 'date:<=2021'.
    '*' matches every quote. --speaker and speaker: mean a person, under any of
    their names (see 'quoteidx speakers'). A query starting with '-' goes after
    --: quoteidx search -- '-taliban kabul'.

    A table shows 20 quotes unless --limit says otherwise; json, jsonl, csv,
    tsv and markdown give every match.

    Exit codes: 0 found, 1 nothing found, 2 bad usage, bad query or index error.

    Example: quoteidx search -F '"pawns of the Pakistanis"' --format json
    """
    from quoteidx.querying import QueryError, check_period, date_bounds, parse

    wanted = columns(fmt, _fields(True, cite), fields, no_headers, bom)
    try:  # before opening the index: a typo costs nothing
        tree = parse(query)
        since_at = date_bounds(since)[0] if since else None
        until_at = date_bounds(until)[1] if until else None
        check_period(since_at, until_at)
    except QueryError as err:
        error(str(err))
        raise typer.Exit(EXIT_ERROR) from None
    most = 0 if count or quiet else row_limit(limit, fmt)
    with opened(index_dir) as index:
        result = index.search(tree, speaker=speaker, kind=kind.value if kind else None,
                              since=since_at, until=until_at, sort=sort.value, limit=most,
                              exact=exact, case_sensitive=case_sensitive,
                              highlight=fmt is Format.table)
    if not quiet:
        _meant(speaker, result)
        _print(result, fmt, count=count, scored=True, cite=cite, fields=wanted,
               headers=not no_headers, bom=bom, nothing="no quotes match")
    raise typer.Exit(EXIT_FOUND if result.total else EXIT_NOTHING)


@app.command("by-speaker")
def by_speaker(
    name: str = typer.Argument(
        ..., metavar="NAME", help="A name or any part of it, any case, any accents."),
    limit: int | None = LIMIT_OPTION,
    count: bool = COUNT_OPTION,
    quiet: bool = QUIET_OPTION,
    fmt: Format = FORMAT_OPTION,
    fields: str | None = FIELDS_OPTION,
    no_headers: bool = NO_HEADERS_OPTION,
    bom: bool = BOM_OPTION,
    cite: bool = CITE_OPTION,
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """Every quote by a person, in document order.

    Whatever the article called them, "Nezami" and "shariyar NEZAMI" find the
    same quotes: every part of NAME must be in one of the person's names (any
    alias listed by 'quoteidx speakers'), any case, any accents. When NAME
    could be several people, stderr says whom it was taken to mean. Corrections
    (merge-speakers, split-speaker, reassign) apply. A table shows 20 quotes
    unless --limit says otherwise; other formats give every one.

    Exit codes: 0 found, 1 nothing found, 2 bad usage or index error.

    Example: quoteidx by-speaker Nezami --cite
    """
    from quoteidx.identity.names import name_words

    wanted = columns(fmt, _fields(False, cite), fields, no_headers, bom)
    if not name_words(name):
        error(f"no name to look for in {name!r}")
        raise typer.Exit(EXIT_ERROR)
    with opened(index_dir) as index:
        result = index.by_speaker(name, limit=0 if count or quiet else row_limit(limit, fmt))
        close = [] if result.total or quiet else index.suggest_speakers(name)
    if not quiet:
        _meant(name, result)
        suggestion = f"; did you mean: {', '.join(close)}?" if close else ""
        _print(result, fmt, count=count, scored=False, cite=cite, fields=wanted,
               headers=not no_headers, bom=bom, nothing=f"no quotes by {name!r}{suggestion}")
    raise typer.Exit(EXIT_FOUND if result.total else EXIT_NOTHING)


# Printing hits


def _fields(scored: bool, cite: bool) -> list[str]:
    from quoteidx.record import FLAT_FIELDS

    return [*FLAT_FIELDS, *(["score"] if scored else []), *(["citation"] if cite else [])]


def _meant(name: str | None, result: SearchResult) -> None:
    """On stderr, whom a name was taken to mean, when that is not plain from the name."""
    people = result.people
    if not people or (name is not None and people == (name,)):
        return
    about = f"{name!r}" if name else "the names in the query"
    if len(people) == 1:
        say(f"taking {about} to mean {people[0]}")
    else:
        say(f"taking {about} to mean {len(people)} people: {'; '.join(people)} (name one of "
            "them in full to narrow it)")


def _print(result: SearchResult, fmt: Format, *, count: bool, scored: bool, cite: bool,
           fields: list[str], headers: bool, bom: bool, nothing: str) -> None:
    if cite:
        from quoteidx.presenting.citation import citation
    if count:
        print(result.total)
        return
    if fmt is Format.table:
        if not result.hits:
            say(nothing)
            return
        from quoteidx.presenting.human import hits_table

        citations = ({hit.quote.id: citation(hit.quote, hit.person) for hit in result.hits}
                     if cite else None)
        with paged() as out:
            out.print(hits_table(result.hits, citations=citations))
        shown = len(result.hits)
        if result.total > shown:
            say(f"{shown} of {result.total} quotes (--limit N shows more, --limit 0 all)")
        else:
            say(f"{shown} quote{'s' if shown != 1 else ''}")
        return
    flat = fmt in (Format.csv, Format.tsv, Format.markdown)

    def record(hit: Hit) -> dict[str, Any]:
        row = hit.quote.to_flat() if flat else hit.quote.to_dict()
        if scored:
            row["score"] = hit.score
        if cite:
            row["citation"] = citation(hit.quote, hit.person)
        return row

    with to_stdout():
        write_rows((record(hit) for hit in result.hits), fmt, fields, headers=headers, bom=bom)
