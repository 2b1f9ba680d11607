"""The organisations a document names, for the short forms that stand for them later:
"the bank" -> "Port Bank", "the union" -> "Canadian Union of Public Employees", "CUPE"
-> the same, "the company" -> "Acme Corp".

Organisation names are read off the text in one pass: runs of capitalised words (joined
by "of", "for", "the", "&" when the part before is itself an organisation's word, as
in "Bank of Canada") that hold a word organisations are named with (Bank, Union, Corp,
Ministry, ...). An acronym in brackets after one, "(CUPE)", is its short form; so is
one made of its initials.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from quoteidx.attributing.lexicon import (
    ACRONYM_SKIPS,
    COMPANY_NOUNS,
    COMPANY_WORDS,
    EXTRA_ORG_WORDS,
)
from quoteidx.attributing.names import ALL_TITLES, is_acronym
from quoteidx.finding.lexicon import CALENDAR_NAMES, FRENCH_BODY_NOUNS, NOT_NAMES
from quoteidx.finding.office_words import ORG_WORDS

_WORD = r"[A-Z][\w&'’.-]*"
_JOIN = r"(?:of|for|on|the|de|des|du|la|le|&)"
_RUN = re.compile(rf"{_WORD}(?:[ \t]+(?:{_JOIN}[ \t]+)*{_WORD})*")
_POSSESSIVE = re.compile(r"['’]s?$")
_OWNED_BY = re.compile(r"['’]s$")
_SPACED = re.compile(r"\S+")
_ORG_ALTERNATIVES = "|".join(sorted(
    {re.escape(w) for w in ORG_WORDS | EXTRA_ORG_WORDS | FRENCH_BODY_NOUNS.keys()}
    | {re.escape(w.capitalize()) for w in COMPANY_WORDS}, key=len, reverse=True))
_ANY_ORG_WORD = re.compile(rf"\b(?:{_ORG_ALTERNATIVES})(?![\w])")
_BRACKETED = re.compile(r"[ \t]*\(([A-Z][A-Z.&]{1,9})\)")


@dataclass(frozen=True, slots=True)
class Organisation:
    start: int
    name: str
    words: frozenset[str]  # lower-cased
    initials: str


def _bare(word: str) -> str:
    """A word of a name without a possessive or the sentence's full stop ("Inc." keeps it)."""
    word = _POSSESSIVE.sub("", word)
    if word.endswith(".") and word.lower() not in COMPANY_WORDS and not is_acronym(word):
        word = word.rstrip(".")
    return word


def _sentences(run: str, offset: int) -> list[list[tuple[str, int]]]:
    """The words of a capitalised run, bare, split where a full stop ends a sentence
    ("… at Port Bank. Acme Inc. said": "Inc." does not end one)."""
    out: list[list[tuple[str, int]]] = [[]]
    for match in _SPACED.finditer(run):
        word = match.group()
        bare = _bare(word)
        out[-1].append((bare, offset + match.start()))
        if word.endswith(".") and not bare.endswith(".") or _OWNED_BY.search(word) and (
                _is_org_word(bare)):
            out.append([])  # (and after a body's possessive: "… School Board's Ward 4")
    return [words for words in out if words]


def _is_org_word(word: str) -> bool:
    return word in ORG_WORDS or word in EXTRA_ORG_WORDS or word in FRENCH_BODY_NOUNS or (
        word.lower() in COMPANY_WORDS)


_JOINS = frozenset({"of", "for", "on", "de", "des", "du", "la", "le", "&"})


def _modifying(names: list[str]) -> set[str]:
    """The body words that modify another body word after them, so that the name is not
    of their kind: "University" in "Lakeview University Staff Union" (a union, not "the
    university"), "School" in "Harbour School Board"; not "Bank" in "Bank of Canada"."""
    found = set()
    for i, word in enumerate(names):
        if not _is_org_word(word):
            continue
        for later in names[i + 1 :]:
            if later.lower() in _JOINS:
                break
            if _is_org_word(later):
                found.add(word.lower())
                break
    return found


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in ACRONYM_SKIPS and w[0].isupper())


def _segments(words: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """Split a capitalised run where a joining word links two names rather than making
    one ("Ana Ruiz of Port Bank" is two names; "Bank of Canada" is one) and before a
    title ("Acme Corp CEO Tom Berg" is an organisation and a person)."""
    out: list[list[tuple[str, int]]] = [[]]
    for word, at in words:
        current = out[-1]
        if word[0].islower() or word == "&":
            after_join = bool(current) and current[-1][0] in ("of", "for", "on")
            if word == "&" or (word == "the" and after_join) or (
                    word != "the" and any(_is_org_word(w) for w, _ in current)):
                current.append((word, at))
            else:
                out.append([])
        elif word.lower().rstrip(".") in ALL_TITLES and current:
            last = max((i for i, (w, _) in enumerate(current) if _is_org_word(w)), default=None)
            if last is not None and 0 < len(current) - 1 - last <= 2:
                del current[last + 1 :]  # "… Fire Department Battalion Chief": the title's
            out.append([])
        else:
            current.append((word, at))
    return [seg for seg in out if seg]


def _before_day(segment: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A run without the day or month it closes on: "Harbour Teachers Union on Friday"."""
    for i in range(1, len(segment) - 1):
        if segment[i][0] == "on" and segment[i + 1][0] in CALENDAR_NAMES:
            return segment[:i]
    return segment


def _nearest(found: list[Organisation], position: int) -> Organisation | None:
    i = bisect_left(found, position, key=lambda org: org.start)
    return found[i - 1] if i else None


class Organisations:
    """Every organisation a document names, indexed by the words of its name, its
    initials and the acronym given to it, each list in text order."""

    def __init__(self, text: str) -> None:
        self._by_word: dict[str, list[Organisation]] = {}
        self._by_initials: dict[str, list[Organisation]] = {}
        self._by_acronym: dict[str, list[Organisation]] = {}
        self._companies: list[Organisation] = []
        for run in _RUN.finditer(text):
            found = run.group()
            if not _ANY_ORG_WORD.search(found):
                continue  # most runs are a name or a sentence's first word
            for segment in (seg for words in _sentences(found, run.start())
                            for seg in _segments(words)):
                while segment and (segment[0][0] in NOT_NAMES or segment[0][0][0].islower()):
                    segment = segment[1:]
                segment = _before_day(segment)  # "Port Bank on Friday": the bank
                while segment and segment[-1][0][0].islower():
                    segment = segment[:-1]
                if segment and any(_is_org_word(w) for w, _ in segment):
                    self._add(text, segment)

    def _add(self, text: str, segment: list[tuple[str, int]]) -> None:
        names = [w for w, _ in segment]
        last, at = segment[-1]
        # the name as written ("Lakeside Teachers' Union"), without the last word's
        # possessive or full stop
        name = text[segment[0][1] : at + len(last)]
        org = Organisation(segment[0][1], name, frozenset(w.lower() for w in names),
                           _initials(names))
        english = {FRENCH_BODY_NOUNS[w] for w in names if w in FRENCH_BODY_NOUNS}
        for word in (org.words - _modifying(names)) | english:  # ("Université …" is
            self._by_word.setdefault(word, []).append(org)  # "the university")
        if org.words & COMPANY_WORDS:
            self._companies.append(org)
        if len(org.initials) > 1:
            self._by_initials.setdefault(org.initials, []).append(org)
        bracket = _BRACKETED.match(text, at + len(last))
        if bracket and is_acronym(bracket.group(1)):
            self._by_acronym.setdefault(bracket.group(1).replace(".", ""), []).append(org)

    def expand(self, acronym: str, position: int) -> str | None:
        """The full name an acronym stands for: the one it was given to in brackets
        ("Canadian Union of Public Employees (CUPE)"), else the nearest earlier
        organisation with those initials."""
        key = acronym.replace(".", "")
        for index in (self._by_acronym, self._by_initials):
            org = _nearest(index.get(key, []), position)
            if org is not None:
                return org.name
        return None

    def named_before(self, head: str, position: int) -> tuple[int, str] | None:
        """The organisation nearest before `position` that "the <head>" can stand for:
        one with that word in its name ("the bank" -> "Port Bank"), or a company for
        "the company" / "the firm"."""
        holding = self._by_word.get(head, [])
        nearest = _nearest(holding, position)
        if nearest is not None and len(nearest.words) == 1:
            # a body's word alone ("Commission chair Ana Ruiz", "Council voted") is the
            # short form of the body named in full before it ("Lakeport Transit Commission")
            nearest = _nearest([org for org in holding if len(org.words) > 1], position) or (
                nearest)
        found = [nearest]
        if head in COMPANY_NOUNS:
            found.append(_nearest(self._companies, position))
        best = max((org for org in found if org is not None), key=lambda org: org.start,
                   default=None)
        return (best.start, best.name) if best else None

    def short_form(self, word: str, position: int) -> str | None:
        """The company a lone word stands for: the nearest earlier one whose name it
        opens ("Loblaw" for "Loblaw Companies Ltd.")."""
        found = [org for org in self._companies if org.start < position
                 and org.name.split()[0] == word and " " in org.name]
        return found[-1].name if found else None
