"""Reported speech: "X said (that) …", "…, X said.", "according to X", "X told <outlet>
that …", "X denies …". A claim comes from a sentence outside quote marks; quoted
fragments inside it ("is now “unpredictable”") stay part of the claim. This module reads
a sentence: its sources ("according to", "as X said"), its speech verbs in turn (each
verb's claim is quoteidx.finding.verb_claims'), and the claims other words bring in."""

from __future__ import annotations

from quoteidx.finding.according import according_to, in_the_view_of
from quoteidx.finding.as_said import as_said
from quoteidx.finding.clauses import MIN_CONTENT_WORDS, SUBORDINATORS, end_in_quote
from quoteidx.finding.lexicon import CLAIM_VERBS, FORWARD_ONLY_VERBS, THAT_ONLY_VERBS
from quoteidx.finding.model import Finding
from quoteidx.finding.names import Mention
from quoteidx.finding.naming import naming_claims
from quoteidx.finding.occasions import before_quoted_clause
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.participle_asides import QUESTION_WORDS
from quoteidx.finding.phrasal import phrasal_claims
from quoteidx.finding.phrases import noun_phrase_before
from quoteidx.finding.speech_verbs import (
    is_claim_verb,
    next_attribution,
    trailing_verb,
    valid_speaker,
)
from quoteidx.finding.tokens import Token
from quoteidx.finding.verb_claims import verb_claim


def _says_itself(para: Paragraph, found: Finding, b: int) -> bool:
    """Whether the words an "according to" attributes open with an attribution of their
    own ("According to ABC News, Basya believes …"): that one is the claim."""
    tokens = para.tokens
    c = para.token_at(found.segments()[-1][0])
    if tokens[c].lower in SUBORDINATORS:
        return False  # "Since the province declared an emergency, 900 died, according to …"
    for k in range(c + 1, min(b, c + 8)):
        if is_claim_verb(tokens, k, c, b):
            if tokens[k].lower in THAT_ONLY_VERBS and not (
                    k + 1 < b and tokens[k + 1].lower == "that") or tokens[k].lower in (
                    FORWARD_ONLY_VERBS):
                return False  # "According to the RCMP, officers found the body": no finding
                # (nor "… asked the employee to delete emails": what the source reports)
            if tokens[k - 1].lower in _MODALS:
                return False  # "In Wong's view, the city should charge more": a verb of his
            return valid_speaker(noun_phrase_before(para.text, tokens, k, c))
    return False


_MODALS = frozenset("will would shall should can could may might must".split())


def find_claims(para: Paragraph, sentence: tuple[int, int],
                quoted: list[tuple[int, int]]) -> list[Finding]:
    """The claims a sentence reports, none overlapping a direct quote (`quoted`); "as X
    said" credits the sentence only when nothing in it is reported otherwise."""
    claims = _claims(para, sentence, quoted)
    if claims:
        return claims
    found = as_said(para, *para.token_range(*sentence))
    return [found] if found is not None and not _overlaps(found, quoted) else []


def _claims(para: Paragraph, sentence: tuple[int, int],
            quoted: list[tuple[int, int]]) -> list[Finding]:
    a, b = para.token_range(*sentence)
    if b - a < 4:
        return []
    tokens = para.tokens
    found = according_to(para, a, b) or in_the_view_of(para, a, b)
    claims: list[Finding] = []
    if found is not None and not _says_itself(para, found, b):
        if _overlaps(found, quoted):
            return []
        rest = para.token_at(found.end) + 1
        if not any(t.lower in CLAIM_VERBS for t in tokens[rest:b]):
            return [found]
        # "According to the report, no one was sent, even though the caller told the
        # dispatcher …": another voice after the claim, with its own verb
        claims.append(found)
        a, found = rest, None
    if found is not None and len(found.parts) > 1 and not _overlaps(found, quoted):
        # "X leads by 271 delegates according to the AP, but Sanders has vowed …": the
        # words before the source are its claim; the clause after it speaks for itself
        rest = found.parts[-1][0]
        found.parts = found.parts[:-1]
        found.end = found.parts[-1][1]
        if len(found.parts) == 1:
            found.parts = []
        claims.append(found)
        a = para.token_at(rest)
        if tokens[a].lower in ("but", "and", "yet") and a + 1 < b:
            a += 1  # (the clause after the join)
    a0 = a
    carried: Mention | None = None  # the speaker a continuation carries on
    # The last answer of next_attribution: (asked from, answer). It is the first join
    # after that position, so it stands for any later position before it: each token is
    # scanned once, not once per speech verb.
    last: tuple[int, tuple[int, int, bool] | None] | None = None
    # "Polls show …, said Ruiz.": the verbs before a closing attribution are its words
    # (unless it credits a direct quote: "X said A but added, “…,” X said")
    if not any(t.lower in CLAIM_VERBS for t in tokens[a:b]):
        # no speech verb: only the claims that other words bring in
        taken = quoted + [(c.start, c.end) for c in claims]
        claims += [c for c in phrasal_claims(para, a0, b) if not _overlaps(c, taken)]
        return claims + naming_claims(para, a0, b, claims, quoted)
    trailing = trailing_verb(para, a, b)
    k = a + 1 if trailing is None or any(
        s < tokens[trailing].start and tokens[a].start < e for s, e in quoted) else trailing
    k = max(k, _past_question(tokens, a, b))
    while k < b:
        if tokens[k].lower not in CLAIM_VERBS or not is_claim_verb(tokens, k, a, b):
            k += 1
            continue
        if last is not None and last[0] <= k and (last[1] is None or last[1][0] > k):
            stop = last[1]
        else:
            stop = next_attribution(para, k, b)
            last = (k, stop)
        claim = verb_claim(para, a, stop[0] if stop is not None else b, k, carried)
        overlapping = claim is not None and _overlaps(claim, quoted)
        if overlapping and (cut := before_quoted_clause(para, claim, quoted, MIN_CONTENT_WORDS)):
            claim, overlapping = cut, False
        if claim is not None and not _overlaps(claim, quoted) and not _credits_a_quote(
                para, claim, k, quoted):
            claims.append(claim)
        if claim is not None or carried is not None:
            if stop is None:
                # a sentence ending inside a quoted fragment ('is “ongoing.” He said …')
                stop_at = end_in_quote(para, k + 1, b)
                if claim is not None and claim.mention is not None and (
                        claim.mention.end <= claim.start):
                    # "While Ruiz said …, she said …", "Ruiz, who said …, said …": on after
                    # the clause the claim ended with
                    c = para.token_at(claim.end)
                    if c < b - 1 and tokens[c].text == ",":
                        if is_claim_verb(tokens, c + 1, c + 1, b):
                            # "Berg, who said A, said B": the main verb is Berg's
                            carried, a = claim.mention, c + 1
                            k = a
                            continue
                        stop_at = min(stop_at, c + 1)
                if overlapping and stop_at >= b:
                    k += 1  # its words were a quote's: on to the sentence's own verb
                    continue  # ("Manafort, citing “the magic of Trump,” said …")
                if claim is None or stop_at >= b:
                    break
                carried, a, k = None, stop_at, stop_at + 1
                continue
            # the next claim of the sentence starts after the join
            carried = claim.mention if stop[2] and claim is not None else None
            a = k = stop[1]
            continue
        k += 1
    taken = quoted + [(c.start, c.end) for c in claims]
    claims += [c for c in phrasal_claims(para, a0, b) if not _overlaps(c, taken)]
    return claims + naming_claims(para, a0, b, claims, quoted)


def _past_question(tokens: list[Token], a: int, b: int) -> int:
    """Past the question a sentence opens with ("Asked if she believed Putin wanted
    Trump to win, Clinton said …"): its verbs are the question's, no one's claim."""
    s = a + 1 if tokens[a].lower == "when" else a
    if s + 2 >= b or tokens[s].lower != "asked" or tokens[s + 1].lower not in _ASKED_OPENERS:
        return a
    return next((i + 1 for i in range(s + 2, min(b, s + 30)) if tokens[i].text == ","), a)


_ASKED_OPENERS = QUESTION_WORDS | {"about"}

def _credits_a_quote(para: Paragraph, claim: Finding, k: int,
                     quoted: list[tuple[int, int]]) -> bool:
    """Whether the claim's verb is the credit of the quote just before its speaker ("“…,”
    Fiorina told the crowd, her voice drowned out by boos"): what follows is the
    reporter's, unless "that" opens it."""
    mention, text = claim.mention, para.text
    if mention is None or mention.end > para.tokens[k].start:
        return False
    between = text[mention.end : para.tokens[k].start]
    if between.strip() or text[para.tokens[k].end : claim.start].strip(" ,").lower().endswith(
            "that"):
        return False
    sentence = para.sentence_of(mention.start)  # (not one ending with the quote: `yelling
    return any(end <= mention.start and not text[end : mention.start].strip(" ,”\"’'")
               and para.sentence_of(end - 1) == sentence  # “…!” A TV ad accuses …`)
               for _start, end in quoted)


def _overlaps(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(s < finding.end and finding.start < e for s, e in spans)
