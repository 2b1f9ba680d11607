"""Names, titles and roles: turning the words that name a speaker into one person, and
telling a person's name from a place's, a group's or an organisation's."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from quoteidx.attributing.lexicon import (
    COMPANY_WORDS,
    COUNTRIES,
    EXTRA_ORG_WORDS,
    EXTRA_TITLES,
    GROUP_NAMES,
    MORE_FEMALE_FIRST_NAMES,
    MORE_MALE_FIRST_NAMES,
    PLACE_LEADS,
    REGIONS,
    TITLE_NOUNS,
    UNISEX_FIRST_NAMES,
)
from quoteidx.finding.lexicon import (
    DETERMINERS,
    FEMALE_FIRST_NAMES,
    FEMALE_WORDS,
    MALE_FIRST_NAMES,
    MALE_WORDS,
    NAME_PARTICLES,
    PREPOSITIONS,
)
from quoteidx.finding.office_words import (
    NATIONALITIES,
    ORG_WORDS,
    PORTFOLIOS,
    RANK_WORDS,
    TITLES,
)

ALL_TITLES = TITLES | EXTRA_TITLES
FEMALE_NAMES = (FEMALE_FIRST_NAMES | MORE_FEMALE_FIRST_NAMES) - UNISEX_FIRST_NAMES
MALE_NAMES = (MALE_FIRST_NAMES | MORE_MALE_FIRST_NAMES) - UNISEX_FIRST_NAMES
_POSSESSIVE = re.compile(r"['’]s?$")
# An age opening or closing a role ("the 34-year-old nurse", "a nurse, 34"); not a year
# or a number that names something ("first elected in 2018", "Local 311").
_AGE = re.compile(r"^(?:the\s+)?\d+[- ]year[- ]old\s+|^\d+\s*$|,\s*\d{1,3}\s*$", re.IGNORECASE)
_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "our", "my", "your"})


@lru_cache(maxsize=65536)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a name, without a nickname in marks ("Gurdeep “Gus” Bains")."""
    return tuple(w for w in name.replace(",", " ").split()
                 if not (len(w) > 2 and w[0] in _OPENING_MARKS and w[-1] in _CLOSING_MARKS))


_OPENING_MARKS = "“\"‘'"
_CLOSING_MARKS = "”\"’'"


@lru_cache(maxsize=65536)  # names recur across a corpus; stripping is pure
def strip_title(name: str) -> tuple[str, str | None]:
    """("Commander Ismail Khan") -> ("Ismail Khan", "commander"). A name that is only a
    title ("the Commander") keeps it. A possessor before the name is not part of it:
    "Washington Post’s Ana Ruiz" -> "Ana Ruiz"."""
    words = list(name_words(_POSSESSIVE.sub("", name)))
    # A possessor or a compound modifier before the name is not part of it:
    # "Washington Post’s Ana Ruiz", "South Korean-born Ana Ruiz" -> "Ana Ruiz".
    cuts = [i for i, w in enumerate(words[:-1]) if _POSSESSIVE.search(w) and len(w) > 2
            or "-" in w and w.rsplit("-", 1)[1][:1].islower() and w.lower() not in ALL_TITLES]
    if cuts and not is_organisation(" ".join(words[cuts[-1] + 1 :])):
        words = words[cuts[-1] + 1 :]
    # Lower-case role words before the name are not part of it: "conservative talk radio
    # host Rush Limbaugh" -> "Rush Limbaugh"; nor a party or faith: "Democrat Ana Ruiz".
    lead = 0
    while lead < len(words) - 1 and words[lead][:1].islower() and (
            words[lead] not in NAME_PARTICLES and words[lead].rstrip(".") not in ALL_TITLES):
        lead += 1
    rest_is_a_name = all(w[:1].isupper() and not w.isupper() for w in words[lead:])
    if 0 < lead <= 5 and rest_is_a_name and not any(
            w in PREPOSITIONS or w in DETERMINERS or w in ("and", "or") for w in words[:lead]):
        words = words[lead:]  # not "early results of exit polls conducted for The Times"
    if len(words) > 2 and words[0].lower() in GROUP_NAMES and not is_organisation(
            " ".join(words[1:])):
        words.pop(0)
    titles = []
    # A title inside the run ends the prefix: "Obama Education Secretary Arne Duncan",
    # "Secretary of State John Kerry" -> "Arne Duncan", "John Kerry".
    inner = [i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in ALL_TITLES]
    if inner and inner[-1] > 0 or inner and len(words) > 2 and words[inner[-1] + 1] == "of":
        cut = first = inner[-1]
        while first > 0 and (words[first - 1].lower().rstrip(".") in RANK_WORDS or (
                words[first - 1].lower().rstrip(".") in ALL_TITLES)):
            first -= 1  # "Deputy Mayor Tom Okafor", "Prime Minister …": the whole title
        titles += [w.lower().rstrip(".") for w in words[first : cut + 1]]
        rest = words[cut + 1 :]
        if rest and rest[0] in ("of", "to", "for"):
            # "of State John Kerry", "to the United States Hamdullah Mohib" -> the person
            rest = rest[1:]
            # the last two words, or three with a middle initial ("Tom F. Berg")
            keep = 3 if len(rest) > 2 and re.fullmatch(r"[A-Z]\.", rest[-2]) else 2
            rest = rest[-keep:]
        if rest:
            words = rest
    while len(words) > 1 and not (len(words) == 2 and is_organisation(words[1])) and (
        words[0].lower().rstrip(".") in ALL_TITLES
        or words[0].lower() in DETERMINERS
        or words[0].lower() in ("former", "then", "acting", "late")
    ):
        low = words.pop(0).lower().rstrip(".")
        if low in ALL_TITLES or low in RANK_WORDS and len(words) > 1 and (
                words[0].lower().rstrip(".") in ALL_TITLES):
            titles.append(low)  # ("Former Mayor Tom Okafor": "former mayor")
    title = " ".join(titles) or None
    return " ".join(words), title


def surname(name: str) -> str:
    words = name_words(name)
    return words[-1].lower() if words else ""


@lru_cache(maxsize=65536)  # names recur in a document and a corpus
def gender(name: str) -> str | None:
    """"female", "male" or None (unknown), from a title or a common first name; a
    possessive before it says nothing ("Her father" is a man)."""
    words = [w.lower().rstrip(".") for w in name_words(name)]
    while words and (words[0] in _POSSESSIVE_DETERMINERS or _POSSESSIVE.search(words[0])):
        words.pop(0)
    # The first word, or the one after a title ("Sen. Ana Ruiz"): never a surname
    # ("Chris Christie" is not a woman).
    for k, low in enumerate(words[:2]):
        if not low.isascii():
            low = _unaccented(low)  # "Mélanie", "François": the lists spell them plain
        if "-" in low and k == 0:
            found = _hyphenated(low)  # "Marie-Ève", "Jean-François"
            if found is not None:
                return found
        if low in FEMALE_WORDS or low in FEMALE_NAMES:
            return "female"
        if low in MALE_WORDS or low in MALE_NAMES:
            return "male"
        if k == 0 and low not in ALL_TITLES:
            break
    # Many Punjabi first names are a man's and a woman's ("Harjit"); "Kaur" is only a
    # woman's name.
    return "female" if "kaur" in words[1:] else None


def is_first_name(word: str) -> bool:
    """A common first name of either sex ("Emily", "Kelly", "Jordan")."""
    low = word.lower()
    return low in FEMALE_NAMES or low in MALE_NAMES or low in UNISEX_FIRST_NAMES


def _hyphenated(first: str) -> str | None:
    """The gender of a hyphenated first name, which its first part gives ("Marie-Ève",
    "Jean-Marie" is a man's: a French "Jean" is one)."""
    head = first.split("-", 1)[0]
    if head in FEMALE_NAMES:
        return "female"
    return "male" if head in MALE_NAMES or head == "jean" else None


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def gender_of_words(words: list[str]) -> str | None:
    """The gender role words give ("spokeswoman", "chairman"), if they agree."""
    found = {"female" if w in FEMALE_WORDS else "male" for w in words
             if w in FEMALE_WORDS or w in MALE_WORDS}
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=65536)  # names recur in a document and a corpus
def is_acronym(word: str) -> bool:
    """RCMP, CUPE, F.B.I.: capitals only, two to six of them."""
    letters = word.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


@lru_cache(maxsize=65536)  # names recur in a document and a corpus
def is_organisation(name: str) -> bool:
    words = name_words(name)
    return any(w in ORG_WORDS or w in EXTRA_ORG_WORDS or w.lower() in COMPANY_WORDS
               and w[0].isupper() for w in words) or federal_body(name)


def federal_body(name: str) -> bool:
    """"Statistics Canada", "Environment and Climate Change Canada": a federal department
    or agency, named by its portfolio."""
    words = name.split()
    return len(words) >= 2 and words[-1] == "Canada" and words[0].lower().rstrip(",") in (
        PORTFOLIOS)


@lru_cache(maxsize=65536)  # names recur in a document and a corpus
def is_place(name: str) -> bool:
    """"New Hampshire", "British Columbia", "Canada": a name a place has."""
    words = name_words(name)
    if not words:
        return False
    first = words[0].lower()
    joined = " ".join(words).lower()
    return (first in PLACE_LEADS and len(words) > 1) or first in NATIONALITIES \
        or joined in COUNTRIES or joined in REGIONS


_SUFFIXES = frozenset({"II", "III", "IV", "Jr", "Sr"})


# A surname opening on an elided article: "d’Amboise", "d'Amato".
_ELIDED = re.compile(r"[ld][’'][A-ZÀ-Ý]")


@lru_cache(maxsize=65536)  # names recur in a document and a corpus
def looks_like_a_persons_name(name: str) -> bool:
    """"Ana Ruiz", "Bashar al-Assad", "Mark S. Mellman": capitalised words (particles
    and initials allowed), not an organisation's, a place's ("Nazi Germany", unless it
    opens with a first name: "Michael Jordan"), a headline's (FULL TEXT) or an acronym."""
    words = name_words(name)
    if not 1 <= len(words) <= 5 or is_organisation(name) or is_place(name):
        return False
    # (a first name borne by both sexes counts: "Jordan Whitfield" is no place)
    first_name = gender(words[0]) is not None or words[0].lower() in UNISEX_FIRST_NAMES
    for k, word in enumerate(words):
        bare = word.strip(".’'")
        if not bare:
            return False
        if bare.lower() in NAME_PARTICLES or bare[:3].lower() in ("al-", "el-") or (
                _ELIDED.match(bare)) or (
                k == len(words) - 1 and k > 0 and bare in _SUFFIXES):
            continue  # "Leonard Dozier Hill III", "Joseph R. Murray II"
        if not bare[0].isupper() or len(bare) > 1 and bare.isalpha() and bare.isupper():
            return False
        low = bare.lower()
        if len(words) > 1 and not first_name and low in COUNTRIES:
            return False  # "Nazi Germany", "Vietnam War"
        if 1 < k < len(words) - 1 and low in PLACE_LEADS:
            return False  # "Ted Cruz South Carolina": a name run into a place
    return True


@lru_cache(maxsize=65536)  # names recur in a document and a corpus
def is_group_name(name: str) -> bool:
    """"Democrats", "Canadians", "African-Americans": a capitalised word for many people."""
    words = name_words(name)
    if len(words) != 1 or not words[0].endswith("s"):
        return False
    singular = words[0].lower().split("-")[-1][:-1]
    return singular in NATIONALITIES or singular in GROUP_NAMES


def _not_a_role(first: str) -> bool:
    return first in _CLAUSE_OPENERS or first.split("'")[0] in ("who", "what", "which")


_CLAUSE_OPENERS = frozenset({"who", "whose", "what", "which", "that", "known", "again"})
# A time set before the sentence with a comma is no role: "These days, Mr. Clinton's …".
_TIMES = frozenset("""days weeks months years times nights mornings today yesterday
tonight week month year""".split())
# What follows a participle that takes an object or a place: "dedicating the museum",
# "speaking at a rally", "supporting Clinton".
_PARTICIPLE_OBJECTS = frozenset(DETERMINERS | PREPOSITIONS | {"his", "her", "their", "its"})


@lru_cache(maxsize=65536)
def clean_role(role: str | None) -> str | None:
    """", a militia officer," -> "militia officer"; ages are not roles."""
    if not role:
        return None
    role = role.strip(" ,;:-—–")
    if role.count("“") > role.count("”"):
        role += "”"  # its quoted words were cut at the comma inside their closing mark
    elif role.count('"') % 2 and role.startswith('"'):
        role += '"'  # (the same with straight marks)
    words = role.split()
    while words and words[0].lower() in ("a", "an", "the", "another", "also"):
        words.pop(0)
    if len(words) > 1 and words[0] in ("His", "Her", "Their", "Its"):
        words.pop(0)  # "His lawyer, Simone Okwu," opening a sentence: a lawyer, not "His"
    if " ".join(words).lower() in ("one of them", "one of those"):
        return None  # which of the people just told of: no role
    if words and (_not_a_role(words[0].lower().replace("’", "'")) or len(words) > 1 and (
            words[0].lower().endswith("ing") and words[1].lower() in _PARTICIPLE_OBJECTS)):
        return None  # a clause about the person ("who's running", "known as Jeb",
        # "dedicating the museum"), not what they are (but "managing director")
    if words and head_word(words) in _TIMES:
        return None
    if len(words) > 1 and words[-1][:1].isupper() and words[-1].endswith(".") and (
            words[-1].lower().rstrip(".") in TITLE_NOUNS):
        words[-1] = TITLE_NOUNS[words[-1].lower().rstrip(".")]  # "Republican senator"
    role = _AGE.sub("", " ".join(words)).strip(" ,")
    if not role or not any(ch.isalpha() for ch in role) or len(role.split()) > 14:
        return None
    return role


def head_word(words: list[str]) -> str:
    """The noun a description is about: the word before its first preposition
    ("one of the fighters", "a mujaheddin in his 50s"), else its last word."""
    for index, word in enumerate(words[1:], start=1):
        if word in PREPOSITIONS or word in ("who", "which", "that", "whose"):
            return words[index - 1]
    return words[-1] if words else ""
