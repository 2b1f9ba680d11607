"""How close a claim is to a quote: the part of the quote that lines up with the claim,
a similarity score for it, and the word-by-word differences.

rapidfuzz's partial_ratio_alignment finds where in a (longer) quote a claim lines up,
character by character and in order, so a shortened quote is found inside a long
one. The window is then snapped to whole words and scored with fuzz.ratio (order
matters: "dog bites man" is not "man bites dog"); a claim with its words merely
reordered still scores as similar through token_sort_ratio, at a discount. The word
diff is difflib's SequenceMatcher over words: the differences a person reads.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from quoteidx.factcheck.text import Normalised, normalise

REORDER_DISCOUNT = 0.9  # reordered words are close, never as close as the same order


@dataclass(frozen=True, slots=True)
class WordDiff:
    """One step of the word diff: `op` is equal, replace, delete (only in the claim) or
    insert (only in the quote)."""

    op: str
    claim: str
    quote: str


@dataclass(frozen=True, slots=True)
class Comparison:
    score: float  # 0-100
    exact: bool  # every word of the claim, in order and together, is in the quote
    span: tuple[int, int]  # the matching part of the quote's text (original offsets)
    diff: tuple[WordDiff, ...]


def compare(claim: Normalised, text: str) -> Comparison:
    from rapidfuzz import fuzz

    quote = normalise(text)
    if not claim.text or not quote.text:
        return Comparison(0.0, False, (0, 0), ())
    at = f" {quote.text} ".find(f" {claim.text} ")
    if at >= 0:
        span = quote.original_span(at, at + len(claim.text))
        words = quote.as_written(quote.word_spans(at, at + len(claim.text)))
        return Comparison(100.0, True, span,
                          (WordDiff("equal", claim.as_written(claim.word_spans()), words),))
    if len(claim.text) < len(quote.text):
        aligned = fuzz.partial_ratio_alignment(claim.text, quote.text)
        start, end = _best_window(claim.text, quote.text, aligned.dest_start, aligned.dest_end)
    else:
        start, end = 0, len(quote.text)  # the claim says more than the quote: all of it
    window = quote.text[start:end]
    score = max(fuzz.ratio(claim.text, window),
                REORDER_DISCOUNT * fuzz.token_sort_ratio(claim.text, window))
    return Comparison(round(score, 1), False, quote.original_span(start, end),
                      word_diff(claim, quote, start, end))


def _best_window(claim: str, quote: str, start: int, end: int) -> tuple[int, int]:
    """The aligned characters widened to whole words, then grown or shrunk a word at a
    time at either end while that brings the window closer to the claim."""
    from rapidfuzz import fuzz

    starts = [0] + [i + 1 for i, ch in enumerate(quote) if ch == " "]
    ends = [i for i, ch in enumerate(quote) if ch == " "] + [len(quote)]
    first = max(n for n, s in enumerate(starts) if s <= start)
    last = min(n for n, e in enumerate(ends) if e >= end)
    best = fuzz.ratio(claim, quote[starts[first]:ends[last]])
    improved = True
    while improved:
        improved = False
        for a, b in ((first - 1, last), (first + 1, last), (first, last - 1), (first, last + 1)):
            if 0 <= a <= b < len(starts):
                score = fuzz.ratio(claim, quote[starts[a]:ends[b]])
                if score > best:
                    best, first, last, improved = score, a, b, True
                    break
    return starts[first], ends[last]


def word_diff(claim: Normalised, quote: Normalised, start: int, end: int
              ) -> tuple[WordDiff, ...]:
    """The claim against quote.text[start:end], compared as normalised words and shown
    as written (case, punctuation and apostrophes as in each text)."""
    ours, theirs = claim.word_spans(), quote.word_spans(start, end)
    matcher = difflib.SequenceMatcher(
        None, [claim.text[a:b] for a, b in ours], [quote.text[a:b] for a, b in theirs],
        autojunk=False)
    return tuple(
        WordDiff(op, claim.as_written(ours[a1:a2]), quote.as_written(theirs[b1:b2]))
        for op, a1, a2, b1, b2 in matcher.get_opcodes()
    )
