"""Reading documents: formats, encodings, and every kind of bad input, made in tmp_path.

None of these depend on what the extractor finds: they test what reading hands it."""

from __future__ import annotations

import builtins
import errno
import io
import json
import os
import pickle
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from quoteidx.reading import (
    MAX_DOCUMENT_BYTES,
    Document,
    ReadError,
    iter_files,
    read_documents,
    read_file,
    read_path,
    read_paths_from,
    read_stdin,
    read_text,
)
from quoteidx.reading.dates import normalise_date

QUOTE = "Mary Smith said: \u201cWe will win this election.\u201d"
NEWS_1252 = (
    "The minister said: \u201cWe will not resign \u2014 not today.\u201d "
    "Critics called it \u2018absurd\u2019 and \u00a3500 wasted\u2026 Caf\u00e9 owners agreed.\n"
)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def refused(path: Path | str) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_file(path)
    error = caught.value
    assert str(path) in str(error)
    assert "\n" not in str(error)
    return error


def docs_and_errors(paths: list) -> tuple[list[Document], list[ReadError]]:
    items = list(read_documents(paths))
    return (
        [item for item in items if isinstance(item, Document)],
        [item for item in items if isinstance(item, ReadError)],
    )


# --- plain text, front matter, offsets ---------------------------------------------------


def test_plain_text(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", QUOTE + "\n")
    document = read_file(path)
    assert document.text == QUOTE + "\n"
    assert document.body_start == 0
    assert document.source.path == str(path)
    assert document.encoding == "utf-8"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    document = read_file(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + QUOTE.encode()))
    assert document.text == QUOTE
    assert read_text("\ufeff" + QUOTE).text == QUOTE


def test_crlf_is_kept_and_offsets_point_into_the_file(tmp_path: Path) -> None:
    raw = "---\r\ntitle: Vote\r\n---\r\nFirst line.\r\n\r\n" + QUOTE + "\r\n"
    path = write(tmp_path, "a.md", raw)
    document = read_file(path)
    assert document.text == raw  # newlines are not translated
    assert document.body.startswith("First line.")
    assert document.source.title == "Vote"
    start = document.text.index("We will win")
    on_disk = path.read_bytes().decode("utf-8")
    assert on_disk[start : start + 11] == "We will win"


def test_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.md",
        "---\ntitle: \"Vote: the day\"\npublisher: The Planet\nauthors:\n  - Lois Lane\n"
        "  - Clark Kent\ndate: Tuesday, 5 March 2024\nurl: https://example.com/a\n"
        "# a comment\ntags: politics\n---\n" + QUOTE,
    )
    document = read_file(path)
    source = document.source
    assert (source.title, source.publication, source.author) == (
        "Vote: the day",
        "The Planet",
        "Lois Lane, Clark Kent",
    )
    assert (source.date, source.url) == ("2024-03-05", "https://example.com/a")
    assert document.body == QUOTE


def test_a_leading_horizontal_rule_is_not_front_matter(tmp_path: Path) -> None:
    text = "---\n\nSome prose opens this file.\n---\n" + QUOTE
    document = read_file(write(tmp_path, "a.txt", text))
    assert document.body_start == 0
    assert document.text == text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("---\ntitle: A\nauthor: B\n", "never closed"),
        ("---\ntitle: A\nthis line is no pair\n---\nbody", "line 3"),
        ("---\ntitle: A\n---\n\n  \n", "nothing after the front matter"),
    ],
)
def test_malformed_front_matter(tmp_path: Path, text: str, reason: str) -> None:
    error = refused(write(tmp_path, "a.md", text))
    assert reason in error.reason


def test_undated_or_ambiguous_dates_stay_unknown(tmp_path: Path) -> None:
    document = read_file(write(tmp_path, "a.md", "---\ndate: 03/04/2024\n---\n" + QUOTE))
    assert document.source.date is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T23:30:00-05:00", "2024-03-05"),
        ("2024/3/5", "2024-03-05"),
        ("20240305", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("Mar. 5th, 2024", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
        ("05.03.2024", "2024-03-05"),
        ("25/03/2024", "2024-03-25"),
        ("03/25/2024", "2024-03-25"),
        ("03/04/2024", None),  # March or April: not guessed
        ("2024", None),
        ("March 2024", None),
        ("2024-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(value: str | None, expected: str | None) -> None:
    assert normalise_date(value) == expected


# --- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str) -> None:
    document = read_file(write(tmp_path, "a.txt", ("\ufeff" + NEWS_1252).encode(codec)))
    assert document.text == NEWS_1252
    assert document.encoding == "utf-16"


def test_utf16_without_bom_is_refused(tmp_path: Path) -> None:
    error = refused(write(tmp_path, "a.txt", NEWS_1252.encode("utf-16-le")))
    assert "binary" in error.reason and "BOM" in error.reason


def test_truncated_utf16_is_refused(tmp_path: Path) -> None:
    data = ("\ufeff" + NEWS_1252).encode("utf-16-le")[:-1]
    assert "UTF-16" in refused(write(tmp_path, "a.txt", data)).reason


def test_windows_1252_smart_quotes(tmp_path: Path) -> None:
    document = read_file(write(tmp_path, "a.txt", NEWS_1252.encode("cp1252")))
    assert document.text == NEWS_1252
    assert document.encoding == "cp1252"


def test_short_windows_1252_text(tmp_path: Path) -> None:
    # charset-normalizer alone reads this as Cyrillic ("He said УnoФ").
    text = "He said \u201cno\u201d."
    assert read_file(write(tmp_path, "a.txt", text.encode("cp1252"))).text == text


def test_latin1_french(tmp_path: Path) -> None:
    text = "Le pr\u00e9sident a d\u00e9clar\u00e9 : \u00ab Nous ne c\u00e9derons pas \u00bb. " * 3
    # charset-normalizer alone picks cp1250 here, turning "è" into "č".
    assert read_file(write(tmp_path, "a.txt", text.encode("latin-1"))).text == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (
            "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0437\u0430\u044f\u0432"
            "\u0438\u043b: \u00ab\u041c\u044b \u043d\u0435 \u043e\u0442\u0441\u0442\u0443\u043f"
            "\u0438\u043c\u00bb, \u2014 \u0441\u043a\u0430\u0437\u0430\u043b \u043e\u043d. " * 3,
            "cp1251",
        ),
        (
            "Prezydent Lech Wa\u0142\u0119sa powiedzia\u0142, \u017ce \u015bwiat si\u0119 "
            "zmieni\u0142. \u201eNie b\u0119dziemy czeka\u0107\u201d \u2013 doda\u0142. " * 3,
            "cp1250",
        ),
    ],
)
def test_other_single_byte_pages_decode_right_or_are_refused(
    tmp_path: Path, text: str, codec: str
) -> None:
    path = write(tmp_path, "a.txt", text.encode(codec))
    try:
        document = read_file(path)
    except ReadError as err:
        assert "convert it to UTF-8" in err.reason
    else:
        assert document.text == text  # never Windows-1252 mojibake ("Wa³êsa")


def test_double_encoded_utf8_is_repaired_when_it_reverses_cleanly(tmp_path: Path) -> None:
    mojibake = NEWS_1252.encode("utf-8").decode("latin-1").translate(
        {ord(bytes([b]).decode("latin-1")): bytes([b]).decode("cp1252") for b in b"\x93\x94\x97"}
    )
    document = read_file(write(tmp_path, "a.txt", mojibake))
    assert document.text == NEWS_1252
    assert "repaired" in (document.encoding or "")


def test_double_encoded_utf8_that_lost_bytes_is_refused(tmp_path: Path) -> None:
    # Windows-1252 has no character for 0x9D, so the right quote's last byte was dropped.
    mojibake = NEWS_1252.encode("utf-8").decode("cp1252", errors="ignore")
    assert "double-encoded" in refused(write(tmp_path, "a.txt", mojibake)).reason


def test_utf8_mixed_with_windows_1252_is_refused(tmp_path: Path) -> None:
    data = NEWS_1252.encode("utf-8") + NEWS_1252.encode("cp1252")
    assert "mixes UTF-8" in refused(write(tmp_path, "a.txt", data)).reason


ZURICH = "The talks in Z\u00fcrich ended late on Tuesday.\n"


@pytest.mark.parametrize(
    "data",
    [
        # A UTF-8 article with a paste from a Windows program: one UTF-8 letter is enough.
        ZURICH.encode() + NEWS_1252.encode("cp1252"),
        "It was over\u2026 she said.\n".encode() + b"\x93Fine,\x94 he said.\n",
        # A UTF-8 article with a few damaged bytes.
        (ZURICH * 3).encode() + b"The mayor said \xff\xfe nothing.\n",
        ZURICH.encode() + b"Stray \x81 byte.\n",
    ],
    ids=["utf8 letter + 1252 quotes", "utf8 ellipsis + 1252", "damaged bytes", "one stray"],
)
def test_utf8_with_a_few_bytes_of_another_encoding_is_refused(
    tmp_path: Path, data: bytes
) -> None:
    """Decided on the whole file: valid UTF-8 is evidence against any single-byte
    reading (it used to come out as Windows-1250: "Z\u0102\u013drich")."""
    reason = refused(write(tmp_path, "a.txt", data)).reason
    assert reason.startswith("mixes UTF-8 (") and "convert it to UTF-8" in reason
    page = b'<html><head><meta charset="windows-1252"></head><body><p>' + data + b"</p>"
    assert "mixes UTF-8" in refused(write(tmp_path, "a.html", page)).reason


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("HAN SA: \u201dDET \u00c4R S\u00c5\u201d och gick. " * 3, "cp1252"),  # "Å”": "Ŕ"
        ("Dijo: \u201cNo est\u00e1\u2026\u201d y se fue. A\u00f1o nuevo. " * 3, "cp1252"),
        ("\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd\u603b\u7406\u8bf4\uff1a"
         "\u201c\u6211\u4eec\u4e0d\u4f1a\u653e\u5f03\u3002\u201d" * 4, "gbk"),
        ("\ub300\ud1b5\ub839\uc740 \uc624\ub298 \uacbd\uc81c\uac00 \uacc4\uc18d "
         "\uc131\uc7a5\ud560 \uac83\uc774\ub77c\uace0 \ub9d0\ud588\ub2e4. " * 4, "euc-kr"),
    ],
    ids=["swedish caps", "spanish ellipsis", "gbk", "euc-kr"],
)
def test_legacy_text_with_chance_utf8_pairs_is_not_taken_for_mixed(
    tmp_path: Path, text: str, codec: str
) -> None:
    assert read_file(write(tmp_path, "a.txt", text.encode(codec))).text == text


def test_utf8_cut_inside_a_character_is_refused(tmp_path: Path) -> None:
    data = (QUOTE + " \u201c").encode("utf-8")[:-1]
    assert "truncated" in refused(write(tmp_path, "a.txt", data)).reason


def test_german_sharp_s_before_a_quote_mark_is_not_mojibake(tmp_path: Path) -> None:
    text = "Er sagte: \u201eViele Gr\u00fc\u00df\u201d und ging."
    assert read_file(write(tmp_path, "a.txt", text)).text == text


# --- bad files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\xef\xbb\xbf", "empty file"),
        (b" \n\t\r\n  ", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
        (bytes(range(128, 256)) * 8, "convert it to UTF-8"),
    ],
)
def test_bad_content(tmp_path: Path, data: bytes, reason: str) -> None:
    assert reason in refused(write(tmp_path, "a.txt", data)).reason


def test_a_few_escape_sequences_are_still_text(tmp_path: Path) -> None:
    text = "Mary said: \u201c\x1b[31mred\x1b[0m and \x1b]0;title\x07\u201d"
    assert read_file(write(tmp_path, "a.txt", text)).text == text


def test_file_over_the_limit_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:  # 50 MB, sparse: cheap to make
        handle.truncate(50 * 1024 * 1024)
    opened: list[str] = []
    real_open = builtins.open
    monkeypatch.setattr(
        "quoteidx.reading.files.open",
        lambda name, *a, **k: opened.append(name) or real_open(name, *a, **k),
        raising=False,
    )
    error = refused(path)
    assert "too large" in error.reason and "50.0 MB" in error.reason
    assert opened == []


def test_limit_is_a_documented_constant() -> None:
    assert MAX_DOCUMENT_BYTES == 10 * 1024 * 1024
    assert "MAX_DOCUMENT_BYTES" in (Path(__file__).parents[1] / "README.md").read_text()


def test_missing_file_and_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    (item,) = list(read_documents([missing]))
    assert isinstance(item, ReadError) and "no such file" in item.reason
    assert "no such file" in refused(missing).reason


def test_a_folder_named_as_a_file(tmp_path: Path) -> None:
    assert "folder" in refused(tmp_path).reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", QUOTE)
    os.mkfifo(tmp_path / "pipe.txt")
    documents, errors = docs_and_errors([tmp_path])
    assert [d.text for d in documents] == [QUOTE]
    assert len(errors) == 1 and "not a regular file" in errors[0].reason


def test_a_file_that_vanishes_mid_run(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        write(tmp_path, name, f"{name}: {QUOTE}")
    items = []
    for item in read_documents([tmp_path]):
        items.append(item)
        if len(items) == 1:
            (tmp_path / "b.txt").unlink()
    assert isinstance(items[0], Document) and isinstance(items[2], Document)
    assert isinstance(items[1], ReadError)
    assert items[1].path.endswith("b.txt") and "no such file" in items[1].reason


def _failing_open(monkeypatch: pytest.MonkeyPatch, victim: str, error: OSError) -> None:
    """`open` in the reading code fails for one file, as a permission or disk error would."""
    real_open = builtins.open

    def fake_open(name: str, *args: object, **kwargs: object) -> object:
        if os.fspath(name).endswith(victim):
            raise error
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr("quoteidx.reading.files.open", fake_open, raising=False)


def test_an_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "a.txt", QUOTE)
    write(tmp_path, "b.txt", QUOTE)
    _failing_open(monkeypatch, "b.txt", PermissionError(errno.EACCES, "Permission denied"))
    documents, errors = docs_and_errors([tmp_path])
    assert len(documents) == 1
    assert [str(e) for e in errors] == [f"{tmp_path / 'b.txt'}: cannot read: permission denied"]


def test_an_io_error_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "a.txt", QUOTE)

    class Broken(io.BytesIO):
        def read(self, *args: object) -> bytes:
            raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr("quoteidx.reading.files.open", lambda *a, **k: Broken(), raising=False)
    assert "input/output error" in refused(tmp_path / "a.txt").reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_an_unreadable_file_for_real(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", QUOTE)
    locked = write(tmp_path, "b.txt", QUOTE)
    locked.chmod(0)
    try:
        documents, errors = docs_and_errors([tmp_path])
    finally:
        locked.chmod(0o644)
    assert len(documents) == 1 and "permission denied" in errors[0].reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_an_unreadable_folder_for_real(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", QUOTE)
    locked = tmp_path / "locked"
    write(locked, "b.txt", QUOTE)
    locked.chmod(0)
    try:
        documents, errors = docs_and_errors([tmp_path])
    finally:
        locked.chmod(0o755)
    assert len(documents) == 1 and "cannot read folder" in errors[0].reason


def test_a_symlink_loop_terminates_with_one_error(tmp_path: Path) -> None:
    top = tmp_path / "corpus"
    write(top / "sub", "a.txt", QUOTE)
    (top / "sub" / "back").symlink_to(top, target_is_directory=True)
    (top / "self").symlink_to(".", target_is_directory=True)
    items = list(iter_files([top]))
    files = [item for item in items if isinstance(item, str)]
    loops = [item for item in items if isinstance(item, ReadError)]
    assert files == [str(top / "sub" / "a.txt")]
    assert len(loops) == 2 and all("symlink loop" in error.reason for error in loops)


def test_a_second_link_to_a_folder_reads_it_once(tmp_path: Path) -> None:
    write(tmp_path / "real", "a.txt", QUOTE)
    (tmp_path / "zlink").symlink_to(tmp_path / "real", target_is_directory=True)
    assert list(iter_files([tmp_path])) == [str(tmp_path / "real" / "a.txt")]


def test_folder_walk_order_suffixes_and_hidden_files(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "c.html", "d.jsonl", "e.pdf", ".hidden.txt", "f.MARKDOWN"]:
        write(tmp_path, name, "x")
    write(tmp_path / ".git", "x.txt", "x")
    write(tmp_path / "sub", "g.htm", "x")
    odd = write(tmp_path, "notes.data", "x")
    names = [os.path.relpath(str(p), tmp_path) for p in iter_files([tmp_path])]
    expected = ["a.md", "b.txt", "c.html", "d.jsonl", "f.MARKDOWN", os.path.join("sub", "g.htm")]
    assert names == expected
    assert list(iter_files([odd, "-"])) == [str(odd), "-"]


def test_read_error_is_one_safe_line_and_pickles() -> None:
    error = ReadError("evil\n\x1b]0;owned\x07.txt", "bad \u202e thing", line=4)
    assert str(error) == "evil\\n\\x1b]0;owned\\x07.txt: line 4: bad \\u202e thing"
    again = pickle.loads(pickle.dumps(error))
    assert (again.path, again.reason, again.line, str(again)) == (
        error.path,
        error.reason,
        error.line,
        str(error),
    )


# --- HTML --------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>Election latest | The Daily Planet</title>
<meta charset="{charset}">
<meta property="og:site_name" content="The Daily Planet">
<meta name="author" content="Lois Lane">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<link rel="canonical" href="https://dailyplanet.example/election">
</head><body><nav>Home | World | Sport</nav>
<article><h1>Election latest</h1>
<p>{quote} The crowd cheered loudly as she spoke to supporters in the town hall.</p>
<p>John Doe, the party chairman, told reporters that turnout was higher than expected.</p>
<p>Caf\u00e9 owners on the square said they had never seen such crowds before.</p>
</article><footer>Copyright 2024 \u2014 all rights reserved</footer></body></html>"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("reading tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.usefixtures("no_network")
def test_html_article_text_and_metadata(tmp_path: Path) -> None:
    path = write(tmp_path, "a.html", PAGE.format(charset="utf-8", quote=QUOTE))
    document = read_file(path)
    assert QUOTE in document.text
    assert "Home | World" not in document.text and "Copyright" not in document.text
    assert document.body_start == 0
    source = document.source
    assert source.path == str(path)
    assert source.title == "Election latest"
    assert source.publication == "The Daily Planet"
    assert source.author == "Lois Lane"
    assert source.date == "2024-03-05"
    assert source.url == "https://dailyplanet.example/election"


@pytest.mark.usefixtures("no_network")
def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    page = PAGE.format(charset="iso-8859-1", quote=QUOTE)
    document = read_file(write(tmp_path, "a.htm", page.encode("cp1252")))
    assert QUOTE in document.text and "Caf\u00e9" in document.text


@pytest.mark.usefixtures("no_network")
def test_html_tags_keep_at_most_max_attributes_the_rest_of_the_page_as_it_was() -> None:
    from quoteidx.reading.html import MAX_ATTRIBUTES, bounded_attributes

    many = " ".join(f'a{n}="<{n}>"' for n in range(MAX_ATTRIBUTES + 50))
    page = f'<p id=x class="a b">One</p><div = {many} / >Two</div><img src=y>'
    bounded = bounded_attributes(page)
    assert bounded.startswith('<p id=x class="a b">One</p><div = a0="<0>" a1="<1>"')
    assert f'a{MAX_ATTRIBUTES - 2}="<{MAX_ATTRIBUTES - 2}>" />Two</div><img src=y>' in bounded
    assert f"a{MAX_ATTRIBUTES - 1}=" not in bounded  # "=" counted as the first
    ordinary = '<a href="/x?a=1&b=2" title=\'it\'s\'>link</a>' * 3
    assert bounded_attributes(ordinary) == ordinary


def test_html_that_looks_like_a_url_is_not_fetched(tmp_path: Path) -> None:
    # htmldate downloads a string that looks like a URL; we must only ever parse it (and
    # a page holding nothing but that is no article: refused, never fetched).
    page = refused(write(tmp_path, "a.html", "http://example.com/article"))
    assert "no article text" in page.reason


def test_html_page_of_menus_and_links_alone_is_refused(tmp_path: Path) -> None:
    menus = ('<!DOCTYPE html><html><head><title>Menu</title></head><body><nav><ul>'
             '<li><a href="/">Home</a></li><li><a href="/news">News</a></li>'
             '<li><a href="/about">About us</a></li></ul></nav>'
             '<footer>All rights reserved.</footer></body></html>')
    assert "no article text" in refused(write(tmp_path, "nav.html", menus)).reason


@pytest.mark.usefixtures("no_network")
def test_html_fragment_and_empty_page(tmp_path: Path) -> None:
    assert QUOTE in read_file(write(tmp_path, "a.html", f"<p>{QUOTE}</p>")).text
    assert "no article text" in refused(write(tmp_path, "b.html", "<html></html>")).reason


@pytest.mark.usefixtures("no_network")
def test_html_named_otherwise_is_sniffed(tmp_path: Path) -> None:
    path = write(tmp_path, "article", PAGE.format(charset="utf-8", quote=QUOTE))
    document = read_file(path)
    assert QUOTE in document.text and "<p>" not in document.text


def test_plain_text_never_imports_trafilatura_or_charset_normalizer(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", NEWS_1252)
    code = (
        "import sys\nfrom quoteidx.reading import read_documents\n"
        f"items = list(read_documents([{str(path)!r}]))\n"
        "assert items and not isinstance(items[0], Exception), items\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in "
        "('trafilatura', 'charset_normalizer', 'lxml')]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


# --- JSON Lines --------------------------------------------------------------------------


def test_jsonl_lines_become_documents_and_bad_lines_errors(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"id": "a1", "text": QUOTE, "title": "T", "date": "March 5, 2024",
             "author": ["A", "B"], "publisher": "P", "extra": {"x": 1}}
        ),
        "",
        '{"text": "Second article.\\r\\nWith CRLF."}',
        "{not json",
        "[1, 2]",
        '{"title": "no text"}',
        '{"text": "   "}',
        '{"id": "a1", "text": "duplicate id"}',
        '{"id": 7, "text": "numeric id"}',
        '{"id": [1], "text": "odd id"}',
        '{"text": "\\ud800 lone surrogate"}',
        '{"text": "cut short',
    ]
    path = write(tmp_path, "export.jsonl", "\n".join(lines))
    documents, errors = docs_and_errors([path])
    assert [d.source.path for d in documents] == [
        f"{path}#id=a1",
        f"{path}#3",
        f"{path}#id=7",
    ]
    first = documents[0]
    assert first.text == QUOTE and first.body_start == 0
    assert (first.source.title, first.source.author, first.source.publication) == ("T", "A, B", "P")
    assert first.source.date == "2024-03-05"
    assert documents[1].text == "Second article.\r\nWith CRLF."
    assert [e.line for e in errors] == [4, 5, 6, 7, 8, 10, 11, 12]
    assert all(e.path == str(path) and f": line {e.line}: " in str(e) for e in errors)
    reasons = " | ".join(e.reason for e in errors)
    for expected in ["not valid JSON", "not a JSON object", 'no "text"', "empty", "duplicate id",
                     '"id" must be', "surrogate", "truncated"]:
        assert expected in reasons


def test_jsonl_line_can_be_read_again_by_its_path(tmp_path: Path) -> None:
    path = write(tmp_path, "x.jsonl", '{"text": "one"}\n{"id": "k", "text": "two"}\n{oops}\n')
    assert read_file(f"{path}#1").text == "one"
    assert read_file(f"{path}#id=k").text == "two"
    with pytest.raises(ReadError, match="line 3"):
        read_file(f"{path}#3")
    with pytest.raises(ReadError, match="no such line"):
        read_file(f"{path}#9")
    with pytest.raises(ReadError, match="many documents"):
        read_file(path)


def test_jsonl_binary_file_gives_up_early(tmp_path: Path) -> None:
    path = write(tmp_path, "x.jsonl", b"\x00\xff garbage\n" * 5000)
    errors = list(read_path(path))
    assert 20 <= len(errors) <= 21 and all(isinstance(e, ReadError) for e in errors)
    assert "not JSON Lines" in errors[-1].reason


def test_jsonl_utf16_and_empty(tmp_path: Path) -> None:
    (error,) = read_path(write(tmp_path, "x.jsonl", '\ufeff{"text": "a"}'.encode("utf-16")))
    assert isinstance(error, ReadError) and "UTF-16" in error.reason
    assert list(read_path(write(tmp_path, "y.jsonl", "\n\n"))) == []


def test_jsonl_line_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("quoteidx.reading.jsonl.MAX_DOCUMENT_BYTES", 1000)
    long_line = json.dumps({"text": "x" * 5000})
    path = write(tmp_path, "x.jsonl", '{"text": "a"}\n' + long_line + '\n{"text": "b"}\n')
    items = list(read_path(path))
    assert [getattr(i, "text", None) for i in items] == ["a", None, "b"]
    assert isinstance(items[1], ReadError) and items[1].line == 2 and "limit" in items[1].reason


# --- stdin and --stdin-paths -------------------------------------------------------------


def test_read_stdin_text_with_front_matter() -> None:
    document = read_stdin(io.BytesIO(("---\ntitle: T\n---\n" + QUOTE).encode("cp1252")))
    assert document.source.path == "<stdin>" and document.source.title == "T"
    assert document.body == QUOTE


@pytest.mark.usefixtures("no_network")
def test_read_stdin_html_is_sniffed() -> None:
    page = PAGE.format(charset="utf-8", quote=QUOTE).encode()
    assert QUOTE in read_stdin(io.BytesIO(page)).text


def test_read_stdin_empty_and_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ReadError, match="<stdin>: empty"):
        read_stdin(io.BytesIO(b""))
    monkeypatch.setattr("quoteidx.reading.files.MAX_DOCUMENT_BYTES", 100)
    with pytest.raises(ReadError, match="too large"):
        read_stdin(io.BytesIO(b"x" * 1000))


def test_read_paths_from_text_and_bytes() -> None:
    text = io.StringIO("a.txt\r\n\n  spaced name.txt\nlast.md")
    assert list(read_paths_from(text)) == ["a.txt", "  spaced name.txt", "last.md"]
    raw = io.BytesIO(b"caf\xc3\xa9.txt\n\xff.txt\n")
    assert list(read_paths_from(raw)) == ["caf\u00e9.txt", os.fsdecode(b"\xff.txt")]
