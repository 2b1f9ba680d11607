"""Who a sentence is about, read off its start: the antecedents of "he" and "they", the
speaker of an action beat, and the speaker phrase after a quote ("…,” Nezami, a militia
officer, said.")."""

from __future__ import annotations

from quoteidx.finding.lexicon import (
    CLAUSE_WORDS,
    DETERMINERS,
    PREPOSITIONS,
)
from quoteidx.finding.names import (
    Mention,
    is_name_word,
    is_title,
    make_mention,
    name_end,
)
from quoteidx.finding.phrases import apposition_after, phrase_at
from quoteidx.finding.tokens import Token


def sentence_subject(text: str, tokens: list[Token], lo: int, hi: int) -> Mention | None:
    """The person a sentence is about, read off its start: "Shariyar Nezami nodded",
    "The resident, Hidaytullah, pleaded", "But a hawk-faced former mujaheddin …, was"."""
    a = lo
    while a < hi and tokens[a].lower in ("but", "and", "so", "yet", "then", "now", "still"):
        a += 1
    if a >= hi:
        return None
    first = tokens[a]
    leads_clause = (
        first.lower in PREPOSITIONS or first.lower in CLAUSE_WORDS or first.lower.endswith("ing")
        or first.lower.endswith("ly") or first.lower in ("unlike", "like", "despite")
    ) and first.lower not in ("one",)
    if leads_clause or not (first.is_word or first.is_quote):
        # A leading phrase: take the first name not inside a prepositional phrase,
        # else what follows the first comma.
        for k in range(a + 1, min(hi, a + 30)):
            tok = tokens[k]
            if tok.text == ",":
                return sentence_subject(text, tokens, k + 1, hi) if k + 1 < hi else None
            if is_name_word(tok) and not _in_prepositional_phrase(tokens, k, a) and not (
                tokens[k - 1].lower == "the" and not is_title(tok)
            ):
                b = name_end(tokens, k, hi)
                return name_with_apposition(text, tokens, k, b, hi)
        return None
    return phrase_forward(text, tokens, a, hi)


def _in_prepositional_phrase(tokens: list[Token], k: int, lo: int) -> bool:
    j = k - 1
    while j >= lo and (tokens[j].lower in DETERMINERS or is_name_word(tokens[j])):
        j -= 1
    return j >= lo and tokens[j].lower in PREPOSITIONS


def phrase_forward(text: str, tokens: list[Token], a: int, hi: int) -> Mention | None:
    """The phrase opening a sentence (or following a quote) that may name a person."""
    return phrase_at(text, tokens, a, hi, initial=True)


def name_with_apposition(text: str, tokens: list[Token], a: int, b: int, hi: int) -> Mention:
    if a > 0 and tokens[a - 1].lower == "the" and is_title(tokens[a]):
        a -= 1
    return make_mention(text, tokens, a, b, apposition_after(text, tokens, b, hi))
