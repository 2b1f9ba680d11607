"""The quotation record: what every stage after extraction reads and writes."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Kind = Literal["direct", "indirect"]

# Field order of the flat (CSV) form of a record; `source` is spread into source_* columns.
FLAT_FIELDS = (
    "id", "kind", "speaker", "role", "text", "cue", "speaker_mention", "outlet",
    "source_path", "source_title", "source_publication", "source_author", "source_date",
    "source_url", "start", "end", "paragraph",
)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a quotation was found. Only `path` is always known."""

    path: str
    title: str | None = None
    publication: str | None = None
    author: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) when known
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """One attributed quotation (kind "direct") or reported claim (kind "indirect").

    `start`/`end` are character offsets into the document's text as read, so that
    `text == document_text[start:end]`; a multi-paragraph quote spans all its parts.
    """

    id: str
    text: str
    kind: Kind
    speaker: str | None
    speaker_mention: str | None
    role: str | None
    cue: str | None
    source: Source
    start: int
    end: int
    paragraph: str
    outlet: str | None = None  # whom the words were said to ("told The New Arab")
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if not data["extra"]:
            del data["extra"]
        return data

    def to_flat(self) -> dict[str, Any]:
        """One level of keys, for CSV and for the index."""
        data = self.to_dict()
        source = data.pop("source")
        data.pop("extra", None)
        for key, value in source.items():
            data[f"source_{key}"] = value
        return {name: data.get(name) for name in FLAT_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        fields = dict(data)
        fields["source"] = Source(**fields["source"])
        fields.pop("score", None)
        return cls(**fields)


def quote_id(content_hash: str, start: int, end: int) -> str:
    """A stable id: the same document text gives the same ids on every run."""
    digest = hashlib.blake2b(f"{content_hash}:{start}:{end}".encode(), digest_size=6)
    return digest.hexdigest()


def content_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
