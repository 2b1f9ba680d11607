"""schema.org JSON-LD for quotes: one `Claim` per quote, the part of a `ClaimReview`
that fact-checking tools take as `itemReviewed`. No rating is given: that is the
fact-checker's to add (ClaimReview.reviewRating), never quoteidx's to invent.

Fields used (https://schema.org/Claim): `text` (the words), `author` (a Person with
`name` and `jobTitle` from the role, or an Organization when a body spoke: "the
ministry"), `datePublished`, and `appearance`, the
CreativeWork it appeared in (`url`, `headline`, `datePublished`, `publisher`,
`author`). A source known only by its file path has it as `identifier`, not `url`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from quoteidx.record import Quote

CONTEXT = "https://schema.org"


def _is_body(name: str) -> bool:
    """"the Labor Department", "the campaign": a body speaking, typed Organization."""
    from quoteidx.finding.office_words import ORG_NOUNS, ORG_WORDS

    words = name.split()
    return any(w in ORG_WORDS for w in words) or bool(words) and words[-1].lower() in ORG_NOUNS


def claim(quote: Quote, person: str | None = None) -> dict[str, Any]:
    """The Claim of one quote; `person` is the speaker's name across documents."""
    source = quote.source
    name = person or quote.speaker or ""
    kind = "Organization" if _is_body(name) else "Person"
    author: dict[str, Any] = {"@type": kind, "name": name}
    if quote.role and kind == "Person":
        author["jobTitle"] = quote.role
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    if source.url:
        appearance["url"] = source.url
    else:
        appearance["identifier"] = source.path
    if source.title:
        appearance["headline"] = source.title
    if source.date:
        appearance["datePublished"] = source.date
    if source.publication:
        appearance["publisher"] = {"@type": "Organization", "name": source.publication}
    if source.author:
        appearance["author"] = {"@type": "Person", "name": source.author}
    item: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Claim",
        "identifier": quote.id,
        "text": quote.text,
    }
    if quote.speaker or person:
        item["author"] = author
    if source.date:
        item["datePublished"] = source.date
    item["appearance"] = appearance
    return item


def write_claims(items: Iterable[tuple[Quote, str | None]], out: TextIO) -> int:
    """A JSON-LD document: a list of Claims, each complete with its @context so that any
    one can be pasted into a ClaimReview on its own."""
    from quoteidx.presenting.machine import write_json

    return write_json((claim(quote, person) for quote, person in items), out)
