"""The words that credit a quote: the attribution after it ("said X", "X said", "— X",
"was his advice", "according to X") and before it ("X said:", "Said X:", "in the words
of X"). Which quotes stand as speech, and which cue wins, is finding.direct's."""

from __future__ import annotations

from quoteidx.finding.according import source_after
from quoteidx.finding.clause_or_object import clause_follows
from quoteidx.finding.clauses import ends_in_comma
from quoteidx.finding.colon_cues import colon_lead
from quoteidx.finding.descriptions import opens_clause
from quoteidx.finding.forward_phrases import noun_phrase_after, phrase_at
from quoteidx.finding.lexicon import (
    ADVERBS_NEAR_VERB,
    ASIDE_WORDS,
    AUXILIARIES,
    CUE_NOUNS,
    POSSESSIVE_ENDS,
    POSSESSIVE_WORDS,
    POSSESSIVES,
    RELATIVE_PRONOUNS,
    SPEECH_VERBS,
    TELL_VERBS,
    TEXT_NOUNS,
    without_possessive,
)
from quoteidx.finding.marks import OPENING_MARKS
from quoteidx.finding.names import (
    Mention,
    is_name_word,
    name_end,
)
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.participle_asides import participle_aside
from quoteidx.finding.participle_speakers import with_subject
from quoteidx.finding.phrases import noun_phrase_before
from quoteidx.finding.roles import apposition_after, joined_after
from quoteidx.finding.speech_verbs import subject_of, verb_before
from quoteidx.finding.subjects import (
    coordinated_subject,
    phrase_forward,
    sentence_subject,
)
from quoteidx.finding.tokens import Token, is_speech_verb, modifies_noun
from quoteidx.finding.writers import writer

LEAD_PUNCT = {",", "—", "–", "-", "―"}


def _credit_before(text: str, tokens: list[Token], lo: int, c: int) -> Mention | None:
    """The speaker of a credit set off by commas that ends at the comma tokens[c]
    (", Ana Ruiz said," or ", said Ana Ruiz,"), or None."""
    v = c - 1
    if v > lo and is_speech_verb(tokens[v]) and not tokens[v].lower.endswith("ing"):
        credit = noun_phrase_before(text, tokens, v, lo)
        if credit is not None:
            s = next((i for i in range(lo, v) if tokens[i].start >= credit.start), v)
            return credit if s > lo and tokens[s - 1].text == "," else None
    v = c - 1
    while v > lo and is_name_word(tokens[v]):
        v -= 1
    if v < c - 1 and v > lo and is_speech_verb(tokens[v]) and tokens[v - 1].text == ",":
        return noun_phrase_after(text, tokens, v, c)
    return None


def trailing_cue(para: Paragraph, c: int, hi: int) -> tuple[Mention, str] | None:
    """The attribution after a quote: "said X", "X said", "was his terse advice", "— X"."""
    text, tokens = para.text, para.tokens
    after_comma = c > 0 and ends_in_comma(para, c)  # “…,” Ruiz said
    dash = next((k for k in range(c, hi) if tokens[k].text not in LEAD_PUNCT), hi) > c and (
        any(tokens[k].text in _DASHES for k in range(c, min(hi, c + 2))))
    while c < hi and tokens[c].text in LEAD_PUNCT:
        c += 1
    if c >= hi:
        return None
    first = tokens[c]
    if dash and is_name_word(first):
        # a dash credit closing the sentence: “…” — Ana Ruiz, harbour master
        mention = phrase_forward(text, tokens, c, hi)
        if mention is not None and mention.kind == "name" and _closes(text, tokens, mention, hi):
            return mention, "—"
    if first.lower == "according" and c + 2 < hi and tokens[c + 1].lower == "to":
        found = source_after(text, tokens, c + 1, hi)  # “…,” according to Dr. Ruiz.
        return (found[0], "according to") if found is not None else None
    if is_speech_verb(first) and not modifies_noun(tokens, c):
        if first.lower.endswith("ing"):
            return None  # “…”, highlighting the cost: no speaker follows a participle
        mention = noun_phrase_after(text, tokens, c, hi)
        if mention is not None:
            after = next((i for i in range(c, hi) if tokens[i].start >= mention.end), hi)
            joined = joined_after(text, tokens, mention, after, hi)
            if joined is not None and _ends_clause(tokens, joined[1], hi):
                mention = joined[0]  # “…,” said Ana Ruiz and Tom Berg.
        return (mention, first.text) if mention else None
    if first.lower in ("was", "is", "came", "comes") and c + 1 < hi:
        owner = tokens[c + 1]
        for k in range(c + 2, min(hi, c + 6)):
            if tokens[k].lower in CUE_NOUNS:
                cue = text[first.start : tokens[k].end]
                if owner.lower in POSSESSIVES:
                    return Mention(owner.text, owner.start, owner.end, "pronoun"), cue
                if owner.text.endswith(POSSESSIVE_ENDS) and is_name_word(owner):
                    name = without_possessive(owner.text)
                    return Mention(name, owner.start, owner.start + len(name), "name"), cue
    mention = phrase_forward(text, tokens, c, hi)
    if mention is None:
        return None
    k = c
    while k < hi and tokens[k].start < mention.end:
        k += 1
    joined = joined_after(text, tokens, mention, k, hi)
    if joined is not None:
        mention, k = joined  # “…,” Ana Ruiz, Tom Berg and Jim Lee said.
    role_at = text.find(mention.role, mention.end, tokens[hi - 1].end) if mention.role else -1
    if role_at >= 0:  # "Shariyar Nezami, a militia officer, said"
        role_end = role_at + len(mention.role or "") + 1
        while k < hi and tokens[k].end <= role_end:
            k += 1
    # (a role before the name is behind us: "“…,” Premier Ana Ruiz, who …, said")
    elif k + 2 < hi and tokens[k].text == "," and tokens[k + 1].text.isdigit() and (
            tokens[k + 2].text == ","):
        k = _past_hometown(tokens, k + 3, hi)  # an age: "“…,” Ramos, 58, told reporters"
        role = apposition_after(text, tokens, k - 1, hi) if tokens[k - 1].text == "," and (
            not is_speech_verb(tokens[k])) else None
        if role:  # then the role: "“…,” Jane Doe, 67, a retired nurse in Surrey, B.C., said"
            role_end = text.find(role, tokens[k].start) + len(role)
            while k < hi and tokens[k].end <= role_end:
                k += 1
            mention = Mention(mention.text, mention.start, mention.end, mention.kind, role,
                              mention.name_in_apposition)
    elif mention.kind == "name" and k + 1 < hi and tokens[k].text == "," and tokens[
            k + 1].lower in ("of", "from"):
        k = _past_hometown(tokens, k + 1, hi)  # "“…,” Ana Ruiz, of Surrey, B.C., said"
    elif k < hi and tokens[k].text == "(":
        close = next((i for i in range(k + 1, min(hi, k + 8)) if tokens[i].text == ")"), None)
        if close is not None:
            k = close + 1  # an affiliation: "“…,” Rep. Ana Ruiz (D-Md.) said"
    elif mention.kind == "name" and k + 1 < hi and tokens[k].text == "," and (
            tokens[k + 1].lower in RELATIVE_PRONOUNS):
        k = _past_relative_clause(tokens, k + 1, hi)  # "“…,” Ruiz, who lives here, said"
    elif mention.kind == "name" and k + 1 < hi and tokens[k].text == "," and (
            close := next((i for i in range(k + 2, min(hi, k + 16)) if tokens[i].text == ","),
                          None)) is not None and participle_aside(tokens, k + 1, close):
        k = close  # "“…,” Tom Berg, wearing a cowboy hat, said": past what he was doing
    elif mention.kind == "name" and not mention.role and k + 1 < hi and tokens[k].lower in (
            "of", "from"):
        j = k + 2 if tokens[k + 1].lower == "the" else k + 1
        if j < hi and is_name_word(tokens[j]):
            j = name_end(tokens, j, hi)
            if j < hi and is_speech_verb(tokens[j]):
                # "“…,” Tom Berg of the Sierra Club said": the body he is with, his role
                affiliation = text[tokens[k + 1].start : tokens[j - 1].end]
                mention = Mention(mention.text, mention.start, mention.end, mention.kind,
                                  affiliation, mention.name_in_apposition)
                k = j
    while k < hi:
        if k + 3 < hi and tokens[k].lower == "for" and tokens[k - 1].text == "," and tokens[
                k + 1].lower in ("his", "her", "their", "its") and tokens[k + 2].lower == "part":
            k += 3  # "“…,” Tom Berg, for his part, said"
        elif tokens[k].lower in ADVERBS_NEAR_VERB or tokens[k].lower in AUXILIARIES or tokens[
                k].text == "," or tokens[k].lower in ASIDE_WORDS:
            k += 1  # ("“…,” Berg, meanwhile, said")
        else:
            break
    if k >= hi:
        return None
    verb = tokens[k]
    if k + 1 < hi and tokens[k + 1].text == ":" and not after_comma:
        return None  # “….” Tom Berg said: “…”: the credit introduces the quote after it
    if is_speech_verb(verb) and _reads(verb, mention):
        return writer(mention, verb.text), verb.text
    # “…,” he held. — right after a quote, a pronoun or name and a past-tense verb
    # ending the sentence is a speech cue whatever the verb.
    particle = k + 1 < hi and tokens[k + 1].lower in _PARTICLES and (  # “…,” Berg shot back
        verb.lower in _PAST_BEFORE_PARTICLE or _ends_clause(tokens, k + 2, hi))
    # (“…,” Ruiz chimed in.; not "“…” Posters appeared in front of the hall.")
    if (mention.kind in ("pronoun", "name") and verb.is_word and not verb.is_capitalised
            and (verb.lower.endswith("ed") or verb.lower in {"held", "went"}
                 or particle and verb.lower in _PAST_BEFORE_PARTICLE)
            and (_ends_clause(tokens, k + 1, hi) or particle)):  # “…,” Ruiz barked and left
        return mention, text[verb.start : tokens[k + 1].end] if particle else verb.text
    return None


def _ends_clause(tokens: list[Token], k: int, hi: int) -> bool:
    """Whether the attribution's clause ends before tokens[k] ("“…,” Ruiz barked.")."""
    return k >= hi or tokens[k].text in {".", ",", "!", "?"} or tokens[k].lower == "and"


def _past_hometown(tokens: list[Token], k: int, hi: int) -> int:
    """Past where the speaker is from, set off in commas before the verb ("of Surrey,
    B.C.,", "from Raleigh, N.C.,"), when a speech verb follows; else k."""
    if k + 1 >= hi or tokens[k].lower not in ("of", "from") or not is_name_word(tokens[k + 1]):
        return k
    j = name_end(tokens, k + 1, hi)
    if j + 2 < hi and tokens[j].text == "," and tokens[j + 1].is_capitalised and (
            tokens[j + 2].text == ","):
        j += 2  # the region: "Surrey, B.C."
    if j + 1 < hi and tokens[j].text == "," and is_speech_verb(tokens[j + 1]):
        return j + 1
    if j + 1 < hi and tokens[j].text == "," and tokens[j + 1].lower in RELATIVE_PRONOUNS:
        after = _past_relative_clause(tokens, j + 1, hi)  # "…, of Raleigh, N.C., who …, said"
        return after if after > j + 1 else k
    return k


def _past_relative_clause(tokens: list[Token], k: int, hi: int) -> int:
    """The token after the comma closing a relative clause that opens at tokens[k], when
    a speech verb follows that comma ("who lives in Surrey, B.C., told"); else k, which
    no verb reading accepts."""
    for j in range(k + 2, min(hi - 1, k + 30)):
        if tokens[j].text in ";:" or tokens[j].text in OPENING_MARKS:
            break
        if tokens[j].text != ",":
            continue
        v = j + 1
        while v < hi and tokens[v].lower in ADVERBS_NEAR_VERB:
            v += 1
        if v < hi and is_speech_verb(tokens[v]) and not tokens[v].lower.endswith("ing"):
            return j + 1
    return k


_PARTICLES = frozenset({"on", "back", "in", "up", "out"})  # went on, shot back, chimed in
_PAST_BEFORE_PARTICLE = frozenset({"went", "shot", "cut", "broke", "spoke", "fired", "hit"})


_DASHES = frozenset({"—", "–", "―", "-"})


def _closes(text: str, tokens: list[Token], mention: Mention, hi: int) -> bool:
    """Whether nothing but the mention's role stands after it in the sentence."""
    rest = [t for t in tokens[:hi] if t.start >= mention.end]
    tail = text[rest[0].start : rest[-1].end] if rest else ""
    if mention.role:
        tail = tail.replace(mention.role, "", 1)
    return not tail.strip(" ,.;")


# Verbs whose passive subject is spoken to ("Berg was asked, “…?”", "she was told: “…”").
_PUT_TO = frozenset({"asked", "told"})
_PASSIVE_BE = frozenset({"was", "were", "is", "are", "been", "being", "be"})


def _reads(verb: Token, mention: Mention) -> bool:
    """"read" attributes words only to a text: "the sign read", "her statement reads"."""
    return verb.lower not in ("read", "reads") or (
        mention.text.lower().split()[-1] in TEXT_NOUNS)


def _runs_to(text: str, mention: Mention, mark: Token) -> bool:
    """Whether nothing but the mention (and its role) stands before the punctuation that
    introduces the quote: "said Ingrid Solberg, the harbour master:"."""
    between = text[mention.end : mark.start]
    if mention.role:
        between = between.replace(mention.role, "", 1)
    return not between.strip(" ,")


def leading_cue(para: Paragraph, lo: int, q: int) -> tuple[Mention | None, str, str] | None:
    """The attribution before a quote within its sentence. Returns (mention, cue, how),
    how being "verb" (X said, “…), "colon" (X wanted to stress: “…) or None when the
    quote sits inside the flow of the sentence."""
    text, tokens = para.text, para.tokens
    if q <= lo:
        return None
    last = tokens[q - 1]
    if last.text not in (":", ",") and not is_speech_verb(last) and last.lower != "that":
        return None
    words_of = _in_the_words_of(para, lo, q)
    if words_of is not None:
        return words_of, "in the words of", "verb"
    if last.text == ":":
        lo = _main_clause(tokens, lo, q - 1)  # "When Berg said …, Ruiz fired back: “…”"
    opener = tokens[lo]
    if (opener.is_capitalised and opener.lower in SPEECH_VERBS and last.text in ",:"
            and not opener.lower.endswith("ing") and opener.lower not in TELL_VERBS):
        # the verb opening the sentence before its speaker: "Said Ellis: “…”",
        # "Continued Stone, “…”"
        after = noun_phrase_after(text, tokens, lo, q)
        if after is not None and after.kind != "pronoun" and _runs_to(text, after, last):
            return after, opener.text, "verb"
    # Nearest speech verb in the lead-in.
    for k in range(q - 1, max(lo, q - 20) - 1, -1):
        tok = tokens[k]
        if tok.lower == "to" and k > lo and tokens[k - 1].lower == "according":
            mention = noun_phrase_after(text, tokens, k, q)
            return (mention, "according to", "verb") if mention else None
        if is_speech_verb(tok) and not _owned(tokens, k, lo):
            if k > lo and tok.lower in _PUT_TO and tokens[k - 1].lower in _PASSIVE_BE and (
                    tokens[k + 1].text in ",:" if k + 1 < q else True):
                return None  # "Berg was asked, “…?”": the question put to him, not his
            if k == q - 1 and _in_reported_clause(tokens, lo, k):
                return None  # "Chen said that the figures reflect “…”": Chen's mixed claim
            after = noun_phrase_after(text, tokens, k, q)
            addressee = tok.lower in TELL_VERBS or tok.lower.endswith("ing") or tok.lower in (
                "asked", "asks", "ask", "urged", "urges")
            before = noun_phrase_before(text, tokens, k, lo)
            if (after is not None and after.kind != "pronoun" and not addressee
                    and _runs_to(text, after, last) and not (
                        before is not None and _reads(tok, before))):
                # (with its subject before it, what follows the verb is its object:
                # "Tom Berg, the fire chief, described the scene: “…”")
                return after, tok.text, "verb"
            if before is not None and tok.lower.endswith("ing") and before.kind == "description":
                v = verb_before(tokens, before, lo)  # "X issued a statement saying “…”": X
                before = subject_of(text, tokens, lo, v) if v is not None else before
            if (before is not None and tok.lower.endswith("ing") and k > lo + 1
                    and tokens[k - 1].text == "," and not opens_clause(tokens, before, lo)):
                before = None  # "X thanked Tom Berg, the mayor, saying": Berg was thanked
            if before is None and k > lo + 1 and tokens[k - 1].text == "," and (
                    tok.lower.endswith("ing")):
                # "A and B will meet, Ana Ruiz said, adding, “…”": the credit's speaker adds
                # it; else "X urged …, saying, “…”": the sentence's subject
                before = _credit_before(text, tokens, lo, k - 1) or (None if any(
                    t.lower in ("which", "where", "whom") for t in tokens[lo : k - 1]) else (
                    sentence_subject(text, tokens, lo, k - 1)))
                # (not past a clause with its own subject: "a Web ad in which children
                # bash a dollhouse, yelling “…”": the children, not the ad)
            if before is None and k > lo + 2 and tokens[k - 1].lower in ("and", "but"):
                before = coordinated_subject(text, tokens, lo, k)  # "X nodded and told them:"
            if before is None and tok.lower.endswith("ing"):
                before = with_subject(text, tokens, lo, k)  # "…, with Ruiz saying: “…”"
            if before is not None and not _reads(tok, before):
                before = None
            if before is not None:
                cue_end = last.start if last.text in ",:" else last.end
                return writer(before, tok.text), text[tok.start:cue_end].strip(), "verb"
            if tokens[k - 1].text == "," if k > lo else False:
                return None
    if last.text == ":":
        return colon_lead(text, tokens, lo, q)
    return None


def _main_clause(tokens: list[Token], lo: int, end: int) -> int:
    """Where the clause before a colon starts when a comma sets a clause of its own off
    before it ("When Berg suggested that …, Ruiz fired back forcefully:"): its subject,
    not the speech verb of the clause before, introduces the quote."""
    for k in range(end - 1, lo, -1):
        if tokens[k].text == ",":
            if k + 1 < end and is_name_word(tokens[k + 1]) and clause_follows(tokens, k + 1, end):
                return k + 1
            return lo
    return lo


def _in_the_words_of(para: Paragraph, lo: int, q: int) -> Mention | None:
    """The speaker of “In the words of the harbour master, Tom Berg, “…”": the phrase
    after "of", running to the comma before the quote."""
    tokens = para.tokens
    for i in range(max(lo, q - 30), q - 4):  # the phrase is short: look near the quote
        if tokens[i].lower == "in" and [t.lower for t in tokens[i + 1 : i + 3]] == [
                "the", "words"] and (
                tokens[i + 3].lower == "of"):
            if i > lo and tokens[i - 1].text not in ",;:" and tokens[i - 1].lower not in (
                    "and", "but"):
                return None
            mention = phrase_at(para.text, tokens, i + 4, q - 1)
            if mention is None:
                return None
            after = next(k for k in range(i + 4, q) if tokens[k].start >= mention.end)
            if mention.role:  # "the harbour master, Tom Berg": the role ran to its comma
                after = next((k for k in range(after, q) if tokens[k].text == ","), after)
            if after + 2 == q - 1 and tokens[after].text == "," and (
                    tokens[after + 1].is_capitalised):
                after += 2  # a letter or a suffix after the name: "Tom Berg, QC, “…”"
            return mention if after == q - 1 and tokens[after].text == "," else None
    return None


def _owned(tokens: list[Token], k: int, lo: int) -> bool:
    """Whether tokens[k] has an owner before it, and so is a noun: "Ruiz's comments",
    "his remarks", "their statement"."""
    before = tokens[k - 1] if k > lo else None
    return before is not None and (before.lower in POSSESSIVE_WORDS or before.is_word and (
        before.text.endswith(POSSESSIVE_ENDS)))


def _in_reported_clause(tokens: list[Token], lo: int, k: int) -> bool:
    """Whether tokens[k] is a verb of the clause another speech verb reports with "that"
    ("Chen said in an email that the figures reflect …")."""
    return any(tokens[j].lower == "that" and any(is_speech_verb(t) for t in tokens[lo:j])
               for j in range(lo + 1, k))
