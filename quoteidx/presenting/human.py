"""What a person reads: Rich tables on the terminal. Data is always escaped."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from quoteidx.record import Quote

if TYPE_CHECKING:
    from rich.panel import Panel

    from quoteidx.storing import Hit, SpeakerInfo, Stats


# Shown escaped: C0/C1 controls (cursor moves, colours, OSC titles and links), bidi
# overrides that reorder what is shown, and lone surrogates that no terminal can encode.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_LINE_END = re.compile("\r\n|[\r\u2028\u2029]")


def safe_text(value: object, style: str = "") -> Text:
    """Data as literal text: Rich markup stays as typed (a Text is never parsed for
    markup), line ends show as line ends, and control characters, bidi overrides and
    lone surrogates show escaped (\\x1b, \\u202e), so data can neither style nor drive
    the terminal. Everything else (non-breaking spaces, emoji, any script) shows as is."""
    raw = "" if value is None else str(value)
    cleaned = _UNSAFE.sub(lambda match: repr(match.group())[1:-1], _LINE_END.sub("\n", raw))
    return Text(cleaned, style=style)


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
    return who


def _where(quote: Quote, score: float | None = None) -> Text:
    source = quote.source
    where = safe_text(source.publication or source.title or source.path)
    if source.date:
        where.append_text(safe_text(f"\n{source.date}"))
    where.append_text(safe_text(f"\n{quote.id}", "dim"))
    if score is not None:
        where.append_text(safe_text(f"\nscore {score:.2f}", "dim"))
    return where


def hits_table(hits: Iterable[Hit], title: str | None = None) -> Table:
    """Search hits, matched words highlighted. Three columns so that the quote keeps most
    of a narrow terminal; long quotes wrap at word boundaries."""
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("speaker", ratio=2, min_width=12, overflow="fold")
    table.add_column("quote", ratio=6, overflow="fold")
    table.add_column("source", ratio=2, min_width=12, overflow="fold")
    for hit in hits:
        quote = hit.quote
        table.add_row(_who(quote), highlighted(quote.text, hit.spans), _where(quote, hit.score))
    return table


def quote_panel(quote: Quote) -> Panel:
    """One quote in full: its paragraph with the quote highlighted, then every field."""
    from rich.console import Group
    from rich.panel import Panel

    start = quote.paragraph.find(quote.text) if quote.paragraph else -1
    spans = [(start, start + len(quote.text))] if start >= 0 else []
    paragraph = highlighted(quote.paragraph or quote.text, spans)

    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="dim", no_wrap=True)
    fields.add_column(overflow="fold")
    source = quote.source
    for label, value in (
        ("speaker", quote.speaker), ("mention", quote.speaker_mention), ("role", quote.role),
        ("kind", quote.kind), ("cue", quote.cue), ("said to", quote.outlet),
        ("path", source.path), ("title", source.title), ("publication", source.publication),
        ("author", source.author), ("date", source.date), ("url", source.url),
        ("offsets", f"{quote.start}-{quote.end}"),
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
