"""`open_index` and `Index`: the quote index as a library, whatever backend stores it.

Identities (one person across documents) and corrections (merge, split, reassign) are
applied here, on every read, for every backend: `quoteidx search --speaker` and a script
calling `search(..., speaker=...)` get the same quotes, with the same corrections.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any, TextIO

from quoteidx.identity import Correction, Identities, Identity, reassigned
from quoteidx.identity.names import name_words
from quoteidx.index.context import Context, paragraphs_around
from quoteidx.index.corrections import CorrectionRefused, Recorded, record
from quoteidx.querying import QueryError, SearchRequest, date_bounds, parse
from quoteidx.querying.tree import Node
from quoteidx.record import Quote
from quoteidx.storing import Hit, SearchResult, Stats, Store, index_location, open_store

if TYPE_CHECKING:
    from quoteidx.factcheck import Report
    from quoteidx.indexing import Extractor, IndexReport, Progress

__all__ = ["CorrectionRefused", "CorrectionWarning", "Index", "QuoteNotFound", "open_index"]

EXPORT_FORMATS = ("jsonl", "csv", "jsonld")
When = str | date | datetime | None  # YYYY[-MM[-DD]], a day, or a moment


class CorrectionWarning(UserWarning):
    """A correction that no longer applies (its quote or name is gone after re-indexing):
    ignored, never applied to someone else."""


class QuoteNotFound(LookupError):
    """No quote has that id."""


def open_index(
    location: str | os.PathLike[str] | None = None,
    *,
    create: bool = False,
    on_warning: Callable[[str], None] | None = None,
) -> Index:
    """The index at `location`: a folder (a Whoosh index) or a URL naming a server
    backend; None means $QUOTEIDX_INDEX, else ./.quoteidx.

    Raises quoteidx.storing.IndexMissing if there is none (with `create`, it is made
    when first needed: by `add`, or as an empty index by the first read),
    IndexIncompatible if another version of quoteidx made it (`add(..., rebuild=True)`
    replaces it), StoreError for any other problem, each with a one-line message.
    `on_warning(message)` is told of corrections that no longer apply; by default they
    are Python warnings (CorrectionWarning)."""
    index = Index(index_location(location), create=create, on_warning=on_warning)
    if not create:
        index.store  # noqa: B018  (open now: a missing index is an error here, not later)
    return index


class Index:
    """An open quote index. Use it as a context manager, or call close(). Every method
    reads the index as last committed, also while another process writes to it."""

    def __init__(self, location: str, *, create: bool = False,
                 on_warning: Callable[[str], None] | None = None) -> None:
        self.location = location
        self._create = create
        self._on_warning = on_warning
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        """The backend's Store, opened on first use."""
        if self._store is None:
            self._store = open_store(self.location, create=self._create)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<quoteidx.Index {self.location!r}>"

    # Adding documents

    def add(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        jobs: int = 1,
        rebuild: bool = False,
        prune: bool = False,
        progress: Progress | None = None,
        timeout: float | None = None,
        on_wait: Callable[[float], None] | None = None,
        extract: Extractor | None = None,
    ) -> IndexReport:
        """Index the documents under `paths` (files and folders): new ones added, changed
        ones replaced, unchanged ones skipped; `prune` drops documents whose file is
        gone, `rebuild` starts from an empty index. All or nothing: see
        quoteidx.indexing.index_paths, which this is, for the details and the report."""
        from quoteidx.indexing import index_paths

        self.close()  # read again afterwards: a rebuild replaces what an open store reads
        return index_paths(paths, self.location, rebuild=rebuild, prune=prune,
                           progress=progress, extract=extract, timeout=timeout,
                           on_wait=on_wait, jobs=jobs)

    # Searching

    def search(
        self,
        query: str | Node,
        *,
        speaker: str | None = None,
        kind: str | None = None,
        since: When = None,
        until: When = None,
        sort: str = "relevance",
        limit: int | None = 20,
    ) -> SearchResult:
        """Quotes matching `query` (the query language, or a parsed tree), best first
        (`sort="date"`: newest first, undated last). `speaker` is a person: any of the
        names they go by, corrections applied. `since`/`until` include the whole day,
        month or year given. `limit` None: every match; 0: only the count (`total`).
        Raises QueryError for a query the user must fix."""
        tree = parse(query) if isinstance(query, str) else query
        request = SearchRequest(tree, kind=kind, since=_moment(since, 0),
                                until=_moment(until, 1), sort=sort, limit=limit)
        store = self.store
        if speaker is None:
            result = store.search(request)
            quotes = reassigned([hit.quote for hit in result.hits], store.corrections())
            return SearchResult([replace(hit, quote=quote)
                                 for hit, quote in zip(result.hits, quotes, strict=True)],
                                result.total)
        # A person, not a name in the text: the whole result is filtered, then limited.
        said = self._said_by(speaker)
        result = store.search(replace(request, limit=None))
        hits = [replace(hit, quote=said[hit.quote.id][0], person=said[hit.quote.id][1])
                for hit in result.hits if hit.quote.id in said]
        return SearchResult(hits[:limit] if limit is not None else hits, len(hits))

    def by_speaker(self, name: str, *, limit: int | None = None) -> SearchResult:
        """Every quote by the people `name` could mean (every part of it in one of the
        names they go by, any case or accents), in document order."""
        said = sorted(self._said_by(name).values(),
                      key=lambda pair: (pair[0].source.path, pair[0].start))
        hits = [Hit(quote, person=person) for quote, person in said]
        return SearchResult(hits[:limit] if limit is not None else hits, len(hits))

    def _said_by(self, name: str) -> dict[str, tuple[Quote, str]]:
        """Quote id -> (the quote, corrections applied; the person's name)."""
        if not name_words(name):
            raise QueryError(f"no name to look for in {name!r}")
        people = self.identities(about=name)
        return {quote.id: (quote, person.name) for person in people.find(name)
                for quote in person.quotes}

    def get(self, quote_id: str) -> Quote | None:
        """One quote by its id, corrections applied; None if there is none."""
        quote = self.store.get(quote_id.strip())
        return None if quote is None else reassigned([quote], self.store.corrections())[0]

    def context(self, quote: str | Quote, paragraphs: int = 1) -> Context | None:
        """The quote with `paragraphs` paragraphs either side, read again from its source
        (Context.problem says why not when the source is gone or has changed); None if
        there is no quote with that id."""
        found = self.get(quote) if isinstance(quote, str) else quote
        return None if found is None else paragraphs_around(self.store, found, paragraphs)

    def verify(self, claim: str, speaker: str | None = None, *, min_score: float | None = None,
               limit: int = 5) -> Report:
        """Was `claim` said, and by `speaker`? The closest quotes and a verdict (see
        quoteidx.factcheck). Raises quoteidx.factcheck.ClaimError for a claim too short."""
        from quoteidx.factcheck import MIN_SCORE, verify

        return verify(self, claim, speaker, limit=limit,
                      min_score=MIN_SCORE if min_score is None else min_score)

    def stats(self) -> Stats:
        return self.store.stats()

    # People

    def identities(self, about: str | None = None) -> Identities:
        """The people quoted, one identity each, corrections applied. With `about` (a
        name), only the people that name could mean are complete, for a look-up that
        costs what they said rather than what the index holds."""
        from quoteidx.identity import load_identities

        people = load_identities(self.store, about)
        for problem in people.warnings:  # only over the whole index
            self._warn(problem)
        return people

    def speakers(self, fragment: str | None = None) -> list[Identity]:
        """The people quoted, most quoted first; `fragment`: those with a name holding it."""
        people = self.identities().people
        return [person for person in people if person.contains(fragment)] if fragment else people

    def person(self, quote: Quote) -> Identity | None:
        """Who said the quote, as one person across documents."""
        if not quote.speaker:
            return None
        return self.identities(about=quote.speaker).person(quote)

    def suggest_speakers(self, name: str, most: int = 3) -> list[str]:
        """Names in the index close to `name` (or with a part close to it)."""
        import difflib

        from quoteidx.querying import fold_name

        candidates: dict[str, str] = {}
        for each in self.store.speaker_names():
            key = fold_name(each)
            candidates[key] = each
            for part in key.split():
                candidates.setdefault(part, each)
        close = difflib.get_close_matches(fold_name(name), list(candidates), n=5, cutoff=0.75)
        return list(dict.fromkeys(candidates[key] for key in close))[:most]

    # Export

    def records(self, query: str | Node | None = None, *, speaker: str | None = None,
                limit: int | None = None) -> list[Hit]:
        """What `export` writes: every quote in document order, or the hits of `query`
        best first; each with its person (the speaker as one person, else the name as
        given) and corrections applied; `speaker` keeps one person's."""
        people = self.identities()
        store = self.store
        if query is None:
            request = SearchRequest(sort="document", limit=None)
        else:
            request = SearchRequest(parse(query) if isinstance(query, str) else query,
                                    limit=None)
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

    def export(self, query: str | Node | None = None, format: str = "jsonl",
               out: TextIO | None = None, *, speaker: str | None = None,
               limit: int | None = None) -> int:
        """Write `records(...)` to `out` (stdout) as jsonl or csv (the fields of a record,
        plus "person" and "citation") or jsonld (schema.org Claims); how many."""
        from quoteidx.presenting.citation import citation
        from quoteidx.record import FLAT_FIELDS

        if format not in EXPORT_FORMATS:
            raise ValueError(f"not an export format: {format!r}; use {', '.join(EXPORT_FORMATS)}")
        out = out or sys.stdout
        hits = self.records(query, speaker=speaker, limit=limit)
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

    # Corrections

    def corrections(self) -> list[Correction]:
        """The corrections, in the order made (CorrectionsError if they cannot be read)."""
        return self.store.corrections()

    @property
    def corrections_location(self) -> str:
        return self.store.corrections_location

    def merge_speakers(self, name: str, *others: str, note: str | None = None) -> Recorded:
        """Say that the speakers `name` and `others` are one person (whose name stays
        `name`). A name may end in @SOURCE to pick one of several people sharing it."""
        if not others:
            raise CorrectionRefused("give the names of the same person to merge in")
        return self.add_correction(Correction("merge", (name, *others), note=note))

    def split_speaker(self, name: str, alias: str, *, note: str | None = None) -> Recorded:
        """Say that the quotes `name` has under `alias` (ALIAS or ALIAS@SOURCE) are by
        someone else, a person of their own called `alias`."""
        return self.add_correction(Correction("split", (name, alias), note=note))

    def reassign(self, quote_id: str, speaker: str, *, role: str | None = None,
                 note: str | None = None) -> Recorded:
        """Say that the quote was said by `speaker` (in `role`). QuoteNotFound if there
        is no such quote."""
        if not speaker.strip():
            raise CorrectionRefused("give the name of who said it")
        if self.store.get(quote_id.strip()) is None:
            raise QuoteNotFound(f"no quote with id {quote_id!r}")
        role = role.strip() if role and role.strip() else None
        return self.add_correction(Correction("reassign", quote=quote_id.strip(),
                                              speaker=speaker.strip(), role=role, note=note))

    def add_correction(self, correction: Correction) -> Recorded:
        """Check the correction against the index as it is, then keep it with the index.
        Raises CorrectionRefused (nothing recorded) if it would not apply."""
        return record(self.store, correction)

    def _warn(self, message: str) -> None:
        if self._on_warning is not None:
            self._on_warning(message)
        else:
            warnings.warn(message, CorrectionWarning, stacklevel=3)


def _moment(when: When, end: int) -> datetime | None:
    """The first (end=0) or last (end=1) moment of a --since/--until value."""
    if when is None or isinstance(when, datetime):
        return when
    if isinstance(when, date):
        return datetime.combine(when, time.min if not end else time.max)
    return date_bounds(when)[end]
