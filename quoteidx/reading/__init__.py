"""Reading documents: files and folders in, Documents (or a ReadError per bad input) out.

Formats, by file name: `.txt`/`.text`/`.md`/`.markdown` (text, with optional `---`
front matter), `.html`/`.htm` (the article text and metadata of a page, via
trafilatura), `.jsonl` (one article per line). `-` reads one document from stdin.
A bad file never stops a run: it becomes one ReadError, whose `str` is one line naming
the file and the reason, and reading goes on with the next.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from quoteidx.reading.document import Document, ReadError
from quoteidx.reading.files import (
    DOCUMENT_SUFFIXES,
    STDIN_NAME,
    read_file,
    read_path,
    read_stdin,
    read_text,
)
from quoteidx.reading.limits import MAX_DOCUMENT_BYTES
from quoteidx.reading.walk import iter_files, read_paths_from

__all__ = [
    "DOCUMENT_SUFFIXES",
    "MAX_BYTES",
    "MAX_DOCUMENT_BYTES",
    "STDIN_NAME",
    "Document",
    "ReadError",
    "iter_files",
    "read_documents",
    "read_file",
    "read_path",
    "read_paths_from",
    "read_stdin",
    "read_text",
]

MAX_BYTES = MAX_DOCUMENT_BYTES  # the earlier name


def read_documents(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Document | ReadError]:
    """Every document under the given paths (`-` for stdin), in a stable order; a
    ReadError for each file, line or folder that cannot be read."""
    for item in iter_files(paths):
        if isinstance(item, ReadError):
            yield item
        else:
            yield from read_path(item)
