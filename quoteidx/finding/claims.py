"""Reported speech: "X said (that) …", "…, X said.", "according to X", "X told <outlet>
that …", "X denies …". A claim comes from a sentence outside quote marks; quoted
fragments inside it ("is now “unpredictable”") stay part of the claim."""

from __future__ import annotations

from bisect import bisect_right

from quoteidx.finding.according import according_to, in_the_view_of
from quoteidx.finding.appositions import QUESTION_WORDS
from quoteidx.finding.as_said import as_said
from quoteidx.finding.clauses import (
    MIN_CONTENT_WORDS,
    attribution_rest,
    closing_gloss,
    end_in_quote,
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
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    TELL_VERBS,
)
from quoteidx.finding.model import Finding
from quoteidx.finding.names import FIRST_NAMES, TITLES, Mention
from quoteidx.finding.naming import naming_claims
from quoteidx.finding.occasions import before_quoted_clause
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.participle_speakers import GERUND_LINKS, earlier_speaker, gerund_subject
from quoteidx.finding.phrasal import phrasal_claims
from quoteidx.finding.phrases import noun_phrase_before
from quoteidx.finding.speech_verbs import (
    CARRY_ON,
    is_claim_verb,
    next_attribution,
    subject_of,
    trailing_verb,
    valid_speaker,
    verb_before,
)
from quoteidx.finding.subjects import (
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


def _verb_claim(para: Paragraph, a: int, b: int, k: int, carried: Mention | None = None
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
    if set_apart and before is not None and not opens_clause(tokens, before, a):
        before = None  # "X thanked Tom Berg, the mayor, saying …": Berg is whom X thanked
    set_off = set_apart and before is not None and tokens[k - 1].text == ","
    if before is None and set_apart and low in CARRY_ON:
        before = earlier_speaker(para, a, k - 1)  # "“…,” he said, adding that …"
    if before is None and set_apart:
        before = sentence_subject(text, tokens, a, k)  # "…, saying that …"
        # "The Canadian Press, citing sources, said …": set off like a named subject's
        set_off = before is not None and tokens[k - 1].text == "," and (
            before.end == tokens[k - 2].end)  # (right after it, not "X declined, saying")
    if before is None and (low in CARRY_ON or low == "telling") and k > a + 1 and (
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
    credits = rest_after >= tail or rest_after == tail - 1 and (
        low in TELL_VERBS or tag_of(tokens, rest_after) not in ("NOUN", "PRON"))
    if lead_end > a and ends_in_comma(para, lead_end) and credits:
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


def _says_itself(para: Paragraph, found: Finding, b: int) -> bool:
    """Whether the words an "according to" attributes open with an attribution of their
    own ("According to ABC News, Basya believes …"): that one is the claim."""
    tokens = para.tokens
    c = para.token_at(found.segments()[-1][0])
    for k in range(c + 1, min(b, c + 8)):
        if is_claim_verb(tokens, k, c, b):
            if tokens[k - 1].lower in _MODALS:
                return False  # "In Wong's view, the city should charge more": a verb of his
            return valid_speaker(noun_phrase_before(para.text, tokens, k, c))
    return False


_MODALS = frozenset("will would shall should can could may might must".split())


def find_claims(para: Paragraph, sentence: tuple[int, int],
                quoted: list[tuple[int, int]]) -> list[Finding]:
    """The claims a sentence reports, none overlapping a direct quote (`quoted`); "as X
    said" credits the sentence only when nothing in it is reported otherwise."""
    claims = _claims(para, sentence, quoted)
    if claims:
        return claims
    found = as_said(para, *para.token_range(*sentence))
    return [found] if found is not None and not _overlaps(found, quoted) else []


def _claims(para: Paragraph, sentence: tuple[int, int],
            quoted: list[tuple[int, int]]) -> list[Finding]:
    a, b = para.token_range(*sentence)
    if b - a < 4:
        return []
    tokens = para.tokens
    found = according_to(para, a, b) or in_the_view_of(para, a, b)
    if found is not None and not _says_itself(para, found, b):
        return [] if _overlaps(found, quoted) else [found]
    claims: list[Finding] = []
    if found is not None and len(found.parts) > 1 and not _overlaps(found, quoted):
        # "X leads by 271 delegates according to the AP, but Sanders has vowed …": the
        # words before the source are its claim; the clause after it speaks for itself
        rest = found.parts[-1][0]
        found.parts = found.parts[:-1]
        found.end = found.parts[-1][1]
        if len(found.parts) == 1:
            found.parts = []
        claims.append(found)
        a = para.token_at(rest)
        if tokens[a].lower in ("but", "and", "yet") and a + 1 < b:
            a += 1  # (the clause after the join)
    a0 = a
    carried: Mention | None = None  # the speaker a continuation carries on
    # The last answer of next_attribution: (asked from, answer). It is the first join
    # after that position, so it stands for any later position before it: each token is
    # scanned once, not once per speech verb.
    last: tuple[int, tuple[int, int, bool] | None] | None = None
    # "Polls show …, said Ruiz.": the verbs before a closing attribution are its words
    # (unless it credits a direct quote: "X said A but added, “…,” X said")
    if not any(t.lower in CLAIM_VERBS for t in tokens[a:b]):
        # no speech verb: only the claims that other words bring in
        taken = quoted + [(c.start, c.end) for c in claims]
        claims += [c for c in phrasal_claims(para, a0, b) if not _overlaps(c, taken)]
        return claims + naming_claims(para, a0, b, claims, quoted)
    trailing = trailing_verb(para, a, b)
    k = a + 1 if trailing is None or any(
        s < tokens[trailing].start and tokens[a].start < e for s, e in quoted) else trailing
    k = max(k, _past_question(tokens, a, b))
    while k < b:
        if tokens[k].lower not in CLAIM_VERBS or not is_claim_verb(tokens, k, a, b):
            k += 1
            continue
        if last is not None and last[0] <= k and (last[1] is None or last[1][0] > k):
            stop = last[1]
        else:
            stop = next_attribution(para, k, b)
            last = (k, stop)
        claim = _verb_claim(para, a, stop[0] if stop is not None else b, k, carried)
        overlapping = claim is not None and _overlaps(claim, quoted)
        if overlapping and (cut := before_quoted_clause(para, claim, quoted, MIN_CONTENT_WORDS)):
            claim, overlapping = cut, False
        if claim is not None and not _overlaps(claim, quoted) and not _credits_a_quote(
                para, claim, k, quoted):
            claims.append(claim)
        if claim is not None or carried is not None:
            if stop is None:
                # a sentence ending inside a quoted fragment ('is “ongoing.” He said …')
                stop_at = end_in_quote(para, k + 1, b)
                if claim is not None and claim.mention is not None and (
                        claim.mention.end <= claim.start):
                    # "While Ruiz said …, she said …", "Ruiz, who said …, said …": on after
                    # the clause the claim ended with
                    c = para.token_at(claim.end)
                    if c < b - 1 and tokens[c].text == ",":
                        if is_claim_verb(tokens, c + 1, c + 1, b):
                            # "Berg, who said A, said B": the main verb is Berg's
                            carried, a = claim.mention, c + 1
                            k = a
                            continue
                        stop_at = min(stop_at, c + 1)
                if overlapping and stop_at >= b:
                    k += 1  # its words were a quote's: on to the sentence's own verb
                    continue  # ("Manafort, citing “the magic of Trump,” said …")
                if claim is None or stop_at >= b:
                    break
                carried, a, k = None, stop_at, stop_at + 1
                continue
            # the next claim of the sentence starts after the join
            carried = claim.mention if stop[2] and claim is not None else None
            a = k = stop[1]
            continue
        k += 1
    taken = quoted + [(c.start, c.end) for c in claims]
    claims += [c for c in phrasal_claims(para, a0, b) if not _overlaps(c, taken)]
    return claims + naming_claims(para, a0, b, claims, quoted)


def _past_question(tokens: list[Token], a: int, b: int) -> int:
    """Past the question a sentence opens with ("Asked if she believed Putin wanted
    Trump to win, Clinton said …"): its verbs are the question's, no one's claim."""
    s = a + 1 if tokens[a].lower == "when" else a
    if s + 2 >= b or tokens[s].lower != "asked" or tokens[s + 1].lower not in _ASKED_OPENERS:
        return a
    return next((i + 1 for i in range(s + 2, min(b, s + 30)) if tokens[i].text == ","), a)


_ASKED_OPENERS = QUESTION_WORDS | {"about"}

def _described_from(tokens: list[Token], a: int, s: int) -> int:
    """Where a short description before the name at tokens[s] starts ("the news site
    RTL Info", "the French daily Le Monde"): its determiner; `s` if there is none."""
    d = s - 1
    while d > a and d >= s - 3 and tokens[d].is_word and not tokens[d].is_capitalised and (
            tag_of(tokens, d) in ("NOUN", "ADJ")):
        d -= 1
    return d if d < s - 1 and tokens[d].lower in ("the", "a", "an") else s


def _credits_a_quote(para: Paragraph, claim: Finding, k: int,
                     quoted: list[tuple[int, int]]) -> bool:
    """Whether the claim's verb is the credit of the quote just before its speaker ("“…,”
    Fiorina told the crowd, her voice drowned out by boos"): what follows is the
    reporter's, unless "that" opens it."""
    mention, text = claim.mention, para.text
    if mention is None or mention.end > para.tokens[k].start:
        return False
    between = text[mention.end : para.tokens[k].start]
    if between.strip() or text[para.tokens[k].end : claim.start].strip(" ,").lower().endswith(
            "that"):
        return False
    return any(end <= mention.start and not text[end : mention.start].strip(" ,”\"’'")
               for _start, end in quoted)


def _overlaps(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(s < finding.end and finding.start < e for s, e in spans)
