"""`quoteidx search`, `by-speaker`, `speakers`, `show` and `stats`: arguments in, Index
calls, printers out. Whoosh and Rich tables load inside the commands, so `quoteidx
--help` stays fast."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import typer

from quoteidx.cli.app import (
    EXIT_ERROR,
    EXIT_FOUND,
    EXIT_NOTHING,
    app,
    error,
    note,
    stderr,
    stdout_console,
    warn,
)
from quoteidx.cli.index_cmd import INDEX_OPTION, opened

if TYPE_CHECKING:
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
CITE_OPTION: Any = typer.Option(
    False, "--cite", help="A citation line per quote (a 'citation' field in json/jsonl/csv)."
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
    cite: bool = CITE_OPTION,
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """Search the quotes, best match first.

    QUERY searches the quote text, stemmed: "fight" finds "fighting".
    Place names find nationality words too: "Pakistan" finds "Pakistanis".
    Fields: speaker: role: kind: cue: outlet: publication: author: title: source:
    date: id: -- plus "exact phrases", AND OR NOT, wildcards (pak*), fuzzy terms
    (Pakistn~) and dates: date:[2021-08-01 to 2021-08-31], date:>2021-08.
    '*' matches every quote. --speaker matches any name the person was given
    (see 'quoteidx speakers'); speaker: in QUERY matches the name in each article.

    Exit codes: 0 found, 1 nothing found, 2 bad usage, bad query or index error.

    Example: [bold]quoteidx search "Pakistan" --speaker Khan --format json[/bold]
    """
    from quoteidx.querying import QueryError, date_bounds, parse

    try:  # before opening the index: a typo costs nothing
        tree = parse(query)
        since_at = date_bounds(since)[0] if since else None
        until_at = date_bounds(until)[1] if until else None
    except QueryError as err:
        error(str(err))
        raise typer.Exit(EXIT_ERROR) from None
    with opened(index_dir) as index:
        result = index.search(tree, speaker=speaker, kind=kind.value if kind else None,
                              since=since_at, until=until_at, sort=sort.value,
                              limit=limit or None)
    _print_hits(result, fmt, scored=True, cite=cite)
    if not result.hits and fmt is Format.table:
        stderr.print("no quotes match", highlight=False)
    raise typer.Exit(EXIT_FOUND if result.hits else EXIT_NOTHING)


@app.command("by-speaker")
def by_speaker(
    name: str = typer.Argument(..., help="A name or any part of it, any case, any accents."),
    limit: int = typer.Option(0, "--limit", "-n", min=0, help="Most results to show; 0 = all."),
    fmt: Format = FORMAT_OPTION,
    cite: bool = CITE_OPTION,
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """Every quote by a person, in document order.

    Whatever the article called them, "Nezami" and "shariyar NEZAMI" find the
    same quotes: every part of NAME must be in one of the person's names (any
    alias listed by 'quoteidx speakers'), any case, any accents. Corrections
    (merge-speakers, split-speaker, reassign) apply.

    Exit codes: 0 found, 1 nothing found, 2 bad usage, bad query or index error.

    Example: [bold]quoteidx by-speaker Nezami --cite[/bold]
    """
    from quoteidx.identity.names import name_words

    if not name_words(name):
        error(f"no name to look for in {name!r}")
        raise typer.Exit(EXIT_ERROR)
    with opened(index_dir) as index:
        result = index.by_speaker(name, limit=limit or None)
        close = [] if result.hits else index.suggest_speakers(name)
    _print_hits(result, fmt, scored=False, cite=cite)
    if not result.hits:
        suggestion = f"; did you mean: {', '.join(close)}?" if close else ""
        note(f"no quotes by {name!r}{suggestion}")
    raise typer.Exit(EXIT_FOUND if result.hits else EXIT_NOTHING)


@app.command()
def speakers(
    fragment: str | None = typer.Argument(None, help="Only names containing this."),
    fmt: Format = FORMAT_OPTION,
    aliases: bool = typer.Option(
        False, "--aliases", "-a",
        help="json/jsonl/csv: add each person's aliases, roles per source and articles written.",
    ),
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """The people quoted, each once: names seen, roles, number of quotes, sources.

    One person across articles: the same full name ("Ismail Khan", "Commander
    Ismail Khan"), or within one article a shorter name used for them ("Khan").
    A surname alone never joins two articles' people: fix what quoteidx got
    wrong with merge-speakers, split-speaker and reassign. Most quoted first;
    FRAGMENT keeps people with a name containing it (any case or accents).

    Exit codes: 0 found, 1 nothing found, 2 bad usage or index error.

    Example: [bold]quoteidx speakers khan[/bold]
    """
    with opened(index_dir) as index:
        people = index.speakers(fragment)
    if fmt is Format.table:
        from quoteidx.presenting.human import identities_table

        if people:
            stdout_console().print(identities_table(people))
        else:
            stderr.print("no speakers match", highlight=False)
    else:
        from quoteidx.presenting.machine import write_records

        fields = ["speaker", "role", "quotes", "sources"]
        if aliases:
            fields += ["aliases", "roles", "wrote"]
        rows = []
        for person in people:
            row: dict[str, Any] = {"speaker": person.name, "role": person.role,
                                   "quotes": len(person.quotes), "sources": person.sources}
            if aliases:
                row.update(aliases=person.aliases, wrote=person.wrote, roles=[
                    {"source": label, "role": role} for label, role in person.roles])
            if fmt is Format.csv:
                row = {key: _csv_list(value) for key, value in row.items()}
            rows.append(row)
        write_records(rows, fmt.value, sys.stdout, fields)
    raise typer.Exit(EXIT_FOUND if people else EXIT_NOTHING)


def _csv_list(value: Any) -> Any:
    """Lists as '; '-joined text in a CSV cell; a role per source as 'role (source)'."""
    if not isinstance(value, list):
        return value
    return "; ".join(f"{v['role']} ({v['source']})" if isinstance(v, dict) else str(v)
                     for v in value)


@app.command()
def show(
    quote_id: str = typer.Argument(..., metavar="ID", help="A quote id, as listed by search."),
    context: int = typer.Option(
        0, "--context", "-C", min=0,
        help="Also show N paragraphs before and after, read again from the source.",
    ),
    fmt: Format = FORMAT_OPTION,
    cite: bool = CITE_OPTION,
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """One quote in full, inside its paragraph.

    The paragraph with the quote highlighted, speaker (and the other names
    the person goes by), role, cue, source metadata and offsets. --format json
    gives a list of one record. --context N reads the source document again and
    shows N paragraphs either side; if the file is gone or has changed since it
    was indexed, that is said on stderr and only the stored paragraph is shown.

    Exit codes: 0 found, 1 no such id, 2 bad usage or index error.

    Example: [bold]quoteidx show 3f2a9c1b7d04 --context 2 --cite[/bold]
    """
    from quoteidx.presenting.citation import citation

    with opened(index_dir) as index:
        quote = index.get(quote_id)
        if quote is None:
            error(f"no quote with id {quote_id!r}")
            raise typer.Exit(EXIT_NOTHING)
        person = index.person(quote) if fmt is Format.table else None
        before: list[str] = []
        after: list[str] = []
        if context:
            around = index.context(quote, context)
            assert around is not None
            before, after = around.before, around.after
            if around.problem:
                warn(f"{around.problem}; showing the stored paragraph only")
    if fmt is Format.table:
        from quoteidx.presenting.human import quote_panel

        more: list[tuple[str, str]] = []
        if person is not None:
            others = [alias for alias in person.aliases if alias != quote.speaker]
            if person.name != quote.speaker or others:
                more.append(("person", f"{person.name} (also: {', '.join(others)})"
                             if others else person.name))
        if cite:
            more.append(("cite", citation(quote, person.name if person else None)))
        stdout_console().print(quote_panel(quote, before=before, after=after, more=more))
    else:
        from quoteidx.presenting.machine import write_records
        from quoteidx.record import FLAT_FIELDS

        record = quote.to_flat() if fmt is Format.csv else quote.to_dict()
        fields = list(FLAT_FIELDS)
        if context:
            record["context_before"] = before if fmt is not Format.csv else "\n\n".join(before)
            record["context_after"] = after if fmt is not Format.csv else "\n\n".join(after)
            fields += ["context_before", "context_after"]
        if cite:
            record["citation"] = citation(quote)
            fields.append("citation")
        write_records([record], fmt.value, sys.stdout, fields)
    raise typer.Exit(EXIT_FOUND)


@app.command()
def stats(
    fmt: StatsFormat = typer.Option(StatsFormat.table, "--format", "-f", help="table or json."),
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """What the index holds: documents, quotes by kind, speakers, size on disk.

    Exit codes: 0 done, 2 bad usage or index error.

    Example: [bold]quoteidx stats --format json[/bold]
    """
    with opened(index_dir) as index:
        figures = index.stats()
    if fmt is StatsFormat.json:
        import json
        from dataclasses import asdict

        json.dump(asdict(figures), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from quoteidx.presenting.human import stats_table

        stdout_console().print(stats_table(figures))
    raise typer.Exit(EXIT_FOUND)


def _print_hits(result: SearchResult, fmt: Format, *, scored: bool, cite: bool = False) -> None:
    from quoteidx.presenting.citation import citation

    def cited(hit: Hit) -> str:
        return citation(hit.quote, hit.person)

    if fmt is Format.table:
        if result.hits:
            from quoteidx.presenting.human import hits_table

            citations = {hit.quote.id: cited(hit) for hit in result.hits} if cite else None
            stdout_console().print(hits_table(result.hits, citations=citations))
            shown = len(result.hits)
            more = f" of {result.total}" if result.total > shown else ""
            stderr.print(f"{shown}{more} quotes", highlight=False)
        return
    from quoteidx.presenting.machine import write_records
    from quoteidx.record import FLAT_FIELDS

    fields = [*FLAT_FIELDS, "score"] if scored else list(FLAT_FIELDS)
    if cite:
        fields.append("citation")

    def record(hit: Hit) -> dict[str, Any]:
        row = _record(hit, fmt, scored)
        if cite:
            row["citation"] = cited(hit)
        return row

    write_records((record(hit) for hit in result.hits), fmt.value, sys.stdout, fields)


def _record(hit: Hit, fmt: Format, scored: bool) -> dict[str, Any]:
    record = hit.quote.to_flat() if fmt is Format.csv else hit.quote.to_dict()
    if scored:
        record["score"] = hit.score
    return record
