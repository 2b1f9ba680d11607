"""The reporter's words around a claim, which stay out of it: where or how it was made
("in a statement released Monday", "during a news conference", "in an interview with
CBC News"), also after a trailing credit, and what the speaker would not say ("but
declined to comment"). Every sentence and name is invented."""

from __future__ import annotations

import pytest
from expect import records, show


def claims(text: str) -> list:
    return [q for q in records(text) if q.kind == "indirect"]


@pytest.mark.parametrize(("text", "content"), [
    ("Ana Ruiz said the strike will go on for weeks in a statement released Monday.",
     "the strike will go on for weeks"),
    ("Ana Ruiz said the mill would reopen in the spring during a news conference at city "
     "hall.", "the mill would reopen in the spring"),
    ("Tom Berg said the ferry was never inspected in an interview with CBC News on Sunday.",
     "the ferry was never inspected"),
    ("The mayor said the budget is balanced in an emailed statement.",
     "the budget is balanced"),
])
def test_a_closing_occasion_is_not_part_of_the_claim(text: str, content: str) -> None:
    found = claims(text)
    assert [q.text for q in found] == [content], show(found)


def test_an_occasion_after_a_trailing_credit_keeps_the_credit() -> None:
    found = claims("The strike will go on for weeks, Ana Ruiz said in a statement released "
                   "Monday night.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Ana Ruiz", "The strike will go on for weeks")], show(found)



@pytest.mark.parametrize("occasion", ["in a notice posted to its website",
                                      "in a bulletin issued Monday",
                                      "in an affidavit filed with the court"])
def test_an_occasion_in_a_notice_keeps_the_trailing_credit(occasion: str) -> None:
    """"…, the agency said in a notice posted to its website.": a notice, a bulletin, an
    affidavit are what something is said in, as a statement is (the record was lost)."""
    found = claims(f"The trail has been closed while crews clear fallen trees, the agency "
                   f"said {occasion}.")
    assert [(q.speaker, q.text) for q in found] == [
        ("the agency", "The trail has been closed while crews clear fallen trees")], show(found)

@pytest.mark.parametrize(("text", "content"), [
    # the place and time of what the claim tells, not of the telling
    ("Ana Ruiz said the deal was signed at the border in a small town.",
     "the deal was signed at the border in a small town"),
    # a conference that is not the speaker's is what the claim is about
    ("Ana Ruiz said the bishop will not meet the premier when he speaks at a church "
     "conference on Friday.", "when he speaks at a church conference on Friday"),
    # a noun that only modifies another: no occasion
    ("Ana Ruiz said the clerk broke the rules in the email scandal while she worked there.",
     "in the email scandal while she worked there"),
    # the claim's own act of telling owns the occasion
    ("Ana Ruiz said the ministry asked for the files in a letter to the police.",
     "asked for the files in a letter to the police"),
])
def test_an_occasion_that_belongs_to_the_claim_stays(text: str, content: str) -> None:
    found = claims(text)
    assert len(found) == 1 and found[0].text.endswith(content), show(found)


@pytest.mark.parametrize("text", [
    "Lise Arsenault said the department is committed to the plan but gave no dollar figure.",
    "Lise Arsenault said the department is committed to the plan, but declined to give a "
    "figure.",
    "Lise Arsenault said the department is committed to the plan but would not say how much.",
    "Lise Arsenault said the department is committed to the plan, but didn't elaborate.",
    "Lise Arsenault said the department is committed to the plan but offered no details.",
    "Lise Arsenault said the department is committed to the plan, but she did not elaborate.",
    "Lise Arsenault said the department is committed to the plan, but would not commit to a "
    "date.",
    "Lise Arsenault said the department is committed to the plan, but she refuses to discuss "
    "the cost.",
])
def test_what_the_speaker_withheld_is_not_her_claim(text: str) -> None:
    found = claims(text)
    assert [q.text for q in found] == ["the department is committed to the plan"], show(found)


def test_a_negated_verb_of_the_claims_subject_stays_in_the_claim() -> None:
    found = claims("Lise Arsenault said the drug works but did not cure every patient.")
    assert [q.text for q in found] == ["the drug works but did not cure every patient"], (
        show(found))


def test_the_speakers_act_after_a_clause_about_their_own_thing_ends_the_claim() -> None:
    found = claims("Peel Regional Police said their investigation is continuing and asked "
                   "anyone with information to call investigators.")
    assert [q.text for q in found] == ["their investigation is continuing",  # (the request,
                                       "anyone with information to call investigators"], (
        show(found))  # a claim of its own)


def test_what_people_in_the_clause_did_stays_in_the_claim() -> None:
    found = claims("Ana Ruiz said her children were scared and asked for help.")
    assert [q.text for q in found] == ["her children were scared and asked for help"], (
        show(found))


@pytest.mark.parametrize("clause", [", in which Tom Berg said:", ", where Tom Berg said:"])
def test_a_clause_bringing_in_someone_elses_quote_ends_the_claim(clause: str) -> None:
    quotes = records("Ana Ruiz reported this week that she had obtained video of Tom Berg at "
                     f"a fundraiser in Halifax{clause} “I like the plan.”")
    assert [(q.kind, q.speaker, q.text) for q in quotes] == [
        ("indirect", "Ana Ruiz", "she had obtained video of Tom Berg at a fundraiser in "
         "Halifax"),
        ("direct", "Tom Berg", "I like the plan.")], show(quotes)


def test_a_participle_whose_words_are_a_quote_does_not_end_the_sentence() -> None:
    found = claims("Tom Berg, citing “the magic of the harbour,” said the plan could win "
                   "votes in every riding.")
    assert [(q.speaker, q.text) for q in found] == [
        ("Tom Berg", "the plan could win votes in every riding")], show(found)


@pytest.mark.parametrize(("text", "claim"), [
    ("Ana Ruiz told trustees at 9:40 p.m. that the board had received 1,200 emails.",
     "the board had received 1,200 emails"),
    ("Ana Ruiz said about 1.2 million mortgages are due for renewal next year.",
     "about 1.2 million mortgages are due for renewal next year"),
])
def test_a_clock_time_or_a_decimal_is_one_word(text: str, claim: str) -> None:
    """"9:40 p.m.", "1.2 million": the colon and the point inside a number are no
    punctuation of the sentence, so the claim after them is found whole."""
    found = records(text)
    assert [(q.speaker, q.text) for q in found] == [("Ana Ruiz", claim)], show(found)
