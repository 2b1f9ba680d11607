"""The one way data becomes text for a terminal: what could drive or disguise it shown
escaped. Every message, table and panel a person reads goes through `printable`
(`quoteidx.presenting.human.safe_text` for Rich text, `quoteidx.cli.app.error`, `warn`
and `note` for messages), so a quote, a name, a publication or a file name can neither
move the cursor, recolour or retitle the terminal, write to its clipboard (OSC 52) nor
reorder what is shown (bidi overrides).
"""

from __future__ import annotations

import re

# C0 and C1 controls (ESC starts CSI and OSC sequences; C1 has one-byte CSI and OSC),
# DEL, bidi embeddings, overrides and isolates, and lone surrogates (no terminal can
# encode them). Line breaks and tabs too, unless the text may span lines.
_ALWAYS = "\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = re.compile(f"[\x00-\x0a\u2028\u2029{_ALWAYS}]")
_UNSAFE_IN_LINES = re.compile(f"[\x00-\x08{_ALWAYS}]")
_LINE_END = re.compile("\r\n|[\r\u2028\u2029]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (a file name): as that byte
        return f"\\x{code - 0xDC00:02x}"
    return repr(match.group())[1:-1]  # \x1b, \n, \u202e


def printable(value: object, *, lines: bool = False) -> str:
    """`value` as text safe to print: on one line, control characters shown escaped
    (`\\x1b`, `\\n`, `\\u202e`, a non-UTF-8 byte of a file name as `\\xe9`); with
    `lines`, line ends kept as line ends ("\\r\\n", "\\r" and U+2028/9 become "\\n")
    and tabs kept. Everything else (any script, emoji, no-break spaces) is as it is."""
    text = "" if value is None else str(value)
    if lines:
        return _UNSAFE_IN_LINES.sub(_shown, _LINE_END.sub("\n", text))
    return _UNSAFE.sub(_shown, text)
