"""Fact-checking: from a claim to the quote that was (or was not) said, and by whom."""

from quoteidx.factcheck.claims import Claim, read_claims
from quoteidx.factcheck.compare import Comparison, WordDiff, compare
from quoteidx.factcheck.text import normalise
from quoteidx.factcheck.verify import (
    CONFIRMED,
    EXIT_CODES,
    MIN_SCORE,
    MISATTRIBUTED,
    NOT_FOUND,
    SEVERITY,
    SIMILAR,
    UNKNOWN_SPEAKER,
    Candidate,
    ClaimError,
    Report,
    verify,
    worst,
)

__all__ = [
    "CONFIRMED", "EXIT_CODES", "MIN_SCORE", "MISATTRIBUTED", "NOT_FOUND", "SEVERITY", "SIMILAR",
    "UNKNOWN_SPEAKER", "Candidate", "Claim", "ClaimError", "Comparison", "Report", "WordDiff",
    "compare", "normalise", "read_claims", "verify", "worst",
]
