"""quoteidx: find every attributed quotation in news articles, index it, search it.

Library API (the CLI is a thin layer over it)::

    from quoteidx import extract_text, extract_document, read_file
    for quote in extract_text(article):
        print(quote.speaker, quote.text)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# Imported lazily so that `import quoteidx` (and `quoteidx --help`) stays fast.
_LAZY = {
    "extract_document": "quoteidx.extract",
    "extract_text": "quoteidx.extract",
    "extract_paths": "quoteidx.extract",
    "read_file": "quoteidx.reading",
    "read_text": "quoteidx.reading",
    "read_documents": "quoteidx.reading",
    "Document": "quoteidx.reading",
    "ReadError": "quoteidx.reading",
    "Quote": "quoteidx.record",
    "Source": "quoteidx.record",
}

__all__ = [
    "Document", "Quote", "ReadError", "Source", "__version__", "extract_document",
    "extract_paths", "extract_text", "read_documents", "read_file", "read_text",
]

if TYPE_CHECKING:
    from quoteidx.extract import extract_document, extract_paths, extract_text
    from quoteidx.reading import Document, ReadError, read_documents, read_file, read_text
    from quoteidx.record import Quote, Source


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'quoteidx' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
