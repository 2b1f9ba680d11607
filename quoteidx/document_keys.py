"""Document keys: how the index names a document, by its file's path relative to the
index's base (the folder holding the index), so that an index moving with its folder, or
reached by another path, still knows its documents; and reading a document again from
its key."""

from __future__ import annotations

import os
import re

from quoteidx.reading import Document, ReadError, read_file, read_path
from quoteidx.storing import backend_name

# A document key is its file's path relative to the index's base (`document_base`),
# "/" between folders, "%" and "#" in it written %25 and %23 and
# a byte that is not UTF-8 (a surrogate escape, as Python reads such a name) %uDCXX,
# then for a line of a JSON Lines file "#" and the line's selector (`7`, `id=ID`). So
# a key is valid Unicode (an index stores text), it gives the file's name back exactly,
# and its first "#" always ends the file's part, whatever the file and the id are
# called: `x.jsonl#1` the file and line 1 of `x.jsonl` are two keys, an id may hold "#".
_KEY_ESCAPED = re.compile("[%#\ud800-\udfff]")
_KEY_ESCAPE = re.compile("%(?:25|23|u([0-9A-F]{4}))")


def _escape(char: str) -> str:
    return f"%{ord(char):02X}" if char in "%#" else f"%u{ord(char):04X}"


def _unescape(match: re.Match[str]) -> str:
    code = match.group(1)
    return chr(int(code, 16)) if code else {"%25": "%", "%23": "#"}[match.group()]


def document_base(location: str | os.PathLike[str]) -> str:
    """The folder document keys are relative to: the one holding the index folder (for
    `./.quoteidx`, the current folder), so that the index and the documents beside it
    can move together. A server's index has no folder: keys are relative to the current
    folder, so runs from several machines agree when each runs where its copy of the
    documents is laid out alike."""
    where = os.fspath(location)
    if backend_name(where):
        return os.path.realpath(os.getcwd())
    return os.path.dirname(os.path.realpath(where))


def document_key(path: str, source_path: str, base: str) -> str:
    """How the index names a document read from `path` (its source path is `path`, or
    `path#7` or `path#id=ID` for a line of a JSON Lines file): the path relative to
    `base`, the folder holding the file resolved, so a symlinked or ../ route to it
    gives the same key."""
    folder, name = os.path.split(os.path.abspath(path))
    relative = os.path.relpath(os.path.join(os.path.realpath(folder), name), base)
    escaped = _KEY_ESCAPED.sub(lambda match: _escape(match.group()),
                               relative.replace(os.sep, "/"))
    return escaped + source_path[len(path):]


def split_key(key: str) -> tuple[str, str | None]:
    """(the file a document key is in, relative to the base; the line's selector or
    None)."""
    head, mark, selector = key.partition("#")
    return _KEY_ESCAPE.sub(_unescape, head), selector if mark else None


def file_of(key: str, base: str) -> str:
    """The file a document key is in, as a path to open."""
    return os.path.normpath(os.path.join(base, split_key(key)[0].replace("/", os.sep)))


def shown_key(key: str) -> str:
    """A key as a person reads it: the file's path, then `#selector` for a line."""
    where, selector = split_key(key)
    return where if selector is None else f"{where}#{selector}"


def read_document(key: str, base: str) -> Document:
    """The document a key names, read again now; a ReadError if it cannot be."""
    where, selector = split_key(key)
    where = file_of(key, base)
    if selector is None:
        if not os.path.lexists(where):  # else read_file would take `x.jsonl#1` for a line
            raise ReadError(where, "cannot read: no such file or directory")
        return read_file(where)
    for item in read_path(where):
        if isinstance(item, ReadError):
            if item.line is None or selector == str(item.line):
                raise item
        elif document_key(where, item.source.path, base) == key:
            return item
    raise ReadError(shown_key(key), "no such line or id in the JSON Lines file")
