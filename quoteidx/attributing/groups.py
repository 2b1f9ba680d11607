"""Several people (or bodies) speaking as one: "Tore Sohlberg and Lehla Abreder said",
"Sandra Whitfield and her husband, Raj,"; a later "they" is all of them."""

from __future__ import annotations

import re
from collections.abc import Callable

from quoteidx.attributing.names import federal_body, gender, name_words
from quoteidx.attributing.speaker import GROUP, ORGANISATION, PERSON, UNKNOWN, Speaker
from quoteidx.finding.lexicon import NOT_NAMES
from quoteidx.finding.names import Mention, is_organisation

_NAME = r"(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
# "and Tom Berg", also "and her husband, Raj," (a relative named in commas)
_AND_NAME = re.compile(
    rf"\s+(?:and|&)\s+(?:(?:his|her|their)\s+[a-z-]+(?:\s+[a-z-]+)?,\s+)?({_NAME})"
    rf"(?=\s+[a-z]|,)")


def coordinated(text: str, subject: Mention, named: Callable[[str, int], Speaker | None]
                ) -> tuple[int, Speaker] | None:
    """A subject and a second name joined by "and": where the second name starts, and
    the one speaker that is both; `named` resolves a name at a position."""
    left, joined, right = subject.text.rpartition(" and ")
    if joined and _one_body(left, right):
        return None
    if joined:  # one mention of all: "The couple, Ana and Tom Berg, said"
        at = subject.start + len(left) + len(joined)
        listed = _listed(left.removesuffix(","), subject.start, named)
        if listed is None:
            return None
        second = named(right, at)
        if second is None or not _member(second):
            return None
        if len(listed) > 1:  # "Ana Ruiz, Tom Berg and Jim Lee said"
            name = ", ".join(m.name or "" for m in listed) + f" and {second.name}"
            return at, Speaker(name, None, plural=True, kind=GROUP)
        first = listed[0]
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


def _one_body(left: str, right: str) -> bool:
    """Whether "left and right" is one body's name, its body word at the end: "Rainbow
    Families and Allies Network" (not "Ana Ruiz and Acme Corp", a person's first name
    opening it; not "Acme Corp and Port Bank", two bodies)."""
    words = name_words(right)
    if federal_body(f"{left} and {right}") and not federal_body(left):
        return True  # "Environment and Climate Change Canada"
    return bool(words) and is_organisation(words[-1]) and not is_organisation(left) and (
        "," not in left) and gender(left) is None


def _listed(names: str, start: int, named: Callable[[str, int], Speaker | None]
            ) -> list[Speaker] | None:
    """The speakers of names listed with commas ("Ana Ruiz, Tom Berg"), else of the one
    phrase ("The couple, Ana"); None when one is no member."""
    found, at = [], start
    for part in names.split(", "):
        speaker = named(part, at)
        if speaker is None or not _member(speaker):
            break
        found.append(speaker)
        at += len(part) + 2
    else:
        return found
    whole = named(names, start)
    return [whole] if whole is not None and _member(whole) else None


def _member(speaker: Speaker) -> bool:
    """Whether a speaker can be one of "A and B": a person, a body, or a lone name."""
    return speaker.kind in (PERSON, ORGANISATION) or speaker.kind == UNKNOWN and len(
        name_words(speaker.name or "")) == 1
