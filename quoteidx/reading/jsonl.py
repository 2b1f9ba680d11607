"""JSON Lines (`.jsonl`): one article per line, for bulk exports from a CMS or a scraper.

Each line is a JSON object with a `text` field (the article) and optional metadata:
`title`, `publication`, `author`, `date`, `url` (and the aliases front matter knows, such
as `publisher` or `byline`), and an optional `id`. A list of authors is joined with ", ".
The file must be UTF-8 (a BOM is allowed); blank lines are skipped.

Each line becomes its own Document; its `source.path` names the line stably:

* `exports.jsonl#id=a1b2` when the line has an `id` (a string or a whole number), so the
  name survives re-ordering or re-exporting the file;
* `exports.jsonl#7` (the 1-based line number, as editors count) when it has none.

`read_file("exports.jsonl#7")` reads that one line again. A bad line (not JSON, no
`text`, a duplicate `id`, ...) is one ReadError naming the file and the line; the other
lines still go through. The file is streamed, so its size is not limited, but one line
is at most `MAX_DOCUMENT_BYTES`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from quoteidx.reading.decode import looks_binary
from quoteidx.reading.document import Document, ReadError
from quoteidx.reading.frontmatter import ALIASES, KNOWN_KEYS, source_from_meta
from quoteidx.reading.limits import MAX_DOCUMENT_BYTES, line_too_long

GIVE_UP_AFTER = 20  # bad lines before any good one: this is not JSON Lines at all
_SURROGATE = re.compile("[\ud800-\udfff]")


def line_path(path: str, number: int, ident: str | None) -> str:
    """The source path of one line: `path#id=ID`, or `path#N` without an id."""
    return f"{path}#id={ident}" if ident is not None else f"{path}#{number}"


def read_jsonl(path: str, handle: BinaryIO) -> Iterator[Document | ReadError]:
    """A Document or a ReadError for each non-blank line of an open JSON Lines file."""
    first_lines: dict[str, int] = {}  # id -> the line it was first seen on
    good = bad = 0
    for number, raw in enumerate(_lines(handle), start=1):
        if raw is None:
            error = ReadError(path, line_too_long(), line=number)
        elif number == 1 and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield ReadError(path, "JSON Lines must be UTF-8, and this file is UTF-16")
            return
        elif not raw.strip():
            continue
        else:
            try:
                yield _document(path, number, raw.removeprefix(b"\xef\xbb\xbf"), first_lines)
                good += 1
                continue
            except ReadError as err:
                error = err
        bad += 1
        yield error
        if bad >= GIVE_UP_AFTER and not good:
            yield ReadError(path, f"not JSON Lines: the first {bad} lines are all bad; skipped")
            return


def _lines(handle: BinaryIO) -> Iterator[bytes | None]:
    """Lines with their newline; None for a line over the limit, which is skipped
    without ever being held in memory."""
    while line := handle.readline(MAX_DOCUMENT_BYTES + 1):
        if len(line) > MAX_DOCUMENT_BYTES and not line.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _document(path: str, number: int, raw: bytes, first_lines: dict[str, int]) -> Document:
    def fail(reason: str) -> ReadError:
        return ReadError(path, reason, line=number)

    cut = "" if raw.endswith(b"\n") else " (the file may be truncated)"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise fail(f"not UTF-8 at byte {err.start} of the line{cut}") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise fail(f"not valid JSON: {err.msg}, column {err.colno}{cut}") from None
    except RecursionError:
        raise fail("not valid JSON (nested too deeply)") from None
    if not isinstance(record, dict):
        raise fail(f"not a JSON object but {type(record).__name__}")

    text = record.get("text")
    if text is None:
        raise fail('no "text" field')
    if not isinstance(text, str):
        raise fail(f'"text" is not a string but {type(text).__name__}')
    if not text.strip():
        raise fail('"text" is empty')
    bad = _SURROGATE.search(text)
    if bad:
        raise fail(f'"text" has an unpaired surrogate ({bad.group()!r}), not valid Unicode')
    if looks_binary(text):
        raise fail('"text" is not text (many control characters)')

    ident = _ident(record.get("id"), fail)
    if ident is not None:
        if ident in first_lines:
            raise fail(f"duplicate id {ident!r} (first on line {first_lines[ident]})")
        first_lines[ident] = number
    meta: dict[str, str] = {}
    for key, value in record.items():
        name = ALIASES.get(str(key).lower(), str(key).lower())
        if name in KNOWN_KEYS and name not in meta:
            shown = _meta_value(value)
            if shown:
                meta[name] = shown
    source = source_from_meta(line_path(path, number, ident), meta)
    return Document(text=text, source=source, body_start=0, encoding="utf-8")


def _ident(value: Any, fail: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise fail(f'"id" must be a string or a whole number, not {type(value).__name__}')
    ident = str(value).strip()
    if not ident:
        return None
    if not ident.isprintable():
        raise fail('"id" has control characters')
    return ident


def _meta_value(value: Any) -> str | None:
    """A metadata value as text: strings as they are, numbers as written, lists of those
    joined with ", " (several authors); anything else (objects) is ignored."""
    if isinstance(value, list):
        parts = [part for part in (_meta_value(item) for item in value) if part]
        return ", ".join(parts) or None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return _SURROGATE.sub("\ufffd", str(value)).strip() or None
