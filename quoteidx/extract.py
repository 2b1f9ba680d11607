"""The extraction pipeline: a document in, its attributed quotation records out."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from quoteidx.attributing import attribute
from quoteidx.finding import find_quotations
from quoteidx.reading import Document, ReadError, read_text
from quoteidx.record import Quote


def extract_document(document: Document) -> list[Quote]:
    """Every direct quote and reported claim in the document, in text order."""
    findings = find_quotations(document.text, document.body_start)
    return attribute(findings, document)


def extract_text(text: str, path: str = "<text>") -> list[Quote]:
    """Convenience for scripts: quotes in a string (front matter honoured)."""
    return extract_document(read_text(text, path))


def extract_paths(
    paths: Iterable[str | os.PathLike[str]], jobs: int = 1
) -> Iterator[tuple[Document, list[Quote]] | ReadError]:
    """(document, quotes) for each readable file under paths, a ReadError for the others,
    in input order; `jobs` processes (0: one per core)."""
    from quoteidx.parallel import extract_all  # the one driver, sequential or not

    return extract_all(paths, jobs)
