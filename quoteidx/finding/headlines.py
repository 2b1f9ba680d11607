"""Headline attributions: "Ruiz: Harbour Tax Will Fund the Pier" or "Ruiz Says Harbour
Tax Will Fund the Pier", a headline that gives a claim to the name before its colon or
its title-case speech verb (or to the name closing it: "…, Ruiz Says"), the way headlines
report speech.

Only a document's first line (its headline) qualifies, short and of one sentence, with a
name of a few capitalised words before the colon (role words allowed: "Port Chair Ana
Ruiz") and a claim with a verb. Section labels ("Update:", "Watch:", "Harbour
Poll:") and times ("8:45 p.m.:") are not speakers, nor is a topic ("Iowa Caucuses: What
to Expect"). The attribution stage keeps the claim only when the story below names the
person or body again (see quoteidx.attributing.quotes).
"""

from __future__ import annotations

from quoteidx.finding.clauses import has_verb
from quoteidx.finding.descriptions import is_role_word, names_people
from quoteidx.finding.lexicon import PREPOSITIONS
from quoteidx.finding.marks import CLOSING_MARKS, OPENING_MARKS
from quoteidx.finding.model import Finding
from quoteidx.finding.names import is_name_word, make_mention
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.subjects import sentence_subject
from quoteidx.finding.tokens import tag_of

HEADLINE_CUE = "(headline)"  # the record's cue, as "(action beat)" is a beat's
_MAX_WORDS = 30  # a headline or a one-line summary, not running text
_MAX_SPEAKER_TOKENS = 6
_MIN_CLAIM_WORDS = 3
# Labels that open a line with a colon and name no one.
_LABELS = frozenset("""
update updated updates watch video videos photo photos picture pictures gallery listen
audio live breaking exclusive analysis opinion editorial commentary column review
related read more see also note editor editors correction clarification transcript
source sources credit caption tags topics timeline background context verdict rating
fact check factcheck warning disclaimer question answer q a poll polls report reports
survey study quiz explainer interview podcast newsletter subscribe follow share
contact email phone twitter facebook instagram location date time day when where what
why how who part chapter episode scene act week round step look boom wow just new
now here inside latest
""".split())

_QUESTION_WORDS = frozenset("what how why who when where which whose whom".split())


# Speech verbs as a title-case headline writes them: "Ruiz Says Harbour Tax Will Fund …".
_TITLE_VERBS = frozenset("""Says Say Said Warns Claims Insists Admits Predicts Argues
Thinks Believes""".split())


def headline_claim(para: Paragraph) -> Finding | None:
    """The claim of a line shaped "Name: claim", "Name Says Claim" or "Claim, Name Says",
    or None."""
    if len(para.sentences) != 1:
        return None
    tokens = para.tokens
    if not tokens or tokens.words_between(0, len(tokens)) > _MAX_WORDS:
        return None
    if ":" in para.masked[:120]:
        colon = next((i for i, t in enumerate(tokens[: _MAX_SPEAKER_TOKENS + 1])
                      if t.text == ":"), None)
        if colon is not None and colon > 0:
            return _quote_first(para, colon) or _claim(para, 0, colon, colon + 1, len(tokens))
    verb = next((i for i, t in enumerate(tokens[: _MAX_SPEAKER_TOKENS + 1])
                 if t.text in _TITLE_VERBS), None)
    if verb is not None and verb > 0:
        return _claim(para, 0, verb, verb + 1, len(tokens))
    end = len(tokens) - 1 if tokens[-1].text in ".!?" else len(tokens)
    if end > 2 and tokens[end - 1].text in _TITLE_VERBS:  # "…, Ana Ruiz Says."
        comma = next((i for i in range(end - 2, max(0, end - 2 - _MAX_SPEAKER_TOKENS), -1)
                      if tokens[i].text == ","), None)
        if comma is not None and comma > 0:
            return _claim(para, comma + 1, end - 1, 0, comma)
    return None


def _quote_first(para: Paragraph, colon: int) -> Finding | None:
    """"‘It’s a crisis’: Premier Ana Ruiz calls for help": a quote opening the headline,
    then a colon and a clause whose subject (a name, or people) said it; else None."""
    tokens = para.tokens
    inner = [t for t in tokens[:colon] if t.text not in OPENING_MARKS | CLOSING_MARKS]
    if len(inner) != 1 or not inner[0].is_quote or not para.spans or colon + 2 >= len(tokens):
        return None
    subject = sentence_subject(para.text, tokens, colon + 1, len(tokens))
    if subject is None or subject.kind not in ("name", "description") or (
            subject.kind == "description" and not names_people(subject.text)) or (
            subject.end >= tokens[-1].start):  # (a clause after it, not a name alone)
        return None
    span = para.spans[0]
    return Finding(span.start, span.end, "direct", (para.start, para.end), HEADLINE_CUE,
                   subject)


def _claim(para: Paragraph, s: int, e: int, c: int, c_end: int) -> Finding | None:
    """The claim tokens[c:c_end] of the name tokens[s:e], if both look the part."""
    tokens = para.tokens
    before = tokens[s:e]
    if not before[0].is_capitalised or before[0].lower in _LABELS or (
            before[-1].lower.rsplit("-", 1)[-1] in _LABELS):
        return None  # "Update:", "Harbour Poll:", "Culture-Business Report:"
    if any(not t.is_word or t.is_quote or any(c.isdigit() for c in t.text) for t in before):
        return None  # "8:45 p.m.:", "(AP):", a quote
    if not any(is_name_word(t) for t in before) or any(
            not t.is_capitalised and not is_role_word(t.lower) for t in before):
        return None  # "the plan:", "What we know:"
    if any(t.lower in PREPOSITIONS and t.lower != "of" for t in before[:-1]):
        return None  # "Big Win For Bernie:", "Trouble In Harbour:": a topic, not a name
    after = tokens[c:c_end]
    words = [t for t in after if t.is_word and not t.is_quote]
    quoted_words = sum(len(para.text[t.start : t.end].split()) for t in after if t.is_quote)
    if len(words) + quoted_words < _MIN_CLAIM_WORDS or not words:
        return None  # (a quote alone, `Ruiz: “…”`, is the direct finder's)
    quoted = quoted_words > 1
    if not has_verb(tokens, c, c_end) and not quoted:
        # "Ruiz: A Closing Surge": a label for her, not her words (but "Ruiz: Mayor ‘Not
        # Fit To Serve’" quotes her)
        return None
    if words and words[0].lower in _QUESTION_WORDS:
        return None  # "Iowa Caucuses: What to Expect": a topic and a question, no claim
    mention = make_mention(para.text, tokens, s, e)
    if mention.kind == "pronoun":
        return None
    end = after[-1].end if after[-1].text not in ".!?" or len(after) < 2 else after[-2].end
    return Finding(after[0].start, end, "indirect", (para.start, para.end), HEADLINE_CUE,
                   mention)


def reads_as_passive(para: Paragraph, finding: Finding) -> bool:
    """Whether a headline's claim verb is headlinese for a passive: "Man charged after
    crash that killed cyclist" (a man was charged): a past form before a preposition,
    its "that" opening a relative clause (a verb after it), not a claim ("Ruiz warned in
    2019 that the dam was unsafe")."""
    cue = (finding.cue or "").lower()
    if not cue.endswith("ed") or finding.mention is None:
        return False
    tokens = para.tokens
    k = next((i for i, t in enumerate(tokens) if t.start >= finding.mention.end
              and t.lower == cue), None)
    if k is None or k + 1 >= len(tokens) or tokens[k + 1].lower not in PREPOSITIONS:
        return False
    that = next((i for i in range(k + 2, len(tokens) - 1) if tokens[i].lower == "that"), None)
    return that is None or tag_of(tokens, that + 1) in ("VERB", "AUX")
