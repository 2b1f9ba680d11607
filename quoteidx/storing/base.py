"""The storage interface: what the rest of quoteidx may ask of an index. The Whoosh
backend implements it; a server backend will too, so nothing here knows about Whoosh."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import TYPE_CHECKING

from quoteidx.record import Quote, Source

if TYPE_CHECKING:
    from quoteidx.identity.corrections import Correction
    from quoteidx.querying import SearchRequest


class StoreError(Exception):
    """An index problem a person can act on; the message is one line."""


class IndexMissing(StoreError):
    pass


class IndexBusy(StoreError):
    pass


class IndexIncompatible(StoreError):
    pass


class IndexDamaged(IndexIncompatible):
    """An index whose own files cannot be read (a truncated table of contents, what a
    power loss can leave): like one of another version, it can only be rebuilt."""


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """One indexed document. `key` identifies it (its path relative to the index's base,
    see quoteidx.document_keys.document_key); `content_hash` tells whether the file changed
    since it was indexed. `replaced` maps ids of quotes an earlier version of the
    document had to the quote that replaced each (None: none did), for a citation of an
    old id."""

    key: str
    content_hash: str
    source: Source
    quotes: int = 0
    replaced: Mapping[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Hit:
    """A found quote; `spans` are (start, end) offsets in quote.text of the matched words;
    `person` the speaker as one person across documents, when the search knows it."""

    quote: Quote
    score: float | None = None
    spans: tuple[tuple[int, int], ...] = ()
    person: str | None = None


@dataclass(frozen=True, slots=True)
class SearchResult:
    hits: list[Hit]
    total: int  # every match, not only the `limit` returned
    # The people a name in the search (`speaker=`, by_speaker, `speaker:` in the query)
    # was taken to mean, as one identity each; filled in by quoteidx.Index.
    people: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SpeakerInfo:
    name: str
    role: str | None
    quotes: int
    sources: tuple[str, ...]  # publication (or path) of each document quoting them


@dataclass(frozen=True, slots=True)
class SpeakerCount:
    """A document's quotes that have one speaker, speaker mention and role: how many,
    and the offset of the first. What the index keeps of each document's speakers, so
    that listing the people quoted reads one record per document, not every quote."""

    speaker: str
    mention: str | None
    role: str | None
    quotes: int
    first: int


@dataclass(frozen=True, slots=True)
class DocumentSpeakers:
    key: str
    source: Source
    counts: tuple[SpeakerCount, ...]


def speaker_counts(quotes: Sequence[Quote]) -> tuple[SpeakerCount, ...]:
    """The document's quotes with a speaker, counted by (speaker, mention, role), in the
    order of the first of each in the document (the order quotes are read in)."""
    found: dict[tuple[str, str | None, str | None], list[int]] = {}
    for quote in sorted(quotes, key=lambda q: q.start):  # stable: ties keep their order
        if quote.speaker:
            # "" as None: a store may keep an empty field as none
            seen = found.setdefault((quote.speaker, quote.speaker_mention or None,
                                     quote.role or None), [0, quote.start])
            seen[0] += 1
    return tuple(SpeakerCount(*key, count, first) for key, (count, first) in found.items())


@dataclass(frozen=True, slots=True)
class Stats:
    location: str
    documents: int
    quotes: int
    kinds: dict[str, int] = field(default_factory=dict)
    speakers: int = 0
    size_bytes: int = 0
    segments: int = 0


class StoreWriter(ABC):
    """Changes to an index, applied together on leaving the `with` block, discarded if
    the block raises. Atomic: readers see all of a writer's changes or none, also if
    the process is killed. Hold one for a whole run: a writer locks the index."""

    @abstractmethod
    def add_document(self, info: DocumentInfo, quotes: Sequence[Quote]) -> None:
        """Add a document and its quotes (delete its old version first)."""

    @abstractmethod
    def delete_document(self, key: str) -> None:
        """Remove a document and all its quotes."""

    @abstractmethod
    def commit(self) -> None: ...

    @abstractmethod
    def cancel(self) -> None: ...

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.cancel()


class Store(ABC):
    """An open quote index. `location` is how it was named when opened (a folder, a URL);
    a backend whose locations hold secrets shows them without (it is used in messages)."""

    location: str

    @abstractmethod
    def documents(self) -> dict[str, DocumentInfo]:
        """Every indexed document by key, with its content hash."""

    @abstractmethod
    def writer(
        self,
        *,
        clear: bool = False,
        timeout: float | None = None,
        on_wait: Callable[[float], None] | None = None,
    ) -> StoreWriter:
        """A writer; `clear` starts from an empty index when it commits (a rebuild).
        Waits up to `timeout` seconds for another writer to finish, calling
        `on_wait(timeout)` once if it has to, then raises IndexBusy. Raises StoreError
        if the index cannot be written (read-only, disk full); it then stays as it was."""

    @abstractmethod
    def search(self, request: SearchRequest) -> SearchResult:
        """Raises quoteidx.querying.QueryError for a query the user must fix."""

    @abstractmethod
    def speakers(self, fragment: str | None = None) -> list[SpeakerInfo]:
        """People quoted, most quoted first; `fragment` matches any part of the name."""

    @abstractmethod
    def speaker_names(self) -> list[str]:
        """One spelling of each speaker name in the index, most quoted first: a list to
        suggest from that costs a look-up per name, not a read of every quote."""

    @abstractmethod
    def speaker_counts(self, speaker: str | None = None) -> list[DocumentSpeakers]:
        """Each document's quotes counted by speaker (see SpeakerCount), kept when the
        document was stored, so that no quote is read; `speaker`: only the documents
        where some speaker's name holds every word of it (and possibly a few more)."""

    @abstractmethod
    def get(self, quote_id: str) -> Quote | None: ...

    @abstractmethod
    def document_quotes(self, key: str) -> list[Quote]:
        """The quotes of one document (by its key), in document order."""

    @abstractmethod
    def stats(self) -> Stats: ...

    # Corrections: people's fixes to who said what. They are the index's, not derived
    # from its documents, so they survive any rebuild; each backend keeps them its own
    # way (the Whoosh backend in a TOML file beside its folder, a server in a table).

    @abstractmethod
    def corrections(self) -> list[Correction]:
        """Every correction, in the order made. Raises quoteidx.identity.CorrectionsError
        when they cannot be read as they are (a hand-edited file gone wrong)."""

    @abstractmethod
    def add_correction(self, correction: Correction) -> None:
        """Keep one more correction, after the others. Raises StoreError if it cannot."""

    @abstractmethod
    def remove_correction(self, number: int) -> Correction:
        """Remove the `number`-th correction (1 is the first, as `corrections()` lists
        them) and return it; the others keep their order. IndexError if there is no such
        correction, StoreError if it cannot be removed."""

    @property
    @abstractmethod
    def corrections_location(self) -> str:
        """Where the corrections are kept, to tell a person (a file, a table)."""

    # Derived data: what quoteidx computes from the index (the people quoted, from every
    # document's counts), kept with it so that a read need not compute it again. The
    # store only keeps bytes; their user says what they were made from and checks it
    # against `version()`. A backend that cannot tell one state of its index from the
    # next keeps nothing: these defaults.

    def version(self) -> str | None:
        """A token for the committed state reads see now, another after any commit or
        rebuild; None if the backend cannot tell (nothing is then kept)."""
        return None

    def kept(self, name: str) -> bytes | None:
        """What `keep(name, ...)` last kept, from any state of the index; None if
        nothing is, or it cannot be read."""
        return None

    def keep(self, name: str, data: bytes) -> None:  # noqa: B027  (keeps nothing by default)
        """Keep `data` under `name` in place of what was, whole or not at all, also if
        the process is killed. Never raises: an index that cannot be written (a
        read-only folder, a full disk) keeps nothing, and reads compute it again."""

    def check(self) -> list[str]:
        """Read everything the index holds and compare it with what was written: the
        problems found, one line each (none: it is as committed). A server checks its
        own pages; this default finds nothing to compare."""
        return []

    def gone(self, settle: float = 0.0) -> bool:
        """Whether the index was deleted under this open store, even half-way (a folder
        being removed by `rm -rf`), so that what fails next is reported as that; waits
        up to `settle` seconds for a deletion under way to show. A server's index is
        never gone this way."""
        return False

    def close(self) -> None:  # noqa: B027  (nothing to release by default)
        pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
