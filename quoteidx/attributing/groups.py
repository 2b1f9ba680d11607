"""Several people (or bodies) speaking as one: "Tore Sohlberg and Lehla Abreder said",
"Sandra Whitfield and her husband, Raj,"; a later "they" is all of them."""

from __future__ import annotations

import re
from collections.abc import Callable

from quoteidx.attributing.names import name_words
from quoteidx.attributing.speaker import GROUP, ORGANISATION, PERSON, UNKNOWN, Speaker
from quoteidx.finding.lexicon import NOT_NAMES
from quoteidx.finding.names import Mention

_NAME = r"(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
# "and Tom Berg", also "and her husband, Raj," (a relative named in commas)
_AND_NAME = re.compile(
    rf"\s+(?:and|&)\s+(?:(?:his|her|their)\s+[a-z-]+(?:\s+[a-z-]+)?,\s+)?({_NAME})"
    rf"(?=\s+[a-z]|,)")


def coordinated(text: str, subject: Mention, named: Callable[[str, int], Speaker | None]
                ) -> tuple[int, Speaker] | None:
    """A subject and a second name joined by "and": where the second name starts, and
    the one speaker that is both; `named` resolves a name at a position."""
    left, joined, right = subject.text.partition(" and ")
    if joined:  # one mention of both: "The couple, Ana and Tom Berg, said"
        at = subject.start + len(left) + len(joined)
        first, second = named(left, subject.start), named(right, at)
    else:
        match = _AND_NAME.match(text, subject.end)
        if match is None or match.group(1).split()[0] in NOT_NAMES:
            return None
        at = match.start(1)
        first, second = named(subject.text, subject.start), named(match.group(1), at)
    if first is None or second is None or not (_member(first) and _member(second)):
        return None
    kind = ORGANISATION if ORGANISATION == first.kind == second.kind else GROUP
    return at, Speaker(f"{first.name} and {second.name}", None, plural=True, kind=kind)


def _member(speaker: Speaker) -> bool:
    """Whether a speaker can be one of "A and B": a person, a body, or a lone name."""
    return speaker.kind in (PERSON, ORGANISATION) or speaker.kind == UNKNOWN and len(
        name_words(speaker.name or "")) == 1
