"""Headline attributions: a document's first line shaped "Name: claim" (or "Name Says
Claim", "Claim, Name Says") gives the claim to
the person or body its story names again; labels, topics, times and lines further down
are not attributions. Every sentence and name is invented."""

from __future__ import annotations

import pytest
from expect import records, show

STORY = "\n\nAna Ruiz, who chairs the port board, spoke to reporters on Monday."


@pytest.mark.parametrize("headline", [
    "Ruiz: Harbour Tax Will Fund the Pier",
    "Ruiz: Harbour Tax Will Fund the Pier.",  # some feeds end a headline with a full stop
    "Port Chair Ana Ruiz: Harbour Tax Will Fund the Pier",
])
def test_a_headline_gives_its_claim_to_the_name_before_the_colon(headline: str) -> None:
    found = records(headline + STORY)
    assert [(q.speaker, q.text, q.kind, q.cue) for q in found] == [
        ("Ana Ruiz", "Harbour Tax Will Fund the Pier", "indirect", "(headline)")], show(found)


@pytest.mark.parametrize("headline", [
    "Ruiz Says Harbour Tax Will Fund the Pier",
    "Port Chair Ana Ruiz Warns Harbour Tax Will Fund the Pier",
    "Harbour Tax Will Fund the Pier, Ana Ruiz Says.",
])
def test_a_title_case_headline_gives_its_claim_to_the_name_by_its_speech_verb(
        headline: str) -> None:
    found = records(headline + STORY)
    assert [(q.speaker, q.text, q.cue) for q in found] == [
        ("Ana Ruiz", "Harbour Tax Will Fund the Pier", "(headline)")], show(found)


@pytest.mark.parametrize("headline", [
    "Ruiz Says Goodbye to the Pier",  # no verb after it: an object, not a claim
    "Berg Says Harbour Tax Will Fund the Pier",  # the story never names Berg
    "Harbour Tax Will Fund the Pier, Berg Says",
])
def test_a_title_case_speech_verb_needs_a_claim_and_a_speaker_named_below(
        headline: str) -> None:
    found = records(headline + STORY)
    assert found == [], show(found)


@pytest.mark.parametrize("headline", [
    "Update: Harbour Tax Will Fund the Pier",  # a label
    "Harbour Poll: Voters Back the Pier Tax",  # a poll, named by its label
    "Iowa Caucuses: What to Expect on Monday Night",  # a topic and a question
    "Ruiz: A Closing Surge",  # no verb: a label for her, not her words
    "8:45 p.m.: Ruiz Leaves the Hall",  # a time
    "Berg: Harbour Tax Will Fund the Pier",  # the story never names Berg
    "Big Win For Ruiz: Harbour Board Holds Off On Its Vote",  # a topic with a name in it
])
def test_labels_topics_and_names_the_story_never_mentions_are_not_speakers(
        headline: str) -> None:
    found = records(headline + STORY)
    assert found == [], show(found)


def test_only_the_first_line_is_a_headline() -> None:
    found = records("Harbour board meets." + STORY + "\n\nRuiz: Harbour Tax Will Fund the Pier")
    assert found == [], show(found)


def test_a_headline_with_reported_speech_is_read_as_a_sentence() -> None:
    found = records("The Latest: Ruiz says the harbour tax will fund the pier." + STORY)
    assert [(q.speaker, q.text, q.cue) for q in found] == [
        ("Ana Ruiz", "the harbour tax will fund the pier", "says")], show(found)


def test_a_headline_without_its_full_stop_is_read_for_claims() -> None:
    found = records("Harbour woman claims the port board hid its losses for years\n\n"
                    "Ana Ruiz, a harbour pilot, spoke to reporters on Monday.")
    assert [(q.speaker, q.text, q.cue) for q in found] == [
        ("Harbour woman", "the port board hid its losses for years", "claims")], show(found)
    # a subhead further down is still not read
    found = records("Harbour board meets." + STORY + "\n\nHarbour woman claims the board "
                    "hid its losses")
    assert found == [], show(found)


def test_a_court_rules_in_a_headline_without_that() -> None:
    found = records("Harbour court rules ban on ferries is legal\n\nThe Harbour court sat on "
                    "Monday in the port.")
    assert [(q.speaker, q.text, q.cue) for q in found] == [
        ("Harbour court", "ban on ferries is legal", "rules")], show(found)


def test_a_headline_claim_may_hold_the_speakers_quoted_words() -> None:
    """"Berg: Harbour Mayor ‘Not Fit To Serve.’": the verb is inside the quoted words."""
    found = records("Berg: Harbour Mayor ‘Not Fit To Serve As Mayor.’\n\nRep. Tom Berg spoke "
                    "on Monday about the mayor, Ana Ruiz.")
    assert [(q.speaker, q.kind, q.cue) for q in found] == [
        ("Tom Berg", "indirect", "(headline)")], show(found)
    # a quote alone after the colon stays a direct quote
    found = records("Berg: ‘We Will Win The Vote.’\n\nRep. Tom Berg spoke on Monday.")
    assert [(q.speaker, q.kind) for q in found] == [("Tom Berg", "direct")], show(found)


def test_a_past_form_before_a_preposition_in_a_headline_is_a_passive() -> None:
    """ "Man charged after crash that killed cyclist": a man was charged; the relative
    clause after "that" is no claim of his. An active verb with its clause still is."""
    found = records("Man charged after crash that killed cyclist in Harwick\n\n"
                    "HARWICK — A man has been charged with dangerous driving.")
    assert found == [], show(found)
    found = records("Ana Ruiz warned in 2019 that the dam was unsafe" + STORY)
    assert [(q.speaker, q.text) for q in found] == [("Ana Ruiz", "the dam was unsafe")], show(
        found)


_BEDS = ("Quebec to add 1,500 long-term care spaces, minister says\n\n"
         "Quebec will open 1,500 new care spaces, Health Minister Ana Dubois announced "
         "Wednesday.")


def test_a_headlines_bare_title_is_the_one_holder_the_story_names() -> None:
    headline = records(_BEDS)[0]
    assert (headline.speaker, headline.resolved_by) == ("Ana Dubois", "title"), show(
        records(_BEDS))


def test_a_headlines_bare_title_with_two_holders_stays_as_written() -> None:
    text = _BEDS + " Finance Minister Tom Berg said the money is in the budget."
    assert records(text)[0].speaker == "minister", show(records(text))


def test_a_quote_opening_a_headline_before_a_colon_is_the_subjects() -> None:
    """"‘It’s a crisis’: Premier Ana Ruiz calls for help": a quote, a colon, then a clause
    whose subject said it, as news sites write headlines; kept only when the story below
    names her (as every headline speaker is)."""
    found = records("‘It’s a crisis’: Premier Ana Ruiz calls for federal help\n\n"
                    "Premier Ana Ruiz says the province needs help with its hospitals.")
    assert [(q.kind, q.speaker, q.text) for q in found][0] == (
        "direct", "Ana Ruiz", "It’s a crisis"), show(found)
    found = records("‘It’s a crisis’: Ana Ruiz calls for help\n\n"
                    "The province needs help with its hospitals, officials said.")
    assert all(q.text != "It’s a crisis" for q in found), show(found)
    found = records("“Nobody came”: The night the river rose\n\nThe river rose fast.")
    assert found == [], show(found)
