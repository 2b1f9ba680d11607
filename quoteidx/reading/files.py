"""One file (or stdin) to Documents, by its kind: text, Markdown, HTML, JSON Lines."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from quoteidx.reading.decode import DecodeError, detect
from quoteidx.reading.document import Document, ReadError
from quoteidx.reading.frontmatter import FrontMatterError, source_from_meta, split_front_matter
from quoteidx.reading.limits import MAX_DOCUMENT_BYTES, too_large

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
# What a folder walk picks up; a file named on the command line is read whatever its name
# (as text, or as HTML when its content says so).
DOCUMENT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN_NAME = "<stdin>"


def read_text(
    text: str, path: str = "<text>", encoding: str | None = None, *, required: bool = False
) -> Document:
    """A Document from text already in memory (front matter honoured, a BOM dropped).

    With `required`, a text with nothing after its front matter is a ReadError."""
    text = text.removeprefix("\ufeff")
    try:
        meta, body_start = split_front_matter(text)
    except FrontMatterError as err:
        raise ReadError(path, str(err)) from None
    if required and body_start and not text[body_start:].strip():
        raise ReadError(path, "nothing after the front matter")
    source = source_from_meta(path, meta)
    return Document(text=text, source=source, body_start=body_start, encoding=encoding)


def read_file(path: str | os.PathLike[str]) -> Document:
    """The one Document in a text, Markdown or HTML file, or a ReadError.

    A JSON Lines file holds many: read it with `read_path` (or `read_documents`), or
    name one of its lines as `exports.jsonl#7` or `exports.jsonl#id=ID`."""
    name = os.fspath(path)
    if name == "-":
        return read_stdin()
    line = _jsonl_line(name)
    if line is not None:
        return line
    if Path(name).suffix.lower() in JSONL_SUFFIXES:
        raise ReadError(name, "a JSON Lines file holds many documents; read it with read_path()")
    return _from_bytes(read_bytes(name), name, Path(name).suffix.lower())


def read_path(path: str | os.PathLike[str]) -> Iterator[Document | ReadError]:
    """Every Document in one file (many for JSON Lines), a ReadError for each bad one."""
    name = os.fspath(path)
    if Path(name).suffix.lower() not in JSONL_SUFFIXES or name == "-":
        try:
            yield read_file(name)
        except ReadError as err:
            yield err
        return
    from quoteidx.reading.jsonl import read_jsonl

    try:
        _check_regular(name)
        handle = open(name, "rb")  # noqa: SIM115  closed below, after a lazy iteration
    except ReadError as err:
        yield err
        return
    except OSError as err:
        yield ReadError(name, _cannot_read(err))
        return
    with handle:
        try:
            yield from read_jsonl(name, handle)
        except OSError as err:  # the file went away or broke while being read
            yield ReadError(name, _cannot_read(err))


def read_stdin(stream: BinaryIO | None = None, name: str = STDIN_NAME) -> Document:
    """One document from standard input (or `stream`): text with optional front matter,
    or an HTML page when it starts like one. Its source path is `<stdin>`."""
    if stream is None:
        stream = sys.stdin.buffer
    try:
        data = stream.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as err:
        raise ReadError(name, _cannot_read(err)) from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ReadError(name, too_large(None))
    return _from_bytes(data, name, "")


def read_bytes(name: str) -> bytes:
    """A regular file's bytes, at most MAX_DOCUMENT_BYTES of them, or a ReadError."""
    size = _check_regular(name)
    if size > MAX_DOCUMENT_BYTES:
        raise ReadError(name, too_large(size))
    try:
        with open(name, "rb") as handle:
            data = handle.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as err:
        raise ReadError(name, _cannot_read(err)) from None
    if len(data) > MAX_DOCUMENT_BYTES:  # it grew since we looked
        raise ReadError(name, too_large(len(data)))
    return data


def _check_regular(name: str) -> int:
    """The size of a regular file; a ReadError for folders, pipes, devices, nothing.
    Checked before opening: opening a named pipe would wait for a writer forever."""
    try:
        info = os.stat(name)
    except OSError as err:
        raise ReadError(name, _cannot_read(err)) from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError(name, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ReadError(name, "not a regular file (a pipe, socket or device)")
    return info.st_size


def _from_bytes(data: bytes, name: str, suffix: str) -> Document:
    if not data:
        raise ReadError(name, "empty file")
    if suffix in HTML_SUFFIXES:
        from quoteidx.reading.html import read_html

        return read_html(data, name)
    try:
        decoded = detect(data)
    except DecodeError as err:
        raise ReadError(name, str(err)) from None
    if not decoded.text:
        raise ReadError(name, "empty file")
    if not decoded.text.strip():
        raise ReadError(name, "only whitespace")
    if suffix not in TEXT_SUFFIXES:
        from quoteidx.reading.html import html_document, looks_like_html

        if looks_like_html(decoded.text):
            return html_document(decoded.text, name, decoded.encoding)
    return read_text(decoded.text, name, decoded.encoding, required=True)


def _jsonl_line(name: str) -> Document | None:
    """`exports.jsonl#7` or `exports.jsonl#id=ID`: that line's Document (None when the
    name is not of that form, or is a file of its own)."""
    if os.path.exists(name):
        return None
    # The file is what comes before some "#" (an id may hold one): the first such part
    # that is a file, else the longest (whose reading then says what is wrong).
    bases = [name[:at] for at, char in enumerate(name)
             if char == "#" and Path(name[:at]).suffix.lower() in JSONL_SUFFIXES]
    if not bases:
        return None
    base = next((each for each in bases if os.path.isfile(each)), bases[-1])
    for item in read_path(base):
        if isinstance(item, ReadError):
            if item.line is None:
                raise item
            if f"{base}#{item.line}" == name:
                raise item
        elif item.source.path == name:
            return item
    raise ReadError(name, "no such line or id in the JSON Lines file")


def _cannot_read(err: OSError) -> str:
    reason = err.strerror or str(err)
    return f"cannot read: {reason[:1].lower()}{reason[1:]}"
