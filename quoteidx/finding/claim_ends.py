"""Where a claim's words end before the reporter's or someone else's: a participle
phrase closing it ("…, drawing cheers"), a clause with a view of its own ("…, which
critics called a giveaway"), a gloss ("… — a controversial proposal")."""

from __future__ import annotations

from quoteidx.finding.clause_or_object import FINITE
from quoteidx.finding.clauses import ends_in_comma, skip_time
from quoteidx.finding.lexicon import PERSON_SUBJECTS
from quoteidx.finding.marks import OPENING_MARKS
from quoteidx.finding.names import is_name_word
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.tokens import Token, is_speech_verb, tag_of

# Participles that list or bound what the claim is about, as a preposition would.
_LISTING = frozenset({"including", "excluding", "notably", "especially"})


def trailing_participle(para: Paragraph, m: int, end: int) -> int:
    """Where the reporter's participle phrase closing a claim starts ("…,” referring to
    the party's convention", "…, drawing cheers"), so that the claim ends before it; one
    with a comma after it is inside the claim ("the pier, costing $2m, is done")."""
    tokens = para.tokens
    # only the last comma can open it, a short way back: look for it, no further
    i = next((i for i in range(end - 2, max(m + 1, end - 30), -1) if tokens[i].text == ","
              or ends_in_comma(para, i + 1)), None)
    if i is None:
        return end
    participle = tokens[i + 1]  # after the comma, or after the mark closing on one
    if participle.lower in _LISTING:
        return end  # "the family lost almost everything, including two cats": theirs
    if participle.lower.endswith("ing") and participle.text.islower() and (
            tag_of(tokens, i + 1) == "VERB") and not any(
            t.lower in FINITE for t in tokens[i + 2 : end]):
        # (a finite verb after it makes it a subject: "…, increasing demand would …")
        return i if tokens[i].text == "," else i + 1
    return end


# Verbs by which a relative clause gives someone else's view: "…, which at least one
# employee considered illegal", "…, which critics called a giveaway".
_VIEW_VERBS = frozenset({"considered", "considers", "called", "calls", "described",
                         "describes", "deemed", "dubbed", "branded"})


def another_voice(tokens: list[Token], m: int, end: int) -> int:
    """Where a clause closing a claim with a subject and a view of its own starts (",
    which at least one former employee considered obviously illegal", ", even though
    observers doubt …", ": Howard Stern called it …"), so that the claim ends before it:
    those are someone else's words; else `end`."""
    # (the clause runs to the end with no break: a break later than its subject is not it)
    last_break = next((i for i in range(end - 1, m, -1) if tokens[i].text in ",;:"), m)
    for c in range(max(m + 1, last_break - 8), end - 3):
        if tokens[c].text not in ",:":
            continue
        s = c + 1  # the subject: after "which", or after "even though", "although"
        relative = tokens[s].lower in ("which", "whom")
        if relative:
            s += 1
        while s < end and tokens[s].lower in _CONCESSIVE:
            s += 1
        if s <= last_break:
            continue
        # (after a colon, a quote or a name and a verb of their own: `asserted that France
        # had lost its identity: “France is no longer France,” he claimed`)
        if (tokens[c].text == "," and (relative or s > c + 1 and tokens[s - 1].lower != "even")
                or tokens[c].text == ":" and (is_name_word(tokens[s]) or tokens[s].is_quote
                                              or tokens[s].text in OPENING_MARKS)) and (
                s + 1 < end) and (
                tokens[s].lower not in PERSON_SUBJECTS or not relative and is_speech_verb(
                    tokens[s + 1])) and any(
                _gives_a_view(tokens[v]) for v in range(s + 1, min(end, s + 8))):
            return c  # (not "which he called …": the speaker's own; nor a clause that
            # the claim goes on after: "the announcement, which some have argued …, was")
    return end


# What opens a clause granting someone else's view: "…, even though many observers doubt".
_CONCESSIVE = frozenset({"even", "though", "although"})


def _gives_a_view(token: Token) -> bool:
    """A past or present form of a verb of speech or of a view: "considered", "argued",
    "says" (not "demand", "ask": a verb of the clause's own)."""
    low = token.lower
    return low in _VIEW_VERBS or low.startswith("doubt") or is_speech_verb(token) and (
        low.endswith(("ed", "s")) or low in ("said", "told", "wrote", "thought"))


def closing_gloss(tokens: list[Token], m: int, end: int) -> int:
    """Where the reporter's gloss closing a claim starts, a dash and an indefinite noun
    phrase to the sentence's end ("… kill the families of terrorists — a controversial
    proposal he has raised"), so that the claim ends before it; else `end`."""
    after = skip_time(tokens, m, end)
    if after + 2 < end and tokens[after].text == "," and tokens[after + 1].lower in (
            "a", "an") and not _noun_phrase_then_verb(tokens, after + 2, end):
        return after  # "…, the agency said Friday, a surprise decline that …": the gloss
    last = next((i for i in range(end - 3, m, -1) if tokens[i].text == ","), None)
    if last is not None and (_setting(tokens, last + 1, end) or _while_going_on(
            tokens, last + 1, end) or _gloss_of_the_act(tokens, last + 1, end)):
        return last  # "…, at the fraud trial of two officials.": where, the reporter's;
        # "…, as a strike at the plant enters its third week.": when
    dash = next((i for i in range(end - 3, m - 1, -1) if tokens[i].text in _GLOSS_DASHES), None)
    if dash is None or tokens[dash + 1].lower not in ("a", "an") or any(
            t.text in _GLOSS_DASHES for t in tokens[dash + 1 : end]):
        return end
    return dash


# Events a claim was made at, set off by a comma at the sentence's end.
_EVENTS = frozenset({"trial", "hearing", "rally", "meeting", "inquiry", "forum",
                     "conference", "debate", "sentencing", "inquest"})


def _setting(tokens: list[Token], p: int, end: int) -> bool:
    """Whether tokens[p:end] say at what event it was said: "at the fraud trial of two
    officials", "during a rally in Moncton" (a preposition, a determiner, an event
    noun within three words, then no verb)."""
    if end - p < 3 or tokens[p].lower not in ("at", "during") or tokens[p + 1].lower not in (
            "a", "an", "the", "his", "her", "their", "its"):
        return False
    noun = next((i for i in range(p + 2, min(end, p + 5)) if tokens[i].lower in _EVENTS), None)
    return noun is not None and not any(
        tag_of(tokens, i) in ("VERB", "AUX") or tokens[i].is_quote for i in range(p + 2, end))


# What a reporter calls the act just told: "…, a 5-4 decision that privacy groups hailed".
_ACTS = frozenset("""decision ruling move step reversal shift change setback blow victory
win loss departure increase decrease drop rise jump""".split())


def _gloss_of_the_act(tokens: list[Token], p: int, end: int) -> bool:
    """Whether tokens[p:end] are the reporter's gloss of what was done, an indefinite
    act noun and its relative clause ("a 5-4 decision that privacy groups hailed as a
    win"); not words of the claim ("a plan that works": no act noun)."""
    if end - p < 4 or tokens[p].lower not in ("a", "an"):
        return False
    noun = next((i for i in range(p + 1, min(end - 1, p + 4)) if tokens[i].lower in _ACTS), None)
    return noun is not None and tokens[noun + 1].lower in ("that", "which") and not any(
        t.is_quote for t in tokens[p:end])


# What goes on while a claim is made: "as the strike enters its third week".
_GOING_ON = frozenset("""enter enters entered begin begins began continue continues
continued near nears neared approach approaches approached drag drags dragged wear wears
wore loom looms loomed resume resumes resumed""".split())


def _while_going_on(tokens: list[Token], p: int, end: int) -> bool:
    """Whether tokens[p:end] say what was going on as it was said: "as a strike at a
    processing plant enters its third week" ("as", a noun phrase, a verb of going on)."""
    if end - p < 4 or tokens[p].lower != "as" or tokens[p + 1].lower not in (
            "a", "an", "the", "his", "her", "their", "its"):
        return False
    verb = next((i for i in range(p + 2, min(end, p + 9)) if tokens[i].lower in _GOING_ON), None)
    return verb is not None and not any(t.is_quote for t in tokens[p:end])


_GLOSS_DASHES = frozenset({"—", "–", "--", "-"})


def _noun_phrase_then_verb(tokens: list[Token], i: int, end: int) -> bool:
    """Whether a verb of its own follows the noun phrase at tokens[i] before any relative
    word: "a number of groups are finding …" is a clause, the words said after an aside
    ("Overall, she said, a number …"); "a surprise decline that pushed …" is no clause."""
    for k in range(i, end):
        if tokens[k].lower in ("that", "which", "who", "whose", "where", "when"):
            return False
        if tag_of(tokens, k) in ("AUX", "VERB") and not tokens[k].lower.endswith(("ing", "ed")):
            return True
    return False
