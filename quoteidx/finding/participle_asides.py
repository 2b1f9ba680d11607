"""Asides set off beside a speaker that say what the person was doing, not what they
are: "Judge Berg, writing for the majority, said", "Ruiz, clad in a red cape, said",
"Berg, when contacted by Reuters, said"."""

from __future__ import annotations

from quoteidx.finding.lexicon import AUXILIARIES, NAMING_VERBS, PREPOSITIONS
from quoteidx.finding.tokens import TIME_WORDS, Token, tag_of


def past_participle(tokens: list[Token], k: int) -> bool:
    """A lower-case past participle: "filed", "asked", "clad"."""
    tok = tokens[k]
    return tok.text.islower() and (tok.lower.endswith("ed") and tok.lower not in AUXILIARIES
                                   or tok.lower in _IRREGULAR_PARTICIPLES)


# Irregular past participles that open an aside: "Ruiz, clad in a red cape, said".
_IRREGULAR_PARTICIPLES = frozenset("""clad known born seen shown given taken written held
sworn worn caught led built""".split())


QUESTION_WORDS = frozenset({"whether", "if", "why", "how", "what", "who", "when"})
_ASIDE_LINKS = frozenset({"when", "while", "after", "before", "once", "if"})


def participle_aside(tokens: list[Token], a: int, b: int) -> bool:
    """Whether tokens[a:b] are a participle's aside, not a role: "writing for the
    majority", "asked about the plan", "when contacted by Reuters", "after being asked".
    A past participle alone needs its preposition: "urged a strong stand" is a verb."""
    linked = b - a > 1 and tokens[a].lower in _ASIDE_LINKS
    if linked:
        a += 1
    if a < len(tokens) and not (tokens[a].lower.endswith("ing") or past_participle(
            tokens, a) and (linked or a + 1 < b and (
                tokens[a + 1].lower in PREPOSITIONS or tokens[a + 1].lower in QUESTION_WORDS
                or tokens[a + 1].lower in TIME_WORDS  # ("released Tuesday")
                or tokens[a].lower in NAMING_VERBS and (tokens[a + 1].is_quote or tokens[
                    a + 1].text in "“\"‘'")))):  # ("titled “Higher for Longer,”")
        return False  # neither form, whatever its tag (read first: a tag costs more)
    return tokens[a].lower in _IRREGULAR_PARTICIPLES or tag_of(tokens, a) == "VERB"
