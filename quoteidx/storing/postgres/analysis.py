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
from collections.abc import Iterator

from whoosh.lang.porter import stem as porter_stem
from whoosh.support.charset import accent_map

from quoteidx.storing.demonyms import place_for

# Whoosh's RegexTokenizer default, [\w\*]+(\.?[\w\*]+)*: a run of word characters (and *),
# single dots inside. Written without its nested repetition, which matches the same.
# Not possessive (*+, ++): CPython 3.11.2 (Debian 12's) matches those wrongly, "U.S. "
# as "U.S." with its final dot; plain greedy repeats match the same here, as nothing
# after them can fail.
_TOKEN = re.compile(r"[\w*]+(?:\.[\w*]+)*")
# A word as written -> its indexed forms (words: the stem, and the place's stem for a
# nationality word; names: the folded word). Most words recur: analysed once each.
_CACHE_MAX = 200_000  # words kept (~40 MB at most); dropped and started again when full
_WORDS: dict[str, tuple[str, str | None]] = {}
_NAMES: dict[str, str] = {}
_QUOTED: dict[str, str] = {}  # an indexed form -> its lexeme in tsvector text, with ":"
MAX_POSITION = 16383  # PostgreSQL's largest tsvector position
MAX_POSITIONS = 255  # positions kept per word: PostgreSQL keeps no more

# (start, end, form): a word of a text, where it is and the form it is indexed as.
Token = tuple[int, int, str]
Marked = tuple[int, int, str, int]  # a Token and its word position (highlight.Token)


def _fold(word: str) -> str:
    """Lower-cased, then accents folded as Whoosh's CharsetFilter(accent_map) does
    (which leaves lower-case ASCII as it is)."""
    lowered = word.lower()
    return lowered if lowered.isascii() else lowered.translate(accent_map)


def _stem(word: str) -> str:
    return porter_stem(word)


def _word_forms(word: str) -> tuple[str, str | None]:
    found = _WORDS.get(word)
    if found is None:
        if len(_WORDS) >= _CACHE_MAX:
            _WORDS.clear()
        folded = _fold(word)
        place = place_for(folded)
        found = _WORDS[word] = (porter_stem(folded),
                                porter_stem(place) if place is not None else None)
    return found


def _name_form(word: str) -> str:
    found = _NAMES.get(word)
    if found is None:
        if len(_NAMES) >= _CACHE_MAX:
            _NAMES.clear()
        found = _NAMES[word] = _fold(word)
    return found


def word_tokens(text: str, *, index: bool = True) -> Iterator[tuple[int, Token]]:
    """(position, token) of each word of prose. At indexing time a nationality word is
    followed by its place at the same position (so phrases still line up)."""
    for position, match in enumerate(_TOKEN.finditer(text)):
        start, end = match.span()
        form, place = _word_forms(match.group())
        yield position, (start, end, form)
        if place is not None and index:
            yield position, (start, end, place)


def name_tokens(text: str) -> Iterator[tuple[int, Token]]:
    for position, match in enumerate(_TOKEN.finditer(text)):
        yield position, (match.start(), match.end(), _name_form(match.group()))


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


def text_vectors(text: str) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """The quote text's "words" and "exact" vectors, from one pass over its words
    (the same as vector("words", text) and vector("exact", text), written for speed:
    this runs for every quote stored)."""
    words = _TOKEN.findall(text)
    known = _WORDS.get
    analysed: dict[str, list[int]] = {}
    exact: dict[str, list[int]] = {}
    for number, word in enumerate(words, 1):
        form, place = known(word) or _word_forms(word)
        at = analysed.get(form)
        if at is None:
            analysed[form] = [number]
        else:
            at.append(number)
        if place is not None:
            at = analysed.get(place)
            if at is None:
                analysed[place] = [number]
            elif at[-1] != number:
                at.append(number)
        lowered = word.lower()
        at = exact.get(lowered)
        if at is None:
            exact[lowered] = [number]
        else:
            at.append(number)
    if len(words) >= MAX_POSITIONS:  # long texts: PostgreSQL's limits
        analysed, exact = _limited(analysed), _limited(exact)
    analysed.pop("", None)
    return analysed, exact


def _limited(positions: dict[str, list[int]]) -> dict[str, list[int]]:
    return {form: list(dict.fromkeys(min(n, MAX_POSITION) for n in at))[:MAX_POSITIONS]
            for form, at in positions.items()}


def vector(kind: str, *texts: str | None) -> dict[str, list[int]]:
    """Each indexed form of the texts, one after the other, with its positions (from 1;
    a gap between two texts, so that no phrase spans them). The same forms and
    positions as ANALYSERS[kind], written for speed: this runs for every quote stored."""
    positions: dict[str, list[int]] = {}
    offset = 1
    for text in texts:
        if not text:
            continue
        words = _TOKEN.findall(text)
        for number, word in enumerate(words, offset):
            number = min(number, MAX_POSITION)
            if kind == "words":
                form, place = _WORDS.get(word) or _word_forms(word)
            else:
                form = (_NAMES.get(word) or _name_form(word)) if kind == "names" else (
                    word.lower())
                place = None
            for each in (form, place) if place is not None else (form,):
                if not each:
                    continue
                at = positions.get(each)
                if at is None:
                    positions[each] = [number]
                elif at[-1] != number and len(at) < MAX_POSITIONS:
                    at.append(number)
        offset += len(words) + 1
    return positions


def vector_text(positions: dict[str, list[int]]) -> str:
    """A vector as PostgreSQL reads tsvector text."""
    quoted = _QUOTED
    items = []
    for form, at in positions.items():
        head = quoted.get(form)
        if head is None:
            if len(quoted) >= _CACHE_MAX:
                quoted.clear()
            head = quoted[form] = lexeme(form) + ":"
        items.append(f"{head}{at[0]}" if len(at) == 1 else head + ",".join(map(str, at)))
    return " ".join(items)


def lexeme(form: str) -> str:
    """A word quoted as a tsvector/tsquery lexeme: inside '…', with ' and \\ doubled
    or escaped, so no word is ever read as an operator."""
    if "'" not in form and "\\" not in form:
        return f"'{form}'"
    return "'" + form.replace("\\", "\\\\").replace("'", "''") + "'"


def field_tokens(kind: str, text: str) -> list[Marked]:
    """A text's words as a field of this kind indexes them, with their word positions,
    for marking the matched ones (quoteidx.querying.highlight's tokens)."""
    return [(start, end, form, position)
            for position, (start, end, form) in ANALYSERS[kind](text) if form]
