"""One speech verb's claim: its speaker ("X said", "said X", "X, who …, says", "…,
saying"), and its content, the clause after the verb ("said (that) …", "told police
…") or the words before a closing credit ("…, X said."). quoteidx.finding.claims reads
a sentence's verbs in turn and calls this for each."""

from __future__ import annotations

import re
from bisect import bisect_right

from quoteidx.finding.claim_ends import closing_gloss
from quoteidx.finding.clauses import (
    MIN_CONTENT_WORDS,
    attribution_rest,
    ends_in_comma,
    has_verb,
    object_end,
    quoted_words,
    skip_time,
    trim_end,
    words_end,
)
from quoteidx.finding.descriptions import opens_clause
from quoteidx.finding.forward_claims import forward_claim
from quoteidx.finding.forward_phrases import noun_phrase_after
from quoteidx.finding.inverted import inverted_aside
from quoteidx.finding.lexicon import (
    ACCUSE_VERBS,
    CLAIM_VERBS,
    FIRST_PERSON,
    FORWARD_ONLY_VERBS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    TELL_VERBS,
)
from quoteidx.finding.model import Finding
from quoteidx.finding.names import FIRST_NAMES, TITLES, Mention
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.participle_speakers import (
    GERUND_LINKS,
    earlier_speaker,
    gerund_subject,
    with_subject,
)
from quoteidx.finding.phrases import noun_phrase_before
from quoteidx.finding.speech_verbs import (
    CARRY_ON,
    subject_of,
    valid_speaker,
    verb_before,
)
from quoteidx.finding.subjects import (
    before_its_verb,
    coordinated_subject,
    relative_antecedent,
    sentence_subject,
)
from quoteidx.finding.tokens import (
    Token,
    count_words,
    is_person_noun,
    tag_of,
)

_NOT_SOURCES = FIRST_PERSON | {"it", "this", "that", "them", "these", "those", "which"}


def verb_claim(para: Paragraph, a: int, b: int, k: int, carried: Mention | None = None
                ) -> Finding | None:
    """The claim of the speech verb tokens[k] in tokens[a:b]; `carried` is the speaker
    of the claim before it in the sentence, for a verb without a subject of its own
    ("X said A, noting B")."""
    text, tokens = para.text, para.tokens
    verb = tokens[k]
    low = verb.lower
    if low in ACCUSE_VERBS and (k + 1 >= b or tokens[k + 1].lower == "of"):
        return None  # "Gross, a contractor accused of spying,": what he is charged with
    if carried is not None and k == a:
        return forward_claim(para, a, b, k, carried)
    if k > a + 1 and tokens[k - 1].text == "," and not low.endswith("ing"):
        aside = inverted_aside(para, a, b, k)  # "Recipients, said Berg, must exhibit …"
        if aside is not None:
            return aside
    before = noun_phrase_before(text, tokens, k, a)
    if before is None and low.endswith("ing"):
        before = with_subject(text, tokens, a, k)  # "…, with opponents warning the …"
    if before is not None and low.endswith("ing") and before.kind == "description":
        verb_at = verb_before(tokens, before, a)
        if verb_at is not None:
            # "X issued a statement saying …", "X is making a pitch to voters saying …":
            # the phrase is what X made; X, the subject of that verb, is speaking
            before = subject_of(text, tokens, a, verb_at)
            if before is None:
                return None
    # a participle after a comma (also one inside a closing mark: `“…,” saying`) or a dash
    set_apart = low.endswith("ing") and k > a and (
        tokens[k - 1].text in (",", "—", "–") or ends_in_comma(para, k))
    if set_apart and before is not None and (not opens_clause(tokens, before, a) or (
            _REGION.fullmatch(before.role or ""))):
        before = None  # "X thanked Tom Berg, the mayor, saying …": Berg is whom X thanked;
        # "… between Digby and Saint John, N.B., citing …": a place and its province
    set_off = set_apart and before is not None and tokens[k - 1].text == ","
    if before is None and set_apart and low in CARRY_ON:
        before = earlier_speaker(para, a, k - 1)  # "“…,” he said, adding that …"
    if before is None and set_apart:
        before = sentence_subject(text, tokens, a, k)  # "…, saying that …"
        if before is not None and before.kind == "description":
            # (without its verb: "The minister cut the quota, citing …" is the minister's)
            before = before_its_verb(text, tokens, before, k)
        # "The Canadian Press, citing sources, said …": set off like a named subject's
        set_off = before is not None and tokens[k - 1].text == "," and (
            before.end == tokens[k - 2].end)  # (right after it, not "X declined, saying")
    if before is None and (low in CARRY_ON or low in ("telling", "accusing")) and k > a + 1 and (
            tokens[k - 1].lower in GERUND_LINKS):
        before = gerund_subject(text, tokens, a, k - 1)  # "X drew boos after saying …"
    relative = None
    if before is None or before.text in ("who", "Who"):
        relative = before = relative_antecedent(text, tokens, a, k)  # "Ruiz, who said …"
    if before is None and k > a + 2 and (tokens[k - 1].lower in ("and", "but") or (
            tokens[k - 1].lower == "then" and tokens[k - 2].text in (",", "and"))):
        before = coordinated_subject(text, tokens, a, k)  # "X attempted … and (then) said"
    inverted = None
    if before is None and k > a and ends_in_comma(para, k) and low not in TELL_VERBS:
        # (whom "told" is followed by is who was told, never the speaker)
        inverted = noun_phrase_after(text, tokens, k, b)  # "…, said Sengupta.", `“…,” said`
    speaker = before or inverted
    if not valid_speaker(speaker):
        return None
    assert speaker is not None
    if before is not None and _base_form(low) and not _plural(speaker) and not (
            low == "say" and _acronym(speaker)):  # "WHO say …": a body, British style
        return None  # "a brother state", "his first report": a noun, not a verb
    tail = trim_end(tokens, k + 1, closing_gloss(tokens, k + 1, b))  # (not "— an apparent …")
    # Trailing attribution: "<content>, Sengupta said." / "<content>, said Sengupta."
    speaker_first = bisect_right(para.token_ends, speaker.start, a, b)  # first token ending
    if speaker_first >= b:  # after the speaker starts
        return None
    lead_end = speaker_first if before is not None else k
    if before is not None and before.role:  # "…, a spokeswoman, Ana Ruiz, said": from "a"
        # (as written: a capitalised title keeps its role in lower case, "Premier Ana Ruiz")
        lead = text[tokens[a].start : before.start]
        at = lead.lower().rfind(before.role.lower())
        at = at + tokens[a].start if at >= 0 else at
        if at >= 0 and not text[at + len(before.role) : before.start].strip(" ,"):
            lead_end = max(a, para.token_at(at))
    if before is not None and lead_end > a and tokens[lead_end - 1].lower == "the":
        lead_end -= 1  # "…, the Guardian reported."
    elif before is not None and before.kind == "name":
        lead_end = _described_from(tokens, a, lead_end)  # "…, the news site RTL Info said"
    rest_after = skip_time(tokens, k + 1, tail)
    if before is not None and low in TELL_VERBS:  # "…, an official told The Harbour Post."
        rest_after = skip_time(tokens, object_end(tokens, rest_after, tail), tail)
    if inverted is not None:
        rest_after = next((i for i in range(k + 1, b) if tokens[i].start >= inverted.end), b)
        rest_after = skip_time(tokens, rest_after, tail)
    if rest_after + 1 < tail and tokens[rest_after].text == "," and tokens[
            rest_after + 1].lower.endswith("ing"):
        rest_after = tail  # "…, the agency said, raising fears of …"
    if rest_after + 2 < tail and tokens[rest_after].text == "," and tokens[
            rest_after + 1].lower in ("and", "but"):
        rest_after = tail  # "…, a spokeswoman said on Saturday, and it has …": a new clause
    # after "said Ruiz" as after "Ruiz said", a phrase of where or how it was said ("…,
    # said Ana Ruiz in a statement.", "…, said a source in the room.")
    after_verb = inverted is None or inverted.kind != "pronoun" and rest_after < tail and (
        tokens[rest_after].lower in _WHERE_SAID)
    if rest_after < tail - 1 and attribution_rest(para, rest_after, tail, after_verb) and (
            not _role_after_pronoun(tokens, speaker, rest_after)):
        rest_after = tail  # "…, he said in an interview.", "…, said Ruiz, an analyst at …"
    # "…, Ruiz said nothing": an object, not the credit of what came before
    credits = (rest_after >= tail or rest_after == tail - 1 and (
        low in TELL_VERBS or tag_of(tokens, rest_after) not in ("NOUN", "PRON", "INTJ")
        and tokens[rest_after].lower not in _ANSWERS)) and (  # (not "…, the mayor said enough.")
        low not in FORWARD_ONLY_VERBS)  # (no credit: "To a standing
    # ovation, Kasich called for …", "Is it fair, he asked.": a question, not a claim)
    # ("Though the vote was close, he said, …" goes on; "When the council cut funding,
    # Ruiz said." tells when it was said)
    if lead_end > a and ends_in_comma(para, lead_end) and credits and not (
            _only_adverbial_clause(tokens, a, trim_end(tokens, a, lead_end))):
        c_end = trim_end(tokens, a, lead_end)
        # a quote alone is the direct quote's; a mixed claim has words of its own too
        if quoted_words(para, a, c_end) >= MIN_CONTENT_WORDS and has_verb(tokens, a, c_end) and (
                any(t.is_word for t in tokens[a:c_end])):
            return Finding(tokens[a].start, words_end(para, c_end), "indirect",
                           (para.start, para.end), verb.text, speaker)
        return None
    if inverted is not None:
        return None
    if (tokens[a].lower == "as" and all(t.lower == "the" for t in tokens[a + 1 : lead_end])
            and k + 2 < b and tokens[k + 1].text == ","):
        # "As the Harbour Post reported, even if Ruiz wins, she …": the rest is the claim
        c_end = trim_end(tokens, k + 2, b)
        if count_words(tokens, k + 2, c_end) < MIN_CONTENT_WORDS:
            return None
        return Finding(tokens[k + 2].start, tokens[c_end - 1].end, "indirect",
                       (para.start, para.end), verb.text, speaker)
    # Parenthetical: "Nor does X have any plans, advisers say, to take cues …"
    comma_before = lead_end > a and tokens[lead_end - 1].text == ","
    # past whom it was told to: "…, aides told The Harbour Post, has been chosen"
    told_to = object_end(tokens, k + 1, b) if low in TELL_VERBS else k + 1
    if comma_before and told_to + 1 < b and tokens[told_to].text == ",":
        c_end = trim_end(tokens, a, b)
        if c_end <= told_to + 1 or lead_end - 1 <= a:
            return None
        claim = Finding(tokens[a].start, tokens[lead_end - 2].end, "indirect",
                        (para.start, para.end), verb.text, speaker)
        claim.add_part(tokens[told_to + 1].start, tokens[c_end - 1].end)
        return claim
    if set_off or relative is not None:
        b = _parenthetical_end(tokens, k, b)  # "Ruiz, saying she was tired, left early"
    return forward_claim(para, a, b, k, speaker)


# Words after "said" that are what was said, not how: "…, the mayor said no."
_ANSWERS = frozenset({"no", "yes", "enough", "so", "nothing", "otherwise"})

# Words that open a clause set before the main one, never a preposition ("since 2009").
_ADVERBIAL_OPENERS = frozenset({"when", "whenever", "if", "unless", "because", "although",
                                "though", "whereas", "while"})


def _only_adverbial_clause(tokens: list[Token], a: int, end: int) -> bool:
    """Whether tokens[a:end] are one adverbial clause alone ("But when Congress cut the
    funding"), which tells when or why the speaker spoke, and no claim of a main clause."""
    while a < end and tokens[a].lower in ("but", "and", "yet", "even", "just"):
        a += 1
    return a < end and tokens[a].lower in _ADVERBIAL_OPENERS and not any(
        t.text in ",;:" for t in tokens[a:end])


_WHERE_SAID = frozenset({"in", "at", "during", "inside", "outside", "near", "of", "from"})


def _role_after_pronoun(tokens: list[Token], speaker: Mention, m: int) -> bool:
    """Whether what follows "he said," would be a pronoun's role, which news never gives
    one: "The plan was, he said, one of the bitterest failures" goes on with the claim."""
    return speaker.kind == "pronoun" and tokens[m].text == "," and (
        tokens[m + 1].lower not in PREPOSITIONS and tokens[m + 1].lower not in ("who", "whose"))


def _parenthetical_end(tokens: list[Token], k: int, b: int) -> int:
    """Where a participle set in commas after its subject ends: at the comma before the
    sentence's own verb ("Ruiz, saying she was tired, left early")."""
    for i in range(k + 1, b - 1):
        if tokens[i].text != ",":
            continue
        v = i + 1
        while v < b - 1 and tokens[v].lower.endswith("ly") and not tokens[v].is_capitalised:
            v += 1  # "…, ultimately did not show"
        if tag_of(tokens, v) in ("VERB", "AUX"):
            return i
    return b


_PAST_FORMS = frozenset("said told wrote thought held felt found shown".split())


def _base_form(verb: str) -> bool:
    """say, report, state: the form a third-person singular subject does not take."""
    return not verb.endswith(("s", "ed", "ing")) and verb not in _PAST_FORMS and not (
        verb.endswith("d") and verb[:-1] + "e" in CLAIM_VERBS)


def _acronym(mention: Mention) -> bool:
    return mention.kind == "name" and mention.text.isupper() and len(mention.text) >= 3 and (
        " " not in mention.text)


def _plural(mention: Mention) -> bool:
    """Whether a subject takes a base-form verb: "they", "officials", "Ruiz and Berg"."""
    words = mention.text.lower().replace(",", "").split()
    # the head before a relative clause: "executives who have worked with Tom Berg"
    words = words[: next((i for i, w in enumerate(words) if i and w in RELATIVE_PRONOUNS),
                         len(words))]
    # or before a post-modifier ("aides to Clinton", "proponents of the bill") or a
    # participle ("people briefed on the talks")
    head = words[: next((i for i, w in enumerate(words) if i and (
        w in PREPOSITIONS or w.endswith("ed"))), len(words))]
    if " and " in mention.text or words and words[0] in (
            "many", "some", "several", "most", "both", "all", "few", "those", "others"):
        return True
    named = mention.text.replace(",", "").split()[: len(words)]
    if len(named) > 1 and all(w[:1].isupper() for w in named) and (
            named[0].lower().rstrip(".") in TITLES or named[0].lower() in FIRST_NAMES):
        return False  # "Sen. Bernie Sanders, who … state": a surname in -s, one person
    return any(_plural_head(part[-1]) for part in (words, head) if part) or any(
        _plural_head(w) and is_person_noun(w) for w in head)  # "sources close to her say"


def _plural_head(last: str) -> bool:
    return last in ("they", "we", "i", "you", "people", "police", "staff", "personnel") or (
        last.endswith("s") and not last.endswith("ss"))  # "Afghans", "officials"


def _described_from(tokens: list[Token], a: int, s: int) -> int:
    """Where a short description before the name at tokens[s] starts ("the news site
    RTL Info", "the French daily Le Monde"): its determiner; `s` if there is none."""
    d = s - 1
    while d > a and d >= s - 3 and tokens[d].is_word and not tokens[d].is_capitalised and (
            tag_of(tokens, d) in ("NOUN", "ADJ")):
        d -= 1
    return d if d < s - 1 and tokens[d].lower in ("the", "a", "an") else s


_REGION = re.compile(r"[A-Z][A-Za-z.]{0,5}\.")  # "N.B.", "Ont.", "Que.": a place's region
