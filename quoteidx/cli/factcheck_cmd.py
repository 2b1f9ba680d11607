"""`quoteidx verify` (one claim, or a file of them) and `export`. rapidfuzz, Whoosh and
Rich load inside the commands, so that `quoteidx --help` stays fast."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import typer

from quoteidx.cli.app import EXIT_ERROR, EXIT_FOUND, EXIT_NOTHING, app, error, warn
from quoteidx.cli.index_cmd import INDEX_OPTION, opened
from quoteidx.cli.output import paged, to_stdout

if TYPE_CHECKING:
    from quoteidx.factcheck import ClaimError, Report


class VerifyFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    jsonld = "jsonld"


@app.command()
def verify(
    claim: str | None = typer.Argument(
        None, metavar="CLAIM", help="The words as claimed, quote marks optional (or --file)."),
    speaker: str | None = typer.Option(
        None, "--speaker", "-s", help="Who is said to have said them (any of their names)."
    ),
    claims_file: str | None = typer.Option(
        None, "--file", metavar="FILE", show_default=False,
        help="Many claims, one a line: text, or JSON {\"text\": ..., \"speaker\": ...}; "
             "- reads stdin. --speaker is then the speaker of lines naming none.",
    ),
    limit: int = typer.Option(5, "--limit", "-n", min=0, help="Most quotes to show; 0 = all."),
    min_score: float = typer.Option(
        80.0, "--min-score", min=0, max=100,
        help="Similarity (0-100) a quote needs to count as close.",
    ),
    fmt: VerifyFormat = typer.Option(
        VerifyFormat.table, "--format", "-f",
        help="table for people; json (one claim) or jsonl (one verdict a line) for scripts.",
    ),
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """Was this said, and by whom? The quotes closest to CLAIM, with a verdict.

    Matching ignores case, accents, punctuation and quote marks, and finds a
    shortened quote inside a longer one. Each close quote is shown with its
    similarity (100 = the exact words), who said it, the source, the paragraph
    (matching words highlighted), the word-by-word differences, and a citation.
    With --speaker the verdict says whether the attribution holds. With --file,
    one verdict per claim (a table, or jsonl), and the exit code is the worst
    verdict's (misattributed, then unknown speaker, not found, similar).

    Exit codes: 0 confirmed (the exact words, by --speaker if given),
    1 not found (nothing close), 2 bad usage, a bad line in --file or index error,
    3 similar only (close words, not the exact ones: read the differences),
    4 misattributed (said, but only by someone other than --speaker),
    5 unknown speaker (nobody called --speaker is quoted in the index).

    Example: quoteidx verify "We are cursed with never getting peace in
    Afghanistan" --speaker "Ismail Khan"
    """
    from quoteidx.factcheck import ClaimError

    if (claim is None) == (claims_file is None):
        error("give one CLAIM, or --file with one claim a line")
        raise typer.Exit(EXIT_ERROR)
    if claims_file is not None:
        _verify_file(claims_file, speaker, limit, min_score, fmt, index_dir)
        return
    assert claim is not None
    with opened(index_dir) as index:
        try:
            report = index.verify(claim, speaker, min_score=min_score, limit=limit)
        except ClaimError as err:
            error(str(err))
            raise typer.Exit(EXIT_ERROR) from None
    if fmt is VerifyFormat.table:
        _verify_table(report)
    else:
        with to_stdout():
            sys.stdout.write(_dumps(_verdict_record(report), fmt is VerifyFormat.json) + "\n")
    raise typer.Exit(report.exit_code)


def _verify_file(name: str, speaker: str | None, limit: int, min_score: float,
                 fmt: VerifyFormat, index_dir: str | None) -> None:
    from quoteidx.factcheck import EXIT_CODES, ClaimError, read_claims, worst

    if fmt is VerifyFormat.json:
        error("--file gives one verdict a line: use --format jsonl (or table)")
        raise typer.Exit(EXIT_ERROR)
    try:
        stream = sys.stdin if name == "-" else open(name, encoding="utf-8-sig")  # noqa: SIM115
    except OSError as err:
        error(f"{name}: cannot read: {err.strerror or err}")
        raise typer.Exit(EXIT_ERROR) from None
    reports: list[Report] = []
    failed = 0
    with stream, opened(index_dir) as index:
        try:
            results = index.verify_many(read_claims(stream, speaker), min_score=min_score,
                                        limit=limit)
            with to_stdout():
                for result in results:
                    if isinstance(result, ClaimError):
                        failed += 1
                        error(_claim_problem(name, result))
                        continue
                    reports.append(result)
                    if fmt is VerifyFormat.jsonl:
                        sys.stdout.write(_dumps(_verdict_record(result), False) + "\n")
                        sys.stdout.flush()
        except UnicodeDecodeError:
            error(f"{name}: not UTF-8 text")
            raise typer.Exit(EXIT_ERROR) from None
    if fmt is VerifyFormat.table:
        from quoteidx.presenting.human_verdicts import verdicts_table

        if reports:
            with paged() as out:
                out.print(verdicts_table(reports))
    verdict = worst(report.verdict for report in reports)
    if failed:
        raise typer.Exit(EXIT_ERROR)
    if verdict is None:
        error(f"{name}: no claims in it")
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_CODES[verdict])


def _claim_problem(name: str, problem: ClaimError) -> str:
    where = f"{name}: line {problem.line}: " if problem.line else f"{name}: "
    return f"{where}{problem}"


def _verify_table(report: Report) -> None:
    from quoteidx.presenting.citation import citation
    from quoteidx.presenting.human_verdicts import candidate_panel, verdict_line

    with paged() as out:
        out.print(verdict_line(report))
        for number, candidate in enumerate(report.candidates, 1):
            out.print(candidate_panel(number, candidate,
                                      citation(candidate.quote, candidate.person)))


def _verdict_record(report: Report) -> dict[str, Any]:
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
    return {
        "claim": report.claim,
        "speaker": report.speaker,
        "speaker_is": list(report.speaker_names),
        "verdict": report.verdict,
        "exit_code": report.exit_code,
        "candidates": candidates,
    }


def _dumps(value: Any, indented: bool) -> str:
    from quoteidx.presenting.machine import _dumps  # the JSON every machine format writes

    return _dumps(value, sys.stdout, indent=2 if indented else None)


@app.command()
def export(
    query: str | None = typer.Argument(
        None, metavar="QUERY",
        help="Export only this search's hits (same syntax as search); all if omitted."
    ),
    speaker: str | None = typer.Option(
        None, "--speaker", "-s", help="Only quotes by this person (any of their names)."
    ),
    fmt: ExportFormat = typer.Option(
        ExportFormat.jsonl, "--format", "-f",
        help="jsonl, csv, tsv, or jsonld (schema.org Claims for a ClaimReview).",
    ),
    limit: int = typer.Option(0, "--limit", "-n", min=0, help="Most quotes; 0 = all."),
    index_dir: str | None = INDEX_OPTION,
) -> None:
    """Write the index, or a search's hits, for other tools; to stdout.

    jsonl: one record per line, the fields of 'quoteidx extract' plus "person"
    (the speaker as one identity across articles) and "citation". csv, tsv: the
    same, flat. jsonld: a JSON list of schema.org Claim objects, each with its own
    @context: text, author (Person: name, jobTitle), datePublished and
    appearance (the article: url or identifier, headline, datePublished,
    publisher) -- ready to be the itemReviewed of a ClaimReview. No rating is
    ever made up: that is the fact-checker's to add.

    Without QUERY every quote is written, in document order; with QUERY, best
    match first. Corrections apply.

    Exit codes: 0 written, 1 nothing to write, 2 bad usage, bad query or index error.

    Example: quoteidx export "Pakistan" --speaker Khan --format jsonld > claims.json
    """
    with opened(index_dir) as index, to_stdout():
        written = index.export(query, fmt.value, sys.stdout, speaker=speaker,
                               limit=limit or None)
    if not written:
        warn("no quotes to export")
    raise typer.Exit(EXIT_FOUND if written else EXIT_NOTHING)


