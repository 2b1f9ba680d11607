"""Checksums for the files of a Whoosh index that Whoosh does not check itself.

Whoosh compresses posting blocks and stored fields with zlib, whose own checksum makes
a damaged block fail loudly when it is read. The rest carries none: one flipped bit in
a column file (field lengths, sort dates) silently changes scores or reorders
`--sort date`, one in the term dictionary (.trm) or the table of contents (TOC) can lose
a term or bring back a deleted quote, and Whoosh reads a missing column file as an empty
column. So each commit writes, before its TOC is renamed into place, `_MAIN_<gen>.sums`:
the size and CRC-32 (zlib's, in the standard library) of that TOC and of every file of
every segment it names, under a CRC-32 of its own. A segment's files never change once
written, so a commit adds sums for its new segments and copies the others'.

What is checked when (storage.py does the checking as files are opened):
- reading a TOC: the sums file and the TOC against it, every file of every segment
  present at its size (a stat each: a truncated or missing file of any kind);
- opening a column file: its CRC (columns are small, ~17 bytes a quote in all);
- a segment about to be merged, a read that failed, `check_folder`: every file's CRC.
The term dictionary, postings and stored fields are not read whole at every open (they
are most of the index: ~30 ms a search at 28k quotes): a bit flipped in a posting or a
stored field fails zlib's check and is then found here; one in the term dictionary is
found by `check_folder` or by the next merge of its segment.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import re
import zlib
from dataclasses import dataclass, field
from typing import Any

FORMAT = 1
Entry = tuple[int, int]  # (size, crc32) of one file


class Damage(Exception):
    """A file of the index is not what its commit wrote; the message says which."""


def sums_name(indexname: str, generation: int) -> str:
    return f"_{indexname}_{generation}.sums"


def toc_name(indexname: str, generation: int) -> str:
    return f"_{indexname}_{generation}.toc"


def _sums_pattern(indexname: str) -> re.Pattern[str]:
    return re.compile(rf"_{re.escape(indexname)}_(\d+)\.sums(?:\..+)?")


@dataclass
class Sums:
    """What one commit wrote: its TOC's entry, and each segment's files' entries."""

    toc: Entry
    segments: dict[str, dict[str, Entry]] = field(default_factory=dict)

    def dumps(self) -> bytes:
        body = json.dumps({"format": FORMAT, "toc": self.toc, "segments": self.segments},
                          separators=(",", ":"), sort_keys=True).encode()
        return b"%08x\n" % zlib.crc32(body) + body

    @classmethod
    def loads(cls, data: bytes, name: str) -> Sums:
        head, _, body = data.partition(b"\n")
        try:
            if int(head, 16) != zlib.crc32(body) or len(head) != 8:
                raise ValueError
            parsed: Any = json.loads(body)
            if parsed["format"] != FORMAT:
                raise ValueError
            toc = _entry(parsed["toc"])
            segments = {str(segment): {str(file): _entry(entry) for file, entry in files.items()}
                        for segment, files in parsed["segments"].items()}
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            raise Damage(f"{name} fails its checksum") from err
        return cls(toc, segments)


def _entry(value: Any) -> Entry:
    size, crc = value
    return int(size), int(crc)


def checksum(data: Any) -> int:
    return zlib.crc32(data)


def file_entry(path: str) -> Entry:
    """(size, crc32) of a file, read through a memory map (no copy in Python)."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size == 0:
            return 0, zlib.crc32(b"")
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
            return size, zlib.crc32(mapped)


def segment_files(folder: str, segment: str) -> list[str]:
    """The files of a segment (Whoosh names them `<segment id>.<kind>`)."""
    return sorted(name for name in os.listdir(folder) if name.startswith(segment + "."))


def write_sums(folder: str, name: str, sums: Sums) -> None:
    """Write a sums file whole (a temporary file, fsynced, renamed into place): a reader
    never finds half of one."""
    path = os.path.join(folder, name)
    temporary = f"{path}.{os.getpid()}"
    with open(temporary, "wb") as handle:
        handle.write(sums.dumps())
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def read_sums(folder: str, indexname: str, generation: int) -> Sums | None:
    """The sums of a generation; None if it has none while its TOC is there (an index
    made before sums were written). FileNotFoundError if the TOC is gone as well (a
    commit replaced this generation meanwhile). Raises Damage."""
    name = sums_name(indexname, generation)
    try:
        with open(os.path.join(folder, name), "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        os.stat(os.path.join(folder, toc_name(indexname, generation)))  # gone too: raises
        return None
    return Sums.loads(data, name)


def check_entry(folder: str, name: str, expected: Entry, *, content: bool) -> None:
    """Raise Damage if the file is missing or of another size, or (`content`) another
    CRC, than `expected`."""
    path = os.path.join(folder, name)
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        raise Damage(f"{name} is missing") from None
    if size != expected[0]:
        raise Damage(f"{name} is {size} bytes, its commit wrote {expected[0]}")
    if content and file_entry(path)[1] != expected[1]:
        raise Damage(f"{name} fails its checksum")


def remove_other_sums(folder: str, indexname: str, generation: int) -> None:
    """Delete the sums of every generation but this one (and half-written ones)."""
    pattern = _sums_pattern(indexname)
    for name in os.listdir(folder):
        found = pattern.fullmatch(name)
        if found and (name != sums_name(indexname, generation)):
            with contextlib.suppress(OSError):  # removed by another process first
                os.remove(os.path.join(folder, name))


def latest_generation(folder: str, indexname: str) -> int:
    """The newest TOC's generation, -1 if there is none."""
    pattern = re.compile(rf"_{re.escape(indexname)}_(\d+)\.toc")
    found = [int(match[1]) for name in os.listdir(folder) if (match := pattern.fullmatch(name))]
    return max(found, default=-1)


def check_folder(folder: str, indexname: str, *, required: bool) -> list[str]:
    """Every file of the newest generation read whole and compared with its sums: the
    problems found, one line each. An index without sums (`required` false: made before
    quoteidx wrote them) has nothing to compare."""
    generation = latest_generation(folder, indexname)
    if generation < 0:
        return ["no table of contents"]
    try:
        sums = read_sums(folder, indexname, generation)
    except Damage as err:
        return [str(err)]
    if sums is None:
        return [f"{sums_name(indexname, generation)} is missing"] if required else []
    problems = []
    expected = [(toc_name(indexname, generation), sums.toc)]
    expected += sorted(entry for files in sums.segments.values() for entry in files.items())
    for name, entry in expected:
        try:
            check_entry(folder, name, entry, content=True)
        except Damage as err:
            problems.append(str(err))
    return problems
