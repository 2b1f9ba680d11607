"""Reading documents: files and folders in, Documents (or a ReadError per bad file) out."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from quoteidx.reading.decode import DecodeError, decode
from quoteidx.reading.document import Document, ReadError
from quoteidx.reading.frontmatter import FrontMatterError, source_from_meta, split_front_matter

__all__ = ["Document", "ReadError", "iter_files", "read_documents", "read_file", "read_text"]

DOCUMENT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
MAX_BYTES = 64 * 1024 * 1024


def read_text(text: str, path: str = "<text>") -> Document:
    """A Document from text already in memory (front matter honoured)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        meta, body_start = split_front_matter(text)
    except FrontMatterError as err:
        raise ReadError(path, str(err)) from None
    return Document(text=text, source=source_from_meta(path, meta), body_start=body_start)


def read_file(path: str | os.PathLike[str]) -> Document:
    name = os.fspath(path)
    try:
        size = os.path.getsize(name)
        if size > MAX_BYTES:
            raise ReadError(name, f"too large ({size // 1_048_576} MB > {MAX_BYTES // 1_048_576} MB)")
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError as err:
        raise ReadError(name, err.strerror or str(err)) from None
    if not data.strip():
        raise ReadError(name, "empty file")
    try:
        text = decode(data)
    except DecodeError as err:
        raise ReadError(name, str(err)) from None
    if not text.strip():
        raise ReadError(name, "only whitespace")
    return read_text(text, name)


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | ReadError]:
    """Document files under the given paths in a stable order; folders recursively."""
    for path in paths:
        name = os.fspath(path)
        if os.path.isdir(name):
            seen: set[tuple[int, int]] = set()
            for root, dirs, files in os.walk(name, followlinks=True):
                stat = os.stat(root)
                if (stat.st_dev, stat.st_ino) in seen:  # a symlink loop
                    dirs[:] = []
                    continue
                seen.add((stat.st_dev, stat.st_ino))
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for file in sorted(files):
                    if Path(file).suffix.lower() in DOCUMENT_SUFFIXES and not file.startswith("."):
                        yield os.path.join(root, file)
        elif os.path.exists(name):
            yield name
        else:
            yield ReadError(name, "no such file or directory")


def read_documents(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Document | ReadError]:
    for item in iter_files(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        try:
            yield read_file(item)
        except ReadError as err:
            yield err
