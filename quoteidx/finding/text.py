"""Paragraphs and sentences, as offsets into the document text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from quoteidx.finding.lexicon import ABBREVIATIONS, CALENDAR_NAMES, is_initials
from quoteidx.finding.marks import Span

QUOTED = "\ue000"  # stands for every character inside quote marks in a masked paragraph
_LINE = re.compile(r"[^\r\n]+")
# A sentence's end: stops (and closing marks) before a capital or the end, a semicolon,
# or a stop put in for one inside a quote. Written to open with one set of characters,
# so that the regex engine skips to the next of them instead of trying every position.
_END = re.compile(
    r"[.!?…;\ue001](?:(?<=[.!?…])[.!?…]*[\"”’'»)\]]*(?=\s+[\"“‘'«`(\[]*[A-Z0-9\ue000]|\s*$)"
    r"|(?<=;)(?=\s)|(?<=\ue001))")
_NON_BLANK = re.compile(r"\S")  # \s is str.isspace
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
# A dateline opening a story: "LISBON (AFP) –", "Lisbon, Portugal (AP) —", "NEW YORK —".
# "WASHINGTON (AP) — ", "MACAU (Reuters) – ", "WASHINGTON, Dec. 8 (UPI) — " (a day's
# number among the words)
_DATELINE = re.compile(
    r"\s*(?:[A-Z][\w.'’-]*(?:,? (?:[A-Z][\w.'’-]*|\d{1,2})){0,4} ?\([A-Z][\w&./ -]{0,30}\)"
    r"|[A-Z]{2,}[A-Z.'’-]*(?:,? (?:[A-Z][A-Za-z.'’-]*|\d{1,2})){0,3})\s*[—–-]+\s+")


def paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Every non-blank line is a paragraph (blank lines or single newlines separate them)."""
    spans = []
    for match in _LINE.finditer(text, start):
        a, b = match.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))
    return spans


def mask(text: str, start: int, end: int, spans: Iterable[Span]) -> str:
    """The paragraph text[start:end] with quoted words replaced, same length, so that
    sentence and cue patterns see a quote as one opaque block."""
    covered = sorted((max(span.start, start), min(span.end, end)) for span in spans)
    pieces = []
    at = start  # text before `at` is done
    for a, b in covered:
        a = max(a, at)
        if b <= a:
            continue
        pieces += (text[at:a], QUOTED * (b - a))
        at = b
    pieces.append(text[at:end])
    return "".join(pieces)


def sentences(masked: str, offset: int = 0, quote_stops: list[int] | None = None
              ) -> list[tuple[int, int]]:
    """Sentence spans in a masked paragraph (offsets shifted by `offset`), each starting
    at its first non-blank character. `quote_stops` are where quotes closing on a full
    stop end (`said “We are ready.” Later, she …`): a sentence ends there when what
    follows can only open one."""
    if quote_stops:
        masked = _mark_quote_stops(masked, quote_stops)
    spans = []
    begin = 0
    dateline = _DATELINE.match(masked)
    if dateline is not None:  # not the first sentence's subject: a sentence of its own
        first = _NON_BLANK.search(masked, 0, dateline.end())
        begin = dateline.end()
        if first is not None:
            spans.append((first.start() + offset, begin + offset))
    for match in _END.finditer(masked, begin):
        at, stop = match.span()
        if masked[at] == "." and _is_abbreviation(masked, at) and not (
                _ends_sentence(masked, at, stop)):
            continue
        first = _NON_BLANK.search(masked, begin, stop)
        if first is not None:
            spans.append((first.start() + offset, stop + offset))
        begin = stop
    first = _NON_BLANK.search(masked, begin)
    if first is not None:
        spans.append((first.start() + offset, len(masked) + offset))
    return spans


_OPENS_SENTENCE = re.compile(
    r"\s+(?:[A-Z][\w’'-]*,|(?:He|She|They|It|We|I|But|And|So|Yet|This|That|These|Those|The"
    r"|His|Her|Their|Its|There|Later|Still|Then|Meanwhile|However|Earlier|After|When|In|On"
    r"|At|Others|Some|Many|Several|Most|Both|A|An|If|As|While|Although|Though|Since|Because"
    r"|Now|Today|Yesterday|Before|During|For|With|Without|By|From|Under|Instead|Also|Even"
    r"|Only|Such|What|Why|How|Where|Asked|According|Our|My|You)\b)")
# A name and its verb of no speech after a quote: "… “work nights.” Tom Reid denied it"
_NAME_THEN_VERB = re.compile(r"\s+[A-Z][a-z]+\s+[A-Z][a-z]+\s+([a-z]+)")
_CREDITS = frozenset("""said says told tells added adds asked asks replied replies wrote
writes explained explains noted notes recalled recalls continued continues insisted
insists answered answers argued argues""".split())
_STOP = "\ue001"  # a full stop standing in for one inside a quote, for _END to see


def _mark_quote_stops(masked: str, quote_stops: list[int]) -> str:
    """The masked paragraph with a stop put in place of the blank after each quote that
    ends a sentence: the closing mark's text is kept, only the blank changes."""
    chars = list(masked)
    for at in quote_stops:
        if at < len(chars) and (_OPENS_SENTENCE.match(masked, at) or (
                named := _NAME_THEN_VERB.match(masked, at)) and named.group(1) not in (
                _CREDITS)):  # (not "“…?” Freddy Ortega said": the quote's credit)
            chars[at] = _STOP
    return "".join(chars)


# More letters than the longest abbreviation has, right before a full stop: not one, nor
# initials ("J.M."), which is most full stops; the word need not be looked for.
_LONGER = max(map(len, ABBREVIATIONS)) + 1


def _is_abbreviation(masked: str, dot: int) -> bool:
    letters = masked[dot - _LONGER : dot]
    if len(letters) == _LONGER and letters.isalpha() and letters.isascii():
        return False
    match = _WORD_BEFORE.search(masked, max(0, dot - 12), dot + 1)
    if match is None:
        return False
    word = match.group(1).lower()
    if word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS:
        return True
    if is_initials(match.group(1) + "."):
        return True  # "J.M. Berger"
    return len(word) == 1 and word.isalpha() and masked[match.start(1)].isupper() and not (
        match.start(1) > 0 and masked[match.start(1) - 1].isalnum())  # initials, not "1006A."


# Abbreviations that may close a sentence ("… close at 7 p.m. He says …"), unlike titles.
_CLOSING_ABBREVIATIONS = frozenset({"a.m", "p.m", "etc", "inc", "corp", "ltd", "co", "cos",
                                    "bros", "jr", "sr", "u.s", "u.k", "u.n"})
_SENTENCE_OPENERS = frozenset({"He", "She", "They", "It", "We", "I", "The", "But", "This",
                               "There"})


def _ends_sentence(masked: str, dot: int, stop: int) -> bool:
    """Whether an abbreviation that may close a sentence does: a word that only opens
    one ("He", "The") follows it."""
    match = _WORD_BEFORE.search(masked, max(0, dot - 12), dot + 1)
    following = masked[stop:].split(None, 1)
    if match is not None and len(match.group(1)) == 1 and following and following[0].lstrip(
            "“\"‘'«").startswith(QUOTED):
        return True  # "… wrote on X. “Nobody …”": no initial is followed by a quote
    if match is None or match.group(1).lower().rstrip(".") not in _CLOSING_ABBREVIATIONS and not (
            _region_after_comma(masked, match)):
        return False
    if following and match.group(1).lower() in ("a.m", "p.m") and _clock_closes(
            masked, match.start(1), following[0]):
        return True  # "… called shortly after 3 a.m. Flames were …"
    return bool(following) and (following[0].strip("“\"‘'’”,") in _SENTENCE_OPENERS or (
        following[0].lstrip("“\"‘'«").startswith(QUOTED)  # a quote opens the next one
        and match.group(1).lower().rstrip(".") not in _MODIFYING))  # (not "the U.S. “plan”")


_MODIFYING = frozenset({"u.s", "u.k", "u.n"})  # abbreviations that also modify a noun

# Capitalised words that go on a clock time: "3 a.m. Tuesday", "7 p.m. ET".
_AFTER_CLOCK = CALENDAR_NAMES | frozenset("""ET EST EDT PT PST PDT CT CST CDT MT MST MDT AT
AST ADT NT NST NDT GMT UTC Eastern Pacific Central Mountain Atlantic Newfoundland
Local""".split())


def _clock_closes(masked: str, at: int, following: str) -> bool:
    """Whether a clock time's "a.m."/"p.m." at masked[at] ends its sentence: a capital
    follows that goes on no time, and the time does not open the sentence ("At 5 p.m. Ruiz
    left" is one)."""
    word = following.strip("“\"‘'’”,(.;:!?)")  # ("Saturday." ends the sentence on it)
    if not word[:1].isupper() or word in _AFTER_CLOCK:
        return False
    start = max(masked.rfind(". ", 0, at), masked.rfind("\n", 0, at)) + 1
    return len(masked[start:at].split()) > 3


def _region_after_comma(masked: str, match: re.Match[str]) -> bool:
    """Whether the abbreviation is a region's after a place and its comma ("of Surrey,
    B.C."), which may close a sentence as "Inc." may."""
    return is_initials(match.group(1) + ".") and masked[: match.start(1)].endswith(", ")
