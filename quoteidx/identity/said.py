"""What people are built from: quotes, or a document's quotes counted by speaker (as
the index keeps them), which group into the same people at a fraction of the cost."""

from __future__ import annotations

from dataclasses import dataclass

from quoteidx.record import Quote, Source


@dataclass(slots=True)  # not frozen: tens of thousands are made per listing
class Counted:
    """The quotes of one document that have one speaker, speaker mention and role: how
    many, and where the first starts. Stands for those quotes wherever people are
    built, with the attributes of a Quote that building reads."""

    id: str  # unique among the counts: the document's key and a number
    key: str  # the document's key
    source: Source
    speaker: str
    speaker_mention: str | None
    role: str | None
    start: int
    count: int


Said = Quote | Counted


def weight(said: Said) -> int:
    """How many quotes it stands for."""
    return said.count if isinstance(said, Counted) else 1
