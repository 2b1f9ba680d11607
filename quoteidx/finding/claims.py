"""Reported speech: "X said (that) …", "…, X said.", "according to X", "X told <outlet>
that …", "X denies …". A claim comes from a sentence outside quote marks; quoted
fragments inside it ("is now “unpredictable”") stay part of the claim."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from quoteidx.finding.according import according_to
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
from quoteidx.finding.names import Mention, is_name_word, name_end
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.phrases import noun_phrase_after, noun_phrase_before
from quoteidx.finding.subjects import coordinated_subject, sentence_subject
from quoteidx.finding.tokens import (
    TIME_WORDS,
    Token,
    count_words,
    is_speaking_noun,
    is_speech_verb,
    tag_of,
    used_as_verb,
)

_MIN_CONTENT_WORDS = 3
_JOINS = frozenset({"but", "though", "although", "while", "whereas", "and", "yet"})
_NOT_SOURCES = FIRST_PERSON | {"it", "this", "that", "them", "these", "those", "which"}
_END_PUNCT = {".", "!", "?", ";", ":"}
_CONTENT_OPENERS = DETERMINERS | {"he", "she", "they", "it", "there", "his", "her", "their",
                                  "its", "we", "i", "you", "our", "your", "what", "how", "why"}


def _words(tokens: list[Token], a: int, b: int) -> int:
    return count_words(tokens, a, b)


def _trim_end(tokens: list[Token], a: int, b: int) -> int:
    while b > a and tokens[b - 1].text in _END_PUNCT | {",", "—", "–", ")"}:
        b -= 1
    return b


def _valid_speaker(mention: Mention | None) -> bool:
    if mention is None:
        return False
    low = mention.text.lower()
    return not (low in FIRST_PERSON or low in ("this", "that", "which", "who", "there"))


def _object_end(tokens: list[Token], k: int, b: int) -> int:
    """Skip whom a claim was told to ("told The New Arab", "told reporters")."""
    m = k
    if m < b and tokens[m].lower == "to":
        m += 1
    if m < b and is_name_word(tokens[m]):
        return name_end(tokens, m, b)
    if m < b and tokens[m].lower == "the" and m + 1 < b and is_name_word(tokens[m + 1]):
        return name_end(tokens, m + 1, b)
    if m < b and tokens[m].lower in ("them", "him", "her", "us", "me"):
        return m + 1
    if m + 1 < b and is_speaking_noun(tokens[m].lower) and not tokens[m].is_capitalised:
        return m + 1  # "told police he …", "told reporters that …"
    start = m
    if m < b and tokens[m].lower in ("a", "an", "the"):
        m += 1
        while m < b and m - start < 5 and tokens[m].is_word and tokens[m].lower not in ("that",) \
                and tokens[m].lower not in PREPOSITIONS:
            m += 1
        return m
    return k


def _after_phrase(tokens: list[Token], m: int, b: int) -> int:
    """Past a phrase between a speech verb and its clause: the "that", or a clause
    subject right after the phrase; `m` (the preposition) when there is neither."""
    for i in range(m + 1, min(b, m + 13)):
        if tokens[i].text in ",;:" or tokens[i].is_quote:
            return m
        if tokens[i].lower == "that":
            return i
        if i > m + 1 and (tokens[i].lower in _SUBJECT_PRONOUNS or tokens[i].lower in (
                "the", "a", "an") or is_name_word(tokens[i])) and tokens[i - 1].lower not in (
                PREPOSITIONS) and tokens[i - 1].lower not in ("the", "a", "an") and (
                clause_follows(tokens, i, b)):
            return i
    return m


# What a denial or a rejection is of, when it is speech ("denied the allegations").
_DENIED = frozenset("""
allegation allegations accusation accusations charge charges claim claims report reports
rumour rumours rumor rumors suggestion suggestions wrongdoing involvement responsibility
knowledge assertion assertions story stories account accounts idea notion criticism
criticisms link links any""".split())


def _denied_object(tokens: list[Token], m: int, end: int) -> bool:
    """Whether what follows "denied" is something said: an accusation, a report, a
    gerund ("denied having met him"), within the first words of the object."""
    if m < end and tokens[m].lower.endswith("ing") and not tokens[m].is_capitalised:
        return True
    return any(t.lower in _DENIED for t in tokens[m : min(end, m + 5)])


def _skip_time(tokens: list[Token], m: int, b: int) -> int:
    while m < b and (tokens[m].lower in TIME_WORDS or tokens[m].lower in ("on", "in", "last")
                     and m + 1 < b and tokens[m + 1].lower in TIME_WORDS):
        m += 1
    return m


def _verb_claim(para: Paragraph, a: int, b: int, k: int, carried: Mention | None = None
                ) -> Finding | None:
    """The claim of the speech verb tokens[k] in tokens[a:b]; `carried` is the speaker
    of the claim before it in the sentence, for a verb without a subject of its own
    ("X said A, noting B")."""
    text, tokens = para.text, para.tokens
    verb = tokens[k]
    low = verb.lower
    if carried is not None and k == a:
        return _forward_claim(para, a, b, k, carried)
    before = noun_phrase_before(text, tokens, k, a)
    if before is None and k > a and tokens[k - 1].text == "," and low in _CARRY_ON:
        before = _earlier_speaker(para, a, k - 1)  # "“…,” he said, adding that …"
    if before is None and k > a and tokens[k - 1].text == "," and low.endswith("ing"):
        before = sentence_subject(text, tokens, a, k)  # "…, saying that …"
    if before is None and k > a + 2 and tokens[k - 1].lower in ("and", "but"):
        before = coordinated_subject(text, tokens, a, k)  # "X attempted … and said …"
    inverted = None
    if before is None and k > a and tokens[k - 1].text == ",":
        inverted = noun_phrase_after(text, tokens, k, b)  # "…, said Sengupta."
    speaker = before or inverted
    if not _valid_speaker(speaker):
        return None
    assert speaker is not None
    if before is not None and _base_form(low) and not _plural(speaker):
        return None  # "a brother state", "his first report": a noun, not a verb
    tail = _trim_end(tokens, k + 1, b)
    # Trailing attribution: "<content>, Sengupta said." / "<content>, said Sengupta."
    speaker_first = bisect_right(para.token_ends, speaker.start, a, b)  # first token ending
    if speaker_first >= b:  # after the speaker starts; none: fail as the scan did
        raise StopIteration
    lead_end = speaker_first if before is not None else k
    rest_after = _skip_time(tokens, k + 1, tail)
    if inverted is not None:
        rest_after = next((i for i in range(k + 1, b) if tokens[i].start >= inverted.end), b)
        rest_after = _skip_time(tokens, rest_after, tail)
    if rest_after + 1 < tail and tokens[rest_after].text == "," and tokens[
            rest_after + 1].lower.endswith("ing"):
        rest_after = tail  # "…, the agency said, raising fears of …"
    if lead_end > a and _ends_in_comma(para, lead_end) and rest_after >= tail - 1:
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
    return _forward_claim(para, a, b, k, speaker)


_PAST_FORMS = frozenset("said told wrote thought held felt".split())


def _base_form(verb: str) -> bool:
    """say, report, state: the form a third-person singular subject does not take."""
    return not verb.endswith(("s", "ed", "ing")) and verb not in _PAST_FORMS and not (
        verb.endswith("d") and verb[:-1] + "e" in CLAIM_VERBS)


def _plural(mention: Mention) -> bool:
    """Whether a subject takes a base-form verb: "they", "officials", "Ruiz and Berg"."""
    words = mention.text.lower().split()
    last = words[-1] if words else ""
    return (last in ("they", "we", "i", "you", "people", "police") or " and " in mention.text
            or last.endswith("s") and not last.endswith("ss")  # "Afghans", "officials"
            or words[0] in ("many", "some", "several", "most", "both", "all", "few"))


def _end_in_quote(para: Paragraph, m: int, b: int) -> int:
    """Where a sentence ends inside a quoted fragment of the claim: 'he goes “back to war
    tomorrow.” He is predicting …' (the masked text shows no full stop there)."""
    ends = para.ends_in_quotes
    i = bisect_left(ends, m)
    return ends[i] + 2 if i < len(ends) and ends[i] < b - 2 else b


def _ends_in_comma(para: Paragraph, end: int) -> bool:
    """Whether tokens[:end] end in a comma, also one inside the closing quote mark:
    "Her year was “hard but good,” she said"."""
    tokens = para.tokens
    last = tokens[end - 1]
    if last.text == ",":
        return True
    return (end >= 2 and tokens[end - 2].is_quote and last.text in "”\"’'"
            and para.text[tokens[end - 2].end - 1] == ",")


def _earlier_speaker(para: Paragraph, a: int, k: int) -> Mention | None:
    """The speaker of the speech verb nearest before tokens[k], in tokens[a:k]."""
    text, tokens = para.text, para.tokens
    for v in range(k - 1, a - 1, -1):
        if is_speech_verb(tokens[v]) and not tokens[v].lower.endswith("ing"):
            speaker = noun_phrase_before(text, tokens, v, a)
            if speaker is None and v > a and (tokens[v - 1].text == "," or tokens[v - 1].text
                                               in "”\"'’"):
                speaker = noun_phrase_after(text, tokens, v, k)  # "“…,” said Ruiz, adding"
            return speaker if _valid_speaker(speaker) else None
    return None


def _forward_claim(para: Paragraph, a: int, b: int, k: int, speaker: Mention
                   ) -> Finding | None:
    """ "X said (that) …", "X told The New Arab, that …", "X denies the charges"."""
    text, tokens = para.text, para.tokens
    verb = tokens[k]
    low = verb.lower
    m = _skip_time(tokens, k + 1, b)
    outlet = None
    if (low in TELL_VERBS or (m < b and tokens[m].lower == "to")) and not (
            m < b and tokens[m].lower == "that"):  # "warned that …" has no addressee
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
        # "said at a news conference last week that …", "said in a speech she would run"
        m = _after_phrase(tokens, m, b)
    has_that = m < b and tokens[m].lower == "that"
    if has_that:
        m += 1
    c_end = _trim_end(tokens, m, _end_in_quote(para, m, b))
    if _words(tokens, m, c_end) < _MIN_CONTENT_WORDS:
        return None
    if (not has_that and low in OBJECT_CLAIM_VERBS and not low.startswith("cit")
            and not _denied_object(tokens, m, c_end)):
        return None  # "denied the Jets on three chances": a save, not a denial
    if not has_that and low not in OBJECT_CLAIM_VERBS and not clause_follows(tokens, m, c_end):
        opener = tokens[m]
        first_word = opener.lower.replace("’", "'").split("'")[0]  # he’s, it's
        if not (low in _SAY_VERBS and (first_word in _CONTENT_OPENERS or is_name_word(opener)
                                       or opener.is_quote)):
            return None  # "said goodbye", "added two late goals": an object, not a claim
    return Finding(tokens[m].start, tokens[c_end - 1].end, "indirect", (para.start, para.end),
                   verb.text, speaker, outlet)


_BE = frozenset({"was", "were", "is", "are", "been", "being", "be", "am"})
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
    if m + 1 < end and tokens[m + 1].is_quote and not tokens[m].is_word:
        return True  # `said “it gets me mad” every time …`: the speaker's words lead it
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
            break  # "resources and kits would …", "fisherman first noticed … and": ask
    return _tagged_clause(tokens, m, end)


_SUBJECT_TAGS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "ADV", "PART"})
_HEAD_TAGS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def _tagged_clause(tokens: list[Token], m: int, end: int) -> bool:
    """The part-of-speech reading of clause_follows, for a clause whose verb no word list
    knows: a noun phrase, then a verb ("police arrested him", "managers ignored the
    rules", "roughly half the staff voted"), not a noun phrase alone ("two late goals")."""
    if tag_of(tokens, m) is None:
        return False
    head = False
    links = 0  # prepositions and conjunctions inside the subject: one at most
    for k in range(m, min(end, m + 10)):
        part = tag_of(tokens, k)
        if tokens[k].lower in CLAUSE_WORDS and tokens[k].lower not in ("and", "or"):
            return False  # "the locations that would …": a relative clause in an object
        if part in ("VERB", "AUX"):
            if head and tokens[k].lower.endswith("ing") and k + 1 < end:
                continue  # a participle inside the subject: "drivers crossing the bridge"
            return head and tokens[k - 1].lower != "to"  # "the start of a process to say"
        if part in _HEAD_TAGS:
            head = True
        elif head and part in ("ADP", "CCONJ") and links == 0:
            links += 1  # "resources and kits would", "Warhol's obsession with stars began"
        elif part not in _SUBJECT_TAGS and tokens[k].text not in ("-", "’", "'"):
            return False
    return False


def _is_claim_verb(tokens: list[Token], k: int, a: int, b: int) -> bool:
    tok = tokens[k]
    if tok.is_capitalised or tok.lower not in CLAIM_VERBS or not used_as_verb(tokens, k):
        return False
    if k + 1 < b and tokens[k + 1].lower in ("by", "as") or tokens[k - 1].lower in ("to", "be"):
        return False  # passive or infinitive: "was told by", "to say"
    before = k - 1
    while before > a and tokens[before].lower in ADVERBS_NEAR_VERB:
        before -= 1
    if tokens[before].lower in _BE and tok.lower.endswith(("ed", "told", "said")):
        return False  # passive: "he was told that …", "it is said that …": not the speaker
    return not (tokens[k - 1].lower in ADVERBS_NEAR_VERB and k - 2 >= a
                and tokens[k - 2].lower == "to")


# Participles that carry on what the speaker said: "…, noting that …", "…, adding …".
_CARRY_ON = frozenset("""adding noting saying arguing insisting warning explaining stressing
citing claiming suggesting acknowledging conceding pointing""".split())


def _says_itself(para: Paragraph, found: Finding, b: int) -> bool:
    """Whether the words an "according to" attributes open with an attribution of their
    own ("According to ABC News, Basya believes …"): that one is the claim."""
    tokens = para.tokens
    c = para.token_at(found.segments()[-1][0])
    for k in range(c + 1, min(b, c + 8)):
        if _is_claim_verb(tokens, k, c, b):
            return _valid_speaker(noun_phrase_before(para.text, tokens, k, c))
    return False


def _next_attribution(para: Paragraph, start: int, b: int) -> tuple[int, bool] | None:
    """Where a second attribution starts inside a claim's content: "…, but he urged",
    "…, though she noted", "… — and thinks", "…, noting that …", "… and added that …".
    Returns the index of the joining word (or comma) and whether the second claim's verb
    has no subject of its own, so that it carries on the first one's speaker."""
    tokens = para.tokens
    for p in range(start + 1, b - 1):
        word = tokens[p].lower
        if tokens[p].text == "," and tokens[p + 1].lower in _CARRY_ON and (
                _is_claim_verb(tokens, p + 1, p + 1, b)):
            return p, True
        if word not in _JOINS:
            continue
        after_comma = tokens[p - 1].text in {",", "—", "–", ";"}
        if not after_comma and not (word == "and" and _is_claim_verb(tokens, p + 1, p + 1, b)):
            continue
        for k in range(p + 1, min(b, p + 8)):
            if _is_claim_verb(tokens, k, p + 1, b):
                if k == p + 1:
                    return p, True
                subject = noun_phrase_before(para.text, tokens, k, p + 1)
                if subject is not None and _valid_speaker(subject):
                    return p, False
                break
    return None


def find_claims(para: Paragraph, sentence: tuple[int, int],
                quoted: list[tuple[int, int]]) -> list[Finding]:
    """The claims a sentence reports, none overlapping a direct quote (`quoted`)."""
    a, b = para.token_range(*sentence)
    if b - a < 4:
        return []
    tokens = para.tokens
    found = according_to(para, a, b)
    if found is not None and not _says_itself(para, found, b):
        return [] if _overlaps(found, quoted) else [found]
    claims: list[Finding] = []
    carried: Mention | None = None  # the speaker a continuation carries on
    # The last answer of _next_attribution: (asked from, answer). It is the first join
    # after that position, so it stands for any later position before it: each token is
    # scanned once, not once per speech verb.
    last: tuple[int, tuple[int, bool] | None] | None = None
    k = a + 1
    while k < b:
        if tokens[k].lower not in CLAIM_VERBS or not _is_claim_verb(tokens, k, a, b):
            k += 1
            continue
        if last is not None and last[0] <= k and (last[1] is None or last[1][0] > k):
            stop = last[1]
        else:
            stop = _next_attribution(para, k, b)
            last = (k, stop)
        claim = _verb_claim(para, a, stop[0] if stop is not None else b, k, carried)
        if claim is not None and not _overlaps(claim, quoted):
            claims.append(claim)
        if claim is not None or carried is not None:
            if stop is None:
                break
            # the next claim of the sentence starts after the join
            carried = claim.mention if stop[1] and claim is not None else None
            a = k = stop[0] + 1
            continue
        k += 1
    return claims


def _overlaps(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(s < finding.end and finding.start < e for s, e in spans)
