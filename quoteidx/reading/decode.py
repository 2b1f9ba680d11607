"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, legacy single-byte text."""

from __future__ import annotations

import codecs

# Characters that mean "this is not text" when they appear in a decoded file.
_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r\f\v"} | {"\x7f"}


class DecodeError(ValueError):
    pass


def decode(data: bytes) -> str:
    """Decode a file's bytes, or raise DecodeError with a reason a person can act on."""
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[len(codecs.BOM_UTF8) :], "utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(data, "utf-16")
    if b"\x00" in data[:4096]:
        raise DecodeError("binary file (NUL bytes), not text")
    try:
        return _no_controls(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return _legacy(data)


def _checked(data: bytes, encoding: str) -> str:
    try:
        return _no_controls(data.decode(encoding))
    except UnicodeDecodeError as err:
        raise DecodeError(f"invalid {encoding} at byte {err.start}") from None


def _no_controls(text: str) -> str:
    sample = text[:65536]
    bad = sum(1 for ch in sample if ch in _CONTROL)
    if bad > max(8, len(sample) // 1000):
        raise DecodeError("binary file (control characters), not text")
    return text


def _legacy(data: bytes) -> str:
    """Windows-1252 is what legacy news text nearly always is; other single-byte
    encodings are accepted only when charset-normalizer is confident."""
    try:
        return _no_controls(data.decode("cp1252"))
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # lazy: only legacy files need it

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        raise DecodeError("not UTF-8 and no legacy encoding fits; convert it to UTF-8")
    return _no_controls(str(best))
