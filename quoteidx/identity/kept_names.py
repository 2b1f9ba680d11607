"""Who said what, kept beside the people listing (quoteidx.identity.kept) for `show`:
each speaker's name in each document, and the name and aliases of the person it is.

`show` prints a quote's person (their name, the other names they go by). Built from the
index, that reads every document record naming them (921 for someone quoted 4,201
times in 1.1M quotes) and groups their speakers into people; read from here it is one
bucket of a table, whatever the person's size. It is written with the listing, from
the same people, under the same key (the index's state, its corrections, quoteidx's
code); a file of another key, torn or damaged, is not used, and the person is built
from the index as before.

The file: a line naming the format, a line with the key, a line with the CRC-32 of the
bucket directory, the number of buckets and the length of the rest; then the directory
(each bucket's offset, length and CRC-32) and the buckets. A bucket is marshal's
encoding of ({speaker: person number, or {(path, mention, role): person number} when
the speaker's name is more than one person's}, {person number: (name, aliases)}). A
speaker's bucket is the CRC-32 of its name, modulo the number of buckets: reading one
costs a fixed few kilobytes.
"""

from __future__ import annotations

import marshal
import struct
import zlib
from typing import TYPE_CHECKING

from quoteidx.identity.people import Identities

if TYPE_CHECKING:
    from quoteidx.record import Quote
    from quoteidx.storing import Store

NAME = "names"  # what the store keeps it under
FORMAT = b"quoteidx names 1\n"
_ENTRY = struct.Struct("<III")  # a bucket's offset, length and CRC-32
PER_BUCKET = 16  # speaker names a bucket holds on average

Place = tuple[str, str | None, str | None]  # a quote's source path, speaker mention, role


def _bucket(speaker: str, buckets: int) -> int:
    return zlib.crc32(speaker.encode("utf-8", "surrogatepass")) % buckets


def dumps(people: Identities) -> bytes | None:
    """The file for `people` (a listing that says what it was built from), or None."""
    if people.key is None:
        return None
    places: dict[str, dict[Place, int]] = {}
    for number, person in enumerate(people.people):
        for each in person.said:
            if each.speaker:
                # The first, most quoted, person who said it: as a look-up keeps.
                places.setdefault(each.speaker, {}).setdefault(
                    (each.source.path, each.speaker_mention, each.role), number)
    buckets = max(1, len(places) // PER_BUCKET)
    filled: list[tuple[dict[str, object], dict[int, tuple[str, list[str]]]]] = [
        ({}, {}) for _ in range(buckets)]
    for speaker, where in places.items():
        entries, persons = filled[_bucket(speaker, buckets)]
        numbers = set(where.values())
        entries[speaker] = next(iter(numbers)) if len(numbers) == 1 else where
        for number in numbers:
            person = people.people[number]
            persons[number] = (person.name, list(person.aliases))
    directory = bytearray()
    data = bytearray()
    for bucket in filled:
        encoded = marshal.dumps(bucket)
        directory += _ENTRY.pack(len(data), len(encoded), zlib.crc32(encoded))
        data += encoded
    rest = bytes(directory) + bytes(data)
    return b"%s%s\n%08x %x %x\n%s" % (FORMAT, people.key.encode(), zlib.crc32(directory),
                                      buckets, len(rest), rest)


def keep(store: Store, people: Identities) -> None:
    data = dumps(people)
    if data is not None:
        store.keep(NAME, data)


def is_kept(store: Store, wanted: str) -> bool:
    """Whether the table kept is for `wanted` (a key), and its directory whole."""
    data = store.kept(NAME)
    head = FORMAT + wanted.encode() + b"\n"
    if data is None or not data.startswith(head):
        return False
    end = data.find(b"\n", len(head))
    try:
        crc, buckets, length = (int(part, 16) for part in data[len(head):end].split(b" "))
    except ValueError:
        return False
    rest = memoryview(data)[end + 1:]
    return end >= 0 and buckets >= 1 and len(rest) == length and zlib.crc32(
        rest[:buckets * _ENTRY.size]) == crc


def read(store: Store, wanted: str, quote: Quote) -> tuple[str, list[str]] | None:
    """The name and aliases of who said `quote`, kept for `wanted` (a key); None if
    nothing usable is kept for it (the person is built from the index then)."""
    data = store.kept(NAME)
    head = FORMAT + wanted.encode() + b"\n"
    if data is None or not data.startswith(head) or not quote.speaker:
        return None
    end = data.find(b"\n", len(head))
    try:
        crc, buckets, length = (int(part, 16) for part in data[len(head):end].split(b" "))
        rest = memoryview(data)[end + 1:]
        if end < 0 or buckets < 1 or len(rest) != length:
            return None
        directory = rest[:buckets * _ENTRY.size]
        if zlib.crc32(directory) != crc:
            return None
        offset, size, bucket_crc = _ENTRY.unpack_from(
            directory, _bucket(quote.speaker, buckets) * _ENTRY.size)
        start = buckets * _ENTRY.size + offset
        encoded = rest[start:start + size]
        if len(encoded) != size or zlib.crc32(encoded) != bucket_crc:
            return None
        entries, persons = marshal.loads(encoded)
        found = entries.get(quote.speaker)
        if isinstance(found, dict):
            found = found.get((quote.source.path, quote.speaker_mention, quote.role))
        if found is None:  # not of this listing: not for this quote either
            return None
        name, aliases = persons[found]
        if not isinstance(name, str) or not isinstance(aliases, list):
            return None
    except (ValueError, EOFError, TypeError, KeyError, struct.error):
        return None  # not of the shape this code writes
    return name, aliases
