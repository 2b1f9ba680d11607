"""Who speaks in a participle or gerund of speech that has no subject of its own: the
speaker of the verb before it ("“…,” he said, adding that …") or the subject of the
clause it hangs on ("Berg drew boos after saying …")."""

from __future__ import annotations

from quoteidx.finding.clause_or_object import BE_FORMS
from quoteidx.finding.forward_phrases import noun_phrase_after, phrase_at
from quoteidx.finding.lexicon import (
    ADVERBS_NEAR_VERB,
    ASK_FORMS,
    AUXILIARIES,
    TELL_VERBS,
    URGE_FORMS,
)
from quoteidx.finding.names import Mention
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.phrases import noun_phrase_before
from quoteidx.finding.speech_verbs import valid_speaker
from quoteidx.finding.tokens import Token, is_speech_verb, tag_of, used_as_verb

# Prepositions before a gerund of speech whose subject is the clause's ("… after telling
# the crowd that …", "… by saying that …"); not "for" ("praised Ruiz for saying": Ruiz's).
# Only verbs that carry what was said: "after writing an op-ed", "while testifying"
# name an act, not its words.
# Verbs followed by whom they address, never by their speaker.
_ADDRESSED = TELL_VERBS | ASK_FORMS | URGE_FORMS

GERUND_LINKS = frozenset({"after", "before", "by", "while", "when", "since", "upon"})


def earlier_speaker(para: Paragraph, a: int, k: int) -> Mention | None:
    """The speaker of the speech verb nearest before tokens[k], in tokens[a:k]."""
    text, tokens = para.text, para.tokens
    for v in range(k - 1, a - 1, -1):
        if is_speech_verb(tokens[v]) and not tokens[v].lower.endswith("ing") and (
                used_as_verb(tokens, v)):  # (not "downplayed Ryan’s comments, saying")
            speaker = noun_phrase_before(text, tokens, v, a)
            if speaker is None and v > a and (tokens[v - 1].text == "," or tokens[v - 1].text
                                               in "”\"'’") and tokens[v].lower not in _ADDRESSED:
                # "“…,” said Ruiz, adding" (not "…, N.B., asked the tribunal …, arguing":
                # whom a person asks or tells is not who speaks)
                speaker = noun_phrase_after(text, tokens, v, k)
            return speaker if valid_speaker(speaker) else None
    return None


def gerund_subject(text: str, tokens: list[Token], a: int, p: int) -> Mention | None:
    """Who speaks in a gerund after the preposition tokens[p]: the subject of the
    nearest verb before it with a subject of its own ("Berg drew boos after saying",
    "candidates were able to talk their way out by saying": "candidates")."""
    for v in range(p - 1, max(a, p - 25) - 1, -1):
        if tokens[v].text in ";:" or tokens[v].is_quote:
            return None
        if tag_of(tokens, v) not in ("VERB", "AUX") or tokens[v].lower.endswith("ing"):
            continue
        first = v
        while first > a and (tokens[first - 1].lower in AUXILIARIES or tokens[first - 1].lower
                             in ADVERBS_NEAR_VERB or tokens[first - 1].lower == "not"):
            first -= 1
        if tokens[p].lower == "by" and tokens[v].lower.endswith(("ed", "en")) and any(
                t.lower in BE_FORMS for t in tokens[first:v]):
            return None  # a passive: "the ban is justified by arguing …" (by whom, unsaid)
        subject = noun_phrase_before(text, tokens, first, a)
        if valid_speaker(subject):
            return subject
    return None


def with_subject(text: str, tokens: list[Token], lo: int, k: int) -> Mention | None:
    """Who speaks in the participle at tokens[k] after "with" and a noun phrase, set off
    by a comma: "…, with Ruiz saying: “…”", "…, with opponents warning the project
    could …"; else None."""
    w = next((i for i in range(k - 1, max(lo, k - 7) - 1, -1) if tokens[i].lower == "with"), None)
    if w is None or w + 1 >= k or w > lo and tokens[w - 1].text != ",":
        return None
    found = phrase_at(text, tokens, w + 1, k)
    return found if found is not None and found.end == tokens[k - 1].end else None
