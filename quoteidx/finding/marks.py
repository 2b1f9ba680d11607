"""Pairing quotation marks: which stretches of a paragraph are quoted words.

Marks are paired by kind, an apostrophe is not a mark, a stray mark is skipped, and a
quote left open at the end of a paragraph continues only when the next paragraph opens
with a mark (the newspaper convention for multi-paragraph quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
STRAIGHT = "\"'"
# Every mark a quote may open or close with, as tokens: also `` and '' as NYT writes them.
OPENING_MARKS = frozenset({"“", '"', "‘", "'", "«", "``", "''"})
CLOSING_MARKS = frozenset({"”", '"', "’", "'", "''"})  # '' closes ``…'' and ''…''
# ``, '' or one mark; written to open with one set of characters, so that the regex
# engine skips to the next of them instead of trying every position.
_MARK = re.compile(r"[`\"'“”„«»‘’‚‹›](?:(?<=`)`|(?<=')'|(?<!`))")
_OPENERS_BEFORE = set(" \t\r\n([{—–-/:;,") | {""}


@dataclass(frozen=True, slots=True)
class Span:
    """A quoted stretch: content offsets (marks excluded) and where its marks stand."""

    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    open_at: int  # offset of the opening mark
    close_at: int  # offset of the closing mark (== end when the quote was never closed)
    closed: bool


def _family(mark: str) -> str:
    if mark in ("``", "''") or mark in DOUBLE_OPEN + DOUBLE_CLOSE + '"':
        return "double"
    return "single"


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def quote_spans(text: str, start: int, end: int) -> tuple[list[Span], Span | None]:
    """Top-level quoted spans in text[start:end] (one paragraph), plus the quote left
    open at its end, if any."""
    stack: list[tuple[str, str, int, int]] = []  # (family, mark, mark offset, content start)
    spans: list[Span] = []
    skip_to = start
    for match in _MARK.finditer(text, start, end):
        mark, at, after = match.group(), match.start(), match.end()
        if at < skip_to:
            continue
        if mark == "''" and after < end and text[after] == "'" and stack and (
                stack[-1][0] == "single"):
            # three apostrophes closing a single inside a double: the single closes
            # first, then the double (NYT's `''We are told, 'it is special,'''`)
            stack.pop()
            at, after = at + 1, after + 1
            skip_to = after
        before_ch = text[at - 1] if at > start else ""
        after_ch = text[after] if after < end else ""
        if mark in ('”', '"') and before_ch.isdigit() and after_ch in (",", ".") and (
                text[after + 1 : after + 2] == mark):
            continue  # inches, the quote closing just after: `he’s like 6’2”,” Rubio said`
        if mark == "'" and before_ch == "." and text[after : after + 1] == "s" and not (
                text[after + 1 : after + 2].isalnum()):
            continue  # an abbreviation's possessive, no quote: `B.C.'s health officer`
        family = _family(mark)
        if family == "single":
            role = _single_role(mark, before_ch, after_ch, stack)
        else:
            role = _double_role(mark, before_ch, after_ch, stack)
        if role == "open":
            if family == "double" and mark == "“" and any(
                    item[0] == "double" for item in stack) and _nested(text, after, end):
                family = "nested"  # “… even when “your team” needs …”: a quote inside
            elif family == "double":
                # Double quotes rarely nest: an open double still pending was stray.
                stack = [item for item in stack if item[0] != "double"]
            stack.append((family, mark, at, after))
        elif role == "close":
            if family == "double" and stack and stack[-1][0] == "nested":
                stack.pop()  # the inner quote closes; the outer goes on
                continue
            while stack and stack[-1][0] != family:
                stack.pop()  # singles left open inside a closing double were apostrophes
            if not stack:
                continue
            _fam, _mark, open_at, content_start = stack.pop()
            if not stack and not _nickname(text, start, open_at, content_start, at, end):
                spans.append(Span(content_start, at, open_at, at, True))
    pending = next((item for item in stack if item[0] == "double"), stack[0] if stack else None)
    dangling = None
    if pending is not None:
        _fam, _mark, open_at, content_start = pending
        dangling = Span(content_start, end, open_at, end, False)
    return spans, dangling


_CURLY_DOUBLE = re.compile("[“”]")


_NAME_BEFORE = re.compile(r"[A-Z][\w’'.-]* $")
_ONE_NAME = re.compile(r"[A-Z][\w.-]*")
_NAME_AFTER = re.compile(r" [A-Z]")


def _nickname(text: str, start: int, open_at: int, content: int, close_at: int, end: int
              ) -> bool:
    """Whether marks hold a nickname inside a name, no quote: "Gurdeep “Gus” Bains"."""
    return _ONE_NAME.fullmatch(text, content, close_at) is not None and (
        _NAME_BEFORE.search(text, max(start, open_at - 30), open_at) is not None) and (
        _NAME_AFTER.match(text, close_at + 1, end) is not None)


def _nested(text: str, after: int, end: int) -> bool:
    """Whether a “ opened inside an open double quote nests in it: its ” comes within a
    few words, and another ” closes the outer quote later in the paragraph."""
    inner = _CURLY_DOUBLE.search(text, after, min(end, after + 80))
    if inner is None or inner.group() != "”":
        return False
    outer = _CURLY_DOUBLE.search(text, inner.end(), end)
    return outer is not None and outer.group() == "”"


def _double_role(mark: str, before: str, after: str, stack: list) -> str:
    open_double = any(item[0] == "double" for item in stack)
    if mark in DOUBLE_OPEN or mark == "``":
        if mark == "“" and stack and stack[-1][1] == "„":
            return "close"  # German „…“
        if mark == "“" and open_double and before not in _OPENERS_BEFORE and (
                after == "" or after.isspace()):
            return "close"  # an opening mark typed where one closes: `… of them.“ Then`
        return "open"
    if mark in DOUBLE_CLOSE:
        if open_double:
            return "close"
        # a closing mark typed where one opens (`” … he delivered it,” X wrote`): after
        # a space or at the start, with words after it, nothing open before it
        opens = before in _OPENERS_BEFORE and after != "" and after not in ".,;:!?)]"
        return "open" if opens and mark == "”" else "skip"
    # Straight " or '' : decide by what surrounds it.
    if open_double:
        return "close"
    if after == "" or after.isspace() or after in ".,;:!?)]" and before not in _OPENERS_BEFORE:
        return "skip"  # a closing mark with nothing open (`exercise".`): stray
    return "open"


def _single_role(mark: str, before: str, after: str, stack: list) -> str:
    if _is_word(before) and _is_word(after):
        return "skip"  # apostrophe inside a word: didn’t, O’Brien
    open_single = bool(stack) and stack[-1][0] == "single"
    if mark in SINGLE_OPEN:
        return "open" if before in _OPENERS_BEFORE or not _is_word(before) else "skip"
    if mark in SINGLE_CLOSE or mark == "'":
        if open_single and not _is_word(after):
            if before == "s" and after == " " and mark != "'":
                return "close"  # “… the Talibs’ ” is rare; a pending ‘ wants closing
            return "close"
        if mark == "'" and (before in _OPENERS_BEFORE or not _is_word(before)) and _is_word(after):
            return "open"
        return "skip"  # possessive or elision: Talibs’, ’90s
    return "skip"
