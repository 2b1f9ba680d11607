"""The files of a Whoosh index folder: read memory-mapped, made complete next to their
place before they are renamed there, and marked with the layout they were made with."""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import secrets
import stat
from typing import Any

from whoosh import index
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import StructFile

from quoteidx.storing.base import IndexIncompatible, IndexMissing, StoreError
from quoteidx.storing.whoosh.folders import new_folder
from quoteidx.storing.whoosh.schema import SCHEMA_VERSION, build_schema

MARKER = "quoteidx.json"


class MappedFile(StructFile):
    """A read-only index file mapped into memory: Whoosh reads a document's length or
    stored fields at any position, which on a plain file is a seek and a read each."""

    def get(self, position: int, length: int) -> bytes:
        return self.file[position:position + length]


class MappedStorage(FileStorage):
    """Whoosh's folder storage, with the files it reads memory-mapped (the operating
    system's page cache is then the only copy). Writing is unchanged."""

    def open_file(self, name: str, **kwargs: Any) -> Any:
        with open(self._fpath(name), "rb") as handle:
            if os.fstat(handle.fileno()).st_size == 0:  # an empty file cannot be mapped
                return super().open_file(name, **kwargs)
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        return MappedFile(mapped, name=name, **kwargs)

    def temp_storage(self, name: str | None = None) -> FileStorage:
        """A writer's scratch folder inside the index folder, made with mkdir, never
        makedirs: a writer still running after the index folder was deleted under it
        must fail, not make the folder again with half an index in it."""
        path = os.path.join(self.folder, name or f"{secrets.token_hex(8)}.tmp")
        with contextlib.suppress(FileExistsError):
            os.mkdir(path)
        return FileStorage(path)


def open_folder(folder: str, schema: Any) -> Any:
    # Our own schema, not the one pickled in the index: the index is trusted for its
    # data only, and the marker has vouched for its layout.
    return MappedStorage(folder).open_index(schema=schema)


def build_empty(real: str) -> str:
    """A new, empty quoteidx index in a new folder next to `real`."""
    folder = new_folder(real)
    index.create_in(folder, build_schema())
    with open(os.path.join(folder, MARKER), "w", encoding="utf-8") as handle:
        json.dump({"format": "quoteidx-whoosh", "schema": SCHEMA_VERSION}, handle)
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
    segment is written, so it is asked once per field."""
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
        return reader

    writer.per_document_reader = per_document_reader
