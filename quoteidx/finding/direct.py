"""Direct quotes: quoted words that stand as speech, and the cue that attributes them.

A quote is speech when it stands on its own (it opens a sentence, follows a colon or a
speech verb) or carries a cue right after it. A quote inside the flow of a sentence
("known as the “Lion of Herat”") is a term or a fragment of a claim, not a quote.
"""

from __future__ import annotations

import re

from quoteidx.finding.according import source_after
from quoteidx.finding.clauses import clause_follows, names_a_work
from quoteidx.finding.descriptions import names_people, opens_clause
from quoteidx.finding.forward_phrases import noun_phrase_after, phrase_at
from quoteidx.finding.lexicon import (
    ADVERBS_NEAR_VERB,
    AUXILIARIES,
    CUE_NOUNS,
    NAMING_VERBS,
    POSSESSIVE_WORDS,
    POSSESSIVES,
    SPEECH_VERBS,
    TELL_VERBS,
    TEXT_NOUNS,
    WRITINGS,
)
from quoteidx.finding.marks import Span
from quoteidx.finding.model import Finding
from quoteidx.finding.names import (
    Mention,
    is_name_word,
    make_mention,
    name_end,
    name_run_back,
)
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.phrases import noun_phrase_before
from quoteidx.finding.speech_verbs import subject_of, verb_before
from quoteidx.finding.subjects import (
    before_its_verb,
    coordinated_subject,
    phrase_forward,
    sentence_subject,
)
from quoteidx.finding.tokens import Token, is_speech_verb, tag_of

_LEAD_PUNCT = {",", "—", "–", "-", "―"}
_MIN_UNCUED_WORDS = 4  # fewer quoted words with no cue: a term or a scare quote


# A letter or digit (str.isalnum: \w less the underscore), and a word holding one.
_ALNUM = re.compile(r"[^\W_]")
_WORD = re.compile(r"\S*?[^\W_]\S*")


def _word_count(text: str) -> int:
    """Words (split at whitespace) with a letter or digit in them."""
    return len(_WORD.findall(text))


def _quote_token(para: Paragraph, span: Span) -> int | None:
    index = para.token_at(span.start)
    if index < len(para.tokens) and para.tokens[index].is_quote:
        return index if para.tokens[index].start < span.end else None
    return None


def trailing_cue(para: Paragraph, c: int, hi: int) -> tuple[Mention, str] | None:
    """The attribution after a quote: "said X", "X said", "was his terse advice", "— X"."""
    text, tokens = para.text, para.tokens
    dash = next((k for k in range(c, hi) if tokens[k].text not in _LEAD_PUNCT), hi) > c and (
        any(tokens[k].text in _DASHES for k in range(c, min(hi, c + 2))))
    while c < hi and tokens[c].text in _LEAD_PUNCT:
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
    if is_speech_verb(first):
        if first.lower.endswith("ing"):
            return None  # “…”, highlighting the cost: no speaker follows a participle
        mention = noun_phrase_after(text, tokens, c, hi)
        return (mention, first.text) if mention else None
    if first.lower in ("was", "is", "came", "comes") and c + 1 < hi:
        owner = tokens[c + 1]
        for k in range(c + 2, min(hi, c + 6)):
            if tokens[k].lower in CUE_NOUNS:
                cue = text[first.start : tokens[k].end]
                if owner.lower in POSSESSIVES:
                    return Mention(owner.text, owner.start, owner.end, "pronoun"), cue
                if owner.text.endswith(("'s", "’s")) and is_name_word(owner):
                    name = owner.text[:-2]
                    return Mention(name, owner.start, owner.start + len(name), "name"), cue
    mention = phrase_forward(text, tokens, c, hi)
    if mention is None:
        return None
    k = c
    while k < hi and tokens[k].start < mention.end:
        k += 1
    if mention.role:  # "Shariyar Nezami, a militia officer, said"
        role_end = text.find(mention.role, mention.end) + len(mention.role) + 1
        while k < hi and tokens[k].end <= role_end:
            k += 1
    elif k + 2 < hi and tokens[k].text == "," and tokens[k + 1].text.isdigit() and (
            tokens[k + 2].text == ","):
        k += 3  # an age: "“…,” Ramos, 58, told reporters"
    elif k < hi and tokens[k].text == "(":
        close = next((i for i in range(k + 1, min(hi, k + 8)) if tokens[i].text == ")"), None)
        if close is not None:
            k = close + 1  # an affiliation: "“…,” Rep. Ana Ruiz (D-Md.) said"
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
    while k < hi and (tokens[k].lower in ADVERBS_NEAR_VERB or tokens[k].lower in AUXILIARIES
                      or tokens[k].text == ","):
        k += 1
    if k >= hi:
        return None
    verb = tokens[k]
    if is_speech_verb(verb) and _reads(verb, mention):
        return _owner(mention, verb), verb.text
    # “…,” he held. — right after a quote, a pronoun or name and a past-tense verb
    # ending the sentence is a speech cue whatever the verb.
    particle = k + 1 < hi and tokens[k + 1].lower in _PARTICLES  # “…,” Berg shot back
    if (mention.kind in ("pronoun", "name") and verb.is_word and not verb.is_capitalised
            and (verb.lower.endswith("ed") or verb.lower in {"held", "went"}
                 or particle and verb.lower in _PAST_BEFORE_PARTICLE)
            and (k + 1 >= hi or tokens[k + 1].text in {".", ",", "!", "?"}
                 or tokens[k + 1].lower == "and" or particle)):  # “…,” Ruiz barked and left
        return mention, text[verb.start : tokens[k + 1].end] if particle else verb.text
    return None


_PARTICLES = frozenset({"on", "back", "in", "up", "out"})  # went on, shot back, chimed in
_PAST_BEFORE_PARTICLE = frozenset({"went", "shot", "cut", "broke", "spoke", "fired", "hit"})


def _looks_credited(para: Paragraph, c: int, hi: int) -> bool:
    """Whether the words after a quote look like a credit of their own that no rule
    read ("“…,” an angry Ruiz retaliated"): a name or pronoun then a lower-case word. Such
    a quote is nobody's continuation."""
    tokens = para.tokens
    while c < hi and tokens[c].text in _LEAD_PUNCT:
        c += 1
    if c >= hi:
        return False
    if c + 1 < hi and tokens[c].is_word and not tokens[c].is_capitalised and tokens[
            c + 1].lower in ("one", "another", "others") and tag_of(tokens, c) in ("VERB", "AUX"):
        return True  # "“…,” read one. “…,” was another.": the credit is the sign's
    mention = phrase_forward(para.text, tokens, c, hi)
    if mention is None:
        return False
    k = next((i for i in range(c, hi) if tokens[i].start >= mention.end), hi)
    return k < hi and tokens[k].is_word and not tokens[k].is_capitalised


def _inside_clause(para: Paragraph, q: int, c: int, hi: int) -> bool:
    """Whether a quote right after its verb ("said “…”", "says that “…”", no comma or
    colon) is followed by more of the same clause: then it is a fragment of a claim."""
    tokens = para.tokens
    before = tokens[q - 2] if q >= 2 and tokens[q - 1].end == tokens[q].start else None
    if before is None or not (is_speech_verb(before) or before.lower == "that"):
        return False
    return c < hi and tokens[c].is_word and not is_speech_verb(tokens[c]) and (
        tokens[c].lower not in ("he", "she", "they", "it", "and", "but", "then", "before"))


_DASHES = frozenset({"—", "–", "―", "-"})


def _closes(text: str, tokens: list[Token], mention: Mention, hi: int) -> bool:
    """Whether nothing but the mention's role stands after it in the sentence."""
    rest = [t for t in tokens[:hi] if t.start >= mention.end]
    tail = text[rest[0].start : rest[-1].end] if rest else ""
    if mention.role:
        tail = tail.replace(mention.role, "", 1)
    return not tail.strip(" ,.;")


def _reads(verb: Token, mention: Mention) -> bool:
    """"read" attributes words only to a text: "the sign read", "her statement reads"."""
    return verb.lower not in ("read", "reads") or (
        mention.text.lower().split()[-1] in TEXT_NOUNS)


def _owner(mention: Mention, verb: Token) -> Mention:
    """Who speaks through a text: "her statement read" is hers, "Ruiz's post read" Ruiz's;
    "the sign read" stays the sign."""
    if verb.lower not in ("read", "reads"):
        return mention
    first = mention.text.split()[0]
    if first.lower() in POSSESSIVES:
        return Mention(first, mention.start, mention.start + len(first), "pronoun")
    if first.endswith(("'s", "’s")) and first[0].isupper():
        name = first[:-2]
        return Mention(name, mention.start, mention.start + len(name), "name")
    return mention


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
            after = noun_phrase_after(text, tokens, k, q)
            addressee = tok.lower in TELL_VERBS or tok.lower.endswith("ing") or tok.lower in (
                "asked", "asks", "ask", "urged", "urges")
            if (after is not None and after.kind != "pronoun" and not addressee
                    and _runs_to(text, after, last)):
                return after, tok.text, "verb"
            before = noun_phrase_before(text, tokens, k, lo)
            if before is not None and tok.lower.endswith("ing") and before.kind == "description":
                v = verb_before(tokens, before, lo)  # "X issued a statement saying “…”": X
                before = subject_of(text, tokens, lo, v) if v is not None else before
            if (before is not None and tok.lower.endswith("ing") and k > lo + 1
                    and tokens[k - 1].text == "," and not opens_clause(tokens, before, lo)):
                before = None  # "X thanked Tom Berg, the mayor, saying": Berg was thanked
            if before is None and k > lo + 1 and tokens[k - 1].text == "," and (
                    tok.lower.endswith("ing")):
                before = sentence_subject(text, tokens, lo, k - 1)  # "X urged …, saying, “…”"
            if before is None and k > lo + 2 and tokens[k - 1].lower in ("and", "but"):
                before = coordinated_subject(text, tokens, lo, k)  # "X nodded and told them:"
            if before is None and tok.lower.endswith("ing"):
                before = _with_subject(text, tokens, lo, k)  # "…, with Ruiz saying: “…”"
            if before is not None and not _reads(tok, before):
                before = None
            if before is not None:
                cue_end = last.start if last.text in ",:" else last.end
                return _owner(before, tok), text[tok.start:cue_end].strip(), "verb"
            if tokens[k - 1].text == "," if k > lo else False:
                return None
    if last.text == ":":
        if any(t.lower in NAMING_VERBS for t in tokens[lo : q - 1]):
            return None  # "X dubbed the conflict: “Harbour vs. the Town”": a name, not speech
        subject = sentence_subject(text, tokens, lo, q - 1)
        if subject is not None and subject.kind == "description":
            subject = before_its_verb(text, tokens, subject, q - 1)  # "The email goes on …"
        if subject is not None and subject.kind == "description" and not any(
                names_people(word) or word.lower() in WRITINGS
                for word in subject.text.split()):
            return None, ":", "colon"  # "The timing … doesn’t surprise X: “…”": no speaker
        if subject is not None:
            cue = text[subject.end : last.end].strip(" ,")
            return subject, cue or ":", "colon"
        return None, ":", "colon"
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


def _with_subject(text: str, tokens: list[Token], lo: int, k: int) -> Mention | None:
    """The name before a participle after "with": "…, with Ruiz stating: “…”" is Ruiz's."""
    if k - 1 <= lo or not is_name_word(tokens[k - 1]):
        return None
    a = name_run_back(tokens, k - 1, lo)
    if a - 1 < lo or tokens[a - 1].lower != "with":
        return None
    return make_mention(text, tokens, a, k)


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
        before.text.endswith(("'s", "’s", "s'", "s’"))))




def find_direct(para: Paragraph) -> list[Finding]:
    """Direct quotes of one paragraph."""
    found: list[Finding] = []
    tokens = para.tokens
    closes = [span.close_at for span in para.spans]
    for number, span in enumerate(para.spans):
        content = para.text[span.start : span.end]
        if not _ALNUM.search(content):
            continue
        q = _quote_token(para, span)
        if q is None:
            continue
        s_start, s_end = para.sentences[para.sentence_of(span.open_at)]
        previous_close = closes[number - 1] + 1 if number else para.start
        if number and _word_count(para.text[para.spans[number - 1].start:closes[number - 1]]) < (
                _MIN_UNCUED_WORDS):
            previous_close = para.start  # a term quoted in the lead-in does not cut it short
        lo_offset = max(s_start, previous_close)
        lo = min(q, para.token_at(lo_offset))
        next_open = para.spans[number + 1].open_at if number + 1 < len(para.spans) else para.end
        hi = max(q + 1, para.token_range(span.start, min(s_end, next_open))[1])
        c = q + 1
        if c < hi and tokens[c].start == span.close_at:
            c += 1  # the closing mark
        lo, hi = _within_parentheses(tokens, lo, q, c, hi)

        trail = trailing_cue(para, c, hi)
        lead = leading_cue(para, lo, q - 1 if q > 0 and tokens[q - 1].end == span.start else q)
        opens_sentence = lo == (q - 1 if q > 0 and tokens[q - 1].end == span.start else q)
        words = _word_count(content)
        finding = Finding(span.start, span.end, "direct", (para.start, para.end))
        if lead is not None and _inside_clause(para, q, c, hi):
            continue  # `Obama said “it gets me mad” every time …`: one claim, the quote in it
        if names_a_work(para, q):
            continue  # `said in his 2012 book, “An American Son.”`: a title, not speech
        if trail is not None and lead is not None and (
                trail[1].lower() in _REPORTING_CUES or lead[1].lower() in SPEECH_VERBS
                and para.text[:span.open_at].rstrip().endswith(":")):
            # `Ruiz said: “…,” the Times reported.`, `Berg said: “…,” Ruiz recalled.`: the
            # speech verb and colon before the quote say whose words they are (not a
            # comma: in `“A,” X said, “B,” said Y` X's credit is A's)
            finding.mention, finding.cue = lead[0], lead[1]
        elif trail is not None:
            finding.mention, finding.cue = trail
            if lead is None and not opens_sentence:
                continue  # `is now “unpredictable”, he said`: a fragment inside a claim
        elif lead is not None:
            finding.mention, finding.cue = lead[0], lead[1]
        elif opens_sentence and (words >= _MIN_UNCUED_WORDS or found):
            if _looks_credited(para, c, hi):
                continue  # credited in words no rule reads: not the last speaker's
            # standalone: the rest of a quote before it, or speaker from the context
        else:
            continue
        found.append(finding)
    # Inside a paragraph, an uncued quote after a quote is the rest of what that speaker
    # said: “A,” X said. “B.” is one quotation in two parts.
    # So is “A,” X said, “B.”: the cue after A is the cue before B.
    merged: list[Finding] = []
    for finding in found:
        if merged and (finding.mention is None or _same_mention(merged[-1], finding)):
            merged[-1].add_part(finding.start, finding.end)
        else:
            merged.append(finding)
    return merged


_REPORTING_CUES = frozenset({"reported", "reports", "according to"})


def _within_parentheses(tokens: list[Token], lo: int, q: int, c: int, hi: int
                        ) -> tuple[int, int]:
    """The bounds of a quote's sentence narrowed to the parentheses it stands in
    ("… blowback (“I want my dues back,” wrote Ed Nelson, a technician).": the words
    outside are the reporter's, and none of them is the credit)."""
    opening = next((k for k in range(q - 1, lo - 1, -1) if tokens[k].text in "()"), None)
    if opening is None or tokens[opening].text != "(":
        return lo, hi
    closing = next((k for k in range(c, hi) if tokens[k].text in "()"), hi)
    return opening + 1, closing


def _same_mention(first: Finding, second: Finding) -> bool:
    return (first.mention is not None and second.mention is not None
            and first.mention.start == second.mention.start)
