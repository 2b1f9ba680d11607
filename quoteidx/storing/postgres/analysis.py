"""Words as the PostgreSQL backend indexes and searches them: the same analysis as the
Whoosh backend (quoteidx.storing.whoosh.schema), done here in Python, so that both
backends find the same quotes and mark the same words.

Why not a PostgreSQL text-search configuration: no stock dictionary adds "pakistan"
beside "Pakistanis" (that needs a synonym file on the server's disk), PostgreSQL's
parser splits words differently from Whoosh's ("al-Qaeda" is three tokens there), and
its Snowball stems are not Whoosh's Porter stems, so queries would find different
quotes on the two backends. The client computes each vector and sends it as tsvector
text; the server only stores and searches it (and the clients, one per machine, do
the analysis in parallel). tests/test_postgres_analysis.py checks that these functions
give exactly Whoosh's tokens.

    words   prose: lower-cased, accents folded, nationality words also as their place,
            Porter-stemmed
    names   names: lower-cased, accents folded, never stemmed
    exact   words as written: lower-cased only (the `simple` vector: exact wording)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from whoosh.lang.porter import stem as porter_stem
from whoosh.support.charset import accent_map

from quoteidx.storing.demonyms import place_for

# Whoosh's RegexTokenizer default: a run of word characters (and *), dots inside.
_TOKEN = re.compile(r"[\w\*]+(\.?[\w\*]+)*")
_STEMS: dict[str, str] = {}
_STEMS_MAX = 200_000  # words cached (~30 MB at most); the cache is dropped when full
MAX_POSITION = 16383  # PostgreSQL's largest tsvector position
MAX_POSITIONS = 255  # positions kept per word: PostgreSQL keeps no more

# (start, end, form): a word of a text, where it is and the form it is indexed as.
Token = tuple[int, int, str]


def _stem(word: str) -> str:
    found = _STEMS.get(word)
    if found is None:
        if len(_STEMS) >= _STEMS_MAX:
            _STEMS.clear()
        found = _STEMS[word] = porter_stem(word)
    return found


def _fold(word: str) -> str:
    return word.lower().translate(accent_map)


def word_tokens(text: str, *, index: bool = True) -> Iterator[tuple[int, Token]]:
    """(position, token) of each word of prose. At indexing time a nationality word is
    followed by its place at the same position (so phrases still line up)."""
    for position, match in enumerate(_TOKEN.finditer(text)):
        start, end = match.span()
        folded = _fold(match.group())
        yield position, (start, end, _stem(folded))
        place = place_for(folded) if index else None
        if place is not None:
            yield position, (start, end, _stem(place))


def name_tokens(text: str) -> Iterator[tuple[int, Token]]:
    for position, match in enumerate(_TOKEN.finditer(text)):
        yield position, (match.start(), match.end(), _fold(match.group()))


def exact_tokens(text: str) -> Iterator[tuple[int, Token]]:
    for position, match in enumerate(_TOKEN.finditer(text)):
        yield position, (match.start(), match.end(), match.group().lower())


ANALYSERS = {"words": word_tokens, "names": name_tokens, "exact": exact_tokens}


def query_words(kind: str, text: str, *, whole: bool = False) -> list[str]:
    """The indexed forms a query's text asks for, in order (`whole`: the text is one
    word, a prefix, pattern or fuzzy term, analysed without splitting)."""
    if whole:
        folded = _fold(text) if kind != "exact" else text.lower()
        word = _stem(folded) if kind == "words" else folded
        return [word] if word else []
    if kind == "words":
        return [form for _, (_, _, form) in word_tokens(text, index=False) if form]
    return [form for _, (_, _, form) in ANALYSERS[kind](text) if form]


def vector(kind: str, *texts: str | None) -> dict[str, list[int]]:
    """Each indexed form of the texts, one after the other, with its positions (from 1;
    a gap between two texts, so that no phrase spans them)."""
    positions: dict[str, list[int]] = {}
    offset = 0
    for text in texts:
        if not text:
            continue
        last = -1
        for position, (_, _, form) in ANALYSERS[kind](text):
            if form:
                at = positions.setdefault(form, [])
                if len(at) < MAX_POSITIONS:
                    at.append(min(offset + position + 1, MAX_POSITION))
            last = position
        offset += last + 2
    return positions


def vector_text(positions: dict[str, list[int]]) -> str:
    """A vector as PostgreSQL reads tsvector text."""
    return " ".join(f"{lexeme(form)}:{','.join(map(str, dict.fromkeys(at)))}"
                    for form, at in positions.items())


def lexeme(form: str) -> str:
    """A word quoted as a tsvector/tsquery lexeme: inside '…', with ' and \\ doubled
    or escaped, so no word is ever read as an operator."""
    return "'" + form.replace("\\", "\\\\").replace("'", "''") + "'"


def text_tokens(text: str) -> list[Token]:
    """The quote text's words as indexed, for marking the matched ones."""
    return [token for _, token in word_tokens(text)]


def distinct_forms(tokens: Iterable[Token]) -> set[str]:
    return {form for _, _, form in tokens}
