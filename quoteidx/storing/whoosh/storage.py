"""The files of a Whoosh index folder: read memory-mapped and checked against their
commit's checksums (integrity.py), written durably (fsynced before the table of
contents names them), made complete next to their place before they are renamed there,
and marked with the layout they were made with."""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import re
import secrets
import stat
from typing import Any

from whoosh import index
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile
from whoosh.index import TOC, FileIndex

from quoteidx.storing.base import IndexDamaged, IndexIncompatible, IndexMissing, StoreError
from quoteidx.storing.whoosh import integrity
from quoteidx.storing.whoosh.folders import fsync_folder, new_folder
from quoteidx.storing.whoosh.integrity import Damage, Entry, Sums
from quoteidx.storing.whoosh.schema import SCHEMA_VERSION, build_schema

MARKER = "quoteidx.json"


class MappedFile(StructFile):
    """A read-only index file mapped into memory: Whoosh reads a document's length or
    stored fields at any position, which on a plain file is a seek and a read each."""

    def get(self, position: int, length: int) -> bytes:
        return self.file[position:position + length]


def _durable_close(onclose: Any) -> Any:
    def close(written: Any) -> None:
        written.file.flush()
        os.fsync(written.file.fileno())
        if onclose is not None:
            onclose(written)
    return close


_TOC = re.compile(r"_(\w+)_(\d+)\.toc")


def _checked_on_open(name: str) -> bool:
    """Column files but the stored fields' (whose records zlib checks): small, and what
    Whoosh reads without any check of its own."""
    return name.endswith(".col") and not name.endswith("._stored.col")


class MappedStorage(FileStorage):
    """Whoosh's folder storage, with the files it reads memory-mapped (the operating
    system's page cache is then the only copy) and checked against the checksums of
    their commit, and the files it writes made durable: each fsynced as it is closed;
    before a table of contents (TOC) is renamed into place, the commit's sums are
    written and the folder fsynced, then the folder again after the rename. A power loss
    leaves the index as before the commit or as after it.

    `required`: the index was made with sums (its marker says so), so a TOC without
    them is damage, not an index of an older quoteidx."""

    def __init__(self, path: str, *, required: bool = False) -> None:
        super().__init__(path)
        self.required = required
        self._segments: dict[str, dict[str, Entry]] = {}  # from sums read and checked
        self._files: dict[str, Entry] = {}  # the same, by file
        self._checked: set[str] = set()  # files whose content matched its CRC
        self._tocs: set[tuple[int, int, int]] = set()  # (generation, inode, mtime) checked
        self._sealing: list[str] | None = None  # the segments of the TOC being committed

    def damaged(self, problem: object) -> IndexDamaged:
        return IndexDamaged(f"the index at {self.folder} is damaged ({problem})")

    # Writing

    def create_file(self, name: str, *args: Any, **kwargs: Any) -> Any:
        created = super().create_file(name, *args, **kwargs)
        created.onclose = _durable_close(created.onclose)
        return created

    def create_index(self, schema: Any, indexname: str = "MAIN", indexclass: Any = None) -> Any:
        self.seal([])  # the first TOC names no segment
        return super().create_index(schema, indexname, indexclass)

    def seal(self, segments: list[str] | None) -> None:
        """The segments (ids) the next TOC renamed into place names."""
        self._sealing = segments

    def rename_file(self, oldname: str, newname: str, safe: bool = False) -> None:
        toc = _TOC.fullmatch(newname)
        if toc:
            self._write_sums(oldname, toc[1], int(toc[2]))
            fsync_folder(self.folder)  # the segments' and the sums' names before the TOC's
        super().rename_file(oldname, newname, safe=safe)
        fsync_folder(self.folder)

    def _write_sums(self, toc: str, indexname: str, generation: int) -> None:
        if self._sealing is None:
            raise RuntimeError(f"{toc}: a table of contents committed without checksums")
        segments = {}
        for segment in self._sealing:
            files = self._segments.get(segment)
            if files is None:  # new (or from an index made before sums were written)
                files = {name: integrity.file_entry(self._fpath(name))
                         for name in integrity.segment_files(self.folder, segment)}
            segments[segment] = files
        sums = Sums(integrity.file_entry(self._fpath(toc)), segments)
        integrity.write_sums(self.folder, integrity.sums_name(indexname, generation), sums)
        self._learn(sums)
        self._sealing = None

    # Reading

    def _learn(self, sums: Sums) -> None:
        for segment, files in sums.segments.items():
            self._segments[segment] = files
            self._files.update(files)

    def check_toc(self, indexname: str, generation: int) -> None:
        """Before a TOC is read: it and its sums are as committed, and every file of its
        segments is there at its size. Raises IndexDamaged, or FileNotFoundError if a
        commit has replaced the generation meanwhile."""
        found = os.stat(self._fpath(integrity.toc_name(indexname, generation)))
        seen = (generation, found.st_ino, found.st_mtime_ns)
        if seen in self._tocs:
            return
        try:
            sums = integrity.read_sums(self.folder, indexname, generation)
            if sums is None:
                if self.required:
                    raise Damage(f"{integrity.sums_name(indexname, generation)} is missing")
                return
            integrity.check_entry(self.folder, integrity.toc_name(indexname, generation),
                                  sums.toc, content=True)
            for segment, files in sums.segments.items():
                if segment not in self._segments:
                    for name, entry in files.items():
                        integrity.check_entry(self.folder, name, entry, content=False)
        except Damage as err:
            # A commit writes its TOC, then deletes the files of the one before in no
            # set order: the generation read is no longer the newest, not damaged.
            if not os.path.exists(self._fpath(integrity.toc_name(indexname, generation))) \
                    or integrity.latest_generation(self.folder, indexname) != generation:
                raise FileNotFoundError(err) from None
            raise self.damaged(err) from None
        self._learn(sums)
        self._tocs.add(seen)

    def check_segment(self, segment: str) -> None:
        """Every file of a segment read whole against its CRC (before a merge copies
        it into a new segment, which would get sums of its own). Raises IndexDamaged."""
        try:
            for name, entry in sorted(self._segments.get(segment, {}).items()):
                if name not in self._checked:
                    integrity.check_entry(self.folder, name, entry, content=True)
                    self._checked.add(name)
        except Damage as err:
            raise self.damaged(err) from None

    def file_exists(self, name: str) -> bool:
        # A file its commit wrote exists, as far as Whoosh is told: if it is gone, opening
        # it fails, where Whoosh would read a missing column as an empty one.
        return name in self._files or super().file_exists(name)

    def open_file(self, name: str, **kwargs: Any) -> Any:
        with open(self._fpath(name), "rb") as handle:
            if os.fstat(handle.fileno()).st_size == 0:  # an empty file cannot be mapped
                self._check(name, b"")
                return super().open_file(name, **kwargs)
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        self._check(name, mapped)
        return MappedFile(mapped, name=name, **kwargs)

    def _check(self, name: str, content: Any) -> None:
        expected = self._files.get(name)
        if expected is None or name in self._checked or not _checked_on_open(name):
            return
        if len(content) != expected[0] or integrity.checksum(content) != expected[1]:
            raise self.damaged(f"{name} fails its checksum")
        self._checked.add(name)

    def open_index(self, indexname: str = "MAIN", schema: Any = None,
                   indexclass: Any = None) -> Any:
        return CheckedIndex(self, schema=schema, indexname=indexname)

    def temp_storage(self, name: str | None = None) -> FileStorage:
        """A writer's scratch folder inside the index folder, made with mkdir, never
        makedirs: a writer still running after the index folder was deleted under it
        must fail, not make the folder again with half an index in it. Not fsynced:
        nothing in it outlives the run."""
        path = os.path.join(self.folder, name or f"{secrets.token_hex(8)}.tmp")
        with contextlib.suppress(FileExistsError):
            os.mkdir(path)
        return FileStorage(path)


class CheckedIndex(FileIndex):
    """Whoosh's index, its TOC checked before it is read, its writers sealing each
    commit with sums and checking a segment whole before merging it."""

    storage: MappedStorage

    def __init__(self, storage: MappedStorage, schema: Any, indexname: str = "MAIN") -> None:
        # Not FileIndex.__init__: it unpickles the TOC, unchecked, to see that it can.
        self.storage, self._schema, self.indexname = storage, schema, indexname
        self._read_toc()

    def _read_toc(self) -> Any:
        generation = TOC._latest_generation(self.storage, self.indexname)
        if generation < 0:
            return TOC.read(self.storage, self.indexname, schema=self._schema)  # raises
        self.storage.check_toc(self.indexname, generation)
        return TOC.read(self.storage, self.indexname, gen=generation, schema=self._schema)

    def writer(self, procs: int = 1, **kwargs: Any) -> Any:
        writer = super().writer(procs, **kwargs)
        storage = self.storage
        commit_toc, add_reader = writer._commit_toc, writer.add_reader

        def sealed_commit_toc(segments: list[Any]) -> None:
            storage.seal([segment.segment_id() for segment in segments])
            try:
                commit_toc(segments)
            finally:
                storage.seal(None)
            integrity.remove_other_sums(storage.folder, writer.indexname, writer.generation)

        def checked_add_reader(reader: Any) -> None:
            if hasattr(reader, "segment"):  # a segment being merged into the new one
                storage.check_segment(reader.segment().segment_id())
            add_reader(reader)

        writer._commit_toc, writer.add_reader = sealed_commit_toc, checked_add_reader
        return writer


def sums_required(folder: str) -> bool:
    """Whether the index in `folder` was made with sums (its marker says so)."""
    try:
        with open(os.path.join(folder, MARKER), encoding="utf-8") as handle:
            return json.load(handle).get("checksums") == integrity.FORMAT
    except (OSError, ValueError, AttributeError):
        return False


def open_folder(folder: str, schema: Any) -> Any:
    # Our own schema, not the one pickled in the index: the index is trusted for its
    # data only, and the marker has vouched for its layout.
    return MappedStorage(folder, required=sums_required(folder)).open_index(schema=schema)


def build_empty(real: str) -> str:
    """A new, empty quoteidx index in a new folder next to `real`."""
    folder = new_folder(real)
    MappedStorage(folder).create_index(build_schema())
    with open(os.path.join(folder, MARKER), "w", encoding="utf-8") as handle:
        json.dump({"format": "quoteidx-whoosh", "schema": SCHEMA_VERSION,
                   "checksums": integrity.FORMAT}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    fsync_folder(folder)
    return folder


def check_marker(location: str) -> None:
    """Raise IndexMissing if there is no index at `location`, IndexIncompatible if it was
    made by another version of quoteidx, StoreError if it is a Whoosh index not ours."""
    marker = os.path.join(location, MARKER)
    try:
        with open(marker, encoding="utf-8") as handle:
            version = json.load(handle).get("schema")
    except FileNotFoundError:
        if os.path.isdir(location) and index.exists_in(location):
            # Not ours: never replaced, even by a rebuild.
            raise StoreError(
                f"{location} holds a Whoosh index not made by quoteidx; "
                "choose another directory with --index"
            ) from None
        raise IndexMissing(f"no index at {location}") from None
    except (OSError, ValueError, AttributeError) as err:
        raise IndexIncompatible(f"unreadable index marker {marker}: {err}") from None
    if version != SCHEMA_VERSION:
        raise IndexIncompatible(
            f"the index at {location} was made by another version of quoteidx "
            f"(schema {version}, expected {SCHEMA_VERSION})"
        )


def rename_onto(new: str, real: str) -> None:
    """Rename folder `new` to `real`, which may exist as an empty folder."""
    try:
        os.rename(new, real)
    except OSError:
        if not os.path.isdir(real) or os.listdir(real):
            raise
        os.rmdir(real)  # Windows will not rename onto an empty folder; POSIX does
        os.rename(new, real)
    fsync_folder(os.path.dirname(real))


def folder_size(folder: str) -> int:
    total = 0
    for name in os.listdir(folder):
        try:
            found = os.stat(os.path.join(folder, name))
        except FileNotFoundError:
            continue  # deleted by a commit while we counted
        if stat.S_ISREG(found.st_mode):
            total += found.st_size
    return total


def remember_missing_columns(writer: Any) -> None:
    """Writing a segment's postings asks for each posting's field length, and for a field
    with no lengths (the ID fields) Whoosh looks for the column's file again every time:
    a stat() call per posting, ~5% of a build. The answer cannot change while the
    segment is written, so it is asked once per field. The lengths themselves are read
    once per field, not once per posting (a column read and a decode each: ~13% of a
    helper's CPU), and answered as Whoosh's doc_field_length answers."""
    make_reader = writer.per_document_reader

    def per_document_reader() -> Any:
        reader = make_reader()
        has_column = reader.has_column
        known: dict[str, bool] = {}

        def remembered(fieldname: str) -> bool:
            if fieldname not in known:
                known[fieldname] = has_column(fieldname)
            return known[fieldname]

        reader.has_column = remembered
        reader.doc_field_length = _lengths_read_once(reader)
        return reader

    writer.per_document_reader = per_document_reader


def _lengths_read_once(reader: Any) -> Any:
    """W3PerDocReader.doc_field_length, each field's length column decoded whole on its
    first use: `default` for a field without lengths, None for a document without one
    (a zero byte), else the length the byte stands for."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
    from whoosh.util.numeric import byte_to_length

    count = reader.doc_count_all()
    tables: dict[str, list[int | None] | None] = {}

    def doc_field_length(docnum: int, fieldname: str, default: int = 0) -> int | None:
        if docnum > count:
            raise IndexError(f"Asked for docnum {docnum!r} of {count}")
        if fieldname in tables:
            table = tables[fieldname]
        else:
            column = reader._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
            table = tables[fieldname] = None if column is None else [
                byte_to_length(byte) if byte else None for byte in column.load()]
        if table is None:
            return default
        # Whoosh's column answers its default (0: no length) past its last value.
        return table[docnum] if docnum < len(table) else None

    return doc_field_length
