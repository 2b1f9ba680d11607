"""The Whoosh backend: an index in a folder, each concern a module.

    schema.py   the fields and their analysis; quotes as Whoosh documents
    query.py    the parsed query as Whoosh queries; the request's filters
    search.py   reading: searches, quotes by id, speakers, figures
    topterm.py  scoring one-term queries a block of postings at a time
    writer.py   writing: one writer at a time, changes committed in one step
    storage.py  the folder's files: memory-mapped, marked with their layout
    folders.py  the write lock, swapping a rebuilt folder in, clearing leftovers
    store.py    the Store interface over them: opening, creating, reading

The rest of quoteidx talks to `quoteidx.storing.Store`; `open_store` (store.py) is what
`quoteidx.storing.open_store` calls for a location that is a folder.
"""

# Before any of the modules above imports Whoosh: see lean.py (a third of a cold search).
from quoteidx.storing.whoosh import lean  # noqa: E402,F401  isort: skip
