"""Words set between a speaker and the speech verb that are not the speaker's role: a
participle's aside ("asked about the plan", "when contacted by the Post"), a reflexive
that stresses the subject ("the board itself"), and a time clause opening a second
attribution inside a claim ("…, and when asked about it, she said …"). Every sentence
and name is invented."""

from __future__ import annotations

import pytest
from expect import records, show


@pytest.mark.parametrize("aside", [
    "asked about the plan",
    "asked whether she would run again",
    "reached by phone",
    "when contacted by the Harbour Post",
    "when asked",
    "after being asked about it",
    "speaking to reporters",
    "reached Tuesday",
])
def test_a_participles_aside_between_the_speaker_and_the_verb(aside: str) -> None:
    found = records(f"Ana Ruiz, {aside}, said the budget was far too small.")
    assert [(q.speaker, q.role, q.text) for q in found] == [
        ("Ana Ruiz", None, "the budget was far too small")], show(found)


def test_a_past_verb_with_its_object_is_no_aside() -> None:
    """ "Ruiz, the mayor's aide, urged a delay, saying …": "urged a delay" is what she
    did, so the claim after "saying" is still hers, whole."""
    found = records("Ana Ruiz, the mayor's aide, urged a delay, saying that otherwise "
                    "the board would ''run over us,'' as one trustee put it.")
    assert [q.speaker for q in found if q.kind == "indirect"] == ["Ana Ruiz"], show(found)
    claim = next(q for q in found if q.kind == "indirect")
    assert claim.text.startswith("otherwise the board would"), show(found)
    assert "run over us" in claim.text, show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("The harbour board itself said the deal was off.", "The harbour board"),
    ("Ana Ruiz herself told reporters that the deal was off.", "Ana Ruiz"),
])
def test_a_reflexive_stressing_the_speaker(text: str, speaker: str) -> None:
    found = records(text)
    assert [(q.speaker, q.text) for q in found] == [(speaker, "the deal was off")], show(found)


def test_a_time_clause_opening_a_second_attribution() -> None:
    """The first claim ends before "and when asked …, he said": the second is his too."""
    found = records("Tom Berg said the plan would work, and when asked about the cost, he "
                    "said it would be small.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Tom Berg", "the plan would work"), ("Tom Berg", "it would be small")], show(found)


def test_a_time_clause_before_a_direct_quote_leaves_the_claim_before_it() -> None:
    found = records("Tom Berg said he had not seen the fight at the pier, and when asked "
                    "whether he was urging his fans on, he said, “I hope not.”")
    assert [(q.kind, q.speaker, q.text) for q in found] == [
        ("indirect", "Tom Berg", "he had not seen the fight at the pier"),
        ("direct", "Tom Berg", "I hope not."),
    ], show(found)


def test_a_demonstrative_after_of_belongs_to_the_role() -> None:
    """ "The author of that report, Tom Berg, said": "that" is a determiner here."""
    found = records("The author of that report, Tom Berg, said the findings still hold.")
    assert [(q.speaker, q.role) for q in found] == [
        ("Tom Berg", "author of that report")], show(found)


@pytest.mark.parametrize(("text", "speaker", "content"), [
    ("Tom Berg ended the meeting by saying that the pier would close.", "Tom Berg",
     "the pier would close"),
    ("Ana Ruiz was booed after telling the crowd that they were being unfair.", "Ana Ruiz",
     "they were being unfair"),
    ("Although Berg is not yet a candidate, Ana Ruiz sent a jab his way by suggesting that "
     "Berg was worth less than he claims.", "Ana Ruiz", "Berg was worth less than he claims"),
    ("In the last debate, on the radio, candidates were able to talk their way out of hard "
     "questions by saying it was the host who had been wrong.", "candidates",
     "it was the host who had been wrong"),
    ("Voters see the mayor struggle, while her rival, Tom Berg, has soared in the polls by "
     "saying that the port is rigged.", "Tom Berg", "the port is rigged"),
])
def test_a_gerund_of_speech_after_a_preposition(text: str, speaker: str, content: str
                                                ) -> None:
    """ "… after telling …", "… by saying …": the speaker is the subject of the nearest
    verb before the preposition that has one."""
    found = records(text)
    assert [(q.speaker, q.text) for q in found] == [(speaker, content)], show(found)


@pytest.mark.parametrize("text", [
    "Tom Berg praised Ana Ruiz for saying that the pier would close.",
    "Tom Berg renewed his feud with the mayor after writing a scathing op-ed that "
    "targeted her.",
])
def test_a_gerund_that_is_not_the_subjects_speech(text: str) -> None:
    """ "praised Ruiz for saying": Ruiz said it, and no rule may give it to Berg; "after
    writing an op-ed": an act, with no words reported."""
    assert [q.speaker for q in records(text)] == []


@pytest.mark.parametrize("aside", ["released Tuesday", "published last week"])
def test_a_past_participle_with_its_time_is_an_aside(aside: str) -> None:
    """ "The report, released Tuesday, said …": a participle with a time after it is an
    aside as with a preposition ("released on Tuesday")."""
    found = records(f"The report, {aside}, said investigators were unable to find the files.")
    assert [(q.speaker, q.text) for q in found] == [
        ("The report", "investigators were unable to find the files")], show(found)


@pytest.mark.parametrize("aside", ["facing a tough challenge in Iowa, a swing state",
                                   "facing questions about the audit, a damning report"])
def test_a_noun_that_is_also_a_speech_verb_ends_no_aside(aside: str) -> None:
    """"state", "report" inside a participle's aside are nouns: the name still speaks."""
    found = records(f"Sen. Ana Ruiz, {aside}, said she would welcome the new candidate.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Ana Ruiz", "she would welcome the new candidate")], show(found)



def test_a_name_inside_a_relative_clause_gets_no_apposition() -> None:
    """The verb phrase after ", who is running second to Mr. Berg …," is the subject's:
    not an apposition of the name inside the relative clause, who would then speak."""
    found = records("Senator Dana Lowe of Ohio, who is running second to Mr. Berg in many "
                    "states, stuck to policy at first but gradually turned tougher against "
                    "Mr. Berg, eventually saying he would lose the state.")
    assert [(q.speaker, q.text) for q in found] == [("Dana Lowe", "he would lose the state")], (
        show(found))
