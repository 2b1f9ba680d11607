"""Who a sentence is about, read off its start: the antecedents of "he" and "they", the
speaker of an action beat, and the speaker phrase after a quote ("…,” Nezami, a militia
officer, said.")."""

from __future__ import annotations

from quoteidx.finding.lexicon import (
    AUXILIARIES,
    CLAUSE_WORDS,
    DETERMINERS,
    FIRST_PERSON,
    PERSON_NOUNS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
)
from quoteidx.finding.names import (
    Mention,
    is_name_word,
    is_title,
    make_mention,
    name_end,
)
from quoteidx.finding.phrases import apposition_after
from quoteidx.finding.tokens import Token, is_person_noun, is_speech_verb


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
    first = tokens[a]
    if first.lower in PERSONAL_PRONOUNS or first.lower in FIRST_PERSON:
        return make_mention(text, tokens, a, a + 1)
    group = first.lower.endswith("s") and is_person_noun(first.lower)
    if not group and (
        is_name_word(first, sentence_initial=True) or (is_title(first) and first.is_capitalised)
    ):
        b = name_end(tokens, a, hi)
        if tokens[b - 1].lower.endswith(("'s", "’s")):
            return None  # "Trump's grasp of policy …": the sentence is about a thing
        return name_with_apposition(text, tokens, a, b, hi)
    if group or first.lower in DETERMINERS or first.lower in ("his", "her", "their"):
        b = a + 1
        while b < hi and b - a < 10:
            tok = tokens[b]
            low = tok.lower
            if not tok.is_word or low in CLAUSE_WORDS or low in AUXILIARIES or is_speech_verb(tok):
                break
            if low.endswith("ly") or (low.endswith("ed") and b > a + 1 and low not in PERSON_NOUNS):
                break
            if low in PREPOSITIONS and low not in ("of", "in"):
                break
            b += 1
        if b == a + 1 and not group:
            return None
        mention = make_mention(text, tokens, a, b)
        named = _apposed_name(text, tokens, b, hi)
        if named:
            mention = Mention(mention.text, mention.start, mention.end, mention.kind, None, named)
        return mention
    return None


def name_with_apposition(text: str, tokens: list[Token], a: int, b: int, hi: int) -> Mention:
    if a > 0 and tokens[a - 1].lower == "the" and is_title(tokens[a]):
        a -= 1
    return make_mention(text, tokens, a, b, apposition_after(text, tokens, b, hi))


def _apposed_name(text: str, tokens: list[Token], b: int, hi: int) -> str | None:
    """ "The resident, Hidaytullah," : the name set beside a description."""
    if b + 2 < hi and tokens[b].text == "," and is_name_word(tokens[b + 1]):
        end = name_end(tokens, b + 1, hi)
        if end < hi and tokens[end].text in ",." :
            return text[tokens[b + 1].start : tokens[end - 1].end]
    return None
