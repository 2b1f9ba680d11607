"""The noun phrases that name speakers, found without a parser.

News attribution is local: the speaker stands next to the speech verb ("Khan added",
"said one of the fighters"), often followed by an apposition with their role
("Shariyar Nezami, a militia officer,"). These functions read those phrases off a
token list built from a masked paragraph (quoted words are one opaque token).
"""

from __future__ import annotations

import typing

from quoteidx.finding.descriptions import (
    is_plural_role,
    is_role_word,
    role_end,
    role_like,
    token_index_at,
)
from quoteidx.finding.heads import (
    after_verb,
    head_before,
    is_name_run,
    unnamed_source,
    with_post_modifier,
)
from quoteidx.finding.lexicon import (
    ADVERBS_NEAR_VERB,
    AUXILIARIES,
    CLAUSE_WORDS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
)
from quoteidx.finding.names import (
    FIRST_NAMES,
    Mention,
    is_name_word,
    is_title,
    make_mention,
    month_surname,
    name_run_back,
)
from quoteidx.finding.tokens import (
    TIME_WORDS,
    Token,
    tag_of,
)


def _one_word_aside(tokens: list[Token], k: int) -> bool:
    """A participle or adjective set off alone between a speaker and the verb: "Ruiz,
    exasperated, replied", "Berg, smiling, said"."""
    word = tokens[k]
    return word.is_word and not word.is_capitalised and (
        word.lower.endswith(("ed", "ing")) or tag_of(tokens, k) == "ADJ")


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
        or tokens[j].lower in _INTENSIFIERS and j > lo  # "Ford itself said"
    ):
        j -= 1
    timed = _before_time(tokens, j, lo)  # "Ana Ruiz on Thursday evening said"
    modified = None  # where a participle and its time modifying the subject end
    if timed < j and timed - 1 >= lo and _participle(tokens, timed) and (
            tag_of(tokens, timed - 1) == "NOUN"):
        modified = tokens[j].end  # "A court document filed Thursday says": the document,
        timed -= 1  # as it was filed
    j = timed
    if j - 2 >= lo and tokens[j].text == "," and tokens[j - 2].text == "," and (
            tokens[j - 1].lower in _ASIDES or _one_word_aside(tokens, j - 1)):
        j -= 3  # "Berg, though, said", "Berg, exasperated, replied"
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
    dashed = _dashed_apposition(tokens, j, lo)
    if dashed is not None:  # "Tom Berg — a retired judge — said"
        opening, inner, closing = dashed
        return _before_apposition(text, tokens, opening, (inner, closing), lo) or None
    if tokens[j].text != ",":
        head = head_before(text, tokens, j, lo)
        found = with_post_modifier(text, tokens, head, lo) if head is not None else None
        if found is not None and found.kind == "name":
            found = _joined_names(text, tokens, found, lo)
        if found is not None and modified is not None and found.kind == "description":
            found = Mention(text[found.start : modified], found.start, modified,
                            "description", found.role)
        if found is not None and found.kind == "description" and not (
                i + 1 < len(tokens) and tokens[i + 1].text in ",”\"'’"
                and found.text.split()[0].lower() in ("a", "an", "the")):
            # (not "Clinton, a top aide said, “is …”": the aide speaks of Clinton; a bare
            # role is the name's: "Ruiz, president of the club stated, “…”")
            found = _unclosed_apposition(text, tokens, found, lo) or found
        if not tokens[i].lower.endswith("ing") and (found is None or found.kind != "pronoun"):
            # "Berg and others who want to ban the sale said", "executives who have worked
            # with Tom Berg say", "officials whose laws were struck down say": what the
            # relative clause is about speaks, with its clause. A description after a verb
            # is its object even with no "who" in sight.
            s = token_index_at(tokens, found.start, lo) if found is not None else j + 1
            relative = _relative_subject(text, tokens, s - 1, lo, tokens[j].end)
            if relative is not None or (found is not None and found.kind == "description"
                                        and after_verb(tokens, s, lo)):
                return relative
        return found if found is not None else unnamed_source(text, tokens, j, lo)
    # "Name, apposition, said": up to four comma-set pieces between the name and the verb
    # ("Eastman, Director of the study, and Chairman of the Centre, says"; "Thompson,
    # curator at the University of Arkansas, Fayetteville, said").
    end = j
    for _ in range(4):
        k = end - 1
        while k >= lo and tokens[k].text not in ",;:" and not tokens[k].is_quote and end - k < 26:
            k -= 1
        if k < lo or tokens[k].text != "," or k == end - 1:
            if end == j and j - 1 >= lo and (k < lo or tokens[k].text != ","):
                # no comma opens it: a stray one before the verb ("Lydia Buchtmann for
                # Food Standards Australia, says", "The firm Secunia.com, has said")
                head = head_before(text, tokens, j - 1, lo)
                if head is not None and head.kind != "pronoun":
                    found = with_post_modifier(text, tokens, head, lo)
                    if found is not None and (token_index_at(tokens, found.start, lo) == lo
                                              or _described_name(tokens, found, lo)):
                        return found
            return None
        found = _before_apposition(text, tokens, k, (k + 1, j), lo)
        if found is not None:
            return found or None
        end = k
    return None


def _dashed_apposition(tokens: list[Token], j: int, lo: int) -> tuple[int, int, int] | None:
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


def _described_name(tokens: list[Token], found: Mention, lo: int) -> bool:
    """Whether a name opens its sentence after a description of what it is: "The
    security firm Secunia.com", "The firm Acme" (a determiner, words, then a lower-case
    head noun right before the name)."""
    s = token_index_at(tokens, found.start, lo)
    return found.kind == "name" and lo + 1 < s <= lo + 5 and tokens[lo].lower in (
        "the", "a", "an") and all(t.is_word for t in tokens[lo + 1 : s]) and not (
        tokens[s - 1].is_capitalised)


def _unclosed_apposition(text: str, tokens: list[Token], described: Mention, lo: int
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
        inside = _parenthetical_start(tokens, j, lo)
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


def _participle(tokens: list[Token], k: int) -> bool:
    tok = tokens[k]
    return tok.text.islower() and tok.lower.endswith("ed") and tok.lower not in AUXILIARIES


_ASIDE_LINKS = frozenset({"when", "while", "after", "before", "once", "if"})


def _participle_aside(tokens: list[Token], a: int, b: int) -> bool:
    """Whether tokens[a:b] are a participle's aside, not a role: "writing for the
    majority", "asked about the plan", "when contacted by Reuters", "after being asked".
    A past participle alone needs its preposition: "urged a strong stand" is a verb."""
    linked = b - a > 1 and tokens[a].lower in _ASIDE_LINKS
    if linked:
        a += 1
    if tag_of(tokens, a) != "VERB":
        return False
    if tokens[a].lower.endswith("ing"):
        return True
    return _participle(tokens, a) and (linked or a + 1 < b and (
        tokens[a + 1].lower in PREPOSITIONS or tokens[a + 1].lower in _QUESTION_WORDS))


_QUESTION_WORDS = frozenset({"whether", "if", "why", "how", "what", "who", "when"})


def _relative_subject(text: str, tokens: list[Token], j: int, lo: int, end: int
                      ) -> Mention | None:
    """The phrase a relative clause (no comma) that runs through tokens[j] to `end` is
    about, with the clause: "others who want to ban the sale", or None when no "who" or
    "whose" opens one close before."""
    for w in range(j, max(lo, j - 10), -1):
        tok = tokens[w]
        if tok.lower in RELATIVE_PRONOUNS and w < j:  # "who said": the pronoun's own verb
            found = noun_phrase_before(text, tokens, w, lo)
            if found is None and _quantifier_head(tokens, w - 1, lo):
                found = make_mention(text, tokens, w - 1, w)  # "Those who know him say"
            if found is None or found.kind == "pronoun":
                return None
            # the whole phrase names them: "advisers who have run the numbers"
            return Mention(text[found.start : end], found.start, end, "description",
                           found.role)
        if not tok.is_word or tok.is_quote or tok.lower in CLAUSE_WORDS:
            return None
    return None


# Words that name people by how many, with a relative clause: "those who", "some who".
_QUANTIFIERS = frozenset({"those", "some", "many", "most", "several", "all", "few", "others",
                          "anyone", "everyone", "nobody"})


def _quantifier_head(tokens: list[Token], h: int, lo: int) -> bool:
    """Whether tokens[h] is such a word opening the clause ("But some who …")."""
    return h >= lo and tokens[h].lower in _QUANTIFIERS and (h == lo or tokens[
        h - 1].text in ",;:" or tokens[h - 1].lower in ("and", "but", "yet", "so"))


_PLACE_ADVERBS = frozenset({"here", "there"})  # "Her campaign workers here said"
# A reflexive right after the subject stresses it: "the mayor herself said".
_INTENSIFIERS = frozenset({"himself", "herself", "itself", "themselves"})
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
    elif _participle_aside(tokens, inner_a, inner_b) and not multi:
        participle = True  # "Judge Berg, writing for the majority, said": not a role
    elif not multi and is_name_run(tokens, inner_a, inner_b) and (
            not is_name_word(tokens[j]) or _office_of(text, tokens, j, lo)):
        # "Its chair, Ana Ruiz, said": the name speaks, the phrase before is the role
        described = head_before(text, tokens, j, lo)
        if is_name_word(tokens[j]):
            described = _office_of(text, tokens, j, lo)  # "The head of Acme, Tom Berg,"
        elif described is not None and described.kind == "description":
            # "A lawyer for the news outlets, Tom Berg, said": the role runs back to "A",
            # when it opens the sentence (after a name, it is that name's apposition:
            # "Ruiz, a spokeswoman for the firm's owner, Acme Corp, said")
            longer = with_post_modifier(text, tokens, described, lo)
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
    head = head_before(text, tokens, j, lo, role)
    if head is None:
        return None if multi else False
    head = with_post_modifier(text, tokens, head, lo)
    if head is None:
        return None  # a name inside a phrase ("at the University of Lakeside"): go on
    a = next(i for i in range(lo, k) if tokens[i].start >= head.start)
    if head.kind != "name" and a - 2 >= lo and tokens[a - 1].text == "," and is_name_word(
            tokens[a - 2]):
        return None  # "Thompson, curator at the University, Fernvale, said": go on to her
    if head.kind == "name" and _second_place(tokens, a, k, lo):
        return None  # "Ruiz, who lost her home in Fernvale, Harbour, in 2012, said": on
    if multi and not (a == lo or tokens[a - 1].text in ",;:(—–" or tokens[a - 1].lower in (
            "and", "but", "so", "then", "that")):
        return None
    if participle and after_verb(tokens, a, lo):
        return False  # "X tries to turn Y to his advantage, showing …": Y is an object
    return head


_PLACE_PREPOSITIONS = frozenset({"in", "from", "near", "at", "of", "outside"})


def _second_place(tokens: list[Token], a: int, k: int, lo: int) -> bool:
    """Whether the name tokens[a:k] follows a place and its comma ("in Fernvale,
    Harbour"): the region of a place, not someone set in apposition ("in Fernvale, Sen.
    Tom Berg" is a person: a title or a first name)."""
    if a - 2 < lo or tokens[a - 1].text != "," or not is_name_word(tokens[a - 2]):
        return False
    if k - a > 2 or any(is_title(t) or t.lower in FIRST_NAMES or len(t.text) == 2
                        and t.text.endswith(".") for t in tokens[a:k]):
        return False  # a person: "Sen. Tom Berg", "Marc H. Morial"
    first = name_run_back(tokens, a - 2, lo)
    return first - 1 >= lo and tokens[first - 1].lower in _PLACE_PREPOSITIONS


def _office_of(text: str, tokens: list[Token], j: int, lo: int) -> Mention | None:
    """A description ending in a body's name that opens the sentence: "The secretary
    general of Acme" (before ", Tom Berg, said"), or None."""
    head = head_before(text, tokens, j, lo)
    if head is None or head.kind != "name":
        return None
    longer = with_post_modifier(text, tokens, head, lo)
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
