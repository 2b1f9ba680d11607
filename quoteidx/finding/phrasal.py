"""Claims whose cue is a phrase rather than a speech verb: "Ruiz made it clear that …",
"Ruiz went on to say …", "Ruiz took to Facebook to say …", "Ruiz was quick to point out
that …", "Ruiz was quoted as saying …", "Ruiz shot back that …". The subject of the
phrase's own verb ("made", "went", "was") is the speaker; forward_claim reads the rest as
it reads the words after any speech verb. A claim named by a noun ("Ruiz's insistence
that …", "his claim that …") is its possessor's."""

from __future__ import annotations

from quoteidx.finding.clauses import has_verb
from quoteidx.finding.forward_claims import forward_claim
from quoteidx.finding.lexicon import (
    POSSESSIVE_ENDS,
    POSSESSIVES,
    PREPOSITIONS,
    without_possessive,
)
from quoteidx.finding.model import Finding
from quoteidx.finding.names import Mention, is_name_word, name_run_back
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.speech_verbs import subject_of
from quoteidx.finding.tokens import Token, tag_of

_MAKE = frozenset({"make", "makes", "made", "making"})
_TAKE = frozenset({"take", "takes", "took", "taking"})
_POSTING = frozenset({"announce", "write", "post", "share", "declare", "criticize",
                      "criticise", "condemn"})
_GO = frozenset({"go", "goes", "went", "going"})
_BE = frozenset({"is", "was", "are", "were", "be", "been"})
_RETORT = frozenset({"shot", "shoots", "fired", "fires", "hit", "hits", "pushed", "pushes"})
# Nouns that name a claim, with "that": "Ruiz's insistence that …" (not "the claim that …",
# whose owner is not said, nor a promise or a plan, which claim nothing).
_CLAIM_NOUNS = frozenset("""claim claims insistence assertion assertions allegation
allegations contention argument warning warnings admission assurance assurances""".split())
# what "went on to" and "quick to" go on with: speech, not "went on to win"
_SPEAKING = frozenset({"say", "add", "note", "explain", "argue", "claim", "suggest",
                       "insist", "warn", "stress", "describe", "point"})


def phrasal_claims(para: Paragraph, a: int, b: int) -> list[Finding]:
    """The claims of such phrases in the sentence tokens[a:b]."""
    tokens = para.tokens
    found = []
    for k in range(a + 1, b - 2):
        cue = _cue(tokens, k, b)
        owner = _owner(para, k, a) if cue is None and _names_a_claim(tokens, k, b) else None
        if owner is not None:
            cue = k, k
        if cue is None:
            continue
        verb, last = cue
        speaker = owner or subject_of(para.text, tokens, a, verb)
        if speaker is None:
            continue
        end = b
        if owner is not None:
            end = _claim_noun_end(tokens, a, k, b)
            if end is None:
                continue
        claim = forward_claim(para, a, end, last, speaker)
        if claim is not None:
            claim.cue = para.text[tokens[verb].start : tokens[last].end]
            found.append(claim)
    return found


def _cue(tokens: list[Token], k: int, b: int) -> tuple[int, int] | None:
    """(the phrase's verb, its last word) when a cue phrase starts at tokens[k]."""
    low = tokens[k].lower
    if low in _MAKE:  # "made clear that", "made it clear (that)"
        c = k + 2 if k + 2 < b and tokens[k + 1].lower == "it" else k + 1
        return (k, c) if tokens[c].lower == "clear" else None
    if low in _GO and k + 3 < b and tokens[k + 1].lower == "on" and (
            tokens[k + 2].lower == "to" and tokens[k + 3].lower in _SPEAKING):
        return k, _out(tokens, k + 3, b)  # "went on to say"
    if low in _TAKE and k + 3 < b and tokens[k + 1].lower == "to":
        # "took to social media to say", "took to Facebook to announce": the medium, then
        # the speech
        to = next((i for i in range(k + 3, min(b - 1, k + 7)) if tokens[i].lower == "to"), None)
        if to is not None and tokens[to + 1].lower in _SPEAKING | _POSTING and all(
                t.is_word for t in tokens[k + 2 : to]):
            return k, _out(tokens, to + 1, b)
    if low == "quoted" and tokens[k - 1].lower in _BE:  # "was quoted (in …) as saying"
        said = next((i for i in range(k + 1, min(b - 1, k + 12))
                     if tokens[i].lower == "as" and tokens[i + 1].lower == "saying"), None)
        return (k - 1, said + 1) if said is not None else None
    if low in _RETORT and tokens[k + 1].lower == "back" and tokens[k + 2].lower == "that" and (
            has_verb(tokens, k + 3, b)):  # (not "hit back that night with two late goals")
        return k, k + 1  # "shot back that", "fired back that": a retort
    if low in _BE and k + 3 < b and tokens[k + 1].lower == "quick" and (
            tokens[k + 2].lower == "to" and tokens[k + 3].lower in _SPEAKING):
        return k, _out(tokens, k + 3, b)  # "was quick to point out"
    return None


def _out(tokens: list[Token], k: int, b: int) -> int:
    """Past the "out" of "point out"."""
    return k + 1 if tokens[k].lower == "point" and k + 1 < b and tokens[k + 1].lower == "out" else k


def _names_a_claim(tokens: list[Token], k: int, b: int) -> bool:
    """Whether tokens[k] is a claim noun with its clause: "insistence that she was …"."""
    return tokens[k].lower in _CLAIM_NOUNS and k + 2 < b and tokens[k + 1].lower == "that" and (
        has_verb(tokens, k + 2, b))


def _owner(para: Paragraph, k: int, a: int) -> Mention | None:
    """Whose the claim noun tokens[k] is: a name or "his", "her", "their" right before it,
    an adjective between allowed ("Ruiz's continued insistence")."""
    tokens, p = para.tokens, k - 1
    if p > a and tag_of(tokens, p) in ("ADJ", "VERB") and not tokens[p].is_capitalised:
        p -= 1
    if p < a:
        return None
    word = tokens[p]
    if word.lower in POSSESSIVES:
        return Mention(word.text, word.start, word.end, "pronoun")
    if not word.text.endswith(POSSESSIVE_ENDS) or not is_name_word(word):
        return None
    first = name_run_back(tokens, p, a)
    name = without_possessive(para.text[tokens[first].start : word.end])
    return Mention(name, tokens[first].start, tokens[first].start + len(name), "name")


def _claim_noun_end(tokens: list[Token], a: int, k: int, b: int) -> int | None:
    """Where the clause of a claim noun can end: the sentence's end when the noun is an
    object ("The mayor rejected Ruiz's claim that …"), the comma closing an opening
    phrase ("Despite Ruiz's insistence that …, a judge …"); None for a subject, whose
    clause runs into the sentence's own verb ("His claim that … drew a rebuke")."""
    if tokens[a].lower in PREPOSITIONS:
        return next((i for i in range(k + 2, b) if tokens[i].text == ","), None)
    return b if has_verb(tokens, a, k - 1) else None
