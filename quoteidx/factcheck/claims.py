"""Claims to verify, many at once: one a line, as plain text or as a JSON object
`{"text": ..., "speaker": ...}` (a speech has dozens of claims)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from quoteidx.factcheck.verify import ClaimError


@dataclass(frozen=True, slots=True)
class Claim:
    """Words said to have been said, by `speaker` if known; `line` where it was read."""

    text: str
    speaker: str | None = None
    line: int | None = None


def read_claims(lines: Iterable[str], speaker: str | None = None) -> Iterator[Claim | ClaimError]:
    """The claims of a file's lines: a line that starts with `{` is a JSON object with a
    string "text" and optionally "speaker" (a null or missing speaker: `speaker`, the
    default for every line); any other line is the claim's text. Blank lines are skipped.
    A line that cannot be a claim is a ClaimError with its line number, in its place."""
    for number, raw in enumerate(lines, 1):
        line = raw.strip().lstrip("\ufeff")
        if not line:
            continue
        if not line.startswith("{"):
            yield Claim(line, speaker, number)
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as err:
            yield ClaimError(f"not valid JSON: {err.msg}, column {err.colno}", number)
            continue
        text, said_by = data.get("text"), data.get("speaker", speaker)
        if not isinstance(text, str) or not text.strip():
            yield ClaimError('a JSON claim needs a non-empty string "text"', number)
        elif said_by is not None and not isinstance(said_by, str):
            yield ClaimError('"speaker" must be a string', number)
        else:
            yield Claim(text, said_by if said_by is not None else speaker, number)
