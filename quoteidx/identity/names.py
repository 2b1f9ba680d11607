"""What a speaker's name says about who they are: its comparable key, whether it looks
like a person's full name, and whether a mention ("Khan", "he") is a name at all."""

from __future__ import annotations

import re
from functools import lru_cache

from quoteidx.querying import fold_name

# Lower-case words that may sit inside a person's name ("Osama bin Laden").
PARTICLES = frozenset(
    "al bin ibn bint da das de del della der di dos du el la le van von y".split()
)
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=65536)  # the same few names, over and over
def name_key(name: str) -> str:
    """The name compared across mentions: titles and determiners dropped, case and
    accents folded. 'Commander Ismail Khan' and 'Ismail Khan' give 'ismail khan'."""
    from quoteidx.attributing.names import strip_title

    bare, _title = strip_title(name)
    return fold_name(bare or name)


@lru_cache(maxsize=65536)  # the same few names, over and over
def folded(name: str) -> str:
    """fold_name(name), remembered: people are built from the same names many times."""
    return fold_name(name)


def name_words(name: str) -> list[str]:
    """Folded words of a name, for 'every part of NAME is in the name' matching."""
    return _WORD.findall(fold_name(name))


@lru_cache(maxsize=65536)  # the same few names, over and over
def is_name(mention: str | None) -> bool:
    """A mention that names someone ('Khan', 'Commander Khan'), not a pronoun or a
    description ('he', 'The Commander', 'one of the fighters')."""
    from quoteidx.finding.lexicon import NOT_NAMES
    from quoteidx.finding.office_words import TITLES

    words = (mention or "").split()
    if not words:
        return False
    titled = len(words) > 1 and words[0].rstrip(".").lower() in TITLES  # "Mr Smith"
    if words[0] in NOT_NAMES and not titled:
        return False
    return all(_capitalised(word) or word in PARTICLES for word in words)


@lru_cache(maxsize=65536)  # the same few names, over and over
def looks_like_person(name: str) -> bool:
    """A full name: two or more capitalised words, no determiner or description word,
    and no organisation word. Only such names are matched across documents, because a
    surname or a description ('a fighter') alone says nothing about who is meant."""
    from quoteidx.attributing.names import strip_title
    from quoteidx.finding.office_words import ORG_WORDS

    if not is_name(name):
        return False
    words = strip_title(name)[0].split()
    return len(words) >= 2 and not any(word in ORG_WORDS for word in words)


def _capitalised(word: str) -> bool:
    # "al-Assad" and "O'Brien" count by their last part.
    last = re.split(r"[-'’]", word)[-1] or word
    return last[:1].isupper()


def parse_ref(ref: str) -> tuple[str, str | None]:
    """'Khan@herald' -> ('Khan', 'herald'): a name, narrowed to the documents whose path,
    title, publication or url contains the part after the last '@'."""
    name, at, where = ref.rpartition("@")
    if not at or not name.strip() or not where.strip():
        return ref.strip(), None
    return name.strip(), where.strip()
