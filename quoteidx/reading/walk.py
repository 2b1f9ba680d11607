"""Which files to read: paths and folders in, file names (or a ReadError) out."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, AnyStr

from quoteidx.reading.document import ReadError
from quoteidx.reading.files import DOCUMENT_SUFFIXES


def iter_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | ReadError]:
    """Document files under the given paths, in a stable (sorted) order.

    A file is yielded as named, whatever its suffix; `-` (stdin) is passed through.
    Folders are walked recursively for DOCUMENT_SUFFIXES, skipping hidden files and
    folders, following symlinks, but never into a folder already being walked: a symlink
    loop is one ReadError and the walk goes on; a second link to a folder already read
    is skipped quietly (its files would only be read twice). A folder that cannot be
    listed is a ReadError too.
    """
    for path in paths:
        name = os.fspath(path)
        if name == "-" or os.path.isfile(name):
            yield name
        elif os.path.isdir(name):
            yield from _walk(name)
        elif os.path.lexists(name):
            yield name  # a pipe or device, or a broken link: reading says what is wrong
        else:
            yield ReadError(name, "no such file or folder")


def _walk(top: str) -> Iterator[str | ReadError]:
    errors: list[OSError] = []
    try:
        info = os.stat(top)
    except OSError as err:
        yield ReadError(top, f"cannot read folder: {err.strerror or err}")
        return
    seen = {(info.st_dev, info.st_ino): top}  # folder identity -> where first walked
    for root, dirs, files in os.walk(top, onerror=errors.append, followlinks=True):
        while errors:
            err = errors.pop(0)
            yield ReadError(err.filename or root, f"cannot read folder: {err.strerror or err}")
        keep = []
        for folder in sorted(dirs):
            if folder.startswith("."):
                continue
            full = os.path.join(root, folder)
            try:
                info = os.stat(full)
            except OSError as err:  # gone, or a link to nowhere
                yield ReadError(full, f"cannot read folder: {err.strerror or err}")
                continue
            first = seen.setdefault((info.st_dev, info.st_ino), full)
            if first == full:
                keep.append(folder)
            elif full.startswith(first + os.sep):
                yield ReadError(full, f"symlink loop: leads back to {first}; not followed")
        dirs[:] = keep
        for file in sorted(files):
            if not file.startswith(".") and Path(file).suffix.lower() in DOCUMENT_SUFFIXES:
                yield os.path.join(root, file)
    while errors:
        err = errors.pop(0)
        yield ReadError(err.filename or top, f"cannot read folder: {err.strerror or err}")


def read_paths_from(stream: IO[AnyStr]) -> Iterator[str]:
    """File names, one per line, as `find` prints them (for `--stdin-paths`).

    Line ends (LF or CRLF) are removed and blank lines skipped; other spaces are kept,
    since they may be part of a name. A binary stream's names are decoded the way the
    operating system decodes file names."""
    for line in stream:
        name = os.fsdecode(line) if isinstance(line, bytes) else line
        name = name.rstrip("\r\n")
        if name.strip():
            yield name
