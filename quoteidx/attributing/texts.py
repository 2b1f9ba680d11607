"""A text that speaks for whoever issued it: "In a statement, the RCMP said … The
statement also said …" is the RCMP's statement, as a reader takes it."""

from __future__ import annotations

import re
from bisect import bisect_left

from quoteidx.attributing.resolve import GROUP, ORGANISATION, PERSON, Speaker
from quoteidx.attributing.sentences import SENTENCE_END, sentence_start
from quoteidx.finding.lexicon import TEXT_NOUNS

_DEFINITE = re.compile(r"(?:the|that|this)\s+([a-z]+)", re.IGNORECASE)


def text_noun(description: str) -> str | None:
    """The noun of "the statement", "The release" (a text, named on its own)."""
    match = _DEFINITE.fullmatch(description.strip())
    if match is None or match.group(1).lower() not in TEXT_NOUNS:
        return None
    return match.group(1).lower()


def issuer(text: str, said: list[tuple[int, Speaker]], noun: str, position: int,
           since: int) -> Speaker | None:
    """The speaker quoted from `since` to `position` (nearest first) whose sentence
    issues such a text ("in a statement", "released a statement", "in her post"); not
    one that only speaks of one ("The Times said Cook provided a statement")."""
    issued = re.compile(rf"\b(?:in|issued|released|sent|sent\s+out|posted|published)\s+"
                        rf"(?:a|an|its|his|her|their)\s+(?:[\w’'-]+\s+){{0,2}}{noun}\b",
                        re.IGNORECASE)
    i = bisect_left(said, position, key=lambda item: item[0])
    for at, speaker in reversed(said[:i]):
        if at < since:
            return None
        start = sentence_start(text, at)
        end_match = SENTENCE_END.search(text, at)
        end = end_match.start() if end_match else len(text)
        if speaker.kind in (PERSON, ORGANISATION, GROUP) and issued.search(text, start, end):
            return speaker
    return None
