"""How a word occurs in a document's text, for telling a name from a place or a common
word: inside a sentence, after a place preposition, standing alone (not in a web
address or a handle)."""

from __future__ import annotations

from collections.abc import Callable


def occurs(text: str, word: str, fits: Callable[[str, int, int], bool]) -> bool:
    """Whether `word` occurs in `text` as a whole word at a place `fits` accepts. A
    plain substring search: cheaper than a pattern over the whole document."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        whole = (at == 0 or not text[at - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
            and not (text[end] in "'’" and text[end + 1 : end + 2].isalpha()))  # don't
        if whole and fits(text, at, end):
            return True
        at = text.find(word, end)
    return False


def inside_sentence(text: str, at: int, _end: int) -> bool:
    """After a word or a comma on the same line: "… said Acme", "Ruiz, Acme …", "“…,”
    Acme said"."""
    k = at - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < at - 1 and k >= 0 and (text[k].isalnum() or text[k] in ",;" or (
        text[k] in "”\"’'" and k > 0 and text[k - 1] in ",?!"))


def after_place_preposition(text: str, at: int, end: int) -> bool:
    return text[max(0, at - 6) : at].lower().endswith((" in ", " from ", " near ")) and (
        text[end : end + 1] not in "'’")


def standing_alone(text: str, at: int, end: int) -> bool:
    """Not inside a web address or a handle ("twitter.com", "@acme", "/acme/")."""
    before = text[at - 1] if at else " "
    after = text[end : end + 2]
    return before not in "./@_-" and not (after[:1] in "./@_" and after[1:2].isalnum())
