"""People read from an index: from its quotes (load_identities), or from its counts of
each document's quotes by speaker (see quoteidx.storing.SpeakerCount): the same people,
names, roles, sources and numbers as build_identities gives from every quote,
corrections applied, for one record read per document. A person's quotes are then read
only if asked for.

Reassignments are the one correction that moves a single quote: the documents they
touch are counted again from their quotes, reassignments applied.

Everyone quoted (load_speakers) is built this way once for each state of the index and
its corrections, then read back from what the index keeps (quoteidx.identity.kept)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from quoteidx.identity import kept
from quoteidx.identity.corrections import Correction
from quoteidx.identity.names import folded, name_key, name_words, parse_ref
from quoteidx.identity.people import Identities, Identity, build_identities, reassigned
from quoteidx.identity.said import Counted, Said
from quoteidx.record import Quote

if TYPE_CHECKING:
    from quoteidx.storing import DocumentSpeakers, SpeakerCount, Store


def load_identities(store: Store, about: str | None = None) -> Identities:
    """The quotes in the index grouped into people, corrections applied.

    With `about` (a name), only the people that name could mean are built, from the
    quotes that can bear on them, so that a look-up costs what that person said, not what
    the whole index holds: the people found by `find(about)` are the same as over the
    whole index, but the rest of the list is partial."""
    from quoteidx.querying import SearchRequest

    corrections = store.corrections()
    if about is None:
        hits = store.search(SearchRequest(sort="document", limit=None)).hits
        return build_identities([hit.quote for hit in hits], corrections,
                                store.documents().values())
    found = build_identities(_neighbourhood(store, about, corrections), corrections)
    found.warnings.clear()  # over part of the index, a correction may only seem stale
    return found


def _neighbourhood(store: Store, name: str, corrections: Sequence[Correction]) -> list[Quote]:
    """Every quote whose persona could join a person called `name`.

    A person called `name` has a speaker name holding every word of it (titles aside:
    "Commander Khan" is looked for as "Khan"), because the extractor already gives each
    document's mentions their fullest name, and personae join across documents only by
    the same full name. Merges add the names they join; reassignments add their quotes."""
    from quoteidx.attributing.names import strip_title
    from quoteidx.querying import SearchRequest

    names = {name}
    for correction in corrections:
        if correction.action == "merge" and any(
            _shares_word(name, parse_ref(ref)[0]) for ref in correction.names
        ):
            names.update(parse_ref(ref)[0] for ref in correction.names)
    found: dict[str, Quote] = {}
    for each in names:
        bare = strip_title(each)[0] or each
        if not name_words(bare):
            continue
        for hit in store.search(SearchRequest(speaker=bare, limit=None)).hits:
            found.setdefault(hit.quote.id, hit.quote)
    for correction in corrections:
        if correction.action == "reassign" and correction.quote:
            quote = store.get(correction.quote)
            if quote is not None:
                found.setdefault(quote.id, quote)
    return sorted(found.values(), key=lambda q: (q.source.path, q.start))


def _shares_word(a: str, b: str) -> bool:
    return bool(set(name_words(a)) & set(name_words(b)))


def load_speakers(store: Store, corrections: Sequence[Correction] | None = None, *,
                  keep: bool = True) -> Identities:
    """Everyone quoted, as load_identities(store) finds them, without reading quotes;
    with `corrections` in place of the index's (to try one before keeping it). Read
    back if they were kept for this state of the index and these corrections, else
    built and (`keep`) kept for the next read (see quoteidx.identity.kept)."""
    if corrections is None:
        corrections = store.corrections()
    load = partial(_quotes_of, store, corrections)
    version = store.version()
    wanted = kept.key(version, corrections) if version is not None else None
    if wanted is not None:
        found = kept.read(store, wanted, load)
        if found is not None:
            return found
    documents = store.speaker_counts()
    people = _people(store, corrections, documents, documents)
    if wanted is not None and store.version() == version:  # all read from one state
        people.key = wanted
        if keep:
            kept.keep(store, people)
    return people


def keep_speakers(store: Store) -> bool:
    """Build and keep the people listing (load_speakers) for the index's present state
    and corrections, unless a whole one is kept for them already: `quoteidx index` does
    at the end of a run, so that the first `speakers` or `show` after it reads the
    people back instead of building them. True if what is kept is for the state the
    index is in now; False for a store that keeps nothing, or when another process
    committed meanwhile (nothing stale is kept)."""
    version = store.version()
    if version is None:
        return False
    corrections = store.corrections()
    wanted = kept.key(version, corrections)
    if not kept.is_kept(store, wanted):
        # The collector off, as `speakers` builds them: walking the 100,000s of records
        # and people made, again and again, costs more than making them (7 s at 1.1M).
        with kept.no_collection():
            load_speakers(store, corrections)
    return kept.is_kept(store, wanted)


def speaker_columns(store: Store, names: Sequence[str]
                    ) -> tuple[dict[str, list[Any]], list[str]]:
    """Everyone quoted, as load_speakers finds them, as the columns `names` of
    kept.COLUMNS (a person's field each, most quoted first), and the warnings: read
    straight from what is kept if it is for this state of the index and its corrections
    (no person made), else built and kept."""
    corrections = store.corrections()
    version = store.version()
    if version is not None:
        found = kept.read_columns(store, kept.key(version, corrections), names)
        if found is not None:
            return found
    people = load_speakers(store, corrections)
    return ({name: [getattr(person, name) for person in people.people] for name in names},
            people.warnings)


def speaker_records(store: Store, fragment: str | None, *, aliases: bool
                    ) -> tuple[list[dict[str, Any]], list[str]]:
    """Index.speaker_records' records, and the warnings."""
    from itertools import compress

    fields = ["name", "role", "count", "sources"]
    fields += ["aliases", "roles", "wrote"] if aliases else ["aliases"] if fragment else []
    # A record per person, 100,000s at a million quotes: the cycle collector would walk
    # them again and again as they are made (most of the time). Made from the kept
    # columns, only those needed, without a person object each.
    with kept.no_collection():
        found, problems = speaker_columns(store, fields)
        if fragment:  # as Identity.contains
            wanted = folded(fragment)
            mask = [any(wanted in folded(alias) for alias in names)
                    for names in found["aliases"]]
            found = {name: list(compress(column, mask)) for name, column in found.items()}
        columns = [found[name] for name in fields[:4]]
        if not aliases:
            return [{"speaker": name, "role": role, "quotes": count, "sources": sources}
                    for name, role, count, sources in zip(*columns, strict=True)], problems
        columns += [found["aliases"], found["roles"], found["wrote"]]
        return [{"speaker": name, "role": role, "quotes": count, "sources": sources,
                 "aliases": names, "wrote": wrote,
                 "roles": [{"source": label, "role": said} for label, said in roles]}
                for name, role, count, sources, names, roles, wrote
                in zip(*columns, strict=True)], problems


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
                _shares_word(quote.speaker, parse_ref(ref)[0]) for ref in correction.names):
            names.update(parse_ref(ref)[0] for ref in correction.names)
    found: dict[str, DocumentSpeakers] = {}
    for name in [*sorted(names), *_reassigned_from(store, corrections)]:
        bare = strip_title(name)[0] or name
        if name_words(bare):
            for document in store.speaker_counts(bare):
                found.setdefault(document.key, document)
    wanted = (quote.source.path, quote.speaker, quote.speaker_mention, quote.role)

    def said_it(said: Said) -> bool:
        return (said.source.path, said.speaker, said.speaker_mention, said.role) == wanted

    # Without corrections, only the personae a chain of joins could lead from the
    # quote's to are counted: every join is between a name and one holding all its words
    # (the same full name, a shorter name in a longer one), so those are the names
    # linked to it by holding or being held (with the longer names a shorter one could
    # mean, which decide whether it joins). The rest of those documents' speakers, most
    # of what they quote, are left out rather than made into people only to be dropped.
    near = None if corrections else _linked(quote.speaker, [
        count.speaker for document in found.values() for count in document.counts])
    people = _people(store, corrections, found.values(), (), only=said_it,
                     near=None if near is None else lambda speaker: name_key(speaker) in near)
    if people.people:
        return people.people[0]
    # A quote given a speaker by a reassignment when it had none: its document is
    # found by no name, but the quote is, by its id.
    return load_identities(store, about=quote.speaker).person(quote)


def person_names(store: Store, quote: Quote) -> tuple[str, list[str]] | None:
    """The name and aliases of who said `quote`, as load_person gives them: read from
    what a listing kept for this state of the index (quoteidx.identity.kept_names), if
    one is and the index has no corrections (with corrections, show's person is built
    from the quotes bearing on the name, as ever); else built by load_person."""
    if not quote.speaker:
        return None
    from quoteidx.identity import kept_names

    corrections = store.corrections()
    version = None if corrections else store.version()
    if version is not None:
        found = kept_names.read(store, kept.key(version, corrections), quote)
        if found is not None:
            return found
    person = load_person(store, quote)
    return None if person is None else (person.name, person.aliases)


def _linked(name: str, names: Iterable[str], most: int = 64) -> set[str] | None:
    """The name keys linked to `name`'s by one holding every word of the other, step by
    step; None past `most` of them (not worth it)."""
    words = {key: frozenset(key.split()) for key in map(name_key, names)}
    start = name_key(name)
    linked, todo = {start}, [frozenset(start.split())]
    while todo:
        mine = todo.pop()
        for key, theirs in words.items():
            if key not in linked and (mine <= theirs or theirs <= mine):
                linked.add(key)
                todo.append(theirs)
                if len(linked) > most:
                    return None
    return linked


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
            documents: Iterable[DocumentSpeakers], authors: Iterable[DocumentSpeakers],
            only: Callable[[Said], bool] | None = None,
            near: Callable[[str], bool] | None = None) -> Identities:
    """`only`: the people build_identities keeps; `near`: the speaker names counted."""
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
            for said in _counted(document, counts[document.key])
            if near is None or near(said.speaker)]
    people = build_identities(said, corrections, authors, known=known, only=only)
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
