"""Speakers told apart from names: a run of capitalised words that is a person's name,
a name after its own role ("actress Jamie Lee Curtis"), and unnamed speakers kept as
written ("one of the fighters", "a spokeswoman", "the company")."""

from __future__ import annotations

from quoteidx.attributing.lexicon import COMPANY_NOUNS
from quoteidx.attributing.names import (
    ALL_TITLES,
    gender,
    gender_of_words,
    head_word,
    is_organisation,
    is_place,
    name_words,
)
from quoteidx.attributing.speaker import GROUP, ORGANISATION, PERSON, THING, Speaker
from quoteidx.finding.lexicon import NOT_NAMES
from quoteidx.finding.office_words import ORG_NOUNS
from quoteidx.finding.tokens import is_person_noun

BODY_NOUNS = frozenset(w for w in ORG_NOUNS if not is_person_noun(w)) | COMPANY_NOUNS


def is_company_description(text: str) -> bool:
    """"the company", "the Ottawa-based firm": a description of one company."""
    words = [w.lower() for w in text.split()]
    return 2 <= len(words) <= 4 and words[0] == "the" and words[-1] in COMPANY_NOUNS


def is_name(text: str) -> bool:
    """"Rich Beeson": capitalised words a person's name is made of."""
    words = name_words(text)
    return 1 < len(words) <= 4 and all(w[0].isupper() for w in words) and \
        words[0] not in NOT_NAMES and not is_organisation(text) and not is_place(text)


def name_after_role(text: str | None) -> str | None:
    """"Jamie Lee Curtis" in "actress Jamie Lee Curtis": a person's name after a few
    lower-case words ending on a person noun; None when the text is not so made ("maker
    of Acme Widgets", "such as Walter Scott")."""
    words = text.split() if text else []
    i = next((i for i, w in enumerate(words) if w[:1].isupper()), len(words))
    if not 0 < i <= 3 or not all(w.isalpha() and w.islower() for w in words[:i]):
        return None
    name = " ".join(words[i:])
    return name if is_person_noun(words[i - 1]) and is_name(name) else None


def description(words: list[str], role: str | None) -> Speaker:
    """An unnamed speaker, kept as written: "one of the fighters", "a spokeswoman"."""
    low = [w.lower() for w in words]
    head = head_word(low)
    plural = is_plural(head) or head in _COLLECTIVES or (  # ("a delegation of …": they)
        head in _MASS_PEOPLE and low[0] in _MANY)  # "Some staff", "many personnel"
    if head in BODY_NOUNS and not plural:
        kind = ORGANISATION
    elif plural:
        kind = GROUP
    elif is_person_noun(head) or head in ALL_TITLES or head in low[1:] and (
            low[low.index(head, 1) + 1 : low.index(head, 1) + 2] == ["who"]) or (
            _one_of_people(low, head)):
        kind = PERSON  # (what "who" follows is someone: "a retired welder who asked …")
    else:
        kind = THING
    sex = gender_of_words([head]) or gender(" ".join(words)) if kind == PERSON else None
    return Speaker(" ".join(words), role, plural=plural, gender=sex, kind=kind)


# Nouns for people that take no plural ending, many after "some" ("Some staff said").
_MASS_PEOPLE = frozenset({"staff", "personnel", "crew", "police", "faculty", "clergy"})
_MANY = frozenset({"some", "many", "most", "all", "several", "few", "other", "more"})
# Nouns for several people acting as one, whom "they" means.
_COLLECTIVES = frozenset({"delegation", "group", "crowd", "contingent", "couple", "family",
                          "crew", "panel", "jury"})


def _one_of_people(low: list[str], head: str) -> bool:
    """"one of the players", "one of three plaintiffs": a person, one of many."""
    if head not in ("one", "another") or "of" not in low:
        return False
    after = [w.strip(",.") for w in low[low.index("of") + 1 :][:3]]
    return any(w.endswith("s") and is_person_noun(w) for w in after)


def is_plural(head: str) -> bool:
    """"Residents of the estate", "local witnesses" and "companies" are many; "one of the
    fighters" is one."""
    if head in ("one", "each", "either", "neither"):
        return False
    if head in ("people", "men", "women", "police", "many", "some", "several", "most",
                "all", "both", "few", "others"):
        return True
    if not head.endswith("s") or head.endswith("ss"):
        return False
    singular = head[:-3] + "y" if head.endswith("ies") else head[:-1]
    return is_person_noun(singular) or singular in BODY_NOUNS
