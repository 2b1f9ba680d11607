"""The role set beside a speaker's name: what follows the comma after a name when it is
a role (", a militia officer,", ", 45, a nurse from Surrey, B.C.,"), where that role
ends, and whether a stretch of words reads as a role at all."""

from __future__ import annotations

import re

from quoteidx.finding.descriptions import (
    OWNER_WORDS,
    is_role_word,
)
from quoteidx.finding.lexicon import (
    ASIDE_WORDS,
    AUXILIARIES,
    CLAUSE_WORDS,
    DETERMINERS,
    FIRST_PERSON,
    ONLY_FINITE,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
)
from quoteidx.finding.names import (
    FIRST_NAMES,
    Mention,
    is_name_word,
    is_title,
    make_mention,
    name_end,
    name_run_back,
)
from quoteidx.finding.office_words import LEGISLATORS
from quoteidx.finding.tokens import (
    Token,
    is_speech_verb,
    tag_of,
    used_as_verb,
)

# Participles that describe a person in a role: "a pilot based in Harwick".
ROLE_PARTICIPLES = frozenset("""based stationed born raised employed elected appointed
hired posted allied affiliated aligned associated funded backed founded headquartered
owned led""".split())


APPOSITION_ENDS = frozenset({",", ".", ";", ":", "(", ")", "—", "–"})


def apposition_after(text: str, tokens: list[Token], b: int, hi: int) -> str | None:
    """", a militia officer," after a name: the role, if what follows the comma is one."""
    if b >= hi or tokens[b].text != ",":
        return None
    a = b + 1
    k = a
    while k < hi and tokens[k].text not in APPOSITION_ENDS and not tokens[k].is_quote:
        if tokens[k].lower in ("who", "which", "whose", "that") or (
            k > a and (tokens[k].lower in AUXILIARIES
                       or is_speech_verb(tokens[k]) and used_as_verb(tokens, k))
        ):  # (not "a former state party chairman": a noun)
            break
        k += 1
    if k > a + 1 and k < hi and tokens[k].lower in ("who", "whose") and any(
            tokens[i].text == "," for i in range(k + 2, min(hi, k + 20))) and role_like(
            tokens, a, k) and is_role_word(tokens[k - 1].lower) and not (
            tokens[k - 1].lower.endswith("s") or tokens[k - 1].lower in ("people", "men", "women")
            or tag_of(tokens, a) == "VERB"):
        # "Ben Okafor, a lawyer who represented residents, said": the role before "who"
        return text[tokens[a].start : tokens[k - 1].end]
    if k == a or k < hi and tokens[k].text not in APPOSITION_ENDS and not tokens[k].is_quote:
        return None  # not closed: a clause ("…, Basya also believes"), not an apposition
    if not role_like(tokens, a, k) or k - a == 1 and (
            tokens[a].text.isdigit() or tokens[a].lower in ASIDE_WORDS):
        return None  # a clause, an age ("Ahmed, 27,"), a word of the sentence's ("however")
    first = tokens[a]
    if k - a >= 2 and first.lower in FIRST_NAMES and name_end(tokens, a, k) == k:
        return None  # another person: "A spokesperson for Haddad, Kevin Osei, said"
    if first.text.islower() and first.lower not in DETERMINERS and first.lower not in (
            OWNER_WORDS) and not first.lower.endswith("ing") and not any(
            is_role_word(t.lower) for t in tokens[a : min(k, a + 4)]) and tag_of(
            tokens, a) in ("VERB", "AUX"):
        return None  # the sentence's verb after its subject: "Ana Ruiz, grew up …" no role
    if first.lower in ONLY_FINITE:
        return None  # "Its president, Gordon McTavish, went further.": the verb, no role
    k = _past_region(tokens, _past_place_pieces(tokens, a, k, hi), hi)
    return text[tokens[a].start : tokens[k - 1].end]


# A region's abbreviation after a place: "B.C.", "Ont.", "Que.", "N.S.", "Calif.", "D.C."
_REGION = re.compile(r"(?:[A-Z][a-z]{0,4}\.)+")


def region_opening(tokens: list[Token], j: int, lo: int) -> int | None:
    """The comma between a place and its region when the comma tokens[j] closes them
    ("in Moncton, N.B.,", "in Sudbury, Ont.,"); else None."""
    for width in (1, 2):
        c = j - width - 1
        if c - 1 >= lo and tokens[j].text == "," and tokens[c].text == "," and (
                tokens[c - 1].is_capitalised) and _REGION.fullmatch(
                "".join(t.text for t in tokens[c + 1 : j])):
            return c
    return None


def _past_region(tokens: list[Token], k: int, hi: int) -> int:
    """The end of a role closing on a place, across the region after its comma ("a
    retired nurse in Surrey, B.C.,"); else k."""
    if not (k + 2 < hi and tokens[k].text == "," and tokens[k - 1].is_capitalised):
        return k
    if _REGION.fullmatch(tokens[k + 1].text) and tokens[k + 2].text in APPOSITION_ENDS:
        return k + 2
    if k + 3 < hi and _REGION.fullmatch(tokens[k + 1].text + tokens[k + 2].text) and (
            tokens[k + 3].text in APPOSITION_ENDS):
        return k + 3  # (its full stop a token of its own: "Allentown, Pa.,")
    return k


def _past_place_pieces(tokens: list[Token], a: int, k: int, hi: int) -> int:
    """The end of a role whose first piece is "a" and a place, across the place's region
    and on to its noun: "a Surrey, B.C., resident", "a Moncton, N.B.-based lawyer";
    else k."""
    if tokens[a].lower not in ("a", "an") or k - a < 2 or not all(
            t.is_capitalised for t in tokens[a + 1 : k]):
        return k
    for _ in range(2):  # the region, then the noun
        if k + 1 >= hi or tokens[k].text != ",":
            return k
        e = k + 1
        while e < hi and e - k <= 6 and tokens[e].text not in APPOSITION_ENDS and (
                not tokens[e].is_quote):
            e += 1
        if e >= hi or tokens[e].text not in APPOSITION_ENDS or e == k + 1:
            return k
        if not tokens[e - 1].is_capitalised:
            return e if tokens[e - 1].is_word else k  # "resident", "N.B.-based lawyer"
        if not all(t.is_capitalised for t in tokens[k + 1 : e]):
            return k
        k = e  # the region: "B.C."
    return k


def role_end(tokens: list[Token], a: int, b: int) -> int:
    """Where a role in tokens[a:b] ends: before the relative clause that follows its
    person noun ("a security expert who has helped …", "a Lakeside Republican whose
    firm …"), else at b."""
    who = next((i for i in range(a + 2, b) if tokens[i].lower in RELATIVE_PRONOUNS or (
        tokens[i].lower in ("that", "which") and tag_of(tokens, i + 1) in ("VERB", "AUX"))),
        None)  # "a member of the group that studied the name"
    if who is None:
        return b
    head = tokens[who - 1].lower
    plural = head.endswith("s") and is_role_word(head[:-1])  # "one of three trustees who …"
    counted = (head in _COUNTS or head.isdigit()) and tokens[who - 2].lower in ("of", "the")
    if is_role_word(head) or plural or counted or tokens[who - 1].is_capitalised:
        return who  # ("one of two who voted against it": one of the people counted)
    # "who" is someone's: the role noun's before its phrase ("a captain of the team who
    # joined the staff")
    return who if tokens[who].lower in ("who", "whom") and any(
        is_role_word(t.lower) for t in tokens[a:who]) else b


_COUNTS = frozenset("""two three four five six seven eight nine ten eleven twelve dozen
few many several handful""".split())
_POSSESSORS = frozenset({"his", "her", "their", "my", "our"})
_COUNTING = frozenset({"to", "percent", "%", "of", "for", "and", "per", "in"})
# Participles that describe the person before them: "a host considered one of the best".
_NAMING_PARTICIPLES = frozenset("""considered regarded named called dubbed described seen
known elected appointed chosen voted ranked deemed""".split())


def role_like(tokens: list[Token], a: int, b: int) -> bool:
    """Whether tokens[a:b] (between commas) can be a role: "a militia officer", "director
    of news at Volant Media"; not a clause ("the blaze started in a kitchen", "clearly
    frustrated", "responded by pointing")."""
    first = tokens[a].lower
    b = role_end(tokens, a, b)
    if b - a > 20 or first in CLAUSE_WORDS or first in PREPOSITIONS or first in AUXILIARIES:
        return False
    if first in PERSONAL_PRONOUNS or first in FIRST_PERSON or first == "it" or (
            is_speech_verb(tokens[a])):
        return False
    if b - a > 1 and tag_of(tokens, a) == "ADV" and tag_of(tokens, a + 1) == "VERB" and (
            not tokens[a + 1].lower.endswith(("ed", "ing"))):
        return False  # "Dan Vick, now coaches in Alberta": the name's verb, no role
    if first.endswith(("ing", "ed", "ly")) and not is_role_word(first) and not (
            b - a > 1 and is_role_word(tokens[a + 1].lower)):
        return False  # a clause; but "ranking member of …", "retired general""
    if tokens[a].text[0].isdigit() and "-" not in tokens[a].text and (
            "," in tokens[a].text or b - a > 1 and tokens[a + 1].lower in _COUNTING and (
                b - a > 2 or tokens[a + 1].lower not in ("%", "percent"))):  # (not "…, 33%,")
        return False  # "Clinton leads Sanders, 1,428 to 1,153.": a score, not an age
    if b - a > 2 and tokens[a].is_capitalised and tokens[a + 1].lower.endswith("ed") and (
            tag_of(tokens, a + 1) == "VERB" and tokens[a + 1].lower not in ROLE_PARTICIPLES
            and tag_of(tokens, a + 2) in ("DET", "ADJ", "ADV", "NUM")):
        return False  # "Manitoba welcomed more than 20,000 …": a clause
    if any(tokens[i].lower in ONLY_FINITE and tag_of(tokens, i - 1) in ("NOUN", "PROPN")
           for i in range(a + 1, b)):
        return False  # "help came from a neighbour": a noun and its verb
    if any(tokens[i].text.islower() and not tokens[i].lower.endswith("ing") and (
            tokens[i].lower not in _NAMING_PARTICIPLES) and tag_of(tokens, i) == "VERB" and (
            tag_of(tokens, i - 1) in ("NOUN", "PROPN")) and tag_of(tokens, i + 1) in (
            "DET", "NUM", "PRON", "ADJ") for i in range(a + 1, b - 1)):
        return False  # "the team sold 12,000 tickets": a noun, its verb and an object
    for i in range(a, b - 1):
        t, nxt = tokens[i], tokens[i + 1]
        if t.lower.endswith("ed") and (nxt.lower in PREPOSITIONS or nxt.lower in DETERMINERS):
            if t.lower in ROLE_PARTICIPLES or i > a and is_role_word(tokens[i - 1].lower) and (
                    nxt.lower != "to" or first not in _POSSESSORS
                    or tag_of(tokens, i + 2) not in ("VERB", "AUX")):
                continue  # a participle after a person: "a customer based in Boston"; not
                # a verb and its infinitive: "his mother refused to teach him Japanese"
            return False
    return True


def named_in(text: str, tokens: list[Token], a: int, b: int) -> Mention | None:
    """The person the role in tokens[a:b] names, "a nurse named Ana Ruiz": her name,
    the words before "named" her role; else None."""
    n = next((i for i in range(a + 1, b - 1) if tokens[i].lower in ("named", "called")), None)
    if n is None or tokens[a].lower not in ("a", "an") or not is_name_word(tokens[n + 1]) or (
            name_end(tokens, n + 1, b) != b or not is_role_word(tokens[n - 1].lower)):
        return None
    named = make_mention(text, tokens, n + 1, b)
    return Mention(named.text, named.start, named.end, "name",
                   text[tokens[a + 1].start : tokens[n - 1].end])


def named_after_role(text: str, tokens: list[Token], a: int, b: int) -> Mention | None:
    """The person whose name closes the role in tokens[a:b], after its lower-case words:
    "cyclist and father of two Kevin Mbeki" (the words before the name are the role);
    else None."""
    if b - a < 3 or not is_name_word(tokens[b - 1]):
        return None
    n = name_run_back(tokens, b - 1, a)
    if n <= a or b - n < 2 or tokens[n].lower not in FIRST_NAMES or not (
            tokens[n - 1].text.islower()) or tokens[n - 1].lower in PREPOSITIONS or not any(
            is_role_word(t.lower) for t in tokens[a:n]):
        return None  # (not "speechwriter for George W. Bush": whom the role is for)
    named = make_mention(text, tokens, n, b)
    return Mention(named.text, named.start, named.end, "name",
                   text[tokens[a].start : tokens[n - 1].end])


def joined_after(text: str, tokens: list[Token], mention: Mention, k: int, hi: int
                 ) -> tuple[Mention, int] | None:
    """Names listed after a speaker's name (and its role), from tokens[k] on, with "and"
    before the last: "Ana Ruiz, Tom Berg and Jim Lee" speak together. Returns them as
    one mention and the token after them."""
    if mention.kind != "name":
        return None
    while k + 1 < hi and tokens[k].text == "," and is_name_word(tokens[k + 1]):
        k = name_end(tokens, k + 1, hi)
    if k + 2 < hi and tokens[k].text == "," and tokens[k + 1].lower == "and":
        k += 1  # "…, and Tom Berg"
    if not (k + 1 < hi and tokens[k].lower == "and" and is_name_word(tokens[k + 1])):
        return None
    end = name_end(tokens, k + 1, hi)
    return Mention(text[mention.start : tokens[end - 1].end], mention.start,
                   tokens[end - 1].end, "name", apposition_after(text, tokens, end, hi)), end


def numbered_office(tokens: list[Token], t: int, hi: int) -> bool:
    """Whether tokens[t] is an office after a number, a name after it: "Ward 4 Coun. Ana
    Ruiz", "District 7 Trustee Tom Berg", "Grade 11 student Maya Chen" (the ward's,
    district's or grade's word before the number belongs to the office too)."""
    return 2 <= t < hi - 1 and tokens[t - 1].text.isdigit() and (
        tokens[t].is_capitalised or tokens[t - 2].is_capitalised) and (
        is_title(tokens[t]) or is_role_word(tokens[t].lower)) and is_name_word(tokens[t + 1])


# Offices held for a district, whose holder's name may follow the district's: "NDP MLA
# for Dartmouth South Claudia Chender", "Liberal MP for Nepean Chandra Arya".
_DISTRICT_OFFICES = LEGISLATORS | frozenset("""councillor councilor coun. trustee alderman
ald. senator representative rep. assemblyman assemblywoman""".split())


def district_holder(tokens: list[Token], f: int, hi: int) -> tuple[int, int] | None:
    """Where the holder's name starts and ends when tokens[f] is the "for" of a district
    office followed by the district's name and then the holder's: the run's last two
    words (a district has one word or more, a person two)."""
    if f < 1 or tokens[f].lower != "for" or not tokens[f - 1].is_capitalised or (
            tokens[f - 1].lower not in _DISTRICT_OFFICES):
        return None
    end = name_end(tokens, f + 1, hi)
    if end - (f + 1) < 3 or not all(is_name_word(t) for t in tokens[f + 1 : end]):
        return None
    return end - 2, end


# Words by which a relative clause gives the name of the person just described: "who
# identified herself only as Lorraine", "who gave his name as Tom", "who goes by Lou".
_NAMING_WORDS = frozenset({"identified", "name", "named", "called", "goes", "known"})


def name_given(text: str, tokens: list[Token], a: int, b: int) -> Mention | None:
    """The name a relative clause in tokens[a:b] gives the person before it ("who gave
    her name only as Lorraine", "who would give only her first name, Lorraine"): the
    name closing the clause after "as", "by" or a comma; else None."""
    if b - a < 4 or tokens[a].lower != "who" or not is_name_word(tokens[b - 1]):
        return None
    n = name_run_back(tokens, b - 1, a + 1)
    if n <= a + 1 or tokens[n - 1].lower not in ("as", "by", ",") or not any(
            t.lower in _NAMING_WORDS for t in tokens[a + 1 : n - 1]):
        return None
    return make_mention(text, tokens, n, b)
