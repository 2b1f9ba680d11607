"""Property: the extractor takes any text, including quote-mark soup, without raising or
looping, and every record's offsets lie inside the text and reproduce its `text`."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from expect import assert_provenance
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteidx.extract import extract_text
from quoteidx.reading import ReadError
from quoteidx.record import Quote

MARKS = ["\u201c", "\u201d", '"', "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "'"]
PIECES = [
    *MARKS,
    " ", " ", " ", "\n", "\r\n", "\n\n", "\r\n\r\n", "\t", ",", ".", ":", ";", "?", "!",
    "\u2014", "-", "(", ")", "said", "says", "told", "added", "according to", "that",
    "Mary Smith", "Smith", "John", "he", "she", "they", "the minister", "President",
    "We", "will", "win", "not", "it", "is", "a", "lie", "Reuters", "on Tuesday",
]

soup = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=120
).map("".join)

FAST = settings(
    max_examples=150,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow],
)


def check_records(text: str, quotes: list[Quote]) -> None:
    document_text = text.removeprefix("\ufeff")  # the reader drops a BOM, nothing else
    for quote in quotes:
        assert_provenance(document_text, quote)


def extract_or_front_matter_error(text: str) -> list[Quote]:
    """extract_text raises only for malformed front matter, which needs a leading ---."""
    try:
        return extract_text(text)
    except ReadError:
        assert text.removeprefix("\ufeff").startswith("---")
        return []


@FAST
@given(soup)
def test_quote_mark_soup(text: str) -> None:
    check_records(text, extract_or_front_matter_error(text))


@FAST
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    check_records(text, extract_or_front_matter_error(text))


@FAST
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=60), st.integers(1, 5))
def test_paragraphs_of_soup(pieces: list[str], paragraphs: int) -> None:
    text = "\r\n\r\n".join("".join(pieces) for _ in range(paragraphs))
    check_records(text, extract_or_front_matter_error(text))


@pytest.mark.parametrize(
    "text",
    [
        "\u201c" * 5000,
        "\u201cx\u201d " * 2000 + "said Bob.",
        "Mary Smith said: \u201cWe will " * 1500,
        '"a" said Bob. ' * 1000,
        "\u00ab" * 3000 + "\u00bb" * 3000,
        "word " * 50_000,
    ],
    ids=["opening-marks", "many-pairs", "unclosed", "ascii-pairs", "guillemets", "one-paragraph"],
)
def test_thousands_of_quote_marks_finish(text: str) -> None:
    started = time.monotonic()
    check_records(text, extract_text(text))
    assert time.monotonic() - started < 20  # generous: a guard against runaway, not a benchmark
