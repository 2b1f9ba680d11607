"""UD English EWT sentences, read two ways: as the treebank's words, and as quoteidx's
tokenizer cuts the same text (what the extractor will ask the tagger to tag).

The treebank splits clitics and hyphens ("do n't", "Ruiz 's", "well - known"); our
tokenizer keeps "don't", "Ruiz's", "well-known" whole. A token made of several treebank
words takes the tag of the word the others hang on (known in well-known), or, when
several hang outside it, the first (do in don't, Ruiz in Ruiz's, it in it's). A piece of
a treebank word that our tokenizer splits off ("3:30" -> 3 : 30) keeps the word's tag,
unless it is punctuation. With masking, the quoted words of a sentence become one token
tagged QUOTE_TAG, as the extractor's masked paragraphs have them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from quoteidx.finding.marks import quote_spans
from quoteidx.finding.tagger import QUOTE_TAG
from quoteidx.finding.text import mask
from quoteidx.finding.tokens import tokenize


@dataclass
class Word:
    index: int  # 1-based, as in the file
    form: str
    upos: str
    head: int


@dataclass
class Unit:
    """What stands in the text: one word, or a multiword token (don't = do + n't)."""

    form: str
    words: list[Word]
    space_after: bool


@dataclass
class Sentence:
    units: list[Unit]

    @property
    def words(self) -> list[Word]:
        return [w for u in self.units for w in u.words]

    def text(self) -> tuple[str, list[tuple[int, int]]]:
        """The sentence text, and each unit's character span in it."""
        parts, spans, at = [], [], 0
        for unit in self.units:
            spans.append((at, at + len(unit.form)))
            parts.append(unit.form)
            at += len(unit.form)
            if unit.space_after:
                parts.append(" ")
                at += 1
        return "".join(parts), spans


def read_conllu(path: Path) -> Iterator[Sentence]:
    units: list[Unit] = []
    pending: tuple[int, int, Unit] | None = None  # a multiword token still taking its words
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line:
                if units:
                    yield Sentence(units)
                units, pending = [], None
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            space_after = "SpaceAfter=No" not in cols[9]
            if "-" in cols[0]:
                first, last = (int(x) for x in cols[0].split("-"))
                pending = (first, last, Unit(cols[1], [], space_after))
                units.append(pending[2])
                continue
            if "." in cols[0]:
                continue  # an empty node of the enhanced graph: not in the text
            word = Word(int(cols[0]), cols[1], cols[3], int(cols[6]))
            if pending is not None and pending[0] <= word.index <= pending[1]:
                pending[2].words.append(word)
            else:
                units.append(Unit(word.form, [word], space_after))
    if units:
        yield Sentence(units)


def words_view(sentence: Sentence) -> tuple[list[str], list[str]]:
    """The treebank's own words and tags."""
    words = sentence.words
    return [w.form for w in words], [w.upos for w in words]


def head_tag(words: list[Word]) -> str:
    """The tag of the word the others hang on (the first, if several hang outside)."""
    inside = {w.index for w in words}
    for w in words:
        if w.head not in inside:
            return w.upos
    return words[0].upos


def _is_punctuation(token: str) -> bool:
    return not any(ch.isalnum() for ch in token)


def _piece_tag(token: str, word_tag: str) -> str:
    if _is_punctuation(token) and word_tag not in ("PUNCT", "SYM"):
        return "SYM" if unicodedata.category(token[0]).startswith("S") else "PUNCT"
    return word_tag


def tokens_view(sentence: Sentence, masked: bool = False) -> tuple[list[str], list[str]]:
    """The sentence as quoteidx's tokenizer cuts it, each token with its tag."""
    text, spans = sentence.text()
    if masked:
        quotes, dangling = quote_spans(text, 0, len(text))
        if dangling is not None and dangling.end > dangling.start:
            quotes = [*quotes, dangling]
        text = mask(text, 0, len(text), quotes)
    owner = [-1] * len(text)  # character -> unit
    for k, (a, b) in enumerate(spans):
        for i in range(a, b):
            owner[i] = k
    tokens, tags = [], []
    for token in tokenize(text):
        tokens.append(token.text)
        if token.is_quote:
            tags.append(QUOTE_TAG)
            continue
        covered = sorted({owner[i] for i in range(token.start, token.end) if owner[i] >= 0})
        units = [sentence.units[k] for k in covered]
        words = [w for u in units for w in u.words]
        tag = head_tag(words)
        whole = spans[covered[0]][0] == token.start and spans[covered[-1]][1] == token.end
        tags.append(tag if whole else _piece_tag(token.text, tag))
    return tokens, tags
