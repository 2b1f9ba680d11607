"""Tokens and the noun phrases that name speakers, found without a parser.

News attribution is local: the speaker stands next to the speech verb ("Khan added",
"said one of the fighters"), often followed by an apposition with their role
("Shariyar Nezami, a militia officer,"). These functions read those phrases off a
token list built from a masked paragraph (quoted words are one opaque token).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quoteidx.finding.lexicon import (
    ADVERBS_NEAR_VERB,
    AUXILIARIES,
    CLAUSE_WORDS,
    DETERMINERS,
    FIRST_PERSON,
    NOT_NAMES,
    ORG_NOUNS,
    PERSON_NOUNS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    SPEECH_VERBS,
    TITLES,
)
from quoteidx.finding.text import QUOTED

_TOKEN = re.compile(
    r"\ue000+"
    r"|(?:[A-Za-z]\.){2,}"  # U.S., U.N.
    r"|(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Jr|Sr|Prof|Rev|Maj|Adm|Cmdr|Gen)\."
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: Mark S. Mellman
    r"|\w(?:[\w\-]|['’]\w)*"
    r"|''|``"  # a double quote mark written as two
    r"|\S"
)
NAME_PARTICLES = frozenset({"de", "del", "della", "da", "di", "van", "von", "der", "den", "bin",
                            "ibn", "al", "el", "la", "le", "du", "dos", "ben", "abu", "mc"})
TIME_WORDS = frozenset("""
today yesterday tonight monday tuesday wednesday thursday friday saturday sunday morning
afternoon evening night week month year earlier later recently last this""".split())


class Token:
    """A word, a punctuation mark, or a whole quote (one opaque token). What every rule
    asks of a token is computed once, here: tokens are the extractor's hot path."""

    __slots__ = ("end", "is_capitalised", "is_quote", "is_word", "lower", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower()
        first = text[0]
        self.is_quote = first == QUOTED
        self.is_word = first.isalnum()
        self.is_capitalised = first.isupper()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


@dataclass(frozen=True, slots=True)
class Mention:
    """Words in the text that name a speaker, with their kind and any role beside them.

    kind: "name" (Ismail Khan, Commander Khan), "title" (the Commander, the senator),
    "description" (one of the fighters), "pronoun" (he, they; also his/her/their).
    """

    text: str
    start: int
    end: int
    kind: str
    role: str | None = None
    name_in_apposition: str | None = None  # "The resident, Hidaytullah," -> Hidaytullah


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]


def is_person_noun(word: str) -> bool:
    """fighter, fighters, officials: a noun that names people."""
    return word in PERSON_NOUNS or (word.endswith("s") and word[:-1] in PERSON_NOUNS)


def is_speaking_noun(word: str) -> bool:
    """People, or a body that speaks as one ("the company", "the ministry")."""
    return is_person_noun(word) or word in ORG_NOUNS


def is_speech_verb(token: Token) -> bool:
    return not token.is_capitalised and token.lower in SPEECH_VERBS


def is_name_word(token: Token, sentence_initial: bool = False) -> bool:
    """A capitalised word that may be part of a name."""
    if not token.is_capitalised or not token.is_word or token.text in NOT_NAMES:
        return False
    if token.text.isupper() and len(token.text) > 4:
        return False  # an acronym or a shouted word, not a person
    if "." in token.text[:-1]:
        return False  # "S.C.", "U.S.": an abbreviation, not a name
    return not (sentence_initial and token.lower.endswith("ing"))


def _is_title(token: Token) -> bool:
    return token.lower.rstrip(".") in TITLES


def _is_initial(token: Token) -> bool:
    """Mark S. Mellman, Mr. Trump: a capitalised abbreviation inside a name."""
    return token.text.endswith(".") and token.text[0].isupper() and len(token.text) <= 5


def _name_run_back(tokens: list[Token], j: int, lo: int) -> int:
    """Index of the first token of the name ending at tokens[j]."""
    k = j
    while k - 1 >= lo:
        prev = tokens[k - 1]
        particle = prev.lower in NAME_PARTICLES and k - 2 >= lo and is_name_word(tokens[k - 2])
        # a lower-case title joins the name too: "commander Ismail Khan"
        if is_name_word(prev) or _is_initial(prev) or particle or _is_title(prev):
            k -= 1
        else:
            break
    return k


def name_end(tokens: list[Token], i: int, hi: int) -> int:
    """One past the last token of the name starting at tokens[i]."""
    k = i + 1
    while k < hi:
        tok = tokens[k]
        particle = tok.lower in NAME_PARTICLES and k + 1 < hi and is_name_word(tokens[k + 1])
        office = (tok.lower == "of" and _is_title(tokens[k - 1]) and k + 1 < hi
                  and is_name_word(tokens[k + 1]))  # "Secretary of State John Kerry"
        if is_name_word(tok) or _is_initial(tok) or particle or office:
            k += 1
        else:
            break
    return k


def _span_text(text: str, tokens: list[Token], a: int, b: int) -> tuple[str, int, int]:
    start, end = tokens[a].start, tokens[b - 1].end
    return text[start:end], start, end


def make_mention(
    text: str, tokens: list[Token], a: int, b: int, role: str | None = None
) -> Mention:
    words, start, end = _span_text(text, tokens, a, b)
    first, last = tokens[a], tokens[b - 1]
    if b - a == 1 and (first.lower in PERSONAL_PRONOUNS or first.lower in FIRST_PERSON):
        kind = "pronoun"
    elif first.lower in DETERMINERS or first.lower in ("his", "her", "their"):
        kind = "title" if _is_title(last) and b - a <= 3 else "description"
    elif first.lower.endswith("s") and is_person_noun(first.lower):
        kind = "description"  # "Residents of the estate", "Analysts"
    elif any(is_name_word(t) for t in tokens[a:b]) and last.is_capitalised:
        kind = "name"
    else:
        kind = "description"
    return Mention(words, start, end, kind, role)


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
    if is_name_word(last) or (last.is_capitalised and _is_title(last)):
        a = _name_run_back(tokens, j, lo)
        if a - 1 >= lo and tokens[a - 1].lower in ("the", "a", "an") and _is_title(tokens[a]):
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
    if is_name_word(first) or _is_title(first):
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


def sentence_subject(text: str, tokens: list[Token], lo: int, hi: int) -> Mention | None:
    """The person a sentence is about, read off its start: "Shariyar Nezami nodded",
    "The resident, Hidaytullah, pleaded", "But a hawk-faced former mujaheddin …, was"."""
    a = lo
    while a < hi and tokens[a].lower in ("but", "and", "so", "yet", "then", "now", "still"):
        a += 1
    if a >= hi:
        return None
    first = tokens[a]
    leads_clause = (
        first.lower in PREPOSITIONS or first.lower in CLAUSE_WORDS or first.lower.endswith("ing")
        or first.lower.endswith("ly") or first.lower in ("unlike", "like", "despite")
    ) and first.lower not in ("one",)
    if leads_clause or not (first.is_word or first.is_quote):
        # A leading phrase: take the first name not inside a prepositional phrase,
        # else what follows the first comma.
        for k in range(a + 1, min(hi, a + 30)):
            tok = tokens[k]
            if tok.text == ",":
                return sentence_subject(text, tokens, k + 1, hi) if k + 1 < hi else None
            if is_name_word(tok) and not _in_prepositional_phrase(tokens, k, a) and not (
                tokens[k - 1].lower == "the" and not _is_title(tok)
            ):
                b = name_end(tokens, k, hi)
                return name_with_apposition(text, tokens, k, b, hi)
        return None
    return phrase_forward(text, tokens, a, hi)


def _in_prepositional_phrase(tokens: list[Token], k: int, lo: int) -> bool:
    j = k - 1
    while j >= lo and (tokens[j].lower in DETERMINERS or is_name_word(tokens[j])):
        j -= 1
    return j >= lo and tokens[j].lower in PREPOSITIONS


def phrase_forward(text: str, tokens: list[Token], a: int, hi: int) -> Mention | None:
    first = tokens[a]
    if first.lower in PERSONAL_PRONOUNS or first.lower in FIRST_PERSON:
        return make_mention(text, tokens, a, a + 1)
    group = first.lower.endswith("s") and is_person_noun(first.lower)
    if not group and (
        is_name_word(first, sentence_initial=True) or (_is_title(first) and first.is_capitalised)
    ):
        b = name_end(tokens, a, hi)
        if tokens[b - 1].lower.endswith(("'s", "’s")):
            return None  # "Trump's grasp of policy …": the sentence is about a thing
        return name_with_apposition(text, tokens, a, b, hi)
    if group or first.lower in DETERMINERS or first.lower in ("his", "her", "their"):
        b = a + 1
        while b < hi and b - a < 10:
            tok = tokens[b]
            low = tok.lower
            if not tok.is_word or low in CLAUSE_WORDS or low in AUXILIARIES or is_speech_verb(tok):
                break
            if low.endswith("ly") or (low.endswith("ed") and b > a + 1 and low not in PERSON_NOUNS):
                break
            if low in PREPOSITIONS and low not in ("of", "in"):
                break
            b += 1
        if b == a + 1 and not group:
            return None
        mention = make_mention(text, tokens, a, b)
        named = _apposed_name(text, tokens, b, hi)
        if named:
            mention = Mention(mention.text, mention.start, mention.end, mention.kind, None, named)
        return mention
    return None


def name_with_apposition(text: str, tokens: list[Token], a: int, b: int, hi: int) -> Mention:
    if a > 0 and tokens[a - 1].lower == "the" and _is_title(tokens[a]):
        a -= 1
    return make_mention(text, tokens, a, b, apposition_after(text, tokens, b, hi))


def _apposed_name(text: str, tokens: list[Token], b: int, hi: int) -> str | None:
    """ "The resident, Hidaytullah," : the name set beside a description."""
    if b + 2 < hi and tokens[b].text == "," and is_name_word(tokens[b + 1]):
        end = name_end(tokens, b + 1, hi)
        if end < hi and tokens[end].text in ",." :
            return text[tokens[b + 1].start : tokens[end - 1].end]
    return None
