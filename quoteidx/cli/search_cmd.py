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
    note,
    stderr,
    stdout_console,
    warn,
)
from quoteidx.cli.index_cmd import INDEX_OPTION, open_index

if TYPE_CHECKING:
    from quoteidx.identity import Identities
    from quoteidx.querying import SearchRequest
    from quoteidx.record import Quote
    from quoteidx.storing import Hit, SearchResult, Store

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
    index_dir: Path | None = INDEX_OPTION,
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
    index_dir: Path | None = INDEX_OPTION,
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
    from quoteidx.storing import Hit, SearchResult

    if not name_words(name):
        error(f"no name to look for in {name!r}")
        raise typer.Exit(EXIT_ERROR)
    with open_index(index_dir) as store:
        people = load_people(store, about=name)
    said = sorted((quote for person in people.find(name) for quote in person.quotes),
                  key=lambda quote: (quote.source.path, quote.start))
    hits = [Hit(quote) for quote in said]
    result = SearchResult(hits=hits[:limit] if limit else hits, total=len(hits))
    _print_hits(result, fmt, scored=False, cite=cite, people=people)
    if not result.hits:
        note(f"no quotes by {name!r}{_suggest(name, index_dir)}")
    raise typer.Exit(EXIT_FOUND if result.hits else EXIT_NOTHING)


@app.command()
def speakers(
    fragment: str | None = typer.Argument(None, help="Only names containing this."),
    fmt: Format = FORMAT_OPTION,
    aliases: bool = typer.Option(
        False, "--aliases", "-a",
        help="json/jsonl/csv: add each person's aliases, roles per source and articles written.",
    ),
    index_dir: Path | None = INDEX_OPTION,
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
    with open_index(index_dir) as store:
        people = load_people(store).people
    if fragment:
        people = [person for person in people if person.contains(fragment)]
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
    index_dir: Path | None = INDEX_OPTION,
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

    with open_index(index_dir) as store:
        quote = store.get(quote_id.strip())
        if quote is None:
            error(f"no quote with id {quote_id!r}")
            raise typer.Exit(EXIT_NOTHING)
        people = load_people(store, about=quote.speaker) if fmt is Format.table else None
        quote = corrected([quote], store)[0]
        before: list[str] = []
        after: list[str] = []
        if context:
            before, after, problem = paragraphs_around(store, quote, context)
            if problem:
                warn(f"{problem}; showing the stored paragraph only")
    if fmt is Format.table:
        from quoteidx.presenting.human import quote_panel

        more: list[tuple[str, str]] = []
        person = people.person(quote) if people else None
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
    """The search with corrections applied. --speaker means a person (any of their
    names, corrections applied), so it filters the full result before the limit."""
    from dataclasses import replace

    from quoteidx.querying import QueryError
    from quoteidx.storing import SearchResult

    with open_index(index_dir) as store:
        try:
            if not request.speaker:
                result = store.search(request)
                quotes = corrected([hit.quote for hit in result.hits], store)
                hits = [replace(hit, quote=quote)
                        for hit, quote in zip(result.hits, quotes, strict=True)]
                return SearchResult(hits=hits, total=result.total)
            from quoteidx.identity.names import name_words

            if not name_words(request.speaker):
                raise QueryError(f"no name to look for in {request.speaker!r}")
            people = load_people(store, about=request.speaker)
            said = {q.id: q for person in people.find(request.speaker) for q in person.quotes}
            result = store.search(replace(request, speaker=None, limit=None))
        except QueryError as err:
            error(str(err))
            raise typer.Exit(EXIT_ERROR) from None
    hits = [replace(hit, quote=said[hit.quote.id]) for hit in result.hits
            if hit.quote.id in said]
    limited = hits[: request.limit] if request.limit is not None else hits
    return SearchResult(hits=limited, total=len(hits))


def _print_hits(
    result: SearchResult,
    fmt: Format,
    *,
    scored: bool,
    cite: bool = False,
    people: Identities | None = None,
) -> None:
    from quoteidx.presenting.citation import citation

    def cited(quote: Quote) -> str:
        person = people.person(quote) if people else None
        return citation(quote, person.name if person else None)

    if fmt is Format.table:
        if result.hits:
            from quoteidx.presenting.human import hits_table

            citations = {hit.quote.id: cited(hit.quote) for hit in result.hits} if cite else None
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
            row["citation"] = cited(hit.quote)
        return row

    write_records((record(hit) for hit in result.hits), fmt.value, sys.stdout, fields)


def _record(hit: Hit, fmt: Format, scored: bool) -> dict[str, Any]:
    record = hit.quote.to_flat() if fmt is Format.csv else hit.quote.to_dict()
    if scored:
        record["score"] = hit.score
    return record


# People across documents and the corrections file: shared with factcheck_cmd.


def load_people(store: Store, about: str | None = None) -> Identities:
    """One identity per person, corrections applied; a broken corrections file is an
    error (exit 2), a correction that no longer applies a warning. With `about`, only the
    people that name could mean (see load_identities)."""
    from quoteidx.identity import CorrectionsError, load_identities

    try:
        people = load_identities(store, about)
    except CorrectionsError as err:
        error(f"{err}; fix or remove it")
        raise typer.Exit(EXIT_ERROR) from None
    for problem in people.warnings:
        warn(f"{problem} (ignored; see 'quoteidx corrections')")
    return people


def corrected(quotes: list[Quote], store: Store) -> list[Quote]:
    """The quotes with their speakers as corrected by 'quoteidx reassign'."""
    from quoteidx.identity import CorrectionsError, load_corrections, reassigned

    try:
        return reassigned(quotes, load_corrections(store.location))
    except CorrectionsError as err:
        error(f"{err}; fix or remove it")
        raise typer.Exit(EXIT_ERROR) from None


def paragraphs_around(store: Store, quote: Quote, count: int) -> tuple[list[str], list[str],
                                                                       str | None]:
    """`count` paragraphs before and after the quote's, from its source read again;
    or none and the reason when the source is gone or is no longer what was indexed
    (offsets into a changed text would point at the wrong words)."""
    from quoteidx.finding.text import paragraphs
    from quoteidx.indexing import read_document, shown_key
    from quoteidx.reading import ReadError
    from quoteidx.reading.document import printable

    documents = store.documents()
    key = next((key for key, info in documents.items() if info.source == quote.source), None)
    if key is None:
        return [], [], "the quote's document is no longer in the index"
    try:
        document = read_document(key)
    except ReadError as err:
        return [], [], f"cannot read the source again ({err})"
    if document.content_hash != documents[key].content_hash:
        return [], [], f"{printable(shown_key(key))} has changed since it was indexed"
    spans = paragraphs(document.text, document.body_start)
    first = next((n for n, (a, b) in enumerate(spans) if quote.start < b), len(spans))
    last = next((n for n, (a, b) in enumerate(spans) if quote.end <= b), len(spans) - 1)
    text = document.text
    before = [text[a:b] for a, b in spans[max(0, first - count):first]]
    after = [text[a:b] for a, b in spans[last + 1:last + 1 + count]]
    return before, after, None


def _suggest(name: str, index_dir: Path | None) -> str:
    """'; did you mean ...' from the names (and parts of names) in the index, or nothing."""
    import difflib

    from quoteidx.querying import fold_name

    with open_index(index_dir) as store:
        names = store.speaker_names()
    candidates: dict[str, str] = {}
    for each in names:
        key = fold_name(each)
        candidates[key] = each
        for part in key.split():
            candidates.setdefault(part, each)
    close = difflib.get_close_matches(fold_name(name), list(candidates), n=5, cutoff=0.75)
    names = list(dict.fromkeys(candidates[key] for key in close))[:3]
    return f"; did you mean: {', '.join(names)}?" if names else ""
