"""The body a description of one stands for: "the group said" and "the company said"
after a body the text was just about (in this paragraph or the one before), as a reader
takes them. The candidates are the earlier subjects and speakers, nearest first
(pronouns.Antecedents.before)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from quoteidx.attributing.lexicon import COMPANY_NOUNS, COMPANY_WORDS
from quoteidx.attributing.names import federal_body, name_words
from quoteidx.attributing.speaker import ORGANISATION, THING, UNKNOWN, Speaker
from quoteidx.attributing.unnamed import is_company_description
from quoteidx.finding.office_words import PORTFOLIOS

if TYPE_CHECKING:
    from quoteidx.attributing.organisations import Organisations


def company_named_before(organisations: Organisations, text: str, description: str,
                         position: int) -> Speaker | None:
    """"The company denies …" when no subject or speaker nearby is a company: the company
    the text last named, anywhere in a sentence ("Riverbend is operated by Prairie Haven
    Seniors Living Inc."), if no more than two paragraphs lie between. Only for a word
    that is never a person's ("the developer" may be its president)."""
    if description.lower().split()[-1] not in ("company", "firm", "corporation", "business"):
        return None
    found = organisations.named_before("company", position)
    if found is None or text.count("\n\n", found[0], position) > 2:
        return None
    return Speaker(found[1], None, kind=ORGANISATION)


def group_before(candidates: Iterable[tuple[int, Speaker]], window: int) -> Speaker | None:
    """"the group said": the body the text was last about, from `window` on, when
    nothing else (a person, people) was mentioned after it."""
    for at, speaker in candidates:
        if at < window:
            return None
        if speaker.kind == THING:
            continue
        return speaker if speaker.kind == ORGANISATION and not speaker.plural else None
    return None


def body_before(candidates: Iterable[tuple[int, Speaker]], window: int,
                heads: dict[str, set[str]]) -> Speaker | None:
    """"the company said": the company the text was last about, from `window` on. The
    nearest body or lone name (people, groups, places and things passed over) must be a
    company as far as the document shows: a company's name (Acme Corp, Acme Inc.), a lone
    name ("Shopify"), or one the document called a company (`heads`: the nouns it gave
    each name)."""
    for at, speaker in candidates:
        if at < window:
            return None
        if speaker.kind not in (ORGANISATION, UNKNOWN) or speaker.plural:
            continue
        name = speaker.name or ""
        if is_company_description(name):
            return None  # an earlier "the company" left unnamed
        words = {w.lower() for w in name_words(name)}
        if speaker.kind == UNKNOWN or words & COMPANY_WORDS or heads.get(name, set()) & (
                COMPANY_NOUNS):
            return Speaker(name, speaker.role, kind=ORGANISATION)
        return None
    return None


_UTILITY_WORDS = frozenset({"hydro", "power", "energy", "electric", "utilities"})


def power_utility(name: str) -> bool:
    """"Hydro One", "Nova Scotia Power": a utility, by its trade."""
    return any(w.lower() in _UTILITY_WORDS for w in name.split())


_REGULATED = frozenset({"energy", "utilities", "securities", "financial", "insurance",
                        "telecommunications", "transportation", "gaming", "cannabis"})
_BOARD_WORDS = frozenset({"board", "commission", "authority", "tribunal"})


def public_agency(name: str) -> bool:
    """"Health Canada", "BC Parks", "Canada Border Services Agency": a government
    department or agency, by its portfolio or its kind (not "Acme Services")."""
    words = name.split()
    return federal_body(name) or len(words) >= 2 and words[-1].lower() in (
        PORTFOLIOS | _AGENCY_WORDS) and words[0][:1].isupper()


_AGENCY_WORDS = frozenset({"agency"})


def regulator(name: str) -> bool:
    """"Financial Services Regulatory Authority of Ontario", "Ontario Energy Board": a
    regulator, by its name (not "Toronto District School Board")."""
    words = [w.lower() for w in name.split()]
    return any(w.startswith("regulat") for w in words) or bool(
        _REGULATED & set(words) and _BOARD_WORDS & set(words))


def body_of_kind(candidates: Iterable[tuple[int, Speaker]], window: int,
                 fits: Callable[[str], bool]) -> Speaker | None:
    """"the agency said" after "Environment Canada", "the utility" after "Hydro One":
    the body the text was last about, from `window` on, when its name shows the kind
    (`fits`) though it does not hold the word."""
    for at, speaker in candidates:
        if at < window:
            return None
        if speaker.kind == THING:
            continue
        if speaker.kind in (ORGANISATION, UNKNOWN) and not speaker.plural and fits(
                speaker.name or ""):
            # (a subject's name as written may keep its article: "The … Authority fined")
            name = (speaker.name or "").removeprefix("The ")
            return Speaker(name, speaker.role, kind=ORGANISATION)
        return None
    return None
