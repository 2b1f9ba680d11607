"""Claims credited with "as X said": after the clause ("Rents will rise, as the mayor
warned last week.") or before it ("As Ruiz noted on Monday, the city has no money.")."""

from __future__ import annotations

from quoteidx.finding.according import MIN_CONTENT_WORDS, trim_end, words
from quoteidx.finding.forward_phrases import phrase_at
from quoteidx.finding.lexicon import ADVERBS_NEAR_VERB, FIRST_PERSON, PREPOSITIONS
from quoteidx.finding.model import Finding
from quoteidx.finding.names import Mention
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.tokens import TIME_WORDS, Token

# Forms that credit a claim after "as": "as Ruiz said", "as the agency has noted".
_CREDIT_VERBS = frozenset("""said says noted notes suggested suggests wrote writes warned
warns argued argues observed observes explained explains reported reports pointed
acknowledged acknowledges admitted admits predicted predicts""".split())
_BEFORE_VERB = ADVERBS_NEAR_VERB | {"has", "have", "had", "previously", "once", "rightly",
                                    "first", "himself", "herself", "itself"}
_PHRASAL = {"pointed": "out", "put": "it"}
_TIME_LINKS = frozenset({"after", "before", "when", "while", "during", "since"})


def as_said(para: Paragraph, a: int, b: int) -> Finding | None:
    """The claim "as X said" credits in the sentence tokens[a:b], if it has one."""
    tokens = para.tokens
    for k in range(a, b - 2):
        if tokens[k].lower != "as" or not (k == a or tokens[k - 1].text in (",", "—", "–")):
            continue
        credit = _credit(para, k, b)
        if credit is None:
            continue
        mention, verb, end = credit
        if k == a:  # "As Ruiz noted on Monday, the city has no money."
            if end >= b or tokens[end].text != ",":
                return None
            c_start, c_end = end + 1, trim_end(tokens, end + 1, b)
        else:  # "Rents will rise, as the mayor warned last week."
            if end < b and tokens[end].text not in (".", "!", "?", ";"):
                return None  # (the sentence goes on: "…, as he explained how …")
            c_start, c_end = a, trim_end(tokens, a, k)
            colon = next((i for i in range(k - 1, a, -1) if tokens[i].text == ":"), None)
            if colon is not None:
                c_start = colon + 1  # "A reminder: the plans would cost a fortune, as …"
        if c_end <= c_start or words(tokens, c_start, c_end) < MIN_CONTENT_WORDS or (
                tokens[c_start].is_quote):
            return None  # (a quote after it is a direct quote's)
        return Finding(tokens[c_start].start, tokens[c_end - 1].end, "indirect",
                       (para.start, para.end), verb, mention)
    return None


def _credit(para: Paragraph, k: int, b: int) -> tuple[Mention, str, int] | None:
    """After the "as" at tokens[k]: the speaker phrase, its verb, and where the credit
    ends (past a time or a place: "as Ruiz said last week in Ottawa")."""
    tokens = para.tokens
    mention = phrase_at(para.text, tokens, k + 1, b)
    if mention is None or mention.text.lower() in FIRST_PERSON or mention.text.lower() in (
            "it", "this", "that", "usual", "such"):
        return None
    v = next((i for i in range(k + 1, b) if tokens[i].start >= mention.end), b)
    while v < b and tokens[v].lower in _BEFORE_VERB:
        v += 1
    if v >= b:
        return None
    verb = tokens[v]
    phrasal = _PHRASAL.get(verb.lower)
    if phrasal is not None and v + 1 < b and tokens[v + 1].lower == phrasal:
        v += 1  # "as Ruiz pointed out", "as one analyst put it"
    elif verb.lower not in _CREDIT_VERBS:
        return None
    end = _past_adverbials(tokens, v + 1, b)
    return mention, para.text[verb.start : tokens[v].end], end


def _past_adverbials(tokens: list[Token], i: int, b: int) -> int:
    """Past the time and place words after the verb ("last week", "in a speech in
    Ottawa", "at the outset"), to the comma or full stop that ends the credit."""
    while i < b and tokens[i].text not in (",", ".", "!", "?", ";", "—", "–"):
        tok = tokens[i]
        if tok.lower in _TIME_LINKS:  # "as Ruiz said after the vote was counted"
            while i < b and tokens[i].text not in (",", ".", "!", "?", ";", "—", "–"):
                i += 1
            return i
        if not (tok.lower in TIME_WORDS or tok.lower in PREPOSITIONS or tok.is_word and (
                tokens[i - 1].lower in PREPOSITIONS or tokens[i - 1].lower in TIME_WORDS
                or i > 0 and tokens[i - 1].lower in ("the", "a", "an", "his", "her", "its",
                                                    "their") or tok.is_capitalised)):
            return i  # (an object: "as he explained how …")
        i += 1
    return i
