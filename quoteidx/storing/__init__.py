"""Storing quotes in an index and reading them back.

`open_store` is the one way in: the location picks the backend (a folder is a Whoosh
index; a URL's scheme names a server backend), which is imported only then, so that
importing this package stays cheap. Nothing outside `storing/` asks which it is."""

from __future__ import annotations

import importlib
import os
import re

from quoteidx.storing.base import (
    DocumentInfo,
    DocumentSpeakers,
    Hit,
    IndexBusy,
    IndexDamaged,
    IndexIncompatible,
    IndexMissing,
    SearchResult,
    SpeakerCount,
    SpeakerInfo,
    Stats,
    Store,
    StoreError,
    StoreWriter,
    speaker_counts,
)

__all__ = [
    "DEFAULT_INDEX", "INDEX_ENV", "DocumentInfo", "DocumentSpeakers", "Hit", "IndexBusy",
    "IndexDamaged", "IndexIncompatible", "IndexMissing", "SearchResult", "SpeakerCount",
    "SpeakerInfo", "Stats", "Store", "StoreError", "StoreWriter", "backend_name",
    "find_index", "index_location", "open_store", "shown_location", "speaker_counts",
]

DEFAULT_INDEX = ".quoteidx"  # relative to the current directory, like .git
INDEX_ENV = "QUOTEIDX_INDEX"
# A location's URL scheme -> the module whose open_store(location, create=,
# replace_incompatible=) opens it; a location without a scheme is a folder.
BACKENDS: dict[str, str] = {
    "": "quoteidx.storing.whoosh.store",
    "postgresql": "quoteidx.storing.postgres.store",
    "postgres": "quoteidx.storing.postgres.store",
}
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")


def index_location(explicit: str | os.PathLike[str] | None = None) -> str:
    """Where the index is: the explicit path, else $QUOTEIDX_INDEX, else the nearest
    `.quoteidx` folder in the current folder or one above it (as git finds `.git`),
    else ./.quoteidx (where `quoteidx index` makes one)."""
    if explicit:
        return os.fspath(explicit)
    return os.environ.get(INDEX_ENV) or find_index() or DEFAULT_INDEX


def find_index(start: str | None = None) -> str | None:
    """The nearest `.quoteidx` folder in `start` (the current folder) or a folder above
    it, as a path relative to the current folder; None if there is none."""
    here = os.path.abspath(start or os.curdir)
    while True:
        candidate = os.path.join(here, DEFAULT_INDEX)
        if os.path.isdir(candidate):
            relative = os.path.relpath(candidate)
            return DEFAULT_INDEX if relative == DEFAULT_INDEX else relative
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def shown_location(location: str | os.PathLike[str]) -> str:
    """A location as a message may show it: a URL's password replaced by ***."""
    where = os.fspath(location)
    if not _SCHEME.match(where):
        return where
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(where)
    if parts.password is None:
        return where
    user = f"{parts.username}:***@" if parts.username else ":***@"
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=user + host))


def open_store(
    location: str | os.PathLike[str], *, create: bool = False, replace_incompatible: bool = False
) -> Store:
    """Open the index at `location`: a folder, or a URL whose scheme names a backend.
    Without `create`, a missing index raises IndexMissing rather than silently making an
    empty one. `replace_incompatible` (for rebuilds) starts afresh over an index made by
    another version."""
    where = os.fspath(location)
    backend = importlib.import_module(BACKENDS[backend_name(where)])
    return backend.open_store(where, create=create, replace_incompatible=replace_incompatible)


def backend_name(location: str) -> str:
    """The URL scheme of a location ("" for a folder); StoreError if no backend has it."""
    match = _SCHEME.match(location)
    scheme = match[1].lower() if match else ""
    if scheme not in BACKENDS:
        known = ", ".join(f"{name}://" for name in BACKENDS if name) or "none yet"
        raise StoreError(f"no index backend for {scheme}:// locations in this version of "
                         f"quoteidx (server backends: {known}); give a folder instead")
    return scheme
