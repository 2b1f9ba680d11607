"""Pronoun speakers: "he", "she", "they" and "it" (and his/her/their/its) go to the
nearest earlier person, group or organisation the text was about, as a reader takes
them: the subjects of earlier sentences and the speakers of earlier quotes.

- "he"/"she": a person (never a place, a group, an organisation, a sentence-opening
  word or a picture credit), of that gender when the document shows it (a title, a
  first name, a role noun such as "spokeswoman"); unknown gender fits both.
- "they": a group ("officials", "Democrats", "Tore Sohlberg and Lehla Abreder").
- "it": an organisation, and only when nothing else ("the report", "the plan") was
  talked about in between.
When nothing fits, the pronoun stays unresolved and the quote is left out: a quote
given to the wrong person is worse than a missed one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Iterator

from quoteidx.attributing.lexicon import CREDIT_LABELS
from quoteidx.attributing.resolve import (
    ORGANISATION,
    PERSON,
    UNKNOWN,
    Resolver,
    Speaker,
)
from quoteidx.finding.names import Mention

SINGULAR = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
PLURAL = frozenset({"they", "them", "their"})
NEUTER = frozenset({"it", "its"})
_LOOK_BACK = 50  # candidates tried before giving up
_LABELS = "|".join(sorted(CREDIT_LABELS))
_CREDIT_BEFORE = re.compile(rf"(?:\(|\b(?:{_LABELS})\w*\s*(?:by|:)?\s*)$", re.IGNORECASE)
_CREDIT_AFTER = re.compile(r"\s*[/|]")


def _position(item: tuple[int, Speaker]) -> int:
    return item[0]


class Antecedents:
    """What a pronoun may refer to, in text order."""

    def __init__(self, resolver: Resolver, subjects: list[Mention]) -> None:
        self._resolver = resolver
        self._pending = subjects
        self._subjects: list[tuple[int, Speaker]] | None = None
        self.said: list[tuple[int, Speaker]] = []  # speakers of earlier quotes

    def add_speaker(self, position: int, speaker: Speaker) -> None:
        insort(self.said, (position, speaker), key=_position)

    def _subject_speakers(self) -> list[tuple[int, Speaker]]:
        """Who each sentence is about, resolved once, when the first pronoun needs it."""
        if self._subjects is None:
            self._subjects = []
            for subject in self._pending:
                if subject.kind == "pronoun" or self._is_credit(subject):
                    continue
                speaker, _how = self._resolver.resolve(subject)
                if speaker is not None and speaker.name:
                    self._subjects.append((subject.start, speaker))
        return self._subjects

    def _is_credit(self, mention: Mention) -> bool:
        """"(Photo: Ana Ruiz)", "Ana Ruiz/The Canadian Press": a credit, not a person
        in the story."""
        text = self._resolver.text
        return bool(_CREDIT_BEFORE.search(text, max(0, mention.start - 24), mention.start)
                    or _CREDIT_AFTER.match(text, mention.end))

    def _before(self, position: int) -> Iterator[Speaker]:
        """Candidates nearest first: subjects and earlier speakers, merged."""
        lists = [self._subject_speakers(), self.said]
        ends = [bisect_left(items, position, key=_position) for items in lists]
        for _ in range(_LOOK_BACK):
            best = max((k for k in (0, 1) if ends[k] > 0),
                       key=lambda k: lists[k][ends[k] - 1][0], default=None)
            if best is None:
                return
            ends[best] -= 1
            yield lists[best][ends[best]][1]

    def resolve(self, pronoun: Mention) -> Speaker | None:
        word = pronoun.text.lower()
        if word in NEUTER:
            return self._organisation(pronoun.start)
        plural = word in PLURAL
        wanted = SINGULAR.get(word)
        for speaker in self._before(pronoun.start):
            if plural:
                if speaker.plural:
                    return speaker
            elif speaker.kind == PERSON and not speaker.plural and not (
                    wanted and speaker.gender and speaker.gender != wanted):
                return speaker  # "he" skips a woman; unknown gender fits both
        return None

    def _organisation(self, position: int) -> Speaker | None:
        """"it said": the body the text was last about, if nothing else came between."""
        for speaker in self._before(position):
            if speaker.kind == PERSON or speaker.plural:
                continue
            if speaker.kind in (ORGANISATION, UNKNOWN):
                return Speaker(speaker.name, speaker.role, kind=ORGANISATION)
            return None
        return None
