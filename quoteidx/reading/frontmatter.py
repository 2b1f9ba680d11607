"""Front matter: a `---` block of `key: value` lines at the top of a text file.

    ---
    title: Herat under siege
    publication: The Independent
    author: Kim Sengupta
    date: 5 August 2021
    url: https://example.com/herat
    ---

A subset of YAML, enough for what CMS exports write: `key: value` lines, quoted values,
`# comments`, lists (`- item` lines under `key:`, joined with ", "), and indented
continuation lines (also after `>` or `|`), joined with a space. Unknown keys are ignored;
some common aliases are understood (publisher -> publication, byline -> author, ...).

A file only has front matter when its first line is `---` and the next non-blank line is
a `key: value` line (or the closing `---`): a text that merely opens with a horizontal rule
keeps its first line as text. Front matter that is opened but never closed, or has a line
that is not `key: value`, is an error: the file is probably cut short or mangled.
"""

from __future__ import annotations

import re

from quoteidx.reading.dates import normalise_date
from quoteidx.record import Source

_FENCE = re.compile(r"---[ \t]*\Z")
_LINE = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*\Z")
_ITEM = re.compile(r"[ \t]*-[ \t]+(.*?)[ \t]*\Z")
KNOWN_KEYS = ("title", "publication", "author", "date", "url")
ALIASES = {
    "publisher": "publication",
    "source": "publication",
    "outlet": "publication",
    "site_name": "publication",
    "sitename": "publication",
    "byline": "author",
    "authors": "author",
    "published": "date",
    "pubdate": "date",
    "link": "url",
}


class FrontMatterError(ValueError):
    pass


def split_front_matter(text: str) -> tuple[dict[str, str], int]:
    """The metadata of a leading `---` block and where the body starts (0 if none).

    Keys are lower-cased and aliases resolved; values are strings as written (dates are
    normalised later, by `source_from_meta`)."""
    if not text.startswith("---"):
        return {}, 0
    lines = text.splitlines(keepends=True)
    if not _FENCE.match(lines[0].rstrip("\r\n")):
        return {}, 0
    first = next(
        (s for s in (line.strip() for line in lines[1:]) if s and not s.startswith("#")), ""
    )
    if not (_LINE.match(first) or _FENCE.match(first)):
        return {}, 0  # a horizontal rule, not front matter

    close = next(
        (n for n, line in enumerate(lines[1:], start=1) if _FENCE.match(line.rstrip("\r\n"))),
        None,
    )
    if close is None:
        raise FrontMatterError("front matter opened with '---' on line 1 is never closed")
    meta: dict[str, list[str]] = {}
    key: str | None = None
    for number, raw in enumerate(lines[1:close], start=2):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM.match(line)
        if key is not None and (item or line[0] in " \t"):  # list item or continuation
            meta[key].append(_unquote(item.group(1)) if item else line.strip())
            continue
        pair = _LINE.match(line)
        if pair is None:
            shown = line if len(line) <= 40 else line[:40] + "…"
            raise FrontMatterError(f"front matter line {number} is not 'key: value': {shown!r}")
        key = ALIASES.get(pair.group(1).lower(), pair.group(1).lower())
        value = pair.group(2) or ""
        meta[key] = [] if value in {"", ">", "|", ">-", "|-", ">+", "|+"} else [_unquote(value)]
    body_start = sum(len(line) for line in lines[: close + 1])
    return {name: _join(name, parts) for name, parts in meta.items()}, body_start


def _join(key: str, parts: list[str]) -> str:
    """List items and authors join with ", "; continuation lines with a space."""
    return (", " if key == "author" else " ").join(part for part in parts if part)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def source_from_meta(path: str, meta: dict[str, str]) -> Source:
    """A Source from metadata: known keys only, empty values as None, the date as ISO
    `YYYY-MM-DD` when it can be read unambiguously, else None."""
    known = {key: (str(meta.get(key) or "").strip() or None) for key in KNOWN_KEYS}
    known["date"] = normalise_date(known["date"])
    return Source(path=path, **known)
