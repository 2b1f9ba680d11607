"""Part-of-speech tags (UPOS) for the extractor's tokens, without a parser.

A greedy averaged perceptron (the classic design: word, affix and shape features, the
words around, the two tags before), trained on UD English EWT by tools/train_tagger.py.
The weights (tagger_data/, CC BY-SA 4.0) load once, on the first call to `tag`.

It reads tokens as `tokens.tokenize` makes them: "don’t" and "Ruiz’s" are one token and
take the tag of their first part (AUX, PROPN); "well-known" is one token and takes the
tag of its head (ADJ). A masked quotation (a run of QUOTED) is tagged QUOTE_TAG, NOUN:
it stands for the words quoted, which fill a noun-phrase slot (`said "..."`,
`"..." was his answer`). Curly apostrophes and quote marks count as straight ones.

Speed: the tagger scores only words that its tag dictionary leaves open, and adds up
per-word cached score vectors packed into one integer each (one field per tag), so a
token costs a few integer additions and one `max`. A `Sentence` is tagged from the left
only as far as asked, and goes on from there when asked for more.
"""

from __future__ import annotations

import array
import gzip
import json
import re
import struct
import sys
from collections.abc import Sequence
from pathlib import Path

from quoteidx.finding.text import QUOTED

TAGS = ("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON",
        "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X")
QUOTE_TAG = "NOUN"
QUOTE_WORD = "-QUOTE-"  # what a masked quotation reads as, in features and tag dictionary
START, START2, END, END2 = "-START-", "-START2-", "-END-", "-END2-"
BEFORE = (*TAGS, START, START2)  # what the tag before a word can be
_FIRST = START.lower()
DATA = Path(__file__).with_name("tagger_data") / "ewt-upos.bin.gz"
MAGIC = b"QTAG1\n"
_NUM = TAGS.index("NUM")
# A number with a point or a colon inside (one token: quoteidx.finding.tokens): "1.2", "9:40".
_SPLIT_NUMBER = re.compile(r"\d+(?:[.:]\d+)+")

_QUOTE_MARKS = {"``": '"', "''": '"', "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
                "‘": "'", "’": "'", "`": "'", "‹": "'", "›": "'"}


def normalise(word: str) -> str:
    """The form features read: news typography folded to the treebank's."""
    if word[:1] == QUOTED:
        return QUOTE_WORD
    mark = _QUOTE_MARKS.get(word)
    if mark is not None:
        return mark
    if "’" in word:
        return word.replace("’", "'")
    return word


_ASCII_KINDS = str.maketrans({**{chr(c): "X" for c in range(65, 91)},
                              **{chr(c): "x" for c in range(97, 123)},
                              **{chr(c): "d" for c in range(48, 58)}})
# A run of one character: findall returns its first, all in C (sub with a template
# "\1" calls Python code for every run).
_RUN = re.compile(r"(.)\1*", re.DOTALL)


def shape(word: str) -> str:
    """Ruiz -> Xx, U.S. -> X.X., 1.2 -> d.d, don't -> x'x."""
    if word.isascii():  # most words: a table and a regex instead of a step per letter
        if word.isalpha():  # the commonest shapes, told by string methods alone
            if word.islower():
                return "x"
            if word[0].isupper() and word[1:].islower():
                return "Xx"
        return "".join(_RUN.findall(word.translate(_ASCII_KINDS))[:8])
    out = []
    last = ""
    for ch in word:
        kind = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if kind != last:
            out.append(kind)
            last = kind
    return "".join(out[:8])


def word_features(norm: str, lexicon: dict[str, str]) -> tuple[list[str], list[list[str]]]:
    """Features of a word itself, and those it gives the words at -2, -1, +1, +2 from it.

    `lexicon` maps a lower-case word seen often in training to the tags it had ("AUX",
    "DET|PRON|SCONJ"); "?" stands for a rare or new word, the cue that a capitalised one
    starting a sentence ("Denver added") is a name."""
    lower = norm.lower()
    form = shape(norm)
    suffix = lower[-3:]
    seen = lexicon.get(lower, "?")
    own = ["l " + lower, "p1 " + lower[:1], "p2 " + lower[:2], "p3 " + lower[:3],
           "s1 " + lower[-1:], "s2 " + lower[-2:], "s3 " + suffix, "s4 " + lower[-4:],
           "h " + form, "a " + seen]
    if norm != lower:
        own.append("w " + norm)
    roles = [["-2l " + lower],
             ["-1l " + lower, "-1s " + suffix, "-1h " + form, "-1a " + seen],
             ["+1l " + lower, "+1s " + suffix, "+1h " + form, "+1a " + seen],
             ["+2l " + lower]]
    return own, roles


def bigram_features(before: str, lower: str, after: str) -> list[str]:
    """The word with the word before, and with the word after (lower case); the ending of
    a sentence's first word, whose capital says little."""
    if before == _FIRST:
        return ["bp " + before + " " + lower, "bn " + lower + " " + after, "0s " + lower[-3:]]
    return ["bp " + before + " " + lower, "bn " + lower + " " + after]


CLOSED = ("ADP", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ")  # every member is common


def excluded_tags(norm: str, lexicon: dict[str, str]) -> tuple[str, ...]:
    """Tags a word cannot take, when scoring: a word rare or new to the treebank is not an
    auxiliary, determiner, pronoun, ... (closed classes, whose members are all frequent;
    "Witnesses said" does not start with an AUX) and, if it has a letter or digit, not
    punctuation. Joined clitics ("who's", "they've") may be pronouns and are left open."""
    lower = norm.lower()
    if lower in lexicon or "'" in lower or not any(ch.isalnum() for ch in lower):
        return ()
    return (*CLOSED, "PUNCT")


def tag_features(before2: str, before: str) -> list[str]:
    return ["bias", "t1 " + before, "t2 " + before2 + " " + before]


def pair_feature(before: str, norm: str) -> str:
    """The tag before, joined with this word. The weights file stores these grouped by
    word, under "t1l <word>", with classes numbered before * len(TAGS) + tag."""
    return "t1l " + before + " " + norm.lower()


_FIELD = 32  # bits per tag in a packed score vector
_LOW = 5  # low bits of each field hold the tag index, so the largest field is the argmax
_TAG_BITS = (1 << _LOW) - 1
_BASE = 1 << 25  # keeps every field positive: |scores| stay far below it
_CACHE_LIMIT = 50_000  # words kept (~0.8 KB each); past it the word cache starts again


class Tagger:
    """Weights read from a file written by tools/train_tagger.py.

    A score vector (one score per tag) is one int: tag i's score in bits 32i..32i+31, as
    (_BASE + score) << 5 | i. Adding vectors adds every tag's score at once; the largest
    field of the sum names the best tag. Each word's vectors (its own features, and what
    it gives its neighbours) are summed once and cached."""

    def __init__(self, path: Path = DATA) -> None:
        raw = gzip.decompress(path.read_bytes())
        if not raw.startswith(MAGIC):
            raise ValueError(f"{path}: not a tagger weights file")
        at = len(MAGIC)
        header_len, names_len, n_weights = struct.unpack_from("<III", raw, at)
        at += 12
        header = json.loads(raw[at:at + header_len])
        at += header_len
        names = raw[at:at + names_len].decode("utf-8").split("\n")
        at += names_len
        self._ends = _array("I", raw[at:at + 4 * len(names)])  # feature k: [ends[k-1], ends[k])
        at += 4 * len(names)
        self._classes = _array("H", raw[at:at + 2 * n_weights])
        at += 2 * n_weights
        self._weights = _array("h", raw[at:at + 2 * n_weights])
        self._index = dict(zip(names, range(len(names)), strict=True))
        if tuple(header["tags"]) != TAGS:
            raise ValueError(f"{path}: weights for other tags")
        self.info: dict = header["info"]
        self.tagdict: dict[str, int] = {w: TAGS.index(t) for w, t in header["tagdict"].items()}
        kinds = header["kinds"]
        self.lexicon: dict[str, str] = {w: kinds[k] for w, k in header["lexicon"].items()}
        n = len(TAGS)
        self._unpack = struct.Struct(f"<{n}I").unpack
        self._width = n * _FIELD // 8
        base = sum(((_BASE << _LOW) + i) << (_FIELD * i) for i in range(n))
        # feature k's packed weights, made on first use (a list: indexing beats hashing)
        self._vectors: list[int | None] = [None] * len(names)
        self._penalties: dict[tuple[str, ...], int] = {}  # tags ruled out -> vector
        self._transitions = [self._sum(tag_features(t2, t1)) + base
                             for t2 in BEFORE for t1 in BEFORE]
        self._words: dict[str, tuple] = {}
        self._pads = {p: self._entry(p, cache=False) for p in (START, START2, END, END2)}

    def _stored(self, feature: str) -> list[tuple[int, int]]:
        """(class, weight) pairs of a feature in the file."""
        k = self._index.get(feature)
        if k is None:
            return []
        lo, hi = self._ends[k - 1] if k else 0, self._ends[k]
        return list(zip(self._classes[lo:hi], self._weights[lo:hi], strict=True))

    def _packed(self, k: int) -> int:
        """The packed weights of the k-th feature of the file, cached."""
        vector = self._vectors[k]
        if vector is None:
            lo, hi = self._ends[k - 1] if k else 0, self._ends[k]
            vector = 0
            for c, w in zip(self._classes[lo:hi], self._weights[lo:hi], strict=True):
                vector += (w << _LOW) << (_FIELD * c)
            self._vectors[k] = vector
        return vector

    def _sum(self, features: list[str]) -> int:
        vectors, index = self._vectors, self._index.get
        total = 0
        for feature in features:
            k = index(feature)
            if k is not None:  # else never seen in training: weighs nothing
                vector = vectors[k]
                total += self._packed(k) if vector is None else vector
        return total

    def _penalty(self, tags: tuple[str, ...]) -> int:
        """A vector that puts these tags below every other (scores stay far below
        _BASE / 2, so every field stays positive)."""
        vector = self._penalties.get(tags)
        if vector is None:
            vector = sum(-((_BASE >> 1) << _LOW) << (_FIELD * TAGS.index(t)) for t in tags)
            self._penalties[tags] = vector
        return vector

    def _entry(self, word: str, cache: bool = True) -> tuple:
        """(fixed tag or -1, lower form, own vector, vectors given at -2, -1, +1, +2,
        vectors by the tag before, and the openings of the bigram features that pair it
        with the next word: "bp <lower> ", "bn <lower> ")."""
        norm = normalise(word)
        fixed = self.tagdict.get(norm, -1)
        if fixed < 0 and norm[:1].isdigit() and _SPLIT_NUMBER.fullmatch(norm):
            fixed = _NUM
        own, roles = word_features(norm, self.lexicon)
        by_before: dict[int, int] = {}
        own_vector = 0
        if fixed < 0:
            n = len(TAGS)
            for c, w in self._stored("t1l " + norm.lower()):
                before, tag = divmod(c, n)
                by_before[before] = by_before.get(before, 0) + ((w << _LOW) << (_FIELD * tag))
            own_vector = self._sum(own) + self._penalty(excluded_tags(norm, self.lexicon))
        lower = norm.lower()
        entry = (fixed, lower, own_vector, *map(self._sum, roles), by_before,
                 "bp " + lower + " ", "bn " + lower + " ")
        if cache:
            if len(self._words) > _CACHE_LIMIT:
                self._words.clear()
            self._words[word] = entry
        return entry

    def fixed(self, word: str) -> str | None:
        """The tag of a word the tag dictionary fixes (",", "the", a masked quote), which
        it takes whatever the words around it; else None."""
        norm = normalise(word)
        k = self.tagdict.get(norm, -1)
        if k < 0 and norm[:1].isdigit() and _SPLIT_NUMBER.fullmatch(norm):
            k = _NUM  # "1.2", "9:40": a number, whichever the words around it
        return TAGS[k] if k >= 0 else None

    def tag(self, words: Sequence[str], upto: int | None = None) -> list[str]:
        """The tag of each word, or of the first `upto` words only: tagging is greedy
        from left to right and a word reads the two words after it, so those tags are
        the same as the whole sentence's, and the rest costs nothing."""
        return list(Sentence(self, words).tags(len(words) if upto is None else upto))


class Sentence:
    """One sentence's tags, worked out from the left only as far as asked: a later
    question goes on where the last one stopped (a word's tag depends on the words up
    to two after it and the tags before it, never on what follows), so asking word by
    word costs what tagging the sentence once does."""

    __slots__ = ("_entries", "_t1", "_t2", "_tagger", "_tags", "_words")

    def __init__(self, tagger: Tagger, words: Sequence[str]) -> None:
        self._tagger = tagger
        self._words = words
        pads = tagger._pads
        self._entries = [pads[START2], pads[START]]
        self._t2, self._t1 = len(BEFORE) - 1, len(BEFORE) - 2  # START2, START
        self._tags: list[str] = []

    def tags(self, upto: int) -> list[str]:
        """The tags of at least the first `upto` words (of them all, at most): the list
        this sentence keeps, grown as needed (callers must not change it)."""
        words, out = self._words, self._tags
        count = min(upto, len(words))
        if count <= len(out):
            return out
        tagger = self._tagger
        entries = self._entries
        need = count + 4  # the two pads before, the words to tag, the two words after
        if len(entries) < need:
            get, make, n = tagger._words.get, tagger._entry, len(words)
            for w in range(len(entries) - 2, min(need - 2, n)):
                entries.append(get(words[w]) or make(words[w]))
            if need - 2 > n and len(entries) == n + 2:
                pads = tagger._pads
                entries += (pads[END], pads[END2])
        transitions, unpack, width = tagger._transitions, tagger._unpack, tagger._width
        index, vectors, packed = tagger._index.get, tagger._vectors, tagger._packed
        n = len(BEFORE)
        t2, t1 = self._t2, self._t1
        for j in range(len(out) + 2, count + 2):
            fixed, lower, own, _, _, _, _, by_before, _, bn = entries[j]
            if fixed >= 0:
                tag = fixed
            else:
                total = (own + entries[j - 2][3] + entries[j - 1][4] + entries[j + 1][5]
                         + entries[j + 2][6] + transitions[t2 * n + t1])
                if by_before:
                    total += by_before.get(t1, 0)
                # bigram_features, spelt out: this loop is the tagger's hot path
                previous = entries[j - 1]
                k = index(previous[8] + lower)
                if k is not None:
                    vector = vectors[k]
                    total += packed(k) if vector is None else vector
                k = index(bn + entries[j + 1][1])
                if k is not None:
                    vector = vectors[k]
                    total += packed(k) if vector is None else vector
                if previous[1] == _FIRST:
                    k = index("0s " + lower[-3:])
                    if k is not None:
                        vector = vectors[k]
                        total += packed(k) if vector is None else vector
                tag = max(unpack(total.to_bytes(width, "little"))) & _TAG_BITS
            out.append(TAGS[tag])
            t2, t1 = t1, tag
        self._t2, self._t1 = t2, t1
        return out


def _array(code: str, data: bytes) -> array.array:
    values = array.array(code, data)
    if sys.byteorder == "big":
        values.byteswap()  # the file is little-endian
    return values


_tagger: Tagger | None = None


def tagger() -> Tagger:
    """The shipped tagger, loaded on first use."""
    global _tagger
    if _tagger is None:
        _tagger = Tagger()
    return _tagger


def fixed_tag(word: str) -> str | None:
    """The tag a word takes in every sentence, if the tag dictionary fixes it."""
    return tagger().fixed(word)


def is_common_word(lower: str) -> bool:
    """Whether the treebank saw the word often as something else than a name ("red",
    "press"; not "dana", "ellis")."""
    kinds = tagger().lexicon.get(lower)
    return kinds is not None and any(k not in ("PROPN", "X") for k in kinds.split("|"))


def sentence(words: Sequence[str]) -> Sentence:
    """A sentence (words as tokenized by `tokens.tokenize`) to tag as far as asked."""
    return Sentence(tagger(), words)


def tag(words: Sequence[str], upto: int | None = None) -> list[str]:
    """The UPOS tag of each word of one sentence, as tokenized by `tokens.tokenize` (of
    its first `upto` words only, if given: the same tags as the whole sentence's)."""
    if not words:
        return []
    return tagger().tag(words, upto)
