"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 with BOM, legacy single-byte text.

The rule is "decode correctly or refuse with a reason": nothing here guesses its way to
mojibake silently. In order:

* a BOM decides the encoding (UTF-8, UTF-16, UTF-32); the BOM itself is dropped;
* NUL bytes mean binary (or UTF-16 without a BOM, which we do not guess at);
* valid UTF-8 is UTF-8, unless it is double-encoded (UTF-8 bytes once read as
  Windows-1252 and saved again as UTF-8: "â€œ" for "“"): repaired when the whole text
  reverses cleanly, refused when only parts of it do;
* UTF-8 that breaks only at the very end is a truncated file: refused;
* a file that is not valid UTF-8 but holds UTF-8 that no single-byte text holds by
  chance (a Latin letter, a quote mark, a dash or a euro sign as UTF-8 writes it, which
  Windows-1252 would show as "Ã¼" or "â€œ"), or whose non-ASCII bytes are mostly valid
  UTF-8: two encodings mixed (a UTF-8 article with a paste from Windows, or with a few
  corrupt bytes), refused, since no one reading decodes both parts right;
* anything else is legacy single-byte text: Windows-1252 (then Mac Roman) when it reads
  as plausible text, else the first of charset-normalizer's candidates that does, else
  a refusal. charset-normalizer alone is not trusted for Latin text: it often calls
  French or English Windows-1252 "cp1250", which turns "è" into "č".

Plain UTF-8 never imports charset-normalizer (it would cost every run an import).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass


class DecodeError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "cp1252", "utf-8 (repaired ...)", ...


# Characters that mean "this is not text" when many appear in a decoded file.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")

# UTF-8 read as Windows-1252: each continuation byte 0x80-0xBF becomes one of these
# characters (Latin-1's for the 5 bytes 1252 leaves unassigned), each lead byte "Â".."ô".
_CONT = (
    "["
    + re.escape(
        "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0))
    )
    + "]"
)
_MOJIBAKE = re.compile(
    "[\u00c2-\u00df]" + _CONT + "|[\u00e0-\u00ef]" + _CONT + "{2}|[\u00f0-\u00f4]" + _CONT + "{3}"
)
# Windows-1252's own characters -> Latin-1's C1 control at the same byte, so that
# str.translate + encode("latin-1") gives the original bytes back, fast.
_TO_CP1252_BYTE = {
    ord(bytes([b]).decode("cp1252")): chr(b)
    for b in range(0x80, 0xA0)
    if b not in b"\x81\x8d\x8f\x90\x9d"
}

# A valid multi-byte UTF-8 sequence, to tell a UTF-8 file with some bad bytes from legacy text.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))

# Signs that a single-byte reading used the wrong code page: a symbol between two letters
# ("Wa³êsa" is Polish Windows-1250 read as 1252), or an accented capital inside a
# lower-case word ("ThatÕs" is Mac Roman read as 1252).
_SYMBOLS = "".join(
    sorted(
        {
            ch
            for page in ("cp1252", "mac_roman")
            for ch in (bytes([b]).decode(page, errors="ignore") for b in range(0x80, 0x100))
            if ch and unicodedata.category(ch) in {"Sm", "Sc", "So", "No"}
        }
    )
)
_LETTER = r"[^\W\d_]"
_WRONG_PAGE = re.compile(
    _LETTER + "[" + re.escape(_SYMBOLS) + "]" + _LETTER + "|[a-z][\u00c0-\u00de][a-z]"
)
_MAX_MESS = 0.1  # charset-normalizer's "chaos" above which a reading is not text


def decode(data: bytes) -> str:
    """Decode a file's bytes, or raise DecodeError with a reason a person can act on."""
    return detect(data).text


def detect(data: bytes) -> Decoded:
    """The text and the encoding it was read with; DecodeError when unsure."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts the same way
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return Decoded(_no_controls(_strict(data, encoding)), encoding)
    if b"\x00" in data[:65536]:
        raise DecodeError("binary file (NUL bytes), not text (UTF-16 text needs a BOM)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.end == len(data) and err.reason == "unexpected end of data":
            raise DecodeError(
                "truncated: ends in the middle of a UTF-8 character (incomplete download?)"
            ) from None
        return _legacy(data, err.start)
    if text.isascii():
        return Decoded(_no_controls(text), "utf-8")
    return _undouble(_no_controls(text))


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        name = encoding.removesuffix("-sig").upper()
        where = "truncated at the end" if err.end >= len(data) - 3 else f"at byte {err.start}"
        raise DecodeError(f"invalid {name} ({where})") from None


def looks_binary(text: str) -> bool:
    """Many control characters: a binary file that happened to decode. A few are
    allowed (escape sequences pasted into an article are still text)."""
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 1000)


def _no_controls(text: str) -> str:
    if looks_binary(text):
        raise DecodeError("binary file (control characters), not text")
    return text


def _undouble(text: str) -> Decoded:
    """Valid UTF-8 that is double-encoded: repaired when every non-ASCII character
    reverses cleanly, refused when only some do; else the text as it is."""
    marks = _MOJIBAKE.findall(text)
    if len(marks) < 2:  # one pair like "ß”" happens in real German text
        return Decoded(text, "utf-8")
    try:
        repaired = text.translate(_TO_CP1252_BYTE).encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        if len(marks) < 3:
            return Decoded(text, "utf-8")
        raise DecodeError(
            f"looks double-encoded (mojibake such as {marks[0]!r}); "
            "save it again as UTF-8 from the original"
        ) from None
    return Decoded(_no_controls(repaired), "utf-8 (repaired double encoding)")


def mixed_utf8(data: bytes, bad_at: int) -> DecodeError | None:
    """The error for bytes that are not valid UTF-8 (first bad byte at `bad_at`) but hold
    UTF-8 elsewhere, judged on the whole file; None when they read as one legacy text.

    Two things together say "mixed". The file holds UTF-8 that legacy text holds only
    by chance: a Latin-1 letter or sign (U+0080-U+00FF: "é", "ü", "£", a no-break
    space), a quote mark, dash or other punctuation (U+2000-U+206F), a currency sign or
    an emoji, which Windows-1252 would show as "Â", "Ã", "â" or "ð" followed by symbols
    ("Ã¼", "â€œ"). And reading it in parts (UTF-8 where it is valid, Windows-1252 for
    the rest) gives plausible text: in a Chinese or Korean legacy file such sequences
    are chance pairs of bytes, and that reading is a mess. Other sequences (Swedish
    "SÅ”" is the UTF-8 of "Ŕ") count only when they make up most of the non-ASCII bytes."""
    strong = None
    weak = weak_bytes = 0
    for match in _UTF8_SEQUENCE.finditer(data):
        try:
            code = ord(match.group().decode("utf-8"))
        except UnicodeDecodeError:  # overlong or a surrogate: not UTF-8 after all
            continue
        if code <= 0xFF or 0x2000 <= code <= 0x20CF or 0x1F000 <= code <= 0x1FAFF:
            strong = strong or match
        else:
            weak += 1
            weak_bytes += len(match.group())
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if strong is None and (weak < 3 or weak_bytes < 0.6 * high):
        return None
    if not _plausible(data.decode("utf-8", errors=_PER_SEGMENT)):
        return None
    if strong is not None:
        return DecodeError(
            f"mixes UTF-8 ({strong.group().decode('utf-8')!r} at byte {strong.start()}) "
            f"with bytes that are not UTF-8 (at byte {bad_at}: another encoding, or "
            "damage); convert it to UTF-8"
        )
    return DecodeError(
        f"mixes UTF-8 with another encoding (invalid UTF-8 at byte {bad_at}); "
        "convert it to UTF-8"
    )


def _as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """A decoding error handler: the bytes UTF-8 cannot read, read as Windows-1252."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start:error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


_PER_SEGMENT = "quoteidx-utf8-else-cp1252"
codecs.register_error(_PER_SEGMENT, _as_cp1252)


def _legacy(data: bytes, bad_at: int) -> Decoded:
    """Not UTF-8: see the module docstring for the order of guesses."""
    mixed = mixed_utf8(data, bad_at)
    if mixed is not None:
        raise mixed
    for page in ("cp1252", "mac_roman"):  # Western text: Windows first, then classic Mac
        try:
            text = data.decode(page)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return Decoded(_no_controls(text), page)

    from charset_normalizer import from_bytes  # lazy: only legacy files pay for it

    for match in from_bytes(data):
        if match.chaos > _MAX_MESS or match.encoding in {"cp1252", "latin_1", "mac_roman"}:
            continue
        candidate = str(match)
        if _plausible(candidate):
            return Decoded(_no_controls(candidate), match.encoding)
    raise DecodeError("not UTF-8, and no legacy encoding reads as plain text; convert it to UTF-8")


def _plausible(text: str) -> bool:
    """Whether a single-byte reading looks like text rather than the wrong code page."""
    if _WRONG_PAGE.search(text):
        return False
    # Judge only lines with non-ASCII characters: plain ASCII would dilute the measure.
    sample = "\n".join(line for line in text.splitlines() if not line.isascii())[:65536]
    if not sample:
        return True
    from charset_normalizer.md import mess_ratio  # lazy, as above

    return mess_ratio(sample, _MAX_MESS + 0.01) <= _MAX_MESS
