"""Reported speech credited at the end of its sentence ("…, said Ana Ruiz in a
statement.") and claims whose clause opens with an owner ("said residents' concerns
“are real”"). Every sentence and name is invented."""

from __future__ import annotations

import pytest
from expect import records, show


@pytest.mark.parametrize(("text", "speaker"), [
    ("The meeting went badly, said Ana Ruiz in a statement.", "Ana Ruiz"),
    ("The meeting went badly, said Ana Ruiz at a news conference in Halifax.", "Ana Ruiz"),
    ("The meeting went badly, said Ana Ruiz of the Port Bank.", "Ana Ruiz"),
    ("The meeting went badly, said a spokeswoman in a statement.", "a spokeswoman"),
    # a place after a description is part of it, an occasion is not
    ("The meeting went badly, said a source in the room.", "a source in the room"),
    ("The meeting went badly, said one official at the ministry on Tuesday.",
     "one official at the ministry"),
])
def test_a_credit_after_the_claim_with_where_it_was_said(text: str, speaker: str) -> None:
    """After "said Ruiz" as after "Ruiz said", a phrase of where or how it was said
    closes the credit: the words before it are the claim."""
    found = records(text)
    assert [(q.kind, q.speaker, q.text) for q in found] == [
        ("indirect", speaker, "The meeting went badly")], show(found)


def test_a_phrase_to_someone_after_the_verb_credits_nothing() -> None:
    """ "posted the clip to YouTube" after quoted titles: a thing posted, no speaker."""
    text = ("Ruiz, who’s starred in “Harbour Lights” and “Keepers of the Bay,” posted the "
            "clip to YouTube on Thursday.")
    assert records(text) == [], show(records(text))


def test_a_claim_opening_with_a_plural_owner() -> None:
    """ "said residents' concerns “are real”": the owner opens the clause as "their"
    would; after "wrote" it opens an object ("wrote residents' names")."""
    opening = "Mayor Dawn Arnold spoke on Tuesday. "
    [claim] = records(opening + "She said residents' concerns about safety “are real and "
                      "deserve answers.”")
    assert claim.speaker == "Dawn Arnold"
    assert claim.text == "residents' concerns about safety “are real and deserve answers.”"
    found = records(opening + "She wrote residents' names on the board “in red ink.”")
    assert found == [], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("A report by the auditor general said investigators were unable to find the files.",
     "A report by the auditor general"),
    ("A report released Tuesday by the auditor general said investigators were unable to "
     "find the files.", "A report released Tuesday by the auditor general"),
    ("Documents obtained by CBC News show the ministry knew of the problem.",
     "Documents obtained by CBC News"),
    ("The man arrested by police said he was innocent of the charges.",
     "The man arrested by police"),
])
def test_a_writing_or_a_person_with_by_after_it_speaks(text: str, speaker: str) -> None:
    """ "by" after a writing, or after a participle, names its author or whoever acted on
    the person: the writing, or the person, is the subject that says it."""
    found = records(text)
    assert [q.speaker for q in found] == [speaker], show(found)


def test_a_name_in_its_own_description_after_a_preposition() -> None:
    """ "A study published in the journal Nature said": the journal is where the study
    was published; the study says it, not Nature."""
    found = records("A study published in the journal Nature said the ice was melting.")
    assert [q.speaker for q in found] == ["A study published in the journal Nature"], show(
        found)
    # "and" is no part of a name's description: Berg is named alone
    found = records("Tom Berg spoke with voters. At one point, a woman asked for a photo "
                    "and Berg said, “as long as we are not breaking any rules.”")
    assert [q.speaker for q in found] == ["Tom Berg"], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("City staff say the project will remove 42 parking spaces.", "City staff"),
    ("The staff say the project will remove 42 parking spaces.", "The staff"),
    ("The union representing about 700 workers said it was blindsided by the vote.",
     "The union representing about 700 workers"),
])
def test_collective_and_participle_subjects(text: str, speaker: str) -> None:
    """"staff" names people as "officials" does, and takes "say"; a body with a
    participle after it ("representing about 700 workers") speaks as a person would."""
    found = records(text)
    assert [q.speaker for q in found] == [speaker], show(found)


@pytest.mark.parametrize("text", [
    "The unemployment rate rose to 6.5 per cent in October, the agency said.",
    "Shares of the ferry company fell in early trading, the agency said.",
])
def test_an_irregular_past_after_a_noun_makes_the_claim_a_clause(text: str) -> None:
    """"rate rose", "Shares fell": the tagger may take the verb for a noun, but after a
    noun an irregular past is the clause's verb, so the words credited are a claim."""
    found = records(text)
    assert [(q.speaker, q.text) for q in found] == [
        ("the agency", text.split(", the agency")[0])], show(found)


@pytest.mark.parametrize("text", [
    "When the council cut the shelter's budget last year, the mayor said nothing.",
    "But when the council stopped funding the shelter, the mayor said enough.",
    "Asked whether the pier would close in the winter, the mayor said no.",
])
def test_a_clause_of_when_before_an_answer_is_no_claim(text: str) -> None:
    """A clause telling when the speaker spoke, and an answer after the verb ("no",
    "enough"), are not the words a closing credit credits."""
    found = records(text)
    assert found == [], show(found)


def test_a_leading_clause_split_by_its_credit_is_one_claim_in_two_parts() -> None:
    """"Though …, she said, …": the adverbial clause is the claim's first part, the main
    clause after the credit its second, not a claim of its own."""
    found = records("Ana Ruiz chairs the harbour board.\n\nThough the vote was close, she "
                    "said, renaming the pier would be costly.")
    assert [(q.speaker, q.text, len(q.parts)) for q in found] == [
        ("Ana Ruiz", "Though the vote was close renaming the pier would be costly", 2)
    ], show(found)


@pytest.mark.parametrize(("text", "speaker"), [
    ("An investigation by the ombudsman found that the ferry fares broke the law.",
     "An investigation by the ombudsman"),
    ("An inquiry by lawyer Ana Ruiz found that the ferry fares broke the law.", "Ana Ruiz"),
])
def test_an_investigation_by_someone_finds(text: str, speaker: str) -> None:
    """"An investigation by the ombudsman found that …": the investigation's finding, its
    maker named, as for "a review by the auditor general"."""
    found = records(text)
    assert [(q.speaker, q.text) for q in found] == [
        (speaker, "the ferry fares broke the law")], show(found)


def test_a_clock_time_can_end_the_sentence_before_a_credit() -> None:
    """"… shortly after 3 a.m. Flames were …": "a.m." closes the reporter's sentence, so
    the claim credited after the next one holds only that one."""
    found = records("Crews were called to the house shortly after 3 a.m. Flames were "
                    "coming through the roof, said Deputy Chief Ana Ruiz.")
    assert [q.text for q in found] == ["Flames were coming through the roof"], show(found)


@pytest.mark.parametrize(("text", "claim"), [
    ("Police were called at 3 a.m. Saturday to a home on Elm Street, Ana Ruiz said.",
     "Police were called at 3 a.m. Saturday to a home on Elm Street"),
    ("At 5 p.m. Ruiz said the ferry had left.", "the ferry had left"),
    # the day or the time zone closing the sentence stays the claim's
    ("The union said its members voted at 11:59 p.m. Sunday.",
     "its members voted at 11:59 p.m. Sunday"),
    ("The union said its members voted at 3 p.m. ET.", "its members voted at 3 p.m. ET"),
])
def test_a_clock_time_goes_on_before_a_day_or_when_it_opens_the_sentence(text: str, claim: str
                                                                        ) -> None:
    found = records(text)
    assert [q.text for q in found] == [claim], show(found)


def test_an_action_beats_description_subject_is_without_its_verb() -> None:
    """"Asked about the pilot, the deputy mayor shook her head. “Not at $150 million.”":
    the deputy mayor speaks, not "the deputy mayor shook her head"."""
    found = records("Deputy Mayor Marie-Claude Fontaine defended the decision.\n\nAsked about "
                    "the pilot, the deputy mayor shook her head. “Not at $150 million a year.”")
    assert [(q.speaker, q.resolved_by) for q in found] == [("Marie-Claude Fontaine", "beat")], (
        show(found))


@pytest.mark.parametrize("aside", ["meanwhile", "for his part", "however"])
def test_an_aside_between_the_name_and_the_verb_after_a_quote(aside: str) -> None:
    """"“We won,” Berg, meanwhile, said.": the aside stands between Berg and his verb."""
    found = records(f"“We won,” Tom Berg, {aside}, said.")
    assert [q.speaker for q in found] == ["Tom Berg"], show(found)
