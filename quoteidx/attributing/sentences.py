"""Where a sentence of a document's text starts and ends, cut by full stops and line
breaks: enough to tell a pronoun's sentence from the one before, and to read the
sentence that issued a statement."""

from __future__ import annotations

import re

# (a stop before a lower-case word ends an abbreviation, not a sentence: "Acme Corp. told")
SENTENCE_END = re.compile(r"[.?!]['’”\"]*\s+(?![a-z])")


def sentence_start(text: str, position: int) -> int:
    """Where the sentence holding `position` starts, as far as full stops (also inside a
    closing mark) and line breaks show: a rough cut, enough to tell this sentence from
    the one before."""
    window = max(0, position - 1500)
    # The last end before `position`: looked for in the 300 characters before it first
    # (where it nearly always is; a match cannot start inside another, each opens on a
    # stop), the whole window only if none is there.
    last = None
    for match in SENTENCE_END.finditer(text, max(window, position - 300), position):
        last = match
    if last is None and position - 300 > window:
        for match in SENTENCE_END.finditer(text, window, position):
            last = match
    return max(last.end() if last is not None else window, text.rfind("\n", 0, position) + 1)
