"""HTML pages: the article text and its metadata, extracted by trafilatura.

trafilatura is imported only when an HTML page is read (it costs every run otherwise),
and is only ever given the page itself: it never fetches anything. Metadata comes from
the page's markup (title, author, date, canonical URL, site name -> publication); the
date search is limited to metadata and markup, so a date mentioned in the text is never
taken for the publication date.
"""

from __future__ import annotations

import codecs
import itertools
import logging
import re

from quoteidx.reading.dates import normalise_date
from quoteidx.reading.decode import Decoded, DecodeError, detect, looks_binary, mixed_utf8
from quoteidx.reading.document import Document, ReadError
from quoteidx.record import Source

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Labels browsers read as Windows-1252 (the WHATWG encoding standard says so).
_AS_CP1252 = {
    "iso-8859-1",
    "iso8859-1",
    "latin1",
    "latin-1",
    "l1",
    "us-ascii",
    "ascii",
    "windows-1252",
    "cp1252",
    "x-cp1252",
}
# At most this many attributes of one tag reach the HTML libraries. Real pages stay
# far below it; libxml2 compares each attribute with every earlier one of its tag, and
# the extractors walk them again in Python, so one tag of 200,000 attributes (2 MB)
# took over five minutes.
MAX_ATTRIBUTES = 100
# A start tag and its attributes, read as an HTML parser reads them ("<" and ">" may sit
# in quoted values, a value runs to its closing quote or the end of the page). Every
# part is possessive and the closing ">" optional, so a match never fails once started
# and never backtracks: one linear pass over the page, hostile or not.
_VALUE = r"""(?:\s*+=\s*+(?:"[^"]*+"?|'[^']*+'?|[^\s>]*+))?+"""
_ATTRIBUTE = re.compile(r"[^\s/>][^\s/>=]*+" + _VALUE)
_START_TAG = re.compile(r"<([A-Za-z][^\s/>]*+)((?:[\s/]++|[^\s/>][^\s/>=]*+" + _VALUE
                        + r")*+)(>?)")
PROSE_WORDS = 5  # an article has a line of at least this many words: a sentence
_WORDS = re.compile(r"\w+")
_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_html(text: str) -> bool:
    """Whether a text without a telling file name is an HTML page."""
    return bool(_HTML_START.match(text[:4096]))


def decode_html(data: bytes) -> Decoded:
    """Valid UTF-8 is UTF-8 (pages saved to disk usually are, whatever their <meta> says);
    otherwise the charset the page declares; otherwise the usual detection."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        mixed = mixed_utf8(data, err.start)
        if mixed is not None:  # no declared charset reads both parts right
            raise mixed from None
        declared = _CHARSET.search(data[:4096])
        if declared:
            label = declared.group(1).decode("ascii").lower()
            encoding = "cp1252" if label in _AS_CP1252 else label
            try:
                codecs.lookup(encoding)
                text = data.decode(encoding)
            except (LookupError, UnicodeDecodeError):
                text = None  # an unknown or wrong label: detect it as for any file
            if text is not None and not looks_binary(text):
                return Decoded(text, encoding)
    return detect(data)


def read_html(data: bytes, path: str) -> Document:
    try:
        decoded = decode_html(data)
    except DecodeError as err:
        raise ReadError(path, str(err)) from None
    return html_document(decoded.text, path, decoded.encoding)


def html_document(markup: str, path: str, encoding: str | None = None) -> Document:
    """A Document whose text is the article text of the page (offsets point into it)."""
    if not markup.strip():
        raise ReadError(path, "empty file")
    try:
        import trafilatura
    except ImportError as err:  # e.g. lxml without its html_clean part
        raise ReadError(path, f"cannot read HTML: trafilatura does not import ({err})") from None
    _quiet()
    markup = bounded_attributes(markup)
    if not re.search(r"<(?:html|body)\b", markup[:65536], re.IGNORECASE):
        # trafilatura rejects a bare fragment ("<p>...</p>") as not HTML: give it a page.
        markup = f"<html><body>{markup}</body></html>"
    try:
        result = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,  # readers' comments are not the article
            include_images=False,
            include_links=False,
            deduplicate=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as err:  # a third-party parser on hostile input: one bad page, not a crash
        raise ReadError(path, f"HTML extraction failed ({type(err).__name__}: {err})") from None
    text = getattr(result, "text", None) or ""
    if not text.strip():
        raise ReadError(path, "no article text found in the HTML page")
    if not any(len(_WORDS.findall(line)) >= PROSE_WORDS for line in text.splitlines()):
        # What is left of a page of menus and links ("Home\nNews\nAbout us") is no
        # article: no line of it is a sentence.
        raise ReadError(path, "no article text found in the HTML page (only menus, links "
                              "or short lines)")
    source = Source(
        path=path,
        title=_clean(getattr(result, "title", None)),
        publication=_clean(getattr(result, "sitename", None)),
        author=_clean(getattr(result, "author", None)),
        date=normalise_date(getattr(result, "date", None)),
        url=_clean(getattr(result, "url", None)),
    )
    return Document(text=text, source=source, body_start=0, encoding=encoding)


def bounded_attributes(markup: str) -> str:
    """`markup` with each start tag keeping at most MAX_ATTRIBUTES attributes (the
    first ones); the rest of the page as it was. Only long tags are looked into."""
    def bound(tag: re.Match[str]) -> str:
        attributes = tag.group(2)
        if len(attributes) < 2 * MAX_ATTRIBUTES:  # too short to hold that many
            return tag.group()
        kept = [found.group() for found in
                itertools.islice(_ATTRIBUTE.finditer(attributes), MAX_ATTRIBUTES + 1)]
        if len(kept) <= MAX_ATTRIBUTES:
            return tag.group()
        slash = " /" if attributes.rstrip().endswith("/") else ""
        return f"<{tag.group(1)} {' '.join(kept[:MAX_ATTRIBUTES])}{slash}{tag.group(3)}"

    return _START_TAG.sub(bound, markup)


def _clean(value: object) -> str | None:
    return (str(value).strip() or None) if value else None


def _quiet() -> None:
    """trafilatura logs page problems as errors; they are not ours to print, and a
    logger without handlers would print them to stderr."""
    for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
