"""Whether the words after a speech verb open a clause of their own ("said police were
late", "said more fines could follow") or are its object ("said goodbye", "added two
late goals"): read from the words' forms first, and from the tagger where they cannot tell."""

from __future__ import annotations

from quoteidx.finding.lexicon import (
    AUXILIARIES,
    CLAUSE_WORDS,
    DEMONSTRATIVES,
    IRREGULAR_PASTS,
    PREPOSITIONS,
)
from quoteidx.finding.marks import OPENING_MARKS
from quoteidx.finding.names import is_name_word
from quoteidx.finding.tokens import Token, tag_of

BE_FORMS = frozenset({"was", "were", "is", "are", "been", "being", "be", "am"})


SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "there"})


FINITE = AUXILIARIES | frozenset("""
isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't won't wouldn't can't
cannot couldn't shouldn't mustn't""".split())


_QUANTITY_LEADS = frozenset({("at", "least"), ("at", "most"), ("more", "than"),
                             ("fewer", "than"), ("less", "than"), ("up", "to")})
# Words for "approximately" before a number; "about" and "around" are prepositions
# otherwise ("said about the plan").
_ROUGHLY = frozenset({"about", "around", "nearly", "almost", "roughly", "some"})
_NUMBER_WORDS = frozenset("""two three four five six seven eight nine ten dozen dozens
hundreds thousands millions half""".split())
_PARTS = frozenset("""third thirds quarter quarters fifth fifths tenth tenths dozen hundred
thousand million billion""".split())
_SPANS_OF_TIME = frozenset("""second seconds minute minutes hour hours day days week weeks
month months year years decade decades ago""".split())


def past_quantity_lead(tokens: list[Token], m: int, end: int) -> int:
    """Past the words that lead a subject's quantity ("reported at least six planes
    filled the sky", "said about half of the losses came from …"): where the number
    starts, or `m`. Not before a span of time ("said about two weeks ago that …")."""
    if m + 2 < end and (tokens[m].lower, tokens[m + 1].lower) in _QUANTITY_LEADS:
        lead = m + 2
    elif m + 1 < end and tokens[m].lower in _ROUGHLY:
        lead = m + 1
    else:
        return m
    number = tokens[lead]
    if not (number.text[:1].isdigit() or number.lower in _NUMBER_WORDS or number.lower in (
            "a", "an", "one", "two") and lead + 1 < end and tokens[lead + 1].lower in _PARTS):
        return m  # (a part: "more than a third of the nurses had quit")
    if lead + 1 < end and tokens[lead + 1].lower in _SPANS_OF_TIME:
        return m
    return lead


def clause_follows(tokens: list[Token], m: int, end: int) -> bool:
    """Whether tokens[m:end] open a clause of their own ("police were late", "more fines
    could follow", "he’s leaving") rather than an object ("goodbye", "two late goals"):
    a subject pronoun, or a short subject then a finite verb."""
    if m >= end:
        return False
    m = past_quantity_lead(tokens, m, end)
    if m + 1 < end and tokens[m + 1].is_quote and not tokens[m].is_word:
        return True  # `said “it gets me mad” every time …`: the speaker's words lead it
    if m + 2 < end and tokens[m + 2].is_quote and tokens[m + 1].text in OPENING_MARKS and (
            tag_of(tokens, m) == "NOUN"):
        return True  # `said things “should be wrapped up”`: a subject, its quoted verb
    if m + 3 < end and tokens[m + 3].is_quote and tokens[m + 2].text in OPENING_MARKS and (
            tokens[m].lower in ("the", "his", "her", "their", "its", "our", "my")) and (
            tag_of(tokens, m + 1) == "NOUN"):
        return True  # `acknowledged her team “took the foot off the gas”`
    first = tokens[m].lower.replace("’", "'")
    if first.split("'")[0] in SUBJECT_PRONOUNS:
        return True
    if first in DEMONSTRATIVES and m + 1 < end and (
            tokens[m + 1].lower.replace("’", "'") in FINITE):
        return True  # "told reporters this was the only chance": a demonstrative subject
    if first in _INDEFINITES and _finite_before_a_break(tokens, m + 1, end):
        return True  # "said anybody who complains is weak" (not "said nothing about it")
    if tokens[m].lower in PREPOSITIONS or tokens[m].lower in CLAUSE_WORDS:
        return False
    marked = None  # where a quoted word in the subject is (`Ruiz’s “judgment” is …`)
    for k in range(m + 1, min(end, m + 10)):
        tok = tokens[k]
        low = tok.lower.replace("’", "'")
        if low in FINITE:
            return True
        if tok.text in ".!?":
            break  # the sentence ends: a short clause ("people misunderstand him."), ask
        if tok.text == "," and k + 1 < end and tokens[k + 1].lower in ("who", "which") and (
                _finite_after_aside(tokens, k + 1, end)):
            return True  # "said members at rural sites, who are covered by …, will vote"
        if tok.text in ("“", "”", '"'):
            marked = k if marked is None else marked
        elif not (tok.is_word or tok.is_quote or tok.text in ("-", "’", "'", "$", "£", "€", "%")
                  or _in_number(tokens, k) or _in_name_list(tokens, k, end)
                  or _between_adjectives(tokens, k) or _age_aside(tokens, k)):
            # a comma or a dash: a clause only if a subject and its verb in lower case came
            # before it, right after the verb ("said investigators identified 23 victims,
            # most of them …"; not "as the poll showed, …", "mentions its defense of
            # Planned Parenthood, …")
            return tok.text == "," and marked is None and m > 0 and tokens[m - 1].is_word and any(
                tag_of(tokens, i) in ("VERB", "AUX") and tokens[i].text.islower()
                for i in range(m + 1, k)) and tagged_clause(tokens, m, k)
        if low in ("who", "that") and k > m and _relative_then_finite(tokens, k, end):
            return True  # "said workers who lost jobs would get help": past the relative
        if low in CLAUSE_WORDS and not (low == "and" and k + 1 < end and (
                tokens[k + 1].lower in ("the", "a", "an", "his", "her", "their", "its")
                or is_name_word(tokens[k + 1]))):
            # (not "threats and the promotion of hate had …", "Ruiz and Berg were": one
            # subject)
            break  # "resources and kits would …", "fisherman first noticed … and": ask
    # past quote marks only a plain finite verb shows the clause (the tagger reads the
    # words around a mark poorly); before them, a present verb's tag may (`residents want
    # “a plan”`; not a participle: `a book called “Women Who Work”`)
    if marked is None:
        return tagged_clause(tokens, m, end)
    verb = tokens[marked - 1]
    return marked - 1 > m and tag_of(tokens, marked - 1) == "VERB" and not verb.lower.endswith(
        ("ed", "ing")) and verb.lower not in IRREGULAR_PASTS and tagged_clause(tokens, m, marked)


def _finite_after_aside(tokens: list[Token], w: int, end: int) -> bool:
    """Whether the relative clause set in commas from tokens[w] is followed by a finite
    verb or auxiliary: the verb of the subject it describes."""
    close = next((c for c in range(w + 2, min(end, w + 16)) if tokens[c].text in ",;:"), None)
    return close is not None and tokens[close].text == "," and close + 1 < end and (
        tokens[close + 1].lower.replace("’", "'") in FINITE)


def _relative_then_finite(tokens: list[Token], w: int, end: int) -> bool:
    """Whether the relative clause opened at tokens[w] after a noun ("workers who lost
    jobs") has its own verb, then a finite verb follows it before any break: the
    subject's ("… would get help")."""
    if tag_of(tokens, w - 1) != "NOUN" or w + 2 >= end:
        return False
    first = tokens[w + 1].lower
    own = tag_of(tokens, w + 1) == "VERB" or first in FINITE
    for k in range(w + 2, min(end, w + 9)):
        tok = tokens[k]
        if not tok.is_word:
            return False
        if tok.lower in FINITE:
            # (not "who have been", "who are hurt will": no clear end of the relative)
            return own and not (first in FINITE and tag_of(tokens, k - 1) not in (
                "NOUN", "PROPN"))
        if own and k > w + 2 and tok.lower.endswith("s") and tag_of(tokens, k) == "VERB" and (
                tag_of(tokens, k - 1) in ("NOUN", "PROPN")):
            return True  # "the vessel that serves the route needs a new part"
    return False


_INDEFINITES = frozenset("""anybody anyone everybody everyone nobody somebody someone
everything nothing something anything""".split())


def _finite_before_a_break(tokens: list[Token], k: int, end: int) -> bool:
    """Whether an auxiliary or modal (or a quote, which may hold one) comes before any
    other punctuation in tokens[k:end]."""
    for i in range(k, min(end, k + 12)):
        if tokens[i].lower.replace("’", "'") in FINITE or tokens[i].is_quote:
            return True
        if not tokens[i].is_word and tokens[i].text not in OPENING_MARKS:
            return False
    return False


def _degree(tokens: list[Token], k: int, end: int) -> bool:
    """ "so many", "as much": a degree word in a noun phrase, not a clause word."""
    return tokens[k].lower in ("so", "as") and k + 1 < end and tokens[k + 1].lower in (
        "many", "much", "few", "little")


SUBJECT_TAGS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "ADV", "PART"})


HEAD_TAGS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def tagged_clause(tokens: list[Token], m: int, end: int) -> bool:
    """The part-of-speech reading of clause_follows, for a clause whose verb no word list
    knows: a noun phrase, then a verb ("police arrested him", "managers ignored the
    rules", "roughly half the staff voted"), not a noun phrase alone ("two late goals")."""
    if tag_of(tokens, m) is None:
        return False
    head = False
    links = 0  # prepositions and conjunctions inside the subject: one at most
    most_links = 1
    start = m
    if tokens[m].lower.endswith("ing") and not tokens[m].is_capitalised and tag_of(
            tokens, m) == "VERB":
        start = m + 1  # a gerund heads the subject: "seeing so many police … was welcome"
        most_links = 2  # with its object's phrases: "having Ruiz at the top of the list puts"
    joins = ("and", "or", "nor") if tokens[m].lower in ("neither", "either") else ("and", "or")
    if len(joins) == 3:
        start = m + 1  # "neither the nominee nor her campaign helped"
    for k in range(start, min(end, m + 14)):
        if head and (_age_aside(tokens, k) or tokens[k].text.isdigit() and _age_aside(
                tokens, k - 1)):
            continue  # "the man, 34, drove": his age, set off in the subject
        part = tag_of(tokens, k)
        if tokens[k].lower in CLAUSE_WORDS and tokens[k].lower not in joins and not (
                _degree(tokens, k, end)):
            return False  # "the locations that would …": a relative clause in an object
        if part in ("VERB", "AUX"):
            if head and tokens[k].lower.endswith("ing") and k + 1 < end:
                most_links = 2  # with its own phrases: "residents living near X in Y cast"
                continue  # a participle inside the subject: "drivers crossing the bridge"
            return head and tokens[k - 1].lower != "to" and not (  # "a process to say"
                tokens[k - 1].lower.endswith("ly") and tokens[k - 2].lower == "to")
        if part in HEAD_TAGS:
            head = True
        elif head and part == "CCONJ" and tag_of(tokens, k - 1) == "NOUN" and tag_of(
                tokens, k + 1) == "NOUN" and links:
            continue  # two nouns joined inside the phrase: "people with asthma or allergies"
        elif head and part in ("ADP", "CCONJ") and links < most_links:
            links += 1  # "resources and kits would", "Warhol's obsession with stars began"
        elif part not in SUBJECT_TAGS and tokens[k].text not in ("-", "’", "'", "$") and not (
                _in_number(tokens, k)):
            return False
    return False


def _age_aside(tokens: list[Token], k: int) -> bool:
    """Whether tokens[k] is a comma around an age set after a subject: "the man, 34,
    drove …"."""
    if tokens[k].text != ",":
        return False
    n = len(tokens)
    return (k + 2 < n and tokens[k + 1].text.isdigit() and len(tokens[k + 1].text) <= 3
            and tokens[k + 2].text == ",") or (
        k >= 2 and tokens[k - 1].text.isdigit() and len(tokens[k - 1].text) <= 3
        and tokens[k - 2].text == ",")


def _between_adjectives(tokens: list[Token], k: int) -> bool:
    """Whether tokens[k] is a comma between two adjectives of one noun: "new, cheaper
    units will be built"."""
    return tokens[k].text == "," and 0 < k < len(tokens) - 1 and tag_of(
        tokens, k - 1) == "ADJ" and tag_of(tokens, k + 1) == "ADJ"


def _in_name_list(tokens: list[Token], k: int, end: int) -> bool:
    """Whether tokens[k] is a comma between names in a list ("Ruiz, Berg and Kaya"):
    names run from it to an "and" or "or" before one more name (not "the Cavaliers,
    Cleveland felt …")."""
    if tokens[k].text != "," or k == 0 or not is_name_word(tokens[k - 1]):
        return False
    i = k + 1
    while i < end - 1 and (is_name_word(tokens[i]) or tokens[i].text == ","):
        i += 1
    return i > k + 1 and i < end - 1 and tokens[i].lower in ("and", "or") and (
        is_name_word(tokens[i + 1]))


def _in_number(tokens: list[Token], k: int) -> bool:
    """Whether tokens[k] is the comma grouping a number's digits ("34,570")."""
    tok = tokens[k]
    return tok.text == "," and 0 < k < len(tokens) - 1 and tokens[k - 1].end == tok.start and (
        tokens[k + 1].start == tok.end and tokens[k - 1].text[-1:].isdigit()
        and tokens[k + 1].text[:1].isdigit())


def phrase_then_clause(tokens: list[Token], m: int, end: int) -> bool:
    """Whether tokens[m:end] open with a short phrase set off by a comma and then a clause:
    "estimated by 2050, demand would double" (the phrase is part of what was said)."""
    if m >= end or tokens[m].lower not in PREPOSITIONS:
        return False
    comma = next((i for i in range(m + 1, min(end, m + 6)) if tokens[i].text == ","), None)
    if comma is None or any(not t.is_word for t in tokens[m + 1 : comma]):
        return False
    return clause_follows(tokens, comma + 1, end) or tagged_clause(tokens, comma + 1, end)
