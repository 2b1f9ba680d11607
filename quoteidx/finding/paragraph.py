"""One paragraph prepared for reading: its quotes, masked text, tokens and sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from quoteidx.finding.marks import Span
from quoteidx.finding.phrases import Token, tokenize
from quoteidx.finding.text import mask, sentences

# "(Kim Sengupta)", "(EPA)", "(AFP/Getty Images)" closing a short unpunctuated paragraph.
_CREDIT = re.compile(r"\(\s*[A-Z][\w.&/' -]{0,40}\)\s*$")


@dataclass
class Paragraph:
    text: str  # the whole document text
    start: int
    end: int
    spans: list[Span]  # top-level quotes, closed ones and a dangling last one

    @cached_property
    def masked(self) -> str:
        return mask(self.text, self.start, self.end, self.spans)

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.masked, self.start)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return sentences(self.masked, self.start)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices [a, b) of the tokens lying within text[start:end]."""
        tokens = self.tokens
        a = 0
        while a < len(tokens) and tokens[a].start < start:
            a += 1
        b = a
        while b < len(tokens) and tokens[b].end <= end:
            b += 1
        return a, b

    def sentence_of(self, offset: int) -> int:
        for index, (a, b) in enumerate(self.sentences):
            if a <= offset < b:
                return index
        return len(self.sentences) - 1

    @cached_property
    def is_caption(self) -> bool:
        """A photo caption or credit line: short, no sentence punctuation, ends in a credit."""
        body = self.masked.rstrip()
        if not _CREDIT.search(body):
            return False
        before = body[: body.rfind("(")].rstrip()
        return len(before.split()) <= 25 and not before.endswith((".", "!", "?", "”", '"'))

    @cached_property
    def is_heading(self) -> bool:
        """Hashtags, subheads and pull quotes: short lines without final punctuation."""
        body = self.masked.strip()
        if body.startswith("#"):
            return True
        unfinished = not body.endswith((".", "!", "?", "”", '"', "’", "'", ":", ")", "\ue000"))
        return unfinished and len(body.split()) < 30
