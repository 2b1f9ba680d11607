"""Fact-checking: from a claim to the quote that was (or was not) said, and by whom."""

from quoteidx.factcheck.compare import Comparison, WordDiff, compare
from quoteidx.factcheck.text import normalise
from quoteidx.factcheck.verify import (
    CONFIRMED,
    EXIT_CODES,
    MIN_SCORE,
    MISATTRIBUTED,
    NOT_FOUND,
    SIMILAR,
    Candidate,
    ClaimError,
    Report,
    verify,
)

__all__ = [
    "CONFIRMED", "EXIT_CODES", "MIN_SCORE", "MISATTRIBUTED", "NOT_FOUND", "SIMILAR",
    "Candidate", "ClaimError", "Comparison", "Report", "WordDiff", "compare", "normalise",
    "verify",
]
