"""A quote introduced by a colon: whose words the lead-in before it announces ("Ruiz
was blunt: “…”", "His reply: “…”", "Lytton mayor: “…”"), or that it names no speaker
("The timing does not surprise X: “…”")."""

from __future__ import annotations

from quoteidx.finding.descriptions import is_role_word, names_people
from quoteidx.finding.lexicon import (
    CUE_NOUNS,
    NAMING_VERBS,
    POSSESSIVE_ENDS,
    POSSESSIVES,
    WRITINGS,
    without_possessive,
)
from quoteidx.finding.names import Mention, make_mention
from quoteidx.finding.subjects import before_its_verb, sentence_subject
from quoteidx.finding.tokens import Token, is_person_noun, tag_of


def colon_lead(text: str, tokens: list[Token], lo: int, q: int
               ) -> tuple[Mention | None, str, str] | None:
    """The speaker (or None) and cue of the lead-in tokens[lo:q - 1] before the colon at
    tokens[q - 1]; None when the lead-in names a thing rather than speech."""
    last = tokens[q - 1]
    if any(t.lower in NAMING_VERBS for t in tokens[lo : q - 1]):
        return None  # "X dubbed the conflict: “Harbour vs. the Town”": a name, not speech
    owned = _owner_of_cue(text, tokens, lo, q - 1)
    if owned is not None:
        owner, cue_start = owned
        return owner, text[cue_start : last.end].strip(), "colon"
    subject = sentence_subject(text, tokens, lo, q - 1)
    if subject is not None and subject.kind == "description":
        subject = before_its_verb(text, tokens, subject, q - 1)  # "The email goes on …"
    if subject is not None and subject.kind == "description" and not any(
            names_people(word) or word.lower() in WRITINGS
            for word in subject.text.split()):
        return None, ":", "colon"  # "The timing … doesn’t surprise X: “…”": no speaker
    if subject is not None:
        subject = _with_role_after(text, tokens, subject, q - 1)
        cue = text[subject.end : last.end].strip(" ,")
        return subject, cue or ":", "colon"
    return None, ":", "colon"


def _owner_of_cue(text: str, tokens: list[Token], lo: int, colon: int
                  ) -> tuple[Mention, int] | None:
    """Whose words a cue noun owned by its speaker introduces before a colon ("His
    reply: “…”", "The mayor's terse response: “…”", "Critics' view: “…”"), and where
    the cue after the owner starts."""
    c = colon - 1  # the cue noun, also before "was" and a word ("Her verdict was blunt:")
    if c - 2 > lo and tokens[c - 1].lower in ("was", "is") and tokens[c].text.islower() and (
            tokens[c - 2].lower in CUE_NOUNS):
        c -= 2
    to = next((i for i in range(c - 1, max(lo, c - 4), -1) if tokens[i].lower == "to"), None)
    if to is not None and to - 1 > lo and tokens[to - 1].lower in CUE_NOUNS and all(
            t.is_word for t in tokens[to + 1 : c + 1]):
        c = to - 1  # whom the words are for: "Her message to Ottawa:", "His advice to voters:"
    if c - lo < 1 or tokens[c].lower not in CUE_NOUNS:
        return None
    o = c - 1
    while o > lo and tokens[o].is_word and not tokens[o].is_capitalised and not (
            tokens[o].lower.endswith(POSSESSIVE_ENDS)):
        o -= 1  # the cue noun's adjectives: "his terse reply"
    owner = tokens[o]
    if owner.lower in POSSESSIVES or owner.lower == "its":
        pronoun = Mention(owner.text, owner.start, owner.end, "pronoun")
        return (pronoun, owner.end) if o == lo else None
    if not owner.lower.endswith(POSSESSIVE_ENDS) or o - lo > 3 or not all(
            t.is_word for t in tokens[lo : o + 1]):
        return None
    mention = make_mention(text, tokens, lo, o + 1)
    bare = without_possessive(owner.text)
    end = owner.start + len(bare)
    kind = "description" if mention.kind == "name" and is_person_noun(bare.lower()) else (
        mention.kind)  # "Critics' view"
    return Mention(text[mention.start : end], mention.start, end, kind), owner.end


def _with_role_after(text: str, tokens: list[Token], subject: Mention, colon: int
                     ) -> Mention:
    """A name and the role nouns after it, up to the colon, as one description: "Lytton
    mayor: “…”", "Acme spokesperson: “…”" (a place or body, then who speaks for it)."""
    i = next((i for i in range(colon) if tokens[i].start >= subject.end), colon)
    if subject.kind != "name" or not 0 < colon - i <= 3 or not all(
            t.is_word and not t.is_capitalised for t in tokens[i:colon]) or not is_role_word(
            tokens[colon - 1].lower) or any(tag_of(tokens, k) in ("VERB", "AUX")
                                            for k in range(i, colon)):
        return subject  # (not "Trump went even further: “…”")
    end = tokens[colon - 1].end
    return Mention(text[subject.start : end], subject.start, end, "description")
