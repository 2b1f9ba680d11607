"""A document as read: its text, where the article body starts, and its metadata."""

from __future__ import annotations

from dataclasses import dataclass

from quoteidx.escaping import printable
from quoteidx.record import Source, content_hash

__all__ = ["Document", "ReadError", "printable"]  # printable: where it used to live


@dataclass(frozen=True, slots=True)
class Document:
    """One article. Quotes are looked for in `text[body_start:]`, and offsets always
    count from the start of `text`.

    For text and Markdown files `text` is the decoded file as it is (front matter
    included, newlines not translated, a BOM dropped), so offsets point into the file.
    For HTML it is the article text extracted from the page, and for a JSON Lines line
    it is the line's `text` field: offsets point into that text, not into the file.
    `encoding` says how the bytes were decoded (None when the text came as a string).
    """

    text: str
    source: Source
    body_start: int = 0
    encoding: str | None = None

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)




class ReadError(Exception):
    """A file (or, in a JSON Lines file, a line) that cannot be read as a document.

    `str(error)` is one line, "path: reason" (with "line N: " for a JSON Lines line),
    safe to print: control characters in a file name or reason are shown escaped."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        where = printable(path) if line is None else f"{printable(path)}: line {line}"
        super().__init__(f"{where}: {printable(reason)}")
        self.path = path
        self.reason = reason
        self.line = line

    def __reduce__(self) -> tuple[type[ReadError], tuple[str, str, int | None]]:
        # Exceptions pickle by their args; ours has more than the message (multiprocessing).
        return (ReadError, (self.path, self.reason, self.line))
