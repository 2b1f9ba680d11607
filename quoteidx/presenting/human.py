"""What a person reads: Rich tables on the terminal. Data is always escaped."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from quoteidx.escaping import printable
from quoteidx.record import Quote

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.panel import Panel

    from quoteidx.factcheck import Candidate, Report
    from quoteidx.identity import Identity
    from quoteidx.storing import Hit, SpeakerInfo, Stats


def safe_text(value: object, style: str = "") -> Text:
    """Data as literal text: Rich markup stays as typed (a Text is never parsed for
    markup), line ends show as line ends, and control characters, bidi overrides and
    lone surrogates show escaped (\\x1b, \\u202e), as everywhere (quoteidx.escaping),
    so data can neither style nor drive the terminal. Everything else (non-breaking
    spaces, emoji, any script) shows as is."""
    return Text(printable(value, lines=True), style=style)


def quotes_table(quotes: Iterable[Quote], title: str | None = None) -> Table:
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("speaker", style="bold cyan", ratio=2, overflow="fold")
    table.add_column("quote", ratio=6, overflow="fold")
    table.add_column("kind", ratio=1)
    table.add_column("source", ratio=2, overflow="fold")
    for quote in quotes:
        who = safe_text(quote.speaker or "(unattributed)")
        if quote.role:
            who.append("\n")
            who.append_text(safe_text(quote.role, "dim"))
        how = found_by(quote)
        if how:
            who.append("\n")
            who.append_text(safe_text(how, "dim italic"))
        where = safe_text(quote.source.publication or quote.source.path)
        where.append_text(safe_text(f"\n{quote.start}-{quote.end}  {quote.id}", "dim"))
        table.add_row(who, safe_text(quote.text), safe_text(quote.kind), where)
    return table


def print_quotes(quotes: Iterable[Quote], console: Console, title: str | None = None) -> None:
    console.print(quotes_table(quotes, title))


# Search results (the storing types above are for type hints only).

HIGHLIGHT = "bold black on yellow"


def highlighted(value: str, spans: Iterable[tuple[int, int]], style: str = HIGHLIGHT) -> Text:
    """`value` as safe text with the given character spans styled. Each piece is escaped
    on its own, so escaping (which lengthens control characters) cannot shift a span."""
    text = Text()
    position = 0
    for start, end in sorted(spans):
        if start < position or end > len(value):
            continue  # overlapping or out of range: keep what is already marked
        text.append_text(safe_text(value[position:start]))
        text.append_text(safe_text(value[start:end], style))
        position = end
    text.append_text(safe_text(value[position:]))
    return text


def _who(quote: Quote) -> Text:
    who = safe_text(quote.speaker or "(unattributed)", "bold cyan")
    for detail in (quote.role, quote.kind):
        if detail:
            who.append("\n")
            who.append_text(safe_text(detail, "dim"))
    how = found_by(quote)
    if how:
        who.append("\n")
        who.append_text(safe_text(how, "dim italic"))
    return who


def found_by(quote: Quote) -> str | None:
    """How the speaker was found, when the quote's own sentence does not name them: the
    reason a fact-checker reads before trusting the attribution."""
    how, mention = quote.resolved_by, quote.speaker_mention
    if how in (None, "name"):
        return None
    if how == "continuation":
        return "continues the quote before"
    if how == "beat":
        return f"said after {mention!r}'s action" if mention else "after an action"
    if mention and mention != quote.speaker:
        return f"via {how} {mention!r}"
    return None if how == "description" else f"via {how}"


def _where(quote: Quote, score: float | None = None) -> Text:
    source = quote.source
    where = safe_text(source.publication or source.title or source.path)
    if source.date:
        where.append_text(safe_text(f"\n{source.date}"))
    where.append_text(safe_text(f"\n{quote.id}", "dim"))
    if score is not None:
        where.append_text(safe_text(f"\nscore {score:.2f}", "dim"))
    return where


def hits_table(
    hits: Iterable[Hit], title: str | None = None, citations: Mapping[str, str] | None = None
) -> Table:
    """Search hits, matched words highlighted. Three columns so that the quote keeps most
    of a narrow terminal; long quotes wrap at word boundaries. `citations` (by quote id)
    are shown under their quotes."""
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("speaker", ratio=2, min_width=12, overflow="fold")
    table.add_column("quote", ratio=6, overflow="fold")
    table.add_column("source", ratio=2, min_width=12, overflow="fold")
    for hit in hits:
        quote = hit.quote
        words = highlighted(quote.text, hit.spans)
        if citations and quote.id in citations:
            words.append("\n\n")
            words.append_text(safe_text(f"cite: {citations[quote.id]}", "dim"))
        table.add_row(_who(quote), words, _where(quote, hit.score))
    return table


def quote_panel(
    quote: Quote,
    *,
    before: Sequence[str] = (),
    after: Sequence[str] = (),
    more: Sequence[tuple[str, str]] = (),
) -> Panel:
    """One quote in full: its paragraph with the quote highlighted (between the
    paragraphs `before` and `after` it, dimmed, if given), then every field, then the
    (label, value) pairs of `more`."""
    from rich.console import Group
    from rich.panel import Panel

    spans = quote.in_paragraph()
    paragraph = highlighted(quote.paragraph, spans) if spans else safe_text(quote.text)
    if before or after:
        shown = Text()
        for other in before:
            shown.append_text(safe_text(other, "dim"))
            shown.append("\n\n")
        shown.append_text(paragraph)
        for other in after:
            shown.append("\n\n")
            shown.append_text(safe_text(other, "dim"))
        paragraph = shown

    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="dim", no_wrap=True)
    fields.add_column(overflow="fold")
    source = quote.source
    for label, value in (
        ("speaker", quote.speaker), ("mention", quote.speaker_mention), ("role", quote.role),
        ("kind", quote.kind), ("cue", quote.cue), ("said to", quote.outlet),
        ("path", source.path), ("title", source.title), ("publication", source.publication),
        ("author", source.author), ("date", source.date), ("url", source.url),
        ("found by", quote.resolved_by),
        ("offsets", " ".join(f"{a}-{b}" for a, b in quote.parts)), *more,
    ):
        if value:
            fields.add_row(label, safe_text(value))
    title = safe_text(f"quote {quote.id}")
    return Panel(Group(paragraph, Text(), fields), title=title, title_align="left")


def speakers_table(speakers: Iterable[SpeakerInfo]) -> Table:
    table = Table(expand=True)
    table.add_column("speaker", style="bold cyan", ratio=3, overflow="fold")
    table.add_column("role", ratio=3, overflow="fold")
    table.add_column("quotes", justify="right", no_wrap=True, min_width=6)
    table.add_column("sources", ratio=4, overflow="fold")
    for speaker in speakers:
        table.add_row(
            safe_text(speaker.name), safe_text(speaker.role or ""), str(speaker.quotes),
            safe_text("; ".join(dict.fromkeys(speaker.sources))),
        )
    return table


def stats_table(stats: Stats) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim")
    table.add_column(justify="right")
    table.add_row("index", safe_text(stats.location))
    table.add_row("documents", str(stats.documents))
    table.add_row("quotes", str(stats.quotes))
    for kind, count in stats.kinds.items():
        table.add_row(safe_text(f"  {kind}"), str(count))
    table.add_row("speakers", str(stats.speakers))
    table.add_row("size", f"{stats.size_bytes / 1024:,.1f} KiB")
    table.add_row("segments", str(stats.segments))
    return table


# People as one identity across documents, and fact-check verdicts.


def identities_table(people: Iterable[Identity]) -> Table:
    """Each person once: the names seen for them, their role in each source (and the
    articles they wrote), how often they are quoted and where."""
    table = Table(expand=True)
    table.add_column("speaker", ratio=3, overflow="fold")
    table.add_column("role", ratio=3, overflow="fold")
    table.add_column("quotes", justify="right", no_wrap=True, min_width=6)
    table.add_column("sources", ratio=3, overflow="fold")
    for person in people:
        who = safe_text(person.name, "bold cyan")
        if len(person.aliases) > 1:
            who.append("\n")
            who.append_text(safe_text("also: " + ", ".join(person.aliases[1:]), "dim"))
        where: dict[str, list[str]] = {}  # role -> the sources giving it
        for label, role in person.roles:
            where.setdefault(role, []).append(label)
        # Sources are named only when they disagree about the role.
        roles = [f"{role} ({'; '.join(labels)})" if len(where) > 1 else role
                 for role, labels in where.items()]
        roles += [f"author of {label}" for label in person.wrote]
        table.add_row(who, safe_text("\n".join(roles)), str(len(person.quotes)),
                      safe_text("; ".join(person.sources)))
    return table


VERDICT_STYLES = {"confirmed": "bold green", "similar": "bold yellow",
                  "misattributed": "bold red", "not_found": "bold magenta"}


def verdict_line(report: Report) -> Text:
    """The verdict in one sentence, naming who really said the words."""
    claimed = report.speaker
    best = report.candidates[0] if report.candidates else None
    said_by = (best.person or "an unnamed speaker") if best else ""
    if report.verdict == "not_found":
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
    if claimed and not report.speaker_names:
        text.append_text(safe_text(f"\n(nobody called {claimed} is quoted in the index)",
                                   "dim"))
    elif claimed and report.speaker_names != (claimed,):
        meant = " or ".join(report.speaker_names)
        text.append_text(safe_text(f"\n(taking {claimed} to mean {meant})", "dim"))
    return text


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


def candidate_panel(number: int, candidate: Candidate, cite: str) -> Panel:
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
        ("date", source.date), ("url", source.url), ("path", source.path),
        ("quote", quote.id),
    ):
        if value:
            fields.add_row(label, safe_text(value))
    parts: list[RenderableType] = [paragraph, Text()]
    if not candidate.comparison.exact:
        parts += [Text.assemble(("differences: ", "dim"), diff_text(candidate)), Text()]
    parts += [fields, Text(), safe_text(f"cite: {cite}", "dim")]
    style = "green" if candidate.by_speaker or candidate.by_speaker is None else "red"
    return Panel(Group(*parts), title=safe_text(f"{number}. {match}"), title_align="left",
                 border_style=style)
