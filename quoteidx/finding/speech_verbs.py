"""Speech verbs inside a sentence: which word reports a claim ("said", not "was told
by" or "to say"), which phrase may be its speaker, and where a second attribution starts
inside a claim's words ("…, but he urged …", "…, noting that …")."""

from __future__ import annotations

from quoteidx.finding.claim_ends import closing_gloss
from quoteidx.finding.clause_or_object import BE_FORMS
from quoteidx.finding.clauses import attribution_rest, ends_in_comma, skip_time
from quoteidx.finding.forward_phrases import noun_phrase_after
from quoteidx.finding.lexicon import (
    ADVERBS_NEAR_VERB,
    ASK_FORMS,
    ASKED_ABOUT,
    AUXILIARIES,
    CALL_ON_FORMS,
    CLAIM_VERBS,
    FIRST_PERSON,
    FORWARD_ONLY_VERBS,
    PERSON_SUBJECTS,
    TELL_VERBS,
)
from quoteidx.finding.marks import CLOSING_MARKS
from quoteidx.finding.names import Mention
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.phrases import noun_phrase_before
from quoteidx.finding.subjects import sentence_subject
from quoteidx.finding.tokens import (
    TIME_WORDS,
    Token,
    is_person_noun,
    is_speech_verb,
    tag_of,
    used_as_verb,
)

JOINS = frozenset({"but", "though", "although", "while", "whereas", "and", "yet"})


def valid_speaker(mention: Mention | None) -> bool:
    if mention is None:
        return False
    if mention.text.isupper() and len(mention.text) > 2:
        return True  # an acronym: "WHO", "NATO"
    low = mention.text.lower()
    return not (low in FIRST_PERSON or low in ("this", "that", "which", "who", "there"))


_ISSUED_TEXTS = frozenset({"statement", "release", "letter"})
_WHERE_FOUND = frozenset({"in", "on", "at", "inside", "near", "among", "across", "throughout"})


def is_claim_verb(tokens: list[Token], k: int, a: int, b: int) -> bool:
    tok = tokens[k]
    if tok.is_capitalised or tok.lower not in CLAIM_VERBS or not used_as_verb(tokens, k):
        return False
    if tok.lower in CALL_ON_FORMS and not (k + 1 < b and tokens[k + 1].lower in ("on", "for") and (
            not tok.lower.endswith("ing") or tokens[k - 1].text == ","
            or tokens[k - 1].lower in BE_FORMS or tokens[k - 1].lower in _ISSUED_TEXTS)):
        # ("is calling on …", "issued a statement calling on Ottawa to act")
        return False  # "called the plan a failure", "a group called …", "a petition calling
        # on him to be banned has reached …" (a participle claims only after a comma)
    if tok.lower == "found" and k + 1 < b and tokens[k + 1].lower in _WHERE_FOUND and not any(
            t.lower == "that" for t in tokens[k + 2 : min(b, k + 10)]):
        return False  # "chemicals found in refrigerants": where they are, not a finding
    by_agent = k + 1 < b and tokens[k + 1].lower in ("by", "as") and not (
        k + 2 < b and (tokens[k + 2].text[:1].isdigit()  # "estimated by 2050, …": a time
                       or tokens[k + 1].lower == "as" and (  # "said as she left"
                           tokens[k + 2].lower in PERSON_SUBJECTS
                           or tokens[k + 2].lower in ("many", "much", "few"))))  # "as many as"
    if by_agent or tokens[k - 1].lower in ("to", "be"):
        return False  # passive or infinitive: "was told by", "to say"
    before = k - 1
    while before > a and tokens[before].lower in ADVERBS_NEAR_VERB:
        before -= 1
    if tokens[before].lower in BE_FORMS and tok.lower.endswith(("ed", "told", "said", "found",
                                                          "shown")):
        return False  # passive: "he was told that …", "it is said that …": not the speaker
    return not (tokens[k - 1].lower in ADVERBS_NEAR_VERB and k - 2 >= a
                and tokens[k - 2].lower == "to")


# Participles that carry on what the speaker said: "…, noting that …", "…, adding …".
CARRY_ON = frozenset("""adding noting saying arguing insisting warning explaining stressing
citing claiming suggesting acknowledging conceding pointing""".split())


def next_attribution(para: Paragraph, start: int, b: int) -> tuple[int, int, bool] | None:
    """Where a second attribution starts inside a claim's content: "…, but he urged",
    "…, though she noted", "… — and thinks", "…, noting that …", "… and added that …",
    "… “a win,” adding that …". Returns where the first claim's words end, where the
    second attribution starts, and whether the second claim's verb has no subject of
    its own, so that it carries on the first one's speaker."""
    tokens = para.tokens
    for p in range(start + 1, b - 1):
        word = tokens[p].lower
        if tokens[p].text == "," and tokens[p + 1].lower in CARRY_ON and (
                is_claim_verb(tokens, p + 1, p + 1, b)):
            return p, p + 1, True
        if (p + 2 < b and tokens[p].is_quote and para.text[tokens[p].end - 1] == ","
                and tokens[p + 1].text in CLOSING_MARKS and tokens[p + 2].lower in CARRY_ON
                and is_claim_verb(tokens, p + 2, p + 2, b)):
            return p + 2, p + 2, True  # the comma inside the closing mark: `“…,” adding`
        if word in _AFTER_WORDS and p > start + 3 and _told_after(para, p + 1, b):
            return p, p + 1, False  # "he’s tough enough after a woman told him she …"
        if word not in JOINS:
            continue
        if word == "and" and tokens[p + 1].lower in CLAIM_VERBS and _base_form(
                tokens[p + 1].lower) and tokens[p - 1].text != "," and any(
                t.lower == "to" for t in tokens[start + 1 : p]):
            continue  # "asked the woman to raise her voice and say the word louder": the
            # same infinitive's second verb, what was asked, no attribution
        if word == "and" and _speakers_act(tokens, start, p + 1):
            return p, p + 1, True  # "said A and urged the city to …": her act, not her words
        if (word == "but" or word == "and" and tokens[p + 1].lower in _REFUSALS) and (
                withholds(tokens, p + 1, b)):
            return p, p + 1, True  # "said A but gave no figure", "said A and declined to
            # name …": what the speaker did not say (not "… and could not say which
            # store", "… and will not release them": the reported clause may go on)
        after_comma = tokens[p - 1].text in {",", "—", "–", ";"}
        if word == "and" and not after_comma and tokens[p + 1].lower in ASK_FORMS and (
                p + 2 < b and tokens[p + 2].lower in ASKED_ABOUT):
            continue  # "said her children were scared and asked for help": theirs, as
            # _speakers_act did not find it the speaker's (no request reported)
        if not after_comma and not (word in ("and", "but") and is_claim_verb(
                tokens, p + 1, p + 1, b)) and not (word in ("while", "whereas") and tokens[
                    p - 1].is_word and tokens[p - 1].lower != "that"):
            continue  # ("… while Sanders suggests …": a claim of its own, comma or none;
            # not "said that while polls showed …, it was …", which opens the claim)
        if p + 2 < b and is_speech_verb(tokens[p + 1]) and tokens[p + 2].lower == "that":
            return p, p + 1, True  # "…, but lamented that …": never the first claim's words
        if after_comma and _someone_else_acts(para, p + 1, b):
            return p, p + 1, False  # "…, but Berg disagreed, saying …": Berg's, not hers
        look = _past_time_clause(tokens, p + 1, b)
        for k in range(look, min(b, look + 16)):  # (a subject with its apposition)
            if is_claim_verb(tokens, k, look, b):
                if k == p + 1:
                    return p, p + 1, True
                subject = noun_phrase_before(para.text, tokens, k, look)
                if subject is not None and valid_speaker(subject) and (
                        k < look + 8 or para.token_at(subject.start) == look):
                    # (far from the join only a subject that opens there: "…, and Brian
                    # Deese, the White House adviser, said"; not "…, although brief, a
                    # question only he could answer")
                    return p, p + 1, False
                break
    return None


_NOT_BASE = frozenset({"said", "told", "wrote", "thought", "found", "shown", "held"})


def _base_form(word: str) -> bool:
    """Whether a verb is in its base form, as after "to": "say", "tell" (not "says",
    "said", "telling")."""
    return not word.endswith(("s", "ed", "ing")) and word not in _NOT_BASE


# What a speaker does besides speaking, to someone: "…, and urged the city to act".
_ACTS = frozenset("""urged called asked demanded vowed pledged appealed pleaded urges
calls asks demands vows pledges appeals pleads""".split())
_CLAUSE_OPENERS = frozenset({"that", "the", "a", "an", "its", "this", "these", "those", "their",
                             "his", "her", "our"})


def _speakers_act(tokens: list[Token], verb: int, k: int) -> bool:
    """Whether tokens[k], after "and" in what the speech verb tokens[verb] reports, is
    a second verb of the speaker's in the same tense ("said the pier is unsafe and urged
    the city to …"): only when the reported clause is about a thing, which urges no one
    ("said residents were angry and asked for a meeting" may be the residents' asking)."""
    act = tokens[k].lower
    if act not in _ACTS or act.endswith("s") != tokens[verb].lower.endswith("s"):
        return False
    if act in ("called", "calls") and not (k + 1 < len(tokens) and tokens[k + 1].lower in (
            "on", "for")):
        return False
    that = next((i for i in range(verb + 1, k) if tokens[i].lower == "that"), verb)
    s = that + 1
    while s < k and tokens[s].lower in _CLAUSE_OPENERS:
        s += 1
    # the reported clause's first noun: a thing ("the pier"), not people nor a name
    return s < k and not tokens[s].is_capitalised and tag_of(tokens, s) == "NOUN" and not (
        is_person_noun(tokens[s].lower))


# "…, but declined to give details", "but would not say when", "but offered no proof":
# the reporter telling what the speaker did not say, never the speaker's words.
_TELLING = frozenset("""say comment elaborate give provide offer specify disclose identify
name explain discuss answer respond confirm release share detail reveal commit""".split())
_REFUSALS = frozenset({"declined", "refused", "declines", "refuses"})
_NEGATED = frozenset({"didn't", "wouldn't", "couldn't", "doesn't", "won't", "can't"})
_OFFERS = frozenset({"gave", "offered", "provided", "gives", "offers", "provides"})


def withholds(tokens: list[Token], k: int, b: int) -> bool:
    """Whether tokens[k:b] open with the speaker withholding something: "declined to
    comment", "did not say", "wouldn't elaborate", "gave no details"."""
    words = [t.lower for t in tokens[k:min(b, k + 4)]] + ["", "", "", ""]
    if words[0] in ("he", "she", "they", "it"):
        words = words[1:]  # "…, but she did not elaborate"
    if words[0] in _REFUSALS:
        return words[1] == "to" and words[2] in _TELLING
    if words[0] in _NEGATED:
        return words[1] in _TELLING
    if words[0] in ("did", "would", "could", "does", "will") and words[1] == "not":
        return words[2] in _TELLING
    return words[0] in _OFFERS and words[1] in ("no", "few", "little")


_AFTER_WORDS = frozenset({"after", "when", "because"})


def _told_after(para: Paragraph, s: int, b: int) -> bool:
    """Whether a clause of time or cause opening at tokens[s] reports someone else's
    words ("after a woman in Worcester told him she …"): a subject, then a tell verb."""
    tokens = para.tokens
    for k in range(s + 1, min(b, s + 10)):
        if tokens[k].lower in TELL_VERBS and tokens[k].lower.endswith(("old", "ed")) and (
                is_claim_verb(tokens, k, s, b)):
            subject = noun_phrase_before(para.text, tokens, k, s)
            return subject is not None and subject.kind != "pronoun" and valid_speaker(subject)
        if tokens[k].text in ";:" or tokens[k].is_quote:
            return False
    return False


def _someone_else_acts(para: Paragraph, s: int, b: int) -> bool:
    """Whether a clause of the reporter's opens at tokens[s]: a person (a name or a
    personal pronoun) and a verb in the simple past that is no speech verb ("Berg
    disagreed", "she hesitated"), then a comma; not "the costs would rise"."""
    tokens = para.tokens
    for v in range(s + 1, min(b - 1, s + 6)):
        verb = tokens[v]
        if verb.lower.endswith("ed") and not verb.is_capitalised and not is_speech_verb(
                verb) and tag_of(tokens, v) == "VERB" and tokens[v + 1].text == ",":
            subject = noun_phrase_before(para.text, tokens, v, s)
            return subject is not None and subject.kind in ("name", "pronoun") and (
                para.token_at(subject.start) == s)
        if not verb.is_word or verb.lower in AUXILIARIES:
            return False
    return False


def trailing_verb(para: Paragraph, a: int, b: int) -> int | None:
    """The speech verb of an attribution closing the sentence tokens[a:b] after a comma
    ("Polls show …, said Ana Ruiz, an editor." / "…, Ana Ruiz said."): the words
    before it are the speaker's, speech verbs among them included."""
    tokens = para.tokens
    e = closing_gloss(tokens, a, b) - 1  # "…, Ruiz said — an apparent reversal of …"
    while e > a and not tokens[e].is_word:
        if tokens[e].is_quote:
            return None  # "…, he said, “I hope not.”": the quote is what he said
        e -= 1
    timed = e
    while e > a and tokens[e].lower in TIME_WORDS and tokens[e].lower not in ("this", "last"):
        e -= 1  # "…, the candidate said Friday.", "…, Ruiz said on Monday."
    if e < timed and tokens[e].lower in ("on", "in", "last", "this", "late", "early"):
        e -= 1
    for k in range(e, max(a, e - 14), -1):
        tok = tokens[k]
        if not (is_speech_verb(tok) and tok.lower in CLAIM_VERBS) or (
                tok.lower in FORWARD_ONLY_VERBS):
            continue  # ("To a standing ovation, Kasich called for …": no credit closing it)
        if tok.lower.endswith("ing"):
            return None  # "…, McConnell said, citing …": a participle carries on
        if ends_in_comma(para, k) and k < e:
            speaker = noun_phrase_after(para.text, tokens, k, b)
            if speaker is not None and _closes_sentence(para, speaker, e):
                return k  # "…, said Ana Ruiz, an editor of Harbour Notes."
            return None
        rest = skip_time(tokens, k + 1, e + 1)
        if rest > e or attribution_rest(para, rest, e + 1, True):
            # "…, Ana Ruiz said.", "…, her lawyer said on Monday at the courthouse."
            speaker = noun_phrase_before(para.text, tokens, k, a)
            if speaker is not None:
                start = speaker.start
                role = speaker.role
                if role and para.text[start - 1 - len(role) : start - 1].lower() == role.lower():
                    start -= len(role) + 1  # "…, former President Bill Clinton said"
                s = para.token_at(start)
                if s > a + 1 and ends_in_comma(para, s):
                    return k  # "…, Ana Ruiz said."
        return None
    return None


def _closes_sentence(para: Paragraph, speaker: Mention, e: int) -> bool:
    """Whether nothing but the speaker's role follows it up to tokens[e]: "said Ruiz, an
    editor." (not "…, wrote a host of new songs for the album")."""
    rest = para.text[speaker.end : para.tokens[e].end]
    if speaker.role:
        rest = rest.replace(speaker.role, "", 1)
    return not rest.strip(" ,.;")


_TIME_CLAUSE_LINKS = frozenset({"when", "after", "before", "once", "while", "as"})


def _past_time_clause(tokens: list[Token], p: int, b: int) -> int:
    """Past a time clause and its comma that open a second attribution ("…, and when
    asked about it, he said …"); `p` if none opens there."""
    if tokens[p].lower not in _TIME_CLAUSE_LINKS:
        return p
    for i in range(p + 2, min(b - 1, p + 20)):
        if tokens[i].text == ",":
            return i + 1
        if tokens[i].is_quote or tokens[i].text in ".;:":
            break
    return p


def verb_before(tokens: list[Token], mention: Mention, a: int) -> int | None:
    """The verb a description is the object of ("issued a statement", "is making a
    pitch to voters"): the index of the verb right before it, if one is there."""
    first = next(i for i in range(a, len(tokens)) if tokens[i].end > mention.start)
    if first - 1 > a and tokens[first - 1].lower in _PARTICLES:
        first -= 1  # "fired back a response saying", "put out a statement saying"
    return first - 1 if first > a and tag_of(tokens, first - 1) == "VERB" else None


_PARTICLES = frozenset({"back", "out", "off", "up"})


def subject_of(text: str, tokens: list[Token], a: int, v: int) -> Mention | None:
    """The sentence's subject when it is the subject of tokens[v], with nothing but
    auxiliaries and adverbs between them."""
    subject = sentence_subject(text, tokens, a, v)
    if not valid_speaker(subject):
        return None
    assert subject is not None
    between = [t for t in tokens[a:v] if t.start >= subject.end]
    if any(t.lower not in AUXILIARIES and t.lower not in ADVERBS_NEAR_VERB for t in between):
        return None
    return subject
