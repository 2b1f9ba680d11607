"""Names, titles and roles: turning the words that name a speaker into one person."""

from __future__ import annotations

import re
from functools import lru_cache

from quoteidx.finding.lexicon import (
    DETERMINERS,
    FEMALE_FIRST_NAMES,
    FEMALE_WORDS,
    MALE_FIRST_NAMES,
    MALE_WORDS,
    ORG_WORDS,
    TITLES,
)

_POSSESSIVE = re.compile(r"['’]s?$")
_AGE = re.compile(r"^(?:the\s+)?\d+[- ]year[- ]old\s+|^\d+\s*$|,?\s*\d+\s*$", re.IGNORECASE)


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    return tuple(name.replace(",", " ").split())


@lru_cache(maxsize=65536)  # names recur across a corpus; stripping is pure
def strip_title(name: str) -> tuple[str, str | None]:
    """("Commander Ismail Khan") -> ("Ismail Khan", "commander"). A name that is only a
    title ("the Commander") keeps it."""
    words = list(name_words(_POSSESSIVE.sub("", name)))
    titles = []
    # A title inside the run ends the prefix: "Obama Education Secretary Arne Duncan",
    # "Secretary of State John Kerry" -> "Arne Duncan", "John Kerry".
    inner = [i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in TITLES]
    if inner and inner[-1] > 0 or inner and len(words) > 2 and words[inner[-1] + 1] == "of":
        cut = inner[-1]
        titles.append(words[cut].lower().rstrip("."))
        rest = words[cut + 1 :]
        if rest and rest[0] in ("of", "to", "for"):
            # "of State John Kerry", "to the United States Hamdullah Mohib" -> the person
            rest = rest[1:][-2:]
        if rest:
            words = rest
    while len(words) > 1 and (
        words[0].lower().rstrip(".") in TITLES
        or words[0].lower() in DETERMINERS
        or words[0].lower() in ("former", "then", "acting", "late")
    ):
        low = words.pop(0).lower().rstrip(".")
        if low in TITLES:
            titles.append(low)
    title = " ".join(titles) or None
    return " ".join(words), title


def surname(name: str) -> str:
    words = name_words(name)
    return words[-1].lower() if words else ""


def gender(name: str) -> str | None:
    """"female", "male" or None (unknown), from a title or a common first name."""
    for word in name_words(name)[:2]:
        low = word.lower().rstrip(".")
        if low in FEMALE_WORDS or low in FEMALE_FIRST_NAMES:
            return "female"
        if low in MALE_WORDS or low in MALE_FIRST_NAMES:
            return "male"
    return None


def is_organisation(name: str) -> bool:
    return any(w in ORG_WORDS for w in name_words(name))


def clean_role(role: str | None) -> str | None:
    """", a militia officer," -> "militia officer"; ages are not roles."""
    if not role:
        return None
    role = role.strip(" ,;:-—–")
    words = role.split()
    while words and words[0].lower() in ("a", "an", "the", "another", "also"):
        words.pop(0)
    role = _AGE.sub("", " ".join(words)).strip(" ,")
    if not role or not any(ch.isalpha() for ch in role) or len(role.split()) > 14:
        return None
    return role
