"""A text that speaks for whoever issued it: "In a statement, the RCMP said … The
statement also said …" is the RCMP's statement, as a reader takes it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

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


def issuer(text: str, candidates: Iterable[tuple[int, Speaker]], noun: str, since: int,
           named: Callable[[str, int], Speaker | None]) -> Speaker | None:
    """The speaker or sentence subject from `since` on (`candidates`, nearest first) whose
    sentence issues such a text ("in a statement", "released a statement", "in her
    post", "The agency released its report"); not one that only speaks of one ("The
    Times said Cook provided a statement")."""
    issued = re.compile(rf"\b(?:in|issued|released|sent|sent\s+out|posted|published)\s+"
                        rf"(?:a|an|its|his|her|their)\s+(?:[\w’'-]+\s+){{0,2}}{noun}\b",
                        re.IGNORECASE)
    from_whom = re.compile(rf"(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,2}}{noun}\s+(?:from|by)\s+"
                           r"(?:the\s+)?((?-i:[A-Z][\w.&-]*)(?:\s+(?:of\s+|and\s+|for\s+)?"
                           r"(?-i:[A-Z][\w.&-]*))*)", re.IGNORECASE)  # a name, all of it
    for at, speaker in candidates:
        if at < since:
            return None
        whose = from_whom.fullmatch(speaker.name or "")
        if whose is not None:  # "A statement from the Carver Lake Band Council expressed …"
            found = named(whose.group(1), at + whose.start(1))
            if found is not None and found.kind in (PERSON, ORGANISATION):
                return found
        start = sentence_start(text, at)
        name_end = at + len(speaker.name or "") if text.startswith(speaker.name or "\0", at) else at
        end_match = SENTENCE_END.search(text, name_end)  # (past "B.C." in "The B.C. … Union")
        end = end_match.start() if end_match else len(text)
        if speaker.kind in (PERSON, ORGANISATION, GROUP) and issued.search(text, start, end):
            # one left unnamed tells no more than the text does ("a group … sent a letter"),
            # unless their description names whose they are ("a spokesperson for Parks Canada")
            words = (speaker.name or "a").split()
            unnamed = words[0].lower() in ("a", "an")
            return speaker if not unnamed or any(w[:1].isupper() for w in words[1:]) else None
    return None
