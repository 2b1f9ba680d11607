"""What finding hands to attributing: quotations with the words that name their speaker."""

from __future__ import annotations

from dataclasses import dataclass, field

from quoteidx.finding.phrases import Mention


@dataclass(slots=True)
class Finding:
    """A quotation found in the text, before its speaker is resolved.

    `mention` is the phrase next to the cue ("he", "Khan", "one of the fighters");
    `inherit` is an earlier finding whose speaker this one continues (a quote
    paragraph after a quote, a later quote of the same paragraph)."""

    start: int
    end: int
    kind: str
    paragraph: tuple[int, int]
    cue: str | None = None
    mention: Mention | None = None
    outlet: str | None = None
    inherit: Finding | None = None


@dataclass(slots=True)
class Analysis:
    """Everything the attribution stage needs from one document."""

    findings: list[Finding] = field(default_factory=list)
    # Who each sentence is about, in text order: the antecedents of "he" and "they".
    subjects: list[Mention] = field(default_factory=list)
    # Every name-like mention outside quotes, for resolving "Khan" to "Ismail Khan".
    names: list[Mention] = field(default_factory=list)
