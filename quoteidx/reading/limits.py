"""How much one document may be, and why there is a limit at all.

A news article is rarely over 100 KB; a 10 MB "article" is a book, a log or a database
dump. Reading is bounded so that memory stays small and one odd file cannot stall a run:
a text, Markdown or HTML file (or stdin) over the limit is refused with a message and
never read into memory. A JSON Lines file is streamed line by line, so the file itself
may be any size; only one line (one article) is held to the limit.
"""

from __future__ import annotations

MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
_MB = 1024 * 1024


def too_large(size: int | None) -> str:
    """The reason for refusing a document of `size` bytes (None: unknown, over the limit)."""
    shown = "" if size is None else f" {size / _MB:.1f} MB,"
    return (
        f"too large:{shown} over the {MAX_DOCUMENT_BYTES // _MB} MB limit for one document "
        "(split it, or export it as .jsonl with one article per line)"
    )


def line_too_long() -> str:
    return f"line over the {MAX_DOCUMENT_BYTES // _MB} MB limit for one article; skipped"
