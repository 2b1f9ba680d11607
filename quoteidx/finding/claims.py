"""Reported speech: "X said (that) …", "…, X said.", "according to X", "X told <outlet>
that …", "X denies …". A claim comes from a sentence outside quote marks; quoted
fragments inside it ("is now “unpredictable”") stay part of the claim."""

from __future__ import annotations

from quoteidx.finding.lexicon import (
    ADVERBS_NEAR_VERB,
    AUXILIARIES,
    CLAIM_VERBS,
    CLAUSE_WORDS,
    DETERMINERS,
    FIRST_PERSON,
    OBJECT_CLAIM_VERBS,
    PREPOSITIONS,
    TELL_VERBS,
)
from quoteidx.finding.model import Finding
from quoteidx.finding.names import Mention, is_name_word, make_mention, name_end
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.phrases import noun_phrase_after, noun_phrase_before
from quoteidx.finding.subjects import sentence_subject
from quoteidx.finding.tokens import TIME_WORDS, Token

_MIN_CONTENT_WORDS = 3
_JOINS = frozenset({"but", "though", "although", "while", "whereas", "and", "yet"})
_NOT_SOURCES = FIRST_PERSON | {"it", "this", "that", "them", "these", "those", "which"}
_END_PUNCT = {".", "!", "?", ";", ":"}
_CONTENT_OPENERS = DETERMINERS | {"he", "she", "they", "it", "there", "his", "her", "their",
                                  "its", "we", "i", "you", "our", "your", "what", "how", "why"}


def _words(tokens: list[Token], a: int, b: int) -> int:
    return sum(1 for t in tokens[a:b] if t.is_word or t.is_quote)


def _trim_end(tokens: list[Token], a: int, b: int) -> int:
    while b > a and tokens[b - 1].text in _END_PUNCT | {",", "—", "–", ")"}:
        b -= 1
    return b


def _valid_speaker(mention: Mention | None) -> bool:
    if mention is None:
        return False
    low = mention.text.lower()
    return not (low in FIRST_PERSON or low in ("this", "that", "which", "who", "there"))


def _according_to(para: Paragraph, a: int, b: int) -> Finding | None:
    text, tokens = para.text, para.tokens
    for k in range(a, b - 2):
        if tokens[k].lower == "according" and tokens[k + 1].lower == "to":
            m = k + 2
            end = m
            while end < b and tokens[end].text not in {",", ".", ";", "—", "–"} and end - m < 10:
                low = tokens[end].lower
                if end > m and (low in CLAUSE_WORDS and low != "and" or low in AUXILIARIES):
                    break
                end += 1
            if end == m:
                return None
            mention = make_mention(text, tokens, m, end)
            if mention.text.lower() in _NOT_SOURCES:
                return None
            if k > a + 1:  # content before: "…, according to witnesses."
                c_start, c_end = a, k
            else:  # "According to X, …"
                c_start, c_end = (end + 1 if end < b and tokens[end].text == "," else end), b
            c_end = _trim_end(tokens, c_start, c_end)
            if _words(tokens, c_start, c_end) < _MIN_CONTENT_WORDS:
                return None
            return Finding(tokens[c_start].start, tokens[c_end - 1].end, "indirect",
                           (para.start, para.end), "according to", mention)
    return None


def _object_end(tokens: list[Token], k: int, b: int) -> int:
    """Skip whom a claim was told to ("told The New Arab", "told reporters")."""
    m = k
    if m < b and tokens[m].lower == "to":
        m += 1
    if m < b and is_name_word(tokens[m]):
        return name_end(tokens, m, b)
    if m < b and tokens[m].lower == "the" and m + 1 < b and is_name_word(tokens[m + 1]):
        return name_end(tokens, m + 1, b)
    if m < b and tokens[m].lower in ("reporters", "journalists", "them", "him", "her", "us",
                                     "me", "supporters", "voters", "listeners", "viewers"):
        return m + 1
    start = m
    if m < b and tokens[m].lower in ("a", "an", "the"):
        m += 1
        while m < b and m - start < 5 and tokens[m].is_word and tokens[m].lower not in ("that",) \
                and tokens[m].lower not in PREPOSITIONS:
            m += 1
        return m
    return k


def _skip_time(tokens: list[Token], m: int, b: int) -> int:
    while m < b and (tokens[m].lower in TIME_WORDS or tokens[m].lower in ("on", "in", "last")
                     and m + 1 < b and tokens[m + 1].lower in TIME_WORDS):
        m += 1
    return m


def _coordinated_subject(text: str, tokens: list[Token], a: int, k: int) -> Mention | None:
    """The subject shared by a second verb ("Giles attempted … and said …"), when no other
    name or clause stands between it and the verb."""
    subject = sentence_subject(text, tokens, a, k)
    if subject is None or subject.kind not in ("name", "title"):
        return None
    between = [t for t in tokens[a:k - 1] if t.start >= subject.end]
    if any(is_name_word(t) or t.lower in ("who", "which", "that") or t.text in ",;:"
           for t in between):
        return None
    return subject


def _verb_claim(para: Paragraph, a: int, b: int, k: int) -> Finding | None:
    text, tokens = para.text, para.tokens
    verb = tokens[k]
    low = verb.lower
    before = noun_phrase_before(text, tokens, k, a)
    if before is None and k > a and tokens[k - 1].text == "," and low.endswith("ing"):
        before = sentence_subject(text, tokens, a, k)  # "…, saying that …"
    if before is None and k > a + 2 and tokens[k - 1].lower in ("and", "but"):
        before = _coordinated_subject(text, tokens, a, k)  # "X attempted … and said …"
    inverted = None
    if before is None and k > a and tokens[k - 1].text == ",":
        inverted = noun_phrase_after(text, tokens, k, b)  # "…, said Sengupta."
    speaker = before or inverted
    if not _valid_speaker(speaker):
        return None
    assert speaker is not None
    tail = _trim_end(tokens, k + 1, b)
    # Trailing attribution: "<content>, Sengupta said." / "<content>, said Sengupta."
    speaker_first = next(i for i in range(a, b) if tokens[i].end > speaker.start)
    lead_end = speaker_first if before is not None else k
    rest_after = _skip_time(tokens, k + 1, tail)
    if inverted is not None:
        rest_after = next((i for i in range(k + 1, b) if tokens[i].start >= inverted.end), b)
        rest_after = _skip_time(tokens, rest_after, tail)
    if lead_end > a and tokens[lead_end - 1].text == "," and rest_after >= tail - 1:
        c_end = _trim_end(tokens, a, lead_end)
        if _words(tokens, a, c_end) >= _MIN_CONTENT_WORDS:
            return Finding(tokens[a].start, tokens[c_end - 1].end, "indirect",
                           (para.start, para.end), verb.text, speaker)
        return None
    if inverted is not None:
        return None
    # Parenthetical: "Nor does X have any plans, advisers say, to take cues …"
    comma_before = lead_end > a and tokens[lead_end - 1].text == ","
    if comma_before and k + 2 < b and tokens[k + 1].text == ",":
        c_end = _trim_end(tokens, a, b)
        if c_end <= k + 2 or lead_end - 1 <= a:
            return None
        claim = Finding(tokens[a].start, tokens[lead_end - 2].end, "indirect",
                        (para.start, para.end), verb.text, speaker)
        claim.add_part(tokens[k + 2].start, tokens[c_end - 1].end)
        return claim
    # Forward: "X said (that) …", "X told The New Arab, that …", "X denies the charges".
    m = _skip_time(tokens, k + 1, b)
    outlet = None
    if low in TELL_VERBS or (m < b and tokens[m].lower == "to"):
        o_end = _object_end(tokens, m, b)
        if o_end > m:
            outlet_text = text[tokens[m].start : tokens[o_end - 1].end]
            outlet = outlet_text[3:] if outlet_text.lower().startswith("to ") else outlet_text
            m = o_end
        elif low in TELL_VERBS:
            return None
    m = _skip_time(tokens, m, b)
    if m < b and tokens[m].lower == "out" and low.startswith("point"):
        m += 1  # "pointed out that"
    if m < b and tokens[m].text == ",":
        m += 1
    if m < b and tokens[m].lower in PREPOSITIONS:
        # "said at a news conference last week that …"
        that = next((i for i in range(m + 1, min(b, m + 13)) if tokens[i].lower == "that"), None)
        if that is not None and not any(t.text in ",;:" for t in tokens[m:that]):
            m = that
    has_that = m < b and tokens[m].lower == "that"
    if has_that:
        m += 1
    c_end = _trim_end(tokens, m, b)
    if _words(tokens, m, c_end) < _MIN_CONTENT_WORDS:
        return None
    if not has_that and low not in OBJECT_CLAIM_VERBS and not clause_follows(tokens, m, c_end):
        opener = tokens[m]
        first_word = opener.lower.replace("’", "'").split("'")[0]  # he’s, it's
        if not (low in _SAY_VERBS and (first_word in _CONTENT_OPENERS or is_name_word(opener)
                                       or opener.is_quote)):
            return None  # "said goodbye", "added two late goals": an object, not a claim
    return Finding(tokens[m].start, tokens[c_end - 1].end, "indirect", (para.start, para.end),
                   verb.text, speaker, outlet)


_SAY_VERBS = frozenset("""say says said saying told tell tells telling believe believes
believed think thinks warned warns argued argues insisted insists noted claimed claims
predicted predicts wrote writes""".split())
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "there"})
_FINITE = AUXILIARIES | frozenset("""
isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't won't wouldn't can't
cannot couldn't shouldn't mustn't""".split())


def clause_follows(tokens: list[Token], m: int, end: int) -> bool:
    """Whether tokens[m:end] open a clause of their own ("police were late", "more fines
    could follow", "he’s leaving") rather than an object ("goodbye", "two late goals"):
    a subject pronoun, or a short subject then a finite verb."""
    if m >= end:
        return False
    first = tokens[m].lower.replace("’", "'")
    if first.split("'")[0] in _SUBJECT_PRONOUNS:
        return True
    if tokens[m].lower in PREPOSITIONS or tokens[m].lower in CLAUSE_WORDS:
        return False
    for k in range(m + 1, min(end, m + 10)):
        tok = tokens[k]
        low = tok.lower.replace("’", "'")
        if low in _FINITE:
            return True
        if not (tok.is_word or tok.is_quote or tok.text in ("-", "’", "'")):
            return False  # a comma or a dash before any verb: no clause
        if low in CLAUSE_WORDS:
            return False
    return False


def _is_claim_verb(tokens: list[Token], k: int, a: int, b: int) -> bool:
    tok = tokens[k]
    if tok.is_capitalised or tok.lower not in CLAIM_VERBS:
        return False
    if k + 1 < b and tokens[k + 1].lower in ("by", "as") or tokens[k - 1].lower in ("to", "be"):
        return False  # passive or infinitive: "was told by", "to say"
    return not (tokens[k - 1].lower in ADVERBS_NEAR_VERB and k - 2 >= a
                and tokens[k - 2].lower == "to")


def _next_attribution(para: Paragraph, start: int, b: int) -> int | None:
    """Where a second attribution starts inside a claim's content: "…, but he urged",
    "…, though she noted", "… — and thinks". Returns the index of the joining word."""
    tokens = para.tokens
    for p in range(start + 1, b - 1):
        if tokens[p].lower not in _JOINS or tokens[p - 1].text not in {",", "—", "–", ";"}:
            continue
        for k in range(p + 1, min(b, p + 8)):
            if _is_claim_verb(tokens, k, p + 1, b):
                subject = noun_phrase_before(para.text, tokens, k, p + 1)
                if subject is not None and _valid_speaker(subject) or k == p + 1:
                    return p
                break
    return None


def find_claims(para: Paragraph, sentence: tuple[int, int],
                quoted: list[tuple[int, int]]) -> list[Finding]:
    """The claims a sentence reports, none overlapping a direct quote (`quoted`)."""
    a, b = para.token_range(*sentence)
    if b - a < 4:
        return []
    tokens = para.tokens
    found = _according_to(para, a, b)
    if found is not None:
        return [] if _overlaps(found, quoted) else [found]
    claims: list[Finding] = []
    k = a + 1
    while k < b:
        if not _is_claim_verb(tokens, k, a, b):
            k += 1
            continue
        stop = _next_attribution(para, k, b)
        claim = _verb_claim(para, a, stop if stop is not None else b, k)
        if claim is not None and not _overlaps(claim, quoted):
            claims.append(claim)
            if stop is None:
                break
            a, k = stop + 1, stop + 1  # the next claim of the sentence starts after the join
            continue
        k += 1
    return claims


def _overlaps(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(s < finding.end and finding.start < e for s, e in spans)
