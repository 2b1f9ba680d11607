"""The quotation record: what every stage after extraction reads and writes."""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any, Literal

Kind = Literal["direct", "indirect"]

# Field order of the flat (CSV) form of a record; `source` is spread into source_* columns.
FLAT_FIELDS = (
    "id", "kind", "speaker", "role", "text", "cue", "speaker_mention", "resolved_by", "outlet",
    "source_path", "source_title", "source_publication", "source_author", "source_date",
    "source_url", "start", "end", "parts", "paragraph_start", "paragraph",
)

# How a record's speaker was found, from the most to the least direct evidence.
RESOLVED_BY = ("name", "surname", "title", "description", "pronoun", "continuation", "beat")
# ... and of a quote a correction gave to another speaker (quoteidx reassign): not found
# by the extractor, whose speaker is kept in `extra["reassigned_from"]`.
BY_CORRECTION = "correction"

Part = tuple[int, int]


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
    """One utterance: an attributed quotation (kind "direct") or reported claim ("indirect").

    `parts` are the quoted segments as character offsets into the document's text as
    read (several for a quote split by "…, X said, …" or running over paragraphs), and
    `text` is the speaker's words alone: the parts joined by one space, so that each part
    is `document_text[a:b]` and no reporter's word is in `text`. `start`/`end` are the
    outer limits. `paragraph` is the text of the paragraph(s) holding the quote, starting
    at offset `paragraph_start` of the document. `resolved_by` says how the speaker was
    found (one of RESOLVED_BY): named beside the quote, or through a pronoun, a title...
    (BY_CORRECTION once a correction has reassigned it).
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
    parts: tuple[Part, ...] = ()  # () stands for one part, (start, end)
    paragraph_start: int | None = None
    resolved_by: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if not self.parts:
            object.__setattr__(self, "parts", ((self.start, self.end),))

    def in_paragraph(self, spans: Iterable[Part] | None = None) -> list[Part]:
        """Where each part stands in `paragraph` or, given spans of `text` (matched
        words), where those stand: a span across two parts gives a piece in each."""
        base = self.paragraph_start
        if base is None:  # a record made by hand: place its text by search
            at = self.paragraph.find(self.text) if self.paragraph else -1
            if at < 0:
                return []
            return [(at + s, at + e) for s, e in (spans or [(0, len(self.text))])]
        pieces: list[Part] = []
        position = 0  # where the current part begins in `text`
        for a, b in self.parts:
            length = b - a
            for s, e in spans if spans is not None else [(position, position + length)]:
                lo, hi = max(s, position), min(e, position + length)
                if lo < hi:
                    pieces.append((a - base + lo - position, a - base + hi - position))
            position += length + 1  # the space joining two parts
        return pieces

    def to_dict(self) -> dict[str, Any]:
        # By hand rather than dataclasses.asdict, which deep-copies every value: a script
        # writing thousands of records spent most of its time there.
        data = {name: getattr(self, name) for name in _FIELD_NAMES}
        data["source"] = {name: getattr(self.source, name) for name in _SOURCE_NAMES}
        data["parts"] = [list(part) for part in self.parts]
        if self.extra:
            data["extra"] = copy.deepcopy(self.extra)
        else:
            del data["extra"]
        return data

    def to_flat(self) -> dict[str, Any]:
        """One level of keys, for CSV and for the index."""
        data = self.to_dict()
        source = data.pop("source")
        data.pop("extra", None)
        for key, value in source.items():
            data[f"source_{key}"] = value
        data["parts"] = json.dumps(data["parts"])
        return {name: data.get(name) for name in FLAT_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        fields = dict(data)
        fields["source"] = Source(**fields["source"])
        fields["parts"] = tuple(tuple(part) for part in fields.get("parts") or ())
        fields.pop("score", None)
        return cls(**fields)


_FIELD_NAMES = tuple(field.name for field in fields(Quote))
_SOURCE_NAMES = tuple(field.name for field in fields(Source))


def quote_id(source_key: str, speaker: str | None, text: str, occurrence: int = 0) -> str:
    """An id that depends on the quote alone: where it was found, who said it, its words
    (and, for the same words said twice by one person in one source, which time). An
    edit elsewhere in the article keeps it."""
    key = "\0".join((source_key, speaker or "", " ".join(text.split()), str(occurrence)))
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=6)
    return digest.hexdigest()


def content_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
