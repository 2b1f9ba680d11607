"""What an unnamed speaker's description stands for: the person, body or group the
document has tied to it ("the chief" in a lede -> the chief it names next, "the agency"
-> "Statistics Canada" just named, "the 41-year-old" -> the person given that age, "the
statement" -> whoever issued it). Descriptions tied to none stay as written."""

from __future__ import annotations

import re

from quoteidx.attributing.bodies import (
    body_before,
    body_of_kind,
    company_named_before,
    group_before,
    power_utility,
    public_agency,
    regulator,
)
from quoteidx.attributing.names import ALL_TITLES, federal_body, head_word, is_place
from quoteidx.attributing.pronouns import Antecedents
from quoteidx.attributing.resolve import ORGANISATION, PERSON, UNKNOWN, Resolver, Speaker
from quoteidx.attributing.texts import issuer, text_noun
from quoteidx.attributing.unnamed import is_company_description
from quoteidx.finding import Finding
from quoteidx.finding.lexicon import DETERMINERS, FEMALE_WORDS, MALE_WORDS, PARENT_NOUNS
from quoteidx.finding.names import Mention
from quoteidx.finding.tokens import is_person_noun

__all__ = ["stands_for"]


def stands_for(finding: Finding, mention: Mention, speaker: Speaker | None, how: str,
               resolver: Resolver, antecedents: Antecedents) -> tuple[Speaker | None, str]:
    """The speaker a description (`how` == "description") stands for, and how it was
    found; any other speaker as it was."""
    if how == "description" and (ahead := _holder_named_next(resolver, mention)) is not None and (
            not antecedents.people_named_between(0, mention.start)):
        speaker, how = ahead, "title"  # "…, the chief says …" / "Chief Ana Ruiz said"
    if how == "description" and (named := _source_named_next(resolver, mention)):
        speaker, how = named, "title"  # "A spokesperson for … said" / "spokesperson Tom Berg"
    if how == "description" and is_company_description(mention.text):
        company = body_before(antecedents.before(mention.start), antecedents.window(
            mention.start), resolver.index.heads) or company_named_before(
            resolver.organisations, resolver.text, mention.text, mention.start)
        if company is not None:
            speaker, how = company, "title"
    if how == "description" and mention.text.lower() in _GROUP_NOUNS:
        group = group_before(antecedents.before(mention.start), antecedents.window(
            mention.start))  # "the group said" after a body's
        if group is not None:
            speaker, how = group, "title"
    if mention.text.lower().removeprefix("the ") == "first nation":  # the story's own
        nation = next((s for at, s in antecedents.before(mention.start) if (
            s.name or "").endswith(" First Nation") and s.kind != PERSON and not _owns(
            resolver.text, at, s.name or "") and not resolver.text[at:].lower().startswith((
                "the first nation", "first nation"))), None)  # (nor this very phrase)
        if nation is not None:  # (a subject or speaker, not "… Pine Point First Nation's")
            speaker, how = Speaker(nation.name.removeprefix("The "), None,  # type: ignore[union-attr]
                                   kind=ORGANISATION), "title"
    if how == "description" and (fits := _BODY_OF_KIND.get(mention.text.lower())):
        body = body_of_kind(antecedents.before(mention.start), antecedents.window(
            mention.start), fits)  # "Environment Canada …, the agency said"
        if body is not None:
            speaker, how = body, "title"
    if mention.text[:1].islower() and (issued := _ISSUED_BY.fullmatch(mention.text)):
        body = resolver.named(issued.group(1), mention.start + issued.start(1))
        if body is not None and body.kind in (ORGANISATION, PERSON, UNKNOWN):
            speaker, how = (body if body.kind != UNKNOWN else Speaker(
                body.name, body.role, kind=ORGANISATION)), "title"  # "figures from StatCan"
    if how == "description" and (order := mention.text.lower()) in _FORMER_LATTER:
        person = _former_or_latter(antecedents, mention.start, _FORMER_LATTER[order])
        if person is not None:
            speaker, how = person, "title"  # "Tom Berg and Ana Ruiz … The former said"
    if how == "description" and (aged := _AGED.fullmatch(mention.text)):
        person = _of_age(resolver, aged.group(1), mention.start) or _met_before(
            resolver.text, antecedents, mention.start, finding.paragraph[0], mention.text)
        if person is not None:
            speaker, how = person, "title"
    if how == "description" and (epithet := _EPITHET.fullmatch(mention.text)) and (
            noun := epithet.group(1).lower()) in EPITHETS:
        person = _met_before(resolver.text, antecedents, mention.start, finding.paragraph[0],
                             mention.text)
        if person is not None and _epithet_of(person) in (None, _SAME_EPITHET.get(noun, noun)):
            speaker, how = person, "title"  # "Weegar said …. “…,” the defenceman said"
    if how == "description" and _PARENT_OF.fullmatch(mention.text):
        person = _met_before(resolver.text, antecedents, mention.start, finding.paragraph[0],
                             mention.text)
        if person is not None:
            speaker, how = person, "title"  # "Ana Ruiz lost her home. “…,” the mother of two said"
    if how == "description" and finding.paragraph[0] < 64 and not resolver.text[
            : finding.paragraph[0]].strip():  # (the document's first line)
        person = _headline_holder(resolver, mention)
        if person is not None:
            speaker, how = person, "title"  # "Quebec to add 1,500 beds, minister says"
    if how == "description" and (noun := text_noun(mention.text)):
        # "The statement also said": the statement of whoever issued it just before
        owner = issuer(resolver.text, antecedents.before(mention.start), noun,
                       antecedents.window(mention.start), resolver.named)
        if owner is not None:
            speaker, how = owner, "title"
    if how == "description" and (kin := _KIN.fullmatch(mention.text)):
        relative = _relative_of(resolver, antecedents, mention, finding.paragraph[0], kin)
        if relative is not None:
            speaker, how = relative, "title"  # "Julie Chen said …" / "Her husband said"
    if how == "description" and (owned := _OWNED.fullmatch(mention.text)):
        owner = antecedents.resolve(Mention(owned.group(1), mention.start, mention.start + len(
            owned.group(1)), "pronoun"), finding.paragraph[0])
        if owner is not None and owner.kind == PERSON and owner.name:
            noun = owned.group(2).lower()  # "Her office said": Corinne Vale's office
            speaker = Speaker(f"{owner.name}'s {noun}", None, kind=ORGANISATION)
    if how == "description" and (earlier := _described_before(antecedents, mention)):
        speaker = earlier  # "A spokesperson for Halifax Water said …" / "the spokesperson"
    return speaker, how


# What a person has that speaks for them as a body: "her office", "his campaign". (Not
# "his lawyer": "held Pagliano in contempt … His lawyer said" is his, not the last
# speaker's, and a person's "his" is read less surely.)
_OWNED = re.compile(r"(her|his)\s+(office|campaign|team)", re.IGNORECASE)
# A spouse by whose: "her husband", "his wife" (the person's family: their surname).
_KIN = re.compile(r"(her|his)\s+(husband|wife)", re.IGNORECASE)
_KIN_GENDER = {"husband": "male", "wife": "female"}


def _relative_of(resolver: Resolver, antecedents: Antecedents, mention: Mention,
                 paragraph_start: int, kin: re.Match[str]) -> Speaker | None:
    """"Her husband said" after "Mark and Julie Chen …" and "Julie Chen said": the one
    other person of her surname named, of a husband's gender; None if none or several."""
    whose = kin.group(1)
    owner = antecedents.resolve(Mention(whose, mention.start, mention.start + len(whose),
                                        "pronoun"), paragraph_start)
    if owner is None or owner.kind != PERSON or not owner.name:
        return None
    wanted = _KIN_GENDER[kin.group(2).lower()]
    family = [name for name in resolver.index.relatives(owner.name)
              if resolver.index.gender_of(name) in (None, wanted)]
    if len(family) != 1:
        return None
    person = resolver.named(family[0], mention.start)
    return person if person is not None and person.kind == PERSON else None


def _owns(text: str, at: int, name: str) -> bool:
    """Whether the name written at `at` is a possessive ("the Pine Point First Nation's
    members"): something of theirs is talked about, not they."""
    found = text.find(name.removeprefix("The "), at)
    return found >= 0 and text.startswith(("'s", "’s"), found + len(name.removeprefix("The ")))


def _described_before(antecedents: Antecedents, mention: Mention) -> Speaker | None:
    """The unnamed person a definite description refers back to: "the spokesperson" after
    "A spokesperson for Halifax Water said …", in this paragraph or the one before, when
    no one named with that noun came between (the description stays as written then)."""
    words = mention.text.lower().split()
    if not 2 <= len(words) <= 3 or words[0] != "the" or not is_person_noun(words[-1]):
        return None
    head, modifiers = words[-1], set(words[1:-1])
    window = antecedents.window(mention.start)
    spoke = {(at, earlier.name) for at, earlier in antecedents.said}  # (not "A new
    # manager, he said, could …": a subject spoken of)
    for at, earlier in antecedents.before(mention.start):
        if at < window:
            return None
        name = (earlier.name or "").split()
        low = [w.lower().strip(",") for w in name]
        if earlier.kind != PERSON or earlier.plural or not low:
            continue
        if low[0] not in _INDEFINITE:
            if head in (earlier.role or "").lower().split():
                return None  # "Ana Ruiz, an analyst, …": someone named with it
            continue
        if head_word(low) == head and modifiers <= set(low) and (at, earlier.name) in spoke:
            return earlier
    return None


def _headline_holder(resolver: Resolver, mention: Mention) -> Speaker | None:
    """The person a headline's bare title stands for ("…, minister says", "Mayor
    vows …"): the one the story names with that title."""
    words = mention.text.lower().split()
    if not 1 <= len(words) <= 3 or words[0] in DETERMINERS or words[-1] not in ALL_TITLES:
        return None
    name = resolver.index.only_holder_after(words[-1], words[:-1], mention.end)
    person = resolver.named(name, mention.end) if name else None
    return person if person is not None and person.kind == PERSON else None


def _holder_named_next(resolver: Resolver, mention: Mention) -> Speaker | None:
    """The person a lede's "the chief" stands for, before anyone is named: the one the
    story then names with that title, in the same paragraph or the next."""
    words = mention.text.lower().split()
    if len(words) > 2 and _PLACE_POSSESSIVE.fullmatch(" ".join(words[:2])):
        words = ["the", *words[2:]]  # "the province’s top doctor": as "the top doctor"
    elif len(words) > 1 and _possessive_place(mention.text.split()[0]):
        words = ["the", *words[1:]]  # "Canada's health minister"
    words = [w for w in words if w != "top"]  # "the top doctor" is the doctor
    if not 2 <= len(words) <= 3 or words[0] != "the" or words[-1] not in _LEDE_TITLES:
        return None
    name = resolver.index.only_holder_after(words[-1], words[1:-1], mention.end)
    if name is None:
        return None
    named_at = resolver.text.find(name.split()[-1], mention.end)
    if named_at < 0 or resolver.text.count("\n\n", mention.end, named_at) > 1:
        return None
    person = resolver.named(name, named_at)
    return person if person is not None and person.kind == PERSON else None


# Who speaks for someone, and is often named only in the next sentence or paragraph.
_SPOKESPEOPLE = frozenset({"spokesperson", "spokesman", "spokeswoman", "lawyer", "attorney"})


def _source_named_next(resolver: Resolver, mention: Mention) -> Speaker | None:
    """"A spokesperson for Transport Minister Ellen Sato said …" then "spokesperson Victor
    Laine said": the one spokesperson the story names next, in this paragraph or the
    next, with no role that makes them someone else's."""
    low = [w.lower() for w in mention.text.split()]
    if not low or not (low[0] in ("a", "an") or len(low) == 2 and low[0].endswith(
            ("'s", "’s"))):
        return None
    head = head_word(low)
    if head not in _SPOKESPEOPLE:
        return None
    name = resolver.index.only_holder_after(head, [], mention.end)
    if name is None or not resolver.index.role_words.get(name, set()) <= {head, *low}:
        return None
    role = (resolver.index.roles.get(name) or "").lower().split()
    after = role[role.index(head) + 1 :] if head in role else []
    if any(w not in low and w not in ("a", "an", "the") for w in after):
        return None  # ("Tom Berg, a spokesperson for the police": someone else's)
    named_at = resolver.text.find(name.split()[-1], mention.end)
    if named_at < 0 or resolver.text.count("\n\n", mention.end, named_at) > 1:
        return None
    person = resolver.named(name, named_at)
    return person if person is not None and person.kind == PERSON else None


# Titles a lede uses for the holder it names next ("Dr. Ana Ruiz" is a doctor).
_LEDE_TITLES = ALL_TITLES | {"doctor"}
_PLACE_POSSESSIVE = re.compile(
    r"the (?:province|city|country|town|region|territory|state|nation)['’]s")


def _possessive_place(word: str) -> bool:
    """"Manitoba's", "Canada’s": a place's, as a lede says whose office it means."""
    place = word.removesuffix("'s").removesuffix("’s")
    return place != word and is_place(place)


# "the 41-year-old", "The 34-year-old mother of two"
# Words for a body of any kind, which "the …" uses for the one just named.
_GROUP_NOUNS = frozenset({"the group", "the organization", "the organisation"})
# Words for a body whose name need not hold them, and how its name shows that kind.
_BODY_OF_KIND = {"the agency": public_agency, "the department": public_agency,
                 "the federal agency": federal_body, "the federal department": federal_body,
                 "the utility": power_utility, "the power utility": power_utility,
                 "the regulator": regulator, "the provincial regulator": regulator,
                 "the federal regulator": regulator}
_AGED = re.compile(r"the\s+(\d{1,3})-year-old(?:\s+[a-z]+){0,4}", re.IGNORECASE)
# A parent by the children counted, someone the story has just met: "the mother of two".
_PARENT_OF = re.compile(rf"the\s+(?:[\w'’-]+\s+){{0,2}}(?:{'|'.join(sorted(PARENT_NOUNS))})"
                        r"\s+of\s+\w+", re.IGNORECASE)
_FAR = 4000  # characters back where the person's age may have been given


_FORMER_LATTER = {"the former": 0, "the latter": 1}
# Figures or a statement a named body or person issued, which speak for them: "figures
# from Statistics Canada", "a statement from the RCMP", "preliminary results from
# Elections Ontario".
_ISSUED_BY = re.compile(
    r"(?i:(?:(?:the|a|an|new|latest|preliminary|recent|official|its|their)\s+)*"
    r"(?:figures|data|numbers|statistics|results|estimates|statement|news\s+release|release"
    r"|report|survey|poll)\s+(?:from|by|released\s+by|issued\s+by)\s+(?:the\s+)?)"
    r"([A-Z][\w'’.&-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'’.&-]*)*)")


def _former_or_latter(antecedents: Antecedents, position: int, which: int) -> Speaker | None:
    """"the former", "the latter": the first or second of the last two people named
    before `position`, in this paragraph or the one before."""
    people: list[Speaker] = []
    for person in antecedents.people_named_between(antecedents.window(position), position):
        people = [p for p in people if p.name != person.name] + [person]
    return people[-2:][which] if len(people) >= 2 else None


def _of_age(resolver: Resolver, age: str, position: int) -> Speaker | None:
    """ "“…,” the 41-year-old said": the person the text last gave that age ("Ana Ruiz,
    41, …"), if it did; the description stays as written otherwise."""
    given = re.compile(rf"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}}),\s+{age}\b(?![-\d])")
    matches = list(given.finditer(resolver.text, max(0, position - _FAR), position))
    if not matches:
        return None
    last = matches[-1]
    person = resolver.named(last.group(1), last.start(1))
    return person if person is not None and person.kind == PERSON else None


def _only_one_named(text: str, antecedents: Antecedents, position: int, gender: str | None
                    ) -> tuple[int, Speaker] | None:
    """The one person named in this paragraph or the one before, of no other gender,
    and where ("For Gerald Mbeki, the closure is personal. The 81-year-old …": him)."""
    people = {p.name: p for p in antecedents.people_named_between(
        antecedents.window(position), position) if p.kind == PERSON and p.name}
    if len(people) != 1:
        return None
    person = next(iter(people.values()))
    if gender and person.gender and person.gender != gender:
        return None
    at = text.rfind(person.name.split()[-1], 0, position)  # type: ignore[union-attr]
    return (at, person) if at >= 0 else None


def _met_before(text: str, antecedents: Antecedents, position: int, paragraph_start: int,
                description: str) -> Speaker | None:
    """The person just met whom an age describes ("Marcy Tallman slept in her car. …
    “…,” says the 58-year-old grandmother"): not when the text gave them another age
    or described someone else since ("Sgt. Ana Ruiz said the man was held. “…,” the
    23-year-old said": the man, unnamed)."""
    words = set(description.lower().split())
    gender = "female" if words & FEMALE_WORDS else "male" if words & MALE_WORDS else None
    found = antecedents.met_before(position, paragraph_start, gender) or _only_one_named(
        text, antecedents, position, gender)
    if found is None:
        return None
    at, person = found
    between = text[at:position]
    if person.role:
        between = between.replace(person.role, "")  # (their own: "Ana Ruiz, a nurse, …")
    if _AGE_GIVEN.search(between):
        return None
    words = _WORD.findall(between.lower())
    for i, word in enumerate(words):
        if word in _DETERMINERS and any(is_person_noun(w) or w in _PEOPLE
                                        for w in words[i + 1 : i + 4]):
            return None
    return person


# What a story calls the person it has just met, for variety, not an office that
# someone else may hold: "the defenceman", "the Vancouver native", "the actress".
EPITHETS = frozenset("""defenceman defenseman blueliner winger forward centre center
goaltender goalie netminder goalkeeper striker midfielder quarterback pitcher outfielder
shortstop catcher rookie veteran youngster teenager actor actress singer songwriter
artist rapper comedian musician filmmaker chef athlete skier swimmer golfer sprinter skater
cyclist boxer olympian native""".split())  # (not "the author": of a text just named)
_SAME_EPITHET = {"defenseman": "defenceman", "blueliner": "defenceman", "goalie": "goaltender",
                 "netminder": "goaltender", "goalkeeper": "goaltender", "center": "centre",
                 "actress": "actor"}
_EPITHET = re.compile(r"the\s+(?:[\w'’.-]+\s+){0,2}([a-z]+)", re.IGNORECASE)


def _epithet_of(person: Speaker) -> str | None:
    """The epithet a person's role gives them ("goaltender" for "Goaltender Mathieu
    Lacroix"), to tell them from "the defenceman"; None if it gives none."""
    words = (person.role or "").lower().split()
    found = [_SAME_EPITHET.get(w, w) for w in words if w in EPITHETS]
    return found[-1] if found else None


_INDEFINITE = frozenset({"a", "an", "another", "one"})
_AGE_GIVEN = re.compile(r",\s+\d{1,3},")  # "Tom Berg, 52, …"
_WORD = re.compile(r"[a-z][a-z'’-]*")
_DETERMINERS = frozenset({"a", "an", "the", "another"})
_PEOPLE = (FEMALE_WORDS | MALE_WORDS) - {"she", "her", "he", "him", "his", "mrs", "ms", "mr"}
