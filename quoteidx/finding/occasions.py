"""Where or how something was said, closing the sentence that reports it: "… in a
statement released Monday", "… during a news conference at city hall", "… in an
interview with CBC News". These are the reporter's words: a claim ends before them, and
after a trailing credit they still belong to it. A claim also ends before a clause that
brings in someone else's quote: "… at a fundraiser, in which Berg said: “…”"."""

from __future__ import annotations

from quoteidx.finding.lexicon import PREPOSITIONS, SPEECH_VERBS
from quoteidx.finding.model import Finding
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.tokens import TIME_WORDS, Token, count_words, tag_of

# What a person says something in or at ("a conference" only as a news or press one: a
# claim may well be about one: "… when she speaks at a Vatican conference").
OCCASION_NOUNS = frozenset("""statement interview email e-mail release speech briefing
post tweet letter video op-ed podcast appearance address remarks testimony filing
conference notice bulletin advisory memo affidavit submission newsletter blog""".split())
_CONFERENCE_KINDS = frozenset({"news", "press", "media"})
# After the noun: a clause of its own, or a subject of one ("… while she worked there").
_CLAUSE_WORDS = frozenset("""that which who whom and but while when because if although
though whereas he she they we i it""".split())
_OPENERS = frozenset({"in", "during", "at", "via", "through"})
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its"})
_IRREGULAR_PARTICIPLES = frozenset({"sent", "given", "made", "held"})  # ("a statement sent …")
_LATER_WORDS = frozenset({"last", "this", "earlier", "late", "early"}) | _IRREGULAR_PARTICIPLES
_LONGEST = 14  # tokens from the preposition to the sentence's end


def occasion_start(tokens: list[Token], m: int, end: int) -> int:
    """Where an occasion phrase closing tokens[m:end] starts ("the strike will go on [in
    a statement released Monday]"), else `end`."""
    for p in range(end - 3, max(m, end - _LONGEST) - 1, -1):
        if tokens[p].lower in _OPENERS and is_occasion(tokens, p, end):
            if any(t.lower in SPEECH_VERBS or t.lower == "asked" for t in tokens[m:p]):
                return end  # "… it asked for the files in a letter": the claim's own act
            return p
    return end


def is_occasion(tokens: list[Token], p: int, end: int) -> bool:
    """Whether tokens[p:end] are an occasion phrase: a preposition, a determiner, at most
    two modifiers and an occasion noun ("a news conference", "an emailed statement"),
    then only what says when, where, to whom or by whom it was given: no finite verb,
    participles allowed ("released Monday", "posted to Facebook")."""
    if end - p < 3 or tokens[p].lower not in _OPENERS or tokens[p + 1].lower not in (
            _DETERMINERS):
        return False
    noun = next((i for i in range(p + 2, min(end, p + 5)) if tokens[i].lower in OCCASION_NOUNS),
                None)
    if noun is None or any(not t.is_word for t in tokens[p + 2 : noun]):
        return False
    if tokens[noun].lower == "conference" and tokens[noun - 1].lower not in _CONFERENCE_KINDS:
        return False
    after = tokens[noun + 1] if noun + 1 < end else None
    if after is not None and after.is_word and after.text.islower() and not (
            after.lower in PREPOSITIONS or after.lower in TIME_WORDS
            or after.lower.endswith("ed") or after.lower in _LATER_WORDS):
        return False  # the noun modifies another: "in the email controversy"
    for i in range(noun + 1, end):
        t = tokens[i]
        if t.is_quote or t.text in ";:" or t.lower in _CLAUSE_WORDS:
            return False  # a clause of its own, or a title quoted
        if tag_of(tokens, i) == "AUX" or (tag_of(tokens, i) == "VERB" and not (
                t.lower.endswith("ed") or t.lower in _IRREGULAR_PARTICIPLES)):
            return False
    return True


# What opens a clause about the occasion of someone else's quote: ", in which Berg said:"
_OCCASION_CLAUSES = {"where": None, "when": None, "in": "which", "at": "which",
                     "during": "which"}


def before_quoted_clause(para: Paragraph, claim: Finding, quoted: list[tuple[int, int]],
                         min_words: int) -> Finding | None:
    """The claim up to the relative clause that brings in a direct quote inside it
    ("that she had obtained video of Berg at a fundraiser[, in which Berg said: “…”]"),
    or up to "and that" opening a quoted second clause,
    or None when no such clause comes before the quote: the quote is someone's words
    of its own, not the claim's."""
    if claim.parts:
        return None
    tokens = para.tokens
    inside = [s for s, _e in quoted if claim.start < s < claim.end]
    if not inside:
        return None
    a, q = para.token_at(claim.start), para.token_at(inside[0])
    for p in range(q - 2, a + min_words, -1):
        word = tokens[p + 1].lower if p + 1 < q else ""
        if tokens[p].lower == "and" and word == "that" and p + 3 >= q and (
                count_words(tokens, a, p) >= min_words):
            # "that he had spoken to Johnson and that “I think …”": a second clause, quoted
            return Finding(claim.start, tokens[p - 1].end, claim.kind, claim.paragraph,
                           claim.cue, claim.mention, claim.outlet)
        if tokens[p].text == "," and word in _OCCASION_CLAUSES and (
                _OCCASION_CLAUSES[word] is None or tokens[p + 2].lower == "which"):
            if count_words(tokens, a, p) < min_words:
                return None
            return Finding(claim.start, tokens[p - 1].end, claim.kind, claim.paragraph,
                           claim.cue, claim.mention, claim.outlet)
    return None
