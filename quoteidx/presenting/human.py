"""What a person reads: Rich tables on the terminal. Data is always escaped.

Quotes, search hits, speakers and the index's figures; fact-check verdicts are in
quoteidx.presenting.human_verdicts, built of the same pieces."""

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

    from quoteidx.identity import Identity
    from quoteidx.storing import Hit, SpeakerInfo, Stats


def safe_text(value: object, style: str = "") -> Text:
    """Data as literal text: Rich markup stays as typed (a Text is never parsed for
    markup), line ends show as line ends, and control characters, bidi overrides and
    lone surrogates show escaped (\\x1b, \\u202e), as everywhere (quoteidx.escaping),
    so data can neither style nor drive the terminal. Everything else (non-breaking
    spaces, emoji, any script) shows as is."""
    return Text(printable(value, lines=True), style=style)


# Tables are laid out for 80 columns and up: a token that must be read whole (an id, a
# kind, a date, a file name) never wraps, it is cut with "…" if it cannot fit; words
# (names, quotes, headlines) wrap between words.
KIND_WIDTH = len("indirect")
HEADLINE_CHARS = 60  # a headline is shortened to this: enough to tell articles apart


def _line(value: object, style: str = "", *, whole: bool = False) -> Text:
    """One piece of a cell: `whole` never wraps (cut with … if it must be)."""
    text = safe_text(value, style)
    if whole:
        text.no_wrap, text.overflow = True, "ellipsis"
    return text


def _stacked(pieces: Iterable[Text]) -> RenderableType:
    from rich.console import Group

    return Group(*pieces)


def _speaker_cell(quote: Quote) -> RenderableType:
    pieces = [_line(quote.speaker or "(unattributed)", "bold cyan")]
    if quote.role:
        pieces.append(_line(quote.role, "dim"))
    how = found_by(quote)
    if how:
        pieces.append(_line(how, "dim italic"))
    return _stacked(pieces)


def found_by(quote: Quote) -> str | None:
    """How the speaker was found, when the quote's own sentence does not name them: the
    reason a fact-checker reads before trusting the attribution. A quote a correction
    reassigned says so, and from whom, not how the extractor found the speaker it had."""
    if "reassigned_from" in quote.extra:
        before = quote.extra["reassigned_from"]
        return (f"reassigned from {before!r} by a correction" if before
                else "attributed by a correction")
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


def _source_cell(quote: Quote, *, score: float | None = None, offsets: bool = False,
                 headline: bool = True) -> RenderableType:
    """Where a quote is: the outlet (else the file's name), the headline, the date, the
    id (and the score, or the offsets)."""
    source = quote.source
    pieces = []
    if source.publication:
        pieces.append(_line(source.publication))
    if headline and source.title:
        title = source.title if len(source.title) <= HEADLINE_CHARS else (
            source.title[:HEADLINE_CHARS - 1].rstrip() + "…")
        pieces.append(_line(title, "italic"))
    if not source.publication and not (headline and source.title):
        pieces.append(_line(_file_name(source.path), whole=True))
    if source.date:
        pieces.append(_line(source.date, whole=True))
    pieces.append(_line(quote.id, "dim", whole=True))
    if offsets:
        pieces.append(_line(f"{quote.start}-{quote.end}", "dim", whole=True))
    if score is not None:
        pieces.append(_line(f"score {score:.2f}", "dim", whole=True))
    return _stacked(pieces)


def _file_name(path: str) -> str:
    """A path's last part (a JSON Lines line keeps its #selector)."""
    return path.rstrip("/").rsplit("/", 1)[-1] or path


def _quote_table() -> Table:
    # With a ratio, a width is a minimum. A word longer than its column is folded (the
    # quote's words are never cut); what `_line(whole=True)` makes is cut instead.
    table = Table(show_lines=True, expand=True)
    table.add_column("speaker", ratio=2, width=12, overflow="fold")
    table.add_column("kind", width=KIND_WIDTH, no_wrap=True)
    table.add_column("quote", ratio=6, overflow="fold")
    table.add_column("source", ratio=2, width=16, overflow="fold")
    return table


def quotes_table(quotes: Iterable[Quote], title: str | None = None) -> Table:
    table = _quote_table()
    table.title = title
    for quote in quotes:
        table.add_row(_speaker_cell(quote), _line(quote.kind, whole=True), safe_text(quote.text),
                      _source_cell(quote, offsets=True))
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


def hits_table(
    hits: Iterable[Hit], title: str | None = None, citations: Mapping[str, str] | None = None
) -> Table:
    """Search hits, matched words highlighted: who, the kind in a column of its own, the
    words (wrapped between words), and where (outlet, headline and date, so that two
    articles of one outlet are told apart; the id). `citations` (by quote id) are shown
    under their quotes."""
    table = _quote_table()
    table.title = title
    for hit in hits:
        quote = hit.quote
        words = highlighted(quote.text, hit.spans)
        if citations and quote.id in citations:
            words.append("\n\n")
            words.append_text(safe_text(f"cite: {citations[quote.id]}", "dim"))
        table.add_row(_speaker_cell(quote), _line(quote.kind, whole=True), words,
                      _source_cell(quote, score=hit.score))
    return table


def url_line(url: str) -> Text:
    """A URL on a line of its own, whole (never wrapped or cut by us: the terminal wraps
    it and copying it gives it whole) and a link on terminals that know OSC 8."""
    from rich.style import Style

    text = Text("url: ", style="dim")
    text.append_text(safe_text(url, Style(link=url) if _linkable(url) else ""))
    text.no_wrap, text.overflow = True, "ignore"
    return text


def _linkable(url: str) -> bool:
    """A web address safe to make a link of: nothing in it that printing would escape."""
    return url.startswith(("http://", "https://")) and printable(url) == url and " " not in url


def quote_panel(
    quote: Quote,
    *,
    before: Sequence[str] = (),
    after: Sequence[str] = (),
    more: Sequence[tuple[str, str]] = (),
) -> RenderableType:
    """One quote in full: its paragraph with the quote highlighted (between the
    paragraphs `before` and `after` it, dimmed, if given), then every field, then the
    (label, value) pairs of `more`; the source's URL whole under the panel."""
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
        ("author", source.author), ("date", source.date),
        ("found by", quote.resolved_by),
        ("reassigned from", quote.extra.get("reassigned_from")),
        ("offsets", " ".join(f"{a}-{b}" for a, b in quote.parts)), *more,
    ):
        if value:
            fields.add_row(label, safe_text(value))
    title = safe_text(f"quote {quote.id}")
    panel = Panel(Group(paragraph, Text(), fields), title=title, title_align="left")
    return Group(panel, url_line(source.url)) if source.url else panel


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


# People as one identity across documents.


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
        table.add_row(who, safe_text("\n".join(roles)), str(person.count),
                      safe_text("; ".join(person.sources)))
    return table
