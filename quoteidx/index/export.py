"""What `Index.export` writes: the records chosen (every quote, or a query's hits; one
person's), each with its person, and writing them as jsonl, csv or jsonld."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from quoteidx.identity import Identities, reassigned
from quoteidx.storing import Hit, Store

if TYPE_CHECKING:
    from collections.abc import Iterable

    from quoteidx.querying.tree import Node

EXPORT_FORMATS = ("jsonl", "csv", "jsonld")


def chosen_records(people: Identities, store: Store, query: str | Node | None, *,
                   speaker: str | None, limit: int | None) -> list[Hit]:
    """Index.records: the quotes, corrections applied, each with its person."""
    from quoteidx.querying import SearchRequest, parse

    if query is None:
        request = SearchRequest(sort="document", limit=None)
    else:
        request = SearchRequest(parse(query) if isinstance(query, str) else query,
                                limit=None, highlight=False)
    hits = store.search(request).hits
    quotes = reassigned([hit.quote for hit in hits], store.corrections())
    if speaker:
        wanted = {quote.id for person in people.find(speaker) for quote in person.quotes}
        quotes = [quote for quote in quotes if quote.id in wanted]
    if limit:
        quotes = quotes[:limit]
    found = []
    for quote in quotes:
        person = people.person(quote)
        found.append(Hit(quote, person=person.name if person else quote.speaker))
    return found


def write_export(hits: Iterable[Hit], format: str, out: TextIO) -> int:
    """Write the records to `out` in one of EXPORT_FORMATS (checked by the caller); how
    many."""
    from quoteidx.presenting.citation import citation
    from quoteidx.record import FLAT_FIELDS

    if format == "jsonld":
        from quoteidx.presenting.jsonld import write_claims

        return write_claims(((hit.quote, hit.person) for hit in hits), out)
    from quoteidx.presenting.machine import write_records

    def row(hit: Hit) -> dict[str, Any]:
        data = hit.quote.to_flat() if format == "csv" else hit.quote.to_dict()
        data["person"] = hit.person
        data["citation"] = citation(hit.quote, hit.person)
        return data

    return write_records((row(hit) for hit in hits), format, out,
                         [*FLAT_FIELDS, "person", "citation"])
