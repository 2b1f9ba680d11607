"""Names and the mentions that name speakers: capitalised runs, titles, initials."""

from __future__ import annotations

from dataclasses import dataclass

from quoteidx.finding.lexicon import (
    DETERMINERS,
    FEMALE_FIRST_NAMES,
    FIRST_PERSON,
    FRENCH_BODY_NOUNS,
    MALE_FIRST_NAMES,
    NAME_PARTICLES,
    PERSONAL_PRONOUNS,
)
from quoteidx.finding.office_words import ORG_WORDS, PORTFOLIOS, TITLES
from quoteidx.finding.tokens import Token, is_person_noun

# "it" speaks for a body ("the company said … It said"); attributing resolves it.
SPEAKING_PRONOUNS = PERSONAL_PRONOUNS | {"it"}

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


FIRST_NAMES = FEMALE_FIRST_NAMES | MALE_FIRST_NAMES


def is_name_word(token: Token, sentence_initial: bool = False) -> bool:
    """A capitalised word that may be part of a name (Token.name_like says why not)."""
    return token.name_like and not (sentence_initial and token.lower.endswith("ing"))


def is_organisation(name: str) -> bool:
    """"Port Bank", "University of Leeds": a name with a word that makes it a body."""
    return any(word.strip(",.") in ORG_WORDS for word in name.split())


def is_title(token: Token) -> bool:
    return token.lower.rstrip(".") in TITLES


def is_initial(token: Token) -> bool:
    """Mark S. Mellman, Mr. Berg: a capitalised abbreviation inside a name."""
    return token.text.endswith(".") and token.text[0].isupper() and len(token.text) <= 5


# Never a name alone, but inside one between two names: "Neskantaga First Nation",
# "Kelsey Two Rivers", "Ana Many Grey Horses" (Indigenous surnames of common words),
# "Procter & Gamble".
_INNER_WORDS = frozenset({"First", "Second", "Third", "Two", "Three", "Four", "Many", "&"})


def name_run_back(tokens: list[Token], j: int, lo: int) -> int:
    """Index of the first token of the name ending at tokens[j]."""
    k = j
    while k - 1 >= lo:
        prev = tokens[k - 1]
        particle = (prev.lower in NAME_PARTICLES or prev.text in _INNER_WORDS) and k - 2 >= lo and (
            is_name_word(tokens[k - 2]) or prev.text in _INNER_WORDS and tokens[k - 2].lower == "of"
            and k - 3 >= lo and is_name_word(tokens[k - 3]) or _french_adjective(tokens, k - 2, lo)
            or prev.text.islower() and tokens[k - 2].lower in NAME_PARTICLES and (
                tokens[k - 2].text.islower() and k - 3 >= lo and is_name_word(tokens[k - 3]))
        )  # ("Neskantaga First Nation", "Assembly of First Nations", "Jan van der Berg")
        office = prev.lower in ("of", "for") and k - 2 >= lo and is_title(tokens[k - 2]) and (
            tokens[k - 2].is_capitalised)  # "Minister of Education Stefania Giannini"
        if k - 1 == lo and prev.lower.endswith("ly") and len(prev.text) > 5 and (
                prev.lower not in FIRST_NAMES):
            break  # "Reluctantly Blocher said": a sentence adverb, not a first name
        # a lower-case title joins the name too: "commander Ismail Khan"
        if is_name_word(prev) or is_initial(prev) or particle or office or is_title(prev) or (
                party_body(tokens, k)) or _french_adjective(tokens, k - 1, lo) and (
                tokens[k].lower in NAME_PARTICLES) or prev.text == "First" and (
                tokens[k].text in ("Nation", "Nations")):  # ("the First Nation said")
            k -= 1  # ("Association étudiante de l’Université …": a French body's adjective)
        elif k - 4 >= lo and _nickname(tokens, k - 3, k + 1):
            k -= 3  # "Robert “Bob” Lang": on past the nickname to the first name
        elif prev.lower == "and" and k - 2 >= lo and tokens[k - 2].lower in PORTFOLIOS and (
                tokens[k - 2].is_capitalised and _title_within(tokens, k, j + 1)):
            k -= 2  # "Health and Wellness Minister Ann Roy": one office
        elif prev.lower == "and" and k - 3 >= lo and tokens[k - 3].lower == "the" and (
                is_name_word(tokens[k - 2])) and is_organisation(
                " ".join(t.text for t in tokens[k : j + 1])):
            k -= 2  # "the Energy and Utilities Board": one body (not "Ruiz and Acme Corp")
        else:
            break
    return listed_body_start(tokens, k, j, lo)


def listed_body_start(tokens: list[Token], k: int, j: int, lo: int) -> int:
    """Where a body's name that lists its portfolios starts, when the name ending at
    tokens[j] begins at tokens[k] after "and": "Immigration, Refugees and Citizenship
    Canada", "Ministry of Transportation and Economic Corridors"; else k. No person's
    first name is in the list ("Ana Ruiz and Citizenship Canada" are two)."""
    if k - 2 < lo or tokens[k - 1].lower != "and" or not is_name_word(tokens[k - 2]) or any(
            t.lower in FIRST_NAMES for t in tokens[k : j + 1]):
        return k
    a = k - 2
    while a - 2 >= lo and tokens[a - 1].text == "," and is_name_word(tokens[a - 2]):
        a -= 2
    if any(tokens[i].lower in FIRST_NAMES for i in range(a, k - 1, 2)):
        return k
    if tokens[j].text == "Canada" and j > k and (a < k - 2 or tokens[a].lower in PORTFOLIOS):
        return a  # (one portfolio before "and" is the rule above: "Fisheries and Oceans")
    if a == k - 2:
        while a - 1 > lo and is_name_word(tokens[a - 1]) and tokens[a - 1].text not in (
                _MINISTRY_WORDS):
            a -= 1  # ("Municipal Affairs and Housing")
        if a - 2 >= lo and tokens[a - 1].lower == "of" and tokens[a - 2].text in _MINISTRY_WORDS:
            return a - 2  # "Ministry of Transportation and Economic Corridors"
    return k


_MINISTRY_WORDS = frozenset({"Ministry", "Department", "Minister", "Secretary"})


def _french_adjective(tokens: list[Token], i: int, lo: int) -> bool:
    """Whether tokens[i] is the lower-case adjective after a French body's noun, inside
    its name: "Association étudiante", "Assemblée nationale"."""
    return i - 1 >= lo and tokens[i].is_word and tokens[i].text.islower() and (
        tokens[i - 1].text in FRENCH_BODY_NOUNS)


def party_body(tokens: list[Token], k: int) -> bool:
    """Whether tokens[k] goes on the name of a party's body that tokens[k - 1], a party
    word never a name alone, opens: "the Republican Party", "Democratic National"."""
    return k > 0 and tokens[k - 1].text in PARTY_WORDS and tokens[k].text in _PARTY_BODIES


PARTY_WORDS = frozenset({"Republican", "Democratic", "Democrat"})
_PARTY_BODIES = frozenset({"Party", "National", "Caucus", "Conference", "Governors",
                           "Leadership", "Committee", "Congressional", "Senatorial"})


# Words never names alone that are surnames after a first name: "Ana May".
_SURNAME_WORDS = frozenset({"May", "June", "April", "August", "Young", "Little", "Long"})


def month_surname(tokens: list[Token], k: int) -> bool:
    """Whether tokens[k] is a surname that reads as a common word: after a first name
    ("Ana May"), or next to a speech verb's past or present form, which never follows a
    modal nor a month ("May said", "“…,” said May.")."""
    if tokens[k].text not in _SURNAME_WORDS:
        return False
    if k > 0 and tokens[k - 1].is_capitalised and tokens[k - 1].lower in FIRST_NAMES:
        return True
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    return after is not None and after.lower in _SAID or k > 0 and tokens[k - 1].lower in (
        _SAID) and (after is None or after.text in {".", ",", ";"})


_SAID = frozenset("""said says told tells added adds wrote writes noted notes argued argues
insisted insists explained explains replied replies""".split())


def name_end(tokens: list[Token], i: int, hi: int) -> int:
    """One past the last token of the name starting at tokens[i]."""
    k = i + 1
    while k < hi:
        tok = tokens[k]
        particle = (tok.lower in NAME_PARTICLES or tok.text in _INNER_WORDS) and k + 1 < hi and (
            is_name_word(tokens[k + 1]) or tokens[k + 1].lower in NAME_PARTICLES and k + 2 < hi
            and tok.text.islower() and is_name_word(tokens[k + 2]))  # ("Jan van der Berg")
        office = (tok.lower in ("of", "to", "for") and is_title(tokens[k - 1]) and k + 1 < hi
                  and (is_name_word(tokens[k + 1]) or tokens[k + 1].lower == "the" and k + 2 < hi
                       and is_name_word(tokens[k + 2])))  # "Secretary of State Tom Berg"
        if tok.lower == "and" and k == i + 1 and tokens[i].lower in PORTFOLIOS and (
                _title_within(tokens, k + 1, hi)):
            k += 1  # two portfolios in one office: "Health and Wellness Minister Ann Roy"
        elif office and tokens[k + 1].lower == "the":
            k += 2  # "Ambassador to the United States Hamdullah Mohib"
        elif _nickname(tokens, k, hi):
            k += 3  # "Gurdeep “Gus” Bains": the name goes on past the nickname
        elif is_name_word(tok) or is_initial(tok) or particle or office or month_surname(
                tokens, k) or tok.text in PARTY_WORDS and k + 1 < hi and party_body(
                tokens, k + 1) or tok.text == "One" and tokens[k - 1].end + 1 == tok.start:
            k += 1  # (a party's body inside: "Oregon Democratic Party Chairman Tom Berg"; a
            # name ending in "One": "Hydro One", "Capital One")
        else:
            break
    return k


def _title_within(tokens: list[Token], k: int, hi: int) -> bool:
    """Whether capitalised words from tokens[k] lead, in at most three, to a title and a
    name after it ("Wellness Minister Ann Roy")."""
    for j in range(k, min(hi - 1, k + 3)):
        if not tokens[j].is_capitalised:
            return False
        if j > k and is_title(tokens[j]):
            return is_name_word(tokens[j + 1])
    return False


def _nickname(tokens: list[Token], k: int, hi: int) -> bool:
    """Whether tokens[k] opens a one-word nickname in marks inside a name ("Gurdeep
    “Gus” Bains", "Robert 'Bob' Lang"), the name going on after it."""
    return k + 3 < hi and tokens[k].text in _OPENING_MARKS and (
        tokens[k + 2].text in _CLOSING_MARKS) and (
        tokens[k].end == tokens[k + 1].start and tokens[k + 1].end == tokens[k + 2].start
        and is_name_word(tokens[k + 1]) and is_name_word(tokens[k + 3])
        and tokens[k + 2].end < tokens[k + 3].start)


_OPENING_MARKS = frozenset({"“", '"', "‘", "'"})
_CLOSING_MARKS = frozenset({"”", '"', "’", "'"})


def _span_text(text: str, tokens: list[Token], a: int, b: int) -> tuple[str, int, int]:
    start, end = tokens[a].start, tokens[b - 1].end
    return text[start:end], start, end


def make_mention(
    text: str, tokens: list[Token], a: int, b: int, role: str | None = None
) -> Mention:
    person = _person_after_body(tokens, a, b)
    if person is not None:  # "Refugee Council Enver Solomon": Solomon, of the council
        role = role or text[tokens[a].start : tokens[person - 1].end]
        a = person
    words, start, end = _span_text(text, tokens, a, b)
    first, last = tokens[a], tokens[b - 1]
    bare = first.lower.replace("’", "'").split("'")[0]  # "I’m", "He's": the pronoun
    if b - a == 1 and (bare in SPEAKING_PRONOUNS or bare in FIRST_PERSON):
        kind = "pronoun"
    elif first.lower in DETERMINERS or first.lower in ("his", "her", "their"):
        kind = "title" if is_title(last) and b - a <= 3 else "description"
    elif first.lower.endswith("s") and is_person_noun(first.lower):
        kind = "description"  # "Residents of the estate", "Analysts"
    elif any(is_name_word(t) for t in tokens[a:b]) and last.is_capitalised or (
            month_surname(tokens, b - 1)):
        kind = "name"
    else:
        kind = "description"
    return Mention(words, start, end, kind, role)


def _person_after_body(tokens: list[Token], a: int, b: int) -> int | None:
    """Where a person's name starts inside a run that opens with a body's name: a first
    name and a surname ending the run right after a word that makes a name a body
    ("Sierra Club Tom Berg", "Refugee Council Enver Solomon"). A body's name goes on
    past that word only rarely, and then not with a person's two names."""
    for i in range(a + 1, b - 1):
        if tokens[i - 1].text not in ORG_WORDS or not tokens[i].is_capitalised:
            continue
        rest = tokens[i:b]
        if not all(is_name_word(t) and t.text not in ORG_WORDS for t in rest):
            continue
        # a known first name, or two plain words that are not a plural, which is the
        # body's ("United States Elections Project")
        if tokens[i].lower in FIRST_NAMES or len(rest) == 2 and all(
                t.text.isalpha() for t in rest) and not tokens[i].lower.endswith("s"):
            return i
    return None

