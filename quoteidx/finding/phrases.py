"""The noun phrases that name speakers, found without a parser.

News attribution is local: the speaker stands next to the speech verb ("Khan added",
"said one of the fighters"), often followed by an apposition with their role
("Shariyar Nezami, a militia officer,"). These functions read those phrases off a
token list built from a masked paragraph (quoted words are one opaque token).
"""

from __future__ import annotations

import dataclasses
import typing
from bisect import bisect_left

from quoteidx.finding.descriptions import (
    description_back,
    is_role_word,
    modifier_word,
    opens_clause,
    role_end,
    role_like,
    token_index_at,
)
from quoteidx.finding.forward_phrases import name_mention
from quoteidx.finding.lexicon import (
    ADVERBS_NEAR_VERB,
    AUXILIARIES,
    CLAUSE_WORDS,
    DETERMINERS,
    FIRST_PERSON,
    PREPOSITIONS,
)
from quoteidx.finding.names import (
    FIRST_NAMES,
    SPEAKING_PRONOUNS,
    Mention,
    is_name_word,
    is_organisation,
    is_title,
    make_mention,
    month_surname,
    name_end,
    name_run_back,
)
from quoteidx.finding.tokens import (
    TIME_WORDS,
    Token,
    is_person_noun,
    tag_of,
)

if typing.TYPE_CHECKING:
    pass


def noun_phrase_before(text: str, tokens: list[Token], i: int, lo: int = 0) -> Mention | None:
    """The speaker phrase that ends right before tokens[i] (a speech verb), as in
    "Khan added", "Shariyar Nezami, a militia officer, said", "the militiamen assured",
    "Its chair, Ana Ruiz, said", "union president Ana Ruiz said", "a spokeswoman for the
    mayor said", "Ruiz, who has run the clinic since 1998, says"."""
    j = i - 1
    while j >= lo and (
        tokens[j].lower in ADVERBS_NEAR_VERB
        or (tokens[j].lower.endswith("ly") and not tokens[j].is_capitalised  # Kelly said
            and not is_role_word(tokens[j].lower)  # "a longtime ally", "the family said"
            and tag_of(tokens, j) != "NOUN")
        or tokens[j].lower in AUXILIARIES and not month_surname(tokens, j)  # Ana May
        or tokens[j].lower in _PLACE_ADVERBS
        or tokens[j].lower == "not"
    ):
        j -= 1
    j = _before_time(tokens, j, lo)  # "Ana Ruiz on Thursday evening said"
    if j - 2 >= lo and tokens[j].text == "," and tokens[j - 2].text == "," and (
            tokens[j - 1].lower in _ASIDES):
        j -= 3  # "Berg, though, said"
    if j < lo:
        return None
    if tokens[j].text == "," and j - 1 >= lo and tokens[j - 1].text == ")":
        inside = _parenthetical_start(tokens, j - 1, lo)
        if inside is not None and inside - 1 >= lo and is_name_word(tokens[inside - 1]):
            j = inside - 1  # "Gov. Tom Berg (R-OH), said": the name, past its affiliation
    elif tokens[j].text == ")":
        inside = _parenthetical_start(tokens, j, lo)
        if inside is not None and inside - 1 >= lo and is_name_word(tokens[inside - 1]):
            j = inside - 1  # "Sen. Ana Ruiz (D-NY) said"
    if tokens[j].text != ",":
        head = _head_before(text, tokens, j, lo)
        found = _with_post_modifier(text, tokens, head, lo) if head is not None else None
        if found is not None and found.kind == "name":
            found = _joined_names(text, tokens, found, lo)
        if not tokens[i].lower.endswith("ing") and (found is None or found.kind != "pronoun"):
            # "Berg and others who want to ban the sale said", "executives who have worked
            # with Tom Berg say", "officials whose laws were struck down say": what the
            # relative clause is about speaks, with its clause. A description after a verb
            # is its object even with no "who" in sight.
            s = token_index_at(tokens, found.start, lo) if found is not None else j + 1
            relative = _relative_subject(text, tokens, s - 1, lo, tokens[j].end)
            if relative is not None or (found is not None and found.kind == "description"
                                        and _after_verb(tokens, s, lo)):
                return relative
        return found if found is not None else _unnamed_source(text, tokens, j, lo)
    # "Name, apposition, said": up to three comma-set pieces between the name and the verb
    # ("Eastman, Director of the study, and Chairman of the Centre, says"; "Thompson,
    # curator at the University of Arkansas, Fayetteville, said").
    end = j
    for _ in range(3):
        k = end - 1
        while k >= lo and tokens[k].text not in ",;:" and not tokens[k].is_quote and end - k < 26:
            k -= 1
        if k < lo or tokens[k].text != "," or k == end - 1:
            if end == j and j - 1 >= lo and (k < lo or tokens[k].text != ","):
                # no comma opens it: a stray one before the verb ("Lydia Buchtmann for
                # Food Standards Australia, says", "The firm Secunia.com, has said")
                head = _head_before(text, tokens, j - 1, lo)
                if head is not None and head.kind != "pronoun":
                    found = _with_post_modifier(text, tokens, head, lo)
                    if found is not None and token_index_at(tokens, found.start, lo) == lo:
                        return found
            return None
        found = _before_apposition(text, tokens, k, (k + 1, j), lo)
        if found is not None:
            return found or None
        end = k
    return None


def _after_verb(tokens: list[Token], s: int, lo: int) -> bool:
    """Whether the phrase starting at tokens[s] follows a verb, as its object does ("to
    ban the sale", "turn the interruptions"); a role word before a name is no verb
    ("Harbour delegate Tom Berg")."""
    if s <= lo:
        return False
    before = tokens[s - 1]
    return before.is_word and not before.is_quote and not (
        before.is_capitalised or is_role_word(before.lower)) and (
        before.lower == "to" or tag_of(tokens, s - 1) == "VERB")


def _relative_subject(text: str, tokens: list[Token], j: int, lo: int, end: int
                      ) -> Mention | None:
    """The phrase a relative clause (no comma) that runs through tokens[j] to `end` is
    about, with the clause: "others who want to ban the sale", or None when no "who" or
    "whose" opens one close before."""
    for w in range(j, max(lo, j - 10), -1):
        tok = tokens[w]
        if tok.lower in ("who", "whose") and w < j:  # "who said": the pronoun's own verb
            found = noun_phrase_before(text, tokens, w, lo)
            if found is None or found.kind == "pronoun":
                return None
            # the whole phrase names them: "advisers who have run the numbers"
            return Mention(text[found.start : end], found.start, end, "description",
                           found.role)
        if not tok.is_word or tok.is_quote or tok.lower in CLAUSE_WORDS:
            return None
    return None


_PLACE_ADVERBS = frozenset({"here", "there"})  # "Her campaign workers here said"
_ASIDES = frozenset({"though", "however", "too", "meanwhile", "instead", "also", "then",
                     "later", "now", "separately", "likewise"})
_TIME_LINKS = frozenset({"on", "in", "late", "early", "last", "this"})


def _before_time(tokens: list[Token], j: int, lo: int) -> int:
    """The index before a time set between a subject and its verb ("on Thursday
    evening", "last week", "Tuesday"), or j when there is none."""
    k = j
    while k > lo and tokens[k].lower in TIME_WORDS and tokens[k].lower not in ("this", "last"):
        k -= 1
    if k == j:
        return j
    if tokens[k].lower in _TIME_LINKS:
        k -= 1
    return k if k >= lo and tokens[k].is_word else j


def _joined_names(text: str, tokens: list[Token], mention: Mention, lo: int) -> Mention:
    """Two names joined by "and" that open the clause speak together: "Both the Port
    Authority and the Harbour Police have said" -> "the Port Authority and the Harbour
    Police" (a name after "and" alone is the second of them)."""
    s = token_index_at(tokens, mention.start, lo)
    if s - 1 >= lo and tokens[s - 1].lower == "the":
        s -= 1
    if s - 2 < lo or tokens[s - 1].lower != "and" or not is_name_word(tokens[s - 2]):
        return mention
    f = name_run_back(tokens, s - 2, lo)
    if f - 1 >= lo and tokens[f - 1].lower == "the":
        f -= 1
    if not (f == lo or f - 1 == lo and tokens[lo].lower in ("both", "but", "and")):
        return mention
    return Mention(text[tokens[f].start : mention.end], tokens[f].start, mention.end, "name")


def _parenthetical_start(tokens: list[Token], close: int, lo: int) -> int | None:
    """The index of the "(" of a short parenthesis closing at tokens[close] ("(R-OH)",
    "(pictured)"), if it holds no more than a few words."""
    for i in range(close - 1, max(lo, close - 6) - 1, -1):
        if tokens[i].text == "(":
            return i
        if not (tokens[i].is_word or tokens[i].text in "-/&."):
            return None
    return None


def _before_apposition(text: str, tokens: list[Token], k: int, inner: tuple[int, int],
                       lo: int) -> Mention | typing.Literal[False] | None:
    """The speaker before the comma tokens[k] that opens an apposition `inner` (reaching
    to the comma before the verb). None: look for an earlier comma; False: no speaker."""
    inner_a, inner_b = inner
    first = tokens[inner_a].lower
    j = k - 1
    if j - 2 >= lo and tokens[j].text.isdigit() and tokens[j - 1].text == ",":
        j -= 2  # an age before the role: "Selin Kaya, 34, a nurse, said"
    if j >= lo and tokens[j].text == ")":
        inside = _parenthetical_start(tokens, j, lo)
        if inside is not None and inside - 1 >= lo and (
                is_name_word(tokens[inside - 1]) or tokens[inside - 1].is_word):
            # an affiliation: "Sen. Ana Ruiz (D-NY), a supporter of …, said"; a gloss:
            # "The head of the council (ICC), Tom Berg, said"
            j = inside - 1
    if j < lo:
        return False
    multi = any(t.text == "," for t in tokens[inner_a:inner_b])
    role: str | None = None
    participle = False
    if first == "and":
        return None  # "…, Director of the study, and Chairman of …": the name is further back
    if first in ("who", "whose", "which"):
        pass  # a relative clause, not a role: "Ruiz, who has run the clinic, says"
    elif first in ("of", "from"):  # "Mu Li, of the University of Leeds, said"
        role = text[tokens[inner_a + 1].start : tokens[inner_b - 1].end] if (
            inner_b > inner_a + 1) else None
    elif first in PREPOSITIONS:
        pass  # "al-Amr, in remarks to the television, said"
    elif first.endswith("ing") and tag_of(tokens, inner_a) == "VERB" and not multi:
        participle = True  # "Judge Berg, writing for the majority, said": not a role
    elif not multi and _is_name_run(tokens, inner_a, inner_b) and (
            not is_name_word(tokens[j]) or _office_of(text, tokens, j, lo)):
        # "Its chair, Ana Ruiz, said": the name speaks, the phrase before is the role
        described = _head_before(text, tokens, j, lo)
        if is_name_word(tokens[j]):
            described = _office_of(text, tokens, j, lo)  # "The head of Acme, Tom Berg,"
        elif described is not None and described.kind == "description":
            # "A lawyer for the news outlets, Tom Berg, said": the role runs back to "A",
            # when it opens the sentence (after a name, it is that name's apposition:
            # "Ruiz, a spokeswoman for the firm's owner, Acme Corp, said")
            longer = _with_post_modifier(text, tokens, described, lo)
            if longer is not None and longer is not described and (
                    token_index_at(tokens, longer.start, lo) == lo):
                described = longer
        if described is None or not (is_role_word(tokens[j].lower) or _described_role(
                tokens, described, lo)):
            # "A quarter of a mile away, Ismail Khan, …" is no role; "Ruiz, who lives
            # outside the capital, Lisbon, said": the speaker is further back
            return None
        named = make_mention(text, tokens, inner_a, inner_b)
        return Mention(named.text, named.start, named.end, "name", described.text)
    elif role_like(tokens, inner_a, _first_comma(tokens, inner_a, inner_b)):
        first_piece = role_end(tokens, inner_a, _first_comma(tokens, inner_a, inner_b))
        role = text[tokens[inner_a].start : tokens[first_piece - 1].end]
    elif not multi:
        return False  # "Ruiz, clearly frustrated, responded by …, saying": a clause
    head = _head_before(text, tokens, j, lo, role)
    if head is None:
        return None if multi else False
    head = _with_post_modifier(text, tokens, head, lo)
    if head is None:
        return None  # a name inside a phrase ("at the University of Lakeside"): go on
    a = next(i for i in range(lo, k) if tokens[i].start >= head.start)
    if head.kind != "name" and a - 2 >= lo and tokens[a - 1].text == "," and is_name_word(
            tokens[a - 2]):
        return None  # "Thompson, curator at the University, Fernvale, said": go on to her
    if multi and not (a == lo or tokens[a - 1].text in ",;:(—–" or tokens[a - 1].lower in (
            "and", "but", "so", "then", "that")):
        return None
    if participle and _after_verb(tokens, a, lo):
        return False  # "X tries to turn Y to his advantage, showing …": Y is an object
    return head


def _office_of(text: str, tokens: list[Token], j: int, lo: int) -> Mention | None:
    """A description ending in a body's name that opens the sentence: "The secretary
    general of Acme" (before ", Tom Berg, said"), or None."""
    head = _head_before(text, tokens, j, lo)
    if head is None or head.kind != "name":
        return None
    longer = _with_post_modifier(text, tokens, head, lo)
    if longer is None or longer.kind != "description" or token_index_at(
            tokens, longer.start, lo) != lo:
        return None
    return longer


def _described_role(tokens: list[Token], described: Mention, lo: int) -> bool:
    """Whether a description set before a name in commas is the name's role ("The
    agency's counsel, Ana Ruiz, said"): it opens the clause, with a determiner."""
    a = token_index_at(tokens, described.start, lo)
    return described.kind == "description" and (a == lo or tokens[a - 1].text in ",;:(" or (
        tokens[a - 1].lower in ("and", "but")))


def _first_comma(tokens: list[Token], a: int, b: int) -> int:
    return next((i for i in range(a, b) if tokens[i].text == ","), b)


def _head_before(
    text: str, tokens: list[Token], j: int, lo: int, role: str | None = None
) -> Mention | None:
    """The noun phrase ending at tokens[j]: a pronoun, a name with the role words before
    it, or a description."""
    last = tokens[j]
    if last.lower in SPEAKING_PRONOUNS or last.lower in FIRST_PERSON:
        return make_mention(text, tokens, j, j + 1, role)
    if is_name_word(last) or (last.is_capitalised and is_title(last)) or month_surname(
            tokens, j):
        a = name_run_back(tokens, j, lo)
        if a - 1 >= lo and tokens[a - 1].lower in ("the", "a", "an") and is_title(tokens[a]):
            a -= 1
            return make_mention(text, tokens, a, j + 1, role)
        # Lower-case role words before the name: "union president Ana Ruiz", "head coach
        # Ana Ruiz" (a lower-case title is already in the run: move it to the role).
        first = a
        while first < j and not tokens[first].is_capitalised:
            first += 1
        r = a
        while (r - 1 >= lo and a - r < 5 and tokens[r - 1].is_word
               and not tokens[r - 1].is_capitalised and modifier_word(tokens[r - 1].lower)):
            r -= 1
        if first > r and is_role_word(tokens[first - 1].lower):
            words = text[tokens[r].start : tokens[first - 1].end]
            mention = make_mention(text, tokens, first, j + 1)
            return Mention(mention.text, mention.start, mention.end, mention.kind, role or words)
        return name_mention(text, tokens, a, j + 1, role)
    return description_back(text, tokens, j, lo, role)


_PERSONAL = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "miss"})
_LINKS = frozenset({"of", "for", "from", "at", "with", "in", "to", "on"})  # "a spokeswoman for"
# Words that tie an unnamed source to what it knows: "a person familiar with", "a source
# close to", "officials briefed on", "people with knowledge of", "an aide who spoke on
# condition of anonymity".
_SOURCE_LINKS = frozenset({"familiar", "close", "knowledgeable", "briefed", "involved",
                           "with", "who"})
# How the relative clause of an unnamed source ends: "… on condition of anonymity",
# "… not authorized to speak publicly", "… asked not to be named".
_ANONYMOUS_ENDS = frozenset({"anonymity", "named", "identified", "publicly", "record"})


def _unnamed_source(text: str, tokens: list[Token], j: int, lo: int) -> Mention | None:
    """An unnamed source ending at tokens[j], with what ties it to the story: "a person
    familiar with the planning", "two people with knowledge of the matter", "a senior
    official who spoke on condition of anonymity"."""
    for h in range(j - 1, max(lo, j - 14) - 1, -1):
        head, link = tokens[h], tokens[h + 1].lower
        if not head.is_word or head.is_quote:
            return None
        if link in _SOURCE_LINKS and not head.is_capitalised and is_person_noun(head.lower):
            if link == "who" and tokens[j].lower not in _ANONYMOUS_ENDS:
                return None
            if link != "who" and any(tag_of(tokens, i) in ("VERB", "AUX")
                                     for i in range(h + 2, j + 1)):
                return None  # "people with signs chanted": a clause, not a modifier
            found = description_back(text, tokens, h, lo, None)
            if found is None or not opens_clause(tokens, found, lo):
                return None  # "left reporters with no explanation": an object
            return Mention(text[found.start : tokens[j].end], found.start, tokens[j].end,
                           "description")
    return None


def _with_post_modifier(text: str, tokens: list[Token], mention: Mention, lo: int
                        ) -> Mention | None:
    """The speaker whose post-modifier ends in `mention`: "Ana Ruiz of the Port Bank",
    "a spokeswoman for the mayor", "Drivers stopped at the border". A phrase after a
    preposition with no head before it is not a subject ("… in Kabul denies")."""
    for _ in range(3):
        a = token_index_at(tokens, mention.start, lo)
        if mention.kind == "name" and any(
                t.lower.rstrip(".") in _PERSONAL or t.lower in FIRST_NAMES
                for t in tokens[a : bisect_left(tokens, mention.end, a, key=_start)]):
            return mention  # a person, an office before: "Undersecretary for Education Mr. X"
        p = a - 1
        if p >= lo and tokens[p].lower in ("the", "a", "an") and mention.kind == "name":
            p -= 1  # "of the Port Bank"
        if p - 2 >= lo and tokens[p].lower == "as" and tokens[p - 1].lower == "such":
            # "other sites such as Acme.com": the sites, Acme.com an example of them
            head = _head_before(text, tokens, p - 2, lo)
            if head is None or head.kind != "description":
                return mention
            return Mention(text[head.start : mention.end], head.start, mention.end,
                           "description", head.role)
        if p < lo or tokens[p].lower not in PREPOSITIONS:
            return mention
        if tokens[p].lower in CLAUSE_WORDS and (p == lo or tokens[p - 1].text in ",;:"):
            return mention  # "After Ruiz said …": a clause opens, not a phrase
        if tokens[p].lower not in _LINKS or p - 1 < lo:
            return None
        q = p - 1
        if q - 1 >= lo and not tokens[q].is_capitalised and tokens[q].lower.endswith(
                ("ed", "ing")) and tokens[q].lower not in AUXILIARIES and (
                tokens[q - 1].lower not in DETERMINERS):
            q -= 1  # a participle: "Drivers stopped at the border" (not "the planning")
        head = _head_before(text, tokens, q, lo)
        if head is None or head.kind == "pronoun":
            return None
        if head.kind == "name" and " " not in head.text and is_person_noun(head.text.lower()):
            head = dataclasses.replace(head, kind="description")  # "People briefed on …"
        if head.kind != "name" or is_organisation(head.text):
            # a description, or a body ("University of Leeds"), takes its modifier along
            kind = "description" if head.kind != "name" else "name"
            head = Mention(text[head.start : mention.end], head.start, mention.end, kind,
                           head.role or mention.role)
        elif mention.role and not head.role:
            head = Mention(head.text, head.start, head.end, head.kind, mention.role)
        mention = head
    return None if token_index_at(tokens, mention.start, lo) - 1 >= lo and tokens[
        token_index_at(tokens, mention.start, lo) - 1].lower in PREPOSITIONS else mention


def _start(token: Token) -> int:
    return token.start


def _is_name_run(tokens: list[Token], a: int, b: int) -> bool:
    return b > a and is_name_word(tokens[a]) and name_end(tokens, a, b) == b
