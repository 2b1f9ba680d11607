"""What a fact-checker reads: a claim's verdict as Rich text on the terminal, a table of
many claims' verdicts, and the close quotes with their word differences. Built of
quoteidx.presenting.human's pieces, so data is escaped as everywhere."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from quoteidx.presenting.human import _line, _stacked, highlighted, safe_text, url_line

if TYPE_CHECKING:
    from rich.console import RenderableType

    from quoteidx.factcheck import Candidate, Report


VERDICT_STYLES = {"confirmed": "bold green", "similar": "bold yellow",
                  "misattributed": "bold red", "not_found": "bold magenta",
                  "unknown_speaker": "bold magenta"}


def verdict_line(report: Report) -> Text:
    """The verdict in one sentence, naming who really said the words."""
    claimed = report.speaker
    best = report.candidates[0] if report.candidates else None
    said_by = (best.person or "an unnamed speaker") if best else ""
    if report.verdict == "unknown_speaker":
        message = f"UNKNOWN SPEAKER: {verdict_sentence(report)}"
    elif report.verdict == "not_found":
        message = "NOT FOUND: nothing close to these words is in the index"
    elif report.verdict == "confirmed":
        message = (f"CONFIRMED: {claimed} said these words" if claimed
                   else f"FOUND: these exact words were said by {said_by}")
    elif report.verdict == "similar":
        message = (f"SIMILAR: {claimed} said something close, not these exact words"
                   if claimed else f"SIMILAR: {said_by} said something close, not these"
                   " exact words")
    else:
        exact = bool(best and best.comparison.exact)
        # Who said the words that decided the verdict: the exact ones if any.
        others = list(dict.fromkeys(c.person or "an unnamed speaker" for c in report.candidates
                                    if not c.by_speaker and c.comparison.exact == exact))
        words = "these words" if exact else "words close to these"
        message = f"MISATTRIBUTED: {words} are {' and '.join(others)}'s, not {claimed}'s"
    text = safe_text(message, VERDICT_STYLES[report.verdict])
    if claimed and report.speaker_names and report.speaker_names != (claimed,):
        meant = " or ".join(report.speaker_names)
        text.append_text(safe_text(f"\n(taking {claimed} to mean {meant})", "dim"))
    return text


def verdicts_table(reports: Iterable[Report]) -> Table:
    """Many claims' verdicts, one row each: the claim, who it was said to be by, the
    verdict, and the closest quote (who said it, how close, its id)."""
    table = Table(show_lines=True, expand=True)
    table.add_column("claim", ratio=4)
    table.add_column("verdict", no_wrap=True, width=len("unknown speaker"))
    table.add_column("closest quote", ratio=3)
    for report in reports:
        claim = safe_text(report.claim)
        if report.speaker:
            claim.append_text(safe_text(f"\n— {report.speaker}", "dim"))
        best = report.candidates[0] if report.candidates else None
        closest: list[Text] = []
        if best is not None:
            match = "exact" if best.comparison.exact else f"score {best.comparison.score:.0f}"
            closest = [_line(best.person or "an unnamed speaker", "bold cyan"),
                       _line(f"{match}, {best.quote.id}", "dim", whole=True)]
        table.add_row(claim, _line(report.verdict.replace("_", " "),
                                   VERDICT_STYLES[report.verdict], whole=True),
                      _stacked(closest))
    return table


def verdict_sentence(report: Report) -> str:
    """The verdict of an unknown speaker in words: "nobody called X is quoted; these words
    are Y's" (or that nothing close is in the index either)."""
    said = list(dict.fromkeys(c.person or "an unnamed speaker" for c in report.candidates))
    if not said:
        return f"nobody called {report.speaker} is quoted, and nothing close to these words is"
    best = report.candidates[0]
    words = "these words" if best.comparison.exact else "words close to these"
    return f"nobody called {report.speaker} is quoted; {words} are {' and '.join(said)}'s"


def diff_text(candidate: Candidate) -> Text:
    """The claim against the quote word by word: words only in the claim struck out in
    red, words only in the quote in green."""
    text = Text()
    for step in candidate.comparison.diff:
        if text:
            text.append(" ")
        if step.op == "equal":
            text.append_text(safe_text(step.claim))
            continue
        if step.claim:
            text.append_text(safe_text(f"[-{step.claim}-]", "red strike"))
        if step.claim and step.quote:
            text.append(" ")
        if step.quote:
            text.append_text(safe_text(f"{{+{step.quote}+}}", "green"))
    return text


def candidate_panel(number: int, candidate: Candidate, cite: str) -> RenderableType:
    """One close quote: how close, by whom, where, its paragraph with the matching
    words highlighted, the word differences if not exact, and a citation line."""
    from rich.console import Group
    from rich.panel import Panel

    quote = candidate.quote
    spans = quote.in_paragraph([candidate.comparison.span])
    if spans:
        paragraph = highlighted(quote.paragraph, spans)
    else:
        paragraph = highlighted(quote.text, [candidate.comparison.span])
    if candidate.comparison.exact:
        match = "exact words"
    else:
        match = f"similar words (score {candidate.comparison.score:.0f})"
    if candidate.by_speaker is False:
        match += f", said by {candidate.person or 'an unnamed speaker'}"
    elif candidate.by_speaker:
        match += ", by this speaker"
    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="dim", no_wrap=True)
    fields.add_column(overflow="fold")
    source = quote.source
    for label, value in (
        ("speaker", candidate.person or quote.speaker), ("role", quote.role),
        ("kind", quote.kind), ("publication", source.publication), ("title", source.title),
        ("date", source.date), ("path", source.path), ("quote", quote.id),
    ):
        if value:
            fields.add_row(label, safe_text(value))
    parts: list[RenderableType] = [paragraph, Text()]
    if not candidate.comparison.exact:
        parts += [Text.assemble(("differences: ", "dim"), diff_text(candidate)), Text()]
    parts += [fields, Text(), safe_text(f"cite: {cite}", "dim")]
    style = "green" if candidate.by_speaker or candidate.by_speaker is None else "red"
    panel = Panel(Group(*parts), title=safe_text(f"{number}. {match}"), title_align="left",
                  border_style=style)
    return Group(panel, url_line(source.url)) if source.url else panel
