"""The extraction pipeline: a document in, its attributed quotation records out."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from quoteidx.attributing import attribute
from quoteidx.finding import find_quotations
from quoteidx.reading import Document, ReadError, read_documents, read_text
from quoteidx.record import Quote


def extract_document(document: Document) -> list[Quote]:
    """Every direct quote and reported claim in the document, in text order."""
    findings = find_quotations(document.text, document.body_start)
    return attribute(findings, document)


def extract_text(text: str, path: str = "<text>") -> list[Quote]:
    """Convenience for scripts: quotes in a string (front matter honoured)."""
    return extract_document(read_text(text, path))


def extract_paths(
    paths: Iterable[str | os.PathLike[str]],
) -> Iterator[tuple[Document, list[Quote]] | ReadError]:
    """(document, quotes) for each readable file under paths; a ReadError for the others."""
    for item in read_documents(paths):
        if isinstance(item, ReadError):
            yield item
        else:
            yield item, extract_document(item)
