"""Who speaks through a text: "her statement read" and "Ruiz's statement said" are the
words of their writer, who is the speaker; "the sign read" stays the sign."""

from __future__ import annotations

from quoteidx.finding.lexicon import (
    POSSESSIVE_ENDS,
    POSSESSIVES,
    PREPOSITIONS,
    without_possessive,
)
from quoteidx.finding.names import Mention

# What a person or body writes in their own name. Not a report or a study, which may be
# others' work done for them ("the mayor's report said" is the report's).
OWN_WRITINGS = frozenset("""statement email e-mail letter post tweet message note memo
release""".split())


# What a body or a team issues as its findings, which "its"/"their" make its own.
_FINDINGS = frozenset("""report study review audit survey analysis findings investigation
inquiry assessment evaluation""".split())
_BODY_POSSESSIVES = frozenset({"its", "their"})


def writer(mention: Mention, cue: str | None) -> Mention:
    """The writer of the text a mention names, when the text speaks for them: any text
    that "read(s)" ("Ruiz's post read"), or one of OWN_WRITINGS with any speech cue
    ("Gordon's statement said", "the mayor's email said"); else the mention itself."""
    words = mention.text.split()
    if len(words) < 2:
        return mention
    if len(words) == 2 and words[0].lower() in _BODY_POSSESSIVES and words[1].lower() in (
            _FINDINGS):  # "its report finds": the body's own, not done for it by others
        return Mention(words[0], mention.start, mention.start + len(words[0]), "pronoun")
    if (cue or "").lower() not in ("read", "reads") and words[-1].lower() not in OWN_WRITINGS:
        return mention
    if words[0].lower() in POSSESSIVES:  # "her statement read"
        return Mention(words[0], mention.start, mention.start + len(words[0]), "pronoun")
    owner = next((i for i, w in enumerate(words[:3]) if w.endswith(POSSESSIVE_ENDS)), None)
    if owner is None or any(w.lower() in PREPOSITIONS for w in words[owner + 1 :]):
        return mention  # "Ryan's language in the statement": the language, not a text
    if all(w[0].isupper() for w in words[: owner + 1]):
        # "Ruiz's post read", "Ana Reyes' statement read"
        name = without_possessive(" ".join(words[: owner + 1]))
        return Mention(name, mention.start, mention.start + len(name), "name")
    if owner == 1 and words[0].lower() == "the" and words[1][:1].islower():
        # "the mayor's email said": the mayor, as the document names her
        described = without_possessive(" ".join(words[:2]))
        return Mention(described, mention.start, mention.start + len(described),
                       "description")
    return mention
