"""Text that attacks the terminal or the formats is shown as text; CSV and JSON stay valid."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest
from rich.console import Console

from quoteidx.presenting.human import print_quotes, safe_text
from quoteidx.presenting.machine import write_records
from quoteidx.record import FLAT_FIELDS, Quote, Source

ATTACKS = [
    "[red]styled?[/red] [link=https://evil.example]click[/link] :smile:",
    "\x1b[31mred\x1b[0m \x1b[2J\x1b[H cleared?",
    "\x1b]0;new window title\x07 and \x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "bell\x07 backspace\x08\x08 vertical\x0b form\x0c del\x7f c1\x9b31m nel\x85",
    "car\rriage and\r\nCRLF and \u2028 line sep",
    "bidi \u202egnp.exe\u202c and \u2066isolate\u2069",
    "lone surrogate \ud800 here",
    'comma, "double quotes", \'single\', ; semicolon\ttab',
    "=HYPERLINK(\"https://evil.example\")",
    "\u201c" * 3000 + "\u2019\u00ab\u00bb\u201e\"'" * 500,
]
BENIGN = (
    "caf\u00e9\u00a0na\u00efve \U0001f600 \u0645\u0631\u062d\u0628\u0627 \u4e2d\u6587\ttab\nline"
)


def quote(text: str, everywhere: bool = True) -> Quote:
    """A record with `text` as its quote and, with `everywhere`, in every text field."""
    meta = text if everywhere else "Mary Smith"
    source = Source(
        path=meta, title=meta, publication=meta, author=meta, date="2024-03-05", url=meta
    )
    return Quote(
        id="abc123",
        text=text,
        kind="direct",
        speaker=meta,
        speaker_mention=meta,
        role=meta,
        cue=meta,
        source=source,
        start=0,
        end=len(text),
        paragraph=text,
        outlet=meta,
    )


# --- the terminal ------------------------------------------------------------------------


@pytest.mark.parametrize("value", ATTACKS)
def test_safe_text_leaves_no_control_characters(value: str) -> None:
    plain = safe_text(value).plain
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in plain)
    assert not any(0x7F <= ord(ch) <= 0x9F for ch in plain)
    assert not any(ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069" for ch in plain)
    plain.encode("utf-8")  # no lone surrogate left to crash the terminal's encoder


def test_safe_text_shows_escapes_and_markup_as_typed() -> None:
    assert safe_text("[red]x[/red]").plain == "[red]x[/red]"
    assert safe_text("\x1b[31mx").plain == "\\x1b[31mx"
    assert safe_text("a\u202eb").plain == "a\\u202eb"
    assert safe_text("a\ud800b").plain == "a\\ud800b"
    assert safe_text("a\r\nb\rc\u2028d").plain == "a\nb\nc\nd"
    assert safe_text(None).plain == ""
    assert safe_text(42).plain == "42"


def test_safe_text_keeps_ordinary_text() -> None:
    assert safe_text(BENIGN).plain == BENIGN


@pytest.mark.parametrize("terminal", [False, True])
def test_table_shows_hostile_text_as_text(terminal: bool) -> None:
    out = io.StringIO()
    console = Console(
        file=out,
        width=160,
        force_terminal=terminal,
        color_system="truecolor" if terminal else None,
        highlight=False,
    )
    print_quotes([quote(value) for value in ATTACKS[:-1]], console)
    shown = out.getvalue()
    assert "[red]styled?[/red]" in shown and ":smile:" in shown  # markup and emoji codes as typed
    assert "\\x1b[2J" in shown and "\\u202e" in shown and "\\x07" in shown
    # The only escape sequences are Rich's own colours (on a terminal), never the data's.
    for sequence in ("\x1b[2J", "\x1b]", "\x07", "\x08", "\x9b", "\u202e", "\r", "\ud800"):
        assert sequence not in shown
    if not terminal:
        assert "\x1b" not in shown


def test_table_with_huge_paragraph_and_quote_mark_soup() -> None:
    out = io.StringIO()
    huge = ("word " * 40_000).strip()
    soup = ATTACKS[-1]
    print_quotes([quote(huge, False), quote(soup, False)], Console(file=out, width=120))
    shown = out.getvalue()
    assert shown.count("word") == 40_000  # folded, not cut
    assert shown.count("\u201c") == 3000 and shown.count("\u201e") == 500


# --- CSV and JSON ------------------------------------------------------------------------

HUGE = "A single paragraph, never broken. " * 60_000  # about 2 MB


def rows_of(values: list[str]) -> list[Quote]:
    return [quote(value, everywhere=value is not HUGE) for value in values]


@pytest.fixture
def big_csv_fields() -> object:
    old = csv.field_size_limit()
    csv.field_size_limit(1 << 30)  # a reader's own limit, not a property of our CSV
    yield
    csv.field_size_limit(old)


@pytest.mark.usefixtures("big_csv_fields")
def test_csv_round_trips_every_field() -> None:
    values = [*ATTACKS, BENIGN, HUGE, "", "x\r", "\n", '"', ","]
    out = io.StringIO()
    written = write_records((q.to_flat() for q in rows_of(values)), "csv", out, list(FLAT_FIELDS))
    assert written == len(values)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert len(rows) == len(values)
    for row, value in zip(rows, values, strict=True):
        expected = value.replace("\ud800", "\ufffd")  # not encodable: replaced, not crashed
        assert row["text"] == expected and row["paragraph"] == expected
        if value is not HUGE:
            assert row["source_title"] == expected and row["speaker"] == expected
        assert row["start"] == "0" and row["source_date"] == "2024-03-05"
        assert row["end"] == str(len(value))


def test_csv_none_is_empty_and_header_is_the_field_list() -> None:
    out = io.StringIO()
    write_records([{"a": None, "b": 1}], "csv", out, ["a", "b"])
    assert out.getvalue() == "a,b\n,1\n"


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_round_trips_every_field(fmt: str) -> None:
    values = [value for value in [*ATTACKS, BENIGN, HUGE] if "\ud800" not in value]
    out = io.StringIO()
    write_records((q.to_dict() for q in rows_of(values)), fmt, out, [])
    text = out.getvalue()
    if fmt == "json":
        records = json.loads(text)
    else:
        lines = text.splitlines()  # also splits at U+2028 and NEL: those must be escaped
        assert len(lines) == len(values)
        records = [json.loads(line) for line in lines]
    assert [Quote.from_dict(record).text for record in records] == values
    assert "\x1b" not in text and "\x07" not in text  # JSON escapes control characters


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_lone_surrogates_and_non_utf8_streams_do_not_crash(fmt: str) -> None:
    for encoding in ("utf-8", "latin-1"):
        raw = io.BytesIO()
        out = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
        record = quote("a\ud800b \u201cq\u201d")
        fields = list(FLAT_FIELDS)
        if fmt == "csv":
            if encoding != "utf-8":
                continue  # CSV is written as the stream's encoding allows; ours is UTF-8
            write_records([record.to_flat()], fmt, out, fields)
        else:
            write_records([record.to_dict()], fmt, out, fields)
        out.flush()
        data = raw.getvalue().decode(encoding)
        if fmt == "csv":
            assert "a\ufffdb" in data
        else:
            loaded = json.loads(data.splitlines()[0] if fmt == "jsonl" else data)
            loaded = loaded[0] if fmt == "json" else loaded
            assert loaded["text"] == "a\ud800b \u201cq\u201d"


def test_a_table_says_how_a_speaker_not_named_in_the_sentence_was_found() -> None:
    from rich.console import Console

    from quoteidx.extract import extract_text
    from quoteidx.presenting.human import found_by, quotes_table

    quotes = extract_text("Ana Ruiz runs the shelter.\n\n“The roof leaks in every room,” she "
                          "said.\n\n“Ana Ruiz is right about the roof,” Tom Berg said.")
    assert [found_by(q) for q in quotes] == ["via pronoun 'she'", None]
    console = Console(width=120, record=True, color_system=None)
    console.print(quotes_table(quotes))
    assert "via pronoun 'she'" in console.export_text()


@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_jsonl_of_small_records_is_what_json_writes(encoding: str) -> None:
    """Records (a speaker listing's, and any other) are written through one encoder made
    for the stream, not json.dumps each: the same text, character for character, keys
    that are not strings and values json cannot encode (str of them) included."""
    values = [*ATTACKS, BENIGN, "", "plain", "caf\u00e9", "nel\x85 ls\u2028 ps\u2029"]
    records: list[dict[str, object]] = [
        {"speaker": text, "role": None, "quotes": number, "sources": [text, "x", BENIGN]}
        for number, text in enumerate(values)]
    records += [{"n": -3, "empty": [], "flag": True}, {"f": 1.5, "d": {"a": [1]}},
                {"roles": [{"source": "s", "role": "r"}]}, {}, {"mixed": ["a", 1]},
                {7: "int key", 2.5: None, None: [], True: ("a", "tuple")},
                {"when": datetime(2024, 3, 5, 12, 0), "nan": float("inf")}]
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
    write_records(records, "jsonl", out, [])
    out.flush()
    text = raw.getvalue().decode(encoding)
    ascii_only = encoding != "utf-8"
    expected = []
    for record in records:
        line = json.dumps(record, ensure_ascii=ascii_only, default=str)
        if not ascii_only and not any("\ud800" <= ch <= "\udfff" for ch in line):
            line = line.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace(
                "\u2029", "\\u2029")
        elif not ascii_only:
            line = json.dumps(record, default=str)
        expected.append(line)
    assert text.split("\n")[:-1] == expected
    assert [json.loads(line) for line in text.split("\n")[:-3]] == records[:-2]
    looped: dict[str, object] = {"a": 1}
    looped["self"] = looped
    with pytest.raises(ValueError, match="Circular"):  # as json says it
        write_records([looped], "jsonl", io.StringIO(), [])
    again = io.StringIO()
    write_records([{"a": [1, {"b": None}]}], "jsonl", again, [])
    assert again.getvalue() == '{"a": [1, {"b": null}]}\n'

