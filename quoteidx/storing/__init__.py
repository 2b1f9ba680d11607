"""Storing quotes in an index and reading them back.

`open_store` is the one way in; it picks the backend (Whoosh, for now) and imports it
lazily, so that importing this package stays cheap."""

from __future__ import annotations

import os

from quoteidx.storing.base import (
    DocumentInfo,
    Hit,
    IndexBusy,
    IndexIncompatible,
    IndexMissing,
    SearchResult,
    SpeakerInfo,
    Stats,
    Store,
    StoreError,
    StoreWriter,
)

__all__ = [
    "DEFAULT_INDEX", "INDEX_ENV", "DocumentInfo", "Hit", "IndexBusy", "IndexIncompatible",
    "IndexMissing", "SearchResult", "SpeakerInfo", "Stats", "Store", "StoreError",
    "StoreWriter", "index_location", "open_store",
]

DEFAULT_INDEX = ".quoteidx"  # relative to the current directory, like .git
INDEX_ENV = "QUOTEIDX_INDEX"


def index_location(explicit: str | os.PathLike[str] | None = None) -> str:
    """Where the index is: the explicit path, else $QUOTEIDX_INDEX, else ./.quoteidx."""
    if explicit:
        return os.fspath(explicit)
    return os.environ.get(INDEX_ENV) or DEFAULT_INDEX


def open_store(
    location: str | os.PathLike[str], *, create: bool = False, replace_incompatible: bool = False
) -> Store:
    """Open the index at `location`. Without `create`, a missing index raises
    IndexMissing rather than silently making an empty one. `replace_incompatible`
    (for rebuilds) starts afresh over an index made by another version."""
    from quoteidx.storing.whoosh_store import WhooshStore

    if create:
        return WhooshStore.open_or_create(
            os.fspath(location), replace_incompatible=replace_incompatible
        )
    return WhooshStore.open(os.fspath(location))
