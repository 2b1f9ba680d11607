"""`quoteidx verify`, `export`, and the corrections to who is who: `merge-speakers`,
`split-speaker`, `reassign` and `corrections`. rapidfuzz, Whoosh and Rich tables load
inside the commands, so that `quoteidx --help` stays fast."""

from __future__ import annotations

import sys
from collections.abc import Callable
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
    warn,
)
from quoteidx.cli.app import stdout_console as console
from quoteidx.cli.index_cmd import INDEX_OPTION, opened

if TYPE_CHECKING:
    from quoteidx.factcheck import Report
    from quoteidx.index import Index, Recorded

class VerifyFormat(StrEnum):
    table = "table"
    json = "json"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    jsonld = "jsonld"


NOTE_OPTION: Any = typer.Option(
    None, "--note", help="Why: kept with the correction, for whoever reads the file next."
)


@app.command()
def verify(
    claim: str = typer.Argument(..., help="The words as claimed, quote marks optional."),
    speaker: str | None = typer.Option(
        None, "--speaker", "-s", help="Who is said to have said them (any of their names)."
    ),
    limit: int = typer.Option(5, "--limit", "-n", min=0, help="Most quotes to show; 0 = all."),
    min_score: float = typer.Option(
        80.0, "--min-score", min=0, max=100,
        help="Similarity (0-100) a quote needs to count as close.",
    ),
    fmt: VerifyFormat = typer.Option(
        VerifyFormat.table, "--format", "-f", help="table for people; json for scripts."
    ),
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """Was this said, and by whom? The quotes closest to CLAIM, with a verdict.

    Matching ignores case, accents, punctuation and quote marks, and finds a
    shortened quote inside a longer one. Each close quote is shown with its
    similarity (100 = the exact words), who said it, the source, the paragraph
    (matching words highlighted), the word-by-word differences, and a citation.
    With --speaker the verdict says whether the attribution holds.

    Exit codes: 0 confirmed (the exact words, by --speaker if given),
    1 not found (nothing close), 2 bad usage or index error,
    3 similar only (close words, not the exact ones: read the differences),
    4 misattributed (said, but only by someone other than --speaker).

    Example: [bold]quoteidx verify "We are cursed with never getting peace in
    Afghanistan" --speaker "Ismail Khan"[/bold]
    """
    from quoteidx.factcheck import ClaimError

    with opened(index_dir) as index:
        try:
            report = index.verify(claim, speaker, min_score=min_score, limit=limit)
        except ClaimError as err:
            error(str(err))
            raise typer.Exit(EXIT_ERROR) from None
    if fmt is VerifyFormat.json:
        _verify_json(report)
    else:
        _verify_table(report)
    raise typer.Exit(report.exit_code)


def _verify_table(report: Report) -> None:
    from quoteidx.presenting.citation import citation
    from quoteidx.presenting.human import candidate_panel, verdict_line

    out = console()
    out.print(verdict_line(report))
    for number, candidate in enumerate(report.candidates, 1):
        out.print(candidate_panel(number, candidate,
                                  citation(candidate.quote, candidate.person)))


def _verify_json(report: Report) -> None:
    from dataclasses import asdict

    from quoteidx.presenting.citation import citation
    candidates = []
    for candidate in report.candidates:
        quote, comparison = candidate.quote, candidate.comparison
        start, end = comparison.span
        candidates.append({
            "match": candidate.match,
            "score": comparison.score,
            "person": candidate.person,
            "by_speaker": candidate.by_speaker,
            "matched_text": quote.text[start:end],
            "diff": [asdict(step) for step in comparison.diff],
            "citation": citation(quote, candidate.person),
            "quote": quote.to_dict(),
        })
    result = {
        "claim": report.claim,
        "speaker": report.speaker,
        "speaker_is": list(report.speaker_names),
        "verdict": report.verdict,
        "exit_code": report.exit_code,
        "candidates": candidates,
    }
    from quoteidx.presenting.machine import _dumps  # the JSON every machine format writes

    sys.stdout.write(_dumps(result, sys.stdout, indent=2) + "\n")


@app.command()
def export(
    query: str | None = typer.Argument(
        None, help="Export only this search's hits (same syntax as search); all if omitted."
    ),
    speaker: str | None = typer.Option(
        None, "--speaker", "-s", help="Only quotes by this person (any of their names)."
    ),
    fmt: ExportFormat = typer.Option(
        ExportFormat.jsonl, "--format", "-f",
        help="jsonl, csv, or jsonld (schema.org Claims for a ClaimReview).",
    ),
    limit: int = typer.Option(0, "--limit", "-n", min=0, help="Most quotes; 0 = all."),
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """Write the index, or a search's hits, for other tools; to stdout.

    jsonl: one record per line, the fields of 'quoteidx extract' plus "person"
    (the speaker as one identity across articles) and "citation". csv: the same,
    flat. jsonld: a JSON list of schema.org Claim objects, each with its own
    @context: text, author (Person: name, jobTitle), datePublished and
    appearance (the article: url or identifier, headline, datePublished,
    publisher) -- ready to be the itemReviewed of a ClaimReview. No rating is
    ever made up: that is the fact-checker's to add.

    Without QUERY every quote is written, in document order; with QUERY, best
    match first. Corrections apply.

    Exit codes: 0 written, 1 nothing to write, 2 bad usage, bad query or index error.

    Example: [bold]quoteidx export "Pakistan" --speaker Khan --format jsonld > claims.json[/bold]
    """
    with opened(index_dir) as index:
        written = index.export(query, fmt.value, sys.stdout, speaker=speaker,
                               limit=limit or None)
    if not written:
        warn("no quotes to export")
    raise typer.Exit(EXIT_FOUND if written else EXIT_NOTHING)


# Corrections: kept with the index (beside its folder), applied on every read.


@app.command("merge-speakers")
def merge_speakers(
    name: str = typer.Argument(..., help="The person to keep (their name stays)."),
    others: list[str] = typer.Argument(..., help="Names of the same person to merge in."),  # noqa: B008
    note: str | None = NOTE_OPTION,
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """Say that several speakers are one person.

    Each NAME is a speaker's name or alias as 'quoteidx speakers' lists it; when
    several people share it, add @SOURCE (part of a document's path, title,
    publication or url): "Khan@herald". Recorded in INDEX.corrections.toml
    beside the index folder and applied whenever the index is read, so it
    survives re-indexing ('quoteidx corrections' lists them).

    Exit codes: 0 recorded, 2 a name is unknown or ambiguous (nothing recorded),
    bad usage or index error.

    Example: [bold]quoteidx merge-speakers "Ismail Khan" "Khan@herald" --note "same man,
    per the Herald's caption"[/bold]
    """
    _record(index_dir, lambda index: index.merge_speakers(name, *others, note=note))


@app.command("split-speaker")
def split_speaker(
    name: str = typer.Argument(..., help="The person as listed now."),
    alias: str = typer.Argument(..., help="The name (or alias) whose quotes are someone else."),
    note: str | None = NOTE_OPTION,
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """Say that the quotes NAME has under ALIAS are by someone else.

    The quotes whose speaker or mention is ALIAS become a person of their own,
    called ALIAS. Narrow to one source with ALIAS@SOURCE: to separate two
    people of the same name, split one article's quotes off with
    "Ismail Khan@herald". Recorded in INDEX.corrections.toml beside the index
    folder; it survives re-indexing.

    Exit codes: 0 recorded, 2 nothing to split or an unknown or ambiguous name
    (nothing recorded), bad usage or index error.

    Example: [bold]quoteidx split-speaker "Ismail Khan" "Khan@herald"[/bold]
    """
    _record(index_dir, lambda index: index.split_speaker(name, alias, note=note))


@app.command()
def reassign(
    quote_id: str = typer.Argument(..., metavar="ID", help="A quote id, as listed by search."),
    speaker: str = typer.Argument(..., help="Who really said it."),
    role: str | None = typer.Option(None, "--role", help="Their role, if the article gives it."),
    note: str | None = NOTE_OPTION,
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """Say that one quote was said by SPEAKER, not by whom the extractor thought.

    Every listing then shows SPEAKER (json adds "extra": {"reassigned_from": ...}),
    and the quote joins SPEAKER's other quotes. Recorded in
    INDEX.corrections.toml beside the index folder; it survives re-indexing (a
    quote id stays the same as long as its document's text does).

    Exit codes: 0 recorded, 1 no such quote, 2 bad usage or index error.

    Example: [bold]quoteidx reassign 7971e5d97d79 Hidaytullah --role resident[/bold]
    """
    _record(index_dir, lambda index: index.reassign(quote_id, speaker, role=role, note=note))


@app.command()
def corrections(index_dir: str | None = INDEX_OPTION) -> None:
    """List the corrections made to who said what, and where they are kept.

    The file, INDEX.corrections.toml beside the index folder
    (.quoteidx.corrections.toml for ./.quoteidx), is TOML, meant to be read,
    edited and versioned by people: delete an entry to undo it. A correction that no
    longer applies (a quote or name gone after re-indexing) is reported.

    Exit codes: 0 listed, 1 no corrections, 2 a broken file or index error.

    Example: [bold]quoteidx corrections[/bold]
    """
    with opened(index_dir) as index:
        entries = index.corrections()
        if entries:
            index.identities()  # reports, on stderr, any that no longer apply
        path = index.corrections_location
    if not entries:
        note(f"no corrections (they would be kept in {path})")
        raise typer.Exit(EXIT_NOTHING)
    from quoteidx.presenting.human import safe_text

    out = console()
    out.print(safe_text(f"{path}:", "dim"))
    for number, entry in enumerate(entries, 1):
        line = safe_text(f"{number:>3}. {entry.describe()}")
        if entry.note:
            line.append_text(safe_text(f"  ({entry.note})", "dim"))
        out.print(line)
    raise typer.Exit(EXIT_FOUND)


def _record(index_dir: str | None, make: Callable[[Index], Recorded]) -> None:
    """Record a correction the index has checked against what it holds: one that would
    not apply is refused now rather than silently ignored later."""
    from quoteidx.index import CorrectionRefused, QuoteNotFound

    with opened(index_dir) as index:
        try:
            done = make(index)
        except QuoteNotFound as err:
            error(str(err))
            raise typer.Exit(EXIT_NOTHING) from None
        except CorrectionRefused as err:
            error(f"not recorded: {err}")
            raise typer.Exit(EXIT_ERROR) from None
    if not done.recorded:
        note("already one person; nothing recorded")
        raise typer.Exit(EXIT_FOUND)
    # Who the person is now, on stderr: the correction is what stdout would not show.
    for person in done.people:
        aliases = f" (also: {', '.join(person.aliases[1:])})" if len(person.aliases) > 1 else ""
        note(f"{person.name}{aliases}: {len(person.quotes)} quotes in "
             f"{'; '.join(person.sources)}")
    note(f"recorded in {done.where}: {done.correction.describe()}")
