"""Direct quotes: quoted words that stand as speech, and which of the cues next to them
(read by finding.cues) attributes them.

A quote is speech when it stands on its own (it opens a sentence, follows a colon or a
speech verb) or carries a cue right after it. A quote inside the flow of a sentence
("known as the “Lion of Herat”") is a term or a fragment of a claim, not a quote.
"""

from __future__ import annotations

import re

from quoteidx.finding.clauses import ends_in_comma, names_a_work
from quoteidx.finding.cues import LEAD_PUNCT, leading_cue, trailing_cue
from quoteidx.finding.forward_phrases import noun_phrase_after
from quoteidx.finding.lexicon import SPEECH_VERBS
from quoteidx.finding.marks import Span
from quoteidx.finding.model import Finding
from quoteidx.finding.names import Mention
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.phrases import noun_phrase_before
from quoteidx.finding.speech_verbs import trailing_verb
from quoteidx.finding.subjects import phrase_forward
from quoteidx.finding.tokens import Token, is_speech_verb, tag_of

_MIN_UNCUED_WORDS = 4  # fewer quoted words with no cue: a term or a scare quote


# A letter or digit (str.isalnum: \w less the underscore), and a word holding one.
_ALNUM = re.compile(r"[^\W_]")
_WORD = re.compile(r"\S*?[^\W_]\S*")


def _word_count(text: str) -> int:
    """Words (split at whitespace) with a letter or digit in them."""
    return len(_WORD.findall(text))


def _quote_token(para: Paragraph, span: Span) -> int | None:
    index = para.token_at(span.start)
    if index < len(para.tokens) and para.tokens[index].is_quote:
        return index if para.tokens[index].start < span.end else None
    return None


def _looks_credited(para: Paragraph, c: int, hi: int) -> bool:
    """Whether the words after a quote look like a credit of their own that no rule
    read ("“…,” an angry Ruiz retaliated"): a name or pronoun then a lower-case word. Such
    a quote is nobody's continuation."""
    tokens = para.tokens
    while c < hi and tokens[c].text in LEAD_PUNCT:
        c += 1
    if c >= hi:
        return False
    if c + 1 < hi and tokens[c].is_word and not tokens[c].is_capitalised and tokens[
            c + 1].lower in ("one", "another", "others") and tag_of(tokens, c) in ("VERB", "AUX"):
        return True  # "“…,” read one. “…,” was another.": the credit is the sign's
    mention = phrase_forward(para.text, tokens, c, hi)
    if mention is None:
        return False
    k = next((i for i in range(c, hi) if tokens[i].start >= mention.end), hi)
    if k + 1 < hi and tokens[k + 1].text == ":" and tokens[c - 1].text not in LEAD_PUNCT:
        return False  # “A.” Tom Berg said: “B.”: his credit is B's, A is the last speaker's
    return k < hi and tokens[k].is_word and not tokens[k].is_capitalised


def _inside_clause(para: Paragraph, q: int, c: int, hi: int) -> bool:
    """Whether a quote right after its verb ("said “…”", "says that “…”", no comma or
    colon) is followed by more of the same clause: then it is a fragment of a claim."""
    tokens = para.tokens
    before = tokens[q - 2] if q >= 2 and tokens[q - 1].end == tokens[q].start else None
    if before is None or not (is_speech_verb(before) or before.lower == "that"):
        return False
    return c < hi and tokens[c].is_word and not is_speech_verb(tokens[c]) and (
        tokens[c].lower not in ("he", "she", "they", "it", "and", "but", "then", "before"))


def find_direct(para: Paragraph) -> list[Finding]:
    """Direct quotes of one paragraph."""
    found: list[Finding] = []
    tokens = para.tokens
    closes = [span.close_at for span in para.spans]
    for number, span in enumerate(para.spans):
        content = para.text[span.start : span.end]
        if not _ALNUM.search(content):
            continue
        q = _quote_token(para, span)
        if q is None:
            continue
        s_start, s_end = para.sentences[para.sentence_of(span.open_at)]
        previous_close = closes[number - 1] + 1 if number else para.start
        if number and _word_count(para.text[para.spans[number - 1].start:closes[number - 1]]) < (
                _MIN_UNCUED_WORDS):
            previous_close = para.start  # a term quoted in the lead-in does not cut it short
        lo_offset = max(s_start, previous_close)
        lo = min(q, para.token_at(lo_offset))
        next_open = para.spans[number + 1].open_at if number + 1 < len(para.spans) else para.end
        hi = max(q + 1, para.token_range(span.start, min(s_end, next_open))[1])
        c = q + 1
        if c < hi and tokens[c].start == span.close_at:
            c += 1  # the closing mark
        lo, hi = _within_parentheses(tokens, lo, q, c, hi)

        trail = trailing_cue(para, c, hi)
        lead = leading_cue(para, lo, q - 1 if q > 0 and tokens[q - 1].end == span.start else q)
        opens_sentence = lo == (q - 1 if q > 0 and tokens[q - 1].end == span.start else q)
        words = _word_count(content)
        finding = Finding(span.start, span.end, "direct", (para.start, para.end))
        if lead is not None and _inside_clause(para, q, c, hi):
            continue  # `Obama said “it gets me mad” every time …`: one claim, the quote in it
        if names_a_work(para, q):
            continue  # `said in his 2012 book, “An American Son.”`: a title, not speech
        if trail is not None and lead is not None and (
                trail[1].lower() in _REPORTING_CUES or lead[1].lower() in SPEECH_VERBS
                and para.text[:span.open_at].rstrip().endswith(":")):
            # `Ruiz said: “…,” the Times reported.`, `Berg said: “…,” Ruiz recalled.`: the
            # speech verb and colon before the quote say whose words they are (not a
            # comma: in `“A,” X said, “B,” said Y` X's credit is A's)
            finding.mention, finding.cue = lead[0], lead[1]
        elif trail is not None:
            finding.mention, finding.cue = trail
            if lead is None and not opens_sentence:
                continue  # `is now “unpredictable”, he said`: a fragment inside a claim
        elif lead is not None:
            finding.mention, finding.cue = lead[0], lead[1]
        elif found and _split_after_credit(para, found[-1], closes[number - 1], span):
            pass  # “The risk,” said X, an economist who …, “is that …”: the rest of it
        elif opens_sentence and (credit := _closing_credit(para, lo, hi)) is not None:
            # `“This will be hard” for the city, said Ana Ruiz.`: the credit closing the
            # sentence is the quote's, the words between are the reporter's
            finding.mention, finding.cue = credit
        elif opens_sentence and (words >= _MIN_UNCUED_WORDS or found):
            if _looks_credited(para, c, hi):
                continue  # credited in words no rule reads: not the last speaker's
            # standalone: the rest of a quote before it, or speaker from the context
        else:
            continue
        found.append(finding)
    # Inside a paragraph, an uncued quote after a quote is the rest of what that speaker
    # said: “A,” X said. “B.” is one quotation in two parts.
    # So is “A,” X said, “B.”: the cue after A is the cue before B.
    merged: list[Finding] = []
    for finding in found:
        if merged and (finding.mention is None or _same_mention(merged[-1], finding)):
            merged[-1].add_part(finding.start, finding.end)
        else:
            merged.append(finding)
    return merged


_REPORTING_CUES = frozenset({"reported", "reports", "according to"})


def _closing_credit(para: Paragraph, a: int, b: int) -> tuple[Mention, str] | None:
    """The speaker and verb of a credit closing the sentence tokens[a:b] after a comma
    (", said Ana Ruiz." / ", Ana Ruiz said."), or None."""
    k = trailing_verb(para, a, b)
    if k is None:
        return None
    tokens = para.tokens
    speaker = noun_phrase_after(para.text, tokens, k, b) if ends_in_comma(para, k) else (
        noun_phrase_before(para.text, tokens, k, a))
    return (speaker, tokens[k].text) if speaker is not None else None


def _within_parentheses(tokens: list[Token], lo: int, q: int, c: int, hi: int
                        ) -> tuple[int, int]:
    """The bounds of a quote's sentence narrowed to the parentheses it stands in
    ("… blowback (“I want my dues back,” wrote Ed Nelson, a technician).": the words
    outside are the reporter's, and none of them is the credit)."""
    opening = next((k for k in range(q - 1, lo - 1, -1) if tokens[k].text in "()"), None)
    if opening is None or tokens[opening].text != "(":
        return lo, hi
    closing = next((k for k in range(c, hi) if tokens[k].text in "()"), hi)
    return opening + 1, closing


def _split_after_credit(para: Paragraph, before: Finding, close: int, span: Span) -> bool:
    """Whether the quote `span` goes on with the sentence of the quote `before` across
    the credit after it, however long: it opens in lower case after that credit and a
    comma, all in one sentence."""
    gap = para.text[close + 1 : span.open_at]
    mention = before.mention
    if mention is None or not close < mention.start < span.open_at or not (
            gap.rstrip().endswith(",")) or any(c in gap for c in ".?!;") or not (
            para.text[span.start : span.start + 1].islower()):
        return False
    # the credit alone: one speech verb and no clause ("she wrote, arguing that if …,
    # “more homes will burn”" quotes a fragment of her claim)
    a, b = para.token_range(close + 1, span.open_at)
    tokens = para.tokens
    return sum(is_speech_verb(t) for t in tokens[a:b]) == 1 and not any(
        t.lower == "that" for t in tokens[a:b])


def _same_mention(first: Finding, second: Finding) -> bool:
    return (first.mention is not None and second.mention is not None
            and first.mention.start == second.mention.start)
