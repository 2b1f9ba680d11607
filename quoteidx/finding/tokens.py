"""Tokens of a masked paragraph (a quote is one opaque token) and what every rule asks
of a single word: is it a speech verb, a noun for people, a body that speaks."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import TYPE_CHECKING

from quoteidx.finding.lexicon import (
    ARTICLES,
    NOT_NAMES,
    PERSON_NOUNS,
    POSSESSIVE_ENDS,
    SPEECH_VERBS,
    is_initials,
)
from quoteidx.finding.office_words import ORG_NOUNS
from quoteidx.finding.text import QUOTED

if TYPE_CHECKING:
    from quoteidx.finding.tagger import Sentence

_TOKEN = re.compile(
    r"\ue000+"
    r"|(?:[A-Za-z]\.){2,}(?:['’]s\b)?"  # U.S., U.N., and B.C.'s as Ontario's is one word
    r"|(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Jr|Sr|Prof|Rev|Maj|Adm|Cmdr|Gen)\."
    # Canadian and police titles, and a company's abbreviation: Coun. Ana Ruiz, Acme Corp.
    r"|(?:Coun|Ald|Const|Cst|Cpl|Supt|Insp|Det|Pte|Pvt|Brig|Msgr|Fr|Hon|Corp|Inc|Ltd|Cos|Co|Bros"
    r"|S/Sgt)\."  # (S/Sgt.: a staff sergeant)
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: Mark S. Mellman
    r"|[A-Z][\w-]*\.(?:com|org|net)\b"  # a body named by its web address: Harbour.com
    # a decimal or a clock time, and a compound it opens: 1.2 million, 9:40 p.m., 1.4-mile
    r"|\d+(?:[.:]\d+)+(?![\d.:]\d)(?:-[\w\-]*\w)?"
    r"|\d{1,3}(?:,\d{3})+(?!\d|,\d)"  # a number with thousands: 20,000
    r"|\w[\w\-]*s['’](?=[ \t]+[A-Za-z])"  # a plural possessive: the teachers' union
    r"|\w[\w\-]*(?:['’]\w[\w\-]*)*"  # a word, with inner apostrophes: don’t
    r"|''|``"  # a double quote mark written as two
    r"|\S"
)
# Each token with the blanks before it: findall's strings give every offset without a
# Match object per token (a third of tokenize's time went to making them). Most tokens
# are plain words or commas: tried first, where _TOKEN would match them the same (a lower-
# case word of two letters or more is no "e.g."; a capitalised one with no full stop
# after it is no "Mr.", "U.S." or "Harbour.com"; neither, without an apostrophe after
# it, is a "don’t"), so the engine does not try each alternative before the word (same
# tokens: checked on every dev and gum paragraph and 600k random strings).
_SPACED_TOKEN = re.compile(
    r"(\s*+)("
    r"[a-z][\w\-]++(?!['’])"
    r"|[A-Z][\w\-]*+(?![.'’/])"
    r"|[,;:!?()]"
    r"|" + _TOKEN.pattern + ")")
# ("l’Université", "d’Amato": an elided French or Italian article is the name's too)
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|as|ash|at|az|ul|bin|ibn|abu|ben)-[A-Z]|[ld][’'][A-ZÀ-Ý]")
TIME_WORDS = frozenset("""
today yesterday tonight monday tuesday wednesday thursday friday saturday sunday morning
afternoon evening night week month year earlier later recently last this""".split())


class Token:
    """A word, a punctuation mark, or a whole quote (one opaque token). What every rule
    asks of a token is worked out once per distinct text (_WordFacts): tokens are the
    extractor's hot path."""

    __slots__ = ("end", "is_capitalised", "is_quote", "is_word", "lower", "name_like", "start",
                 "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower, self.is_quote, self.is_word, self.is_capitalised, self.name_like = (
            _FACTS[text])

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


Facts = tuple[str, bool, bool, bool, bool]  # lower, is_quote, is_word, is_capitalised, name_like


class _WordFacts(dict[str, Facts]):
    """A token's attributes after `end`, by its text, each worked out on first sight:
    news repeats its words, so most tokens find theirs here."""

    limit = 100_000  # texts kept; past it the cache starts again (masked quotes vary)

    def __missing__(self, text: str) -> Facts:
        lower = text.lower()
        first = text[0]
        is_word = first.isalnum()
        # a name opening with a lower-case particle is capitalised all the same: al-Assad
        capitalised = first.isupper() or _PARTICLE_NAME.match(text) is not None
        # May be part of a name: capitalised, not a word that never is one, not an
        # acronym or a shouted word ("NATO", "STOP"), not an abbreviation ("U.S."), not a
        # speech verb opening a sentence ("Stated Stone:").
        name_like = capitalised and is_word and text not in NOT_NAMES and not (
            len(text) > 4 and text.isupper() and not is_initials(text)) and (
            "." not in text[:-1] or lower.endswith((".com", ".org", ".net"))
            or is_initials(text)) and not (
            lower.endswith("ed") and lower in SPEECH_VERBS)
        if len(self) >= self.limit:
            self.clear()
        facts = self[text] = (lower, first == QUOTED, is_word, capitalised, name_like)
        return facts


_FACTS = _WordFacts()


class Tokens(list[Token]):
    """A paragraph's tokens that can say each one's part of speech. A sentence is tagged
    only when a rule first asks about one of its words (most never need it), and only up
    to that word, by the tagger in quoteidx.finding.tagger."""

    def __init__(self, tokens: list[Token], sentences: Callable[[], list[tuple[int, int]]]
                 ) -> None:
        super().__init__(tokens)
        # The sentences' character spans, when first needed. It must not hold the
        # paragraph: a cycle would leave every paragraph to the garbage collector.
        self._sentences = sentences
        self._ranges: list[tuple[int, int]] | None = None
        self._tags: dict[int, str] = {}
        # each sentence's tagging, by its token range, kept to go on from where it stopped
        self._tagging: dict[tuple[int, int], Sentence] = {}
        self._word_counts: list[int] | None = None  # words (or quotes) before each token

    def tag(self, i: int) -> str:
        """The part of speech (UPOS: NOUN, VERB, AUX, ...) of the i-th token."""
        found = self._tags.get(i)
        if found is not None:
            return found
        from quoteidx.finding.tagger import fixed_tag, sentence

        # A word whose tag the tag dictionary fixes needs no tagging up to it.
        found = fixed_tag(self[i].text)
        if found is not None:
            self._tags[i] = found
            return found
        if self._ranges is None:
            starts, ends = [t.start for t in self], [t.end for t in self]
            self._ranges = [token_range(starts, ends, a, b) for a, b in self._sentences()]
        a, b = next(((a, b) for a, b in self._ranges if a <= i < b), (i, i + 1))
        tagging = self._tagging.get((a, b))
        if tagging is None:
            tagging = self._tagging[a, b] = sentence([t.text for t in self[a:b]])
        # Up to the word asked about: a later question goes on from there, never starts
        # the sentence again (fewer words tagged than reading ahead, by instructions).
        done = len(tagging.tags(0))
        tags = tagging.tags(i + 1 - a)
        for k in range(done, len(tags)):
            self._tags[a + k] = tags[k]
        return self._tags[i]

    def words_between(self, a: int, b: int) -> int:
        """How many of self[a:b] are words or quotes, in constant time: rules ask it of
        ranges as long as the sentence, once per speech verb."""
        if self._word_counts is None:
            self._word_counts = list(accumulate((t.is_word or t.is_quote for t in self),
                                                initial=0))
        a, b, _ = slice(a, b).indices(len(self))
        return max(0, self._word_counts[b] - self._word_counts[a])


def count_words(tokens: list[Token], a: int, b: int) -> int:
    """How many of tokens[a:b] are words or quotes (a short range is counted, a long one
    looked up: either way no call costs more than a constant)."""
    if b - a > _COUNTED and isinstance(tokens, Tokens):
        return tokens.words_between(a, b)
    return sum(1 for t in tokens[a:b] if t.is_word or t.is_quote)


_COUNTED = 32


def index_at(tokens: list[Token], offset: int, lo: int) -> int:
    """Index of the first token from tokens[lo] on that starts at or after `offset`
    (a bisection: tokens are in text order)."""
    k = bisect_left(tokens, offset, lo, key=_start)
    if k >= len(tokens):
        raise StopIteration  # as the scan this replaces did: no such token
    return k


def _start(token: Token) -> int:
    return token.start


def tag_of(tokens: list[Token], i: int) -> str | None:
    """The part of speech of tokens[i] where the tokens can tell it (a paragraph's)."""
    return tokens.tag(i) if isinstance(tokens, Tokens) else None


# Forms of speech verbs that are never nouns: no need to ask the tagger about them.
_ONLY_VERBS = frozenset("""said says say told tells tell wrote writes thought spoke held felt
added adds asked asks""".split())


def used_as_verb(tokens: list[Token], k: int) -> bool:
    """Whether a speech verb's form is a verb here: "his first report", "the caustic
    chant" and "the warning" are nouns. Past forms in -ed never need the question."""
    low = tokens[k].lower
    if k == 0:
        return True
    before = tokens[k - 1]
    if before.lower in ARTICLES:
        return False  # an adjective or a noun after an article: "the alleged victim"
    if low in _ONLY_VERBS or low.endswith("ed"):
        return True
    if low.endswith("s") and k + 2 < len(tokens) and tokens[k + 1].text == "," and (
            tokens[k + 2].lower in SPEECH_VERBS) and tag_of(tokens, k) == "NOUN":
        return False  # "a lawyer who handles insurance claims, said": the verb comes next
    nominal = before.lower in _NOUN_MARKERS or before.lower.endswith(POSSESSIVE_ENDS)
    marked = k >= 2 and (tokens[k - 2].lower in _NOUN_MARKERS
                         or tokens[k - 2].lower.endswith(POSSESSIVE_ENDS))
    if not nominal and not (marked and before.is_word and not before.is_capitalised):
        return True  # no determiner just before: a verb ("Frank notes", "officials say")
    if tag_of(tokens, k) not in ("NOUN", "ADJ", "PROPN"):
        return True
    # a noun only where one is expected: after a determiner, a possessive, an adjective
    return not (nominal or tag_of(tokens, k - 1) in ("DET", "ADJ", "NUM"))


_NOUN_MARKERS = frozenset("a an the this that these his her its their our my your".split())

# Speech verbs' forms that are also nouns or adjectives before a noun: "state officials".
_NOUN_FORMS = frozenset({"state", "report", "reports", "claim", "claims", "note", "notes"})


def modifies_noun(tokens: list[Token], k: int) -> bool:
    """Whether a speech verb's form that is also a noun modifies the noun after it here:
    "“…,” state Senate leader Tom Berg said", "state officials said"."""
    return tokens[k].lower in _NOUN_FORMS and tag_of(tokens, k) in ("NOUN", "ADJ", "PROPN")


def token_range(starts: list[int], ends: list[int], start: int, end: int) -> tuple[int, int]:
    """Indices [a, b) of the tokens (with these starts and ends) lying within [start, end)."""
    a = bisect_left(starts, start)
    b = bisect_right(ends, end)
    return a, max(a, b)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The tokens of a masked paragraph, offsets shifted by `offset`. Each is made as
    Token(...) makes it, without the call: a paragraph has hundreds."""
    facts, make = _FACTS.__getitem__, object.__new__
    if text[-1:].isspace():  # trailing blanks: each would start a failed match to the end
        text = text.rstrip()
    tokens = []
    at = offset
    for space, word in _SPACED_TOKEN.findall(text):
        token = make(Token)
        token.text = word
        token.start = at = at + len(space)
        token.end = at = at + len(word)
        token.lower, token.is_quote, token.is_word, token.is_capitalised, token.name_like = (
            facts(word))
        tokens.append(token)
    return tokens


def is_person_noun(word: str) -> bool:
    """fighter, fighters, officials: a noun that names people."""
    return word in PERSON_NOUNS or (word.endswith("s") and word[:-1] in PERSON_NOUNS)


def is_speaking_noun(word: str) -> bool:
    """People, or a body that speaks as one ("the company", "the ministry")."""
    return is_person_noun(word) or word in ORG_NOUNS


def is_speech_verb(token: Token) -> bool:
    return not token.is_capitalised and token.lower in SPEECH_VERBS
