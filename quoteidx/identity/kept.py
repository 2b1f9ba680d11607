"""The people quoted, kept with the index (Store.keep) once built, so that listing them
reads them back instead of building every identity again: at a million quotes building
takes half a minute, and grows with the index; reading them back, well under a second.

A kept listing is used only for exactly what it was built from, named by a key (`key`)
over the index's committed state (Store.version), its corrections and the code that
builds people (quoteidx's own files and Python's version: an upgrade, or a checkout
during development, changes the people without changing the index). Anything else, a
key of another state, a torn or damaged file, one of another format, is not used: the
people are built again and kept in its place, and a store that cannot keep (a read-only
folder) builds them every time, as it did before anything was kept.

The file: a line naming the format, a line with the key, a line with the CRC-32 and
length of the rest, and the rest: marshal's encoding of (people, warnings, said).
`people` is one column per field of a person (COLUMNS), each marshal's bytes of its
own, decoded only if asked for: `speakers -f jsonl` reads four of the seven (0.04 s
against 0.10 for everything, 58,210 people). `said`, what each person was built from,
is marshal's bytes again, compressed (most of the file otherwise), and decoded only if
something asks for it (a listing never does; a correction checked against the people
does). marshal, not JSON: it keeps tuples as tuples and reads several times faster;
its format may change with Python's version, which is in the key.
"""

from __future__ import annotations

import gc
import marshal
import os
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from functools import cache
from typing import TYPE_CHECKING, Any

from quoteidx.identity.people import Identities, Identity
from quoteidx.identity.said import Counted, Said
from quoteidx.record import Quote, Source

if TYPE_CHECKING:
    from quoteidx.identity.corrections import Correction
    from quoteidx.storing import Store

NAME = "people"  # what the store keeps it under
FORMAT = b"quoteidx people 2\n"
# A person's fields, in the order of Identity's (after its `said`).
COLUMNS = ("name", "aliases", "roles", "sources", "wrote", "count", "role")
_SOURCE_FIELDS = tuple(field.name for field in fields(Source))

Load = Callable[[list[Said]], list[Quote]]


def key(version: str, corrections: Sequence[Correction]) -> str:
    """What a listing is built from: the index's state `version`, the corrections (in
    full, notes too: a changed note only costs one build) and the code."""
    import hashlib

    digest = hashlib.sha256(FORMAT)
    for part in (_code(), version, repr(list(corrections))):
        digest.update(part.encode("utf-8", "backslashreplace") + b"\0")
    return digest.hexdigest()


@cache  # once a process: the code it runs is the code it loaded
def _code() -> str:
    """quoteidx's own source files (each one's path, size and time) and Python's version."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    found = [sys.version]
    for folder, folders, names in os.walk(root):
        folders[:] = sorted(name for name in folders if name != "__pycache__")
        for name in sorted(names):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                info = os.stat(path)
                found.append(f"{os.path.relpath(path, root)} {info.st_size} {info.st_mtime_ns}")
    return "\n".join(found)


def read(store: Store, wanted: str, load: Load) -> Identities | None:
    """The listing kept for `wanted` (a key), its people reading their quotes with
    `load`; None if none is kept for it or it cannot be read."""
    decoded = _decoded(store, wanted)
    if decoded is None:
        return None
    columns, warnings, said = decoded
    try:
        with no_collection():
            rows = zip(*[marshal.loads(column) for column in columns], strict=True)
            table = _SaidTable(said)
            # Positional: half the time of keywords, for 100,000s of people.
            table.people = [Identity(name, None, aliases, roles, sources, wrote, count, role,
                                     load, None, table.of)
                            for name, aliases, roles, sources, wrote, count, role in rows]
    except (ValueError, EOFError, TypeError):  # not of the shape this code writes
        return None
    return Identities(table.people, list(warnings), key=wanted)


def read_columns(store: Store, wanted: str, names: Sequence[str]
                 ) -> tuple[dict[str, list[Any]], list[str]] | None:
    """The columns `names` (of COLUMNS) of the people kept for `wanted`, most quoted
    first, and the warnings, without making a person of each (for records: 58,210
    people of 1.1M quotes took 0.07 s to make, and as many cycles for the collector at
    exit); None if none is kept for it or it cannot be read."""
    decoded = _decoded(store, wanted)
    if decoded is None:
        return None
    columns, warnings, _said = decoded
    try:
        with no_collection():
            found = {name: marshal.loads(columns[COLUMNS.index(name)]) for name in names}
    except (ValueError, EOFError, TypeError):
        return None
    if any(type(column) is not list for column in found.values()) or len(
            {len(column) for column in found.values()}) > 1:
        return None
    return found, list(warnings)


def is_kept(store: Store, wanted: str) -> bool:
    """Whether a whole listing is kept for `wanted` (a key), with the table of who said
    what beside it: reading one back then builds nothing. Only the heads and the
    listing's checksum are read, not the people."""
    from quoteidx.identity import kept_names

    data = store.kept(NAME)
    return data is not None and _body(data, wanted) is not None and kept_names.is_kept(
        store, wanted)


def _decoded(store: Store, wanted: str) -> tuple[tuple[bytes, ...], list[str], bytes] | None:
    data = store.kept(NAME)
    body = _body(data, wanted) if data is not None else None
    if body is None:
        return None
    try:
        columns, warnings, said = marshal.loads(body)
    except (ValueError, EOFError, TypeError):  # not of the shape this code writes
        return None
    if type(columns) is not tuple or len(columns) != len(COLUMNS) or any(
            type(column) is not bytes for column in columns):
        return None
    return columns, warnings, said


def _body(data: bytes, wanted: str) -> memoryview | None:
    """What follows the head, if it names this format and `wanted` and what follows
    is whole (a view: the file may be tens of megabytes)."""
    head = FORMAT + wanted.encode() + b"\n"
    end = data.find(b"\n", len(head)) if data.startswith(head) else -1
    if end < 0:
        return None
    try:
        crc, length = (int(part, 16) for part in data[len(head):end].split(b" "))
    except ValueError:
        return None
    body = memoryview(data)[end + 1:]
    if len(body) != length or zlib.crc32(body) != crc:
        return None
    return body


def keep(store: Store, people: Identities) -> None:
    """Keep `people` with the index for the next read, if they say what they were built
    from (`people.key`) and were built from counts (quoteidx.identity.listing)."""
    if people.key is None:
        return
    body = _dumps(people)
    if body is None:
        return
    head = b"%s%s\n%08x %x\n" % (FORMAT, people.key.encode(), zlib.crc32(body), len(body))
    store.keep(NAME, head + body)
    from quoteidx.identity import kept_names

    kept_names.keep(store, people)  # for show: who each speaker is (its own key)


def _dumps(people: Identities) -> bytes | None:
    columns: list[list[object]] = [[] for _ in COLUMNS]
    documents: dict[str, int] = {}  # key -> its number in `sources`
    sources: list[tuple[str, tuple[str | None, ...]]] = []
    said: list[list[tuple[object, ...]]] = []
    for person in people.people:
        for column, name in zip(columns, COLUMNS, strict=True):
            column.append(getattr(person, name))
        mine = []
        for each in person.said:
            if not isinstance(each, Counted) or not each.id.startswith(each.key):
                return None  # built from quotes: not what a listing reads back
            number = documents.setdefault(each.key, len(documents))
            if number == len(sources):
                sources.append((each.key, tuple(getattr(each.source, name)
                                                for name in _SOURCE_FIELDS)))
            mine.append((number, each.id[len(each.key):], each.speaker,
                         each.speaker_mention, each.role, each.start, each.count))
        said.append(mine)
    # Level 1: a quarter of the size, in a third of the time the default level takes.
    said_data = zlib.compress(marshal.dumps((sources, said)), 1)
    return marshal.dumps((tuple(marshal.dumps(column) for column in columns),
                          people.warnings, said_data))


class _SaidTable:
    """What each person of a kept listing was built from, decoded for all of them the
    first time one is asked for."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self.people: list[Identity] = []

    def of(self, person: Identity) -> list[Said]:
        if self._data:
            with no_collection():
                documents, said = marshal.loads(zlib.decompress(self._data))
                made = [(key, Source(*values)) for key, values in documents]
                for each, mine in zip(self.people, said, strict=True):
                    each._said = [Counted(made[doc][0] + suffix, made[doc][0], made[doc][1],
                                          speaker, mention, role, start, count)
                                  for doc, suffix, speaker, mention, role, start, count in mine]
            self._data = b""
        return person._said if person._said is not None else []


@contextmanager
def no_collection() -> Iterator[None]:
    """The cycle collector off while many long-lived containers are made."""
    # Decoding makes hundreds of thousands of lists and tuples and no garbage: the
    # cycle collector would walk them all, again and again, for nothing (it more than
    # doubled the time marshal took to read 14,000 people).
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
