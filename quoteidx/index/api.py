"""`open_index` and `Index`: the quote index as a library, whatever backend stores it.

Identities (one person across documents) and corrections (merge, split, reassign) are
applied here, on every read, for every backend: `quoteidx search --speaker` and a script
calling `search(..., speaker=...)` get the same quotes, with the same corrections.
"""

from __future__ import annotations

import os
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from quoteidx.identity import Correction, Identities, Identity
from quoteidx.identity.names import name_words
from quoteidx.index.context import Context, paragraphs_around
from quoteidx.index.corrections import CorrectionRefused, Recorded, record
from quoteidx.index.export import EXPORT_FORMATS, chosen_records, write_export
from quoteidx.index.quote_ids import MIN_PREFIX as MIN_PREFIX  # still importable here
from quoteidx.index.quote_ids import (
    AmbiguousId,
    QuoteNotFound,
    Replacement,
    quote_by_id,
    replacement_of,
)
from quoteidx.index.search import When, said_by, search_index
from quoteidx.record import Quote
from quoteidx.storing import (
    Hit,
    SearchResult,
    Stats,
    Store,
    index_location,
    open_store,
)

if TYPE_CHECKING:
    from quoteidx.factcheck import Claim, ClaimError, Report
    from quoteidx.indexing import Extractor, IndexReport, Phase, Progress
    from quoteidx.querying.tree import Node

__all__ = ["AmbiguousId", "CorrectionRefused", "CorrectionWarning", "Index", "QuoteNotFound",
           "Replacement", "open_index"]


class CorrectionWarning(UserWarning):
    """A correction that no longer applies (its quote or name is gone after re-indexing):
    ignored, never applied to someone else."""


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
        phase: Phase | None = None,
    ) -> IndexReport:
        """Index the documents under `paths` (files and folders): new ones added, changed
        ones replaced, unchanged ones skipped; `prune` drops documents whose file is
        gone, `rebuild` starts from an empty index. All or nothing: see
        quoteidx.indexing.index_paths, which this is, for the details and the report."""
        from quoteidx.indexing import index_paths

        self.close()  # read again afterwards: a rebuild replaces what an open store reads
        return index_paths(paths, self.location, rebuild=rebuild, prune=prune,
                           progress=progress, extract=extract, timeout=timeout,
                           on_wait=on_wait, jobs=jobs, phase=phase)

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
        exact: bool = False,
        case_sensitive: bool = False,
        highlight: bool = True,
    ) -> SearchResult:
        """Quotes matching `query` (the query language, or a parsed tree), best first
        (`sort="date"`: newest first, undated last). `speaker` is a person: any of the
        names they go by, corrections applied; so is a `speaker:` name in the query
        (`speaker:"Commander Khan"` finds what by_speaker("Commander Khan") finds), and
        the result's `people` says whom the names were taken to mean. `since`/`until`
        include the whole day, month or year given. `exact`: the words of the quote
        text as written, never stemmed (as `words:` in the query); `case_sensitive`
        (implies `exact`): in the case the query gives them. `limit` None: every
        match; 0: only the count (`total`). `highlight` False leaves Hit.spans empty
        (cheaper, for data). Raises QueryError for a query the user must fix."""
        return search_index(self, query, speaker=speaker, kind=kind, since=since,
                            until=until, sort=sort, limit=limit, exact=exact,
                            case_sensitive=case_sensitive, highlight=highlight)

    def by_speaker(self, name: str, *, limit: int | None = None) -> SearchResult:
        """Every quote by the people `name` could mean (every part of it in one of the
        names they go by, any case or accents), in document order; `people` says who
        they are."""
        said, people = said_by(self, name)
        ordered = sorted(said.values(), key=lambda pair: (pair[0].source.path, pair[0].start))
        hits = [Hit(quote, person=person) for quote, person in ordered]
        return SearchResult(hits[:limit] if limit is not None else hits, len(hits),
                            tuple(people))

    def people_meant(self, name: str) -> list[Identity]:
        """The people `name` could mean: every part of it in one of the names they go
        by, any case or accents ("Ward" may be several people), most quoted first."""
        if not name_words(name):
            from quoteidx.querying import QueryError

            raise QueryError(f"no name to look for in {name!r}")
        return self.identities(about=name).find(name)

    def get(self, quote_id: str) -> Quote | None:
        """One quote by its id, corrections applied; None if there is none. The id may
        be shortened to its first MIN_PREFIX (6) or more characters, as long as no other
        quote's id starts the same way (AmbiguousId, naming them, if one does)."""
        return quote_by_id(self.store, quote_id)

    def replacement(self, quote_id: str) -> Replacement | None:
        """What became of an id that is no longer in the index (`get` gives None): which
        document had it and which quote replaced it when the document changed (a typo
        fixed, a word added, the words given to another speaker). None if the index
        never had it, as far as it remembers (a few hundred old ids per document)."""
        return replacement_of(self, quote_id)

    def context(self, quote: str | Quote, paragraphs: int = 1) -> Context | None:
        """The quote with `paragraphs` paragraphs either side, read again from its source
        (Context.problem says why not when the source is gone or has changed); None if
        there is no quote with that id."""
        found = self.get(quote) if isinstance(quote, str) else quote
        from quoteidx.document_keys import document_base

        return None if found is None else paragraphs_around(self.store, found, paragraphs,
                                                            document_base(self.location))

    def verify(self, claim: str, speaker: str | None = None, *, min_score: float | None = None,
               limit: int = 5) -> Report:
        """Was `claim` said, and by `speaker`? The closest quotes and a verdict (see
        quoteidx.factcheck). Raises quoteidx.factcheck.ClaimError for a claim too short."""
        from quoteidx.factcheck import MIN_SCORE, verify

        return verify(self, claim, speaker, limit=limit,
                      min_score=MIN_SCORE if min_score is None else min_score)

    def verify_many(self, claims: Iterable[Claim | ClaimError], *,
                    min_score: float | None = None,
                    limit: int = 5) -> Iterator[Report | ClaimError]:
        """`verify` for each claim (quoteidx.factcheck.Claim: text and speaker, as
        read_claims gives them from a file), in order: its report, or the ClaimError
        that says why it cannot be verified (a bad line is passed on as it is)."""
        from quoteidx.factcheck import ClaimError

        for claim in claims:
            if isinstance(claim, ClaimError):
                yield claim
                continue
            try:
                yield self.verify(claim.text, claim.speaker, min_score=min_score,
                                  limit=limit)
            except ClaimError as err:
                yield ClaimError(str(err), line=claim.line)

    def stats(self) -> Stats:
        return self.store.stats()

    def check(self) -> list[str]:
        """Read the whole index and compare it with what its last run wrote (after a
        crash or a disk error): the problems found, one line each; none if it is whole."""
        return self.store.check()

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
        """The people quoted, most quoted first; `fragment`: those with a name holding it.
        Built from the index's counts of each document's speakers: a person's `quotes`
        are read from the index when first asked for (`count` says how many)."""
        from quoteidx.identity.listing import load_speakers

        found = load_speakers(self.store)
        for problem in found.warnings:
            self._warn(problem)
        people = found.people
        return [person for person in people if person.contains(fragment)] if fragment else people

    def speaker_records(self, fragment: str | None = None, *,
                        aliases: bool = False) -> list[dict[str, Any]]:
        """`speakers(fragment)` as records, what `quoteidx speakers` writes: speaker,
        role, quotes (how many) and sources (labels, first seen first); with `aliases`
        also the person's aliases, their role per source ({"source", "role"}) and the
        labels of the documents they wrote."""
        from quoteidx.identity.listing import speaker_records

        records, problems = speaker_records(self.store, fragment, aliases=aliases)
        for problem in problems:
            self._warn(problem)
        return records

    def person(self, quote: Quote) -> Identity | None:
        """Who said the quote, as one person across documents."""
        from quoteidx.identity.listing import load_person

        return load_person(self.store, quote)

    def person_names(self, quote: Quote) -> tuple[str, list[str]] | None:
        """The name and aliases of who said the quote (`person(quote)`'s): all `show`
        prints of them, read from what the people listing keeps when it can be."""
        from quoteidx.identity.listing import person_names

        return person_names(self.store, quote)

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
        return chosen_records(self.identities(), self.store, query, speaker=speaker,
                              limit=limit)

    def export(self, query: str | Node | None = None, format: str = "jsonl",
               out: TextIO | None = None, *, speaker: str | None = None,
               limit: int | None = None) -> int:
        """Write `records(...)` to `out` (stdout) as jsonl or csv (the fields of a record,
        plus "person" and "citation") or jsonld (schema.org Claims); how many."""
        if format not in EXPORT_FORMATS:
            raise ValueError(f"not an export format: {format!r}; use {', '.join(EXPORT_FORMATS)}")
        out = out or sys.stdout
        return write_export(self.records(query, speaker=speaker, limit=limit), format, out)

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
        """Say that the quote (its id, or a unique start of it) was said by `speaker`
        (in `role`). QuoteNotFound if there is no such quote."""
        if not speaker.strip():
            raise CorrectionRefused("give the name of who said it")
        quote = self.get(quote_id)
        if quote is None:
            raise QuoteNotFound(f"no quote with id {quote_id!r}")
        role = role.strip() if role and role.strip() else None
        return self.add_correction(Correction("reassign", quote=quote.id,
                                              speaker=speaker.strip(), role=role, note=note))

    def remove_correction(self, number: int) -> Correction:
        """Remove the `number`-th correction (1 is the first, as corrections() lists
        them); the one removed. IndexError if there is none."""
        return self.store.remove_correction(number)

    def stale_corrections(self) -> dict[int, str]:
        """The corrections that no longer apply (a quote or name gone after
        re-indexing): their number -> why. They are ignored, never applied to someone
        else; remove them with remove_correction."""
        from quoteidx.identity.listing import load_speakers

        found = {}
        for problem in load_speakers(self.store).warnings:
            match = re.match(r"correction (\d+) \(.*?\): (.*)$", problem)
            if match:
                found[int(match[1])] = match[2]
        return found

    def add_correction(self, correction: Correction) -> Recorded:
        """Check the correction against the index as it is, then keep it with the index.
        Raises CorrectionRefused (nothing recorded) if it would not apply."""
        return record(self.store, correction)

    def _warn(self, message: str) -> None:
        if self._on_warning is not None:
            self._on_warning(message)
        else:
            warnings.warn(message, CorrectionWarning, stacklevel=3)
