"""The noun phrases that name speakers, found without a parser.

News attribution is local: the speaker stands next to the speech verb ("Khan added",
"said one of the fighters"), often followed by an apposition with their role
("Shariyar Nezami, a militia officer,"). These functions read those phrases off a
token list built from a masked paragraph (quoted words are one opaque token).
"""

from __future__ import annotations

import typing
from bisect import bisect_left

from quoteidx.finding.lexicon import (
    ADVERBS_NEAR_VERB,
    AUXILIARIES,
    CLAUSE_WORDS,
    DETERMINERS,
    FIRST_PERSON,
    ORG_NOUNS,
    PERSONAL_PRONOUNS,
    PREPOSITIONS,
    TITLES,
)
from quoteidx.finding.names import (
    FIRST_NAMES,
    SPEAKING_PRONOUNS,
    Mention,
    is_name_word,
    is_organisation,
    is_title,
    make_mention,
    name_end,
    name_run_back,
)
from quoteidx.finding.tokens import (
    TIME_WORDS,
    Token,
    index_at,
    is_person_noun,
    is_speaking_noun,
    is_speech_verb,
    tag_of,
)


def noun_phrase_before(text: str, tokens: list[Token], i: int, lo: int = 0) -> Mention | None:
    """The speaker phrase that ends right before tokens[i] (a speech verb), as in
    "Khan added", "Shariyar Nezami, a militia officer, said", "the militiamen assured",
    "Its chair, Ana Ruiz, said", "union president Ana Ruiz said", "a spokeswoman for the
    mayor said", "Ruiz, who has run the clinic since 1998, says"."""
    j = i - 1
    while j >= lo and (
        tokens[j].lower in ADVERBS_NEAR_VERB
        or (tokens[j].lower.endswith("ly") and not tokens[j].is_capitalised)  # Kelly said
        or tokens[j].lower in AUXILIARIES
        or tokens[j].lower == "not"
    ):
        j -= 1
    if j < lo:
        return None
    if tokens[j].text != ",":
        head = _head_before(text, tokens, j, lo)
        return _with_post_modifier(text, tokens, head, lo) if head is not None else None
    # "Name, apposition, said": up to three comma-set pieces between the name and the verb
    # ("Eastman, Director of the study, and Chairman of the Centre, says"; "Thompson,
    # curator at the University of Arkansas, Fayetteville, said").
    end = j
    for _ in range(3):
        k = end - 1
        while k >= lo and tokens[k].text not in ",;:" and not tokens[k].is_quote and end - k < 16:
            k -= 1
        if k < lo or tokens[k].text != "," or k == end - 1:
            if end == j and j - 1 >= lo and (k < lo or tokens[k].text != ","):
                # no comma opens it: a stray one before the verb ("Lydia Buchtmann for
                # Food Standards Australia, says", "The firm Secunia.com, has said")
                head = _head_before(text, tokens, j - 1, lo)
                if head is not None and head.kind != "pronoun":
                    found = _with_post_modifier(text, tokens, head, lo)
                    if found is not None and _index_at(tokens, found.start, lo) == lo:
                        return found
            return None
        found = _before_apposition(text, tokens, k, (k + 1, j), lo)
        if found is not None:
            return found or None
        end = k
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
    if j < lo:
        return False
    multi = any(t.text == "," for t in tokens[inner_a:inner_b])
    role: str | None = None
    if first == "and":
        return None  # "…, Director of the study, and Chairman of …": the name is further back
    if first in ("who", "whose", "which"):
        pass  # a relative clause, not a role: "Ruiz, who has run the clinic, says"
    elif first in ("of", "from"):  # "Mu Li, of the University of Leeds, said"
        role = text[tokens[inner_a + 1].start : tokens[inner_b - 1].end] if (
            inner_b > inner_a + 1) else None
    elif first in PREPOSITIONS:
        pass  # "al-Amr, in remarks to the television, said"
    elif not multi and _is_name_run(tokens, inner_a, inner_b) and not is_name_word(tokens[j]):
        # "Its chair, Ana Ruiz, said": the name speaks, the phrase before is the role
        described = _head_before(text, tokens, j, lo)
        if described is None or not is_role_word(tokens[j].lower):
            return False  # "A quarter of a mile away, Ismail Khan, …" is no role
        named = make_mention(text, tokens, inner_a, inner_b)
        return Mention(named.text, named.start, named.end, "name", described.text)
    elif _role_like(tokens, inner_a, _first_comma(tokens, inner_a, inner_b)):
        first_piece = _first_comma(tokens, inner_a, inner_b)
        role = text[tokens[inner_a].start : tokens[first_piece - 1].end]
    elif not multi:
        return False  # "Clinton, clearly frustrated, responded by …, saying": a clause
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
    return head


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
    if is_name_word(last) or (last.is_capitalised and is_title(last)):
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
               and not tokens[r - 1].is_capitalised and _modifier_word(tokens[r - 1].lower)):
            r -= 1
        if first > r and is_role_word(tokens[first - 1].lower):
            words = text[tokens[r].start : tokens[first - 1].end]
            mention = make_mention(text, tokens, first, j + 1)
            return Mention(mention.text, mention.start, mention.end, mention.kind, role or words)
        return name_mention(text, tokens, a, j + 1, role)
    return _description_back(text, tokens, j, lo, role)


def name_mention(text: str, tokens: list[Token], a: int, b: int, role: str | None = None
                 ) -> Mention:
    """A name, with a role word written before it in capitals split off as its role:
    "Researcher Mu Lin", "Coach Ana Ruiz" (when two name words remain)."""
    if b - a >= 3 and not is_title(tokens[a]) and is_role_word(tokens[a].lower) and (
            tokens[a].lower not in FIRST_NAMES):
        mention = make_mention(text, tokens, a + 1, b)
        return Mention(mention.text, mention.start, mention.end, mention.kind,
                       role or tokens[a].text.lower())
    return make_mention(text, tokens, a, b, role)


_PERSONAL = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "miss"})
_LINKS = frozenset({"of", "for", "from", "at", "with", "in", "to"})  # "a spokeswoman for the mayor"


def _with_post_modifier(text: str, tokens: list[Token], mention: Mention, lo: int
                        ) -> Mention | None:
    """The speaker whose post-modifier ends in `mention`: "Ana Ruiz of the Port Bank",
    "a spokeswoman for the mayor", "Drivers stopped at the border". A phrase after a
    preposition with no head before it is not a subject ("… in Kabul denies")."""
    for _ in range(2):
        a = _index_at(tokens, mention.start, lo)
        if mention.kind == "name" and any(
                t.lower.rstrip(".") in _PERSONAL or t.lower in FIRST_NAMES
                for t in tokens[a : bisect_left(tokens, mention.end, a, key=_start)]):
            return mention  # a person, an office before: "Undersecretary for Education Mr. X"
        p = a - 1
        if p >= lo and tokens[p].lower in ("the", "a", "an") and mention.kind == "name":
            p -= 1  # "of the Port Bank"
        if p < lo or tokens[p].lower not in PREPOSITIONS:
            return mention
        if tokens[p].lower not in _LINKS or p - 1 < lo:
            return None
        q = p - 1
        if q - 1 >= lo and not tokens[q].is_capitalised and tokens[q].lower.endswith(
                ("ed", "ing")) and tokens[q].lower not in AUXILIARIES:
            q -= 1  # a participle: "Drivers stopped at the border"
        head = _head_before(text, tokens, q, lo)
        if head is None or head.kind == "pronoun":
            return None
        if head.kind != "name" or is_organisation(head.text):
            # a description, or a body ("University of Leeds"), takes its modifier along
            kind = "description" if head.kind != "name" else "name"
            head = Mention(text[head.start : mention.end], head.start, mention.end, kind,
                           head.role or mention.role)
        elif mention.role and not head.role:
            head = Mention(head.text, head.start, head.end, head.kind, mention.role)
        mention = head
    return None if _index_at(tokens, mention.start, lo) - 1 >= lo and tokens[
        _index_at(tokens, mention.start, lo) - 1].lower in PREPOSITIONS else mention


def _index_at(tokens: list[Token], offset: int, lo: int) -> int:
    return index_at(tokens, offset, lo)


def _start(token: Token) -> int:
    return token.start


def _is_name_run(tokens: list[Token], a: int, b: int) -> bool:
    return b > a and is_name_word(tokens[a]) and name_end(tokens, a, b) == b


def _modifier_word(low: str) -> bool:
    """A lower-case word that may modify a role noun: "oil and gas", "lead", "head"."""
    return low not in _NOT_MODIFIERS and not low.endswith("ly")


_NOT_MODIFIERS = DETERMINERS | PREPOSITIONS | CLAUSE_WORDS | AUXILIARIES | FIRST_PERSON | (
    PERSONAL_PRONOUNS | TIME_WORDS | {"his", "her", "their", "its", "not", "also", "said",
                                      "says", "told", "to"})
# Who someone is by what they do: "worker", "author", "coach", "chair", "economist".
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee")


def is_role_word(low: str) -> bool:
    return (low in ROLE_NOUNS or low in TITLES or is_person_noun(low)
            or (len(low) > 4 and low.endswith(_AGENT_ENDINGS) and low not in _NOT_MODIFIERS))


_NOT_SPEAKER_HEADS = TIME_WORDS | frozenset("""
way thing things time times fact idea point part lot kind sort number""".split())


def _description_back(
    text: str, tokens: list[Token], j: int, lo: int, role: str | None
) -> Mention | None:
    """A common-noun speaker ending at tokens[j]: "one of the fighters", "Afghans",
    "local witnesses and journalists", "a senior official", "the coach", "tenant
    advocates", "The 31-year-old left winger"."""
    head = tokens[j]
    low = head.lower
    if not head.is_word or low in _NOT_MODIFIERS or low in _NOT_SPEAKER_HEADS:
        return None
    a = j
    while a - 1 >= lo and j - a < 8:
        prev = tokens[a - 1]
        low = prev.lower
        if not prev.is_word or prev.is_quote or low in AUXILIARIES or is_speech_verb(prev):
            break
        if low in CLAUSE_WORDS and low != "and":
            break
        if low in PREPOSITIONS and low != "of":
            break
        a -= 1
        if low in DETERMINERS and not (a - 1 >= lo and tokens[a - 1].lower == "of"):
            break
    # "and" belongs to the phrase only when the phrase runs to a clause boundary.
    words = [t.lower for t in tokens[a : j + 1]]
    if "and" in words and a > lo and tokens[a - 1].is_word:
        a = a + len(words) - words[::-1].index("and")
    if a > j:
        return None
    first = tokens[a].lower
    determined = a < j and (first in DETERMINERS or first in _POSSESSIVES
                            or first.endswith(("'s", "’s")) or first[0].isdigit())
    at_clause_start = a == lo or tokens[a - 1].text in ",;:(" or tokens[a - 1].lower in (
        "and", "but")
    plural = head.lower.endswith("s") and not head.lower.endswith("ss")
    if is_speaking_noun(head.lower):
        return make_mention(text, tokens, a, j + 1, role)
    if not (determined or plural and at_clause_start) or not _noun_phrase(tokens, a, j):
        return None
    return make_mention(text, tokens, a, j + 1, role)


def _noun_phrase(tokens: list[Token], a: int, j: int) -> bool:
    """Whether tokens[a..j], a speaker phrase no word list vouches for, is a noun phrase
    with a noun head by its parts of speech: "the survey", "tenant advocates"; not "The
    first incident came", "the race now moves to Western"."""
    if tag_of(tokens, j) not in (None, "NOUN", "PROPN"):
        return False
    return not any(tag_of(tokens, k) in ("VERB", "AUX") and not tokens[k].lower.endswith(
        ("ed", "ing")) for k in range(a, j))


_POSSESSIVES = frozenset({"his", "her", "their", "its", "our"})


ROLE_NOUNS = frozenset("""
aide ally anchor boss chair chief co-host consultant contender correspondent donor
frontrunner head hopeful host manager nominee operative rival strategist surrogate
columnist coach chef clerk pastor priest nurse surgeon physician scientist analyst
spokesperson representative delegate official staffer veteran resident student
graduate""".split())


def premodified_name(tokens: list[Token], b: int, hi: int) -> tuple[int, int] | None:
    """After a capitalised run, role words and a name: "[Clinton] campaign manager Robby
    Mook", "[Harbour Hawks] head coach Ana Ruiz". Returns the token span of the name."""
    k = b
    while k < hi and k - b < 6 and tokens[k].is_word and not tokens[k].is_capitalised:
        joined = tokens[k].lower == "and" and k > b  # "oil and gas worker"
        if not (_modifier_word(tokens[k].lower) or joined) or is_speech_verb(tokens[k]):
            return None
        k += 1
    if k == b or k >= hi or not (is_name_word(tokens[k]) or is_title(tokens[k])):
        return None
    if not is_role_word(tokens[k - 1].lower):
        return None
    return k, name_end(tokens, k, hi)


def noun_phrase_after(text: str, tokens: list[Token], i: int, hi: int) -> Mention | None:
    """The speaker phrase right after tokens[i]: "said Shariyar Nezami, a militia officer,"
    or "said one of the fighters, grinning"."""
    a = i + 1
    while a < hi and tokens[a].lower in ADVERBS_NEAR_VERB:
        a += 1
    if a >= hi or tokens[a].lower == "that":  # "said that officials …": a clause follows
        return None
    return phrase_at(text, tokens, a, hi)


_FOLLOWERS = frozenset({"for", "of", "from", "with"})  # "a spokeswoman for the mayor"


def phrase_at(text: str, tokens: list[Token], a: int, hi: int, initial: bool = False
              ) -> Mention | None:
    """The speaker phrase that starts at tokens[a]: a pronoun; a name with the role words
    before it ("oil and gas worker Ana Ruiz", "Union president Ana Ruiz") or an apposition
    after it; a description ("the farmer", "a spokeswoman for the mayor"), or a
    description with the name it stands for ("the club's chairman, Tom Berg").
    `initial`: the phrase opens a sentence, so a capitalised word need not be a name."""
    first = tokens[a]
    if first.lower in SPEAKING_PRONOUNS or (initial and first.lower in FIRST_PERSON):
        return make_mention(text, tokens, a, a + 1)
    if not first.is_capitalised:
        named = premodified_name(tokens, a, hi)  # "said oil and gas worker Ana Ruiz"
        if named is not None:
            return _named(text, tokens, named, hi, text[first.start : tokens[named[0] - 1].end])
    group = first.lower.endswith("s") and is_person_noun(first.lower)
    if not group and (is_name_word(first, sentence_initial=initial)
                      or (is_title(first) and first.is_capitalised)):
        b = name_end(tokens, a, hi)
        if not tokens[b - 1].lower.endswith(("'s", "’s")):
            named = premodified_name(tokens, b, hi)  # "RNC spokesman Sean Spicer"
            if named is not None:
                return _named(text, tokens, named, hi,
                              text[tokens[b].start : tokens[named[0] - 1].end])
            if a > 0 and tokens[a - 1].lower == "the" and is_title(tokens[a]):
                a -= 1
            b = _body_nouns(tokens, b, hi)  # "Yonhap news agency"
            return name_mention(text, tokens, a, b, apposition_after(text, tokens, b, hi))
        if initial and not (b < hi and tokens[b].is_word and not tokens[b].is_capitalised):
            return None  # "Trump's grasp of policy …" is about a thing, not a person
    elif not (group or first.lower in DETERMINERS or first.lower in _POSSESSIVES):
        return None
    b = a + 1
    while b < hi and b - a < 10:
        tok = tokens[b]
        low = tok.lower
        if not tok.is_word or low in CLAUSE_WORDS or low in AUXILIARIES or is_speech_verb(tok):
            break
        if low.endswith("ly") or low in TIME_WORDS and not tok.is_capitalised:
            break
        if low in PERSONAL_PRONOUNS or low in FIRST_PERSON:
            break  # "every time he thinks": a clause begins
        if low.endswith(("ed", "ing")) and b > a + 1 and not is_person_noun(low) and not (
                tok.is_capitalised or tokens[b - 1].lower in DETERMINERS):
            break  # "the man running the shop"; but "a fishing cap", "the Morning Herald"
        follows = low in _FOLLOWERS or initial and low in ("in", "at")  # "A man in a cap"
        if low in PREPOSITIONS and not (follows and b + 1 < hi and (
                tokens[b + 1].lower in DETERMINERS or tokens[b + 1].is_capitalised)):
            break
        b += 1
    if b == a + 1 and not group and not first.lower.endswith(("'s", "’s")):
        return None
    if first.lower.endswith(("'s", "’s")) and b == a + 1:
        return None
    if b + 1 < hi and tokens[b].text == "," and is_name_word(tokens[b + 1]):
        end = name_end(tokens, b + 1, hi)
        if end >= hi or tokens[end].text in ",.;":
            # "said the farmer, Joost Brandt": the name speaks, the description is the role
            named = make_mention(text, tokens, b + 1, end)
            return Mention(named.text, named.start, named.end, "name",
                           text[first.start : tokens[b - 1].end])
    return make_mention(text, tokens, a, b, apposition_after(text, tokens, b, hi))


def _body_nouns(tokens: list[Token], b: int, hi: int) -> int:
    """After a name, the lower-case nouns that make it a body: "Yonhap news agency",
    "Lakeside school board". Returns the new end of the name."""
    k = b
    while k < hi and k - b < 3 and tokens[k].is_word and not tokens[k].is_capitalised and (
            _modifier_word(tokens[k].lower)):
        k += 1
        if tokens[k - 1].lower in ORG_NOUNS:
            return k
    return b


def _named(text: str, tokens: list[Token], span: tuple[int, int], hi: int, role: str
           ) -> Mention:
    mention = make_mention(text, tokens, *span)
    return Mention(mention.text, mention.start, mention.end, "name",
                   role or apposition_after(text, tokens, span[1], hi))


_APPOSITION_ENDS = frozenset({",", ".", ";", ":", "(", ")", "—", "–"})


def apposition_after(text: str, tokens: list[Token], b: int, hi: int) -> str | None:
    """", a militia officer," after a name: the role, if what follows the comma is one."""
    if b >= hi or tokens[b].text != ",":
        return None
    a = b + 1
    k = a
    while k < hi and tokens[k].text not in _APPOSITION_ENDS and not tokens[k].is_quote:
        if tokens[k].lower in ("who", "which", "whose", "that") or (
            k > a and (tokens[k].lower in AUXILIARIES or is_speech_verb(tokens[k]))
        ):
            break
        k += 1
    if k == a or k < hi and tokens[k].text not in _APPOSITION_ENDS and not tokens[k].is_quote:
        return None  # not closed: a clause ("…, Basya also believes"), not an apposition
    if not _role_like(tokens, a, k) or tokens[a].text.isdigit() and k - a == 1:
        return None  # a clause, or an age ("Ahmed, 27,")
    return text[tokens[a].start : tokens[k - 1].end]


def _role_like(tokens: list[Token], a: int, b: int) -> bool:
    """Whether tokens[a:b] (between commas) can be a role: "a militia officer", "director
    of news at Volant Media"; not a clause ("the blaze started in a kitchen", "clearly
    frustrated", "responded by pointing")."""
    first = tokens[a].lower
    if b - a > 14 or first in CLAUSE_WORDS or first in PREPOSITIONS or first in AUXILIARIES:
        return False
    if first in PERSONAL_PRONOUNS or first in FIRST_PERSON or first == "it" or (
            is_speech_verb(tokens[a])):
        return False
    if first.endswith(("ing", "ed", "ly")) and not is_role_word(first):
        return False
    for t, nxt in zip(tokens[a : b - 1], tokens[a + 1 : b], strict=True):
        if t.lower.endswith("ed") and (nxt.lower in PREPOSITIONS or nxt.lower in DETERMINERS):
            return False
    return True
