"""Text as compared when verifying: case, accents, quote marks and punctuation ignored,
with a map back to the original characters so that a match can be shown in place."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Inside a word, not between words: "don't" and "don’t" are both "dont".
_APOSTROPHES = frozenset("'’‘ʼ`´")

# Words too common to find a quote by; they still count when scoring.
STOP_WORDS = frozenset("""
a about after all also an and any are as at be because been but by can could did do does
for from had has have he her him his how i if in into is it its just me more my no not
now of on one or our out over said says she so some than that the their them then there
these they this those to too up us very was we were what when where which who will with
would you your""".split())


@dataclass(frozen=True, slots=True)
class Normalised:
    """`text` is lower-case words separated by single spaces; `offsets[i]` is the index
    in the original of the character that gave text[i]."""

    text: str
    offsets: tuple[int, ...]
    original: str = ""

    @property
    def words(self) -> list[str]:
        return self.text.split()

    def word_spans(self, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Where each word of text[start:end] is in text (not in the original)."""
        spans = []
        position = start
        for word in self.text[start:end].split(" "):
            spans.append((position, position + len(word)))
            position += len(word) + 1
        return spans if self.text[start:end] else []

    def as_written(self, spans: list[tuple[int, int]]) -> str:
        """Words (spans of text) as the original wrote them, punctuation between them
        included: 'were' as "we're", 'pakistanis' as 'Pakistanis'."""
        if not spans:
            return ""
        start, end = self.original_span(spans[0][0], spans[-1][1])
        return " ".join(self.original[start:end].split())

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that text[start:end] came from."""
        if start >= end:
            return (0, 0)
        return self.offsets[start], self.offsets[end - 1] + 1


def normalise(value: str) -> Normalised:
    chars: list[str] = []
    offsets: list[int] = []
    for index, ch in enumerate(value):
        for part in unicodedata.normalize("NFKD", ch):
            if unicodedata.combining(part) or part in _APOSTROPHES:
                continue
            for folded in part.casefold():
                if folded.isalnum():
                    chars.append(folded)
                    offsets.append(index)
                elif chars and chars[-1] != " ":
                    chars.append(" ")
                    offsets.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return Normalised("".join(chars), tuple(offsets), value)


def search_terms(claim: Normalised, most: int = 24) -> list[str]:
    """The claim's significant words, to find candidate quotes in the index with."""
    words = list(dict.fromkeys(claim.words))
    significant = [w for w in words if len(w) > 2 and w not in STOP_WORDS]
    return (significant or words)[:most]
