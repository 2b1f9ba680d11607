"""Front matter: a `---` block of `key: value` lines at the top of a text file."""

from __future__ import annotations

import re

from quoteidx.record import Source

_BLOCK = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)
_LINE = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
KNOWN_KEYS = ("title", "publication", "author", "date", "url")
ALIASES = {"publisher": "publication", "source": "publication", "outlet": "publication",
           "byline": "author", "authors": "author", "published": "date", "link": "url"}


class FrontMatterError(ValueError):
    pass


def split_front_matter(text: str) -> tuple[dict[str, str], int]:
    """The metadata of a leading `---` block and where the body starts (0 if none)."""
    if not text.startswith("---"):
        return {}, 0
    match = _BLOCK.match(text)
    if match is None:
        raise FrontMatterError("front matter opened with '---' is never closed")
    meta: dict[str, str] = {}
    for number, line in enumerate(match.group(1).splitlines(), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pair = _LINE.match(line)
        if pair is None:
            raise FrontMatterError(f"front matter line {number} is not 'key: value'")
        key = pair.group(1).lower()
        meta[ALIASES.get(key, key)] = _unquote(pair.group(2))
    return meta, match.end()


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def source_from_meta(path: str, meta: dict[str, str]) -> Source:
    known = {key: (meta.get(key) or None) for key in KNOWN_KEYS}
    return Source(path=path, **known)
