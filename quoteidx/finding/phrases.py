"""The noun phrases that name speakers, found without a parser.

News attribution is local: the speaker stands next to the speech verb ("Khan added",
"said one of the fighters"), often followed by an apposition with their role
("Shariyar Nezami, a militia officer,"). These functions read those phrases off a
token list built from a masked paragraph (quoted words are one opaque token).
"""

from __future__ import annotations

from quoteidx.finding.lexicon import (
    ADVERBS_NEAR_VERB,
    AUXILIARIES,
    CLAUSE_WORDS,
    DETERMINERS,
    FIRST_PERSON,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    TITLES,
)
from quoteidx.finding.names import (
    Mention,
    is_name_word,
    is_title,
    make_mention,
    name_end,
    name_run_back,
)
from quoteidx.finding.tokens import (
    TIME_WORDS,
    Token,
    is_person_noun,
    is_speaking_noun,
    is_speech_verb,
)


def noun_phrase_before(text: str, tokens: list[Token], i: int, lo: int = 0) -> Mention | None:
    """The speaker phrase that ends right before tokens[i] (a speech verb), as in
    "Khan added", "Shariyar Nezami, a militia officer, said", "the militiamen assured"."""
    j = i - 1
    while j >= lo and (
        tokens[j].lower in ADVERBS_NEAR_VERB
        or (tokens[j].lower.endswith("ly") and not tokens[j].is_capitalised)  # Kelly said
        or tokens[j].lower in AUXILIARIES
        or tokens[j].lower == "not"
    ):
        j -= 1
    if j < lo:
        return None
    role = None
    if tokens[j].text == ",":
        # "Name, apposition, said": find the comma that opens the apposition.
        k = j - 1
        while k >= lo and tokens[k].text not in ",;:" and not tokens[k].is_quote and j - k < 16:
            k -= 1
        if k < lo or tokens[k].text != "," or k == j - 1:
            return None
        role = text[tokens[k + 1].start : tokens[j - 1].end]
        j = k - 1
        if j - 2 >= lo and tokens[j].text.isdigit() and tokens[j - 1].text == ",":
            j -= 2  # an age before the role: "Selin Kaya, 34, a nurse, said"
        if j < lo:
            return None
    last = tokens[j]
    if last.lower in PERSONAL_PRONOUNS or last.lower in FIRST_PERSON:
        return make_mention(text, tokens, j, j + 1, role)
    if is_name_word(last) or (last.is_capitalised and is_title(last)):
        a = name_run_back(tokens, j, lo)
        if a - 1 >= lo and tokens[a - 1].lower in ("the", "a", "an") and is_title(tokens[a]):
            a -= 1
        if a - 1 >= lo and tokens[a - 1].lower in PREPOSITIONS:
            return None  # "… in Afghan strongly denies": a name inside a phrase, not the subject
        return make_mention(text, tokens, a, j + 1, role)
    return _description_back(text, tokens, j, lo, role)


def _description_back(
    text: str, tokens: list[Token], j: int, lo: int, role: str | None
) -> Mention | None:
    """A common-noun speaker ending at tokens[j]: "one of the fighters", "Afghans",
    "local witnesses and journalists", "a senior official"."""
    head = tokens[j]
    if not head.is_word or head.lower in AUXILIARIES or head.lower in CLAUSE_WORDS:
        return None
    if not is_speaking_noun(head.lower):
        return None
    a = j
    while a - 1 >= lo and j - a < 8:
        prev = tokens[a - 1]
        low = prev.lower
        if not prev.is_word or prev.is_quote or low in AUXILIARIES or is_speech_verb(prev):
            break
        if low in CLAUSE_WORDS and low != "and":
            break
        if low in PREPOSITIONS and low != "of":
            break
        a -= 1
        if low in DETERMINERS and not (a - 1 >= lo and tokens[a - 1].lower == "of"):
            break
    # "and" belongs to the phrase only when the phrase runs to a clause boundary.
    words = [t.lower for t in tokens[a : j + 1]]
    if "and" in words and a > lo and tokens[a - 1].is_word:
        a = a + len(words) - words[::-1].index("and")
    if a > j:
        return None
    return make_mention(text, tokens, a, j + 1, role)


ROLE_NOUNS = frozenset("""
aide ally anchor boss chair chief co-host consultant contender correspondent donor
frontrunner head hopeful host manager nominee operative rival strategist surrogate
columnist""".split())


def premodified_name(tokens: list[Token], b: int, hi: int) -> tuple[int, int] | None:
    """After a capitalised run, role words and a name: "[Clinton] campaign manager Robby
    Mook". Returns the token span of the final name."""
    k = b
    while k < hi and k - b < 4 and tokens[k].is_word and not tokens[k].is_capitalised:
        low = tokens[k].lower
        if low in CLAUSE_WORDS or low in AUXILIARIES or low in PREPOSITIONS:
            return None
        if is_speech_verb(tokens[k]):
            return None
        k += 1
    if k == b or k >= hi or not is_name_word(tokens[k]):
        return None
    role_word = tokens[k - 1].lower
    if not (role_word in ROLE_NOUNS or role_word in TITLES or is_person_noun(role_word)):
        return None
    return k, name_end(tokens, k, hi)


def noun_phrase_after(text: str, tokens: list[Token], i: int, hi: int) -> Mention | None:
    """The speaker phrase right after tokens[i]: "said Shariyar Nezami, a militia officer,"
    or "said one of the fighters, grinning"."""
    a = i + 1
    while a < hi and tokens[a].lower in ADVERBS_NEAR_VERB:
        a += 1
    if a >= hi:
        return None
    first = tokens[a]
    if first.lower in PERSONAL_PRONOUNS:
        return make_mention(text, tokens, a, a + 1)
    if is_name_word(first) or is_title(first):
        b = name_end(tokens, a, hi)
        named = premodified_name(tokens, b, hi)
        if named is not None:  # "said RNC spokesman Sean Spicer"
            role = text[first.start : tokens[named[0] - 1].end]
            mention = make_mention(text, tokens, named[0], named[1])
            return Mention(mention.text, mention.start, mention.end, "name", role)
    elif first.lower in DETERMINERS or first.lower in ("his", "her", "their"):
        b = a + 1
        while b < hi and b - a < 9:
            tok = tokens[b]
            low = tok.lower
            if not tok.is_word or low in CLAUSE_WORDS or low in AUXILIARIES:
                break
            if low in PREPOSITIONS and low != "of":
                break
            if low.endswith("ing") and b > a + 1 or low in TIME_WORDS:
                break
            b += 1
        if b == a + 1:
            return None
    else:
        return None
    apposed = b + 1 < hi and tokens[b].text == "," and is_name_word(tokens[b + 1])
    if first.lower in DETERMINERS and apposed:
        end = name_end(tokens, b + 1, hi)
        if end >= hi or tokens[end].text in ",.;":
            # "said the farmer, Joost Brandt": the name speaks, the description is the role
            named = make_mention(text, tokens, b + 1, end)
            description = text[first.start : tokens[b - 1].end]
            return Mention(named.text, named.start, named.end, "name", description)
    role = apposition_after(text, tokens, b, hi)
    return make_mention(text, tokens, a, b, role)


_APPOSITION_ENDS = frozenset({",", ".", ";", ":", "(", ")", "—", "–"})


def apposition_after(text: str, tokens: list[Token], b: int, hi: int) -> str | None:
    """", a militia officer," after a name: the role, if what follows the comma is one."""
    if b >= hi or tokens[b].text != ",":
        return None
    a = b + 1
    k = a
    while k < hi and tokens[k].text not in _APPOSITION_ENDS and not tokens[k].is_quote:
        if tokens[k].lower in ("who", "which", "whose", "that") or (
            k > a and (tokens[k].lower in AUXILIARIES or is_speech_verb(tokens[k]))
        ):
            break
        k += 1
    if k == a:
        return None
    first = tokens[a]
    if first.lower.endswith("ing") or first.lower in CLAUSE_WORDS or first.lower in PREPOSITIONS:
        return None
    if first.lower in PERSONAL_PRONOUNS or first.lower in AUXILIARIES or is_speech_verb(first):
        return None
    if first.text.isdigit() and k - a == 1:
        return None  # an age: "Ahmed, 27,"
    for t, nxt in zip(tokens[a : k - 1], tokens[a + 1 : k], strict=True):
        if t.lower.endswith("ed") and (nxt.lower in PREPOSITIONS or nxt.lower in DETERMINERS):
            return None  # a clause, not a role: "Pia Holm, the blaze started in a kitchen"
    return text[first.start : tokens[k - 1].end]
