"""What a person reads: Rich tables on the terminal. Data is always escaped."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console
from rich.table import Table
from rich.text import Text

from quoteidx.record import Quote


def safe_text(value: object, style: str = "") -> Text:
    """Data as literal text: Rich markup stays as typed, control characters are shown
    escaped, so a quote can neither style nor drive the terminal."""
    raw = "" if value is None else str(value)
    cleaned = "".join(
        ch if ch.isprintable() or ch in "\n\t" else repr(ch)[1:-1] for ch in raw
    )
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
        table.add_row(who, safe_text(quote.text), quote.kind, where)
    return table


def print_quotes(quotes: Iterable[Quote], console: Console, title: str | None = None) -> None:
    console.print(quotes_table(quotes, title))
