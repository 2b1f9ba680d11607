"""The claim a speech verb reports forward, from the words after it: "X said (that) …",
"X told The New Arab that …", "X said in a speech she would run", "X denies the charges"
(the subject is found by the caller, quoteidx.finding.claims)."""

from __future__ import annotations

from quoteidx.finding.claim_ends import another_voice, closing_gloss, trailing_participle
from quoteidx.finding.clause_or_object import (
    FINITE,
    clause_follows,
    past_quantity_lead,
    phrase_then_clause,
)
from quoteidx.finding.clauses import (
    MIN_CONTENT_WORDS,
    after_phrase,
    denied_object,
    end_in_quote,
    names_a_work,
    object_end,
    quoted_words,
    skip_time,
    subordinate_end,
    that_ahead,
    trim_end,
)
from quoteidx.finding.directives import REQUEST_FORMS, request_claim
from quoteidx.finding.lexicon import (
    ACCUSE_VERBS,
    ADVERBS_NEAR_VERB,
    ARTICLES,
    AUXILIARIES,
    DEMONSTRATIVES,
    DETERMINERS,
    IRREGULAR_PASTS,
    OBJECT_CLAIM_VERBS,
    PERSONAL_PRONOUNS,
    POSSESSIVE_ENDS,
    POSSESSIVE_WORDS,
    PREPOSITIONS,
    SHOW_FORMS,
    TELL_VERBS,
    THAT_ONLY_VERBS,
    URGE_FORMS,
)
from quoteidx.finding.model import Finding
from quoteidx.finding.names import PARTY_WORDS, Mention, is_name_word
from quoteidx.finding.occasions import occasion_start
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.tokens import TIME_WORDS, Token, tag_of

_CONTENT_OPENERS = DETERMINERS | {"he", "she", "they", "it", "there", "his", "her", "their",
                                  "its", "we", "i", "you", "our", "your", "what", "how", "why"}


def forward_claim(para: Paragraph, a: int, b: int, k: int, speaker: Mention
                   ) -> Finding | None:
    """ "X said (that) …", "X told The New Arab, that …", "X denies the charges"."""
    text, tokens = para.text, para.tokens
    verb = tokens[k]
    low = verb.lower
    if low.endswith("s") and k + 1 < b and tokens[k + 1].lower in AUXILIARIES:
        return None  # "the convention rules may be moot", "the reports are": a noun
    if low in REQUEST_FORMS and not (k + 1 < b and tokens[k + 1].lower == "that"):
        request = request_claim(para, k, b, speaker)  # "urged the city to act", "called for …"
        if request is not None or low not in URGE_FORMS:
            return request  # ("urged in a statement that …" goes on as a claim)
    m = skip_time(tokens, k + 1, b)
    if m < b and tokens[m].lower == "to" and low.startswith("respond"):
        return None  # "would respond to the claims or a list of questions": what was
        # answered, no claim
    if m + 1 < b and tokens[m].lower in ADVERBS_NEAR_VERB and tokens[m + 1].lower == "that":
        m += 1  # "said repeatedly that …", "said publicly that …"
    if m + 1 < b and tokens[m].lower == "to" and tag_of(tokens, m + 1) in ("VERB", "AUX"):
        return None  # "agreed to talk on condition that …": an infinitive, not a claim
    if m < b and tokens[m].text == "," and subordinate_end(para, speaker, a, m - 1, b) == m:
        return None  # "After Ruiz testified, the panel …": the clause ends at the verb
    outlet = None
    phrased = False  # whether a phrase comes between the verb and its words
    if (low in TELL_VERBS or (m < b and tokens[m].lower == "to")) and not (
            m < b and tokens[m].lower == "that") and not (  # "warned that …": no addressee
            low.startswith("warn") and _subject_then_verb(tokens, m, b)):
        o_end = object_end(tokens, m, b)
        if o_end > m:
            outlet_text = text[tokens[m].start : tokens[o_end - 1].end]
            outlet = outlet_text[3:] if outlet_text.lower().startswith("to ") else outlet_text
            phrased = low not in TELL_VERBS  # "adds to the pressure that has …": a phrase
            m = o_end
        elif low in TELL_VERBS:
            that = that_ahead(tokens, m, b)  # "told dock workers Saturday night that …"
            if that == m:
                return None
            outlet, m = text[tokens[m].start : tokens[that - 1].end], that
    if low in TELL_VERBS and outlet is not None:
        that = that_ahead(tokens, m, b)  # "told Cruz backers Saturday night that …"
        phrased = any(t.lower in PREPOSITIONS for t in tokens[m:that]) and (
            tokens[that - 1].lower not in TIME_WORDS)  # "… after the talks", not "on Monday"
        m = that
    m = skip_time(tokens, m, b)
    if m < b and tokens[m].lower == "out" and low.startswith("point"):
        m += 1  # "pointed out that"
    m = _past_aside(tokens, m, b, (",",), right_after_verb=m == k + 1)  # "said, however, that"
    if m < b and tokens[m].text == ",":
        m += 1
    if _time_clause(tokens, m, b):
        return None  # "told his aides as he labored over …": a clause of time, no claim
    if m < b and (tokens[m].lower in PREPOSITIONS or tokens[m].lower == "following") and (
            past_quantity_lead(tokens, m, b) == m):  # not "said about half of …"
        # "said at a news conference last week that …", "said in a speech she would run"
        m = after_phrase(text, tokens, m, b)
        phrased = True
        if m > 0 and _time_clause(tokens, m - 1, b):
            return None  # "said Sunday in Ohio as the crowd roared"
    if m < b and tokens[m].text in _DASHES:
        m = _past_aside(tokens, m, b)  # "said — on Twitter, as it happens — that …"
    has_that = m < b and tokens[m].lower == "that"
    if has_that:
        m += 1
        if m < b and tokens[m].lower.replace("’", "'") in _FINITE_VERBS:
            if phrased or tag_of(tokens, k) == "NOUN":
                return None  # "point to factors that are fanning …", "Rust Belt states that
                # have suffered": "that" opens the noun's relative clause, no claim
            m -= 1  # "said that is unlikely": "that" is the clause's subject
        elif _determines_subject(tokens, m, b):
            m -= 1  # "said that accord should guide …": "that" is the subject's own
    if m < b and tokens[m].text in _DASHES:
        return None  # "Ruiz allies believe — backers she will need": an aside
    b = subordinate_end(para, speaker, a, m, b)
    c_end = trim_end(tokens, m, occasion_start(tokens, m, closing_gloss(tokens, m, (
        trailing_participle(para, m, another_voice(tokens, m, end_in_quote(para, m, b)))))))
    if low.startswith(("ask", "request")) and m + 1 < c_end and tokens[m].lower in (
            "her", "his", "their", "my") and tokens[m + 1].lower in ("name", "identity"):
        return None  # "who asked that her name not be used": anonymity, no claim
    if quoted_words(para, m, c_end) < MIN_CONTENT_WORDS and not (_two_word_clause(
            tokens, m, c_end) and not any(t.lower in ("what", "than") for t in tokens[a:k])) or any(
            t.is_quote and names_a_work(para, i) for i, t in enumerate(tokens[m:c_end], start=m)):
        return None  # (not "said in her book, “A Harbour Daughter.” So they …")
    if has_that and _demonstrative(tokens, m, c_end):
        return None  # "reiterated that approach in an interview": "that" was its determiner
    if not has_that and low in OBJECT_CLAIM_VERBS and m < c_end and (
            tokens[m].lower in PREPOSITIONS and not phrase_then_clause(tokens, m, c_end)):
        return None  # "the bureau cited in his tweet does not exist": a participle
    if not has_that and m < c_end and _relative_object(para, a, speaker) and (
            tokens[m].lower in FINITE or tag_of(tokens, m) in ("AUX", "VERB")
            and not tokens[m].lower.endswith("ing")):
        # "44 letters, which she said represented all her mail": her words are about the
        # letters, whose place "which" takes; they are what follows the verb
        return Finding(tokens[m].start, tokens[c_end - 1].end, "indirect",
                       (para.start, para.end), verb.text, speaker, outlet)
    if not has_that and low in THAT_ONLY_VERBS and not (
            low in SHOW_FORMS and clause_follows(tokens, m, c_end)):
        # "found the keys", "has shown a side she hid", "maintained a majority": no claim
        # without "that" ("results show the camp held on" is one)
        return None
    if low in ACCUSE_VERBS:
        if not any(t.lower == "of" for t in tokens[m + 1 : min(c_end, m + 8)]):
            return None  # "accused of spying", "accused the board": no charge reported
    elif (not has_that and low in OBJECT_CLAIM_VERBS and not low.startswith("cit")
            and not denied_object(tokens, m, c_end)):
        return None  # "denied the Jets on three chances": a save, not a denial
    if not has_that and low not in OBJECT_CLAIM_VERBS and not clause_follows(tokens, m, c_end) and (
            not phrase_then_clause(tokens, m, c_end)):
        opener = tokens[m]
        first_word = opener.lower.replace("’", "'").split("'")[0]  # he’s, it's
        if low.startswith("claim") and any(t.lower in _PRIZES for t in tokens[m : m + 3]):
            return None  # "claimed a victory in New Hampshire": a win, not a claim
        conditional = first_word in ("if", "unless") and (
            clause_follows(tokens, m + 1, c_end) or any(  # "says if elected “I will …”"
                t.is_quote or t.text == "," and clause_follows(tokens, i + 1, c_end)
                for i, t in enumerate(tokens[m + 1 : c_end], start=m + 1)))
        # a possessive opens a clause only with its verb ("said his plan would work"; not
        # "wrote his dissertation on …")
        # (a plural owner is one too: "said residents' concerns “are real”")
        owner = opener.text.islower() and opener.lower.endswith(POSSESSIVE_ENDS)
        possessive = (first_word in POSSESSIVE_WORDS or owner) and low in _WRITE_VERBS
        if not (low in _SAY_VERBS and ((first_word in _CONTENT_OPENERS or owner) and (
                first_word not in DEMONSTRATIVES) and not possessive or is_name_word(opener)
                or opener.text in PARTY_WORDS and m + 1 < c_end and is_name_word(tokens[m + 1])
                or opener.is_quote or conditional)):  # ("said Republican Tom Berg favors")
            return None  # "said goodbye", "added two late goals": an object, not a claim
    return Finding(tokens[m].start, tokens[c_end - 1].end, "indirect", (para.start, para.end),
                   verb.text, speaker, outlet)


# Finite forms a subject "that" may open a clause with ("said that is unlikely"), not
# "being": "showed that being an instrument of change … are".
_FINITE_VERBS = FINITE - {"be", "been", "being"}


def _subject_then_verb(tokens: list[Token], m: int, b: int) -> bool:
    """Whether the words after "warned" are a clause's subject and its verb, no one
    warned: "warned taxes will rise", "warned the project could push taxes up"."""
    o_end = object_end(tokens, m, b)
    if o_end == m:
        return clause_follows(tokens, m, b)  # (not "warned residents to stay indoors")
    f = next((i for i in range(m + 1, o_end) if tokens[i].lower in FINITE), None)
    if f is not None and not any(t.lower in ARTICLES for t in tokens[m + 1 : f]):
        return True  # "the project could push …" (not "the council the project could")
    return o_end < b and (tokens[o_end].lower.replace("’", "'") in FINITE or tag_of(
        tokens, o_end) in ("VERB", "AUX") and not tokens[o_end].lower.endswith("ing"))


def _determines_subject(tokens: list[Token], m: int, b: int) -> bool:
    """Whether the "that" before tokens[m] is the determiner of the clause's subject: a
    singular common noun right before an auxiliary ("that accord should", "that plan was"),
    which "that" opening a clause would not leave bare; also past an adjective that goes
    with a demonstrative ("that single decision shaped", "that same plan was")."""
    if m + 2 < b and tokens[m].lower in _DEMONSTRATIVE_ADJECTIVES:
        m += 1
    if m + 1 >= b or tokens[m + 1].lower.replace("’", "'") not in FINITE and not (
            tag_of(tokens, m + 1) == "VERB" and tokens[m + 1].text.islower()
            and not tokens[m + 1].lower.endswith("ing")):  # "that figure made the choice"
        return False
    word = tokens[m]
    low = word.lower
    past_after = tokens[m + 1].lower.endswith("ed") or tokens[m + 1].lower in IRREGULAR_PASTS
    return word.is_word and not word.is_capitalised and not low.endswith(_UNCOUNTED) and (
        "-" not in low and low not in _BARE_AFTER_THAT) and (tag_of(tokens, m) == "NOUN" or (
            # two verbs in a row cannot open a clause: "that figure made" (tagged a verb)
            past_after and tag_of(tokens, m) == "VERB" and not low.endswith("ed")
            and low not in AUXILIARIES))


_DEMONSTRATIVE_ADJECTIVES = frozenset("""single same particular very whole entire first last
final initial original earlier latest""".split())

# Nouns a clause may open with, bare: plurals, what is not counted ("said that people
# should vote", "that money is tight", "that idealism is nice", "that trade is one factor")
# and bodies named without an article ("argued that council had not …").
_UNCOUNTED = ("s", "ism", "ness", "ity", "ance", "ence", "ing")
_BARE_AFTER_THAT = frozenset("""people men women children police staff media public
personnel money time evidence information help work water food power health education
crime security democracy justice history trade support violence council cabinet caucus
parliament management government business industry labour labor""".split())


def _demonstrative(tokens: list[Token], m: int, end: int) -> bool:
    """Whether the "that" before tokens[m] was a determiner of the verb's object
    ("reiterated that approach in an interview"): a singular noun, then a place or time
    phrase or the end, and no finite verb anywhere after it."""
    if m + 1 > end or not tokens[m].is_word or tokens[m].is_capitalised or (
            tokens[m].lower.endswith("s")):
        return False
    if m + 1 < end and (tokens[m + 1].lower not in _PLACE_OR_TIME or any(
            t.lower.replace("’", "'") in FINITE for t in tokens[m + 1 : end])):
        return False  # (read before the tag, which costs more)
    if tag_of(tokens, m) != "NOUN":
        return False
    if m + 1 >= end:
        return True  # "repeated that claim."
    # the phrase ends the words: its last noun after a determiner ("in his interview
    # last week"), not a verb the tagger cannot tell ("that crime in the city rose")
    last, before = tokens[end - 1], tokens[end - 2].lower
    return last.is_capitalised or before in DETERMINERS or before in POSSESSIVE_WORDS or (
        before in ("last", "this", "next"))


_PLACE_OR_TIME = frozenset({"in", "on", "at", "during", "with", "last", "this"})


def _time_clause(tokens: list[Token], m: int, b: int) -> bool:
    """Whether tokens[m:b] are a clause of time after the verb ("as the crowd roared",
    "as he left"), not what was said ("said as many as 40 …" is a quantity; "said while
    he agreed, …" and "said when the pier closed, …" may well be the claim)."""
    return m + 1 < b and tokens[m].lower == "as" and (
        tokens[m + 1].lower in PERSONAL_PRONOUNS or tokens[m + 1].lower not in _AS_QUANTITY
        and clause_follows(tokens, m + 1, b))


_AS_QUANTITY = frozenset({"many", "much", "few", "little", "well", "long", "soon", "far"})


def _relative_object(para: Paragraph, a: int, speaker: Mention) -> bool:
    """Whether the speaker follows "which" set after a comma: "…, which the panel said
    was …" (the claim's subject is what "which" stands for)."""
    s = para.token_at(speaker.start)
    return s - 2 >= a and para.tokens[s - 1].lower == "which" and para.tokens[s - 2].text == ","


_DASHES = ("—", "–", "-")
_PRIZES = frozenset({"victory", "victories", "win", "wins", "title", "titles", "seat", "seats",
                     "prize", "crown", "lead", "nomination", "delegates", "credit", "gold"})
_WRITE_VERBS = frozenset({"wrote", "writes", "write"})


def _past_aside(tokens: list[Token], m: int, b: int, marks: tuple[str, ...] = _DASHES,
                right_after_verb: bool = False) -> int:
    """Past an aside between dashes (or commas) that "that" follows (or, right after the
    verb, a pronoun opening the clause: "says, win or lose, he’s staying"); else `m`."""
    if m >= b or tokens[m].text not in marks:
        return m
    pronoun_ok = right_after_verb and tokens[m + 1].lower not in _JOINING if m + 1 < b else False
    for i in range(m + 1, min(b - 1, m + 15)):
        if tokens[i].text in marks:
            after = tokens[i + 1].lower.replace("’", "'").split("'")[0]
            return i + 1 if after == "that" or pronoun_ok and after in _CLAUSE_PRONOUNS else m
        if tokens[i].is_quote or tokens[i].text in ";:":
            return m
    return m


_CLAUSE_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
_JOINING = frozenset({"and", "but", "or", "so", "yet"})  # a new clause, not an aside


_SAY_VERBS = frozenset("""say says said saying told tell tells telling believe believes
believed think thinks warned warns argued argues insisted insists noted claimed claims
predicted predicts wrote writes""".split())


def _two_word_clause(tokens: list[Token], m: int, end: int) -> bool:
    """A claim of two words that is a clause all the same: a subject and its verb, "sales
    fell", "she agreed" (not "goodbye", "no comment")."""
    first, verb = tokens[m], tokens[m + 1] if m + 1 < len(tokens) else tokens[m]
    return end - m == 2 and (tag_of(tokens, m) == "NOUN" or first.lower in (
        "he", "she", "they", "we", "i", "it", "you")) and tag_of(tokens, m + 1) == "VERB" and (
        verb.text.islower() and not verb.lower.endswith("ing"))  # (not "recalled him saying")
