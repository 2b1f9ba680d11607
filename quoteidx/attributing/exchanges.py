"""Questions and their answers: "“Were you there?” Berg asked. “No,” she replied." The
one who replies is not the asker, and an uncued line right after the answer may be the
next question as well as more of the answer, so it is nobody's for sure."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quoteidx.attributing.pronouns import Antecedents
    from quoteidx.attributing.speaker import Speaker
    from quoteidx.finding import Finding
    from quoteidx.finding.names import Mention

# The cues of an answer to the question quoted before it.
REPLY_CUES = frozenset({"replied", "answered", "responded", "retorted", "countered",
                        "replies", "answers", "responds", "retorts", "counters"})


class Exchange:
    """The question and answer just quoted, read in text order."""

    def __init__(self, text: str, antecedents: Antecedents) -> None:
        self._text = text
        self._antecedents = antecedents
        self._asker: str | None = None  # who asked the question just quoted
        self._answered = False  # whether the record before was its answer

    def speaker(self, finding: Finding, speaker: Speaker | None, mention: Mention | None,
                how: str | None) -> Speaker | None:
        """The finding's speaker, seen in the exchange; None where it cannot be known."""
        reply = (finding.cue or "").lower() in REPLY_CUES
        if self._asker is not None and speaker is not None and speaker.name == self._asker and (
                mention is not None and mention.kind == "pronoun" and reply):
            speaker = self._antecedents.other_than(mention, finding.paragraph[0], self._asker)
        elif self._answered and how == "continuation":
            speaker = None  # "“No,” Roy replied. “So you saw nothing.”": whose, unsaid
        self._answered = reply and speaker is not None and self._asker is not None and (
            speaker.name != self._asker)
        self._asker = speaker.name if speaker is not None and finding.kind == "direct" and (
            self._text[finding.start : finding.end].rstrip().endswith("?")) else None
        return speaker
