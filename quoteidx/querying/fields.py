"""The fields a query may name, how each is analysed, and what each holds of a quote.
Every backend indexes and searches these the same way; the names are the query
language's, not any backend's columns.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quoteidx.record import Quote, Source

# How a field's text is compared:
WORDS = "words"  # prose: case and accents folded, stemmed ("fight" finds "fighting"); a
#                  nationality word is also indexed as its place ("Pakistanis" -> pakistan)
NAMES = "names"  # names: case and accents folded, every part searchable, never stemmed
EXACT = "exact"  # the words as written: lower-cased, never stemmed, accents kept, no
#                  nationality words added ("fight" finds "fight" and "Fight", never
#                  "fighting"; "Zürich" is not "zurich"); a backend's case-insensitive,
#                  unstemmed tokens of the text (PostgreSQL: the `simple` configuration)
KEYWORD = "keyword"  # an exact value (kind, id)
DATE = "date"  # a day; the query gives a year, a month or a day, or a range of them

FIELD_KINDS: dict[str, str] = {
    "text": WORDS,  # the default field: the quote's words
    "speaker": NAMES,
    "role": WORDS,
    "kind": KEYWORD,
    "cue": WORDS,
    "outlet": NAMES,
    "publication": NAMES,
    "author": NAMES,
    "title": WORDS,
    "source": WORDS,  # path, title, publication, author and url together
    "date": DATE,  # the source's date
    "id": KEYWORD,
    "words": EXACT,  # the quote's words as written (search -F)
}
QUERY_FIELDS = tuple(FIELD_KINDS)
DEFAULT_FIELD = "text"
EXACT_FIELD = "words"
TEXT_FIELDS = (DEFAULT_FIELD, EXACT_FIELD)  # the fields holding the quote's own words


def source_text(source: Source) -> str:
    """What the `source` field holds: path, title, publication, author and url."""
    return " ".join(value for value in (source.path, source.title, source.publication,
                                        source.author, source.url) if value)


def field_values(quote: Quote, source: Source | None = None) -> dict[str, str | None]:
    """The text of each query field for a quote found in `source` (its own by default);
    the date as written in the source."""
    source = source or quote.source
    return {
        "text": quote.text, "words": quote.text, "speaker": quote.speaker, "role": quote.role,
        "kind": quote.kind, "cue": quote.cue, "outlet": quote.outlet,
        "publication": source.publication, "author": source.author, "title": source.title,
        "source": source_text(source),
        "date": source.date, "id": quote.id,
    }


def fold_name(name: str) -> str:
    """A name compared case- and accent-insensitively: 'Ismaïl  KHAN' -> 'ismail khan'."""
    if name.isascii():  # nothing to decompose (most names: a listing folds thousands)
        return " ".join(name.casefold().split())
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())
