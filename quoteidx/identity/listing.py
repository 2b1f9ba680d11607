"""People from the index's counts of each document's quotes by speaker (see
quoteidx.storing.SpeakerCount) rather than from the quotes: the same people, names,
roles, sources and numbers as build_identities gives from every quote, corrections
applied, for one record read per document. A person's quotes are read only if asked for.

Reassignments are the one correction that moves a single quote: the documents they
touch are counted again from their quotes, reassignments applied."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from quoteidx.identity.corrections import Correction
from quoteidx.identity.names import name_words, parse_ref
from quoteidx.identity.people import Identities, Identity, build_identities, reassigned
from quoteidx.identity.said import Counted, Said
from quoteidx.record import Quote

if TYPE_CHECKING:
    from quoteidx.storing import DocumentSpeakers, SpeakerCount, Store


def load_speakers(store: Store, corrections: Sequence[Correction] | None = None
                  ) -> Identities:
    """Everyone quoted, as load_identities(store) finds them, without reading quotes;
    with `corrections` in place of the index's (to try one before keeping it)."""
    if corrections is None:
        corrections = store.corrections()
    documents = store.speaker_counts()
    return _people(store, corrections, documents, documents)


def load_person(store: Store, quote: Quote) -> Identity | None:
    """Who said `quote` (its speaker's name, corrections applied): built from the
    documents where a speaker's name holds every word of it, or of a name merged with
    it, as load_identities(store, about=...) builds people from those quotes."""
    if not quote.speaker:
        return None
    from quoteidx.attributing.names import strip_title

    corrections = store.corrections()
    names = {quote.speaker}
    for correction in corrections:
        if correction.action == "merge" and any(
                set(name_words(quote.speaker)) & set(name_words(parse_ref(ref)[0]))
                for ref in correction.names):
            names.update(parse_ref(ref)[0] for ref in correction.names)
    found: dict[str, DocumentSpeakers] = {}
    for name in [*sorted(names), *_reassigned_from(store, corrections)]:
        bare = strip_title(name)[0] or name
        if name_words(bare):
            for document in store.speaker_counts(bare):
                found.setdefault(document.key, document)
    people = _people(store, corrections, found.values(), ())
    wanted = (quote.source.path, quote.speaker, quote.speaker_mention, quote.role)
    for person in people.people:
        if any((said.source.path, said.speaker, said.speaker_mention, said.role) == wanted
               for said in person.said):
            return person
    # A quote given a speaker by a reassignment when it had none: its document is
    # found by no name, but the quote is, by its id.
    from quoteidx.identity.people import load_identities

    return load_identities(store, about=quote.speaker).person(quote)


def _reassigned_from(store: Store, corrections: Sequence[Correction]) -> list[str]:
    """The names reassigned quotes had, to find their documents by."""
    found = []
    for correction in corrections:
        if correction.action == "reassign" and correction.quote:
            quote = store.get(correction.quote)
            if quote is not None and quote.speaker:
                found.append(quote.speaker)
    return found


def _people(store: Store, corrections: Sequence[Correction],
            documents: Iterable[DocumentSpeakers],
            authors: Iterable[DocumentSpeakers]) -> Identities:
    documents = sorted(documents, key=lambda document: document.source.path)
    counts = {document.key: document.counts for document in documents}
    known: set[str] = set()
    by_path = {document.source.path: document.key for document in documents}
    for correction in corrections:
        if correction.action != "reassign" or not correction.quote:
            continue
        quote = store.get(correction.quote)
        if quote is None:
            continue
        known.add(quote.id)
        key = by_path.get(quote.source.path)
        if key is not None:  # counted again, reassignments applied
            from quoteidx.storing import speaker_counts

            counts[key] = speaker_counts(reassigned(store.document_quotes(key), corrections))
    said = [said for document in documents
            for said in _counted(document, counts[document.key])]
    people = build_identities(said, corrections, authors, known=known)
    load = partial(_quotes_of, store, corrections)
    for person in people.people:
        person.load = load
    return people


def _counted(document: DocumentSpeakers, counts: Sequence[SpeakerCount]) -> list[Counted]:
    return [Counted(f"{document.key}\0{number}", document.key, document.source,
                    count.speaker, count.mention, count.role, count.first, count.quotes)
            for number, count in enumerate(counts)]


def _quotes_of(store: Store, corrections: Sequence[Correction],
               said: list[Said]) -> list[Quote]:
    """The quotes counts stand for, read from their documents."""
    wanted: dict[str, set[tuple[str | None, str | None, str | None]]] = {}
    for each in said:
        key = each.key if isinstance(each, Counted) else each.source.path
        wanted.setdefault(key, set()).add((each.speaker, each.speaker_mention, each.role))
    found = [quote for key, kinds in wanted.items()
             for quote in reassigned(store.document_quotes(key), corrections)
             if quote.speaker and (quote.speaker, quote.speaker_mention, quote.role) in kinds]
    return sorted(found, key=lambda quote: (quote.source.path, quote.start))
