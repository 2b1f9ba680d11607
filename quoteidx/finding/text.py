"""Paragraphs and sentences, as offsets into the document text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from quoteidx.finding.lexicon import ABBREVIATIONS
from quoteidx.finding.marks import Span

QUOTED = "\ue000"  # stands for every character inside quote marks in a masked paragraph
_LINE = re.compile(r"[^\r\n]+")
_END = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s+[\"“‘'«`(\[]*[A-Z0-9\ue000]|\s*$)|;(?=\s)")
_NON_BLANK = re.compile(r"\S")  # \s is str.isspace
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Every non-blank line is a paragraph (blank lines or single newlines separate them)."""
    spans = []
    for match in _LINE.finditer(text, start):
        a, b = match.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


def mask(text: str, start: int, end: int, spans: Iterable[Span]) -> str:
    """The paragraph text[start:end] with quoted words replaced, same length, so that
    sentence and cue patterns see a quote as one opaque block."""
    covered = sorted((max(span.start, start), min(span.end, end)) for span in spans)
    pieces = []
    at = start  # text before `at` is done
    for a, b in covered:
        a = max(a, at)
        if b <= a:
            continue
        pieces += (text[at:a], QUOTED * (b - a))
        at = b
    pieces.append(text[at:end])
    return "".join(pieces)


def sentences(masked: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans in a masked paragraph (offsets shifted by `offset`), each starting
    at its first non-blank character."""
    spans = []
    begin = 0
    for match in _END.finditer(masked):
        at, stop = match.span()
        if masked[at] == "." and _is_abbreviation(masked, at):
            continue
        first = _NON_BLANK.search(masked, begin, stop)
        if first is not None:
            spans.append((first.start() + offset, stop + offset))
        begin = stop
    first = _NON_BLANK.search(masked, begin)
    if first is not None:
        spans.append((first.start() + offset, len(masked) + offset))
    return spans


def _is_abbreviation(masked: str, dot: int) -> bool:
    match = _WORD_BEFORE.search(masked, max(0, dot - 12), dot + 1)
    if match is None:
        return False
    word = match.group(1).lower()
    if word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha() and masked[match.start(1)].isupper()  # initials
