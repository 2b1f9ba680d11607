"""Tokens of a masked paragraph (a quote is one opaque token) and what every rule asks
of a single word: is it a speech verb, a noun for people, a body that speaks."""

from __future__ import annotations

import re

from quoteidx.finding.lexicon import ORG_NOUNS, PERSON_NOUNS, SPEECH_VERBS
from quoteidx.finding.text import QUOTED

_TOKEN = re.compile(
    r"\ue000+"
    r"|(?:[A-Za-z]\.){2,}"  # U.S., U.N.
    r"|(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Jr|Sr|Prof|Rev|Maj|Adm|Cmdr|Gen)\."
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: Mark S. Mellman
    r"|\w(?:[\w\-]|['’]\w)*"
    r"|''|``"  # a double quote mark written as two
    r"|\S"
)
TIME_WORDS = frozenset("""
today yesterday tonight monday tuesday wednesday thursday friday saturday sunday morning
afternoon evening night week month year earlier later recently last this""".split())


class Token:
    """A word, a punctuation mark, or a whole quote (one opaque token). What every rule
    asks of a token is computed once, here: tokens are the extractor's hot path."""

    __slots__ = ("end", "is_capitalised", "is_quote", "is_word", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower()
        first = text[0]
        self.is_quote = first == QUOTED
        self.is_word = first.isalnum()
        self.is_capitalised = first.isupper()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]


def is_person_noun(word: str) -> bool:
    """fighter, fighters, officials: a noun that names people."""
    return word in PERSON_NOUNS or (word.endswith("s") and word[:-1] in PERSON_NOUNS)


def is_speaking_noun(word: str) -> bool:
    """People, or a body that speaks as one ("the company", "the ministry")."""
    return is_person_noun(word) or word in ORG_NOUNS


def is_speech_verb(token: Token) -> bool:
    return not token.is_capitalised and token.lower in SPEECH_VERBS
