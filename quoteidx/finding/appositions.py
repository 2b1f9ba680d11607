"""The apposition beside a speaker's name, read back from the verb: "Shariyar Nezami, a
militia officer, said", "Tom Berg — a retired judge — said", "Sen. Ana Ruiz (D-NY), a
supporter of the mayor told", "Its chair, Ana Ruiz, said": which words are the person
and which the role."""

from __future__ import annotations

import re
import typing

from quoteidx.finding.descriptions import (
    is_many_people,
    is_plural_role,
    is_role_word,
    token_index_at,
)
from quoteidx.finding.heads import (
    after_verb,
    head_before,
    is_name_run,
    is_names_run,
    with_post_modifier,
)
from quoteidx.finding.lexicon import ASIDE_WORDS, POSSESSIVE_ENDS, PREPOSITIONS
from quoteidx.finding.names import (
    FIRST_NAMES,
    Mention,
    is_name_word,
    is_organisation,
    is_title,
    make_mention,
    name_end,
    name_run_back,
)
from quoteidx.finding.office_words import TITLES
from quoteidx.finding.participle_asides import participle_aside
from quoteidx.finding.roles import name_given, named_after_role, named_in, role_end, role_like
from quoteidx.finding.tokens import (
    Token,
)


def dashed_apposition(tokens: list[Token], j: int, lo: int) -> tuple[int, int, int] | None:
    """Where the dashes around an apposition ending at tokens[j] are ("Berg — a judge —
    said", "Berg -- a judge -- said"): the opening dash's first token, the apposition's
    first, and the closing dash's first; or None."""
    def dash_at(i: int) -> int:  # how many tokens the dash ending at tokens[i] spans
        if i >= lo and tokens[i].text in ("—", "–"):
            return 1
        return 2 if i - 1 >= lo and tokens[i].text == tokens[i - 1].text == "-" else 0

    width = dash_at(j)
    if not width:
        return None
    closing = j - width + 1
    for i in range(closing - 2, max(lo, closing - 26) - 1, -1):
        if tokens[i].text in ".;:" or tokens[i].is_quote:
            return None
        width = dash_at(i)
        if width:
            opening = i - width + 1
            return (opening, i + 1, closing) if opening - 1 >= lo else None
    return None


def described_name(tokens: list[Token], found: Mention, lo: int) -> bool:
    """Whether a name opens its sentence after a description of what it is: "The
    security firm Secunia.com", "The firm Acme" (a determiner, words, then a lower-case
    head noun right before the name)."""
    s = token_index_at(tokens, found.start, lo)
    return found.kind == "name" and lo + 1 < s <= lo + 5 and tokens[lo].lower in (
        "the", "a", "an") and all(t.is_word for t in tokens[lo + 1 : s]) and not (
        tokens[s - 1].is_capitalised)


def unclosed_apposition(text: str, tokens: list[Token], described: Mention, lo: int
                         ) -> Mention | None:
    """The name before a role whose closing comma is missing ("Sen. Ana Ruiz (D-NY), a
    supporter of the mayor told …"): the name speaks, the description is its role."""
    s = token_index_at(tokens, described.start, lo)
    opener = described.text.split()[0].lower()
    if s - 2 < lo or tokens[s - 1].text != "," or not (
            opener in ("a", "an", "the") or is_role_word(opener)):
        return None  # ("Ruiz, president of the association stated": a role word opens it)
    if is_plural_role(opener):
        return None  # "Mr. Obama, officials said, has …": they speak, of him
    j = s - 2
    if tokens[j].text == ")":
        inside = parenthetical_start(tokens, j, lo)
        if inside is None or inside - 1 < lo:
            return None
        j = inside - 1  # past the affiliation
    if not is_name_word(tokens[j]):
        return None
    a = name_run_back(tokens, j, lo)
    if a > lo and tokens[a - 1].is_word or a == j and tokens[j].text == tokens[lo].text:
        # "thanked Ana Ruiz, a nurse …", "In Florida, a poll found": no subject;
        # "Overall, the fund predicted": a word set before the sentence
        return None
    named = make_mention(text, tokens, a, j + 1)
    return Mention(named.text, named.start, named.end, "name", described.text)


def parenthetical_start(tokens: list[Token], close: int, lo: int, most: int = 6
                        ) -> int | None:
    """The index of the "(" of a short parenthesis closing at tokens[close] ("(R-OH)",
    "(pictured)"), if it holds no more than `most` words."""
    for i in range(close - 1, max(lo, close - most) - 1, -1):
        if tokens[i].text == "(":
            return i
        if not (tokens[i].is_word or tokens[i].text in "-/&.:"):  # (":": "TSX: BMC")
            return None
    return None


_AFFILIATION = re.compile(r"[DRI]-[A-Z][A-Za-z.]*")  # a U.S. lawmaker's party and state
# Words that count someone out, before a noun that may be a title ("One father", a priest's
# title too): a description all the same.
_COUNTED = frozenset({"one", "a", "an", "another"})


def _affiliation_before(text: str, tokens: list[Token], k: int, lo: int) -> int | None:
    """The comma opening a party-and-state affiliation that closes at the comma
    tokens[k] ("…, R-S.C.,"), or None."""
    for c in range(k - 1, max(lo, k - 6) - 1, -1):
        if tokens[c].text == ",":
            inner = text[tokens[c].end : tokens[k].start].strip()
            return c if c > lo and _AFFILIATION.fullmatch(inner) else None
    return None


def _one_of_them(tokens: list[Token], j: int, lo: int) -> bool:
    """Whether tokens[lo:j + 1] are "One of them", "Another" or the like, opening the
    sentence: one of the people just told of, whom the name after it names."""
    if j == lo:
        return tokens[j].lower == "another"
    return j - 2 == lo and tokens[j].lower in ("them", "those") and tokens[
        j - 1].lower == "of" and tokens[lo].lower in ("one", "another")


def before_apposition(text: str, tokens: list[Token], k: int, inner: tuple[int, int],
                       lo: int) -> Mention | typing.Literal[False] | None:
    """The speaker before the comma tokens[k] that opens an apposition `inner` (reaching
    to the comma before the verb). None: look for an earlier comma; False: no speaker."""
    inner_a, inner_b = inner
    first = tokens[inner_a].lower
    j = k - 1
    if j - 2 >= lo and tokens[j].text.isdigit() and tokens[j - 1].text == ",":
        j -= 2  # an age before the role: "Selin Kaya, 34, a nurse, said"
    if j - 2 >= lo and tokens[j].lower in ASIDE_WORDS and tokens[j - 1].text == ",":
        j -= 2  # "Tom Berg, however, a critic of the plan, said"
    affiliation = _affiliation_before(text, tokens, k, lo)
    if affiliation is not None:
        j = affiliation - 1  # "Sen. Ana Ruiz, D-Ore., a member of the panel, said"
    if j >= lo and tokens[j].text == ")":
        inside = parenthetical_start(tokens, j, lo)
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
        # a relative clause, not a role: "Ruiz, who has run the clinic, says"; but one
        # may give the name: "One resident, who gave her name only as Lorraine, said"
        given = name_given(text, tokens, inner_a, inner_b)
        described = head_before(text, tokens, j, lo) if given is not None else None
        if given is not None and described is not None and (described.kind == "description" or (
                described.kind == "title" and described.text.split()[0].lower() in _COUNTED)):
            return Mention(given.text, given.start, given.end, "name", described.text)
    elif first in ("of", "from"):  # "Mu Li, of the University of Leeds, said"
        role = text[tokens[inner_a + 1].start : tokens[inner_b - 1].end] if (
            inner_b > inner_a + 1) else None
    elif first in PREPOSITIONS:
        pass  # "al-Amr, in remarks to the television, said"
    elif participle_aside(tokens, inner_a, inner_b) and not multi:
        participle = True  # "Judge Berg, writing for the majority, said": not a role
    elif not multi and (given := _given_after_clause(text, tokens, k, inner, lo)):
        return given  # "One volunteer, a teenager who gave only her first name, Ashlyn,"
    elif not multi and (body := _body_after_description(text, tokens, j, lo, inner)):
        return body  # "Its lender, Bank of Montreal, said": the bank
    elif not multi and (is_name_run(tokens, inner_a, (named_b := _name_before_affiliation(
            tokens, inner_a, inner_b))) or is_many_people(
            tokens[j].lower) and is_names_run(tokens, inner_a, inner_b)) and (
            not is_name_word(tokens[j]) or _office_of(text, tokens, j, lo)):
        # "Its chair, Ana Ruiz, said": the name speaks, the phrase before is the role
        described = head_before(text, tokens, j, lo)
        if is_name_word(tokens[j]):
            described = _office_of(text, tokens, j, lo)  # "The head of Acme, Tom Berg,"
            place = name_run_back(tokens, j, lo) - 1
            if described is not None and place >= lo and tokens[place].lower in (
                    "in", "from", "near", "at", "outside") and inner_b - inner_a <= 2 and not any(
                    is_title(t) or t.lower in FIRST_NAMES for t in tokens[inner_a:inner_b]) and (
                    not _after_a_name(tokens, token_index_at(tokens, described.start, lo), lo)):
                # "A woman in Worcester, Massachusetts, told": the region of a place (but
                # "Jane Doe, 45, a nurse from Surrey, B.C., said": her role, on to her)
                end = tokens[inner_b - 1].end
                return Mention(text[described.start : end], described.start, end,
                               "description")
        elif described is not None and described.kind in ("description", "title"):
            # "A lawyer for the news outlets, Tom Berg, said": the role runs back to "A",
            # when it opens the sentence (after a name, it is that name's apposition:
            # "Ruiz, a spokeswoman for the firm's owner, Acme Corp, said")
            longer = with_post_modifier(text, tokens, described, lo)
            if longer is not None and longer is not described and (
                    token_index_at(tokens, longer.start, lo) == lo):
                described = longer
        if _one_of_them(tokens, j, lo):  # "One of them, Margaret Doyle, said"
            named = make_mention(text, tokens, inner_a, inner_b)
            return Mention(named.text, named.start, named.end, "name",
                           text[tokens[lo].start : tokens[j].end])
        if described is None or not (is_role_word(tokens[j].lower) or _described_role(
                tokens, described, lo)):
            # "A quarter of a mile away, Ismail Khan, …" is no role; "Ruiz, who lives
            # outside the capital, Lisbon, said": the speaker is further back
            return None
        named = make_mention(text, tokens, inner_a, named_b)
        return Mention(named.text, named.start, named.end, "name", described.text)
    elif role_like(tokens, inner_a, _first_comma(tokens, inner_a, inner_b)):
        first_piece = role_end(tokens, inner_a, _first_comma(tokens, inner_a, inner_b))
        role = text[tokens[inner_a].start : tokens[first_piece - 1].end]
        named = named_in(text, tokens, inner_a, first_piece) or (None if is_name_word(
            tokens[j]) else named_after_role(text, tokens, inner_a, first_piece))
        if named is not None:
            return named  # "One of the parents, a nurse named Ana Ruiz, said": Ruiz
    elif not multi:
        return False  # "Ruiz, clearly frustrated, responded by …, saying": a clause
    head = head_before(text, tokens, j, lo, role)
    if head is None:
        return None if multi else False
    head = with_post_modifier(text, tokens, head, lo)
    if head is None:
        return None  # a name inside a phrase ("at the University of Lakeside"): go on
    a = next(i for i in range(lo, k) if tokens[i].start >= head.start)
    if head.kind == "name" and first in ("who", "whose") and _in_a_phrase(tokens, a, lo):
        return None  # "Berg, a director of the Harbour Republican Party, whose …": on to him
    if head.kind == "name" and _in_relative_clause(tokens, a, lo):
        return None  # "Ruiz, who trails Mr. Berg, turned on him, saying": on to Ruiz
    if head.kind != "name" and _after_a_name(tokens, a, lo):
        return None  # "Thompson, curator at the University, Fernvale, said": go on to her
        # (also past her age: "Jane Doe, 45, a nurse from Surrey, B.C., said")
    if head.kind == "name" and _second_place(tokens, a, k, lo):
        return None  # "Ruiz, who lost her home in Fernvale, Harbour, in 2012, said": on
    if head.kind == "name" and a - 2 >= lo and tokens[a - 1].lower in ("a", "an") and (
            tokens[a - 2].text == ","):
        return None  # "Ruiz, a Moncton, N.B.-based lawyer, said": a place, not her: on
    if multi and not (a == lo or tokens[a - 1].text in ",;:(—–" or tokens[a - 1].lower in (
            "and", "but", "so", "then", "that")):
        return None
    if participle and after_verb(tokens, a, lo):
        return False  # "X tries to turn Y to his advantage, showing …": Y is an object
    return head


def _name_before_affiliation(tokens: list[Token], a: int, b: int) -> int:
    """Where a person's name ends inside an apposition that goes on to say where they are
    from or with ("Her lawyer, Tom Berg of Halifax, said": Berg, of Halifax); else b. The
    name has a first and a last word ("Bank of Montreal" is one name)."""
    if b - a < 4 or not is_name_word(tokens[a]):
        return b
    end = name_end(tokens, a, b)
    if end - a >= 2 and end + 1 < b and tokens[end].lower in ("of", "from", "with") and (
            tokens[end + 1].lower == "the" or is_name_word(tokens[end + 1])):
        return end
    return b


def _after_a_name(tokens: list[Token], d: int, lo: int) -> bool:
    """Whether the phrase at tokens[d] follows a name and its comma, an age between
    ("Jane Doe, 45, a nurse"): an apposition of that name."""
    c = d - 1
    if c - 1 >= lo and tokens[c].text == "," and tokens[c - 1].text.isdigit() and (
            c - 2 >= lo and tokens[c - 2].text == ","):
        c -= 2
    return c - 1 >= lo and tokens[c].text == "," and is_name_word(tokens[c - 1])


_PLACE_PREPOSITIONS = frozenset({"in", "from", "near", "at", "of", "outside"})


def _in_relative_clause(tokens: list[Token], a: int, lo: int) -> bool:
    """Whether the name at tokens[a] is inside a relative clause set in commas (", who
    trails Mr. Berg,"): what follows it is the antecedent's, not an apposition of it."""
    i = a - 1
    while i > lo and tokens[i].text != ",":
        if tokens[i].lower in ("who", "whose", "which") and tokens[i - 1].text == ",":
            return True
        i -= 1
    return False


def _in_a_phrase(tokens: list[Token], a: int, lo: int) -> bool:
    """Whether the name at tokens[a] ends a prepositional phrase, past the capitalised
    words and article before it ("of the Harbour Republican Party")."""
    i = a - 1
    while i >= lo and (tokens[i].is_capitalised or tokens[i].lower == "the"):
        i -= 1
    return i >= lo and tokens[i].lower in ("of", "at", "for", "with", "from", "in")


def _second_place(tokens: list[Token], a: int, k: int, lo: int) -> bool:
    """Whether the name tokens[a:k] follows a place and its comma ("in Fernvale,
    Harbour", "a Surrey, B.C., resident"): the region of a place, not someone set in
    apposition ("in Fernvale, Sen. Tom Berg" is a person: a title or a first name)."""
    if a - 2 < lo or tokens[a - 1].text != "," or not is_name_word(tokens[a - 2]):
        return False
    if k - a > 2 or any(is_title(t) or t.lower in FIRST_NAMES or len(t.text) == 2
                        and t.text.endswith(".") for t in tokens[a:k]):
        return False  # a person: "Sen. Tom Berg", "Marc H. Morial"
    first = name_run_back(tokens, a - 2, lo)
    # (or an article: the place describes what follows, "a Surrey, B.C., resident")
    return first - 1 >= lo and (tokens[first - 1].lower in _PLACE_PREPOSITIONS or tokens[
        first - 1].lower in ("a", "an"))


def _office_of(text: str, tokens: list[Token], j: int, lo: int) -> Mention | None:
    """A description ending in a body's name that opens the sentence: "The secretary
    general of Acme" (before ", Tom Berg, said"), or None."""
    head = head_before(text, tokens, j, lo)
    if head is None or head.kind != "name":
        return None
    a = token_index_at(tokens, head.start, lo)
    if tokens[lo].lower == "the" and a in (lo, lo + 1) and (
            is_title(tokens[j]) or is_role_word(tokens[j].lower)):
        # "The Parliamentary Budget Officer, Yves Giroux,": an office named in capitals
        return Mention(text[tokens[lo].start : head.end], tokens[lo].start, head.end,
                       "description")
    if (a == lo or tokens[a - 1].text in ",;:(") and tokens[a].lower.endswith(
            POSSESSIVE_ENDS) and any(is_title(t) for t in tokens[a + 1 : j]):
        # "Ontario's Minister of Labour, Ana Ruiz,": a place's office, not a name
        return Mention(head.text, head.start, head.end, "description")
    longer = with_post_modifier(text, tokens, head, lo)
    if longer is None or longer.kind != "description" or token_index_at(
            tokens, longer.start, lo) != lo:
        return None
    return longer


def _given_after_clause(text: str, tokens: list[Token], k: int, inner: tuple[int, int],
                        lo: int) -> Mention | None:
    """The name a clause before the comma tokens[k] says is given: "a teenager who gave
    only her first name, Ashlyn," (the name speaks, the phrase before "who" its role)."""
    w = next((i for i in range(k - 1, max(lo, k - 12), -1) if tokens[i].lower == "who"), None)
    given = name_given(text, tokens, w, inner[1]) if w is not None and w > lo else None
    described = head_before(text, tokens, w - 1, lo) if given is not None else None
    if given is None or described is None or described.kind != "description":
        return None
    return Mention(given.text, given.start, given.end, "name", described.text)


# Lower-case words inside a body's name: "Bank of Montreal", "Fisheries and Oceans".
_BODY_NAME_WORDS = frozenset({"of", "for", "and", "the", "in", "on", "de", "du", "des"})
# People who speak for a body, whose name in commas after them is not theirs.
_FOR_A_BODY = frozenset({"lawyer", "lawyers", "official", "officials", "representative",
                         "representatives", "member", "members", "counsel", "employee"})


def _body_after_description(text: str, tokens: list[Token], j: int, lo: int,
                            inner: tuple[int, int]) -> Mention | None:
    """A body named in commas after a description of it that opens the clause: "The
    union representing the workers, the Canadian Union of Public Employees, said" (not
    a person's description: "A spokesman for the union, Acme Union, said")."""
    a, b = inner
    a += tokens[a].lower == "the"
    if a >= b or not (tokens[a].is_capitalised and tokens[b - 1].is_capitalised) or not all(
            t.is_capitalised or t.lower in _BODY_NAME_WORDS for t in tokens[a:b]) or not (
            is_organisation(text[tokens[a].start : tokens[b - 1].end])):
        return None
    head = head_before(text, tokens, j, lo)
    described = with_post_modifier(text, tokens, head, lo) if head is not None else None
    if described is None or not _described_role(tokens, described, lo) or any(
            w.lower().rstrip(".") in TITLES or w.lower() in _FOR_A_BODY
            for w in described.text.split()[:3]):
        return None
    person_end = _name_before_affiliation(tokens, a, b)
    if tokens[a].lower in FIRST_NAMES or person_end < b and not is_organisation(
            text[tokens[a].start : tokens[person_end - 1].end]):
        return None  # a person of the body: "Another pollster, Tom Berg of Acme University,"
    body = make_mention(text, tokens, a, b)
    return Mention(body.text, body.start, body.end, body.kind, described.text)


def _described_role(tokens: list[Token], described: Mention, lo: int) -> bool:
    """Whether a description set before a name in commas is the name's role ("The
    agency's counsel, Ana Ruiz, said"): it opens the clause, with a determiner."""
    a = token_index_at(tokens, described.start, lo)
    return described.kind == "description" and (a == lo or tokens[a - 1].text in ",;:(" or (
        tokens[a - 1].lower in ("and", "but")))


def _first_comma(tokens: list[Token], a: int, b: int) -> int:
    return next((i for i in range(a, b) if tokens[i].text == ","), b)
