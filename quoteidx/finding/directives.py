"""Requests and calls reported with whom and what to do: "urged the province to hire
more crisis workers", "asked the city to delay the vote", "called on Ottawa to act",
"called for an inquiry". The claim runs to where the speaker's next act or another voice
begins. A demand with "that" ("demanded that …", "urged that …") is an ordinary claim
(forward_claims)."""

from __future__ import annotations

from quoteidx.finding.clause_or_object import clause_follows
from quoteidx.finding.clauses import end_in_quote, skip_time, trim_end
from quoteidx.finding.descriptions import names_people
from quoteidx.finding.lexicon import (
    ASK_FORMS,
    ASKED_ABOUT,
    CALL_ON_FORMS,
    IRREGULAR_PASTS,
    PREPOSITIONS,
    URGE_FORMS,
)
from quoteidx.finding.model import Finding
from quoteidx.finding.names import Mention
from quoteidx.finding.paragraph import Paragraph
from quoteidx.finding.tokens import Token, is_speech_verb, tag_of

REQUEST_FORMS = ASK_FORMS | CALL_ON_FORMS | URGE_FORMS


def request_claim(para: Paragraph, k: int, b: int, speaker: Mention) -> Finding | None:
    """The request or call the verb tokens[k] reports, to the sentence's end at b."""
    tokens = para.tokens
    verb = tokens[k]
    low = verb.lower
    cue = verb.text
    if low in CALL_ON_FORMS:
        m = k + 2
        if m < b and tokens[k + 1].lower == "for" and tag_of(tokens, k) == "VERB" and (
                _calls_for(tokens, m, b, speaker)):  # (not "Alongside BLM calls for action")
            cue = f"{verb.text} for"
        elif m < b and tokens[k + 1].lower == "on" and _addressee_then_infinitive(tokens, m, b):
            cue = f"{verb.text} on"
        else:
            return None  # "called the plan a failure", "a group called …"
    else:
        m = skip_time(tokens, k + 1, b)
        if not _addressee_then_infinitive(tokens, m, b) or low in ASK_FORMS and (
                tokens[m].lower in ASKED_ABOUT or any(
                    t.lower.startswith("question") for t in tokens[m : min(b, m + 8)])):
            return None  # a question, not a request ("asked applicants tricky questions")
    e = trim_end(tokens, m, _own_act_start(tokens, m, end_in_quote(para, m, b)))
    return Finding(tokens[m].start, tokens[e - 1].end, "indirect", (para.start, para.end), cue,
                   speaker)


def _addressee_then_infinitive(tokens: list[Token], m: int, end: int) -> bool:
    """Whether tokens[m:end] open with whom a speaker urged and "to" with a verb: "the
    province to hire …", "Ottawa to act" (not "urged caution", "urged calm in the city")."""
    if m >= end or tokens[m].lower in ("not", "to", "that") or not tokens[m].is_word:
        return False  # ("asked not to be named": no one asked)
    for t in range(m + 1, min(end - 1, m + 8)):
        if tokens[t].lower == "to":
            verb = tokens[t + 1]
            # (a verb the tagger may take for a noun has its object after it: "urged
            # Ottawa to hand control to …", "asked the city to house them")
            return verb.text.islower() and (tag_of(tokens, t + 1) in ("VERB", "AUX") or (
                tag_of(tokens, t + 1) == "NOUN" and t + 2 < end and tokens[t + 2].is_word
                and tag_of(tokens, t + 2) in ("NOUN", "DET", "PRON")))
        if not tokens[t].is_word or tag_of(tokens, t) in ("VERB", "AUX"):
            return False
    return False


def _calls_for(tokens: list[Token], m: int, end: int, speaker: Mention) -> bool:
    """Whether "called for" before tokens[m] reports a demand: a person or body calls
    ("Ruiz called for an inquiry"; not "the plan calls for 40 beds", "the forecast calls
    for rain"), for a thing to be done (a noun phrase of three words or more)."""
    if speaker.kind == "description" and not names_people(speaker.text) or (
            speaker.kind == "pronoun" and speaker.text.lower() in ("it", "its")):
        return False
    return end - m >= 3 and tokens[m].is_word and tokens[m].lower not in PREPOSITIONS


def _own_act_start(tokens: list[Token], m: int, end: int) -> int:
    """Where the speaker's next act starts after what they asked for: "…, proposed that …",
    "and criticized …", "— then was drawn …", "but …" (not "to spurn … and work at …", the
    urged infinitive's own second verb); else `end`."""
    for i in range(m + 1, end - 1):
        if tokens[i].text == "," and any(is_speech_verb(t) for t in tokens[i + 1 : min(
                end, i + 8)]) and not any(t.text == "," for t in tokens[i + 1 : min(end, i + 8)]):
            return i  # "…, even a top strategist said …", "…, declaring that …": another voice
        if tokens[i].lower in ("and", ",") and tokens[i + 1].text.islower() and tokens[
                i + 1].lower.endswith("ing") and tag_of(tokens, i + 1) == "VERB":
            return i  # "… and carrying signs", "…, calling him …": the speaker's next act
        if tokens[i].lower == "but" or tokens[i].text == "," and (
                clause_follows(tokens, i + 2, end) if tokens[i + 1].lower == "and" else (
                    clause_follows(tokens, i + 1, end))):
            return i  # (", and the hashtag was soon trending", "…, Dena Grayson's marriage
            # is …": a clause of its own)
        if tokens[i].lower == "and" or tokens[i].text in (",", "—", "–", "-"):
            j = i + 1
            while j < end - 1 and tokens[j].lower in ("and", "then", "also", "later"):
                j += 1
            nxt = tokens[j]
            if nxt.text.islower() and (nxt.lower.endswith("ed") or nxt.lower in IRREGULAR_PASTS
                                       or nxt.lower in ("was", "were", "has", "had")) and (
                    tag_of(tokens, j) in ("VERB", "AUX")):
                return i
    return end
