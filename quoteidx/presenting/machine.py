"""Machine formats (JSON, JSONL, CSV, TSV, Markdown): plain stdout, never touched by Rich.

Whatever the data holds (control characters, Rich markup, quote marks, commas, line
breaks, huge paragraphs), the output stays valid: JSON escapes control characters, one
JSONL record is always one line, a CSV field with a delimiter, a quote mark or any line
break is quoted, a TSV field has its tabs, line breaks and backslashes written `\t`,
`\n`, `\r`, `\\` (as PostgreSQL's and MySQL's text formats do, so a row is always one
line), and a Markdown cell has `|` escaped and line breaks as `<br>`. Text is written
as it is otherwise: CSV fields are not defused for spreadsheets (a leading "=" stays),
since scripts need the exact text.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Mapping
from json.encoder import encode_basestring as _string
from typing import Any, TextIO

FORMATS = ("table", "json", "jsonl", "csv", "tsv", "markdown")
FLAT_FORMATS = ("csv", "tsv", "markdown")  # one row of named columns per record
BOM = "\ufeff"  # makes Excel read a CSV file as UTF-8

# A lone surrogate (possible in text from a JSON export) cannot be written as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
# Valid in JSON strings as they are, but line breaks to str.splitlines and to JavaScript:
# escaped, so that a JSONL record is one line by any reader's count.
_LINE_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def _encoder(out: TextIO, indent: int | None = None) -> Callable[[Any], str]:
    """JSON text of a value, \\u-escaped where the stream or the text cannot take it as
    is. One encoder for a whole stream: json.dumps with options makes one a value,
    which was half the time of writing 14,000 people as JSON Lines."""
    escaped = json.JSONEncoder(indent=indent, default=str).encode
    if not _utf(out):
        return escaped
    plain = _plain(indent)

    def encode(value: Any) -> str:
        text = plain(value)
        if text.isascii():  # most records: no surrogate, no line break to escape
            return text
        if _SURROGATE.search(text):
            return escaped(value)
        return _line_breaks_escaped(text)

    return encode


def _plain(indent: int | None) -> Callable[[Any], str]:
    """json.JSONEncoder(ensure_ascii=False, default=str).encode, the same text: its C
    encoder made once, not once a value as `encode` makes it (which cost more than
    encoding a small record: writing 58,210 people 0.10 s against 0.15, with their
    aliases and roles 0.22 against 0.61)."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=indent, default=str)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None or indent is not None:  # json's own Python encoder then, as json
        return encoder.encode
    # The arguments JSONEncoder.iterencode gives it, for these options. The markers of
    # the containers being encoded (a cycle is an error) are empty again after each.
    chunks = make({}, str, _string, None, encoder.key_separator, encoder.item_separator,
                  False, False, True)

    def encode(value: Any) -> str:
        return _string(value) if isinstance(value, str) else "".join(chunks(value, 0))

    return encode


def _line_breaks_escaped(text: str) -> str:
    """`text` with _LINE_BREAKS escaped. str.translate looks every character up in the
    table (~0.2 ms for a record with its paragraph, most of writing 4,000 quotes): it
    runs only when one is there, which a search for each finds at C speed."""
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        return text.translate(_LINE_BREAKS)
    return text


def _utf(out: TextIO) -> bool:
    """Can the stream take any character as it is (else JSON escapes what is not ASCII)?"""
    encoding = (getattr(out, "encoding", None) or "utf-8").lower().replace("_", "-")
    return encoding.startswith("utf")


def _dumps(value: Any, out: TextIO, indent: int | None = None) -> str:
    """One value's JSON text for `out`, as the machine formats write it."""
    return _encoder(out, indent)(value)


def write_json(records: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    items = list(records)
    out.write(_dumps(items, out, indent=2))
    out.write("\n")
    return len(items)


def write_jsonl(records: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    encode = _encoder(out)
    count = 0
    for record in records:
        out.write(encode(record) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[Mapping[str, Any]], out: TextIO, fields: list[str],
              headers: bool = True) -> int:
    # csv quotes a field that holds "\n" (the line terminator) but not one with a lone
    # "\r", which readers take as a line end: such rows are written fully quoted.
    plain = csv.writer(out, lineterminator="\n")
    quoted = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    if headers:
        plain.writerow(fields)
    count = 0
    for row in rows:
        values = [_csv_value(row.get(key)) for key in fields]
        (quoted if any("\r" in value for value in values) else plain).writerow(values)
        count += 1
    return count


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    return _SURROGATE.sub("\ufffd", str(value))


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def write_tsv(rows: Iterable[Mapping[str, Any]], out: TextIO, fields: list[str],
              headers: bool = True) -> int:
    if headers:
        out.write("\t".join(name.translate(_TSV_ESCAPES) for name in fields) + "\n")
    count = 0
    for row in rows:
        out.write("\t".join(_csv_value(row.get(key)).translate(_TSV_ESCAPES)
                            for key in fields) + "\n")
        count += 1
    return count


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_BREAK = re.compile("\r\n|[\r\n\u2028\u2029]")


def _cell(value: Any) -> str:
    text = _CONTROL.sub(lambda match: repr(match.group())[1:-1], _csv_value(value))
    return _BREAK.sub("<br>", text.replace("\\", "\\\\").replace("|", "\\|"))


def write_markdown(rows: Iterable[Mapping[str, Any]], out: TextIO, fields: list[str],
                   headers: bool = True) -> int:
    """A GitHub-flavoured Markdown table (a table needs its header row: always written)."""
    out.write("| " + " | ".join(_cell(name) for name in fields) + " |\n")
    out.write("|" + "|".join("---" for _ in fields) + "|\n")
    count = 0
    for row in rows:
        out.write("| " + " | ".join(_cell(row.get(key)) for key in fields) + " |\n")
        count += 1
    return count


def write_records(
    records: Iterable[Mapping[str, Any]], fmt: str, out: TextIO, csv_fields: list[str],
    *, headers: bool = True, bom: bool = False,
) -> int:
    """Write nested records (json, jsonl) or flat rows (csv, tsv, markdown: the columns
    `csv_fields`, with a header row unless `headers` is False); returns how many.
    `bom` starts CSV with a UTF-8 byte order mark, for Excel."""
    if fmt == "json":
        return write_json(records, out)
    if fmt == "jsonl":
        return write_jsonl(records, out)
    if fmt == "csv":
        if bom:
            out.write(BOM)
        return write_csv(records, out, csv_fields, headers)
    if fmt == "tsv":
        return write_tsv(records, out, csv_fields, headers)
    if fmt == "markdown":
        return write_markdown(records, out, csv_fields, headers)
    raise ValueError(f"not a machine format: {fmt}")
