"""The tokenizer's fast paths (plain words and commas tried first, for speed) cut text
exactly as its full pattern alone does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from quoteidx.finding.tokens import _SPACED_TOKEN, _TOKEN, tokenize

_REFERENCE = re.compile(r"(\s*+)(" + _TOKEN.pattern + ")")  # the pattern without fast paths

# Pieces where the alternatives before a plain word match: abbreviations, initials,
# web addresses, inner apostrophes, marks written as two, a masked quote.
_PIECES = ["Mr.", "Mrs", "Dr", "St.", "Gen.", "U.S.", "u.s.", "e.g.", "A.", "S.", "Mark",
           "Harbour.com", "ruiz.org", "al-Assad", "don’t", "Ruiz's", "well-known", "''",
           "``", "'", "’", ".", ",", "\ue000\ue000", "1.2", "9-11", "x", "I", "Éric", "_a",
           "Jr.", "Sgt", "net", "B.C.", "s", "-", "A.B", "ab.", "Cmdr.", "(", "?"]
_GLUE = ["", " ", "  ", "\n", ".", "'", "’", "-"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_GLUE)), max_size=10))
def test_fast_paths_cut_tricky_text_as_the_full_pattern(pieces: list[tuple[str, str]]) -> None:
    text = "".join(piece + glue for piece, glue in pieces)
    assert _SPACED_TOKEN.findall(text) == _REFERENCE.findall(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZbY.'’- \n,;:!?()\ue000_9éÉ`MrsDtcomrg", max_size=30))
def test_fast_paths_cut_any_text_as_the_full_pattern(text: str) -> None:
    assert _SPACED_TOKEN.findall(text) == _REFERENCE.findall(text)


def test_tokens_keep_their_offsets() -> None:
    text = "Mr. Ruiz, of Harbour.com, said: \ue000\ue000 (e.g. U.S. don’t)"
    tokens = tokenize(text, 100)
    assert [t.text for t in tokens] == ["Mr.", "Ruiz", ",", "of", "Harbour.com", ",", "said",
                                        ":", "\ue000\ue000", "(", "e.g.", "U.S.", "don’t", ")"]
    assert all(text[t.start - 100:t.end - 100] == t.text for t in tokens)
