"""The speaker phrase read forward from a token: after an inverted speech verb ("said
Shariyar Nezami, a militia officer,"), at the start of a sentence ("Union president Ana
Ruiz said"), or after a quote ("…,” the farmer, Joost Brandt, said.")."""

from __future__ import annotations

from quoteidx.finding.descriptions import (
    OWNER_WORDS,
    is_acronym,
    is_many_people,
    is_role_word,
    modifier_word,
)
from quoteidx.finding.lexicon import (
    ADVERBS_NEAR_VERB,
    ARTICLES,
    AUXILIARIES,
    CLAUSE_WORDS,
    DETERMINERS,
    FIRST_PERSON,
    IRREGULAR_PASTS,
    NAME_PARTICLES,
    PERSONAL_PRONOUNS,
    POSSESSIVE_ENDS,
    PREPOSITIONS,
    SOURCE_MODIFIERS,
)
from quoteidx.finding.names import (
    SPEAKING_PRONOUNS,
    Mention,
    is_name_word,
    is_organisation,
    is_title,
    make_mention,
    month_surname,
    name_end,
    name_run_back,
    party_body,
)
from quoteidx.finding.occasions import is_occasion
from quoteidx.finding.office_words import ORG_NOUNS
from quoteidx.finding.offices import NO_OFFICE_TAGS, name_mention, opens_office, role_words_end
from quoteidx.finding.roles import (
    apposition_after,
    district_holder,
    name_given,
    named_in,
    numbered_office,
)
from quoteidx.finding.tokens import (
    TIME_WORDS,
    Token,
    is_person_noun,
    is_speech_verb,
    modifies_noun,
    tag_of,
)


def _has_verb(tokens: list[Token], a: int, b: int) -> bool:
    """Whether tokens[a:b] hold a clause's verb with its object ("lost 38,000 jobs",
    "fell in May", "was the customer"), so that they are no description of a name after
    them."""
    return any(tokens[i].lower in IRREGULAR_PASTS or tokens[i].text.islower() and i + 1 < b and (
        tag_of(tokens, i) == "VERB" and not tokens[i].lower.endswith("ing")
        and tag_of(tokens, i + 1) in ("DET", "NUM", "PRON")
        or tokens[i].lower in _BEFORE_A_VERB and tag_of(tokens, i + 1) == "VERB")
        or tokens[i].lower in ("is", "was", "are", "were") for i in range(a, b))


# Adverbs that stand before a clause's verb: "The court also heard from the informant".
_BEFORE_A_VERB = frozenset({"also", "then", "later", "again", "never", "already"})


def premodified_name(tokens: list[Token], b: int, hi: int, loose: bool = False
                     ) -> tuple[int, int] | None:
    """After a capitalised run, role words and a name: "[Acme] campaign manager Tom
    Berg", "[Harbour Hawks] head coach Ana Ruiz". Returns the token span of the name.
    `loose`: right after a speech verb, where lower-case words before a name can only
    say what the person is, whatever the noun ("said longtime widow Ana Ruiz")."""
    k = b
    # lower-case words, or capitalised ones that are never names ("Democratic")
    while k < hi and k - b < 6 and tokens[k].is_word and not (
            tokens[k].is_capitalised and tokens[k].name_like and not _joined_office(tokens, k, b)):
        joined = k > b and (tokens[k].lower == "and" or tokens[k].lower == "of" and (
            is_role_word(tokens[k - 1].lower) or is_title(tokens[k - 1]) or loose))
        # "oil and gas worker", "former secretary of state Hillary Clinton"
        if not (modifier_word(tokens[k].lower) or joined) or is_speech_verb(tokens[k]) and (
                tokens[k - 1].lower != "of" and not modifies_noun(tokens, k)):
            # (after "of", a noun: "secretary of state"; "state Sen. Tom Berg")
            return None
        if tokens[k].is_capitalised and tag_of(tokens, k) in NO_OFFICE_TAGS:
            return None  # capitalised as it opens the sentence: "Perhaps Mr. Berg's …"
        k += 1
    if k == b or k >= hi or not (is_name_word(tokens[k]) or is_title(tokens[k])):
        return None
    if b > 0 and tokens[b - 1].is_capitalised and any(
            tokens[i].lower.endswith("ed") and tag_of(tokens, i) == "VERB" for i in range(b, k)):
        return None  # "Mr. Carson endorsed Mr. Trump": a past tense between two names
    end = name_end(tokens, k, hi)
    # "former [Massachusetts] congressman Barney Frank": a place or a body between the
    # modifiers and the role words, the name after them
    named = premodified_name(tokens, end, hi, loose) if end > k else None
    if named is not None:
        return named
    if party_body(tokens, k):
        return None  # "Republican National Committee": a body, not a Republican named so
    titled = is_title(tokens[k])
    if titled and k + 1 < end and all(t.is_capitalised for t in tokens[b:k]):
        k += 1  # "Senate Majority Leader Tom Berg": the title ends the office's words
    last = tokens[k - 1].lower
    if _joined_office(tokens, k - 1, b):
        last = tokens[k - 3].lower  # "president and CEO": the role word before "and"
    if not is_role_word(last) and not titled and not (
            loose and (not last.endswith(("s", "ed", "ing")) or k - 2 >= b and tokens[
                k - 2].lower == "of")):  # ("said master of ceremonies Ana Ruiz")
        # (a title ends the office's words: "Senate Majority Leader Tom Berg")
        return None
    return k, end


def _joined_office(tokens: list[Token], k: int, b: int) -> bool:
    """Whether tokens[k] is an office in capitals joined to a lower-case role word:
    "president and CEO Ana Ruiz", "chair and CEO" (not a name's first word)."""
    return k - 2 >= b and tokens[k - 1].lower == "and" and tokens[k].text.isupper() and (
        2 <= len(tokens[k].text) <= 4) and is_role_word(tokens[k - 2].lower) and (
        tokens[k - 2].text.islower())


def named_ing(tokens: list[Token], a: int, hi: int) -> bool:
    """Whether a capitalised word in -ing opening a sentence is a name, not a participle:
    "Schilling said", "Ebeling reminisced" (a verb follows), "Housing Minister Ana Ruiz"
    (a portfolio before its title), not "Speaking Tuesday, …"."""
    return tokens[a].lower.endswith("ing") and a + 1 < hi and (
        is_speech_verb(tokens[a + 1]) or tokens[a + 1].lower.endswith("ed")
        and tag_of(tokens, a + 1) == "VERB" or is_title(tokens[a + 1])
        and tokens[a + 1].is_capitalised)


def noun_phrase_after(text: str, tokens: list[Token], i: int, hi: int) -> Mention | None:
    """The speaker phrase right after tokens[i]: "said Shariyar Nezami, a militia officer,"
    or "said one of the fighters, grinning"."""
    a = i + 1
    while a < hi and tokens[a].lower in ADVERBS_NEAR_VERB:
        a += 1
    if a >= hi or tokens[a].lower == "that":  # "said that officials …": a clause follows
        return None
    return phrase_at(text, tokens, a, hi)


_FOLLOWERS = frozenset({"for", "of", "from", "with", "behind"})  # "a spokeswoman for the mayor"


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
    if is_acronym(first) and not first.name_like and not is_role_word(first.lower) and (
            a + 1 >= hi or not tokens[a + 1].is_word or is_speech_verb(tokens[a + 1])):
        # "said UNICEF.", "“…,” UNICEF said" (not "said RNC spokesman Sean Spicer")
        return Mention(first.text, first.start, first.end, "name")
    if first.lower in NAME_PARTICLES and first.text.islower() and a + 1 < hi:
        b = name_end(tokens, a, hi)  # a name opening on its particle: "de Villa said"
        if a + 1 < b <= a + 4 and is_name_word(tokens[b - 1]):
            return name_mention(text, tokens, a, b, apposition_after(text, tokens, b, hi))
    if not first.is_capitalised or not first.name_like:
        # "said oil and gas worker Ana Ruiz", "Democratic presidential candidate Ana Ruiz"
        named = premodified_name(tokens, a, hi, loose=a > 0 and is_speech_verb(tokens[a - 1]))
        if named is not None:
            last = role_words_end(tokens, named)
            return _named(text, tokens, (last + 1, named[1]), hi,
                          text[first.start : tokens[last].end])
    group = first.lower.endswith("s") and is_person_noun(first.lower)
    initial = initial and not named_ing(tokens, a, hi)
    if not group and (is_name_word(first, sentence_initial=initial)
                      or (is_title(first) and first.is_capitalised) or month_surname(tokens, a)):
        b = name_end(tokens, a, hi)
        if numbered_office(tokens, b + 1, hi):
            # "Ward 4 Coun. Ana Ruiz", "District 7 Trustee Tom Berg": a ward's office
            named = make_mention(text, tokens, b + 2, name_end(tokens, b + 2, hi))
            return Mention(named.text, named.start, named.end, named.kind,
                           text[first.start : tokens[b + 1].end])
        held = district_holder(tokens, b, hi) if b < hi else None
        if held is not None:  # "NDP MLA for Dartmouth South Claudia Chender"
            named = make_mention(text, tokens, *held)
            return Mention(named.text, named.start, named.end, named.kind,
                           text[first.start : tokens[held[0] - 1].end])
        if not tokens[b - 1].lower.endswith(POSSESSIVE_ENDS):
            named = premodified_name(tokens, b, hi)  # "RNC spokesman Sean Spicer"
            if named is not None:
                # the sentence's first word before a lower-case role is the role's too
                # ("Opposition leader Tom Berg", "Chief executive Ana Ruiz")
                opening = initial and b == a + 1 and opens_office(tokens, a)
                last = role_words_end(tokens, named)
                return _named(text, tokens, (last + 1, named[1]), hi, text[
                    tokens[a if opening else b].start : tokens[last].end])
            if a > 0 and tokens[a - 1].lower == "the" and is_title(tokens[a]):
                a -= 1
            b = _body_nouns(tokens, b, hi)  # "Harwick news agency"
            return name_mention(text, tokens, a, b, apposition_after(text, tokens, b, hi))
        if initial and not (b < hi and tokens[b].is_word and not tokens[b].is_capitalised):
            return None  # "Ruiz's grasp of policy …" is about a thing, not a person
    elif not (group or first.lower in DETERMINERS or first.lower in OWNER_WORDS):
        return None
    b = a + 1
    while b < hi and b - a < 10:
        tok = tokens[b]
        low = tok.lower
        if tok.text == "," and _adjectives_in_a_row(tokens, a, b, hi):
            b += 1  # "the bespectacled, 71-year-old diplomat"
            continue
        if not tok.is_word or low in CLAUSE_WORDS or low in AUXILIARIES or is_speech_verb(
                tok) and tokens[b - 1].lower not in ARTICLES:  # (but "the alleged victims")
            break
        if (low.endswith("ly") or low in TIME_WORDS) and not tok.is_capitalised:
            break  # (an adverb, not "the National Assembly")
        if low in PERSONAL_PRONOUNS or low in FIRST_PERSON:
            break  # "every time he thinks": a clause begins
        source_link = low in SOURCE_MODIFIERS and b + 1 < hi and tokens[b + 1].lower in (
            PREPOSITIONS)  # "a source close to the talks", "an official briefed on them"
        if low.endswith(("ed", "ing")) and b > a + 1 and not is_person_noun(low) and not (
                tok.is_capitalised or tokens[b - 1].lower in DETERMINERS or source_link):
            break  # "the man running the shop"; but "a fishing cap", "the Morning Herald"
        follows = low in _FOLLOWERS or low in ("in", "at", "inside") and (
            initial or not is_occasion(tokens, b, hi)) or (  # ("said a source in the room")
            tokens[b - 1].lower in SOURCE_MODIFIERS)  # "A man in a cap", "a source close to
        after_article = tokens[b - 1].lower in ARTICLES  # an adjective: "an inside source"
        if low in PREPOSITIONS and not after_article and not (follows and b + 1 < hi and (
                tokens[b + 1].lower in DETERMINERS or tokens[b + 1].is_capitalised)):
            break
        b += 1
    if b == a + 1 and not group and not first.lower.endswith(POSSESSIVE_ENDS):
        return None
    named_at = _role_then_name(tokens, a + 1, b)
    if named_at is not None:
        # "The district chairman Tom Berg declined …": the name, its role before it
        return _named(text, tokens, (named_at, b), hi,
                      text[tokens[a + 1].start : tokens[named_at - 1].end])
    if first.lower.endswith(POSSESSIVE_ENDS) and b == a + 1:
        return None
    c = b
    if c < hi and tokens[c].text == "(":  # "the head of ICC (the Island Chess Club), Berg"
        c = next((i + 1 for i in range(c + 1, min(hi, c + 9)) if tokens[i].text == ")"), c)
    elif c < hi and tokens[c].lower in _FOLLOWERS and is_role_word(tokens[c - 1].lower):
        c = _bare_complement(tokens, c, hi)  # "The director of education, Dr. Sam Achter"
        b = c if c + 1 < hi and tokens[c].text == "," and is_name_word(tokens[c + 1]) else b
    if c + 1 < hi and tokens[c].text == "," and is_name_word(tokens[c + 1]) and not (
            _has_verb(tokens, a + 1, b)):  # (not "The economy lost 38,000 jobs, StatCan said")
        end = name_end(tokens, c + 1, hi)
        if end + 1 < hi and tokens[end].lower == "and" and is_name_word(tokens[end + 1]) and (
                is_many_people(tokens[b - 1].lower)):  # "The couple, Ana and Tom Berg, said"
            end = name_end(tokens, end + 1, hi)
        if end >= hi or tokens[end].text in ",.;" or is_speech_verb(tokens[end]) and not (
                end + 1 < hi and tokens[end + 1].text == ","):
            # (not "The museum, Mr. Bush said, celebrated …": his words about the museum)
            # "said the farmer, Joost Brandt": the name speaks, the description is the role
            # (also before the verb, its closing comma left out: "another friend, Ana
            # Ruiz told CNN")
            named = make_mention(text, tokens, c + 1, end)
            return Mention(named.text, named.start, named.end, "name",
                           text[first.start : tokens[b - 1].end])
    if b + 1 < hi and first.lower in ("a", "an") and is_name_word(tokens[b + 1]) and (
            tokens[b].lower == "named" and is_role_word(tokens[b - 1].lower)
            or tokens[b].lower == "called" and tokens[b - 1].lower in ORG_NOUNS):
        # "said a nurse named Ana Ruiz", "said a group called Harbour Watch": the name
        # speaks (not "one lawmaker called Trump …": a person "called" is the verb's)
        end = name_end(tokens, b + 1, hi)
        return _named(text, tokens, (b + 1, end), hi, text[tokens[a].start : tokens[b - 1].end])
    described = _described_name(tokens, a, b)
    if described is not None:  # "a smiling Trump said": Trump
        return make_mention(text, tokens, described, b, apposition_after(text, tokens, b, hi))
    if b + 1 < hi and tokens[b].text == "," and tokens[b + 1].lower == "who":
        ends = [i for i in range(b + 2, min(hi, b + 20)) if tokens[i].text in ",.;"] + [hi]
        given = next((g for close in ends[:3] if (g := name_given(text, tokens, b + 1, close))),
                     None)
        if given is not None:  # "said one resident, who gave only her first name, Lorraine"
            return Mention(given.text, given.start, given.end, "name",
                           text[first.start : tokens[b - 1].end])
    role = apposition_after(text, tokens, b, hi)
    if role:  # "said one resident, a retiree named Tom Berg": Tom Berg, a retiree
        end = next((i for i in range(b + 1, hi) if tokens[i].start >= tokens[b + 1].start
                    + len(role)), hi)
        named = named_in(text, tokens, b + 1, end)
        if named is not None:
            return named
    return make_mention(text, tokens, a, b, role)


def _bare_complement(tokens: list[Token], c: int, hi: int) -> int:
    """Past "of education", "for public safety": a preposition and up to three lower-case
    words with no article, ending at a comma. Returns where they end, else `c`."""
    k = c + 1
    while k < hi and k - c <= 3 and tokens[k].is_word and tokens[k].text.islower() and (
            tokens[k].lower not in CLAUSE_WORDS and tokens[k].lower not in AUXILIARIES
            and tokens[k].lower not in DETERMINERS and tokens[k].lower not in OWNER_WORDS
            and not is_speech_verb(tokens[k])):
        k += 1
    return k if c + 1 < k < hi and tokens[k].text == "," else c


def _described_name(tokens: list[Token], a: int, b: int) -> int | None:
    """Where the name starts in "a smiling Trump", "an angry Ana Ruiz": an article, then
    adjectives only, then a person's name closing the phrase; else None."""
    if tokens[a].lower not in ARTICLES or b - a < 3 or not is_name_word(tokens[b - 1]):
        return None
    s = name_run_back(tokens, b - 1, a + 1)
    if s <= a + 1 or is_organisation(" ".join(t.text for t in tokens[s:b])):
        return None
    return s if all(t.is_word and t.text.islower() and (t.lower.endswith(("ing", "ed")) or (
        "-" in t.text) or tag_of(tokens, i) == "ADJ") for i, t in enumerate(
            tokens[a + 1 : s], start=a + 1)) else None


def _adjectives_in_a_row(tokens: list[Token], a: int, comma: int, hi: int) -> bool:
    """Whether the comma at tokens[comma] parts two adjectives of the description an
    article opens at tokens[a] ("the tall, quiet engineer")."""
    if tokens[a].lower not in ("a", "an", "the") or not a + 1 < comma < hi - 2:
        return False
    before, after = tokens[comma - 1], tokens[comma + 1]
    adjective = tag_of(tokens, comma - 1) == "ADJ" or (
        comma == a + 2 and before.lower.endswith("ed"))  # "the bespectacled,"
    return adjective and after.is_word and not after.is_capitalised and tag_of(
        tokens, comma + 1) in ("ADJ", "NUM") and tokens[comma + 2].lower not in (
        "than", "of")  # ("According to the collective, more than 200 came": the claim's)


def _role_then_name(tokens: list[Token], a: int, b: int) -> int | None:
    """Where the name starts in tokens[a:b] when they are lower-case role words and then
    a name running to b ("district chairman Tom Berg"), else None."""
    f = a
    while f < b and tokens[f].is_word and not tokens[f].is_capitalised:
        f += 1
    if f == a or f >= b or not is_role_word(tokens[f - 1].lower) or not is_name_word(
            tokens[f]) or party_body(tokens, f):
        return None
    return f if name_end(tokens, f, b) == b else None


def _body_nouns(tokens: list[Token], b: int, hi: int) -> int:
    """After a name, the lower-case nouns that make it a body: "Harwick news agency",
    "Lakeside school board". Returns the new end of the name."""
    k = b
    while k < hi and k - b < 3 and tokens[k].is_word and not tokens[k].is_capitalised and (
            modifier_word(tokens[k].lower)):
        k += 1
        if tokens[k - 1].lower in ORG_NOUNS:
            return k
    return b


def _named(text: str, tokens: list[Token], span: tuple[int, int], hi: int, role: str
           ) -> Mention:
    mention = make_mention(text, tokens, *span)
    return Mention(mention.text, mention.start, mention.end, "name",
                   role or apposition_after(text, tokens, span[1], hi))


