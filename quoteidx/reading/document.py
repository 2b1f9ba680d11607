"""A document as read: its text, where the article body starts, and its metadata."""

from __future__ import annotations

from dataclasses import dataclass

from quoteidx.record import Source, content_hash


@dataclass(frozen=True, slots=True)
class Document:
    """`text` is the decoded file; quotes are looked for in `text[body_start:]`, and
    offsets always count from the start of `text`, so they point into the file."""

    text: str
    source: Source
    body_start: int = 0

    @property
    def body(self) -> str:
        return self.text[self.body_start :]

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)


class ReadError(Exception):
    """A file that cannot be read as a document; the message names the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
