"""The extraction pipeline: a document in, its attributed quotation records out. Files
and folders in, on one core or several: quoteidx.parallel.extract_all (also
`quoteidx.extract_paths`), which calls this."""

from __future__ import annotations

from quoteidx.attributing.quotes import attribute
from quoteidx.finding import find_quotations
from quoteidx.reading import Document, read_text
from quoteidx.record import Quote


def extract_document(document: Document) -> list[Quote]:
    """Every direct quote and reported claim in the document, in text order."""
    findings = find_quotations(document.text, document.body_start)
    return attribute(findings, document)


def extract_text(text: str, path: str = "<text>") -> list[Quote]:
    """Convenience for scripts: quotes in a string (front matter honoured)."""
    return extract_document(read_text(text, path))
