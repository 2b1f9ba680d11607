"""quoteidx: find every attributed quotation in news articles, index it, search it.

Library API (the CLI is a thin layer over it)::

    from quoteidx import extract_text, extract_document, read_file
    for quote in extract_text(article):
        print(quote.speaker, quote.text)

    import quoteidx
    with quoteidx.open_index(".quoteidx", create=True) as index:
        index.add(["corpus"])
        print(index.verify("we are cursed with never getting peace", speaker="Khan").verdict)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Imported lazily so that `import quoteidx` (and `quoteidx --help`) stays fast:
# name -> "module" (the same name there) or "module:name".
_LAZY = {
    "open_index": "quoteidx.index",
    "Index": "quoteidx.index",
    "extract_document": "quoteidx.extract",
    "extract_text": "quoteidx.extract",
    "extract_paths": "quoteidx.parallel:extract_all",
    "read_file": "quoteidx.reading",
    "read_text": "quoteidx.reading",
    "read_documents": "quoteidx.reading",
    "Document": "quoteidx.reading",
    "ReadError": "quoteidx.reading",
    "Quote": "quoteidx.record",
    "Source": "quoteidx.record",
}

__all__ = [
    "Document", "Index", "Quote", "ReadError", "Source", "__version__", "extract_document",
    "extract_paths", "extract_text", "open_index", "read_documents", "read_file", "read_text",
]

if TYPE_CHECKING:
    from quoteidx.extract import extract_document, extract_text
    from quoteidx.index import Index, open_index
    from quoteidx.parallel import extract_all as extract_paths
    from quoteidx.reading import Document, ReadError, read_documents, read_file, read_text
    from quoteidx.record import Quote, Source


def __getattr__(name: str) -> Any:
    where = _LAZY.get(name)
    if where is None:
        raise AttributeError(f"module 'quoteidx' has no attribute {name!r}")
    import importlib

    module, _, attribute = where.partition(":")
    return getattr(importlib.import_module(module), attribute or name)
