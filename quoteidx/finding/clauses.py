"""What follows a speech verb: whom it was told to, when and where, and where the claim's
words end (a sentence closing inside a quote). Whether a clause comes next at all is
finding.clause_or_object's; where the reporter's words after it start, claim_ends'."""

from __future__ import annotations

from bisect import bisect_left

from quoteidx.finding.clause_or_object import (
    SUBJECT_PRONOUNS,
    clause_follows,
    tagged_clause,
)
from quoteidx.finding.lexicon import IRREGULAR_PASTS, PERSON_SUBJECTS, PREPOSITIONS
from quoteidx.finding.marks import CLOSING_MARKS
from quoteidx.finding.names import Mention, is_name_word, name_end
from quoteidx.finding.occasions import is_occasion
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.phrases import noun_phrase_before, work_title
from quoteidx.finding.tokens import (
    TIME_WORDS,
    Token,
    is_person_noun,
    is_speaking_noun,
    is_speech_verb,
    tag_of,
)

MIN_CONTENT_WORDS = 3


END_PUNCT = {".", "!", "?", ";", ":"}


def has_verb(tokens: list[Token], a: int, b: int) -> bool:
    """Whether tokens[a:b] can be a clause: a verb (or a quote, which may hold one) in it,
    unlike "In a 1963 speech, he declared:"."""
    return any(t.is_quote for t in tokens[a:b]) or any(
        tag_of(tokens, i) in ("VERB", "AUX") or i > a and tokens[i].lower in IRREGULAR_PASTS
        and tag_of(tokens, i - 1) in ("NOUN", "PROPN") for i in range(a, min(b, len(tokens))))


def quoted_words(para: Paragraph, a: int, b: int) -> int:
    """Words in tokens[a:b] up to MIN_CONTENT_WORDS, each word of a quote counted."""
    count = 0
    for t in para.tokens[a : min(b, a + 2 * MIN_CONTENT_WORDS)]:
        if t.is_quote:
            count += len(para.text[t.start : t.end].split())
        elif t.is_word:
            count += 1
        if count >= MIN_CONTENT_WORDS:
            break
    return count


def trim_end(tokens: list[Token], a: int, b: int) -> int:
    while b > a and tokens[b - 1].text in END_PUNCT | {",", "—", "–", ")"}:
        b -= 1
    return b


_CLAUSE_OPENERS = frozenset({"that", "a", "an", "the", "he", "she", "it", "they", "we", "i",
                             "you", "this", "there", "as", "while", "when", "because",
                             "his", "her", "their", "its", "our", "my", "your"})


# Pronouns told something: "told them …", "told everyone the plan was dead".
_ADDRESSED = frozenset("""them him her us me you everyone everybody anyone anybody someone
somebody""".split())


def object_end(tokens: list[Token], k: int, b: int) -> int:
    """Skip whom a claim was told to ("told The New Arab", "told reporters")."""
    m = k
    if m < b and tokens[m].lower == "to":
        m += 1
    if m < b and is_name_word(tokens[m]):
        return _past_audience(tokens, name_end(tokens, m, b), b)
    if m < b and tokens[m].lower == "the" and m + 1 < b and is_name_word(tokens[m + 1]):
        e = name_end(tokens, m + 1, b)
        if e + 2 < b and tokens[e].lower == "and" and is_name_word(tokens[e + 1]) and (
                not tokens[e + 2].is_capitalised):
            e += 2  # "told The Globe and Mail her street floods": one outlet's name
        return _past_audience(tokens, e, b)
    if m < b and tokens[m].lower in _ADDRESSED:
        return m + 1
    if m < b and tokens[m].is_word and tokens[m].text.isupper() and len(tokens[m].text) > 1:
        return m + 1  # an outlet in capitals ("told POLITICO he …"): no name word, one all the same
    if m + 1 < b and not tokens[m].is_capitalised and is_person_noun(tokens[m].lower) and (
            is_name_word(tokens[m + 1])):
        return name_end(tokens, m + 1, b)  # "told host Tom Berg she …"
    if m + 1 < b and is_speaking_noun(tokens[m].lower) and not tokens[m].is_capitalised:
        return m + 1  # "told police he …", "told reporters that …"
    start = m
    if m < b and tokens[m].lower in ("a", "an", "the", "his", "her", "their", "its", "our"):
        m += 1
        # up to the clause told: "told the crew the boat would sail", "… it would sail"
        while m < b and m - start < 5 and tokens[m].is_word and not (
                tokens[m].lower in PREPOSITIONS or tokens[m].lower in _CLAUSE_OPENERS
                or start == k and _name_after_audience(tokens, m)):
            m += 1  # (not past a name opening the clause: "told the court Jason Smith had")
        return m
    return k


# Whom a name can stand before, told something: "the Senate committee", "a Halifax jury".
_AUDIENCES = frozenset("""jury crowd audience panel hearing inquiry legislature assembly
gathering forum conference meeting rally convention summit tribunal commission program
programme show podcast""".split())


def _past_audience(tokens: list[Token], m: int, b: int) -> int:
    """Past the body a name describes ("told the Superior Court jury he …"), when a clause
    opens right after it (not "told the Senate police were late"), or past the person it
    describes ("told TheBlaze founder Tom Berg he …")."""
    if m + 1 < b and not tokens[m].is_capitalised and is_person_noun(tokens[m].lower) and (
            is_name_word(tokens[m + 1])):
        return name_end(tokens, m + 1, b)
    if m + 1 < b and _is_audience(tokens[m]) and (
            tokens[m + 1].lower in _CLAUSE_OPENERS or tokens[m + 1].is_capitalised):
        return m + 1
    return m


def _is_audience(token: Token) -> bool:
    """A lower-case noun for whom something is told: "jury", "committee", "reporters"."""
    return not token.is_capitalised and (token.lower in _AUDIENCES or is_speaking_noun(
        token.lower))


def _name_after_audience(tokens: list[Token], m: int) -> bool:
    """Whether a name at tokens[m] opens the clause told, right after whom it was told to:
    "the court Jason Smith had …", "the jury Berg was …"."""
    return is_name_word(tokens[m]) and _is_audience(tokens[m - 1])


def that_ahead(tokens: list[Token], m: int, b: int) -> int:
    """The "that" a little after a told-whom that opens the claim, past the rest of the
    addressee and when it was told ("a town hall in Salem on Monday that …"), if no verb
    or full stop comes first; else m."""
    for i in range(m, min(b, m + 12)):
        if tokens[i].lower == "that":
            return i
        if tokens[i].lower.endswith("ing") and i + 1 < b and tag_of(tokens, i + 1) in (
                "NOUN", "PROPN"):
            continue  # a participle before its noun: "told cheering supporters that …"
        if tokens[i].text in ".;:!?" or tokens[i].is_quote or tag_of(tokens, i) in (
                "VERB", "AUX", "PRON"):
            return m
    return m


def after_phrase(text: str, tokens: list[Token], m: int, b: int) -> int:
    """Past a phrase between a speech verb and its clause: the "that", or a clause
    subject right after the phrase; `m` (the preposition) when there is neither."""
    for i in range(m + 1, min(b, m + 13)):
        if tokens[i].text == "," and i + 1 < b and tokens[i + 1].lower == "that":
            return i + 1  # "explains, in a satirical fashion, that …"
        if tokens[i].text == ",":
            aside_end = next((j for j in range(i + 1, min(b - 1, i + 9)) if tokens[j].text in (
                ",;:") or tokens[j].is_quote), None)  # "wrote in her ruling, issued Friday, that"
            if aside_end is not None and tokens[aside_end].text == "," and (
                    tokens[aside_end + 1].lower == "that") and not any(
                    t.lower in _CONTENT_NOUNS for t in tokens[m + 1 : i]):
                return aside_end + 1  # (not "responding to complaints by Tom Berg, the
            # mayor, that …": the clause is the complaints', not the speaker's)
        if tokens[i].text in ",;:" or tokens[i].is_quote and not _title(
                text[tokens[i].start : tokens[i].end]):
            return m  # (past a title: "said on the show “Port Morning” that")
        if tokens[i].lower == "that":
            return i
        if i > m + 1 and (tokens[i].lower in SUBJECT_PRONOUNS or tokens[i].lower in (
                "the", "a", "an") or is_name_word(tokens[i])) and tokens[i - 1].lower not in (
                PREPOSITIONS) and tokens[i - 1].lower not in ("the", "a", "an") and (
                clause_follows(tokens, i, b)):
            return i
    return m


# Nouns with a "that" clause of their own: someone else's words ("complaints that …").
_CONTENT_NOUNS = frozenset("""complaint complaints claim claims allegation allegations
accusation accusations charge charges report reports suggestion suggestions assertion
assertions rumour rumours rumor rumors warning warnings argument arguments""".split())


def _title(quoted: str) -> bool:
    """Whether quoted words are a title ("said on the show “Port Morning” that"): a few
    capitalised words, with no punctuation of a sentence."""
    words = quoted.split()
    return 0 < len(words) <= 6 and not any(c in quoted for c in ",.;:!?") and all(
        w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words)


_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "with", "in", "on", "for", "to"})


# What a denial or a rejection is of, when it is speech ("denied the allegations").
DENIED = frozenset("""
allegation allegations accusation accusations charge charges claim claims report reports
rumour rumours rumor rumors suggestion suggestions wrongdoing involvement responsibility
knowledge assertion assertions story stories account accounts idea notion criticism
criticisms link links any""".split())


def denied_object(tokens: list[Token], m: int, end: int) -> bool:
    """Whether what follows "denied" is something said: an accusation, a report, a
    gerund ("denied having met him"), within the first words of the object."""
    if m < end and tokens[m].lower.endswith("ing") and not tokens[m].is_capitalised:
        return True
    return any(t.lower in DENIED for t in tokens[m : min(end, m + 5)])


def skip_time(tokens: list[Token], m: int, b: int) -> int:
    while m < b and (tokens[m].lower in TIME_WORDS or tokens[m].lower in ("on", "in", "last")
                     and m + 1 < b and tokens[m + 1].lower in TIME_WORDS):
        if tokens[m].lower == "this" and not (m + 1 < b and tokens[m + 1].lower in TIME_WORDS):
            break  # "told reporters this was …": a subject, not "this week"
        m += 1
    return m


def end_in_quote(para: Paragraph, m: int, b: int) -> int:
    """Where a sentence ends inside a quoted fragment of the claim: 'he goes “back to war
    tomorrow.” He is predicting …' (the masked text shows no full stop there)."""
    ends = para.ends_in_quotes
    i = bisect_left(ends, m)
    return ends[i] + 2 if i < len(ends) and ends[i] < b - 2 else b




def ends_in_comma(para: Paragraph, end: int) -> bool:
    """Whether tokens[:end] end in a comma, also one inside the closing quote mark:
    "Her year was “hard but good,” she said"."""
    tokens = para.tokens
    last = tokens[end - 1]
    if last.text == ",":
        return True
    if not (end >= 2 and tokens[end - 2].is_quote and last.text in CLOSING_MARKS):
        return False
    close = tokens[end - 2].end
    if para.text[close - 1] in "'’":  # a quote inside it closing too: `leaders, 'no,'”`
        close -= 1
    return para.text[close - 1] == ","



def words_end(para: Paragraph, c_end: int) -> int:
    """Where the words of tokens[:c_end] end: a quote closing them ends before its
    closing mark and the comma inside it (`… “get why,” Ruiz said`)."""
    tokens = para.tokens
    if c_end >= 2 and tokens[c_end - 2].is_quote and tokens[c_end - 1].text in CLOSING_MARKS:
        return len(para.text[: tokens[c_end - 2].end].rstrip(" ,'’"))
    return tokens[c_end - 1].end


_WHEN = frozenset({"as", "while", "when", "after", "before"})


def attribution_rest(para: Paragraph, m: int, tail: int, after_verb: bool) -> bool:
    """Whether tokens[m:tail], after a trailing "X said" ("said X"), still belong to the
    attribution: where or when it was said ("in an interview on Saturday", "as she left
    the hall", right after the verb), the speaker's role in commas (", an analyst at
    Jefferies"), or a clause about the speaker (", who …")."""
    tokens = para.tokens
    comma = tokens[m].text == ","
    start = m + 1 if comma else m
    if comma and tokens[start].lower == "who":
        return True
    if comma:
        # the role, then a clause about the speaker: ", a professor at M.I.T., who …"
        c = next((i for i in range(start + 1, min(tail - 1, start + 16))
                  if tokens[i].text == ","), None)
        if c is not None and tokens[c + 1].lower in ("who", "whose") and not any(
                t.lower == "that" or t.is_quote for t in tokens[c + 2 : tail]) and (
                attribution_rest(para, m, c, after_verb)):
            return True  # (not "…, who notes that …": a claim of its own)
    if comma and start + 2 < tail and tokens[start].lower in ("while", "as") and (
            tail - start <= 20) and not any(t.is_quote or t.lower == "that"
                                            for t in tokens[start:tail]) and any(
            tokens[i].lower.endswith("ed") and tag_of(tokens, i) == "VERB"
            for i in range(start + 1, tail)):
        return True  # "…, Ana Ruiz said, while residents waited for help": when, reporter's
    when = not comma and after_verb and start + 1 < tail and (tokens[start].lower in _WHEN and (
        tokens[start + 1].lower in PERSON_SUBJECTS or tokens[start + 1].lower == "asked"
        or tokens[start + 1].lower.endswith("ing") or tokens[start + 1].lower in _OWNERS)
        or tokens[start].lower == "in" and (
        tag_of(tokens, start + 1) == "VERB" and tokens[start + 1].lower.endswith("ing")))
    # ("said as she left", "while touring", "said Tuesday as the hearing began", "said in
    # posing the question")
    if not comma and not when and not (after_verb and tokens[start].lower in PREPOSITIONS):
        return False
    if when:
        return tail - start <= 24 and not any(t.is_quote or t.lower == "that"
                                              for t in tokens[start:tail])
    if after_verb and is_occasion(tokens, start, tail):
        return True  # "…, Ruiz said in a statement released Monday night."
    if tail - start > 24 or any(t.is_quote and not names_a_work(para, i) or t.lower == "that"
                                for i, t in enumerate(tokens[start:tail], start=start)):
        return False  # a clause follows, or more than a place and a time (a title may be:
        # "said in her book, “A Harbour Daughter.”")
    return not any(_may_be_verb(tokens[i]) and tag_of(tokens, i) in ("VERB", "AUX")
                   for i in range(start, tail))


_OWNERS = frozenset({"the", "his", "her", "their", "its"})
_NEVER_VERBS = PREPOSITIONS | TIME_WORDS | {"a", "an", "the", "his", "her", "their", "its"}


def _may_be_verb(token: Token) -> bool:
    """Whether a word after the credit could be a verb, so that the tagger is asked
    (most words there are a place and a time: "in Ottawa on Tuesday")."""
    return token.is_word and not token.is_capitalised and token.lower not in _NEVER_VERBS and (
        not token.text[:1].isdigit())


SUBORDINATORS = frozenset("""after before when while since as although though if because
once until whereas""".split())


def subordinate_end(para: Paragraph, speaker: Mention, a: int, m: int, b: int) -> int:
    """Where a claim reported in a clause set before the sentence's own ends: at the
    comma before the main clause ("After Ruiz said the plant would close, the workers
    walked out"); b when the speech verb is not in such a clause."""
    tokens = para.tokens
    s = para.token_at(speaker.start)
    if s <= a or tokens[s - 1].lower not in SUBORDINATORS:
        return b
    o = s - 1  # the subordinator, with "even" and a join before it: "But even as Berg …"
    while o > a and tokens[o - 1].lower in ("even", "just", "but", "and", "yet", "so") and (
            tokens[s - 1].lower != "as" or tokens[s - 2].lower == "even"):
        o -= 1  # (not "But as Clyburn noted, those voters …": the words after are his)
    if not (o == a or tokens[o - 1].text in ",;:"):
        return b
    for c in range(m + 1, b - 1):
        if (tokens[c].text == "," or tokens[c].text in CLOSING_MARKS
                and ends_in_comma(para, c + 1)) and (
                clause_follows(tokens, c + 1, b) or tagged_clause(tokens, c + 1, b)
                or _credit_opens(para, c + 1, b)):
            return c
    return b


def _credit_opens(para: Paragraph, m: int, b: int) -> bool:
    """Whether tokens[m:b] open on a speaker and its speech verb, however long the
    speaker phrase ("…, one of the former prosecutors for Lena Holt said …")."""
    tokens = para.tokens
    for k in range(m + 1, min(b, m + 14)):
        if tokens[k].text in ",;:" or tokens[k].is_quote:
            return False
        if is_speech_verb(tokens[k]) and not tokens[k].lower.endswith("ing"):
            speaker = noun_phrase_before(para.text, tokens, k, m)
            return speaker is not None and speaker.start == tokens[m].start
    return False


def names_a_work(para: Paragraph, q: int) -> bool:
    """Whether a quote names a work: a few words in title case right after "book,",
    "program,", "show," and the like."""
    return work_title(para.text, para.tokens, q)
