"""What finding hands to attributing: quotations with the words that name their speaker."""

from __future__ import annotations

from dataclasses import dataclass, field

from quoteidx.finding.names import Mention


@dataclass(slots=True)
class Finding:
    """A quotation found in the text, before its speaker is resolved.

    `mention` is the phrase next to the cue ("he", "Khan", "one of the fighters");
    `inherit` is an earlier finding whose speaker this one continues (a quote
    paragraph after a quote). `parts` are the quoted segments when there are several
    (a split quote, one over paragraphs); empty means one, (start, end)."""

    start: int
    end: int
    kind: str
    paragraph: tuple[int, int]
    cue: str | None = None
    mention: Mention | None = None
    outlet: str | None = None
    inherit: Finding | None = None
    parts: list[tuple[int, int]] = field(default_factory=list)

    def add_part(self, start: int, end: int) -> None:
        """Extend the finding by one more quoted segment."""
        if not self.parts:
            self.parts.append((self.start, self.end))
        self.parts.append((start, end))
        self.end = end

    def segments(self) -> list[tuple[int, int]]:
        return self.parts or [(self.start, self.end)]


@dataclass(slots=True)
class Analysis:
    """Everything the attribution stage needs from one document."""

    findings: list[Finding] = field(default_factory=list)
    # Who each sentence is about, in text order: the antecedents of "he" and "they".
    subjects: list[Mention] = field(default_factory=list)
    # Every name-like mention outside quotes, for resolving "Khan" to "Ismail Khan".
    names: list[Mention] = field(default_factory=list)
