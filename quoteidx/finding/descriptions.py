"""Descriptions of who speaks: what makes a role word ("worker", "chair", "economist"),
a description a speaker can be ("one of the fighters", "the survey", "tenant
advocates"), and how a description is tidied before it is kept ("the authors of the" ->
"the authors"). The role in an apposition (", a militia officer,"): roles.py."""

from __future__ import annotations

import dataclasses
import typing

from quoteidx.finding.lexicon import (
    ARTICLES,
    AUXILIARIES,
    CLAUSE_WORDS,
    DETERMINERS,
    FIRST_PERSON,
    ONLY_FINITE,
    PARENT_NOUNS,
    PERSONAL_PRONOUNS,
    POSSESSIVE_ENDS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
)
from quoteidx.finding.names import Mention, is_name_word, is_organisation, make_mention, name_end
from quoteidx.finding.office_words import LEGISLATORS, TITLES
from quoteidx.finding.tokens import (
    TIME_WORDS,
    Token,
    index_at,
    is_person_noun,
    is_speaking_noun,
    is_speech_verb,
    modifies_noun,
    tag_of,
)

if typing.TYPE_CHECKING:
    from quoteidx.finding.paragraph import Paragraph


def token_index_at(tokens: list[Token], offset: int, lo: int) -> int:
    return index_at(tokens, offset, lo)


def is_acronym(token: Token) -> bool:
    """A word in capitals that names a body ("UNICEF", "BFMTV"): not read as a name
    anywhere (a shouted word looks the same), but right next to a speech verb it speaks."""
    return token.is_word and 2 <= len(token.text) <= 8 and token.text.isalpha() and (
        token.text.isupper())


def modifier_word(low: str) -> bool:
    """A lower-case word that may modify a role noun: "oil and gas", "lead", "head"."""
    return low not in NOT_MODIFIERS and (not low.endswith("ly") or is_person_noun(low))  # ally


NOT_MODIFIERS = DETERMINERS | PREPOSITIONS | CLAUSE_WORDS | AUXILIARIES | FIRST_PERSON | (
    PERSONAL_PRONOUNS | TIME_WORDS | {"his", "her", "their", "its", "not", "also", "said",
                                      "says", "told", "to"}
    # (ending like "worker", never one: "Neither Tom Berg nor …", "Ruiz, however,")
    | {"neither", "either", "however", "never", "ever", "rather", "together"})


# Who someone is by what they do: "worker", "author", "coach", "chair", "economist".
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee")


def is_many_people(head: str) -> bool:
    """A head noun for two or more people: "the owners", "the couple"."""
    return head in _PAIRS or head.endswith("s") and is_person_noun(head)


_PAIRS = frozenset({"couple", "pair", "duo", "twins", "family", "parents", "siblings"})


def is_role_word(low: str) -> bool:
    return (low in ROLE_NOUNS or low in TITLES or is_person_noun(low)
            or (len(low) > 4 and low.endswith(AGENT_ENDINGS) and low not in NOT_MODIFIERS
                and not low.endswith("ment")))  # ("student"; not "environment", "government")


NOT_SPEAKER_HEADS = TIME_WORDS | frozenset("""
way thing things time times fact idea point part lot kind sort number day""".split())


def description_back(
    text: str, tokens: list[Token], j: int, lo: int, role: str | None
) -> Mention | None:
    """A common-noun speaker ending at tokens[j]: "one of the fighters", "Afghans",
    "local witnesses and journalists", "a senior official", "the coach", "tenant
    advocates", "The 31-year-old left winger"."""
    head = tokens[j]
    low = head.lower
    if _children_counted(tokens, j, lo):  # "the mother of three": her children, counted
        parent = description_back(text, tokens, j - 2, lo, role)
        return None if parent is None else make_mention(
            text, tokens, token_index_at(tokens, parent.start, lo), j + 1, role)
    if not head.is_word or low in NOT_MODIFIERS or low in NOT_SPEAKER_HEADS:
        return None
    people = _people_of_phrase(tokens, j, lo)  # "proponents of more controls on speech"
    if people is not None:
        return make_mention(text, tokens, people, j + 1, role)
    a = j
    while a - 1 >= lo and j - a < 8:
        prev = tokens[a - 1]
        low = prev.lower
        if a - 4 >= lo and prev.text in "”\"" and tokens[a - 2].is_quote and tokens[
                a - 3].text in "“\"" and tokens[a - 4].lower in ("the", "a", "an") and len(
                text[tokens[a - 2].start : tokens[a - 2].end].split()) <= 3:
            a -= 4  # a name quoted inside it: "The “History” section of the site"
            break
        if prev.text == "-" and prev.start == tokens[a].start - 1 and (
                placed := _place_before_compound(tokens, a - 1, lo)) is not None:
            a = placed  # "The Mississauga, Ont.-based company": the place and its region
            continue
        if not prev.is_word or prev.is_quote or low in AUXILIARIES or is_speech_verb(prev) and (
                a - 2 < lo or tokens[a - 2].lower not in ARTICLES) and not modifies_noun(
                    tokens, a - 1):
            break  # (a verb's form after an article modifies the noun: "the alleged victim")
        if low in CLAUSE_WORDS and low != "and" and not (
                low == "that" and a - 2 >= lo and tokens[a - 2].lower == "of"):
            break  # ("the authors of that report": a determiner)
        if low in PREPOSITIONS and low != "of" and not (
                a - 2 >= lo and tokens[a - 2].lower in ARTICLES):
            break  # (after an article it modifies the noun: "an inside source")
        if low.endswith("ed") and a - 2 >= lo and tokens[a - 2].lower in ("which", "who", "that"):
            break  # "emails, which included staff members suggesting …": the relative's verb
        if low.endswith("ed") and prev.text.islower() and a - 2 >= lo and is_name_word(
                tokens[a - 2]) and not tokens[a - 2].lower.endswith(POSSESSIVE_ENDS):
            break  # "Coastal Link cancelled sailings, citing …": the name's verb
        if low.endswith("ing") and not prev.is_capitalised and a - 3 >= lo and tokens[
                a - 2].lower in ("and", "or") and not is_person_noun(head.lower):
            break  # "calling for … and carrying signs saying": a verb of its own, no modifier
        a -= 1
        if low in DETERMINERS and not (a - 1 >= lo and (tokens[a - 1].lower == "of" or (
                low in _COUNTS and tokens[a - 1].lower in _BEFORE_COUNTS))):
            break  # (not in "the next two states", "the other three")
        if low in OWNER_WORDS and a - 1 >= lo and tokens[a - 1].lower not in ("of", "and", "or"):
            if tokens[a - 1].is_word and tokens[a - 1].text.islower() and not (
                    tokens[a - 1].lower in PREPOSITIONS or tokens[a - 1].lower in CLAUSE_WORDS
                    or tokens[a - 1].lower in ("what", "how", "why")):  # "what her team calls"
                return None  # "The mayor fired his police chief, …": a verb's object
            break  # "First his wife, …": the phrase opens on "his" (but "Bush and his rivals")
    # "and" belongs to the phrase only when the phrase runs to a clause boundary.
    words = [t.lower for t in tokens[a : j + 1]]
    if "and" in words and a > lo and tokens[a - 1].is_word:
        a = a + len(words) - words[::-1].index("and")
    if a > j:
        return None
    named = _name_of(text, tokens, a, j)
    if named is not None:
        return named
    first = tokens[a].lower
    determined = a < j and (first in DETERMINERS or first in OWNER_WORDS
                            or first.endswith(POSSESSIVE_ENDS) or first[0].isdigit()
                            or tokens[j - 1].lower.endswith(POSSESSIVE_ENDS))  # "Mark Ward's"
    at_clause_start = a == lo or tokens[a - 1].text in ",;:(" or tokens[a - 1].lower in (
        "and", "but")
    plural = head.lower.endswith("s") and not head.lower.endswith("ss") or (
        head.lower.endswith("men") and is_plural_role(head.lower))  # "Pentagon spokesmen"
    if is_speaking_noun(head.lower) or determined and is_role_word(head.lower):
        return make_mention(text, tokens, a, j + 1, role)  # "Another ally", "a pilot"
    if at_clause_start and not determined and _people_of(tokens, a, j):
        return make_mention(text, tokens, a, j + 1, role)  # "Critics of the plan"
    if not (determined or plural and at_clause_start) or not noun_phrase(tokens, a, j):
        return None
    return make_mention(text, tokens, a, j + 1, role)


def _name_of(text: str, tokens: list[Token], a: int, j: int) -> Mention | None:
    """ "Jane Smith of the hospital said": a person's name, then "of" and where the person
    works, which is the role (a body's own "of" stays: "Bank of Canada", "University of
    Leeds")."""
    if not is_name_word(tokens[a]):
        return None
    o = name_end(tokens, a, j)
    if o >= j or tokens[o].lower != "of" or o - a < 2 or tokens[o + 1].lower not in (
            "the", "a", "an") or not tokens[j].text.islower():
        return None
    named = make_mention(text, tokens, a, o)
    if named.kind != "name" or is_organisation(named.text):
        return None
    return Mention(named.text, named.start, named.end, "name",
                   text[tokens[o + 1].start : tokens[j].end])


def _place_before_compound(tokens: list[Token], dash: int, lo: int) -> int | None:
    """Where a place with its region starts when it ends in a compound's dash, the region
    cut by its full stop ("Mississauga, Ont.-based", "Moncton, N.B.-based"); else None."""
    k = dash
    while k - 1 >= lo and tokens[k - 1].end == tokens[k].start:
        k -= 1  # the glued pieces: "Ont", "."
    if not (k < dash and tokens[k].is_capitalised and k - 2 >= lo and tokens[k - 1].text == ","
            and tokens[k - 2].is_capitalised):
        return None
    return k - 2


_COUNTS = frozenset("two three four five six seven eight nine ten dozens hundreds".split())
_BEFORE_COUNTS = frozenset({"next", "last", "first", "other", "these", "those", "all"})


def _children_counted(tokens: list[Token], j: int, lo: int) -> bool:
    """Whether tokens[j] counts a parent's children: "the mother of three", "a father of
    11" (the count ends the description, no dangling word)."""
    return j - 2 >= lo and tokens[j - 1].lower == "of" and (
        tokens[j - 2].lower in PARENT_NOUNS) and (
        tokens[j].lower in _COUNTS or tokens[j].lower.isdigit())


def _people_of_phrase(tokens: list[Token], j: int, lo: int) -> int | None:
    """Where a plural role opening the clause starts when its "of" phrase runs on through
    more phrases to tokens[j]: "proponents of more controls on speech", "critics of the
    plan in the city" (one "of" phrase alone is read by the walk back)."""
    if not any(tokens[h + 1].lower == "of" for h in range(j - 3, max(lo, j - 10) - 1, -1)):
        return None  # no "of" to run on from: no word needs its tag
    for h in range(j - 3, max(lo, j - 10) - 1, -1):
        if not tokens[h].is_word or tokens[h].lower in CLAUSE_WORDS or tokens[h].lower in (
                AUXILIARIES) or tag_of(tokens, h) == "VERB":
            return None
        if tokens[h + 1].lower == "of" and (h == lo or tokens[h - 1].text in ",;:") and (
                _people_of(tokens, h, j)) and any(
                tokens[i].lower in PREPOSITIONS and tokens[i].lower != "of"
                for i in range(h + 2, j)):
            return h
    return None


def _people_of(tokens: list[Token], a: int, j: int) -> bool:
    """Whether tokens[a:j+1] are people named by a plural role before "of": "Critics of
    the plan", "Organizers of the march" (whose last word is not the head)."""
    of = next((i for i in range(a + 1, j) if tokens[i].lower == "of"), None)
    if of != a + 1:
        return False
    return is_plural_role(tokens[a].lower) and noun_phrase(tokens, of + 1, j)


def is_plural_role(low: str) -> bool:
    """ "critics", "organizers", "aides", "spokesmen": people in the plural, named by what
    they are."""
    if low.endswith("men"):
        return is_role_word(low[:-3] + "man")  # spokesmen, chairwomen, firemen
    return low.endswith("s") and not low.endswith("ss") and (
        is_role_word(low) or is_role_word(low[:-1]))


def speaker_phrase(para: Paragraph, mention: Mention | None) -> Mention | None:
    """A description fit to name who speaks, or None: without the words a cut left
    dangling at its end ("the authors of the" → "the authors"), and never one opening
    with a preposition ("of the voters") or headed by a time or a thing ("a few days",
    "a few relevant facts"). Names, titles and pronouns pass as they are."""
    if mention is None or mention.kind != "description":
        return mention
    tokens = para.tokens
    a, b = para.token_range(mention.start, mention.end)
    if b - a > 1 and tokens[a].lower in _WH_OPENERS:
        # "what her team calls", "why critics say": the clause's subject speaks
        a += 1
        mention = dataclasses.replace(mention, text=para.text[tokens[a].start : mention.end],
                                      start=tokens[a].start)
    if b <= a or tokens[a].lower in PREPOSITIONS:
        return None if b > a else mention
    finite = next((i for i in range(a + 1, b) if tokens[i].lower in ONLY_FINITE), None)
    if finite is not None and not any(t.lower in RELATIVE_PRONOUNS for t in tokens[a + 1 : b]):
        # "The adviser went further, saying", "the campaign took the unusual step of
        # accusing": the subject, before its clause's verb
        b = finite
        mention = dataclasses.replace(mention, text=para.text[mention.start : tokens[b - 1].end],
                                      end=tokens[b - 1].end)
    if a + 1 < b and tokens[a].text.islower() and tokens[a + 1].text[:1].isdigit() and tag_of(
            tokens, a) == "VERB":
        # "have left 62 percent of voters saying": the verb's object speaks
        a += 1
        mention = dataclasses.replace(mention, text=para.text[tokens[a].start : mention.end],
                                      start=tokens[a].start)
    # the head stands before a relative clause: "advisers who ran the numbers", whose
    # last word may be a particle ("officials whose rules were struck down")
    who = next((i for i in range(a + 1, b) if tokens[i].lower in RELATIVE_PRONOUNS), b)
    # or before a participle modifying it: "a report released last year"
    head_end = next((i for i in range(a + 1, who) if tokens[i].text.islower()
                     and tokens[i].lower.endswith("ed") and tag_of(tokens, i - 1) == "NOUN"),
                    who)
    end = b
    while end - 1 > a and tokens[end - 1].lower in DANGLING and (
            who == b or tokens[end - 1].lower not in PREPOSITIONS) and not (
            _children_counted(tokens, end - 1, a)):
        end -= 1
    last = tokens[min(head_end, end) - 1]
    if last.text.islower() and (last.lower in NOT_SPEAKER_HEADS or last.lower.endswith("s")
                                and last.lower[:-1] in NOT_SPEAKER_HEADS) and not any(
            t.lower in PREPOSITIONS for t in tokens[a:end]):
        return None
    if end == b:
        return mention
    end_at = tokens[end - 1].end
    return dataclasses.replace(mention, text=para.text[mention.start : end_at], end=end_at)


DANGLING = DETERMINERS | PREPOSITIONS | {"and", "or", "but"}

_WH_OPENERS = frozenset({"what", "why", "how", "where", "when"})


def noun_phrase(tokens: list[Token], a: int, j: int) -> bool:
    """Whether tokens[a..j], a speaker phrase no word list vouches for, is a noun phrase
    with a noun head by its parts of speech: "the survey", "tenant advocates"; not "The
    first incident came", "the race now moves to Western"."""
    if tag_of(tokens, j) not in (None, "NOUN", "PROPN"):
        return False
    return not any(tag_of(tokens, k) in ("VERB", "AUX") and not tokens[k].lower.endswith(
        ("ed", "ing")) for k in range(a, j))


OWNER_WORDS = frozenset({"his", "her", "their", "its", "our"})


ROLE_NOUNS = frozenset("""
aide ally anchor boss chair chief co-host consultant contender correspondent donor
frontrunner head hopeful host manager nominee operative rival strategist surrogate
columnist coach chef clerk pastor priest nurse surgeon physician scientist analyst
spokesperson representative delegate official staffer veteran resident student
graduate democrat republican attaché attache envoy liaison
""".split()) | LEGISLATORS  # (a party member: "Democrat Ana Ruiz")


def opens_clause(tokens: list[Token], mention: Mention, lo: int) -> bool:
    """Whether a mention stands where a clause's subject stands: at the start of the
    sentence (tokens[lo]) or after a comma, semicolon, colon or "and"/"but"."""
    a = token_index_at(tokens, mention.start, lo)
    return a == lo or tokens[a - 1].text in ",;:(" or tokens[a - 1].lower in ("and", "but")


def names_people(description: str) -> bool:
    """Whether a description's head (its last word) names people or a speaking body."""
    head = description.lower().split()[-1].strip(",.")
    return is_speaking_noun(head) or is_role_word(head)
